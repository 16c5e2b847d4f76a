//! The variables channels are made for: `jobs := make(chan int)`, `s.done = make(chan struct{})`,
//! `chans[i] = make(chan int)` make channels the trace names `jobs`, `done` and `chans`.
//!
//! An assignment, a short variable declaration or a `var` spec tells the compiler, before it
//! compiles its right side, which name each value is assigned to ([`FnC::name_targets`]); a
//! `make(chan T)` among those values takes that name ([`FnC::chan_name`]). A channel made
//! anywhere else (an argument, a return value, a composite literal) has no name.

use crate::golang::syntax::ast::{ExprId, ExprKind, Name};
use crate::golang::vm::program::NO_NAME;

use super::func::FnC;

impl<'a> FnC<'_, 'a> {
    /// Notes, for each `lhs[i] = rhs[i]` pair whose value is a call, the name it is assigned to.
    pub(super) fn name_targets(&mut self, lhs: &[ExprId], rhs: &[ExprId]) {
        if lhs.len() != rhs.len() {
            return;
        }
        let ch = self.c.ch;
        for (&l, &r) in lhs.iter().zip(rhs) {
            let r = ch.ast.unparen(r);
            if !matches!(ch.ast.expr(r).kind, ExprKind::Call { .. }) {
                continue;
            }
            if let Some(name) = self.target_name(l) {
                let name = crate::rt::intern(name);
                let names = &mut self.c.prog.chan_names;
                let index = match names.iter().position(|n| *n == name) {
                    Some(i) => i,
                    None => {
                        names.push(name);
                        names.len() - 1
                    }
                };
                self.c.chan_targets.insert(r, index as u32);
            }
        }
    }

    /// The name `make` call `call` is assigned to, as an index into the program's
    /// `chan_names`, or [`NO_NAME`].
    pub(super) fn chan_name(&self, call: ExprId) -> u32 {
        self.c.chan_targets.get(&call).copied().unwrap_or(NO_NAME)
    }

    /// The variable left side `l` names: `x`, the field of `s.x`, the slice or map of `x[i]`.
    fn target_name(&self, l: ExprId) -> Option<&'a str> {
        let ch: &'a crate::golang::types::Checked = self.c.ch;
        let ast = &ch.ast;
        match ast.expr(ast.unparen(l)).kind {
            ExprKind::Ident(n) if n != Name::BLANK => Some(ast.names.get(n)),
            ExprKind::Selector { sel, .. } => Some(ast.ident_str(sel)),
            ExprKind::Index { x, .. } => self.target_name(x),
            _ => None,
        }
    }
}
