//! Random programs of channel operations, selects (with and without default), sleeps,
//! mutex and WaitGroup operations across several goroutines, each run checked against a
//! reference model of Go's semantics (`rt_checks/property.rs`).

mod rt_checks;
mod rt_support;

use rt_checks::property::{check_programs, Ending};

#[test]
fn random_programs_follow_gos_semantics() {
    let coverage = check_programs(0..1_500);
    println!(
        "endings: {:?}\noperations: {:?}",
        coverage.endings, coverage.ops
    );
    // The generator reaches every kind of ending, and every kind of operation, often.
    for ending in [Ending::Exit, Ending::Deadlock, Ending::Panic] {
        assert!(
            coverage.endings.get(&ending).copied().unwrap_or(0) > 100,
            "{:?}",
            coverage.endings
        );
    }
    for kind in [
        "send",
        "recv",
        "close",
        "select",
        "select-default",
        "sleep",
        "lock",
        "unlock",
        "wg-add",
        "wg-done",
        "wg-wait",
    ] {
        assert!(
            coverage.ops.get(kind).copied().unwrap_or(0) > 200,
            "{kind}: {:?}",
            coverage.ops
        );
    }
    assert!(coverage.ops.values().sum::<u32>() > 10_000);
}
