//! Values as they cross between workers (real mode): in the form [`W`], through the shared
//! heap of the executor that sends or receives them (docs/INTERPRETER.md, Real mode).
//!
//! The runtime serialises a value where it leaves a goroutine (a send, a goroutine's
//! arguments) and deserialises it where it enters one (a receive), always while that
//! goroutine runs; [`HeapScope`] makes its run's heap the one serde uses meanwhile. Outside
//! a scope (sim mode never serialises values) a value that shares memory cannot travel.
//!
//! # Invariants
//! - A scope is entered only while no borrow of its heap is held.

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::{self, Deserializer};
use serde::ser::{self, Serializer};
use serde::{Deserialize, Serialize};

use super::shared::{Heap, W};
use super::value::Value;

thread_local! {
    /// The heap of the goroutine running on this thread, in real mode.
    static HEAP: RefCell<Option<Rc<RefCell<Heap>>>> = const { RefCell::new(None) };
}

/// While alive, values travel through `heap` (the previous heap comes back when it drops).
pub struct HeapScope {
    previous: Option<Rc<RefCell<Heap>>>,
}

impl HeapScope {
    pub fn enter(heap: &Rc<RefCell<Heap>>) -> HeapScope {
        let previous = HEAP.with(|h| h.borrow_mut().replace(heap.clone()));
        HeapScope { previous }
    }
}

impl Drop for HeapScope {
    fn drop(&mut self) {
        let previous = self.previous.take();
        HEAP.with(|h| *h.borrow_mut() = previous);
    }
}

/// The heap values travel through now, if any.
fn current() -> Option<Rc<RefCell<Heap>>> {
    HEAP.with(|h| h.borrow().clone())
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(heap) = current() else {
            return match self {
                Value::Nil => W::N.serialize(s),
                Value::Bool(b) => W::B(*b).serialize(s),
                Value::Int(i) => W::I(*i).serialize(s),
                _ => Err(ser::Error::custom(
                    "a value that shares memory travels only within a run's shared heap",
                )),
            };
        };
        let w = heap.borrow_mut().encode(self, false);
        w.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        let w = W::deserialize(d)?;
        match current() {
            Some(heap) => heap.borrow().decode(&w).map_err(de::Error::custom),
            None => match w {
                W::N => Ok(Value::Nil),
                W::B(b) => Ok(Value::Bool(b)),
                W::I(i) => Ok(Value::Int(i)),
                _ => Err(de::Error::custom(
                    "a value that shares memory travels only within a run's shared heap",
                )),
            },
        }
    }
}
