//! The order fmt prints map keys in: Go's `internal/fmtsort`.
//!
//! Numbers by value (NaN before every other float), strings bytewise, `false` before `true`,
//! pointers and channels by address, structs and arrays field by field, interfaces by
//! dynamic type and then value (nil first). The order is total, as Rust's sort requires: NaNs
//! are equal to each other. Go orders the dynamic types by their descriptors' addresses,
//! which its linker lays out by size and then by name: so do these ([`descriptor_size`]).

use std::cmp::Ordering;

use crate::golang::vm::types::{Kind, Types};
use crate::golang::vm::value::{TypeId, Value};

use super::walk::address;

/// Floats by value, NaN first.
fn float_order(x: f64, y: f64) -> Ordering {
    match (x.is_nan(), y.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
    }
}

/// Compares two keys of type `ty`.
pub(super) fn compare(types: &Types, ty: TypeId, a: &Value, b: &Value) -> Ordering {
    match &types.get(ty).kind {
        Kind::Int(k) if k.signed() => a.as_int().cmp(&b.as_int()),
        Kind::Int(_) => (a.as_int() as u64).cmp(&(b.as_int() as u64)),
        Kind::String => a.as_bytes().cmp(b.as_bytes()),
        Kind::Float32 | Kind::Float64 => float_order(a.as_float(), b.as_float()),
        Kind::Complex64 | Kind::Complex128 => {
            let ((ar, ai), (br, bi)) = (a.as_complex(), b.as_complex());
            float_order(ar, br).then(float_order(ai, bi))
        }
        Kind::Bool => a.as_bool().cmp(&b.as_bool()),
        Kind::Pointer { .. } | Kind::Chan { .. } => address(a).cmp(&address(b)),
        Kind::Struct { fields } => {
            let (x, y) = (a.elems(), b.elems());
            for (i, f) in fields.iter().enumerate() {
                let (Some(p), Some(q)) = (x.get(i), y.get(i)) else {
                    break;
                };
                let c = compare(types, f.ty, p, q);
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        }
        Kind::Array { elem, .. } => {
            for (p, q) in a.elems().iter().zip(b.elems().iter()) {
                let c = compare(types, *elem, p, q);
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        }
        Kind::Interface { .. } => match (a, b) {
            (Value::Iface(x), Value::Iface(y)) if x.ty == y.ty => {
                compare(types, x.ty, &x.val, &y.val)
            }
            (Value::Iface(x), Value::Iface(y)) => (descriptor_size(types, x.ty))
                .cmp(&descriptor_size(types, y.ty))
                .then_with(|| types.name(x.ty).cmp(types.name(y.ty)))
                .then_with(|| x.ty.cmp(&y.ty)),
            (Value::Iface(_), _) => Ordering::Greater,
            (_, Value::Iface(_)) => Ordering::Less,
            _ => Ordering::Equal,
        },
        // Not comparable, so never map keys.
        _ => Ordering::Equal,
    }
}

/// The size of Go's descriptor of type `ty` on amd64: `runtime._type` (48 bytes), its kind's
/// fields and element lists, and, for a named type or one with methods, the uncommon part and
/// its methods (16 bytes each); `int` and the other predeclared types are named. Only
/// comparable types are map keys, so funcs, maps, slices and interfaces (never a dynamic type)
/// are left at the common part.
fn descriptor_size(types: &Types, ty: TypeId) -> usize {
    let t = types.get(ty);
    let (kind, predeclared) = match &t.kind {
        k if k.is_basic() => (0, true),
        Kind::Array { .. } => (24, false),
        Kind::Chan { .. } => (16, false),
        Kind::Pointer { .. } => (8, false),
        Kind::Struct { fields } => (32 + 24 * fields.len(), false),
        _ => (0, false),
    };
    let methods = types.method_count(ty);
    let uncommon = if t.named || predeclared || methods > 0 {
        16 + 16 * methods
    } else {
        0
    };
    48 + kind + uncommon
}
