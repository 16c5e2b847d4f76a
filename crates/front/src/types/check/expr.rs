//! Expressions: the dispatch over expression kinds (go/types' `rawExpr` and
//! `exprInternal`), identifiers, literals, unary operations and type assertions. Untyped
//! values are in `untyped.rs`, binary operations in `binary.rs`, calls and selectors in
//! `call.rs`.

use super::super::constant::{self, ConstValue};
use super::super::info::Mode;
use super::super::object::ObjKind;
use super::super::ty::{Type, TypeId};
use super::{Checker, Operand, MAX_CHECK_NESTING};
use crate::syntax::ast::{ExprId, ExprKind, Name};
use crate::syntax::literal;
use crate::syntax::token::{LitKind, Op, Pos};

/// Whether an expression may stand as a statement (go/types' `exprKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Conversion,
    Expression,
    Statement,
}

impl Checker<'_> {
    /// Checks `e` into `x` and records it. `hint` is the element type for an untyped
    /// composite literal inside another literal.
    pub fn raw_expr(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) -> Kind {
        if self.nesting >= MAX_CHECK_NESTING {
            self.too_deep_at(e);
            return self.invalid(x, e);
        }
        self.nesting += 1;
        let kind = self.expr_internal(x, e, hint);
        self.nesting -= 1;
        self.record(x);
        kind
    }

    /// Records the operand's mode, type and value for its expression.
    pub fn record(&mut self, x: &Operand) {
        let Some(e) = x.expr else { return };
        let mode = match x.mode {
            Mode::CommaOk => Mode::Value,
            m => m,
        };
        let val = if x.mode == Mode::Constant {
            Some(x.val.clone())
        } else {
            None
        };
        self.info.record(e, mode, x.ty, val);
    }

    /// A single value.
    pub fn expr(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) {
        self.raw_expr(x, e, hint);
        self.exclude(x, &[Mode::NoValue, Mode::Builtin, Mode::TypeExpr]);
        self.single_value(x);
        self.non_generic(x);
    }

    /// A single value assigned to a variable of type `target` (used to infer type arguments
    /// of a generic function value).
    pub fn expr_with_target(&mut self, x: &mut Operand, e: ExprId, _target: Option<TypeId>) {
        self.expr(x, e, None);
    }

    /// A value or a type.
    pub fn expr_or_type(&mut self, x: &mut Operand, e: ExprId) {
        self.raw_expr(x, e, None);
        self.exclude(x, &[Mode::NoValue]);
        self.single_value(x);
    }

    /// The values of `e` (several for a multi-value call; two for a comma-ok expression when
    /// `allow_comma_ok`). The flag says whether the comma-ok form was used.
    pub fn multi_expr(&mut self, e: ExprId, allow_comma_ok: bool) -> (Vec<Operand>, bool) {
        let mut x = Operand::invalid(e);
        self.raw_expr(&mut x, e, None);
        self.exclude(&mut x, &[Mode::NoValue, Mode::Builtin, Mode::TypeExpr]);
        self.non_generic(&mut x);
        if !x.is_invalid() {
            if let Some(elems) = self.types.tuple_elems(x.ty) {
                let list = elems
                    .iter()
                    .map(|&t| Operand {
                        mode: Mode::Value,
                        expr: Some(e),
                        ty: t,
                        ..Default::default()
                    })
                    .collect();
                return (list, false);
            }
        }
        if allow_comma_ok && matches!(x.mode, Mode::MapIndex | Mode::CommaOk) {
            let ok = Operand {
                mode: Mode::Value,
                expr: Some(e),
                ty: TypeId::UNTYPED_BOOL,
                ..Default::default()
            };
            return (vec![x, ok], true);
        }
        (vec![x], false)
    }

    /// Records a comma-ok expression used for two values: its type becomes `(T, bool)`.
    pub fn record_comma_ok(&mut self, e: ExprId, t0: TypeId, t1: TypeId) {
        let mut e = e;
        loop {
            let tup = self.types.new_tuple(vec![t0, t1]);
            self.info.record(e, Mode::CommaOk, tup, None);
            match self.ast.expr(e).kind {
                ExprKind::Paren(x) => e = x,
                _ => break,
            }
        }
    }

    /// Reports `x` if its mode is one of `modes`.
    pub fn exclude(&mut self, x: &mut Operand, modes: &[Mode]) {
        if !modes.contains(&x.mode) {
            return;
        }
        let s = self.op_string(x);
        let msg = match x.mode {
            Mode::NoValue if modes.contains(&Mode::TypeExpr) => {
                format!("{s} (no value) used as value")
            }
            Mode::NoValue => format!("{s} (no value) used as value or type"),
            Mode::Builtin => format!("{s} must be called"),
            _ => format!("{s} is not an expression"),
        };
        let msg = msg.replace(" (no value) (no value)", " (no value)");
        self.error(self.op_pos(x), msg);
        x.mode = Mode::Invalid;
    }

    /// Reports a multi-value operand used as one value.
    pub fn single_value(&mut self, x: &mut Operand) {
        if x.mode == Mode::Value && self.types.tuple_elems(x.ty).is_some() {
            let s = self.op_string(x);
            self.error(
                self.op_pos(x),
                format!("multiple-value {s} in single-value context"),
            );
            x.mode = Mode::Invalid;
        }
    }

    /// The position gc reports an operand at: its expression's start.
    pub fn op_pos(&self, x: &Operand) -> Pos {
        x.expr.map_or(0, |e| self.epos(e))
    }

    fn expr_internal(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) -> Kind {
        *x = Operand::invalid(e);
        let kind = self.ast.expr(e).kind;
        match kind {
            ExprKind::Bad => return Kind::Statement,
            ExprKind::Ident(_) => self.ident(x, e, false),
            ExprKind::Ellipsis { .. } => {
                self.error(self.epos(e), "invalid use of '...'");
                return self.invalid(x, e);
            }
            ExprKind::BasicLit { kind, bad, .. } => {
                if bad {
                    return self.invalid(x, e); // reported by the scanner
                }
                self.basic_lit(x, e, kind)
            }
            ExprKind::FuncLit { ty, body } => {
                let ExprKind::FuncType { params, results } = self.ast.expr(ty).kind else {
                    return self.invalid(x, e);
                };
                self.open_scope();
                let (sig, pobjs, robjs) = self.signature(params, results);
                self.info.record(ty, Mode::TypeExpr, sig, None);
                self.func_body(sig, None, &pobjs, &robjs, body);
                self.close_scope();
                x.mode = Mode::Value;
                x.ty = sig;
            }
            ExprKind::CompositeLit { .. } => {
                self.composite_lit(x, e, hint);
                if x.is_invalid() {
                    return self.invalid(x, e);
                }
            }
            ExprKind::Paren(inner) => {
                let k = self.raw_expr(x, inner, hint);
                x.expr = Some(e);
                return k;
            }
            ExprKind::Selector { .. } => self.selector(x, e, false),
            ExprKind::Index { .. } => {
                self.index_expr(x, e);
                if x.is_invalid() {
                    return self.invalid(x, e);
                }
            }
            ExprKind::Slice { .. } => {
                self.slice_expr(x, e);
                if x.is_invalid() {
                    return self.invalid(x, e);
                }
            }
            ExprKind::TypeAssert { x: inner, ty } => {
                let Some(ty) = ty else {
                    self.error(
                        self.epos(e),
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                    self.use_exprs(&[inner]);
                    return self.invalid(x, e);
                };
                self.expr(x, inner, None);
                if x.is_invalid() {
                    return self.invalid(x, e);
                }
                if self.types.is_type_param(x.ty) {
                    let s = self.op_string(x);
                    self.error(self.op_pos(x), format!("invalid operation: cannot use type assertion on type parameter value {s}"));
                    return self.invalid(x, e);
                }
                if self.types.interface(x.ty).is_none() {
                    let s = self.op_string(x);
                    self.error(
                        self.op_pos(x),
                        format!("invalid operation: {s} is not an interface"),
                    );
                    return self.invalid(x, e);
                }
                let t = self.var_type(ty);
                if t == TypeId::INVALID {
                    return self.invalid(x, e);
                }
                self.type_assertion(e, x, t, false);
                x.mode = Mode::CommaOk;
                x.ty = t;
            }
            ExprKind::Call { .. } => return self.call_expr(x, e),
            ExprKind::Star(inner) => {
                self.expr_or_type(x, inner);
                match x.mode {
                    Mode::Invalid => return self.invalid(x, e),
                    Mode::TypeExpr => x.ty = self.types.pointer(x.ty),
                    _ => match self.types.pointer_elem(x.ty) {
                        Some(base) => {
                            x.mode = Mode::Variable;
                            x.ty = base;
                        }
                        None => {
                            let s = self.op_string(x);
                            self.error(
                                self.op_pos(x),
                                format!("invalid operation: cannot indirect {s}"),
                            );
                            return self.invalid(x, e);
                        }
                    },
                }
            }
            ExprKind::Unary { op, x: inner } => {
                self.unary(x, e, op, inner);
                if x.is_invalid() {
                    return self.invalid(x, e);
                }
                if op == Op::Recv {
                    x.expr = Some(e);
                    return Kind::Statement;
                }
            }
            ExprKind::Binary { op, x: l, y: r, .. } => {
                self.binary(x, Some(e), l, r, op);
                if x.is_invalid() {
                    return self.invalid(x, e);
                }
            }
            ExprKind::KeyValue { .. } => {
                self.error(self.epos(e), "invalid syntax tree: no key:value expected");
                return self.invalid(x, e);
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType { .. }
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                x.mode = Mode::TypeExpr;
                x.ty = self.typ(e);
            }
        }
        x.expr = Some(e);
        Kind::Expression
    }

    fn invalid(&mut self, x: &mut Operand, e: ExprId) -> Kind {
        x.mode = Mode::Invalid;
        x.expr = Some(e);
        Kind::Statement
    }

    /// Checks expressions for their side effects on "used" (after another error).
    pub fn use_exprs(&mut self, es: &[ExprId]) -> bool {
        let mut ok = true;
        for &e in es {
            let mut x = Operand::invalid(e);
            self.raw_expr(&mut x, e, None);
            ok &= !x.is_invalid();
        }
        ok
    }

    /// Like `use_exprs`, for the left-hand side of an assignment: a variable named there is
    /// not used by it.
    pub fn use_lhs(&mut self, es: &[ExprId]) -> bool {
        let mut ok = true;
        for &e in es {
            let u = self.ast.unparen(e);
            if let Some(name) = self.ast.ident(u) {
                if name == Name::BLANK {
                    continue;
                }
                let v = self
                    .lookup(name)
                    .filter(|&o| self.obj(o).is_var() && self.obj(o).pkg == Some(self.pkg));
                let was = v.map(|o| self.is_used(o));
                let mut x = Operand::invalid(e);
                self.raw_expr(&mut x, e, None);
                if let (Some(o), Some(was)) = (v, was) {
                    self.used[o.0 as usize] = was;
                }
                ok &= !x.is_invalid();
                continue;
            }
            ok &= self.use_exprs(&[e]);
        }
        ok
    }

    /// An identifier: the object it denotes. `want_type` when a type is expected (then a
    /// type being declared is checked for cycles).
    pub fn ident(&mut self, x: &mut Operand, e: ExprId, want_type: bool) {
        x.mode = Mode::Invalid;
        x.expr = Some(e);
        let name = self.ast.ident(e).unwrap_or(Name::BLANK);
        let Some(obj) = self.lookup(name) else {
            if name == Name::BLANK {
                self.error(self.epos(e), "cannot use _ as value or type");
            } else {
                let s = self.name_str(name).to_string();
                self.error(self.epos(e), format!("undefined: {s}"));
            }
            return;
        };
        self.info.record_use(e, obj);
        let is_type = matches!(self.obj(obj).kind, ObjKind::TypeName { .. });
        if self.decls.contains_key(&obj)
            && (!is_type || want_type || self.obj(obj).ty == TypeId::INVALID)
        {
            self.obj_decl(obj);
        }
        let ty = self.obj(obj).ty;
        // Not a clone of the kind: a function's `FuncInfo` is boxed.
        let kind = match &self.obj(obj).kind {
            ObjKind::Const(v) => ObjKind::Const(v.clone()),
            ObjKind::Func(_) => ObjKind::Label, // stands for "a function" below
            k => k.clone(),
        };
        let is_func = matches!(self.obj(obj).kind, ObjKind::Func(_));
        match kind {
            _ if is_func => {
                self.add_dep(obj);
                x.mode = Mode::Value;
            }
            ObjKind::PkgName(_) => {
                let s = self.name_str(name).to_string();
                self.error(self.epos(e), format!("use of package {s} not in selector"));
                return;
            }
            ObjKind::Const(v) => {
                self.add_dep(obj);
                if ty == TypeId::INVALID {
                    return;
                }
                if obj == self.uids.iota {
                    let Some(i) = self.env.iota else {
                        self.error(self.epos(e), "cannot use iota outside constant declaration");
                        return;
                    };
                    x.val = ConstValue::Int(i);
                } else {
                    x.val = v;
                }
                x.mode = Mode::Constant;
            }
            ObjKind::TypeName { .. } => x.mode = Mode::TypeExpr,
            ObjKind::Var { .. } => {
                if self.obj(obj).pkg == Some(self.pkg) {
                    self.mark_used(obj);
                }
                self.add_dep(obj);
                if ty == TypeId::INVALID {
                    return;
                }
                x.mode = Mode::Variable;
            }
            ObjKind::Builtin(b) => {
                x.builtin = Some(b);
                x.mode = Mode::Builtin;
            }
            ObjKind::Nil => x.mode = Mode::Nil,
            ObjKind::Func(_) | ObjKind::Label => return,
        }
        x.ty = ty;
    }

    fn basic_lit(&mut self, x: &mut Operand, e: ExprId, kind: LitKind) {
        let text = self.ast.lit_text(e);
        let (ty, val) = match kind {
            LitKind::Int => match literal::int_value(text) {
                Some(v) if v <= i128::MAX as u128 => {
                    (TypeId::UNTYPED_INT, ConstValue::Int(v as i128))
                }
                _ => {
                    self.error(self.epos(e), "constant overflow");
                    return;
                }
            },
            LitKind::Float => match constant::float_literal(text) {
                ConstValue::Unknown => {
                    self.error(self.epos(e), format!("malformed constant: {text}"));
                    return;
                }
                v => (TypeId::UNTYPED_FLOAT, v),
            },
            LitKind::Imag => (
                TypeId::UNTYPED_COMPLEX,
                ConstValue::Complex(0.0, literal::imag_value(text)),
            ),
            LitKind::Rune => (
                TypeId::UNTYPED_RUNE,
                ConstValue::Int(literal::rune_value(text) as i128),
            ),
            LitKind::String => (
                TypeId::UNTYPED_STRING,
                ConstValue::Str(literal::string_value(text).into()),
            ),
        };
        x.mode = Mode::Constant;
        x.ty = ty;
        x.val = val;
    }

    /// A unary operation `op inner` (not `*`, which is a dereference).
    fn unary(&mut self, x: &mut Operand, e: ExprId, op: Op, inner: ExprId) {
        self.expr(x, inner, None);
        if x.is_invalid() {
            return;
        }
        match op {
            Op::And => {
                let is_lit = matches!(
                    self.ast.expr(self.ast.unparen(inner)).kind,
                    ExprKind::CompositeLit { .. }
                );
                if !is_lit && x.mode != Mode::Variable {
                    let s = self.op_string(x);
                    self.error(
                        self.op_pos(x),
                        format!("invalid operation: cannot take address of {s}"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::Value;
                x.ty = self.types.pointer(x.ty);
                return;
            }
            Op::Recv => {
                let u = self.types.under(x.ty);
                let Type::Chan(dir, elem) = self.types.get(u).clone() else {
                    let s = self.op_string(x);
                    self.error(
                        self.op_pos(x),
                        format!("invalid operation: cannot receive from non-channel {s}"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                };
                if dir == crate::syntax::ast::ChanDir::Send {
                    let s = self.op_string(x);
                    self.error(
                        self.op_pos(x),
                        format!("invalid operation: cannot receive from send-only channel {s}"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::CommaOk;
                x.ty = elem;
                return;
            }
            Op::Tilde => {
                self.error(
                    self.epos(e),
                    "cannot use ~ outside of interface or type constraint",
                );
                x.mode = Mode::Invalid;
                return;
            }
            _ => {}
        }
        let ok = match op {
            Op::Add | Op::Sub => self.all_numeric(x.ty),
            Op::Xor => self.all_integer(x.ty),
            Op::Not => self.all_boolean(x.ty),
            _ => false,
        };
        if !ok {
            let s = self.op_string(x);
            self.error(
                self.op_pos(x),
                format!(
                    "invalid operation: operator {} not defined on {s}",
                    op.text()
                ),
            );
            x.mode = Mode::Invalid;
            return;
        }
        if x.mode == Mode::Constant {
            if x.val.is_unknown() {
                return;
            }
            let bits = self
                .types
                .basic(x.ty)
                .filter(|k| k.is_unsigned())
                .map(|k| k.bits());
            match constant::unary(op, &x.val, bits) {
                Ok(v) => x.val = v,
                Err(_) => x.val = ConstValue::Unknown,
            }
            x.expr = Some(e);
            self.overflow(
                x,
                self.epos(e),
                if op == Op::Xor {
                    "bitwise complement"
                } else {
                    ""
                },
            );
            return;
        }
        x.mode = Mode::Value;
    }

    /// `x.(T)` is possible only if `T` implements the interface of `x` (or is an
    /// interface).
    pub fn type_assertion(&mut self, e: ExprId, x: &Operand, t: TypeId, switch_case: bool) {
        // An interface, or a type parameter (which may be one), needs no static check.
        if self.types.is_interface(t) || self.types.is_type_param(t) {
            return;
        }
        let Some(cause) = self.missing_method_cause(t, x.ty, false) else {
            return;
        };
        if switch_case {
            let (es, xs, ts) = (self.es(e), self.op_string(x), self.ts(t));
            self.error(self.epos(e), format!("impossible type switch case: {es}\n\t{xs} cannot have dynamic type {ts} {cause}"));
            return;
        }
        let (es, ts, xt) = (self.es(e), self.ts(t), self.ts(x.ty));
        self.error(
            self.epos(e),
            format!("impossible type assertion: {es}\n\t{ts} does not implement {xt} {cause}"),
        );
    }

    // ---- predicates over type sets (a type parameter stands for each type of its set) ----
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn identifiers_must_be_declared_and_values_used() {
        let errs = body_errors("\tx := 1\n\tx + 1\n\t_ = y\n");
        assert_eq!(
            errs,
            [
                "5:2: x + 1 (value of type int) is not used",
                "6:6: undefined: y"
            ]
        );
    }

    #[test]
    fn complex_builtins_check_their_arguments() {
        let errs = body_errors(
            "\tvar c complex128\n\tvar f float32\n\t_ = real(c) + imag(c)\n\t_ = complex(f, 1.5)\n\t_ = real(f)\n\t_ = complex(f, 2.0) < c\n",
        );
        assert_eq!(
            errs,
            [
                "8:11: invalid argument: argument has type float32, expected complex type",
                "9:24: invalid operation: complex(f, 2.0) < c (mismatched types complex64 and complex128)",
            ]
        );
    }

    #[test]
    fn unary_operators_need_fitting_operands() {
        let errs = body_errors("\ts := \"a\"\n\t_ = -s\n\t_ = &1\n");
        assert_eq!(
            errs,
            [
                "5:7: invalid operation: operator - not defined on s (variable of type string)",
                "6:7: invalid operation: cannot take address of 1 (untyped int constant)",
            ]
        );
    }
}
