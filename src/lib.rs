//! chanlab: Go's concurrency patterns, run live by a Go-style runtime.
//!
//! Layers (see `docs/ARCHITECTURE.md`): `rt` is the Go-faithful runtime, `patterns` the
//! catalog written on it, `protocol` the messages between the page and its workers, `view` the
//! page's pure models (link, highlighting, console), `chart` the trace views' models, `golang`
//! the Go interpreter that runs a program's source on `rt`, `heap` the worker's counted heap.
//! `ui` and the parts of `runner` that talk to Web Workers exist only in the browser build.

// Denied rather than forbidden so that two files, real mode's function-entry codec
// (`rt/real/entry.rs`) and the worker's counting allocator (`heap.rs`), can allow it;
// `tests/unsafe_code.rs` checks that no other does.
#![deny(unsafe_code)]

pub mod chart;
pub mod golang;
pub mod heap;
pub mod patterns;
pub mod protocol;
pub mod rt;
pub mod runner;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
