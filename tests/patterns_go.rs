//! Every pattern against real Go, through the outputs Go recorded in `tests/go/expected/`:
//! - sim mode prints, for every case of `tests/go/cases.txt`, exactly the recorded output
//!   (no Go needed);
//! - where Go 1.19 is installed, Go itself still prints the recorded output for the Go source
//!   the page shows, so a recorded file cannot go stale;
//! - the program recorded for a case is the page's program for the case's parameters.
//!
//! `tests/golang_catalog.rs` holds the interpreter, which runs the source the page shows, to
//! the same files. Both sides are put in the recorded form (`catalog_support`). Case tags:
//! `unordered` compares lines as multisets (Go leaves the order open); `procs1` runs Go with
//! GOMAXPROCS=1 (the case shows single-P scheduling); `timing` hides the benchmark's measured
//! numbers; `clock` marks a case whose Go output depends on events tens of milliseconds apart
//! on Go's wall clock: only those are run again when live Go differs (a loaded machine can
//! delay one event past another), and every rerun is logged.

mod catalog_support;

use std::path::Path;
use std::process::Command;

use catalog_support::{
    cases, check_against_recorded, check_two_at_a_time, recorded_form, Case, Clock,
};
use chanlab::patterns;
use chanlab::rt::Config;

const GO: &str = "/usr/lib/go-1.19/bin/go";
const GOPATH: &str = "/usr/share/gocode";

/// Sim mode's output for `case`, in the recorded form.
fn sim_output(case: &Case) -> Vec<String> {
    let p = patterns::find(&case.id).expect("the case's pattern is in the catalog");
    let report = p.run_sim(&case.params(p), Config::default());
    recorded_form(case, &report.lines(), report.exit_code())
}

#[test]
fn sim_mode_prints_the_recorded_go_output_for_every_case() {
    let cases = cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            check_against_recorded(case, "sim mode", Clock::Virtual, || Ok(sim_output(case)))
        })
        .collect();
    println!("{} cases checked against Go's recorded output", cases.len());
    assert!(
        failures.is_empty(),
        "{} cases differ from Go's recorded output:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_pattern_and_every_recorded_file_has_its_case() {
    let cases = cases();
    for p in patterns::catalog() {
        assert!(
            cases.iter().any(|c| c.id == p.id),
            "pattern {} has no case in cases.txt",
            p.id
        );
    }
    for case in &cases {
        let p = patterns::find(&case.id)
            .unwrap_or_else(|| panic!("line {}: no pattern {}", case.line, case.id));
        // A case line's extra snippets (`latencies`) are the ones the page draws from its
        // default seed: Go ran the program the page shows.
        assert_eq!(
            case.source(p),
            p.go_source(&case.params(p), 1),
            "line {}: the recorded program is not the page's",
            case.line
        );
    }
    let dir = catalog_support::root().join("tests/go/expected");
    for entry in std::fs::read_dir(&dir).expect("tests/go/expected") {
        let file = entry.unwrap().file_name().into_string().unwrap();
        let name = file.strip_suffix(".txt").unwrap_or(&file);
        assert!(
            cases.iter().any(|c| c.name == name),
            "{file} records no case of cases.txt"
        );
        assert!(file.ends_with(".txt"), "{file}");
    }
}

/// Where Go 1.19 is: `None` when it is not installed. `scripts/test.sh` installs it and sets
/// `CHANLAB_REQUIRE_GO`, which makes a missing Go a failure.
fn installed_go() -> Option<&'static Path> {
    let go = Path::new(GO);
    if go.exists() {
        return Some(go);
    }
    assert!(
        std::env::var_os("CHANLAB_REQUIRE_GO").is_none(),
        "CHANLAB_REQUIRE_GO is set but {GO} is missing (Debian's golang-1.19-go)"
    );
    None
}

/// Builds `source` with Go into `dir/prog`.
fn build_go(go: &Path, dir: &Path, source: &str) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join("main.go");
    std::fs::write(&file, source).unwrap();
    let bin = dir.join("prog");
    let build = Command::new(go)
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
    bin
}

/// Runs a built Go program; its output (stdout, then stderr: the programs write stderr only
/// as they die) in the recorded form of `case`.
fn run_go(bin: &Path, case: &Case) -> Result<Vec<String>, String> {
    let mut cmd = Command::new(bin);
    if case.tagged("procs1") {
        cmd.env("GOMAXPROCS", "1");
    }
    let out = cmd
        .output()
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = text.lines().collect();
    Ok(recorded_form(case, &lines, out.status.code().unwrap_or(-1)))
}

/// Builds `case` with Go and checks what it prints against its file.
fn check_with_go(go: &Path, work: &Path, case: &Case) -> Option<String> {
    let p = patterns::find(&case.id).expect("the case's pattern is in the catalog");
    let bin = build_go(go, &work.join(&case.name), &case.source(p));
    check_against_recorded(case, "live Go", Clock::Wall, || run_go(&bin, case))
}

#[test]
fn go_still_prints_the_recorded_output() {
    let Some(go) = installed_go() else {
        eprintln!("{GO} is not installed: the recorded outputs are not checked against live Go");
        return;
    };
    let cases = cases();
    let work = std::env::temp_dir().join(format!("chanlab-go-{}", std::process::id()));
    // Go builds are the slow part: two at a time.
    let failures = check_two_at_a_time(&cases, |case| check_with_go(go, &work, case));
    let _ = std::fs::remove_dir_all(&work);
    println!("{} cases run with live Go", cases.len());
    assert!(
        failures.is_empty(),
        "{} recorded outputs are stale (tests/go/check.sh rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn shell_words_split_like_sh() {
    assert_eq!(
        catalog_support::shell_words(r#"pipeline words='a b,"c"' prefix="x\"y" z\ w"#),
        ["pipeline", "words=a b,\"c\"", "prefix=x\"y", "z w"]
    );
    assert_eq!(catalog_support::shell_words("x words=''"), ["x", "words="]);
}

#[test]
fn the_recorded_form_keeps_headers_and_hides_what_varies() {
    let case = Case {
        id: "x".into(),
        pairs: Vec::new(),
        tags: vec!["timing".into()],
        line: 1,
        name: "x__0".into(),
    };
    let lines = [
        "BenchmarkNaiveSpawn-8  3  123456 ns/op  1000 goroutines/op",
        "worker pool: 12.5x faster, 250.0x fewer goroutines",
        "panic: boom",
        "",
        "goroutine 7 [running]:",
        "main.worker(...)",
        "\t/tmp/main.go:12 +0x1d",
        "created by main.main",
        "",
        "goroutine 1 [chan receive]:",
        "main.main()",
    ];
    assert_eq!(
        recorded_form(&case, &lines, 2),
        [
            "exit 2",
            "BenchmarkNaiveSpawn-<P>  3  <ns> ns/op  1000 goroutines/op",
            "worker pool: <x>x faster, 250.0x fewer goroutines",
            "panic: boom",
            "",
            "goroutine <id> [running]:",
            "",
            "goroutine 1 [chan receive]:",
        ]
    );
}
