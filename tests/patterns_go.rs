//! Every pattern against real Go: for each case of `tests/go/cases.txt`, run chanlab's sim
//! mode, render the Go source the page shows for the same parameters, run it with Go 1.19, and
//! compare the output lines and the exit status.
//!
//! Go's stack frames are dropped from both sides (`docs/PATTERNS.md` lets chanlab name a frame by its
//! function alone), and goroutine ids other than main's are not compared (Go counts its own
//! runtime goroutines). Case tags: `unordered` compares lines as multisets (Go leaves the order
//! open); `procs1` runs Go with GOMAXPROCS=1 (the case shows single-P scheduling); `timing`
//! compares the shape of the lines only (benchmark figures differ by nature).

use std::path::{Path, PathBuf};
use std::process::Command;

use chanlab::golang;
use chanlab::patterns;

const GO: &str = "/usr/lib/go-1.19/bin/go";
const GOPATH: &str = "/usr/share/gocode";

struct Case {
    id: String,
    pairs: Vec<(String, String)>,
    tags: Vec<String>,
    line: usize,
}

/// Splits a line into words as a POSIX shell would: single quotes are literal, double quotes
/// allow backslash escapes, a backslash outside quotes escapes the next character.
fn shell_words(s: &str) -> Vec<String> {
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

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(root().join("tests/go/cases.txt")).expect("cases.txt");
    let mut cases = Vec::new();
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
        cases.push(Case {
            id,
            pairs,
            tags,
            line: n + 1,
        });
    }
    cases
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Drops stack frames and the `exit status` line, and blanks goroutine ids other than 1.
fn normalize(lines: &[String]) -> Vec<String> {
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
fn shape(line: &str) -> String {
    let mut out = String::new();
    let mut in_num = false;
    for c in line.chars() {
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

fn ensure_go() -> Result<(), String> {
    if Path::new(GO).exists() {
        return Ok(());
    }
    eprintln!("Go 1.19 is missing: installing golang-1.19-go and golang-golang-x-sync-dev");
    let ok = Command::new("sh")
        .args([
            "-c",
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-1.19-go golang-golang-x-sync-dev",
        ])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if ok && Path::new(GO).exists() {
        Ok(())
    } else {
        Err(format!(
            "real Go is needed to check the patterns and could not be installed: \
             install Debian's golang-1.19-go and golang-golang-x-sync-dev ({GO})"
        ))
    }
}

/// Builds and runs `source` with Go; returns its output lines (stdout, then stderr) and exit
/// status.
fn run_go(dir: &Path, source: &str, procs1: bool) -> (Vec<String>, i32) {
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join("main.go");
    std::fs::write(&file, source).unwrap();
    let bin = dir.join("prog");
    let build = Command::new(GO)
        .arg("build")
        .arg("-o")
        .arg(&bin)
        .arg(&file)
        .env("GO111MODULE", "off")
        .env("GOPATH", GOPATH)
        .env("GOCACHE", std::env::temp_dir().join("chanlab-gocache"))
        .output()
        .expect("go runs");
    assert!(
        build.status.success(),
        "go build failed for\n{source}\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    run_bin(&bin, procs1)
}

/// Runs a built Go program: its output lines (stdout, then stderr) and exit status.
fn run_bin(bin: &Path, procs1: bool) -> (Vec<String>, i32) {
    let mut cmd = Command::new(bin);
    if procs1 {
        cmd.env("GOMAXPROCS", "1");
    }
    let out = cmd.output().expect("the Go program runs");
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    lines.extend(
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .map(String::from),
    );
    (lines, out.status.code().unwrap_or(-1))
}

/// A case's index, Go's lines and exit status (`None`: the pattern is not in the catalog), and
/// chanlab's lines and exit status.
type CaseResult = (usize, Option<(Vec<String>, i32)>, Vec<String>, i32);

#[test]
fn every_pattern_prints_what_go_prints() {
    if let Err(why) = ensure_go() {
        panic!("{why}");
    }
    let cases = cases();
    let work = std::env::temp_dir().join(format!("chanlab-go-{}", std::process::id()));
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut missing = Vec::new();
    // Go builds are the slow part: run them two at a time.
    let results: Vec<CaseResult> = std::thread::scope(|s| {
        let chunks: Vec<Vec<(usize, &Case)>> = {
            let mut c = vec![Vec::new(), Vec::new()];
            for (i, case) in cases.iter().enumerate() {
                c[i % 2].push((i, case));
            }
            c
        };
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let work = &work;
                s.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|(i, case)| {
                            let Some(p) = patterns::find(&case.id) else {
                                return (i, None, Vec::new(), 0);
                            };
                            let pairs = case.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                            let (params, notices) = p.parse_params(pairs);
                            assert!(notices.is_empty(), "line {}: {notices:?}", case.line);
                            let source = p.go_source(&params, 1);
                            let result = golang::run(&source, &golang::RunOptions::default());
                            let ours: Vec<String> =
                                result.lines.iter().map(|l| l.text.clone()).collect();
                            let go = run_go(
                                &work.join(format!("case{i}")),
                                &source,
                                case.tags.iter().any(|t| t == "procs1"),
                            );
                            (i, Some(go), ours, result.exit_code)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for (i, go, ours, our_exit) in results {
        let case = &cases[i];
        let Some(first_go_run) = go else {
            missing.push(case.id.clone());
            continue;
        };
        checked += 1;
        let tagged = |t: &str| case.tags.iter().any(|x| x == t);
        let comparable = |lines: &[String]| {
            let mut lines = normalize(lines);
            if tagged("timing") {
                lines = lines.iter().map(|l| shape(l)).collect();
            }
            if tagged("unordered") {
                lines.sort();
            }
            lines
        };
        let got = comparable(&ours);
        // Go's output may depend on timing (a loaded machine delays a timer past another):
        // chanlab is right if its output is one that Go produces, so a mismatch is run again.
        let mut go_run = first_go_run;
        let mut attempts = 1;
        while (comparable(&go_run.0) != got || go_run.1 != our_exit) && attempts < 4 {
            let bin = work.join(format!("case{i}")).join("prog");
            go_run = run_bin(&bin, tagged("procs1"));
            attempts += 1;
        }
        let (want, go_exit) = (comparable(&go_run.0), go_run.1);
        if want != got || go_exit != our_exit {
            failures.push(format!(
                "line {} `{} {:?}` ({attempts} Go runs):\n  Go (exit {go_exit}): {want:?}\n  chanlab (exit {our_exit}): {got:?}",
                case.line, case.id, case.pairs
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    missing.sort();
    missing.dedup();
    println!("{checked} cases checked against Go");
    assert!(
        missing.is_empty(),
        "cases name patterns missing from the catalog: {missing:?}"
    );
    for p in patterns::catalog() {
        assert!(
            cases.iter().any(|c| c.id == p.id),
            "pattern {} has no case in cases.txt",
            p.id
        );
    }
    assert!(
        failures.is_empty(),
        "{} cases differ from Go:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn shell_words_split_like_sh() {
    assert_eq!(
        shell_words(r#"pipeline words='a b,"c"' prefix="x\"y" z\ w"#),
        ["pipeline", "words=a b,\"c\"", "prefix=x\"y", "z w"]
    );
    assert_eq!(shell_words("x words=''"), ["x", "words="]);
}
