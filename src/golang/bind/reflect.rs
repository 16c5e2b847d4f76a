//! The natives that look at the dynamic types of values: package reflect's (`TypeOf` and the
//! methods of its `Type`, which read the program's run-time type table, and `DeepEqual`), and
//! where Go's packages use reflect: `sort.Slice`'s length and swap of any slice, and
//! `errors.Is`'s comparability and `As`'s target (the rest of these is Go, in
//! `library/go/reflect.go`, `sort.go` and `errors.go`).

use std::rc::Rc;

use super::{done, pure};
use crate::golang::natives;
use crate::golang::vm::errors::{self, ErrKind};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::types::{ChanDir, Kind, Types};
use crate::golang::vm::value::{Closure, Iface, TypeId, Value};

pub(super) const NATIVES: &[Native] = &[
    pure("sort.sliceLen", slice_len),
    pure("sort.swap", swap),
    pure("errors.unwrap", unwrap),
    pure("errors.isComparable", is_comparable),
    pure("context.isComparable", is_comparable),
    pure("errors.asTarget", as_target),
    pure("errors.assignTo", assign_to),
    pure("reflect.typeOf", type_of),
    pure("context.typeString", dynamic_type_string),
    pure("reflect.typeString", type_string),
    pure("reflect.typeName", type_name),
    pure("reflect.typePkgPath", type_pkg_path),
    pure("reflect.typeKind", type_kind),
    pure("reflect.typeElem", type_elem),
    pure("reflect.typeKey", type_key),
    pure("reflect.typeLen", type_len),
    pure("reflect.typeField", type_field),
    pure("reflect.typeComparable", type_comparable),
    pure("reflect.typeImplements", type_implements),
    pure("reflect.typeNumMethod", type_num_method),
    pure("reflect.typeMethod", type_method),
    pure("reflect.typeSig", type_sig),
    pure("reflect.DeepEqual", deep_equal),
];

/// `typeOf(i any) int`: the dynamic type of `i`, or -1 for nil.
fn type_of(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let id = match ctx.arg(0) {
        Value::Iface(i) => i64::from(i.ty),
        _ => -1,
    };
    done(ctx, [Value::Int(id)])
}

/// The name of the dynamic type of argument 0, an interface value (`<nil>` for nil).
fn dynamic_type_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let name = match ctx.arg(0) {
        Value::Iface(i) => prog.types.types.get(i.ty as usize).map(|t| &*t.name),
        _ => None,
    };
    done(ctx, [Value::str(name.unwrap_or("<nil>"))])
}

/// The type whose id is argument `i` (made by `typeOf`, so always in the table; anything
/// else reads as `nil`'s type).
pub(super) fn rtype(ctx: &Ctx<'_>, i: usize) -> Option<TypeId> {
    let id = ctx.int(i);
    (0..ctx.prog().types.types.len() as i64)
        .contains(&id)
        .then_some(id as TypeId)
}

/// Calls `f` on the table and the type of argument 0, and returns its result.
fn on_type(ctx: &mut Ctx<'_>, f: impl FnOnce(&Types, TypeId) -> Value) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let v = match rtype(ctx, 0) {
        Some(ty) => f(&prog.types, ty),
        None => f(&prog.types, NIL_TYPE),
    };
    done(ctx, [v])
}

/// What the natives answer for an id outside the table: the type of `nil`, as invalid.
const NIL_TYPE: TypeId = TypeId::MAX;

/// The kind of `ty` (`Kind::Nil` outside the table).
pub(super) fn kind_of(types: &Types, ty: TypeId) -> &Kind {
    const NIL: Kind = Kind::Nil;
    types.types.get(ty as usize).map_or(&NIL, |t| &t.kind)
}

fn type_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| {
        Value::str(types.types.get(ty as usize).map_or("<nil>", |t| &t.name))
    })
}

/// A defined type's package and name within it: `main.Point` is ("main", "Point"),
/// `main.Pair[int]` ("main", "Pair[int]"); a predeclared type is ("", "int"), and an unnamed
/// one ("", "").
fn package_and_name(types: &Types, ty: TypeId) -> (&str, &str) {
    let Some(t) = types.types.get(ty as usize) else {
        return ("", "");
    };
    let basic = t.kind.is_basic();
    let plain = &t.name[..t.name.find('[').unwrap_or(t.name.len())];
    match plain.find('.') {
        Some(dot) if t.named => (&t.name[..dot], &t.name[dot + 1..]),
        None if t.named || basic => ("", &t.name),
        _ => ("", ""),
    }
}

fn type_name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| Value::str(package_and_name(types, ty).1))
}

fn type_pkg_path(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| Value::str(package_and_name(types, ty).0))
}

/// `typeKind(id int) int`: reflect's number for the kind of the type.
fn type_kind(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| {
        Value::Int(reflect_kind(kind_of(types, ty)) as i64)
    })
}

/// reflect's number for `kind` (its `Kind` constants), the index of its name in
/// [`KIND_NAMES`].
fn reflect_kind(kind: &Kind) -> usize {
    match kind {
        Kind::Nil => 0,
        Kind::Bool => 1,
        Kind::Int(k) => 2 + *k as usize,
        Kind::Float32 => 13,
        Kind::Float64 => 14,
        Kind::Complex64 => 15,
        Kind::Complex128 => 16,
        Kind::Array { .. } => 17,
        Kind::Chan { .. } => 18,
        Kind::Func { .. } => 19,
        Kind::Interface { .. } => 20,
        Kind::Map { .. } => 21,
        Kind::Pointer { .. } => 22,
        Kind::Slice { .. } => 23,
        Kind::String => 24,
        Kind::Struct { .. } => 25,
    }
}

/// reflect's names of its kinds, by number.
const KIND_NAMES: [&str; 26] = [
    "invalid",
    "bool",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "array",
    "chan",
    "func",
    "interface",
    "map",
    "ptr",
    "slice",
    "string",
    "struct",
];

/// `typeElem(id int) int`: the element type of an array, chan, map, pointer or slice type,
/// else -1.
fn type_elem(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| {
        Value::Int(match kind_of(types, ty) {
            Kind::Array { elem, .. }
            | Kind::Chan { elem, .. }
            | Kind::Pointer { elem }
            | Kind::Slice { elem }
            | Kind::Map { val: elem, .. } => i64::from(*elem),
            _ => -1,
        })
    })
}

/// `typeKey(id int) int`: a map type's key type, else -1.
fn type_key(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| {
        Value::Int(match kind_of(types, ty) {
            Kind::Map { key, .. } => i64::from(*key),
            _ => -1,
        })
    })
}

/// `typeLen(id int) int`: an array type's length, a struct type's field count, a channel
/// type's direction as reflect numbers it (1 receive, 2 send, 3 both); else 0.
fn type_len(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| {
        Value::Int(match kind_of(types, ty) {
            Kind::Array { len, .. } => *len as i64,
            Kind::Struct { fields } => fields.len() as i64,
            Kind::Chan { dir, .. } => match dir {
                ChanDir::Recv => 1,
                ChanDir::Send => 2,
                ChanDir::Both => 3,
            },
            _ => 0,
        })
    })
}

/// `typeField(id, i int) (name string, ty int, embedded, exported bool)`: field `i` of a
/// struct type (the caller has checked that there is one).
fn type_field(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let i = ctx.int(1);
    let field = rtype(ctx, 0).and_then(|ty| match kind_of(&prog.types, ty) {
        Kind::Struct { fields } => usize::try_from(i).ok().and_then(|i| fields.get(i)),
        _ => None,
    });
    match field {
        Some(f) => done(
            ctx,
            [
                Value::str(&f.name),
                Value::Int(i64::from(f.ty)),
                Value::Bool(f.embedded),
                Value::Bool(f.exported),
                Value::str(&f.tag),
            ],
        ),
        None => done(
            ctx,
            [
                Value::str(""),
                Value::Int(-1),
                Value::Bool(false),
                Value::Bool(false),
                Value::str(""),
            ],
        ),
    }
}

fn type_num_method(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| {
        Value::Int(types.exported_method_count(ty) as i64)
    })
}

/// `typeMethod(id, i int) (name string, ftype int, fn any, ok bool)`.
fn type_method(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let types = &prog.types;
    let i = usize::try_from(ctx.int(1)).ok();
    let found = match rtype(ctx, 0).map(|ty| (ty, &types.get(ty).kind)) {
        Some((_, Kind::Interface { methods })) => {
            // The i-th name in order (by rank: an interface has few methods).
            let names: Vec<&str> = methods
                .iter()
                .map(|&m| types.method_short_name(m))
                .collect();
            let rank = |n: &str| names.iter().filter(|&&o| o < n).count();
            i.and_then(|i| names.iter().find(|n| rank(n) == i))
                .map(|&name| (name, None))
        }
        Some((ty, _)) => i
            .and_then(|i| types.exported_method(ty, i))
            .map(|(m, func, expr)| {
                let f = expr.map(|ty| {
                    let env = Box::new([]);
                    let val = Value::Func(Rc::new(Closure { func, env }));
                    (ty, Value::Iface(Rc::new(Iface { ty, val })))
                });
                (types.method_short_name(m), f)
            }),
        None => None,
    };
    let ok = found.is_some();
    let (name, f) = found.unwrap_or(("", None));
    let (ftype, fv) = f.map_or((-1, Value::Nil), |(ty, v)| (i64::from(ty), v));
    done(
        ctx,
        [Value::str(name), Value::Int(ftype), fv, Value::Bool(ok)],
    )
}

/// `typeSig(id int) (in, out []int, variadic bool)`: a function type's parameter and result
/// types (none for another type).
fn type_sig(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let sig = rtype(ctx, 0).map(|ty| &prog.types.get(ty).kind);
    let (params, results, variadic) = match sig {
        Some(Kind::Func {
            params,
            results,
            variadic,
        }) => (type_ids(params), type_ids(results), *variadic),
        _ => (type_ids(&[]), type_ids(&[]), false),
    };
    done(ctx, [params, results, Value::Bool(variadic)])
}

/// Type ids as a Go `[]int`.
pub(super) fn type_ids(tys: &[TypeId]) -> Value {
    Value::slice(tys.iter().map(|&t| Value::Int(t.into())).collect())
}

fn type_comparable(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    on_type(ctx, |types, ty| {
        Value::Bool(ty != NIL_TYPE && types.comparable(ty))
    })
}

/// `typeImplements(id, iface int) bool`: whether the type's method set has every method of
/// interface type `iface`.
fn type_implements(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let yes = match (rtype(ctx, 0), rtype(ctx, 1)) {
        (Some(ty), Some(iface)) => prog.types.implements(ty, iface).is_ok(),
        _ => false,
    };
    done(ctx, [Value::Bool(yes)])
}

/// `DeepEqual(x, y any) bool`.
fn deep_equal(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let equal = match (ctx.arg(0), ctx.arg(1)) {
        (Value::Iface(x), Value::Iface(y)) => {
            x.ty == y.ty && natives::deep_equal::deep_equal(&prog.types, x.ty, &x.val, &y.val)
        }
        (x, y) => x.is_nil() && y.is_nil(),
    };
    done(ctx, [Value::Bool(equal)])
}

/// reflect's name of the kind of `ty` (`int`, `ptr`, `struct`…), as its panics print it.
fn kind_name(types: &Types, ty: TypeId) -> &'static str {
    KIND_NAMES[reflect_kind(kind_of(types, ty))]
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
