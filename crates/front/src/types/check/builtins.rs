//! Calls of the builtin functions (go/types' `builtin`).

use super::super::constant::{self, ConstValue};
use super::super::info::{Mode, SelectionKind};
use super::super::object::Builtin;
use super::super::ty::{Type, TypeId};
use super::{Checker, Operand};
use crate::syntax::ast::{ChanDir, ExprId, ExprKind};
use crate::syntax::token::Op;

/// The number of arguments a builtin takes (at least, for variadic ones), and whether it is
/// variadic.
fn arity(b: Builtin) -> (usize, bool) {
    match b {
        Builtin::Append => (1, true),
        Builtin::Cap
        | Builtin::Clear
        | Builtin::Close
        | Builtin::Imag
        | Builtin::Len
        | Builtin::New
        | Builtin::Panic
        | Builtin::Real => (1, false),
        Builtin::Complex | Builtin::Copy | Builtin::Delete => (2, false),
        Builtin::Make => (1, true),
        Builtin::Max | Builtin::Min => (1, true),
        Builtin::Print | Builtin::Println => (0, true),
        Builtin::Recover => (0, false),
        Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => (1, false),
    }
}

impl Checker<'_> {
    /// Checks a call of builtin `b`; `x` holds the result. False if the call is invalid.
    pub fn builtin(
        &mut self,
        x: &mut Operand,
        call: ExprId,
        b: Builtin,
        args: &[ExprId],
        dots: bool,
    ) -> bool {
        if dots && b != Builtin::Append {
            self.error(
                self.epos(call),
                format!(
                    "invalid operation: invalid use of ... with built-in {}",
                    b.name()
                ),
            );
            self.use_exprs(args);
            return false;
        }
        let mut ops: Vec<Operand> = Vec::new();
        let mut nargs = args.len();
        if !matches!(b, Builtin::Make | Builtin::New) {
            ops = self.expr_list(args);
            nargs = ops.len();
            if let Some(first) = ops.first() {
                *x = first.clone();
                if x.is_invalid() {
                    return false;
                }
            }
        }
        let (want, variadic) = arity(b);
        let msg = if nargs < want {
            Some("not enough")
        } else if !variadic && nargs > want {
            Some("too many")
        } else {
            None
        };
        if let Some(msg) = msg {
            let c = self.es(call);
            self.error(
                self.epos(call),
                format!(
                    "invalid operation: {msg} arguments for {c} (expected {want}, found {nargs})"
                ),
            );
            return false;
        }
        match b {
            Builtin::Append => {
                let s = x.ty;
                let Some(elem) = (match self.types.get(self.types.under(s)) {
                    Type::Slice(e) => Some(*e),
                    _ => None,
                }) else {
                    let cause = if x.is_nil() {
                        "have untyped nil".to_string()
                    } else {
                        format!("have {}", self.op_string(x))
                    };
                    self.error(
                        self.op_pos(x),
                        format!("first argument to append must be a slice; {cause}"),
                    );
                    return false;
                };
                // append([]byte, string...) appends the string's bytes (also from a type
                // parameter whose types are strings and byte slices).
                if nargs == 2 && dots {
                    let bytes = self.types.slice(TypeId::UINT8);
                    if self.assignable_to(x, bytes, &mut None) && self.all_bytestring(ops[1].ty) {
                        let mut y = ops[1].clone();
                        if self.types.is_untyped(y.ty) {
                            self.convert_untyped(&mut y, TypeId::STRING);
                        }
                        x.mode = Mode::Value;
                        x.ty = s;
                        return true;
                    }
                }
                let slice = self.types.slice(elem);
                let fun = self.callee(call);
                let mut rest: Vec<Operand> = ops[1..].to_vec();
                let mut params = vec![s, slice];
                // The first argument was checked already: check the rest against ...elem.
                params.remove(0);
                self.arguments(
                    call,
                    fun,
                    &params,
                    true,
                    &args[1.min(args.len())..],
                    &mut rest,
                    dots,
                );
                x.mode = Mode::Value;
                x.ty = s;
            }
            Builtin::Len | Builtin::Cap => {
                let mut mode = Mode::Invalid;
                let mut val = ConstValue::Unknown;
                let mut u = self.types.under(x.ty);
                if let Type::Pointer(p) = self.types.get(u) {
                    if matches!(self.types.get(self.types.under(*p)), Type::Array(..)) {
                        u = self.types.under(*p);
                    }
                }
                match self.types.get(u).clone() {
                    Type::Basic(k) if k.is_string() && b == Builtin::Len => {
                        if x.mode == Mode::Constant {
                            mode = Mode::Constant;
                            val = ConstValue::Int(x.val.str().map_or(0, |s| s.len()) as i128);
                        } else {
                            mode = Mode::Value;
                        }
                    }
                    Type::Array(n, _) => {
                        mode = Mode::Value;
                        if !self.has_call_or_recv(args[0]) {
                            mode = Mode::Constant;
                            val = ConstValue::Int(n as i128);
                        }
                    }
                    Type::Slice(_) | Type::Chan(..) => mode = Mode::Value,
                    Type::Map(..) if b == Builtin::Len => mode = Mode::Value,
                    // A type parameter without a core type: every type of its set must have
                    // a length (a capacity).
                    Type::TypeParam(p)
                        if self
                            .types
                            .every_term(p.constraint, |t, u| t.has_len(u, b == Builtin::Cap)) =>
                    {
                        mode = Mode::Value
                    }
                    _ => {}
                }
                if mode == Mode::Invalid {
                    if self.types.under(x.ty) != TypeId::INVALID {
                        let s = self.op_string(x);
                        self.error(
                            self.op_pos(x),
                            format!("invalid argument: {s} for built-in {}", b.name()),
                        );
                    }
                    return false;
                }
                x.mode = mode;
                x.ty = TypeId::INT;
                x.val = val;
            }
            Builtin::Clear => {
                let u = self.types.under(x.ty);
                if !matches!(self.types.get(u), Type::Map(..) | Type::Slice(_)) {
                    let s = self.op_string(x);
                    self.error(
                        self.op_pos(x),
                        format!("invalid argument: cannot clear {s}: argument must be (or constrained by) map or slice"),
                    );
                    return false;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Close => {
                let u = self.types.under(x.ty);
                match self.types.get(u) {
                    Type::Chan(ChanDir::Recv, _) => {
                        let s = self.op_string(x);
                        self.error(
                            self.op_pos(x),
                            format!("invalid operation: cannot close receive-only channel {s}"),
                        );
                        return false;
                    }
                    Type::Chan(..) => {}
                    _ => {
                        let s = self.op_string(x);
                        self.error(
                            self.op_pos(x),
                            format!("invalid operation: cannot close non-channel {s}"),
                        );
                        return false;
                    }
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Copy => {
                let y = ops[1].clone();
                if y.is_invalid() {
                    return false;
                }
                let dst = match self.types.get(self.types.under(x.ty)) {
                    Type::Slice(e) => Some(*e),
                    _ => None,
                };
                let src = match self.types.get(self.types.under(y.ty)) {
                    Type::Slice(e) => Some(*e),
                    Type::Basic(k) if k.is_string() => Some(TypeId::UINT8),
                    _ => None,
                };
                let (Some(d), Some(s)) = (dst, src) else {
                    let (xs, ys) = (self.op_string(x), self.op_string(&y));
                    self.error(
                        self.op_pos(x),
                        format!(
                            "invalid argument: copy expects slice arguments; found {xs} and {ys}"
                        ),
                    );
                    return false;
                };
                if d != s {
                    let (xs, ys, ds, ss) = (
                        self.op_string(x),
                        self.op_string(&y),
                        self.ts(d),
                        self.ts(s),
                    );
                    self.error(
                        self.op_pos(x),
                        format!("invalid argument: arguments to copy {xs} and {ys} have different element types {ds} and {ss}"),
                    );
                    return false;
                }
                if self.types.is_untyped(y.ty) {
                    if let Some(e) = y.expr {
                        self.update_expr_type(e, TypeId::STRING, true);
                    }
                }
                x.mode = Mode::Value;
                x.ty = TypeId::INT;
            }
            Builtin::Delete => {
                let Type::Map(key, _) = self.types.get(self.types.under(x.ty)).clone() else {
                    let s = self.op_string(x);
                    self.error(
                        self.op_pos(x),
                        format!("invalid argument: {s} is not a map"),
                    );
                    return false;
                };
                let mut k = ops[1].clone();
                if k.is_invalid() {
                    return false;
                }
                self.assignment(&mut k, Some(key), "argument to delete");
                if k.is_invalid() {
                    return false;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Make => {
                let t = self.var_type(args[0]);
                if t == TypeId::INVALID {
                    return false;
                }
                let min = match self.types.get(self.types.under(t)) {
                    Type::Slice(_) => 2,
                    Type::Map(..) | Type::Chan(..) => 1,
                    _ => {
                        let s = self.es(args[0]);
                        self.error(
                            self.epos(args[0]),
                            format!("invalid argument: cannot make {s}; type must be slice, map, or channel"),
                        );
                        return false;
                    }
                };
                if nargs < min || min + 1 < nargs {
                    let c = self.es(call);
                    self.error(
                        self.epos(call),
                        format!(
                            "invalid operation: {c} expects {min} or {} arguments; found {nargs}",
                            min + 1
                        ),
                    );
                    return false;
                }
                let mut sizes = Vec::new();
                for &a in &args[1..] {
                    if let Some(n) = self.index(a, None) {
                        sizes.push(n);
                    }
                }
                if sizes.len() == 2 && sizes[0] > sizes[1] {
                    self.error(
                        self.epos(args[1]),
                        "invalid argument: length and capacity swapped",
                    );
                }
                x.mode = Mode::Value;
                x.ty = t;
            }
            Builtin::New => {
                let t = self.var_type(args[0]);
                if t == TypeId::INVALID {
                    return false;
                }
                x.mode = Mode::Value;
                x.ty = self.types.pointer(t);
            }
            Builtin::Panic => {
                self.assignment(x, Some(TypeId::EMPTY_INTERFACE), "argument to panic");
                if x.is_invalid() {
                    return false;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Print | Builtin::Println => {
                for mut a in ops {
                    self.assignment(&mut a, None, &format!("argument to built-in {}", b.name()));
                    if a.is_invalid() {
                        return false;
                    }
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Recover => {
                x.mode = Mode::Value;
                x.ty = TypeId::EMPTY_INTERFACE;
            }
            Builtin::Sizeof | Builtin::Alignof => {
                self.assignment(x, None, &format!("argument to unsafe.{}", b.name()));
                if x.is_invalid() {
                    return false;
                }
                if !self.fixed_size(x.ty) {
                    return self.unsupported_unsafe(x, b);
                }
                let (size, align) = self.types.size_align(x.ty);
                let v = if b == Builtin::Sizeof { size } else { align };
                x.mode = Mode::Constant;
                x.val = ConstValue::Int(i128::from(v));
                x.ty = TypeId::UINTPTR;
            }
            Builtin::Offsetof => {
                let Some(v) = self.offset_of(args[0]) else {
                    return false;
                };
                x.mode = Mode::Constant;
                x.val = ConstValue::Int(i128::from(v));
                x.ty = TypeId::UINTPTR;
            }
            Builtin::Complex => {
                let mut y = ops[1].clone();
                if !self.complex_of(x, &mut y, call) {
                    return false;
                }
            }
            Builtin::Real | Builtin::Imag => {
                if !self.part_of_complex(x, b) {
                    return false;
                }
            }
            Builtin::Max | Builtin::Min => {
                let op = if b == Builtin::Max { Op::Gtr } else { Op::Lss };
                for (i, a) in ops.iter_mut().enumerate() {
                    if a.is_invalid() {
                        return false;
                    }
                    if !self.all_ordered(a.ty) {
                        let s = self.op_string(a);
                        self.error(
                            self.op_pos(a),
                            format!("invalid argument: {s} cannot be ordered"),
                        );
                        return false;
                    }
                    if i == 0 {
                        *x = a.clone();
                        continue;
                    }
                    self.match_types(x, a);
                    if x.is_invalid() {
                        return false;
                    }
                    if x.ty != a.ty {
                        let (xt, at, ae) = (
                            self.ts(x.ty),
                            self.ts(a.ty),
                            a.expr.map(|e| self.es(e)).unwrap_or_default(),
                        );
                        self.error(
                            self.op_pos(a),
                            format!("invalid argument: mismatched types {xt} (previous argument) and {at} (type of {ae})"),
                        );
                        return false;
                    }
                    if x.mode == Mode::Constant && a.mode == Mode::Constant {
                        if constant::compare(&a.val, op, &x.val) {
                            let e = x.expr;
                            *x = a.clone();
                            x.expr = e;
                        }
                    } else {
                        x.mode = Mode::Value;
                    }
                }
                if x.mode != Mode::Constant {
                    x.mode = Mode::Value;
                    self.assignment(
                        x,
                        Some(TypeId::EMPTY_INTERFACE),
                        &format!("argument to built-in {}", b.name()),
                    );
                    if x.is_invalid() {
                        return false;
                    }
                }
                let final_ = x.ty;
                for a in &ops {
                    if let Some(e) = a.expr {
                        self.update_expr_type(e, final_, true);
                    }
                }
            }
        }
        true
    }

    /// The callee expression of a call.
    fn callee(&self, call: ExprId) -> ExprId {
        match self.ast.expr(call).kind {
            crate::syntax::ast::ExprKind::Call { fun, .. } => fun,
            _ => call,
        }
    }

    /// Whether `e` contains a function call or a receive (then `len` of an array is not
    /// constant).
    pub(super) fn has_call_or_recv(&self, e: ExprId) -> bool {
        use crate::syntax::ast::ExprKind as K;
        match &self.ast.expr(e).kind {
            K::Call { fun, args, .. } => {
                // A conversion or a call of a constant builtin is not a call.
                let mode = self.info.mode(*fun);
                if mode == Mode::TypeExpr {
                    return self
                        .ast
                        .list(*args)
                        .iter()
                        .any(|&a| self.has_call_or_recv(a));
                }
                if mode == Mode::Builtin && self.info.mode(e) == Mode::Constant {
                    return false;
                }
                true
            }
            K::Unary { op: Op::Recv, .. } => true,
            K::Unary { x, .. } | K::Paren(x) | K::Star(x) => self.has_call_or_recv(*x),
            K::Selector { x, .. } => self.has_call_or_recv(*x),
            K::Index { x, indices, .. } => {
                self.has_call_or_recv(*x)
                    || self
                        .ast
                        .list(*indices)
                        .iter()
                        .any(|&a| self.has_call_or_recv(a))
            }
            K::Binary { x, y, .. } => self.has_call_or_recv(*x) || self.has_call_or_recv(*y),
            K::Slice { x, lo, hi, max, .. } => {
                self.has_call_or_recv(*x)
                    || [lo, hi, max]
                        .iter()
                        .any(|v| v.is_some_and(|v| self.has_call_or_recv(v)))
            }
            K::TypeAssert { x, .. } => self.has_call_or_recv(*x),
            K::CompositeLit { elts, .. } => self
                .ast
                .list(*elts)
                .iter()
                .any(|&a| self.has_call_or_recv(a)),
            K::KeyValue { key, value, .. } => {
                self.has_call_or_recv(*key) || self.has_call_or_recv(*value)
            }
            _ => false,
        }
    }

    /// Whether values of type `t` have a size that does not depend on a type parameter.
    fn fixed_size(&self, t: TypeId) -> bool {
        match self.types.get(self.types.under(t)) {
            Type::TypeParam(_) => false,
            Type::Array(_, e) => self.fixed_size(*e),
            Type::Struct(fields) => fields.iter().all(|f| self.fixed_size(f.ty)),
            _ => true,
        }
    }

    fn unsupported_unsafe(&mut self, x: &Operand, b: Builtin) -> bool {
        let s = self.op_string(x);
        self.error(
            self.op_pos(x),
            format!(
                "chanlab does not support unsafe.{} of {s}, whose size depends on a type parameter",
                b.name()
            ),
        );
        false
    }

    /// `unsafe.Offsetof(s.f)`: the offset of field `f` in struct `s`, summed along the
    /// embedded fields it is promoted through, which may not be pointers.
    fn offset_of(&mut self, arg: ExprId) -> Option<u64> {
        let e = self.ast.unparen(arg);
        let sel = self
            .info
            .selection(e)
            .filter(|s| s.kind == SelectionKind::Field)
            .cloned();
        let Some(sel) = sel else {
            let s = self.es(arg);
            self.error(
                self.epos(arg),
                format!("invalid argument: {s} is not a selector expression"),
            );
            return None;
        };
        let path = self.info.path(&sel).to_vec();
        // `p.f` for a pointer p is the field of the struct it points to.
        let base = self
            .types
            .pointer_elem(self.types.under(sel.x_ty))
            .unwrap_or(sel.x_ty);
        let mut t = base;
        let mut offset = 0;
        for &i in &path {
            if self.types.pointer_elem(self.types.under(t)).is_some() {
                let ExprKind::Selector { sel: name, .. } = self.ast.expr(e).kind else {
                    return None;
                };
                let (f, base) = (self.es(name), self.ts(base));
                self.error(
                    self.epos(arg),
                    format!("invalid argument: field {f} is embedded via a pointer in {base}"),
                );
                return None;
            }
            let fields = self.types.struct_fields(self.types.under(t))?.to_vec();
            if !fields.iter().all(|f| self.fixed_size(f.ty)) {
                let x = Operand::invalid(arg);
                self.unsupported_unsafe(&x, Builtin::Offsetof);
                return None;
            }
            offset += self.types.field_offsets(&fields)[i as usize];
            t = fields[i as usize].ty;
        }
        Some(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn builtins_check_their_arguments() {
        let errs = body_errors(
            "\t_ = len(1)\n\t_ = make([]int)\n\tvar m map[int]int\n\tdelete(m, \"a\")\n",
        );
        assert_eq!(
        errs,
        [
            "4:10: invalid argument: 1 (untyped int constant) for built-in len",
            "5:6: invalid operation: make([]int) expects 2 or 3 arguments; found 1",
            "7:12: cannot use \"a\" (untyped string constant) as int value in argument to delete",
        ]
    );
    }

    #[test]
    fn min_max_and_clear_are_builtins() {
        let errs = body_errors("\tm := map[int]int{}\n\tclear(m)\n\t_ = min(1, 2.5) + max(3, 4)\n");
        assert!(errs.is_empty(), "{errs:?}");
    }
}
