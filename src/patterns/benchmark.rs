//! `benchmark`: a goroutine per task versus a worker pool.
//!
//! Real mode measures wall time. Sim mode runs the same program on its virtual clock, where
//! what Go spends is a model (below): every task's work and every modelled cost occupies one
//! of `procs` virtual processors, so the figures are deterministic and predict what Go prints
//! on a machine of `procs` cores. The work itself is computed for real in both modes.

use super::cost::{count, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{
    self, clock_ns, do_task, go_named, gomaxprocs, make_chan, sim_cost, Chan, WaitGroup,
    NS_PER_UNIT,
};

/// Sim mode's model, of Go 1.19 on one core of a current x86 machine: a `go` statement (the
/// goroutine's record and stack, and the WaitGroup's Add) costs the goroutine that runs it
/// this many ns;
const SPAWN_NS: u64 = 500;
/// a goroutine's scheduling, start and end (and its WaitGroup's Done) cost it this many;
const START_END_NS: u64 = 500;
/// a buffered channel's send or receive that does not wait costs this many; and a unit of
/// work costs [`NS_PER_UNIT`], one iteration of `doTask`'s loop.
const CHAN_OP_NS: u64 = 50;

pattern! {
    pub static PATTERN;
    id: "benchmark",
    title: "Worker pool vs one goroutine per task",
    group: Measuring,
    params: PARAMS,
    source: include_str!("go/benchmark.go"),
    explanation: "Both do the same real work, timed after a warm-up round. A goroutine per task \
        pays for tasks goroutines; the pool for workers goroutines and a send and receive per \
        task. Sim mode prints what its cost model of Go on procs cores predicts (a go statement \
        150 ns, a channel operation 50 ns, a loop iteration 1 ns). Real mode measures: a receive \
        across Web Workers is a message, dearer than in Go.",
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

/// `doTask(workload)`: computed for real, and in sim mode on a virtual processor for the
/// model's time (`extra_ns` more for the operations that come with it).
async fn work(workload: u64, extra_ns: u64) {
    do_task(workload);
    sim_cost(extra_ns + workload * NS_PER_UNIT).await;
}

async fn task(workload: u64, wg: WaitGroup) {
    work(workload, START_END_NS).await;
    wg.done().await;
}

/// Starts one goroutine per task.
async fn naive_spawn(b: Bench) {
    let wg = WaitGroup::new();
    for i in 0..b.tasks {
        wg.add(1).await;
        go_named("task", i as u32, task, (b.workload, wg));
    }
    // Spawning cost main SPAWN_NS a goroutine: paid in one piece on a processor while the
    // tasks run on the others (as many events as one, and the loop above never yields).
    sim_cost(b.tasks * SPAWN_NS).await;
    wg.wait().await;
}

async fn pool_worker(jobs: Chan<u64>, wg: WaitGroup) {
    while let Some(n) = jobs.recv().await {
        work(n, CHAN_OP_NS).await;
    }
    sim_cost(START_END_NS).await;
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
    // main's spawns and sends, paid in one piece as in `naive_spawn`.
    sim_cost(u64::from(b.workers) * SPAWN_NS + b.tasks * CHAN_OP_NS).await;
    jobs.close().await;
    wg.wait().await;
}

/// Mean ns of a round of the naive variant (`pool == false`) or the pool, after one warm-up
/// round, on the run's clock (see the module doc).
async fn bench(b: Bench, pool: bool) -> u64 {
    let round = || async move {
        if pool {
            worker_pool(b).await
        } else {
            naive_spawn(b).await
        }
    };
    round().await;
    let start = clock_ns();
    for _ in 0..b.rounds {
        round().await;
    }
    (clock_ns() - start) / b.rounds
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
