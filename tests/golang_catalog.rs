//! The catalog through the interpreter: every case of `tests/go/cases.txt` renders the Go
//! source the page shows, the interpreter runs it in sim mode and in real mode, and both must
//! print what Go printed for it (`tests/go/expected/`, compared in the recorded form
//! `catalog_support` describes). No Go toolchain is needed: the recorded outputs are the
//! oracle.
//!
//! Sim mode runs on a virtual clock and must print every recorded output on its first run.
//! Real mode runs its executors taking turns in this thread, on the wall clock, so its timing
//! is real: the cases' parameters leave the slack that makes their output determined, and a
//! case tagged `clock` is run again, up to three more times, while it differs (each rerun
//! logged); any other case must match on its first run.

mod catalog_support;

use catalog_support::{
    cases, check_against_recorded, check_two_at_a_time, recorded_form, Case, Clock,
};
use chanlab::golang::{self, RunOptions};
use chanlab::patterns;

/// `case`'s program run through the interpreter, its output in the recorded form.
fn interpreted(case: &Case, real: bool) -> Vec<String> {
    let p = patterns::find(&case.id).unwrap_or_else(|| panic!("no pattern {}", case.id));
    let source = case.source(p);
    let options = RunOptions {
        procs: if case.tagged("procs1") { 1 } else { 4 },
        real,
        // The benchmark's 10,000 goroutines cross between executors; a test build on a busy
        // machine may take minutes over them.
        max_wall_ns: 600_000_000_000,
        ..RunOptions::default()
    };
    let run = golang::run(&source, &options);
    let lines: Vec<&str> = run.lines.iter().map(|l| l.text.as_str()).collect();
    recorded_form(case, &lines, run.exit_code)
}

/// Checks every case in one mode, two at a time.
fn check_all(real: bool) {
    let cases = cases();
    let (mode, clock) = if real {
        ("real", Clock::Wall)
    } else {
        ("sim", Clock::Virtual)
    };
    let who = format!("the interpreter in {mode} mode");
    let failures = check_two_at_a_time(&cases, |case| {
        check_against_recorded(case, &who, clock, || Ok(interpreted(case, real)))
    });
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

/// Every catalog program, with its defaults, passes the type checker without an error.
#[test]
fn every_catalog_program_checks() {
    for p in patterns::catalog() {
        let src = p.go_source(&patterns::Params::defaults(p.params), 1);
        if let Err(d) = golang::types::check_program(&src, "prog.go") {
            panic!("{}: {:?}\n{src}", p.id, d.lines());
        }
    }
}
