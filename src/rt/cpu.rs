//! CPU work: real computation, and its cost on virtual processors in sim mode.
//!
//! `cpu_work(n)` sums the integers below `n` (the tutorial's `doTask(n)`). In real mode it
//! really loops, in a loop the optimiser cannot remove, so one unit is one loop iteration,
//! about a nanosecond of a real processor. In sim mode the work occupies one of `procs`
//! virtual processors for `n` virtual ns: the goroutine takes the processor that frees up
//! first, waits for it (runnable), runs on it, and resumes when its work is done. So 4
//! goroutines of equal work take twice as long on 2 processors as on 4, and sim mode predicts
//! the parallel speedup that real mode then measures. Sim mode computes the sum in closed
//! form: what it shows costs virtual time only, so a run's real cost follows what it shows
//! (a billion units is a second of virtual time and no real time).
//!
//! # Invariants
//! - `busy_until[p]` is when processor `p` finishes the work assigned to it so far.

use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::{Deserialize, Serialize};

use super::clock::real_clock;
use super::current::with_core;
use super::goroutine::{GoId, WaitReason};
use super::real::{self, Data, HubOp, Proxy};
use super::sched::Sched;
use super::seam;
use super::time::Action;
use super::trace::{Event, Kind};

/// Virtual ns one unit of CPU work costs.
pub const NS_PER_UNIT: u64 = 1;

/// The virtual processors.
pub(crate) struct Procs {
    busy_until: Vec<u64>,
    /// The count the run was given.
    given: usize,
}

impl Procs {
    pub fn new(procs: u32) -> Self {
        Procs {
            busy_until: vec![0; procs.clamp(1, 256) as usize],
            given: procs.clamp(1, 256) as usize,
        }
    }

    pub fn count(&self) -> usize {
        self.busy_until.len()
    }

    /// The count the run was given (Go's `NumCPU`).
    pub fn given(&self) -> usize {
        self.given
    }

    /// Makes `n` processors (1..=256): new ones are free, removed ones' work is done.
    pub fn set_count(&mut self, n: usize) {
        self.busy_until.resize(n.clamp(1, 256), 0);
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
    sum_range(0, n)
}

/// `do_task(n)` in closed form, `n(n-1)/2` (wrapping as the loop does): sim mode's CPU work,
/// whose cost is virtual.
fn sum_below(n: u64) -> u64 {
    let n = u128::from(n);
    (n * n.saturating_sub(1) / 2) as u64
}

/// The sum of the integers in `from..to` (wrapping): `do_task` in parts.
fn sum_range(from: u64, to: u64) -> u64 {
    let mut sum = 0u64;
    for i in from..black_box(to) {
        sum = black_box(sum.wrapping_add(i));
    }
    sum
}

/// Does `units` of CPU work (see the module doc) and returns its result.
pub async fn cpu_work(units: u64) -> u64 {
    if real_clock().is_some() {
        return real_work(units).await;
    }
    let sum = sum_below(units);
    if units > 0 {
        OnProc::new(units * NS_PER_UNIT).await;
    }
    sum
}

/// Spends `ns` of CPU time computing: in sim mode the goroutine occupies a virtual processor
/// for `ns` of virtual time, as `cpu_work` does (an interpreted program pays for its
/// instructions this way); in real mode computing took real time already, so it only lets the
/// executor's other goroutines run, as Go's preemption would.
pub fn cpu_time(ns: u64) -> CpuTime {
    if real_clock().is_some() {
        // What the executor's other goroutines asked leaves before this one computes on.
        real::flush();
        return CpuTime::Yield(super::goroutine::gosched());
    }
    CpuTime::Proc(OnProc::new(ns))
}

/// [`cpu_time`] for a goroutine that goes on running once it has paid, as Go's goroutine
/// runs until it blocks: on a single processor no other goroutine runs meanwhile (with
/// several, the others run beside it). [`cpu_time`] is a preemption: the others may run.
pub fn cpu_time_kept(ns: u64) -> CpuTime {
    match cpu_time(ns) {
        CpuTime::Proc(on) => CpuTime::Proc(OnProc { keeps: true, ..on }),
        other => other,
    }
}

/// Real mode: how long the running goroutine may compute before it yields ([`cpu_time`]),
/// when its worker needs a turn sooner than preemption's own quantum would give it: a hub's
/// answers wait for its turn to end. `None` in sim mode, and while nothing waits.
pub fn compute_slice_ns() -> Option<u64> {
    with_core(|c| c.sched.backend.compute_slice_ns())
}

/// A cost that sim mode models and real mode pays for real (creating a goroutine, a channel
/// operation, as a benchmark's model states them): in sim mode the goroutine occupies a
/// virtual processor for `ns`, as [`cpu_time`] does; in real mode the operation took its real
/// time already, so nothing more happens.
pub fn sim_cost(ns: u64) -> CpuTime {
    if ns == 0 || real_clock().is_some() {
        return CpuTime::Done;
    }
    CpuTime::Proc(OnProc::new(ns))
}

/// The future of [`cpu_time`] and [`sim_cost`].
#[must_use = "cpu_time does nothing unless awaited"]
pub enum CpuTime {
    Proc(OnProc),
    Yield(super::goroutine::Yield),
    /// Nothing to spend.
    Done,
}

impl Future for CpuTime {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        match self.get_mut() {
            CpuTime::Proc(on) => Pin::new(on).poll(cx),
            CpuTime::Yield(y) => Pin::new(y).poll(cx),
            CpuTime::Done => Poll::Ready(()),
        }
    }
}

/// Records that goroutine `g` ran CPU work on processor `proc` from `start` for `ns`.
pub(crate) fn record_span(s: &mut Sched, g: GoId, start: u64, ns: u64, proc: usize) {
    s.trace.push(Event {
        t: start,
        g,
        obj: (ns >> 32) as u32,
        arg: ns as u32,
        kind: Kind::ProcSpan,
        proc: proc as u8,
    });
}

/// Units of real-mode work between two turns of the executor.
const CHUNK_UNITS: u64 = 500_000;

/// `cpu_work` in real mode: the computation itself, on this executor, in chunks of about half
/// a millisecond with a turn for the other goroutines (and the executor's messages) between
/// them, as Go's scheduler preempts a long computation. The hub records each chunk's span.
async fn real_work(units: u64) -> u64 {
    // A goroutine whose pipelined send still blocks on the hub does not compute yet.
    real::fence().await;
    // What the other goroutines asked leaves before the computation starts.
    real::flush();
    let mut sum = 0u64;
    let mut done = 0;
    while done < units {
        let start = real_clock().unwrap_or(0);
        let n = (units - done).min(CHUNK_UNITS);
        sum = sum.wrapping_add(sum_range(done, done + n));
        done += n;
        let ns = real_clock().unwrap_or(start).saturating_sub(start);
        record_real_work(start, ns);
        if done < units {
            super::goroutine::gosched().await;
            real::flush();
        }
    }
    sum
}

/// Real mode: the current goroutine computed on this executor from `start` (the run's clock)
/// for `ns`. The hub records it for the processor view and the goroutine's lane.
fn record_real_work(start: u64, ns: u64) {
    seam::apply(
        || CpuOp::Span { start, ns },
        |c| {
            let g = c.sched.current_id();
            record_span(&mut c.sched, g, start, ns, 0);
            // The clock is read every few steps; this one took a while, and what the goroutine
            // does next happens after it.
            c.sched.now = c.sched.now.max(start + ns);
        },
    );
}

/// Shorter stretches of a goroutine's own code are not recorded as CPU work: each record is a
/// message to the hub and an event of the trace, and a run of a million goroutines that each
/// ran a little while would fill the trace (and the page's memory) with them.
const MIN_REAL_WORK_NS: u64 = 1_000_000;

/// A stretch in which the goroutine was preempted is a computation, cut into stretches when
/// other goroutines on its executor take turns with it: recorded from this long, so that
/// goroutines computing side by side on one executor show their work. (A record per
/// preemption at most: as many as the computing time allows, however many goroutines.)
const MIN_COMPUTING_NS: u64 = 50_000;

/// Polls of one goroutine this close together are one stretch of its code, whatever came
/// between them (a wait answered at once, another goroutine's brief turn). A preempted
/// goroutine polled again with none other in between continues its stretch at any distance.
const MAX_GAP_NS: u64 = 20_000;

/// How a goroutine's poll ended, for [`RealWork::ran`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ran {
    /// It was preempted: it still runs, as soon as its executor polls it again.
    Preempted,
    /// It waits for an operation.
    Waits,
    /// It ended.
    Ended,
}

thread_local! {
    /// The goroutine this executor polled last: a preempted goroutine polled again with none
    /// polled in between ran all along, however long its executor took to come back to it
    /// (reading its messages, yielding to the browser).
    static LAST_POLLED: std::cell::Cell<Option<GoId>> = const { std::cell::Cell::new(None) };
}

/// Real mode: the stretches a goroutine's own code ran on its executor, for a host that runs a
/// program's code itself (the interpreter). Polls that follow each other are joined into one
/// stretch, recorded as CPU work (for the processor view and the goroutine's lane) when it ends
/// and lasted at least [`MIN_REAL_WORK_NS`] ([`MIN_COMPUTING_NS`] for a computation). Does
/// nothing in sim mode, where the host's cost model pays the time instead.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealWork {
    from: u64,
    to: u64,
    /// The last poll ended in a preemption.
    preempted: bool,
    /// A poll of this stretch ended in a preemption: the goroutine computes.
    computing: bool,
}

impl RealWork {
    /// The goroutine ran since `start` (what [`real_clock`] read before it ran; `None` in sim
    /// mode), and its poll ended as `ran` says: a wait or its end ends its stretch.
    pub fn ran(&mut self, start: Option<u64>, ran: Ran) {
        let Some(start) = start else {
            return;
        };
        let g = with_core(|c| c.sched.current_id());
        let alone = LAST_POLLED.with(|last| last.replace(Some(g))) == Some(g);
        if start > self.to.saturating_add(MAX_GAP_NS) && !(self.preempted && alone) {
            // It waited, or others ran in between: the last stretch ended there.
            self.flush();
            self.from = start;
        }
        self.to = real_clock().unwrap_or(start).max(start);
        self.preempted = ran == Ran::Preempted;
        self.computing |= self.preempted;
        if ran == Ran::Ended {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let ns = self.to.saturating_sub(self.from);
        let least = if self.computing {
            MIN_COMPUTING_NS
        } else {
            MIN_REAL_WORK_NS
        };
        if ns >= least {
            record_real_work(self.from, ns);
        }
        self.from = self.to;
        self.computing = false;
    }
}

/// CPU work's operations, as an executor asks them of the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CpuOp {
    /// CPU work ran on the executor from `start` for `ns` (for the processor view).
    Span { start: u64, ns: u64 },
}

impl HubOp for CpuOp {
    async fn exec(self, proxy: Proxy) -> Data {
        let CpuOp::Span { start, ns } = self;
        with_core(|c| {
            let g = c.sched.current_id();
            record_span(&mut c.sched, g, start, ns, proxy.worker as usize);
        });
        Data::none()
    }
}

/// Occupies a virtual processor for `ns`.
pub struct OnProc {
    ns: u64,
    parked: bool,
    /// The goroutine keeps the processor: on a single one, nothing else runs until it has
    /// paid ([`cpu_time_kept`]).
    keeps: bool,
}

impl OnProc {
    /// `ns` of work that lets the other goroutines run meanwhile.
    fn new(ns: u64) -> Self {
        OnProc {
            ns,
            parked: false,
            keeps: false,
        }
    }
}

impl Future for OnProc {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.parked {
            return Poll::Ready(());
        }
        self.parked = true;
        let (ns, keeps) = (self.ns, self.keeps);
        let paid = with_core(|c| {
            // On a single processor a payment that keeps it holds up everything else.
            let keeps = keeps && c.procs.count() == 1;
            let now = c.sched.now;
            let (p, start) = c.procs.assign(now, ns);
            let g = c.sched.current_id();
            // The span carries its own start, which may lie ahead of the clock.
            record_span(&mut c.sched, g, start, ns, p);
            let seq = c.sched.park(WaitReason::CpuWork, p as u32);
            let end = start + ns;
            if keeps && pay_in_place(c, end) {
                return true;
            }
            let key = c.sched.key(seq, 0);
            c.timers.add(now, end, Action::Wake(key), false);
            if keeps {
                c.sched.keep_processor();
            }
            false
        });
        if paid {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

/// A goroutine that keeps the only processor while it pays (just parked for it) and would
/// be the next thing to happen at `end`, no timer due before then or with it, wakes at once
/// with the clock at `end`: the run loop would do nothing else meanwhile, and an interpreted
/// goroutine pays every microsecond of channel traffic. Returns false, changing nothing,
/// where the run loop must do it.
fn pay_in_place(c: &mut super::run::Core, end: u64) -> bool {
    if !c.sched.may_pay_in_place()
        || end > c.sched.limits.virtual_ns
        || c.timers.next_deadline().is_some_and(|t| t <= end)
    {
        return false;
    }
    c.sched.now = end;
    c.sched.wake_paid_in_place();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn do_task_sums_below_n() {
        assert_eq!(sum_range(3, 5), 7);
        assert_eq!(do_task(0), 0);
        assert_eq!(do_task(5), 10);
        assert_eq!(do_task(1000), 499_500);
    }

    #[test]
    fn the_closed_form_is_the_loop() {
        for n in [0, 1, 2, 3, 1000, 1_000_001, 123_456_789] {
            assert_eq!(sum_below(n), do_task(n), "{n}");
        }
        // Past 2^32 the sum wraps, as the loop's does.
        for n in [(1u64 << 33) + 5, u64::MAX] {
            assert_eq!(sum_below(n), n.wrapping_mul((n - 1) / 2), "{n}");
        }
        let even = 1u64 << 40;
        assert_eq!(sum_below(even), (even / 2).wrapping_mul(even - 1));
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
