//! Real mode's semantics, natively: every pattern of the catalog run on a hub and executors
//! (`chanlab::real::run_in_thread`) prints the lines sim mode prints, and ends the same way.
//! The browser test `tests/e2e/real.test.mjs` checks the same on Web Workers.

use chanlab::patterns::{catalog, Params};
use chanlab::rt::Config;

/// Lines as a sorted list, with what real time legitimately changes blanked:
/// - durations (`1.002s`, `250ms`, `3µs`): real time is not virtual time;
/// - `benchmark`'s measurements (ns/op and the ratio of the two);
/// - `loop-capture`'s values: its goroutines race with the loop (Go's data race), so they
///   print values from 0 to `count`, checked to be in that range.
fn normalised(pattern: &str, lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| match pattern {
            "benchmark" => l
                .split("  ")
                .map(|w| {
                    if w.ends_with(" ns/op") || w.ends_with("x faster, 1250.0x fewer goroutines") {
                        "<measured>"
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join("  "),
            "loop-capture" => match l.parse::<i64>() {
                Ok(v) if (0..=5).contains(&v) => "<i>".to_string(),
                _ => l.to_string(),
            },
            _ => l.to_string(),
        })
        .map(|l| {
            l.split(' ')
                .map(|w| {
                    let t = w.trim_end_matches([',', ')', ';']);
                    let digits = t.trim_end_matches(|c: char| c.is_alphabetic() || c == 'µ');
                    let unit = &t[digits.len()..];
                    let is_num = !digits.is_empty()
                        && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
                    if is_num && ["ns", "µs", "ms", "s", "m", "h"].contains(&unit) {
                        "<d>".to_string()
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_pattern_prints_in_real_mode_what_it_prints_in_sim_mode() {
    let mut failures = Vec::new();
    for p in catalog() {
        let params = Params::defaults(p.params);
        let sim = p.run_sim(
            &params,
            Config {
                procs: 2,
                ..Config::default()
            },
        );
        let real = chanlab::real::run_in_thread(1, 2, 60_000_000_000, || p.program(&params, 1));
        let real = match real {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{}: {e}", p.id));
                continue;
            }
        };
        let (s, r) = (
            normalised(p.id, &sim.lines()),
            normalised(p.id, &real.lines()),
        );
        if s != r || sim.exit_code() != real.exit_code() {
            failures.push(format!(
                "{}: sim exit {} {:#?}\nreal exit {} {:#?}",
                p.id,
                sim.exit_code(),
                sim.lines(),
                real.exit_code(),
                real.lines()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
