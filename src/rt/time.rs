//! Time: the clock, timers, `sleep`, `after`, `Timer`, `Ticker`, and Go's duration format.
//!
//! Timers live in a binary heap ordered by (deadline, sequence: the order they were set, a
//! ticker's from when it was made); on one processor timers due at the same instant fire in
//! that order, those set at one instant together, and on several all together in an order the
//! seed picks (see [`fire_due`]). In sim mode the clock is virtual:
//! it moves only when no goroutine can run, jumping to the earliest deadline (the semantics of
//! the Go Playground's fake time and of tokio's paused clock). Due timers fire before the next
//! goroutine runs, so a timer set for "now" fires at once.
//!
//! A timer that is not stopped stays live until it fires: `time.After` in a loop piles them up,
//! and the run's metrics count them.
//!
//! # Invariants
//! - A heap entry is current only if its timer is active and the entry's sequence number is
//!   the timer's; stale entries (stopped or reset timers) are skipped when they reach the top.
//! - `live` counts the active timers.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::future::Future;
use std::task::Poll;

use serde::{Deserialize, Serialize};

use super::chan::Chan;
use super::current::with_core;
use super::goroutine::{Call, Label, WaitKey, WaitReason, Wake};
use super::real::{Data, HubOp, Name, Op, Proxy, Spawn, Start};
use super::run::{Core, Task};
use super::sched::put;
use super::seam::{self, Operation, Query, Routed};
use super::Value;

pub use std::time::Duration;

/// `n` milliseconds.
pub const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// An instant: ns since the run started (Go's `time.Time`, as timer channels deliver it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Time(pub u64);

impl Time {
    /// Go's `time.Since(t)`.
    pub fn elapsed(self) -> Duration {
        Duration::from_nanos(super::clock::now().0.saturating_sub(self.0))
    }
}

/// What a timer does when it fires.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Action {
    /// Wakes a parked goroutine (sleep, the end of CPU work).
    Wake(WaitKey),
    /// Sends the time on channel `chan` without blocking; every `period` ns again when
    /// non-zero (a ticker).
    SendTime { chan: u32, period: u64 },
    /// Cancels context `ctx` with `context deadline exceeded`.
    Deadline { ctx: u32 },
    /// Starts a goroutine (`time.AfterFunc`): job `job` of the timers' table says which.
    Spawn { job: u32 },
}

/// What an `AfterFunc` timer starts each time it fires.
#[derive(Clone)]
pub(crate) enum Job {
    /// A goroutine here: its label and future, made anew each time.
    Here(std::rc::Rc<dyn Fn() -> (Label, Task)>),
    /// On real mode's hub: a goroutine to place on an executor.
    Placed(Spawn),
}

/// A timer's handle: its slot and that slot's generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TimerId {
    slot: u32,
    gen: u32,
}

struct Entry {
    when: u64,
    /// When it was set (a ticker: when it was made; its ticks do not drift), which orders
    /// timers due together on one processor (see [`fire_due`]).
    set_at: u64,
    /// The sequence number of the heap entry that is current for this timer.
    seq: u64,
    active: bool,
    gen: u32,
    /// Whether a handle (`Timer`, `Ticker`, a context) may still stop or reset it; slots of
    /// timers without a handle are reused once they fire.
    owned: bool,
    action: Action,
}

/// The run's timers.
#[derive(Default)]
pub(crate) struct Timers {
    /// The goroutines `AfterFunc` timers start, by job number.
    jobs: Vec<Job>,
    heap: BinaryHeap<Reverse<(u64, u64, u32)>>,
    entries: Vec<Entry>,
    free: Vec<u32>,
    seq: u64,
    live: usize,
    peak: usize,
    /// The timers of `Timer` and `Ticker` handles, by the handle's id.
    handles: Vec<Option<TimerId>>,
    /// Timers due now wait for a goroutine to run first: they were set after the ones that
    /// just fired (see [`fire_due`]).
    pub held: bool,
}

impl Timers {
    /// Sets a timer for `when`, at time `now`. `owned` timers keep their slot for their
    /// handle.
    pub fn add(&mut self, now: u64, when: u64, action: Action, owned: bool) -> TimerId {
        self.seq += 1;
        let entry = Entry {
            when,
            set_at: now,
            seq: self.seq,
            active: true,
            gen: 0,
            owned,
            action,
        };
        let slot = match self.free.pop() {
            Some(slot) => {
                let gen = self.entries[slot as usize].gen.wrapping_add(1);
                self.entries[slot as usize] = Entry { gen, ..entry };
                slot
            }
            None => {
                self.entries.push(entry);
                (self.entries.len() - 1) as u32
            }
        };
        self.heap.push(Reverse((when, self.seq, slot)));
        self.live += 1;
        self.peak = self.peak.max(self.live);
        TimerId {
            slot,
            gen: self.entries[slot as usize].gen,
        }
    }

    fn entry(&mut self, id: TimerId) -> Option<&mut Entry> {
        self.entries
            .get_mut(id.slot as usize)
            .filter(|e| e.gen == id.gen)
    }

    /// Stops the timer; true if it was active (Go's `Timer.Stop`).
    pub fn stop(&mut self, id: TimerId) -> bool {
        let Some(e) = self.entry(id) else {
            return false;
        };
        let was = e.active;
        e.active = false;
        if was {
            self.live -= 1;
        }
        was
    }

    /// Re-arms the timer for `when`, at time `now`; true if it was active (Go's
    /// `Timer.Reset`).
    pub fn reset(&mut self, id: TimerId, now: u64, when: u64) -> bool {
        self.seq += 1;
        let seq = self.seq;
        let Some(e) = self.entry(id) else {
            return false;
        };
        let was = e.active;
        e.active = true;
        e.when = when;
        e.set_at = now;
        e.seq = seq;
        if !was {
            self.live += 1;
            self.peak = self.peak.max(self.live);
        }
        self.heap.push(Reverse((when, seq, id.slot)));
        was
    }

    /// After the timers set at one instant fired (`group`), the others due `now` wait for a
    /// goroutine to run.
    fn hold_the_rest(&mut self, now: u64, group: Option<u64>) {
        self.held = group.is_some() && self.next_deadline().is_some_and(|t| t <= now);
    }

    /// Whether a timer may be due at `now`: the cheap check the run loop makes every step.
    /// A stale entry at the top of the heap can make it true when none is.
    #[inline]
    pub fn may_be_due(&self, now: u64) -> bool {
        self.heap
            .peek()
            .is_some_and(|Reverse((when, _, _))| *when <= now)
    }

    /// The earliest deadline of an active timer.
    pub fn next_deadline(&mut self) -> Option<u64> {
        while let Some(Reverse((when, seq, slot))) = self.heap.peek().copied() {
            let e = &self.entries[slot as usize];
            if e.active && e.seq == seq {
                return Some(when);
            }
            self.heap.pop();
        }
        None
    }

    /// Takes the next timer due at or before `now`, if it was set at `set_at` (any time
    /// when `None`), re-arming periodic ones. Returns its action and when it was set.
    fn pop_due(&mut self, now: u64, set_at: Option<u64>) -> Option<(Action, u64)> {
        let when = self.next_deadline().filter(|w| *w <= now)?;
        let Reverse((_, seq, slot)) = *self.heap.peek().expect("next_deadline saw an entry");
        let e = &mut self.entries[slot as usize];
        if set_at.is_some_and(|t| t != e.set_at) {
            return None;
        }
        self.heap.pop();
        let (action, was_set) = (e.action, e.set_at);
        match action {
            Action::SendTime { period, .. } if period > 0 => {
                // Go's ticker: the next tick after now, skipping missed ones. It keeps its
                // place among timers due together: its ticks count from when it was made.
                let next = when + period * (1 + (now - when) / period);
                e.when = next;
                self.heap.push(Reverse((next, seq, slot)));
            }
            _ => {
                e.active = false;
                self.live -= 1;
                if !e.owned {
                    self.free.push(slot);
                }
            }
        }
        Some((action, was_set))
    }

    pub fn live(&self) -> usize {
        self.live
    }

    pub fn peak_live(&self) -> usize {
        self.peak
    }
}

/// Fires every timer due at the current time.
///
/// On a single processor, timers due at the same instant fire as Go's would there. Those set
/// at the same instant fire together, in the order they were set (Go's clock moved on a
/// little between them, so each ends a little after the one before). Those set later
/// wait until a goroutine has run ([`Timers::held`]): on Go's clock they end later still,
/// after the time it takes to set them again and again (ten sleeps of 10 ms end after one of
/// 100 ms set when the first of them was). On several processors, every timer due fires
/// now, in an order the seed picks: Go gives no order between timers that expire together
/// there (their goroutines race), and the seed decides which of Go's possible orders a sim
/// run shows.
pub(crate) fn fire_due(core: &mut Core) {
    let now = core.sched.now;
    core.timers.held = false;
    // Most often one timer is due (a sleep or CPU work ending): it fires without gathering.
    let Some((first, set_at)) = core.timers.pop_due(now, None) else {
        return;
    };
    let group = (core.procs.count() == 1).then_some(set_at);
    let Some((second, _)) = core.timers.pop_due(now, group) else {
        fire(core, first, now);
        core.timers.hold_the_rest(now, group);
        return;
    };
    let mut due = vec![first, second];
    while let Some((action, _)) = core.timers.pop_due(now, group) {
        due.push(action);
    }
    if core.procs.count() > 1 {
        for i in (1..due.len()).rev() {
            let j = core.sched.rng.below(i as u64 + 1) as usize;
            due.swap(i, j);
        }
    }
    for action in due {
        fire(core, action, now);
    }
    core.timers.hold_the_rest(now, group);
}

/// Does what a timer due at `now` does.
fn fire(core: &mut Core, action: Action, now: u64) {
    match action {
        Action::Wake(key) => {
            core.sched.ready(key, Wake::default());
        }
        // A full channel drops the tick, as Go's timers do.
        Action::SendTime { chan, .. } => (core.host.send_time)(core, chan, now),
        Action::Deadline { ctx } => super::context::expire(core, ctx),
        Action::Spawn { job } => match core.timers.jobs[job as usize].clone() {
            // Made as the timer fires, so that it queues where Go's `go` in the timer's function
            // puts it among the goroutines the other timers due wake; the run loop, which owns
            // the goroutines' futures, takes its future before it polls any.
            Job::Here(start) if core.sched.may_start() => {
                let (label, task) = start();
                let (slot, _) = core.sched.new_goroutine(label);
                core.sched.spawned.push((slot, task));
            }
            // One that may not start, and real mode's placed goroutines: the run loop's.
            job => core.sched.spawn_later.push(job),
        },
    }
}

/// Go's `time.Sleep(d)`.
pub fn sleep(d: Duration) -> Routed<Sleep> {
    Routed::new(Sleep {
        ns: d.as_nanos() as u64,
        parked: false,
    })
}

/// The future of [`sleep`].
#[must_use = "sleep does nothing unless awaited"]
pub struct Sleep {
    ns: u64,
    parked: bool,
}

impl Operation for Sleep {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        if self.parked || self.ns == 0 {
            return Poll::Ready(());
        }
        self.parked = true;
        let seq = c.sched.park(WaitReason::Sleep, 0);
        let key = c.sched.key(seq, 0);
        let now = c.sched.now;
        c.timers.add(now, now + self.ns, Action::Wake(key), false);
        Poll::Pending
    }

    fn to_hub(&mut self) -> Op {
        TimeOp::Sleep { ns: self.ns }.into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// A timer that sends the time on `c` when it fires: Go's `*time.Timer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    pub c: Chan<Time>,
    /// Its handle's id (see `Timers::handles`).
    id: u32,
}

/// Go's `time.NewTimer(d)`.
pub fn new_timer(d: Duration) -> Timer {
    let (id, c) = create_timer(d.as_nanos() as u64, 0);
    Timer { c, id }
}

/// A timer that sends the time on its channel `ns` from now or, for a ticker (`period` not
/// zero), every `period` from now; its handle's id and its channel.
fn create_timer(ns: u64, period: u64) -> (u32, Chan<Time>) {
    let [id, chan] = seam::create(
        |[id, chan]| TimeOp::NewTimer {
            id,
            chan,
            ns,
            period,
        },
        |c| {
            let chan = c.chans.make_next::<Time>(&mut c.sched, 1);
            let id = c.sched.ids.next(c.timers.handles.len());
            timer_at(c, id, chan, ns, period);
            [id, chan]
        },
    );
    (id, Chan::from_id(chan))
}

/// Sets the timer of handle `id`, sending on channel `chan` (see [`create_timer`]).
fn timer_at(c: &mut Core, id: u32, chan: u32, ns: u64, period: u64) {
    let when = c.sched.now + if period > 0 { period } else { ns };
    let timer = c
        .timers
        .add(c.sched.now, when, Action::SendTime { chan, period }, true);
    put(&mut c.timers.handles, id, Some(timer));
}

/// Stops the timer of handle `id`; true if it was active.
fn stop_timer(c: &mut Core, id: u32) -> bool {
    let timer = c.timers.handles.get(id as usize).copied().flatten();
    timer.is_some_and(|t| c.timers.stop(t))
}

/// Re-arms the timer of handle `id` to fire `ns` from now, or, for a ticker (`period` not
/// zero), `period` from now and every `period` after; true if it had been active.
fn reset_timer(c: &mut Core, id: u32, ns: u64, period: u64) -> bool {
    let Some(timer) = c.timers.handles.get(id as usize).copied().flatten() else {
        return false;
    };
    if period > 0 {
        if let Some(e) = c.timers.entry(timer) {
            if let Action::SendTime { chan, .. } = e.action {
                e.action = Action::SendTime { chan, period };
            }
        }
    }
    let when = c.sched.now + if period > 0 { period } else { ns };
    c.timers.reset(timer, c.sched.now, when)
}

impl Timer {
    /// Go's `Timer.Stop`: true if this call stopped the timer before it fired.
    pub fn stop(self) -> Routed<Query<bool>> {
        TimerRef(self.id).stop()
    }

    /// Go's `Timer.Reset`: re-arms the timer `d` from now; true if it had been active.
    pub fn reset(self, d: Duration) -> Routed<Query<bool>> {
        TimerRef(self.id).reset(d.as_nanos() as u64, 0)
    }
}

/// A timer sending the time on a channel the program made: an interpreted program's
/// `time.Timer` and `time.Ticker` (their channels carry the program's own values; see
/// [`super::Runtime::use_host_values`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerRef(u32);

/// Starts a timer that sends the time on channel `chan` in `ns`, and then every `period`
/// when it is not zero.
pub fn start_timer(chan: u32, ns: u64, period: u64) -> TimerRef {
    let [id] = seam::create(
        |[id]| TimeOp::StartTimer {
            id,
            chan,
            ns,
            period,
        },
        |c| {
            let id = c.sched.ids.next(c.timers.handles.len());
            add_handle(c, id, ns, Action::SendTime { chan, period });
            [id]
        },
    );
    TimerRef(id)
}

/// Go's `time.AfterFunc(d, f)`: in `ns`, and again after each `Reset`, starts `f(args)` in a
/// goroutine of its own named `label` (here, or where the hub places it).
pub fn after_go<F, A>(ns: u64, label: Label, f: F, args: A) -> TimerRef
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value + Clone,
{
    let placed = with_core(|c| {
        let link = c.sched.backend.link()?;
        Some(Spawn {
            name: Name::of(&label),
            start: Start::Entry {
                entry: link.entries.entry::<F, A>(),
                args: Data::of(&args),
            },
        })
    });
    if let Some(spawn) = placed {
        let [id] = seam::create(|[id]| TimeOp::AfterFunc { id, ns, spawn }, |_| [0]);
        return TimerRef(id);
    }
    let job = Job::Here(std::rc::Rc::new(move || {
        (label, Box::pin(f.call(args.clone())) as Task)
    }));
    TimerRef(with_core(|c| {
        let id = c.sched.ids.next(c.timers.handles.len());
        add_job(c, id, ns, job);
        id
    }))
}

/// Sets timer handle `id` to start `job` in `ns`.
fn add_job(c: &mut Core, id: u32, ns: u64, job: Job) {
    c.timers.jobs.push(job);
    let job = (c.timers.jobs.len() - 1) as u32;
    add_handle(c, id, ns, Action::Spawn { job });
}

/// Sets timer handle `id` doing `action` in `ns`.
fn add_handle(c: &mut Core, id: u32, ns: u64, action: Action) {
    let timer = c.timers.add(c.sched.now, c.sched.now + ns, action, true);
    put(&mut c.timers.handles, id, Some(timer));
}

impl TimerRef {
    /// The handle as a number (a program stores it in a struct field).
    pub fn bits(self) -> u64 {
        u64::from(self.0)
    }

    /// The handle [`TimerRef::bits`] gave.
    pub fn from_bits(bits: u64) -> TimerRef {
        TimerRef(bits as u32)
    }

    /// `Stop`: true if the timer was active.
    pub fn stop(self) -> Routed<Query<bool>> {
        let id = self.0;
        seam::query(|| TimeOp::Stop { id }, |c| stop_timer(c, id))
    }

    /// `Reset`: fires in `ns` (a ticker: every `period`); true if it had been active.
    pub fn reset(self, ns: u64, period: u64) -> Routed<Query<bool>> {
        let id = self.0;
        seam::query(
            || TimeOp::Reset { id, ns, period },
            |c| reset_timer(c, id, ns, period),
        )
    }
}

/// Go's `time.After(d)`: a channel that receives the time once `d` has passed. The timer stays
/// live until it fires.
pub fn after(d: Duration) -> Chan<Time> {
    new_timer(d).c
}

/// Go's `*time.Ticker`: sends the time on `c` every period, dropping ticks nobody took.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticker {
    pub c: Chan<Time>,
    /// Its handle's id (see `Timers::handles`).
    id: u32,
}

/// Go's `time.NewTicker(d)`. Precondition: `d > 0` (Go panics otherwise).
pub fn new_ticker(d: Duration) -> Ticker {
    let period = (d.as_nanos() as u64).max(1);
    let (id, c) = create_timer(0, period);
    Ticker { c, id }
}

impl Ticker {
    /// Go's `Ticker.Stop`.
    pub fn stop(self) {
        let id = self.id;
        seam::apply(
            || TimeOp::Stop { id },
            |c| {
                stop_timer(c, id);
            },
        );
    }

    /// Go's `Ticker.Reset`: the next tick is `d` from now, and every `d` after.
    pub fn reset(self, d: Duration) {
        let (id, period) = (self.id, (d.as_nanos() as u64).max(1));
        seam::apply(
            || TimeOp::Reset { id, ns: 0, period },
            |c| {
                reset_timer(c, id, 0, period);
            },
        );
    }
}

/// Go's `time.Tick(d)`: a ticker's channel, the ticker never stopped.
pub fn tick(d: Duration) -> Chan<Time> {
    new_ticker(d).c
}

/// Time's operations, as an executor asks them of the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TimeOp {
    Sleep {
        ns: u64,
    },
    /// A timer (a ticker when `period` is not zero) at the handle id and channel the executor
    /// chose.
    NewTimer {
        id: u32,
        chan: u32,
        ns: u64,
        period: u64,
    },
    Stop {
        id: u32,
    },
    Reset {
        id: u32,
        ns: u64,
        period: u64,
    },
    /// A timer at handle `id` sending on channel `chan`, which the program made.
    StartTimer {
        id: u32,
        chan: u32,
        ns: u64,
        period: u64,
    },
    /// `time.AfterFunc` at handle `id`: starts `spawn` when it fires.
    AfterFunc {
        id: u32,
        ns: u64,
        spawn: Spawn,
    },
}

impl HubOp for TimeOp {
    async fn exec(self, _: Proxy) -> Data {
        match self {
            TimeOp::Sleep { ns } => sleep(Duration::from_nanos(ns)).await,
            TimeOp::NewTimer {
                id,
                chan,
                ns,
                period,
            } => with_core(|c| {
                c.chans.make::<Time>(&mut c.sched, chan, 1);
                timer_at(c, id, chan, ns, period);
            }),
            TimeOp::StartTimer {
                id,
                chan,
                ns,
                period,
            } => with_core(|c| add_handle(c, id, ns, Action::SendTime { chan, period })),
            TimeOp::AfterFunc { id, ns, spawn } => {
                with_core(|c| add_job(c, id, ns, Job::Placed(spawn)))
            }
            TimeOp::Stop { id } => return Data::of(&with_core(|c| stop_timer(c, id))),
            TimeOp::Reset { id, ns, period } => {
                return Data::of(&with_core(|c| reset_timer(c, id, ns, period)))
            }
        }
        Data::none()
    }
}

/// Sets a deadline timer for a context. Returns the timer, for stopping it on cancel.
pub(crate) fn deadline_timer(core: &mut Core, when: u64, ctx: u32) -> TimerId {
    core.timers
        .add(core.sched.now, when, Action::Deadline { ctx }, true)
}

/// `d` as Go's `time.Duration.String()` prints it: `0s`, `1.5µs`, `112ms`, `2.000001s`,
/// `1m30s`, `2h0m0s`.
pub fn fmt_duration(d: Duration) -> String {
    let u = d.as_nanos() as u64;
    if u == 0 {
        return "0s".to_string();
    }
    if u < 1_000_000_000 {
        let (prec, unit) = match u {
            0..=999 => (0, "ns"),
            1_000..=999_999 => (3, "µs"),
            _ => (6, "ms"),
        };
        let (int, frac) = split_frac(u, prec);
        return format!("{int}{frac}{unit}");
    }
    let (secs, frac) = split_frac(u, 9);
    let (s, mins) = (secs % 60, secs / 60);
    if mins == 0 {
        return format!("{s}{frac}s");
    }
    let (m, hours) = (mins % 60, mins / 60);
    if hours == 0 {
        return format!("{m}m{s}{frac}s");
    }
    format!("{hours}h{m}m{s}{frac}s")
}

/// `v / 10^prec` as its integer part and its fraction (`.125`, trailing zeros and an empty
/// fraction's point omitted).
fn split_frac(v: u64, prec: u32) -> (u64, String) {
    let scale = 10u64.pow(prec);
    let (int, frac) = (v / scale, v % scale);
    if frac == 0 {
        return (int, String::new());
    }
    let digits = format!("{frac:0width$}", width = prec as usize);
    (int, format!(".{}", digits.trim_end_matches('0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_as_go_prints_them() {
        let cases = [
            (0, "0s"),
            (1, "1ns"),
            (1_100, "1.1µs"),
            (2_200_000, "2.2ms"),
            (112_000_000, "112ms"),
            (1_500_000_000, "1.5s"),
            (2_000_001_000, "2.000001s"),
            (90_000_000_000, "1m30s"),
            (7_200_000_000_000, "2h0m0s"),
            (3_723_000_000_000, "1h2m3s"),
        ];
        for (ns, want) in cases {
            assert_eq!(fmt_duration(Duration::from_nanos(ns)), want, "{ns}");
        }
    }

    #[test]
    fn stopped_and_reset_timers_leave_no_current_entry() {
        let mut t = Timers::default();
        let a = t.add(0, 10, Action::Deadline { ctx: 1 }, true);
        let _b = t.add(0, 20, Action::Deadline { ctx: 2 }, true);
        assert_eq!(t.live(), 2);
        assert!(t.stop(a));
        assert!(!t.stop(a));
        assert_eq!(t.next_deadline(), Some(20));
        assert!(!t.reset(a, 0, 5));
        assert_eq!(t.next_deadline(), Some(5));
        assert_eq!(t.live(), 2);
        assert!(matches!(
            t.pop_due(5, None),
            Some((Action::Deadline { ctx: 1 }, 0))
        ));
        assert!(t.pop_due(5, None).is_none());
        assert_eq!(t.live(), 1);
    }
}
