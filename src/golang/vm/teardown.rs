//! Freeing long chains of values without deep recursion.
//!
//! A program's data can nest as deep as it likes: a linked list of a million nodes is a
//! million pointers, each inside the node before it. Rust frees nested values recursively,
//! one stack frame per level, which would overflow the host's stack (a worker's in the
//! browser is small). So when the last pointer to a heap object goes, its contents are
//! moved out first and freed from a work list here: however deep the data, freeing it
//! takes a bounded stack.
//!
//! # Invariants
//! - Only an object whose last reference is being dropped is emptied (its strong count
//!   is 1): nothing the program can still reach changes.
//! - Pointers, interface boxes and closures free what they hold this way (and a map or an
//!   aggregate met on the way); the other values nest only as deep as their types do.

use std::rc::Rc;

use super::value::{Agg, Cell, Closure, Iface, Ptr, Value};

impl Drop for Ptr {
    fn drop(&mut self) {
        // Most pointers dropped are copies (an argument, a register overwritten): the object
        // lives on, and there is nothing to do.
        let last = match self {
            Ptr::Cell(c) => Rc::strong_count(c) == 1,
            Ptr::Agg(a) | Ptr::Elem(a, _) => Rc::strong_count(a) == 1,
        };
        if last {
            self.free_target();
        }
    }
}

impl Ptr {
    /// Frees what the last pointer to an object points to.
    #[inline(never)]
    fn free_target(&mut self) {
        let mut pending = Vec::new();
        match self {
            Ptr::Cell(c) => take_cell(c, &mut pending),
            Ptr::Agg(a) | Ptr::Elem(a, _) => take_agg(a, &mut pending),
        }
        free(pending);
    }
}

/// Data nested through interfaces (`x = []any{x}`) has no pointer in the chain.
impl Drop for Iface {
    fn drop(&mut self) {
        if needs_care(&self.val) {
            free(vec![std::mem::take(&mut self.val)]);
        }
    }
}

/// Closures that capture closures (`f = func() { g() }` in a loop).
impl Drop for Closure {
    fn drop(&mut self) {
        if self.env.iter().any(needs_care) {
            free(std::mem::take(&mut self.env).into_vec());
        }
    }
}

/// Frees `pending` and everything only it refers to, from a work list.
fn free(mut pending: Vec<Value>) {
    while let Some(v) = pending.pop() {
        match v {
            Value::Ptr(Ptr::Cell(ref c)) => take_cell(c, &mut pending),
            Value::Ptr(Ptr::Agg(ref a)) | Value::Ptr(Ptr::Elem(ref a, _)) | Value::Agg(ref a) => {
                take_agg(a, &mut pending)
            }
            Value::Slice(ref s) => take_agg(&s.array, &mut pending),
            Value::Map(ref m) if Rc::strong_count(m) == 1 => {
                if let Ok(mut map) = m.try_borrow_mut() {
                    let contents = std::mem::take(&mut *map).into_contents();
                    pending.extend(contents.filter(needs_care));
                }
            }
            Value::Iface(mut i) => {
                if let Some(iface) = Rc::get_mut(&mut i) {
                    let inner = std::mem::take(&mut iface.val);
                    if needs_care(&inner) {
                        pending.push(inner);
                    }
                }
            }
            Value::Func(mut f) => {
                if let Some(closure) = Rc::get_mut(&mut f) {
                    let env = std::mem::take(&mut closure.env).into_vec();
                    pending.extend(env.into_iter().filter(needs_care));
                }
            }
            // Whatever is left holds nothing that was not moved to `pending` above.
            _ => {}
        }
    }
}

/// Moves the value of cell `c` to `pending` if `c` is its last reference.
fn take_cell(c: &Cell, pending: &mut Vec<Value>) {
    if Rc::strong_count(c) == 1 {
        if let Ok(mut inner) = c.try_borrow_mut() {
            let v = std::mem::take(&mut *inner);
            if needs_care(&v) {
                pending.push(v);
            }
        }
    }
}

/// Moves the elements of aggregate `a` to `pending` if `a` is its last reference.
fn take_agg(a: &Agg, pending: &mut Vec<Value>) {
    if Rc::strong_count(a) == 1 {
        if let Ok(mut items) = a.try_borrow_mut() {
            pending.extend(std::mem::take(&mut *items).into_iter().filter(needs_care));
        }
    }
}

/// Whether freeing `v` may recurse (it refers to other values).
fn needs_care(v: &Value) -> bool {
    matches!(
        v,
        Value::Ptr(_)
            | Value::Agg(_)
            | Value::Slice(_)
            | Value::Map(_)
            | Value::Iface(_)
            | Value::Func(_)
    )
}
