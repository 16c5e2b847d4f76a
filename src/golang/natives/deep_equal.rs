//! `reflect.DeepEqual`, following Go's definition: two values are deeply equal when they have
//! one type and
//! - arrays, structs: their elements or fields are deeply equal;
//! - slices: both nil or both not nil, of one length, and either the same window of the same
//!   array or deeply equal element by element (so a nil and an empty slice differ);
//! - maps: both nil or both not nil, of one length, and either the same map or every key of
//!   one maps to deeply equal values in both;
//! - pointers: equal, or pointing to deeply equal values;
//! - interfaces: holding deeply equal values of one dynamic type;
//! - functions: both nil (any other two functions differ);
//! - everything else: `==` (so a NaN is not deeply equal to itself).
//!
//! A pair of pointers, maps or slices met again while comparing them is taken as equal, as Go
//! takes it, so cyclic structures compare without end. The comparison walks a work list, not
//! the host's stack, so a long linked list cannot overflow it.

use std::collections::HashSet;
use std::rc::Rc;

use crate::golang::vm::types::{Kind, Types};
use crate::golang::vm::value::{Ptr, TypeId, Value};

/// Whether `a` and `b`, both of type `ty`, are deeply equal.
pub fn deep_equal(types: &Types, ty: TypeId, a: &Value, b: &Value) -> bool {
    let mut work = vec![(ty, a.clone(), b.clone())];
    // Pairs of references already being compared: (type, address of a, address of b).
    let mut seen: HashSet<(TypeId, Address, Address)> = HashSet::new();
    while let Some((ty, a, b)) = work.pop() {
        if !level(types, ty, &a, &b, &mut seen, &mut work) {
            return false;
        }
    }
    true
}

/// Where a reference points: an allocation and an element of it.
type Address = (usize, u32);

/// One level of the comparison: false if `a` and `b` differ here, else the pairs they are
/// made of pushed on `work`.
fn level(
    types: &Types,
    ty: TypeId,
    a: &Value,
    b: &Value,
    seen: &mut HashSet<(TypeId, Address, Address)>,
    work: &mut Vec<(TypeId, Value, Value)>,
) -> bool {
    match &types.get(ty).kind {
        Kind::Array { elem, .. } => {
            let (a, b) = (a.elems(), b.elems());
            work.extend(
                a.iter()
                    .zip(b.iter())
                    .map(|(x, y)| (*elem, x.clone(), y.clone())),
            );
            a.len() == b.len()
        }
        Kind::Struct { fields } => {
            let (a, b) = (a.elems(), b.elems());
            let pairs = fields.iter().zip(a.iter().zip(b.iter()));
            work.extend(pairs.map(|(f, (x, y))| (f.ty, x.clone(), y.clone())));
            a.len() == b.len()
        }
        Kind::Slice { elem } => match (a, b) {
            (Value::Nil, Value::Nil) => true,
            (Value::Slice(x), Value::Slice(y)) => {
                if x.len != y.len {
                    return false;
                }
                let (ax, ay) = ((addr(&x.array), x.off), (addr(&y.array), y.off));
                if ax == ay || !seen.insert((ty, ax, ay)) {
                    return true;
                }
                let pairs = a.elems().into_iter().zip(b.elems());
                work.extend(pairs.map(|(x, y)| (*elem, x, y)));
                true
            }
            _ => false,
        },
        Kind::Map { key: _, val } => match (a, b) {
            (Value::Nil, Value::Nil) => true,
            (Value::Map(x), Value::Map(y)) => {
                let (ax, ay) = ((addr(x), 0), (addr(y), 0));
                if ax == ay || !seen.insert((ty, ax, ay)) {
                    return true;
                }
                let (x, y) = (x.borrow(), y.borrow());
                if x.len() != y.len() {
                    return false;
                }
                for (k, v) in x.entries() {
                    match y.get(k) {
                        Some(w) => work.push((*val, v.clone(), w.clone())),
                        None => return false,
                    }
                }
                true
            }
            _ => false,
        },
        Kind::Pointer { elem } => match (a, b) {
            (Value::Nil, Value::Nil) => true,
            (Value::Ptr(x), Value::Ptr(y)) => {
                let (ax, ay) = (address(x), address(y));
                if ax == ay || !seen.insert((ty, ax, ay)) {
                    return true;
                }
                work.push((*elem, x.load(), y.load()));
                true
            }
            _ => false,
        },
        Kind::Interface { .. } => match (a, b) {
            (Value::Nil, Value::Nil) => true,
            (Value::Iface(x), Value::Iface(y)) => {
                if x.ty != y.ty {
                    return false;
                }
                work.push((x.ty, x.val.clone(), y.val.clone()));
                true
            }
            _ => false,
        },
        Kind::Func { .. } => matches!((a, b), (Value::Nil, Value::Nil)),
        // Booleans, numbers, strings, channels: `==`.
        _ => a.go_eq(b).unwrap_or(false),
    }
}

/// The allocation and element pointer `p` points to.
fn address(p: &Ptr) -> Address {
    match p {
        Ptr::Cell(c) => (addr(c), 0),
        Ptr::Elem(a, i) => (addr(a), *i + 1),
        Ptr::Agg(a) => (addr(a), 0),
    }
}

/// The address of an allocation.
fn addr<T>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const () as usize
}
