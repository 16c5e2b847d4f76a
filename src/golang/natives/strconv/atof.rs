//! `strconv.ParseFloat`.
//!
//! Go's syntax is checked here (sign, `inf`/`infinity`/`nan` in any case, decimal digits
//! with a point and an `e` exponent, hexadecimal mantissas with a mandatory `p` exponent,
//! `_` between digits); Rust's parser, which rounds exactly as Go's does, then converts the
//! decimal digits, at the bit size asked for. Hexadecimal mantissas are rounded here.

use super::atoi::underscore_ok;
use super::{ErrKind, NumError};

/// `strconv.ParseFloat(s, bitSize)`: the float (float32 results rounded to float32) or the
/// value Go returns with its error (±Inf for out of range, 0 for bad syntax).
pub fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (f64, NumError)> {
    const F: &str = "ParseFloat";
    let syntax = || Err((0.0, NumError::new(F, s, ErrKind::Syntax)));
    if let Some(v) = special(s) {
        // A float32 result is converted to float32 (a NaN keeps the top of its payload).
        return Ok(if bit_size == 32 { v as f32 as f64 } else { v });
    }
    let (neg, body) = match s.first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if s.contains(&b'_') && !underscore_ok(s) {
        return syntax();
    }
    let body: Vec<u8> = body.iter().copied().filter(|&c| c != b'_').collect();
    let bit32 = bit_size == 32;
    let v = if body.len() > 2 && body[0] == b'0' && body[1] | 0x20 == b'x' {
        match hex_float(&body[2..], bit32) {
            Some(v) => v,
            None => return syntax(),
        }
    } else {
        if !decimal_syntax(&body) {
            return syntax();
        }
        // Checked to be digits, a point and an exponent: Rust's grammar accepts all of it.
        let text = std::str::from_utf8(&body).unwrap_or("x");
        let v = if bit32 {
            text.parse::<f32>().map(f64::from)
        } else {
            text.parse::<f64>()
        };
        match v {
            Ok(v) => v,
            Err(_) => return syntax(),
        }
    };
    let v = if neg { -v } else { v };
    if v.is_infinite() {
        return Err((v, NumError::new(F, s, ErrKind::Range)));
    }
    Ok(v)
}

/// `inf`, `infinity` (with an optional sign) and `nan` (without), in any case.
fn special(s: &[u8]) -> Option<f64> {
    let (sign, rest) = match s.first()? {
        b'+' => (1.0, &s[1..]),
        b'-' => (-1.0, &s[1..]),
        _ => (1.0, s),
    };
    if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        return Some(sign * f64::INFINITY);
    }
    if rest.len() == s.len() && s.eq_ignore_ascii_case(b"nan") {
        return Some(crate::golang::natives::math::nan());
    }
    None
}

/// `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
fn decimal_syntax(s: &[u8]) -> bool {
    let mut i = 0;
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return false;
    }
    if i < s.len() && s[i] | 0x20 == b'e' {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == s.len()
}

/// The value of `hhh[.hhh]p[sign]ddd` (after `0x`), rounded to nearest even at the bit size;
/// `None` for bad syntax.
fn hex_float(s: &[u8], bit32: bool) -> Option<f64> {
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut digits = 0;
    let mut seen_point = false;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            digits += 1;
            if mant >> 60 == 0 {
                mant = mant << 4 | d as u64;
                if seen_point {
                    exp -= 4;
                }
            } else {
                // Past 60 bits only whether anything is left matters.
                sticky |= d != 0;
                if !seen_point {
                    exp += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if digits == 0 || i == s.len() || s[i] | 0x20 != b'p' {
        return None;
    }
    i += 1;
    let neg = match s.get(i) {
        Some(b'-') => (i += 1, true).1,
        Some(b'+') => (i += 1, false).1,
        _ => false,
    };
    if i == s.len() || !s[i..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let e: i64 = s[i..]
        .iter()
        .fold(0i64, |a, &c| (a * 10 + (c - b'0') as i64).min(1 << 20));
    exp += if neg { -e } else { e };
    Some(round_binary(mant, exp, sticky, bit32))
}

/// `mant × 2^exp` (plus a sticky fraction of the last bit) rounded to a float64 or float32.
fn round_binary(mut mant: u64, mut exp: i64, mut sticky: bool, bit32: bool) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let (mantbits, min_exp, max_exp) = if bit32 {
        (24, -149, 127)
    } else {
        (53, -1074, 1023)
    };
    // Normalise to exactly `mantbits` bits, keeping the bits shifted out for rounding.
    let mut half = false;
    let width = 64 - mant.leading_zeros() as i64;
    let mut shift = (width - mantbits).max(min_exp - exp);
    if shift < 0 {
        mant <<= -shift;
        exp += shift;
        shift = 0;
    }
    if shift > 64 {
        // Below half the smallest subnormal.
        return 0.0;
    }
    if shift > 0 {
        for _ in 0..shift {
            sticky |= half;
            half = mant & 1 == 1;
            mant >>= 1;
        }
        exp += shift;
    }
    if half && (sticky || mant & 1 == 1) {
        mant += 1;
        if mant >> mantbits != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    if mant == 0 {
        return 0.0;
    }
    // The value's top bit is 2^(exp + width - 1).
    let top = exp + 64 - mant.leading_zeros() as i64 - 1;
    if top > max_exp {
        return f64::INFINITY;
    }
    let v = mant as f64 * 2f64.powi((exp - exp / 2) as i32) * 2f64.powi((exp / 2) as i32);
    if bit32 {
        v as f32 as f64
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, float64 result as Go's %g, error, float32 result, error), from Go 1.19.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str, &str, &str)] = &[
        ("1", "1", "<nil>", "1", "<nil>"),
        ("1.5", "1.5", "<nil>", "1.5", "<nil>"),
        ("-0", "-0", "<nil>", "-0", "<nil>"),
        ("+3.25", "3.25", "<nil>", "3.25", "<nil>"),
        (".5", "0.5", "<nil>", "0.5", "<nil>"),
        ("5.", "5", "<nil>", "5", "<nil>"),
        (".", "0", "strconv.ParseFloat: parsing \".\": invalid syntax", "0", "strconv.ParseFloat: parsing \".\": invalid syntax"),
        ("", "0", "strconv.ParseFloat: parsing \"\": invalid syntax", "0", "strconv.ParseFloat: parsing \"\": invalid syntax"),
        ("e5", "0", "strconv.ParseFloat: parsing \"e5\": invalid syntax", "0", "strconv.ParseFloat: parsing \"e5\": invalid syntax"),
        ("1e", "0", "strconv.ParseFloat: parsing \"1e\": invalid syntax", "0", "strconv.ParseFloat: parsing \"1e\": invalid syntax"),
        ("1e+", "0", "strconv.ParseFloat: parsing \"1e+\": invalid syntax", "0", "strconv.ParseFloat: parsing \"1e+\": invalid syntax"),
        ("1e5", "100000", "<nil>", "100000", "<nil>"),
        ("1E-5", "1e-05", "<nil>", "1e-05", "<nil>"),
        ("1_000", "1000", "<nil>", "1000", "<nil>"),
        ("1_000.5", "1000.5", "<nil>", "1000.5", "<nil>"),
        ("0x1p-2", "0.25", "<nil>", "0.25", "<nil>"),
        ("0x1.8p3", "12", "<nil>", "12", "<nil>"),
        ("0x_1p0", "1", "<nil>", "1", "<nil>"),
        ("0x1", "0", "strconv.ParseFloat: parsing \"0x1\": invalid syntax", "0", "strconv.ParseFloat: parsing \"0x1\": invalid syntax"),
        ("0X1P+2", "4", "<nil>", "4", "<nil>"),
        ("0x.8p1", "1", "<nil>", "1", "<nil>"),
        ("inf", "+Inf", "<nil>", "+Inf", "<nil>"),
        ("+Inf", "+Inf", "<nil>", "+Inf", "<nil>"),
        ("-infinity", "-Inf", "<nil>", "-Inf", "<nil>"),
        ("nan", "NaN", "<nil>", "NaN", "<nil>"),
        ("NaN", "NaN", "<nil>", "NaN", "<nil>"),
        ("-nan", "0", "strconv.ParseFloat: parsing \"-nan\": invalid syntax", "0", "strconv.ParseFloat: parsing \"-nan\": invalid syntax"),
        ("+nan", "0", "strconv.ParseFloat: parsing \"+nan\": invalid syntax", "0", "strconv.ParseFloat: parsing \"+nan\": invalid syntax"),
        ("infx", "0", "strconv.ParseFloat: parsing \"infx\": invalid syntax", "0", "strconv.ParseFloat: parsing \"infx\": invalid syntax"),
        ("1e400", "+Inf", "strconv.ParseFloat: parsing \"1e400\": value out of range", "+Inf", "strconv.ParseFloat: parsing \"1e400\": value out of range"),
        ("-1e400", "-Inf", "strconv.ParseFloat: parsing \"-1e400\": value out of range", "-Inf", "strconv.ParseFloat: parsing \"-1e400\": value out of range"),
        ("1e-400", "0", "<nil>", "0", "<nil>"),
        ("4.9e-324", "5e-324", "<nil>", "0", "<nil>"),
        ("2e-324", "0", "<nil>", "0", "<nil>"),
        ("1.7976931348623157e308", "1.7976931348623157e+308", "<nil>", "+Inf", "strconv.ParseFloat: parsing \"1.7976931348623157e308\": value out of range"),
        ("1.7976931348623159e308", "+Inf", "strconv.ParseFloat: parsing \"1.7976931348623159e308\": value out of range", "+Inf", "strconv.ParseFloat: parsing \"1.7976931348623159e308\": value out of range"),
        ("0.1", "0.1", "<nil>", "0.1", "<nil>"),
        ("3.4028235e38", "3.4028235e+38", "<nil>", "3.4028235e+38", "<nil>"),
        ("3.5e38", "3.5e+38", "<nil>", "+Inf", "strconv.ParseFloat: parsing \"3.5e38\": value out of range"),
        ("1e-46", "1e-46", "<nil>", "0", "<nil>"),
        (" 1", "0", "strconv.ParseFloat: parsing \" 1\": invalid syntax", "0", "strconv.ParseFloat: parsing \" 1\": invalid syntax"),
        ("1 ", "0", "strconv.ParseFloat: parsing \"1 \": invalid syntax", "0", "strconv.ParseFloat: parsing \"1 \": invalid syntax"),
        ("0x1.fffffffffffff8p1023", "+Inf", "strconv.ParseFloat: parsing \"0x1.fffffffffffff8p1023\": value out of range", "+Inf", "strconv.ParseFloat: parsing \"0x1.fffffffffffff8p1023\": value out of range"),
        ("0x1p-1074", "5e-324", "<nil>", "0", "<nil>"),
        ("0x1p-1075", "0", "<nil>", "0", "<nil>"),
        ("0x1.8p-1074", "1e-323", "<nil>", "0", "<nil>"),
        ("1__0", "0", "strconv.ParseFloat: parsing \"1__0\": invalid syntax", "0", "strconv.ParseFloat: parsing \"1__0\": invalid syntax"),
        ("_1", "0", "strconv.ParseFloat: parsing \"_1\": invalid syntax", "0", "strconv.ParseFloat: parsing \"_1\": invalid syntax"),
        ("0x", "0", "strconv.ParseFloat: parsing \"0x\": invalid syntax", "0", "strconv.ParseFloat: parsing \"0x\": invalid syntax"),
        ("0x.p1", "0", "strconv.ParseFloat: parsing \"0x.p1\": invalid syntax", "0", "strconv.ParseFloat: parsing \"0x.p1\": invalid syntax"),
        ("00.5", "0.5", "<nil>", "0.5", "<nil>"),
        ("1e0001", "10", "<nil>", "10", "<nil>"),
        ("123456789012345678901234567890", "1.2345678901234568e+29", "<nil>", "1.2345679e+29", "<nil>"),
        ("0.000000000000000000000000000001e30", "1", "<nil>", "1", "<nil>"),
    ];

    #[test]
    fn parse_float_matches_go() {
        for &(s, v64, e64, v32, e32) in CASES {
            for (bits, v, e) in [(64, v64, e64), (32, v32, e32)] {
                let (got, err) = match parse_float(s.as_bytes(), bits) {
                    Ok(v) => (v, String::new()),
                    Err((v, e)) => (v, e.to_string()),
                };
                let want_err = if e == "<nil>" { "" } else { e };
                assert_eq!(
                    super::super::format_float(got, b'g', -1, bits as u32),
                    v,
                    "{s:?} {bits}"
                );
                assert_eq!(err, want_err, "{s:?} {bits}");
            }
        }
    }
}
