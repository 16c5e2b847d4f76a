//! `worker-pool-context`: a worker pool stopped by a context deadline.

use super::cost::{count, ms_ns, rounds, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{
    self, after, background, go_named, make_chan, ms, with_timeout, AtomicInt, Context, Error,
    Receiver, WaitGroup,
};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "worker-pool-context",
    title: "Cancelling a worker pool",
    group: Patterns,
    params: PARAMS,
    source: TEMPLATE,
    explanation: "Every worker selects on ctx.Done() both between jobs and inside a job, so when \
        the deadline passes, jobs in progress are abandoned mid-way and no new ones start. \
        main reports how many jobs completed and why the pool stopped. Raise timeout_ms until \
        every job completes, and the stopped line disappears.",
    cost: cost,
    goroutines: [worker],
}

const TEMPLATE: &str = include_str!("go/worker-pool-context.go");

/// The warm-up program's parameters (see [`warm_up_source`]).
const WARM_UP: [(&str, &str); 4] = [
    ("workers", "2"),
    ("jobs", "8"),
    ("job_ms", "0"),
    ("timeout_ms", "100"),
];

/// The program a worker warms up on (`runner::host`): this pattern with two workers and eight
/// jobs that take no time, rendered from the template alone, so that a worker running it does
/// not carry the catalog (every pattern's texts and parameters).
pub fn warm_up_source() -> String {
    let extra: Vec<_> = WARM_UP.iter().map(|&(k, v)| (k, v.to_string())).collect();
    super::template::render(TEMPLATE, &Params::defaults(&[]), &extra)
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "workers",
        "Workers",
        (1, 1024),
        "4",
        "",
        "Goroutines in the pool.",
    ),
    ParamSpec::int(
        "jobs",
        "Jobs",
        (0, 100_000),
        "20",
        "",
        "Jobs queued before the workers start.",
    ),
    ParamSpec::int(
        "job_ms",
        "Job duration",
        (0, 60_000),
        "50",
        "ms",
        "How long each job takes.",
    ),
    ParamSpec::int(
        "timeout_ms",
        "Timeout",
        (0, 60_000),
        "120",
        "ms",
        "The context's deadline.",
    ),
];

/// The workers take the jobs in rounds of `workers`, until the timeout.
fn cost(p: &Params) -> Cost {
    let (workers, jobs) = (count(p, "workers"), count(p, "jobs"));
    let all = rounds(p.int("jobs"), p.int("workers")).saturating_mul(ms_ns(p.int("job_ms")));
    Cost {
        goroutines: workers + 1,
        live: workers + 1,
        steps: 6 * jobs + 4 * workers,
        lines: 2,
        wait_ns: all.min(ms_ns(p.int("timeout_ms"))),
        cpu_units: 0,
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("workers") as u32,
        p.int("jobs"),
        p.int("job_ms") as u64,
        p.int("timeout_ms") as u64,
    ))
}

/// Takes `job_ms`, unless ctx is cancelled first.
async fn process(ctx: Context, job_ms: u64) -> Result<(), Error> {
    let mut result = Ok(());
    select! {
        recv(after(ms(job_ms))) => {},
        recv(ctx.done()) => { result = Err(ctx.err().await.unwrap_or_else(|| Error::new(""))); },
    }
    result
}

async fn worker(
    ctx: Context,
    jobs: Receiver<i64>,
    completed: AtomicInt,
    wg: WaitGroup,
    job_ms: u64,
) {
    loop {
        let mut stop = false;
        select! {
            recv(ctx.done()) => { stop = true; },
            job = recv(jobs) => {
                stop = match job {
                    None => true,
                    Some(_) => process(ctx, job_ms).await.is_err(),
                };
                if !stop {
                    completed.add(1).await;
                }
            },
        }
        if stop {
            break;
        }
    }
    wg.done().await;
}

async fn program(workers: u32, n_jobs: i64, job_ms: u64, timeout_ms: u64) {
    let (ctx, cancel) = with_timeout(background(), ms(timeout_ms));

    let jobs = make_chan::<i64>(n_jobs as usize);
    for j in 1..=n_jobs {
        jobs.send(j).await;
    }
    jobs.close().await;

    let completed = AtomicInt::new();
    let wg = WaitGroup::new();
    for w in 1..=workers {
        wg.add(1).await;
        go_named(
            "worker",
            w,
            worker,
            (ctx, jobs.receiver(), completed, wg, job_ms),
        );
    }
    wg.wait().await;

    rt::println(format!(
        "completed {} of {n_jobs} jobs",
        completed.load().await
    ));
    if let Some(err) = ctx.err().await {
        rt::println(format!("stopped: {err}"));
    }
    cancel.cancel();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warm_up_program_is_the_pattern_with_its_parameters() {
        let (params, notices) = PATTERN.parse_params(WARM_UP);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(warm_up_source(), PATTERN.go_source(&params, 1));
        assert!(crate::golang::compile(&warm_up_source(), "prog.go").is_ok());
    }
}
