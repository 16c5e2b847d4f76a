//! `context-cancel`: a worker stops when its context's deadline passes.

use super::{Main, ParamSpec, Params};
use crate::rt::{
    self, background, go_named, make_chan, ms, sleep, with_timeout, Chan, Context, Error,
};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "context-cancel",
    title: "Context cancellation",
    group: Patterns,
    params: PARAMS,
    source: include_str!("go/context-cancel.go"),
    explanation: "The worker checks ctx.Done() between ticks with a non-blocking select, so it \
        notices the deadline only at its next check: it prints once per tick until the timeout \
        has passed, then returns ctx.Err(). Shorten tick_ms to make it notice sooner; lengthen \
        timeout_ms for more work.",
    goroutines: [run_worker],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "timeout_ms",
        "Timeout",
        (1, 60_000),
        "350",
        "ms",
        "The context's deadline, from the start.",
    ),
    ParamSpec::int(
        "tick_ms",
        "Tick",
        (1, 60_000),
        "100",
        "ms",
        "The worker's work between two checks of ctx.Done().",
    ),
];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.int("timeout_ms") as u64, p.int("tick_ms") as u64))
}

/// Works in ticks until ctx is done, then says why it stopped.
async fn worker(ctx: Context, id: u32, tick_ms: u64) -> Error {
    loop {
        select! {
            recv(ctx.done()) => { return ctx.err().await.unwrap_or_else(|| Error::new("")); },
            default => {
                rt::println(format!("worker {id}: doing work"));
                sleep(ms(tick_ms)).await;
            },
        }
    }
}

async fn run_worker(ctx: Context, errc: Chan<Error>, tick_ms: u64) {
    errc.send(worker(ctx, 1, tick_ms).await).await;
}

async fn program(timeout_ms: u64, tick_ms: u64) {
    let (ctx, cancel) = with_timeout(background(), ms(timeout_ms));

    let errc = make_chan::<Error>(1);
    go_named("worker", 1, run_worker, (ctx, errc, tick_ms));
    let err = errc.recv().await.unwrap_or_else(|| Error::new(""));
    rt::println(format!("worker stopped: {err}"));
    cancel.cancel();
}
