//! A fast, non-cryptographic hasher for the front end's tables (names, types, scopes):
//! the "Fx" hash rustc uses. Keys are small integers and short identifiers, which SipHash
//! (the standard library's default) hashes several times slower; nothing here is exposed to
//! untrusted collision attacks that matter (a program only slows its own compilation).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, i: u64) {
        self.hash = (self.hash.rotate_left(5) ^ i).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Byte by byte: a copy of a slice of unknown length is a call to memcpy.
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.add(word);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// The Fx hash of a value.
pub fn hash_of<T: std::hash::Hash + ?Sized>(v: &T) -> u64 {
    let mut h = FxHasher::default();
    v.hash(&mut h);
    h.finish()
}

/// An open-addressing set of indices into a vector the caller owns, found by hash and an
/// equality test against the caller's element: an interning table that stores each key
/// once (in the caller's vector), not twice.
#[derive(Clone, Debug, Default)]
pub struct IndexTable {
    /// `u32::MAX` marks an empty slot; the length is zero or a power of two.
    slots: Vec<u32>,
    len: usize,
    /// `64 - log2(slots.len())`: the slot of a hash is its top bits (Fibonacci hashing;
    /// the Fx hash's low bits are weak).
    shift: u32,
}

#[inline]
fn slot(hash: u64, shift: u32) -> usize {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl IndexTable {
    /// The index whose element `eq` accepts, or `None`.
    pub fn find(&self, hash: u64, mut eq: impl FnMut(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot(hash, self.shift);
        loop {
            let s = self.slots[i];
            if s == u32::MAX {
                return None;
            }
            if eq(s) {
                return Some(s);
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `index` (not present yet); `hash_at` gives the hash of any stored index, for
    /// growing.
    pub fn insert(&mut self, hash: u64, index: u32, hash_at: impl Fn(u32) -> u64) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let cap = (self.slots.len() * 2).max(64);
            self.shift = 64 - cap.trailing_zeros();
            let old = std::mem::replace(&mut self.slots, vec![u32::MAX; cap]);
            for s in old.into_iter().filter(|&s| s != u32::MAX) {
                self.place(hash_at(s), s);
            }
        }
        self.place(hash, index);
        self.len += 1;
    }

    fn place(&mut self, hash: u64, index: u32) {
        let mask = self.slots.len() - 1;
        let mut i = slot(hash, self.shift);
        while self.slots[i] != u32::MAX {
            i = (i + 1) & mask;
        }
        self.slots[i] = index;
    }
}
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
pub type FxHashSet<K> = HashSet<K, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_the_fx_hasher() {
        let mut m: FxHashMap<&str, u32> = FxHashMap::default();
        m.insert("fmt", 1);
        m.insert("Println", 2);
        assert_eq!(m.get("fmt"), Some(&1));
        assert_eq!(m.get("Println"), Some(&2));
        let mut a = FxHasher::default();
        a.write(b"abcdefghij");
        let mut b = FxHasher::default();
        b.write(b"abcdefghik");
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn the_index_table_finds_what_was_inserted() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let mut t = IndexTable::default();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(
                t.find(hash_of(w.as_str()), |j| words[j as usize] == *w),
                None
            );
            t.insert(hash_of(w.as_str()), i as u32, |j| {
                hash_of(words[j as usize].as_str())
            });
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(
                t.find(hash_of(w.as_str()), |j| words[j as usize] == *w),
                Some(i as u32)
            );
        }
    }
}
