//! The order in which an expression's operands are evaluated.
//!
//! Go fixes the order of an expression's calls (left to right) and leaves open when its
//! other operands are read. gc makes every call of an expression first and reads variables,
//! fields, elements and map entries after them, so in `x + f()`, where `f` changes `x`, the
//! sum uses the new `x`. The compiler does the same where it can be seen: before an
//! expression that reads something a call could change (a variable in a cell, a package
//! variable, a field, an element, a dereference) and also makes a call outside that read, the
//! expression's calls are evaluated into temporaries, in Go's order ([`FnC::hoist_calls`]),
//! and the expression then takes them from there. `len` and `cap` are evaluated in order with
//! the calls, as gc evaluates them. Calls on the right of `&&` and `||` may not run and stay
//! where they are, and so do those in function literals.

use crate::golang::syntax::ast::{ExprId, ExprKind};
use crate::golang::syntax::token::Op;
use crate::golang::types::info::{CallKind, Mode, SelectionKind};
use crate::golang::types::object::{Builtin, ObjKind};
use crate::golang::types::ty::Type;

use super::func::FnC;

/// Whether a call of `kind` is `len` or `cap`, which gc evaluates in order with the calls.
fn is_len_or_cap(kind: Option<CallKind>) -> bool {
    matches!(kind, Some(CallKind::Builtin(Builtin::Len | Builtin::Cap)))
}

/// What an expression does that the order of evaluation can show.
#[derive(Default)]
struct Effects {
    /// It makes a call whose value an outer expression uses (not the expression itself).
    calls: bool,
    /// It reads, outside its calls, something a call could change.
    reads: bool,
}

impl FnC<'_, '_> {
    /// Evaluates the calls of `e` (a statement's expression, evaluated once where this is
    /// called) into temporaries when gc's order differs from operand order there (see the
    /// module's documentation); `expr` and `expr_to` take them.
    pub fn hoist_calls(&mut self, e: ExprId) {
        let mut fx = Effects::default();
        self.effects(e, true, &mut fx);
        if fx.calls && fx.reads {
            self.hoist_in(e, true);
        }
    }

    /// [`FnC::hoist_calls`] for a list of values evaluated together (a return's, the right
    /// side of an assignment): a call among several values is an operand like any other.
    pub fn hoist_list(&mut self, es: &[ExprId]) {
        if let [e] = es {
            return self.hoist_calls(*e);
        }
        let mut fx = Effects::default();
        for &e in es {
            self.effects(e, false, &mut fx);
        }
        if fx.calls && fx.reads {
            for &e in es {
                self.hoist_in(e, false);
            }
        }
    }

    /// The effects of `e`; `root`: `e` is the statement's own expression (its value is not
    /// an operand of another).
    fn effects(&self, e: ExprId, root: bool, fx: &mut Effects) {
        let ch = self.c.ch;
        if ch.info.mode(e) == Mode::Constant {
            return;
        }
        match ch.ast.expr(e).kind {
            ExprKind::Ident(_) => {
                if let Some(o) = ch.info.use_of(e) {
                    let changeable = match self.vars.get(&o) {
                        Some(v) => v.cell,
                        None => matches!(ch.objs[o.0 as usize].kind, ObjKind::Var { .. }),
                    };
                    fx.reads |= changeable;
                }
            }
            ExprKind::Paren(x) => self.effects(x, root, fx),
            ExprKind::Star(x) => {
                fx.reads = true;
                self.effects(x, false, fx);
            }
            ExprKind::Selector { x, sel } => match ch.info.selection(e) {
                Some(s) => {
                    fx.reads |= s.kind == SelectionKind::Field;
                    self.effects(x, false, fx);
                }
                // A package member: a package variable may change.
                None => {
                    if let Some(o) = ch.info.use_of(sel).or_else(|| ch.info.use_of(e)) {
                        fx.reads |= matches!(ch.objs[o.0 as usize].kind, ObjKind::Var { .. });
                    }
                }
            },
            ExprKind::Index { x, indices, .. } => {
                fx.reads = true;
                self.effects(x, false, fx);
                for &i in ch.ast.list(indices) {
                    self.effects(i, false, fx);
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.effects(x, false, fx);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.effects(b, false, fx);
                }
            }
            ExprKind::TypeAssert { x, .. } => self.effects(x, false, fx),
            ExprKind::Unary { x, .. } => self.effects(x, false, fx),
            ExprKind::Binary { op, x, y, .. } => {
                self.effects(x, false, fx);
                if !matches!(op, Op::AndAnd | Op::OrOr) {
                    self.effects(y, false, fx);
                }
            }
            ExprKind::CompositeLit { elts, .. } => {
                for &el in ch.ast.list(elts) {
                    self.effects(el, false, fx);
                }
            }
            ExprKind::KeyValue { key, value, .. } => {
                self.effects(key, false, fx);
                self.effects(value, false, fx);
            }
            ExprKind::Call { fun, args, .. } => {
                let kind = ch.info.call(e).copied();
                if let Some(CallKind::Call { .. }) = kind {
                    fx.calls |= !root && self.single_valued(e);
                    self.effects(fun, false, fx);
                }
                // `len` and `cap` read their operand where they stand, like a call.
                let early = is_len_or_cap(kind);
                let mut args_fx = Effects::default();
                for &a in ch.ast.list(args) {
                    self.effects(a, false, &mut args_fx);
                }
                fx.calls |= args_fx.calls;
                fx.reads |= args_fx.reads && !early;
            }
            _ => {}
        }
    }

    /// Evaluates the calls of `e` into temporaries, innermost and leftmost first (a call's
    /// own calls before it), as [`FnC::effects`] walks them.
    fn hoist_in(&mut self, e: ExprId, root: bool) {
        let ch = self.c.ch;
        if ch.info.mode(e) == Mode::Constant {
            return;
        }
        match ch.ast.expr(e).kind {
            ExprKind::Paren(x) => self.hoist_in(x, root),
            ExprKind::Star(x) | ExprKind::TypeAssert { x, .. } | ExprKind::Unary { x, .. } => {
                self.hoist_in(x, false)
            }
            ExprKind::Selector { x, .. } if ch.info.selection(e).is_some() => {
                self.hoist_in(x, false)
            }
            ExprKind::Index { x, indices, .. } => {
                self.hoist_in(x, false);
                for &i in ch.ast.list(indices) {
                    self.hoist_in(i, false);
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.hoist_in(x, false);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.hoist_in(b, false);
                }
            }
            ExprKind::Binary { op, x, y, .. } => {
                self.hoist_in(x, false);
                if !matches!(op, Op::AndAnd | Op::OrOr) {
                    self.hoist_in(y, false);
                }
            }
            ExprKind::CompositeLit { elts, .. } => {
                for &el in ch.ast.list(elts) {
                    self.hoist_in(el, false);
                }
            }
            ExprKind::KeyValue { key, value, .. } => {
                self.hoist_in(key, false);
                self.hoist_in(value, false);
            }
            ExprKind::Call { fun, args, .. } => {
                let kind = ch.info.call(e).copied();
                let call = matches!(kind, Some(CallKind::Call { .. }));
                if call {
                    self.hoist_in(fun, false);
                }
                for &a in ch.ast.list(args) {
                    self.hoist_in(a, false);
                }
                if (call || is_len_or_cap(kind)) && !root && self.single_valued(e) {
                    let r = self.alloc();
                    self.expr_to(e, r);
                    self.hoisted.insert(e, r);
                }
            }
            _ => {}
        }
    }

    /// Whether call `e` has one result (not none, not several).
    fn single_valued(&self, e: ExprId) -> bool {
        let t = self.c.ch.info.type_of(e);
        !matches!(self.c.types.get(t), Type::Tuple(_))
    }
}
