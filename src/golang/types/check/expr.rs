//! Expressions: the dispatch over expression kinds (go/types' `rawExpr` and
//! `exprInternal`), identifiers, literals, unary operations, type assertions, and the
//! machinery of untyped values (`update_expr_type`, `convert_untyped`, representability).

use super::super::constant::{self, ConstValue, ReprError};
use super::super::info::Mode;
use super::super::object::ObjKind;
use super::super::ty::{BasicKind, Type, TypeId};
use super::{Checker, Operand};
use crate::golang::syntax::ast::{ExprId, ExprKind, Name};
use crate::golang::syntax::literal;
use crate::golang::syntax::token::{LitKind, Op, Pos};

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
        let kind = self.expr_internal(x, e, hint);
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
            LitKind::Float => (
                TypeId::UNTYPED_FLOAT,
                ConstValue::Float(literal::float_value(text)),
            ),
            LitKind::Imag => {
                self.error(self.epos(e), "chanlab does not support complex numbers");
                return;
            }
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
                if dir == crate::golang::syntax::ast::ChanDir::Send {
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

    /// Checks that the constant `x` is representable in its type (typed) or stays within
    /// the checker's precision (untyped).
    pub fn overflow(&mut self, x: &mut Operand, op_pos: Pos, op_name: &str) {
        if x.val.is_unknown() {
            let msg = if op_name.is_empty() {
                "constant overflow".to_string()
            } else {
                format!("constant {op_name} overflow")
            };
            self.error(op_pos, msg);
            return;
        }
        if self.types.is_typed(x.ty) {
            if let Some(k) = self.types.basic(x.ty) {
                self.representable(x, k, x.ty);
            }
        }
    }

    /// Converts the constant `x` to the basic kind `kind` (of type `t`), reporting gc's
    /// error if it cannot be represented.
    pub fn representable(&mut self, x: &mut Operand, kind: BasicKind, t: TypeId) {
        match self.represent(x, kind) {
            Ok(v) => x.val = v,
            Err(err) => {
                self.invalid_conversion(err, x, t);
                x.mode = Mode::Invalid;
            }
        }
    }

    /// The constant `x` represented in `kind`. As gc words it, a non-integer constant that
    /// does not fit an integer type is "truncated" (even when it is a whole number), any
    /// other numeric misfit "overflows".
    fn represent(&self, x: &Operand, kind: BasicKind) -> Result<ConstValue, ReprError> {
        constant::representable(&x.val, kind).map_err(|err| match err {
            ReprError::Overflow | ReprError::Truncated if kind.is_integer() => {
                if self.types.is_integer(x.ty) {
                    ReprError::Overflow
                } else {
                    ReprError::Truncated
                }
            }
            other => other,
        })
    }

    fn invalid_conversion(&mut self, err: ReprError, x: &Operand, t: TypeId) {
        let (xs, ts) = (self.op_string(x), self.ts(t));
        let msg = match err {
            ReprError::Truncated => format!("{xs} truncated to {ts}"),
            ReprError::Overflow => format!("{xs} overflows {ts}"),
            ReprError::Invalid => format!("cannot convert {xs} to type {ts}"),
        };
        self.error(self.op_pos(x), msg);
    }

    /// The type (and constant value) an untyped `x` takes where `target` is expected, or why
    /// it cannot.
    pub fn implicit_type_and_value(
        &mut self,
        x: &Operand,
        target: TypeId,
    ) -> Result<(TypeId, Option<ConstValue>), ReprError> {
        if x.is_invalid() || self.types.is_typed(x.ty) || target == TypeId::INVALID {
            return Ok((x.ty, None));
        }
        if self.types.is_untyped(target) {
            // Both untyped: the "larger" kind wins (int < rune < float).
            if let Some(m) = self.max_untyped(x.ty, target) {
                return Ok((m, None));
            }
            return Err(ReprError::Invalid);
        }
        if x.is_nil() {
            return if self.types.has_nil(target) {
                Ok((target, None))
            } else {
                Err(ReprError::Invalid)
            };
        }
        let u = self.types.under(target);
        match self.types.get(u).clone() {
            Type::Basic(k) => {
                if x.mode == Mode::Constant {
                    let v = self.represent(x, k)?;
                    return Ok((target, Some(v)));
                }
                let xk = self.types.basic(x.ty).unwrap_or(BasicKind::Invalid);
                let ok = match xk {
                    BasicKind::UntypedBool => k.is_boolean(),
                    BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat => {
                        k.is_numeric()
                    }
                    BasicKind::UntypedString => k.is_string(),
                    _ => false,
                };
                if !ok {
                    return Err(ReprError::Invalid);
                }
            }
            Type::Interface(i) => {
                if self.types.is_type_param(target) {
                    return Ok((target, None));
                }
                if !i.methods.is_empty() || i.terms.is_some() {
                    return Err(ReprError::Invalid);
                }
                return Ok((self.types.default_type(x.ty), None));
            }
            Type::TypeParam(p) => {
                // Every type of the parameter's type set must take the constant.
                let terms = self
                    .types
                    .interface(p.constraint)
                    .and_then(|i| i.terms.clone())
                    .unwrap_or_default();
                if terms.is_empty() {
                    return Err(ReprError::Invalid);
                }
                for t in terms {
                    self.implicit_type_and_value(x, t.ty)?;
                }
                return Ok((target, None));
            }
            _ => return Err(ReprError::Invalid),
        }
        Ok((target, None))
    }

    pub fn max_untyped(&self, a: TypeId, b: TypeId) -> Option<TypeId> {
        let (ka, kb) = (self.types.basic(a)?, self.types.basic(b)?);
        let num = |k: BasicKind| k.is_numeric();
        if num(ka) && num(kb) {
            return Some(if (ka as u8) >= (kb as u8) { a } else { b });
        }
        if ka == kb {
            return Some(a);
        }
        None
    }

    /// Gives the untyped `x` the type `target` (or reports why it cannot have it).
    pub fn convert_untyped(&mut self, x: &mut Operand, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Err(err) => {
                let t = if self.types.is_type_param(target) {
                    target
                } else {
                    self.types.under(target)
                };
                self.invalid_conversion(err, x, t);
                x.mode = Mode::Invalid;
            }
            Ok((ty, val)) => {
                if let Some(v) = val {
                    x.val = v.clone();
                    if let Some(e) = x.expr {
                        self.update_expr_val(e, v);
                    }
                }
                if ty != x.ty {
                    x.ty = ty;
                    if let Some(e) = x.expr {
                        self.update_expr_type(e, ty, false);
                    }
                }
            }
        }
    }

    fn update_expr_val(&mut self, e: ExprId, v: ConstValue) {
        if self.info.mode(e) == Mode::Constant && self.types.is_untyped(self.info.type_of(e)) {
            let t = self.info.type_of(e);
            self.info.update(e, t, Some(v));
        }
    }

    /// Gives the untyped expression `e` (and its untyped operands) the type `t`; `final`
    /// when `t` is its last type (untyped types may still widen otherwise).
    pub fn update_expr_type(&mut self, e: ExprId, t: TypeId, final_: bool) {
        let old_t = self.info.type_of(e);
        if !self.types.is_untyped(old_t) {
            return;
        }
        let old_mode = self.info.mode(e);
        let is_const = old_mode == Mode::Constant;
        match self.ast.expr(e).kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t, final_),
            ExprKind::Unary { op, x } if !is_const && op != Op::Recv && op != Op::And => {
                self.update_expr_type(x, t, final_)
            }
            ExprKind::Binary { op, x, y, .. } if !is_const => {
                if op.is_comparison() {
                    // The operands have their final types already.
                } else if op.is_shift() {
                    self.update_expr_type(x, t, final_);
                } else {
                    self.update_expr_type(x, t, final_);
                    self.update_expr_type(y, t, final_);
                }
            }
            _ => {}
        }
        if !final_ && self.types.is_untyped(t) {
            let v = self.info.constant(e).cloned();
            self.info.update(e, self.types.under(t), v);
            return;
        }
        if self.shift_lhs.contains(&e) && !self.all_integer(t) {
            let (es, ts) = (self.es(e), self.ts(t));
            self.error(
                self.epos(e),
                format!("invalid operation: shifted operand {es} (type {ts}) must be integer"),
            );
            return;
        }
        let mut val = None;
        if is_const {
            let c = Operand {
                mode: Mode::Constant,
                expr: Some(e),
                ty: old_t,
                val: self
                    .info
                    .constant(e)
                    .cloned()
                    .unwrap_or(ConstValue::Unknown),
                builtin: None,
            };
            // Not `convert_untyped`: that would update `e` again.
            match self.implicit_type_and_value(&c, t) {
                Err(err) => {
                    let tt = if self.types.is_type_param(t) {
                        t
                    } else {
                        self.types.under(t)
                    };
                    self.invalid_conversion(err, &c, tt);
                    return;
                }
                Ok((_, v)) => val = Some(v.unwrap_or(c.val)),
            }
        }
        if old_mode == Mode::Nil {
            self.info.record(e, Mode::Nil, t, None);
            return;
        }
        self.info.update(e, t, val);
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

    fn all(&self, t: TypeId, f: fn(&super::super::ty::Types, TypeId) -> bool) -> bool {
        if let Some(p) = self.types.type_param(t) {
            return match self
                .types
                .interface(p.constraint)
                .and_then(|i| i.terms.clone())
            {
                Some(terms) if !terms.is_empty() => {
                    terms.iter().all(|term| f(&self.types, term.ty))
                }
                _ => false,
            };
        }
        f(&self.types, t)
    }

    pub fn all_numeric(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_numeric(t))
    }
    pub fn all_integer(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_integer(t))
    }
    pub fn all_boolean(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_boolean(t))
    }
    pub fn all_string(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_string(t))
    }
    pub fn all_ordered(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_ordered(t))
    }
    pub fn all_numeric_or_string(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_numeric(t) || ts.is_string(t))
    }
}
