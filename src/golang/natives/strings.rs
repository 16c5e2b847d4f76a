//! Go's `strings` over byte strings.
//!
//! Strings are bytes and need not be UTF-8. Functions that work on runes decode as `for
//! range` does: each invalid byte is one U+FFFD. Where Go builds a new string rune by rune
//! (`ToUpper`, `ToLower`, `Map`), an invalid byte comes out as the three bytes of U+FFFD;
//! where it only slices (`Fields`, `Trim`, `Split`), the bytes stay as they were.
//!
//! Results that Go returns as substrings are slices of the input. A `Split` result is never
//! nil in Go except for `SplitN(s, sep, 0)`, which is the empty vector here.

use crate::golang::natives::unicode::{
    equal_fold as rune_equal_fold, is_digit, is_letter, is_space, to_lower as lower_rune,
    to_title as title_rune, to_upper as upper_rune,
};
use crate::golang::natives::utf8::{
    decode_last_rune, decode_rune, encode_rune, rune_count, valid_rune, Runes, RUNE_ERROR,
};

/// `strings.Index`: the first index of `sub` in `s`, or -1 (0 for an empty `sub`).
pub fn index(s: &[u8], sub: &[u8]) -> i64 {
    if sub.is_empty() {
        return 0;
    }
    if sub.len() > s.len() {
        return -1;
    }
    s.windows(sub.len())
        .position(|w| w == sub)
        .map_or(-1, |i| i as i64)
}

/// `strings.LastIndex`: the last index of `sub` in `s`, or -1 (`len(s)` for an empty `sub`).
pub fn last_index(s: &[u8], sub: &[u8]) -> i64 {
    if sub.is_empty() {
        return s.len() as i64;
    }
    if sub.len() > s.len() {
        return -1;
    }
    s.windows(sub.len())
        .rposition(|w| w == sub)
        .map_or(-1, |i| i as i64)
}

/// `strings.IndexByte`.
pub fn index_byte(s: &[u8], c: u8) -> i64 {
    s.iter().position(|&b| b == c).map_or(-1, |i| i as i64)
}

/// `strings.LastIndexByte`.
pub fn last_index_byte(s: &[u8], c: u8) -> i64 {
    s.iter().rposition(|&b| b == c).map_or(-1, |i| i as i64)
}

/// `strings.IndexRune`: U+FFFD also finds invalid bytes; an invalid rune finds nothing.
pub fn index_rune(s: &[u8], r: i32) -> i64 {
    match r {
        0..=0x7F => index_byte(s, r as u8),
        RUNE_ERROR => Runes::new(s)
            .find(|&(_, c)| c == RUNE_ERROR)
            .map_or(-1, |(i, _)| i as i64),
        _ if !valid_rune(r) => -1,
        _ => {
            let mut enc = Vec::with_capacity(4);
            encode_rune(&mut enc, r);
            index(s, &enc)
        }
    }
}

/// `strings.IndexAny`: the first index of any rune of `chars` in `s`, or -1.
pub fn index_any(s: &[u8], chars: &[u8]) -> i64 {
    if chars.is_empty() {
        return -1;
    }
    Runes::new(s)
        .find(|&(_, c)| index_rune(chars, c) >= 0)
        .map_or(-1, |(i, _)| i as i64)
}

/// `strings.LastIndexAny`: the index of the last rune of `s` that is in `chars`, or -1.
pub fn last_index_any(s: &[u8], chars: &[u8]) -> i64 {
    if chars.is_empty() {
        return -1;
    }
    let mut i = s.len();
    while i > 0 {
        let (r, size) = decode_last_rune(&s[..i]);
        i -= size;
        if index_rune(chars, r) >= 0 {
            return i as i64;
        }
    }
    -1
}

/// `strings.Contains`.
pub fn contains(s: &[u8], sub: &[u8]) -> bool {
    index(s, sub) >= 0
}

/// `strings.ContainsAny`.
pub fn contains_any(s: &[u8], chars: &[u8]) -> bool {
    index_any(s, chars) >= 0
}

/// `strings.ContainsRune`.
pub fn contains_rune(s: &[u8], r: i32) -> bool {
    index_rune(s, r) >= 0
}

/// `strings.HasPrefix`.
pub fn has_prefix(s: &[u8], prefix: &[u8]) -> bool {
    s.starts_with(prefix)
}

/// `strings.HasSuffix`.
pub fn has_suffix(s: &[u8], suffix: &[u8]) -> bool {
    s.ends_with(suffix)
}

/// `strings.Count`: non-overlapping instances of `sub`; for an empty `sub`, the number of
/// runes plus one.
pub fn count(s: &[u8], sub: &[u8]) -> i64 {
    if sub.is_empty() {
        return rune_count(s) as i64 + 1;
    }
    let (mut n, mut i) = (0, 0);
    while let Some(j) = s[i..].windows(sub.len()).position(|w| w == sub) {
        n += 1;
        i += j + sub.len();
        if i + sub.len() > s.len() {
            break;
        }
    }
    n
}

/// `strings.Map`: each rune of `s` through `f` (a negative result drops the rune; invalid
/// bytes go in as U+FFFD).
pub fn map_runes(s: &[u8], mut f: impl FnMut(i32) -> i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for (_, r) in Runes::new(s) {
        let m = f(r);
        if m >= 0 {
            encode_rune(&mut out, m);
        }
    }
    out
}

/// `strings.ToUpper`: Go's simple per-rune mapping (`"ß"` stays `"ß"`).
pub fn to_upper(s: &[u8]) -> Vec<u8> {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map_runes(s, upper_rune)
}

/// `strings.ToLower`.
pub fn to_lower(s: &[u8]) -> Vec<u8> {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_runes(s, lower_rune)
}

/// `strings.ToTitle`: each rune to its title case (`"ǆ"` → `"ǅ"`).
pub fn to_title(s: &[u8]) -> Vec<u8> {
    map_runes(s, title_rune)
}

/// `strings.Title`: the first rune of each word to title case. A word starts after a
/// separator: an ASCII byte other than a letter, digit or `_`, or a space beyond ASCII
/// (Go's `isSeparator`; other non-ASCII runes that are not letters or digits are not).
pub fn title(s: &[u8]) -> Vec<u8> {
    let is_separator = |r: i32| {
        if r <= 0x7F {
            return !(r as u8 == b'_' || (r as u8).is_ascii_alphanumeric());
        }
        if is_letter(r) || is_digit(r) {
            return false;
        }
        is_space(r)
    };
    let mut prev = ' ' as i32;
    map_runes(s, |r| {
        let start = is_separator(prev);
        prev = r;
        if start {
            title_rune(r)
        } else {
            r
        }
    })
}

/// `strings.EqualFold`: equal under simple Unicode case folding, rune by rune.
pub fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let (mut a, mut b) = (Runes::new(s), Runes::new(t));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some((_, x)), Some((_, y))) if rune_equal_fold(x, y) => {}
            _ => return false,
        }
    }
}

/// `strings.Fields`: the runs of `s` between white space (`unicode.IsSpace`).
pub fn fields(s: &[u8]) -> Vec<&[u8]> {
    fields_func(s, is_space)
}

/// `strings.FieldsFunc`.
pub fn fields_func(s: &[u8], mut sep: impl FnMut(i32) -> bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, r) in Runes::new(s) {
        match (sep(r), start) {
            (true, Some(st)) => {
                out.push(&s[st..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Go's `genSplit`: at most `n` pieces (all for `n < 0`), keeping `sep_save` bytes of the
/// separator on each piece; an empty `sep` splits into runes (an invalid byte becomes U+FFFD, except in
/// the last piece).
fn gen_split<'a>(s: &'a [u8], sep: &[u8], sep_save: usize, n: i64) -> Vec<&'a [u8]> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let runes = rune_count(s) as i64;
        let n = if n < 0 || n > runes { runes } else { n };
        let mut out = Vec::with_capacity(n as usize);
        let mut rest = s;
        for _ in 0..n.saturating_sub(1) {
            let (r, w) = decode_rune(rest);
            // Go 1.19 gives each rune-error piece as the encoding of U+FFFD.
            out.push(if r == RUNE_ERROR {
                "\u{FFFD}".as_bytes()
            } else {
                &rest[..w]
            });
            rest = &rest[w..];
        }
        if n > 0 {
            out.push(rest);
        }
        return out;
    }
    let mut n = if n < 0 { count(s, sep) + 1 } else { n };
    n = n.min(s.len() as i64 + 1);
    let mut out = Vec::with_capacity(n as usize);
    let mut rest = s;
    while (out.len() as i64) < n - 1 {
        let m = index(rest, sep);
        if m < 0 {
            break;
        }
        let m = m as usize;
        out.push(&rest[..m + sep_save]);
        rest = &rest[m + sep.len()..];
    }
    out.push(rest);
    out
}

/// `strings.Split`.
pub fn split<'a>(s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    gen_split(s, sep, 0, -1)
}

/// `strings.SplitN`.
pub fn split_n<'a>(s: &'a [u8], sep: &[u8], n: i64) -> Vec<&'a [u8]> {
    gen_split(s, sep, 0, n)
}

/// `strings.SplitAfter`.
pub fn split_after<'a>(s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    gen_split(s, sep, sep.len(), -1)
}

/// `strings.SplitAfterN`.
pub fn split_after_n<'a>(s: &'a [u8], sep: &[u8], n: i64) -> Vec<&'a [u8]> {
    gen_split(s, sep, sep.len(), n)
}

/// `strings.Cut`: (before, after, found).
pub fn cut<'a>(s: &'a [u8], sep: &[u8]) -> (&'a [u8], &'a [u8], bool) {
    match index(s, sep) {
        i if i >= 0 => (&s[..i as usize], &s[i as usize + sep.len()..], true),
        _ => (s, &[], false),
    }
}

/// `strings.Join`.
pub fn join(elems: &[&[u8]], sep: &[u8]) -> Vec<u8> {
    elems.join(sep)
}

/// `strings.Replace`: the first `n` non-overlapping `old` replaced (all for `n < 0`); an
/// empty `old` matches before each rune and at the end.
pub fn replace(s: &[u8], old: &[u8], new: &[u8], n: i64) -> Vec<u8> {
    if old == new || n == 0 {
        return s.to_vec();
    }
    let m = count(s, old);
    if m == 0 {
        return s.to_vec();
    }
    let n = if n < 0 || m < n { m } else { n };
    let mut out = Vec::with_capacity(s.len());
    let mut start = 0;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                j += decode_rune(&s[start..]).1;
            }
        } else {
            j += index(&s[start..], old) as usize;
        }
        out.extend_from_slice(&s[start..j]);
        out.extend_from_slice(new);
        start = j + old.len();
    }
    out.extend_from_slice(&s[start..]);
    out
}

/// `strings.Replacer.Replace` for the (old, new) `pairs` of `NewReplacer`: left to right,
/// at each byte the first pair (in argument order) whose old string starts there is
/// replaced, and the scan goes on after it. An empty old string matches at every byte
/// boundary and at the end, but not twice in a row at one place (Go's generic replacer, whose
/// results every one of its specialised replacers shares).
pub fn replace_pairs(s: &[u8], pairs: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let (mut last, mut i) = (0, 0);
    let mut prev_empty = false;
    while i <= s.len() {
        let rest = &s[i..];
        let found = pairs
            .iter()
            .find(|(old, _)| rest.starts_with(old) && !(prev_empty && old.is_empty()));
        match found {
            Some((old, new)) => {
                prev_empty = old.is_empty();
                out.extend_from_slice(&s[last..i]);
                out.extend_from_slice(new);
                i += old.len();
                last = i;
            }
            None => {
                prev_empty = false;
                i += 1;
            }
        }
    }
    out.extend_from_slice(&s[last.min(s.len())..]);
    out
}

/// `strings.ReplaceAll`.
pub fn replace_all(s: &[u8], old: &[u8], new: &[u8]) -> Vec<u8> {
    replace(s, old, new, -1)
}

/// `strings.Repeat`; `Err` with Go's panic text for a negative count or an overflowing
/// length.
pub fn repeat(s: &[u8], count: i64) -> Result<Vec<u8>, &'static str> {
    if count < 0 {
        return Err("strings: negative Repeat count");
    }
    if (s.len() as u64)
        .checked_mul(count as u64)
        .is_none_or(|n| n > i64::MAX as u64)
    {
        return Err("strings: Repeat count causes overflow");
    }
    Ok(s.repeat(count as usize))
}

/// `strings.TrimLeftFunc`.
pub fn trim_left_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> &[u8] {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if !f(r) {
            break;
        }
        i += w;
    }
    &s[i..]
}

/// `strings.TrimRightFunc`.
pub fn trim_right_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> &[u8] {
    let mut end = s.len();
    while end > 0 {
        let (r, w) = decode_last_rune(&s[..end]);
        if !f(r) {
            break;
        }
        end -= w;
    }
    &s[..end]
}

/// `strings.TrimSpace`.
pub fn trim_space(s: &[u8]) -> &[u8] {
    trim_right_func(trim_left_func(s, is_space), is_space)
}

/// `strings.Trim`: leading and trailing runes that are in `cutset`.
pub fn trim<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    trim_right(trim_left(s, cutset), cutset)
}

/// `strings.TrimLeft`.
pub fn trim_left<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    if cutset.is_empty() {
        return s;
    }
    trim_left_func(s, |r| contains_rune(cutset, r))
}

/// `strings.TrimRight`.
pub fn trim_right<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    if cutset.is_empty() {
        return s;
    }
    trim_right_func(s, |r| contains_rune(cutset, r))
}

/// `strings.TrimPrefix`.
pub fn trim_prefix<'a>(s: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `strings.TrimSuffix`.
pub fn trim_suffix<'a>(s: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    s.strip_suffix(suffix).unwrap_or(s)
}

#[cfg(test)]
#[path = "strings_tests.rs"]
mod tests;
