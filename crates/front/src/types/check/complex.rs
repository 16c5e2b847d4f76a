//! The builtins of complex numbers: `complex(re, im)`, `real(c)` and `imag(c)` (go/types'
//! rules: untyped constant arguments stay untyped, typed ones decide the result's size).

use super::super::constant::ConstValue;
use super::super::info::Mode;
use super::super::object::Builtin;
use super::super::ty::{BasicKind, TypeId};
use super::{Checker, Operand};
use crate::syntax::ast::ExprId;

impl Checker<'_> {
    /// `complex(x, y)`: the result in `x`. False if the call is invalid.
    pub(super) fn complex_of(&mut self, x: &mut Operand, y: &mut Operand, call: ExprId) -> bool {
        if y.is_invalid() {
            return false;
        }
        match (self.types.is_untyped(x.ty), self.types.is_untyped(y.ty)) {
            (false, false) => {}
            (true, false) => self.convert_untyped(x, y.ty),
            (false, true) => self.convert_untyped(y, x.ty),
            (true, true) => {
                if x.mode == Mode::Constant && y.mode == Mode::Constant {
                    // Untyped numbers without an imaginary part are floats here.
                    for op in [&mut *x, &mut *y] {
                        if op.val.complex().is_some_and(|(_, im)| im == 0.0) {
                            op.ty = TypeId::UNTYPED_FLOAT;
                        }
                    }
                } else {
                    self.convert_untyped(x, TypeId::FLOAT64);
                    self.convert_untyped(y, TypeId::FLOAT64);
                }
            }
        }
        if x.is_invalid() || y.is_invalid() {
            return false;
        }
        if x.ty != y.ty {
            let (c, xt, yt) = (self.es(call), self.ts(x.ty), self.ts(y.ty));
            self.error(
                self.op_pos(x),
                format!("invalid operation: {c} (mismatched types {xt} and {yt})"),
            );
            return false;
        }
        let result = match self.types.basic(x.ty) {
            Some(BasicKind::Float32) => TypeId::COMPLEX64,
            Some(BasicKind::Float64) => TypeId::COMPLEX128,
            Some(BasicKind::UntypedFloat) => TypeId::UNTYPED_COMPLEX,
            _ => {
                let xt = self.ts(x.ty);
                self.error(
                    self.op_pos(x),
                    format!("invalid argument: arguments have type {xt}, expected floating-point"),
                );
                return false;
            }
        };
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            x.val = match (x.val.float(), y.val.float()) {
                (Some(re), Some(im)) => ConstValue::Complex(re, im),
                _ => ConstValue::Unknown,
            };
        } else {
            x.mode = Mode::Value;
        }
        x.ty = result;
        true
    }

    /// `real(x)` or `imag(x)`: the result in `x`. False if the call is invalid.
    pub(super) fn part_of_complex(&mut self, x: &mut Operand, b: Builtin) -> bool {
        if self.types.is_untyped(x.ty) {
            if x.mode == Mode::Constant {
                // An untyped constant number is a complex constant as well.
                if x.val.is_numeric() {
                    x.ty = TypeId::UNTYPED_COMPLEX;
                }
            } else {
                self.convert_untyped(x, TypeId::COMPLEX128);
                if x.is_invalid() {
                    return false;
                }
            }
        }
        let result = match self.types.basic(x.ty) {
            Some(BasicKind::Complex64) => TypeId::FLOAT32,
            Some(BasicKind::Complex128) => TypeId::FLOAT64,
            Some(BasicKind::UntypedComplex) => TypeId::UNTYPED_FLOAT,
            _ => {
                let xt = self.ts(x.ty);
                self.error(
                    self.op_pos(x),
                    format!("invalid argument: argument has type {xt}, expected complex type"),
                );
                return false;
            }
        };
        if x.mode == Mode::Constant {
            x.val = match x.val.complex() {
                Some((re, _)) if b == Builtin::Real => ConstValue::Float(re),
                Some((_, im)) => ConstValue::Float(im),
                None => ConstValue::Unknown,
            };
        } else {
            x.mode = Mode::Value;
        }
        x.ty = result;
        true
    }
}
