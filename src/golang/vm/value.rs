//! Values of interpreted Go programs (docs/INTERPRETER.md, Values).
//!
//! The checker proves every type, so a `Value` carries no type of its own except inside an
//! interface: the instruction that reads it knows what it is.
//!
//! # Invariants
//! - An aggregate (array or struct) has exactly one owner: the `Value::Agg` in a register, a
//!   cell, a field or an element. Pointers to it are `Value::Ptr(Ptr::Agg)` over the same
//!   storage. Copying an aggregate as Go copies it is [`Value::copy`], which copies owned
//!   aggregates deeply and everything else shallowly.
//! - Values of sized integer kinds (`int8`…`uint32`) are always in their kind's range; a
//!   `uint64` or `uint` is its bit pattern in an `i64`.
//! - The nil pointer, slice, map, channel, function and interface are all `Value::Nil`.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::map::Map;
use super::shared::HandleKind;
use crate::rt::{Mutex, WaitGroup};

/// The index of a type in the program's runtime type table ([`super::types::Types`]).
pub type TypeId = u32;

/// An array's or struct's storage: its elements or fields, in order.
pub type Agg = Rc<RefCell<Vec<Value>>>;

/// A variable that escaped to the heap (its address was taken, or a closure captured it).
pub type Cell = Rc<RefCell<Value>>;

/// A Go value (32 bytes: a slice's window is the largest variant).
///
/// The tag is a whole word, so every variant's payload starts at the second word: a value is
/// copied as four words, never byte by byte (a byte-wise copy read back whole stalls the
/// processor's store forwarding, on the interpreter's hottest paths).
#[derive(Clone, Default)]
#[repr(u64)]
pub enum Value {
    /// The zero value of pointers, slices, maps, channels, functions and interfaces.
    #[default]
    Nil,
    Bool(bool),
    /// Every integer kind (see the invariants).
    Int(i64),
    /// float64, and float32 rounded to f32.
    Float(f64),
    /// complex128, and complex64 with both parts rounded to f32: the real and imaginary
    /// parts.
    Complex(f64, f64),
    /// A string's bytes (Go strings need not be UTF-8).
    Str(Rc<[u8]>),
    Slice(Slice),
    /// An owned array or struct.
    Agg(Agg),
    Ptr(Ptr),
    Map(Rc<RefCell<Map>>),
    /// A channel of the runtime, by id (never 0: the nil channel is `Nil`).
    Chan(u32),
    Func(Rc<Closure>),
    /// A non-nil interface value: its dynamic type and value.
    Iface(Rc<Iface>),
    /// The runtime object in a library struct's handle field (a `sync.Mutex`'s), once the
    /// struct has used it; the zero struct holds `Int(0)` there.
    Sync(SyncRef),
}

/// The runtime object a library struct holds (`bind::handles`): a `sync.Mutex`'s,
/// `WaitGroup`'s or `Cond`'s. Copying the struct copies its state, as Go's copy of the struct
/// does (the mistake vet reports as a lock passed by value), not the object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyncRef {
    /// Runtime object `id`, the struct's own.
    Own(HandleKind, u32),
    /// A copy of a struct whose object was `from`. It gets an object of its own at its first
    /// use, in the state `from` had when it was copied (`state`: a WaitGroup's counter,
    /// whether a Mutex is locked), or where that could not be read (on a real-mode executor,
    /// whose objects the hub holds), in the state `from` has at that first use.
    Copied {
        kind: HandleKind,
        from: u32,
        state: Option<i64>,
    },
}

impl SyncRef {
    /// What a copy of the struct that holds this holds.
    pub fn copy(self) -> SyncRef {
        let SyncRef::Own(kind, from) = self else {
            return self;
        };
        let state = match kind {
            HandleKind::WaitGroup => WaitGroup::from_id(from).peek().map(|(counter, _)| counter),
            HandleKind::Mutex => Mutex::from_id(from)
                .peek()
                .map(|(locked, _)| i64::from(locked)),
            // Go's Cond panics when a copy is used: nothing to keep.
            HandleKind::Cond => None,
        };
        SyncRef::Copied { kind, from, state }
    }
}

/// A slice: a window on a backing array.
#[derive(Clone)]
pub struct Slice {
    pub array: Agg,
    pub off: u32,
    pub len: u32,
    pub cap: u32,
}

impl Slice {
    /// The array a pointer made from this slice (`(*[N]T)(s)`, whose window is the array)
    /// points to: its elements, as an array value.
    pub fn window_array(&self) -> Value {
        let a = self.array.borrow();
        let (off, len) = (self.off as usize, self.len as usize);
        Value::agg(
            a.get(off..off + len)
                .map_or_else(Vec::new, <[Value]>::to_vec),
        )
    }

    /// `*p = v` through such a pointer: array `v`'s elements copied into the window.
    pub fn store_window(&self, v: &Value) {
        let Value::Agg(src) = v else { return };
        let items: Vec<Value> = src.borrow().iter().map(Value::copy).collect();
        let mut a = self.array.borrow_mut();
        let off = self.off as usize;
        for (slot, item) in a.iter_mut().skip(off).zip(items).take(self.len as usize) {
            *slot = item;
        }
    }
}

/// A non-nil pointer.
#[derive(Clone)]
pub enum Ptr {
    /// To a variable that lives in a cell.
    Cell(Cell),
    /// To element (or field) `index` of an aggregate or backing array, of a non-aggregate
    /// type.
    Elem(Agg, u32),
    /// To an aggregate: its storage.
    Agg(Agg),
}

/// An interface's dynamic type and value.
pub struct Iface {
    pub ty: TypeId,
    pub val: Value,
}

/// A function value: a compiled function and the cells (or copied values) it captured.
pub struct Closure {
    pub func: u32,
    pub env: Box<[Value]>,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s.as_bytes()))
    }

    pub fn bytes(b: &[u8]) -> Value {
        Value::Str(Rc::from(b))
    }

    /// A new interface value holding `val` of dynamic type `ty`.
    pub fn iface(ty: TypeId, val: Value) -> Value {
        Value::Iface(Rc::new(Iface { ty, val }))
    }

    /// A new owned aggregate of `items`.
    pub fn agg(items: Vec<Value>) -> Value {
        Value::Agg(Rc::new(RefCell::new(items)))
    }

    /// A new slice over a fresh backing array holding `items`.
    pub fn slice(items: Vec<Value>) -> Value {
        let n = items.len() as u32;
        Value::Slice(Slice {
            array: Rc::new(RefCell::new(items)),
            off: 0,
            len: n,
            cap: n,
        })
    }

    #[inline]
    pub fn as_int(&self) -> i64 {
        match self {
            Value::Int(i) => *i,
            _ => 0,
        }
    }

    #[inline]
    pub fn as_float(&self) -> f64 {
        match self {
            Value::Float(f) => *f,
            _ => 0.0,
        }
    }

    /// A complex number's parts (zero for anything else).
    #[inline]
    pub fn as_complex(&self) -> (f64, f64) {
        match self {
            Value::Complex(re, im) => (*re, *im),
            _ => (0.0, 0.0),
        }
    }

    #[inline]
    pub fn as_bool(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// A string's bytes (empty for anything else).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Value::Str(s) => s,
            _ => &[],
        }
    }

    /// A string as Rust text, with invalid UTF-8 replaced.
    pub fn to_text(&self) -> String {
        String::from_utf8_lossy(self.as_bytes()).into_owned()
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// The value as Go copies it on assignment: owned aggregates deeply, the rest shallowly.
    #[inline(always)]
    pub fn copy(&self) -> Value {
        match self {
            Value::Agg(a) => Value::Agg(copy_agg(a)),
            Value::Sync(r) => Value::Sync(r.copy()),
            v => v.dup(),
        }
    }

    /// Whether the value holds no shared storage (nil, a bool, a number, a channel): copying
    /// or dropping it is copying or forgetting its bytes.
    #[inline(always)]
    pub fn is_plain(&self) -> bool {
        matches!(
            self,
            Value::Nil
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Complex(..)
                | Value::Chan(_)
                | Value::Sync(_)
        )
    }

    /// `clone`, done in place for a plain value (the instruction loop's moves).
    #[inline(always)]
    pub fn dup(&self) -> Value {
        match *self {
            Value::Nil => Value::Nil,
            Value::Bool(b) => Value::Bool(b),
            Value::Int(i) => Value::Int(i),
            Value::Float(f) => Value::Float(f),
            Value::Chan(c) => Value::Chan(c),
            Value::Sync(r) => Value::Sync(r),
            ref v => v.clone(),
        }
    }

    /// `*self = v`, without a call to drop the old value when it is plain (the instruction
    /// loop's stores, which mostly overwrite numbers).
    #[inline(always)]
    pub fn set(&mut self, v: Value) {
        if self.is_plain() {
            // Nothing to drop: forgetting a plain value frees nothing.
            std::mem::forget(std::mem::replace(self, v));
        } else {
            *self = v;
        }
    }

    /// The elements of a slice, or of an array (empty for nil).
    pub fn elems(&self) -> Vec<Value> {
        match self {
            Value::Slice(s) => {
                let a = s.array.borrow();
                a[s.off as usize..(s.off + s.len) as usize].to_vec()
            }
            Value::Agg(a) => a.borrow().clone(),
            _ => Vec::new(),
        }
    }

    /// Go's `==` on two values of the same comparable type; `Err` carries the type that
    /// cannot be compared (an interface holding a slice, map or function).
    pub fn go_eq(&self, other: &Value) -> Result<bool, Uncomparable> {
        self.go_eq_with(other, &|_| true)
    }

    /// [`Value::go_eq`], where `comparable` says which dynamic types of interfaces nested in
    /// the values can be compared (a struct with a slice field cannot).
    pub fn go_eq_with(&self, other: &Value, comparable: Comparable) -> Result<bool, Uncomparable> {
        self.eq_within(other, 0, comparable)
    }

    /// `==` at nesting `depth`: recursive while shallow, from a work list past
    /// [`EQ_RECURSION`] levels (data nested through interfaces can be as deep as the
    /// program makes it, and the host's stack is not).
    fn eq_within(
        &self,
        other: &Value,
        depth: u32,
        comparable: Comparable,
    ) -> Result<bool, Uncomparable> {
        if depth >= EQ_RECURSION {
            return eq_by_work_list(self, other, comparable);
        }
        eq_level(self, other, comparable, &mut |x, y| {
            x.eq_within(y, depth + 1, comparable)
        })
    }
}

/// Whether values of a dynamic type can be compared.
pub type Comparable<'a> = &'a dyn Fn(TypeId) -> bool;

/// Nesting levels `==` compares recursively before it switches to a work list.
const EQ_RECURSION: u32 = 64;

/// One level of `==`: the values themselves, with `nested` comparing their elements, fields
/// or boxed values (its `false` ends the comparison).
fn eq_level(
    a: &Value,
    b: &Value,
    comparable: Comparable,
    nested: &mut dyn FnMut(&Value, &Value) -> Result<bool, Uncomparable>,
) -> Result<bool, Uncomparable> {
    Ok(match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Int(a), Value::Int(b)) => a == b,
        (Value::Float(a), Value::Float(b)) => a == b,
        (Value::Complex(a, b), Value::Complex(c, d)) => a == c && b == d,
        (Value::Str(a), Value::Str(b)) => a == b,
        (Value::Chan(a), Value::Chan(b)) => a == b,
        (Value::Sync(a), Value::Sync(b)) => a == b,
        (Value::Ptr(a), Value::Ptr(b)) => a.same(b),
        (Value::Map(a), Value::Map(b)) => Rc::ptr_eq(a, b),
        (Value::Func(a), Value::Func(b)) => Rc::ptr_eq(a, b),
        (Value::Agg(a), Value::Agg(b)) => {
            let (a, b) = (a.borrow(), b.borrow());
            for (x, y) in a.iter().zip(b.iter()) {
                if !nested(x, y)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Iface(a), Value::Iface(b)) => {
            if a.ty != b.ty {
                return Ok(false);
            }
            if matches!(a.val, Value::Slice(_) | Value::Map(_) | Value::Func(_))
                || !comparable(a.ty)
            {
                return Err(Uncomparable(a.ty));
            }
            nested(&a.val, &b.val)?
        }
        // A nil slice, map or function compares only with nil (the checker sees to it).
        _ => false,
    })
}

/// `==` on deeply nested values, one level at a time from a work list.
fn eq_by_work_list(a: &Value, b: &Value, comparable: Comparable) -> Result<bool, Uncomparable> {
    let mut pending = vec![(a.clone(), b.clone())];
    while let Some((a, b)) = pending.pop() {
        let mut inner = Vec::new();
        let equal = eq_level(&a, &b, comparable, &mut |x, y| {
            inner.push((x.clone(), y.clone()));
            Ok(true)
        })?;
        if !equal {
            return Ok(false);
        }
        // Compared in order: the first pair is on top.
        pending.extend(inner.into_iter().rev());
    }
    Ok(true)
}

/// An aggregate copied deeply: its owned aggregates too, not what its pointers point to.
pub fn copy_agg(a: &Agg) -> Agg {
    let items: Vec<Value> = a.borrow().iter().map(Value::copy).collect();
    Rc::new(RefCell::new(items))
}

/// `==` met a dynamic type that is not comparable (Go's run-time panic `comparing
/// uncomparable type T`).
#[derive(Debug, PartialEq, Eq)]
pub struct Uncomparable(pub TypeId);

impl Ptr {
    /// Whether two pointers point to the same variable.
    pub fn same(&self, other: &Ptr) -> bool {
        match (self, other) {
            (Ptr::Cell(a), Ptr::Cell(b)) => Rc::ptr_eq(a, b),
            (Ptr::Elem(a, i), Ptr::Elem(b, j)) => Rc::ptr_eq(a, b) && i == j,
            (Ptr::Agg(a), Ptr::Agg(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// The value pointed to (aggregates as owned values over the same storage: copy them
    /// with [`Value::copy`] before storing them elsewhere).
    pub fn load(&self) -> Value {
        match self {
            Ptr::Cell(c) => c.borrow().clone(),
            Ptr::Elem(a, i) => a.borrow().get(*i as usize).cloned().unwrap_or_default(),
            Ptr::Agg(a) => Value::Agg(a.clone()),
        }
    }

    /// `*p = v`. For an aggregate, `v`'s contents are copied into the storage, so every
    /// pointer to it sees them.
    pub fn store(&self, v: Value) {
        match self {
            Ptr::Cell(c) => *c.borrow_mut() = v,
            Ptr::Elem(a, i) => {
                if let Some(slot) = a.borrow_mut().get_mut(*i as usize) {
                    *slot = v;
                }
            }
            Ptr::Agg(a) => store_agg(a, &v),
        }
    }

    /// An address that identifies the variable, for printing pointers (`%p`-free `&{}`
    /// forms never need it; `%v` of a non-aggregate pointer prints `0xc…` in Go).
    pub fn addr(&self) -> usize {
        match self {
            Ptr::Cell(c) => Rc::as_ptr(c) as usize,
            Ptr::Elem(a, i) => Rc::as_ptr(a) as usize + 8 * *i as usize,
            Ptr::Agg(a) => Rc::as_ptr(a) as usize,
        }
    }
}

/// Copies the contents of aggregate `v` into the storage `dst` (Go's assignment to an array
/// or struct variable, seen through every pointer to it).
pub fn store_agg(dst: &Agg, v: &Value) {
    if let Value::Agg(src) = v {
        if Rc::ptr_eq(dst, src) {
            return;
        }
        let items: Vec<Value> = src.borrow().iter().map(Value::copy).collect();
        *dst.borrow_mut() = items;
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nil => write!(f, "nil"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Complex(re, im) => write!(f, "({re:?}+{im:?}i)"),
            Value::Str(s) => write!(f, "{:?}", String::from_utf8_lossy(s)),
            Value::Slice(s) => write!(f, "{:?}", Value::Slice(s.clone()).elems()),
            Value::Agg(a) => write!(f, "{{{:?}}}", a.borrow()),
            Value::Ptr(p) => write!(f, "ptr@{:x}", p.addr()),
            Value::Map(m) => write!(f, "map(len {})", m.borrow().len()),
            Value::Chan(id) => write!(f, "chan#{id}"),
            Value::Func(c) => write!(f, "func#{}", c.func),
            Value::Iface(i) => write!(f, "iface(type {}: {:?})", i.ty, i.val),
            Value::Sync(r) => write!(f, "{r:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_four_words() {
        assert!(std::mem::size_of::<Value>() <= 32);
    }

    #[test]
    fn copying_an_aggregate_copies_what_it_owns_not_what_it_points_to() {
        let pointee = Rc::new(RefCell::new(vec![Value::Int(1)]));
        let inner = Value::agg(vec![Value::Int(2)]);
        let outer = Value::agg(vec![inner, Value::Ptr(Ptr::Agg(pointee.clone()))]);
        let copy = outer.copy();
        let (Value::Agg(o), Value::Agg(c)) = (&outer, &copy) else {
            unreachable!()
        };
        let (o, c) = (o.borrow(), c.borrow());
        let (Value::Agg(oi), Value::Agg(ci)) = (&o[0], &c[0]) else {
            unreachable!()
        };
        assert!(!Rc::ptr_eq(oi, ci), "the owned struct is copied");
        let (Value::Ptr(op), Value::Ptr(cp)) = (&o[1], &c[1]) else {
            unreachable!()
        };
        assert!(op.same(cp), "the pointer still points to the same struct");
    }

    #[test]
    fn storing_through_a_pointer_to_a_struct_changes_the_struct() {
        let s = Rc::new(RefCell::new(vec![Value::Int(0), Value::Int(0)]));
        let p = Ptr::Agg(s.clone());
        p.store(Value::agg(vec![Value::Int(3), Value::Int(4)]));
        assert_eq!(s.borrow()[1].as_int(), 4);
        let field = Ptr::Elem(s.clone(), 0);
        field.store(Value::Int(9));
        assert_eq!(p.load().elems()[0].as_int(), 9);
    }

    #[test]
    fn equality_follows_go() {
        let a = Value::agg(vec![Value::Int(1), Value::str("x")]);
        let b = Value::agg(vec![Value::Int(1), Value::str("x")]);
        assert_eq!(a.go_eq(&b), Ok(true));
        let s = Value::iface(3, Value::slice(vec![]));
        assert_eq!(s.go_eq(&s.clone()), Err(Uncomparable(3)));
        assert_eq!(
            Value::iface(1, Value::Int(1)).go_eq(&Value::iface(2, Value::Int(1))),
            Ok(false)
        );
        assert_eq!(
            Value::Float(f64::NAN).go_eq(&Value::Float(f64::NAN)),
            Ok(false)
        );
    }
}
