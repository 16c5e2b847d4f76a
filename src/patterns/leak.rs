//! `leak`: goroutines blocked forever on a send nobody receives.

use super::cost::{count, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{
    self, background, go_as, make_chan, ms, num_goroutine, sleep, with_cancel, Chan, Context,
    Receiver,
};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "leak",
    title: "Goroutine leak",
    group: Mistakes,
    params: PARAMS,
    source: include_str!("go/leak.go"),
    explanation: "query starts a goroutine that sends its result on an unbuffered channel, but \
        main never reads it: each goroutine stays blocked on its send for as long as the \
        program lives, holding its memory. The page lists them as goleak does, with their \
        state and where they were created. fix=buffered gives the send room to complete; \
        fix=context gives the goroutine a way out when the caller is done.",
    cost: cost,
    goroutines: [send_or_give_up, send_result],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "calls",
        "Calls",
        (0, 100_000),
        "10",
        "",
        "How many times main calls query.",
    ),
    ParamSpec::choice(
        "fix",
        "Fix",
        &["none", "buffered", "context"],
        "none",
        "How query avoids the leak.",
    ),
];

/// Every call starts a goroutine, which may stay.
fn cost(p: &Params) -> Cost {
    let calls = count(p, "calls");
    Cost {
        goroutines: calls + 1,
        live: calls + 1,
        steps: 4 * calls,
        lines: 1,
        wait_ns: 10_000_000,
        cpu_units: 0,
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.int("calls"), p.text("fix").to_string()))
}

async fn send_result(ch: Chan<i64>) {
    ch.send(42).await;
}

async fn send_or_give_up(ctx: Context, ch: Chan<i64>) {
    select! {
        send(ch, 42) => {},
        recv(ctx.done()) => {},
    }
}

/// Starts a lookup in the background and returns the channel its result will arrive on.
fn query(fix: &str, ctx: Context) -> Receiver<i64> {
    if fix == "context" {
        let ch = make_chan(0);
        go_as("query", send_or_give_up, (ctx, ch));
        return ch.receiver();
    }
    let ch = make_chan(if fix == "buffered" { 1 } else { 0 });
    go_as("query", send_result, (ch,));
    ch.receiver()
}

async fn program(calls: i64, fix: String) {
    let (ctx, cancel) = with_cancel(background());
    for _ in 0..calls {
        query(&fix, ctx);
    }
    cancel.cancel();

    sleep(ms(10)).await;
    rt::println(format!("leaked goroutines: {}", num_goroutine().await - 1));
}
