//! Running programs off the page's thread.
//!
//! [`host`] is the Web Worker's side: it reads one [`crate::protocol::Request`], checks it as
//! if it came from anywhere, compiles the request's Go source ([`source`]), runs the program on
//! [`crate::rt`] in slices and streams its output back. [`client`] is the page's side: it owns
//! the worker, queues the request until the worker is ready, and stops a run by terminating
//! the worker, which works even against a runaway. [`real_host`] hosts real mode's workers,
//! which carry their frames by message or through [`rings`] of shared memory. Only [`source`]
//! and [`RunnerEvent`], what a run reports to the page, build natively.

use std::rc::Rc;

use crate::protocol::{CompileError, RunSummary, TraceData};
use crate::view::console::Batch;

#[cfg(target_arch = "wasm32")]
pub mod client;
#[cfg(target_arch = "wasm32")]
pub mod host;
#[cfg(target_arch = "wasm32")]
mod real_host;
#[cfg(target_arch = "wasm32")]
mod rings;
pub mod source;

#[cfg(target_arch = "wasm32")]
pub use client::Runner;
#[cfg(target_arch = "wasm32")]
pub use host::start_worker;

/// What a run reports to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum RunnerEvent {
    /// New output, thinned to what the console keeps.
    Output(Batch),
    /// The run's trace, and when its message arrived (`performance.now()`, ms), which times
    /// how soon the page draws it.
    Trace {
        trace: Rc<TraceData>,
        received_ms: f64,
    },
    Done(RunSummary),
    /// The source does not compile: its errors (nothing ran).
    CompileFailed(Vec<CompileError>),
    /// What `go vet` finds in the source (the run goes on).
    Vet(Vec<CompileError>),
    Failed(String),
}

/// The worker script Trunk writes for the `worker` bin (`data-loader-shim`), relative to the
/// page.
pub const WORKER_SCRIPT: &str = "./worker_loader.js";

/// What the page says of a worker (`who`) that reported an error event (`message`, the
/// browser's text): a WebAssembly trap is a crash, anything else a failure.
#[cfg(target_arch = "wasm32")]
pub(crate) fn crash_text(who: &str, message: &str) -> String {
    let message = message.trim_start_matches("Uncaught ").trim();
    if message.is_empty() {
        format!("{who} failed to load, or crashed, so the run ended")
    } else if message.contains("RuntimeError") {
        format!("{who} crashed ({message}), so the run ended")
    } else {
        format!("{who} failed ({message}), so the run ended")
    }
}
