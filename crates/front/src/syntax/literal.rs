//! The values of literal tokens.
//!
//! The scanner has already checked a literal's syntax (and the parser keeps `bad` literals
//! out of the checker), so these functions decode well-formed text. Integers decode to
//! `u128` (`None` beyond it), floats to an exact fraction or the nearest `f64`, runes to their
//! code point, and strings to their bytes: Go strings are byte strings, and `"\xff"` is one
//! byte that is not UTF-8.

/// The value of an integer literal (`0x1F`, `0o17`, `017`, `0b1`, `1_000`); `None` if it
/// does not fit 128 bits.
pub fn int_value(text: &str) -> Option<u128> {
    let t = text.as_bytes();
    let (base, digits): (u32, &[u8]) = if t.len() >= 2 && t[0] == b'0' {
        match t[1] | 0x20 {
            b'x' => (16, &t[2..]),
            b'o' => (8, &t[2..]),
            b'b' => (2, &t[2..]),
            _ => (8, &t[1..]),
        }
    } else {
        (10, t)
    };
    let mut v: u128 = 0;
    for &d in digits {
        if d == b'_' {
            continue;
        }
        let x = (d as char).to_digit(16)? as u128;
        v = v.checked_mul(base as u128)?.checked_add(x)?;
    }
    Some(v)
}

/// The value of a floating-point literal, decimal or hexadecimal (`0x1.8p3`).
pub fn float_value(text: &str) -> f64 {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let b = clean.as_bytes();
    if b.len() > 2 && b[0] == b'0' && b[1] | 0x20 == b'x' {
        return hex_float(&clean);
    }
    clean.parse().unwrap_or(f64::NAN)
}

/// A float literal's mantissa as digits (without the point) and the power that scales them:
/// of 10 for a decimal literal, of 2 for a hexadecimal one (`1.5e3` is 15 × 10^2, `0x1.8p1`
/// is 0x18 × 2^-3).
pub struct FloatDigits {
    pub digits: String,
    pub hex: bool,
    pub scale: i64,
}

/// A float literal's digits and scale; `None` if its exponent does not fit 64 bits.
pub fn float_digits(text: &str) -> Option<FloatDigits> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let hex = clean.len() > 2 && clean.as_bytes()[1] | 0x20 == b'x';
    let (body, marks) = if hex {
        (&clean[2..], ['p', 'P'])
    } else {
        (&clean[..], ['e', 'E'])
    };
    let (mant, exp) = match body.find(marks) {
        Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
        None => (body, 0),
    };
    let fraction_digits = mant.find('.').map_or(0, |i| mant.len() - i - 1) as i64;
    // A hexadecimal digit is four bits.
    let per_digit = if hex { 4 } else { 1 };
    Some(FloatDigits {
        digits: mant.replace('.', ""),
        hex,
        scale: exp.checked_sub(per_digit * fraction_digits)?,
    })
}

/// The exact value of a floating-point literal as a fraction `(numerator, denominator)`, not
/// reduced, `None` when either does not fit 128 bits: `0.1` is `(1, 10)`, `1e3` `(1000, 1)`,
/// `0x1.8p-1` `(24, 32)`.
pub fn float_ratio(text: &str) -> Option<(i128, i128)> {
    let f = float_digits(text)?;
    let (radix, base) = if f.hex { (16, 2i128) } else { (10, 10) };
    let mut m: i128 = 0;
    for c in f.digits.chars() {
        m = m
            .checked_mul(radix)?
            .checked_add(c.to_digit(radix as u32)? as i128)?;
    }
    if m == 0 {
        return Some((0, 1));
    }
    let power = base.checked_pow(u32::try_from(f.scale.unsigned_abs()).ok()?)?;
    if f.scale >= 0 {
        Some((m.checked_mul(power)?, 1))
    } else {
        Some((m, power))
    }
}

/// The value of an imaginary literal (`2i`, `1.5e3i`, `0x1p-2i`, `0b101i`) without its `i`:
/// a decimal integer part with leading zeros is decimal, not octal.
pub fn imag_value(text: &str) -> f64 {
    let digits = text.strip_suffix('i').unwrap_or(text);
    let lower = digits.to_ascii_lowercase();
    let prefixed_int = lower.starts_with("0b")
        || lower.starts_with("0o")
        || (lower.starts_with("0x") && !lower.contains(['.', 'p']));
    if prefixed_int {
        return int_value(digits).map_or(f64::INFINITY, |v| v as f64);
    }
    float_value(digits)
}

fn hex_float(text: &str) -> f64 {
    let Some(f) = float_digits(text) else {
        return f64::NAN;
    };
    let v = f
        .digits
        .chars()
        .fold(0.0, |v, c| v * 16.0 + c.to_digit(16).unwrap_or(0) as f64);
    v * 2f64.powi(f.scale.clamp(-2000, 2000) as i32)
}

/// The code point of a rune literal (with its quotes).
pub fn rune_value(text: &str) -> u32 {
    let bytes = string_bytes(&text[1..text.len().saturating_sub(1)], true);
    // A rune literal is one character or one escape; an escape of a code point came back
    // UTF-8 encoded, a byte escape (`'\xff'`) as that byte.
    if bytes.len() == 1 {
        return bytes[0] as u32;
    }
    std::str::from_utf8(&bytes)
        .ok()
        .and_then(|s| s.chars().next())
        .map_or(0xfffd, |c| c as u32)
}

/// The bytes of a string literal (interpreted `"..."` or raw `` `...` ``, with its quotes).
pub fn string_value(text: &str) -> Vec<u8> {
    if text.is_empty() {
        return Vec::new();
    }
    let inner = &text[1..text.len().saturating_sub(1)];
    if text.starts_with('`') {
        // Carriage returns are discarded from raw strings.
        return inner.bytes().filter(|&b| b != b'\r').collect();
    }
    string_bytes(inner, false)
}

/// Decodes escapes; `\x`/octal give raw bytes, `\u`/`\U` UTF-8 encoded code points.
fn string_bytes(s: &str, _rune: bool) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&c) = b.get(i) else { break };
        i += 1;
        let simple = match c {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(10),
            b'r' => Some(13),
            b't' => Some(9),
            b'v' => Some(11),
            b'\\' | b'\'' | b'"' => Some(c),
            _ => None,
        };
        if let Some(v) = simple {
            out.push(v);
            continue;
        }
        let (n, base) = match c {
            b'0'..=b'7' => {
                i -= 1;
                (3, 8)
            }
            b'x' => (2, 16),
            b'u' => (4, 16),
            _ => (8, 16),
        };
        let end = (i + n).min(b.len());
        let v = u32::from_str_radix(&s[i..end], base).unwrap_or(0xfffd);
        i = end;
        if c == b'u' || c == b'U' {
            let ch = char::from_u32(v).unwrap_or('\u{fffd}');
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        } else {
            out.push(v as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_of_every_base() {
        assert_eq!(int_value("0x1F"), Some(31));
        assert_eq!(int_value("0o17"), Some(15));
        assert_eq!(int_value("017"), Some(15));
        assert_eq!(int_value("0b1011"), Some(11));
        assert_eq!(int_value("1_000_000"), Some(1_000_000));
        assert_eq!(int_value("0"), Some(0));
        assert_eq!(int_value("18446744073709551615"), Some(u64::MAX as u128));
        assert_eq!(
            int_value("999999999999999999999999999999999999999999"),
            None
        );
    }

    #[test]
    fn floats_decimal_and_hex() {
        assert_eq!(float_value("1.5"), 1.5);
        assert_eq!(float_value(".25"), 0.25);
        assert_eq!(float_value("1e3"), 1000.0);
        assert_eq!(float_value("1_0.5"), 10.5);
        assert_eq!(float_value("0x1p-2"), 0.25);
        assert_eq!(float_value("0x1.8p1"), 3.0);
        assert_eq!(float_value("0x1p1023"), 2f64.powi(1023));
    }

    #[test]
    fn floats_as_exact_fractions() {
        assert_eq!(float_ratio("0.1"), Some((1, 10)));
        assert_eq!(float_ratio("1_0.5"), Some((105, 10)));
        assert_eq!(float_ratio(".25e1"), Some((25, 10)));
        assert_eq!(float_ratio("1e3"), Some((1000, 1)));
        assert_eq!(float_ratio("15E-3"), Some((15, 1000)));
        assert_eq!(float_ratio("0x1.8p-1"), Some((24, 32)));
        assert_eq!(float_ratio("0x1p4"), Some((16, 1)));
        assert_eq!(float_ratio("0.0e999"), Some((0, 1)));
        // Beyond 128 bits: the checker keeps the nearest f64.
        assert_eq!(float_ratio("1e40"), None);
        assert_eq!(float_ratio("1e-39"), None);
        assert_eq!(float_ratio("0x1p1023"), None);
    }

    #[test]
    fn runes_and_strings_decode_escapes() {
        assert_eq!(rune_value("'a'"), 97);
        assert_eq!(rune_value("'\\n'"), 10);
        assert_eq!(rune_value("'\\''"), 39);
        assert_eq!(rune_value("'\\x41'"), 65);
        assert_eq!(rune_value("'\\377'"), 255);
        assert_eq!(rune_value("'é'"), 0xe9);
        assert_eq!(rune_value("'\\u00e9'"), 0xe9);
        assert_eq!(rune_value("'\\U0001F600'"), 0x1f600);
        assert_eq!(string_value("\"a\\tb\""), b"a\tb");
        assert_eq!(string_value("\"\\xff\\u00e9\""), vec![0xff, 0xc3, 0xa9]);
        assert_eq!(string_value("`a\\n\r\nb`"), b"a\\n\nb");
        assert_eq!(string_value("\"\\101\""), b"A");
    }
}
