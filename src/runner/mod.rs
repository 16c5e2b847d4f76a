//! Running programs off the page's thread.
//!
//! [`host`] is the Web Worker's side: it reads one [`crate::protocol::Request`], checks it as
//! if it came from anywhere, runs the program on [`crate::rt`] in slices and streams its output
//! back. [`client`] is the page's side: it owns the worker, queues the request until the worker
//! is ready, and stops a run by terminating the worker, which works even against a runaway.
//! [`real_host`] hosts real mode's workers, which carry their frames by message or through
//! [`rings`] of shared memory.

pub mod client;
pub mod host;
mod real_host;
mod rings;

pub use client::{Runner, RunnerEvent};
pub use host::start_worker;

/// The worker script Trunk writes for the `worker` bin (`data-loader-shim`), relative to the
/// page.
pub const WORKER_SCRIPT: &str = "./worker_loader.js";
