//! Determinism in sim mode: the same program and seed give the same output and the same
//! trace, event for event; different seeds change the choices Go leaves open; and select
//! chooses uniformly among ready cases.

mod rt_checks;
mod rt_support;

use chanlab::rt::{
    self, go, go_named, make_chan, ms, sleep, Chan, Config, Report, Runtime, WaitGroup,
};
use chanlab::select;
use rt_checks::uniformity;
use rt_support::run_seed;

/// A program whose run depends on the seed: workers racing on shared channels, selects over
/// several ready cases, timers due at the same instant.
fn busy(seed: u64) -> Report {
    async fn worker(id: u32, a: Chan<u32>, b: Chan<u32>, out: Chan<String>, wg: WaitGroup) {
        for _ in 0..20 {
            select! {
                v = recv(a) => { out.send(format!("w{id} a{}", v.unwrap_or(0))).await },
                v = recv(b) => { out.send(format!("w{id} b{}", v.unwrap_or(0))).await },
            }
        }
        wg.done().await;
    }
    async fn sleeper(id: u32, out: Chan<String>) {
        sleep(ms(5)).await;
        out.send(format!("sleeper {id} woke")).await;
    }
    run_seed(seed, async {
        let a = make_chan::<u32>(8);
        let b = make_chan::<u32>(8);
        let out = make_chan::<String>(100);
        let wg = WaitGroup::new();
        wg.add(3).await;
        for id in 0..3 {
            go_named("worker", id, worker, (id, a, b, out, wg));
        }
        for id in 0..3 {
            go(sleeper, (id, out));
        }
        for i in 0..60 {
            select! {
                send(a, i) => {},
                send(b, i) => {},
            }
        }
        wg.wait().await;
        sleep(ms(10)).await;
        out.close().await;
        while let Some(line) = out.recv().await {
            rt::println(line);
        }
    })
}

#[test]
fn the_same_seed_gives_the_same_output_and_trace() {
    for seed in [1, 2, 12345] {
        let a = busy(seed);
        let b = busy(seed);
        assert_eq!(a.output, b.output, "seed {seed}");
        assert_eq!(a.trace.events, b.trace.events, "seed {seed}");
        assert_eq!(a.trace.goroutines, b.trace.goroutines);
        assert_eq!(a.metrics, b.metrics);
        assert_eq!(a.end_ns, b.end_ns);
        assert_eq!(a.outcome, b.outcome);
        assert_eq!(
            a.trace.to_chrome_json(&a.output),
            b.trace.to_chrome_json(&b.output)
        );
        assert_eq!(a.exit_code(), 0);
        assert!(a.trace.events.len() > 200);
    }
}

#[test]
fn different_seeds_change_select_choices() {
    let runs: Vec<Vec<String>> = (1..=8)
        .map(|seed| busy(seed).lines().iter().map(|s| s.to_string()).collect())
        .collect();
    let distinct: std::collections::HashSet<&Vec<String>> = runs.iter().collect();
    assert!(distinct.len() >= 7, "{} distinct runs of 8", distinct.len());
    // Whatever the seed, the program's result is the same multiset of work: every value
    // 0..60 received once (by whichever worker, on whichever channel), every sleeper woken.
    let work = |run: &[String]| {
        let mut values: Vec<u32> = Vec::new();
        let mut sleepers: Vec<String> = Vec::new();
        for line in run {
            match line.split_once(' ') {
                Some((w, v)) if w.starts_with('w') => {
                    values.push(v[1..].parse().expect("a received value"))
                }
                _ => sleepers.push(line.clone()),
            }
        }
        values.sort();
        sleepers.sort();
        (values, sleepers)
    };
    for run in &runs {
        let (values, sleepers) = work(run);
        assert_eq!(values, (0..60).collect::<Vec<u32>>(), "{run:?}");
        assert_eq!(
            sleepers,
            ["sleeper 0 woke", "sleeper 1 woke", "sleeper 2 woke"]
        );
    }
}

#[test]
fn select_chooses_uniformly_among_ready_cases_within_a_run() {
    uniformity::within_a_run();
}

#[test]
fn select_chooses_uniformly_across_seeds() {
    uniformity::across_seeds();
}

#[test]
fn a_send_and_a_receive_case_both_ready_are_chosen_evenly() {
    uniformity::send_and_receive_evenly();
}

/// Eight goroutines sleep 10 ms each, set in the order they run; the order in which they
/// then report, on `procs` processors with `seed`.
fn naps_reported(procs: u32, seed: u64) -> String {
    async fn nap(id: u32, out: Chan<u32>) {
        sleep(ms(10)).await;
        out.send(id).await;
    }
    let config = Config {
        seed,
        procs,
        ..Config::default()
    };
    let r = Runtime::new(config).run(async {
        let out = make_chan::<u32>(8);
        for id in 0..8 {
            go(nap, (id, out));
        }
        let mut order = Vec::new();
        for _ in 0..8 {
            order.push(out.recv().await.unwrap().to_string());
        }
        rt::println(order.join(" "));
    });
    r.lines()[0].to_string()
}

#[test]
fn timers_due_together_on_one_processor_fire_in_gos_order() {
    // Go 1.19 at GOMAXPROCS=1, every run: the last goroutine started sleeps first; the
    // timers fire in the order they were set, and the last one fired runs first.
    for seed in 0..4 {
        assert_eq!(naps_reported(1, seed), "6 7 0 1 2 3 4 5", "seed {seed}");
    }
}

#[test]
fn timers_due_together_on_several_processors_fire_in_a_seeded_order_that_the_seed_reproduces() {
    assert_eq!(naps_reported(2, 5), naps_reported(2, 5));
    let distinct: std::collections::HashSet<String> = (0..6).map(|s| naps_reported(2, s)).collect();
    assert!(distinct.len() > 1);
}
