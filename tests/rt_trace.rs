//! The trace: what it records, its Chrome Trace Event export, its cap, and its memory use.

mod rt_support;

use std::collections::{HashMap, HashSet};

use chanlab::rt::trace::{Event, Kind};
use chanlab::rt::{
    self, cpu_work, go, go_named, make_chan, ms, sleep, Chan, Config, Runtime, Status, WaitGroup,
    WaitReason,
};
use rt_support::alloc::{self, PerThread};
use rt_support::run;
use serde_json::Value;

#[global_allocator]
static GLOBAL: PerThread = PerThread;

/// A small program with a bit of everything: named workers, channel traffic, a close, CPU
/// work, output.
fn sample() -> rt::Report {
    async fn worker(id: u32, jobs: Chan<u32>, results: Chan<u32>, wg: WaitGroup) {
        while let Some(j) = jobs.recv().await {
            cpu_work(1000).await;
            results.send(j * 2).await;
        }
        rt::println(format!("worker {id} done"));
        wg.done().await;
    }
    Runtime::new(Config {
        procs: 2,
        ..Config::default()
    })
    .run(async {
        let jobs = make_chan::<u32>(2);
        let results = make_chan::<u32>(10);
        let wg = WaitGroup::new();
        wg.add(3).await;
        for i in 1..=3 {
            go_named("worker", i, worker, (i, jobs, results, wg));
        }
        for j in 0..6 {
            jobs.send(j).await;
        }
        jobs.close().await;
        wg.wait().await;
        sleep(ms(1)).await;
        rt::println(format!("results: {}", results.len().await));
    })
}

#[test]
fn the_trace_names_every_goroutine_and_channel() {
    let r = sample();
    let t = &r.trace;
    assert_eq!(t.goroutines.len(), 5, "entry 0 plus main and three workers");
    assert_eq!(t.name(1), "main");
    assert_eq!(t.name(2), "worker 1");
    assert_eq!(t.name(4), "worker 3");
    assert_eq!(t.labels.len(), 2, "labels are interned: main and worker");
    assert_eq!(t.chans.len(), 3, "nil, jobs, results");
    assert_eq!((t.chans[1].cap, t.chans[2].cap), (2, 10));
    assert!(!t.truncated());
}

#[test]
fn events_record_creation_states_transfers_and_output() {
    let r = sample();
    let events = &r.trace.events;
    let creates: Vec<(u32, u32)> = events
        .iter()
        .filter(|e| e.kind == Kind::GoCreate)
        .map(|e| (e.g, e.obj))
        .collect();
    assert_eq!(creates, [(1, 0), (2, 1), (3, 1), (4, 1)]);
    // Every goroutine ends done.
    for g in 1..=4 {
        let last = events
            .iter()
            .rev()
            .find(|e| e.g == g && e.kind == Kind::GoState)
            .unwrap();
        assert_eq!(Status::from_code(last.arg), Some(Status::Done), "g{g}");
    }
    // Blocking states name their reason and object.
    assert!(events.iter().any(|e| e.kind == Kind::GoState
        && Status::from_code(e.arg) == Some(Status::Blocked(WaitReason::WaitGroup))));
    // Each receive matches an earlier send of the same value number on the same channel.
    let mut sent = HashSet::new();
    for e in events {
        match e.kind {
            Kind::ChanSend => assert!(sent.insert((e.obj, e.arg)), "{e:?} sent twice"),
            Kind::ChanRecv => assert!(sent.contains(&(e.obj, e.arg)), "{e:?} before its send"),
            _ => {}
        }
    }
    assert_eq!(
        events.iter().filter(|e| e.kind == Kind::ChanSend).count() as u64,
        r.metrics.chan_sends
    );
    assert_eq!(
        events
            .iter()
            .filter(|e| e.kind == Kind::ChanRecvClosed)
            .count(),
        3,
        "each worker's range ends on the closed channel"
    );
    assert_eq!(
        events.iter().filter(|e| e.kind == Kind::ChanClose).count(),
        1
    );
    // Output events point at their line.
    let outputs: Vec<&Event> = events.iter().filter(|e| e.kind == Kind::Output).collect();
    assert_eq!(outputs.len(), r.output.len());
    for e in outputs {
        assert_eq!(r.output[e.arg as usize].g, e.g);
        assert_eq!(r.output[e.arg as usize].t_ns, e.t);
    }
    // CPU work is a span on a processor; the others are in time order.
    let spans: Vec<&Event> = events.iter().filter(|e| e.kind == Kind::ProcSpan).collect();
    assert_eq!(spans.len(), 6);
    assert!(spans.iter().all(|e| e.span_ns() == 1000 && e.proc < 2));
    let times: Vec<u64> = events
        .iter()
        .filter(|e| e.kind != Kind::ProcSpan)
        .map(|e| e.t)
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn chrome_json_parses_and_has_a_track_per_goroutine() {
    let r = sample();
    let json = r.trace.to_chrome_json(&r.output);
    let doc: Value = serde_json::from_str(&json).expect("valid JSON");
    let events = doc["traceEvents"].as_array().expect("traceEvents");
    let mut names = HashMap::new();
    let mut tids = HashSet::new();
    for e in events {
        let ph = e["ph"].as_str().expect("every event has a phase");
        let pid = e["pid"].as_u64().expect("every event has a pid");
        if ph == "M" && e["name"] == "thread_name" {
            names.insert(
                e["tid"].as_u64().unwrap(),
                e["args"]["name"].as_str().unwrap(),
            );
        } else if pid == 1 && ph != "M" {
            tids.insert(e["tid"].as_u64().unwrap());
            assert!(e["ts"].is_number(), "{e}");
        }
    }
    assert_eq!(names[&1], "main (g1)");
    assert_eq!(names[&3], "worker 2 (g3)");
    for g in 1..=4 {
        assert!(tids.contains(&g), "goroutine {g} has events");
    }
    // Flow arrows: every receive ("f") has its send ("s").
    let flow = |ph: &str| -> HashSet<u64> {
        events
            .iter()
            .filter(|e| e["ph"] == ph)
            .map(|e| e["id"].as_u64().unwrap())
            .collect()
    };
    assert!(flow("f").is_subset(&flow("s")));
    assert!(!flow("f").is_empty());
    // Processor spans for the CPU work, and the output as instant events.
    assert_eq!(
        events
            .iter()
            .filter(|e| e["pid"] == 2 && e["ph"] == "X")
            .count(),
        6
    );
    let printed: Vec<&str> = events
        .iter()
        .filter(|e| e["name"] == "print")
        .map(|e| e["args"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(printed.last(), Some(&"results: 6"));
}

#[test]
fn the_cap_truncates_cleanly_and_says_so() {
    async fn send_all(ch: Chan<u32>, wg: WaitGroup) {
        for i in 0..100 {
            ch.send(i).await;
        }
        ch.close().await;
        wg.done().await;
    }
    let r = Runtime::new(Config {
        trace_cap: 10,
        ..Config::default()
    })
    .run(async {
        let wg = WaitGroup::new();
        let ch = make_chan::<u32>(0);
        wg.add(1).await;
        go(send_all, (ch, wg));
        let mut n = 0;
        while ch.recv().await.is_some() {
            n += 1;
        }
        wg.wait().await;
        rt::println(n);
    });
    // The run itself is unaffected: output, metrics and outcome are complete.
    assert_eq!(r.lines(), ["100"]);
    assert_eq!(r.exit_code(), 0);
    assert_eq!(r.metrics.chan_sends, 100, "metrics count past the cap");
    assert_eq!(r.trace.events.len(), 10);
    assert!(r.trace.truncated());
    assert!(r.trace.dropped > 300);
    // The kept events are the first ones, and the export still parses.
    assert_eq!(r.trace.events[0].kind, Kind::GoCreate);
    let doc: Value = serde_json::from_str(&r.trace.to_chrome_json(&r.output)).unwrap();
    assert!(doc["traceEvents"].as_array().unwrap().len() > 2);
}

#[test]
fn a_trace_cap_of_zero_records_nothing() {
    let r = Runtime::new(Config {
        trace_cap: 0,
        ..Config::default()
    })
    .run(async {
        let ch = make_chan::<i32>(1);
        ch.send(1).await;
        ch.recv().await;
        rt::println("ok");
    });
    assert_eq!(r.lines(), ["ok"]);
    assert!(r.trace.events.is_empty());
    assert!(r.trace.truncated());
}

#[test]
fn a_million_channel_operations_fit_in_tens_of_megabytes() {
    async fn produce(ch: Chan<u32>, n: u32) {
        for i in 0..n {
            ch.send(i).await;
        }
        ch.close().await;
    }
    const N: u32 = 500_000; // 500,000 sends and as many receives
    alloc::reset();
    let r = run(async {
        let ch = make_chan::<u32>(16);
        go(produce, (ch, N));
        let mut sum = 0u64;
        while let Some(v) = ch.recv().await {
            sum += v as u64;
        }
        rt::println(sum);
    });
    let peak = alloc::peak() as usize;
    assert_eq!(r.lines(), [(N as u64 * (N as u64 - 1) / 2).to_string()]);
    assert!(!r.trace.truncated());
    let events = r.trace.events.len();
    let event_bytes = events * std::mem::size_of::<Event>();
    assert_eq!(std::mem::size_of::<Event>(), 24);
    // About two events per operation (the transfers, and a few state changes) ...
    assert!(events < 1_200_000 * 2, "{events} events");
    assert!(event_bytes < 64 << 20, "{event_bytes} bytes of events");
    // ... and the whole run's heap is the events' (with a Vec's growth room) and little else.
    assert!(
        peak < 2 * event_bytes + (8 << 20),
        "peak heap {peak} bytes for {event_bytes} bytes of events"
    );
}

/// What main's CPU spans and state changes record, from its first CPU span on: a span's
/// start and length, a state's time and status.
#[derive(Debug, PartialEq)]
enum CpuEvent {
    Span(u64, u64),
    State(u64, Option<Status>),
}

fn cpu_events_of_main(r: &rt::Report) -> Vec<CpuEvent> {
    let events: Vec<CpuEvent> = r
        .trace
        .events
        .iter()
        .filter(|e| e.g == 1)
        .filter_map(|e| match e.kind {
            Kind::ProcSpan => Some(CpuEvent::Span(e.t, e.span_ns())),
            Kind::GoState => Some(CpuEvent::State(e.t, Status::from_code(e.arg))),
            _ => None,
        })
        .collect();
    let first = events
        .iter()
        .position(|e| matches!(e, CpuEvent::Span(..)))
        .unwrap();
    events.into_iter().skip(first).collect()
}

#[test]
fn kept_payments_record_the_same_events_whether_paid_in_place_or_by_their_timer() {
    // Past 64 payments in a row one waits for the run loop, its timer waking it: every
    // payment must look the same.
    let r = run(async {
        for _ in 0..200 {
            rt::cpu_time_kept(10).await;
        }
        rt::println(rt::now().0);
    });
    assert_eq!(r.lines(), ["2000"]);
    let want: Vec<CpuEvent> = (0..200u64)
        .flat_map(|k| {
            [
                CpuEvent::Span(10 * k, 10),
                CpuEvent::State(10 * k, Some(Status::Blocked(WaitReason::CpuWork))),
                CpuEvent::State(10 * (k + 1), Some(Status::Runnable)),
            ]
        })
        .collect();
    assert_eq!(cpu_events_of_main(&r)[..600], want[..]);
}

#[test]
fn a_timer_due_within_a_kept_payment_fires_at_its_time_and_waits_for_the_processor() {
    async fn sleeper() {
        sleep(rt::Duration::from_nanos(500)).await;
        rt::println(format!("sleeper at {}", rt::now().0));
    }
    let r = run(async {
        go(sleeper, ());
        sleep(rt::Duration::from_nanos(1)).await;
        rt::cpu_time_kept(1000).await;
        rt::println(format!("main at {}", rt::now().0));
        sleep(rt::Duration::from_nanos(1)).await;
    });
    assert_eq!(r.lines(), ["main at 1001", "sleeper at 1001"]);
    let woke = r.trace.events.iter().find(|e| {
        e.g == 2
            && e.kind == Kind::GoState
            && Status::from_code(e.arg) == Some(Status::Runnable)
            && e.t > 0
    });
    assert_eq!(
        woke.map(|e| e.t),
        Some(500),
        "the sleeper's timer fired mid-payment"
    );
}
