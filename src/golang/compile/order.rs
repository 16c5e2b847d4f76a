//! The order in which an expression's operands are evaluated.
//!
//! Go fixes the order of an expression's calls (left to right) and leaves open when its
//! other operands are read. gc makes every call of an expression first and reads variables,
//! fields, elements and map entries after them, so in `x + f()`, where `f` changes `x`, the
//! sum uses the new `x`. The compiler does the same where it can be seen: before an
//! expression that reads something a call could change (a local that escapes, a package
//! variable, a field, an element, a dereference) and also makes a call outside that read, the
//! expression's calls are evaluated into temporaries, in Go's order ([`FnC::hoist_calls`]),
//! and the expression then takes them from there. `len`, `cap` and the builtins that make or
//! take values apart (`append`, `copy`, `make`, `complex`, `real`, `imag`) are evaluated in
//! order with the calls, as gc evaluates them. Calls on the right of `&&` and `||` may not run
//! and stay where they are, and so do those in function literals.

use crate::golang::syntax::ast::{ExprId, ExprKind};
use crate::golang::syntax::token::Op;
use crate::golang::types::info::{CallKind, Mode, RecvAdjust, SelectionKind};
use crate::golang::types::object::{Builtin, ObjKind};
use crate::golang::types::ty::Type;

use super::func::FnC;

/// Whether a call of `kind` is one of the builtins gc evaluates in order with the calls
/// (`len`, `cap`, `append`, `copy`, `make`, `complex`, `real`, `imag`: Go's
/// fixedbugs/bug491.go).
fn is_ordered_builtin(kind: Option<CallKind>) -> bool {
    matches!(
        kind,
        Some(CallKind::Builtin(
            Builtin::Len
                | Builtin::Cap
                | Builtin::Append
                | Builtin::Copy
                | Builtin::Make
                | Builtin::Complex
                | Builtin::Real
                | Builtin::Imag
        ))
    )
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
        self.hoist_operands(es);
    }

    /// [`FnC::hoist_list`] for an assignment to `places` (`a[i] = f()`, `p.v += f()`): gc makes
    /// the calls of the places' operands, then those of the right side, and reads the places'
    /// variables after all of them, so an `i` that `f` changes picks the element assigned.
    pub fn hoist_assignment(&mut self, places: &[ExprId], rhs: &[ExprId]) {
        let ch = self.c.ch;
        let operands: Vec<ExprId> = places
            .iter()
            .flat_map(|&l| self.operands(ch.ast.unparen(l)))
            .chain(rhs.iter().copied())
            .collect();
        self.hoist_operands(&operands);
    }

    /// Hoists the calls of `es`, operands evaluated together, when gc's order differs from
    /// operand order among them.
    fn hoist_operands(&mut self, es: &[ExprId]) {
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
        let e = ch.ast.unparen(e);
        if ch.info.mode(e) == Mode::Constant {
            return;
        }
        if self.is_map_literal(e) {
            fx.calls |= !root;
            return;
        }
        match ch.ast.expr(e).kind {
            ExprKind::Ident(_) => {
                if let Some(o) = ch.info.use_of(e) {
                    // A local a call can change: one that escapes (in a cell, or an array
                    // or struct whose storage a closure or pointer shares).
                    let changeable = match self.vars.get(&o) {
                        Some(_) => self.escaping.contains(&o),
                        None => matches!(ch.objs[o.0 as usize].kind, ObjKind::Var { .. }),
                    };
                    fx.reads |= changeable;
                }
            }
            ExprKind::Star(_) | ExprKind::Index { .. } => fx.reads = true,
            ExprKind::Selector { sel, .. } => match ch.info.selection(e) {
                // A field, or a value receiver loaded through a pointer.
                Some(s) => {
                    fx.reads |=
                        s.kind == SelectionKind::Field || s.indirect || s.recv == RecvAdjust::Deref
                }
                // A package member: a package variable may change.
                None => {
                    if let Some(o) = ch.info.use_of(sel).or_else(|| ch.info.use_of(e)) {
                        fx.reads |= matches!(ch.objs[o.0 as usize].kind, ObjKind::Var { .. });
                    }
                }
            },
            ExprKind::Call { .. } => {
                let kind = ch.info.call(e).copied();
                if let Some(CallKind::Call { .. }) = kind {
                    fx.calls |= !root && self.single_valued(e);
                }
                if is_ordered_builtin(kind) {
                    // `len` and `cap` read their operand where they stand, like a call; the
                    // builtin's own operands are read after its calls (`append(s, f())`
                    // appends to the `s` that `f` left).
                    let mut inner = Effects::default();
                    for o in self.operands(e) {
                        self.effects(o, false, &mut inner);
                    }
                    // `copy` writes elements: its place among the calls shows, like a call's.
                    let writes = matches!(kind, Some(CallKind::Builtin(Builtin::Copy)));
                    fx.calls |= inner.calls || writes && !root;
                    fx.reads |= inner.calls && inner.reads;
                    return;
                }
                // A conversion of a slice reads its elements (`string(b)`).
                if let Some(CallKind::Conversion(_)) = kind {
                    if let Some(&a) = self.operands(e).first() {
                        let t = ch.info.type_of(a);
                        fx.reads |= matches!(self.c.under(t), Type::Slice(_));
                    }
                }
            }
            _ => {}
        }
        for o in self.operands(e) {
            self.effects(o, false, fx);
        }
    }

    /// Evaluates the calls of `e` into temporaries, innermost and leftmost first (a call's
    /// own calls before it), as [`FnC::effects`] walks them.
    fn hoist_in(&mut self, e: ExprId, root: bool) {
        let ch = self.c.ch;
        let e = ch.ast.unparen(e);
        if ch.info.mode(e) == Mode::Constant || self.hoisted.contains_key(&e) {
            return;
        }
        if self.is_map_literal(e) {
            if !root {
                let r = self.alloc();
                self.expr_to(e, r);
                self.hoisted.insert(e, r);
            }
            return;
        }
        for o in self.operands(e) {
            self.hoist_in(o, false);
        }
        if let ExprKind::Call { .. } = ch.ast.expr(e).kind {
            let kind = ch.info.call(e).copied();
            let call = matches!(kind, Some(CallKind::Call { .. }));
            if (call || is_ordered_builtin(kind)) && !root && self.single_valued(e) {
                let r = self.alloc();
                self.expr_to(e, r);
                self.hoisted.insert(e, r);
            }
        }
    }

    /// The operands that evaluating `e` evaluates, in Go's order: not the right side of `&&`
    /// and `||` (it may not run), nor what a function literal's body does; a call's function
    /// value only for a call (not a conversion's type or a builtin's name).
    pub(super) fn operands(&self, e: ExprId) -> Vec<ExprId> {
        let ch = self.c.ch;
        match ch.ast.expr(e).kind {
            ExprKind::Paren(x)
            | ExprKind::Star(x)
            | ExprKind::TypeAssert { x, .. }
            | ExprKind::Unary { x, .. } => vec![x],
            ExprKind::Selector { x, .. } if ch.info.selection(e).is_some() => vec![x],
            ExprKind::Index { x, indices, .. } => std::iter::once(x)
                .chain(ch.ast.list(indices).iter().copied())
                .collect(),
            ExprKind::Slice { x, lo, hi, max, .. } => std::iter::once(x)
                .chain([lo, hi, max].into_iter().flatten())
                .collect(),
            ExprKind::Binary {
                op: Op::AndAnd | Op::OrOr,
                x,
                ..
            } => vec![x],
            ExprKind::Binary { x, y, .. } => vec![x, y],
            ExprKind::CompositeLit { elts, .. } => ch.ast.list(elts).to_vec(),
            ExprKind::KeyValue { key, value, .. } => vec![key, value],
            ExprKind::Call { fun, args, .. } => {
                let call = matches!(ch.info.call(e), Some(CallKind::Call { .. }));
                call.then_some(fun)
                    .into_iter()
                    .chain(ch.ast.list(args).iter().copied())
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// Whether `e` is a map's composite literal. gc makes one as statements that store its
    /// entries in order (`m[k1] = v1; m[k2] = v2`), ahead of the expression that uses it: it is
    /// evaluated like a call, and its own entries are read in order, each after the calls
    /// of those before it.
    fn is_map_literal(&self, e: ExprId) -> bool {
        let ch = self.c.ch;
        matches!(ch.ast.expr(e).kind, ExprKind::CompositeLit { .. })
            && matches!(self.c.under(ch.info.type_of(e)), Type::Map(..))
    }

    /// Whether call `e` has one result (not none, not several).
    fn single_valued(&self, e: ExprId) -> bool {
        let t = self.c.ch.info.type_of(e);
        !matches!(self.c.types.get(t), Type::Tuple(_))
    }
}
