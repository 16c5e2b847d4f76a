//! A run: its configuration, all its state ([`Core`]), and the run loop.
//!
//! One [`Runtime`] owns one [`Core`] (goroutines, channels, timers, sync objects) and the
//! goroutines' futures; while it steps, runtime operations reach it through
//! [`super::current`].
//!
//! The run loop, one step at a time:
//! 1. If the run is ending (main returned, a panic, a fatal error), build the report.
//! 2. Else poll the goroutine at the head of the run queue (FIFO: Go's order on one P, minus
//!    `runnext`, is one of the orders Go allows).
//! 3. Else nothing can run: advance the clock to the earliest timer and fire every timer due
//!    then (virtual clock), or, with no timer pending, end with Go's deadlock error.
//!
//! # Invariants
//! - A goroutine that returns `Pending` has parked (its status is `Blocked`), yielded
//!   (`Runnable`), or ended the run (`ending` is set).

use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll, Waker};

use super::chan::ChanTable;
use super::clock::wall_ns;
use super::context::Contexts;
use super::cpu::Procs;
use super::current::with_core;
use super::current::{spawn_boxed, store_task, Enter, Shared};
use super::fault::Fault;
use super::goroutine::{GoroutineOp, Label, Status};
use super::limits::{memory_in_use, Limit, Limits};
use super::report::{reported, Locate, Outcome, OutputLine, Report, Stream, Traceback};
use super::sched::Sched;
use super::semaphore_impl::Semaphores;
use super::shared::Vars;
use super::sync::SyncTables;
use super::time::{Job, Timers};
use super::trace::{self, Trace};

/// How to run a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Seeds every choice Go leaves open (select among ready cases).
    pub seed: u64,
    /// Virtual processors for `cpu_work`.
    pub procs: u32,
    /// The most trace events kept (see [`trace`]).
    pub trace_cap: usize,
    /// The run's part in its mode: sim, or the hub or an executor of a real-mode run.
    pub role: Role,
    /// How much the run may take (see [`super::limits`]).
    pub limits: Limits,
}

/// A run's part in its mode (see [`super::real`]). In real mode `procs` counts the run's
/// executors, and the run's clock is the wall clock ([`wall_ns`]) from `epoch_ns`, the same
/// for every worker of the run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// One executor, the virtual clock.
    #[default]
    Sim,
    /// Real mode's owner of every runtime object.
    Hub { epoch_ns: u64 },
    /// Real mode's executor `worker`: it runs goroutines.
    Executor { worker: u32, epoch_ns: u64 },
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 1,
            procs: 1,
            trace_cap: trace::DEFAULT_CAP,
            role: Role::Sim,
            limits: Limits::default(),
        }
    }
}

/// A goroutine's future, as the runtime keeps it.
pub type Task = Pin<Box<dyn GoFuture>>;

/// What a goroutine runs: a future of `()`, which a report's [`Traceback`] may look at (an
/// interpreted goroutine's holds its frames). Every such future is one.
pub trait GoFuture: Future<Output = ()> + std::any::Any {}

impl<F: Future<Output = ()> + std::any::Any> GoFuture for F {}

/// Steps between two checks of the limits read from the host (wall clock, memory).
const BUDGET_STEPS: u64 = 256;

/// All the state of one run.
/// Declared `pub` for the runtime's sealed [`Operation`](super::seam::Operation) trait; not
/// reachable from outside the crate.
pub struct Core {
    pub(crate) host: Host,
    /// The program's own state, for its goroutines (see [`host_data`]).
    pub(crate) host_data: Option<Rc<dyn Any>>,
    pub(crate) sched: Sched,
    pub(crate) chans: ChanTable,
    pub(crate) timers: Timers,
    pub(crate) sync: SyncTables,
    pub(crate) ctxs: Contexts,
    pub(crate) sems: Semaphores,
    pub(crate) procs: Procs,
    pub(crate) vars: Vars,
    /// The wall clock ([`wall_ns`]) when the run started.
    wall_start: u64,
}

impl Core {
    /// `runtime.GOMAXPROCS(n)` here (see [`set_gomaxprocs`](super::set_gomaxprocs)): the
    /// count before; `n > 0` sets it.
    pub(crate) fn set_max_procs(&mut self, n: usize) -> usize {
        if let Some(hub) = self.sched.backend.hub() {
            return hub.set_max_procs(n);
        }
        let previous = self.procs.count();
        if n > 0 {
            self.procs.set_count(n);
        }
        previous
    }

    /// Ends the run if it has taken longer than its wall-clock budget, or its host's heap
    /// has grown past its memory limit.
    fn check_limits(&mut self) {
        let limits = self.sched.limits;
        if limits.wall_ns != u64::MAX && wall_ns().saturating_sub(self.wall_start) > limits.wall_ns
        {
            self.sched.stop(Limit::WallTime { ns: limits.wall_ns });
        }
        if memory_in_use().is_some_and(|used| used > limits.memory_bytes) {
            self.sched.stop(Limit::Memory {
                bytes: limits.memory_bytes,
            });
        }
    }

    /// The wall clock at which the run's budget ends, on the run's clock (real mode).
    fn wall_deadline(&self, epoch_ns: u64) -> u64 {
        self.wall_start
            .saturating_add(self.sched.limits.wall_ns)
            .saturating_sub(epoch_ns)
    }

    /// Step 3 of the run loop: nothing is runnable. Moves the clock to the next timer and fires
    /// every timer due then, or ends the run (deadlock, or past the time limit).
    fn idle(&mut self) -> Option<Progress> {
        if self.sched.backend.epoch_ns().is_some() {
            return self.idle_real();
        }
        match self.timers.next_deadline() {
            Some(t) if t > self.sched.limits.virtual_ns => {
                self.sched.stop(Limit::VirtualTime {
                    ns: self.sched.limits.virtual_ns,
                });
            }
            Some(t) => {
                let late = match self.sched.fault {
                    Some(Fault::LateTimer) => super::fault::LATE_NS,
                    _ => 0,
                };
                self.sched.now = self.sched.now.max(t + late);
                // Nothing ran meanwhile: the goroutines the timers wake start a time slice.
                self.sched.restart_slice();
                super::time::fire_due(self);
            }
            None => self.deadlock(),
        }
        None
    }

    /// Ends the run as Go's scheduler does when nothing can ever run again: every goroutine
    /// asleep, or none left once main called `runtime.Goexit`.
    fn deadlock(&mut self) {
        self.sched.ending = Some(if self.sched.main_goexited && self.sched.live == 0 {
            Outcome::Fatal {
                message: "no goroutines (main called runtime.Goexit) - deadlock!".into(),
            }
        } else {
            Outcome::Deadlock
        });
    }

    /// [`Core::idle`] on the wall clock: wait for the next timer or a message, unless the
    /// hub sees a deadlock (nothing runnable, no timer, no goroutine running on an executor).
    /// The host is asked to wake the run when its wall-clock budget ends, at the latest.
    fn idle_real(&mut self) -> Option<Progress> {
        self.check_limits();
        if self.sched.ending.is_some() {
            return None;
        }
        let next = self.timers.next_deadline();
        let epoch = self.sched.backend.epoch_ns().unwrap_or(0);
        if let Some(hub) = self.sched.backend.hub() {
            if next.is_none() && hub.remote_running() == 0 {
                // The report shows where the executors' goroutines wait: they are asked
                // first, and the run ends once they answer (or have had time to).
                let now = wall_ns().saturating_sub(epoch);
                if let Some(until) = hub.awaiting_frames(now) {
                    return Some(Progress::Idle(Some(until)));
                }
                self.deadlock();
                return None;
            }
        }
        let deadline = self.wall_deadline(epoch);
        Some(Progress::Idle(Some(
            next.map_or(deadline, |t| t.min(deadline)),
        )))
    }
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

/// The values the runtime itself puts in a program's channels, in the element type the
/// program's channels have: a Rust program's timers send [`super::Time`] and its contexts'
/// done channels carry `()`; an interpreted program's channels all carry its own value type
/// (see [`Runtime::use_host_values`]).
#[derive(Clone, Copy)]
pub(crate) struct Host {
    /// Makes a context's done channel: channel `id`, or the next channel when `None`.
    pub done_chan: fn(&mut Core, Option<u32>) -> u32,
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
            done_chan: |c, id| match id {
                Some(id) => {
                    c.chans.make::<D>(&mut c.sched, id, 0);
                    id
                }
                None => c.chans.make_next::<D>(&mut c.sched, 0),
            },
            send_time: |c, chan, now| {
                let Core { sched, chans, .. } = c;
                let _ = chans
                    .get::<T>(chan)
                    .try_send(sched, T::from_time(super::time::Time(now)));
            },
        }
    }
}

/// The program's own state for the running run, as [`Runtime::set_host_data`] gave it (an
/// interpreted program's compiled code and globals: a goroutine started from a message finds
/// them here).
pub fn host_data() -> Option<Rc<dyn Any>> {
    with_core(|c| c.host_data.clone())
}

/// One run of one program.
pub struct Runtime {
    pub(crate) shared: Rc<Shared>,
}

impl Runtime {
    pub fn new(config: Config) -> Self {
        let core = Core {
            host: Host::of::<super::time::Time, ()>(),
            host_data: None,
            sched: Sched::new(&config),
            chans: ChanTable::new(),
            timers: Timers::default(),
            sync: SyncTables::default(),
            ctxs: Contexts::default(),
            sems: Semaphores::default(),
            procs: Procs::new(config.procs),
            vars: Vars::default(),
            wall_start: wall_ns(),
        };
        Runtime {
            shared: Rc::new(Shared {
                core: RefCell::new(core),
                tasks: RefCell::new(Vec::new()),
            }),
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
    /// value type of an interpreted program's channels (in sim mode, and on real mode's hub,
    /// whose goroutines are the program's too).
    pub fn use_host_values<T: HostValue>(&mut self) {
        self.shared.core.borrow_mut().host = Host::of::<T, T>();
    }

    /// Keeps `data`, the program's own state for this run, for its goroutines to find with
    /// [`host_data`].
    pub fn set_host_data(&mut self, data: Rc<dyn Any>) {
        self.shared.core.borrow_mut().host_data = Some(data);
    }

    /// The frames of every goroutine alive, by slot (see [`Traceback`]).
    pub(crate) fn tracebacks(&self) -> Vec<(super::goroutine::Slot, Vec<String>)> {
        let core = self.shared.core.borrow();
        let tasks = self.shared.tasks.borrow();
        let task = |slot: super::goroutine::Slot| tasks.get(slot as usize)?.as_ref();
        core.sched.tracebacks(&task)
    }

    /// Sets how reports print a goroutine's frames (see [`Traceback`]).
    pub fn set_traceback(&mut self, traceback: Traceback) {
        self.shared.core.borrow_mut().sched.traceback = Some(traceback);
    }

    /// Sets how reports and the leak list find a goroutine's source line (see [`Locate`]).
    pub fn set_locate(&mut self, locate: Locate) {
        self.shared.core.borrow_mut().sched.locate = Some(locate);
    }

    /// Starts `main` as goroutine 1; [`Runtime::run_slice`] then runs it.
    pub fn start(&mut self, main: impl Future<Output = ()> + 'static) {
        self.start_task(Box::pin(main));
    }

    /// [`Runtime::start`] for a future already boxed as the runtime keeps it (so that a
    /// [`Traceback`] sees the future itself, not a box of it).
    pub fn start_task(&mut self, main: Task) {
        let label = Label {
            func: "main",
            name: None,
            index: None,
        };
        let _enter = Enter::new(&self.shared);
        spawn_boxed(label, main);
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
            // AfterFunc goroutines that may not start, dropped once the run is not borrowed.
            let mut unstarted = Vec::new();
            let slot = {
                let mut guard = shared.core.borrow_mut();
                if guard.sched.ending.is_some() {
                    drop(guard);
                    return Progress::Done(Box::new(self.finish()));
                }
                let core = &mut *guard;
                // The limits first: a real-mode turn whose clock is past `until` already ends at
                // its first step, before a later check would come.
                if step % BUDGET_STEPS == 0 {
                    core.check_limits();
                    if core.sched.ending.is_some() {
                        continue;
                    }
                }
                // Real mode: the wall clock, read every few steps (browsers coarsen it to
                // 0.1 ms anyway) and whenever nothing is runnable.
                if let Some((epoch, every)) = core.sched.backend.wall_clock() {
                    if step % every == 0 || !core.sched.has_runnable() {
                        core.sched.now = wall_ns().saturating_sub(epoch).max(core.sched.now);
                        if core.sched.now >= until || core.sched.backend.turn_over(core.sched.now) {
                            return Progress::Running;
                        }
                    }
                }
                // Go's scheduler checks timers before it picks a goroutine: a timer due now
                // fires now, even while goroutines are runnable.
                // Timers held back for a goroutine to run first fire now if none can.
                let held = core.timers.held && core.sched.has_runnable();
                if core.timers.may_be_due(core.sched.now) && !held {
                    super::time::fire_due(core);
                }
                for (slot, task) in std::mem::take(&mut core.sched.spawned) {
                    store_task(&shared.tasks, slot, task);
                }
                for job in std::mem::take(&mut core.sched.spawn_later) {
                    match job {
                        Job::Here(start) => {
                            let (label, task) = start();
                            if !core.sched.may_start() {
                                unstarted.push(task);
                                continue;
                            }
                            let (slot, _) = core.sched.new_goroutine(label);
                            store_task(&shared.tasks, slot, task);
                        }
                        Job::Placed(spawn) => {
                            unstarted.extend(super::real::go_from_loop(core, &shared.tasks, spawn))
                        }
                    }
                }
                let Some(slot) = core.sched.take_runnable() else {
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
                    if sched.forward(|| GoroutineOp::Exit) {
                        // Its proxy on the hub ends with it.
                    } else if sched.current_id == 1
                        && sched.ending.is_none()
                        && !sched.main_goexited
                    {
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
            // A goroutine ran: timers held back until then may fire.
            core.timers.held = false;
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

    /// Whether lines were printed since the last [`Runtime::take_new_output`].
    pub fn has_new_output(&self) -> bool {
        !self.shared.core.borrow().sched.output.is_empty()
    }

    /// Output lines printed since the last call; the report then holds only the lines after
    /// them, so a host that streams the output keeps none of it.
    pub fn take_new_output(&mut self) -> Vec<OutputLine> {
        std::mem::take(&mut self.shared.core.borrow_mut().sched.output)
    }

    /// The run's clock now, in ns since it started (virtual in sim mode).
    pub fn clock_ns(&self) -> u64 {
        self.shared.core.borrow().sched.now
    }

    /// Ends the run with `limit` at its next step (a host that learnt of it elsewhere: a
    /// real-mode executor that ran out of memory).
    pub fn stop(&mut self, limit: Limit) {
        self.shared.core.borrow_mut().sched.stop(limit);
    }

    /// Ends the run: Go's report for the outcome, leaked goroutines, the trace.
    fn finish(&mut self) -> Report {
        let mut core = self.shared.core.borrow_mut();
        let outcome = core.sched.ending.clone().unwrap_or(Outcome::Exit);
        let sched = &mut core.sched;
        // Real mode: the run ends now on the wall clock, however long ago its clock was read
        // (a hub busy with messages reads it only between them).
        if let Some(epoch) = sched.backend.epoch_ns() {
            sched.now = wall_ns().saturating_sub(epoch).max(sched.now);
        }
        // What stdout printed without a newline ends it; what stderr did, the report
        // continues (only one of them has any: see `Sched::write_to`).
        sched.end_partial(Stream::Stdout);
        let tasks = self.shared.tasks.borrow();
        let task = |slot: super::goroutine::Slot| tasks.get(slot as usize)?.as_ref();
        let alive = sched.alive(&task);
        let line = reported(&outcome, &alive)
            .map(|g| g.line)
            .filter(|&line| line != 0);
        sched.report(&outcome, &alive, &task);
        drop(tasks);
        let leaked = if outcome == Outcome::Exit {
            alive
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
            line,
        };
        drop(core);
        // Drop the goroutines still alive while the run is reachable: their futures may hold
        // values whose drop uses it.
        let tasks = std::mem::take(&mut *self.shared.tasks.borrow_mut());
        drop(tasks);
        report
    }
}
