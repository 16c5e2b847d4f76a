//! Untyped values: constant representability and overflow, the implicit conversion of
//! untyped operands to the types their context gives them, the final types recorded for
//! untyped expressions, and predicates over type sets (a type parameter stands for every
//! type of its constraint).

use super::super::constant::{self, ConstValue, ReprError};
use super::super::info::Mode;
use super::super::ty::{BasicKind, Type, TypeId};
use super::{Checker, Operand};
use crate::syntax::ast::{ExprId, ExprKind};
use crate::syntax::token::{Op, Pos};

impl Checker<'_> {
    /// Checks that the constant `x` is representable in its type (typed) or stays within
    /// the checker's precision (untyped).
    pub fn overflow(&mut self, x: &mut Operand, op_pos: Pos, op_name: &str) {
        // Untyped integers do not grow past 512 bits, as in Go.
        let too_long = matches!(&x.val, ConstValue::Wide(w) if w.bit_len() > 512);
        if too_long && !self.types.is_typed(x.ty) && self.types.is_integer(x.ty) {
            x.val = ConstValue::Unknown;
        }
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
    pub fn represent(&self, x: &Operand, kind: BasicKind) -> Result<ConstValue, ReprError> {
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

    pub fn invalid_conversion(&mut self, err: ReprError, x: &Operand, t: TypeId) {
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
            // Both untyped: the "larger" kind wins (int < rune < float < complex).
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
                    BasicKind::UntypedInt
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedComplex => k.is_numeric(),
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

    pub fn update_expr_val(&mut self, e: ExprId, v: ConstValue) {
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

    pub fn all(&self, t: TypeId, f: fn(&super::super::ty::Types, TypeId) -> bool) -> bool {
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

    /// Whether every type of `t`'s type set is a string or a byte slice (Go's "bytestring"
    /// core type, which `append([]byte, s...)` takes).
    pub fn all_bytestring(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| {
            ts.is_string(t)
                || matches!(ts.get(ts.under(t)), super::super::ty::Type::Slice(e)
                    if ts.basic(*e) == Some(super::super::ty::BasicKind::Uint8))
        })
    }

    pub fn all_ordered(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_ordered(t))
    }

    pub fn all_numeric_or_string(&self, t: TypeId) -> bool {
        self.all(t, |ts, t| ts.is_numeric(t) || ts.is_string(t))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn untyped_constants_must_fit_their_types() {
        let errs = body_errors(
            "\tvar a uint8 = 256\n\tvar b int = 1.5\n\tvar c int64 = 1e30\n\t_, _, _ = a, b, c\n",
        );
        assert_eq!(
        errs,
        [
            "4:16: cannot use 256 (untyped int constant) as uint8 value in variable declaration (overflows)",
            "5:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)",
            "6:16: cannot use 1e30 (untyped float constant 1e+30) as int64 value in variable declaration (truncated)",
        ]
    );
    }

    #[test]
    fn shifted_untyped_constants_take_their_context_type() {
        let errs = body_errors(
            "\tn := 2\n\tvar f float64 = 1 << n\n\tvar i int64 = 1 << n\n\t_, _ = f, i\n",
        );
        assert_eq!(
            errs,
            ["5:18: invalid operation: shifted operand 1 (type float64) must be integer"]
        );
    }
}
