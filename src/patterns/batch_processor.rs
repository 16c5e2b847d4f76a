//! `batch-processor`: an HTTP batch with a concurrency limit, a deadline and a failure.

use super::cost::{count, ms_ns, rounds, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{
    self, after, background, errgroup, fmt_duration, ms, with_timeout, Context, Error, Rng, Var,
};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "batch-processor",
    title: "HTTP batch processor",
    group: Patterns,
    params: PARAMS,
    source: include_str!("go/batch-processor.go"),
    explanation: "errgroup with SetLimit keeps at most limit requests in flight: g.Go blocks \
        until a slot is free, so the timeline never shows more than limit requests at once. \
        The whole batch shares one deadline. Set fail to a URL's index and its error cancels \
        the requests still running; shorten timeout_ms and the deadline does. Latencies are \
        latency_ms give or take a jitter drawn from the seed: change the seed for others.",
    extra: |p, seed| {
        let list = latencies(p, seed)
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        vec![("latencies", list)]
    },
    cost: cost,
    goroutines: [],
    errgroup: [request],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "urls",
        "URLs",
        (0, 10_000),
        "8",
        "",
        "Requests in the batch.",
    ),
    ParamSpec::int(
        "limit",
        "Limit",
        (1, 1024),
        "3",
        "",
        "g.SetLimit: requests in flight at most.",
    ),
    ParamSpec::int(
        "timeout_ms",
        "Timeout",
        (0, 60_000),
        "10000",
        "ms",
        "The deadline for the whole batch.",
    ),
    ParamSpec::int(
        "latency_ms",
        "Latency",
        (0, 60_000),
        "100",
        "ms",
        "Each request's typical latency.",
    ),
    ParamSpec::int(
        "jitter_ms",
        "Jitter",
        (0, 60_000),
        "50",
        "ms",
        "Each latency is off by up to this much, drawn from the seed.",
    ),
    ParamSpec::int(
        "fail",
        "Failing URL",
        (-1, 10_000),
        "-1",
        "",
        "The index of a URL that fails (-1: none).",
    ),
];

/// Each URL's latency in ms: `latency_ms` plus a jitter in `-jitter_ms..=jitter_ms` drawn from
/// `seed`, never below zero.
pub fn latencies(p: &Params, seed: u64) -> Vec<u64> {
    let (base, jitter) = (p.int("latency_ms"), p.int("jitter_ms"));
    let mut rng = Rng::new(seed);
    (0..p.int("urls"))
        .map(|_| {
            let j = rng.below(2 * jitter as u64 + 1) as i64 - jitter;
            (base + j).max(0) as u64
        })
        .collect()
}

/// Requests run `limit` at a time until the batch's timeout.
fn cost(p: &Params) -> Cost {
    let urls = count(p, "urls");
    let slowest = ms_ns(p.int("latency_ms").saturating_add(p.int("jitter_ms")));
    let all = rounds(p.int("urls"), p.int("limit")).saturating_mul(slowest);
    Cost {
        goroutines: urls + 2,
        live: urls + 2,
        steps: 12 * urls,
        lines: urls + 1,
        wait_ns: all.min(ms_ns(p.int("timeout_ms"))),
        cpu_units: 0,
    }
}

fn start(p: &Params, seed: u64) -> Main {
    Box::pin(program(
        latencies(p, seed),
        p.int("limit"),
        p.int("timeout_ms") as u64,
        p.int("fail"),
    ))
}

/// Pretends to request `url`, which answers after `latency_ms`.
async fn fetch(ctx: Context, url: String, latency_ms: u64, fail: bool) -> Result<String, Error> {
    let mut cancelled = None;
    select! {
        recv(after(ms(latency_ms))) => {},
        recv(ctx.done()) => { cancelled = ctx.err().await; },
    }
    if let Some(err) = cancelled {
        return Err(err);
    }
    if fail {
        return Err(Error::new(format!("{url} returned 500")));
    }
    Ok(format!("{url}: 200 ({})", fmt_duration(ms(latency_ms))))
}

async fn request(
    ctx: Context,
    i: usize,
    latency_ms: u64,
    fail: bool,
    results: Var<Vec<String>>,
) -> Result<(), Error> {
    let url = format!("https://example.com/page/{i}");
    let res = fetch(ctx, url, latency_ms, fail).await?;
    results.update(|r| r[i] = res).await;
    Ok(())
}

async fn program(latencies: Vec<u64>, limit: i64, timeout_ms: u64, fail: i64) {
    let (ctx, cancel) = with_timeout(background(), ms(timeout_ms));

    let results = Var::new(vec![String::new(); latencies.len()]);

    let (g, ctx) = errgroup::with_context(ctx);
    g.set_limit(limit).await;
    for (i, latency) in latencies.iter().enumerate() {
        let args = (ctx, i, *latency, i as i64 == fail, results);
        g.go(request, args).await;
    }

    match g.wait().await {
        Err(err) => rt::println(format!("batch check error: {err}")),
        Ok(()) => {
            for r in results.get().await {
                rt::println(r);
            }
        }
    }
    cancel.cancel();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::Params;

    #[test]
    fn latencies_stay_within_the_jitter_and_follow_the_seed() {
        let p = Params::defaults(PARAMS);
        let a = latencies(&p, 1);
        assert_eq!(a.len(), 8);
        assert!(a.iter().all(|l| (50..=150).contains(l)), "{a:?}");
        assert_eq!(a, latencies(&p, 1));
        assert_ne!(a, latencies(&p, 2));
    }
}
