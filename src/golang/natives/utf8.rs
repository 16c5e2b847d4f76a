//! Go's `unicode/utf8`, and the decoding rules every string operation of the interpreter
//! shares: `for range` over a string, `[]rune(s)`, `string(r)` and `string(runes)`.
//!
//! Go strings are bytes. Decoding never fails: a byte that does not start a valid UTF-8
//! sequence (a stray continuation byte, an overlong form, a surrogate, a code point past
//! U+10FFFF, a truncated sequence) decodes as `RUNE_ERROR` (U+FFFD) of width 1, and the next
//! decode starts at the following byte, exactly as Go's runtime does. Runes are `i32`, as Go's
//! `rune` is, so values outside Unicode survive until they are encoded.

/// `utf8.RuneError`: U+FFFD, what invalid bytes decode to and invalid runes encode as.
pub const RUNE_ERROR: i32 = 0xFFFD;
/// `unicode.MaxRune`.
pub const MAX_RUNE: i32 = 0x10FFFF;
/// `utf8.UTFMax`.
pub const UTF_MAX: usize = 4;

const SURROGATE_MIN: i32 = 0xD800;
const SURROGATE_MAX: i32 = 0xDFFF;

/// The valid range of the second byte of a sequence that starts with `b0`, and the
/// sequence's length; `None` for a byte that cannot start a multi-byte sequence.
fn lead(b0: u8) -> Option<(u8, u8, usize)> {
    match b0 {
        0xC2..=0xDF => Some((0x80, 0xBF, 2)),
        // E0 would allow overlong forms below A0; ED would reach the surrogates from A0.
        0xE0 => Some((0xA0, 0xBF, 3)),
        0xE1..=0xEC | 0xEE..=0xEF => Some((0x80, 0xBF, 3)),
        0xED => Some((0x80, 0x9F, 3)),
        // F0 would allow overlong forms below 90; F4 would pass U+10FFFF from 90.
        0xF0 => Some((0x90, 0xBF, 4)),
        0xF1..=0xF3 => Some((0x80, 0xBF, 4)),
        0xF4 => Some((0x80, 0x8F, 4)),
        _ => None,
    }
}

/// `utf8.DecodeRune`: the first rune of `p` and its width in bytes; `(RUNE_ERROR, 1)` for an
/// invalid encoding, `(RUNE_ERROR, 0)` for empty input.
pub fn decode_rune(p: &[u8]) -> (i32, usize) {
    let Some(&b0) = p.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as i32, 1);
    }
    let Some((lo, hi, n)) = lead(b0) else {
        return (RUNE_ERROR, 1);
    };
    if p.len() < n || !(lo..=hi).contains(&p[1]) {
        return (RUNE_ERROR, 1);
    }
    if p[2..n].iter().any(|&b| !(0x80..=0xBF).contains(&b)) {
        return (RUNE_ERROR, 1);
    }
    let r = match n {
        2 => (b0 as i32 & 0x1F) << 6 | (p[1] as i32 & 0x3F),
        3 => (b0 as i32 & 0x0F) << 12 | (p[1] as i32 & 0x3F) << 6 | (p[2] as i32 & 0x3F),
        _ => {
            (b0 as i32 & 0x07) << 18
                | (p[1] as i32 & 0x3F) << 12
                | (p[2] as i32 & 0x3F) << 6
                | (p[3] as i32 & 0x3F)
        }
    };
    (r, n)
}

/// `utf8.DecodeLastRune`: the last rune of `p` and its width; `(RUNE_ERROR, 1)` when the
/// tail is not a valid encoding, `(RUNE_ERROR, 0)` for empty input.
pub fn decode_last_rune(p: &[u8]) -> (i32, usize) {
    let end = p.len();
    if end == 0 {
        return (RUNE_ERROR, 0);
    }
    if p[end - 1] < 0x80 {
        return (p[end - 1] as i32, 1);
    }
    // Back up over at most UTF_MAX-1 continuation bytes to a byte that can start a rune.
    let lim = end.saturating_sub(UTF_MAX);
    let mut start = end - 1;
    while start > lim && !starts_rune(p[start]) {
        start -= 1;
    }
    let (r, size) = decode_rune(&p[start..end]);
    if start + size != end {
        return (RUNE_ERROR, 1);
    }
    (r, size)
}

/// `utf8.RuneStart`: whether `b` is not a continuation byte.
pub fn starts_rune(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// `utf8.ValidRune`: a Unicode scalar value (not a surrogate, not past U+10FFFF).
pub fn valid_rune(r: i32) -> bool {
    (0..SURROGATE_MIN).contains(&r) || (SURROGATE_MAX < r && r <= MAX_RUNE)
}

/// `utf8.RuneLen`: bytes needed to encode `r`, or -1 if it is not a valid rune.
pub fn rune_len(r: i32) -> i64 {
    match r {
        _ if r < 0 => -1,
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        SURROGATE_MIN..=SURROGATE_MAX => -1,
        0x800..=0xFFFF => 3,
        0x10000..=MAX_RUNE => 4,
        _ => -1,
    }
}

/// `utf8.EncodeRune` / `utf8.AppendRune`: appends the encoding of `r` to `out` (U+FFFD for an
/// invalid rune) and returns the bytes written.
pub fn encode_rune(out: &mut Vec<u8>, r: i32) -> usize {
    let r = if valid_rune(r) {
        r as u32
    } else {
        RUNE_ERROR as u32
    };
    // A valid rune is a char, whose encoding is Go's.
    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    out.extend_from_slice(s.as_bytes());
    s.len()
}

/// `string(r)` for a rune (or any integer: Go's conversion gives "\uFFFD" outside Unicode).
pub fn string_of_rune(r: i64) -> Vec<u8> {
    let r = i32::try_from(r).unwrap_or(RUNE_ERROR);
    let mut out = Vec::with_capacity(4);
    encode_rune(&mut out, r);
    out
}

/// `string(runes)`.
pub fn string_of_runes(runes: &[i32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(runes.len());
    for &r in runes {
        encode_rune(&mut out, r);
    }
    out
}

/// `[]rune(s)`: the runes `for range` would produce.
pub fn runes_of(s: &[u8]) -> Vec<i32> {
    Runes::new(s).map(|(_, r)| r).collect()
}

/// `utf8.RuneCount`.
pub fn rune_count(s: &[u8]) -> usize {
    Runes::new(s).count()
}

/// `utf8.Valid` / `utf8.ValidString`.
pub fn valid(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, n) = decode_rune(&s[i..]);
        if r == RUNE_ERROR && n == 1 {
            return false;
        }
        i += n;
    }
    true
}

/// `utf8.FullRune`: whether `p` begins with a full encoding of a rune. An invalid encoding
/// counts as full, since it decodes as a width-1 error.
pub fn full_rune(p: &[u8]) -> bool {
    let Some(&b0) = p.first() else {
        return false;
    };
    let Some((lo, hi, n)) = lead(b0) else {
        return true;
    };
    if p.len() >= n {
        return true;
    }
    // A short input is full if what it has is already invalid.
    if p.len() > 1 && !(lo..=hi).contains(&p[1]) {
        return true;
    }
    if p.len() > 2 && !(0x80..=0xBF).contains(&p[2]) {
        return true;
    }
    false
}

/// The `(byte index, rune)` pairs of a `for i, r := range s` loop.
pub struct Runes<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Runes<'a> {
    pub fn new(s: &'a [u8]) -> Self {
        Runes { s, i: 0 }
    }
}

impl Iterator for Runes<'_> {
    type Item = (usize, i32);

    fn next(&mut self) -> Option<(usize, i32)> {
        if self.i >= self.s.len() {
            return None;
        }
        let at = self.i;
        let (r, n) = decode_rune(&self.s[at..]);
        self.i += n;
        Some((at, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_follows_go() {
        // (input, rune, width) from Go 1.19's utf8.DecodeRune.
        let cases: &[(&[u8], i32, usize)] = &[
            (b"", RUNE_ERROR, 0),
            (b"a", 'a' as i32, 1),
            (b"\x7f", 0x7f, 1),
            ("é".as_bytes(), 0xe9, 2),
            ("€".as_bytes(), 0x20ac, 3),
            ("𝄞".as_bytes(), 0x1d11e, 4),
            (b"\xc3", RUNE_ERROR, 1),
            (b"\x80", RUNE_ERROR, 1),
            (b"\xc0\x80", RUNE_ERROR, 1),
            (b"\xc1\xbf", RUNE_ERROR, 1),
            (b"\xe0\x80\x80", RUNE_ERROR, 1),
            (b"\xed\xa0\x80", RUNE_ERROR, 1),
            (b"\xed\x9f\xbf", 0xd7ff, 3),
            (b"\xef\xbf\xbd", RUNE_ERROR, 3),
            (b"\xf4\x8f\xbf\xbf", 0x10ffff, 4),
            (b"\xf4\x90\x80\x80", RUNE_ERROR, 1),
            (b"\xf0\x8f\xbf\xbf", RUNE_ERROR, 1),
            (b"\xf8\x88\x80\x80\x80", RUNE_ERROR, 1),
            (b"\xe2\x82", RUNE_ERROR, 1),
            (b"\xe2\x82a", RUNE_ERROR, 1),
            (b"\xff", RUNE_ERROR, 1),
        ];
        for &(p, r, n) in cases {
            assert_eq!(decode_rune(p), (r, n), "{p:x?}");
        }
    }

    #[test]
    fn decoding_the_last_rune_follows_go() {
        let cases: &[(&[u8], i32, usize)] = &[
            (b"", RUNE_ERROR, 0),
            (b"ab", 'b' as i32, 1),
            ("aé".as_bytes(), 0xe9, 2),
            ("a𝄞".as_bytes(), 0x1d11e, 4),
            (b"a\x80", RUNE_ERROR, 1),
            (b"\xe2\x82", RUNE_ERROR, 1),
            (b"\x80\x80\x80\x80\x80", RUNE_ERROR, 1),
            (b"\xe2\x82\xac\x80", RUNE_ERROR, 1),
        ];
        for &(p, r, n) in cases {
            assert_eq!(decode_last_rune(p), (r, n), "{p:x?}");
        }
    }

    #[test]
    fn encoding_replaces_invalid_runes() {
        assert_eq!(string_of_rune(0x41), b"A");
        assert_eq!(string_of_rune(-1), "\u{FFFD}".as_bytes());
        assert_eq!(string_of_rune(0xD800), "\u{FFFD}".as_bytes());
        assert_eq!(string_of_rune(0x110000), "\u{FFFD}".as_bytes());
        assert_eq!(string_of_rune(1 << 40), "\u{FFFD}".as_bytes());
        assert_eq!(
            string_of_runes(&[0x48, 0x20ac, -5]),
            "H€\u{FFFD}".as_bytes()
        );
        let lens: Vec<i64> = [
            0, 0x7f, 0x80, 0x7ff, 0x800, 0xd800, 0xffff, 0x10000, 0x10ffff,
        ]
        .iter()
        .map(|&r| rune_len(r))
        .collect();
        assert_eq!(lens, [1, 1, 2, 2, 3, -1, 3, 4, 4]);
        assert_eq!(rune_len(-1), -1);
        assert_eq!(rune_len(0x110000), -1);
    }

    #[test]
    fn ranging_over_a_string_steps_over_bad_bytes_one_at_a_time() {
        let s = b"a\xffb\xe2\x82\xac\xe2\x82";
        let got: Vec<(usize, i32)> = Runes::new(s).collect();
        assert_eq!(
            got,
            [
                (0, 97),
                (1, RUNE_ERROR),
                (2, 98),
                (3, 0x20ac),
                (6, RUNE_ERROR),
                (7, RUNE_ERROR)
            ]
        );
        assert_eq!(rune_count(s), 6);
        assert_eq!(runes_of("héllo".as_bytes()).len(), 5);
        assert!(valid("héllo".as_bytes()));
        assert!(!valid(s));
        assert!(valid(b""));
    }

    #[test]
    fn full_runes_follow_go() {
        // From Go 1.19's utf8.FullRune.
        let cases: &[(&[u8], bool)] = &[
            (b"", false),
            (b"a", true),
            (b"\xc3", false),
            (b"\xc3\xa9", true),
            (b"\xe2\x82", false),
            (b"\xe2\x82\xac", true),
            (b"\xf0\x9d", false),
            (b"\xf0\x9d\x84", false),
            (b"\xc0", true),
            (b"\xe0\x80", true),
            (b"\xf4\x90", true),
            (b"\xff", true),
            (b"\x80", true),
        ];
        for &(p, want) in cases {
            assert_eq!(full_rune(p), want, "{p:x?}");
        }
    }
}
