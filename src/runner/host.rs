//! The worker's side: one run per worker.
//!
//! On start the worker installs a panic hook, the runtime's memory gauge (its counted heap,
//! `crate::heap`) with a hook for an allocation that cannot be served, and its message
//! handler, then posts [`Response::Ready`]. A [`Request::Run`] is checked again here
//! ([`RunRequest::prepare`]: pattern id, parameters, processors), since a message is trusted
//! no more than a URL. The program then runs in slices of [`SLICE_STEPS`] scheduler steps;
//! every [`BATCH_MS`] of wall time the lines printed since the last batch go to the page, so
//! output streams while the run goes on. A batch is thinned to what the page keeps (the first
//! and the last lines, see `view::console::Batcher`): however fast a program prints, the page
//! gets a bounded amount per batch. The run ends with its trace (posted as a transferred
//! `ArrayBuffer`, see `crate::protocol`), then [`Response::Done`], or [`Response::Failed`]
//! when it could not start or the worker crashed.
//!
//! The loop never yields to the worker's event loop: the page stops a run by terminating the
//! worker, which needs no cooperation from it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use std::cell::RefCell;

use crate::protocol::{
    output_messages, Mode, Request, Response, RunRequest, RunSummary, TraceData, HEARTBEAT_MS,
    MAX_LISTED,
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
    let onmessage =
        Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| match parse(event.data()) {
            Ok(Request::Run(req)) => run(req),
            Ok(Request::Execute(req)) => super::real_host::start_executor(req),
            Ok(Request::Frame(frame)) => super::real_host::executor_frame(frame),
            Err(why) => post(&Response::Failed(why)),
        });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    post(&Response::Ready);
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

pub(super) fn now_ms() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

pub(super) fn post(response: &Response) {
    // Serialising these plain types cannot fail; if it ever did, say so rather than go quiet.
    let text = serde_json::to_string(response).unwrap_or_else(|e| {
        format!(r#"{{"Failed":"the worker could not encode its answer: {e}"}}"#)
    });
    // Posting a string to the page cannot fail while the worker lives.
    let _ = scope().post_message(&JsValue::from_str(&text));
}

/// Posts the trace in its binary form, transferring the buffer (see `crate::protocol`).
fn post_trace(trace: &TraceData) {
    let bytes = trace.to_bytes();
    let array = js_sys::Uint8Array::new_with_length(bytes.len() as u32);
    array.copy_from(&bytes);
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

/// Checks `req`, runs it to the end, and posts its output and summary.
fn run(req: RunRequest) {
    if req.mode == Mode::Real {
        super::real_host::start_hub(req);
        return;
    }
    let (pattern, params, procs) = match req.prepare() {
        Ok(prepared) => prepared,
        Err(why) => return post(&Response::Failed(why)),
    };
    let config = Config {
        seed: req.seed,
        procs,
        limits: Limits::default(),
        ..Config::default()
    };
    let mut rt = Runtime::new(config);
    rt.start(pattern.program(&params, req.seed));
    let mut stream = OutputStream::new(now_ms());
    loop {
        match rt.run_slice(SLICE_STEPS) {
            Progress::Done(report) => return stream.finish(&report, procs),
            _ => stream.tick(&mut rt),
        }
    }
}

/// A run's output on its way to the page: batches every [`BATCH_MS`] and the run's progress
/// every [`HEARTBEAT_MS`], then the end.
pub(super) struct OutputStream {
    started: f64,
    last_batch: f64,
    last_heartbeat: f64,
    batcher: Batcher,
}

impl OutputStream {
    pub fn new(started: f64) -> Self {
        OutputStream {
            started,
            last_batch: started,
            last_heartbeat: started,
            batcher: Batcher::new(),
        }
    }

    /// Posts the lines printed since the last batch, if a batch is due, and the run's
    /// progress, if that is due.
    pub fn tick(&mut self, rt: &mut Runtime) {
        let now = now_ms();
        if now - self.last_batch >= BATCH_MS {
            self.batcher.extend(rt.take_new_output());
            post_batch(self.batcher.take());
            self.last_batch = now;
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

    /// Posts the rest of the output, the trace and the summary.
    pub fn finish(&mut self, report: &Report, procs: u32) {
        self.batcher.extend(report.output.iter().cloned());
        post_batch(self.batcher.take());
        post_trace(&TraceData::from_trace(&report.trace, report.end_ns, procs));
        post(&Response::Done(summary(report, now_ms() - self.started)));
    }
}

/// Posts a batch of new output: its head lines, how many lines it left out, its tail lines.
fn post_batch(batch: Batch) {
    for message in output_messages(batch.head) {
        post(&message);
    }
    if batch.skipped > 0 {
        post(&Response::Skipped(batch.skipped));
    }
    for message in output_messages(batch.tail) {
        post(&message);
    }
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
    }
}
