//! Statements (go/types' `stmt`): expression statements, sends, assignments, `go`/`defer`,
//! returns, blocks, `if`, `switch`, type switches, `select` and `for`. Declarations are in
//! `localdecl.rs`, `for … range` in `range.rs`; branch statements are checked by
//! `labels.rs`, as gc's parser does.

use super::super::constant::ConstValue;
use super::super::info::Mode;
use super::super::object::{ObjId, ObjKind, VarKind};
use super::super::ty::{Type, TypeId};
use super::expr::Kind;
use super::{Checker, Operand};
use crate::syntax::ast::{AssignOp, ChanDir, ExprId, ExprKind, List, Name, StmtId, StmtKind};
use crate::syntax::token::Op;

/// Context of a statement (kept for symmetry with go/types; branch rules live in
/// `labels.rs`).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ctx;

impl Checker<'_> {
    pub fn stmt_list(&mut self, list: List<StmtId>, ctx: Ctx) {
        let stmts = self.ast_list(list);
        for &s in stmts {
            self.stmt(s, ctx);
        }
    }

    pub fn stmt(&mut self, s: StmtId, ctx: Ctx) {
        let kind = self.ast.stmt(s).kind;
        let pos = self.ast.stmt(s).pos;
        match kind {
            StmtKind::Bad | StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Decl(d) => self.decl_stmt(d),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt, ctx),
            StmtKind::Expr(e) => {
                let mut x = Operand::invalid(e);
                let kind = self.raw_expr(&mut x, e, None);
                let msg = match x.mode {
                    Mode::Builtin => "must be called",
                    Mode::TypeExpr => "is not an expression",
                    Mode::Invalid => return,
                    _ if kind == Kind::Statement => return,
                    _ => "is not used",
                };
                let xs = self.op_string(&x);
                self.error(self.op_pos(&x), format!("{xs} {msg}"));
            }
            StmtKind::Send { ch, value, .. } => {
                let mut c = Operand::invalid(ch);
                let mut v = Operand::invalid(value);
                self.expr(&mut c, ch, None);
                self.expr(&mut v, value, None);
                if c.is_invalid() || v.is_invalid() {
                    return;
                }
                let u = self.types.under(c.ty);
                match self.types.get(u).clone() {
                    Type::Chan(ChanDir::Recv, _) => {
                        let s = self.op_string(&c);
                        self.error(
                            pos,
                            format!("invalid operation: cannot send to receive-only channel {s}"),
                        );
                    }
                    Type::Chan(_, elem) => self.assignment(&mut v, Some(elem), "send"),
                    _ => {
                        let s = self.op_string(&c);
                        self.error(
                            pos,
                            format!("invalid operation: cannot send to non-channel {s}"),
                        );
                    }
                }
            }
            StmtKind::IncDec { x: xe, inc, .. } => {
                let mut x = Operand::invalid(xe);
                self.expr(&mut x, xe, None);
                if x.is_invalid() {
                    return;
                }
                if !self.all_numeric(x.ty) {
                    let (es, ts) = (self.es(xe), self.ts(x.ty));
                    let op = if inc { "++" } else { "--" };
                    self.error(
                        self.epos(xe),
                        format!("invalid operation: {es}{op} (non-numeric type {ts})"),
                    );
                    return;
                }
                x.mode = Mode::Value;
                self.assign_var(xe, None, Some(&mut x), "assignment");
            }
            StmtKind::Assign {
                lhs,
                rhs,
                op,
                op_pos,
            } => {
                let lhs = self.ast_list(lhs);
                let rhs = self.ast_list(rhs);
                match op {
                    AssignOp::Assign => self.assign_vars(lhs, rhs),
                    AssignOp::Define => self.short_var_decl(op_pos, lhs, rhs),
                    AssignOp::Op(o) => {
                        if lhs.len() != 1 || rhs.len() != 1 {
                            self.error(
                                self.epos(lhs[0]),
                                format!(
                                    "assignment operation {}= requires single-valued expressions",
                                    o.text()
                                ),
                            );
                            return;
                        }
                        let mut x = Operand::invalid(lhs[0]);
                        self.binary(&mut x, None, lhs[0], rhs[0], o);
                        self.assign_var(lhs[0], None, Some(&mut x), "assignment");
                    }
                }
            }
            StmtKind::Go(call) => self.suspended_call("go", call),
            StmtKind::Defer(call) => self.suspended_call("defer", call),
            StmtKind::Return(results) => self.return_stmt(pos, results),
            StmtKind::Block { stmts, .. } => {
                self.open_scope();
                self.stmt_list(stmts, ctx);
                self.close_scope();
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                let mut x = Operand::invalid(cond);
                self.expr(&mut x, cond, None);
                if !x.is_invalid() && !self.all_boolean(x.ty) {
                    self.error(self.epos(cond), "non-boolean condition in if statement");
                }
                self.stmt(then, ctx);
                if let Some(e) = els {
                    self.stmt(e, ctx);
                }
                self.close_scope();
            }
            StmtKind::Switch {
                init,
                tag,
                clauses,
                rbrace,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                self.switch_stmt(tag, clauses, rbrace, ctx);
                self.close_scope();
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                guard,
                clauses,
                ..
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                self.type_switch_stmt(bind, guard, clauses, ctx);
                self.close_scope();
            }
            StmtKind::Select { clauses, .. } => {
                let clauses = self.ast_list(clauses);
                self.multiple_defaults(clauses);
                for &c in clauses {
                    let StmtKind::Comm { comm, body, .. } = self.ast.stmt(c).kind else {
                        continue;
                    };
                    if let Some(cs) = comm {
                        if !self.valid_comm(cs) {
                            let at = self.comm_pos(cs);
                            self.error(
                                at,
                                "select case must be send or receive (possibly with assignment)",
                            );
                            continue;
                        }
                    }
                    self.open_scope();
                    if let Some(cs) = comm {
                        self.stmt(cs, ctx);
                    }
                    self.stmt_list(body, ctx);
                    self.close_scope();
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                if let Some(c) = cond {
                    let mut x = Operand::invalid(c);
                    self.expr(&mut x, c, None);
                    if !x.is_invalid() && !self.all_boolean(x.ty) {
                        self.error(self.epos(c), "non-boolean condition in for statement");
                    }
                }
                if let Some(p) = post {
                    self.stmt(p, ctx);
                }
                self.stmt(body, ctx);
                self.close_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(s, key, value, define, x, body, ctx),
            StmtKind::Case { .. } | StmtKind::Comm { .. } => {}
        }
    }

    /// A comm clause's statement must be a send or a receive (possibly assigned).
    /// Where gc reports an invalid select case: an expression statement at its expression's
    /// syntax node (a binary expression at its operator, a call at its `(`), others at
    /// their start.
    fn comm_pos(&self, s: StmtId) -> crate::syntax::token::Pos {
        let StmtKind::Expr(e) = self.ast.stmt(s).kind else {
            return self.ast.stmt(s).pos;
        };
        match self.ast.expr(e).kind {
            ExprKind::Binary { op_pos, .. } => op_pos,
            ExprKind::Call { lparen, .. } => lparen,
            ExprKind::Index { lbrack, .. } | ExprKind::Slice { lbrack, .. } => lbrack,
            ExprKind::CompositeLit { lbrace, .. } => lbrace,
            _ => self.epos(e),
        }
    }

    fn valid_comm(&self, s: StmtId) -> bool {
        let is_recv = |e: ExprId| {
            matches!(
                self.ast.expr(self.ast.unparen(e)).kind,
                ExprKind::Unary { op: Op::Recv, .. }
            )
        };
        match &self.ast.stmt(s).kind {
            StmtKind::Send { .. } => true,
            StmtKind::Expr(e) => is_recv(*e),
            StmtKind::Assign {
                rhs,
                op: AssignOp::Assign | AssignOp::Define,
                ..
            } => rhs.len() == 1 && is_recv(self.ast_list(*rhs)[0]),
            _ => false,
        }
    }

    fn multiple_defaults(&mut self, clauses: &[StmtId]) {
        let mut first: Option<StmtId> = None;
        for &c in clauses {
            let is_default = match self.ast.stmt(c).kind {
                StmtKind::Case { is_default, .. } => is_default,
                StmtKind::Comm { comm, .. } => comm.is_none(),
                _ => false,
            };
            if is_default {
                match first {
                    Some(f) => {
                        let at = self.pos_string(self.ast.stmt(f).pos);
                        self.error(
                            self.ast.stmt(c).pos,
                            format!("multiple defaults (first at {at})"),
                        );
                    }
                    None => first = Some(c),
                }
            }
        }
    }

    /// `go f()` / `defer f()` (the parser makes a call of anything else, as gc's does).
    fn suspended_call(&mut self, keyword: &str, call: ExprId) {
        let mut x = Operand::invalid(call);
        let msg = match self.raw_expr(&mut x, call, None) {
            Kind::Conversion => "requires function call, not conversion",
            Kind::Expression => "discards result of",
            Kind::Statement => return,
        };
        if x.is_invalid() {
            return;
        }
        let xs = self.op_string(&x);
        self.error(self.op_pos(&x), format!("{keyword} {msg} {xs}"));
    }

    fn return_stmt(&mut self, pos: crate::syntax::Pos, results: List<ExprId>) {
        let Some(f) = self.env.func.clone() else {
            return;
        };
        let results = self.ast_list(results);
        if results.is_empty() && f.named_results {
            for &r in &f.results {
                let name = self.obj(r).name;
                if name == Name::BLANK {
                    continue;
                }
                if let Some(alt) = self.lookup(name) {
                    if alt != r {
                        let n = self.name_str(name).to_string();
                        let at = self.pos_string(self.obj(alt).pos);
                        let what = self.obj_description(alt);
                        self.error(
                            pos,
                            format!("result parameter {n} not in scope at return\n\t{at}: inner declaration of {what}"),
                        );
                    }
                }
            }
            return;
        }
        self.init_vars(&f.results, results, Some(pos));
    }

    /// `var x int` as gc's "inner declaration" lines print an object.
    fn obj_description(&self, o: ObjId) -> String {
        let obj = self.obj(o);
        let n = self.name_str(obj.name);
        match obj.kind {
            ObjKind::Var { .. } => format!("var {n} {}", self.ts(obj.ty)),
            ObjKind::Const(_) => format!("const {n} {}", self.ts(obj.ty)),
            ObjKind::TypeName { .. } => format!("type {n} {}", self.ts(self.types.under(obj.ty))),
            _ => n.to_string(),
        }
    }

    fn switch_stmt(
        &mut self,
        tag: Option<ExprId>,
        clauses: List<StmtId>,
        rbrace: crate::syntax::Pos,
        ctx: Ctx,
    ) {
        let clauses = self.ast_list(clauses);
        let mut x = Operand::default();
        match tag {
            Some(t) => {
                self.expr(&mut x, t, None);
                self.assignment(&mut x, None, "switch expression");
                if !x.is_invalid() && !self.types.comparable(x.ty) && !self.types.has_nil(x.ty) {
                    let (xs, ts) = (self.op_string(&x), self.ts(x.ty));
                    self.error(
                        self.op_pos(&x),
                        format!("cannot switch on {xs} ({ts} is not comparable)"),
                    );
                    x.mode = Mode::Invalid;
                }
            }
            None => {
                x.mode = Mode::Constant;
                x.ty = TypeId::BOOL;
                x.val = ConstValue::Bool(true);
                let _ = rbrace;
            }
        }
        self.multiple_defaults(clauses);
        let mut seen: Vec<(String, TypeId, crate::syntax::Pos)> = Vec::new();
        for &c in clauses {
            let StmtKind::Case { exprs, body, .. } = self.ast.stmt(c).kind else {
                continue;
            };
            let exprs = self.ast_list(exprs);
            for &e in exprs {
                let mut v = Operand::invalid(e);
                self.expr(&mut v, e, None);
                if x.is_invalid() || v.is_invalid() {
                    continue;
                }
                self.convert_untyped(&mut v, x.ty);
                if v.is_invalid() {
                    continue;
                }
                let mut res = v.clone();
                let mut xx = x.clone();
                self.comparison(&mut res, &mut xx, Op::Eql, true);
                // gc checks duplicates among integer, floating-point and string constants
                // only (`case x != 8:` twice in a tagless switch is allowed).
                if res.is_invalid()
                    || v.mode != Mode::Constant
                    || matches!(v.val, ConstValue::Bool(_) | ConstValue::Complex(..))
                {
                    continue;
                }
                if let Some(k) = v.val.key() {
                    if let Some(prev) = seen.iter().find(|(pk, pt, _)| *pk == k && *pt == v.ty) {
                        let at = self.pos_string(prev.2);
                        let vs = self.op_string(&v);
                        self.error(
                            self.op_pos(&v),
                            format!(
                                "duplicate case {vs} in expression switch\n\t{at}: previous case"
                            ),
                        );
                        continue;
                    }
                    seen.push((k, v.ty, self.op_pos(&v)));
                }
            }
            self.open_scope();
            self.stmt_list(body, ctx);
            self.close_scope();
        }
    }

    fn type_switch_stmt(
        &mut self,
        bind: Option<ExprId>,
        guard: ExprId,
        clauses: List<StmtId>,
        ctx: Ctx,
    ) {
        let mut bind = bind;
        if let Some(b) = bind {
            if self.ast.ident(b) == Some(Name::BLANK) {
                self.error(self.epos(b), "no new variable on left side of :=");
                bind = None;
            }
        }
        let ExprKind::TypeAssert { x: xe, .. } = self.ast.expr(guard).kind else {
            return;
        };
        let mut x = Operand::invalid(xe);
        self.expr(&mut x, xe, None);
        if x.is_invalid() {
            return;
        }
        let mut sx = None;
        if self.types.is_type_param(x.ty) {
            let s = self.op_string(&x);
            self.error(
                self.op_pos(&x),
                format!("cannot use type switch on type parameter value {s}"),
            );
        } else if self.types.interface(x.ty).is_some() {
            sx = Some(x.clone());
        } else {
            let s = self.op_string(&x);
            self.error(self.op_pos(&x), format!("{s} is not an interface"));
        }
        self.info.record(guard, Mode::Value, x.ty, None);
        let clauses = self.ast_list(clauses);
        self.multiple_defaults(clauses);
        let mut lhs_vars: Vec<ObjId> = Vec::new();
        let mut seen: Vec<(Option<TypeId>, ExprId)> = Vec::new();
        for &c in clauses {
            let StmtKind::Case { exprs, body, .. } = self.ast.stmt(c).kind else {
                continue;
            };
            let cases = self.ast_list(exprs);
            let t = self.case_types(sx.as_ref(), cases, &mut seen);
            self.open_scope();
            if let Some(b) = bind {
                let vt = match (cases.len(), t) {
                    (1, Some(t)) => t,
                    _ => x.ty,
                };
                let name = self.ast.ident(b).unwrap_or(Name::BLANK);
                let obj = self.new_var(name, self.epos(b), vt, VarKind::Local);
                self.env.locals.push((name, obj));
                self.info.implicits.insert(c, obj);
                lhs_vars.push(obj);
            }
            self.stmt_list(body, ctx);
            self.close_scope();
        }
        if let Some(b) = bind {
            let used = lhs_vars.iter().any(|&v| self.is_used(v));
            if !used {
                let s = self.es(b);
                self.error(self.epos(b), format!("declared and not used: {s}"));
            }
        }
    }

    /// The types of a type switch case; returns the last one (None for `nil`; invalid for a
    /// type in error).
    fn case_types(
        &mut self,
        x: Option<&Operand>,
        cases: &[ExprId],
        seen: &mut Vec<(Option<TypeId>, ExprId)>,
    ) -> Option<TypeId> {
        let mut last = None;
        for &e in cases {
            let t;
            if self.is_nil_expr(e) {
                let mut d = Operand::invalid(e);
                self.expr(&mut d, e, None);
                t = None;
            } else {
                let ty = self.var_type(e);
                if ty == TypeId::INVALID {
                    // Reported: the case's variable has no type, so its uses are not.
                    last = Some(ty);
                    continue;
                }
                t = Some(ty);
            }
            if let Some(&(_, other)) = seen.iter().find(|(s, _)| *s == t) {
                let ts = t.map_or("nil".to_string(), |t| self.ts(t));
                let at = self.pos_string(self.epos(other));
                self.error(
                    self.epos(e),
                    format!("duplicate case {ts} in type switch\n\t{at}: previous case"),
                );
                last = t;
                continue;
            }
            seen.push((t, e));
            if let (Some(x), Some(t)) = (x, t) {
                self.type_assertion(e, x, t, true);
            }
            last = t;
        }
        last
    }

    fn is_nil_expr(&self, e: ExprId) -> bool {
        self.ast
            .ident(self.ast.unparen(e))
            .and_then(|n| self.lookup(n))
            .is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Nil))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn conditions_must_be_boolean() {
        let errs = body_errors("\tx := 1\n\tif x {\n\t}\n\tfor x {\n\t}\n");
        assert_eq!(
            errs,
            [
                "5:5: non-boolean condition in if statement",
                "7:6: non-boolean condition in for statement",
            ]
        );
    }

    #[test]
    fn channel_directions_are_enforced() {
        let errs = body_errors("\tvar r <-chan int\n\tr <- 1\n\tvar s chan<- int\n\t<-s\n");
        assert_eq!(
        errs,
        [
            "5:2: invalid operation: cannot send to receive-only channel r (variable of type <-chan int)",
            "7:4: invalid operation: cannot receive from send-only channel s (variable of type chan<- int)",
        ]
    );
    }
}
