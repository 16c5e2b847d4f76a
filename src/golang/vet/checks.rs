//! vet's smaller analyzers, as Go 1.19's report: `assign` (`x = x`), `bools` (`x == 1 || x ==
//! 1`, `x != 1 || x != 2`), `errorsas` (a second argument to `errors.As` that is not a
//! pointer to an error or an interface), `ifaceassert` (an assertion between interfaces with
//! a method of one name and two signatures), `nilfunc` (`f == nil` of a function), `shift` (a
//! constant shift past its operand's size), `stringintconv` (`string(i)` of an integer),
//! `unmarshal` (json's `Unmarshal` or `Decode` of a value, not a pointer) and `unusedresult`
//! (`fmt.Sprintf(...)` or `x.String()` as a statement). Each is checked at the node the walk
//! of [`super::vet`] meets, in the order vet meets them.

use std::collections::HashSet;

use super::{Check, Vet};
use crate::golang::compile::escape::{walk_expr, walk_stmt, Node};
use crate::golang::syntax::ast::{AssignOp, ExprId, ExprKind, StmtId, StmtKind};
use crate::golang::syntax::token::Op;
use crate::golang::types::constant::ConstValue;
use crate::golang::types::info::{Mode, SelectionKind};
use crate::golang::types::object::ObjKind;
use crate::golang::types::{BasicKind, Type, TypeId};

/// What the analyzers remember between nodes.
#[derive(Default)]
pub(super) struct State {
    /// `||` and `&&` expressions already checked as part of a larger one (bools).
    seen_bools: HashSet<ExprId>,
    /// Expressions in code that a constant condition rules out (shift does not check them).
    dead: HashSet<ExprId>,
}

/// Marks the expressions of `body` that an `if` or `switch` on a constant never runs
/// (shift's `updateDead`).
pub(super) fn find_dead_branches(v: &mut Vet, body: StmtId) {
    let ch = v.ch;
    let ast = &ch.ast;
    let mut dead_stmts = Vec::new();
    walk_stmt(ast, body, &mut |n| {
        let Node::Stmt(s) = n else {
            return;
        };
        match ast.stmt(s).kind {
            StmtKind::If {
                cond, then, els, ..
            } => match ch.info.constant(cond) {
                Some(ConstValue::Bool(false)) => dead_stmts.push(then),
                Some(ConstValue::Bool(true)) => dead_stmts.extend(els),
                _ => {}
            },
            StmtKind::Switch { tag, clauses, .. } => {
                let tag = match tag {
                    None => None,
                    Some(t) => match ch.info.constant(t) {
                        Some(ConstValue::Int(n)) => Some(*n),
                        _ => return,
                    },
                };
                for &c in ast.list(clauses) {
                    let StmtKind::Case { exprs, .. } = ast.stmt(c).kind else {
                        continue;
                    };
                    // A case whose values are all constants that cannot match.
                    let never = !exprs.is_empty()
                        && ast
                            .list(exprs)
                            .iter()
                            .all(|&e| match (tag, ch.info.constant(e)) {
                                (None, Some(ConstValue::Bool(false))) => true,
                                (Some(t), Some(ConstValue::Int(n))) => *n != t,
                                _ => false,
                            });
                    if never {
                        dead_stmts.push(c);
                    }
                }
            }
            _ => {}
        }
    });
    for s in dead_stmts {
        walk_stmt(ast, s, &mut |n| {
            if let Node::Expr(e) = n {
                v.state.dead.insert(e);
            }
        });
    }
}

impl Vet<'_> {
    /// The analyzers that look at a statement.
    pub(super) fn check_stmt(&mut self, s: StmtId) {
        let ch = self.ch;
        let ast = &ch.ast;
        match ast.stmt(s).kind {
            StmtKind::Assign { lhs, rhs, op, .. } => {
                let (lhs, rhs) = (ast.list(lhs), ast.list(rhs));
                if op == AssignOp::Assign {
                    self.self_assignment(lhs, rhs);
                }
                if let (AssignOp::Op(Op::Shl | Op::Shr), &[x], &[y]) = (op, lhs, rhs) {
                    self.long_shift(x, x, y);
                }
            }
            StmtKind::Expr(e) => self.unused_result(e),
            StmtKind::TypeSwitch { guard, clauses, .. } => {
                if let ExprKind::TypeAssert { x, .. } = ast.expr(guard).kind {
                    for &c in ast.list(clauses) {
                        if let StmtKind::Case { exprs, .. } = ast.stmt(c).kind {
                            for &target in ast.list(exprs) {
                                self.impossible_assertion(x, target);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// ifaceassert: `x.(T)` of an interface `x` to an interface `T` with a method of the same
    /// name and another signature, which no type can have.
    fn impossible_assertion(&mut self, x: ExprId, target: ExprId) {
        let ch = self.ch;
        let types = &ch.types;
        let (v, t) = (ch.info.type_of(x), ch.info.type_of(target));
        let (Some(vi), Some(ti)) = (types.interface(v), types.interface(t)) else {
            return;
        };
        if vi.terms.is_some() || ti.terms.is_some() {
            return;
        }
        let conflict = ti.methods.iter().find(|m| {
            vi.methods
                .iter()
                .any(|n| n.name == m.name && n.pkg == m.pkg && n.sig != m.sig)
        });
        if let Some(m) = conflict {
            let (vs, ts) = (
                ch.type_string_by_path(v, super::MAIN_PATH),
                ch.type_string_by_path(t, super::MAIN_PATH),
            );
            let msg = format!(
                "impossible type assertion: no type can implement both {vs} and {ts} (conflicting types for {} method)",
                ch.name(m.name)
            );
            self.report(Check::IfaceAssert, ch.ast.first_byte(target), msg);
        }
    }

    /// The analyzers that look at an expression.
    pub(super) fn check_expr(&mut self, e: ExprId) {
        let ch = self.ch;
        let ast = &ch.ast;
        match ast.expr(e).kind {
            ExprKind::Binary { op, x, y, .. } => match op {
                Op::OrOr | Op::AndAnd => self.bools(e, op),
                Op::Eql | Op::Neq => self.nil_func(e, op, x, y),
                Op::Shl | Op::Shr => self.long_shift(e, x, y),
                _ => {}
            },
            ExprKind::TypeAssert { x, ty: Some(t) } => self.impossible_assertion(x, t),
            ExprKind::Call { fun, args, .. } => {
                let args = ast.list(args);
                self.errors_as(e, fun, args);
                self.string_int_conversion(e, fun, args);
                self.unmarshal(e, fun, args);
            }
            _ => {}
        }
    }

    /// assign: `x = x`, each pair of a multiple assignment on its own.
    fn self_assignment(&mut self, lhs: &[ExprId], rhs: &[ExprId]) {
        let ast = &self.ch.ast;
        if lhs.len() != rhs.len() {
            return;
        }
        for (&l, &r) in lhs.iter().zip(rhs) {
            if self.has_side_effects(l) || self.has_side_effects(r) {
                continue;
            }
            let (ls, rs) = (ast.expr_go_string(l), ast.expr_go_string(r));
            if ls == rs {
                let pos = ast.first_byte(lhs[0]);
                self.report(
                    Check::Assign,
                    pos,
                    format!("self-assignment of {rs} to {ls}"),
                );
            }
        }
    }

    /// Whether evaluating `e` may do something: a call that is not a conversion, or a
    /// receive.
    fn has_side_effects(&self, e: ExprId) -> bool {
        let ch = self.ch;
        let ast = &ch.ast;
        let mut effects = false;
        walk_expr(ast, e, &mut |n| match n {
            Node::Expr(x) => match ast.expr(x).kind {
                ExprKind::Call { fun, .. } if ch.info.mode(fun) != Mode::TypeExpr => effects = true,
                ExprKind::Unary { op: Op::Recv, .. } => effects = true,
                _ => {}
            },
            Node::Stmt(_) => {}
        });
        effects
    }

    /// bools: an operand repeated in a chain of `||` or `&&`, or a variable compared with
    /// two constants where that is always true or false.
    fn bools(&mut self, e: ExprId, op: Op) {
        let ch = self.ch;
        let ast = &ch.ast;
        if !self.state.seen_bools.insert(e) {
            return;
        }
        let (name, bad_eq) = if op == Op::OrOr {
            ("or", Op::Neq)
        } else {
            ("and", Op::Eql)
        };
        let mut operands = Vec::new();
        self.split_bools(e, op, &mut operands);
        // Runs of operands without side effects, which may be reordered.
        let runs: Vec<Vec<ExprId>> = operands
            .split(|&x| self.has_side_effects(x))
            .map(<[ExprId]>::to_vec)
            .collect();
        for run in &runs {
            let mut seen: Vec<String> = Vec::new();
            for &x in run {
                let text = ast.expr_go_string(x);
                if seen.contains(&text) {
                    let msg = format!("redundant {name}: {text} {op} {text}");
                    self.report(Check::Bools, ast.first_byte(x), msg);
                } else {
                    seen.push(text);
                }
            }
            let mut compared: Vec<(String, String)> = Vec::new();
            for &x in run {
                let ExprKind::Binary {
                    op: cmp,
                    x: a,
                    y: b,
                    ..
                } = ast.expr(x).kind
                else {
                    continue;
                };
                if cmp != bad_eq {
                    continue;
                }
                let operand = if ch.info.constant(b).is_some() {
                    a
                } else if ch.info.constant(a).is_some() {
                    b
                } else {
                    continue;
                };
                let (otext, text) = (ast.expr_go_string(operand), ast.expr_go_string(x));
                match compared.iter().find(|(o, _)| *o == otext) {
                    Some((_, prev)) if *prev != text => {
                        let msg = format!("suspect {name}: {text} {op} {prev}");
                        self.report(Check::Bools, ast.first_byte(x), msg);
                    }
                    Some(_) => {}
                    None => compared.push((otext, text)),
                }
            }
        }
    }

    /// The operands of a chain of `op`, rightmost first, as vet lists them.
    fn split_bools(&mut self, e: ExprId, op: Op, out: &mut Vec<ExprId>) {
        let ast = &self.ch.ast;
        let mut e = e;
        loop {
            e = ast.unparen(e);
            match ast.expr(e).kind {
                ExprKind::Binary { op: o, x, y, .. } if o == op => {
                    self.state.seen_bools.insert(e);
                    self.split_bools(y, op, out);
                    e = x;
                }
                _ => {
                    out.push(e);
                    return;
                }
            }
        }
    }

    /// nilfunc: a function compared with nil.
    fn nil_func(&mut self, e: ExprId, op: Op, x: ExprId, y: ExprId) {
        let ch = self.ch;
        let ast = &ch.ast;
        let is_nil = |e: ExprId| {
            let o = ch.info.use_of(ast.unparen(e));
            o.is_some_and(|o| matches!(ch.obj(o).kind, ObjKind::Nil))
        };
        let other = if is_nil(x) {
            y
        } else if is_nil(y) {
            x
        } else {
            return;
        };
        // A generic function's instance, `f[int]`, by its name.
        let named = match ast.expr(other).kind {
            ExprKind::Index { x, .. } if matches!(ast.expr(x).kind, ExprKind::Ident(_)) => Some(x),
            _ => super::name_ident(ast, other),
        };
        let Some(named) = named else {
            return;
        };
        let Some(f) = ch.info.use_of(named) else {
            return;
        };
        if !matches!(ch.obj(f).kind, ObjKind::Func(_)) {
            return;
        }
        let msg = format!(
            "comparison of function {} {op} nil is always {}",
            ch.name(ch.obj(f).name),
            op == Op::Neq
        );
        self.report(Check::NilFunc, ast.first_byte(e), msg);
    }

    /// shift: `x << n` or `x >>= n` with a constant `n` at least `x`'s size in bits.
    fn long_shift(&mut self, node: ExprId, x: ExprId, y: ExprId) {
        let ch = self.ch;
        let ast = &ch.ast;
        if self.state.dead.contains(&node) || ch.info.constant(x).is_some() {
            return;
        }
        // vet reads the amount as an int64 (a larger one is not checked).
        let Some(amount) = ch.info.constant(y).and_then(|c| match c {
            ConstValue::Int(n) => i64::try_from(*n).ok(),
            _ => None,
        }) else {
            return;
        };
        let Type::Basic(kind) = ch.types.get(ch.types.under(ch.info.type_of(x))) else {
            return;
        };
        use BasicKind::*;
        let bits = match kind {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 => 32,
            Int | Int64 | Uint | Uint64 | Uintptr => 64,
            _ => return,
        };
        if amount >= bits {
            let msg = format!(
                "{} ({bits} bits) too small for shift of {amount}",
                ast.expr_go_string(x)
            );
            self.report(Check::Shift, ast.first_byte(node), msg);
        }
    }

    /// stringintconv: `string(i)` of an integer that is not a byte or a rune.
    fn string_int_conversion(&mut self, call: ExprId, fun: ExprId, args: &[ExprId]) {
        let ch = self.ch;
        let ast = &ch.ast;
        let &[arg] = args else {
            return;
        };
        let Some(named) = super::name_ident(ast, fun) else {
            return;
        };
        let Some(tname) = ch.info.use_of(named).filter(|&o| ch.obj(o).is_type_name()) else {
            return;
        };
        let target = ch.obj(tname).ty;
        if ch.types.under(target) != TypeId::STRING {
            return;
        }
        let source = ch.info.type_of(arg);
        let Type::Basic(kind) = ch.types.get(ch.types.under(source)) else {
            return;
        };
        // Integers but bytes and runes (uint8, int32).
        let integer = {
            use BasicKind::*;
            matches!(
                kind,
                Int | Int8 | Int16 | Int64 | Uint | Uint16 | Uint32 | Uint64 | Uintptr | UntypedInt
            )
        };
        if !integer {
            return;
        }
        // A named type shows its underlying one: `myInt (int)`.
        let describe = |t: TypeId, name: String| {
            let under = ch.types.under(t);
            match ch.types.get(under) {
                Type::Basic(k) if k.name() != name => format!("{name} ({})", k.name()),
                _ => name,
            }
        };
        let source_name = match ch.types.named(source) {
            Some(n) => ch.name(ch.obj(n.obj).name).to_string(),
            None => kind.name().to_string(),
        };
        let msg = format!(
            "conversion from {} to {} yields a string of one rune, not a string of digits (did you mean fmt.Sprint(x)?)",
            describe(source, source_name),
            describe(target, ch.name(ch.obj(tname).name).to_string()),
        );
        self.report(Check::StringIntConv, ast.first_byte(call), msg);
    }

    /// unmarshal: json's `Unmarshal` or a Decoder's `Decode` given a value to fill, not a
    /// pointer to it.
    fn unmarshal(&mut self, call: ExprId, fun: ExprId, args: &[ExprId]) {
        let ch = self.ch;
        let ast = &ch.ast;
        let Some(f) = self.callee(fun) else {
            return;
        };
        let obj = ch.obj(f);
        let pkg = obj
            .pkg
            .map_or("", |p| ch.packages[p.0 as usize].path.as_str());
        let name = ch.name(obj.name);
        let recv = obj.func().and_then(|fi| fi.recv_base);
        let index = match (name, recv) {
            ("Unmarshal", None) if matches!(pkg, "encoding/json" | "encoding/xml") => 1,
            ("Decode", Some(base))
                if matches!(pkg, "encoding/json" | "encoding/xml" | "encoding/gob")
                    && ch
                        .types
                        .named(base)
                        .is_some_and(|n| ch.name(ch.obj(n.obj).name) == "Decoder") =>
            {
                0
            }
            _ => return,
        };
        let Some(&arg) = args.get(index) else {
            return;
        };
        let ty = ch.types.under(super::operand_type(ch, arg));
        if matches!(
            ch.types.get(ty),
            Type::Pointer(_) | Type::Interface(_) | Type::TypeParam(_)
        ) {
            return;
        }
        let ExprKind::Call { lparen, .. } = ast.expr(call).kind else {
            return;
        };
        let which = if index == 1 {
            " as second argument"
        } else {
            ""
        };
        let msg = format!("call of {name} passes non-pointer{which}");
        self.report(Check::Unmarshal, lparen, msg);
    }

    /// errorsas: `errors.As(err, target)` whose target is not a pointer to an error type or
    /// an interface.
    fn errors_as(&mut self, call: ExprId, fun: ExprId, args: &[ExprId]) {
        let ch = self.ch;
        let ast = &ch.ast;
        let Some(f) = self.callee(fun) else {
            return;
        };
        let is_errors_as = ch
            .obj(f)
            .pkg
            .is_some_and(|p| ch.packages[p.0 as usize].path == "errors")
            && ch.name(ch.obj(f).name) == "As"
            && ch.obj(f).func().is_some_and(|fi| fi.recv_base.is_none());
        let (true, Some(&target)) = (is_errors_as, args.get(1)) else {
            return;
        };
        let ty = super::operand_type(ch, target);
        let types = &ch.types;
        if types.interface(ty).is_some_and(|i| i.methods.is_empty()) {
            return;
        }
        let msg = match types.get(types.under(ty)) {
            Type::Pointer(elem) if *elem == TypeId::ERROR => {
                "second argument to errors.As should not be *error"
            }
            Type::Pointer(elem)
                if types.interface(*elem).is_some() || super::printf::is_error(self, *elem) =>
            {
                return
            }
            _ => "second argument to errors.As must be a non-nil pointer to either a type that implements error, or to any interface type",
        };
        self.report(Check::ErrorsAs, ast.first_byte(call), msg.to_string());
    }

    /// unusedresult: a call statement that drops the result of a function whose result is
    /// all it does (`fmt.Sprintf`, `errors.New`, `context.WithValue`...) or of a `String` or
    /// `Error` method.
    fn unused_result(&mut self, e: ExprId) {
        const FUNCS: &[&str] = &[
            "errors.New",
            "fmt.Errorf",
            "fmt.Sprintf",
            "fmt.Sprint",
            "sort.Reverse",
            "context.WithValue",
            "context.WithCancel",
            "context.WithDeadline",
            "context.WithTimeout",
        ];
        let ch = self.ch;
        let ast = &ch.ast;
        let call = ast.unparen(e);
        let ExprKind::Call { fun, lparen, .. } = ast.expr(call).kind else {
            return;
        };
        let mut fun = ast.unparen(fun);
        if ch.info.mode(fun) == Mode::TypeExpr {
            return;
        }
        if let ExprKind::Index { x, .. } = ast.expr(fun).kind {
            fun = x;
        }
        let ExprKind::Selector { sel, .. } = ast.expr(fun).kind else {
            return;
        };
        let method = ch
            .info
            .selection(fun)
            .filter(|s| s.kind != SelectionKind::Qualified);
        let msg = match method {
            Some(s) if s.kind == SelectionKind::Method => {
                let f = s.obj;
                let name = ch.name(ch.obj(f).name);
                let Some(sig) = ch.types.signature(ch.obj(f).ty) else {
                    return;
                };
                let stringer =
                    sig.params.is_empty() && !sig.variadic && sig.results == [TypeId::STRING];
                if !stringer || !matches!(name, "Error" | "String") {
                    return;
                }
                let Some(fi) = ch.obj(f).func() else {
                    return;
                };
                // An interface's method (`error`'s) has the interface as its receiver.
                let base = ch.type_string_by_path(fi.recv_base.unwrap_or(s.x_ty), super::MAIN_PATH);
                let star = if fi.ptr_recv { "*" } else { "" };
                format!("result of ({star}{base}).{name} call not used")
            }
            Some(_) => return,
            None => {
                let Some(f) = ch.info.use_of(sel).filter(|&o| ch.obj(o).func().is_some()) else {
                    return;
                };
                let obj = ch.obj(f);
                let pkg = obj
                    .pkg
                    .map_or("", |p| ch.packages[p.0 as usize].path.as_str());
                let qname = format!("{pkg}.{}", ch.name(obj.name));
                if !FUNCS.contains(&qname.as_str()) {
                    return;
                }
                format!("result of {qname} call not used")
            }
        };
        self.report(Check::UnusedResult, lparen, msg);
    }
}
