//! `goroutines`: starting goroutines, and waiting for them with a WaitGroup.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_named, ms, sleep, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "goroutines",
    title: "Goroutines and WaitGroup",
    group: Basics,
    params: PARAMS,
    source: include_str!("go/goroutines.go"),
    explanation: "main starts one goroutine per id; they all sleep at once, so the run takes \
        work_ms, not count × work_ms. With waitgroup, main blocks in wg.Wait() until every \
        goroutine has called Done. Switch sync to sleep with a sleep_ms shorter than work_ms: \
        main returns first, the program ends, and nothing is printed; the page lists the \
        goroutines that were still alive.",
    goroutines: [fetch_then_done, fetch],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "count",
        "Goroutines",
        (1, 10_000),
        "5",
        "",
        "How many goroutines main starts.",
    ),
    ParamSpec::int(
        "work_ms",
        "Work",
        (0, 60_000),
        "100",
        "ms",
        "How long each fetch takes.",
    ),
    ParamSpec::choice(
        "sync",
        "Waiting",
        &["waitgroup", "sleep"],
        "waitgroup",
        "How main waits for the goroutines.",
    ),
    ParamSpec::int(
        "sleep_ms",
        "main sleeps",
        (0, 60_000),
        "500",
        "ms",
        "With sync=sleep: how long main sleeps before returning.",
    ),
];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("count") as u32,
        p.int("work_ms") as u64,
        p.text("sync") == "waitgroup",
        p.int("sleep_ms") as u64,
    ))
}

/// Pretends to fetch data for one id.
async fn fetch(id: u32, work_ms: u64) {
    sleep(ms(work_ms)).await;
    rt::println(format!("fetched data for id={id}"));
}

async fn fetch_then_done(id: u32, work_ms: u64, wg: WaitGroup) {
    fetch(id, work_ms).await;
    wg.done().await;
}

async fn program(count: u32, work_ms: u64, waitgroup: bool, sleep_ms: u64) {
    if waitgroup {
        let wg = WaitGroup::new();
        for i in 0..count {
            wg.add(1).await;
            go_named("fetch", i, fetch_then_done, (i, work_ms, wg));
        }
        wg.wait().await;
    } else {
        for i in 0..count {
            go_named("fetch", i, fetch, (i, work_ms));
        }
        sleep(ms(sleep_ms)).await;
    }
}
