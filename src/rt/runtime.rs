//! The executor: the scheduler's state, the run loop, and how a run ends.
//!
//! One run owns one [`Core`] (all runtime state: goroutines, channels, timers, sync objects)
//! and the goroutines' futures. While a run is stepping, the runtime is reachable from the
//! thread-local `CURRENT`, which is how free functions such as `make_chan` or `sleep` find it,
//! as Go's do.
//!
//! The run loop, one step at a time:
//! 1. If the run is ending (main returned, a panic, a fatal error), build the report.
//! 2. Else poll the goroutine at the head of the run queue (FIFO: Go's order on one P, minus
//!    `runnext`, is one of the orders Go allows).
//! 3. Else nothing can run: advance the clock to the earliest timer and fire every timer due
//!    then (virtual clock), or, with no timer pending, end with Go's deadlock error.
//!
//! # Invariants
//! - `Core` is borrowed only inside runtime operations, never across a poll.
//! - Futures are taken out of `tasks` while polled, so a goroutine may spawn others.
//! - A goroutine that returns `Pending` has parked (its status is `Blocked`), yielded
//!   (`Runnable`), or ended the run (`ending` is set).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt::Display;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll, Waker};

use super::chan::ChanTable;
use super::context::Contexts;
use super::cpu::Procs;
use super::errgroup_impl::Groups;
use super::goroutine::{GoId, Label, Slot, Status, WaitKey, WaitReason, Wake, G};
use super::remote::{Hub, Link, Op, ToExecutor, ToHub};
use super::report::{GoroutineInfo, Metrics, Outcome, OutputLine, Report, Stream};
use super::rng::Rng;
use super::semaphore_impl::Semaphores;
use super::shared::Vars;
use super::sync::SyncTables;
use super::time::Timers;
use super::trace::{self, Event, Kind, Trace};

/// How to run a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Seeds every choice Go leaves open (select among ready cases).
    pub seed: u64,
    /// Virtual processors for `cpu_work`.
    pub procs: u32,
    /// The most trace events kept (see [`trace`]).
    pub trace_cap: usize,
    /// The run stops with a limit outcome when the virtual clock passes this.
    pub max_virtual_ns: u64,
    /// The run's part in its mode: sim, or the hub or an executor of a real-mode run.
    pub role: Role,
    /// Real mode: the wall-clock time ([`wall_ns`]) the run started at, the same for every
    /// worker of the run; the run's clock reads the wall clock from there.
    pub epoch_ns: u64,
    /// The run stops with a limit outcome once it has taken this long on the wall clock
    /// ([`wall_ns`]), whatever its mode.
    pub max_wall_ns: u64,
}

/// A run's part in its mode (DESIGN.md, Two modes; see [`super::remote`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// One executor, the virtual clock.
    #[default]
    Sim,
    /// Real mode's owner of every runtime object, with `procs` executors.
    Hub { procs: u32 },
    /// Real mode's executor `worker` of `procs`: it runs goroutines.
    Executor { worker: u32, procs: u32 },
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 1,
            procs: 1,
            trace_cap: trace::DEFAULT_CAP,
            max_virtual_ns: 24 * 3600 * 1_000_000_000,
            role: Role::Sim,
            epoch_ns: 0,
            max_wall_ns: u64::MAX,
        }
    }
}

pub type Task = Pin<Box<dyn Future<Output = ()>>>;

/// The frames of goroutine `g` as Go's traceback prints them after its `goroutine N [state]:`
/// line (`main.worker(...)`, `\t./prog.go:12`, `created by main.main`), or `None` for the
/// runtime's default. Set by a host that knows the program's source (the interpreter); called
/// while the report is written, so it must not use the runtime.
pub type Traceback = Rc<dyn Fn(GoId) -> Option<Vec<String>>>;

/// Real mode: steps between two reads of the wall clock.
const CLOCK_STEPS: u64 = 8;

/// Steps between two checks of the wall-clock budget (`Config::max_wall_ns`).
const BUDGET_STEPS: u64 = 256;

/// No goroutine is current (before main starts, and while timers fire).
const NO_SLOT: Slot = Slot::MAX;

/// The scheduler's state: goroutines, the run queue, the clock, the output and the trace.
pub(crate) struct Sched {
    /// The clock, in ns since the run started.
    pub now: u64,
    /// The goroutine being polled, or `NO_SLOT`.
    pub current: Slot,
    /// Its Go id, or 0.
    current_id: GoId,
    /// Goroutine records, indexed by slot; slots of finished goroutines are reused.
    pub gs: Vec<G>,
    free: Vec<Slot>,
    /// Runnable goroutines, in the order they will run.
    pub runq: VecDeque<Slot>,
    /// The next park sequence number (never 0, never reused).
    next_seq: u64,
    next_id: GoId,
    /// Goroutines created and not done.
    pub live: usize,
    pub rng: Rng,
    pub trace: Trace,
    pub output: Vec<OutputLine>,
    /// Text printed since the last newline, on stdout and on stderr.
    partial: String,
    partial_err: String,
    /// Set when the run must end after the current step.
    pub ending: Option<Outcome>,
    /// A panic of the running goroutine raised by a runtime operation (send on a closed
    /// channel…), until the goroutine takes it to unwind its own frames (an interpreted
    /// program may recover it) or the poll ends, which ends the run with it.
    pending_panic: Option<String>,
    /// Frames for reports (see [`Traceback`]).
    traceback: Option<Traceback>,
    /// Goroutines timers started (`AfterFunc`), for the run loop to add.
    pub spawn_later: Vec<(Label, Task)>,
    pub metrics: Metrics,
    /// How new objects are numbered.
    pub ids: Ids,
    /// Real mode: this executor's connection to the hub.
    pub link: Option<Box<Link>>,
    /// Real mode: the hub's state.
    pub hub: Option<Box<Hub>>,
    /// Real mode: the wall-clock origin of `now`.
    epoch_ns: Option<u64>,
}

/// How a run numbers the objects it creates (channels, WaitGroups, contexts…). In sim mode an
/// object's id is its index in its table; in real mode ids are unique across the run's
/// workers (see [`super::remote`]), and the hub creates an executor's objects at the ids the
/// executor chose (`preset`).
#[derive(Default)]
pub(crate) struct Ids {
    stride: u32,
    offset: u32,
    created: u32,
    pub preset: VecDeque<u32>,
}

impl Ids {
    /// The id of a new object of a table holding `len` entries.
    pub fn next(&mut self, len: usize) -> u32 {
        if let Some(id) = self.preset.pop_front() {
            return id;
        }
        if self.stride == 0 {
            return len as u32;
        }
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
    fn new(config: &Config) -> Self {
        Sched {
            now: 0,
            current: NO_SLOT,
            current_id: 0,
            gs: Vec::new(),
            free: Vec::new(),
            runq: VecDeque::new(),
            next_seq: 1,
            next_id: 1,
            live: 0,
            rng: Rng::new(match config.role {
                Role::Executor { worker, .. } => config.seed ^ u64::from(worker + 1) << 32,
                _ => config.seed,
            }),
            trace: Trace::new(config.trace_cap),
            output: Vec::new(),
            partial: String::new(),
            partial_err: String::new(),
            ending: None,
            pending_panic: None,
            traceback: None,
            spawn_later: Vec::new(),
            metrics: Metrics::default(),
            ids: match config.role {
                Role::Sim => Ids::default(),
                Role::Hub { procs } | Role::Executor { procs, .. } => Ids {
                    stride: procs + 1,
                    ..Ids::default()
                },
            },
            link: match config.role {
                Role::Executor { worker, procs } => Some(Box::new(Link::new(worker, procs))),
                _ => None,
            },
            hub: match config.role {
                Role::Hub { procs } => Some(Box::new(Hub::new(procs))),
                _ => None,
            },
            epoch_ns: (config.role != Role::Sim).then_some(config.epoch_ns),
        }
    }

    /// The Go id of the running goroutine as the hub knows it (real mode's executors number
    /// their goroutines locally).
    pub fn remote_gid(&self) -> GoId {
        match &self.link {
            Some(link) => link.gid_of(self.current),
            None => self.current_id,
        }
    }

    /// On an executor: hands the running goroutine's end of the run to the hub and parks it
    /// for good. Returns false elsewhere.
    fn forward(&mut self, op: impl FnOnce() -> Op) -> bool {
        if self.link.is_none() || self.current == NO_SLOT {
            return false;
        }
        let g = self.remote_gid();
        let op = op();
        self.park(WaitReason::Select, 0);
        if let Some(link) = self.link.as_mut() {
            link.post(g, op, false);
        }
        true
    }

    /// The Go id of the running goroutine (0 when none).
    #[inline]
    pub fn current_id(&self) -> GoId {
        self.current_id
    }

    /// Makes the goroutine in `slot`, just taken from the run queue, the running one.
    fn switch_to(&mut self, slot: Slot) {
        let g = &mut self.gs[slot as usize];
        g.status = Status::Running;
        self.current = slot;
        self.current_id = g.id;
        self.metrics.context_switches += 1;
    }

    /// No goroutine runs (between polls, and while timers fire).
    fn switch_away(&mut self) {
        self.current = NO_SLOT;
        self.current_id = 0;
    }

    /// Creates a runnable goroutine and returns its slot and id.
    fn new_goroutine(&mut self, label: Label) -> (Slot, GoId) {
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
        self.runq.push_back(slot);
        self.live += 1;
        self.metrics.goroutines_created += 1;
        self.metrics.peak_live = self.metrics.peak_live.max(self.live as u64);
        self.trace.add_goroutine(id, label, parent, self.now);
        (slot, id)
    }

    /// Records a state change of the goroutine in `slot`.
    fn set_status(&mut self, slot: Slot, status: Status, obj: u32) {
        let g = &mut self.gs[slot as usize];
        g.status = status;
        let id = g.id;
        self.trace_state(id, status, obj);
    }

    /// Records that goroutine `g` entered `status` (blocked on `obj`).
    #[inline]
    fn trace_state(&mut self, g: GoId, status: Status, obj: u32) {
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
        g.status = Status::Runnable;
        let id = g.id;
        self.trace_state(id, Status::Runnable, 0);
        self.runq.push_back(key.slot);
        Some(id)
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
        let message = message.into();
        if self.forward(|| Op::Panic {
            message: message.clone(),
        }) {
            return;
        }
        if self.current != NO_SLOT {
            self.pending_panic.get_or_insert(message);
            return;
        }
        self.end_with_panic(message);
    }

    /// Ends the run with Go's panic `message` in the running goroutine.
    fn end_with_panic(&mut self, message: String) {
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
        if self.forward(|| Op::Fatal {
            message: message.clone(),
        }) {
            return;
        }
        if self.ending.is_none() {
            self.ending = Some(Outcome::Fatal { message });
        }
    }

    /// Appends text printed on stdout; complete lines become output lines.
    pub fn write(&mut self, text: &str) {
        self.write_to(Stream::Stdout, text);
    }

    /// Appends text printed on `stream`; complete lines become output lines.
    pub fn write_to(&mut self, stream: Stream, text: &str) {
        if let Some(link) = self.link.as_mut() {
            let g = link.gid_of(self.current);
            link.post(
                g,
                Op::Print {
                    text: text.to_string(),
                    stderr: stream == Stream::Stderr,
                },
                false,
            );
            return;
        }
        let partial = match stream {
            Stream::Stdout => &mut self.partial,
            Stream::Stderr => &mut self.partial_err,
        };
        partial.push_str(text);
        let mut lines = Vec::new();
        while let Some(i) = partial.find('\n') {
            let line: String = partial.drain(..=i).collect();
            lines.push(line[..i].to_string());
        }
        for line in lines {
            self.emit_line(line, self.current_id(), stream);
        }
    }

    fn emit_line(&mut self, text: String, g: GoId, stream: Stream) {
        let index = self.output.len() as u32;
        self.output.push(OutputLine {
            text,
            t_ns: self.now,
            g,
            stream,
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
    fn exit_goroutine(&mut self, slot: Slot) {
        self.set_status(slot, Status::Done, 0);
        self.live -= 1;
        self.free.push(slot);
    }

    fn info(&self, g: &G) -> GoroutineInfo {
        let label = self.trace.label(g.id);
        let parent = self.trace.goroutines[g.id as usize].parent;
        GoroutineInfo {
            id: g.id,
            name: label.display(),
            func: label.go_func(),
            created_by: if parent == 0 {
                String::new()
            } else {
                self.trace.label(parent).go_func()
            },
            status: g.status,
        }
    }

    /// Goroutines not done, in creation order.
    fn alive(&self) -> Vec<GoroutineInfo> {
        let mut alive: Vec<&G> = self
            .gs
            .iter()
            .filter(|g| g.status != Status::Done)
            .collect();
        alive.sort_by_key(|g| g.id);
        alive.into_iter().map(|g| self.info(g)).collect()
    }

    /// Appends Go's report for `outcome` to the output, on stderr.
    fn report(&mut self, outcome: &Outcome) {
        let traceback = self.traceback.clone();
        let stanza = |info: &GoroutineInfo, state: &str| -> Vec<String> {
            let mut lines = vec![format!("goroutine {} [{state}]:", info.id)];
            if let Some(frames) = traceback.as_ref().and_then(|frames| frames(info.id)) {
                lines.extend(frames);
            } else if info.id == 1 {
                lines.push("main.main()".to_string());
            } else {
                lines.push(format!("{}(...)", info.func));
                lines.push(format!("created by {}", info.created_by));
            }
            lines
        };
        let mut lines = Vec::new();
        match outcome {
            Outcome::Exit | Outcome::Limit { .. } | Outcome::OsExit { .. } => {}
            Outcome::Panic { g, message } => {
                // A message of several lines prints as several lines, as Go's does.
                lines.extend(format!("panic: {message}").lines().map(String::from));
                lines.push(String::new());
                if let Some(info) = self.alive().into_iter().find(|i| i.id == *g) {
                    lines.extend(stanza(&info, "running"));
                }
            }
            Outcome::Deadlock => {
                lines.push("fatal error: all goroutines are asleep - deadlock!".to_string());
                for info in self.alive() {
                    lines.push(String::new());
                    lines.extend(stanza(&info, info.go_state()));
                }
            }
            Outcome::Fatal { message } => {
                lines.extend(format!("fatal error: {message}").lines().map(String::from));
                lines.push(String::new());
                if let Some(info) = self
                    .alive()
                    .into_iter()
                    .find(|i| i.status == Status::Running)
                {
                    lines.extend(stanza(&info, "running"));
                }
            }
        }
        for line in lines {
            self.emit_line(line, 0, Stream::Stderr);
        }
    }
}

/// The values the runtime itself puts in a program's channels, in the element type the
/// program's channels have: a Rust program's timers send [`super::Time`] and its contexts'
/// done channels carry `()`; an interpreted program's channels all carry its own value type
/// (see [`Runtime::use_host_values`]).
#[derive(Clone, Copy)]
pub(crate) struct Host {
    /// Makes a context's done channel.
    pub done_chan: fn(&mut Core) -> u32,
    /// Sends the time `now` on timer channel `chan` without blocking (a full channel drops it).
    pub send_time: fn(&mut Core, u32, u64),
}

/// A value a timer can send: what the program's channels carry, made from the time.
pub trait HostValue: super::Value {
    fn from_time(t: super::time::Time) -> Self;
}

impl HostValue for super::time::Time {
    fn from_time(t: super::time::Time) -> Self {
        t
    }
}

impl Host {
    fn of<T: HostValue, D: super::Value>() -> Host {
        Host {
            done_chan: |c| c.chans.make::<D>(&mut c.sched, 0),
            send_time: |c, chan, now| {
                let Core { sched, chans, .. } = c;
                let _ = chans
                    .get::<T>(chan)
                    .try_send(sched, T::from_time(super::time::Time(now)));
            },
        }
    }
}

/// All the state of one run.
pub(crate) struct Core {
    pub host: Host,
    pub sched: Sched,
    pub chans: ChanTable,
    pub timers: Timers,
    pub sync: SyncTables,
    pub ctxs: Contexts,
    pub sems: Semaphores,
    pub groups: Groups,
    pub procs: Procs,
    pub vars: Vars,
    max_virtual_ns: u64,
    /// The wall clock when the run started, and the longest it may take (`max_wall_ns`).
    wall_budget: Option<(u64, u64)>,
}

impl Core {
    /// Ends the run if it has taken longer than its wall-clock budget.
    fn check_wall_budget(&mut self) {
        let Some((start, max)) = self.wall_budget else {
            return;
        };
        if wall_ns().saturating_sub(start) > max {
            self.sched.ending.get_or_insert(Outcome::Limit {
                message: format!(
                    "stopped after {} of real time, the longest run chanlab allows",
                    super::time::fmt_duration(std::time::Duration::from_nanos(max))
                ),
            });
        }
    }

    /// Step 3 of the run loop: nothing is runnable. Moves the clock to the next timer and fires
    /// every timer due then, or ends the run (deadlock, or past the time limit).
    fn idle(&mut self) -> Option<Progress> {
        if self.sched.epoch_ns.is_some() {
            return self.idle_real();
        }
        match self.timers.next_deadline() {
            Some(t) if t > self.max_virtual_ns => {
                self.sched.ending = Some(Outcome::Limit {
                    message: format!(
                        "stopped at {} of virtual time, the longest run chanlab simulates",
                        super::time::fmt_duration(std::time::Duration::from_nanos(
                            self.max_virtual_ns
                        ))
                    ),
                });
            }
            Some(t) => {
                self.sched.now = self.sched.now.max(t);
                super::time::fire_due(self);
            }
            None => self.sched.ending = Some(Outcome::Deadlock),
        }
        None
    }

    /// [`Core::idle`] on the wall clock: wait for the next timer or a message, unless the
    /// hub sees a deadlock (nothing runnable, no timer, no goroutine running on an executor).
    fn idle_real(&mut self) -> Option<Progress> {
        let next = self.timers.next_deadline();
        if self.sched.now > self.max_virtual_ns {
            self.sched.ending = Some(Outcome::Limit {
                message: format!(
                    "stopped after {} of real time, the longest run chanlab allows",
                    super::time::fmt_duration(std::time::Duration::from_nanos(self.max_virtual_ns))
                ),
            });
            return None;
        }
        if let Some(hub) = &self.sched.hub {
            if next.is_none() && hub.remote_running() == 0 {
                self.sched.ending = Some(Outcome::Deadlock);
                return None;
            }
        }
        Some(Progress::Idle(next))
    }
}

struct Shared {
    core: RefCell<Core>,
    /// Goroutines' futures, indexed by slot; `None` while polled or after it finished.
    tasks: RefCell<Vec<Option<Task>>>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
}

/// Runs `f` on the current run's state. Precondition: called from a goroutine of a run (a
/// runtime operation used elsewhere is a bug in the program, reported as a Rust panic).
pub(crate) fn with_core<R>(f: impl FnOnce(&mut Core) -> R) -> R {
    CURRENT.with(|c| {
        let c = c.borrow();
        let shared = c
            .as_ref()
            .expect("chanlab runtime operations can only be used inside Runtime::run");
        let mut core = shared.core.borrow_mut();
        f(&mut core)
    })
}

/// Starts a goroutine; see [`super::goroutine::go`].
pub(crate) fn spawn_boxed(label: Label, fut: Task) -> GoId {
    CURRENT.with(|c| {
        let c = c.borrow();
        let shared = c
            .as_ref()
            .expect("go() can only be used inside Runtime::run");
        let (slot, id) = shared.core.borrow_mut().sched.new_goroutine(label);
        store_task(&shared.tasks, slot, fut);
        id
    })
}

fn store_task(tasks: &RefCell<Vec<Option<Task>>>, slot: Slot, fut: Task) {
    let mut tasks = tasks.borrow_mut();
    match tasks.get_mut(slot as usize) {
        Some(entry) => *entry = Some(fut),
        None => {
            debug_assert_eq!(slot as usize, tasks.len());
            tasks.push(Some(fut));
        }
    }
}

/// Makes the run reachable from runtime operations while it steps; restores the previous one
/// (normally none) when dropped.
struct Enter(Option<Rc<Shared>>, bool);

impl Enter {
    fn new(shared: &Rc<Shared>) -> Self {
        let linked = shared.core.borrow().sched.link.is_some();
        Enter(
            CURRENT.with(|c| c.replace(Some(shared.clone()))),
            LINKED.with(|l| l.replace(linked)),
        )
    }
}

impl Drop for Enter {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
        LINKED.with(|l| l.set(self.1));
    }
}

thread_local! {
    /// Whether the current run is an executor of a real-mode run (read on every operation,
    /// so kept apart from the run's state).
    static LINKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the current run is an executor of a real-mode run.
#[inline]
pub(crate) fn linked() -> bool {
    LINKED.with(|l| l.get())
}

/// How far a run has got.
#[derive(Debug)]
pub enum Progress {
    /// The run goes on; call [`Runtime::run_slice`] again.
    Running,
    /// Real mode: nothing can run until the timer due at this time (run's clock, ns) fires or
    /// a message arrives.
    Idle(Option<u64>),
    Done(Box<Report>),
}

/// One run of one program.
pub struct Runtime {
    shared: Rc<Shared>,
    /// Output lines already handed out by [`Runtime::take_new_output`].
    output_seen: usize,
}

impl Runtime {
    pub fn new(config: Config) -> Self {
        let core = Core {
            host: Host::of::<super::time::Time, ()>(),
            sched: Sched::new(&config),
            chans: ChanTable::new(),
            timers: Timers::default(),
            sync: SyncTables::default(),
            ctxs: Contexts::default(),
            sems: Semaphores::default(),
            groups: Groups::default(),
            procs: Procs::new(config.procs),
            vars: Vars::default(),
            max_virtual_ns: config.max_virtual_ns,
            wall_budget: (config.max_wall_ns != u64::MAX).then(|| (wall_ns(), config.max_wall_ns)),
        };
        Runtime {
            shared: Rc::new(Shared {
                core: RefCell::new(core),
                tasks: RefCell::new(Vec::new()),
            }),
            output_seen: 0,
        }
    }

    /// Runs `main` as goroutine 1 until the run ends.
    pub fn run(mut self, main: impl Future<Output = ()> + 'static) -> Report {
        self.start(main);
        loop {
            if let Progress::Done(report) = self.run_slice(u64::MAX) {
                return *report;
            }
        }
    }

    /// Makes the runtime's own channels (timers', contexts' done channels) carry `T`, the
    /// value type of an interpreted program's channels.
    pub fn use_host_values<T: HostValue>(&mut self) {
        self.shared.core.borrow_mut().host = Host::of::<T, T>();
    }

    /// Sets how reports print a goroutine's frames (see [`Traceback`]).
    pub fn set_traceback(&mut self, traceback: Traceback) {
        self.shared.core.borrow_mut().sched.traceback = Some(traceback);
    }

    /// Starts `main` as goroutine 1; [`Runtime::run_slice`] then runs it.
    pub fn start(&mut self, main: impl Future<Output = ()> + 'static) {
        let label = Label {
            func: "main",
            name: None,
            index: None,
        };
        let _enter = Enter::new(&self.shared);
        spawn_boxed(label, Box::pin(main));
    }

    /// Real mode's hub: starts the proxy of main, which runs on executor 0.
    pub fn start_hub(&mut self) {
        let _enter = Enter::new(&self.shared);
        let label = Label {
            func: "main",
            name: None,
            index: None,
        };
        spawn_boxed(label, Box::pin(super::remote::proxy(0)));
        let mut core = self.shared.core.borrow_mut();
        if let Some(hub) = core.sched.hub.as_mut() {
            hub.send(
                0,
                ToExecutor::Start {
                    g: 1,
                    func: "main".to_string(),
                    entry: 0,
                    args: String::new(),
                },
            );
        }
    }

    /// Real mode's hub: an executor's operations arrived.
    pub fn hub_deliver(&mut self, ops: ToHub) {
        let _enter = Enter::new(&self.shared);
        super::remote::deliver(&mut self.shared.core.borrow_mut(), ops);
    }

    /// Real mode's hub: what to send to executor `worker`.
    pub fn hub_take(&mut self, worker: usize) -> Vec<ToExecutor> {
        let mut core = self.shared.core.borrow_mut();
        core.sched
            .hub
            .as_mut()
            .map_or_else(Vec::new, |hub| hub.take_outbox(worker))
    }

    /// Real mode's executor: the hub's messages arrived. `main` makes the program's main
    /// goroutine when the hub starts it here.
    pub fn executor_deliver(
        &mut self,
        messages: Vec<ToExecutor>,
        main: &mut dyn FnMut() -> Task,
    ) -> Result<(), String> {
        let _enter = Enter::new(&self.shared);
        for message in messages {
            match message {
                ToExecutor::Start {
                    g,
                    func,
                    entry,
                    args,
                } => {
                    let task = if entry == 0 {
                        main()
                    } else {
                        crate::placement::instantiate(entry, &func, &args)?
                    };
                    let label = Label {
                        func: "goroutine",
                        name: None,
                        index: None,
                    };
                    let (slot, _) = self.shared.core.borrow_mut().sched.new_goroutine(label);
                    store_task(&self.shared.tasks, slot, task);
                    let mut core = self.shared.core.borrow_mut();
                    if let Some(link) = core.sched.link.as_mut() {
                        link.bind(slot, g);
                    }
                }
                ToExecutor::Answer { g, value } => {
                    let mut core = self.shared.core.borrow_mut();
                    let key = core.sched.link.as_mut().and_then(|l| l.answer(g, value));
                    match key {
                        Some(key) => {
                            core.sched.ready(key, Wake::default());
                        }
                        None => {
                            return Err(format!("an answer for goroutine {g}, which did not ask"))
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Real mode's executor: `send` sends its goroutines' operations to the hub before a
    /// goroutine computes, so that the others' do not wait for the computation.
    pub fn set_executor_flush(&mut self, send: fn(ToHub)) {
        if let Some(link) = self.shared.core.borrow_mut().sched.link.as_mut() {
            link.set_flush(send);
        }
    }

    /// Real mode's executor: what its goroutines asked of the hub since the last call (when
    /// `all` is false, only if some of it should not wait; see `Link::take_due`).
    pub fn executor_take(&mut self, all: bool) -> ToHub {
        let mut core = self.shared.core.borrow_mut();
        match core.sched.link.as_mut() {
            Some(link) if all => link.take_outbox(),
            Some(link) => link.take_due(),
            None => Vec::new(),
        }
    }

    /// Takes up to `max_steps` steps of the run loop.
    pub fn run_slice(&mut self, max_steps: u64) -> Progress {
        self.run_slice_until(max_steps, u64::MAX)
    }

    /// [`Runtime::run_slice`], stopping early once the run's clock reaches `until` (real mode,
    /// whose clock is the wall clock: a worker's turn before it reads its messages).
    pub fn run_slice_until(&mut self, max_steps: u64, until: u64) -> Progress {
        let shared = self.shared.clone();
        let _enter = Enter::new(&shared);
        let mut cx = TaskContext::from_waker(Waker::noop());
        for step in 0..max_steps {
            let slot = {
                let mut guard = shared.core.borrow_mut();
                if guard.sched.ending.is_some() {
                    drop(guard);
                    return Progress::Done(Box::new(self.finish()));
                }
                let core = &mut *guard;
                // Real mode: the wall clock, read every few steps (browsers coarsen it to
                // 0.1 ms anyway) and whenever nothing is runnable.
                if let Some(epoch) = core.sched.epoch_ns {
                    if step % CLOCK_STEPS == 0 || core.sched.runq.is_empty() {
                        core.sched.now = wall_ns().saturating_sub(epoch).max(core.sched.now);
                        if core.sched.now >= until {
                            return Progress::Running;
                        }
                    }
                }
                if step % BUDGET_STEPS == 0 {
                    core.check_wall_budget();
                    if core.sched.ending.is_some() {
                        continue;
                    }
                }
                // Go's scheduler checks timers before it picks a goroutine: a timer due now
                // fires now, even while goroutines are runnable.
                if core.timers.may_be_due(core.sched.now) {
                    super::time::fire_due(core);
                }
                for (label, task) in std::mem::take(&mut core.sched.spawn_later) {
                    let (slot, _) = core.sched.new_goroutine(label);
                    store_task(&shared.tasks, slot, task);
                }
                let Some(slot) = core.sched.runq.pop_front() else {
                    if let Some(progress) = core.idle() {
                        return progress;
                    }
                    continue;
                };
                core.sched.switch_to(slot);
                slot
            };
            let mut task = shared.tasks.borrow_mut()[slot as usize]
                .take()
                .expect("a runnable goroutine has its future");
            let polled = catch_unwind(AssertUnwindSafe(|| task.as_mut().poll(&mut cx)));
            let mut core = shared.core.borrow_mut();
            let sched = &mut core.sched;
            let finished = match polled {
                Ok(Poll::Pending) => {
                    if sched.gs[slot as usize].status == Status::Running
                        && sched.ending.is_none()
                        && sched.pending_panic.is_none()
                    {
                        sched.fatal(format!(
                            "goroutine {} awaited a future that is not a chanlab runtime operation",
                            sched.current_id
                        ));
                    }
                    false
                }
                Ok(Poll::Ready(())) => {
                    if let Some(link) = sched.link.as_mut() {
                        let g = link.gid_of(slot);
                        link.post(g, Op::Exit, false);
                    } else if sched.current_id == 1 && sched.ending.is_none() {
                        sched.ending = Some(Outcome::Exit);
                    }
                    sched.exit_goroutine(slot);
                    true
                }
                Err(payload) => {
                    let message = payload
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "a Rust panic".to_string());
                    sched.go_panic(message);
                    false
                }
            };
            // A panic the goroutine did not take ends the run.
            if let Some(message) = sched.pending_panic.take() {
                sched.end_with_panic(message);
            }
            sched.switch_away();
            drop(core);
            if finished {
                // Dropped outside the borrow: its locals' drops may use the runtime.
                drop(task);
            } else {
                shared.tasks.borrow_mut()[slot as usize] = Some(task);
            }
        }
        Progress::Running
    }

    /// Output lines printed since the last call.
    pub fn take_new_output(&mut self) -> Vec<OutputLine> {
        let core = self.shared.core.borrow();
        let new = core.sched.output[self.output_seen..].to_vec();
        self.output_seen = core.sched.output.len();
        new
    }

    /// Ends the run: Go's report for the outcome, leaked goroutines, the trace.
    fn finish(&mut self) -> Report {
        let mut core = self.shared.core.borrow_mut();
        let outcome = core.sched.ending.clone().unwrap_or(Outcome::Exit);
        let sched = &mut core.sched;
        if !sched.partial.is_empty() {
            let text = std::mem::take(&mut sched.partial);
            sched.emit_line(text, 0, Stream::Stdout);
        }
        if !sched.partial_err.is_empty() {
            let text = std::mem::take(&mut sched.partial_err);
            sched.emit_line(text, 0, Stream::Stderr);
        }
        sched.report(&outcome);
        let leaked = if outcome == Outcome::Exit {
            sched.alive()
        } else {
            Vec::new()
        };
        let mut metrics = sched.metrics.clone();
        metrics.live_timers = core.timers.live() as u64;
        metrics.peak_live_timers = core.timers.peak_live() as u64;
        let sched = &mut core.sched;
        let report = Report {
            outcome,
            output: std::mem::take(&mut sched.output),
            end_ns: sched.now,
            leaked,
            metrics,
            trace: std::mem::replace(&mut sched.trace, Trace::new(0)),
        };
        drop(core);
        // Drop the goroutines still alive while the run is reachable: their futures may hold
        // values whose drop uses it.
        let tasks = std::mem::take(&mut *self.shared.tasks.borrow_mut());
        drop(tasks);
        report
    }
}

/// The future of [`super::goroutine::gosched`]: pending once, after queueing itself.
#[derive(Default)]
#[must_use = "gosched does nothing unless awaited"]
pub struct Yield {
    yielded: bool,
}

impl Future for Yield {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        with_core(|c| c.sched.yield_now());
        Poll::Pending
    }
}

/// A future that never completes: what an operation that panicked returns, so the code after
/// it never runs (the run ends before the goroutine is polled again).
pub(crate) struct Never;

impl Future for Never {
    type Output = std::convert::Infallible;
    fn poll(self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<Self::Output> {
        Poll::Pending
    }
}

/// Go's `panic(message)`: ends the run with `panic: <message>` and exit status 2.
pub fn go_panic(message: impl Into<String>) -> impl Future<Output = std::convert::Infallible> {
    let message = message.into();
    with_core(|c| c.sched.go_panic(message));
    Never
}

/// The panic a runtime operation raised in the running goroutine, if any: taking it keeps the
/// run going, and the goroutine unwinds its own frames (an interpreted program's `recover`).
pub fn take_panic() -> Option<String> {
    with_core(|c| c.sched.pending_panic.take())
}

/// Go's `os.Exit(code)`: ends the run at once with exit status `code`; deferred calls do not
/// run.
pub fn os_exit(code: i32) -> impl Future<Output = std::convert::Infallible> {
    with_core(|c| {
        c.sched.ending.get_or_insert(Outcome::OsExit { code });
    });
    Never
}

/// The Go id of the running goroutine (`goroutine 7`), 0 outside a goroutine. On an executor
/// of a real-mode run, the id the hub gave it.
pub fn goid() -> GoId {
    with_core(|c| c.sched.remote_gid())
}

/// Go's `fmt.Println`: prints `line` and a newline.
pub fn println(line: impl Display) {
    with_core(|c| c.sched.write(&format!("{line}\n")));
}

/// Go's `fmt.Print`: prints `text`; output lines end at newlines.
pub fn print(text: impl Display) {
    with_core(|c| c.sched.write(&text.to_string()));
}

/// Go's `print`/`println` builtins, and the runtime's own messages: prints `text` on stderr.
pub fn eprint(text: impl Display) {
    with_core(|c| c.sched.write_to(Stream::Stderr, &text.to_string()));
}

/// Ends the run with Go's `fatal error: <message>` (exit status 2; nothing recovers it).
pub fn fatal(message: impl Into<String>) -> impl Future<Output = std::convert::Infallible> {
    let message = message.into();
    with_core(|c| c.sched.fatal(message));
    Never
}

/// The clock now, in ns since the run started (virtual in sim mode).
pub fn now() -> super::time::Time {
    super::time::Time(with_core(|c| c.sched.now))
}

/// Real mode: the run's clock read now from the wall clock (`None` in sim mode).
pub(crate) fn real_clock() -> Option<u64> {
    let epoch = with_core(|c| c.sched.epoch_ns)?;
    Some(wall_ns().saturating_sub(epoch))
}

/// A seeded random number in `0..n` (Go's `rand.Intn`). Precondition: `n > 0`.
pub fn rand_below(n: u64) -> u64 {
    with_core(|c| c.sched.rng.below(n))
}

/// Go's `runtime.GOMAXPROCS(0)`: the processors goroutines run on (virtual in sim mode).
pub fn gomaxprocs() -> usize {
    with_core(|c| c.procs.count())
}

/// Go's `runtime.GOMAXPROCS(n)` for `n > 0` in sim mode: from now on `n` virtual processors
/// run CPU work; returns the previous count. (Real mode's workers are fixed for the run.)
pub fn set_gomaxprocs(n: usize) -> usize {
    with_core(|c| {
        let previous = c.procs.count();
        if c.sched.epoch_ns.is_none() {
            c.procs.set_count(n);
        }
        previous
    })
}

thread_local! {
    /// The host's wall clock in ns, for programs that measure real time (the benchmark).
    static WALL_CLOCK: std::cell::Cell<Option<fn() -> u64>> = const { std::cell::Cell::new(None) };
}

/// Sets the wall clock [`wall_ns`] reads on this thread (the browser's `performance.now()`;
/// natively, a monotonic clock is used when none is set).
pub fn set_wall_clock(clock: fn() -> u64) {
    WALL_CLOCK.with(|c| c.set(Some(clock)));
}

/// The host's wall clock in ns from an arbitrary origin: real time, even in sim mode, for
/// programs that measure real computation (Go's `time.Now()` in a benchmark).
pub fn wall_ns() -> u64 {
    if let Some(clock) = WALL_CLOCK.with(|c| c.get()) {
        return clock();
    }
    native_wall_ns()
}

#[cfg(not(target_arch = "wasm32"))]
fn native_wall_ns() -> u64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

#[cfg(target_arch = "wasm32")]
fn native_wall_ns() -> u64 {
    // Without a clock set by the host there is no time source: measurements read zero.
    0
}
