//! chanlab's Go front end: the scanner and parser (`syntax`), the type checker (`types`), the
//! Go sources of the standard library parts written in Go (`library`), and the compile errors'
//! form (`diag`). The interpreter (the `chanlab` crate's `golang`) compiles what it checks.
//!
//! A crate of its own so that the release build can optimise it for size: it runs once per
//! program, while the interpreter's loop, optimised for speed, runs all the time
//! (docs/INTERPRETER.md, Pipeline).

#![forbid(unsafe_code)]

pub mod diag;
pub mod fxhash;
pub mod library;
pub mod syntax;
pub mod types;

pub use diag::{Diag, Diagnostics, Stage};

/// Elements a slice or an array may hold at most: a runaway program stops with Go's message
/// rather than exhausting the worker's memory.
pub const MAX_LEN: u64 = 1 << 28;
