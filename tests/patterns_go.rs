//! Every pattern against real Go: for each case of `tests/go/cases.txt`, run chanlab's sim
//! mode, render the Go source the page shows for the same parameters, run it with Go 1.19, and
//! compare the output lines and the exit status (compared as `catalog_support` describes).

mod catalog_support;

use std::path::Path;
use std::process::Command;

use catalog_support::{cases, Case};
use chanlab::patterns;
use chanlab::rt::Config;

const GO: &str = "/usr/lib/go-1.19/bin/go";
const GOPATH: &str = "/usr/share/gocode";

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
                            let params = case.params(p);
                            let report = p.run_sim(&params, Config::default());
                            let ours: Vec<String> =
                                report.output.iter().map(|l| l.text.clone()).collect();
                            let source = p.go_source(&params, 1);
                            let go = run_go(
                                &work.join(format!("case{i}")),
                                &source,
                                case.tagged("procs1"),
                            );
                            (i, Some(go), ours, report.exit_code())
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
        let comparable = |lines: &[String]| case.comparable(lines);
        let got = comparable(&ours);
        // Go's output may depend on timing (a loaded machine delays a timer past another):
        // chanlab is right if its output is one that Go produces, so a mismatch is run again.
        let mut go_run = first_go_run;
        let mut attempts = 1;
        while (comparable(&go_run.0) != got || go_run.1 != our_exit) && attempts < 4 {
            let bin = work.join(format!("case{i}")).join("prog");
            go_run = run_bin(&bin, case.tagged("procs1"));
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
    use catalog_support::shell_words;
    assert_eq!(
        shell_words(r#"pipeline words='a b,"c"' prefix="x\"y" z\ w"#),
        ["pipeline", "words=a b,\"c\"", "prefix=x\"y", "z w"]
    );
    assert_eq!(shell_words("x words=''"), ["x", "words="]);
}
