//! `worker-pool`: a fixed pool of workers draining a jobs channel.

use super::cost::{count, ms_ns, rounds, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_as, go_named, make_chan, ms, sleep, Chan, Receiver, Sender, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "worker-pool",
    title: "Worker pool",
    group: Patterns,
    params: PARAMS,
    source: include_str!("go/worker-pool.go"),
    explanation: "A fixed number of workers take jobs from one buffered channel until it is \
        closed and drained; a closer goroutine closes results once every worker is done, which \
        ends main's loop. The run takes ceil(jobs / workers) × job_ms: watch the workers take \
        jobs in rounds on the timeline. Raise workers to shorten it, set job_ms to 0 and \
        cpu_work high to make the jobs CPU-bound, then raise procs to see the speedup.",
    cost: cost,
    goroutines: [worker, closer],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "workers",
        "Workers",
        (1, 1024),
        "5",
        "",
        "Goroutines in the pool.",
    ),
    ParamSpec::int(
        "jobs",
        "Jobs",
        (0, 100_000),
        "20",
        "",
        "Jobs sent on the jobs channel.",
    ),
    ParamSpec::int(
        "job_ms",
        "Job duration",
        (0, 60_000),
        "50",
        "ms",
        "Each job sleeps this long, as if waiting on I/O.",
    ),
    ParamSpec::int(
        "cpu_work",
        "CPU work per job",
        (0, 1_000_000_000),
        "0",
        "units",
        "Each job then sums this many integers for real (about 1 ns each).",
    ),
];

/// The workers take the jobs in rounds of `workers`.
fn cost(p: &Params) -> Cost {
    let (workers, jobs) = (count(p, "workers"), count(p, "jobs"));
    Cost {
        goroutines: workers + 2,
        live: workers + 2,
        steps: 6 * jobs + 4 * workers,
        lines: 1,
        wait_ns: rounds(p.int("jobs"), p.int("workers")).saturating_mul(ms_ns(p.int("job_ms"))),
        cpu_units: jobs.saturating_mul(count(p, "cpu_work")),
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("workers") as u32,
        p.int("jobs"),
        p.int("job_ms") as u64,
        p.int("cpu_work") as u64,
    ))
}

/// Takes jobs until the jobs channel is closed and drained.
async fn worker(
    jobs: Receiver<i64>,
    results: Sender<i64>,
    wg: WaitGroup,
    job_ms: u64,
    cpu_work: u64,
) {
    while let Some(j) = jobs.recv().await {
        sleep(ms(job_ms)).await;
        if cpu_work > 0 {
            rt::cpu_work(cpu_work).await;
        }
        results.send(j * 2).await;
    }
    wg.done().await;
}

/// Closes results once every worker is done.
async fn closer(wg: WaitGroup, results: Chan<i64>) {
    wg.wait().await;
    results.close().await;
}

async fn program(workers: u32, n_jobs: i64, job_ms: u64, cpu_work: u64) {
    let jobs = make_chan::<i64>(n_jobs as usize);
    let results = make_chan::<i64>(n_jobs as usize);

    let wg = WaitGroup::new();
    for w in 1..=workers {
        wg.add(1).await;
        let args = (jobs.receiver(), results.sender(), wg, job_ms, cpu_work);
        go_named("worker", w, worker, args);
    }

    for j in 1..=n_jobs {
        jobs.send(j).await;
    }
    jobs.close().await;

    go_as("closer", closer, (wg, results));

    let mut processed = 0;
    while results.recv().await.is_some() {
        processed += 1;
    }
    rt::println(format!("processed {processed} jobs"));
}
