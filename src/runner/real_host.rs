//! Real mode on Web Workers: the workers, their messages and their turns. What a hub and an
//! executor do with their turns is `crate::rt::real`'s ([`HubDriver`], [`ExecutorDriver`]).
//!
//! The worker the page gives a real-mode run becomes its *hub*: it starts `procs` workers of
//! its own (the same script), one per executor, and tells each its index with
//! [`Request::Execute`] once it is ready. From then on the hub and the executors exchange
//! [`Request::Frame`]s (goroutines to start, answers) and [`FromExecutor::Ops`] (operations),
//! one message per executor per tick in each direction. Nothing here blocks: the hub and the
//! executors run until they have nothing to do, then return to their event loops, where the
//! next message or timer finds them.
//!
//! Stopping is the page terminating the hub: a worker's own workers end with it. A worker
//! that fails ends the run with its message.
//!
//! The clock of every worker is `performance.timeOrigin + performance.now()`, so the times
//! they report are on one axis.

use std::cell::RefCell;
use std::thread::LocalKey;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageChannel, MessageEvent, Performance, Worker};

use super::host::{now_ms, post, scope, OutputStream};
use crate::protocol::{ExecuteRequest, FromExecutor, Request, Response, RunRequest, HEARTBEAT_MS};
use crate::rt::real::{ExecutorDriver, Halt, HubDriver, ToExecutor};
use crate::rt::{set_wall_clock, wall_ns, Progress};

/// Wall-clock ns a worker runs before it lets its event loop deliver its messages.
const TURN_NS: u64 = 1_000_000;
/// How early the hub sets its timer before the run's next timer is due (see `Hub::wake`).
const ALARM_EARLY_MS: f64 = 2.0;
/// A message that arrives this many ms after the last turn is answered at once; one that
/// arrives sooner waits for the messages behind it (see `Turns`).
const QUIET_MS: f64 = 0.2;
/// The longest real-mode run.
const MAX_RUN_NS: u64 = crate::rt::limits::REAL_WALL_NS;

thread_local! {
    static PERFORMANCE: Option<(Performance, f64)> =
        scope().performance().map(|p| { let origin = p.time_origin(); (p, origin) });
}

/// `performance.timeOrigin + performance.now()`, in ns: the same axis in every worker.
fn epoch_clock() -> u64 {
    PERFORMANCE.with(|p| {
        p.as_ref()
            .map_or(0, |(p, origin)| ((origin + p.now()) * 1e6) as u64)
    })
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
/// while it is quiet; after the messages already waiting when it is busy, so that busy
/// traffic travels in batches; and again after its turn when it had to stop.
struct Turns {
    /// A turn is due from the event loop.
    due: bool,
    /// When the last turn ended (ms).
    ended_at: f64,
    /// The turn, from a timer (when a message channel is not available).
    turn: fn(),
    resume: Option<Resume>,
}

impl Turns {
    fn new(turn: fn()) -> Self {
        Turns {
            due: false,
            ended_at: 0.0,
            turn,
            resume: Resume::new(turn),
        }
    }

    /// A message arrived: true if the turn is to be taken now.
    fn arrived(&mut self) -> bool {
        if self.due {
            return false;
        }
        if now_ms() - self.ended_at >= QUIET_MS {
            return true;
        }
        self.again();
        false
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

    fn end(&mut self) {
        self.ended_at = now_ms();
    }
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
    procs: u32,
    request: RunRequest,
    epoch_ns: u64,
    executors: Vec<Executor>,
    stream: OutputStream,
    /// The pending wake-up (see [`Hub::wake`]) is for this time (run's clock, ns), if any.
    wake_at: Option<u64>,
    ended: bool,
    turns: Turns,
}

/// The hub's view of one executor worker.
struct Executor {
    worker: Worker,
    ready: bool,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static HUB: RefCell<Option<Hub>> = const { RefCell::new(None) };
}

/// Starts real-mode run `req` with this worker as its hub.
pub fn start_hub(req: RunRequest) {
    if HUB.with(|h| h.borrow().is_some()) {
        return post(&Response::Failed(
            "this worker is already running a real-mode run".to_string(),
        ));
    }
    let (_, _, procs) = match req.prepare() {
        Ok(prepared) => prepared,
        Err(why) => return post(&Response::Failed(why)),
    };
    set_wall_clock(epoch_clock);
    let script = scope().location().href();
    let mut executors = Vec::new();
    for w in 0..procs as usize {
        match spawn_executor(&script, w) {
            Ok(e) => executors.push(e),
            Err(why) => {
                for e in &executors {
                    e.worker.terminate();
                }
                return post(&Response::Failed(why));
            }
        }
    }
    let hub = Hub {
        rt: None,
        procs,
        request: req,
        epoch_ns: 0,
        executors,
        stream: OutputStream::new(now_ms()),
        wake_at: None,
        ended: false,
        turns: Turns::new(|| with_hub(Hub::pump)),
    };
    HUB.with(|h| *h.borrow_mut() = Some(hub));
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

fn with_hub(f: impl FnOnce(&mut Hub)) {
    with(&HUB, f);
}

fn spawn_executor(script: &str, w: usize) -> Result<Executor, String> {
    let worker = Worker::new(script).map_err(|e| {
        format!(
            "could not start executor {w}: {}",
            e.as_string().unwrap_or_default()
        )
    })?;
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = event
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<FromExecutor>(&text).ok())
            .unwrap_or_else(|| FromExecutor::Failed("an unreadable message".to_string()));
        with_hub(|hub| hub.on_message(w, message));
    });
    let onerror = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        let why = super::crash_text(&format!("real mode's worker {w}"), &event.message());
        with_hub(|hub| hub.on_crash(why));
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    Ok(Executor {
        worker,
        ready: false,
        _onmessage: onmessage,
        _onerror: onerror,
    })
}

fn send(worker: &Worker, request: &Request) {
    if let Ok(text) = serde_json::to_string(request) {
        let _ = worker.post_message(&JsValue::from_str(&text));
    }
}

impl Hub {
    fn on_message(&mut self, w: usize, message: FromExecutor) {
        if self.ended {
            return;
        }
        match message {
            FromExecutor::Ready => {
                self.executors[w].ready = true;
                if self.executors.iter().all(|e| e.ready) {
                    self.begin();
                }
            }
            FromExecutor::Ops(ops) => {
                if let Some(rt) = self.rt.as_mut() {
                    rt.deliver(ops);
                }
                if self.turns.arrived() {
                    self.pump();
                }
            }
            FromExecutor::Limit(limit) => {
                if let Some(rt) = self.rt.as_mut() {
                    rt.stop(limit);
                }
                self.pump();
            }
            FromExecutor::Failed(why) => self.on_crash(format!(
                "real mode's worker {w} failed, so the run ended: {why}"
            )),
        }
    }

    /// An executor failed (`why` says which and how): the run ends with it.
    fn on_crash(&mut self, why: String) {
        if self.ended {
            return;
        }
        self.end();
        post(&Response::Failed(why));
    }

    /// Every executor is ready: the run and its clock start.
    fn begin(&mut self) {
        self.epoch_ns = wall_ns();
        self.stream = OutputStream::new(now_ms());
        let rt = HubDriver::new(self.request.seed, self.procs, self.epoch_ns, MAX_RUN_NS);
        self.rt = Some(rt);
        for (w, e) in self.executors.iter().enumerate() {
            let execute = Request::Execute(ExecuteRequest {
                run: self.request.clone(),
                worker: w as u32,
                procs: self.procs,
                epoch_ns: self.epoch_ns,
            });
            send(&e.worker, &execute);
        }
        self.pump();
    }

    /// Runs until nothing can run or the budget is spent, sending what the executors need.
    fn pump(&mut self) {
        self.turns.begin();
        let until = self.now() + TURN_NS;
        let Some(rt) = self.rt.as_mut().filter(|_| !self.ended) else {
            return;
        };
        // Each executor's frame for this tick.
        let executors = &self.executors;
        let progress = rt.turn(u64::MAX, until, |w, frame| {
            send(&executors[w].worker, &Request::Frame(frame))
        });
        match progress {
            Progress::Done(report) => {
                self.end();
                self.stream.finish(&report, self.procs);
            }
            Progress::Idle(next) => {
                self.stream.tick(rt.runtime());
                if let Some(at) = next {
                    self.wake(at);
                }
            }
            Progress::Running => {
                self.stream.tick(rt.runtime());
                self.turns.again();
            }
        }
        self.turns.end();
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
        for e in &self.executors {
            e.worker.terminate();
        }
    }
}

// ---------------------------------------------------------------------------------------
// An executor.

struct Exec {
    rt: ExecutorDriver,
    epoch_ns: u64,
    turns: Turns,
}

thread_local! {
    static EXEC: RefCell<Option<Exec>> = const { RefCell::new(None) };
}

fn post_to_hub(message: &FromExecutor) {
    if let Ok(text) = serde_json::to_string(message) {
        let _ = scope().post_message(&JsValue::from_str(&text));
    }
}

/// Becomes executor `req.worker` of a real-mode run.
pub fn start_executor(req: ExecuteRequest) {
    let (pattern, params, _) = match req.run.prepare() {
        Ok(prepared) => prepared,
        Err(why) => return post_to_hub(&FromExecutor::Failed(why)),
    };
    if req.worker >= req.procs {
        return post_to_hub(&FromExecutor::Failed("no such executor".to_string()));
    }
    set_wall_clock(epoch_clock);
    let seed = req.run.seed;
    let run = (seed, req.procs, req.epoch_ns, MAX_RUN_NS);
    let rt = ExecutorDriver::new(
        req.worker,
        run,
        pattern.real_program(params, seed),
        Some(Box::new(|ops| post_to_hub(&FromExecutor::Ops(ops)))),
    );
    let exec = Exec {
        rt,
        epoch_ns: req.epoch_ns,
        turns: Turns::new(|| with(&EXEC, Exec::pump)),
    };
    EXEC.with(|e| *e.borrow_mut() = Some(exec));
}

/// The hub's frame arrived.
pub fn executor_frame(frame: Vec<ToExecutor>) {
    with(&EXEC, |exec| {
        if let Err(why) = exec.rt.deliver(frame) {
            return post_to_hub(&FromExecutor::Failed(why));
        }
        if exec.turns.arrived() {
            exec.pump();
        }
    });
}

impl Exec {
    /// Runs the goroutines until all wait for the hub (or its turn is over), then sends what
    /// they asked, in one message.
    fn pump(&mut self) {
        self.turns.begin();
        let until = wall_ns().saturating_sub(self.epoch_ns) + TURN_NS;
        let progress = self
            .rt
            .turn(u64::MAX, until, |ops| post_to_hub(&FromExecutor::Ops(ops)));
        match progress {
            Ok(Progress::Running) => self.turns.again(),
            Ok(_) => {}
            Err(Halt::Limit(limit)) => post_to_hub(&FromExecutor::Limit(limit)),
            Err(Halt::Failed(why)) => post_to_hub(&FromExecutor::Failed(why)),
        }
        self.turns.end();
    }
}
