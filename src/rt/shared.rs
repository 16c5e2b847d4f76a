//! Shared variables: what Go goroutines share by capturing a variable or through a package
//! variable, and Go's `sync/atomic` integers.
//!
//! A [`Var`] is a copyable handle to a value the run owns, so goroutines can share it the way
//! Go's do, including the unsynchronised ways the race demos show. In sim mode every access
//! is atomic (one goroutine runs at a time); the program still takes the locks Go's would.
//!
//! On real mode's hub a variable an executor made, or set, holds its value as it crossed
//! ([`Data`]) until the hub's own goroutines use it as a `T`; an executor's goroutine updates
//! a variable under the variable's lock, which the hub's own goroutines then take too.
//!
//! # Invariants
//! - A `Var<T>`'s slot holds a `T`, or on the hub the `Data` of one.

use std::any::Any;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::task::Poll;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::chan::Element;
use super::current::with_core;
use super::real::{Data, HubOp, Op, Proxy};
use super::run::Core;
use super::seam::{self, Operation, Routed};
use super::sync::Mutex;
use super::Value;

/// The run's shared variables.
#[derive(Default)]
pub(crate) struct Vars {
    vars: Vec<Box<dyn Element>>,
    /// Real mode's hub: the locks that make an executor's updates atomic, by variable (made
    /// on first use).
    locks: HashMap<u32, Mutex>,
}

impl Vars {
    /// Stores `value` as variable `id`.
    fn put<T: Value>(&mut self, id: u32, value: T) {
        let i = id as usize;
        if self.vars.len() <= i {
            self.vars.resize_with(i + 1, || Box::new(()));
        }
        self.vars[i] = Box::new(value);
    }

    /// Variable `id`. Precondition: it holds a `T` (handles are typed, so this holds), or the
    /// `Data` of one, which becomes the `T`.
    fn get<T: Value>(&mut self, id: u32) -> &mut T {
        let slot = &mut self.vars[id as usize];
        if !(&**slot as &dyn Any).is::<T>() {
            let value: T = slot.to_data().read().expect("a Var's slot holds its type");
            *slot = Box::new(value);
        }
        let any: &mut dyn Any = &mut **slot;
        any.downcast_mut::<T>()
            .expect("a Var's slot holds its type")
    }

    /// Variable `id`'s value as it crosses between workers (on the hub).
    fn data(&self, id: u32) -> Data {
        self.vars[id as usize].to_data()
    }
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

impl<T> PartialEq for Var<T> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl<T> Eq for Var<T> {}

impl<T: Value> Var<T> {
    /// A new variable holding `value`.
    pub fn new(value: T) -> Self {
        let value = std::cell::Cell::new(Some(value));
        let take = || value.take().expect("made once");
        let [id] = seam::create(
            |[id]| VarOp::New {
                id,
                value: Data::of(&take()),
            },
            |c| {
                let id = c.sched.ids.next(c.vars.vars.len());
                c.vars.put(id, take());
                [id]
            },
        );
        Var::from_id(id)
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Var {
            id,
            _t: PhantomData,
        }
    }

    /// Runs `f` on the value, atomically: in sim mode and on the hub one goroutine runs at a
    /// time; on an executor, the hub lends the value under the variable's lock, which the
    /// hub's own goroutines then take too.
    pub async fn update<R>(self, f: impl FnOnce(&mut T) -> R) -> R {
        let update = Routed::new(Update {
            var: self.id,
            f: Some(f),
            _t: PhantomData,
        });
        let Some(lock) = with_core(|c| c.vars.locks.get(&self.id).copied()) else {
            return update.await;
        };
        lock.lock().await;
        let r = update.await;
        lock.unlock().await;
        r
    }

    pub fn set(self, value: T) {
        let var = self.id;
        let value = std::cell::Cell::new(Some(value));
        let take = || value.take().expect("set once");
        seam::apply(
            || VarOp::Set {
                var,
                value: Data::of(&take()),
            },
            |c| *c.vars.get::<T>(var) = take(),
        );
    }
}

impl<T: Value + Clone> Var<T> {
    pub fn get(self) -> Routed<Get<T>> {
        Routed::new(Get {
            var: self.id,
            _t: PhantomData,
        })
    }
}

/// The future of [`Var::get`].
#[must_use = "a read does nothing unless awaited"]
pub struct Get<T> {
    var: u32,
    _t: PhantomData<fn() -> T>,
}

impl<T: Value + Clone> Operation for Get<T> {
    type Output = T;
    fn poll_here(&mut self, c: &mut Core) -> Poll<T> {
        Poll::Ready(c.vars.get::<T>(self.var).clone())
    }

    fn to_hub(&mut self) -> Op {
        VarOp::Get { var: self.var }.into()
    }

    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<T, String> {
        answer.read()
    }
}

/// The future of [`Var::update`]: `f` runs on the value here, or, on an executor, on the
/// value the hub lent, which goes back with the lock's release.
struct Update<T, F> {
    var: u32,
    f: Option<F>,
    _t: PhantomData<fn(T) -> T>,
}

impl<T, F> Unpin for Update<T, F> {}

impl<T: Value, R, F: FnOnce(&mut T) -> R> Operation for Update<T, F> {
    type Output = R;
    fn poll_here(&mut self, c: &mut Core) -> Poll<R> {
        let f = self.f.take().expect("an update runs once");
        Poll::Ready(f(c.vars.get::<T>(self.var)))
    }

    fn to_hub(&mut self) -> Op {
        VarOp::Lock { var: self.var }.into()
    }

    fn answer(&mut self, c: &mut Core, answer: Data) -> Result<R, String> {
        let mut value: T = answer.read()?;
        let f = self.f.take().expect("an update runs once");
        let r = f(&mut value);
        let var = self.var;
        c.sched.forward(|| VarOp::Unlock {
            var,
            value: Data::of(&value),
        });
        Ok(r)
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
    pub fn add(self, n: i64) -> Routed<AtomicAdd> {
        Routed::new(AtomicAdd { var: self.0.id, n })
    }

    /// `x.Load()`.
    pub fn load(self) -> Routed<Get<i64>> {
        self.0.get()
    }

    /// `x.Store(n)`.
    pub fn store(self, n: i64) {
        self.0.set(n)
    }
}

/// The future of [`AtomicInt::add`].
#[must_use = "an atomic add does nothing unless awaited"]
pub struct AtomicAdd {
    var: u32,
    n: i64,
}

impl Operation for AtomicAdd {
    type Output = i64;
    fn poll_here(&mut self, c: &mut Core) -> Poll<i64> {
        let v = c.vars.get::<i64>(self.var);
        *v = v.wrapping_add(self.n);
        Poll::Ready(*v)
    }

    fn to_hub(&mut self) -> Op {
        VarOp::Add {
            var: self.var,
            n: self.n,
        }
        .into()
    }

    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<i64, String> {
        answer.read()
    }
}

/// Shared variables' operations, as an executor asks them of the hub; there the values are
/// kept as they cross ([`Data`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum VarOp {
    New {
        id: u32,
        value: Data,
    },
    Get {
        var: u32,
    },
    Set {
        var: u32,
        value: Data,
    },
    /// Takes the variable's lock and lends its value, which `Unlock` brings back.
    Lock {
        var: u32,
    },
    Unlock {
        var: u32,
        value: Data,
    },
    Add {
        var: u32,
        n: i64,
    },
}

impl HubOp for VarOp {
    async fn exec(self, _: Proxy) -> Data {
        match self {
            VarOp::New { id, value } => with_core(|c| c.vars.put(id, value)),
            VarOp::Get { var } => return with_core(|c| c.vars.data(var)),
            VarOp::Set { var, value } => with_core(|c| c.vars.put(var, value)),
            VarOp::Lock { var } => {
                lock_of(var).lock().await;
                return with_core(|c| c.vars.data(var));
            }
            VarOp::Unlock { var, value } => {
                with_core(|c| c.vars.put(var, value));
                lock_of(var).unlock().await;
            }
            VarOp::Add { var, n } => {
                return Data::of(&AtomicInt(Var::from_id(var)).add(n).await);
            }
        }
        Data::none()
    }
}

/// The lock of shared variable `var` on the hub (made on first use).
fn lock_of(var: u32) -> Mutex {
    if let Some(lock) = with_core(|c| c.vars.locks.get(&var).copied()) {
        return lock;
    }
    let lock = Mutex::new();
    with_core(|c| c.vars.locks.insert(var, lock));
    lock
}
