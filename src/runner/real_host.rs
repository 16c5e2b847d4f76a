//! Real mode on Web Workers: the workers, their frames and their turns. What a hub and an
//! executor do with their turns is `crate::rt::real`'s ([`HubDriver`], [`ExecutorDriver`]);
//! the program is the request's Go source, compiled by every worker and run by the
//! interpreter's real mode (`crate::golang::real`: each worker runs the compiled program with
//! its copy of the shared heap, and the hub relays their writes).
//!
//! The worker the page gives a real-mode run becomes its *hub*, worker 0, which runs
//! goroutines too: it starts `procs - 1` workers of its own (the same script), one per
//! executor ([`Crew`]), usually ahead of the run, when the page asks its spare worker to be
//! ready for real mode ([`warm`]). Each executor settles as it starts
//! (`super::host::settle`: runs a small program until it runs at a steady speed, which a page
//! that has just loaded does not) and says it is ready; then the hub times a few round trips
//! to executor 1 ([`Request::Ping`]): the transport's floor on this browser, which the run's
//! summary reports. So a run on executors started ahead of it only has them compile its
//! source ([`Request::Execute`]), sent to them before the hub compiles its own copy: compiling
//! is not part of a run in Go either, and an executor compiling on the run's clock would
//! start its goroutines milliseconds late. Once all have, the hub settles too and starts the
//! run, telling the executors when ([`Request::Begin`]).
//!
//! From then on they exchange frames, the encoded operations and answers
//! (`crate::rt::real::encode`), at most one per executor per turn each way, by one of two
//! transports (the summary says which):
//! - **messages**, in any page: each frame a transferred `ArrayBuffer`. Nothing blocks: a
//!   worker runs until it has nothing to do, then returns to its event loop, where the next
//!   message or timer finds it;
//! - **shared memory**, when the page is cross-origin isolated: the frames go through rings
//!   in a `SharedArrayBuffer` ([`Rings`]), and a worker with nothing to do spins on its
//!   doorbell for [`SPIN_MS`], then waits on it with `Atomics.wait` (the hub until its next
//!   timer at most). The hub still returns to its event loop every [`SHARED_SLICE_MS`], for
//!   its executors' other messages.
//!
//! Stopping is the page terminating the hub: a worker's own workers end with it. A worker
//! that fails ends the run with its message.
//!
//! The clock of every worker is `performance.timeOrigin + performance.now()`, so the times
//! they report are on one axis.

use std::cell::RefCell;
use std::rc::Rc;
use std::thread::LocalKey;

use gloo_timers::callback::Timeout;
use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageChannel, MessageEvent, Worker, WorkerOptions};

use super::host::{epoch_ms, now_ms, post, scope, OutputStream};
use super::rings::{Pipe, Rings, Way};
use super::source::{self, Compiled};
use crate::golang::{self, vm::program::Program};
use crate::protocol::{
    ExecuteRequest, Floor, FromExecutor, Request, Response, RunRequest, TraceData, Transport,
    HEARTBEAT_MS,
};
use crate::rt::real::{decode, encode, ExecutorDriver, Halt, HubDriver, ToExecutor, ToHub};
use crate::rt::{set_wall_clock, wall_ns, Progress};
use crate::view::page_config::MAX_PROCS;

/// Wall-clock ns a worker runs before it lets its event loop deliver its messages.
const TURN_NS: u64 = 1_000_000;
/// How early the hub sets its timer before the run's next timer is due (see `Hub::wake`).
const ALARM_EARLY_MS: f64 = 2.0;
/// The longest real-mode run.
const MAX_RUN_NS: u64 = crate::rt::limits::REAL_WALL_NS;
/// Shared memory: how long a worker runs and waits before it returns to its event loop.
const SHARED_SLICE_MS: f64 = 20.0;
/// Shared memory: how long a worker whose ring was full waits before it writes again.
const BACKLOG_MS: f64 = 0.1;
/// Shared memory: how long a worker whose goroutines all wait for another's frame spins before
/// it sleeps (see `Rings::wait_spinning`).
const SPIN_MS: f64 = 0.05;
/// Round trips timed before a run, by message and through shared memory.
const PINGS: u32 = 16;

/// `performance.timeOrigin + performance.now()`, in ns: the same axis in every worker.
fn epoch_clock() -> u64 {
    (epoch_ms() * 1e6) as u64
}

/// Calls `f` from the event loop after `ms`.
fn later(ms: f64, f: fn()) {
    Timeout::new(ms.clamp(0.0, 2_147_483_647.0) as u32, f).forget();
}

/// Calls a function again as soon as the event loop has delivered the messages waiting: a
/// message to oneself. Written by hand rather than with a timer because it is measurably
/// faster: in a worker in headless Chromium, 200 chained turns took 0.007 ms each this way
/// and 4.1 ms each with `setTimeout(0)` (HTML clamps nested timers to 4 ms), which a worker
/// taking turns many times a millisecond would pay on every turn.
struct Resume {
    channel: MessageChannel,
    _onmessage: Closure<dyn FnMut()>,
}

impl Resume {
    fn new(f: fn()) -> Option<Self> {
        let channel = MessageChannel::new().ok()?;
        let onmessage = Closure::<dyn FnMut()>::new(f);
        channel
            .port1()
            .set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        Some(Resume {
            channel,
            _onmessage: onmessage,
        })
    }

    fn soon(&self) {
        let _ = self.channel.port2().post_message(&JsValue::NULL);
    }
}

/// When a worker (hub or executor) runs its runtime next: at once for a message that arrives
/// while no turn is due, and again after its turn when it had to stop.
///
/// A message is not held back for the ones that may follow it: a worker outside a
/// cross-origin isolated page reads a clock coarsened to 0.1 ms, too coarse to tell a burst
/// from a round trip, and holding every message that came within 0.2 ms of the last turn
/// cost each round trip between two workers a trip through the event loop on each side: by
/// messages, `benches/real`'s round trip was 143 µs with it (2.6x the bare one) and 63 µs
/// without it (1.4x), while 1,000 pairs across two and four workers took the same time.
struct Turns {
    /// A turn is due from the event loop.
    due: bool,
    /// The turn, from a timer (when a message channel is not available).
    turn: fn(),
    resume: Option<Resume>,
}

impl Turns {
    fn new(turn: fn()) -> Self {
        Turns {
            due: false,
            turn,
            resume: Resume::new(turn),
        }
    }

    /// A message arrived: true if the turn is to be taken now.
    fn arrived(&self) -> bool {
        !self.due
    }

    /// Takes a turn again once the event loop has delivered the messages waiting.
    fn again(&mut self) {
        self.due = true;
        match &self.resume {
            Some(resume) => resume.soon(),
            None => later(0.0, self.turn),
        }
    }

    fn begin(&mut self) {
        self.due = false;
    }
}

/// `bytes` as an `ArrayBuffer` of their own, to transfer.
fn buffer_of(bytes: &[u8]) -> ArrayBuffer {
    let array = Uint8Array::new_with_length(bytes.len() as u32);
    array.copy_from(bytes);
    array.buffer()
}

/// Posts `frame` to `to` (a worker, or this worker's creator), transferring its buffer.
fn post_frame(frame: &[u8], post: impl FnOnce(&JsValue, &JsValue) -> Result<(), JsValue>) {
    let buffer = buffer_of(frame);
    // Transfer fails only for a detached buffer, which this fresh one is not.
    let _ = post(&buffer, &js_sys::Array::of1(&buffer));
}

/// The mean of `n` round trips that took `ms` in all, in ns.
fn mean_ns(ms: f64, n: u32) -> u64 {
    (ms * 1e6 / f64::from(n.max(1))) as u64
}

/// Runs `f` on the worker's state in `key`, if it has any.
fn with<T: 'static>(key: &'static LocalKey<RefCell<Option<T>>>, f: impl FnOnce(&mut T)) {
    key.with(|cell| {
        if let Some(state) = cell.borrow_mut().as_mut() {
            f(state);
        }
    });
}

// ---------------------------------------------------------------------------------------
// The hub.

struct Hub {
    /// The run, once every executor is ready (its clock starts then).
    rt: Option<HubDriver>,
    request: RunRequest,
    /// The compiled source (every executor compiles its own copy).
    program: Rc<Program>,
    epoch_ns: u64,
    /// The executors, their shared memory and the floor measured on them.
    crew: Crew,
    stream: OutputStream,
    /// The pending wake-up (see [`Hub::wake`]) is for this time (run's clock, ns), if any.
    wake_at: Option<u64>,
    ended: bool,
    turns: Turns,
}

/// A run's executors as the hub prepares them, ahead of the run ([`warm`]) or for it: they
/// load, the hub times round trips to executor 1 (the transport's floor on this browser, which
/// the run's summary reports), and they compile the run's source. Once all have, the run
/// begins.
struct Crew {
    procs: u32,
    /// Executor `w` (workers 1 and up) at `w - 1`.
    executors: Vec<Executor>,
    /// The shared memory, when the page may share it.
    rings: Option<Rings>,
    /// Round trips under way.
    pings: Option<Pings>,
    floor: Option<Floor>,
    /// The run's source was sent to the executors to compile ([`Request::Execute`]).
    executing: bool,
}

/// Round trips timed to executor 1, by message and, on the last, through shared memory. They
/// are timed as a whole: a page that is not cross-origin isolated reads a clock coarsened to
/// 0.1 ms.
struct Pings {
    /// When the first left (ms).
    at: f64,
    answered: u32,
}
/// The hub's view of one executor worker.
struct Executor {
    worker: Worker,
    ready: bool,
    /// It compiled the run's source (see [`Request::Execute`]).
    compiled: bool,
    /// Shared memory: its ring to the hub, and the hub's to it.
    pipes: Option<(Pipe, Pipe)>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static HUB: RefCell<Option<Hub>> = const { RefCell::new(None) };
    /// Executors started ahead of the run (see [`warm`]).
    static WARM: RefCell<Option<Crew>> = const { RefCell::new(None) };
}

/// Starts real-mode run `req`, whose source compiled to `program`, with this worker as its
/// hub.
pub fn start_hub(req: RunRequest, program: Rc<Program>) {
    let procs = req.clamped_procs();
    if HUB.with(|h| h.borrow().is_some()) {
        return post(&Response::Failed(
            "this worker is already running a real-mode run".to_string(),
        ));
    }
    set_wall_clock(epoch_clock);
    // The executors started ahead of the run (`warm`) serve it if they are as many.
    let crew = match WARM.with(|w| w.borrow_mut().take()) {
        Some(crew) if crew.procs == procs => crew,
        other => {
            other.into_iter().for_each(Crew::retire);
            match Crew::start(procs) {
                Ok(crew) => crew,
                Err(why) => return post(&Response::Failed(why)),
            }
        }
    };
    let hub = Hub {
        rt: None,
        request: req,
        program,
        epoch_ns: 0,
        crew,
        stream: OutputStream::new(now_ms()),
        wake_at: None,
        ended: false,
        turns: Turns::new(|| with_hub(Hub::pump)),
    };
    HUB.with(|h| *h.borrow_mut() = Some(hub));
    if procs == 1 {
        super::host::settle();
        with_hub(Hub::begin);
    } else {
        with_hub(Hub::prepare);
    }
    heartbeat();
}

/// Tells the page the run goes on, every [`HEARTBEAT_MS`] until it ends, whether the hub is
/// busy or waits for a timer.
fn heartbeat() {
    with_hub(|hub| {
        if hub.ended {
            return;
        }
        let elapsed = if hub.rt.is_some() { hub.now() } else { 0 };
        hub.stream.heartbeat(elapsed);
        later(HEARTBEAT_MS, heartbeat);
    });
}

/// Starts, ahead of a real-mode run, the executors of a run on `procs` workers, which settle
/// as they start, times round trips to them once they are ready, and settles this worker, the
/// run's hub: so that the run waits neither for them to load, nor to settle, nor for its floor
/// to be measured (the page asks this of its spare worker).
pub fn warm(procs: u32) {
    if HUB.with(|h| h.borrow().is_some()) {
        return;
    }
    set_wall_clock(epoch_clock);
    let procs = procs.clamp(1, MAX_PROCS);
    WARM.with(|w| {
        let mut warm = w.borrow_mut();
        if warm.as_ref().is_some_and(|crew| crew.procs == procs) {
            return;
        }
        warm.take().into_iter().for_each(Crew::retire);
        // Executors that cannot start now are tried again by the run, which reports why.
        *warm = Crew::start(procs).ok();
    });
    super::host::settle();
}

/// A run that will use the executors started ahead of it (same processors, floor measured)
/// has them compile its source now, while this worker compiles its own copy.
pub fn execute_early(req: &RunRequest) {
    WARM.with(|w| {
        if let Some(crew) = w.borrow_mut().as_mut() {
            if crew.procs == req.clamped_procs() && crew.prepared() {
                crew.execute(req);
            }
        }
    });
}

/// The run that [`execute_early`] sent did not start (its source did not compile here): the
/// executors compiling it stop, so that no later run begins on what they compiled.
pub fn cancel_early() {
    WARM.with(|w| {
        let mut warm = w.borrow_mut();
        if warm.as_ref().is_some_and(|crew| crew.executing) {
            warm.take().into_iter().for_each(Crew::retire);
        }
    });
}

/// The prefix of an executor's worker name (see [`spawn_executor`]).
const EXECUTOR_NAME: &str = "chanlab executor";

/// Whether this worker was started as an executor of a real-mode run.
pub fn is_executor() -> bool {
    scope().name().starts_with(EXECUTOR_NAME)
}

/// A message from executor `w`: the hub's, or before the run an executor warming up.
fn on_executor_message(w: usize, message: FromExecutor) {
    if HUB.with(|h| h.borrow().is_some()) {
        return with_hub(|hub| hub.on_message(w, message));
    }
    WARM.with(|warm| {
        let mut warm = warm.borrow_mut();
        let Some(crew) = warm.as_mut() else {
            return;
        };
        match message {
            FromExecutor::Ready => crew.ready(w),
            FromExecutor::Pong => crew.pong(),
            // The run starts fresh ones, and reports it if they fail too.
            _ => warm.take().into_iter().for_each(Crew::retire),
        }
    });
}

impl Crew {
    /// Starts the executors of a run on `procs` workers.
    fn start(procs: u32) -> Result<Crew, String> {
        let script = scope().location().href();
        let mut executors = Vec::new();
        for w in 1..procs as usize {
            match spawn_executor(&script, w) {
                Ok(e) => executors.push(e),
                Err(why) => {
                    executors.into_iter().for_each(Executor::retire);
                    return Err(why);
                }
            }
        }
        let rings = Rings::new(procs);
        if let Some(rings) = &rings {
            for (e, w) in executors.iter_mut().zip(1..) {
                e.pipes = Some((rings.pipe(w, Way::ToHub), rings.pipe(w, Way::ToExecutor)));
            }
        }
        Ok(Crew {
            procs,
            executors,
            rings,
            pings: None,
            floor: None,
            executing: false,
        })
    }

    fn all_ready(&self) -> bool {
        self.executors.iter().all(|e| e.ready)
    }

    /// Every executor is ready and the floor measured: they may compile a run's source.
    fn prepared(&self) -> bool {
        self.floor.is_some() && self.all_ready()
    }

    /// Executor `w` loaded: it gets the shared memory (kept until `Begin`), and once all
    /// have loaded the round trips begin.
    fn ready(&mut self, w: usize) {
        let e = &mut self.executors[w - 1];
        e.ready = true;
        if let Some(rings) = &self.rings {
            let _ = e.worker.post_message(&rings.buffer());
        }
        if self.all_ready() && self.floor.is_none() && self.pings.is_none() {
            self.pings = Some(Pings {
                at: now_ms(),
                answered: 0,
            });
            self.ping();
        }
    }

    fn ping(&self) {
        let Some(pings) = &self.pings else {
            return;
        };
        // The last ping asks for the shared-memory round trips too.
        let last = pings.answered + 1 == PINGS;
        let shared = if self.rings.is_some() && last {
            PINGS
        } else {
            0
        };
        send(&self.executors[0].worker, &Request::Ping { shared });
    }

    /// Executor 1 answered a ping: pings again, or times the shared-memory round trips and
    /// has the floor.
    fn pong(&mut self) {
        let Some(pings) = self.pings.as_mut() else {
            return;
        };
        pings.answered += 1;
        if pings.answered < PINGS {
            return self.ping();
        }
        let message_ns = mean_ns(now_ms() - pings.at, PINGS);
        let shared_ns = self.rings.as_ref().map(|rings| {
            let at = now_ms();
            for _ in 0..PINGS {
                let seen = rings.doorbell(0);
                rings.ring(1);
                rings.wait(0, seen, 100.0);
            }
            mean_ns(now_ms() - at, PINGS)
        });
        self.pings = None;
        self.floor = Some(Floor {
            transport: if shared_ns.is_some() {
                Transport::SharedMemory
            } else {
                Transport::Messages
            },
            message_ns,
            shared_ns,
        });
    }

    /// Sends every executor the run, to compile.
    fn execute(&mut self, run: &RunRequest) {
        for (e, w) in self.executors.iter().zip(1..) {
            let execute = Request::Execute(ExecuteRequest {
                run: run.clone(),
                worker: w,
                procs: self.procs,
            });
            send(&e.worker, &execute);
        }
        self.executing = true;
    }

    fn retire(self) {
        self.executors.into_iter().for_each(Executor::retire);
    }
}

impl Executor {
    /// Stops the worker; what it sent and the hub has not read yet is dropped.
    fn retire(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

fn with_hub(f: impl FnOnce(&mut Hub)) {
    with(&HUB, f);
}

fn spawn_executor(script: &str, w: usize) -> Result<Executor, String> {
    // Named, so the browser's tools list the run's threads by what they are.
    let options = WorkerOptions::new();
    options.set_name(&format!("{EXECUTOR_NAME} {w}"));
    let worker = Worker::new_with_options(script, &options).map_err(|e| {
        format!(
            "could not start executor {w}: {}",
            e.as_string().unwrap_or_default()
        )
    })?;
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if let Some(buffer) = data.dyn_ref::<ArrayBuffer>() {
            let frame = Uint8Array::new(buffer).to_vec();
            return with_hub(|hub| hub.on_frame(w, &frame));
        }
        let message = data
            .as_string()
            .and_then(|text| serde_json::from_str::<FromExecutor>(&text).ok())
            .unwrap_or_else(|| FromExecutor::Failed("an unreadable message".to_string()));
        on_executor_message(w, message);
    });
    let onerror = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        let why = super::crash_text(&format!("real mode's worker {w}"), &event.message());
        if HUB.with(|h| h.borrow().is_some()) {
            return with_hub(|hub| hub.on_crash(why));
        }
        on_executor_message(w, FromExecutor::Failed(why));
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    Ok(Executor {
        worker,
        ready: false,
        compiled: false,
        pipes: None,
        _onmessage: onmessage,
        _onerror: onerror,
    })
}

fn send(worker: &Worker, request: &Request) {
    if let Ok(text) = serde_json::to_string(request) {
        let _ = worker.post_message(&JsValue::from_str(&text));
    }
}

/// Sends executor `w` the hub's frame for it.
fn send_frame(e: &mut Executor, rings: Option<&Rings>, w: u32, messages: &[ToExecutor]) {
    let frame = encode(messages);
    match (&mut e.pipes, rings) {
        (Some((_, to)), Some(rings)) => {
            to.send(&frame);
            rings.ring(w);
        }
        _ => post_frame(&frame, |b, t| e.worker.post_message_with_transfer(b, t)),
    }
}

impl Hub {
    fn on_message(&mut self, w: usize, message: FromExecutor) {
        if self.ended {
            return;
        }
        match message {
            FromExecutor::Ready => self.crew.ready(w),
            FromExecutor::Compiled => self.crew.executors[w - 1].compiled = true,
            FromExecutor::Pong => self.crew.pong(),
            FromExecutor::Limit(limit) => {
                if let Some(rt) = self.rt.as_mut() {
                    rt.stop(limit);
                }
                return self.pump();
            }
            FromExecutor::Failed(why) => return self.fail(w, why),
        }
        self.prepare();
    }

    /// An executor's frame arrived by message.
    fn on_frame(&mut self, w: usize, frame: &[u8]) {
        if self.ended {
            return;
        }
        match decode::<ToHub>(frame) {
            Ok(ops) => {
                if let Some(rt) = self.rt.as_mut() {
                    rt.deliver(ops);
                }
                if self.turns.arrived() {
                    self.pump();
                }
            }
            Err(why) => self.fail(w, format!("an unreadable frame: {why}")),
        }
    }

    fn fail(&mut self, w: usize, why: String) {
        self.on_crash(format!(
            "real mode's worker {w} failed, so the run ended: {why}"
        ));
    }

    /// An executor failed (`why` says which and how): the run ends with it.
    fn on_crash(&mut self, why: String) {
        if self.ended {
            return;
        }
        self.end();
        post(&Response::Failed(why));
    }

    /// Takes the run's preparation as far as it can go: once every executor is ready and the
    /// floor measured, they compile the source, and once all have, the run begins.
    fn prepare(&mut self) {
        let crew = &mut self.crew;
        if self.rt.is_some() || !crew.prepared() {
            return;
        }
        if !crew.executing {
            return crew.execute(&self.request);
        }
        if crew.executors.iter().all(|e| e.compiled) {
            // After the executors, not with them: settling takes the processors.
            super::host::settle();
            self.begin();
        }
    }

    /// Every executor is ready: the run and its clock start.
    fn begin(&mut self) {
        self.epoch_ns = wall_ns();
        self.stream = OutputStream::new(now_ms());
        let program = golang::real::executor(self.program.clone());
        let mut rt = HubDriver::new(
            self.request.seed,
            self.crew.procs,
            self.epoch_ns,
            MAX_RUN_NS,
            program,
        );
        rt.set_memory(golang::real::hub_memory(self.crew.procs));
        // The hub runs the program's goroutines too: its timers send the program's values.
        rt.runtime().use_host_values::<golang::vm::value::Value>();
        if let Some(rings) = self.crew.rings.clone() {
            // A frame that arrives during a turn ends it: its goroutine waits.
            rt.set_arrivals(Box::new(move || rings.doorbell(0)));
        }
        self.rt = Some(rt);
        let start = Request::Begin {
            epoch_ns: self.epoch_ns,
        };
        for e in &self.crew.executors {
            send(&e.worker, &start);
        }
        self.pump();
    }

    /// Runs until nothing can run or the budget is spent, sending what the executors need.
    /// With shared memory, goes on for [`SHARED_SLICE_MS`]: it reads the rings, and waits on
    /// its doorbell while nothing can run.
    fn pump(&mut self) {
        self.turns.begin();
        let slice_end = now_ms() + SHARED_SLICE_MS;
        loop {
            if self.rt.is_none() || self.ended {
                return;
            }
            let seen = self.crew.rings.as_ref().map_or(0, |r| r.doorbell(0));
            self.receive_shared();
            match self.turn() {
                Progress::Done(report) => {
                    self.end();
                    let mut trace =
                        TraceData::from_trace(&report.trace, report.end_ns, self.crew.procs);
                    // The lanes name the source's functions: their lines are the program's.
                    trace.set_lines(|func| self.program.decl_line(func));
                    self.stream.finish(&report, &trace, self.crew.floor);
                    return;
                }
                Progress::Idle(next) => {
                    let left = slice_end - now_ms();
                    // A frame that did not fit in its ring goes on soon.
                    let backlog = self
                        .crew
                        .executors
                        .iter()
                        .any(|e| e.pipes.as_ref().is_some_and(|(_, to)| to.pending()));
                    let left = if backlog { left.min(BACKLOG_MS) } else { left };
                    match &self.crew.rings {
                        Some(rings) if left > 0.0 => {
                            let timeout = next.map_or(left, |at| {
                                (at.saturating_sub(self.now()) as f64 / 1e6).min(left)
                            });
                            rings.wait_spinning(0, seen, SPIN_MS, timeout, now_ms);
                            continue;
                        }
                        Some(_) => self.turns.again(),
                        None => {
                            if let Some(at) = next {
                                self.wake(at);
                            }
                        }
                    }
                }
                Progress::Running if self.crew.rings.is_some() && now_ms() < slice_end => continue,
                Progress::Running => self.turns.again(),
            }
            break;
        }
    }

    /// Shared memory: delivers the frames in the executors' rings.
    fn receive_shared(&mut self) {
        let Some(rt) = self.rt.as_mut() else {
            return;
        };
        let mut failed = None;
        for (e, w) in self.crew.executors.iter_mut().zip(1..) {
            let Some((from, to)) = &mut e.pipes else {
                continue;
            };
            to.write_backlog();
            for frame in from.receive() {
                match decode::<ToHub>(&frame) {
                    Ok(ops) => rt.deliver(ops),
                    Err(why) => failed = Some((w, format!("an unreadable frame: {why}"))),
                }
            }
        }
        if let Some((w, why)) = failed {
            self.fail(w, why);
        }
    }

    /// One turn of the run, sending each executor its frame.
    fn turn(&mut self) -> Progress {
        let until = self.now() + TURN_NS;
        let Some(rt) = self.rt.as_mut() else {
            return Progress::Idle(None);
        };
        let (executors, rings) = (&mut self.crew.executors, self.crew.rings.as_ref());
        let progress = rt.turn(u64::MAX, until, |w, frame| {
            send_frame(&mut executors[w - 1], rings, w as u32, &frame)
        });
        if !matches!(progress, Progress::Done(_)) {
            self.stream.tick(rt.runtime());
        }
        progress
    }

    /// Makes sure the hub runs again when the timer due at `at` (run's clock) fires.
    fn wake(&mut self, at: u64) {
        let ms = at.saturating_sub(self.now()) as f64 / 1e6;
        if ms < ALARM_EARLY_MS {
            // Browsers' timers are late by a few ms: the last stretch goes by message.
            self.turns.again();
            return;
        }
        if self.wake_at.is_some_and(|w| w <= at) {
            return;
        }
        self.wake_at = Some(at);
        // The timer pumps from a message, not from its own callback: timers set from timer
        // callbacks are held back (browsers clamp nested timeouts to 4 ms).
        later(ms - ALARM_EARLY_MS, || {
            with_hub(|hub| {
                hub.wake_at = None;
                hub.turns.again();
            })
        });
    }

    fn now(&self) -> u64 {
        wall_ns().saturating_sub(self.epoch_ns)
    }

    /// Stops every executor.
    fn end(&mut self) {
        self.ended = true;
        for e in &self.crew.executors {
            e.worker.terminate();
        }
    }
}

// ---------------------------------------------------------------------------------------
// An executor.

struct Exec {
    rt: ExecutorDriver,
    worker: u32,
    epoch_ns: u64,
    turns: Turns,
    /// Shared memory: the hub's ring to this executor.
    from_hub: Option<Pipe>,
}

/// How an executor sends its frames: by message, or into its ring to the hub.
enum ToHubWay {
    Messages,
    Shared(Rings, Pipe),
}

thread_local! {
    static EXEC: RefCell<Option<Exec>> = const { RefCell::new(None) };
    /// Kept apart from `EXEC`: a goroutine about to compute sends from within a turn.
    static TO_HUB: RefCell<ToHubWay> = const { RefCell::new(ToHubWay::Messages) };
    /// The shared memory the hub posted before `Begin`.
    static SHARED: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// The run this executor compiled, until it begins.
    static COMPILED: RefCell<Option<(ExecuteRequest, Rc<Program>)>> = const { RefCell::new(None) };
}

fn post_to_hub(message: &FromExecutor) {
    if let Ok(text) = serde_json::to_string(message) {
        let _ = scope().post_message(&JsValue::from_str(&text));
    }
}

/// Sends the hub what the executor's goroutines asked.
fn send_ops(ops: ToHub) {
    let frame = encode(&ops);
    TO_HUB.with(|way| match &mut *way.borrow_mut() {
        ToHubWay::Messages => post_frame(&frame, |b, t| scope().post_message_with_transfer(b, t)),
        ToHubWay::Shared(rings, pipe) => {
            pipe.send(&frame);
            rings.ring(0);
        }
    });
}

/// A message to this worker that is real mode's and not JSON: a frame from the hub, or the
/// run's shared memory. Returns whether it was one.
pub fn executor_message(data: &JsValue) -> bool {
    if Rings::is_buffer(data) {
        SHARED.with(|s| *s.borrow_mut() = Some(data.clone()));
        return true;
    }
    let Some(buffer) = data.dyn_ref::<ArrayBuffer>() else {
        return false;
    };
    let frame = Uint8Array::new(buffer).to_vec();
    with(&EXEC, |exec| match decode::<Vec<ToExecutor>>(&frame) {
        Ok(messages) => exec.deliver(messages),
        Err(why) => post_to_hub(&FromExecutor::Failed(format!("an unreadable frame: {why}"))),
    });
    true
}

/// The hub's ping: answers, then echoes `shared` rings of the hub's doorbell.
pub fn executor_ping(shared: u32) {
    // Executor 1's doorbell, read before the hub can ring it.
    let rings = SHARED.with(|s| s.borrow().clone()).map(|b| Rings::of(b, 2));
    let mut seen = rings.as_ref().map_or(0, |r| r.doorbell(1));
    post_to_hub(&FromExecutor::Pong);
    let Some(rings) = rings else {
        return;
    };
    for _ in 0..shared {
        rings.wait(1, seen, 100.0);
        seen = rings.doorbell(1);
        rings.ring(0);
    }
}

/// Prepares to be executor `req.worker` of a real-mode run: compiles the run's source (the
/// hub did, so it compiles), settles (`super::host::settle`) and says so; the run begins with
/// [`begin_executor`].
pub fn start_executor(req: ExecuteRequest) {
    if req.worker == 0 || req.worker >= req.procs {
        return post_to_hub(&FromExecutor::Failed("no such executor".to_string()));
    }
    let program = match source::compile(&req.run.source) {
        Ok(Compiled::Program(program, _)) => program,
        Ok(Compiled::Errors { .. }) => {
            return post_to_hub(&FromExecutor::Failed(
                "the program does not compile".to_string(),
            ))
        }
        Err(why) => return post_to_hub(&FromExecutor::Failed(why)),
    };
    COMPILED.with(|c| *c.borrow_mut() = Some((req, program)));
    super::host::settle();
    post_to_hub(&FromExecutor::Compiled);
}

/// The run this executor compiled began at wall-clock time `epoch_ns`: runs its goroutines.
pub fn begin_executor(epoch_ns: u64) {
    let Some((req, program)) = COMPILED.with(|c| c.borrow_mut().take()) else {
        return post_to_hub(&FromExecutor::Failed(
            "the run began before its source was compiled".to_string(),
        ));
    };
    set_wall_clock(epoch_clock);
    let rings = SHARED
        .with(|s| s.borrow_mut().take())
        .map(|b| Rings::of(b, req.procs));
    let from_hub = rings.as_ref().map(|r| r.pipe(req.worker, Way::ToExecutor));
    if let Some(rings) = rings {
        let pipe = rings.pipe(req.worker, Way::ToHub);
        TO_HUB.with(|way| *way.borrow_mut() = ToHubWay::Shared(rings, pipe));
    }
    let seed = req.run.seed;
    let run = (seed, req.procs, epoch_ns, MAX_RUN_NS);
    let rt = ExecutorDriver::new(
        req.worker,
        run,
        golang::real::executor(program),
        Some(Box::new(send_ops)),
    );
    let exec = Exec {
        rt,
        worker: req.worker,
        epoch_ns,
        turns: Turns::new(|| with(&EXEC, Exec::pump)),
        from_hub,
    };
    let shared = exec.from_hub.is_some();
    EXEC.with(|e| *e.borrow_mut() = Some(exec));
    if shared {
        with(&EXEC, Exec::pump);
    }
}

impl Exec {
    /// The hub's frame arrived by message.
    fn deliver(&mut self, frame: Vec<ToExecutor>) {
        if let Err(why) = self.rt.deliver(frame) {
            return post_to_hub(&FromExecutor::Failed(why));
        }
        if self.turns.arrived() {
            self.pump();
        }
    }

    /// Runs the goroutines until all wait for the hub (or its turn is over), then sends what
    /// they asked, in one frame. With shared memory, goes on for [`SHARED_SLICE_MS`]: it
    /// reads its ring, and waits on its doorbell while every goroutine waits for the hub.
    fn pump(&mut self) {
        self.turns.begin();
        let slice_end = now_ms() + SHARED_SLICE_MS;
        loop {
            let rings = TO_HUB.with(|way| match &*way.borrow() {
                ToHubWay::Shared(rings, _) => Some(rings.clone()),
                ToHubWay::Messages => None,
            });
            let seen = rings.as_ref().map_or(0, |r| r.doorbell(self.worker));
            if let Some(from_hub) = &mut self.from_hub {
                TO_HUB.with(|way| {
                    if let ToHubWay::Shared(_, pipe) = &mut *way.borrow_mut() {
                        pipe.write_backlog();
                    }
                });
                for frame in from_hub.receive() {
                    let delivered = decode::<Vec<ToExecutor>>(&frame)
                        .map_err(|why| format!("an unreadable frame: {why}"))
                        .and_then(|messages| self.rt.deliver(messages));
                    if let Err(why) = delivered {
                        return post_to_hub(&FromExecutor::Failed(why));
                    }
                }
            }
            let until = wall_ns().saturating_sub(self.epoch_ns) + TURN_NS;
            let progress = self.rt.turn(u64::MAX, until, send_ops);
            let backlog = TO_HUB.with(|way| match &*way.borrow() {
                ToHubWay::Shared(_, pipe) => pipe.pending(),
                ToHubWay::Messages => false,
            });
            let left = slice_end - now_ms();
            let left = if backlog { left.min(BACKLOG_MS) } else { left };
            match (progress, rings) {
                (Err(Halt::Limit(limit)), _) => return post_to_hub(&FromExecutor::Limit(limit)),
                (Err(Halt::Failed(why)), _) => return post_to_hub(&FromExecutor::Failed(why)),
                (Ok(Progress::Running), Some(_)) if left > 0.0 => continue,
                (Ok(_), Some(rings)) if left > 0.0 => {
                    rings.wait_spinning(self.worker, seen, SPIN_MS, left, now_ms);
                    continue;
                }
                (Ok(Progress::Running), None) | (Ok(_), Some(_)) => self.turns.again(),
                (Ok(_), None) => {}
            }
            break;
        }
    }
}
