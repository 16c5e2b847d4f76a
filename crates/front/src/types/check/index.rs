//! Index and slice expressions, and the checks on indices (constant bounds, integer
//! indices).

use super::super::constant::ConstValue;
use super::super::info::Mode;
use super::super::ty::{Type, TypeId};
use super::{Checker, Operand};
use crate::syntax::ast::{ExprId, ExprKind};

impl Checker<'_> {
    /// `x[i]` (or a generic instantiation `f[T]`, `T[A]`).
    pub fn index_expr(&mut self, x: &mut Operand, e: ExprId) {
        let ExprKind::Index { x: xe, .. } = self.ast.expr(e).kind else {
            return;
        };
        self.raw_expr(x, xe, None);
        self.exclude(x, &[Mode::NoValue]);
        self.index_operand(x, e);
    }

    /// The rest of `index_expr`, once `x` holds the operand being indexed.
    pub fn index_operand(&mut self, x: &mut Operand, e: ExprId) {
        let ExprKind::Index {
            x: xe,
            indices,
            lbrack,
            ..
        } = self.ast.expr(e).kind
        else {
            return;
        };
        let idx: &[ExprId] = self.ast_list(indices);
        match x.mode {
            Mode::Invalid => {
                self.use_exprs(idx);
                return;
            }
            Mode::TypeExpr => {
                x.mode = Mode::Invalid;
                let t = self.var_type(e);
                x.ty = t;
                if t != TypeId::INVALID {
                    x.mode = Mode::TypeExpr;
                }
                x.expr = Some(e);
                return;
            }
            Mode::Value => {
                if let Some(f) = self.generic_func(xe) {
                    self.func_instance(x, e, xe, f, idx);
                    return;
                }
            }
            _ => {}
        }
        let mut valid = false;
        let mut length: Option<u64> = None;
        let u = self.types.under(x.ty);
        match self.types.get(u).clone() {
            Type::Basic(k) if k.is_string() => {
                valid = true;
                if x.mode == Mode::Constant {
                    length = x.val.str().map(|s| s.len() as u64);
                }
                x.mode = Mode::Value;
                x.ty = TypeId::UINT8;
            }
            Type::Array(n, elem) => {
                valid = true;
                length = Some(n);
                if x.mode != Mode::Variable {
                    x.mode = Mode::Value;
                }
                x.ty = elem;
            }
            Type::Pointer(b) => {
                if let Type::Array(n, elem) = self.types.get(self.types.under(b)).clone() {
                    valid = true;
                    length = Some(n);
                    x.mode = Mode::Variable;
                    x.ty = elem;
                }
            }
            Type::Slice(elem) => {
                valid = true;
                x.mode = Mode::Variable;
                x.ty = elem;
            }
            Type::TypeParam(p) => {
                // Without a core type: every type of the set must be indexable, with the
                // same element type (maps excluded).
                let terms = self
                    .types
                    .interface(p.constraint)
                    .and_then(|i| i.terms.clone())
                    .unwrap_or_default();
                let mut elem = None;
                let mut ok = !terms.is_empty();
                let mut variable = true;
                for t in &terms {
                    let te = match self.types.get(self.types.under(t.ty)).clone() {
                        Type::Basic(k) if k.is_string() => {
                            variable = false;
                            Some(TypeId::UINT8)
                        }
                        Type::Array(_, el) => {
                            variable &= x.mode == Mode::Variable;
                            Some(el)
                        }
                        Type::Slice(el) => Some(el),
                        Type::Pointer(b) => match self.types.get(self.types.under(b)) {
                            Type::Array(_, el) => Some(*el),
                            _ => None,
                        },
                        _ => None,
                    };
                    match (te, elem) {
                        (Some(t), None) => elem = Some(t),
                        (Some(t), Some(prev)) if t == prev => {}
                        _ => ok = false,
                    }
                }
                if let (true, Some(el)) = (ok, elem) {
                    valid = true;
                    x.mode = if variable {
                        Mode::Variable
                    } else {
                        Mode::Value
                    };
                    x.ty = el;
                }
            }
            Type::Map(key, elem) => {
                let Some(index) = self.single_index(e, idx) else {
                    x.mode = Mode::Invalid;
                    return;
                };
                let mut k = Operand::invalid(index);
                self.expr(&mut k, index, None);
                self.assignment(&mut k, Some(key), "map index");
                x.mode = Mode::MapIndex;
                x.ty = elem;
                x.expr = Some(e);
                return;
            }
            _ => {}
        }
        if !valid {
            let s = self.op_string(x);
            self.error(lbrack, format!("invalid operation: cannot index {s}"));
            self.use_exprs(idx);
            x.mode = Mode::Invalid;
            return;
        }
        let Some(index) = self.single_index(e, idx) else {
            x.mode = Mode::Invalid;
            return;
        };
        self.index(index, length);
    }

    /// The only index of an index expression (reports extra indices).
    fn single_index(&mut self, e: ExprId, idx: &[ExprId]) -> Option<ExprId> {
        match idx.len() {
            0 => {
                let s = self.es(e);
                self.error(
                    self.epos(e),
                    format!("invalid syntax tree: missing index for {s}"),
                );
                None
            }
            1 => Some(idx[0]),
            _ => {
                self.error(self.epos(idx[1]), "invalid operation: more than one index");
                Some(idx[0])
            }
        }
    }

    /// Checks an index (or size) expression: an integer, non-negative, within `max` if
    /// known. Returns its constant value, if any.
    pub fn index(&mut self, e: ExprId, max: Option<u64>) -> Option<u64> {
        let mut x = Operand::invalid(e);
        self.expr(&mut x, e, None);
        if !self.is_valid_index(&mut x, "index", false) {
            return None;
        }
        if x.mode != Mode::Constant {
            return None;
        }
        let v = x.val.int()?;
        if let Some(max) = max {
            if v >= max as i128 {
                let vs = super::super::constant::format(&ConstValue::Int(v));
                self.error(
                    self.epos(e),
                    format!("invalid argument: index {vs} out of bounds [0:{max}]"),
                );
                return None;
            }
        }
        Some(v as u64)
    }

    /// An index must be of integer type (an untyped constant becomes an `int`), not
    /// negative, and fit an `int`.
    pub fn is_valid_index(&mut self, x: &mut Operand, what: &str, allow_negative: bool) -> bool {
        if x.is_invalid() {
            return false;
        }
        self.convert_untyped(x, TypeId::INT);
        if x.is_invalid() {
            return false;
        }
        if !self.all_integer(x.ty) {
            let s = self.op_string(x);
            self.error(
                self.op_pos(x),
                format!("invalid argument: {what} {s} must be integer"),
            );
            return false;
        }
        if x.mode == Mode::Constant {
            if !allow_negative && x.val.sign() < 0 {
                let s = self.op_string(x);
                self.error(
                    self.op_pos(x),
                    format!("invalid argument: {what} {s} must not be negative"),
                );
                return false;
            }
            if x.val.int().is_some_and(|v| v > i64::MAX as i128) {
                let s = self.op_string(x);
                self.error(
                    self.op_pos(x),
                    format!("invalid argument: {what} {s} overflows int"),
                );
                return false;
            }
        }
        true
    }

    /// `x[lo:hi]` or `x[lo:hi:max]`.
    pub fn slice_expr(&mut self, x: &mut Operand, e: ExprId) {
        let ExprKind::Slice {
            x: xe, lo, hi, max, ..
        } = self.ast.expr(e).kind
        else {
            return;
        };
        let parts: Vec<ExprId> = [lo, hi, max].into_iter().flatten().collect();
        self.expr(x, xe, None);
        if x.is_invalid() {
            self.use_exprs(&parts);
            return;
        }
        let mut valid = false;
        let mut length: Option<u64> = None;
        let u = self.types.under(x.ty);
        match self.types.get(u).clone() {
            Type::Basic(k) if k.is_string() => {
                if max.is_some() {
                    let at = max.or(hi).unwrap_or(e);
                    self.error(self.epos(at), "invalid operation: 3-index slice of string");
                    x.mode = Mode::Invalid;
                    return;
                }
                valid = true;
                if x.mode == Mode::Constant {
                    length = x.val.str().map(|s| s.len() as u64);
                }
                // A slice of an untyped string is a string.
                if self.types.is_untyped(x.ty) {
                    x.ty = TypeId::STRING;
                }
            }
            Type::Array(n, elem) => {
                valid = true;
                length = Some(n);
                if x.mode != Mode::Variable {
                    let s = self.op_string(x);
                    self.error(
                        self.op_pos(x),
                        format!("invalid operation: {s} (slice of unaddressable value)"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.ty = self.types.slice(elem);
            }
            Type::Pointer(b) => {
                if let Type::Array(n, elem) = self.types.get(self.types.under(b)).clone() {
                    valid = true;
                    length = Some(n);
                    x.ty = self.types.slice(elem);
                }
            }
            Type::Slice(_) => valid = true,
            // Byte slices and strings: a slice of the same type.
            Type::TypeParam(p)
                if self
                    .types
                    .every_term(p.constraint, |t, u| t.is_bytes_or_string(u)) =>
            {
                if max.is_some()
                    && !self
                        .types
                        .every_term(p.constraint, |t, u| t.basic(u).is_none())
                {
                    let at = max.or(hi).unwrap_or(e);
                    self.error(self.epos(at), "invalid operation: 3-index slice of string");
                    x.mode = Mode::Invalid;
                    return;
                }
                valid = true;
            }
            _ => {}
        }
        if !valid {
            let s = self.op_string(x);
            // A type parameter whose types share no underlying type.
            let cause = if self.types.is_type_param(u) {
                format!(": {} has no core type", self.ts(x.ty))
            } else {
                String::new()
            };
            self.error(
                self.op_pos(x),
                format!("invalid operation: cannot slice {s}{cause}"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        x.mode = Mode::Value;
        // Constant indices must be in range and non-decreasing.
        let cap = length.map(|l| l + 1);
        let mut vals: Vec<(ExprId, Option<u64>)> = Vec::new();
        for p in [lo, hi, max].into_iter().flatten() {
            let v = self.index(p, cap);
            vals.push((p, v));
        }
        for i in 0..vals.len() {
            for j in i + 1..vals.len() {
                if let (Some(a), Some(b)) = (vals[i].1, vals[j].1) {
                    if a > b {
                        self.error(
                            self.epos(vals[j].0),
                            format!("invalid slice indices: {b} < {a}"),
                        );
                        return;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn constant_indices_are_checked_against_lengths() {
        let errs = body_errors(
            "\ta := [3]int{}\n\t_ = a[3]\n\t_ = \"ab\"[-1]\n\ts := a[:]\n\t_ = s[2:1]\n",
        );
        assert_eq!(
            errs,
            [
                "5:8: invalid argument: index 3 out of bounds [0:3]",
                "6:11: invalid argument: index -1 (constant of type int) must not be negative",
                "8:10: invalid slice indices: 1 < 2",
            ]
        );
    }

    #[test]
    fn only_indexable_values_can_be_indexed() {
        let errs = body_errors("\tn := 1\n\t_ = n[0]\n");
        assert_eq!(
            errs,
            ["5:7: invalid operation: cannot index n (variable of type int)"]
        );
    }
}
