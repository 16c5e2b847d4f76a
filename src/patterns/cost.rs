//! What a run of a pattern will take, estimated from its parameters before it starts.
//!
//! Each pattern says how its parameters scale its program ([`Cost`], the `cost:` of its
//! catalog entry; patterns whose parameters stay small leave it out). [`Cost::estimate`]
//! turns that into what the run will need in a mode: its virtual time, its wall time in the
//! browser, the goroutines and lines it makes. The page's cost guard (`view::cost_guard`)
//! compares that with the runtime's limits before a worker starts. An estimate is rough, to
//! a factor of a few: it tells a run of seconds from one of hours.

use super::Params;

/// How a run's work scales with its parameters (all counts over the whole run).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cost {
    /// Goroutines started, main included.
    pub goroutines: u64,
    /// Goroutines alive at once, at most.
    pub live: u64,
    /// Channel operations and other scheduler steps.
    pub steps: u64,
    /// Lines printed.
    pub lines: u64,
    /// Time the program waits on its clock (sleeps, timeouts), CPU work aside.
    pub wait_ns: u64,
    /// Units of CPU work (iterations of the programs' `doTask` loop), spread over the
    /// processors. The interpreter computes them for real in both modes, [`NS_PER_UNIT`]
    /// each; sim mode's clock counts a nanosecond each (docs/INTERPRETER.md, Cost model).
    pub cpu_units: u64,
}

/// A cost the catalog's small patterns stay under: at most ten thousand goroutines, steps and
/// lines. Their waits (a minute at most) are left out: no limit is near.
pub fn small(_: &Params) -> Cost {
    Cost {
        goroutines: 10_000,
        live: 10_000,
        steps: 100_000,
        lines: 10_000,
        wait_ns: 0,
        cpu_units: 0,
    }
}

/// What a run needs in one mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub goroutines: u64,
    pub live: u64,
    pub lines: u64,
    /// The run's length on its own clock (virtual in sim mode, the wall clock in real mode).
    pub clock_ns: u64,
    /// Wall-clock time the browser spends on it.
    pub wall_ns: u64,
}

/// Wall-clock ns the browser spends on each, in sim mode and in real mode (rough, measured
/// on a 2-core machine: README, Limits).
const SIM_NS_PER_GOROUTINE: u64 = 1_000;
const SIM_NS_PER_STEP: u64 = 200;
const NS_PER_LINE: u64 = 1_000;
const REAL_NS_PER_GOROUTINE: u64 = 20_000;
const REAL_NS_PER_STEP: u64 = 3_000;
/// Wall-clock ns the interpreter takes for a unit of CPU work (the `doTask` loop's iteration:
/// 8e8 took 0.5-0.8 s in sim mode on a 2-core machine; a slower device takes a few times that).
pub const NS_PER_UNIT: u64 = 1;

impl Cost {
    /// What this run needs in sim mode (`real == false`) or real mode, on `procs`
    /// processors.
    pub fn estimate(&self, real: bool, procs: u32) -> Estimate {
        let procs = u64::from(procs.max(1));
        let clock = self.wait_ns.saturating_add(self.cpu_units / procs);
        let lines = self.lines.saturating_mul(NS_PER_LINE);
        let computing = self.cpu_units.saturating_mul(NS_PER_UNIT);
        let wall = if real {
            self.wait_ns
                .saturating_add(computing / procs)
                .saturating_add(self.goroutines.saturating_mul(REAL_NS_PER_GOROUTINE))
                .saturating_add(self.steps.saturating_mul(REAL_NS_PER_STEP))
                .saturating_add(lines)
        } else {
            // One worker computes every goroutine's work.
            computing
                .saturating_add(self.goroutines.saturating_mul(SIM_NS_PER_GOROUTINE))
                .saturating_add(self.steps.saturating_mul(SIM_NS_PER_STEP))
                .saturating_add(lines)
        };
        Estimate {
            goroutines: self.goroutines,
            live: self.live,
            lines: self.lines,
            clock_ns: if real { wall } else { clock },
            wall_ns: wall,
        }
    }
}

/// `ms` milliseconds in ns (negative is 0), saturating.
pub fn ms_ns(ms: i64) -> u64 {
    (ms.max(0) as u64).saturating_mul(1_000_000)
}

/// `ceil(n / d)` for counts from parameters (0 when `n` is; `d` at least 1).
pub fn rounds(n: i64, d: i64) -> u64 {
    let (n, d) = (n.max(0) as u64, d.max(1) as u64);
    n.div_ceil(d)
}

/// A parameter as a count (negative values are 0).
pub fn count(p: &Params, key: &str) -> u64 {
    p.int(key).max(0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sim_mode_waits_on_its_clock_and_computes_on_one_worker() {
        let cost = Cost {
            goroutines: 10,
            live: 10,
            steps: 1000,
            lines: 1,
            wait_ns: 1_000_000_000,
            cpu_units: 4_000_000,
        };
        let sim = cost.estimate(false, 4);
        assert_eq!(sim.clock_ns, 1_000_000_000 + 1_000_000);
        assert_eq!(
            sim.wall_ns,
            4_000_000 * NS_PER_UNIT + 10 * 1_000 + 1000 * 200 + 1_000
        );
        // Real mode computes on every processor, and waits for real.
        let real = cost.estimate(true, 4);
        assert_eq!(
            real.wall_ns,
            1_000_000_000 + 1_000_000 * NS_PER_UNIT + 10 * 20_000 + 1000 * 3_000 + 1_000
        );
        assert_eq!(real.clock_ns, real.wall_ns);
        assert_eq!(rounds(7, 2), 4);
        assert_eq!(rounds(0, 0), 0);
        assert_eq!(ms_ns(-5), 0);
    }
}
