//! The function-entry codec: how a goroutine started on one worker runs on another.
//!
//! A goroutine is a function and its arguments (`go(worker, (id, jobs))`). Its future cannot
//! move between workers (each is a separate instance of the module, with its own memory), so
//! an executor that starts one sends the hub the function's [`Entry`] and the arguments as
//! [`Data`], and the executor the hub places it on makes the future again from them.
//!
//! An entry is the address of `start::<F, A>`, the function that rebuilds a goroutine of `F`
//! from its arguments: every worker runs the same module, so the address is the same in each,
//! and with it the entry carries the function's Rust path. An address that arrives in a
//! message is only ever a key: a worker starts a goroutine from the [`Entries`] it computed
//! itself, under the name it computed them with, and refuses any other. So a worker can start
//! a goroutine function only if it was declared there ([`Entries::add`]) or started there
//! before: a program declares the functions its goroutines run on every executor.
//!
//! This is the one file of the runtime allowed `unsafe`, for one line: a function that
//! captures nothing is a zero-sized value, which [`conjure`] makes from nothing.
//!
//! # Invariants
//! - Only types that capture nothing (fn items and closures without captures: zero-sized
//!   types implementing `FnOnce`) get an entry; their only value needs no bytes to exist.
//! - `Entries` maps an address to the `start` function it is the address of, in this worker.

#![allow(unsafe_code)]

use std::collections::HashMap;
use std::future::Future;

use serde::{Deserialize, Serialize};

use super::wire::{Data, Start};
use crate::rt::goroutine::Call;
use crate::rt::{Task, Value};

/// A goroutine function named across workers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The address of its `start` function, the same in every worker.
    addr: u64,
    /// Its Rust path (`std::any::type_name`).
    func: String,
}

/// What an entry does: decodes the arguments and makes the goroutine.
type StartFn = fn(Data) -> Result<Task, String>;

/// The goroutine functions a worker can start, by entry.
#[derive(Default)]
pub struct Entries {
    known: HashMap<u64, (&'static str, StartFn)>,
}

impl Entries {
    /// Declares that goroutines running `f` may start here (on an executor, before the hub
    /// places one here). `A` is the tuple of `f`'s arguments.
    pub fn add<F, A>(&mut self, f: F)
    where
        F: Call<A> + Copy + 'static,
        F::Fut: Future<Output = ()>,
        A: Value,
    {
        let _ = f;
        self.entry::<F, A>();
    }

    /// The entry of `F` called with `A`, declared here.
    pub(crate) fn entry<F, A>(&mut self) -> Entry
    where
        F: Call<A> + Copy + 'static,
        F::Fut: Future<Output = ()>,
        A: Value,
    {
        assert_captures_nothing::<F>();
        let start: StartFn = start::<F, A>;
        let addr = start as usize as u64;
        let func = std::any::type_name::<F>();
        self.known.insert(addr, (func, start));
        Entry {
            addr,
            func: func.to_string(),
        }
    }

    /// The goroutine `start` describes, made here (see [`Entries::start`]).
    pub(crate) fn make(&self, start: Start) -> Result<Task, String> {
        match start {
            Start::Entry { entry, args } => self.start(&entry, args),
        }
    }

    /// The goroutine `entry` names, made from its arguments: only from an entry declared
    /// here, under the same name.
    pub(crate) fn start(&self, entry: &Entry, args: Data) -> Result<Task, String> {
        let Some(&(func, start)) = self.known.get(&entry.addr) else {
            return Err(format!(
                "the goroutine function `{}` is not declared on this worker",
                entry.func
            ));
        };
        if func != entry.func {
            return Err(format!(
                "goroutine entry mismatch: `{}` is `{func}` here",
                entry.func
            ));
        }
        start(args)
    }
}

fn start<F, A>(args: Data) -> Result<Task, String>
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    let args: A = args
        .read()
        .map_err(|e| format!("goroutine arguments: {e}"))?;
    Ok(Box::pin(conjure::<F, A>().call(args)))
}

const fn assert_captures_nothing<F>() {
    assert!(
        std::mem::size_of::<F>() == 0,
        "a goroutine function captures nothing"
    );
}

/// The value of a function type that captures nothing.
pub(crate) fn conjure<F, A>() -> F
where
    F: Call<A> + Copy + 'static,
{
    const { assert_captures_nothing::<F>() };
    // SAFETY: `F` is zero-sized and implements `FnOnce` (the only implementations of `Call`),
    // so it is a fn item or a closure without captures: inhabited, with no bytes to initialise.
    unsafe { std::mem::zeroed::<F>() }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn add(a: i64, b: i64) {
        assert_eq!(a + b, 3);
    }

    async fn other(_: i64, _: i64) {}

    #[test]
    fn an_entry_starts_only_where_it_is_declared() {
        let mut here = Entries::default();
        fn entry_of<F: Call<(i64, i64)> + Copy + 'static>(e: &mut Entries, _: F) -> Entry
        where
            F::Fut: Future<Output = ()>,
        {
            e.entry::<F, (i64, i64)>()
        }
        let entry = entry_of(&mut here, add);
        assert!(here.start(&entry, Data::of(&(1, 2))).is_ok());
        assert!(
            here.start(&entry, Data::of(&[1])).is_err(),
            "wrong arguments"
        );
        let elsewhere = Entries::default();
        assert!(elsewhere.start(&entry, Data::of(&(1, 2))).is_err());
        let mut renamed = entry.clone();
        renamed.func = std::any::type_name_of_val(&other).to_string();
        assert!(here.start(&renamed, Data::of(&(1, 2))).is_err());
    }
}
