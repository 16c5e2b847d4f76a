//! Sim mode is deterministic: every pattern, run twice with one seed, prints the same lines and
//! records the same trace, event for event.

use chanlab::patterns;
use chanlab::rt::Config;

#[test]
fn every_pattern_is_reproducible_with_its_seed() {
    for p in patterns::catalog() {
        if p.id == "benchmark" {
            // Its figures are wall-clock measurements; its lines' shape is checked elsewhere.
            continue;
        }
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

#[test]
fn the_seed_decides_between_ready_select_cases() {
    // Both services answer at the same instant: which one select takes is the seed's choice,
    // and over many seeds both happen.
    let p = patterns::find("select").unwrap();
    let (params, _) = p.parse_params([("latency_a_ms", "100"), ("latency_b_ms", "100")]);
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..64 {
        let r = p.run_sim(
            &params,
            Config {
                seed,
                ..Config::default()
            },
        );
        seen.insert(r.output[0].text.clone());
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        ["response from service A", "response from service B"]
    );
}
