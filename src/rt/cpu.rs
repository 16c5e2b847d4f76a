//! CPU work: real computation, and its cost on virtual processors in sim mode.
//!
//! `cpu_work(n)` really sums the integers below `n` (the tutorial's `doTask(n)`), in a loop the
//! optimiser cannot remove, so one unit is one loop iteration, about a nanosecond. In sim mode
//! the work then occupies one of `procs` virtual processors for `n` virtual ns: the goroutine
//! takes the processor that frees up first, waits for it (runnable), runs on it, and resumes
//! when its work is done. So 4 goroutines of equal work take twice as long on 2 processors as
//! on 4, and sim mode predicts the parallel speedup that real mode then measures.
//!
//! # Invariants
//! - `busy_until[p]` is when processor `p` finishes the work assigned to it so far.

use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::goroutine::WaitReason;
use super::runtime::with_core;
use super::time::Action;
use super::trace::{Event, Kind};

/// Virtual ns one unit of CPU work costs.
pub const NS_PER_UNIT: u64 = 1;

/// The virtual processors.
pub(crate) struct Procs {
    busy_until: Vec<u64>,
}

impl Procs {
    pub fn new(procs: u32) -> Self {
        Procs {
            busy_until: vec![0; procs.clamp(1, 256) as usize],
        }
    }

    pub fn count(&self) -> usize {
        self.busy_until.len()
    }

    /// Assigns `ns` of work that is ready at `now` to the processor that frees up first.
    /// Returns the processor and when the work starts.
    fn assign(&mut self, now: u64, ns: u64) -> (usize, u64) {
        let (p, free_at) = self
            .busy_until
            .iter()
            .copied()
            .enumerate()
            .min_by_key(|(_, t)| *t)
            .expect("at least one processor");
        let start = now.max(free_at);
        self.busy_until[p] = start + ns;
        (p, start)
    }
}

/// The tutorial's `doTask(n)`: the sum of the integers below `n`, computed for real.
pub fn do_task(n: u64) -> u64 {
    let mut sum = 0u64;
    for i in 0..black_box(n) {
        sum = black_box(sum.wrapping_add(i));
    }
    sum
}

/// Does `units` of CPU work (see the module doc) and returns its result.
pub async fn cpu_work(units: u64) -> u64 {
    let sum = do_task(units);
    if units > 0 {
        OnProc {
            ns: units * NS_PER_UNIT,
            parked: false,
        }
        .await;
    }
    sum
}

/// Occupies a virtual processor for `ns`.
struct OnProc {
    ns: u64,
    parked: bool,
}

impl Future for OnProc {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.parked {
            return Poll::Ready(());
        }
        self.parked = true;
        let ns = self.ns;
        with_core(|c| {
            let now = c.sched.now;
            let (p, start) = c.procs.assign(now, ns);
            let g = c.sched.current_id();
            // The span carries its own start, which may lie ahead of the clock.
            c.sched.trace.push(Event {
                t: start,
                g,
                obj: (ns >> 32) as u32,
                arg: ns as u32,
                kind: Kind::ProcSpan,
                proc: p as u8,
            });
            let seq = c.sched.park(WaitReason::CpuWork, p as u32);
            let key = c.sched.key(seq, 0);
            c.timers.add(start + ns, Action::Wake(key), false);
        });
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn do_task_sums_below_n() {
        assert_eq!(do_task(0), 0);
        assert_eq!(do_task(5), 10);
        assert_eq!(do_task(1000), 499_500);
    }

    #[test]
    fn work_goes_to_the_first_free_processor() {
        let mut p = Procs::new(2);
        assert_eq!(p.assign(0, 10), (0, 0));
        assert_eq!(p.assign(0, 10), (1, 0));
        assert_eq!(p.assign(0, 10), (0, 10));
        assert_eq!(p.assign(50, 10), (1, 50));
    }
}
