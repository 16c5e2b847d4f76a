//! `fan-out-fan-in`: several workers share one input; one channel merges their outputs.

use super::cost::{count, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_as, go_named, make_chan, Chan, Receiver, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "fan-out-fan-in",
    title: "Fan-out / fan-in",
    group: Patterns,
    params: PARAMS,
    source: include_str!("go/fan-out-fan-in.go"),
    explanation: "Fan-out: several square workers receive from the same input channel, so each \
        value goes to whichever worker is free. Fan-in: merge forwards every worker's output \
        into one channel, closed by a goroutine that waits for all the forwarders. The order of \
        the results depends on scheduling; give the workers cpu_work and raise procs to see \
        them run in parallel.",
    cost: cost,
    goroutines: [source_stage, square_stage, forward, close_when_done],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "workers",
        "Workers",
        (1, 1024),
        "3",
        "",
        "Square workers sharing the input.",
    ),
    ParamSpec::int(
        "items",
        "Items",
        (0, 100_000),
        "10",
        "",
        "The source sends 1..items.",
    ),
    ParamSpec::int(
        "cpu_work",
        "CPU work per item",
        (0, 1_000_000_000),
        "0",
        "units",
        "Each worker sums this many integers per item.",
    ),
];

/// Every item crosses three channels and is printed.
fn cost(p: &Params) -> Cost {
    let (workers, items) = (count(p, "workers"), count(p, "items"));
    Cost {
        goroutines: 2 * workers + 3,
        live: 2 * workers + 3,
        steps: 10 * items + 4 * workers,
        lines: items,
        wait_ns: 0,
        cpu_units: items.saturating_mul(count(p, "cpu_work")),
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("workers") as u32,
        p.int("items"),
        p.int("cpu_work") as u64,
    ))
}

async fn source_stage(n: i64, out: Chan<i64>) {
    for i in 1..=n {
        out.send(i).await;
    }
    out.close().await;
}

/// Sends 1..n, then closes its channel.
fn source(n: i64) -> Receiver<i64> {
    let out = make_chan(0);
    go_as("source", source_stage, (n, out));
    out.receiver()
}

async fn square_stage(input: Receiver<i64>, out: Chan<i64>, cpu_work: u64) {
    while let Some(v) = input.recv().await {
        if cpu_work > 0 {
            rt::cpu_work(cpu_work).await;
        }
        out.send(v * v).await;
    }
    out.close().await;
}

/// One fan-out worker: squares what it takes from `input` onto its own channel.
fn square(i: u32, input: Receiver<i64>, cpu_work: u64) -> Receiver<i64> {
    let out = make_chan(0);
    go_named("square", i, square_stage, (input, out, cpu_work));
    out.receiver()
}

async fn forward(c: Receiver<i64>, out: Chan<i64>, wg: WaitGroup) {
    while let Some(v) = c.recv().await {
        out.send(v).await;
    }
    wg.done().await;
}

async fn close_when_done(wg: WaitGroup, out: Chan<i64>) {
    wg.wait().await;
    out.close().await;
}

/// Fans several channels in to one, closed when all of them are.
async fn merge(cs: Vec<Receiver<i64>>) -> Receiver<i64> {
    let out = make_chan(0);
    let wg = WaitGroup::new();
    wg.add(cs.len() as i64).await;
    for (i, c) in cs.into_iter().enumerate() {
        go_named("merge", i as u32, forward, (c, out, wg));
    }
    go_as("closer", close_when_done, (wg, out));
    out.receiver()
}

async fn program(workers: u32, items: i64, cpu_work: u64) {
    let input = source(items);

    let outputs: Vec<Receiver<i64>> = (0..workers).map(|i| square(i, input, cpu_work)).collect();

    let merged = merge(outputs).await;
    while let Some(v) = merged.recv().await {
        rt::println(v);
    }
}
