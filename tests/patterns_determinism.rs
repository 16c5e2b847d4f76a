//! Sim mode is deterministic: every pattern, run twice with one seed, prints the same lines and
//! records the same trace, event for event.

use chanlab::patterns;
use chanlab::rt::Config;

#[test]
fn every_pattern_is_reproducible_with_its_seed() {
    for p in patterns::catalog() {
        for seed in [1, 7] {
            let (params, _) = p.parse_params([]);
            let config = Config {
                seed,
                ..Config::default()
            };
            let a = p.run_sim(&params, config.clone());
            let b = p.run_sim(&params, config);
            assert_eq!(a.output, b.output, "{} seed {seed}: output differs", p.id);
            assert_eq!(
                a.trace.events, b.trace.events,
                "{} seed {seed}: trace differs",
                p.id
            );
            assert_eq!(a.outcome, b.outcome, "{} seed {seed}", p.id);
            assert!(!a.trace.events.is_empty(), "{}: empty trace", p.id);
        }
    }
}

/// The `ns/op` figures of the benchmark's two `Benchmark…` lines, run in sim mode on `procs`.
fn benchmark_ns_per_op(procs: u32, params: &[(&str, &str)]) -> (u64, u64) {
    let p = patterns::find("benchmark").unwrap();
    let (params, _) = p.parse_params(params.iter().copied());
    let r = p.run_sim(
        &params,
        Config {
            procs,
            ..Config::default()
        },
    );
    let ns = |i: usize| -> u64 {
        let words: Vec<&str> = r.output[i].text.split_whitespace().collect();
        assert_eq!(words[3], "ns/op", "{}", r.output[i].text);
        words[2].parse().unwrap()
    };
    (ns(0), ns(1))
}

#[test]
fn the_benchmark_prints_its_models_time_in_sim_mode() {
    // One processor: everything is serial, so a round is the sum of the model's costs.
    // Naive: 10000 × (500 ns to spawn + 500 ns to start and end + 1000 units of work).
    // Pool: 8 × (500 + 500) for the workers, 10000 × (50 + 50 + 1000) for the jobs.
    assert_eq!(benchmark_ns_per_op(1, &[]), (20_000_000, 11_008_000));
    // More processors share the work; the pool wins with the defaults on every count.
    for procs in [2, 4, 8] {
        let (naive, pool) = benchmark_ns_per_op(procs, &[]);
        assert!(pool > 0 && pool < naive, "procs={procs}: {naive} vs {pool}");
        assert!(
            naive < 20_000_000,
            "procs={procs}: naive {naive} not sped up"
        );
    }
    // The work dominates: the two come close.
    let (naive, pool) = benchmark_ns_per_op(2, &[("workload", "1000000"), ("tasks", "100")]);
    assert!(naive.abs_diff(pool) * 20 < naive, "{naive} vs {pool}");
}

/// The first line of the `select` pattern whose two services answer after 100 ms each, on
/// `procs` processors, for seeds 0 to 63.
fn select_answers(procs: u32) -> Vec<String> {
    let p = patterns::find("select").unwrap();
    let (params, _) = p.parse_params([("latency_a_ms", "100"), ("latency_b_ms", "100")]);
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..64 {
        let r = p.run_sim(
            &params,
            Config {
                seed,
                procs,
                ..Config::default()
            },
        );
        seen.insert(r.output[0].text.clone());
    }
    seen.into_iter().collect()
}

#[test]
fn the_seed_decides_between_ready_select_cases() {
    // Both services answer at the same instant: on several processors, which one select
    // takes is the seed's choice, and over many seeds both happen.
    assert_eq!(
        select_answers(2),
        ["response from service A", "response from service B"]
    );
    // On one, Go's order, whatever the seed (Go 1.19 at GOMAXPROCS=1, every run): B, started
    // last, runs first and sets its timer first; A's fires last and A runs first.
    assert_eq!(select_answers(1), ["response from service A"]);
}
