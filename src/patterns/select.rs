//! `select`: the first of two responses wins.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, go, make_chan, ms, sleep, Sender};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "select",
    title: "First response wins",
    group: Basics,
    params: PARAMS,
    source: include_str!("go/select.go"),
    explanation: "Two services answer on their own unbuffered channels after their latency; \
        select takes whichever is ready first. The slower service is left blocked on its send \
        forever: main returns without receiving, and the page lists it as leaked. Make A the \
        faster one, or give both the same latency to see the seed pick between two ready cases.",
    goroutines: [query],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "latency_a_ms",
        "Latency of A",
        (0, 60_000),
        "200",
        "ms",
        "How long service A takes to answer.",
    ),
    ParamSpec::int(
        "latency_b_ms",
        "Latency of B",
        (0, 60_000),
        "100",
        "ms",
        "How long service B takes to answer.",
    ),
];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("latency_a_ms") as u64,
        p.int("latency_b_ms") as u64,
    ))
}

/// Answers on `ch` after the service's latency.
async fn query(name: String, latency_ms: u64, ch: Sender<String>) {
    sleep(ms(latency_ms)).await;
    ch.send(format!("response from service {name}")).await;
}

async fn program(latency_a: u64, latency_b: u64) {
    let a = make_chan::<String>(0);
    let b = make_chan::<String>(0);
    go(query, ("A".to_string(), latency_a, a.sender()));
    go(query, ("B".to_string(), latency_b, b.sender()));

    select! {
        r = recv(a) => { rt::println(r.unwrap_or_default()); },
        r = recv(b) => { rt::println(r.unwrap_or_default()); },
    }
}
