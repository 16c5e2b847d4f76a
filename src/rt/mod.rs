//! The Go-style runtime every chanlab pattern runs on.
//!
//! A single-threaded cooperative executor of goroutines (futures) with Go's channel, select,
//! time, sync, context, errgroup and semaphore semantics, a virtual clock and a seeded RNG for
//! deterministic simulation, and a trace of everything that happened. It knows nothing of the
//! web: it builds and is tested natively.
//!
//! Goroutines are spawned as named functions with their arguments (`go(worker, (id, jobs))`,
//! Go's `go worker(id, jobs)`), and every runtime object a goroutine may hold (channel,
//! WaitGroup, Mutex, context, errgroup, semaphore) is a small copyable handle: an id into the
//! runtime's tables. That is what lets real mode ([`real`]) place goroutines on other workers
//! while their objects live on one of them; each operation meets real mode at one seam
//! (`seam.rs`), beside its local code.
//!
//! Where things are: `run.rs` (a run and its loop), `sched.rs` (goroutines, parking, the
//! clock, ids), `current.rs` (how operations reach the running run), `report.rs` (how a run
//! ends, in Go's words), `limits.rs` (how much a run may take); one file per object (`chan/`, `select.rs`, `time.rs`, `sync.rs`,
//! `context.rs`, `shared.rs`, `semaphore_impl.rs`, `errgroup_impl.rs`, `cpu.rs`), and
//! `real/` for real mode.
//!
//! # Invariants
//! - A goroutine awaits runtime operations only: the executor polls a goroutine when, and only
//!   when, a runtime operation made it runnable (wakers are not used).
//! - Go's panics and fatal errors are outcomes of the run, reported in Go's words; an operation
//!   that panics never returns to the goroutine that called it.

mod builtin;
mod chan;
mod clock;
mod context;
mod cpu;
mod current;
mod errgroup_impl;
#[doc(hidden)]
pub mod fault;
mod goroutine;
pub mod limits;
pub mod real;
mod report;
mod rng;
mod run;
mod sched;
mod seam;
mod select;
mod semaphore_impl;
mod shared;
mod sync;
mod time;
pub mod trace;

pub use builtin::{
    end_fatally, eprint, fatal, give_up_wait, go_panic, go_panic_with_frames, goexited, goid,
    gomaxprocs, is_package_panic, num_cpu, os_exit, other_goroutines, print, println, rand_below,
    take_panic, NEGATIVE_WAITGROUP, REUSED_WAITGROUP,
};
pub use chan::{make_chan, Chan, Receiver, Sender};
pub use clock::{clock_ns, now, real_clock, set_wall_clock, wall_ns};
pub use context::{background, with_cancel, with_deadline, with_timeout, CancelFunc, Context};
pub use cpu::{
    compute_slice_ns, cpu_time, cpu_time_kept, cpu_work, do_task, sim_cost, CpuTime, Ran, RealWork,
    NS_PER_UNIT,
};
pub use goroutine::{
    capture_stdout, go, go_as, go_label, go_named, gosched, intern, num_goroutine, set_gomaxprocs,
    Call, GoId, Label, Status, WaitReason,
};
pub use limits::{memory_fits, set_memory_gauge, Limit, Limits};
pub use report::{
    written, GoroutineInfo, Locate, Metrics, Outcome, OutputLine, Report, SourcePlace, Stream,
    Traceback,
};
pub use rng::Rng;
pub use run::{host_data, Config, GoFuture, HostValue, Progress, Role, Runtime, Task};
pub use select::{AsChan, Select, Selected};
pub use shared::{AtomicInt, Var};
pub use sync::{Cond, Mutex, Once, WaitGroup};
pub use time::{
    after, after_go, fmt_duration, ms, new_ticker, new_timer, sleep, start_timer, tick, Duration,
    Ticker, Time, Timer, TimerRef,
};

/// The futures of runtime operations, by name (for a program that keeps them, as an
/// interpreter does). Each is a [`Routed`](futures::Routed) operation: done here, or asked of
/// real mode's hub.
pub mod futures {
    pub use super::chan::{Close, Recv, Send};
    pub use super::cpu::CpuTime;
    pub use super::goroutine::Yield;
    pub use super::seam::{Query, Routed};
    pub use super::select::Wait;
    pub use super::semaphore_impl::{Acquire, Release};
    pub use super::shared::{AtomicAdd, Get};
    pub use super::sync::{CondWait, Lock, Unlock, WgAdd, WgWait};
    pub use super::time::Sleep;
}

/// Go's `errgroup` package (golang.org/x/sync/errgroup).
pub mod errgroup {
    pub use super::errgroup_impl::{declare, with_context, Group};
}

/// Go's `semaphore` package (golang.org/x/sync/semaphore).
pub mod semaphore {
    pub use super::semaphore_impl::{new_weighted, Weighted};
}

/// A Go `error`: its text is what `Error()` returns.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Error(pub String);

impl Error {
    pub fn new(text: impl Into<String>) -> Self {
        Error(text.into())
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Values that may cross a worker boundary: everything a channel carries or a goroutine takes.
pub trait Value: serde::Serialize + serde::de::DeserializeOwned + 'static {}
impl<T: serde::Serialize + serde::de::DeserializeOwned + 'static> Value for T {}
