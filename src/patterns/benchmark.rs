//! `benchmark`: a goroutine per task versus a worker pool, measured for real.

use super::cost::{count, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{self, do_task, go_named, gomaxprocs, make_chan, wall_ns, Chan, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "benchmark",
    title: "Worker pool vs one goroutine per task",
    group: Measuring,
    params: PARAMS,
    source: include_str!("go/benchmark.go"),
    explanation: "Both variants do the same real work, summing workload integers per task, and \
        are timed on the wall clock after a warm-up round. Spawning a goroutine per task pays \
        for tasks goroutines; the pool pays for workers goroutines and a channel send per \
        task. With tiny workloads the spawning dominates and the pool wins by far; raise \
        workload and the difference shrinks, since the work itself dominates.",
    cost: cost,
    goroutines: [task, pool_worker],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "tasks",
        "Tasks",
        (1, 1_000_000),
        "10000",
        "",
        "Tasks per round.",
    ),
    ParamSpec::int(
        "workload",
        "Workload",
        (0, 10_000_000),
        "1000",
        "units",
        "Integers each task sums.",
    ),
    ParamSpec::int(
        "workers",
        "Workers",
        (1, 1024),
        "8",
        "",
        "The pool's goroutines.",
    ),
    ParamSpec::int(
        "rounds",
        "Rounds",
        (1, 1000),
        "5",
        "",
        "Measured rounds, after one warm-up round.",
    ),
];

/// The benchmark's settings, as the Go source's constants.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
struct Bench {
    tasks: u64,
    workload: u64,
    workers: u32,
    rounds: u64,
}

/// A warm-up round and `rounds` measured rounds of each variant: a goroutine per task, then
/// the pool; every task computes `workload` units for real.
fn cost(p: &Params) -> Cost {
    let (tasks, workers) = (count(p, "tasks"), count(p, "workers"));
    let rounds = count(p, "rounds") + 1;
    let per_round = tasks.saturating_add(workers);
    Cost {
        goroutines: rounds.saturating_mul(per_round).saturating_add(1),
        live: tasks + 1,
        steps: rounds.saturating_mul(tasks).saturating_mul(8),
        lines: 3,
        wait_ns: 0,
        cpu_units: (2 * rounds)
            .saturating_mul(tasks)
            .saturating_mul(count(p, "workload")),
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(Bench {
        tasks: p.int("tasks") as u64,
        workload: p.int("workload") as u64,
        workers: p.int("workers") as u32,
        rounds: p.int("rounds") as u64,
    }))
}

async fn task(workload: u64, wg: WaitGroup) {
    do_task(workload);
    wg.done().await;
}

/// Starts one goroutine per task.
async fn naive_spawn(b: Bench) {
    let wg = WaitGroup::new();
    for i in 0..b.tasks {
        wg.add(1).await;
        go_named("task", i as u32, task, (b.workload, wg));
    }
    wg.wait().await;
}

async fn pool_worker(jobs: Chan<u64>, wg: WaitGroup) {
    while let Some(n) = jobs.recv().await {
        do_task(n);
    }
    wg.done().await;
}

/// Hands the tasks to a fixed pool of goroutines.
async fn worker_pool(b: Bench) {
    let jobs = make_chan::<u64>(b.tasks as usize);
    let wg = WaitGroup::new();
    for w in 0..b.workers {
        wg.add(1).await;
        go_named("worker", w, pool_worker, (jobs, wg));
    }
    for _ in 0..b.tasks {
        jobs.send(b.workload).await;
    }
    jobs.close().await;
    wg.wait().await;
}

/// Mean wall-clock ns of a round of the naive variant (`pool == false`) or the pool, after
/// one warm-up round.
async fn bench(b: Bench, pool: bool) -> u64 {
    let round = || async move {
        if pool {
            worker_pool(b).await
        } else {
            naive_spawn(b).await
        }
    };
    round().await;
    let start = wall_ns();
    for _ in 0..b.rounds {
        round().await;
    }
    (wall_ns() - start) / b.rounds
}

async fn program(b: Bench) {
    let procs = gomaxprocs();
    let naive = bench(b, false).await;
    let pool = bench(b, true).await;
    rt::println(format!(
        "BenchmarkNaiveSpawn-{procs}  {}  {naive} ns/op  {} goroutines/op",
        b.rounds, b.tasks
    ));
    rt::println(format!(
        "BenchmarkWorkerPool-{procs}  {}  {pool} ns/op  {} goroutines/op",
        b.rounds, b.workers
    ));
    rt::println(format!(
        "worker pool: {:.1}x faster, {:.1}x fewer goroutines",
        naive as f64 / pool.max(1) as f64,
        b.tasks as f64 / b.workers as f64
    ));
}
