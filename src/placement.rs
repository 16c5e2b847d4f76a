//! Starting a goroutine on another worker: a goroutine is a function and its arguments
//! (`go(worker, (id, jobs))`), and in real mode the function is named across workers by its
//! *entry*: the address of a function, monomorphised for it, that rebuilds the goroutine
//! from its serialised arguments.
//!
//! Every worker runs the same wasm module, so a function's address (its index in the module's
//! function table) is the same in each of them. That is the one assumption here, and the only
//! `unsafe` code of the crate; the entry also carries the function's name, and the worker that
//! starts it checks that the entry rebuilds a goroutine of that name before trusting it.
//!
//! # Invariants
//! - Only functions that capture nothing (fn items and closures without captures: zero-sized
//!   types implementing `FnOnce`) get an entry; their only value needs no data to exist.

#![allow(unsafe_code)]

use std::future::Future;
use std::pin::Pin;

use crate::rt::{Call, Value};

/// A goroutine's future, as the executor runs it.
pub type Task = Pin<Box<dyn Future<Output = ()>>>;

/// What an entry does: checks the name, decodes the arguments and makes the goroutine.
type Start = fn(&str, &str) -> Result<Task, String>;

/// The entry of goroutine function `F` called with arguments `A`, valid in every instance of
/// this module.
pub fn entry<F, A>() -> u64
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    const {
        assert!(
            std::mem::size_of::<F>() == 0,
            "a goroutine function captures nothing"
        )
    };
    let start: Start = start::<F, A>;
    start as usize as u64
}

/// Rebuilds the goroutine `func` (its Rust path, as [`entry`]'s caller named it) from `entry`
/// and its JSON arguments.
pub fn instantiate(entry: u64, func: &str, args: &str) -> Result<Task, String> {
    let address = usize::try_from(entry).map_err(|_| "a goroutine entry out of range")?;
    if address == 0 {
        return Err("a null goroutine entry".to_string());
    }
    // SAFETY: `entry` was made by `entry::<F, A>` in an instance of this same module (the hub
    // only relays entries between its own workers), so it is the address of a `Start`.
    let start: Start = unsafe { std::mem::transmute::<usize, Start>(address) };
    start(func, args)
}

/// The value of a function type that captures nothing.
pub(crate) fn conjure<F, A>() -> F
where
    F: Call<A> + Copy + 'static,
{
    const {
        assert!(
            std::mem::size_of::<F>() == 0,
            "a goroutine function captures nothing"
        )
    };
    // SAFETY: `F` is zero-sized and implements `FnOnce` (the only implementations of `Call`),
    // so it is a fn item or a closure without captures: inhabited, with no bytes to initialise.
    unsafe { std::mem::zeroed::<F>() }
}

fn start<F, A>(func: &str, args: &str) -> Result<Task, String>
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    if func != std::any::type_name::<F>() {
        return Err(format!(
            "goroutine entry mismatch: `{func}` is not `{}`",
            std::any::type_name::<F>()
        ));
    }
    let args: A = serde_json::from_str(args).map_err(|e| format!("goroutine arguments: {e}"))?;
    let f = conjure::<F, A>();
    Ok(Box::pin(f.call(args)))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn add(a: i64, b: i64) {
        assert_eq!(a + b, 3);
    }

    #[test]
    fn an_entry_rebuilds_its_goroutine_and_checks_its_name() {
        fn entry_of<F: Call<(i64, i64)> + Copy + 'static>(_: F) -> u64
        where
            F::Fut: Future<Output = ()>,
        {
            entry::<F, (i64, i64)>()
        }
        let e2 = entry_of(add);
        let name = std::any::type_name_of_val(&add);
        assert!(instantiate(e2, name, "[1,2]").is_ok());
        assert!(instantiate(e2, "other", "[1,2]").is_err());
        assert!(instantiate(e2, name, "[1]").is_err());
        assert!(instantiate(0, name, "[1,2]").is_err());
    }
}
