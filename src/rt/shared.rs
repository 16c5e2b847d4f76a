//! Shared variables: what Go goroutines share by capturing a variable or through a package
//! variable, and Go's `sync/atomic` integers.
//!
//! A [`Var`] is a copyable handle to a value the run owns, so goroutines can share it the way
//! Go's do, including the unsynchronised ways the race demos show. In sim mode every access
//! is atomic (one goroutine runs at a time); the program still takes the locks Go's would.
//!
//! # Invariants
//! - A `Var<T>`'s slot always holds a `T`.

use std::any::Any;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::current::with_core;
use super::remote::{self, to_json, Op};
use super::Value;

/// The run's shared variables.
#[derive(Default)]
pub(crate) struct Vars {
    vars: Vec<Box<dyn Any>>,
}

/// A variable shared by goroutines.
pub struct Var<T> {
    id: u32,
    _t: PhantomData<fn(T) -> T>,
}

impl<T> Clone for Var<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Var<T> {}
impl<T> std::fmt::Debug for Var<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "var#{}", self.id)
    }
}
impl<T> Serialize for Var<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.id.serialize(s)
    }
}
impl<'de, T> Deserialize<'de> for Var<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        u32::deserialize(d).map(|id| Var {
            id,
            _t: PhantomData,
        })
    }
}

impl<T: Value> Var<T> {
    /// A new variable holding `value`.
    pub fn new(value: T) -> Self {
        if let Some(id) = remote::create(|id| Op::NewVar {
            id,
            value: to_json(&value),
        }) {
            return Var::from_id(id);
        }
        with_core(|c| {
            let id = c.sched.ids.next(c.vars.vars.len());
            let i = id as usize;
            if c.vars.vars.len() <= i {
                c.vars.vars.resize_with(i + 1, || Box::new(()));
            }
            c.vars.vars[i] = Box::new(value);
            Var::from_id(id)
        })
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Var {
            id,
            _t: PhantomData,
        }
    }

    /// Runs `f` on the value, atomically (in real mode, under the variable's lock on the hub).
    pub async fn update<R>(self, f: impl FnOnce(&mut T) -> R) -> R {
        if remote::linked() {
            let mut value: T = remote::ask(Op::VarLock { var: self.id }).await;
            let r = f(&mut value);
            remote::post(|| Op::VarUnlock {
                var: self.id,
                value: to_json(&value),
            });
            return r;
        }
        self.update_local(f)
    }

    fn update_local<R>(self, f: impl FnOnce(&mut T) -> R) -> R {
        with_core(|c| {
            let v = c.vars.vars[self.id as usize]
                .downcast_mut::<T>()
                .expect("a Var's slot holds its type");
            f(v)
        })
    }

    pub fn set(self, value: T) {
        if remote::post(|| Op::VarSet {
            var: self.id,
            value: to_json(&value),
        }) {
            return;
        }
        self.update_local(|v| *v = value)
    }
}

impl<T: Value + Clone> Var<T> {
    pub async fn get(self) -> T {
        if remote::linked() {
            return remote::ask(Op::VarGet { var: self.id }).await;
        }
        self.update_local(|v| v.clone())
    }
}

/// Go's `atomic.Int64`.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AtomicInt(Var<i64>);

impl Default for AtomicInt {
    /// Go's zero value; like `new`, only inside a run.
    fn default() -> Self {
        AtomicInt::new()
    }
}

impl AtomicInt {
    pub fn new() -> Self {
        AtomicInt(Var::new(0))
    }

    /// `x.Add(n)`: returns the new value.
    #[allow(clippy::should_implement_trait)] // Go's name; it adds in place, not `+`
    pub async fn add(self, n: i64) -> i64 {
        if remote::linked() {
            return remote::ask(Op::AtomicAdd { var: self.0.id, n }).await;
        }
        self.0.update_local(|v| {
            *v += n;
            *v
        })
    }

    /// `x.Load()`.
    pub async fn load(self) -> i64 {
        self.0.get().await
    }

    /// `x.Store(n)`.
    pub fn store(self, n: i64) {
        self.0.set(n)
    }
}
