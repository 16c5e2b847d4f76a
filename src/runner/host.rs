//! The worker's side: one run per worker.
//!
//! On start the worker installs a panic hook, the runtime's memory gauge (its counted heap,
//! `crate::heap`) with a hook for an allocation that cannot be served, and its message
//! handler, then posts [`Response::Ready`]. A [`Request::Run`] is checked again here (its
//! source, mode, processors: [`Request::from_json`], [`RunRequest::clamped_procs`]), since a
//! message is trusted no more than a URL. In sim mode the request's Go source is compiled
//! ([`super::source`]) and runs through the interpreter: a program that does not compile
//! gets `go run`'s lines and [`Response::CompileFailed`]. The
//! program runs in slices of [`SLICE_STEPS`] scheduler steps; its first lines go to the page as
//! soon as they are printed, later ones every [`BATCH_MS`] of wall time, so output streams
//! while the run goes on, and its progress every [`HEARTBEAT_MS`]. A batch is thinned
//! to what the page keeps (the first and the last lines, see `view::console::Batcher`):
//! however fast a program prints, the page gets a bounded amount per batch. The run ends with
//! its trace (posted as a transferred `ArrayBuffer`, see `crate::protocol`), then
//! [`Response::Done`], or [`Response::Failed`] when it could not start or the worker crashed.
//!
//! The loop never yields to the worker's event loop: the page stops a run by terminating the
//! worker, which needs no cooperation from it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Performance};

use std::cell::{Cell, RefCell};

use super::source::{self, Compiled};
use crate::golang;
use crate::protocol::{
    output_messages, Floor, Mode, Request, Response, RunRequest, RunSummary, TraceData,
    HEARTBEAT_MS, MAX_LISTED,
};
use crate::rt::{Config, Limits, Progress, Report, Runtime};
use crate::view::console::{Batch, Batcher};

/// Scheduler steps between two looks at the clock: few, since a step may compute for
/// milliseconds (a task's `doTask`), and the page must hear from the worker every
/// [`HEARTBEAT_MS`].
const SLICE_STEPS: u64 = 64;
/// Wall-clock ms between two output batches.
const BATCH_MS: f64 = 50.0;

/// Memory kept aside from the start, freed when an allocation fails so that the worker can
/// still say so.
const RESERVE_BYTES: usize = 1 << 20;

thread_local! {
    static RESERVE: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
    /// This worker ran at a steady speed (see [`settle`]).
    static SETTLED: Cell<bool> = const { Cell::new(false) };
}

/// The worker's entry point (called by `src/bin/worker.rs`, which installs
/// `crate::heap::Counting` as its allocator).
pub fn start_worker() {
    std::panic::set_hook(Box::new(|info| {
        post(&Response::Failed(format!("the worker crashed: {info}")));
    }));
    // The runs' wall clock (their budget, and programs that measure real time); real mode
    // sets its own, on the axis every worker of a run shares.
    crate::rt::set_wall_clock(|| (now_ms() * 1e6) as u64);
    crate::rt::set_memory_gauge(crate::heap::in_use);
    RESERVE.with(|r| *r.borrow_mut() = Some(vec![1; RESERVE_BYTES]));
    crate::heap::on_exhausted(out_of_memory);
    if super::real_host::is_executor() {
        // An executor is started for real mode, ahead of a run when the page keeps one warm.
        settle();
    } else {
        warm_up();
    }
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        // Real mode's frames from the hub, and its shared memory (see `crate::protocol`).
        if super::real_host::executor_message(&data) {
            return;
        }
        match parse(data) {
            Ok(Request::Run(req)) => run(req),
            Ok(Request::Warm { procs }) => super::real_host::warm(procs),
            Ok(Request::Execute(req)) => super::real_host::start_executor(req),
            Ok(Request::Begin { epoch_ns }) => super::real_host::begin_executor(epoch_ns),
            Ok(Request::Ping { shared }) => super::real_host::executor_ping(shared),
            Err(why) => post(&Response::Failed(why)),
        }
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    post(&Response::Ready);
}

/// Runs a small Go program in real mode (hub and executor taking turns in this thread) once,
/// before the worker says it is ready. A browser compiles a module's functions when they are
/// first called: unwarmed, a real-mode run's first turns take a hundred milliseconds more.
fn warm_up() {
    warm_up_run(&crate::patterns::warm_up_source());
}

/// Runs the warm-up program again and again until this worker runs it at a steady speed:
/// [`STEADY_RUNS`] runs in a row within [`STEADY_SPREAD`] of the fastest, or for at most
/// [`SETTLE_MAX_MS`]. Real mode's workers settle before a run: a browser optimises a module's
/// busiest functions in the background after their first calls, and a page that has just
/// loaded compiles all its modules at once, so for a while a worker runs slower, unevenly, by
/// up to ten times; a run begun then starts its goroutines and meets its timers milliseconds
/// late. A worker settles once: the code a browser optimised stays optimised, so a worker settled
/// ahead of a run (see `real_host::warm`) starts the run at once.
pub(super) fn settle() {
    if SETTLED.get() {
        return;
    }
    let source = crate::patterns::warm_up_source();
    let started = now_ms();
    let mut fastest = f64::INFINITY;
    let mut steady = 0;
    while steady < STEADY_RUNS && now_ms() - started < SETTLE_MAX_MS {
        let took = warm_up_run(&source);
        let near = took <= fastest * STEADY_SPREAD && took * STEADY_SPREAD >= fastest;
        steady = if near { steady + 1 } else { 0 };
        fastest = fastest.min(took);
    }
    SETTLED.set(steady >= STEADY_RUNS);
}

/// Runs in a row at a steady speed that settle a worker.
const STEADY_RUNS: u32 = 4;
/// How far from the fastest a run may be and count as steady.
const STEADY_SPREAD: f64 = 1.3;
/// The longest a worker settles (ms).
const SETTLE_MAX_MS: f64 = 400.0;

/// Compiles `source` and runs it in real mode on two executors in this thread, then encodes
/// its end as a run's end is sent to the page (without sending it); returns how long that took
/// (ms). So the code a run's end calls is compiled before a run ends: a browser compiles a
/// module's functions at their first call, which would otherwise add tens of milliseconds
/// to the first run.
fn warm_up_run(source: &str) -> f64 {
    let at = now_ms();
    if let Ok(Compiled::Program(program, _)) = source::compile(source) {
        if let Ok(report) = golang::real::run_in_thread(&program, 1, 2, 1_000_000_000) {
            let trace = TraceData::from_trace(&report.trace, report.end_ns, 2);
            std::hint::black_box(encode_end(&mut Batcher::new(), &report, &trace));
            std::hint::black_box(encode(&Response::Done(summary(&report, 0.0))));
        }
    }
    now_ms() - at
}

/// An allocation of `size` bytes failed: the program is about to abort. Says so, in memory
/// the reserve gives back.
fn out_of_memory(size: usize) {
    let reserve = RESERVE.try_with(|r| r.try_borrow_mut().ok().and_then(|mut r| r.take()));
    drop(reserve);
    post(&Response::Failed(format!(
        "the program ran out of memory: {} more bytes did not fit in the worker's memory",
        crate::rt::limits::thousands(size as u64)
    )));
}

pub(super) fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

thread_local! {
    /// The worker's `performance` and its time origin, looked up once: the clock is read
    /// several times in every turn of a real-mode run.
    static PERFORMANCE: Option<(Performance, f64)> =
        scope().performance().map(|p| { let origin = p.time_origin(); (p, origin) });
}

/// `performance.now()`: ms since this worker started.
pub(super) fn now_ms() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |(p, _)| p.now()))
}

/// `performance.timeOrigin + performance.now()`, in ms: the same axis in every worker.
pub(super) fn epoch_ms() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |(p, origin)| origin + p.now()))
}

pub(super) fn post(response: &Response) {
    post_text(&encode(response));
}

/// `response` as the page reads it.
fn encode(response: &Response) -> String {
    // Serialising these plain types cannot fail; if it ever did, say so rather than go quiet.
    serde_json::to_string(response).unwrap_or_else(|e| {
        format!(r#"{{"Failed":"the worker could not encode its answer: {e}"}}"#)
    })
}

fn post_text(text: &str) {
    // Posting a string to the page cannot fail while the worker lives.
    let _ = scope().post_message(&JsValue::from_str(text));
}

/// Posts a trace's binary form, transferring the buffer (see `crate::protocol`).
fn post_trace(bytes: &[u8]) {
    let array = js_sys::Uint8Array::new_with_length(bytes.len() as u32);
    array.copy_from(bytes);
    let buffer = array.buffer();
    // Transfer fails only for a detached buffer, which this fresh one is not; the page then
    // simply has no trace.
    let _ = scope().post_message_with_transfer(&buffer, &js_sys::Array::of1(&buffer));
}

pub(super) fn parse(data: JsValue) -> Result<Request, String> {
    let text = data
        .as_string()
        .ok_or_else(|| "the request is not JSON text".to_string())?;
    Request::from_json(&text)
}

/// Checks `req`, compiles its source, runs it to the end, and posts what `go vet` finds in
/// it, its output and summary (or its compile errors).
fn run(req: RunRequest) {
    let started = now_ms();
    if req.mode == Mode::Real {
        // Executors started ahead of the run compile the source while this worker does.
        super::real_host::execute_early(&req);
    }
    let program = match source::compile(&req.source) {
        Ok(Compiled::Program(program, findings)) => {
            if !findings.is_empty() {
                post(&Response::Vet(findings));
            }
            program
        }
        Ok(Compiled::Errors { output, errors }) => {
            super::real_host::cancel_early();
            post(&Response::Output(output));
            return post(&Response::CompileFailed(errors));
        }
        Err(why) => {
            super::real_host::cancel_early();
            return post(&Response::Failed(why));
        }
    };
    if req.mode == Mode::Real {
        return super::real_host::start_hub(req, program);
    }
    let procs = req.clamped_procs();
    let config = Config {
        seed: req.seed,
        procs,
        limits: Limits::default(),
        ..Config::default()
    };
    let mut run = golang::Started::new(program.clone(), config);
    let mut stream = OutputStream::new(started);
    loop {
        match run.run_slice(SLICE_STEPS) {
            Progress::Done(report) => {
                let mut trace = TraceData::from_trace(&report.trace, report.end_ns, procs);
                // The lanes name the source's functions: their lines are the program's.
                trace.set_lines(|func| program.decl_line(func));
                return stream.finish(&report, &trace, None);
            }
            _ => stream.tick(run.runtime()),
        }
    }
}

/// A run's output on its way to the page: the first lines as soon as they are printed, then
/// batches every [`BATCH_MS`] and the run's progress every [`HEARTBEAT_MS`], then the end.
pub(super) struct OutputStream {
    started: f64,
    /// When the last batch was posted; `None` before the first.
    last_batch: Option<f64>,
    last_heartbeat: f64,
    batcher: Batcher,
}

impl OutputStream {
    pub fn new(started: f64) -> Self {
        OutputStream {
            started,
            last_batch: None,
            last_heartbeat: started,
            batcher: Batcher::new(),
        }
    }

    /// Posts the lines printed since the last batch, if a batch is due (the first as soon as
    /// there is output, the next ones [`BATCH_MS`] apart), and the run's progress, if that is
    /// due.
    pub fn tick(&mut self, rt: &mut Runtime) {
        let now = now_ms();
        if self.last_batch.is_none_or(|last| now - last >= BATCH_MS) {
            let lines = rt.take_new_output();
            if !lines.is_empty() {
                self.batcher.extend(lines);
                post_batch(self.batcher.take());
                self.last_batch = Some(now);
            }
        }
        if now - self.last_heartbeat >= HEARTBEAT_MS {
            self.heartbeat(rt.clock_ns());
        }
    }

    /// Says the run goes on, its clock at `elapsed_ns`.
    pub fn heartbeat(&mut self, elapsed_ns: u64) {
        post(&Response::Progress { elapsed_ns });
        self.last_heartbeat = now_ms();
    }

    /// Posts the rest of the output, the trace and the summary (with real mode's `floor`);
    /// `trace` is the report's, as the page receives it.
    pub fn finish(&mut self, report: &Report, trace: &TraceData, floor: Option<Floor>) {
        let (output, trace) = encode_end(&mut self.batcher, report, trace);
        for text in &output {
            post_text(text);
        }
        post_trace(&trace);
        let mut summary = summary(report, now_ms() - self.started);
        summary.floor = floor;
        post(&Response::Done(summary));
    }
}

/// The end of a run as the page receives it, encoded: the rest of its output (what `batcher`
/// holds and `report` adds) and its trace. The summary follows them (see
/// [`OutputStream::finish`]).
fn encode_end(batcher: &mut Batcher, report: &Report, trace: &TraceData) -> (Vec<String>, Vec<u8>) {
    batcher.extend(report.output.iter().cloned());
    let output = batch_messages(batcher.take()).iter().map(encode).collect();
    (output, trace.to_bytes())
}

/// Posts a batch of new output.
fn post_batch(batch: Batch) {
    for message in batch_messages(batch) {
        post(&message);
    }
}

/// The messages that carry a batch of new output: its head lines, how many lines it left
/// out, its tail lines.
fn batch_messages(batch: Batch) -> Vec<Response> {
    let mut messages = output_messages(batch.head);
    if batch.skipped > 0 {
        messages.push(Response::Skipped(batch.skipped));
    }
    messages.extend(output_messages(batch.tail));
    messages
}

fn summary(report: &Report, wall_ms: f64) -> RunSummary {
    RunSummary {
        outcome: report.outcome.clone(),
        exit_code: report.exit_code(),
        elapsed_ns: report.end_ns,
        wall_ms,
        leaked: report.leaked.iter().take(MAX_LISTED).cloned().collect(),
        leaked_count: report.leaked.len() as u64,
        metrics: report.metrics.clone(),
        trace_events: report.trace.events.len() as u64,
        trace_truncated: report.trace.truncated(),
        line: report.line,
        floor: None,
    }
}
