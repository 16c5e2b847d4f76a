//! The trace views' costs, natively: `cargo bench --bench chart` (`-- --survey` also lists
//! how many goroutines and events candidate runs make).
//!
//! For a run of about 10,000 goroutines and 1,000,000 trace events (the scale target)
//! and for a synthetic trace of exactly 1,000,000 events, prints the time to encode the trace
//! for the trip from the worker, to decode it on the page, to build the chart, and to compute
//! the first frame, with the frame's element count. Figures are printed, not asserted: the
//! browser's own figures come from the end-to-end benchmark (`scripts/bench-timeline.mjs`).

use std::collections::BTreeSet;
use std::time::Instant;

use chanlab::chart::data::TraceData;
use chanlab::chart::layout::Layout;
use chanlab::chart::{frame, Chart, FrameSpec, Viewport};
use chanlab::patterns;
use chanlab::rt::trace::{ChanInfo, Event, GInfo, Kind};
use chanlab::rt::{Config, Progress, Runtime};

/// The run the scale target is measured on. No pattern within its limits makes exactly 10,000
/// goroutines and 1,000,000 events; this one makes 84,001 goroutines and 1,008,001 events.
pub const BIG_RUN: &str = "p=timeout&rounds=84000&work_ms=1&timeout_ms=2";

fn main() {
    let survey = std::env::args().any(|a| a == "--survey");
    if survey {
        for q in [
            BIG_RUN,
            "p=benchmark&tasks=1666&rounds=5",
            "p=worker-pool&workers=1000&jobs=100000&job_ms=1",
            "p=semaphore&tasks=10000&max_concurrent=100&latency_ms=1",
            "p=batch-processor&urls=10000&limit=100",
            "p=goroutines&count=10000",
            "p=fan-out-fan-in&workers=1000&items=100000",
            "p=timeout&rounds=10000",
            "p=timeout&rounds=84000&work_ms=1&timeout_ms=2",
            "p=timeout&rounds=84000",
            "p=leak&calls=10000",
            "p=benchmark&tasks=5000&rounds=1&workers=1024",
            "p=batch-processor&urls=10000&limit=1024",
            "p=worker-pool-context&workers=1024&jobs=100000&job_ms=1",
            "p=errgroup&limit=1024",
            "p=fan-out-fan-in&workers=1024&items=50000",
            "p=fan-out-fan-in&workers=1024&items=100000&cpu_work=1",
            "p=benchmark&tasks=300000&rounds=1&workload=10",
        ] {
            let t0 = Instant::now();
            match run(q) {
                Some(t) => println!(
                    "{q:<60} {:>7} goroutines {:>9} events  end {:>12} ns  ({:.0} ms to run)",
                    t.goroutine_count(),
                    t.events.len(),
                    t.end_ns,
                    ms(t0)
                ),
                None => println!("{q:<60} (no such pattern)"),
            }
        }
    }
    if let Some(t) = run(BIG_RUN) {
        measure(&format!("run `{BIG_RUN}`"), t);
    }
    measure(
        "synthetic: 10,000 goroutines, 1,000,000 events",
        synthetic(10_000, 1_000_000),
    );
}

/// Runs the page query `q` in sim mode and returns its trace as the page would get it.
fn run(q: &str) -> Option<TraceData> {
    let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|kv| kv.split_once('=')).collect();
    let id = pairs.iter().find(|(k, _)| *k == "p")?.1;
    let pattern = patterns::find(id)?;
    let (params, _) = pattern.parse_params(pairs.iter().copied().filter(|(k, _)| *k != "p"));
    let config = Config::default();
    let procs = config.procs;
    let mut rt = Runtime::new(config);
    rt.start(pattern.program(&params, 1));
    loop {
        if let Progress::Done(report) = rt.run_slice(1 << 16) {
            return Some(TraceData::from_trace(&report.trace, report.end_ns, procs));
        }
    }
}

fn measure(what: &str, trace: TraceData) {
    println!(
        "\n{what}: {} goroutines, {} events",
        trace.goroutine_count(),
        trace.events.len()
    );
    // The first encode and decode touch fresh memory, as a run's do; the best of five more
    // shows the work itself.
    let t0 = Instant::now();
    let bytes = trace.to_bytes();
    let encode = ms(t0);
    let t0 = Instant::now();
    let back = TraceData::from_bytes(&bytes).expect("decodes");
    let decode = ms(t0);
    assert_eq!(back.events.len(), trace.events.len());
    let (mut encode_warm, mut decode_warm) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let t0 = Instant::now();
        let b = trace.to_bytes();
        encode_warm = encode_warm.min(ms(t0));
        let t0 = Instant::now();
        let d = TraceData::from_bytes(&b).expect("decodes");
        decode_warm = decode_warm.min(ms(t0));
        drop((b, d));
    }
    let t0 = Instant::now();
    let tl = chanlab::chart::spans::Timeline::build(&back);
    let spans_ms = ms(t0);
    let t0 = Instant::now();
    let _ = chanlab::chart::chans::channel_stats(&back, &tl);
    let chans_ms = ms(t0);
    drop(tl);
    let t0 = Instant::now();
    let chart = Chart::build(back);
    let build = ms(t0);
    println!("  (spans {spans_ms:.1} ms, channels {chans_ms:.1} ms)");
    let t0 = Instant::now();
    let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
    let spec = FrameSpec {
        view: Viewport::fit(chart.end_ns()),
        width: 1100.0,
        scroll_top: 0.0,
        height: 480.0,
        arrows: true,
    };
    let f = frame(&chart, &layout, &spec);
    let first = ms(t0);
    // Every group expanded: the worst case for the lanes in view.
    let all: BTreeSet<u32> = chart
        .groups
        .iter()
        .filter(|g| !g.expanded_by_default())
        .map(|g| g.label)
        .collect();
    let t0 = Instant::now();
    let open = Layout::new(chart.groups.clone(), &all);
    let g = frame(&chart, &open, &spec);
    let expanded = ms(t0);
    println!(
        "  encode   {encode:>8.1} ms  (best warm {encode_warm:.1} ms; {:.1} MB)",
        bytes.len() as f64 / 1e6
    );
    println!("  decode   {decode:>8.1} ms  (best warm {decode_warm:.1} ms)");
    println!(
        "  build    {build:>8.1} ms  ({} arrows)",
        chart.timeline.arrows.len()
    );
    println!(
        "  frame    {first:>8.1} ms  ({} rows, {} elements)",
        f.rows.len(),
        f.elements()
    );
    println!(
        "  expanded {expanded:>8.1} ms  ({} of {} rows drawn, {} elements)",
        g.rows.len(),
        open.rows.len(),
        g.elements()
    );
}

/// `goroutines` workers passing values on 100 channels, `events` events in all.
fn synthetic(goroutines: u32, events: usize) -> TraceData {
    let mut t = TraceData {
        goroutines: vec![GInfo {
            label: 0,
            index: u32::MAX,
            parent: 0,
            created_ns: 0,
        }],
        labels: vec![
            chanlab::chart::data::LabelName {
                name: "main".into(),
                func: "main.main".into(),
                line: 0,
            },
            chanlab::chart::data::LabelName {
                name: "worker".into(),
                func: "main.worker".into(),
                line: 0,
            },
        ],
        chans: vec![ChanInfo::default(); 101],
        procs: 4,
        ..TraceData::default()
    };
    let ev = |t, g, obj, arg, kind| Event {
        t,
        g,
        obj,
        arg,
        kind,
        proc: 0,
    };
    for g in 1..=goroutines {
        t.goroutines.push(GInfo {
            label: (g > 1) as u32,
            index: if g > 1 { g - 1 } else { u32::MAX },
            parent: 1,
            created_ns: 0,
        });
        t.events.push(ev(0, g, 1, 0, Kind::GoCreate));
    }
    let mut seq = vec![0u32; 101];
    let mut now = 0u64;
    let mut i = 0u32;
    // Each round: a goroutine blocks receiving, another sends to it, it wakes.
    while t.events.len() + 4 <= events {
        let g = 1 + i % goroutines;
        let from = 1 + (i * 7 + 3) % goroutines;
        let ch = 1 + i % 100;
        let k = seq[ch as usize];
        seq[ch as usize] += 1;
        t.events.push(ev(now, g, ch, 4, Kind::GoState));
        now += 1 + (i as u64 % 13) * 100;
        t.events.push(ev(now, from, ch, k, Kind::ChanSend));
        t.events.push(ev(now, g, ch, k, Kind::ChanRecv));
        t.events.push(ev(now, g, 0, 0, Kind::GoState));
        i += 1;
    }
    t.end_ns = now;
    t
}

fn ms(t0: Instant) -> f64 {
    t0.elapsed().as_secs_f64() * 1e3
}
