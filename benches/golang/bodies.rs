//! The interpreter's benchmarks, shared by the native harness (`benches/golang/main.rs`) and
//! the browser one (`examples/golang_bench_web.rs`): each platform supplies only a clock
//! ([`Host`], as the runtime's benchmarks take it).
//!
//! Each figure is measured beside its baseline in the same run, so the ratio holds on a busy
//! machine: goroutine spawn+join and channel ping-pong beside the Rust programs of
//! `benches/rt` that do the same on the same runtime (alternating runs, the best of each);
//! the `doTask` loop beside Go's own build of it, which each harness times itself. Every
//! interpreted program runs in sim mode with the default configuration (tracing on), as the
//! page runs it.

use std::rc::Rc;

use chanlab::golang::vm::program::Program;
use chanlab::rt::Config;

use super::bodies::{self as rt_bodies, Host};

/// One figure: the interpreter's, its baseline's (if measured) and the target ratio.
pub struct Row {
    /// A stable name, for the browser's figures.
    #[allow(dead_code)] // the browser harness's
    pub key: &'static str,
    pub what: &'static str,
    pub value: f64,
    pub baseline: Option<f64>,
    pub target: Target,
}

/// What the issue asks of a figure.
#[derive(Clone, Copy)]
pub enum Target {
    /// At most this many times the baseline.
    Ratio(f64),
    /// At most this value.
    Max(f64),
}

impl Row {
    pub fn ratio(&self) -> Option<f64> {
        self.baseline.map(|b| self.value / b)
    }

    /// Whether the target is met; `None` when its baseline was not measured.
    pub fn met(&self) -> Option<bool> {
        match self.target {
            Target::Ratio(r) => self.ratio().map(|x| x <= r),
            Target::Max(m) => Some(self.value <= m),
        }
    }
}

/// How much work each benchmark does.
#[derive(Clone, Copy)]
pub struct Sizes {
    /// Iterations of the `doTask` loop.
    pub loop_n: u64,
    /// Goroutines started and joined; round trips.
    pub n: u64,
    /// Runs of each; the fastest counts.
    pub reps: u32,
}

impl Sizes {
    pub const FULL: Sizes = Sizes {
        loop_n: 100_000_000,
        n: 200_000,
        reps: 12,
    };
    /// For the browser's wall clock, which counts other processes' time: short runs
    /// (a few ms), many of them.
    #[allow(dead_code)] // the browser harness's
    pub const WEB: Sizes = Sizes {
        loop_n: 5_000_000,
        n: 10_000,
        reps: 40,
    };
    pub const QUICK: Sizes = Sizes {
        loop_n: 1_000_000,
        n: 5_000,
        reps: 2,
    };
}

/// The catalog's `doTask`, called once with a large `n`: `{{N}}` is replaced. Its baseline,
/// `go_loop/main.go`, has the same `doTask`.
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

const SPAWN_JOIN: &str = r#"package main

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

const PING_PONG: &str = r#"package main

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

fn compile(src: &str) -> Rc<Program> {
    match chanlab::golang::compile(src, "prog.go") {
        Ok(p) => p,
        Err(d) => panic!("benchmark program does not compile: {:?}", d.lines()),
    }
}

/// One run of `prog`, in ns; panics unless it exits normally.
fn run_once(host: Host, prog: &Rc<Program>) -> f64 {
    let start = (host.now_ns)();
    let report = chanlab::golang::vm::run::run_program(prog.clone(), Config::default());
    let ns = (host.now_ns)() - start;
    assert_eq!(report.exit_code(), 0, "{:?}", report.lines());
    ns
}

/// `template` with `{{N}}` replaced by `n`, compiled.
fn program(template: &str, n: u64) -> Rc<Program> {
    compile(&template.replace("{{N}}", &n.to_string()))
}

/// The `doTask` loop, ns an iteration, the best of `reps` runs; `baseline` is Go's figure
/// for the same loop, timed by the harness.
pub fn do_task(host: Host, sizes: Sizes, baseline: Option<f64>) -> Row {
    let prog = program(LOOP, sizes.loop_n);
    let best = (0..sizes.reps)
        .map(|_| run_once(host, &prog))
        .fold(f64::INFINITY, f64::min);
    Row {
        key: "do_task",
        what: "doTask loop, ns an iteration (baseline: Go)",
        value: best / sizes.loop_n as f64,
        baseline,
        target: Target::Ratio(10.0),
    }
}

/// Times the interpreted program and the Rust one alternately, `reps` times each, and keeps
/// the best of each, per operation.
fn beside_rust(
    host: Host,
    sizes: Sizes,
    template: &str,
    rust: fn(Host, u64, u32) -> rt_bodies::Figure,
) -> (f64, f64) {
    let prog = program(template, sizes.n);
    let (mut interp, mut base) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..sizes.reps {
        interp = interp.min(run_once(host, &prog) / sizes.n as f64);
        base = base.min(rust(host, sizes.n, 1).value);
    }
    (interp, base)
}

pub fn spawn_join(host: Host, sizes: Sizes) -> Row {
    let (value, base) = beside_rust(host, sizes, SPAWN_JOIN, rt_bodies::spawn_join);
    Row {
        key: "spawn_join",
        what: "spawn+join, ns (baseline: Rust on chanlab)",
        value,
        baseline: Some(base),
        target: Target::Ratio(2.0),
    }
}

pub fn ping_pong(host: Host, sizes: Sizes) -> Row {
    let (value, base) = beside_rust(host, sizes, PING_PONG, rt_bodies::ping_pong);
    Row {
        key: "ping_pong",
        what: "ping-pong round trip, ns (baseline: Rust)",
        value,
        baseline: Some(base),
        target: Target::Ratio(2.0),
    }
}

/// The largest catalog program, rendered with its defaults.
pub fn largest_catalog_source() -> String {
    chanlab::patterns::catalog()
        .iter()
        .map(|p| p.go_source(&chanlab::patterns::Params::defaults(p.params), 1))
        .max_by_key(|s| s.len())
        .expect("a catalog")
}

/// Parse, check and compile `src` (the largest catalog program: [`largest_catalog_source`]),
/// the best of many, in µs against a limit of `limit_us`.
pub fn compile_largest(host: Host, src: &str, limit_us: f64) -> Row {
    let best = (0..40)
        .map(|_| {
            let start = (host.now_ns)();
            compile(src);
            ((host.now_ns)() - start) / 1000.0
        })
        .fold(f64::INFINITY, f64::min);
    Row {
        key: "compile",
        what: "compile the largest catalog program, µs",
        value: best,
        baseline: None,
        target: Target::Max(limit_us),
    }
}

/// The table the harnesses print.
pub fn table(rows: &[Row]) -> String {
    let mut out = format!(
        "{:<46} {:>10} {:>10} {:>7} {:>9} {:>4}\n",
        "benchmark", "chanlab", "baseline", "ratio", "target", "met"
    );
    for r in rows {
        let baseline = r.baseline.map_or(String::from("-"), |b| format!("{b:.2}"));
        let ratio = r.ratio().map_or(String::from("-"), |x| format!("{x:.2}×"));
        let target = match r.target {
            Target::Ratio(x) => format!("≤ {x}×"),
            Target::Max(x) => format!("≤ {x}"),
        };
        let met = match r.met() {
            Some(true) => "yes",
            Some(false) => "no",
            None => "?",
        };
        out += &format!(
            "{:<46} {:>10.2} {:>10} {:>7} {:>9} {:>4}\n",
            r.what, r.value, baseline, ratio, target, met
        );
    }
    out
}
