//! strings cases with the results Go 1.19 gave.

use super::*;

type Bytes = &'static [u8];

/// (s, ToUpper, ToLower).
#[rustfmt::skip]
const CASE: &[(Bytes, Bytes, Bytes)] = &[
    (b"", b"", b""),
    (b"a", b"A", b"a"),
    (b"hello", b"HELLO", b"hello"),
    (b"Hello, World", b"HELLO, WORLD", b"hello, world"),
    (b"h\xc3\xa9llo w\xc3\xb6rld", b"H\xc3\x89LLO W\xc3\x96RLD", b"h\xc3\xa9llo w\xc3\xb6rld"),
    (b"\xc3\x9f stra\xc3\x9fe", b"\xc3\x9f STRA\xc3\x9fE", b"\xc3\x9f stra\xc3\x9fe"),
    (b"\xc7\x86emal", b"\xc7\x84EMAL", b"\xc7\x86emal"),
    (b"\xce\x91\xce\x92\xce\x93 \xce\xb1\xce\xb2\xce\xb3 \xcf\x82", b"\xce\x91\xce\x92\xce\x93 \xce\x91\xce\x92\xce\x93 \xce\xa3", b"\xce\xb1\xce\xb2\xce\xb3 \xce\xb1\xce\xb2\xce\xb3 \xcf\x82"),
    (b"\xff\xfeab", b"\xef\xbf\xbd\xef\xbf\xbdAB", b"\xef\xbf\xbd\xef\xbf\xbdab"),
    (b"\xc4\xb0\xc4\xb1", b"\xc4\xb0I", b"i\xc4\xb1"),
    (b"\xef\xac\x83", b"\xef\xac\x83", b"\xef\xac\x83"),
    (b"a\xc2\xa0b\xe2\x80\x83c", b"A\xc2\xa0B\xe2\x80\x83C", b"a\xc2\xa0b\xe2\x80\x83c"),
    (b" \x09\x0a lead and trail \x0d\x0a", b" \x09\x0a LEAD AND TRAIL \x0d\x0a", b" \x09\x0a lead and trail \x0d\x0a"),
    (b"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", b"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", b"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"),
    (b"Kelvin \xe2\x84\xaa", b"KELVIN \xe2\x84\xaa", b"kelvin k"),
    (b"\xc5\xbf", b"S", b"\xc5\xbf"),
];

/// (s, Fields).
#[rustfmt::skip]
const FIELDS: &[(Bytes, &[Bytes])] = &[
    (b"", &[]),
    (b"  ", &[]),
    (b"a b  c", &[b"a", b"b", b"c"]),
    (b" \x09 a\xc2\xa0b\xe2\x80\x83c\xc2\x85d\x0a", &[b"a", b"b", b"c", b"d"]),
    (b"x\xffy z", &[b"x\xffy", b"z"]),
    (b"\xe2\x80\x8bx y", &[b"\xe2\x80\x8bx", b"y"]),
    (b"one", &[b"one"]),
];

/// (s, sep, n, SplitN, SplitAfterN).
type SplitCase = (Bytes, Bytes, i64, &'static [Bytes], &'static [Bytes]);

#[rustfmt::skip]
const SPLIT: &[SplitCase] = &[
    (b"a,b,c", b",", -1, &[b"a", b"b", b"c"], &[b"a,", b"b,", b"c"]),
    (b"a,b,c", b",", 2, &[b"a", b"b,c"], &[b"a,", b"b,c"]),
    (b"a,b,c", b",", 0, &[], &[]),
    (b"a,b,c", b",", 1, &[b"a,b,c"], &[b"a,b,c"]),
    (b"a,b,c", b",", 10, &[b"a", b"b", b"c"], &[b"a,", b"b,", b"c"]),
    (b"", b",", -1, &[b""], &[b""]),
    (b"abc", b"", -1, &[b"a", b"b", b"c"], &[b"a", b"b", b"c"]),
    (b"h\xc3\xa9llo", b"", -1, &[b"h", b"\xc3\xa9", b"l", b"l", b"o"], &[b"h", b"\xc3\xa9", b"l", b"l", b"o"]),
    (b"h\xc3\xa9llo", b"", 3, &[b"h", b"\xc3\xa9", b"llo"], &[b"h", b"\xc3\xa9", b"llo"]),
    (b"a\xffb", b"", -1, &[b"a", b"\xef\xbf\xbd", b"b"], &[b"a", b"\xef\xbf\xbd", b"b"]),
    (b",a,,b,", b",", -1, &[b"", b"a", b"", b"b", b""], &[b",", b"a,", b",", b"b,", b""]),
    (b"aaa", b"aa", -1, &[b"", b"a"], &[b"aa", b"a"]),
    (b"", b"", -1, &[], &[]),
    (b"a--b--c", b"--", -1, &[b"a", b"b", b"c"], &[b"a--", b"b--", b"c"]),
];

/// (s, old, new, n, Replace).
#[rustfmt::skip]
const REPLACE: &[(Bytes, Bytes, Bytes, i64, Bytes)] = &[
    (b"hello", b"l", b"L", -1, b"heLLo"),
    (b"hello", b"l", b"L", 1, b"heLlo"),
    (b"hello", b"", b"-", -1, b"-h-e-l-l-o-"),
    (b"h\xc3\xa9llo", b"", b"-", 3, b"-h-\xc3\xa9-llo"),
    (b"aaaa", b"aa", b"b", -1, b"bb"),
    (b"abc", b"x", b"y", -1, b"abc"),
    (b"abc", b"b", b"b", -1, b"abc"),
    (b"abc", b"b", b"", 0, b"abc"),
    (b"", b"", b"x", -1, b"x"),
    (b"a\xffb", b"", b".", -1, b".a.\xff.b."),
];

/// (s, sub, Index, LastIndex, Count, IndexAny, Contains, HasPrefix, EqualFold).
type IndexCase = (Bytes, Bytes, i64, i64, i64, i64, bool, bool, bool);

#[rustfmt::skip]
const INDEX: &[IndexCase] = &[
    (b"chicken", b"ken", 4, 4, 1, 4, true, false, false),
    (b"chicken", b"dmr", -1, -1, 0, -1, false, false, false),
    (b"chicken", b"", 0, 7, 8, -1, true, true, false),
    (b"", b"", 0, 0, 1, -1, true, true, true),
    (b"", b"a", -1, -1, 0, -1, false, false, false),
    (b"go gopher", b"go", 0, 3, 2, 0, true, true, false),
    (b"h\xc3\xa9llo", b"l", 3, 4, 2, 3, true, false, false),
    (b"aaa", b"aa", 0, 1, 1, 0, true, true, false),
    (b"ab\xffcd", b"\xff", 2, 2, 1, 2, true, false, false),
    (b"x", b"xyz", -1, -1, 0, 0, false, false, false),
    (b"h\xc3\xa9llo", b"\xc3\xa9", 1, 1, 1, 1, true, false, false),
    (b"h\xc3\xa9llo", b"xy\xc3\xa9", -1, -1, 0, 1, false, false, false),
    (b"a\xef\xbf\xbd\xff", b"\xef\xbf\xbd", 1, 1, 1, 1, true, false, false),
];

/// (s, r, IndexRune, ContainsRune).
#[rustfmt::skip]
const RUNE: &[(Bytes, i32, i64, bool)] = &[
    (b"chicken", 107, 4, true),
    (b"chicken", 100, -1, false),
    (b"h\xc3\xa9llo", 233, 1, true),
    (b"a\xffb", 65533, 1, true),
    (b"a\xef\xbf\xbdb", 65533, 1, true),
    (b"abc", -1, -1, false),
    (b"abc", 55296, -1, false),
    (b"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 35486, 6, true),
    (b"", 97, -1, false),
];

/// (s, t, EqualFold).
#[rustfmt::skip]
const FOLD: &[(Bytes, Bytes, bool)] = &[
    (b"Go", b"GO", true),
    (b"\xc3\x9f", b"SS", false),
    (b"k", b"\xe2\x84\xaa", true),
    (b"s", b"\xc5\xbf", true),
    (b"\xcf\x83", b"\xcf\x82", true),
    (b"\xce\xa3", b"\xcf\x82", true),
    (b"\xcf\x91", b"\xcf\xb4", true),
    (b"\xce\xb8", b"\xcf\xb4", true),
    (b"abc", b"ab", false),
    (b"\xff", b"\xef\xbf\xbd", true),
    (b"\xc7\x85", b"\xc7\x86", true),
    (b"\xc7\x85", b"\xc7\x84", true),
    (b"\xc2\xb5", b"\xce\x9c", true),
    (b"\xc4\xb0", b"i", false),
    (b"\xc4\xb1", b"I", false),
];

/// (s, cutset, Trim, TrimLeft, TrimRight, TrimSpace).
#[rustfmt::skip]
const TRIM: &[(Bytes, Bytes, Bytes, Bytes, Bytes, Bytes)] = &[
    (b"  hi  ", b" ", b"hi", b"hi  ", b"  hi", b"hi"),
    (b"xxhixx", b"x", b"hi", b"hixx", b"xxhi", b"xxhixx"),
    (b"abhiba", b"ab", b"hi", b"hiba", b"abhi", b"abhiba"),
    (b"h\xc3\xa9hih", b"h\xc3\xa9", b"i", b"ih", b"h\xc3\xa9hi", b"h\xc3\xa9hih"),
    (b"\xffhi\xff", b"\xef\xbf\xbd", b"hi", b"hi\xff", b"\xffhi", b"\xffhi\xff"),
    (b"hi", b"", b"hi", b"hi", b"hi", b"hi"),
    (b"", b"x", b"", b"", b"", b""),
    (b"aaa", b"a", b"", b"", b"", b"aaa"),
    (b"\xc2\xa1\xc2\xa1hi!!", b"!\xc2\xa1", b"hi", b"hi!!", b"\xc2\xa1\xc2\xa1hi", b"\xc2\xa1\xc2\xa1hi!!"),
    (b" \x09\xc2\xa0 x \xe3\x80\x80\x0a", b" ", b"\x09\xc2\xa0 x \xe3\x80\x80\x0a", b"\x09\xc2\xa0 x \xe3\x80\x80\x0a", b" \x09\xc2\xa0 x \xe3\x80\x80\x0a", b"x"),
];

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn case_mapping_matches_go() {
    for &(s, upper, lower) in CASE {
        assert_eq!(to_upper(s), upper, "ToUpper {}", text(s));
        assert_eq!(to_lower(s), lower, "ToLower {}", text(s));
    }
}

#[test]
fn splitting_matches_go() {
    for &(s, want) in FIELDS {
        assert_eq!(fields(s), want, "Fields {}", text(s));
    }
    for &(s, sep, n, want, after) in SPLIT {
        assert_eq!(
            split_n(s, sep, n),
            want,
            "SplitN {} {} {n}",
            text(s),
            text(sep)
        );
        assert_eq!(
            split_after_n(s, sep, n),
            after,
            "SplitAfterN {} {} {n}",
            text(s),
            text(sep)
        );
        if n < 0 {
            assert_eq!(split(s, sep), want);
            assert_eq!(split_after(s, sep), after);
        }
    }
    assert_eq!(cut(b"k=v=w", b"="), (&b"k"[..], &b"v=w"[..], true));
    assert_eq!(cut(b"kv", b"="), (&b"kv"[..], &b""[..], false));
    assert_eq!(join(&[b"a", b"b", b"c"], b", "), b"a, b, c");
    assert_eq!(join(&[], b", "), b"");
}

#[test]
fn replacing_matches_go() {
    for &(s, old, new, n, want) in REPLACE {
        assert_eq!(
            replace(s, old, new, n),
            want,
            "Replace {} {} {} {n}",
            text(s),
            text(old),
            text(new)
        );
    }
    assert_eq!(replace_all(b"a.b.c", b".", b"::"), b"a::b::c");
    assert_eq!(repeat(b"ab", 3).as_deref(), Ok(&b"ababab"[..]));
    assert_eq!(repeat(b"ab", 0).as_deref(), Ok(&b""[..]));
    assert_eq!(repeat(b"ab", -1), Err("strings: negative Repeat count"));
    assert_eq!(
        repeat(b"ab", i64::MAX),
        Err("strings: Repeat count causes overflow")
    );
}

#[test]
fn searching_matches_go() {
    for &(s, sub, i, last, n, any, has, prefix, fold) in INDEX {
        let got = (
            index(s, sub),
            last_index(s, sub),
            count(s, sub),
            index_any(s, sub),
        );
        assert_eq!(got, (i, last, n, any), "{} {}", text(s), text(sub));
        let got = (contains(s, sub), has_prefix(s, sub), equal_fold(s, sub));
        assert_eq!(got, (has, prefix, fold), "{} {}", text(s), text(sub));
    }
    for &(s, r, i, has) in RUNE {
        assert_eq!(
            (index_rune(s, r), contains_rune(s, r)),
            (i, has),
            "{} {r}",
            text(s)
        );
    }
    for &(s, t, want) in FOLD {
        assert_eq!(equal_fold(s, t), want, "{} {}", text(s), text(t));
    }
    assert_eq!(index_byte(b"abcb", b'b'), 1);
    assert_eq!(last_index_byte(b"abcb", b'b'), 3);
    assert!(has_suffix(b"file.go", b".go"));
    assert!(contains_any(b"hello", b"xyz l"));
    assert!(!contains_any(b"hello", b""));
}

#[test]
fn trimming_matches_go() {
    for &(s, cut, both, left, right, space) in TRIM {
        let got = (
            trim(s, cut),
            trim_left(s, cut),
            trim_right(s, cut),
            trim_space(s),
        );
        assert_eq!(got, (both, left, right, space), "{} {}", text(s), text(cut));
    }
    assert_eq!(trim_prefix(b"prefix-body", b"prefix-"), b"body");
    assert_eq!(trim_suffix(b"body.go", b".rs"), b"body.go");
}

#[test]
fn title_case_matches_go() {
    // (s, Title, ToTitle) from Go 1.19.
    let cases: &[(&[u8], &str, &str)] = &[
        (b"", "", ""),
        (
            "hello wOrld,foo_bar \u{e7}a-va".as_bytes(),
            "Hello WOrld,Foo_bar \u{c7}a-Va",
            "HELLO WORLD,FOO_BAR \u{c7}A-VA",
        ),
        (
            "\u{1c6}emal \u{1c6}".as_bytes(),
            "\u{1c5}emal \u{1c5}",
            "\u{1c5}EMAL \u{1c5}",
        ),
        (
            b"a\xc2\xa0b\xe2\x80\x83c\xffd x1y 9z",
            "A\u{a0}B\u{2003}C\u{fffd}d X1y 9z",
            "A\u{a0}B\u{2003}C\u{fffd}D X1Y 9Z",
        ),
        (
            "\u{e9}lan vital\u{2014}ok".as_bytes(),
            "\u{c9}lan Vital\u{2014}ok",
            "\u{c9}LAN VITAL\u{2014}OK",
        ),
    ];
    for &(s, t, tt) in cases {
        assert_eq!(title(s), t.as_bytes(), "{}", text(s));
        assert_eq!(to_title(s), tt.as_bytes(), "{}", text(s));
    }
}

#[test]
fn last_index_any_matches_go() {
    // (s, chars, LastIndexAny) from Go 1.19.
    let cases: &[(&[u8], &[u8], i64)] = &[
        (b"go gopher", b"go", 4),
        (b"go gopher", b"ordent", 8),
        (b"", b"a", -1),
        (b"abc", b"", -1),
        (b"a\xffb\xff", b"\xff", 3),
        ("a\u{e9}b\u{e9}".as_bytes(), "\u{e9}x".as_bytes(), 4),
        (b"x\xef\xbf\xbdy\xffz", "\u{fffd}".as_bytes(), 5),
        (
            "\u{65e5}\u{672c}\u{8a9e}".as_bytes(),
            "\u{65e5}".as_bytes(),
            0,
        ),
    ];
    for &(s, chars, want) in cases {
        assert_eq!(
            last_index_any(s, chars),
            want,
            "{} {}",
            text(s),
            text(chars)
        );
    }
}

#[test]
fn replacers_match_go() {
    // (pairs, s, Replace) from Go 1.19.
    let cases: &[(&[&str], &str, &[u8])] = &[
        (&["", "X"], "h\u{e9}", b"XhX\xc3X\xa9X"),
        (&["a", "1", "aa", "2", "", "-"], "aaab", b"111-b-"),
        (&["aa", "2", "a", "1"], "aaab", b"21b"),
        (&["a", "1", "a", "2"], "aaab", b"111b"),
        (
            &["<", "&lt;", ">", "&gt;", "&", "&amp;"],
            "<a & b>",
            b"&lt;a &amp; b&gt;",
        ),
        (&["", "X", "b", "B"], "abc", b"XaXBXcX"),
    ];
    for &(oldnew, s, want) in cases {
        let pairs: Vec<(&[u8], &[u8])> = oldnew
            .chunks(2)
            .map(|p| (p[0].as_bytes(), p[1].as_bytes()))
            .collect();
        assert_eq!(replace_pairs(s.as_bytes(), &pairs), want, "{oldnew:?} {s}");
    }
}
