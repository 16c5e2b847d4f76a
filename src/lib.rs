//! chanlab: Go's concurrency patterns, run live by a Go-style runtime.
//!
//! Layers (see DESIGN.md): `rt` is the Go-faithful runtime, `patterns` the catalog written on
//! it, `protocol` the messages between the page and its workers, `view` the page's pure models
//! (link, highlighting, console), `golang` the Go interpreter that runs a program's source on
//! `rt`. `runner` and `ui` exist only in the browser build.

pub mod chart;
pub mod golang;
pub mod patterns;
pub mod placement;
pub mod protocol;
pub mod real;
pub mod rt;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod runner;
#[cfg(target_arch = "wasm32")]
pub mod ui;
