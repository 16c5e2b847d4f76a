//! The data operations of the instruction loop: indexing, slicing, `append`, `copy`, maps,
//! strings and conversions, each with Go's run-time errors.
//!
//! Reads alias: `index` of an array of structs gives the element's own storage, so that
//! `a[i].f = 1` changes it; the compiler copies where Go copies (docs/INTERPRETER.md, Values).

use std::cell::RefCell;
use std::rc::Rc;

use crate::rt;

use super::errors;
use super::map::{Key, Map};
use super::program::{Program, Thrown};
use super::value::{Ptr, Slice, Value};

/// The elements window `(storage, offset, len)` of an indexable value, for reading.
fn window(prog: &Program, x: &Value) -> Result<(super::value::Agg, usize, usize), Thrown> {
    match x {
        Value::Slice(s) => Ok((s.array.clone(), s.off as usize, s.len as usize)),
        Value::Agg(a) | Value::Ptr(Ptr::Agg(a)) => {
            let n = a.borrow().len();
            Ok((a.clone(), 0, n))
        }
        // A nil slice has no elements; a nil pointer to an array cannot be indexed.
        Value::Nil => Ok((Rc::new(RefCell::new(Vec::new())), 0, 0)),
        _ => Err(errors::nil_deref(prog)),
    }
}

fn check_index(prog: &Program, i: i64, len: usize) -> Result<usize, Thrown> {
    if i < 0 || i as u64 >= len as u64 {
        return Err(errors::index_out_of_range(prog, i, len));
    }
    Ok(i as usize)
}

/// `x[i]`.
pub fn index(prog: &Program, x: &Value, i: i64) -> Result<Value, Thrown> {
    if let Value::Str(s) = x {
        let i = check_index(prog, i, s.len())?;
        return Ok(Value::Int(s[i] as i64));
    }
    let (a, off, len) = window(prog, x)?;
    let i = check_index(prog, i, len)?;
    let v = a.borrow()[off + i].clone();
    Ok(v)
}

/// `x[i] = v`.
pub fn set_index(prog: &Program, x: &Value, i: i64, v: Value) -> Result<(), Thrown> {
    let (a, off, len) = window(prog, x)?;
    let i = check_index(prog, i, len)?;
    a.borrow_mut()[off + i] = v;
    Ok(())
}

/// `&x[i]`.
pub fn index_ptr(prog: &Program, x: &Value, i: i64) -> Result<Value, Thrown> {
    let (a, off, len) = window(prog, x)?;
    let i = check_index(prog, i, len)?;
    Ok(elem_ptr(&a, off + i))
}

/// A pointer to element `i` of `a`: the element's storage when it is an aggregate.
pub fn elem_ptr(a: &super::value::Agg, i: usize) -> Value {
    if let Some(Value::Agg(inner)) = a.borrow().get(i) {
        return Value::Ptr(Ptr::Agg(inner.clone()));
    }
    Value::Ptr(Ptr::Elem(a.clone(), i as u32))
}

/// `len(x)` for everything but channels.
pub fn len(x: &Value) -> i64 {
    match x {
        Value::Str(s) => s.len() as i64,
        Value::Slice(s) => s.len as i64,
        Value::Agg(a) | Value::Ptr(Ptr::Agg(a)) => a.borrow().len() as i64,
        Value::Map(m) => m.borrow().len() as i64,
        _ => 0,
    }
}

/// `cap(x)` for everything but channels.
pub fn cap(x: &Value) -> i64 {
    match x {
        Value::Slice(s) => s.cap as i64,
        Value::Agg(a) | Value::Ptr(Ptr::Agg(a)) => a.borrow().len() as i64,
        _ => 0,
    }
}

/// `x[lo:hi:max]` of a string, slice, array or pointer to array; `None` is an absent bound.
pub fn slice(
    prog: &Program,
    x: &Value,
    lo: Option<i64>,
    hi: Option<i64>,
    max: Option<i64>,
) -> Result<Value, Thrown> {
    let bounds = [lo, hi, max].map(|b| b.map(i128::from));
    if let Value::Str(s) = x {
        let n = s.len() as i64;
        check_bounds(prog, x, n, bounds)?;
        let (l, h) = (lo.unwrap_or(0), hi.unwrap_or(n));
        return Ok(Value::bytes(&s[l as usize..h as usize]));
    }
    let (array, off, len, cap) = match x {
        Value::Slice(s) => (s.array.clone(), s.off as i64, s.len as i64, s.cap as i64),
        Value::Agg(a) | Value::Ptr(Ptr::Agg(a)) => {
            let n = a.borrow().len() as i64;
            (a.clone(), 0, n, n)
        }
        Value::Nil => (Rc::new(RefCell::new(Vec::new())), 0, 0, 0),
        _ => return Err(errors::nil_deref(prog)),
    };
    check_bounds(prog, x, cap, bounds)?;
    if matches!(x, Value::Nil) {
        // Slicing a nil slice gives a nil slice.
        return Ok(Value::Nil);
    }
    let (l, h, m) = (lo.unwrap_or(0), hi.unwrap_or(len), max.unwrap_or(cap));
    Ok(Value::Slice(Slice {
        array,
        off: (off + l) as u32,
        len: (h - l) as u32,
        cap: (m - l) as u32,
    }))
}

/// Before `x[lo:hi:max]` whose bounds in `unsigned` (a mask: 1 low, 2 high, 4 max) are of an
/// unsigned 64-bit type: such a bound at 2^63 or past it (negative as an `i64`) panics with
/// Go's text, the bound printed as the unsigned number it is.
pub fn slice_unsigned_check(
    prog: &Program,
    x: &Value,
    bounds: [Option<i64>; 3],
    unsigned: u8,
) -> Result<(), Thrown> {
    let mut wide = [None; 3];
    let mut past = false;
    for (k, (b, w)) in bounds.iter().zip(&mut wide).enumerate() {
        *w = b.map(|b| match unsigned & (1 << k) != 0 {
            true => {
                past |= b < 0;
                i128::from(b as u64)
            }
            false => i128::from(b),
        });
    }
    if !past {
        return Ok(());
    }
    let n = match x {
        Value::Str(s) => s.len() as i64,
        _ => cap(x),
    };
    check_bounds(prog, x, n, wide)
}

/// Go's slice-bounds panic for bounds `[lo, hi, max]` out of range in slicing `x`, whose
/// capacity (a string's or an array's length) is `cap`. Go checks from the right: max, then
/// high, then low; a negative bound's text names no other.
fn check_bounds(
    prog: &Program,
    x: &Value,
    cap: i64,
    [lo, hi, max]: [Option<i128>; 3],
) -> Result<(), Thrown> {
    let len = match x {
        Value::Slice(s) => s.len as i64,
        _ => cap,
    };
    let (l, h, m) = (
        lo.unwrap_or(0),
        hi.unwrap_or(len.into()),
        max.unwrap_or(cap.into()),
    );
    let what = match x {
        Value::Slice(_) | Value::Nil => "capacity",
        _ => "length",
    };
    let three = max.is_some();
    // A three-index expression's texts end with one more colon.
    let colon = if three { ":" } else { "" };
    let text = if three && m < 0 {
        format!("[::{m}]")
    } else if three && m > cap.into() {
        format!("[::{m}] with {what} {cap}")
    } else if h < 0 {
        format!("[:{h}{colon}]")
    } else if h > m {
        match three {
            true => format!("[:{h}:{m}]"),
            false => format!("[:{h}] with {what} {cap}"),
        }
    } else if l < 0 {
        format!("[{l}:{colon}]")
    } else if l > h {
        format!("[{l}:{h}{colon}]")
    } else {
        return Ok(());
    };
    Err(errors::slice_bounds(prog, text))
}

/// Go's size classes for small allocations (runtime/sizeclasses.go): a growing slice's
/// capacity is rounded up to fill its class, which is why `cap` after `append` prints what it
/// prints.
const SIZE_CLASSES: [u32; 67] = [
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// Bytes Go's allocator hands out for a request of `size` bytes.
fn round_up_size(size: u64) -> u64 {
    if size <= 32768 {
        if let Some(&class) = SIZE_CLASSES.iter().find(|&&c| c as u64 >= size) {
            return class as u64;
        }
    }
    const PAGE: u64 = 8192;
    size.div_ceil(PAGE) * PAGE
}

/// The capacity Go gives a slice of capacity `old` growing to hold `needed` elements of
/// `esize` bytes (runtime.growslice).
pub fn grown_cap(old: u64, needed: u64, esize: u64) -> u64 {
    if esize == 0 {
        // Elements of no size take no memory: exactly as many as needed.
        return needed;
    }
    let double = old * 2;
    let mut new = old;
    if needed > double {
        new = needed;
    } else if old < 256 {
        new = double;
    } else {
        while new < needed {
            new += (new + 3 * 256) / 4;
        }
    }
    round_up_size(new * esize) / esize
}

/// Elements an append may create at most (a runaway program stops with Go's message rather
/// than exhausting the worker's memory); the checker allows array types as large.
pub use chanlab_front::MAX_LEN;

/// The smallest allocation [`reserve`] asks the runtime about: smaller ones are left to the
/// runtime's regular look at the heap between steps.
const RESERVE_MIN_BYTES: u64 = 1 << 16;

/// Asks for room for `n` elements before a slice is made or grown. When they would take the
/// worker's heap past the run's memory limit, the run has ended with that limit ("the program
/// ran out of memory", [`crate::rt::memory_fits`]): nothing is allocated, and the goroutine
/// unwinds with a runtime error that cannot change how the run ended.
pub fn reserve(prog: &Program, n: u64) -> Result<(), Thrown> {
    let bytes = n.saturating_mul(std::mem::size_of::<Value>() as u64);
    if bytes < RESERVE_MIN_BYTES || crate::rt::memory_fits(bytes) {
        return Ok(());
    }
    Err(errors::runtime_error(
        prog,
        errors::ErrKind::String,
        "runtime error: out of memory",
    ))
}

/// `make([]T, n, c)` for `T`'s zero value `zero`: Go's panics for a length or capacity out
/// of range, the memory reserved, then the slice over a new backing array.
pub fn make_slice(prog: &Program, zero: &Value, n: i64, c: i64) -> Result<Value, Thrown> {
    let out_of_range = |what: &str| {
        errors::runtime_error(
            prog,
            errors::ErrKind::String,
            format!("runtime error: makeslice: {what} out of range"),
        )
    };
    if n < 0 || n as u64 > MAX_LEN {
        return Err(out_of_range("len"));
    }
    if c < n || c as u64 > MAX_LEN {
        return Err(out_of_range("cap"));
    }
    reserve(prog, (c as u64).saturating_mul(weight(zero)))?;
    let items: Vec<Value> = (0..c).map(|_| zero.copy()).collect();
    Ok(Value::Slice(Slice {
        array: Rc::new(RefCell::new(items)),
        off: 0,
        len: n as u32,
        cap: c as u32,
    }))
}

/// A pointer to a new variable holding `v` (`new(T)`): an aggregate is pointed to where it
/// lives, any other value in a cell of its own.
pub fn new_pointer(v: Value) -> Value {
    Value::Ptr(match v {
        Value::Agg(a) => Ptr::Agg(a),
        v => Ptr::Cell(Rc::new(RefCell::new(v))),
    })
}

/// The values in `v`: 1, or an aggregate's, nested ones counted (from its first element:
/// an array's elements are alike, and a struct's few). An empty aggregate (`struct{}`,
/// `[0]int`) weighs 1: it takes a slot where it is stored, though Go gives it no size.
pub fn weight(v: &Value) -> u64 {
    match v {
        Value::Agg(a) => {
            let a = a.borrow();
            (a.len() as u64)
                .saturating_mul(a.first().map_or(1, weight).max(1))
                .max(1)
        }
        _ => 1,
    }
}

/// [`reserve`] before `v` is copied (an array of millions of elements is copied whole).
pub fn reserve_copy(prog: &Program, v: &Value) -> Result<(), Thrown> {
    match v {
        Value::Agg(_) => reserve(prog, weight(v)),
        _ => Ok(()),
    }
}

/// A float converted to integer kind `kind` as Go's amd64 build (the Playground's) converts
/// it: truncated toward zero, then wrapped to the kind. A value the kind cannot hold, which
/// the spec leaves to the implementation, gives what the processor's conversion gives: x86's
/// 32- or 64-bit conversion (by the kind, as gc picks it) yields its "integer indefinite",
/// the lowest integer, for a value out of its range or NaN; uint64's conversion subtracts
/// 2^63 from a large value and sets the top bit back.
pub fn float_to_int(f: f64, kind: super::types::IntKind) -> i64 {
    use super::types::IntKind::*;
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    let cvt32 = |f: f64| {
        if f > -2_147_483_649.0 && f < 2_147_483_648.0 {
            i64::from(f as i32)
        } else {
            i64::from(i32::MIN)
        }
    };
    let cvt64 = |f: f64| {
        if (-TWO_63..TWO_63).contains(&f) {
            f as i64
        } else {
            i64::MIN
        }
    };
    let v = match kind {
        Int8 | Int16 | Int32 | Uint8 | Uint16 => cvt32(f),
        Int | Int64 | Uint32 => cvt64(f),
        Uint | Uint64 | Uintptr if f < TWO_63 => cvt64(f),
        Uint | Uint64 | Uintptr => cvt64(f - TWO_63) | i64::MIN,
    };
    kind.wrap(v)
}

/// `append(s, items...)`.
pub fn append(prog: &Program, s: &Value, items: &[Value], esize: u16) -> Result<Value, Thrown> {
    if items.is_empty() {
        return Ok(s.clone());
    }
    // An aggregate's values: each item, and each element of a grown array, is a copy.
    let each = match &items[0] {
        Value::Agg(_) => weight(&items[0]),
        _ => 1,
    };
    if each > 1 {
        reserve(prog, each.saturating_mul(items.len() as u64))?;
    }
    let (array, off, len, cap) = match s {
        Value::Slice(s) => (Some(s.array.clone()), s.off, s.len, s.cap),
        _ => (None, 0, 0, 0),
    };
    let needed = len as u64 + items.len() as u64;
    if needed <= cap as u64 {
        if let Some(array) = array {
            {
                let mut a = array.borrow_mut();
                for (k, v) in items.iter().enumerate() {
                    a[(off + len) as usize + k] = v.copy();
                }
            }
            return Ok(Value::Slice(Slice {
                array,
                off,
                len: needed as u32,
                cap,
            }));
        }
    }
    let new_cap = grown_cap(cap as u64, needed, esize as u64);
    if new_cap > MAX_LEN {
        return Err(errors::runtime_error(
            prog,
            errors::ErrKind::String,
            "runtime error: growslice: len out of range",
        ));
    }
    reserve(prog, new_cap.saturating_mul(each))?;
    let mut fresh = Vec::with_capacity(new_cap as usize);
    // The new array is the old one's copy: an aggregate element is not shared with it.
    if let Some(array) = &array {
        let a = array.borrow();
        fresh.extend(
            a[off as usize..(off + len) as usize]
                .iter()
                .map(Value::copy),
        );
    }
    fresh.extend(items.iter().map(Value::copy));
    // The rest of the capacity holds zero values of the element type (the program reaches
    // them by reslicing), each its own.
    let zero = items[0].zero_like();
    let spare = new_cap as usize - fresh.len();
    fresh.extend(std::iter::repeat_with(|| zero.copy()).take(spare));
    Ok(Value::Slice(Slice {
        array: Rc::new(RefCell::new(fresh)),
        off: 0,
        len: needed as u32,
        cap: new_cap as u32,
    }))
}

/// `copy(dst, src)`: the number of elements copied.
pub fn copy(dst: &Value, src: &Value) -> i64 {
    let Value::Slice(d) = dst else {
        return 0;
    };
    let items: Vec<Value> = match src {
        Value::Str(s) => s.iter().map(|b| Value::Int(*b as i64)).collect(),
        _ => src.elems(),
    };
    let n = (d.len as usize).min(items.len());
    let mut a = d.array.borrow_mut();
    for (k, v) in items.into_iter().take(n).enumerate() {
        a[d.off as usize + k] = v.copy();
    }
    n as i64
}

/// The key for map operations, refusing values that cannot be hashed.
pub fn key(prog: &Program, k: &Value) -> Result<Key, Thrown> {
    if let Some(ty) = unhashable_in(prog, k) {
        return Err(errors::unhashable(prog, ty));
    }
    Ok(Key(k.copy()))
}

/// The first dynamic type that cannot be hashed in `v`, in the order Go hashes it: an
/// interface's, or one inside a struct's or an array's elements (a struct field of type
/// `any` holding a slice). A loop, not a recursion: data nested through interfaces is as
/// deep as the program makes it, far deeper than the host's stack.
fn unhashable_in(prog: &Program, v: &Value) -> Option<u32> {
    let nests = |v: &Value| matches!(v, Value::Iface(_) | Value::Agg(_));
    if !nests(v) {
        return None;
    }
    // Depth first, the elements left to right: the order Go hashes them.
    let mut pending = vec![v.clone()];
    while let Some(v) = pending.pop() {
        match v {
            Value::Iface(i) if !prog.types.comparable(i.ty) => return Some(i.ty),
            Value::Iface(i) => pending.extend(Some(&i.val).filter(|v| nests(v)).cloned()),
            Value::Agg(a) => pending.extend(a.borrow().iter().rev().filter(|v| nests(v)).cloned()),
            _ => {}
        }
    }
    None
}

/// Go's `==`: panics when two interface values hold equal dynamic types that are not
/// comparable (a struct with a slice field as well as a slice).
pub fn go_eq(prog: &Program, a: &Value, b: &Value) -> Result<bool, Thrown> {
    a.go_eq_with(b, &|t| prog.types.comparable(t))
        .map_err(|u| errors::uncomparable(prog, u.0))
}

/// `m[k]` (`None` when absent).
pub fn map_get(prog: &Program, m: &Value, k: &Value) -> Result<Option<Value>, Thrown> {
    let Value::Map(m) = m else {
        key(prog, k)?;
        return Ok(None);
    };
    let k = key(prog, k)?;
    let v = m.borrow().get(&k).cloned();
    Ok(v)
}

/// What a `range` over map `m` visits: its keys in the run's random order; the values of
/// the keys not equal to themselves, at their places (`None` when there are none: no lookup
/// finds those, `map_range_kept` gives them); and how many times the map was cleared.
pub fn map_range_snapshot(m: &Value) -> (Vec<Value>, Option<Vec<Value>>, u64) {
    let Value::Map(m) = m else {
        return (Vec::new(), None, 0);
    };
    let m = m.borrow();
    let entries = m.range_entries(&mut rt::rand_below);
    let keys = entries.iter().map(|(k, _)| k.0.copy()).collect();
    let kept = m.has_irreflexive_keys().then(|| {
        entries
            .iter()
            .map(|(k, v)| {
                if k.equals_itself() {
                    Value::Nil
                } else {
                    v.clone()
                }
            })
            .collect()
    });
    (keys, kept, m.clears())
}

/// The value a `range` gives key `k`, the `i`th of its snapshot (`map_range_snapshot`),
/// when no lookup finds it: a key not equal to itself has the value it had, unless the map
/// was cleared since; any other key was deleted.
pub fn map_range_kept(m: &Value, k: &Value, kept: &Value, clears: &Value, i: i64) -> Option<Value> {
    let (Value::Map(m), Value::Slice(kept)) = (m, kept) else {
        return None;
    };
    let key = Key(k.copy());
    if key.equals_itself() || m.borrow().clears() != clears.as_int() as u64 {
        return None;
    }
    kept.array
        .borrow()
        .get(kept.off as usize + i as usize)
        .cloned()
}

/// `m[k] = v`.
pub fn map_set(prog: &Program, m: &Value, k: &Value, v: Value) -> Result<(), Thrown> {
    let Value::Map(m) = m else {
        return Err(errors::nil_map_write(prog));
    };
    let k = key(prog, k)?;
    m.borrow_mut().insert(k, v);
    Ok(())
}

/// `delete(m, k)`.
pub fn map_delete(prog: &Program, m: &Value, k: &Value) -> Result<(), Thrown> {
    let Value::Map(m) = m else {
        return Ok(());
    };
    let k = key(prog, k)?;
    m.borrow_mut().remove(&k);
    Ok(())
}

/// A new empty map.
pub fn make_map() -> Value {
    Value::Map(Rc::new(RefCell::new(Map::new())))
}

/// `a + b` for strings.
pub fn concat(a: &Value, b: &Value) -> Value {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.is_empty() {
        return Value::bytes(b);
    }
    let mut v = Vec::with_capacity(a.len() + b.len());
    v.extend_from_slice(a);
    v.extend_from_slice(b);
    Value::Str(Rc::from(v))
}

/// Decodes the UTF-8 rune at the start of `s`: (rune, width); an invalid byte is U+FFFD of
/// width 1, as Go's `range` and `[]rune` decode.
pub fn decode_rune(s: &[u8]) -> (i64, usize) {
    let Some(&b0) = s.first() else {
        return (0xFFFD, 0);
    };
    if b0 < 0x80 {
        return (b0 as i64, 1);
    }
    let width = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (0xFFFD, 1),
    };
    let end = width.min(s.len());
    match std::str::from_utf8(&s[..end]) {
        Ok(text) => match text.chars().next() {
            Some(c) => (c as i64, width),
            None => (0xFFFD, 1),
        },
        Err(_) => (0xFFFD, 1),
    }
}

/// `string(r)` for a rune (an invalid one gives U+FFFD).
pub fn rune_to_string(r: i64) -> Value {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    Value::str(c.encode_utf8(&mut buf))
}

/// `string(bytes)`.
pub fn bytes_to_string(x: &Value) -> Value {
    let bytes: Vec<u8> = x.elems().iter().map(|b| b.as_int() as u8).collect();
    Value::Str(Rc::from(bytes))
}

/// `[]byte(s)`.
pub fn string_to_bytes(x: &Value) -> Value {
    Value::slice(x.as_bytes().iter().map(|&b| Value::Int(b as i64)).collect())
}

/// `(*[n]T)(s)`: the slice's first `n` elements, which a pointer to an array indexes as it
/// indexes the array itself; nil for a nil slice. `to_array`: for `[n]T(s)` (Go 1.20), whose
/// panic names both conversions as Go 1.20's does (Go 1.19's names the pointer only).
pub fn slice_to_array_ptr(
    prog: &Program,
    s: &Value,
    n: u32,
    to_array: bool,
) -> Result<Value, Thrown> {
    let len = match s {
        Value::Slice(sl) => sl.len,
        _ => 0,
    };
    if len < n {
        let to = if to_array {
            "array or pointer to array"
        } else {
            "pointer to array"
        };
        return Err(errors::runtime_error(
            prog,
            errors::ErrKind::Bounds,
            format!(
                "runtime error: cannot convert slice with length {len} to {to} with length {n}"
            ),
        ));
    }
    let Value::Slice(sl) = s else {
        return Ok(Value::Nil);
    };
    Ok(Value::Slice(Slice {
        array: sl.array.clone(),
        off: sl.off,
        len: n,
        cap: n,
    }))
}

/// `string(runes)`.
pub fn runes_to_string(x: &Value) -> Value {
    let mut out = Vec::new();
    for r in x.elems() {
        out.extend_from_slice(rune_to_string(r.as_int()).as_bytes());
    }
    Value::Str(Rc::from(out))
}

/// `[]rune(s)`.
pub fn string_to_runes(x: &Value) -> Value {
    let mut s = x.as_bytes();
    let mut runes = Vec::new();
    while !s.is_empty() {
        let (r, w) = decode_rune(s);
        runes.push(Value::Int(r));
        s = &s[w..];
    }
    Value::slice(runes)
}

impl Value {
    /// A value of the same shape with nothing in it (what fills a slice's spare capacity).
    fn zero_like(&self) -> Value {
        match self {
            Value::Int(_) => Value::Int(0),
            Value::Float(_) => Value::Float(0.0),
            Value::Complex(..) => Value::Complex(0.0, 0.0),
            Value::Bool(_) => Value::Bool(false),
            Value::Str(_) => Value::str(""),
            Value::Agg(a) => Value::agg(a.borrow().iter().map(Value::zero_like).collect()),
            _ => Value::Nil,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn append_grows_capacity_as_go_does() {
        // cap after appending one int at a time to a nil []int, as Go 1.19 prints it.
        let mut caps = Vec::new();
        let mut cap = 0u64;
        for n in 1..=20u64 {
            if n > cap {
                cap = grown_cap(cap, n, 8);
            }
            caps.push(cap);
        }
        assert_eq!(
            caps,
            [1, 2, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 32, 32, 32, 32]
        );
        assert_eq!(grown_cap(0, 1, 1), 8, "a []byte gets a whole size class");
        assert_eq!(grown_cap(0, 5, 8), 6, "48 bytes is a size class");
        assert_eq!(grown_cap(512, 513, 8), 848);
    }

    #[test]
    fn decoding_follows_go() {
        assert_eq!(decode_rune("é".as_bytes()), (0xE9, 2));
        assert_eq!(decode_rune(&[0xff, b'a']), (0xFFFD, 1));
        assert_eq!(decode_rune(&[0xe2, 0x82]), (0xFFFD, 1));
        assert_eq!(decode_rune(b""), (0xFFFD, 0));
    }

    #[test]
    fn slicing_checks_bounds_with_gos_messages() {
        let prog = Program::default();
        let s = Value::slice(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        let t = slice(&prog, &s, Some(1), None, None).unwrap_or_default();
        assert_eq!(len(&t), 2);
        assert_eq!(cap(&t), 2);
        let Err(Value::Iface(e)) = slice(&prog, &s, None, Some(5), None) else {
            panic!("slicing past the capacity must fail")
        };
        assert_eq!(
            e.val.to_text(),
            "runtime error: slice bounds out of range [:5] with capacity 3"
        );
        let str = Value::str("hello");
        assert_eq!(
            slice(&prog, &str, Some(1), Some(3), None)
                .unwrap_or_default()
                .to_text(),
            "el"
        );
    }
}
