//! The catalog through the interpreter: every case of `tests/go/cases.txt` renders the Go
//! source the page shows, the interpreter runs it in sim mode and in real mode, and both must
//! print what Go printed for it (`tests/go/expected/`, compared as `catalog_support`
//! describes). No Go toolchain is needed: the recorded outputs are the oracle.
//!
//! Real mode runs its executors taking turns in this thread, on the wall clock, so its timing
//! is real: the cases' parameters leave the slack that makes their output determined.

mod catalog_support;

use catalog_support::{cases, Case};
use chanlab::golang::{self, RunOptions};
use chanlab::patterns;

/// Runs `case`'s program through the interpreter and returns a mismatch with Go, if any.
fn check(case: &Case, real: bool) -> Option<String> {
    let p = patterns::find(&case.id).unwrap_or_else(|| panic!("no pattern {}", case.id));
    let source = case.source(p);
    let options = RunOptions {
        procs: if case.tagged("procs1") { 1 } else { 4 },
        real,
        ..RunOptions::default()
    };
    let run = golang::run(&source, &options);
    let ours: Vec<String> = run.lines.iter().map(|l| l.text.clone()).collect();
    let (go_exit, go_lines) = case.expected();
    let (got, want) = (case.comparable(&ours), case.comparable(&go_lines));
    (got != want || run.exit_code != go_exit).then(|| {
        format!(
            "cases.txt line {} ({}):\n  Go (exit {go_exit}): {want:?}\n  chanlab (exit {}): {got:?}",
            case.line, case.name, run.exit_code
        )
    })
}

/// Checks every case in one mode, two at a time (real mode's cases wait on the wall clock).
fn check_all(real: bool) {
    let cases = cases();
    let failures: Vec<String> = std::thread::scope(|s| {
        let halves = [0, 1].map(|half| {
            let cases = &cases;
            s.spawn(move || {
                cases
                    .iter()
                    .skip(half)
                    .step_by(2)
                    .filter_map(|case| check(case, real))
                    .collect::<Vec<_>>()
            })
        });
        halves
            .into_iter()
            .flat_map(|h| h.join().expect("a case's run panicked"))
            .collect()
    });
    let mode = if real { "real" } else { "sim" };
    println!("{} cases checked in {mode} mode", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Go in {mode} mode:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_catalog_interpreted_in_sim_mode_prints_what_go_printed() {
    check_all(false);
}

#[test]
fn the_catalog_interpreted_in_real_mode_prints_what_go_printed() {
    check_all(true);
}
