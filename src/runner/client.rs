//! The page's side: the worker that runs the current program, and a spare one loading.
//!
//! A worker runs one program and is then terminated; the next run gets a fresh worker, so no
//! state survives from one run to the next. A spare worker starts loading when the user heads
//! for Run ([`Runner::prepare`]) and after each run, so a Run usually finds one loaded; the
//! page's first screen never waits for, nor downloads, a worker, and a page of many embeds
//! starts none until one runs. Stopping terminates the worker at once, whatever it is doing.
//!
//! A worker can die under a run: a trap (its `error` event), or closed or hung without a
//! word. A running worker speaks at least every
//! [`HEARTBEAT_MS`](crate::protocol::HEARTBEAT_MS); one silent for [`SILENT_MS`], and still
//! silent a [`WATCH_MS`] later (long enough for messages queued behind a busy page to arrive),
//! is retired and its run ends with a message saying so; so is one given a run that has not
//! said it is ready [`LOAD_SILENT_MS`] after. The next run gets a fresh worker.
//!
//! # States of a worker slot
//! `loading` (spawned, no [`Response::Ready`] yet; a request waits in `pending`) → `ready` →
//! `running` (request posted) → retired (terminated). Messages from a retired worker are
//! ignored: each slot has an id and each run an id, and an event reaches the page only while
//! both still match.
//!
//! Output reaches the page at most every [`FLUSH_MS`]: what arrives in between is gathered by
//! a [`Batcher`], so a program that prints as fast as it can costs the page a bounded redraw a
//! few times a second, not one per message.
//!
//! # Invariants
//! - At most one slot is active (has a run) and at most one is spare.
//! - Gathered output is handed to the page before the run's trace, end or failure.
//! - A retired slot is terminated at once but dropped only outside its own callbacks (a
//!   closure must not be dropped while it runs), when the next command comes.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::RunnerEvent;
use crate::chart::data::Source;
use crate::protocol::{Request, Response, RunRequest, TraceData};
use crate::view::console::Batcher;

/// The least time between two output updates of the page, in ms.
const FLUSH_MS: f64 = 150.0;
/// How long a running worker may stay silent before it is suspected dead, in ms.
const SILENT_MS: f64 = 10.0 * crate::protocol::HEARTBEAT_MS;
/// How long a worker given a run may take to load (to say it is ready), in ms: its module
/// may come over a slow network.
const LOAD_SILENT_MS: f64 = 30_000.0;
/// How often the watchdog looks at the running worker, in ms.
const WATCH_MS: u32 = 1000;

/// Runs programs in Web Workers. Cloning gives another handle to the same runner.
#[derive(Clone)]
pub struct Runner {
    inner: Rc<RefCell<Inner>>,
}

type OnEvent = Rc<dyn Fn(u32, RunnerEvent)>;

struct Inner {
    script: String,
    on_event: OnEvent,
    active: Option<Slot>,
    spare: Option<Slot>,
    /// Terminated slots waiting to be dropped.
    retired: Vec<Slot>,
    /// Real mode's processors, when the page is in real mode: the spare worker settles and
    /// starts its executors ahead of the run (`Request::Warm`).
    warm: Option<u32>,
    next_slot: u64,
    /// Looks for a running worker that died silently; started with the first run, it lives
    /// as long as the runner (an interval must not be dropped from its own callback).
    watchdog: Option<gloo_timers::callback::Interval>,
}

struct Slot {
    id: u64,
    worker: Worker,
    ready: bool,
    /// The run this worker was given, if any.
    run: Option<u32>,
    /// The request to post once the worker is ready.
    pending: Option<String>,
    /// When the worker last said anything (ms), and whether it was found silent at the
    /// watchdog's last look.
    last_heard: f64,
    suspect: bool,
    /// Output received and not yet handed to the page.
    output: Batcher,
    /// When output was last handed to the page (ms).
    last_flush: f64,
    /// A flush is scheduled.
    flush_scheduled: bool,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
}

impl Slot {
    fn retire(self, retired: &mut Vec<Slot>) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        retired.push(self);
    }
}

impl Runner {
    /// A runner whose workers load `script`; `on_event(run, event)` hears from the runs. No
    /// worker loads until the first [`Runner::prepare`] or [`Runner::run`].
    pub fn new(script: &str, on_event: impl Fn(u32, RunnerEvent) + 'static) -> Self {
        Runner {
            inner: Rc::new(RefCell::new(Inner {
                script: script.to_string(),
                on_event: Rc::new(on_event),
                active: None,
                spare: None,
                retired: Vec::new(),
                warm: None,
                next_slot: 1,
                watchdog: None,
            })),
        }
    }

    /// Starts loading a worker for the next run, if none is loading or loaded: a run is
    /// likely soon.
    pub fn prepare(&self) {
        self.ensure_spare();
    }

    /// Starts run `run` of `req`, stopping any run in progress.
    pub fn run(&self, run: u32, req: &RunRequest) {
        self.stop();
        let text = match serde_json::to_string(&Request::Run(req.clone())) {
            Ok(text) => text,
            Err(e) => {
                let on_event = self.inner.borrow().on_event.clone();
                on_event(
                    run,
                    RunnerEvent::Failed(format!("could not encode the run: {e}")),
                );
                return;
            }
        };
        let spare = self.inner.borrow_mut().spare.take();
        let slot = match spare {
            Some(slot) => slot,
            None => match self.spawn() {
                Ok(slot) => slot,
                Err(why) => {
                    let on_event = self.inner.borrow().on_event.clone();
                    on_event(run, RunnerEvent::Failed(why));
                    return;
                }
            },
        };
        let mut slot = slot;
        slot.run = Some(run);
        slot.last_heard = now_ms();
        if slot.ready {
            post(&slot.worker, &text);
        } else {
            slot.pending = Some(text);
        }
        let mut inner = self.inner.borrow_mut();
        inner.active = Some(slot);
        if inner.watchdog.is_none() {
            let weak = Rc::downgrade(&self.inner);
            inner.watchdog = Some(gloo_timers::callback::Interval::new(WATCH_MS, move || {
                watch(&weak)
            }));
        }
    }

    /// Keeps the spare worker ready for real mode on `procs` workers (`None`: not real mode):
    /// settled, its executors started.
    pub fn warm(&self, procs: Option<u32>) {
        let mut inner = self.inner.borrow_mut();
        inner.warm = procs;
        if let (Some(procs), Some(spare)) = (inner.warm, &inner.spare) {
            if spare.ready {
                post_warm(&spare.worker, procs);
            }
        }
    }

    /// Ends the run in progress, if any, at once; a spare worker starts loading.
    pub fn stop(&self) {
        {
            let mut inner = self.inner.borrow_mut();
            let inner = &mut *inner;
            // Commands never come from a worker's callback, so the retired can go now.
            inner.retired.clear();
            if let Some(slot) = inner.active.take() {
                slot.retire(&mut inner.retired);
            }
        }
        self.ensure_spare();
    }

    fn ensure_spare(&self) {
        if self.inner.borrow().spare.is_some() {
            return;
        }
        // A worker that cannot be created now is tried again at the next run, which reports
        // the reason.
        if let Ok(slot) = self.spawn() {
            self.inner.borrow_mut().spare = Some(slot);
        }
    }

    fn spawn(&self) -> Result<Slot, String> {
        let (id, script) = {
            let mut inner = self.inner.borrow_mut();
            inner.next_slot += 1;
            (inner.next_slot, inner.script.clone())
        };
        let worker = Worker::new(&script)
            .map_err(|e| format!("could not start a worker: {}", js_text(&e)))?;
        let weak = Rc::downgrade(&self.inner);
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if let Some(buffer) = data.dyn_ref::<js_sys::ArrayBuffer>() {
                let received_ms = now_ms();
                // For the benchmark's profile (scripts/bench-timeline.mjs).
                if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = p.mark("chanlab:trace-received");
                }
                match read_trace(buffer) {
                    Some(trace) => on_trace(&weak, id, trace, received_ms),
                    None => {
                        web_sys::console::warn_1(&"chanlab: the run's trace is unreadable".into())
                    }
                }
                return;
            }
            let response = match data.as_string() {
                Some(text) => serde_json::from_str::<Response>(&text).unwrap_or_else(|e| {
                    Response::Failed(format!("unreadable worker message: {e}"))
                }),
                None => Response::Failed("the worker sent something that is not text".into()),
            };
            on_response(&weak, id, response);
        });
        let weak = Rc::downgrade(&self.inner);
        let onerror = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            on_response(
                &weak,
                id,
                Response::Failed(super::crash_text("the worker", &event.message())),
            );
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(Slot {
            id,
            worker,
            ready: false,
            run: None,
            pending: None,
            last_heard: now_ms(),
            suspect: false,
            output: Batcher::new(),
            last_flush: f64::NEG_INFINITY,
            flush_scheduled: false,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }
}

/// Handles what slot `id` said. Called from the slot's own callbacks: the slot may be retired
/// here but not dropped.
fn on_response(inner: &Weak<RefCell<Inner>>, id: u64, response: Response) {
    let Some(inner) = inner.upgrade() else { return };
    let (run, on_event, output, event) = {
        let mut guard = inner.borrow_mut();
        let state = &mut *guard;
        for slot in [&mut state.active, &mut state.spare].into_iter().flatten() {
            if slot.id == id {
                slot.last_heard = now_ms();
                slot.suspect = false;
            }
        }
        if let Response::Progress { .. } = response {
            return;
        }
        if let Response::Ready = response {
            let warm = state.warm;
            for slot in [&mut state.active, &mut state.spare].into_iter().flatten() {
                if slot.id == id {
                    slot.ready = true;
                    if let Some(text) = slot.pending.take() {
                        post(&slot.worker, &text);
                    } else if let Some(procs) = warm {
                        post_warm(&slot.worker, procs);
                    }
                }
            }
            return;
        }
        let is_active = state.active.as_ref().is_some_and(|s| s.id == id);
        if !is_active {
            // A spare that failed to load is dropped; the next run spawns another and reports
            // the reason if it fails again.
            if state.spare.as_ref().is_some_and(|s| s.id == id) {
                if let Some(slot) = state.spare.take() {
                    slot.retire(&mut state.retired);
                }
            }
            return;
        }
        let Some(run) = state.active.as_ref().and_then(|s| s.run) else {
            return;
        };
        let slot = state.active.as_mut().expect("checked above");
        let event = match response {
            Response::Ready | Response::Progress { .. } => unreachable!("handled above"),
            Response::Output(lines) => {
                slot.output.extend(lines);
                schedule_flush(slot, &inner);
                return;
            }
            Response::Skipped(n) => {
                slot.output.skip(n);
                schedule_flush(slot, &inner);
                return;
            }
            Response::Trace(trace) => RunnerEvent::Trace {
                trace: Rc::new(*trace),
                received_ms: TRACE_RECEIVED_MS.with(|t| t.get()),
            },
            Response::Done(summary) => RunnerEvent::Done(summary),
            Response::CompileFailed(errors) => RunnerEvent::CompileFailed(errors),
            Response::Vet(findings) => RunnerEvent::Vet(findings),
            Response::Failed(why) => RunnerEvent::Failed(why),
        };
        // Output gathered so far comes first.
        let output = (!slot.output.is_empty()).then(|| slot.output.take());
        if !is_progress(&event) {
            // The run is over: this worker is done with.
            if let Some(slot) = state.active.take() {
                slot.retire(&mut state.retired);
            }
        }
        (run, state.on_event.clone(), output, event)
    };
    if let Some(batch) = output {
        on_event(run, RunnerEvent::Output(batch));
    }
    let finished = !is_progress(&event);
    on_event(run, event);
    if finished {
        // Load the next run's worker now, while the user reads the output.
        let runner = Runner { inner };
        runner.ensure_spare();
    }
}

/// The watchdog's look at the running worker (see the module doc): a worker silent for
/// [`SILENT_MS`] is suspected; still silent at the next look, its run ends.
fn watch(inner: &Weak<RefCell<Inner>>) {
    let Some(inner) = inner.upgrade() else { return };
    let dead = {
        let mut guard = inner.borrow_mut();
        let Some(slot) = guard.active.as_mut().filter(|s| s.run.is_some()) else {
            return;
        };
        let silence = if slot.ready {
            SILENT_MS
        } else {
            LOAD_SILENT_MS
        };
        if now_ms() - slot.last_heard < silence {
            slot.suspect = false;
            return;
        }
        if !slot.suspect {
            slot.suspect = true;
            return;
        }
        slot.id
    };
    on_response(
        &Rc::downgrade(&inner),
        dead,
        Response::Failed(
            "the worker stopped answering (it was closed, or hung), so the run ended".to_string(),
        ),
    );
}

/// Hands the slot's gathered output to the page now, or schedules that for when
/// [`FLUSH_MS`] have passed since the last time.
fn schedule_flush(slot: &mut Slot, inner: &Rc<RefCell<Inner>>) {
    if slot.flush_scheduled {
        return;
    }
    slot.flush_scheduled = true;
    let delay = (slot.last_flush + FLUSH_MS - now_ms()).max(0.0);
    let (weak, id) = (Rc::downgrade(inner), slot.id);
    gloo_timers::callback::Timeout::new(delay as u32, move || flush(&weak, id)).forget();
}

/// Hands slot `id`'s gathered output to the page, if the slot still runs.
fn flush(inner: &Weak<RefCell<Inner>>, id: u64) {
    let Some(inner) = inner.upgrade() else { return };
    let (run, on_event, batch) = {
        let mut guard = inner.borrow_mut();
        let Some(slot) = guard.active.as_mut().filter(|s| s.id == id) else {
            return;
        };
        slot.flush_scheduled = false;
        slot.last_flush = now_ms();
        let (Some(run), false) = (slot.run, slot.output.is_empty()) else {
            return;
        };
        let batch = slot.output.take();
        (run, guard.on_event.clone(), batch)
    };
    on_event(run, RunnerEvent::Output(batch));
}

thread_local! {
    /// When the last trace message arrived, before it was read (ms).
    static TRACE_RECEIVED_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Handles a trace from slot `id` whose message arrived at `received_ms`.
fn on_trace(inner: &Weak<RefCell<Inner>>, id: u64, trace: TraceData, received_ms: f64) {
    TRACE_RECEIVED_MS.with(|t| t.set(received_ms));
    on_response(inner, id, Response::Trace(Box::new(trace)));
}

/// True for the events of a run still going (the trace comes just before the end).
fn is_progress(event: &RunnerEvent) -> bool {
    matches!(
        event,
        RunnerEvent::Output(_) | RunnerEvent::Trace { .. } | RunnerEvent::Vet(_)
    )
}

/// The trace in `buffer` (see `crate::protocol`), or `None` when it is unreadable. It is read
/// where it is, a window at a time: a copy of it whole would leave a hole of its size in the
/// page's memory, where later allocations land and split it, so that the chart's vectors,
/// built next, grow the memory instead (a trace of a million goroutines is 72 MB).
fn read_trace(buffer: &js_sys::ArrayBuffer) -> Option<TraceData> {
    let t0 = now_ms();
    let bytes = InPlace(js_sys::Uint8Array::new(buffer));
    let trace = TraceData::read_from(&bytes).ok();
    // For the benchmark (scripts/bench-timeline.mjs), which reads the console.
    web_sys::console::debug_1(
        &format!(
            "chanlab: trace of {} bytes read in {:.1} ms",
            bytes.size(),
            now_ms() - t0
        )
        .into(),
    );
    trace
}

/// The worker's transferred buffer, read without copying it whole.
struct InPlace(js_sys::Uint8Array);

impl Source for InPlace {
    fn size(&self) -> usize {
        self.0.length() as usize
    }

    fn copy(&self, at: usize, out: &mut [u8]) {
        let end = at + out.len();
        self.0.subarray(at as u32, end as u32).copy_to(out);
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn post_warm(worker: &Worker, procs: u32) {
    if let Ok(text) = serde_json::to_string(&Request::Warm { procs }) {
        post(worker, &text);
    }
}

fn post(worker: &Worker, text: &str) {
    // Posting a string to a live worker does not fail; a dead one reports through onerror.
    let _ = worker.post_message(&JsValue::from_str(text));
}

fn js_text(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            value
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{value:?}"))
}
