//! `strconv.ParseInt`, `ParseUint`, `Atoi`, `FormatInt`, `FormatUint` and `Itoa`.
//!
//! Base 0 reads Go's literal prefixes (`0b`, `0o`, `0x`, and a bare leading `0` for octal)
//! and allows `_` between digits; an explicit base allows neither. Out-of-range values give
//! the nearest representable value along with `ErrRange`, as Go returns them.

use super::{ErrKind, NumError};

/// Go's `lower`: ASCII letters to lower case by setting bit 5 (harmless on digits).
fn lower(c: u8) -> u8 {
    c | 0x20
}

/// `_` only between digits, or between a base prefix and a digit.
pub(super) fn underscore_ok(s: &[u8]) -> bool {
    // What came last: b'^' the start, b'0' a digit or prefix, b'_', b'!' anything else.
    let mut saw = b'^';
    let mut s = s;
    if let [b'+' | b'-', rest @ ..] = s {
        s = rest;
    }
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    for &c in &s[i..] {
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// `strconv.ParseUint(s, base, bitSize)`.
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> Result<u64, (u64, NumError)> {
    const F: &str = "ParseUint";
    let err = |v: u64, k: ErrKind| Err((v, NumError::new(F, s, k)));
    if s.is_empty() {
        return err(0, ErrKind::Syntax);
    }
    let base0 = base == 0;
    let mut digits = s;
    let base: u64 = match base {
        2..=36 => base as u64,
        0 => {
            if s[0] == b'0' {
                match s.get(1).map(|&c| lower(c)) {
                    Some(b'b') if s.len() >= 3 => (digits = &s[2..], 2).1,
                    Some(b'o') if s.len() >= 3 => (digits = &s[2..], 8).1,
                    Some(b'x') if s.len() >= 3 => (digits = &s[2..], 16).1,
                    _ => (digits = &s[1..], 8).1,
                }
            } else {
                10
            }
        }
        _ => return err(0, ErrKind::Base(base)),
    };
    let bits = match bit_size {
        0 => 64,
        1..=64 => bit_size as u32,
        _ => return err(0, ErrKind::BitSize(bit_size)),
    };
    let max = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => (c - b'0') as u64,
            _ if lower(c).is_ascii_lowercase() => (lower(c) - b'a' + 10) as u64,
            _ => return err(0, ErrKind::Syntax),
        };
        if d >= base {
            return err(0, ErrKind::Syntax);
        }
        match n.checked_mul(base).and_then(|m| m.checked_add(d)) {
            Some(m) if m <= max => n = m,
            _ => return err(max, ErrKind::Range),
        }
    }
    if underscores && !underscore_ok(s) {
        return err(0, ErrKind::Syntax);
    }
    Ok(n)
}

/// `strconv.ParseInt(s, base, bitSize)`; on error, the value Go returns with it.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> Result<i64, (i64, NumError)> {
    const F: &str = "ParseInt";
    if s.is_empty() {
        return Err((0, NumError::new(F, s, ErrKind::Syntax)));
    }
    let (neg, digits) = match s[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let un = match parse_uint(digits, base, bit_size) {
        Ok(n) => n,
        Err((n, e)) if e.err == ErrKind::Range => n,
        Err((_, e)) => return Err((0, NumError::new(F, s, e.err))),
    };
    let bits = if bit_size == 0 { 64 } else { bit_size as u32 };
    let cutoff = 1u64 << (bits - 1);
    if !neg && un >= cutoff {
        return Err(((cutoff - 1) as i64, NumError::new(F, s, ErrKind::Range)));
    }
    if neg && un > cutoff {
        return Err((
            cutoff.wrapping_neg() as i64,
            NumError::new(F, s, ErrKind::Range),
        ));
    }
    Ok(if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    })
}

/// `strconv.Atoi`: `ParseInt(s, 10, 0)` reported as Atoi.
pub fn atoi(s: &[u8]) -> Result<i64, (i64, NumError)> {
    parse_int(s, 10, 0).map_err(|(v, mut e)| {
        e.func = "Atoi";
        (v, e)
    })
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `strconv.FormatUint`; `Err` with Go's panic text for a base outside 2..=36.
pub fn format_uint(mut u: u64, base: i64) -> Result<String, &'static str> {
    if !(2..=36).contains(&base) {
        return Err("strconv: illegal AppendInt/FormatInt base");
    }
    let base = base as u64;
    let mut buf = Vec::with_capacity(20);
    loop {
        buf.push(DIGITS[(u % base) as usize]);
        u /= base;
        if u == 0 {
            break;
        }
    }
    buf.reverse();
    Ok(String::from_utf8(buf).unwrap_or_default())
}

/// `strconv.FormatInt`.
pub fn format_int(i: i64, base: i64) -> Result<String, &'static str> {
    let digits = format_uint(i.unsigned_abs(), base)?;
    Ok(if i < 0 { format!("-{digits}") } else { digits })
}

/// `strconv.Itoa`.
pub fn itoa(i: i64) -> String {
    i.to_string()
}

#[cfg(test)]
#[path = "atoi_tests.rs"]
mod tests;
