//! Assignments and initializations: assignability of a value to a type, variable
//! declarations with and without types, `=` and `:=` with one value per variable or one
//! multi-value expression, and return values.

use super::super::constant::ReprError;
use super::super::info::Mode;
use super::super::object::{ObjId, VarKind};
use super::super::ty::TypeId;
use super::{Checker, Operand};
use crate::syntax::ast::{ExprId, ExprKind, Name};
use crate::syntax::Pos;

fn measure(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

impl Checker<'_> {
    /// Checks that `x` can be assigned to a variable of type `t` (`None`: the blank
    /// identifier), converting an untyped `x`. `context` completes gc's message ("in
    /// assignment", "in argument to f").
    pub fn assignment(&mut self, x: &mut Operand, t: Option<TypeId>, context: &str) {
        self.single_value(x);
        match x.mode {
            Mode::Invalid => return,
            Mode::Nil
            | Mode::Constant
            | Mode::Variable
            | Mode::MapIndex
            | Mode::Value
            | Mode::CommaOk => {}
            _ => {
                let (xs, ts) = (self.op_string(x), t.map(|t| self.ts(t)).unwrap_or_default());
                self.error(
                    self.op_pos(x),
                    format!("cannot assign {xs} to {ts} in {context}"),
                );
                x.mode = Mode::Invalid;
                return;
            }
        }
        if self.types.is_untyped(x.ty) {
            let mut target = t.unwrap_or(TypeId::INVALID);
            if x.is_nil() {
                if t.is_none() {
                    self.error(self.op_pos(x), format!("use of untyped nil in {context}"));
                    x.mode = Mode::Invalid;
                    return;
                }
            } else if t.is_none() || t.is_some_and(|t| self.types.is_interface(t)) {
                target = self.types.default_type(x.ty);
            }
            match self.implicit_type_and_value(x, target) {
                Err(err) => {
                    let (xs, ts) = (self.op_string(x), self.ts(target));
                    let mut msg = format!("cannot use {xs} as {ts} value in {context}");
                    // Not for a type parameter, which gc reports as an invalid conversion.
                    match err {
                        _ if self.types.is_type_param(target) => {}
                        ReprError::Truncated => msg.push_str(" (truncated)"),
                        ReprError::Overflow => msg.push_str(" (overflows)"),
                        ReprError::Invalid => {}
                    }
                    self.error(self.op_pos(x), msg);
                    x.mode = Mode::Invalid;
                    return;
                }
                Ok((nt, val)) => {
                    if let Some(v) = val {
                        x.val = v;
                    }
                    if nt != x.ty {
                        x.ty = nt;
                        if let Some(e) = x.expr {
                            self.update_expr_type(e, nt, true);
                        }
                    }
                }
            }
        }
        let Some(t) = t else { return };
        let mut cause = None;
        if !self.assignable_to(x, t, &mut cause) {
            let (xs, ts) = (self.op_string(x), self.ts(t));
            let msg = match cause {
                Some(c) => format!("cannot use {xs} as {ts} value in {context}: {c}"),
                None => format!("cannot use {xs} as {ts} value in {context}"),
            };
            self.error(self.op_pos(x), msg);
            x.mode = Mode::Invalid;
        }
    }

    /// Initializes the variable `lhs` with `x`; gives it `x`'s (default) type if its type
    /// is still to be inferred.
    pub fn init_var(&mut self, lhs: ObjId, x: &mut Operand, context: &str) {
        let pending = self.pending_type.contains(&lhs);
        if x.is_invalid()
            || x.ty == TypeId::INVALID
            || !pending && self.obj(lhs).ty == TypeId::INVALID
        {
            if pending {
                self.set_var_type(lhs, TypeId::INVALID);
            }
            self.mark_used(lhs);
            x.mode = Mode::Invalid;
            return;
        }
        if pending {
            let mut t = x.ty;
            if self.types.is_untyped(t) {
                if t == TypeId::UNTYPED_NIL {
                    self.error(self.op_pos(x), format!("use of untyped nil in {context}"));
                    self.set_var_type(lhs, TypeId::INVALID);
                    x.mode = Mode::Invalid;
                    return;
                }
                t = self.types.default_type(t);
            }
            self.set_var_type(lhs, t);
        }
        let t = self.obj(lhs).ty;
        self.assignment(x, Some(t), context);
        if x.is_invalid() {
            // No follow-on "declared and not used" for it, as gc.
            self.mark_used(lhs);
        }
    }

    fn set_var_type(&mut self, v: ObjId, t: TypeId) {
        self.obj_mut(v).ty = t;
        self.pending_type.remove(&v);
    }

    /// Initializes the variables `lhs` with the values of `rhs` (a declaration, or the
    /// results of a return statement at `ret`).
    pub fn init_vars(&mut self, lhs: &[ObjId], rhs: &[ExprId], ret: Option<Pos>) {
        let context = if ret.is_some() {
            "return statement"
        } else {
            "assignment"
        };
        let (l, r) = (lhs.len(), rhs.len());
        let is_call = r == 1
            && matches!(
                self.ast.expr(self.ast.unparen(rhs[0])).kind,
                ExprKind::Call { .. }
            );
        if l == r && !is_call {
            for (i, &v) in lhs.iter().enumerate() {
                let mut x = Operand::invalid(rhs[i]);
                let target = if self.pending_type.contains(&v) {
                    None
                } else {
                    Some(self.obj(v).ty)
                };
                self.expr_with_target(&mut x, rhs[i], target);
                self.init_var(v, &mut x, context);
            }
            return;
        }
        if r != 1 {
            if self.use_exprs(rhs) {
                match ret {
                    Some(at) => {
                        let ops = self.expr_list(rhs);
                        self.return_error(at, lhs, &ops);
                    }
                    None => self.assign_error(rhs, l, r),
                }
            }
            self.invalidate(lhs);
            return;
        }
        let (mut ops, comma_ok) = self.multi_expr(rhs[0], l == 2 && ret.is_none());
        if l == ops.len() {
            for (i, &v) in lhs.iter().enumerate() {
                self.init_var(v, &mut ops[i], context);
            }
            if comma_ok && !ops[0].is_invalid() && !ops[1].is_invalid() {
                self.record_comma_ok(rhs[0], ops[0].ty, ops[1].ty);
            }
            return;
        }
        if !ops[0].is_invalid() {
            match ret {
                Some(at) => self.return_error(at, lhs, &ops),
                None => self.assign_error(rhs, l, ops.len()),
            }
        }
        self.invalidate(lhs);
    }

    fn invalidate(&mut self, lhs: &[ObjId]) {
        for &v in lhs {
            if self.pending_type.contains(&v) {
                self.set_var_type(v, TypeId::INVALID);
            }
            self.mark_used(v);
        }
    }

    fn assign_error(&mut self, rhs: &[ExprId], l: usize, r: usize) {
        let vars = measure(l, "variable");
        let vals = measure(r, "value");
        let rhs0 = rhs[0];
        if rhs.len() == 1 {
            if let ExprKind::Call { fun, .. } = self.ast.expr(self.ast.unparen(rhs0)).kind {
                let f = self.es(fun);
                self.error(
                    self.epos(rhs0),
                    format!("assignment mismatch: {vars} but {f} returns {vals}"),
                );
                return;
            }
        }
        self.error(
            self.epos(rhs0),
            format!("assignment mismatch: {vars} but {vals}"),
        );
    }

    fn return_error(&mut self, at: Pos, lhs: &[ObjId], rhs: &[Operand]) {
        let (l, r) = (lhs.len(), rhs.len());
        let (at, qual) = if r > l {
            (self.op_pos(&rhs[l]), "too many")
        } else if r > 0 {
            (self.op_pos(&rhs[r - 1]), "not enough")
        } else {
            (at, "not enough")
        };
        let have: Vec<TypeId> = rhs.iter().map(|o| o.ty).collect();
        let want: Vec<TypeId> = lhs.iter().map(|&v| self.obj(v).ty).collect();
        let (have, want) = (
            self.types_summary(&have, false, false),
            self.types_summary(&want, false, false),
        );
        self.error(
            at,
            format!("{qual} return values\n\thave {have}\n\twant {want}"),
        );
    }

    /// The variable of this package that `lhs` names, if it is an identifier that names one.
    fn package_var(&mut self, lhs: ExprId) -> Option<ObjId> {
        let ident = self.ast.ident(self.ast.unparen(lhs));
        ident
            .and_then(|n| self.lookup(n))
            .filter(|&o| self.obj(o).is_var() && self.obj(o).pkg == Some(self.pkg))
    }

    /// The type of an assignment's left-hand side (`None` for `_`); an identifier on the
    /// left is not a use of its variable.
    fn lhs_var(&mut self, lhs: ExprId) -> Option<TypeId> {
        let u = self.ast.unparen(lhs);
        let ident = self.ast.ident(u);
        if ident == Some(Name::BLANK) {
            self.info.record_def(u, ObjId::NONE);
            return None;
        }
        let v = self.package_var(lhs);
        let was = v.map(|o| self.is_used(o));
        let mut x = Operand::invalid(lhs);
        self.expr(&mut x, lhs, None);
        if let (Some(o), Some(was)) = (v, was) {
            self.used[o.0 as usize] = was;
        }
        if x.is_invalid() || x.ty == TypeId::INVALID {
            return Some(TypeId::INVALID);
        }
        match x.mode {
            Mode::Variable | Mode::MapIndex => Some(x.ty),
            _ => {
                if let ExprKind::Selector { x: sx, .. } = self.ast.expr(u).kind {
                    if self.info.mode(sx) == Mode::MapIndex {
                        let s = self.es(u);
                        self.error(
                            self.op_pos(&x),
                            format!("cannot assign to struct field {s} in map"),
                        );
                        return Some(TypeId::INVALID);
                    }
                }
                let s = self.es(u);
                self.error(
                    self.op_pos(&x),
                    format!(
                        "cannot assign to {s} (neither addressable nor a map index expression)"
                    ),
                );
                Some(TypeId::INVALID)
            }
        }
    }

    /// `lhs = rhs`, or `lhs = x` when the value was evaluated already.
    pub fn assign_var(
        &mut self,
        lhs: ExprId,
        rhs: Option<ExprId>,
        x: Option<&mut Operand>,
        context: &str,
    ) {
        let t = self.lhs_var(lhs);
        if t == Some(TypeId::INVALID) {
            match x {
                Some(x) => x.mode = Mode::Invalid,
                None => {
                    if let Some(r) = rhs {
                        self.use_exprs(&[r]);
                    }
                }
            }
            return;
        }
        let mut own;
        let x = match x {
            Some(x) => x,
            None => {
                let r = rhs.expect("a right-hand side to evaluate");
                own = Operand::invalid(r);
                self.expr_with_target(&mut own, r, t);
                &mut own
            }
        };
        let context = if t.is_none() && context == "assignment" {
            "assignment to _ identifier"
        } else {
            context
        };
        self.assignment(x, t, context);
        if x.is_invalid() {
            // No follow-on "declared and not used" for it, as gc.
            if let Some(v) = self.package_var(lhs) {
                self.mark_used(v);
            }
        }
    }

    /// `lhs... = rhs...`.
    pub fn assign_vars(&mut self, lhs: &[ExprId], rhs: &[ExprId]) {
        let (l, r) = (lhs.len(), rhs.len());
        let is_call = r == 1
            && matches!(
                self.ast.expr(self.ast.unparen(rhs[0])).kind,
                ExprKind::Call { .. }
            );
        if l == r && !is_call {
            for i in 0..l {
                self.assign_var(lhs[i], Some(rhs[i]), None, "assignment");
            }
            return;
        }
        if r != 1 {
            let ok_l = self.use_lhs(lhs);
            let ok_r = self.use_exprs(rhs);
            if ok_l && ok_r {
                self.assign_error(rhs, l, r);
            }
            return;
        }
        let (mut ops, comma_ok) = self.multi_expr(rhs[0], l == 2);
        if l == ops.len() {
            for i in 0..l {
                self.assign_var(lhs[i], None, Some(&mut ops[i]), "assignment");
            }
            if comma_ok && !ops[0].is_invalid() && !ops[1].is_invalid() {
                self.record_comma_ok(rhs[0], ops[0].ty, ops[1].ty);
            }
            return;
        }
        if !ops[0].is_invalid() {
            self.assign_error(rhs, l, ops.len());
        }
        self.use_lhs(lhs);
    }

    /// `lhs... := rhs...` at `pos` (the `:=`).
    pub fn short_var_decl(&mut self, pos: Pos, lhs: &[ExprId], rhs: &[ExprId]) {
        let mut seen: Vec<Name> = Vec::new();
        let mut lhs_vars: Vec<ObjId> = Vec::new();
        let mut new_vars: Vec<(ExprId, ObjId)> = Vec::new();
        let mut has_err = false;
        for &l in lhs {
            let Some(name) = self.ast.ident(l) else {
                self.use_lhs(&[l]);
                let s = self.es(l);
                self.error(self.epos(l), format!("non-name {s} on left side of :="));
                has_err = true;
                lhs_vars.push(self.dummy_var(l));
                continue;
            };
            if name != Name::BLANK {
                if seen.contains(&name) {
                    let s = self.es(l);
                    self.error(self.epos(l), format!("{s} repeated on left side of :="));
                    has_err = true;
                    lhs_vars.push(self.dummy_var(l));
                    continue;
                }
                seen.push(name);
            }
            if let Some(alt) = self
                .lookup_local_block(name)
                .filter(|_| name != Name::BLANK)
            {
                self.info.record_use(l, alt);
                if self.obj(alt).is_var() {
                    lhs_vars.push(alt);
                } else {
                    let s = self.es(l);
                    self.error(self.epos(l), format!("cannot assign to {s}"));
                    has_err = true;
                    lhs_vars.push(self.dummy_var(l));
                }
                continue;
            }
            let obj = self.new_var(name, self.epos(l), TypeId::INVALID, VarKind::Local);
            self.pending_type.insert(obj);
            self.info.record_def(l, obj);
            lhs_vars.push(obj);
            if name != Name::BLANK {
                new_vars.push((l, obj));
            }
        }
        self.init_vars(&lhs_vars, rhs, None);
        for &(l, o) in &new_vars {
            let t = self.obj(o).ty;
            self.info.record(l, Mode::Variable, t, None);
        }
        if new_vars.is_empty() && !has_err {
            self.error(pos, "no new variables on left side of :=");
            return;
        }
        for (_, o) in new_vars {
            self.declare_var(o);
        }
    }

    fn dummy_var(&mut self, at: ExprId) -> ObjId {
        let o = self.new_var(Name::BLANK, self.epos(at), TypeId::INVALID, VarKind::Local);
        self.pending_type.insert(o);
        o
    }

    /// Declares a new local variable in the innermost scope and tracks its use.
    pub fn declare_var(&mut self, o: ObjId) {
        let name = self.obj(o).name;
        if name == Name::BLANK {
            return;
        }
        if let Some(alt) = self.lookup_local_block(name) {
            self.redeclared(o, alt);
            return;
        }
        if let Some(f) = self.env.func.as_mut() {
            f.vars.push(o);
        }
        self.env.locals.push((name, o));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn assignments_check_counts_and_types() {
        let errs = body_errors("\tvar s string\n\ts = 1\n\ta, b := 1\n\t_, _, _ = s, a, b\n");
        assert_eq!(
            errs,
            [
                "5:6: cannot use 1 (untyped int constant) as string value in assignment",
                "6:10: assignment mismatch: 2 variables but 1 value",
            ]
        );
    }

    #[test]
    fn short_declarations_need_a_new_variable() {
        let errs = body_errors("\tx := 1\n\tx := 2\n\t_ = x\n");
        assert_eq!(errs, ["5:4: no new variables on left side of :="]);
    }
}
