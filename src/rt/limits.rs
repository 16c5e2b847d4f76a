//! Run limits: how much of the machine one run may take, whatever program it runs.
//!
//! Every run has [`Limits`] (in its [`Config`](super::Config)). A run that reaches one ends
//! with [`Outcome::Limit`](super::Outcome::Limit) naming the [`Limit`], and its report prints
//! the limit's line on stderr, as the Go Playground prints `timeout running program`. The
//! limits are the runtime's, not a program's: a catalog pattern and an interpreted program
//! meet them the same way.
//!
//! Where each is checked:
//! - **wall time**: every few scheduler steps, and in real mode when the run idles (the host
//!   is asked to wake the run when the budget ends, see `Core::idle_real`);
//! - **virtual time** (sim mode): when the clock would move past it;
//! - **goroutines created, and alive at once**: when a goroutine would start; it does not;
//! - **output**, lines and bytes: when a program prints; the text over the limit is dropped;
//! - **memory**: the host's gauge of its heap ([`set_memory_gauge`]), every few steps, and
//!   before a large allocation a program announces ([`memory_fits`]).
//!
//! # Invariants
//! - Once a run is ending (a limit, a panic, main returned), no goroutine starts and nothing a
//!   program prints is kept; the report's own lines still are.
//! - A limit never ends a run that has already ended: the first ending stands.

use serde::{Deserialize, Serialize};

use super::current::with_core;
use super::time::fmt_duration;

/// How much a run may take. [`Limits::default`] is what the page gives a sim-mode run;
/// [`Limits::real`], a real-mode run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock ns from the run's start, in either mode.
    pub wall_ns: u64,
    /// Virtual ns (sim mode's clock).
    pub virtual_ns: u64,
    /// Goroutines started over the whole run, main included.
    pub goroutines: u64,
    /// Goroutines alive at once.
    pub live_goroutines: u64,
    /// Lines printed (stdout and stderr).
    pub output_lines: u64,
    /// Bytes printed (stdout and stderr).
    pub output_bytes: u64,
    /// Bytes of the host's heap in use, as its gauge reads them ([`set_memory_gauge`]);
    /// unchecked where no gauge is set.
    pub memory_bytes: u64,
}

/// 30 s: a sim-mode run's wall-clock budget.
pub const SIM_WALL_NS: u64 = 30_000_000_000;
/// 120 s: a real-mode run's wall-clock budget (its clock is the wall clock).
pub const REAL_WALL_NS: u64 = 120_000_000_000;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            wall_ns: SIM_WALL_NS,
            virtual_ns: 24 * 3600 * 1_000_000_000,
            goroutines: 1_000_000,
            live_goroutines: 500_000,
            output_lines: 1_000_000,
            output_bytes: 64 << 20,
            memory_bytes: 512 << 20,
        }
    }
}

impl Limits {
    /// The limits of a real-mode run: sim mode's, with a longer wall-clock budget.
    pub fn real() -> Self {
        Limits {
            wall_ns: REAL_WALL_NS,
            ..Limits::default()
        }
    }

    /// No limit at all (for measurements that must not be cut short).
    pub fn none() -> Self {
        Limits {
            wall_ns: u64::MAX,
            virtual_ns: u64::MAX,
            goroutines: u64::MAX,
            live_goroutines: u64::MAX,
            output_lines: u64::MAX,
            output_bytes: u64::MAX,
            memory_bytes: u64::MAX,
        }
    }
}

/// The limit a run reached, with the value it was set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Limit {
    WallTime { ns: u64 },
    VirtualTime { ns: u64 },
    Goroutines { max: u64 },
    LiveGoroutines { max: u64 },
    OutputLines { max: u64 },
    OutputBytes { max: u64 },
    Memory { bytes: u64 },
}

impl Limit {
    /// A short stable name (`wall-time`), for the page's `data-limit` attribute.
    pub fn id(&self) -> &'static str {
        match self {
            Limit::WallTime { .. } => "wall-time",
            Limit::VirtualTime { .. } => "virtual-time",
            Limit::Goroutines { .. } => "goroutines",
            Limit::LiveGoroutines { .. } => "live-goroutines",
            Limit::OutputLines { .. } => "output-lines",
            Limit::OutputBytes { .. } => "output-bytes",
            Limit::Memory { .. } => "memory",
        }
    }

    /// The line the run's report prints (on stderr).
    pub fn message(&self) -> String {
        let duration = |ns: u64| fmt_duration(std::time::Duration::from_nanos(ns));
        match *self {
            Limit::WallTime { ns } => format!(
                "timeout running program: stopped after {} of real time, the longest run chanlab allows",
                duration(ns)
            ),
            Limit::VirtualTime { ns } => format!(
                "timeout running program: stopped at {} of virtual time, the longest run chanlab simulates",
                duration(ns)
            ),
            Limit::Goroutines { max } => format!(
                "too many goroutines: the program started {}, the most chanlab allows in one run",
                thousands(max)
            ),
            Limit::LiveGoroutines { max } => format!(
                "too many goroutines: {} alive at once, the most chanlab allows",
                thousands(max)
            ),
            Limit::OutputLines { max } => format!(
                "too much output: the program printed {} lines, the most chanlab takes from one run",
                thousands(max)
            ),
            Limit::OutputBytes { max } => format!(
                "too much output: the program printed {}, the most chanlab takes from one run",
                bytes(max)
            ),
            Limit::Memory { bytes: max } => format!(
                "the program ran out of memory: it needed more than the {} chanlab gives a run",
                bytes(max)
            ),
        }
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    group_digits(n, ',')
}

/// `n`'s digits in groups of three, with `separator` between the groups.
pub fn group_digits(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A size in bytes, in whole binary units (`64 MB` for 64 MiB), as people read sizes.
fn bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n.is_multiple_of(1 << 30) => format!("{} GB", n >> 30),
        n if n >= 1 << 20 => format!("{} MB", n >> 20),
        n if n >= 1 << 10 => format!("{} KB", n >> 10),
        n => format!("{n} bytes"),
    }
}

thread_local! {
    /// The host's gauge of its heap in use, in bytes.
    static MEMORY_GAUGE: std::cell::Cell<Option<fn() -> u64>> = const { std::cell::Cell::new(None) };
}

/// Sets the gauge runs on this thread read their memory from (the worker's counting
/// allocator, `crate::heap`). Without one the memory limit is not checked.
pub fn set_memory_gauge(gauge: fn() -> u64) {
    MEMORY_GAUGE.with(|g| g.set(Some(gauge)));
}

/// The host's heap in use now, if it has a gauge.
pub(crate) fn memory_in_use() -> Option<u64> {
    MEMORY_GAUGE.with(|g| g.get()).map(|gauge| gauge())
}

/// Whether the running program may allocate `bytes` more. When that would take the heap past
/// the run's memory limit, the run ends with it ("the program ran out of memory") and this
/// returns false: the caller allocates nothing, and its goroutine must not go on (as after
/// [`fatal`](super::fatal)). An interpreter asks before a large `make` or `append`.
pub fn memory_fits(bytes: u64) -> bool {
    with_core(|c| {
        let max = c.sched.limits.memory_bytes;
        let in_use = memory_in_use().unwrap_or(0);
        if in_use.saturating_add(bytes) <= max {
            return true;
        }
        c.sched.stop(Limit::Memory { bytes: max });
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_limit_in_plain_words() {
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(bytes(64 << 20), "64 MB");
        assert_eq!(bytes(1 << 30), "1 GB");
        assert_eq!(
            Limit::WallTime {
                ns: 30_000_000_000
            }
            .message(),
            "timeout running program: stopped after 30s of real time, the longest run chanlab allows"
        );
        assert!(Limit::Memory { bytes: 1 << 30 }
            .message()
            .starts_with("the program ran out of memory"));
    }
}
