//! The natives behind `reflect.Value` (`library/go/reflect.go`).
//!
//! A Value is a Go struct whose fields `val` and `addr` only these natives read:
//! - `val` is the value as an interface of the Value's type: `Iface { ty, val: raw }`, where
//!   `raw` is the VM's value. For a Value of interface type, `raw` is that interface's
//!   value (the dynamic value, or nil), so `val` is an interface holding an interface,
//!   which nothing but these natives sees.
//! - `addr`, for an addressable Value (an element of a slice, what a pointer points to, a
//!   field of either), holds the pointer to where the value lives, the same way; nil for
//!   any other.
//!
//! An element or field is read sharing its storage, as Go's Value refers to memory: a Value
//! from `ValueOf(&s).Elem()` sees later writes to `s`. `Interface` returns a copy.

use std::rc::Rc;

use super::reflect::{kind_of, rtype, type_ids};
use super::{done, observable, pure, unit, wait};
use crate::golang::vm::gor::UnitOp;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::map::Key;
use crate::golang::vm::ops;
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::types::{ChanDir, IntKind, Kind, Types};
use crate::golang::vm::value::{Closure, Iface, Ptr, TypeId, Value};
use crate::golang::vm::{chan_of, chan_query};

pub(super) const NATIVES: &[Native] = &[
    pure("reflect.zeroOf", zero_of),
    pure("reflect.valueInterface", value_interface),
    pure("reflect.valueBool", value_bool),
    pure("reflect.valueInt", value_int),
    pure("reflect.valueFloat", value_float),
    pure("reflect.valueString", value_string),
    pure("reflect.valueLen", value_len),
    pure("reflect.valueIsNil", value_is_nil),
    pure("reflect.funcEntry", func_entry),
    pure("reflect.valueIsZero", value_is_zero),
    pure("reflect.valueElem", value_elem),
    pure("reflect.valuePart", value_part),
    pure("reflect.mapKeys", map_keys),
    pure("reflect.mapIndex", map_index),
    pure("reflect.valueAssignable", value_assignable),
    pure("reflect.valueSet", value_set),
    pure("reflect.valueSetInt", value_set_int),
    pure("reflect.typePtrTo", type_ptr_to),
    pure("reflect.newOf", new_of),
    pure("reflect.makeSlice", make_slice),
    pure("reflect.makeMap", make_map),
    pure("reflect.mapSet", map_set),
    pure("reflect.retyped", retyped),
    pure("reflect.rawBytes", raw_bytes),
    pure("reflect.convertible", convertible),
    pure("reflect.convert", convert),
    pure("reflect.valueLoad", value_load),
    pure("reflect.valueMethod", value_method),
    pure("reflect.callFunc", call_func),
    pure("reflect.makeFunc", make_func),
    pure("reflect.makeChan", make_chan),
    observable("reflect.rselect", rselect),
    observable("reflect.closeChan", close_chan),
    pure("reflect.makeFuncStub", make_func_stub),
];

/// The VM's value inside a Value's `val` or `addr`.
fn raw(v: &Value) -> Value {
    match v {
        Value::Iface(i) => i.val.clone(),
        _ => Value::Nil,
    }
}

/// `raw` as a Value's `val` of type `ty`.
fn wrap(ty: TypeId, raw: Value) -> Value {
    Value::Iface(Rc::new(Iface { ty, val: raw }))
}

/// The kind of type argument `i` in `types` (`Kind::Nil` for none).
fn kind_arg<'t>(types: &'t Types, ctx: &Ctx<'_>, i: usize) -> &'t Kind {
    kind_of(types, rtype(ctx, i).unwrap_or(TypeId::MAX))
}

/// The pointer in an `addr` argument.
fn ptr_arg(ctx: &Ctx<'_>, i: usize) -> Option<Ptr> {
    match raw(ctx.arg(i)) {
        Value::Ptr(p) => Some(p),
        _ => None,
    }
}

/// A Value's type id, value and address, as the natives return them (-1: the zero Value).
fn part(ty: Option<TypeId>, val: Value, addr: Option<Ptr>) -> [Value; 3] {
    match ty {
        None => [Value::Int(-1), Value::Nil, Value::Nil],
        Some(ty) => [
            Value::Int(i64::from(ty)),
            wrap(ty, val),
            addr.map_or(Value::Nil, |p| wrap(ty, Value::Ptr(p))),
        ],
    }
}

/// The zero value of `ty`.
pub fn zero_value(types: &Types, ty: TypeId) -> Value {
    match &types.get(ty).kind {
        Kind::Bool => Value::Bool(false),
        Kind::Int(_) => Value::Int(0),
        Kind::Float32 | Kind::Float64 => Value::Float(0.0),
        Kind::Complex64 | Kind::Complex128 => Value::Complex(0.0, 0.0),
        Kind::String => Value::str(""),
        Kind::Array { elem, len } => {
            let zero = zero_value(types, *elem);
            Value::agg((0..*len).map(|_| zero.copy()).collect())
        }
        Kind::Struct { fields } => {
            Value::agg(fields.iter().map(|f| zero_value(types, f.ty)).collect())
        }
        _ => Value::Nil,
    }
}

/// Whether `v`, of type `ty`, is its type's zero value (a float only if it is +0, as Go's
/// `IsZero` compares bits).
fn is_zero(types: &Types, ty: TypeId, v: &Value) -> bool {
    match (&types.get(ty).kind, v) {
        (Kind::Bool, Value::Bool(b)) => !b,
        (Kind::Int(_), Value::Int(n)) => *n == 0,
        (Kind::Float32 | Kind::Float64, Value::Float(f)) => f.to_bits() == 0,
        (Kind::Complex64 | Kind::Complex128, Value::Complex(r, i)) => {
            r.to_bits() == 0 && i.to_bits() == 0
        }
        (Kind::String, Value::Str(s)) => s.is_empty(),
        (Kind::Array { elem, .. }, v) => v.elems().iter().all(|e| is_zero(types, *elem, e)),
        (Kind::Struct { fields }, v) => {
            let items = v.elems();
            fields
                .iter()
                .zip(&items)
                .all(|(f, e)| is_zero(types, f.ty, e))
        }
        (_, v) => v.is_nil(),
    }
}

/// `zeroOf(id int) any`.
fn zero_of(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let v = rtype(ctx, 0).map_or(Value::Nil, |ty| wrap(ty, zero_value(&prog.types, ty)));
    done(ctx, [v])
}

/// `valueInterface(id int, val any) any`: the value as an interface, copied (a Value of
/// interface type gives the interface's own value).
fn value_interface(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let v = match (kind_arg(&prog.types, ctx, 0), ctx.arg(1)) {
        (Kind::Interface { .. }, val) => raw(val),
        (_, Value::Iface(i)) => wrap(i.ty, i.val.copy()),
        _ => Value::Nil,
    };
    done(ctx, [v])
}

fn value_bool(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let b = matches!(raw(ctx.arg(0)), Value::Bool(true));
    done(ctx, [Value::Bool(b)])
}

fn value_int(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = raw(ctx.arg(0)).as_int();
    done(ctx, [Value::Int(n)])
}

fn value_float(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let f = raw(ctx.arg(0)).as_float();
    done(ctx, [Value::Float(f)])
}

fn value_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = match raw(ctx.arg(0)) {
        s @ Value::Str(_) => s,
        _ => Value::str(""),
    };
    done(ctx, [s])
}

/// `valueLen(val any, capacity bool) int`: `len` or `cap` of an array, channel, map, slice
/// or string.
fn value_len(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let capacity = ctx.arg(1).as_bool();
    let n = match raw(ctx.arg(0)) {
        Value::Chan(id) => chan_query(id, capacity),
        v if capacity => ops::cap(&v),
        v => ops::len(&v),
    };
    done(ctx, [Value::Int(n)])
}

fn value_is_nil(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let nil = raw(ctx.arg(0)).is_nil();
    done(ctx, [Value::Bool(nil)])
}

/// `funcEntry(f any) uintptr`: the entry of function value `f` as a program counter, which
/// `runtime.FuncForPC` names (0 for nil).
fn func_entry(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let pc = match raw(ctx.arg(0)) {
        Value::Func(c) => crate::golang::vm::task::frame_pc(c.func, 0),
        _ => 0,
    };
    done(ctx, [Value::Int(pc as i64)])
}

/// `valueIsZero(id int, val any) bool`.
fn value_is_zero(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let zero = rtype(ctx, 0).is_some_and(|ty| is_zero(&prog.types, ty, &raw(ctx.arg(1))));
    done(ctx, [Value::Bool(zero)])
}

/// `valueElem(id int, val any) (typ int, elem any, addr any)`: what a pointer points to
/// (addressable), or an interface's dynamic value; the zero Value for nil.
fn value_elem(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let out = match (kind_arg(&prog.types, ctx, 0), raw(ctx.arg(1))) {
        (Kind::Pointer { elem }, Value::Ptr(p)) => part(Some(*elem), p.load(), Some(p)),
        (Kind::Interface { .. }, Value::Iface(i)) => part(Some(i.ty), i.val.clone(), None),
        _ => part(None, Value::Nil, None),
    };
    done(ctx, out)
}

/// `valuePart(id int, val any, addr any, i int) (typ int, part any, partAddr any)`: field
/// `i` of a struct, or element `i` of an array, slice or string (the caller checked `i`).
/// A part is addressable when its whole is, and a slice's elements always are.
fn value_part(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let i = ctx.int(3).max(0) as usize;
    let whole = ptr_arg(ctx, 2);
    let out = match (kind_arg(&prog.types, ctx, 0), raw(ctx.arg(1))) {
        (Kind::Struct { fields }, Value::Agg(a)) => {
            let item = a.borrow().get(i).cloned().unwrap_or_default();
            let addr = whole.map(|_| element_ptr(&a, i, &item));
            part(fields.get(i).map(|f| f.ty), item, addr)
        }
        (Kind::Array { elem, .. }, Value::Agg(a)) => {
            let item = a.borrow().get(i).cloned().unwrap_or_default();
            let addr = whole.map(|_| element_ptr(&a, i, &item));
            part(Some(*elem), item, addr)
        }
        (Kind::Slice { elem }, Value::Slice(s)) => {
            let at = s.off as usize + i;
            let item = s.array.borrow().get(at).cloned().unwrap_or_default();
            let addr = element_ptr(&s.array, at, &item);
            part(Some(*elem), item, Some(addr))
        }
        (Kind::String, Value::Str(s)) => {
            let byte = prog.types.types.iter().position(|t| {
                t.kind == Kind::Int(IntKind::Uint8) && !t.named && &*t.name == "uint8"
            });
            let b = s.get(i).copied().unwrap_or(0);
            part(byte.map(|b| b as TypeId), Value::Int(i64::from(b)), None)
        }
        _ => part(None, Value::Nil, None),
    };
    done(ctx, out)
}

/// A pointer to element `i` of `a`, which holds `item` (an aggregate element is its own
/// storage).
fn element_ptr(a: &crate::golang::vm::value::Agg, i: usize, item: &Value) -> Ptr {
    match item {
        Value::Agg(inner) => Ptr::Agg(inner.clone()),
        _ => Ptr::Elem(a.clone(), i as u32),
    }
}

/// `mapKeys(keyType int, val any) []any`: the map's keys, in its entries' order.
fn map_keys(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let Some(kt) = rtype(ctx, 0) else {
        return done(ctx, [Value::Nil]);
    };
    let keys = match raw(ctx.arg(1)) {
        Value::Map(m) => m
            .borrow()
            .entries()
            .map(|(k, _)| wrap(kt, k.0.clone()))
            .collect(),
        _ => Vec::new(),
    };
    done(ctx, [Value::slice(keys)])
}

/// `mapIndex(elemType int, val any, keyType int, key any) (any, bool)`: the map's value
/// for the key (a Value of type `keyType`, assignable to the map's key type).
fn map_index(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let (Some(et), Value::Map(m)) = (rtype(ctx, 0), raw(ctx.arg(1))) else {
        return done(ctx, [Value::Nil, Value::Bool(false)]);
    };
    let map_ty = match ctx.arg(1) {
        Value::Iface(i) => i.ty,
        _ => return done(ctx, [Value::Nil, Value::Bool(false)]),
    };
    let key_ty = match &prog.types.get(map_ty).kind {
        Kind::Map { key, .. } => Some(*key),
        _ => None,
    };
    let key = stored(&prog.types, key_ty, rtype(ctx, 2), ctx.arg(3));
    let found = m.borrow().get(&Key(key)).cloned();
    match found {
        Some(v) => done(ctx, [wrap(et, v), Value::Bool(true)]),
        None => done(ctx, [Value::Nil, Value::Bool(false)]),
    }
}

/// The VM's value of a Value (`val`, of type `from`) stored in a variable of type `to`, an
/// interface type or one the value has as it is.
fn stored(types: &Types, to: Option<TypeId>, from: Option<TypeId>, val: &Value) -> Value {
    let is_iface = |ty: Option<TypeId>| {
        ty.is_some_and(|ty| matches!(types.get(ty).kind, Kind::Interface { .. }))
    };
    match (is_iface(to), is_iface(from)) {
        (true, false) => match val {
            Value::Iface(i) => wrap(i.ty, i.val.copy()),
            _ => Value::Nil,
        },
        _ => raw(val).copy(),
    }
}

/// `valueAssignable(from, to int) bool`: Go's assignability of types. One type; an interface
/// type that `from` implements; identical underlying types, one of them unnamed; or a
/// bidirectional channel to a directional one of its element, one of them unnamed.
fn value_assignable(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let ok = match (rtype(ctx, 0), rtype(ctx, 1)) {
        (Some(from), Some(to)) => assignable(&prog.types, from, to),
        _ => false,
    };
    done(ctx, [Value::Bool(ok)])
}

fn assignable(types: &Types, from: TypeId, to: TypeId) -> bool {
    let (f, t) = (types.get(from), types.get(to));
    if from == to {
        return true;
    }
    if let Kind::Interface { .. } = t.kind {
        return types.implements(from, to).is_ok();
    }
    if f.named && t.named {
        return false;
    }
    match (&f.kind, &t.kind) {
        (
            Kind::Chan {
                elem: a,
                dir: ChanDir::Both,
            },
            Kind::Chan { elem: b, .. },
        ) => a == b,
        (a, b) => a == b,
    }
}

/// `valueSet(id int, addr any, from int, val any)`.
fn value_set(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let v = stored(&prog.types, rtype(ctx, 0), rtype(ctx, 2), ctx.arg(3));
    if let Some(p) = ptr_arg(ctx, 1) {
        p.store(v);
    }
    Ok(Flow::Done)
}

/// `valueSetInt(id int, addr any, x int64)`: `x` wrapped to the integer kind of `id`.
fn value_set_int(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let x = ctx.int(2);
    let v = match kind_arg(&prog.types, ctx, 0) {
        Kind::Int(k) => k.wrap(x),
        _ => x,
    };
    if let Some(p) = ptr_arg(ctx, 1) {
        p.store(Value::Int(v));
    }
    Ok(Flow::Done)
}

/// `typePtrTo(id int) int`: the type `*T` for type `id`, if the program has it (-1 when not:
/// the run-time type table holds the types the program uses).
fn type_ptr_to(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let found = rtype(ctx, 0).and_then(|elem| {
        prog.types
            .types
            .iter()
            .position(|t| t.kind == Kind::Pointer { elem } && !t.named)
    });
    done(ctx, [Value::Int(found.map_or(-1, |p| p as i64))])
}

/// `newOf(ptrType int) any`: a pointer (of pointer type `ptrType`) to a new zero value.
fn new_of(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let Some(ptr_ty) = rtype(ctx, 0) else {
        return done(ctx, [Value::Nil]);
    };
    let Kind::Pointer { elem } = *kind_of(&prog.types, ptr_ty) else {
        return done(ctx, [Value::Nil]);
    };
    let zero = zero_value(&prog.types, elem);
    ops::reserve(&prog, ops::weight(&zero))?;
    done(ctx, [wrap(ptr_ty, ops::new_pointer(zero))])
}

/// `makeSlice(id, len, cap int) any`: a slice of type `id` (its length and capacity checked
/// by the caller against each other; their range, as `make`'s).
fn make_slice(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let (n, c) = (ctx.int(1), ctx.int(2));
    let Some(ty) = rtype(ctx, 0) else {
        return done(ctx, [Value::Nil]);
    };
    let Kind::Slice { elem } = *kind_of(&prog.types, ty) else {
        return done(ctx, [Value::Nil]);
    };
    let slice = ops::make_slice(&prog, &zero_value(&prog.types, elem), n, c)?;
    done(ctx, [wrap(ty, slice)])
}

/// `makeMap(id int) any`: a new empty map of type `id`.
fn make_map(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let v = rtype(ctx, 0).map_or(Value::Nil, |ty| wrap(ty, ops::make_map()));
    done(ctx, [v])
}

/// `mapSet(val any, keyType int, key any, elemType int, elem any)`: stores the entry in the
/// map (Values assignable to its key and element types); a nil `elem` deletes the key.
fn map_set(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let Value::Iface(m) = ctx.arg(0) else {
        return Err(crate::golang::vm::errors::nil_map_write(&prog));
    };
    let (key_ty, elem_ty) = match &prog.types.get(m.ty).kind {
        Kind::Map { key, val } => (Some(*key), Some(*val)),
        _ => (None, None),
    };
    let key = stored(&prog.types, key_ty, rtype(ctx, 1), ctx.arg(2));
    if matches!(ctx.arg(4), Value::Nil) {
        ops::map_delete(&prog, &m.val, &key)?;
    } else {
        let elem = stored(&prog.types, elem_ty, rtype(ctx, 3), ctx.arg(4));
        ops::map_set(&prog, &m.val, &key, elem)?;
    }
    Ok(Flow::Done)
}

/// `retyped(id int, val any) any`: the VM's value in `val` as a Value's `val` of type `id`
/// (an address as the pointer Value `Addr` returns).
fn retyped(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let v = rtype(ctx, 0).map_or(Value::Nil, |ty| wrap(ty, raw(ctx.arg(1))));
    done(ctx, [v])
}

/// `rawBytes(val any) []byte`: the slice in a Value's `val` of a byte slice type.
fn raw_bytes(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let v = raw(ctx.arg(0));
    done(ctx, [v])
}

/// `valueLoad(id int, addr any) any`: the value at address `addr`, as a Value's `val` of type
/// `id`.
fn value_load(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let v = match (rtype(ctx, 0), ptr_arg(ctx, 1)) {
        (Some(ty), Some(p)) => wrap(ty, p.load()),
        _ => Value::Nil,
    };
    done(ctx, [v])
}

/// `valueMethod(id, i int, recv any) (ftype int, fn any)`: the `i`th exported method of type
/// `id` as a method value bound to `recv` (a Value's `val`), and its type (-1 and nil when the
/// program has no method value for it).
fn value_method(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let types = &prog.types;
    let i = usize::try_from(ctx.int(1)).ok();
    let bound = rtype(ctx, 0)
        .zip(i)
        .and_then(|(ty, i)| types.method_value(ty, types.exported_method(ty, i)?.0));
    let Some((func, sig)) = bound else {
        return done(ctx, [Value::Int(-1), Value::Nil]);
    };
    // The receiver as the method value holds it: a copy, evaluated now, as Go's `x.M`.
    let recv = match ctx.arg(2) {
        Value::Iface(i) => i.val.copy(),
        _ => Value::Nil,
    };
    let env = Box::new([recv]);
    let fv = Value::Func(Rc::new(Closure { func, env }));
    done(ctx, [Value::Int(sig.into()), wrap(sig, fv)])
}

/// `callFunc(ftype int, fn any, types []int, args []any) []any`: calls function `fn` (a
/// Value's `val` of function type `ftype`) on `args` (Values' `val`s of `types`, assignable to
/// its parameters, a variadic one's already in a slice), and gives its results as Values'
/// `val`s. Run to completion from the native: a function called so cannot block.
fn call_func(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let types = &prog.types;
    let Some(Kind::Func {
        params, results, ..
    }) = rtype(ctx, 0).map(|ty| &types.get(ty).kind)
    else {
        return done(ctx, [Value::Nil]);
    };
    let f = match ctx.arg(1) {
        Value::Iface(i) => i.val.clone(),
        _ => Value::Nil,
    };
    let arg_types = ctx.arg(2).elems();
    let args: Vec<Value> = (ctx.arg(3).elems().iter().zip(&arg_types).zip(params.iter()))
        .map(|((arg, from), &to)| {
            stored(types, Some(to), TypeId::try_from(from.as_int()).ok(), arg)
        })
        .collect();
    let got = ctx.call(&f, &args, results.len())?;
    let out = (got.into_iter().zip(results.iter()))
        .map(|(v, &ty)| wrap(ty, v))
        .collect();
    done(ctx, [Value::slice(out)])
}

/// `makeFunc(id int, stub func(), fn, in, out) any`: a function of type `id` running
/// `stub`'s code (the native [`make_func_stub`]) with `fn`, its type, `in` and `out` in its
/// closure.
fn make_func(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (Some(ty), Value::Func(stub)) = (rtype(ctx, 0), ctx.arg(1)) else {
        return done(ctx, [Value::Nil]);
    };
    let env = Box::new([
        ctx.arg(2).clone(),
        Value::Int(ty.into()),
        ctx.arg(3).clone(),
        ctx.arg(4).clone(),
    ]);
    let f = Value::Func(Rc::new(Closure {
        func: stub.func,
        env,
    }));
    done(ctx, [wrap(ty, f)])
}

/// `makeFuncStub()`, the code of a function `MakeFunc` made. Its closure holds the `fn` it
/// calls, its type (whose parameters say how many arguments the caller put in the frame's
/// registers), and reflect's `in` and `out`, which make the arguments Values and check the
/// results. It calls `fn` (run to its return: it cannot block) as if `fn` were the function
/// called, so that `recover` in `fn` answers a panic when this function is deferred, as Go's
/// does, and puts the results in the frame's registers from 0, where the caller takes them.
fn make_func_stub(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let types = &prog.types;
    let closure = ctx.g.frames.last().and_then(|f| f.env.clone());
    let Some([fun, Value::Int(ty), make_in, check_out]) = closure.as_deref().map(|c| &*c.env)
    else {
        return Ok(Flow::Done);
    };
    let Some(Kind::Func {
        params, results, ..
    }) = TypeId::try_from(*ty).ok().map(|ty| &types.get(ty).kind)
    else {
        return Ok(Flow::Done);
    };
    let vals = (params.iter().enumerate())
        .map(|(i, &p)| wrap(p, ctx.arg(i).copy()))
        .collect();
    let args = ctx.call(make_in, &[type_ids(params), Value::slice(vals)], 1)?;
    let got = ctx.call_in_frame(fun, &args, 1)?;
    let out = ctx.call(check_out, &[Value::Int(*ty), got[0].clone()], 2)?;
    let (from, vals) = (out[0].elems(), out[1].elems());
    for (i, (&to, (from, val))) in results.iter().zip(from.iter().zip(&vals)).enumerate() {
        let v = stored(types, Some(to), TypeId::try_from(from.as_int()).ok(), val);
        ctx.ret(i, v);
    }
    Ok(Flow::Done)
}

/// The element type of channel type `ty`.
fn chan_elem(types: &Types, ty: TypeId) -> Option<TypeId> {
    match types.get(ty).kind {
        Kind::Chan { elem, .. } => Some(elem),
        _ => None,
    }
}

/// `makeChan(id, n int) any`: a new channel of type `id` with a buffer of `n`.
fn make_chan(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let Some(ty) = rtype(ctx, 0) else {
        return done(ctx, [Value::Nil]);
    };
    let ch = crate::rt::make_chan::<Value>(ctx.int(1).max(0) as usize);
    done(ctx, [wrap(ty, Value::Chan(ch.id()))])
}

/// `rselect(dirs []int, chans []any, types []int, sends []any) (int, any, bool)`: reflect's
/// Select on the runtime's select, so that it waits, wakes and is traced as a select
/// statement is; Go's checks of the cases were made by the caller.
fn rselect(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let types = &prog.types;
    let (chans, tys, sends) = (ctx.arg(1).elems(), ctx.arg(2).elems(), ctx.arg(3).elems());
    let mut s = crate::rt::Select::new();
    // For each case of the runtime's select: its index in `cases`, and for a receive, its
    // element type and zero value (what a closed channel gives).
    let mut taken: Vec<(i64, Option<(TypeId, Value)>)> = Vec::new();
    let mut default_at = -1;
    for (i, dir) in ctx.arg(0).elems().iter().enumerate() {
        let chan_ty = match &chans[i] {
            Value::Iface(c) => Some(c.ty),
            _ => None,
        };
        let elem = chan_ty.and_then(|t| chan_elem(types, t));
        let chan = chan_of(&raw(&chans[i]));
        match dir.as_int() {
            1 => {
                let from = TypeId::try_from(tys[i].as_int()).ok();
                s.send(chan, stored(types, elem, from, &sends[i]));
                taken.push((i as i64, None));
            }
            2 => {
                s.recv(chan);
                let zero = elem.map(|e| (e, zero_value(types, e)));
                taken.push((i as i64, zero));
            }
            _ => default_at = i as i64,
        }
    }
    if default_at >= 0 {
        s.default_case();
    }
    wait(ctx, s.wait(), move |mut selected| {
        let Some((i, recv)) = selected.index().map(|k| taken.swap_remove(k)) else {
            return vec![Value::Int(default_at), Value::Nil, Value::Bool(false)];
        };
        match recv {
            Some((elem, zero)) => {
                let got = selected.take(crate::rt::Chan::<Value>::nil());
                let ok = got.is_some();
                vec![
                    Value::Int(i),
                    wrap(elem, got.unwrap_or(zero)),
                    Value::Bool(ok),
                ]
            }
            None => vec![Value::Int(i), Value::Nil, Value::Bool(false)],
        }
    })
}

/// `closeChan(ch any)`: closes the channel (Go's panics for a nil or closed one).
fn close_chan(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    unit(UnitOp::Close(chan_of(&raw(ctx.arg(0))).close()))
}

/// How a value of one type becomes a value of another, by Go's conversion rules.
enum Conversion {
    /// Identical underlying types (or pointers to them): the value as it is.
    Same,
    Int(IntKind),
    IntToFloat {
        signed: bool,
        f32: bool,
    },
    FloatToInt(IntKind),
    Float {
        f32: bool,
    },
    Complex {
        c64: bool,
    },
    RuneToString,
    StringToBytes,
    StringToRunes,
    BytesToString,
    RunesToString,
    /// To an interface type the value's type implements (`from_iface`: the value is already
    /// an interface value).
    ToInterface {
        from_iface: bool,
    },
}

/// Whether two underlying types are identical once struct tags are ignored, as a conversion
/// ignores them (in the fields of unnamed struct types within too).
fn same_ignoring_tags(types: &Types, a: &Kind, b: &Kind) -> bool {
    match (a, b) {
        (Kind::Struct { fields: x }, Kind::Struct { fields: y }) => {
            x.len() == y.len()
                && x.iter().zip(y).all(|(f, g)| {
                    let (ft, gt) = (types.get(f.ty), types.get(g.ty));
                    f.name == g.name
                        && f.embedded == g.embedded
                        && (f.ty == g.ty
                            || !ft.named
                                && !gt.named
                                && same_ignoring_tags(types, &ft.kind, &gt.kind))
                })
        }
        _ => a == b,
    }
}

/// How Go converts a value of type `from` to type `to`, if it does.
fn conversion(types: &Types, from: TypeId, to: TypeId) -> Option<Conversion> {
    use Conversion as C;
    let (fk, tk) = (&types.get(from).kind, &types.get(to).kind);
    let elem_kind = |k: &Kind| match k {
        Kind::Slice { elem } => Some(types.get(*elem).kind.clone()),
        _ => None,
    };
    let (bytes, runes) = (
        Some(Kind::Int(IntKind::Uint8)),
        Some(Kind::Int(IntKind::Int32)),
    );
    let float = |k: &Kind| matches!(k, Kind::Float32 | Kind::Float64);
    Some(match (fk, tk) {
        (Kind::Int(_), Kind::Int(b)) => C::Int(*b),
        (Kind::Int(a), _) if float(tk) => C::IntToFloat {
            signed: a.signed(),
            f32: matches!(tk, Kind::Float32),
        },
        (_, Kind::Int(b)) if float(fk) => C::FloatToInt(*b),
        _ if float(fk) && float(tk) => C::Float {
            f32: matches!(tk, Kind::Float32),
        },
        (Kind::Complex64 | Kind::Complex128, Kind::Complex64 | Kind::Complex128) => C::Complex {
            c64: matches!(tk, Kind::Complex64),
        },
        (Kind::Int(_), Kind::String) => C::RuneToString,
        (Kind::String, Kind::Slice { .. }) if elem_kind(tk) == bytes => C::StringToBytes,
        (Kind::String, Kind::Slice { .. }) if elem_kind(tk) == runes => C::StringToRunes,
        (Kind::Slice { .. }, Kind::String) if elem_kind(fk) == bytes => C::BytesToString,
        (Kind::Slice { .. }, Kind::String) if elem_kind(fk) == runes => C::RunesToString,
        (_, Kind::Interface { .. }) if types.implements(from, to).is_ok() => C::ToInterface {
            from_iface: matches!(fk, Kind::Interface { .. }),
        },
        (Kind::Pointer { elem: a }, Kind::Pointer { elem: b })
            if !types.get(from).named
                && !types.get(to).named
                && same_ignoring_tags(types, &types.get(*a).kind, &types.get(*b).kind) =>
        {
            C::Same
        }
        _ if same_ignoring_tags(types, fk, tk) => C::Same,
        _ => return None,
    })
}

/// `convertible(from, to int) bool`: whether Go converts values of type `from` to type `to`.
fn convertible(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let prog = ctx.prog();
    let yes = match (rtype(ctx, 0), rtype(ctx, 1)) {
        (Some(from), Some(to)) => conversion(&prog.types, from, to).is_some(),
        _ => false,
    };
    done(ctx, [Value::Bool(yes)])
}

/// `convert(from, to int, val any) (any, bool)`: a Value's `val` of type `from` converted to
/// type `to`; false when Go does not convert so.
fn convert(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    use Conversion as C;
    let prog = ctx.prog();
    let (Some(from), Some(to)) = (rtype(ctx, 0), rtype(ctx, 1)) else {
        return done(ctx, [Value::Nil, Value::Bool(false)]);
    };
    let Some(conv) = conversion(&prog.types, from, to) else {
        return done(ctx, [Value::Nil, Value::Bool(false)]);
    };
    let v = raw(ctx.arg(2));
    let f32 = |f: f64, yes: bool| if yes { f as f32 as f64 } else { f };
    let out = match conv {
        C::Same => v.copy(),
        C::Int(kind) => Value::Int(kind.wrap(v.as_int())),
        C::IntToFloat { signed, f32: to32 } => {
            let f = if signed {
                v.as_int() as f64
            } else {
                v.as_int() as u64 as f64
            };
            Value::Float(f32(f, to32))
        }
        C::FloatToInt(kind) => Value::Int(ops::float_to_int(v.as_float(), kind)),
        C::Float { f32: to32 } => Value::Float(f32(v.as_float(), to32)),
        C::Complex { c64 } => {
            let (re, im) = v.as_complex();
            Value::Complex(f32(re, c64), f32(im, c64))
        }
        C::RuneToString => ops::rune_to_string(v.as_int()),
        C::StringToBytes => ops::string_to_bytes(&v),
        C::StringToRunes => ops::string_to_runes(&v),
        C::BytesToString => ops::bytes_to_string(&v),
        C::RunesToString => ops::runes_to_string(&v),
        C::ToInterface { from_iface: true } => v,
        C::ToInterface { from_iface: false } => wrap(from, v.copy()),
    };
    done(ctx, [wrap(to, out), Value::Bool(true)])
}
