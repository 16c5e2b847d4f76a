//! `waitgroup-add`: why Add must come before `go`.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_named, ms, sleep, AtomicInt, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "waitgroup-add",
    title: "WaitGroup: Add before go",
    group: Basics,
    params: PARAMS,
    source: include_str!("go/waitgroup-add.go"),
    explanation: "Wait returns as soon as the counter is zero. With Add before go, the counter \
        counts every goroutine before main can reach Wait. With add=inside, a new goroutine \
        does not run before main blocks, so main reaches Wait with the counter still at zero \
        and returns at once: finished 0. In real mode, with several processors, some \
        goroutines may get their Add in first, and the count changes from run to run.",
    goroutines: [task],
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
    ParamSpec::choice(
        "add",
        "wg.Add(1)",
        &["before", "inside"],
        "before",
        "Before the go statement, or inside the goroutine.",
    ),
];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.int("count") as u32, p.text("add") == "inside"))
}

async fn task(wg: WaitGroup, finished: AtomicInt, add_inside: bool) {
    if add_inside {
        wg.add(1).await;
    }
    sleep(ms(10)).await;
    finished.add(1).await;
    wg.done().await;
}

async fn program(count: u32, add_inside: bool) {
    let wg = WaitGroup::new();
    let finished = AtomicInt::new();

    for i in 0..count {
        if !add_inside {
            wg.add(1).await;
        }
        go_named("task", i, task, (wg, finished, add_inside));
    }

    wg.wait().await;
    rt::println(format!("finished {} of {count}", finished.load().await));
}
