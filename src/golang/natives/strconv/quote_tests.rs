//! Quote, QuoteToASCII, CanBackquote, QuoteRune and Unquote cases with Go 1.19's results.

use super::*;

/// (string, Quote, QuoteToASCII, CanBackquote).
type Quoted = (&'static [u8], &'static [u8], &'static [u8], bool);

#[rustfmt::skip]
const STRINGS: &[Quoted] = &[
    (b"", b"\"\"", b"\"\"", true),
    (b"\x07\x08\x0c\x0d\x0a\x09\x0b", b"\"\\a\\b\\f\\r\\n\\t\\v\"", b"\"\\a\\b\\f\\r\\n\\t\\v\"", false),
    (b"\\", b"\"\\\\\"", b"\"\\\\\"", true),
    (b"abc\xffdef", b"\"abc\\xffdef\"", b"\"abc\\xffdef\"", false),
    (b"\xe2\x98\xba", b"\"\xe2\x98\xba\"", b"\"\\u263a\"", true),
    (b"\xf4\x8f\xbf\xbf", b"\"\\U0010ffff\"", b"\"\\U0010ffff\"", true),
    (b"\x04", b"\"\\x04\"", b"\"\\x04\"", false),
    (b"!\xc2\xa0!\xe2\x80\x80!\xe3\x80\x80!", b"\"!\\u00a0!\\u2000!\\u3000!\"", b"\"!\\u00a0!\\u2000!\\u3000!\"", true),
    (b"\x7f", b"\"\\x7f\"", b"\"\\x7f\"", false),
    (b"hello, \xe4\xb8\x96\xe7\x95\x8c", b"\"hello, \xe4\xb8\x96\xe7\x95\x8c\"", b"\"hello, \\u4e16\\u754c\"", true),
    (b"\"quoted\"", b"\"\\\"quoted\\\"\"", b"\"\\\"quoted\\\"\"", true),
    (b"'single'", b"\"'single'\"", b"\"'single'\"", true),
    (b"`back`", b"\"`back`\"", b"\"`back`\"", false),
    (b"\xe2\x82", b"\"\\xe2\\x82\"", b"\"\\xe2\\x82\"", false),
    (b"\xc2\xad", b"\"\\u00ad\"", b"\"\\u00ad\"", true),
    (b"\xef\xbb\xbf", b"\"\\ufeff\"", b"\"\\ufeff\"", false),
    (b"\xe2\x80\xa8", b"\"\\u2028\"", b"\"\\u2028\"", true),
    (b"\xf0\x9f\x98\x80", b"\"\xf0\x9f\x98\x80\"", b"\"\\U0001f600\"", true),
    (b"\xcc\x81", b"\"\xcc\x81\"", b"\"\\u0301\"", true),
    (b"\x00", b"\"\\x00\"", b"\"\\x00\"", false),
    (b"tab\x09here", b"\"tab\\there\"", b"\"tab\\there\"", true),
    (b"\xc3\xa9", b"\"\xc3\xa9\"", b"\"\\u00e9\"", true),
    (b"\xc0\x80", b"\"\\xc0\\x80\"", b"\"\\xc0\\x80\"", false),
    (b"\xef\xbf\xbd", b"\"\xef\xbf\xbd\"", b"\"\\ufffd\"", true),
    (b"\xf3\xa0\x80\x81", b"\"\\U000e0001\"", b"\"\\U000e0001\"", true),
    (b"\xe1\x9a\x80", b"\"\\u1680\"", b"\"\\u1680\"", true),
    (b"\xce\xa9\xe2\x89\x88\xc3\xa7\xe2\x88\x9a\xe2\x88\xab", b"\"\xce\xa9\xe2\x89\x88\xc3\xa7\xe2\x88\x9a\xe2\x88\xab\"", b"\"\\u03a9\\u2248\\u00e7\\u221a\\u222b\"", true),
    (b"\xe2\x80\x8b", b"\"\\u200b\"", b"\"\\u200b\"", true),
    (b"\x1b[0m", b"\"\\x1b[0m\"", b"\"\\x1b[0m\"", false),
];

/// (rune, QuoteRune, QuoteRuneToASCII).
#[rustfmt::skip]
const RUNES: &[(i32, &[u8], &[u8])] = &[
    (97, b"'a'", b"'a'"),
    (39, b"'\\''", b"'\\''"),
    (34, b"'\"'", b"'\"'"),
    (92, b"'\\\\'", b"'\\\\'"),
    (10, b"'\\n'", b"'\\n'"),
    (9786, b"'\xe2\x98\xba'", b"'\\u263a'"),
    (65533, b"'\xef\xbf\xbd'", b"'\\ufffd'"),
    (1114111, b"'\\U0010ffff'", b"'\\U0010ffff'"),
    (1114112, b"'\xef\xbf\xbd'", b"'\\ufffd'"),
    (-1, b"'\xef\xbf\xbd'", b"'\\ufffd'"),
    (55296, b"'\xef\xbf\xbd'", b"'\\ufffd'"),
    (127, b"'\\x7f'", b"'\\x7f'"),
    (0, b"'\\x00'", b"'\\x00'"),
    (160, b"'\\u00a0'", b"'\\u00a0'"),
    (128512, b"'\xf0\x9f\x98\x80'", b"'\\U0001f600'"),
    (8232, b"'\\u2028'", b"'\\u2028'"),
];

/// (literal, Unquote's value, whether it succeeded).
#[rustfmt::skip]
const UNQUOTE: &[(&[u8], &[u8], bool)] = &[
    (b"\"\"", b"", true),
    (b"\"a\"", b"a", true),
    (b"\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", b"\x07\x08\x0c\x0a\x0d\x09\x0b\\\"", true),
    (b"\"\\x41\\u263a\\U0001F600\"", b"A\xe2\x98\xba\xf0\x9f\x98\x80", true),
    (b"\"\\101\"", b"A", true),
    (b"\"\\400\"", b"", false),
    (b"\"\\xff\"", b"\xff", true),
    (b"'\\xff'", b"\xff", true),
    (b"'a'", b"a", true),
    (b"'ab'", b"", false),
    (b"''", b"", true),
    (b"'\\''", b"'", true),
    (b"\"\\'\"", b"", false),
    (b"'\"'", b"\"", true),
    (b"'\\\"'", b"", false),
    (b"`raw\\n`", b"raw\\n", true),
    (b"`a\x0db`", b"ab", true),
    (b"`a`b`", b"", false),
    (b"\"a", b"", false),
    (b"a\"", b"", false),
    (b"\"", b"", false),
    (b"\"\\\"", b"", false),
    (b"\"a\x0ab\"", b"", false),
    (b"\"\\q\"", b"", false),
    (b"\"\\u12\"", b"", false),
    (b"\"\\uD800\"", b"", false),
    (b"\"\\U00110000\"", b"", false),
    (b"'\xe2\x98\xba'", b"\xe2\x98\xba", true),
    (b"'\xff'", b"\xef\xbf\xbd", true),
    (b"\"\xff\"", b"\xef\xbf\xbd", true),
    (b"\"\\08\"", b"", false),
    (b"'\\400'", b"", false),
    (b"\"abc\"x", b"", false),
    (b"``", b"", true),
    (b"\"\\x\"", b"", false),
    (b"\"\xc3\xa9\"", b"\xc3\xa9", true),
    (b"'\\u00e9'", b"\xc3\xa9", true),
    (b"\"\\377\"", b"\xff", true),
];

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn quoting_matches_go() {
    for &(s, q, qa, bq) in STRINGS {
        assert_eq!(text(&quote(s)), text(q), "{s:x?}");
        assert_eq!(text(&quote_to_ascii(s)), text(qa), "{s:x?}");
        assert_eq!(can_backquote(s), bq, "{s:x?}");
    }
    for &(r, q, qa) in RUNES {
        assert_eq!(text(&quote_rune(r)), text(q), "{r}");
        assert_eq!(text(&quote_rune_to_ascii(r)), text(qa), "{r}");
    }
}

#[test]
fn unquoting_matches_go() {
    for &(s, v, ok) in UNQUOTE {
        let got = unquote(s);
        assert_eq!(got.is_some(), ok, "{}", text(s));
        assert_eq!(got.unwrap_or_default(), v, "{}", text(s));
    }
}

#[test]
fn quoting_then_unquoting_gives_back_the_bytes() {
    for &(s, _, _, _) in STRINGS {
        assert_eq!(unquote(&quote(s)).as_deref(), Some(s));
        assert_eq!(unquote(&quote_to_ascii(s)).as_deref(), Some(s));
    }
}
