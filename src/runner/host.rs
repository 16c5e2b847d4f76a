//! The worker's side: one run per worker.
//!
//! On start the worker installs a panic hook and its message handler, then posts
//! [`Response::Ready`]. A [`Request::Run`] is checked again here ([`RunRequest::prepare`]:
//! pattern id, parameters, processors), since a message is trusted no more than a URL. The
//! program then runs in slices of [`SLICE_STEPS`] scheduler steps; every [`BATCH_MS`] of wall
//! time the lines printed since the last batch go to the page, so output streams while the run
//! goes on. A batch is thinned to what the page keeps (the first and the last lines, see
//! `view::console::Batcher`): however fast a program prints, the page gets a bounded amount per
//! batch. The run ends with its trace (posted as a transferred `ArrayBuffer`, see
//! `crate::protocol`), then [`Response::Done`], or [`Response::Failed`] when it could not start
//! or the worker crashed.
//!
//! The loop never yields to the worker's event loop: the page stops a run by terminating the
//! worker, which needs no cooperation from it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{Mode, Request, Response, RunRequest, RunSummary, TraceData};
use crate::rt::{Config, Progress, Report, Runtime};
use crate::view::console::{Batch, Batcher};

/// Scheduler steps between two looks at the clock.
const SLICE_STEPS: u64 = 4096;
/// Wall-clock ms between two output batches.
const BATCH_MS: f64 = 50.0;

/// The worker's entry point (called by `src/bin/worker.rs`).
pub fn start_worker() {
    std::panic::set_hook(Box::new(|info| {
        post(&Response::Failed(format!("the worker crashed: {info}")));
    }));
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

/// A run's output on its way to the page: batches every [`BATCH_MS`], then the end.
pub(super) struct OutputStream {
    started: f64,
    last_batch: f64,
    /// Lines taken from the runtime so far; what is posted goes through the batcher.
    taken: usize,
    batcher: Batcher,
}

impl OutputStream {
    pub fn new(started: f64) -> Self {
        OutputStream {
            started,
            last_batch: started,
            taken: 0,
            batcher: Batcher::new(),
        }
    }

    /// Posts the lines printed since the last batch, if a batch is due.
    pub fn tick(&mut self, rt: &mut Runtime) {
        let now = now_ms();
        if now - self.last_batch >= BATCH_MS {
            let lines = rt.take_new_output();
            self.taken += lines.len();
            self.batcher.extend(lines);
            post_batch(self.batcher.take());
            self.last_batch = now;
        }
    }

    /// Posts the rest of the output, the trace and the summary.
    pub fn finish(&mut self, report: &Report, procs: u32) {
        let rest = report.output.get(self.taken..).unwrap_or_default();
        self.batcher.extend(rest.iter().cloned());
        post_batch(self.batcher.take());
        post_trace(&TraceData::from_trace(&report.trace, report.end_ns, procs));
        post(&Response::Done(summary(report, now_ms() - self.started)));
    }
}

/// Posts a batch of new output: its head lines, how many lines it left out, its tail lines.
fn post_batch(batch: Batch) {
    if !batch.head.is_empty() {
        post(&Response::Output(batch.head));
    }
    if batch.skipped > 0 {
        post(&Response::Skipped(batch.skipped));
    }
    if !batch.tail.is_empty() {
        post(&Response::Output(batch.tail));
    }
}

fn summary(report: &Report, wall_ms: f64) -> RunSummary {
    RunSummary {
        outcome: report.outcome.clone(),
        exit_code: report.exit_code(),
        elapsed_ns: report.end_ns,
        wall_ms,
        leaked: report.leaked.clone(),
        metrics: report.metrics.clone(),
        trace_events: report.trace.events.len() as u64,
        trace_truncated: report.trace.truncated(),
    }
}
