//! The scanner: Go source text to tokens, with automatic semicolon insertion, following gc's
//! `syntax/scanner.go` (its token classes, its literal checks and its error messages).
//!
//! The parser pulls one token at a time with [`Scanner::next`]; the current token's class, its
//! position, its literal's span and its operator are fields of the scanner. Comments are
//! skipped, except that before the package clause a `//go:build go1.N` line or a
//! `// go 1.N` comment records the file's Go version.
//!
//! # Invariants
//! - `ch` is the character at byte offset `off` (or -1 at the end); `chw` is its width.
//! - After `next`, `pos` is the absolute position of the token's first byte and
//!   `lit_start..lit_end` (file-relative) its text, for names and literals.
//! - `nlsemi` is set after a token that may end a statement (a name, a literal, `break`,
//!   `continue`, `fallthrough`, `return`, `++`, `--`, `)`, `]`, `}`): the next newline (or the
//!   end of the file, or a comment spanning lines) then reads as `;`.

mod literals;

pub use literals::{format_u, quote_rune};

use super::token::{LitKind, Op, Pos, Tok};

pub struct Scanner {
    text: std::rc::Rc<str>,
    /// The position of the file's first byte in the source space.
    base: Pos,
    off: usize,
    ch: i32,
    chw: usize,
    nlsemi: bool,
    /// Before the package clause: comments may carry the Go version.
    pub top: bool,

    pub tok: Tok,
    /// Absolute position of the current token.
    pub pos: Pos,
    pub lit_start: usize,
    pub lit_end: usize,
    pub kind: LitKind,
    /// The literal has a lexical error (already reported).
    pub bad: bool,
    pub op: Op,
    pub prec: u8,
    /// For `Tok::Semi`: "semicolon", "newline" or "EOF", as gc's messages name it.
    pub semi_lit: &'static str,

    /// Lexical errors: absolute position and message.
    pub errors: Vec<(Pos, String)>,
    /// From a `//go:build go1.N` line or `// go 1.N` comment before the package clause.
    pub go_version: Option<(u32, u32)>,
}

/// The ASCII bytes an identifier continues with: letters, digits and `_`.
const IDENT_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

// The scanner's innermost tests: inlined even where the crate is optimised for size.
#[inline(always)]
fn is_letter(c: i32) -> bool {
    let l = c | 0x20;
    (b'a' as i32..=b'z' as i32).contains(&l) || c == b'_' as i32
}

#[inline(always)]
fn is_decimal(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn is_hex(c: i32) -> bool {
    let l = c | 0x20;
    is_decimal(c) || (b'a' as i32..=b'f' as i32).contains(&l)
}

fn lower(c: i32) -> i32 {
    c | 0x20
}

impl Scanner {
    pub fn new(text: std::rc::Rc<str>, base: Pos) -> Self {
        let mut s = Scanner {
            text,
            base,
            off: 0,
            ch: -1,
            chw: 0,
            nlsemi: false,
            top: true,
            tok: Tok::Eof,
            pos: base,
            lit_start: 0,
            lit_end: 0,
            kind: LitKind::Int,
            bad: false,
            op: Op::Add,
            prec: 0,
            semi_lit: "",
            errors: Vec::new(),
            go_version: None,
        };
        s.read_at(0);
        // A byte order mark is allowed as the file's first character only.
        if s.ch == 0xfeff {
            s.nextch();
        }
        s
    }

    /// A scanner that starts at byte `off` of the file, past its package clause (to parse
    /// one body of a file parsed before).
    pub fn at(text: std::rc::Rc<str>, base: Pos, off: usize) -> Self {
        let mut s = Scanner::new(text, base);
        s.top = false;
        s.read_at(off);
        s
    }

    /// Skips the block whose `{` is the current token: its matching `}` becomes the current
    /// token. Strings, runes and comments are skipped whole, so braces in them do not count.
    /// False (and nothing skipped) when the block does not end.
    pub fn skip_block(&mut self) -> bool {
        let src = self.src();
        let mut depth = 1;
        let mut i = self.off;
        while i < src.len() {
            match src[i] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                q @ (b'"' | b'\'') => {
                    i += 1;
                    while i < src.len() && src[i] != q && src[i] != b'\n' {
                        i += if src[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'`' => {
                    i += 1;
                    while i < src.len() && src[i] != b'`' {
                        i += 1;
                    }
                }
                b'/' if src.get(i + 1) == Some(&b'/') => {
                    while i < src.len() && src[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if src.get(i + 1) == Some(&b'*') => {
                    i += 2;
                    while i + 1 < src.len() && !(src[i] == b'*' && src[i + 1] == b'/') {
                        i += 1;
                    }
                    i += 1;
                }
                _ => {}
            }
            i += 1;
        }
        if i >= src.len() {
            return false;
        }
        self.lit_start = i;
        self.pos = self.base + i as Pos;
        self.read_at(i + 1);
        self.lit_end = i + 1;
        self.tok = Tok::Rbrace;
        self.nlsemi = true;
        true
    }

    /// The text of the current name or literal.
    pub fn lit(&self) -> &str {
        // Token boundaries fall on character boundaries of valid UTF-8.
        self.text.get(self.lit_start..self.lit_end).unwrap_or("")
    }

    fn src(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// Skips the rest of the file: the next token is EOF.
    pub fn skip_to_end(&mut self) {
        let end = self.src().len();
        self.read_at(end);
        self.nlsemi = false;
        self.tok = Tok::Eof;
        self.pos = self.base + end as Pos;
    }

    fn read_at(&mut self, off: usize) {
        self.off = off;
        let Some(&b) = self.src().get(off) else {
            self.ch = -1;
            self.chw = 0;
            return;
        };
        if b < 0x80 {
            self.ch = b as i32;
            self.chw = 1;
            if b == 0 {
                self.error_here("invalid NUL character");
            }
            return;
        }
        let w = match b {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        let end = (off + w).min(self.src().len());
        let ch = std::str::from_utf8(&self.src()[off..end])
            .ok()
            .and_then(|s| s.chars().next())
            .map_or(0xfffd, |c| c as i32);
        self.ch = ch;
        self.chw = w;
        if ch == 0xfeff && off > 0 {
            self.error_here("invalid BOM in the middle of the file");
        }
    }

    #[inline]
    fn nextch(&mut self) {
        let off = self.off + self.chw;
        // Fast path: a plain ASCII character.
        if let Some(&b) = self.text.as_bytes().get(off) {
            if b != 0 && b < 0x80 {
                self.off = off;
                self.ch = b as i32;
                self.chw = 1;
                return;
            }
        }
        self.read_at(off);
    }

    fn error_here(&mut self, msg: impl Into<String>) {
        self.errors.push((self.base + self.off as Pos, msg.into()));
    }

    /// An error at `offset` bytes from the current token's start.
    fn error_at_tok(&mut self, offset: usize, msg: impl Into<String>) {
        self.errors
            .push((self.base + (self.lit_start + offset) as Pos, msg.into()));
    }

    /// Advances to the next token.
    pub fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while self.ch == b' ' as i32
                || self.ch == b'\t' as i32
                || self.ch == b'\n' as i32 && !nlsemi
                || self.ch == b'\r' as i32
            {
                self.nextch();
            }
            self.lit_start = self.off;
            self.pos = self.base + self.off as Pos;
            if self.scan_token(nlsemi) {
                self.lit_end = self.off;
                return;
            }
        }
    }

    /// Scans one token starting at `ch`; false when it skipped a comment (or a bad
    /// character) and must scan again.
    fn scan_token(&mut self, nlsemi: bool) -> bool {
        let c = self.ch;
        if is_letter(c) || c >= 0x80 && self.at_ident_char(true) {
            self.nextch();
            self.ident();
            return true;
        }
        if c < 0 {
            if nlsemi {
                self.semi_lit = "EOF";
                self.tok = Tok::Semi;
            } else {
                self.tok = Tok::Eof;
            }
            return true;
        }
        // A match on the byte, which compiles to a jump table (other characters, which no
        // token starts with, are all the last arm).
        let b = u8::try_from(c).unwrap_or(0xff);
        match b {
            b'\n' => {
                self.nextch();
                self.semi_lit = "newline";
                self.tok = Tok::Semi;
            }
            b'0'..=b'9' => self.number(false),
            b'"' => self.std_string(),
            b'`' => self.raw_string(),
            b'\'' => self.rune(),
            b'(' => self.simple(Tok::Lparen),
            b'[' => self.simple(Tok::Lbrack),
            b'{' => self.simple(Tok::Lbrace),
            b',' => self.simple(Tok::Comma),
            b';' => {
                self.nextch();
                self.semi_lit = "semicolon";
                self.tok = Tok::Semi;
            }
            b')' => {
                self.simple(Tok::Rparen);
                self.nlsemi = true;
            }
            b']' => {
                self.simple(Tok::Rbrack);
                self.nlsemi = true;
            }
            b'}' => {
                self.simple(Tok::Rbrace);
                self.nlsemi = true;
            }
            b':' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.tok = Tok::Define;
                } else {
                    self.tok = Tok::Colon;
                }
            }
            b'.' => {
                self.nextch();
                if is_decimal(self.ch) {
                    self.number(true);
                } else if self.ch == b'.' as i32 && self.src().get(self.off + 1) == Some(&b'.') {
                    self.nextch();
                    self.nextch();
                    self.tok = Tok::DotDotDot;
                } else {
                    self.tok = Tok::Dot;
                }
            }
            b'+' | b'-' => {
                self.nextch();
                self.set_op(if b == b'+' { Op::Add } else { Op::Sub });
                if self.ch == c {
                    self.nextch();
                    self.nlsemi = true;
                    self.tok = Tok::IncOp;
                } else {
                    self.assign_op();
                }
            }
            b'*' => {
                self.nextch();
                self.set_op(Op::Mul);
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.tok = Tok::AssignOp;
                } else {
                    self.tok = Tok::Star;
                }
            }
            b'/' => {
                self.nextch();
                if self.ch == b'/' as i32 {
                    self.nextch();
                    self.line_comment();
                    return false;
                }
                if self.ch == b'*' as i32 {
                    self.nextch();
                    let start_line_off = self.lit_start;
                    self.full_comment();
                    let spans_lines = self.src()[start_line_off..self.off].contains(&b'\n');
                    if spans_lines && nlsemi {
                        // A comment spanning lines acts like a newline.
                        self.semi_lit = "newline";
                        self.tok = Tok::Semi;
                        return true;
                    }
                    return false;
                }
                self.set_op(Op::Div);
                self.assign_op();
            }
            b'%' => {
                self.nextch();
                self.set_op(Op::Rem);
                self.assign_op();
            }
            b'&' => {
                self.nextch();
                if self.ch == b'&' as i32 {
                    self.nextch();
                    self.set_op(Op::AndAnd);
                    self.tok = Tok::Operator;
                } else {
                    self.set_op(Op::And);
                    if self.ch == b'^' as i32 {
                        self.nextch();
                        self.set_op(Op::AndNot);
                    }
                    self.assign_op();
                }
            }
            b'|' => {
                self.nextch();
                if self.ch == b'|' as i32 {
                    self.nextch();
                    self.set_op(Op::OrOr);
                    self.tok = Tok::Operator;
                } else {
                    self.set_op(Op::Or);
                    self.assign_op();
                }
            }
            b'^' => {
                self.nextch();
                self.set_op(Op::Xor);
                self.assign_op();
            }
            b'<' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.set_op(Op::Leq);
                    self.tok = Tok::Operator;
                } else if self.ch == b'<' as i32 {
                    self.nextch();
                    self.set_op(Op::Shl);
                    self.assign_op();
                } else if self.ch == b'-' as i32 {
                    self.nextch();
                    self.tok = Tok::Arrow;
                } else {
                    self.set_op(Op::Lss);
                    self.tok = Tok::Operator;
                }
            }
            b'>' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.set_op(Op::Geq);
                    self.tok = Tok::Operator;
                } else if self.ch == b'>' as i32 {
                    self.nextch();
                    self.set_op(Op::Shr);
                    self.assign_op();
                } else {
                    self.set_op(Op::Gtr);
                    self.tok = Tok::Operator;
                }
            }
            b'=' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.set_op(Op::Eql);
                    self.tok = Tok::Operator;
                } else {
                    self.tok = Tok::Assign;
                }
            }
            b'!' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.set_op(Op::Neq);
                } else {
                    self.set_op(Op::Not);
                }
                self.tok = Tok::Operator;
            }
            b'~' => {
                self.nextch();
                self.set_op(Op::Tilde);
                self.tok = Tok::Operator;
            }
            _ => {
                let msg = format!("invalid character {}", format_u(c as u32));
                self.error_here(msg);
                self.nextch();
                // gc keeps the statement-ending state across a skipped character.
                self.nlsemi = nlsemi;
                return false;
            }
        }
        true
    }

    fn simple(&mut self, tok: Tok) {
        self.nextch();
        self.tok = tok;
    }

    fn set_op(&mut self, op: Op) {
        self.op = op;
        self.prec = op.precedence();
    }

    fn assign_op(&mut self) {
        if self.ch == b'=' as i32 {
            self.nextch();
            self.tok = Tok::AssignOp;
        } else {
            self.tok = Tok::Operator;
        }
    }

    fn at_ident_char(&mut self, first: bool) -> bool {
        let c = self.ch;
        let ch = char::from_u32(c as u32).unwrap_or('\u{fffd}');
        if ch.is_alphabetic() || c == b'_' as i32 {
            return true;
        }
        if ch.is_numeric() {
            if first {
                self.error_here(format!(
                    "identifier cannot begin with digit {}",
                    format_u(c as u32)
                ));
            }
            return true;
        }
        if c >= 0x80 {
            self.error_here(format!(
                "invalid character {} in identifier",
                format_u(c as u32)
            ));
            return true;
        }
        false
    }

    fn ident(&mut self) {
        // ASCII letters and digits, read straight from the bytes.
        let src = self.src();
        let mut end = self.off;
        while end < src.len() && IDENT_BYTE[src[end] as usize] {
            end += 1;
        }
        if end > self.off {
            self.read_at(end);
        }
        if self.ch >= 0x80 {
            while self.ch >= 0x80 && self.at_ident_char(false)
                || is_letter(self.ch)
                || is_decimal(self.ch)
            {
                self.nextch();
            }
        }
        let word = &self.src()[self.lit_start..self.off];
        if word.len() >= 2 {
            if let Some(tok) = Tok::keyword(word) {
                self.nlsemi = matches!(
                    tok,
                    Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return
                );
                self.tok = tok;
                return;
            }
        }
        self.nlsemi = true;
        self.tok = Tok::Name;
    }

    fn set_lit(&mut self, kind: LitKind, ok: bool) {
        self.nlsemi = true;
        self.tok = Tok::Literal;
        self.kind = kind;
        self.bad = !ok;
    }

    fn skip_line(&mut self) {
        while self.ch >= 0 && self.ch != b'\n' as i32 {
            self.nextch();
        }
    }

    fn line_comment(&mut self) {
        let start = self.off;
        self.skip_line();
        if self.top {
            let text = &self.src()[start..self.off];
            if let Some(v) = go_version_directive(text) {
                self.go_version.get_or_insert(v);
            }
        }
    }

    fn full_comment(&mut self) {
        while self.ch >= 0 {
            while self.ch == b'*' as i32 {
                self.nextch();
                if self.ch == b'/' as i32 {
                    self.nextch();
                    return;
                }
            }
            self.nextch();
        }
        self.error_at_tok(0, "comment not terminated");
    }
}

/// The Go version a comment names: `go:build go1.21` (any build line mentioning `go1.N`) or
/// ` go 1.21`. `text` is the comment after its `//`.
fn go_version_directive(text: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(text).ok()?;
    if let Some(rest) = text.strip_prefix("go:build") {
        let i = rest.find("go1.")?;
        return parse_minor(&rest[i + 4..]);
    }
    let rest = text.trim().strip_prefix("go")?;
    let rest = rest.strip_prefix(' ')?.trim_start().strip_prefix("1.")?;
    if rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return parse_minor(rest);
    }
    None
}

fn parse_minor(s: &str) -> Option<(u32, u32)> {
    let digits: &str = &s[..s.bytes().take_while(u8::is_ascii_digit).count()];
    digits.parse().ok().map(|m| (1, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<(Tok, String)> {
        let mut s = Scanner::new(src.into(), 0);
        let mut out = Vec::new();
        loop {
            s.next();
            if s.tok == Tok::Eof {
                break;
            }
            let text = match s.tok {
                Tok::Name | Tok::Literal => s.lit().to_string(),
                Tok::Semi => s.semi_lit.to_string(),
                Tok::Operator | Tok::Star | Tok::AssignOp | Tok::IncOp => s.op.text().to_string(),
                t => t.text().to_string(),
            };
            out.push((s.tok, text));
        }
        out
    }

    fn errors(src: &str) -> Vec<(Pos, String)> {
        let mut s = Scanner::new(src.into(), 0);
        loop {
            s.next();
            if s.tok == Tok::Eof {
                break;
            }
        }
        s.errors
    }

    #[test]
    fn semicolons_are_inserted_after_statement_ends() {
        let t = toks("x := f(a)\nreturn\n}\ny++\nz\n");
        let semis: Vec<_> = t.iter().filter(|(k, _)| *k == Tok::Semi).collect();
        assert_eq!(semis.len(), 5);
        let t = toks("a +\nb");

        assert_eq!(t.len(), 4); // a + b ; (EOF)
        assert_eq!(t[3], (Tok::Semi, "EOF".to_string()));
    }

    #[test]
    fn a_comment_spanning_lines_ends_a_statement() {
        let t = toks("x /* a\n b */ y");
        assert_eq!(t[1], (Tok::Semi, "newline".into()));
        let t = toks("x /* a b */ y // c\n");
        assert_eq!(t[1], (Tok::Name, "y".into()));
    }

    #[test]
    fn numbers_of_every_base_scan_as_one_literal() {
        for lit in [
            "0x1F",
            "0o17",
            "0b1011",
            "017",
            "1_000_000",
            "0x1p-2",
            "1e9",
            ".5",
            "1.",
            "3i",
        ] {
            let t = toks(lit);
            assert_eq!(t[0], (Tok::Literal, lit.to_string()), "{lit}");
        }
        assert!(errors("0x1p-2 1_000").is_empty());
    }

    #[test]
    fn bad_numbers_get_gcs_messages() {
        assert_eq!(errors("09")[0].1, "invalid digit '9' in octal literal");
        assert_eq!(errors("0x")[0].1, "hexadecimal literal has no digits");
        assert_eq!(errors("1__0")[0].1, "'_' must separate successive digits");
        assert_eq!(
            errors("0x1.5")[0].1,
            "hexadecimal mantissa requires a 'p' exponent"
        );
        assert_eq!(errors("1e")[0].1, "exponent has no digits");
    }

    #[test]
    fn strings_runes_and_their_errors() {
        assert!(errors(
            r#""a\tb\x41\u00e9\U0001F600" `raw
line` '\n' '\'' 'é'"#
        )
        .is_empty());
        assert_eq!(errors("\"abc\n")[0], (4, "newline in string".into()));
        assert_eq!(
            errors("'ab'")[0].1,
            "more than one character in rune literal"
        );
        assert_eq!(errors("\"\\q\"")[0].1, "unknown escape");
        assert_eq!(errors("`abc")[0], (0, "string not terminated".into()));
    }

    #[test]
    fn operators_and_invalid_characters() {
        let t = toks("a &^= b <- c && d ... e.f");
        let ops: Vec<_> = t.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            ops,
            [
                Tok::Name,
                Tok::AssignOp,
                Tok::Name,
                Tok::Arrow,
                Tok::Name,
                Tok::Operator,
                Tok::Name,
                Tok::DotDotDot,
                Tok::Name,
                Tok::Dot,
                Tok::Name,
                Tok::Semi
            ]
        );
        assert_eq!(
            errors("a @ b")[0],
            (2, "invalid character U+0040 '@'".into())
        );
    }

    #[test]
    fn the_go_version_comes_from_a_directive_before_package() {
        for (src, want) in [
            ("//go:build go1.21\n\npackage main\n", Some((1, 21))),
            ("// go 1.21\npackage main\n", Some((1, 21))),
            ("// going places\npackage main\n", None),
            ("package main\n// go 1.21\n", None),
        ] {
            let mut s = Scanner::new(src.into(), 0);
            s.next();
            assert_eq!(s.tok, Tok::Package);
            s.top = false;
            s.next();
            s.next();
            s.next();
            assert_eq!(s.go_version, want, "{src}");
        }
    }
}
