//! Helpers shared by the `rt_*` integration tests.

#![allow(dead_code)]

pub mod alloc;

use std::future::Future;

use chanlab::rt::{Config, Report, Runtime};

/// Runs `main` with the default configuration (seed 1, tracing on).
pub fn run(main: impl Future<Output = ()> + 'static) -> Report {
    Runtime::new(Config::default()).run(main)
}

/// Runs `main` with `seed`.
pub fn run_seed(seed: u64, main: impl Future<Output = ()> + 'static) -> Report {
    Runtime::new(Config {
        seed,
        ..Config::default()
    })
    .run(main)
}

/// The report's lines on stderr (Go's panic and fatal error reports).
pub fn stderr(r: &Report) -> Vec<&str> {
    r.output
        .iter()
        .filter(|l| l.stream == chanlab::rt::Stream::Stderr)
        .map(|l| l.text.as_str())
        .collect()
}

/// The report's lines on stdout (what the program printed).
pub fn stdout(r: &Report) -> Vec<&str> {
    r.output
        .iter()
        .filter(|l| l.stream == chanlab::rt::Stream::Stdout)
        .map(|l| l.text.as_str())
        .collect()
}

/// The `goroutine N [state]:` header lines of a report, in order.
pub fn goroutine_headers(r: &Report) -> Vec<&str> {
    stderr(r)
        .into_iter()
        .filter(|l| l.starts_with("goroutine "))
        .collect()
}
