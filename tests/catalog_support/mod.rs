//! The catalog's cases (`tests/go/cases.txt`) and what Go printed for them
//! (`tests/go/expected/`), shared by the tests that compare chanlab's runs with Go's.
//!
//! Go's stack frames are dropped from both sides (`docs/PATTERNS.md` lets chanlab name a frame
//! by its function alone), and goroutine ids other than main's are not compared (Go counts its
//! own runtime goroutines). Case tags: `unordered` compares lines as multisets (Go leaves the
//! order open); `procs1` runs with GOMAXPROCS=1 (the case shows single-P scheduling); `timing`
//! compares the shape of the lines only (benchmark figures differ by nature).

#![allow(dead_code)]

use std::path::PathBuf;

/// One line of `tests/go/cases.txt`: a pattern, its parameters, its tags.
pub struct Case {
    pub id: String,
    pub pairs: Vec<(String, String)>,
    pub tags: Vec<String>,
    /// The line's number in cases.txt.
    pub line: usize,
    /// `<id>__<n>`: `n` counts the cases of `id` from 0; the recorded output's file stem.
    pub name: String,
}

impl Case {
    pub fn tagged(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// Lines in the form in which two runs of this case are compared: stack frames dropped,
    /// goroutine ids other than main's blanked, benchmark figures replaced by their shape
    /// (`timing`), sorted (`unordered`).
    pub fn comparable(&self, lines: &[String]) -> Vec<String> {
        let mut lines = normalize(lines);
        if self.tagged("timing") {
            lines = lines.iter().map(|l| shape(l)).collect();
        }
        if self.tagged("unordered") {
            lines.sort();
        }
        lines
    }

    /// What Go printed for this case, recorded in `tests/go/expected/<name>.txt`: its exit
    /// status and its lines (stdout, then stderr).
    pub fn expected(&self) -> (i32, Vec<String>) {
        let file = root().join(format!("tests/go/expected/{}.txt", self.name));
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut lines = text.lines().map(String::from);
        let status = lines
            .next()
            .and_then(|l| l.strip_prefix("exit ").and_then(|n| n.parse().ok()))
            .unwrap_or_else(|| panic!("{}: the first line is `exit <status>`", file.display()));
        (status, lines.collect())
    }

    /// The Go source recorded for this case (as `tests/go/render.py` renders it): the page's
    /// source for seed 1, with an extra snippet the case line sets (`latencies=112,87`) taken
    /// from it instead of the seed.
    pub fn source(&self, p: &chanlab::patterns::Pattern) -> String {
        let params = self.params(p);
        let mut extra = (p.extra)(&params, 1);
        for (name, value) in &mut extra {
            if let Some((_, set)) = self.pairs.iter().find(|(k, _)| k == name) {
                *value = set.split(',').collect::<Vec<_>>().join(", ");
            }
        }
        chanlab::patterns::template::render(p.source, &params, &extra)
    }

    /// The pattern's parameters for this case, parsed as the page parses a link's.
    pub fn params(&self, p: &chanlab::patterns::Pattern) -> chanlab::patterns::Params {
        let pairs = self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        let (params, notices) = p.parse_params(pairs);
        assert!(
            notices.is_empty(),
            "cases.txt line {}: {notices:?}",
            self.line
        );
        params
    }
}

/// Splits a line into words as a POSIX shell would: single quotes are literal, double quotes
/// allow backslash escapes, a backslash outside quotes escapes the next character.
pub fn shell_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    cur.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => cur.extend(chars.next()),
                        c => cur.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                cur.extend(chars.next());
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

pub fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(root().join("tests/go/cases.txt")).expect("cases.txt");
    let mut cases = Vec::new();
    let mut counts = std::collections::HashMap::new();
    for (n, raw) in text.lines().enumerate() {
        if raw.trim_start().starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        let (body, tags) = match raw.find(" # ") {
            Some(i) => (
                &raw[..i],
                raw[i + 3..].split_whitespace().map(String::from).collect(),
            ),
            None => (raw, Vec::new()),
        };
        let mut words = shell_words(body).into_iter();
        let id = words.next().expect("a case starts with a pattern id");
        let pairs = words
            .map(|w| {
                let (k, v) = w.split_once('=').expect("key=value");
                (k.to_string(), v.to_string())
            })
            .collect();
        let nth = counts.entry(id.clone()).or_insert(0);
        let name = format!("{id}__{nth}");
        *nth += 1;
        cases.push(Case {
            id,
            pairs,
            tags,
            line: n + 1,
            name,
        });
    }
    cases
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Drops stack frames and the `exit status` line, and blanks goroutine ids other than 1.
pub fn normalize(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| {
            !(l.starts_with('\t')
                || l.starts_with("created by ")
                || l.starts_with("exit status ")
                || is_frame(l))
        })
        .map(|l| match l.strip_prefix("goroutine ") {
            Some(rest) if !rest.starts_with("1 [") => match rest.find(' ') {
                Some(i) => format!("goroutine _{}", &rest[i..]),
                None => l.clone(),
            },
            _ => l.clone(),
        })
        .collect()
}

/// A stack frame line, `main.worker(...)` or `sync.(*WaitGroup).Add(0x0?, 0x45ce80?)`: a
/// dotted function name and its arguments, no space outside the parentheses.
fn is_frame(line: &str) -> bool {
    let mut depth = 0;
    let mut outside = String::new();
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    line.ends_with(')') && outside.contains('.') && !outside.contains(' ')
}

/// The shape of a benchmark line: numbers replaced by `N`.
pub fn shape(line: &str) -> String {
    let mut out = String::new();
    let mut in_num = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // A recorded file's placeholder for a figure (`<ns>`, `<P>`) is a number too.
        if c == '<' {
            let rest: String = chars.clone().take_while(|&c| c != '>').collect();
            if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphabetic()) {
                chars.nth(rest.len());
                if !in_num {
                    out.push('N');
                }
                in_num = true;
                continue;
            }
        }
        if c.is_ascii_digit() || (in_num && c == '.') {
            if !in_num {
                out.push('N');
            }
            in_num = true;
        } else {
            in_num = false;
            out.push(c);
        }
    }
    out
}
