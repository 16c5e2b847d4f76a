//! The scheduler: goroutine records, the run queue, parking and waking, the clock, printed
//! output, how a run's objects are numbered, and its [`Backend`]: where its objects live.
//!
//! # Invariants
//! - A goroutine is in `runq`, in `next` or the paid `keeper` exactly when its status is
//!   `Runnable` (see [`super::goroutine`]).
//! - `current` is the slot being polled, or `NO_SLOT` between polls.
//! - A park sequence number is never 0 and never reused, so a stale wait key wakes nothing.

use std::collections::VecDeque;

use super::fault::Fault;
use super::goroutine::{GoId, GoroutineOp, Label, Slot, Status, WaitKey, WaitReason, Wake, G};
use super::limits::{Limit, Limits};
use super::real::Op;
use super::report::Traceback;
use super::report::{go_report, GoroutineInfo, Locate, Metrics, Outcome, OutputLine, Stream};
use super::rng::Rng;
use super::run::{Config, Role, Task};
use super::seam::Backend;
use super::time::Job;
use super::trace::{Event, Kind, Trace};

/// No goroutine is current (before main starts, and while timers fire).
const NO_SLOT: Slot = Slot::MAX;

/// A goroutine that keeps the only processor while it pays for its CPU work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keeper {
    /// Parked until its work is done: nothing else runs.
    Paying(Slot),
    /// Woken: it runs before any other.
    Paid(Slot),
}

/// How long goroutines that hand each other the processor through `next` may keep it
/// while others are runnable (Go's `forcePreemptNS`).
const TIME_SLICE_NS: u64 = 10_000_000;

/// Payments a goroutine makes in place, at most, before it waits for a turn of the run loop
/// again, which checks the run's limits and gives the host its turns.
const MAX_PAID_IN_PLACE: u32 = 64;

/// The scheduler's state: goroutines, the run queue, the clock, the output and the trace.
pub(crate) struct Sched {
    /// The clock, in ns since the run started.
    pub now: u64,
    /// The goroutine being polled, or `NO_SLOT`.
    pub current: Slot,
    /// Its Go id, or 0.
    pub(super) current_id: GoId,
    /// Goroutine records, indexed by slot; slots of finished goroutines are reused.
    pub gs: Vec<G>,
    pub(super) free: Vec<Slot>,
    /// Runnable goroutines, in the order they will run after `next`.
    pub(super) runq: VecDeque<Slot>,
    /// The goroutine that runs next, before those of `runq`: Go's `runnext`. A goroutine the
    /// running one creates or wakes waits here, so that it runs as soon as its creator or
    /// waker blocks (the last goroutine started runs first; a receiver handed a value runs
    /// before the others); the goroutine it displaces goes to the back of `runq`. So do
    /// goroutines woken by timers, as Go's timers ready theirs: of timers due together, the
    /// last to fire runs first. Goroutines that yield queue at the back of `runq`.
    pub(super) next: Option<Slot>,
    /// When the time slice of the goroutine running began: goroutines run from `next` share
    /// their waker's slice, and once it has lasted [`TIME_SLICE_NS`], `runq` goes first
    /// (Go's sysmon preempts a goroutine that ran 10 ms, so two goroutines handing each
    /// other work cannot starve the others).
    slice_start: u64,
    /// The goroutine that keeps the only processor while it pays for its CPU work: nothing
    /// else runs until it is woken, and then it runs first, `next` and `runq` as they were
    /// (see `cpu_time_kept`).
    keeper: Option<Keeper>,
    /// Payments the running goroutine made in place since it was switched to (see
    /// [`Sched::wake_paid_in_place`]).
    paid_in_place: u32,
    /// The next park sequence number (never 0, never reused).
    pub(super) next_seq: u64,
    pub(super) next_id: GoId,
    /// Goroutines created and not done.
    pub live: usize,
    /// Main ended through `runtime.Goexit`: the program goes on without it.
    pub main_goexited: bool,
    pub rng: Rng,
    /// The fault a test switched on for this run ([`super::fault`]); `None` but in tests of
    /// the test suite.
    pub fault: Option<Fault>,
    pub trace: Trace,
    /// Lines printed and not yet taken by the host (see `Runtime::take_new_output`).
    pub output: Vec<OutputLine>,
    /// Lines emitted so far, taken or not: the next line's index.
    pub(super) lines: u64,
    /// What the program printed so far: lines and bytes, against `limits`.
    pub(super) printed_lines: u64,
    pub(super) printed_bytes: u64,
    pub limits: Limits,
    /// Text printed since the last newline, on stdout and on stderr.
    pub(super) partial: String,
    pub(super) partial_err: String,
    /// What the program prints on stdout while it captures it (see
    /// [`capture_stdout`](super::goroutine::capture_stdout)), instead of printing it.
    pub(super) captured: Option<String>,
    /// Set when the run must end after the current step.
    pub ending: Option<Outcome>,
    /// A panic of the running goroutine raised by a runtime operation (send on a closed
    /// channel…), until the goroutine takes it to unwind its own frames (an interpreted
    /// program may recover it) or the poll ends, which ends the run with it.
    pub(super) pending_panic: Option<String>,
    /// Frames for reports (see [`Traceback`]).
    pub(super) traceback: Option<Traceback>,
    /// The frames of the goroutine whose panic ends the run, by its id, when it gave them
    /// ([`Sched::go_panic_with_frames`]): the report prints them (on real mode's hub, which
    /// holds only a proxy of a goroutine on an executor).
    pub(super) panic_frames: Option<(GoId, Vec<String>)>,
    /// Real mode's hub: the frames of goroutines on executors, which they sent for a
    /// deadlock's report ([`GoroutineOp::Frames`](super::goroutine::GoroutineOp::Frames)).
    pub(crate) remote_frames: std::collections::HashMap<GoId, Vec<String>>,
    /// Source lines for reports and the leak list (see [`Locate`]).
    pub(super) locate: Option<Locate>,
    /// Goroutines timers started (`AfterFunc`), for the run loop to add.
    pub spawn_later: Vec<Job>,
    /// Goroutines timers made (`AfterFunc`), whose futures the run loop takes.
    pub spawned: Vec<(Slot, Task)>,
    pub metrics: Metrics,
    /// How new objects are numbered.
    pub ids: Ids,
    /// Where the run's objects live: here, or on real mode's hub.
    pub backend: Backend,
}

/// How a run numbers the objects it creates (channels, WaitGroups, contexts…). In sim mode an
/// object's id is its index in its table; in real mode ids are unique across the run's
/// workers: the `n`th object worker `w` creates is `n * procs + w`, the hub being worker 0
/// (see [`super::real`]).
#[derive(Default)]
pub(crate) struct Ids {
    /// 0 in sim mode.
    stride: u32,
    offset: u32,
    created: u32,
}

impl Ids {
    fn new(role: Role, procs: u32) -> Ids {
        let stride = procs.max(1);
        match role {
            Role::Sim => Ids::default(),
            Role::Hub { .. } => Ids {
                stride,
                ..Ids::default()
            },
            Role::Executor { worker, .. } => Ids {
                stride,
                offset: worker,
                created: 0,
            },
        }
    }

    /// The id of a new object of a table holding `len` entries.
    #[inline]
    pub fn next(&mut self, len: usize) -> u32 {
        if self.stride == 0 {
            return len as u32;
        }
        self.unique()
    }

    /// A new id, unique across the run's workers. Precondition: real mode.
    pub fn unique(&mut self) -> u32 {
        debug_assert!(
            self.stride > 0,
            "ids are unique across workers in real mode"
        );
        self.created += 1;
        self.created * self.stride + self.offset
    }

    /// Stores `item` in `table` as a new object; returns its id.
    pub fn add<T: Default>(&mut self, table: &mut Vec<T>, item: T) -> u32 {
        let id = self.next(table.len());
        put(table, id, item);
        id
    }
}

/// Stores `item` at index `id` of `table`, filling any gap with defaults.
pub(crate) fn put<T: Default>(table: &mut Vec<T>, id: u32, item: T) {
    let i = id as usize;
    if table.len() <= i {
        table.resize_with(i + 1, T::default);
    }
    table[i] = item;
}

impl Sched {
    pub(super) fn new(config: &Config) -> Self {
        Sched {
            now: 0,
            current: NO_SLOT,
            current_id: 0,
            gs: Vec::new(),
            free: Vec::new(),
            runq: VecDeque::new(),
            next: None,
            slice_start: 0,
            keeper: None,
            paid_in_place: 0,
            next_seq: 1,
            next_id: 1,
            live: 0,
            main_goexited: false,
            rng: Rng::new(match config.role {
                Role::Executor { worker, .. } => config.seed ^ u64::from(worker + 1) << 32,
                _ => config.seed,
            }),
            fault: super::fault::injected(),
            trace: Trace::new(config.trace_cap),
            output: Vec::new(),
            lines: 0,
            printed_lines: 0,
            printed_bytes: 0,
            limits: config.limits,
            partial: String::new(),
            partial_err: String::new(),
            captured: None,
            ending: None,
            pending_panic: None,
            traceback: None,
            panic_frames: None,
            remote_frames: Default::default(),
            locate: None,
            spawn_later: Vec::new(),
            spawned: Vec::new(),
            metrics: Metrics::default(),
            ids: Ids::new(config.role, config.procs),
            backend: Backend::new(config.role, config.procs),
        }
    }

    /// The Go id of the running goroutine, 0 outside a goroutine; on an executor, the id the
    /// hub gave it (executors number their goroutines locally).
    pub fn goid(&self) -> GoId {
        match &self.backend {
            Backend::Executor(link) => link.gid_of(self.current),
            _ => self.current_id,
        }
    }

    /// The seam's primitive (see [`super::seam`]): on an executor, posts `op` for the running
    /// goroutine to the hub, without waiting, and returns true; elsewhere, or outside a
    /// goroutine, returns false: the caller does it here.
    pub(crate) fn forward<O: Into<Op>>(&mut self, op: impl FnOnce() -> O) -> bool {
        if self.current == NO_SLOT {
            return false;
        }
        let Backend::Executor(link) = &mut self.backend else {
            return false;
        };
        let g = link.gid_of(self.current);
        link.post(g, op().into(), super::real::Reply::GoesOn);
        true
    }

    /// The Go id of the running goroutine (0 when none).
    #[inline]
    pub fn current_id(&self) -> GoId {
        self.current_id
    }

    /// Makes the goroutine in `slot`, just taken from the run queue, the running one.
    pub(super) fn switch_to(&mut self, slot: Slot) {
        let g = &mut self.gs[slot as usize];
        g.status = Status::Running;
        self.current = slot;
        self.current_id = g.id;
        self.metrics.context_switches += 1;
        self.paid_in_place = 0;
    }

    /// No goroutine runs (between polls, and while timers fire).
    pub(super) fn switch_away(&mut self) {
        self.current = NO_SLOT;
        self.current_id = 0;
    }

    /// Ends the run with `limit`, unless it is already ending.
    pub fn stop(&mut self, limit: Limit) {
        self.ending.get_or_insert(Outcome::Limit(limit));
    }

    /// Whether a goroutine may start now: not once the run is ending, nor past the limits of
    /// goroutines started and alive (which end the run).
    pub(crate) fn may_start(&mut self) -> bool {
        if self.ending.is_some() {
            return false;
        }
        if self.metrics.goroutines_created >= self.limits.goroutines {
            self.stop(Limit::Goroutines {
                max: self.limits.goroutines,
            });
            return false;
        }
        if self.live as u64 >= self.limits.live_goroutines {
            self.stop(Limit::LiveGoroutines {
                max: self.limits.live_goroutines,
            });
            return false;
        }
        true
    }

    /// Creates a runnable goroutine and returns its slot and id.
    pub(super) fn new_goroutine(&mut self, label: Label) -> (Slot, GoId) {
        let id = self.next_id;
        self.next_id += 1;
        let parent = self.current_id();
        let g = G {
            id,
            status: Status::Runnable,
            park: 0,
            wake: Wake::default(),
            blocked_on: 0,
        };
        let slot = match self.free.pop() {
            Some(slot) => {
                self.gs[slot as usize] = g;
                slot
            }
            None => {
                self.gs.push(g);
                (self.gs.len() - 1) as Slot
            }
        };
        self.make_runnable(slot, false);
        self.live += 1;
        self.metrics.goroutines_created += 1;
        self.metrics.peak_live = self.metrics.peak_live.max(self.live as u64);
        self.trace.add_goroutine(id, label, parent, self.now);
        (slot, id)
    }

    /// Records a state change of the goroutine in `slot`.
    pub(super) fn set_status(&mut self, slot: Slot, status: Status, obj: u32) {
        let g = &mut self.gs[slot as usize];
        g.status = status;
        let id = g.id;
        self.trace_state(id, status, obj);
    }

    /// Records that goroutine `g` entered `status` (blocked on `obj`).
    #[inline]
    pub(super) fn trace_state(&mut self, g: GoId, status: Status, obj: u32) {
        self.trace.push(Event {
            t: self.now,
            g,
            obj,
            arg: status.code(),
            kind: Kind::GoState,
            proc: 0,
        });
    }

    /// Parks the running goroutine, blocked for `reason` on object `obj`, and returns the
    /// sequence number that wait keys for this park carry.
    pub fn park(&mut self, reason: WaitReason, obj: u32) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        let status = Status::Blocked(reason);
        let g = &mut self.gs[self.current as usize];
        g.status = status;
        g.park = seq;
        g.blocked_on = obj;
        self.trace_state(self.current_id, status, obj);
        seq
    }

    /// A wait key for case `case` of the park `seq` of the running goroutine.
    pub fn key(&self, seq: u64, case: u32) -> WaitKey {
        WaitKey {
            slot: self.current,
            case,
            seq,
        }
    }

    /// Wakes the goroutine `key` names, if it is still parked in that park; returns whether
    /// it was. The goroutine is told `wake`, with the case of `key`.
    pub fn ready(&mut self, key: WaitKey, wake: Wake) -> bool {
        self.ready_id(key, wake).is_some()
    }

    /// [`Sched::ready`], running the goroutine before the others that are runnable (real
    /// mode's proxies, which stand for goroutines running elsewhere and wait for the hub).
    pub fn ready_first(&mut self, key: WaitKey, wake: Wake) -> bool {
        if self.ready_id(key, wake).is_none() {
            return false;
        }
        if self.next != Some(key.slot) {
            self.runq.retain(|&s| s != key.slot);
            self.runq.push_front(key.slot);
        }
        true
    }

    /// Queues the runnable goroutine `slot` in `next`, as Go's `ready` does, whoever made it
    /// runnable: the running goroutine, or a timer. A goroutine whose CPU work ended
    /// (`computed`) ran all along: it queues at the back of `runq`, as Go's preempted
    /// goroutine does, unless it keeps the processor.
    fn make_runnable(&mut self, slot: Slot, computed: bool) {
        if self.keeper == Some(Keeper::Paying(slot)) {
            self.keeper = Some(Keeper::Paid(slot));
        } else if computed {
            self.runq.push_back(slot);
        } else if let Some(displaced) = self.next.replace(slot) {
            self.runq.push_back(displaced);
        }
    }

    /// The running goroutine, parked for its CPU work, keeps the processor until it is woken.
    pub(super) fn keep_processor(&mut self) {
        self.keeper = Some(Keeper::Paying(self.current));
    }

    /// Whether the running goroutine may pay its CPU work in place (see
    /// [`Sched::wake_paid_in_place`]): no fault is injected, the run is not ending, no
    /// goroutine waits to be started, and it has not paid in place [`MAX_PAID_IN_PLACE`]
    /// times since the run loop last polled it.
    pub(super) fn may_pay_in_place(&self) -> bool {
        self.fault.is_none()
            && self.ending.is_none()
            && self.spawn_later.is_empty()
            && self.paid_in_place < MAX_PAID_IN_PLACE
    }

    /// The running goroutine, just parked for CPU work that keeps the only processor, is
    /// woken at once, the clock already at the work's end: what the run loop would do, with
    /// nothing else due before (the trace and the metrics show the same), without a turn of
    /// it.
    pub(super) fn wake_paid_in_place(&mut self) {
        let g = &mut self.gs[self.current as usize];
        g.park = 0;
        g.wake = Wake::default();
        g.status = Status::Running;
        let id = g.id;
        self.trace_state(id, Status::Runnable, 0);
        self.metrics.context_switches += 1;
        self.paid_in_place += 1;
    }

    /// The time slice starts now (the processor was idle until now).
    pub(super) fn restart_slice(&mut self) {
        self.slice_start = self.now;
    }

    /// Whether a goroutine is runnable.
    pub(super) fn has_runnable(&self) -> bool {
        self.next.is_some() || !self.runq.is_empty() || matches!(self.keeper, Some(Keeper::Paid(_)))
    }

    /// Takes the goroutine to run next, if any: `next` while the time slice lasts, else the
    /// front of `runq`, which starts a new slice.
    pub(super) fn take_runnable(&mut self) -> Option<Slot> {
        match self.keeper {
            Some(Keeper::Paying(_)) => return None,
            Some(Keeper::Paid(slot)) => {
                self.keeper = None;
                return Some(slot);
            }
            None => {}
        }
        if let Some(slot) = self.next.take() {
            if self.runq.is_empty() || self.now.saturating_sub(self.slice_start) < TIME_SLICE_NS {
                return Some(slot);
            }
            self.runq.push_back(slot);
        }
        let slot = self.runq.pop_front()?;
        self.slice_start = self.now;
        Some(slot)
    }

    /// [`Sched::ready`], returning the woken goroutine's id.
    #[inline]
    pub fn ready_id(&mut self, key: WaitKey, wake: Wake) -> Option<GoId> {
        let g = self.gs.get_mut(key.slot as usize)?;
        if g.park != key.seq {
            return None;
        }
        g.park = 0;
        g.wake = Wake {
            case: key.case,
            ..wake
        };
        let computed = g.status == Status::Blocked(WaitReason::CpuWork);
        g.status = Status::Runnable;
        let id = g.id;
        self.trace_state(id, Status::Runnable, 0);
        self.make_runnable(key.slot, computed);
        Some(id)
    }

    /// The running goroutine leaves the park it is in, if any, and is running again: the
    /// park's keys are stale from now on (see [`crate::rt::give_up_wait`]).
    pub fn unpark(&mut self) {
        let slot = self.current as usize;
        let Some(g) = self.gs.get_mut(slot) else {
            return;
        };
        if g.park == 0 {
            return;
        }
        g.park = 0;
        g.status = Status::Running;
        self.trace_state(self.current_id, Status::Running, 0);
    }

    /// What woke the running goroutine.
    pub fn wake(&self) -> Wake {
        self.gs[self.current as usize].wake
    }

    /// Puts the running goroutine at the back of the run queue.
    pub fn yield_now(&mut self) {
        let slot = self.current;
        self.gs[slot as usize].status = Status::Runnable;
        self.trace_state(self.current_id, Status::Runnable, 0);
        self.runq.push_back(slot);
    }

    /// Raises Go's panic `message` in the running goroutine: the goroutine may take it
    /// ([`take_panic`]) before its poll ends; else the run ends with it.
    pub fn go_panic(&mut self, message: impl Into<String>) {
        self.go_panic_with_frames(message, Vec::new());
    }

    /// [`Sched::go_panic`] with the running goroutine's frames for the report (see
    /// [`super::builtin::go_panic_with_frames`]); empty when it does not know them.
    pub fn go_panic_with_frames(&mut self, message: impl Into<String>, frames: Vec<String>) {
        let message = message.into();
        let mut frames = Some(frames);
        if self.forward(|| GoroutineOp::Panic {
            message: message.clone(),
            frames: frames.take().unwrap_or_default(),
        }) {
            // The hub ends the run with it; the goroutine never resumes.
            self.park(WaitReason::Hub, 0);
            return;
        }
        if let Some(frames) = frames.filter(|f| !f.is_empty()) {
            self.panic_frames = Some((self.current_id, frames));
        }
        if self.current != NO_SLOT {
            self.keep_panic(message);
            return;
        }
        self.end_with_panic(message);
    }

    /// Keeps Go's panic `message` for the running goroutine, which may take it
    /// ([`take_panic`](super::builtin::take_panic)) before its poll ends; else the run ends
    /// with it.
    pub(crate) fn keep_panic(&mut self, message: String) {
        self.pending_panic.get_or_insert(message);
        super::builtin::PANIC_KEPT.set(true);
    }

    /// Ends the run with Go's panic `message` in the running goroutine (on an executor, the
    /// hub ends it).
    pub(super) fn end_with_panic(&mut self, message: String) {
        if self.forward(|| GoroutineOp::Panic {
            message: message.clone(),
            frames: Vec::new(),
        }) {
            self.park(WaitReason::Hub, 0);
            return;
        }
        if self.ending.is_none() {
            self.ending = Some(Outcome::Panic {
                g: self.current_id(),
                message,
            });
        }
    }

    /// Ends the run with a fatal error (`fatal error: <message>`).
    pub fn fatal(&mut self, message: impl Into<String>) {
        let message = message.into();
        if self.forward(|| GoroutineOp::Fatal {
            message: message.clone(),
        }) {
            self.park(WaitReason::Hub, 0);
            return;
        }
        if self.ending.is_none() {
            self.ending = Some(Outcome::Fatal { message });
        }
    }

    /// Starts capturing stdout (`on`), or ends it: what was captured since it started.
    pub(super) fn capture(&mut self, on: bool) -> String {
        let captured = self.captured.take().unwrap_or_default();
        if on {
            self.captured = Some(String::new());
        }
        captured
    }

    /// Appends text printed on stdout; complete lines become output lines.
    pub fn write(&mut self, text: &str) {
        self.write_to(Stream::Stdout, text);
    }

    /// Appends text printed on `stream`; complete lines become output lines. Nothing printed
    /// once the run is ending is kept, nor what passes the output limits (which end it).
    pub fn write_to(&mut self, stream: Stream, text: &str) {
        if self.forward(|| GoroutineOp::Print {
            text: text.to_string(),
            stderr: stream == Stream::Stderr,
        }) {
            return;
        }
        if self.ending.is_some() {
            return;
        }
        self.printed_bytes += text.len() as u64;
        if self.printed_bytes > self.limits.output_bytes {
            self.stop(Limit::OutputBytes {
                max: self.limits.output_bytes,
            });
            return;
        }
        if let (Stream::Stdout, Some(captured)) = (stream, &mut self.captured) {
            captured.push_str(text);
            return;
        }
        // Output is lines, each of one stream: what the other stream printed without a
        // newline ends here, so that the lines keep the order the program wrote them in
        // (`fmt.Print("a")` then `log.Print("b")` shows a before b, as a terminal does).
        let other = match stream {
            Stream::Stdout => Stream::Stderr,
            Stream::Stderr => Stream::Stdout,
        };
        if !self.partial_mut(other).is_empty() {
            if !self.count_line() {
                return;
            }
            self.end_partial(other);
        }
        let partial = self.partial_mut(stream);
        partial.push_str(text);
        // Only the new text can end a line: a line written a byte at a time costs no more
        // than one written at once.
        let Some(last) = text.rfind('\n') else {
            return;
        };
        let rest = partial.split_off(partial.len() - text.len() + last + 1);
        let complete = std::mem::replace(partial, rest);
        let lines: Vec<String> = complete[..complete.len() - 1]
            .split('\n')
            .map(str::to_string)
            .collect();
        for line in lines {
            if !self.count_line() {
                return;
            }
            self.emit_line(line, self.current_id(), stream);
        }
    }

    fn partial_mut(&mut self, stream: Stream) -> &mut String {
        match stream {
            Stream::Stdout => &mut self.partial,
            Stream::Stderr => &mut self.partial_err,
        }
    }

    /// Counts a line printed; false (and the run ends) past the output's limit.
    fn count_line(&mut self) -> bool {
        self.printed_lines += 1;
        if self.printed_lines > self.limits.output_lines {
            self.stop(Limit::OutputLines {
                max: self.limits.output_lines,
            });
            return false;
        }
        true
    }

    /// Makes what `stream` printed since its last newline, if anything, a line of its own,
    /// one with no newline after it (see [`OutputLine::no_newline`]).
    pub(super) fn end_partial(&mut self, stream: Stream) {
        let text = std::mem::take(self.partial_mut(stream));
        if text.is_empty() {
            return;
        }
        self.emit_line(text, self.current_id(), stream);
        if let Some(line) = self.output.last_mut() {
            line.no_newline = true;
        }
    }

    pub(super) fn emit_line(&mut self, text: String, g: GoId, stream: Stream) {
        let index = self.lines as u32;
        self.lines += 1;
        self.output.push(OutputLine {
            text,
            t_ns: self.now,
            g,
            stream,
            no_newline: false,
        });
        self.trace.push(Event {
            t: self.now,
            g,
            obj: 0,
            arg: index,
            kind: Kind::Output,
            proc: 0,
        });
    }

    /// Marks the goroutine in `slot` done and frees its record.
    pub(super) fn exit_goroutine(&mut self, slot: Slot) {
        self.set_status(slot, Status::Done, 0);
        self.live -= 1;
        self.free.push(slot);
    }

    /// The frames of every goroutine alive, by slot, as the host's [`Traceback`] gives them
    /// (none without one).
    pub(super) fn tracebacks<'t>(
        &self,
        task: &dyn Fn(Slot) -> Option<&'t Task>,
    ) -> Vec<(Slot, Vec<String>)> {
        let Some(traceback) = &self.traceback else {
            return Vec::new();
        };
        (self.alive_slots().into_iter())
            .filter_map(|slot| {
                let frames = traceback(self.gs[slot].id, Self::future(slot, task)?)?;
                Some((slot as Slot, frames))
            })
            .collect()
    }

    /// The stanzas of the goroutines alive but the running one, by id, as Go's
    /// `runtime.Stack(buf, true)` prints them after the caller's (see [`super::report::stanza`]).
    /// Sim mode only: in real mode the goroutines are spread over workers, and none is listed.
    pub(super) fn other_stanzas<'t>(
        &self,
        task: &dyn Fn(Slot) -> Option<&'t Task>,
    ) -> Vec<Vec<String>> {
        if !matches!(self.backend, Backend::Sim) {
            return Vec::new();
        }
        (self.alive_slots().into_iter())
            .filter(|&slot| self.gs[slot].id != self.current_id)
            .map(|slot| {
                let info = self.info(slot, &self.gs[slot], task);
                let frames = (self.traceback.as_ref())
                    .zip(Self::future(slot, task))
                    .and_then(|(traceback, future)| traceback(info.id, future));
                super::report::stanza(&info, info.go_state(), frames)
            })
            .collect()
    }

    /// The future of the goroutine in `slot`, read from the runtime's tasks by `task`: what a
    /// host's [`Traceback`] and [`Locate`] are given.
    fn future<'t>(
        slot: usize,
        task: &dyn Fn(Slot) -> Option<&'t Task>,
    ) -> Option<&'t dyn std::any::Any> {
        Some(task(slot as Slot)?.as_ref().get_ref())
    }

    fn info<'t>(
        &self,
        slot: usize,
        g: &G,
        task: &dyn Fn(Slot) -> Option<&'t Task>,
    ) -> GoroutineInfo {
        let label = self.trace.label(g.id);
        let parent = self.trace.goroutines[g.id as usize].parent;
        let place = self
            .locate
            .as_ref()
            .and_then(|l| l(g.id, Self::future(slot, task)?))
            .unwrap_or_default();
        GoroutineInfo {
            id: g.id,
            name: label.display(),
            func: label.go_func(),
            created_by: match place.created_by {
                Some(func) => func,
                None if parent == 0 => String::new(),
                None => self.trace.label(parent).go_func(),
            },
            status: g.status,
            line: place.line,
            locked_to_thread: place.locked_to_thread,
        }
    }

    /// The slots of the goroutines not done, in creation order.
    fn alive_slots(&self) -> Vec<usize> {
        let mut alive: Vec<usize> = (self.gs.iter().enumerate())
            .filter(|(_, g)| g.status != Status::Done)
            .map(|(slot, _)| slot)
            .collect();
        alive.sort_unstable_by_key(|&slot| self.gs[slot].id);
        alive
    }

    /// Goroutines not done, in creation order; `task` gives the future of the goroutine in a
    /// slot, for the host's [`Locate`].
    pub(super) fn alive<'t>(&self, task: &dyn Fn(Slot) -> Option<&'t Task>) -> Vec<GoroutineInfo> {
        (self.alive_slots().into_iter())
            .map(|slot| self.info(slot, &self.gs[slot], task))
            .collect()
    }

    /// Appends Go's report for `outcome` to the output, on stderr, after what was printed there
    /// without a newline (`print("x")` then a panic prints `xpanic: ...`, as Go's does); `alive`
    /// are the goroutines not done ([`Sched::alive`]); `task` gives the future of the goroutine
    /// in a slot, for the host's [`Traceback`].
    pub(super) fn report<'t>(
        &mut self,
        outcome: &Outcome,
        alive: &[GoroutineInfo],
        task: &dyn Fn(Slot) -> Option<&'t Task>,
    ) {
        // The slots of the goroutines alive, by id (a deadlock's report lists them all).
        let slots: std::collections::HashMap<GoId, usize> = match self.traceback {
            Some(_) => (self.alive_slots().into_iter())
                .map(|slot| (self.gs[slot].id, slot))
                .collect(),
            None => Default::default(),
        };
        // A goroutine on an executor that went on from an operation its proxy still performs
        // is shown where it asked it.
        let sites = match (&mut self.backend, &self.traceback) {
            (Backend::Hub(hub), Some(traceback)) => hub.site_frames(traceback),
            _ => Default::default(),
        };
        let frames = |id: GoId| -> Option<Vec<String>> {
            if let Some((g, frames)) = &self.panic_frames {
                if *g == id {
                    return Some(frames.clone());
                }
            }
            if let Some(frames) = sites.get(&id) {
                return Some(frames.clone());
            }
            if let Some(frames) = self.remote_frames.get(&id) {
                return Some(frames.clone());
            }
            let traceback = self.traceback.as_ref()?;
            traceback(id, Self::future(*slots.get(&id)?, task)?)
        };
        let lines = go_report(outcome, alive, &frames);
        if lines.is_empty() {
            self.end_partial(Stream::Stderr);
            return;
        }
        let mut partial = std::mem::take(&mut self.partial_err);
        for line in lines {
            partial.push_str(&line);
            self.emit_line(std::mem::take(&mut partial), 0, Stream::Stderr);
        }
    }
}
