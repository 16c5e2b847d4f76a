//! `strconv.Quote` and its relatives, and `Unquote`: Go's string and rune literals.
//!
//! A quoted string keeps every rune [`is_print`] accepts (only ASCII ones for the `ToASCII`
//! forms) and escapes the rest: `\a \b \f \n \r \t \v`, `\xNN` for a control byte or a byte
//! that is not valid UTF-8, `\uNNNN` and `\UNNNNNNNN` for other runes.

use crate::golang::natives::unicode::{is_graphic, is_print};
use crate::golang::natives::utf8::{decode_rune, encode_rune, valid_rune, RUNE_ERROR};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Which runes a quoted literal keeps as they are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Printable ones (`Quote`).
    Print,
    /// Printable ASCII ones (`QuoteToASCII`, `%+q`).
    Ascii,
    /// Graphic ones, spaces such as U+3000 too (`QuoteToGraphic`).
    Graphic,
}

/// `s` quoted with `quote` (`"` or `'`), escaping the runes it does not `keep`.
pub fn quote_with(s: &[u8], quote: u8, keep: Keep) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(quote);
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == RUNE_ERROR {
            out.extend_from_slice(&[
                b'\\',
                b'x',
                HEX[(s[i] >> 4) as usize],
                HEX[(s[i] & 15) as usize],
            ]);
        } else {
            escape_rune(&mut out, r, quote, keep);
        }
        i += w;
    }
    out.push(quote);
    out
}

fn escape_rune(out: &mut Vec<u8>, r: i32, quote: u8, keep: Keep) {
    if r == quote as i32 || r == '\\' as i32 {
        out.extend_from_slice(&[b'\\', r as u8]);
        return;
    }
    let kept = match keep {
        Keep::Ascii => r < 0x80 && is_print(r),
        Keep::Print => is_print(r),
        Keep::Graphic => is_graphic(r),
    };
    if kept {
        encode_rune(out, r);
        return;
    }
    let simple = match r {
        0x07 => Some(b'a'),
        0x08 => Some(b'b'),
        0x0C => Some(b'f'),
        0x0A => Some(b'n'),
        0x0D => Some(b'r'),
        0x09 => Some(b't'),
        0x0B => Some(b'v'),
        _ => None,
    };
    if let Some(c) = simple {
        out.extend_from_slice(&[b'\\', c]);
        return;
    }
    let (prefix, digits, r) = match r {
        _ if (0..0x20).contains(&r) || r == 0x7F => (b'x', 2, r),
        _ if !valid_rune(r) => (b'u', 4, RUNE_ERROR),
        _ if r < 0x10000 => (b'u', 4, r),
        _ => (b'U', 8, r),
    };
    out.extend_from_slice(&[b'\\', prefix]);
    for k in (0..digits).rev() {
        out.push(HEX[((r >> (4 * k)) & 15) as usize]);
    }
}

/// `strconv.Quote`.
pub fn quote(s: &[u8]) -> Vec<u8> {
    quote_with(s, b'"', Keep::Print)
}

/// `strconv.QuoteToASCII`.
pub fn quote_to_ascii(s: &[u8]) -> Vec<u8> {
    quote_with(s, b'"', Keep::Ascii)
}

/// `strconv.QuoteRune`: an invalid rune is quoted as U+FFFD.
pub fn quote_rune(r: i32) -> Vec<u8> {
    quote_rune_with(r, Keep::Print)
}

/// `strconv.QuoteRuneToASCII`.
pub fn quote_rune_to_ascii(r: i32) -> Vec<u8> {
    quote_rune_with(r, Keep::Ascii)
}

/// `strconv.QuoteRune` and its relatives, keeping the runes `keep` says.
pub fn quote_rune_with(r: i32, keep: Keep) -> Vec<u8> {
    let r = if valid_rune(r) { r } else { RUNE_ERROR };
    let mut out = vec![b'\''];
    escape_rune(&mut out, r, b'\'', keep);
    out.push(b'\'');
    out
}

/// `strconv.CanBackquote`: whether `s` reads back unchanged as a raw string literal (no
/// control characters but tab, no backquote, valid UTF-8, no byte order mark).
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        i += w;
        if w > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == RUNE_ERROR || (r < 0x20 && r != 0x09) || r == '`' as i32 || r == 0x7F {
            return false;
        }
    }
    true
}

/// `strconv.UnquoteChar(s, quote)`: the first character of a quoted literal's body, decoded:
/// (the rune or byte value, whether it is a rune to encode as UTF-8, the rest); `None` is
/// Go's `ErrSyntax`.
pub fn unquote_char(s: &[u8], quote: u8) -> Option<(i32, bool, &[u8])> {
    let &c = s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, w) = decode_rune(s);
        return Some((r, true, &s[w..]));
    }
    if c != b'\\' {
        return Some((c as i32, false, &s[1..]));
    }
    let &e = s.get(1)?;
    let rest = &s[2..];
    let simple = |v: u8| Some((v as i32, false, rest));
    match e {
        b'a' => simple(0x07),
        b'b' => simple(0x08),
        b'f' => simple(0x0C),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'v' => simple(0x0B),
        b'\\' => simple(b'\\'),
        b'\'' | b'"' if e == quote => simple(e),
        b'x' | b'u' | b'U' => {
            let n = match e {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = rest.get(..n)?;
            let mut v: i64 = 0;
            for &d in digits {
                v = v << 4 | (d as char).to_digit(16)? as i64;
            }
            if e == b'x' {
                return Some((v as i32, false, &rest[n..]));
            }
            let v = i32::try_from(v).ok().filter(|&v| valid_rune(v))?;
            Some((v, true, &rest[n..]))
        }
        b'0'..=b'7' => {
            let digits = rest.get(..2)?;
            let mut v = (e - b'0') as i32;
            for &d in digits {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                v = v << 3 | (d - b'0') as i32;
            }
            (v <= 255).then_some((v, false, &rest[2..]))
        }
        _ => None,
    }
}

/// `strconv.QuotedPrefix`: the length of the quoted literal `s` starts with, if it does (a
/// raw string to its closing backquote, a string or rune literal as `unquote_char` reads it,
/// without a newline).
pub fn quoted_prefix(s: &[u8]) -> Option<usize> {
    let &q = s.first()?;
    if s.len() < 2 {
        return None;
    }
    match q {
        b'`' => s[1..].iter().position(|&c| c == b'`').map(|i| i + 2),
        b'"' | b'\'' => {
            let mut rest = &s[1..];
            while let Some(&c) = rest.first() {
                if c == q {
                    break;
                }
                if c == b'\n' {
                    return None;
                }
                rest = unquote_char(rest, q)?.2;
                if q == b'\'' {
                    break;
                }
            }
            (rest.first() == Some(&q)).then(|| s.len() - rest.len() + 1)
        }
        _ => None,
    }
}

/// `strconv.Unquote`: the value of a Go string, rune or raw string literal; `None` is
/// `ErrSyntax`.
pub fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    let &q = s.first()?;
    if s.len() < 2 || s[s.len() - 1] != q {
        return None;
    }
    let body = &s[1..s.len() - 1];
    match q {
        b'`' => {
            if body.contains(&b'`') {
                return None;
            }
            // Raw strings drop carriage returns.
            Some(body.iter().copied().filter(|&c| c != b'\r').collect())
        }
        b'"' | b'\'' => {
            let mut out = Vec::with_capacity(body.len());
            let mut rest = body;
            let mut chars = 0;
            while !rest.is_empty() {
                if rest[0] == b'\n' {
                    return None;
                }
                let (r, multibyte, tail) = unquote_char(rest, q)?;
                if r < 0x80 || !multibyte {
                    out.push(r as u8);
                } else {
                    encode_rune(&mut out, r);
                }
                rest = tail;
                chars += 1;
            }
            // Go 1.19 accepts the empty rune literal `''` (as "").
            if q == b'\'' && chars > 1 {
                return None;
            }
            Some(out)
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "quote_tests.rs"]
mod tests;
