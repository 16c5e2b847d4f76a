//! Binary operations: arithmetic, logical, comparisons and shifts, with constant folding and
//! the implicit conversion of untyped operands to each other's types.

use super::super::constant::{self, ConstValue};
use super::super::info::Mode;
use super::super::ty::{Type, TypeId};
use super::{Checker, Operand};
use crate::syntax::ast::ExprId;
use crate::syntax::token::{Op, Pos};

/// Go's limit on constant shift counts (so the smallest float64 can be written).
const SHIFT_BOUND: u64 = 1023 - 1 + 52;

fn op_name(op: Op) -> &'static str {
    match op {
        Op::Add => "addition",
        Op::Sub => "subtraction",
        Op::Xor => "bitwise XOR",
        Op::Mul => "multiplication",
        Op::Shl => "shift",
        _ => "",
    }
}

impl Checker<'_> {
    /// `lhs op rhs`; `e` is the binary expression (`None` for `lhs op= rhs`).
    pub fn binary(&mut self, x: &mut Operand, e: Option<ExprId>, lhs: ExprId, rhs: ExprId, op: Op) {
        let mut y = Operand::invalid(rhs);
        self.expr(x, lhs, None);
        self.expr(&mut y, rhs, None);
        if x.is_invalid() {
            return;
        }
        if y.is_invalid() {
            x.mode = Mode::Invalid;
            x.expr = y.expr;
            return;
        }
        let op_pos = e.map_or(self.epos(lhs), |e| self.op_pos_of(e));
        if op.is_shift() {
            self.shift(x, &mut y, e, op, op_pos);
            return;
        }
        self.match_types(x, &mut y);
        if x.is_invalid() {
            return;
        }
        if op.is_comparison() {
            self.comparison(x, &mut y, op, false);
            return;
        }
        if x.ty != y.ty {
            if x.ty != TypeId::INVALID && y.ty != TypeId::INVALID {
                let (xt, yt) = (self.ts(x.ty), self.ts(y.ty));
                let msg = match e {
                    Some(e) => format!(
                        "invalid operation: {} (mismatched types {xt} and {yt})",
                        self.es(e)
                    ),
                    None => format!(
                        "invalid operation: {} {}= {} (mismatched types {xt} and {yt})",
                        self.es(lhs),
                        op.text(),
                        self.es(rhs)
                    ),
                };
                self.error(self.op_pos(x), msg);
            }
            x.mode = Mode::Invalid;
            return;
        }
        let ok = match op {
            Op::Add => self.all_numeric_or_string(x.ty),
            Op::Sub | Op::Mul | Op::Div => self.all_numeric(x.ty),
            Op::Rem | Op::And | Op::Or | Op::Xor | Op::AndNot => self.all_integer(x.ty),
            Op::AndAnd | Op::OrOr => self.all_boolean(x.ty),
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
        if matches!(op, Op::Div | Op::Rem)
            && (x.mode == Mode::Constant || self.all_integer(x.ty))
            && y.mode == Mode::Constant
            && y.val.sign() == 0
            && y.val.is_numeric()
        {
            self.error(self.op_pos(&y), "invalid operation: division by zero");
            x.mode = Mode::Invalid;
            return;
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            if x.val.is_unknown() || y.val.is_unknown() {
                x.val = ConstValue::Unknown;
                return;
            }
            let int_div = op == Op::Div && self.types.is_integer(x.ty);
            x.val = constant::binary(&x.val, op, &y.val, int_div).unwrap_or(ConstValue::Unknown);
            x.expr = e.or(x.expr);
            self.overflow(x, op_pos, op_name(op));
            return;
        }
        x.mode = Mode::Value;
    }

    /// The position of a binary expression's operator (gc reports constant overflows
    /// there).
    fn op_pos_of(&self, e: ExprId) -> Pos {
        match self.ast.expr(e).kind {
            crate::syntax::ast::ExprKind::Binary { op_pos, .. } => op_pos,
            _ => self.epos(e),
        }
    }

    /// Converts untyped operands to each other's types where that may make them match.
    pub fn match_types(&mut self, x: &mut Operand, y: &mut Operand) {
        let may_convert = |c: &Self, x: &Operand, y: &Operand| {
            if c.types.is_typed(x.ty) && c.types.is_typed(y.ty) {
                return false;
            }
            let iface = |t: TypeId| c.types.is_interface(t) && !c.types.is_type_param(t);
            if iface(x.ty) || iface(y.ty) {
                return true;
            }
            if c.all_boolean(x.ty) != c.all_boolean(y.ty) {
                return false;
            }
            if c.all_string(x.ty) != c.all_string(y.ty) {
                return false;
            }
            if x.is_nil() {
                return c.types.has_nil(y.ty);
            }
            if y.is_nil() {
                return c.types.has_nil(x.ty);
            }
            if c.types.pointer_elem(x.ty).is_some() || c.types.pointer_elem(y.ty).is_some() {
                return false;
            }
            true
        };
        if may_convert(self, x, y) {
            self.convert_untyped(x, y.ty);
            if x.is_invalid() {
                return;
            }
            self.convert_untyped(y, x.ty);
            if y.is_invalid() {
                x.mode = Mode::Invalid;
            }
        }
    }

    /// `x op y` for a comparison operator (`switch_case`: a case value `x` against the switch
    /// expression `y`).
    pub fn comparison(&mut self, x: &mut Operand, y: &mut Operand, op: Op, switch_case: bool) {
        if x.ty == TypeId::INVALID || y.ty == TypeId::INVALID {
            x.mode = Mode::Invalid;
            return;
        }
        let op = if switch_case { Op::Eql } else { op };
        let mut err_on_y = false;
        let mut cause = String::new();
        let mut failed = false;
        let assignable =
            self.assignable_to(x, y.ty, &mut None) || self.assignable_to(y, x.ty, &mut None);
        if !assignable {
            err_on_y = true;
            cause = format!("mismatched types {} and {}", self.ts(x.ty), self.ts(y.ty));
            failed = true;
        } else {
            match op {
                Op::Eql | Op::Neq => {
                    if x.is_nil() || y.is_nil() {
                        let t = if x.is_nil() { y.ty } else { x.ty };
                        // `nil == nil` has no type that has nil.
                        if !self.types.has_nil(t) || x.is_nil() && y.is_nil() {
                            err_on_y = true;
                            failed = true;
                        }
                    } else if !self.types.comparable(x.ty) {
                        cause = self.incomparable_cause(x.ty);
                        failed = true;
                    } else if !self.types.comparable(y.ty) {
                        err_on_y = true;
                        cause = self.incomparable_cause(y.ty);
                        failed = true;
                    }
                }
                _ => {
                    if !self.all_ordered(x.ty) {
                        failed = true;
                    } else if !self.all_ordered(y.ty) {
                        err_on_y = true;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            let err_op = if err_on_y { &*y } else { &*x };
            if cause.is_empty() && self.types.is_type_param(err_op.ty) {
                let t = self.ts(err_op.ty);
                cause = format!("type parameter {t} cannot use operator {}", op.text());
            } else if cause.is_empty() {
                let k = self.kind_string(err_op.ty);
                cause = format!("operator {} not defined on {k}", op.text());
            }
            // A switch without a tag compares its cases against `true`.
            let (xs, ys) = (
                x.expr.map(|e| self.es(e)).unwrap_or_else(|| "true".into()),
                y.expr.map(|e| self.es(e)).unwrap_or_else(|| "true".into()),
            );
            if switch_case {
                let msg = format!("invalid case {xs} in switch on {ys} ({cause})");
                self.error(self.op_pos(x), msg);
            } else {
                let pos = self.op_pos(err_op);
                self.error(
                    pos,
                    format!("invalid operation: {xs} {} {ys} ({cause})", op.text()),
                );
            }
            x.mode = Mode::Invalid;
            return;
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            x.val = ConstValue::Bool(constant::compare(&x.val, op, &y.val));
        } else {
            x.mode = Mode::Value;
            let (dx, dy) = (self.types.default_type(x.ty), self.types.default_type(y.ty));
            if let Some(e) = x.expr {
                self.update_expr_type(e, dx, true);
            }
            if let Some(e) = y.expr {
                self.update_expr_type(e, dy, true);
            }
        }
        x.ty = TypeId::UNTYPED_BOOL;
    }

    fn incomparable_cause(&self, t: TypeId) -> String {
        if self.types.is_type_param(t) {
            return "incomparable types in type set".into();
        }
        let u = self.types.under(t);
        match self.types.get(u) {
            Type::Slice(_) | Type::Func(_) | Type::Map(..) => {
                format!("{} can only be compared to nil", self.kind_string(t))
            }
            Type::Struct(fields) => fields
                .iter()
                .find(|f| !self.types.comparable(f.ty))
                .map(|f| format!("struct containing {} cannot be compared", self.ts(f.ty)))
                .unwrap_or_default(),
            Type::Array(..) => format!("{} cannot be compared", self.ts(t)),
            _ => String::new(),
        }
    }

    /// A type's kind as comparison messages name it (`slice`, `struct`, or the type).
    pub fn kind_string(&self, t: TypeId) -> String {
        let u = self.types.under(t);
        match self.types.get(u) {
            Type::Array(..) => "array".into(),
            Type::Slice(_) => "slice".into(),
            Type::Struct(_) => "struct".into(),
            Type::Pointer(_) => "pointer".into(),
            Type::Func(_) => "func".into(),
            Type::Interface(_) if self.types.is_type_param(t) => {
                format!("type parameter {}", self.ts(t))
            }
            Type::Interface(_) => "interface".into(),
            Type::Map(..) => "map".into(),
            Type::Chan(..) => "chan".into(),
            _ => self.ts(t),
        }
    }

    /// `x << y` or `x >> y`.
    fn shift(&mut self, x: &mut Operand, y: &mut Operand, e: Option<ExprId>, op: Op, op_pos: Pos) {
        let integral = x.mode == Mode::Constant
            && (x.val.int().is_some() || x.val.float().is_some_and(|f| f.fract() == 0.0));
        let lhs_ok = self.all_integer(x.ty) || self.types.is_untyped(x.ty) && integral;
        if !lhs_ok {
            let s = self.op_string(x);
            self.error(
                self.op_pos(x),
                format!("invalid operation: shifted operand {s} must be integer"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        let mut yval = None;
        if y.mode == Mode::Constant {
            yval = y.val.int();
            if yval.is_some_and(|v| v < 0) {
                let s = self.op_string(y);
                self.error(
                    self.op_pos(y),
                    format!("invalid operation: negative shift count {s}"),
                );
                x.mode = Mode::Invalid;
                return;
            }
            if self.types.is_untyped(y.ty) {
                self.representable(y, super::super::ty::BasicKind::Uint, TypeId::UINT);
                if y.is_invalid() {
                    x.mode = Mode::Invalid;
                    return;
                }
                // The count is a uint from here on (`x << 1.0` shifts by the integer 1).
                if let Some(ye) = y.expr {
                    self.update_expr_type(ye, TypeId::UINT, true);
                }
            }
        } else if self.all_integer(y.ty) {
            // A signed count is fine since Go 1.13.
        } else if self.types.is_untyped(y.ty) {
            self.convert_untyped(y, TypeId::UINT);
            if y.is_invalid() {
                x.mode = Mode::Invalid;
                return;
            }
        } else {
            let s = self.op_string(y);
            self.error(
                self.op_pos(y),
                format!("invalid operation: shift count {s} must be integer"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        if x.mode == Mode::Constant {
            if y.mode == Mode::Constant {
                if x.val.is_unknown() || y.val.is_unknown() {
                    x.val = ConstValue::Unknown;
                    if !self.types.is_integer(x.ty) {
                        x.ty = TypeId::UNTYPED_INT;
                    }
                    return;
                }
                let s = match yval {
                    Some(s) if (s as u128) <= SHIFT_BOUND as u128 => s as u64,
                    _ => {
                        let ys = self.op_string(y);
                        self.error(
                            self.op_pos(y),
                            format!("invalid operation: invalid shift count {ys}"),
                        );
                        x.mode = Mode::Invalid;
                        return;
                    }
                };
                if !self.types.is_integer(x.ty) {
                    x.ty = TypeId::UNTYPED_INT;
                }
                x.val = constant::shift_value(&x.val, op, s);
                x.expr = e.or(x.expr);
                self.overflow(x, op_pos, op_name(op));
                return;
            }
            if self.types.is_untyped(x.ty) {
                // The constant's type is what it would be without the shift: decided by
                // the context, later (update_expr_type checks it is an integer).
                if let Some(le) = x.expr {
                    self.shift_lhs.insert(le);
                }
                x.mode = Mode::Value;
                return;
            }
        }
        if !self.all_integer(x.ty) {
            let s = self.op_string(x);
            self.error(
                self.op_pos(x),
                format!("invalid operation: shifted operand {s} must be integer"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        x.mode = Mode::Value;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn operands_must_match() {
        let errs = body_errors("\ta, b := 1, \"s\"\n\t_ = a + b\n\t_ = a == nil\n");
        assert_eq!(
            errs,
            [
                "5:6: invalid operation: a + b (mismatched types int and string)",
                "6:11: invalid operation: a == nil (mismatched types int and untyped nil)",
            ]
        );
    }

    #[test]
    fn constant_division_by_zero_and_overflow() {
        let errs = body_errors("\tconst c = 1 / 0\n\tvar x int8 = 100 * 2\n\t_ = x\n");
        assert_eq!(
        errs,
        [
            "4:16: invalid operation: division by zero",
            "5:15: cannot use 100 * 2 (untyped int constant 200) as int8 value in variable declaration (overflows)",
        ]
    );
    }
}
