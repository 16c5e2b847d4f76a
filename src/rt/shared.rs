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

use super::runtime::with_core;
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
        with_core(|c| {
            c.vars.vars.push(Box::new(value));
            Var {
                id: (c.vars.vars.len() - 1) as u32,
                _t: PhantomData,
            }
        })
    }

    /// Runs `f` on the value.
    pub fn update<R>(self, f: impl FnOnce(&mut T) -> R) -> R {
        with_core(|c| {
            let v = c.vars.vars[self.id as usize]
                .downcast_mut::<T>()
                .expect("a Var's slot holds its type");
            f(v)
        })
    }

    pub fn set(self, value: T) {
        self.update(|v| *v = value)
    }
}

impl<T: Value + Clone> Var<T> {
    pub fn get(self) -> T {
        self.update(|v| v.clone())
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
    pub fn add(self, n: i64) -> i64 {
        self.0.update(|v| {
            *v += n;
            *v
        })
    }

    /// `x.Load()`.
    pub fn load(self) -> i64 {
        self.0.get()
    }

    /// `x.Store(n)`.
    pub fn store(self, n: i64) {
        self.0.set(n)
    }
}
