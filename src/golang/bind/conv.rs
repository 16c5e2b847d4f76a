//! What the natives share: Go values to Rust data and back (`[]byte`, `[]string`), and the
//! virtual time a native takes in sim mode.
//!
//! A native that handles a string of `n` bytes costs what the interpreter's own string
//! operations cost (`Concat`): `n` bytes at [`cost::BYTES_PER_PS`], and an allocation when it
//! makes a new string or slice.

use crate::golang::vm::cost;
use crate::golang::vm::errors;
use crate::golang::vm::gor::Ctx;
use crate::golang::vm::program::Thrown;
use crate::golang::vm::value::{Ptr, Value};

/// The bytes of a `[]byte` (or `[N]byte`) value (empty for nil).
pub fn bytes_of(v: &Value) -> Vec<u8> {
    match v {
        Value::Slice(s) => {
            let a = s.array.borrow();
            a[s.off as usize..(s.off + s.len) as usize]
                .iter()
                .map(|b| b.as_int() as u8)
                .collect()
        }
        Value::Agg(a) => a.borrow().iter().map(|b| b.as_int() as u8).collect(),
        _ => Vec::new(),
    }
}

/// A new `[]string` of `parts` (empty, not nil, when there are none, as Go's `make`).
pub fn str_slice<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> Value {
    Value::slice(parts.into_iter().map(Value::bytes).collect())
}

/// Writes `b` into the `[]byte` `v` from its element 0; `Err` with Go's index panic at the
/// first element past its length.
pub fn write_bytes(ctx: &Ctx<'_>, v: &Value, b: &[u8]) -> Result<(), Thrown> {
    let len = match v {
        Value::Slice(s) => s.len as usize,
        _ => 0,
    };
    if b.len() > len {
        return Err(errors::index_out_of_range(
            &ctx.prog(),
            b.len() as i64 - 1,
            len,
        ));
    }
    if let Value::Slice(s) = v {
        let mut a = s.array.borrow_mut();
        for (k, &c) in b.iter().enumerate() {
            a[s.off as usize + k] = Value::Int(c as i64);
        }
    }
    Ok(())
}

/// The storage of the struct a pointer argument points to; `Err` with Go's nil dereference
/// panic for a nil pointer.
pub fn pointee(ctx: &Ctx<'_>, i: usize) -> Result<crate::golang::vm::value::Agg, Thrown> {
    match ctx.arg(i) {
        Value::Ptr(Ptr::Agg(a)) | Value::Agg(a) => Ok(a.clone()),
        _ => Err(errors::nil_deref(&ctx.prog())),
    }
}

/// Charges the time to go over `n` bytes.
pub fn scan_cost(ctx: &mut Ctx<'_>, n: usize) {
    ctx.g.debt += n as u64 * 1000 / cost::BYTES_PER_PS;
}

/// Charges the time to make a new string or slice of `n` bytes (an allocation and a copy).
pub fn alloc_cost(ctx: &mut Ctx<'_>, n: usize) {
    ctx.g.debt += cost::ALLOC + n as u64 * 1000 / cost::BYTES_PER_PS;
}
