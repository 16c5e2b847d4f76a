//! Go's own test programs (`test/` of the Go 1.19 distribution, Debian's golang-1.19-src in
//! /usr/share/go-1.19/test), run unmodified through the interpreter and judged as Go's test
//! runner (`test/run.go`) judges them:
//!
//! - `// run`: the program exits with status 0 and prints exactly its `.out` file (stdout
//!   and stderr together), or nothing at all when there is no `.out` file.
//! - `// runoutput` (`chan/select5.go`): the program's output is itself a program, which
//!   must then pass as `// run`.
//! - `// errorcheck` (`chan/perm.go`): the program does not compile, and the errors fall on
//!   exactly the lines marked `// ERROR "regexp"`. The wording is matched loosely (see
//!   [`loosely_matches`]), since it differs between Go versions.
//!
//! `chan/` and `ken/` run one test per program and must all pass (except the `ken/`
//! programs listed in [`KEN_EXCLUDED`]). The top-level programs run as one test that prints
//! `N of M pass`, lists the others with the reason, and asserts a pass ratio floor.
//!
//! The programs are read from Go's directory at test time; none is copied into chanlab.
//! Copyright of the Go programs: the Go Authors, under Go's BSD-style license.

mod golang_support;

/// Go 1.19, which prints select5.go's program.
const GO: &str = "/usr/lib/go-1.19/bin/go";

use std::path::{Path, PathBuf};
use std::time::Duration;

use chanlab::golang::RunOptions;
use golang_support::{
    diff, go_test_dir, lines_of, normalize, parallel_map, read, run_with_deadline, Ran,
};

/// A Go test program that uses more CPU time than this is hanging (CPU time, not the wall
/// clock: a loaded machine slows a run, it does not make it hang): they take a second or less
/// with real Go, and the interpreter (as `cargo test` builds it) may be tens of times slower.
const DEADLINE: Duration = Duration::from_secs(30);

/// The top-level programs run with a shorter deadline, so that a few hanging ones cannot
/// stretch the suite to many minutes.
const TOP_LEVEL_DEADLINE: Duration = Duration::from_secs(20);

/// The share of the top-level candidate programs that must pass. It is raised as the
/// interpreter grows; the target is 0.8. (The candidates are the programs importing only
/// packages chanlab provides, so a package added brings its programs in: log and reflect
/// brought thirteen, which pass; unsafe, whose Sizeof, Alignof and Offsetof chanlab has,
/// brought thirteen, of which six fail: five for want of `unsafe.Pointer`, one of
/// `reflect.StringHeader`. 107 of the 121 candidates pass.)
const TOP_LEVEL_PASS_FLOOR: f64 = 0.87;

/// Whether the interpreter provides package `path` (a top-level program importing only such
/// packages is a candidate).
fn supported(path: &str) -> bool {
    chanlab::golang::lib::find(path).is_some()
}

/// `ken/` programs left out, with the reason.
const KEN_EXCLUDED: [(&str, &str); 1] = [("cplx3", "unsafe and reflect")];

/// The programs are Go 1.19's tests, written for its language: a for loop has one variable
/// for all its iterations (`closure2.go` and `escape.go` check it), as a `go.mod` saying
/// `go 1.19` gives them. Go's runner (`run.go`) sets `GOARCH` in their environment
/// (`env.go` checks it).
fn options() -> RunOptions {
    RunOptions {
        seed: 1,
        procs: 4,
        file_name: "prog.go".into(),
        go_version: Some((1, 19)),
        env: vec![("GOARCH".into(), "amd64".into())],
        ..RunOptions::default()
    }
}

/// The first line of a Go test program: its action (`// run`, `// errorcheck`, ...).
fn header(source: &str) -> &str {
    source.lines().next().unwrap_or("")
}

/// Runs the program at `path` as Go's runner does for `// run`: `Ok` when it exits 0 and
/// prints its `.out` file exactly (nothing when there is none), else the reason.
fn check_run(path: &Path, deadline: Duration) -> Result<(), String> {
    let source = read(path);
    let want = match std::fs::read_to_string(path.with_extension("out")) {
        Ok(text) => lines_of(&text),
        Err(_) => Vec::new(),
    };
    check_source(&source, &want, deadline)
}

fn check_source(source: &str, want: &[String], deadline: Duration) -> Result<(), String> {
    match run_with_deadline(source, &options(), deadline) {
        Ran::Done { exit_code, lines } => {
            if exit_code != 0 {
                return Err(format!("exit {exit_code}: {}", failure_reason(&lines)));
            }
            if lines != want {
                let first = lines
                    .iter()
                    .zip(want)
                    .position(|(a, b)| a != b)
                    .unwrap_or(lines.len().min(want.len()));
                let got = lines.get(first).map_or("<end of output>", |l| l.as_str());
                let wanted = want.get(first).map_or("<end of output>", |l| l.as_str());
                return Err(format!(
                    "output differs at line {}: {got:?}, Go: {wanted:?}\n{}",
                    first + 1,
                    diff(want, &lines, 12)
                ));
            }
            Ok(())
        }
        other => Err(other.summary()),
    }
}

/// One line saying why a program failed: its first compile error, its panic, or its first
/// lines.
fn failure_reason(lines: &[String]) -> String {
    let lines = normalize(lines);
    if lines.first().map(String::as_str) == Some("# command-line-arguments") {
        return lines.get(1).cloned().unwrap_or_default();
    }
    if let Some(l) = lines
        .iter()
        .find(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))
    {
        return l.clone();
    }
    lines
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join(" | ")
}

fn assert_passes(path: PathBuf) {
    let source = read(&path);
    assert_eq!(
        header(&source),
        "// run",
        "{} is not a `// run` test",
        path.display()
    );
    if let Err(why) = check_run(&path, DEADLINE) {
        panic!("{} fails: {why}", path.display());
    }
}

/// The `// run` programs of a directory of Go's tests, by name, sorted.
fn run_programs(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(go_test_dir().join(dir))
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".go")?.to_string();
            (header(&std::fs::read_to_string(&path).ok()?) == "// run").then_some(name)
        })
        .collect();
    names.sort();
    names
}

/// The file name of a test in [`go_run_tests`]: the test's name, or the name given after
/// `=` when the file's is not an identifier (`for`).
macro_rules! file_of {
    ($name:ident) => {
        stringify!($name)
    };
    ($name:ident $file:literal) => {
        $file
    };
}

/// One `#[test]` per `// run` program of a directory, and `NAMES`, their file names.
macro_rules! go_run_tests {
    ($dir:literal: $($name:ident $(= $file:literal)?),* $(,)?) => {
        pub const NAMES: &[&str] = &[$(file_of!($name $($file)?)),*];
        $(
            #[test]
            fn $name() {
                super::assert_passes(
                    super::go_test_dir()
                        .join($dir)
                        .join(concat!(file_of!($name $($file)?), ".go")),
                );
            }
        )*
    };
}

/// `test/chan/`: channels, select and goroutines.
mod chan {
    use super::*;

    go_run_tests!("chan":
        doubleselect, fifo, goroutines, nonblock, powser1, powser2, select, select2, select3,
        select4, select6, select7, select8, sendstmt, sieve1, sieve2, zerosize,
    );

    #[test]
    fn every_run_program_is_listed() {
        assert_eq!(run_programs("chan"), NAMES);
    }

    /// `select5.go` prints a program of one test per combination of channel operation and
    /// select form; that program must pass as a `// run` test. The generator itself is a
    /// text/template program, which is not the subject here: it is run with Go 1.19 (which
    /// the test script installs), and what it prints runs in the interpreter.
    #[test]
    fn select5() {
        let path = go_test_dir().join("chan/select5.go");
        let source = read(&path);
        assert_eq!(header(&source), "// runoutput");
        let go = std::path::Path::new(GO);
        assert!(
            go.exists(),
            "{GO} is missing: install Debian's golang-1.19-go (scripts/test.sh does it)"
        );
        let out = std::process::Command::new(go)
            .arg("run")
            .arg(&path)
            .env("GO111MODULE", "off")
            .output()
            .expect("go runs");
        assert!(out.status.success(), "go run select5.go failed");
        let generated = String::from_utf8(out.stdout).expect("the program is text");
        assert!(
            generated.contains("func main()"),
            "select5.go printed no program"
        );
        if let Err(why) = check_source(&generated, &[], DEADLINE) {
            panic!("the program select5.go prints fails: {why}");
        }
    }

    /// `perm.go` checks channel directions at compile time.
    #[test]
    fn perm() {
        let path = go_test_dir().join("chan/perm.go");
        let source = read(&path);
        assert_eq!(header(&source), "// errorcheck");
        if let Err(why) = check_errors(&source) {
            panic!("perm.go: {why}");
        }
    }
}

/// `test/ken/`: Ken Thompson's early compiler tests, a tour of the language.
mod ken {
    use super::*;

    go_run_tests!("ken":
        array, chan, chan1, complit, convert, cplx0, cplx1, cplx2, cplx4, cplx5, divconst, divmod,
        embed, for_ = "for", interbasic,
        interfun, intervar, label, litfun, mfunc, modconst, ptrfun, ptrvar, range, rob1, rob2,
        robfor, robfunc, shift, simparray, simpbool, simpconv, simpfun, simpswitch, simpvar,
        slicearray, sliceslice, string, strvar,
    );

    #[test]
    fn every_run_program_is_listed_or_excluded() {
        let mut listed: Vec<String> = NAMES
            .iter()
            .map(|n| n.to_string())
            .chain(KEN_EXCLUDED.iter().map(|(n, _)| n.to_string()))
            .collect();
        listed.sort();
        assert_eq!(run_programs("ken"), listed);
    }
}

/// The `// ERROR "regexp"` comments of an errorcheck program: (line, pattern).
fn error_marks(source: &str) -> Vec<(u32, String)> {
    source
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let rest = &l[l.find("// ERROR \"")? + "// ERROR \"".len()..];
            let end = rest.rfind('"')?;
            Some((i as u32 + 1, rest[..end].to_string()))
        })
        .collect()
}

/// Whether gc's `message` loosely matches an errorcheck `pattern`: the pattern's
/// alternatives (split at `|`) are tried in turn, and one matches when its pieces (split at
/// `.*`) occur in the message in that order, ignoring case. That is the regexp's meaning
/// for the patterns `perm.go` uses; other regexp syntax is not supported and fails the test
/// loudly.
fn loosely_matches(pattern: &str, message: &str) -> bool {
    assert!(
        !pattern.contains(['(', ')', '[', ']', '\\', '+', '?', '^', '$']),
        "unsupported regexp syntax in {pattern:?}"
    );
    let message = message.to_lowercase();
    pattern.to_lowercase().split('|').any(|alt| {
        let mut rest = message.as_str();
        alt.split(".*").all(|piece| match rest.find(piece) {
            Some(i) => {
                rest = &rest[i + piece.len()..];
                true
            }
            None => false,
        })
    })
}

/// Checks an errorcheck program: it fails to compile (exit 1), each error is on a line
/// marked `// ERROR` and matches its pattern, and each marked line has an error. gc and
/// the interpreter print at most ten errors and then `too many errors`; when they stop
/// there, the marked lines after the last error printed are not checked.
fn check_errors(source: &str) -> Result<(), String> {
    let marks = error_marks(source);
    let (exit_code, lines) = match run_with_deadline(source, &options(), DEADLINE) {
        Ran::Done { exit_code, lines } => (exit_code, lines),
        other => return Err(other.summary()),
    };
    if exit_code != 1 {
        return Err(format!("exit {exit_code}, want 1 (a compile error)"));
    }
    if lines.first().map(String::as_str) != Some("# command-line-arguments") {
        return Err(format!("no `# command-line-arguments` line: {lines:?}"));
    }
    let mut problems = Vec::new();
    let mut reported = Vec::new();
    let mut truncated = false;
    for line in &lines[1..] {
        if line.starts_with('\t') {
            continue; // the continuation of a message (`have (...)`, `other declaration`)
        }
        let Some(rest) = line.strip_prefix("./prog.go:") else {
            problems.push(format!("not an error line: {line:?}"));
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let (Some(l), Some(_col), Some(msg)) = (parts.next(), parts.next(), parts.next()) else {
            problems.push(format!("not an error line: {line:?}"));
            continue;
        };
        let Ok(l) = l.parse::<u32>() else {
            problems.push(format!("not an error line: {line:?}"));
            continue;
        };
        let msg = msg.trim_start();
        if msg == "too many errors" {
            truncated = true;
            continue;
        }
        reported.push(l);
        match marks.iter().find(|(m, _)| *m == l) {
            None => problems.push(format!("line {l}: unexpected error: {msg}")),
            Some((_, pattern)) if !loosely_matches(pattern, msg) => {
                problems.push(format!("line {l}: {msg:?} does not match {pattern:?}"))
            }
            Some(_) => {}
        }
    }
    let last = reported.iter().copied().max().unwrap_or(0);
    for (l, pattern) in &marks {
        if (!truncated || *l <= last) && !reported.contains(l) {
            problems.push(format!("line {l}: no error reported, want {pattern:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The packages a Go file imports.
fn imports(source: &str) -> Vec<String> {
    let quoted = |l: &str| -> Option<String> {
        let start = l.find('"')? + 1;
        let end = start + l[start..].find('"')?;
        Some(l[start..end].to_string())
    };
    let mut out = Vec::new();
    let mut in_block = false;
    for line in source.lines() {
        let l = line.trim();
        if in_block {
            if l.starts_with(')') {
                in_block = false;
            } else if !l.starts_with("//") {
                out.extend(quoted(l));
            }
        } else if let Some(rest) = l.strip_prefix("import") {
            let rest = rest.trim_start();
            if rest.starts_with('(') {
                in_block = !rest.contains(')');
                out.extend(quoted(rest));
            } else if line.starts_with("import") {
                out.extend(quoted(rest));
            }
        }
    }
    out
}

/// The top-level programs of Go's test directory with exactly `// run` as their header
/// (a header with flags or arguments needs Go's toolchain) that import only
/// packages chanlab provides ([`supported`]).
fn top_level_candidates() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(go_test_dir())
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "go" {
                return None;
            }
            let source = std::fs::read_to_string(&path).ok()?;
            let supported = imports(&source).iter().all(|p| supported(p));
            (header(&source) == "// run" && supported).then_some(path)
        })
        .collect();
    paths.sort();
    paths
}

#[test]
fn top_level_run_programs() {
    let candidates = top_level_candidates();
    assert!(
        !candidates.is_empty(),
        "no candidate programs in {}",
        go_test_dir().display()
    );
    let results = parallel_map(&candidates, |p| check_run(p, TOP_LEVEL_DEADLINE));
    let mut failures = Vec::new();
    for (path, result) in candidates.iter().zip(&results) {
        if let Err(why) = result {
            let name = path.file_name().unwrap().to_string_lossy();
            let first = why.lines().next().unwrap_or("");
            failures.push(format!("{name}: {first}"));
        }
    }
    let passed = candidates.len() - failures.len();
    let ratio = passed as f64 / candidates.len() as f64;
    println!(
        "{passed} of {} of Go's top-level `// run` programs pass ({:.0}%); the others:\n{}",
        candidates.len(),
        ratio * 100.0,
        failures.join("\n")
    );
    assert!(
        ratio >= TOP_LEVEL_PASS_FLOOR,
        "{passed} of {} pass ({:.0}%), under the floor of {:.0}%:\n{}",
        candidates.len(),
        ratio * 100.0,
        TOP_LEVEL_PASS_FLOOR * 100.0,
        failures.join("\n")
    );
}

#[test]
fn errorcheck_patterns_match_loosely() {
    assert!(loosely_matches(
        "illegal types|incompatible|cannot",
        "cannot use cr (variable of type <-chan int) as chan int value in assignment"
    ));
    assert!(loosely_matches(
        "invalid operation.*non-chan type|must be channel|non-channel",
        "invalid operation: cannot close non-channel n (variable of type int)"
    ));
    assert!(loosely_matches(
        "receive from non-chan|expected channel",
        "invalid operation: cannot receive from non-channel n"
    ));
    assert!(loosely_matches(
        "send",
        "invalid operation: cannot receive from send-only channel"
    ));
    assert!(loosely_matches(
        "RECEIVE",
        "cannot close receive-only channel"
    ));
    assert!(!loosely_matches(
        "non-chan type.*invalid",
        "invalid operation: non-chan type"
    ));
}

#[test]
fn imports_are_read_from_both_forms() {
    let src = "package main\n\nimport \"fmt\"\nimport (\n\t\"os\"\n\tr \"math/rand\"\n\t// \"net\"\n)\n\nfunc main() { _ = `import \"x\"` }\n";
    assert_eq!(imports(src), ["fmt", "os", "math/rand"]);
    assert_eq!(
        error_marks("x\n\tc = cr  // ERROR \"a|b\"\n"),
        [(2, "a|b".to_string())]
    );
}
