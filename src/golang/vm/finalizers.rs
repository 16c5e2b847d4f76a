//! `runtime.SetFinalizer`: the objects a program asked to be told about when nothing refers
//! to them any more.
//!
//! chanlab's values are reference-counted, so an object is unreachable exactly when the
//! only reference left to it is the table's own. `runtime.GC` asks [`Finalizers::collect`]
//! for those entries; the library's finalizer goroutine (`runtime.runfinq`) then calls each
//! finalizer with its object, in the order they became ready, as Go's single finalizer
//! goroutine does. An object that another finalizable object refers to becomes ready only
//! once that one's finalizer has run and let it go, which is Go's order too.
//!
//! # Invariants
//! - An entry's object is a heap object (a cell or an aggregate); one entry per object.
//! - Objects in a reference cycle are never ready (Go does not finalize cycles either).

use std::collections::VecDeque;
use std::rc::Rc;

use super::value::{Ptr, Value};

/// One object and its finalizer.
struct Entry {
    /// The pointer the program gave (what the finalizer receives).
    obj: Value,
    /// The finalizer: a function value.
    func: Value,
    /// Whether the finalizer takes the object as an interface (then it is passed boxed).
    boxed: Value,
}

/// The finalizers of one run.
#[derive(Default)]
pub struct Finalizers {
    entries: Vec<Entry>,
    /// Finalizers whose object became unreachable, not yet called: (function, argument).
    ready: VecDeque<(Value, Value)>,
}

/// The heap object a pointer refers to, and how many references it has.
fn references(obj: &Value) -> Option<(*const (), usize)> {
    match obj {
        Value::Agg(a) | Value::Ptr(Ptr::Agg(a)) | Value::Ptr(Ptr::Elem(a, _)) => {
            Some((Rc::as_ptr(a) as *const (), Rc::strong_count(a)))
        }
        Value::Ptr(Ptr::Cell(c)) => Some((Rc::as_ptr(c) as *const (), Rc::strong_count(c))),
        _ => None,
    }
}

impl Finalizers {
    /// `SetFinalizer(obj, func)`: `func` replaces the object's finalizer; `Value::Nil`
    /// removes it. `boxed` is what the finalizer gets when it takes an interface (`obj`
    /// in its interface box), or `Value::Nil` when it takes the pointer itself. Values
    /// that are not heap objects are ignored.
    pub fn set(&mut self, obj: Value, func: Value, boxed: Value) {
        let Some((id, _)) = references(&obj) else {
            return;
        };
        self.entries
            .retain(|e| references(&e.obj).is_none_or(|(other, _)| other != id));
        if !matches!(func, Value::Nil) {
            self.entries.push(Entry { obj, func, boxed });
        }
    }

    /// Moves the entries whose object only the table refers to into the ready queue;
    /// returns how many are ready.
    pub fn collect(&mut self) -> usize {
        let mut kept = Vec::with_capacity(self.entries.len());
        for e in self.entries.drain(..) {
            // One reference is the entry's own `obj`; a boxed copy holds one more.
            let own = 1 + usize::from(!matches!(e.boxed, Value::Nil));
            match references(&e.obj) {
                Some((_, n)) if n <= own => {
                    let arg = if matches!(e.boxed, Value::Nil) {
                        e.obj
                    } else {
                        drop(e.obj);
                        e.boxed
                    };
                    self.ready.push_back((e.func, arg));
                }
                _ => kept.push(e),
            }
        }
        self.entries = kept;
        self.ready.len()
    }

    /// The next finalizer to call and its argument.
    pub fn next_ready(&mut self) -> Option<(Value, Value)> {
        self.ready.pop_front()
    }
}
