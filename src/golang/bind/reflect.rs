//! The natives that look at the dynamic types of values, where Go's packages use reflect:
//! `sort.Slice`'s length and swap of any slice, and `errors.Is`'s comparability and `As`'s
//! target (the rest of both is Go, in `library/go/sort.go` and `library/go/errors.go`).

use super::{done, pure};
use crate::golang::vm::errors::{self, ErrKind};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::types::{Kind, Types};
use crate::golang::vm::value::{TypeId, Value};

pub(super) const NATIVES: &[Native] = &[
    pure("sort.sliceLen", slice_len),
    pure("sort.swap", swap),
    pure("errors.unwrap", unwrap),
    pure("errors.isComparable", is_comparable),
    pure("errors.asTarget", as_target),
    pure("errors.assignTo", assign_to),
];

/// reflect's name of the kind of `ty` (`int`, `ptr`, `struct`…), as its panics print it.
fn kind_name(types: &Types, ty: TypeId) -> String {
    match &types.get(ty).kind {
        Kind::Bool => "bool".into(),
        Kind::Int(k) => format!("{k:?}").to_lowercase(),
        Kind::Float32 => "float32".into(),
        Kind::Float64 => "float64".into(),
        Kind::Complex64 => "complex64".into(),
        Kind::Complex128 => "complex128".into(),
        Kind::String => "string".into(),
        Kind::Array { .. } => "array".into(),
        Kind::Slice { .. } => "slice".into(),
        Kind::Struct { .. } => "struct".into(),
        Kind::Pointer { .. } => "ptr".into(),
        Kind::Map { .. } => "map".into(),
        Kind::Chan { .. } => "chan".into(),
        Kind::Func => "func".into(),
        Kind::Interface { .. } => "interface".into(),
        Kind::Nil => "invalid".into(),
    }
}

/// `sliceLen(x any, method string) int`: the length of slice `x` (reflect's `Swapper`), or
/// of a slice, array, string or map (reflect's `Value.Len`); anything else panics as
/// reflect's `method` does (`reflect: call of Swapper on int Value`).
fn slice_len(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let method = ctx.arg(1).to_text();
    let what = match ctx.arg(0) {
        Value::Iface(i) => match (&prog.types.get(i.ty).kind, method.as_str()) {
            (Kind::Slice { .. }, _)
            | (Kind::Array { .. } | Kind::String | Kind::Map { .. }, "reflect.Value.Len") => {
                let n = crate::golang::vm::ops::len(&i.val);
                return done(ctx, [Value::Int(n)]);
            }
            _ => format!("{} Value", kind_name(&prog.types, i.ty)),
        },
        _ => "zero Value".to_string(),
    };
    Err(errors::runtime_error(
        &prog,
        ErrKind::Plain,
        format!("reflect: call of {method} on {what}"),
    ))
}

/// `swap(x any, i, j int)`: swaps elements `i` and `j` of slice `x`. An element that is an
/// array or a struct keeps its storage (pointers to `x[i]` still see `x[i]`); its contents
/// are swapped.
fn swap(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (i, j) = (ctx.int(1), ctx.int(2));
    let Value::Iface(x) = ctx.arg(0) else {
        return Ok(Flow::Done);
    };
    let Value::Slice(s) = &x.val else {
        return Ok(Flow::Done);
    };
    if i as u64 >= s.len as u64 || j as u64 >= s.len as u64 {
        return Err(errors::runtime_error(
            &ctx.prog(),
            ErrKind::Plain,
            "reflect: slice index out of range",
        ));
    }
    if i == j {
        return Ok(Flow::Done);
    }
    let (i, j) = (s.off as usize + i as usize, s.off as usize + j as usize);
    let mut a = s.array.borrow_mut();
    match (&a[i], &a[j]) {
        (Value::Agg(x), Value::Agg(y)) => {
            std::mem::swap(&mut *x.borrow_mut(), &mut *y.borrow_mut())
        }
        _ => a.swap(i, j),
    }
    Ok(Flow::Done)
}

/// `unwrap(err error) (error, []error)`: calls `err`'s `Unwrap() error` or `Unwrap() []error`
/// method, if it has one, on this goroutine; the first comes back first, the second second.
fn unwrap(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let Value::Iface(err) = ctx.arg(0).clone() else {
        return done(ctx, [Value::Nil, Value::Nil]);
    };
    let method = |key: &str| {
        prog.types
            .find_method_id(key)
            .and_then(|m| prog.types.method(err.ty, m))
    };
    if let Some(func) = method("Unwrap() error") {
        let out = ctx.g.call_nested(func, None, &[err.val.copy()], 1)?;
        return done(
            ctx,
            [out.into_iter().next().unwrap_or_default(), Value::Nil],
        );
    }
    if let Some(func) = method("Unwrap() []error") {
        let out = ctx.g.call_nested(func, None, &[err.val.copy()], 1)?;
        return done(
            ctx,
            [Value::Nil, out.into_iter().next().unwrap_or_default()],
        );
    }
    done(ctx, [Value::Nil, Value::Nil])
}

/// Whether values of `ty` support `==` (reflect's `Type.Comparable`).
/// `isComparable(v any) bool`: whether `v`'s dynamic type supports `==` (true for nil).
fn is_comparable(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let b = match ctx.arg(0) {
        Value::Iface(i) => ctx.prog().types.comparable(i.ty),
        _ => true,
    };
    done(ctx, [Value::Bool(b)])
}

/// The type `target` points to, if it is a non-nil pointer.
fn target_elem(types: &Types, target: &Value) -> Result<TypeId, i64> {
    let Value::Iface(t) = target else {
        return Err(1);
    };
    match (&types.get(t.ty).kind, &t.val) {
        (_, Value::Nil) => Err(2),
        (Kind::Pointer { elem }, _) => Ok(*elem),
        _ => Err(2),
    }
}

/// `asTarget(target any) int`: 0 for a valid target of `errors.As`, else why not (see
/// `library/go/errors.go`).
fn as_target(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let code = match target_elem(&prog.types, ctx.arg(0)) {
        Err(code) => code,
        Ok(elem) => {
            let is_iface = matches!(prog.types.get(elem).kind, Kind::Interface { .. });
            let is_error = prog
                .error_method
                .is_some_and(|m| prog.types.method(elem, m).is_some());
            if is_iface || is_error {
                0
            } else {
                3
            }
        }
    };
    done(ctx, [Value::Int(code)])
}

/// `assignTo(err error, target any) bool`: `*target = err` if `err`'s dynamic type is
/// assignable to the target's element type (implements it, for an interface; is it,
/// otherwise).
fn assign_to(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let (Value::Iface(err), Ok(elem)) = (ctx.arg(0), target_elem(&prog.types, ctx.arg(1))) else {
        return done(ctx, [Value::Bool(false)]);
    };
    let value = match prog.types.get(elem).kind {
        Kind::Interface { .. } if prog.types.implements(err.ty, elem).is_ok() => {
            Value::Iface(err.clone())
        }
        _ if err.ty == elem => err.val.copy(),
        _ => return done(ctx, [Value::Bool(false)]),
    };
    if let Value::Iface(t) = ctx.arg(1) {
        if let Value::Ptr(p) = &t.val {
            p.store(value);
        }
    }
    done(ctx, [Value::Bool(true)])
}
