//! The Go corpus: every program of `tests/golang/corpus` runs through the interpreter and
//! must print what Go 1.19 printed for it (`<name>.out`, recorded by
//! `tests/golang/record.sh`; tests/golang/README.md describes the files and tags).
//!
//! Both sides are normalised alike (`golang_support::normalize`, the Rust twin of
//! `tests/golang/normalize.awk`), gc's Go 1.19 wording is mapped to today's in the expected
//! text (`golang_support::modern_wording`; the one later change a recorded line cannot
//! express is undone on chanlab's side, `without_composite_kind`), and
//! `// chanlab:unordered` programs are
//! compared as sorted lines. Every mismatch is listed at the end, with a diff, so one run
//! shows them all.

mod golang_support;

use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

use chanlab::golang::RunOptions;
use golang_support::{
    corpus, corpus_dir, diff, lines_of, modern_wording, normalize, parallel_map, read, root,
    run_lines_with_deadline, run_with_deadline, without_composite_kind, CorpusProgram, Ran,
};

/// A corpus program is small: one that runs longer than this is hanging.
const DEADLINE: Duration = Duration::from_secs(60);

/// The corpus must keep covering the list in tests/golang/README.md.
const MIN_PROGRAMS: usize = 70;

fn options(p: &CorpusProgram) -> RunOptions {
    RunOptions {
        seed: 1,
        procs: p.procs,
        file_name: "prog.go".into(),
        ..RunOptions::default()
    }
}

/// Programs the interpreter does not run as Go does yet, and why. Each must still differ
/// from Go (a fix fails this test until its program leaves the list), and every other
/// program must print what Go prints.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

fn comparable(mut lines: Vec<String>, unordered: bool) -> Vec<String> {
    if unordered {
        lines.sort();
    }
    lines
}

#[test]
fn corpus_programs_print_what_go_prints() {
    let programs = corpus();
    assert!(
        programs.len() >= MIN_PROGRAMS,
        "{} programs",
        programs.len()
    );
    let results = parallel_map(&programs, |p| {
        run_with_deadline(&p.source, &options(p), DEADLINE)
    });
    let mut failures = Vec::new();
    let mut known = Vec::new();
    for (p, ran) in programs.iter().zip(results) {
        let failures = match KNOWN_DIFFERENCES.iter().find(|(name, _)| *name == p.name) {
            Some(_) => &mut known,
            None => &mut failures,
        };
        let Some(want_exit) = p.expected_exit else {
            failures.push(format!(
                "{}: no {}.out (run tests/golang/record.sh)",
                p.name, p.name
            ));
            continue;
        };
        let want = comparable(
            p.expected.iter().map(|l| modern_wording(l)).collect(),
            p.unordered,
        );
        match ran {
            Ran::Done { exit_code, lines } => {
                let got = comparable(
                    normalize(&lines)
                        .iter()
                        .map(|l| without_composite_kind(l))
                        .collect(),
                    p.unordered,
                );
                if got != want || exit_code != want_exit {
                    failures.push(format!(
                        "{}: exit {exit_code} (Go: exit {want_exit}){}\n{}",
                        p.name,
                        if p.unordered { ", lines sorted" } else { "" },
                        diff(&want, &got, 40)
                    ));
                }
            }
            other => failures.push(format!("{}: {}", p.name, other.summary())),
        }
    }
    println!(
        "{} of {} corpus programs print what Go prints",
        programs.len() - failures.len() - known.len(),
        programs.len()
    );
    let fixed: Vec<&str> = KNOWN_DIFFERENCES
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !known.iter().any(|f| f.starts_with(&format!("{name}:"))))
        .collect();
    assert!(
        fixed.is_empty(),
        "{fixed:?} now print what Go prints: take them off KNOWN_DIFFERENCES"
    );
    assert!(
        failures.is_empty(),
        "{} of {} corpus programs differ from Go (`-` Go, `+` chanlab):\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn corpus_runs_are_deterministic() {
    let programs = corpus();
    let results = parallel_map(&programs, |p| {
        let first = run_lines_with_deadline(&p.source, &options(p), DEADLINE);
        let second = run_lines_with_deadline(&p.source, &options(p), DEADLINE);
        (first, second)
    });
    let mut failures = Vec::new();
    for (p, (first, second)) in programs.iter().zip(results) {
        if first.0 == Ran::TimedOut || second.0 == Ran::TimedOut {
            continue; // reported by corpus_programs_print_what_go_prints
        }
        if first != second {
            let lines = |r: &(Ran, golang_support::StreamLines)| -> Vec<String> {
                r.1.iter().map(|(t, s)| format!("{s:?}: {t}")).collect()
            };
            failures.push(format!(
                "{}: {} then {}\n{}",
                p.name,
                first.0.summary(),
                second.0.summary(),
                diff(&lines(&first), &lines(&second), 20)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus programs print differently on two runs with seed 1:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Every program has its recorded output, every output and variant its program, and no
/// output holds what would differ between machines.
#[test]
fn corpus_files_are_complete() {
    let dir = corpus_dir();
    let mut programs = BTreeSet::new();
    let mut outs = BTreeSet::new();
    let mut variants = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(base) = name.strip_suffix(".go119.go") {
            variants.insert(base.to_string());
        } else if let Some(base) = name.strip_suffix(".go") {
            programs.insert(base.to_string());
        } else if let Some(base) = name.strip_suffix(".out") {
            outs.insert(base.to_string());
        } else {
            panic!("unexpected file in tests/golang/corpus: {name}");
        }
    }
    assert_eq!(
        programs.difference(&outs).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "programs without a .out (run tests/golang/record.sh)"
    );
    assert_eq!(
        outs.difference(&programs).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        ".out files without a program"
    );
    assert_eq!(
        variants.difference(&programs).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        ".go119.go variants without a program"
    );
    for p in corpus() {
        let out = read(&dir.join(format!("{}.out", p.name)));
        assert!(
            p.expected_exit.is_some(),
            "{}.out: line 1 is not `exit N`",
            p.name
        );
        for bad in ["/tmp/", "/usr/", "0xc0", "+0x", "exit status"] {
            assert!(!out.contains(bad), "{}.out holds `{bad}`", p.name);
        }
        if p.unordered {
            let mut sorted = p.expected.clone();
            sorted.sort();
            assert_eq!(
                p.expected, sorted,
                "{}.out: unordered but not stored sorted",
                p.name
            );
        }
    }
}

/// `normalize` and tests/golang/normalize.awk (which record.sh applies to Go's output) give
/// the same lines for raw Go output.
#[test]
fn normalisation_matches_the_recording_script() {
    let samples = root().join("tests/golang/normalize_samples");
    let awk = root().join("tests/golang/normalize.awk");
    let mut checked = 0;
    for entry in std::fs::read_dir(&samples).unwrap() {
        let path = entry.unwrap().path();
        let out = Command::new("awk")
            .arg("-f")
            .arg(&awk)
            .arg(&path)
            .output()
            .expect("awk runs (the recording script needs it too)");
        assert!(out.status.success(), "awk failed on {}", path.display());
        let by_awk = lines_of(&String::from_utf8(out.stdout).unwrap());
        let by_rust = normalize(&lines_of(&read(&path)));
        assert_eq!(by_rust, by_awk, "{}", path.display());
        checked += 1;
    }
    assert!(checked > 0);
}

fn v(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|s| s.to_string()).collect()
}

#[test]
fn wording_maps_go_1_19_to_today() {
    assert_eq!(
        modern_wording("./prog.go:6:2: x declared but not used"),
        "./prog.go:6:2: declared and not used: x"
    );
    assert_eq!(
        modern_wording("./prog.go:5:2: imported and not used: \"os\""),
        "./prog.go:5:2: \"os\" imported and not used"
    );
    assert_eq!(
        modern_wording(
            "./prog.go:9:9: cannot use n (variable of type int) as type string in return statement"
        ),
        "./prog.go:9:9: cannot use n (variable of type int) as string value in return statement"
    );
    let same = "./prog.go:17:18: cannot use \"pi\" (untyped string constant) as float64 value in variable declaration";
    assert_eq!(modern_wording(same), same);
    assert_eq!(
        modern_wording("x declared but not used"),
        "x declared but not used"
    );
}

#[test]
fn normalize_keeps_only_goroutine_headers_after_the_first() {
    let raw = v(&[
        "out",
        "panic: (main.T) 0xc000010018 [recovered]",
        "\tpanic: x",
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47f1b6]",
        "",
        "goroutine 7 [running]:",
        "main.f(...)",
        "\t/tmp/prog.go:3 +0x1d",
        "",
        "goroutine 2 [force gc (idle)]:",
        "",
        "goroutine 1 [chan receive]:",
    ]);
    assert_eq!(
        normalize(&raw),
        v(&[
            "out",
            "panic: (main.T) <addr> [recovered]",
            "\tpanic: x",
            "",
            "goroutine <id> [running]:",
            "",
            "goroutine 1 [chan receive]:",
        ])
    );
}

#[test]
fn diff_marks_changed_lines() {
    let d = diff(&v(&["a", "b", "c"]), &v(&["a", "x", "c"]), 10);
    assert_eq!(d, "    a\n  + x\n  - b\n    c");
}
