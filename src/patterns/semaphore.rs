//! `semaphore`: bounding concurrency with a buffered channel.

use super::cost::{count, ms_ns, rounds, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_named, make_chan, ms, sleep, Chan, Mutex, Var, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "semaphore",
    title: "Bounding concurrency with a semaphore",
    group: Patterns,
    params: PARAMS,
    source: include_str!("go/semaphore.go"),
    explanation: "Every task starts at once, but a send on the buffered sem channel takes one \
        of its max_concurrent slots and blocks while all are taken: on the timeline, the extra \
        goroutines wait on the send until a running one releases its slot. The run takes \
        ceil(tasks / max_concurrent) × latency_ms, and the peak never exceeds the limit. \
        Results land in a slice by index, so they print in order whatever order they finish.",
    cost: cost,
    goroutines: [task],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int("tasks", "Tasks", (0, 100_000), "10", "", "URLs to fetch."),
    ParamSpec::int(
        "max_concurrent",
        "Max concurrent",
        (1, 1024),
        "3",
        "",
        "The semaphore's slots.",
    ),
    ParamSpec::int(
        "latency_ms",
        "Latency",
        (0, 60_000),
        "100",
        "ms",
        "How long each fetch takes.",
    ),
];

/// Every task starts at once and waits for one of `max_concurrent` slots.
fn cost(p: &Params) -> Cost {
    let tasks = count(p, "tasks");
    Cost {
        goroutines: tasks + 1,
        live: tasks + 1,
        steps: 12 * tasks,
        lines: tasks + 1,
        wait_ns: rounds(p.int("tasks"), p.int("max_concurrent"))
            .saturating_mul(ms_ns(p.int("latency_ms"))),
        cpu_units: 0,
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("tasks") as usize,
        p.int("max_concurrent") as usize,
        p.int("latency_ms") as u64,
    ))
}

/// Pretends to request `url`.
async fn fetch(url: String, latency_ms: u64) -> String {
    sleep(ms(latency_ms)).await;
    format!("{url} -> 200")
}

/// `active` and `peak`, guarded by `mu`.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
struct Gauge {
    mu: Mutex,
    active: Var<i64>,
    peak: Var<i64>,
}

async fn task(
    i: usize,
    sem: Chan<()>,
    results: Var<Vec<String>>,
    gauge: Gauge,
    wg: WaitGroup,
    latency_ms: u64,
) {
    sem.send(()).await; // acquire

    gauge.mu.lock().await;
    let active = gauge
        .active
        .update(|a| {
            *a += 1;
            *a
        })
        .await;
    gauge.peak.update(|p| *p = (*p).max(active)).await;
    gauge.mu.unlock().await;

    let r = fetch(format!("https://example.com/{i}"), latency_ms).await;
    results.update(|rs| rs[i] = r).await;

    gauge.mu.lock().await;
    gauge.active.update(|a| *a -= 1).await;
    gauge.mu.unlock().await;

    sem.recv().await; // release
    wg.done().await;
}

async fn program(tasks: usize, max_concurrent: usize, latency_ms: u64) {
    let sem = make_chan::<()>(max_concurrent);
    let results = Var::new(vec![String::new(); tasks]);

    let gauge = Gauge {
        mu: Mutex::new(),
        active: Var::new(0),
        peak: Var::new(0),
    };
    let wg = WaitGroup::new();
    for i in 0..tasks {
        wg.add(1).await;
        go_named(
            "fetch",
            i as u32,
            task,
            (i, sem, results, gauge, wg, latency_ms),
        );
    }
    wg.wait().await;

    for r in results.get().await {
        rt::println(r);
    }
    rt::println(format!("peak concurrency: {}", gauge.peak.get().await));
}
