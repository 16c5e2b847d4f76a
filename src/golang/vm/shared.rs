//! A real-mode executor's copy of the program's shared heap (docs/INTERPRETER.md, Real
//! mode), and the form values take between workers.
//!
//! A heap object (a cell, an aggregate or backing array, a map) that leaves this executor in
//! a value gets an id that names it on every worker ([`Heap::id_of`]); its content goes with
//! the next [`Heap::release`], and from then on the heap keeps a *twin*: the content as the
//! other workers last saw it. `release` compares each shared object with its twin and sends
//! what changed; [`Heap::acquire`] applies what other executors changed, to the object and
//! its twin alike. The package variables are one shared object from the start, id 0.
//!
//! Values travel as [`W`]: scalars as themselves, shared objects by id. An aggregate held in
//! a value (sent, passed, boxed in an interface) is a copy nobody else can reach, so it
//! travels by content; an aggregate inside a shared object, or captured by a closure, is a
//! variable's own storage, which a pointer may reach (`&s.inner`, `&wg`), so it is an object
//! of its own.
//!
//! # Invariants
//! - `by_addr` and `objects` name the same objects; an object's id never changes, and the
//!   heap keeps every shared object alive for the run (its address stays unique).
//! - A twin holds what every other worker holds for the object, as far as this executor
//!   knows: what it sent or applied last.
//! - `fresh` objects have ids but their content has not been sent; they have no twin yet.
//! - `order` holds every object this executor's goroutines may reach: one that only the heap
//!   holds is left out of releases (nothing here can write it) until a value that arrives
//!   names it again (`reached`).

use std::cell::{Cell as Flag, RefCell};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::map::{Key, Map};
use super::value::{Agg, Cell, Closure, Ptr, Slice, SyncRef, Value};
use crate::golang::fxhash::FxHashMap as HashMap;

/// The id of a shared object, the same on every worker.
pub type ObjId = u64;

/// The package variables' object.
pub const GLOBALS: ObjId = 0;

/// A value as it travels between workers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum W {
    N,
    B(bool),
    I(i64),
    /// A float's bits (JSON has no NaN or infinities).
    F(u64),
    /// A complex number's parts' bits.
    X(u64, u64),
    S(String),
    /// A string that is not UTF-8.
    Sb(Vec<u8>),
    C(u32),
    /// An aggregate by content: a copy.
    V(Vec<W>),
    /// An aggregate that is a shared object (inside another one's content).
    A(ObjId),
    /// A slice of a shared backing array: offset, length, capacity.
    L(ObjId, u32, u32, u32),
    /// Pointers: to a cell, to an element of an aggregate, to an aggregate.
    Pc(ObjId),
    Pe(ObjId, u32),
    Pa(ObjId),
    M(ObjId),
    /// A function value: its function and what it captured.
    Fn(u32, Vec<W>),
    /// An interface: its dynamic type and value.
    If(u32, Box<W>),
}

/// A shared object's content, sent once when it is first shared.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Content {
    Cell(W),
    Array(Vec<W>),
    Map(Vec<(W, W)>),
}

/// What changed in a shared object since it was last sent.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Change {
    Cell(W),
    /// Elements (or fields), by index.
    Elems(Vec<(u32, W)>),
    Map {
        set: Vec<(W, W)>,
        del: Vec<W>,
    },
}

/// One release of an executor (or one write of the hub): new objects, then changes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Writes {
    pub new: Vec<(ObjId, Content)>,
    pub changes: Vec<(ObjId, Change)>,
}

impl Writes {
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.changes.is_empty()
    }
}

/// A heap object, by reference.
#[derive(Clone)]
enum Obj {
    Cell(Cell),
    Array(Agg),
    Map(Rc<RefCell<Map>>),
    /// The package variables (the run's, passed to each call).
    Globals,
}

impl Obj {
    fn addr(&self) -> usize {
        match self {
            Obj::Cell(c) => Rc::as_ptr(c) as *const () as usize,
            Obj::Array(a) => Rc::as_ptr(a) as *const () as usize,
            Obj::Map(m) => Rc::as_ptr(m) as *const () as usize,
            Obj::Globals => 0,
        }
    }

    /// Only the heap holds it: no goroutine here can reach it (the package variables are
    /// always reachable).
    fn unreachable(&self) -> bool {
        match self {
            Obj::Cell(c) => Rc::strong_count(c) == 1,
            Obj::Array(a) => Rc::strong_count(a) == 1,
            Obj::Map(m) => Rc::strong_count(m) == 1,
            Obj::Globals => false,
        }
    }
}

/// The key of an object's address in `by_addr`: allocations are at least 8 bytes apart, and
/// the hash's buckets come from the low bits.
fn addr_key(addr: usize) -> usize {
    addr >> 3
}

/// The content of a shared object as the other workers last saw it.
enum Twin {
    Cell(Value),
    Array(Vec<Value>),
    Map(Map),
}

struct Shared {
    obj: Obj,
    twin: Twin,
    /// In `order`, compared at each release.
    watched: Flag<bool>,
}

impl Shared {
    fn new(obj: Obj, twin: Twin) -> Self {
        Shared {
            obj,
            twin,
            watched: Flag::new(true),
        }
    }
}

/// An executor's shared heap.
pub struct Heap {
    /// This executor's index, in the ids it gives.
    worker: u32,
    next: u64,
    by_addr: HashMap<usize, ObjId>,
    objects: HashMap<ObjId, Shared>,
    /// Objects with a twin that goroutines here may reach, in the order they got it
    /// (compared at each release).
    order: Vec<ObjId>,
    /// Objects left out of `order` that an arriving value named again, for the next release
    /// to compare again.
    reached: RefCell<Vec<ObjId>>,
    /// Objects given an id since the last release, with their objects.
    fresh: Vec<(ObjId, Obj)>,
}

impl Heap {
    /// The heap of executor `worker`, whose package variables are `globals` (their zero
    /// values, the same on every worker).
    pub fn new(worker: u32, globals: &[Value]) -> Self {
        let mut heap = Heap {
            worker,
            next: 0,
            by_addr: HashMap::default(),
            objects: HashMap::default(),
            order: vec![GLOBALS],
            reached: RefCell::new(Vec::new()),
            fresh: Vec::new(),
        };
        heap.objects.insert(
            GLOBALS,
            Shared::new(Obj::Globals, Twin::Array(globals.to_vec())),
        );
        heap
    }

    /// The executor this heap belongs to (ids given here carry it).
    pub fn set_worker(&mut self, worker: u32) {
        self.worker = worker;
    }

    /// The worker this heap belongs to: 0 for the hub.
    pub fn worker(&self) -> u32 {
        self.worker
    }

    /// The id of a heap object reached through `addr` (an `Rc`'s address), if other
    /// executors may have it: it is shared, and its content has gone (an object shared since
    /// the last release is still this executor's alone).
    pub fn shared_id(&self, addr: usize) -> Option<ObjId> {
        self.by_addr
            .get(&addr_key(addr))
            .copied()
            .filter(|id| self.objects.contains_key(id))
    }

    /// The id of `obj`, given now if it has none (its content goes with the next release).
    fn id_of(&mut self, obj: Obj) -> ObjId {
        let addr = obj.addr();
        if let Some(&id) = self.by_addr.get(&addr_key(addr)) {
            return id;
        }
        self.next += 1;
        let id = u64::from(self.worker + 1) << 40 | self.next;
        self.by_addr.insert(addr_key(addr), id);
        self.fresh.push((id, obj));
        id
    }

    /// `v` as it travels in a value (`owned`: inside a shared object's content).
    pub fn encode(&mut self, v: &Value, owned: bool) -> W {
        match v {
            Value::Nil => W::N,
            Value::Bool(b) => W::B(*b),
            Value::Int(i) => W::I(*i),
            Value::Float(f) => W::F(f.to_bits()),
            Value::Complex(re, im) => W::X(re.to_bits(), im.to_bits()),
            Value::Str(s) => match std::str::from_utf8(s) {
                Ok(text) => W::S(text.to_string()),
                Err(_) => W::Sb(s.to_vec()),
            },
            Value::Chan(id) => W::C(*id),
            // The handle the hub keeps for a struct the executors share: they share its
            // object, copies included (docs/INTERPRETER.md, Runtime objects).
            Value::Sync(SyncRef::Own(_, id) | SyncRef::Copied { from: id, .. }) => {
                W::I(i64::from(*id) + 1)
            }
            Value::Slice(s) => W::L(self.id_of(Obj::Array(s.array.clone())), s.off, s.len, s.cap),
            Value::Agg(a) if owned => W::A(self.id_of(Obj::Array(a.clone()))),
            Value::Agg(a) => {
                let items = a.borrow().clone();
                W::V(items.iter().map(|x| self.encode(x, false)).collect())
            }
            Value::Ptr(Ptr::Cell(c)) => W::Pc(self.id_of(Obj::Cell(c.clone()))),
            Value::Ptr(Ptr::Elem(a, i)) => W::Pe(self.id_of(Obj::Array(a.clone())), *i),
            Value::Ptr(Ptr::Agg(a)) => W::Pa(self.id_of(Obj::Array(a.clone()))),
            Value::Map(m) => W::M(self.id_of(Obj::Map(m.clone()))),
            // A closure holds the aggregates it captured by reference: their storage.
            Value::Func(c) => W::Fn(c.func, c.env.iter().map(|x| self.encode(x, true)).collect()),
            Value::Iface(i) => W::If(i.ty, Box::new(self.encode(&i.val, false))),
        }
    }

    /// The value `w` names here. Precondition: its objects arrived (they travel before the
    /// values that name them).
    pub fn decode(&self, w: &W) -> Result<Value, String> {
        Ok(match w {
            W::N => Value::Nil,
            W::B(b) => Value::Bool(*b),
            W::I(i) => Value::Int(*i),
            W::F(bits) => Value::Float(f64::from_bits(*bits)),
            W::X(re, im) => Value::Complex(f64::from_bits(*re), f64::from_bits(*im)),
            W::S(s) => Value::str(s),
            W::Sb(b) => Value::bytes(b),
            W::C(id) => Value::Chan(*id),
            W::V(items) => Value::agg(
                items
                    .iter()
                    .map(|x| self.decode(x))
                    .collect::<Result<_, _>>()?,
            ),
            W::A(id) => Value::Agg(self.array(*id)?),
            W::L(id, off, len, cap) => Value::Slice(Slice {
                array: self.array(*id)?,
                off: *off,
                len: *len,
                cap: *cap,
            }),
            W::Pc(id) => match self.reach(*id)? {
                Obj::Cell(c) => Value::Ptr(Ptr::Cell(c.clone())),
                _ => return Err(format!("object {id} is not a variable")),
            },
            W::Pe(id, i) => Value::Ptr(Ptr::Elem(self.array(*id)?, *i)),
            W::Pa(id) => Value::Ptr(Ptr::Agg(self.array(*id)?)),
            W::M(id) => match self.reach(*id)? {
                Obj::Map(m) => Value::Map(m.clone()),
                _ => return Err(format!("object {id} is not a map")),
            },
            W::Fn(func, env) => Value::Func(Rc::new(Closure {
                func: *func,
                env: env
                    .iter()
                    .map(|x| self.decode(x))
                    .collect::<Result<_, _>>()?,
            })),
            W::If(ty, val) => Value::iface(*ty, self.decode(val)?),
        })
    }

    fn shared(&self, id: ObjId) -> Result<&Shared, String> {
        self.objects
            .get(&id)
            .ok_or_else(|| format!("shared object {id} never arrived"))
    }

    fn obj(&self, id: ObjId) -> Result<&Obj, String> {
        Ok(&self.shared(id)?.obj)
    }

    /// Object `id`, which a value arriving here names: goroutines here may reach it again.
    /// It may be one this heap shared since its last release (the hub's own goroutine's
    /// atomic operation, done in place, gives back a value it encoded).
    fn reach(&self, id: ObjId) -> Result<&Obj, String> {
        if let Some((_, obj)) = self.fresh.iter().find(|(fresh, _)| *fresh == id) {
            return Ok(obj);
        }
        let shared = self.shared(id)?;
        if !shared.watched.replace(true) {
            self.reached.borrow_mut().push(id);
        }
        Ok(&shared.obj)
    }

    fn array(&self, id: ObjId) -> Result<Agg, String> {
        match self.reach(id)? {
            Obj::Array(a) => Ok(a.clone()),
            _ => Err(format!("object {id} is not an aggregate")),
        }
    }

    /// What this executor wrote since the last release: the content of objects it shared
    /// since, and the changes to the others.
    pub fn release(&mut self, globals: &RefCell<Vec<Value>>) -> Writes {
        let mut writes = Writes::default();
        let reached = std::mem::take(self.reached.get_mut());
        self.order.extend(reached);
        let mut kept = 0;
        for i in 0..self.order.len() {
            let id = self.order[i];
            if let Some(change) = self.changes(id, globals) {
                writes.changes.push((id, change));
            }
            // Only the heap holds it now: nothing here writes it until it is reached again.
            match self.objects.get(&id) {
                Some(shared) if shared.obj.unreachable() => shared.watched.set(false),
                Some(_) => {
                    self.order[kept] = id;
                    kept += 1;
                }
                None => {}
            }
        }
        self.order.truncate(kept);
        // Encoding may share more objects: until none is left.
        while let Some((id, obj)) = self.fresh.pop() {
            let (content, twin) = self.content(&obj);
            writes.new.push((id, content));
            self.objects.insert(id, Shared::new(obj, twin));
            self.order.push(id);
        }
        writes
    }

    /// The content of a newly shared object, and its twin.
    fn content(&mut self, obj: &Obj) -> (Content, Twin) {
        match obj {
            Obj::Cell(c) => {
                let v = c.borrow().clone();
                (Content::Cell(self.encode(&v, true)), Twin::Cell(v))
            }
            Obj::Array(a) => {
                let items = a.borrow().clone();
                let content = items.iter().map(|x| self.encode(x, true)).collect();
                (Content::Array(content), Twin::Array(items))
            }
            Obj::Map(m) => {
                let entries: Vec<(Key, Value)> = m.borrow().entries().cloned().collect();
                let mut twin = Map::new();
                let mut content = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    content.push((self.encode(&k.0, false), self.encode(&v, false)));
                    twin.insert(k, v);
                }
                (Content::Map(content), Twin::Map(twin))
            }
            Obj::Globals => (Content::Array(Vec::new()), Twin::Array(Vec::new())),
        }
    }

    /// What changed in object `id` since its twin, with the twin brought up to date.
    fn changes(&mut self, id: ObjId, globals: &RefCell<Vec<Value>>) -> Option<Change> {
        let shared = self.objects.get(&id)?;
        let obj = shared.obj.clone();
        match obj {
            Obj::Cell(c) => {
                let now = c.borrow().clone();
                let Some(Shared {
                    twin: Twin::Cell(twin),
                    ..
                }) = self.objects.get_mut(&id)
                else {
                    return None;
                };
                if same(&now, twin) {
                    return None;
                }
                *twin = now.clone();
                Some(Change::Cell(self.encode(&now, true)))
            }
            Obj::Array(a) => self.elem_changes(id, &a.borrow()),
            Obj::Globals => self.elem_changes(id, &globals.borrow()),
            Obj::Map(m) => {
                let now: Vec<(Key, Value)> = m.borrow().entries().cloned().collect();
                let Some(Shared {
                    twin: Twin::Map(twin),
                    ..
                }) = self.objects.get_mut(&id)
                else {
                    return None;
                };
                let mut set = Vec::new();
                for (k, v) in &now {
                    if !twin.get(k).is_some_and(|t| same(t, v)) {
                        set.push((k.clone(), v.clone()));
                        twin.insert(k.clone(), v.clone());
                    }
                }
                let current = m.borrow();
                let gone: Vec<Key> = twin
                    .entries()
                    .filter(|(k, _)| current.get(k).is_none())
                    .map(|(k, _)| k.clone())
                    .collect();
                drop(current);
                for k in &gone {
                    twin.remove(k);
                }
                if set.is_empty() && gone.is_empty() {
                    return None;
                }
                let set = set
                    .iter()
                    .map(|(k, v)| (self.encode(&k.0, false), self.encode(v, false)))
                    .collect();
                let del = gone.iter().map(|k| self.encode(&k.0, false)).collect();
                Some(Change::Map { set, del })
            }
        }
    }

    /// The elements of array-like object `id` that differ from its twin.
    fn elem_changes(&mut self, id: ObjId, now: &[Value]) -> Option<Change> {
        let Some(Shared {
            twin: Twin::Array(twin),
            ..
        }) = self.objects.get_mut(&id)
        else {
            return None;
        };
        if twin.len() < now.len() {
            twin.resize(now.len(), Value::Nil);
        }
        let mut changed = Vec::new();
        for (i, v) in now.iter().enumerate() {
            if !same(v, &twin[i]) {
                twin[i] = v.clone();
                changed.push(i as u32);
            }
        }
        if changed.is_empty() {
            return None;
        }
        let elems = changed
            .into_iter()
            .map(|i| (i, self.encode(&now[i as usize], true)))
            .collect();
        Some(Change::Elems(elems))
    }

    /// Applies writes made elsewhere. An element this executor changed since it last heard
    /// (a write racing with the one arriving) keeps its own value.
    pub fn acquire(&mut self, w: &Writes, globals: &RefCell<Vec<Value>>) -> Result<(), String> {
        // Every new object exists before any content names it.
        for (id, content) in &w.new {
            let (obj, twin) = match content {
                Content::Cell(_) => (
                    Obj::Cell(Rc::new(RefCell::new(Value::Nil))),
                    Twin::Cell(Value::Nil),
                ),
                Content::Array(items) => (
                    Obj::Array(Rc::new(RefCell::new(vec![Value::Nil; items.len()]))),
                    Twin::Array(vec![Value::Nil; items.len()]),
                ),
                Content::Map(_) => (
                    Obj::Map(Rc::new(RefCell::new(Map::new()))),
                    Twin::Map(Map::new()),
                ),
            };
            self.by_addr.insert(addr_key(obj.addr()), *id);
            self.objects.insert(*id, Shared::new(obj, twin));
            self.order.push(*id);
        }
        for (id, content) in &w.new {
            let change = match content {
                Content::Cell(v) => Change::Cell(v.clone()),
                Content::Array(items) => Change::Elems(
                    items
                        .iter()
                        .cloned()
                        .enumerate()
                        .map(|(i, v)| (i as u32, v))
                        .collect(),
                ),
                Content::Map(entries) => Change::Map {
                    set: entries.clone(),
                    del: Vec::new(),
                },
            };
            self.apply(*id, &change, globals)?;
        }
        for (id, change) in &w.changes {
            self.apply(*id, change, globals)?;
        }
        Ok(())
    }

    /// Element `index` of object `id` (a cell's own value, for a cell) is `v` here and, as far
    /// as this executor knows, everywhere: it and its twin take it (the hub's own atomic
    /// operation, which the hub logs for the others).
    pub fn set_known(
        &mut self,
        id: ObjId,
        index: u32,
        v: Value,
        globals: &RefCell<Vec<Value>>,
    ) -> Result<(), String> {
        let shared = self
            .objects
            .get_mut(&id)
            .ok_or_else(|| format!("shared object {id} never arrived"))?;
        let i = index as usize;
        let set = |items: &mut Vec<Value>, twin: &mut Vec<Value>| {
            for list in [&mut *items, &mut *twin] {
                if list.len() <= i {
                    list.resize(i + 1, Value::Nil);
                }
            }
            items[i] = v.clone();
            twin[i] = v.clone();
        };
        match (&shared.obj, &mut shared.twin) {
            (Obj::Cell(c), Twin::Cell(twin)) => {
                *c.borrow_mut() = v.clone();
                *twin = v.clone();
            }
            (Obj::Array(a), Twin::Array(twin)) => set(&mut a.borrow_mut(), twin),
            (Obj::Globals, Twin::Array(twin)) => set(&mut globals.borrow_mut(), twin),
            _ => return Err(format!("an atomic operation does not fit object {id}")),
        }
        Ok(())
    }

    /// Applies `change` to object `id` and its twin.
    pub fn apply(
        &mut self,
        id: ObjId,
        change: &Change,
        globals: &RefCell<Vec<Value>>,
    ) -> Result<(), String> {
        let obj = self.obj(id)?.clone();
        match (obj, change) {
            (Obj::Cell(c), Change::Cell(w)) => {
                let v = self.decode(w)?;
                let Some(Shared {
                    twin: Twin::Cell(twin),
                    ..
                }) = self.objects.get_mut(&id)
                else {
                    return Err(format!("object {id} has no twin"));
                };
                let mut cell = c.borrow_mut();
                if same(&cell, twin) {
                    *cell = v.clone();
                }
                *twin = v;
            }
            (Obj::Array(a), Change::Elems(elems)) => {
                let elems = self.decode_elems(elems)?;
                self.apply_elems(id, &mut a.borrow_mut(), elems)?;
            }
            (Obj::Globals, Change::Elems(elems)) => {
                let elems = self.decode_elems(elems)?;
                self.apply_elems(id, &mut globals.borrow_mut(), elems)?;
            }
            (Obj::Map(m), Change::Map { set, del }) => {
                let set: Vec<(Key, Value)> = set
                    .iter()
                    .map(|(k, v)| Ok((Key(self.decode(k)?), self.decode(v)?)))
                    .collect::<Result<_, String>>()?;
                let del: Vec<Key> = del
                    .iter()
                    .map(|k| Ok(Key(self.decode(k)?)))
                    .collect::<Result<_, String>>()?;
                let Some(Shared {
                    twin: Twin::Map(twin),
                    ..
                }) = self.objects.get_mut(&id)
                else {
                    return Err(format!("object {id} has no twin"));
                };
                let mut m = m.borrow_mut();
                for (k, v) in set {
                    let untouched = match (m.get(&k), twin.get(&k)) {
                        (Some(a), Some(b)) => same(a, b),
                        (None, None) => true,
                        _ => false,
                    };
                    if untouched {
                        m.insert(k.clone(), v.clone());
                    }
                    twin.insert(k, v);
                }
                for k in del {
                    let untouched = match (m.get(&k), twin.get(&k)) {
                        (Some(a), Some(b)) => same(a, b),
                        (None, None) => true,
                        _ => false,
                    };
                    if untouched {
                        m.remove(&k);
                    }
                    twin.remove(&k);
                }
            }
            _ => return Err(format!("a change does not fit object {id}")),
        }
        Ok(())
    }

    fn decode_elems(&self, elems: &[(u32, W)]) -> Result<Vec<(usize, Value)>, String> {
        elems
            .iter()
            .map(|(i, w)| Ok((*i as usize, self.decode(w)?)))
            .collect()
    }

    fn apply_elems(
        &mut self,
        id: ObjId,
        items: &mut Vec<Value>,
        elems: Vec<(usize, Value)>,
    ) -> Result<(), String> {
        let Some(Shared {
            twin: Twin::Array(twin),
            ..
        }) = self.objects.get_mut(&id)
        else {
            return Err(format!("object {id} has no twin"));
        };
        for (i, v) in elems {
            if i >= items.len() {
                items.resize(i + 1, Value::Nil);
            }
            if i >= twin.len() {
                twin.resize(i + 1, Value::Nil);
            }
            if same(&items[i], &twin[i]) {
                items[i] = v.clone();
            }
            twin[i] = v;
        }
        Ok(())
    }
}

/// Whether `a` is still `b`: the same scalar, or the same object (a replaced aggregate,
/// slice or pointer is a change even if equal in content).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || x == y,
        (Value::Chan(x), Value::Chan(y)) => x == y,
        (Value::Slice(x), Value::Slice(y)) => {
            Rc::ptr_eq(&x.array, &y.array) && (x.off, x.len, x.cap) == (y.off, y.len, y.cap)
        }
        (Value::Agg(x), Value::Agg(y)) => Rc::ptr_eq(x, y),
        (Value::Ptr(x), Value::Ptr(y)) => x.same(y),
        (Value::Map(x), Value::Map(y)) => Rc::ptr_eq(x, y),
        (Value::Func(x), Value::Func(y)) => Rc::ptr_eq(x, y),
        (Value::Iface(x), Value::Iface(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// What a goroutine asks the hub about shared memory: an atomic operation on element
/// `index` of object `obj` (a cell's `index` is 0), or the runtime handle kept there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Question {
    Atomic {
        obj: ObjId,
        index: u32,
        op: AtomicOp,
    },
    /// The handle of the runtime object of `kind` held there, made now if it is 0.
    Handle {
        obj: ObjId,
        index: u32,
        kind: HandleKind,
    },
}

/// An atomic operation on an integer (or, for the last three, any value).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AtomicOp {
    /// Adds `delta` with the wrap-around of an integer of `bits` bits (`signed` or not).
    Add {
        delta: i64,
        bits: u8,
        signed: bool,
    },
    Load,
    Store(W),
    Swap(W),
    CompareAndSwap {
        old: W,
        new: W,
    },
}

/// The runtime objects a library struct holds by handle (see `bind::handles`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HandleKind {
    WaitGroup,
    Mutex,
    Cond,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The new value of `id` in `writes`, if it changed there as a cell.
    fn cell_change(writes: &Writes, id: ObjId) -> Option<W> {
        writes.changes.iter().find_map(|(at, change)| match change {
            Change::Cell(w) if *at == id => Some(w.clone()),
            _ => None,
        })
    }

    #[test]
    fn an_object_nothing_here_reaches_is_left_out_until_a_value_names_it_again() {
        let globals = RefCell::new(Vec::new());
        let mut heap = Heap::new(1, &[]);
        let cell: Cell = Rc::new(RefCell::new(Value::Int(1)));
        let W::Pc(id) = heap.encode(&Value::Ptr(Ptr::Cell(cell.clone())), false) else {
            panic!("a pointer to a variable travels as its object's id");
        };
        assert_eq!(
            heap.release(&globals).new.len(),
            1,
            "its content goes first"
        );
        *cell.borrow_mut() = Value::Int(2);
        assert_eq!(cell_change(&heap.release(&globals), id), Some(W::I(2)));

        // Nothing here holds it any more: releases leave it out, writes from elsewhere land.
        drop(cell);
        assert!(heap.release(&globals).is_empty());
        assert!(!heap.order.contains(&id));
        heap.apply(id, &Change::Cell(W::I(5)), &globals).unwrap();

        // A value that arrives names it: it is compared again, from what it holds now.
        let arrived = heap.decode(&W::Pc(id)).unwrap();
        let Value::Ptr(Ptr::Cell(again)) = &arrived else {
            panic!("the id names the variable");
        };
        assert_eq!(again.borrow().as_int(), 5);
        assert!(
            heap.release(&globals).is_empty(),
            "unchanged since it arrived"
        );
        *again.borrow_mut() = Value::Int(6);
        assert_eq!(cell_change(&heap.release(&globals), id), Some(W::I(6)));
    }
}
