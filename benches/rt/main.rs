//! The runtime's benchmarks, natively: `cargo bench --bench rt` (add `-- --quick` for a
//! smoke run, `-- --json` for machine-readable figures, `-- ping_pong` for one benchmark;
//! `cargo test --benches` runs the smoke run).
//!
//! Prints each figure beside its target and Go's. Go's figures are measured in the same run
//! from `baseline_test.go` when a Go toolchain is found, else the reference constants
//! measured on the project's machine are shown.

#[path = "bodies.rs"]
mod bodies;
#[path = "counting.rs"]
mod counting;

use std::time::Instant;

use bodies::{Figure, Host, Sizes};
use counting::Counting;

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes `--bench`; run without it (`cargo test --benches`), the harness
    // is a quick smoke test of the benchmarks.
    let quick = args.iter().any(|a| a == "--quick") || !args.iter().any(|a| a == "--bench");
    let json = args.iter().any(|a| a == "--json");
    // `cargo bench` passes `--bench`; any other bare word filters the benchmarks by key.
    let filter = args[1..]
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("", |a| a.as_str());
    let epoch = Instant::now();
    EPOCH.with(|e| e.set(Some(epoch)));
    let host = Host {
        now_ns: if thread_cpu_ns().is_some() {
            || thread_cpu_ns().expect("was readable") as f64
        } else {
            || EPOCH.with(|e| e.get().expect("set in main").elapsed().as_nanos() as f64)
        },
        allocated: counting::allocated,
    };
    let figures = bodies::run_all(host, if quick { Sizes::QUICK } else { Sizes::FULL }, filter);
    if json {
        println!("{}", bodies::to_json(&figures));
    } else {
        print_table(&figures);
    }
}

thread_local! {
    static EPOCH: std::cell::Cell<Option<Instant>> = const { std::cell::Cell::new(None) };
}

/// The CPU time this thread has run, in ns (Linux), kernel time included: the benchmarks
/// are single-threaded, so this is their cost without the time other processes on the
/// machine took from them.
#[cfg(target_os = "linux")]
fn thread_cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to write.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_ns() -> Option<u64> {
    None
}

fn print_table(figures: &[Figure]) {
    println!(
        "{:<42} {:>10} {:>10} {:>10} {:<6} {:>8}",
        "benchmark", "trace on", "trace off", "Go 1.19*", "unit", "target"
    );
    let opt = |v: Option<f64>| v.map_or(String::from("-"), fmt);
    for f in figures {
        let target = f.target.map_or(String::from("-"), |t| format!("≤ {t}"));
        println!(
            "{:<42} {:>10} {:>10} {:>10} {:<6} {:>8}",
            f.what,
            fmt(f.value),
            opt(f.untraced),
            opt(bodies::go_reference(f.key)),
            f.unit,
            target
        );
    }
    println!("* Go 1.19 on the project's machine; for memory, a goroutine's minimum stack.");
    println!("  scripts/bench.sh measures Go in the same run, and the browser build.");
}

/// A figure with a precision that suits its size.
fn fmt(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.2}M", v / 1e6)
    } else {
        format!("{v:.1}")
    }
}
