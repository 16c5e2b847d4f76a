//! Number, rune and string literals: their syntax checks and gc's messages for them.

use super::super::token::LitKind;
use super::{is_decimal, is_hex, lower, Scanner};

impl Scanner {
    /// `{ digit | '_' }`; records the first digit ≥ base (for base ≤ 10) in `invalid`.
    /// Returns bit 0 if digits were seen, bit 1 if separators were.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        if base <= 10 {
            let max = b'0' as i32 + base as i32;
            while is_decimal(self.ch) || self.ch == b'_' as i32 {
                let mut ds = 1;
                if self.ch == b'_' as i32 {
                    ds = 2;
                } else if self.ch >= max && invalid.is_none() {
                    *invalid = Some(self.off - self.lit_start);
                }
                digsep |= ds;
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.ch == b'_' as i32 {
                digsep |= if self.ch == b'_' as i32 { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    pub(super) fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = 0u8;
        let mut digsep = 0;
        let mut invalid = None;

        if !seen_point {
            if self.ch == b'0' as i32 {
                self.nextch();
                match lower(self.ch) as u8 {
                    b'x' => {
                        self.nextch();
                        base = 16;
                        prefix = b'x';
                    }
                    b'o' => {
                        self.nextch();
                        base = 8;
                        prefix = b'o';
                    }
                    b'b' => {
                        self.nextch();
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.ch == b'.' as i32 {
                if prefix == b'o' || prefix == b'b' {
                    self.error_here(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.error_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = lower(self.ch);
        if e == b'e' as i32 || e == b'p' as i32 {
            if ok {
                if e == b'e' as i32 && prefix != 0 && prefix != b'0' {
                    let msg = format!("{} exponent requires decimal mantissa", quote_rune(self.ch));
                    self.error_here(msg);
                    ok = false;
                } else if e == b'p' as i32 && prefix != b'x' {
                    let msg = format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_rune(self.ch)
                    );
                    self.error_here(msg);
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.ch == b'+' as i32 || self.ch == b'-' as i32 {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(10, &mut none) | digsep & 2;
            if digsep & 1 == 0 && ok {
                self.error_here("exponent has no digits");
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.error_here("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if self.ch == b'i' as i32 {
            kind = LitKind::Imag;
            self.nextch();
        }
        self.lit_end = self.off;
        if kind == LitKind::Int && ok {
            if let Some(i) = invalid {
                let d = self.src()[self.lit_start + i] as i32;
                let msg = format!(
                    "invalid digit {} in {} literal",
                    quote_rune(d),
                    base_name(base)
                );
                self.error_at_tok(i, msg);
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(&self.src()[self.lit_start..self.off]) {
                self.error_at_tok(i, "'_' must separate successive digits");
                ok = false;
            }
        }
        self.set_lit(kind, ok);
    }

    pub(super) fn rune(&mut self) {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.ch == b'\'' as i32 {
                if ok {
                    if n == 0 {
                        self.error_here("empty rune literal or unescaped '");
                        ok = false;
                    } else if n != 1 {
                        self.error_at_tok(0, "more than one character in rune literal");
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.ch == b'\\' as i32 {
                self.nextch();
                if !self.escape(b'\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.ch == b'\n' as i32 {
                if ok {
                    self.error_here("newline in rune literal");
                    ok = false;
                }
                break;
            }
            if self.ch < 0 {
                if ok {
                    self.error_at_tok(0, "rune literal not terminated");
                    ok = false;
                }
                break;
            }
            self.nextch();
            n += 1;
        }
        self.set_lit(LitKind::Rune, ok);
    }

    pub(super) fn std_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.ch == b'"' as i32 {
                self.nextch();
                break;
            }
            if self.ch == b'\\' as i32 {
                self.nextch();
                if !self.escape(b'"') {
                    ok = false;
                }
                continue;
            }
            if self.ch == b'\n' as i32 {
                self.error_here("newline in string");
                ok = false;
                break;
            }
            if self.ch < 0 {
                self.error_at_tok(0, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    pub(super) fn raw_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.ch == b'`' as i32 {
                self.nextch();
                break;
            }
            if self.ch < 0 {
                self.error_at_tok(0, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32);
        let c = self.ch;
        if c == quote as i32
            || matches!(
                c as u8,
                b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\'
            ) && c < 0x80
        {
            self.nextch();
            return true;
        }
        match c {
            0x30..=0x37 => (n, base, max) = (3, 8, 255),
            0x78 => {
                self.nextch();
                (n, base, max) = (2, 16, 255);
            }
            0x75 => {
                self.nextch();
                (n, base, max) = (4, 16, 0x10ffff);
            }
            0x55 => {
                self.nextch();
                (n, base, max) = (8, 16, 0x10ffff);
            }
            _ => {
                if c < 0 {
                    return true; // the caller reports the end of the file
                }
                self.error_here("unknown escape");
                return false;
            }
        }
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch < 0 {
                return true;
            }
            let d = if is_decimal(self.ch) {
                (self.ch - b'0' as i32) as u32
            } else if (b'a' as i32..=b'f' as i32).contains(&lower(self.ch)) {
                (lower(self.ch) - b'a' as i32) as u32 + 10
            } else {
                base
            };
            if d >= base {
                let msg = format!(
                    "invalid character {} in {} escape",
                    quote_rune(self.ch),
                    base_name(base)
                );
                self.error_here(msg);
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.error_here(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xd800..0xe000).contains(&x) {
            self.error_here(format!(
                "escape is invalid Unicode code point {}",
                format_u(x)
            ));
            return false;
        }
        true
    }
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

/// Go's `%#U`: `U+0040 '@'`.
pub fn format_u(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if !ch.is_control() => format!("U+{c:04X} '{ch}'"),
        _ => format!("U+{c:04X}"),
    }
}

/// Go's `%q` of a rune: `'x'`, `'\n'`, `'\x00'`.
pub fn quote_rune(c: i32) -> String {
    let mut s = String::from("'");
    match c {
        0x07 => s.push_str("\\a"),
        0x08 => s.push_str("\\b"),
        0x0c => s.push_str("\\f"),
        0x0a => s.push_str("\\n"),
        0x0d => s.push_str("\\r"),
        0x09 => s.push_str("\\t"),
        0x0b => s.push_str("\\v"),
        0x5c => s.push_str("\\\\"),
        0x27 => s.push_str("\\'"),
        c if c < 0x20 || c == 0x7f => s.push_str(&format!("\\x{c:02x}")),
        c => match char::from_u32(c as u32) {
            Some(ch) => s.push(ch),
            None => s.push('\u{fffd}'),
        },
    }
    s.push('\'');
    s
}

/// The index of the first misplaced `_` in a number literal, as gc's `invalidSep`.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || x1 == b'x' && d.is_ascii_hexdigit() {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runes_print_as_go_quotes_them() {
        assert_eq!(quote_rune('a' as i32), "'a'");
        assert_eq!(quote_rune('\n' as i32), "'\\n'");
        assert_eq!(quote_rune(0), "'\\x00'");
        assert_eq!(format_u('@' as u32), "U+0040 '@'");
        assert_eq!(format_u(0x7f), "U+007F");
    }

    #[test]
    fn misplaced_underscores_are_found() {
        assert_eq!(invalid_sep(b"1_000"), None);
        assert_eq!(invalid_sep(b"0x_ff"), None);
        assert_eq!(invalid_sep(b"1__0"), Some(2));
        assert_eq!(invalid_sep(b"10_"), Some(2));
    }
}
