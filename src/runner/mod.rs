//! Running programs off the page's thread.
//!
//! [`host`] is the Web Worker's side: it reads one [`crate::protocol::Request`], checks it as
//! if it came from anywhere, runs the program on [`crate::rt`] in slices and streams its output
//! back. [`client`] is the page's side: it owns the worker, queues the request until the worker
//! is ready, and stops a run by terminating the worker, which works even against a runaway.

pub mod client;
pub mod host;
mod real_host;

pub use client::{Runner, RunnerEvent};
pub use host::start_worker;

/// The worker script Trunk writes for the `worker` bin (`data-loader-shim`), relative to the
/// page.
pub const WORKER_SCRIPT: &str = "./worker_loader.js";

/// What the page says of a worker (`who`) that reported an error event (`message`, the
/// browser's text): a WebAssembly trap is a crash, anything else a failure.
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
