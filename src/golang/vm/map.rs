//! Go maps: entries in insertion order with a hash index on Go's key equality.
//!
//! Iteration takes a snapshot of the keys, so a `range` sees Go's guarantees whatever the loop
//! does to the map: a key deleted before it is reached is skipped (its lookup fails), a key
//! added may or may not be produced. The order is randomised from the run's seeded RNG as Go
//! randomises it: a map of up to 8 entries (one bucket in Go) is walked in insertion order
//! from a random offset, wrapping; a bigger one in a random permutation.
//!
//! A key that is not equal to itself (a NaN, or a struct or interface holding one) can never
//! be found again: every `m[NaN] = v` adds an entry, which no lookup or `delete` reaches, only
//! `range` and `clear`. As no assignment reaches it either, its value never changes, so a
//! `range` takes those values with its snapshot of the keys (`range_entries`).
//!
//! # Invariants
//! - `index[k] == i` exactly when `entries[i].0` equals `k`, for every key equal to itself.
//! - `irreflexive` counts the entries whose key is not equal to itself.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use super::value::{Ptr, Value};

/// A map key: a value of a comparable type, hashed and compared as Go does.
#[derive(Clone, Debug)]
pub struct Key(pub Value);

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.0.go_eq(&other.0).unwrap_or(false)
    }
}

impl Eq for Key {}

impl Key {
    /// False for a key no lookup finds: a NaN, or a struct, array or interface holding one.
    pub fn equals_itself(&self) -> bool {
        self.0.go_eq(&self.0).unwrap_or(false)
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        hash_value(&self.0, h);
    }
}

fn hash_value<H: Hasher>(v: &Value, h: &mut H) {
    hash_within(v, h, 0);
}

/// Nesting levels a key is hashed recursively before the rest goes to a work list (keys
/// nested through interfaces can be as deep as the program makes them).
const HASH_RECURSION: u32 = 64;

fn hash_within<H: Hasher>(v: &Value, h: &mut H, depth: u32) {
    if depth >= HASH_RECURSION {
        let mut pending = vec![v.clone()];
        while let Some(v) = pending.pop() {
            let mut inner = Vec::new();
            hash_level(&v, h, &mut |x, _| inner.push(x.clone()));
            pending.extend(inner.into_iter().rev());
        }
        return;
    }
    hash_level(v, h, &mut |x, h| hash_within(x, h, depth + 1));
}

/// Hashes `v` itself, and gives `nested` its fields, elements or boxed value in order.
fn hash_level<H: Hasher>(v: &Value, h: &mut H, nested: &mut dyn FnMut(&Value, &mut H)) {
    match v {
        Value::Nil => h.write_u8(0),
        Value::Bool(b) => h.write_u8(*b as u8 + 1),
        Value::Int(i) => h.write_i64(*i),
        // +0 and -0 are equal keys; NaN never equals itself, so any hash will do.
        Value::Float(f) => h.write_u64(if *f == 0.0 { 0 } else { f.to_bits() }),
        Value::Complex(re, im) => {
            for f in [re, im] {
                h.write_u64(if *f == 0.0 { 0 } else { f.to_bits() });
            }
        }
        Value::Str(s) => h.write(s),
        Value::Chan(id) => h.write_u32(*id),
        Value::Sync(r) => r.hash(h),
        Value::Ptr(p) => h.write_usize(match p {
            Ptr::Cell(c) => Rc::as_ptr(c) as usize,
            Ptr::Elem(a, i) => Rc::as_ptr(a) as usize ^ (*i as usize) << 3,
            Ptr::Agg(a) => Rc::as_ptr(a) as usize,
        }),
        Value::Agg(a) => {
            for item in a.borrow().iter() {
                nested(item, h);
            }
        }
        Value::Iface(i) => {
            h.write_u32(i.ty);
            nested(&i.val, h);
        }
        // Not comparable: the VM refuses them as keys before hashing.
        Value::Slice(_) | Value::Map(_) | Value::Func(_) => h.write_u8(0xff),
    }
}

/// FxHash: a fast, non-cryptographic hash (keys come from the program, not an attacker who
/// could make them collide on purpose to slow down their own run).
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        self.write_usize(bytes.len());
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(FX_SEED);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<Fx>;

/// A Go map's entries.
///
/// Deleted entries leave a hole (`None`) until holes outnumber entries, when the entries are
/// compacted and the index rebuilt, so a delete costs O(1) amortised.
#[derive(Default)]
pub struct Map {
    entries: Vec<Option<(Key, Value)>>,
    index: HashMap<Key, usize, FxBuild>,
    irreflexive: usize,
    clears: u64,
}

impl Map {
    pub fn new() -> Self {
        Map::default()
    }

    /// Everything the map holds, its keys and values (to free them from a work list:
    /// `teardown.rs`).
    pub fn into_contents(self) -> impl Iterator<Item = Value> {
        // The index holds copies of the keys: gone first, the entries hold the last ones.
        let Map { entries, index, .. } = self;
        drop(index);
        entries.into_iter().flatten().flat_map(|(k, v)| [k.0, v])
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    pub fn get(&self, k: &Key) -> Option<&Value> {
        let i = *self.index.get(k)?;
        self.entries[i].as_ref().map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, k: &Key) -> Option<&mut Value> {
        let i = *self.index.get(k)?;
        self.entries[i].as_mut().map(|(_, v)| v)
    }

    /// `m[k] = v`.
    pub fn insert(&mut self, k: Key, v: Value) {
        match self.index.get(&k) {
            Some(&i) => self.entries[i] = Some((k, v)),
            None => {
                if !k.equals_itself() {
                    self.irreflexive += 1;
                }
                self.index.insert(k.clone(), self.entries.len());
                self.entries.push(Some((k, v)));
            }
        }
    }

    /// `delete(m, k)`.
    pub fn remove(&mut self, k: &Key) {
        let Some(i) = self.index.remove(k) else {
            return;
        };
        self.entries[i] = None;
        if self.entries.len() > 2 * self.index.len() + 8 {
            self.entries.retain(Option::is_some);
            for (i, (k, _)) in self.entries.iter().flatten().enumerate() {
                if let Some(slot) = self.index.get_mut(k) {
                    *slot = i;
                }
            }
        }
    }

    /// `clear(m)`.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.irreflexive = 0;
        self.clears += 1;
    }

    /// How many times the map was cleared: a `range` that began before the last `clear`
    /// produces none of the entries it snapshotted that no lookup can find.
    pub fn clears(&self) -> u64 {
        self.clears
    }

    /// Whether some key is not equal to itself.
    pub fn has_irreflexive_keys(&self) -> bool {
        self.irreflexive > 0
    }

    /// The entries in the order a `range` visits them; `below(n)` draws a random number in
    /// `0..n` from the run's RNG.
    pub fn range_entries(&self, below: &mut dyn FnMut(u64) -> u64) -> Vec<&(Key, Value)> {
        let mut entries: Vec<&(Key, Value)> = self.entries().collect();
        let n = entries.len();
        if n == 0 {
            return entries;
        }
        if n <= 8 {
            entries.rotate_left(below(n as u64) as usize);
        } else {
            for i in (1..n).rev() {
                entries.swap(i, below(i as u64 + 1) as usize);
            }
        }
        entries
    }

    /// Every entry, in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = &(Key, Value)> {
        self.entries.iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(i: i64) -> Key {
        Key(Value::Int(i))
    }

    #[test]
    fn insert_get_delete() {
        let mut m = Map::new();
        for i in 0..20 {
            m.insert(k(i), Value::Int(i * 10));
        }
        m.remove(&k(3));
        m.remove(&k(42));
        assert_eq!(m.len(), 19);
        for i in 4..15 {
            m.remove(&k(i));
        }
        assert_eq!(m.get(&k(17)).map(Value::as_int), Some(170));
        assert_eq!(m.entries().count(), 8);
        for i in 4..15 {
            m.insert(k(i), Value::Int(i * 10));
        }
        assert!(m.get(&k(3)).is_none());
        assert_eq!(m.get(&k(19)).map(Value::as_int), Some(190));
        m.insert(k(19), Value::Int(1));
        assert_eq!(m.get(&k(19)).map(Value::as_int), Some(1));
        assert_eq!(m.len(), 19);
    }

    #[test]
    fn equal_keys_of_different_shapes_are_one_key() {
        let mut m = Map::new();
        m.insert(Key(Value::Float(0.0)), Value::Int(1));
        m.insert(Key(Value::Float(-0.0)), Value::Int(2));
        assert_eq!(m.len(), 1);
        let a = Value::agg(vec![Value::Int(1), Value::str("x")]);
        let b = Value::agg(vec![Value::Int(1), Value::str("x")]);
        m.insert(Key(a), Value::Int(3));
        assert_eq!(m.get(&Key(b)).map(Value::as_int), Some(3));
    }

    #[test]
    fn small_maps_rotate_and_big_maps_shuffle() {
        let mut m = Map::new();
        for i in 0..3 {
            m.insert(k(i), Value::Nil);
        }
        let mut pick = |_n: u64| 1;
        let order: Vec<i64> = m
            .range_entries(&mut pick)
            .iter()
            .map(|(k, _)| k.0.as_int())
            .collect();
        assert_eq!(order, [1, 2, 0]);
        for i in 3..100 {
            m.insert(k(i), Value::Nil);
        }
        let mut state = 7u64;
        let mut rng = |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            (state >> 33) % n
        };
        let mut order: Vec<i64> = m
            .range_entries(&mut rng)
            .iter()
            .map(|(k, _)| k.0.as_int())
            .collect();
        assert_ne!(order, (0..100).collect::<Vec<_>>());
        order.sort();
        assert_eq!(order, (0..100).collect::<Vec<_>>());
    }
}
