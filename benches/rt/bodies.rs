//! The runtime's benchmarks, shared by the native harness (`benches/rt/main.rs`) and the
//! browser one (`examples/rt_bench_web.rs`): each platform supplies only a clock and an
//! allocation counter ([`Host`]).
//!
//! Every benchmark is a chanlab program run to completion with the default configuration,
//! so tracing is on, as it is on the page. `benches/rt/baseline_test.go` is the same five
//! programs in Go, for the reference figures.

use std::future::Future;

use chanlab::rt::{self, go, make_chan, Chan, Config, Limits, Report, Runtime, WaitGroup};

/// What a platform provides.
#[derive(Clone, Copy)]
pub struct Host {
    /// The clock benchmarks are timed by, in ns: this thread's CPU time where the platform
    /// has it, else a monotonic wall clock.
    pub now_ns: fn() -> f64,
    /// Bytes currently allocated on the heap.
    pub allocated: fn() -> usize,
}

/// One measured figure.
#[derive(Clone, Debug)]
pub struct Figure {
    /// A stable key (`ping_pong`), shared with the Go baseline.
    pub key: &'static str,
    pub what: &'static str,
    /// Measured with tracing on (every event kept).
    pub value: f64,
    /// Measured with tracing off (`trace_cap: 0`), for the timed benchmarks.
    pub untraced: Option<f64>,
    pub unit: &'static str,
    /// The target, if any, and whether lower is better (always true for our targets).
    pub target: Option<f64>,
}

/// How much work each benchmark does; `quick` is for a smoke run.
#[derive(Clone, Copy)]
pub struct Sizes {
    pub spawn_join: u64,
    pub ping_pong: u64,
    pub buffered: u64,
    pub select4: u64,
    pub parked: u64,
    /// Runs of each timed benchmark, tracing on and off alike; the fastest counts.
    pub reps: u32,
}

impl Sizes {
    /// Each run's trace fits the default cap, so every event is kept. Many runs, so that
    /// some run undisturbed on a busy machine.
    pub const FULL: Sizes = Sizes {
        spawn_join: 250_000,
        ping_pong: 200_000,
        buffered: 1_000_000,
        select4: 500_000,
        parked: 1_000_000,
        reps: 16,
    };

    /// For a wall clock that other processes' time counts in (the browser's): runs of a
    /// couple of ms, each likely to fit in one time slice of a busy machine, and many of
    /// them. The figures are per operation, so they compare with the native ones.
    #[allow(dead_code)] // the browser harness's; the native one uses FULL
    pub const WEB: Sizes = Sizes {
        spawn_join: 10_000,
        ping_pong: 10_000,
        buffered: 50_000,
        select4: 10_000,
        parked: 1_000_000,
        reps: 48,
    };

    pub const QUICK: Sizes = Sizes {
        spawn_join: 10_000,
        ping_pong: 10_000,
        buffered: 10_000,
        select4: 10_000,
        parked: 10_000,
        reps: 3,
    };
}

/// Runs `main` on a fresh runtime with `config`; returns the time it took, in ns, and the
/// report. Panics if the program did not exit normally.
fn run(host: Host, config: Config, main: impl Future<Output = ()> + 'static) -> (f64, Report) {
    let start = (host.now_ns)();
    let report = Runtime::new(config).run(main);
    let end = (host.now_ns)();
    assert_eq!(report.exit_code(), 0, "{:?}", report.lines());
    (end - start, report)
}

/// Runs `main` tracing on (the default configuration) or off, and returns the time it took,
/// in ns. With tracing on, every event must be kept (the sizes are chosen to fit the cap).
fn timed(host: Host, trace: bool, main: impl Future<Output = ()> + 'static) -> f64 {
    let trace_cap = if trace {
        Config::default().trace_cap
    } else {
        0
    };
    let (ns, report) = run(
        host,
        Config {
            trace_cap,
            // Measurements are not cut short.
            limits: Limits::none(),
            ..Config::default()
        },
        main,
    );
    assert!(
        !trace || !report.trace.truncated(),
        "the trace fits its cap: {} events, {} dropped",
        report.trace.events.len(),
        report.trace.dropped
    );
    ns
}

/// Times `program` (a fresh one per call) with tracing on and off, each the fastest (the
/// least disturbed) of several runs, and returns the figures (`per` turns a time into one).
fn measure<F: Future<Output = ()> + 'static>(
    host: Host,
    reps: u32,
    mut program: impl FnMut() -> F,
    per: impl Fn(f64) -> f64,
) -> (f64, Option<f64>) {
    // Alternating, so that whatever else the machine does weighs on both alike.
    let (mut on, mut off) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..reps {
        on = on.min(timed(host, true, program()));
        off = off.min(timed(host, false, program()));
    }
    (per(on), Some(per(off)))
}

/// `go func() { wg.Done() }(); wg.Wait()`, one goroutine at a time.
pub fn spawn_join(host: Host, n: u64, reps: u32) -> Figure {
    async fn done(wg: WaitGroup) {
        wg.done().await;
    }
    let program = || async move {
        let wg = WaitGroup::new();
        for _ in 0..n {
            wg.add(1).await;
            go(done, (wg,));
            wg.wait().await;
        }
    };
    let (value, untraced) = measure(host, reps, program, |ns| ns / n as f64);
    Figure {
        key: "spawn_join",
        what: "goroutine spawn+join",
        value,
        untraced,
        unit: "ns",
        target: Some(100.0),
    }
}

/// A value sent to a goroutine and back over two unbuffered channels.
pub fn ping_pong(host: Host, n: u64, reps: u32) -> Figure {
    async fn echo(ping: Chan<u64>, pong: Chan<u64>) {
        while let Some(v) = ping.recv().await {
            pong.send(v).await;
        }
    }
    let program = || async move {
        let ping = make_chan::<u64>(0);
        let pong = make_chan::<u64>(0);
        go(echo, (ping, pong));
        for i in 0..n {
            ping.send(i).await;
            let back = pong.recv().await;
            debug_assert_eq!(back, Some(i));
        }
        ping.close().await;
    };
    let (value, untraced) = measure(host, reps, program, |ns| ns / n as f64);
    Figure {
        key: "ping_pong",
        what: "unbuffered ping-pong round trip",
        value,
        untraced,
        unit: "ns",
        target: Some(100.0),
    }
}

/// A producer and a consumer on a channel with a buffer of 128.
pub fn buffered(host: Host, n: u64, reps: u32) -> Figure {
    async fn produce(ch: Chan<u64>, n: u64) {
        for i in 0..n {
            ch.send(i).await;
        }
        ch.close().await;
    }
    let program = || async move {
        let ch = make_chan::<u64>(128);
        go(produce, (ch, n));
        let mut sum = 0u64;
        while let Some(v) = ch.recv().await {
            sum = sum.wrapping_add(v);
        }
        assert_eq!(sum, n * (n - 1) / 2);
    };
    let (value, untraced) = measure(host, reps, program, |ns| n as f64 / (ns / 1e9));
    Figure {
        key: "buffered",
        what: "buffered channel throughput (cap 128)",
        value,
        untraced,
        unit: "msg/s",
        target: None,
    }
}

/// `select` receiving from one of 4 channels that each hold a value; the chosen one is
/// refilled (a buffered send) so all 4 stay ready.
pub fn select4(host: Host, n: u64, reps: u32) -> Figure {
    let program = || async move {
        let chans: [Chan<u64>; 4] = std::array::from_fn(|_| make_chan(1));
        for (i, ch) in chans.iter().enumerate() {
            ch.send(i as u64).await;
        }
        for _ in 0..n {
            let mut sel = rt::Select::new();
            for ch in chans {
                sel.recv(ch);
            }
            let mut got = sel.wait().await;
            let i = got.index().expect("no default case");
            let v = got.take(chans[i]).expect("open channel");
            chans[i].send(v).await;
        }
    };
    let (value, untraced) = measure(host, reps, program, |ns| ns / n as f64);
    Figure {
        key: "select4",
        what: "select over 4 ready channels",
        value,
        untraced,
        unit: "ns/op",
        target: None,
    }
}

/// `n` goroutines parked receiving on one channel, tracing on: heap bytes per goroutine.
pub fn parked(host: Host, n: u64) -> Figure {
    async fn wait(ch: Chan<()>, wg: WaitGroup) {
        ch.recv().await;
        wg.done().await;
    }
    thread_local! {
        static MEASURED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    // The run's trace takes the event buffer a previous run left (see `trace::spare_bytes`):
    // memory the parked goroutines' events use although it is not allocated anew.
    let before = (host.allocated)() - rt::trace::spare_bytes();
    let allocated = host.allocated;
    // Waking them all afterwards overflows the trace cap; only the parked state is measured.
    let config = Config {
        limits: Limits::none(),
        ..Config::default()
    };
    run(host, config, async move {
        let ch = make_chan::<()>(0);
        let wg = WaitGroup::new();
        wg.add(n as i64).await;
        for _ in 0..n {
            go(wait, (ch, wg));
        }
        // Let every goroutine run and park, then measure.
        rt::gosched().await;
        MEASURED.with(|m| m.set(allocated()));
        ch.close().await;
        wg.wait().await;
    });
    let bytes = MEASURED.with(|m| m.get()).saturating_sub(before);
    Figure {
        key: "parked",
        what: "memory per parked goroutine (tracing on)",
        value: bytes as f64 / n as f64,
        untraced: None,
        unit: "B",
        target: Some(300.0),
    }
}

/// The benchmarks whose key contains `filter` (all for ""), in the order tables print them.
///
/// The memory benchmark runs first, while no earlier run has left a trace buffer for its
/// run to reuse: its figure is then what a run on a fresh worker allocates.
pub fn run_all(host: Host, sizes: Sizes, filter: &str) -> Vec<Figure> {
    let all: [(&str, &dyn Fn() -> Figure); 5] = [
        ("parked", &|| parked(host, sizes.parked)),
        ("spawn_join", &|| {
            spawn_join(host, sizes.spawn_join, sizes.reps)
        }),
        ("ping_pong", &|| {
            ping_pong(host, sizes.ping_pong, sizes.reps)
        }),
        ("buffered", &|| buffered(host, sizes.buffered, sizes.reps)),
        ("select4", &|| select4(host, sizes.select4, sizes.reps)),
    ];
    let mut figures: Vec<Figure> = all
        .iter()
        .filter(|(key, _)| key.contains(filter))
        .map(|(_, run)| run())
        .collect();
    // Printed with the memory figure last.
    let parked_first = figures.first().is_some_and(|f| f.key == "parked");
    figures.rotate_left(usize::from(parked_first));
    figures
}

/// Go 1.19's figure on the project's machine where the issue gives one (ping-pong and
/// spawn+join measured; for memory, a goroutine's minimum stack), for the tables'
/// reference column when Go is not measured in the same run.
pub fn go_reference(key: &str) -> Option<f64> {
    match key {
        "spawn_join" => Some(137.0),
        "ping_pong" => Some(198.0),
        "parked" => Some(2048.0),
        _ => None,
    }
}

/// Figures as JSON, for the harnesses to hand to scripts:
/// `[{"key":…,"what":…,"value":…,"untraced":…,"unit":…,"target":…,"go_ref":…}, …]`.
pub fn to_json(figures: &[Figure]) -> String {
    let items: Vec<serde_json::Value> = figures
        .iter()
        .map(|f| {
            serde_json::json!({
                "key": f.key,
                "what": f.what,
                "value": f.value,
                "untraced": f.untraced,
                "unit": f.unit,
                "target": f.target,
                "go_ref": go_reference(f.key),
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}
