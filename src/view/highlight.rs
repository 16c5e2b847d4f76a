//! A small Go tokenizer for syntax highlighting.
//!
//! It splits Go source into spans a stylesheet can colour: comments, string and rune literals,
//! numbers, keywords, predeclared names, function names at their call or declaration, and
//! everything else. It follows the Go spec's lexical grammar closely enough for display, and is
//! total: any text, even broken Go, splits into spans without panicking.
//!
//! # Invariants
//! - The spans' texts, concatenated, are exactly the input.
//! - No span is empty.

/// What a span of Go source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Comment,
    /// Interpreted, raw or rune literal.
    String,
    Number,
    Keyword,
    /// A predeclared type (`int`, `error`, `string`…).
    Type,
    /// A predeclared function (`make`, `len`, `close`…) or constant (`nil`, `true`, `iota`).
    Builtin,
    /// An identifier followed by `(`: a function called or declared.
    Func,
    Ident,
    Punct,
    Space,
}

impl Class {
    /// The CSS class the page gives the span (`tok-kw`).
    pub fn css(self) -> &'static str {
        match self {
            Class::Comment => "tok-comment",
            Class::String => "tok-str",
            Class::Number => "tok-num",
            Class::Keyword => "tok-kw",
            Class::Type => "tok-type",
            Class::Builtin => "tok-builtin",
            Class::Func => "tok-func",
            Class::Ident => "tok-ident",
            Class::Punct => "tok-punct",
            Class::Space => "tok-space",
        }
    }
}

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

const TYPES: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
];

const BUILTINS: &[&str] = &[
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
    "min", "new", "panic", "print", "println", "real", "recover", "true", "false", "iota", "nil",
];

/// Splits `src` into classified spans (see the module's invariants).
pub fn tokenize(src: &str) -> Vec<(Class, &str)> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        let (class, len) = next_token(rest, c);
        // `next_token` always consumes at least the first character.
        let len = len.max(c.len_utf8());
        let (tok, tail) = rest.split_at(len);
        let class = if class == Class::Ident {
            classify_word(tok, tail)
        } else {
            class
        };
        out.push((class, tok));
        rest = tail;
    }
    out
}

/// The class and byte length of the token at the start of `s`, whose first char is `c`.
fn next_token(s: &str, c: char) -> (Class, usize) {
    let b = s.as_bytes();
    match c {
        ' ' | '\t' | '\n' | '\r' => (Class::Space, span_while(s, |c| c.is_whitespace())),
        '/' if b.get(1) == Some(&b'/') => (Class::Comment, s.find('\n').unwrap_or(s.len())),
        '/' if b.get(1) == Some(&b'*') => {
            (Class::Comment, s[2..].find("*/").map_or(s.len(), |i| i + 4))
        }
        '"' => (Class::String, quoted(s, b'"')),
        '\'' => (Class::String, quoted(s, b'\'')),
        '`' => (Class::String, s[1..].find('`').map_or(s.len(), |i| i + 2)),
        '0'..='9' => (Class::Number, number(s)),
        '.' if b.get(1).is_some_and(u8::is_ascii_digit) => (Class::Number, number(s)),
        c if c == '_' || c.is_alphabetic() => (
            Class::Ident,
            span_while(s, |c| c == '_' || c.is_alphanumeric()),
        ),
        _ => (Class::Punct, c.len_utf8()),
    }
}

/// Bytes of the leading run of chars matching `f`.
fn span_while(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Length of an interpreted string or rune literal opened by `quote` at `s[0]`: up to and with
/// the closing quote, or to the end of the line when it is unterminated.
fn quoted(s: &str, quote: u8) -> usize {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            q if q == quote => return i + 1,
            _ => i += 1,
        }
    }
    // An escape at the very end may have stepped past it; stop at a char boundary.
    let mut end = b.len().min(i);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Length of a number literal: digits, letters (hex digits, prefixes, exponents, `i`), `_`, `.`
/// and an exponent's sign.
fn number(s: &str) -> usize {
    let b = s.as_bytes();
    let hex = b.len() > 1 && b[0] == b'0' && (b[1] == b'x' || b[1] == b'X');
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let sign_after_exponent = (c == b'+' || c == b'-')
            && i > 0
            && if hex {
                matches!(b[i - 1], b'p' | b'P')
            } else {
                matches!(b[i - 1], b'e' | b'E')
            };
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || sign_after_exponent {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Keyword, predeclared name, function or plain identifier, given the text after the word.
fn classify_word(word: &str, after: &str) -> Class {
    if KEYWORDS.contains(&word) {
        Class::Keyword
    } else if TYPES.contains(&word) {
        Class::Type
    } else if BUILTINS.contains(&word) {
        Class::Builtin
    } else if after.starts_with('(') {
        Class::Func
    } else {
        Class::Ident
    }
}

/// The spans of `src` line by line: each line's spans, its newline included in its last span,
/// a span that crosses lines (a block comment, a raw string) cut at each newline. Line `i` of
/// the result is line `i + 1` of the source; the spans of all lines, concatenated, are `src`.
pub fn lines(src: &str) -> Vec<Vec<(Class, &str)>> {
    let mut lines = vec![Vec::new()];
    for (class, text) in tokenize(src) {
        for piece in text.split_inclusive('\n') {
            lines
                .last_mut()
                .expect("one line at least")
                .push((class, piece));
            if piece.ends_with('\n') {
                lines.push(Vec::new());
            }
        }
    }
    if lines.last().is_some_and(Vec::is_empty) && lines.len() > 1 {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::Rng;

    fn classes(src: &str) -> Vec<(Class, &str)> {
        tokenize(src)
            .into_iter()
            .filter(|(c, _)| *c != Class::Space)
            .collect()
    }

    #[test]
    fn classifies_a_small_program() {
        let src = "func main() {\n\tch := make(chan int, 3) // buffered\n\tgo worker(ch)\n}";
        let toks = classes(src);
        assert_eq!(toks[0], (Class::Keyword, "func"));
        assert_eq!(toks[1], (Class::Func, "main"));
        assert!(toks.contains(&(Class::Builtin, "make")));
        assert!(toks.contains(&(Class::Keyword, "chan")));
        assert!(toks.contains(&(Class::Type, "int")));
        assert!(toks.contains(&(Class::Number, "3")));
        assert!(toks.contains(&(Class::Comment, "// buffered")));
        assert!(toks.contains(&(Class::Keyword, "go")));
        assert!(toks.contains(&(Class::Func, "worker")));
        assert!(toks.contains(&(Class::Ident, "ch")));
    }

    #[test]
    fn literals() {
        let toks = classes(r#"s := "a \"q\" b" + `raw "x"` + '\'' + "é""#);
        let strings: Vec<&str> = toks
            .iter()
            .filter(|(c, _)| *c == Class::String)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(
            strings,
            [r#""a \"q\" b""#, r#"`raw "x"`"#, r"'\''", "\"é\""]
        );
        let nums: Vec<&str> = classes("x := 0x1F + 1_000 + 1.5e-3 + .25 + 0x1p-2 - 7")
            .into_iter()
            .filter(|(c, _)| *c == Class::Number)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(nums, ["0x1F", "1_000", "1.5e-3", ".25", "0x1p-2", "7"]);
    }

    #[test]
    fn comments_and_unterminated_text() {
        let toks = classes("/* a\nb */ x \"open\ny");
        assert_eq!(toks[0], (Class::Comment, "/* a\nb */"));
        assert_eq!(toks[2], (Class::String, "\"open"));
        assert_eq!(toks[3], (Class::Ident, "y"));
        assert_eq!(
            classes("/* never closed"),
            [(Class::Comment, "/* never closed")]
        );
        assert_eq!(
            classes("\"ends in escape\\"),
            [(Class::String, "\"ends in escape\\")]
        );
        assert_eq!(classes("'é\\"), [(Class::String, "'é\\")]);
    }

    /// Property: any text splits into non-empty spans that concatenate to the text.
    #[test]
    fn spans_cover_any_input_exactly() {
        const PIECES: &[&str] = &[
            "a", "_", "9", ".", "0x", "e", "+", "-", "\"", "'", "`", "\\", "/", "*", "//", "/*",
            "*/", "\n", " ", "\t", "é", "✓", "(", "func", "chan", "{", "}",
        ];
        let mut rng = Rng::new(3);
        for _ in 0..5000 {
            let len = rng.below(40);
            let src: String = (0..len)
                .map(|_| PIECES[rng.below(PIECES.len() as u64) as usize])
                .collect();
            let toks = tokenize(&src);
            assert!(toks.iter().all(|(_, t)| !t.is_empty()), "{src:?}");
            let joined: String = toks.iter().map(|(_, t)| *t).collect();
            assert_eq!(joined, src);
        }
    }

    #[test]
    fn every_catalog_source_round_trips() {
        for p in crate::patterns::catalog() {
            let params = crate::patterns::Params::defaults(p.params);
            let src = p.go_source(&params, 1);
            let joined: String = tokenize(&src).iter().map(|(_, t)| *t).collect();
            assert_eq!(joined, src, "{}", p.id);
        }
    }

    #[test]
    fn lines_cut_spans_at_newlines_and_keep_the_text() {
        let src = "package main\n\n/* a\nb */\nfunc main() {}\n";
        let lines = lines(src);
        assert_eq!(lines.len(), 5);
        let text = |i: usize| lines[i].iter().map(|(_, t)| *t).collect::<String>();
        assert_eq!(text(0), "package main\n");
        assert_eq!(text(1), "\n");
        assert_eq!(
            (text(2), lines[2][0].0),
            ("/* a\n".to_string(), Class::Comment)
        );
        assert_eq!(text(3), "b */\n");
        assert_eq!(text(4), "func main() {}\n");
        let all: String = lines.iter().flatten().map(|(_, t)| *t).collect();
        assert_eq!(all, src);
        // A last line without a newline is a line; empty text is one empty line.
        assert_eq!(super::lines("a\nb").len(), 2);
        assert_eq!(super::lines("").len(), 1);
    }
}
