//! The formatting of one operand once its kind is known: padding, integers, floats, strings
//! and quoting under the verb's flags, width and precision (Go's `fmt/format.go`).

use crate::golang::natives::strconv::{
    format_float, quote_rune, quote_rune_to_ascii, quote_with, Keep,
};
use crate::golang::natives::unicode::is_print;
use crate::golang::natives::utf8::{decode_rune, encode_rune, rune_count, MAX_RUNE, RUNE_ERROR};

pub(super) const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
pub(super) const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// A verb's flags, width and precision.
///
/// `plus_v` and `sharp_v` are `%+v` and `%#v`: for the verb `v`, `+` and `#` move there and
/// `plus` and `sharp` are cleared, since they mean something else.
#[derive(Clone, Copy, Default)]
pub(super) struct Flags {
    pub plus: bool,
    pub minus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    pub plus_v: bool,
    pub sharp_v: bool,
    pub wid_present: bool,
    pub prec_present: bool,
    /// At most 1e6 (larger widths are `BADWIDTH`), never negative.
    pub wid: i64,
    /// At most 1e6, never negative.
    pub prec: i64,
}

/// The output and the flags of the verb being formatted.
#[derive(Default)]
pub(super) struct Fmt {
    pub buf: Vec<u8>,
    pub f: Flags,
}

impl Fmt {
    pub fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let pad = if self.f.zero { b'0' } else { b' ' };
        self.buf.resize(self.buf.len() + n as usize, pad);
    }

    /// `b` padded to the width (counted in runes) on the left, or on the right with `-`.
    pub fn pad(&mut self, b: &[u8]) {
        if !self.f.wid_present || self.f.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.f.wid - rune_count(b) as i64;
        if self.f.minus {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        } else {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        }
    }

    /// `pad` with zero padding off (numbers that are not numerals, like `<nil>`, `true`).
    pub fn pad_spaces(&mut self, b: &[u8]) {
        let zero = std::mem::take(&mut self.f.zero);
        self.pad(b);
        self.f.zero = zero;
    }

    pub fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// `%U`: `U+0078`, and with `#` `U+0078 'x'` for a printable rune.
    pub fn fmt_unicode(&mut self, u: u64) {
        let mut prec = 4;
        if self.f.prec_present && self.f.prec > 4 {
            prec = self.f.prec as usize;
        }
        let mut out = format!("U+{u:0prec$X}").into_bytes();
        if self.f.sharp && u <= MAX_RUNE as u64 && is_print(u as i32) {
            out.extend_from_slice(b" '");
            encode_rune(&mut out, u as i32);
            out.push(b'\'');
        }
        self.pad_spaces(&out);
    }

    /// An integer in `base` (2, 8, 10 or 16): precision as a minimum of digits, zero padding
    /// to the width after the sign, `#` prefixes, `O`'s `0o`.
    pub fn fmt_integer(&mut self, u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative { u.wrapping_neg() } else { u };
        let mut prec = 0i64;
        if self.f.prec_present {
            prec = self.f.prec;
            // Precision 0 and value 0 print nothing but padding.
            if prec == 0 && u == 0 {
                let zero = std::mem::take(&mut self.f.zero);
                self.write_padding(self.f.wid);
                self.f.zero = zero;
                return;
            }
        } else if self.f.zero && self.f.wid_present {
            prec = self.f.wid;
            if negative || self.f.plus || self.f.space {
                prec -= 1; // room for the sign
            }
        }
        // Digits, least significant first.
        let mut rev: Vec<u8> = Vec::with_capacity(24);
        loop {
            rev.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while (rev.len() as i64) < prec {
            rev.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => rev.extend_from_slice(&[digits[16], b'0']),
                _ => {}
            }
        }
        if verb == 'O' {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.f.plus {
            rev.push(b'+');
        } else if self.f.space {
            rev.push(b' ');
        }
        rev.reverse();
        self.pad_spaces(&rev);
    }

    /// `0x…` as pointers print (`%p`, `%#v` of unsigned integers): `#` with `leading_0x`.
    pub fn fmt_0x64(&mut self, v: u64, leading_0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading_0x;
        self.fmt_integer(v, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    /// `s` cut to the precision, counted in runes.
    pub fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        if self.f.prec_present {
            let mut n = self.f.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
                i += decode_rune(&s[i..]).1;
            }
        }
        s
    }

    /// `%s`.
    pub fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `%x` and `%X` of a string or byte slice: two digits a byte, `space` between bytes,
    /// `#` for `0x` prefixes; the precision counts bytes.
    pub fn fmt_sx(&mut self, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.f.prec_present && self.f.prec < length {
            length = self.f.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if self.f.wid_present {
                self.write_padding(self.f.wid);
            }
            return;
        }
        if self.f.wid_present && self.f.wid > width && !self.f.minus {
            self.write_padding(self.f.wid - width);
        }
        if self.f.sharp {
            self.buf.extend_from_slice(&[b'0', digits[16]]);
        }
        for (i, &c) in s[..length as usize].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.extend_from_slice(&[b'0', digits[16]]);
                }
            }
            self.buf
                .extend_from_slice(&[digits[(c >> 4) as usize], digits[(c & 15) as usize]]);
        }
        if self.f.wid_present && self.f.wid > width && self.f.minus {
            self.write_padding(self.f.wid - width);
        }
    }

    /// `%q` of a string: backquoted with `#` when it can be, ASCII-only with `+`.
    pub fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.f.sharp && crate::golang::natives::strconv::can_backquote(s) {
            let mut q = Vec::with_capacity(s.len() + 2);
            q.push(b'`');
            q.extend_from_slice(s);
            q.push(b'`');
            self.pad(&q);
            return;
        }
        let keep = if self.f.plus {
            Keep::Ascii
        } else {
            Keep::Print
        };
        let q = quote_with(s, b'"', keep);
        self.pad(&q);
    }

    /// `%c`: the rune, U+FFFD past the last one.
    pub fn fmt_c(&mut self, c: u64) {
        let r = if c > MAX_RUNE as u64 {
            RUNE_ERROR
        } else {
            c as i32
        };
        let mut out = Vec::with_capacity(4);
        encode_rune(&mut out, r);
        self.pad(&out);
    }

    /// `%q` of an integer: a quoted rune literal.
    pub fn fmt_qc(&mut self, c: u64) {
        let r = if c > MAX_RUNE as u64 {
            RUNE_ERROR
        } else {
            c as i32
        };
        let q = if self.f.plus {
            quote_rune_to_ascii(r)
        } else {
            quote_rune(r)
        };
        self.pad(&q);
    }

    /// A float under `verb` (`b e E f g G x X`, `v` already mapped to `g`) with default
    /// precision `prec`: signs, `#`'s kept decimal point and trailing zeros, zero padding
    /// after the sign, and no zero padding for infinities and NaN.
    pub fn fmt_float(&mut self, v: f64, size: u32, verb: u8, prec: i64) {
        let prec = if self.f.prec_present {
            self.f.prec
        } else {
            prec
        };
        let text = format_float(v, verb, prec as i32, size);
        // num is the number with a leading sign, '+' when it has none.
        let mut num: Vec<u8> = Vec::with_capacity(text.len() + 8);
        if !text.starts_with(['-', '+']) {
            num.push(b'+');
        }
        num.extend_from_slice(text.as_bytes());
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            let mut num = &num[..];
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num = &num[1..];
            }
            self.pad_spaces(num);
            return;
        }
        if self.f.sharp && verb != b'b' {
            let mut digits: i64 = match verb {
                b'v' | b'g' | b'G' | b'x' => {
                    if prec == -1 {
                        6
                    } else {
                        prec
                    }
                }
                _ => 0,
            };
            let mut tail: Vec<u8> = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail = num.split_off(i);
                        break;
                    }
                    b'e' | b'E' if verb != b'x' && verb != b'X' => {
                        tail = num.split_off(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && self.f.wid_present && self.f.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.f.wid - num.len() as i64);
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }
}
