//! The interpreter's speed, natively: `cargo bench --bench golang` (`-- --quick` for a smoke
//! run, which `cargo test --benches` does). The browser's figures: `scripts/bench_interp.sh`.
//!
//! The benchmarks are `bodies.rs`'s, timed by this thread's CPU time; the `doTask` loop's
//! baseline is the same loop built by Go (when a Go toolchain is found), timed by the
//! program itself, the best of several runs.

#[path = "../rt/bodies.rs"]
#[allow(dead_code)]
mod bodies;
#[path = "bodies.rs"]
mod interp;

use interp::Sizes;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick") || !args.iter().any(|a| a == "--bench");
    let sizes = if quick { Sizes::QUICK } else { Sizes::FULL };
    let host = bodies::Host {
        now_ns: || cpu_ns() as f64,
        allocated: || 0,
    };
    let largest = interp::largest_catalog_source();
    // For the browser's harness, which compiles the same source without the catalog.
    if let Some(path) = args.iter().position(|a| a == "--write-largest") {
        let path = args.get(path + 1).expect("--write-largest PATH");
        std::fs::write(path, &largest).expect("the largest catalog program is written");
    }
    let rows = [
        interp::do_task(host, sizes, go_loop_ns(sizes.loop_n)),
        interp::spawn_join(host, sizes),
        interp::ping_pong(host, sizes),
        interp::compile_largest(host, &largest, 2000.0),
    ];
    print!("{}", interp::table(&rows));
}

/// This thread's CPU time in ns.
fn cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// The same loop built by Go (`go_loop/main.go`), in ns an iteration, if a Go toolchain is
/// found.
fn go_loop_ns(n: u64) -> Option<f64> {
    let go = ["/usr/lib/go-1.19/bin/go", "go"].into_iter().find(|g| {
        std::process::Command::new(g)
            .arg("version")
            .output()
            .is_ok()
    })?;
    let dir = std::env::temp_dir().join(format!("chanlab-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let bin = dir.join("loop");
    let src = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/golang/go_loop/main.go"
    );
    let built = std::process::Command::new(go)
        .args(["build", "-o"])
        .arg(&bin)
        .arg(src)
        .env("GO111MODULE", "off")
        .status()
        .ok()?;
    let out = built
        .success()
        .then(|| std::process::Command::new(&bin).arg(n.to_string()).output())
        .and_then(Result::ok);
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&out?.stdout).trim().parse().ok()
}
