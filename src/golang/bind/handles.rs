//! Runtime objects held by library structs: `sync.WaitGroup`, `sync.Mutex`, `time.Timer`…
//! are Go structs with a field holding the runtime handle plus one, so that the zero value
//! (0) means "not created yet" and the first method call creates it, as Go's zero values
//! work without a constructor.

use super::super::vm::errors;
use super::super::vm::gor::Ctx;
use super::super::vm::program::Thrown;
use super::super::vm::value::{Ptr, Value};

/// The handle in field `field` of the struct argument `i` points to, created by `make` on
/// first use.
pub fn handle(
    ctx: &Ctx<'_>,
    i: usize,
    field: usize,
    make: impl FnOnce() -> u64,
) -> Result<u64, Thrown> {
    let Value::Ptr(Ptr::Agg(s)) = ctx.arg(i) else {
        return Err(errors::nil_deref(&ctx.prog()));
    };
    let mut s = s.borrow_mut();
    let Some(slot) = s.get_mut(field) else {
        return Err(errors::nil_deref(&ctx.prog()));
    };
    match slot {
        Value::Int(h) if *h > 0 => Ok((*h - 1) as u64),
        _ => {
            let id = make();
            *slot = Value::Int(id as i64 + 1);
            Ok(id)
        }
    }
}

/// A `time.Duration` (int64 ns) argument as the runtime's duration (negative: zero).
pub fn duration(ctx: &Ctx<'_>, i: usize) -> crate::rt::Duration {
    crate::rt::Duration::from_nanos(ctx.int(i).max(0) as u64)
}
