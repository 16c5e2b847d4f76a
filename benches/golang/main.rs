//! The interpreter's speed, natively: `cargo bench --bench golang` (`-- --quick` for a smoke
//! run, which `cargo test --benches` does).
//!
//! Each figure is measured beside its baseline in the same run, so the ratio holds on a busy
//! machine: the `doTask` loop beside the same loop built by Go (when a Go toolchain is
//! found), and goroutine spawn+join and channel ping-pong beside the Rust programs of
//! `benches/rt` that do the same on the same runtime. Compiling the largest catalog program
//! (parse, check, compile) is timed on its own. Times are this thread's CPU time, the best of
//! several runs.

#[path = "../rt/bodies.rs"]
#[allow(dead_code)]
mod bodies;

use std::rc::Rc;
use std::time::Instant;

use chanlab::golang::vm::program::Program;
use chanlab::rt::Config;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick") || !args.iter().any(|a| a == "--bench");
    let reps = if quick { 2 } else { 12 };
    let scale = if quick { 1 } else { 20 };
    println!(
        "{:<44} {:>14} {:>14} {:>8} {:>8}",
        "benchmark", "chanlab", "baseline", "ratio", "target"
    );
    let n_loop = 5_000_000 * scale;
    let interp = loop_ns(n_loop, reps);
    let go = go_loop_ns(n_loop);
    row(
        "doTask loop, ns an iteration (baseline: Go)",
        interp,
        go,
        10.0,
    );
    let n = 10_000 * scale as u64;
    let host = bodies::Host {
        now_ns: || cpu_ns() as f64,
        allocated: || 0,
    };
    let interp = spawn_join_ns(n, reps);
    let rust = bodies::spawn_join(host, n, reps as u32).value;
    row(
        "spawn+join, ns (baseline: Rust on chanlab)",
        interp,
        Some(rust),
        2.0,
    );
    let interp = ping_pong_ns(n, reps);
    let rust = bodies::ping_pong(host, n, reps as u32).value;
    row(
        "ping-pong round trip, ns (baseline: Rust)",
        interp,
        Some(rust),
        2.0,
    );
    let (name, us) = compile_us(reps);
    println!(
        "{:<44} {:>14.1} {:>14} {:>8} {:>8}",
        format!("compile {name}, µs"),
        us,
        "",
        "",
        "≤ 2000"
    );
}

fn row(what: &str, value: f64, baseline: Option<f64>, target: f64) {
    match baseline {
        Some(b) => println!(
            "{what:<44} {value:>14.2} {b:>14.2} {:>8.2} {:>8}",
            value / b,
            format!("≤ {target}×")
        ),
        None => println!(
            "{what:<44} {value:>14.2} {:>14} {:>8} {:>8}",
            "no Go", "", ""
        ),
    }
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

fn compile(src: &str) -> Rc<Program> {
    match chanlab::golang::compile(src, "prog.go") {
        Ok(p) => p,
        Err(d) => panic!("benchmark program does not compile: {:?}", d.lines()),
    }
}

/// The best time, in ns, of `reps` runs of `prog`.
fn best_run(prog: &Rc<Program>, reps: usize) -> f64 {
    (0..reps)
        .map(|_| {
            let t = cpu_ns();
            let r = chanlab::golang::vm::run::run_program(prog.clone(), Config::default());
            let ns = cpu_ns() - t;
            assert_eq!(r.exit_code(), 0, "{:?}", r.lines());
            ns as f64
        })
        .fold(f64::INFINITY, f64::min)
}

/// The catalog's `doTask`, called once with a large `n`.
const LOOP: &str = r#"package main

import "sync/atomic"

// sink keeps doTask's sums, so the compiler cannot drop the loop.
var sink atomic.Int64

// doTask is real CPU work: it sums the integers below n.
func doTask(n int) {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i
	}
	sink.Add(int64(sum))
}

func main() {
	doTask({{N}})
}
"#;

fn loop_ns(n: u64, reps: usize) -> f64 {
    let prog = compile(&LOOP.replace("{{N}}", &n.to_string()));
    best_run(&prog, reps) / n as f64
}

/// The same loop built by Go, timed by the program itself, if a Go toolchain is found.
fn go_loop_ns(n: u64) -> Option<f64> {
    let go = ["/usr/lib/go-1.19/bin/go", "go"].into_iter().find(|g| {
        std::process::Command::new(g)
            .arg("version")
            .output()
            .is_ok()
    })?;
    let dir = std::env::temp_dir().join(format!("chanlab-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let src = LOOP
        .replace(
            "import \"sync/atomic\"",
            "import (\n\t\"fmt\"\n\t\"sync/atomic\"\n\t\"time\"\n)",
        )
        .replace(
            "\tdoTask({{N}})",
            "\tbest := time.Hour\n\tfor r := 0; r < 5; r++ {\n\t\tt := time.Now()\n\t\tdoTask({{N}})\n\t\tif d := time.Since(t); d < best {\n\t\t\tbest = d\n\t\t}\n\t}\n\tfmt.Println(best.Nanoseconds())",
        )
        .replace("{{N}}", &n.to_string());
    std::fs::write(dir.join("loop.go"), src).ok()?;
    let built = std::process::Command::new(go)
        .args(["build", "-o", "loop", "loop.go"])
        .current_dir(&dir)
        .env("GO111MODULE", "off")
        .status()
        .ok()?;
    if !built.success() {
        return None;
    }
    let out = std::process::Command::new(dir.join("loop")).output().ok()?;
    let _ = std::fs::remove_dir_all(&dir);
    let ns: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
    Some(ns / n as f64)
}

fn spawn_join_ns(n: u64, reps: usize) -> f64 {
    let src = r#"package main

import "sync"

func done(wg *sync.WaitGroup) {
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < {{N}}; i++ {
		wg.Add(1)
		go done(&wg)
		wg.Wait()
	}
}
"#;
    let prog = compile(&src.replace("{{N}}", &n.to_string()));
    best_run(&prog, reps) / n as f64
}

fn ping_pong_ns(n: u64, reps: usize) -> f64 {
    let src = r#"package main

func echo(ping, pong chan int) {
	for v := range ping {
		pong <- v
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go echo(ping, pong)
	for i := 0; i < {{N}}; i++ {
		ping <- i
		if <-pong != i {
			panic("lost")
		}
	}
	close(ping)
}
"#;
    let prog = compile(&src.replace("{{N}}", &n.to_string()));
    best_run(&prog, reps) / n as f64
}

/// The largest catalog program (rendered with its defaults) and the best time to parse, check
/// and compile it, in µs.
fn compile_us(reps: usize) -> (String, f64) {
    let (id, src) = chanlab::patterns::catalog()
        .iter()
        .map(|p| {
            let params = chanlab::patterns::Params::defaults(p.params);
            (p.id, p.go_source(&params, 1))
        })
        .max_by_key(|(_, s)| s.len())
        .expect("a catalog");
    let best = (0..reps.max(20))
        .map(|_| {
            let t = Instant::now();
            compile(&src);
            t.elapsed().as_nanos() as f64 / 1000.0
        })
        .fold(f64::INFINITY, f64::min);
    (id.to_string(), best)
}
