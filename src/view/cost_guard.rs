//! The cost guard: what a run will need, against chanlab's limits, before a worker starts.
//!
//! The estimate comes from the pattern's parameters ([`crate::patterns::cost`]). A run that
//! would reach one of the runtime's limits ([`crate::rt::Limits`]) may still be started (it
//! then stops at the limit, with its line), but the page says so beside Run before it does;
//! and a link's `autorun=1` never starts a run that would reach a limit or take longer than
//! [`AUTORUN_NS`]: the page shows the estimate and waits for Run.

use crate::protocol::Mode;
use crate::rt::limits::thousands;
use crate::rt::{fmt_duration, Limits};

use super::page_config::PageConfig;

/// The longest run a link may start on opening (estimated wall time).
pub const AUTORUN_NS: u64 = 5_000_000_000;

/// What the guard found for one configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The limits the run would reach, one phrase each ("it would start about … goroutines,
    /// and a run may start 1,000,000").
    pub limits: Vec<String>,
    /// The estimated wall-clock time the run takes in the browser.
    pub wall_ns: u64,
}

impl Verdict {
    /// The guard's verdict on `config`, in a browser that reports `cores`.
    pub fn of(config: &PageConfig, cores: u32) -> Verdict {
        let real = config.mode == Mode::Real;
        let limits = if real {
            Limits::real()
        } else {
            Limits::default()
        };
        let e = (config.pattern.cost)(&config.params).estimate(real, config.procs(cores));
        let mut reached = Vec::new();
        if e.goroutines > limits.goroutines {
            reached.push(format!(
                "it would start about {} goroutines, and a run may start {}",
                thousands(e.goroutines),
                thousands(limits.goroutines)
            ));
        } else if e.live >= limits.live_goroutines {
            reached.push(format!(
                "about {} goroutines would be alive at once, and a run may have {}",
                thousands(e.live),
                thousands(limits.live_goroutines)
            ));
        }
        if e.lines > limits.output_lines {
            reached.push(format!(
                "it would print about {} lines, and a run may print {}",
                thousands(e.lines),
                thousands(limits.output_lines)
            ));
        }
        if !real && e.clock_ns > limits.virtual_ns {
            reached.push(format!(
                "it would run for about {} of virtual time, and sim mode stops at {}",
                duration(e.clock_ns),
                duration(limits.virtual_ns)
            ));
        }
        if e.wall_ns > limits.wall_ns {
            reached.push(format!(
                "it would take about {} in your browser, and a run stops after {}",
                duration(e.wall_ns),
                duration(limits.wall_ns)
            ));
        }
        Verdict {
            limits: reached,
            wall_ns: e.wall_ns,
        }
    }

    /// Whether a link may start this run on opening.
    pub fn autorun_ok(&self) -> bool {
        self.limits.is_empty() && self.wall_ns <= AUTORUN_NS
    }

    /// The warning beside Run, when the run would reach a limit.
    pub fn warning(&self) -> Option<String> {
        if self.limits.is_empty() {
            return None;
        }
        Some(format!(
            "This run would stop at chanlab's limits: {}.",
            self.limits.join("; ")
        ))
    }

    /// Why a link's `autorun=1` did not start the run, and what to do instead.
    pub fn held(&self) -> String {
        let why = if self.limits.is_empty() {
            format!(
                "it would take about {} in your browser",
                duration(self.wall_ns)
            )
        } else {
            "it would stop at chanlab's limits".to_string()
        };
        format!("Not run on opening: {why}. Press Run to start it.")
    }
}

/// A duration, rounded to what an estimate means (`about 3m20s`, not nanoseconds).
fn duration(ns: u64) -> String {
    let rounded = match ns {
        0..=999_999_999 => ns / 1_000_000 * 1_000_000,
        1_000_000_000..=59_999_999_999 => ns / 100_000_000 * 100_000_000,
        _ => ns / 1_000_000_000 * 1_000_000_000,
    };
    fmt_duration(std::time::Duration::from_nanos(rounded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(query: &str) -> Verdict {
        let (config, _) = PageConfig::parse(query);
        Verdict::of(&config, 2)
    }

    #[test]
    fn the_catalog_at_its_defaults_runs_on_opening_in_both_modes() {
        for p in crate::patterns::catalog() {
            for mode in [Mode::Sim, Mode::Real] {
                let config = PageConfig {
                    mode,
                    ..PageConfig::new(p)
                };
                let v = Verdict::of(&config, 2);
                assert!(v.autorun_ok(), "{} {mode:?}: {v:?}", p.id);
                assert_eq!(v.warning(), None);
            }
        }
    }

    #[test]
    fn a_billion_goroutines_are_announced_and_not_autorun() {
        let v = verdict("p=benchmark&tasks=1000000&rounds=1000&workload=0&autorun=1");
        assert!(!v.autorun_ok());
        let warning = v.warning().expect("a warning");
        assert!(
            warning.contains(
                "it would start about 1,001,008,009 goroutines, and a run may start 1,000,000"
            ),
            "{warning}"
        );
        assert_eq!(
            v.held(),
            "Not run on opening: it would stop at chanlab's limits. Press Run to start it."
        );
    }

    #[test]
    fn cpu_work_is_computed_for_real_in_both_modes() {
        // A hundred thousand jobs of a second of CPU work: more than a day of virtual time on 1
        // processor, and far more than a run's budget in the browser, in both modes: the
        // interpreter computes every unit.
        let sim = verdict("p=worker-pool&jobs=100000&cpu_work=1000000000&job_ms=0&procs=1");
        assert!(!sim.autorun_ok(), "{sim:?}");
        assert!(sim
            .limits
            .iter()
            .any(|l| l.contains("of virtual time, and sim mode stops at 24h0m0s")));
        assert!(
            sim.limits
                .iter()
                .any(|l| l.contains("in your browser, and a run stops after 30s")),
            "{sim:?}"
        );
        let real =
            verdict("p=worker-pool&jobs=100000&cpu_work=1000000000&job_ms=0&procs=2&mode=real");
        assert!(
            real.limits
                .iter()
                .any(|l| l.contains("in your browser, and a run stops after 2m0s")),
            "{real:?}"
        );
        // Eight seconds of it take seconds in the browser too: held for Run.
        let small = verdict("p=worker-pool&jobs=8&workers=4&cpu_work=1000000000&job_ms=0");
        assert!(small.limits.is_empty(), "{small:?}");
        assert!(small.wall_ns > 5_000_000_000, "{small:?}");
        assert!(!small.autorun_ok());
    }

    #[test]
    fn a_long_run_within_the_limits_waits_for_run() {
        // Real mode sleeps for real: 20 rounds of 1 s.
        let v = verdict("p=worker-pool&jobs=20&workers=1&job_ms=1000&mode=real");
        assert!(v.limits.is_empty(), "{v:?}");
        assert!(!v.autorun_ok());
        assert!(v
            .held()
            .starts_with("Not run on opening: it would take about 2"));
    }

    #[test]
    fn estimates_are_rounded() {
        assert_eq!(duration(1_234_567_891), "1.2s");
        assert_eq!(duration(200_123_456_789), "3m20s");
        assert_eq!(duration(1_234_567), "1ms");
    }
}
