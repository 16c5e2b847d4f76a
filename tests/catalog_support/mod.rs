//! The catalog's cases (`tests/go/cases.txt`) and the outputs Go recorded for them
//! (`tests/go/expected/`), shared by the tests that compare chanlab's runs with Go's, and the
//! form both sides of a comparison are put in: the one `tests/go/check.sh` writes, described in
//! `tests/go/README.md` (`tests/e2e/recorded.mjs` is its twin for the browser tests).
//!
//! A recorded file is `exit <code>`, then stdout and stderr as one stream; a panic or fatal
//! error keeps everything up to the first `goroutine N [state]:` header, then only the headers
//! (with the blank line between goroutines), ids other than main's written `<id>` (Go counts
//! its own runtime goroutines); a `timing` case has its measured numbers replaced by
//! placeholders; an `unordered` case's lines are sorted (Go leaves their order open).
//! [`recorded_form`] turns any run's output into that form. A `procs1` case was recorded with
//! GOMAXPROCS=1 (it shows single-P scheduling); a `clock` case's output depends on events tens
//! of milliseconds apart on the wall clock ([`check_against_recorded`]).

#![allow(dead_code)]

use std::path::PathBuf;

/// One line of `cases.txt`: a pattern, its parameters, its tags.
pub struct Case {
    pub id: String,
    pub pairs: Vec<(String, String)>,
    pub tags: Vec<String>,
    /// The line in `cases.txt`, from 1.
    pub line: usize,
    /// `<id>__<n>`: the name of its expected file, `n` counting the cases of `id` from 0.
    pub name: String,
}

impl Case {
    pub fn tagged(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// The recorded output: its lines, the first being `exit <code>`.
    pub fn expected(&self) -> Vec<String> {
        let path = root().join(format!("tests/go/expected/{}.txt", self.name));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        text.lines().map(String::from).collect()
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

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every case of `tests/go/cases.txt`, in order.
pub fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(root().join("tests/go/cases.txt")).expect("cases.txt");
    let mut cases: Vec<Case> = Vec::new();
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
        let index = cases.iter().filter(|c| c.id == id).count();
        cases.push(Case {
            name: format!("{id}__{index}"),
            id,
            pairs,
            tags,
            line: n + 1,
        });
    }
    cases
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

/// A run's output (stdout and stderr as one stream) and exit status in the recorded form of
/// `case`.
pub fn recorded_form<S: AsRef<str>>(case: &Case, lines: &[S], exit: i32) -> Vec<String> {
    let mut body = traceback_headers(lines);
    if case.tagged("timing") {
        body = body.iter().map(|l| timing_placeholders(l)).collect();
    }
    if case.tagged("unordered") {
        body.sort();
    }
    let mut out = vec![format!("exit {exit}")];
    out.extend(body);
    out
}

/// A recorded file in the form to compare: an `unordered` case's lines sorted as Rust sorts
/// them (the file is sorted by `LC_ALL=C sort`, the same byte order).
pub fn comparable_expected(case: &Case) -> Vec<String> {
    let mut lines = case.expected();
    if case.tagged("unordered") && lines.len() > 1 {
        lines[1..].sort();
    }
    lines
}

/// Everything up to the first `goroutine N [state]:` header, then only the headers, with one
/// blank line between goroutines; ids other than main's written `<id>`.
pub fn traceback_headers<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    let mut out = Vec::new();
    let (mut seen, mut gap) = (false, false);
    for line in lines.iter().map(AsRef::as_ref) {
        if let Some(id) = goroutine_header_id(line) {
            if seen && gap {
                out.push(String::new());
            }
            seen = true;
            gap = false;
            out.push(if id == "1" {
                line.to_string()
            } else {
                format!("goroutine <id> {}", &line[10 + id.len() + 1..])
            });
        } else if !seen {
            out.push(line.to_string());
        } else if line.is_empty() {
            gap = true;
        }
    }
    out
}

/// The id of a `goroutine N [state]:` header line.
fn goroutine_header_id(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("goroutine ")?;
    let (id, state) = rest.split_once(' ')?;
    let is_header = !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && state.starts_with('[')
        && state.ends_with("]:");
    is_header.then_some(id)
}

/// A benchmark line with what it measures replaced: `BenchmarkX-<P>  3  <ns> ns/op ...` and
/// `worker pool: <x>x faster, ...`.
fn timing_placeholders(line: &str) -> String {
    if let Some(rest) = line.strip_prefix("worker pool: ") {
        if let Some(i) = rest.find("x faster") {
            return format!("worker pool: <x>{}", &rest[i..]);
        }
    }
    if !line.starts_with("Benchmark") {
        return line.to_string();
    }
    let fields: Vec<&str> = line.split("  ").collect();
    let [name, rounds, ns, rest @ ..] = fields.as_slice() else {
        return line.to_string();
    };
    let (Some((bench, procs)), Some(ns_num)) = (name.rsplit_once('-'), ns.strip_suffix(" ns/op"))
    else {
        return line.to_string();
    };
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(number(procs) && number(rounds) && number(ns_num)) {
        return line.to_string();
    }
    let mut out = vec![
        format!("{bench}-<P>"),
        rounds.to_string(),
        "<ns> ns/op".into(),
    ];
    out.extend(rest.iter().map(|s| s.to_string()));
    out.join("  ")
}

/// How many times a `clock` case is run again when its output differs from Go's.
pub const CLOCK_RERUNS: usize = 3;

/// The clock a run of a case reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// A virtual clock (sim mode): a run is determined, and runs once.
    Virtual,
    /// The wall clock (Go, real mode): a `clock` case may print something else on a loaded
    /// machine, so it runs again while it differs.
    Wall,
}

/// Runs `case` with `run` (its output in the recorded form, or why it could not run) and
/// compares that with the recorded file. On the wall clock a `clock` case is run again while it
/// differs, up to [`CLOCK_RERUNS`] times, and each rerun is logged; any other case must match
/// at once. `who` names what ran it. Returns a failure's description.
pub fn check_against_recorded(
    case: &Case,
    who: &str,
    clock: Clock,
    mut run: impl FnMut() -> Result<Vec<String>, String>,
) -> Option<String> {
    let want = comparable_expected(case);
    let mut got = run();
    let mut runs = 1;
    let rerun = clock == Clock::Wall && case.tagged("clock");
    while got.as_ref() != Ok(&want) && rerun && runs <= CLOCK_RERUNS {
        eprintln!(
            "{} ({who}, clock): printed {got:?}, Go recorded {want:?}; run {} of {}",
            case.name,
            runs + 1,
            CLOCK_RERUNS + 1
        );
        got = run();
        runs += 1;
    }
    if runs > 1 && got.as_ref() == Ok(&want) {
        eprintln!("{} ({who}, clock): matched on run {runs}", case.name);
    }
    (got.as_ref() != Ok(&want)).then(|| {
        format!(
            "line {} `{}` ({}), {who} ({runs} runs):\n  Go recorded: {want:?}\n  got:         {got:?}",
            case.line,
            case.name,
            case.tags.join(" ")
        )
    })
}

/// Checks every case with `check` (a failure's description, or `None`), two cases at a time,
/// on two threads (each case's run waits on a clock, or on Go's build); the failures.
pub fn check_two_at_a_time(
    cases: &[Case],
    check: impl Fn(&Case) -> Option<String> + Sync,
) -> Vec<String> {
    std::thread::scope(|s| {
        let halves = [0, 1].map(|half| {
            let check = &check;
            s.spawn(move || {
                cases
                    .iter()
                    .skip(half)
                    .step_by(2)
                    .filter_map(check)
                    .collect::<Vec<_>>()
            })
        });
        halves
            .into_iter()
            .flat_map(|h| h.join().expect("a case's run panicked"))
            .collect()
    })
}
