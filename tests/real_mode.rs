//! Real mode's semantics, natively: every pattern of the catalog run on a hub and executors
//! (`chanlab::rt::real::run_in_thread`) prints the lines sim mode prints, and ends the same way.
//! The browser test `tests/e2e/real.test.mjs` checks the same on Web Workers.

use chanlab::patterns::{catalog, Params};
use chanlab::rt::real::run_in_thread;
use chanlab::rt::Config;

/// Lines as a sorted list, with what real time legitimately changes blanked:
/// - durations (`1.002s`, `250ms`, `3µs`): real time is not virtual time;
/// - `benchmark`'s measurements (ns/op and the ratio of the two);
/// - `loop-capture`'s values: its goroutines race with the loop (Go's data race), so they
///   print values from 0 to `count`, checked to be in that range.
fn normalised(pattern: &str, lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| match pattern {
            "benchmark" => l
                .split("  ")
                .map(|w| {
                    if w.ends_with(" ns/op") || w.ends_with("x faster, 1250.0x fewer goroutines") {
                        "<measured>"
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join("  "),
            "loop-capture" => match l.parse::<i64>() {
                Ok(v) if (0..=5).contains(&v) => "<i>".to_string(),
                _ => l.to_string(),
            },
            _ => l.to_string(),
        })
        .map(|l| {
            l.split(' ')
                .map(|w| {
                    let t = w.trim_end_matches([',', ')', ';']);
                    let digits = t.trim_end_matches(|c: char| c.is_alphabetic() || c == 'µ');
                    let unit = &t[digits.len()..];
                    let is_num = !digits.is_empty()
                        && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
                    if is_num && ["ns", "µs", "ms", "s", "m", "h"].contains(&unit) {
                        "<d>".to_string()
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_pattern_prints_in_real_mode_what_it_prints_in_sim_mode() {
    for procs in [2, 1, 3] {
        compare_catalog(procs);
    }
}

fn compare_catalog(procs: u32) {
    let mut failures = Vec::new();
    for p in catalog() {
        let params = Params::defaults(p.params);
        let sim = p.run_sim(
            &params,
            Config {
                procs,
                ..Config::default()
            },
        );
        let real = run_in_thread(1, procs, 60_000_000_000, || {
            p.real_program(params.clone(), 1)
        });
        let real = match real {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{}: {e}", p.id));
                continue;
            }
        };
        let (s, r) = (
            normalised(p.id, &sim.lines()),
            normalised(p.id, &real.lines()),
        );
        if s != r || sim.exit_code() != real.exit_code() {
            failures.push(format!(
                "{} (procs={procs}): sim exit {} {:#?}\nreal exit {} {:#?}",
                p.id,
                sim.exit_code(),
                sim.lines(),
                real.exit_code(),
                real.lines()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

mod semantics {
    //! What real mode adds to sim mode's semantics, on small programs.

    use chanlab::rt::real::{run_in_thread, Entries, Program};
    use chanlab::rt::{self, cpu_work, go, go_panic, make_chan, Chan, Outcome, Report, WaitGroup};

    /// Runs `main` on `procs` executors, where its goroutines run the functions `declare`
    /// declares.
    fn run(procs: u32, main: fn() -> rt::Task, declare: fn(&mut Entries)) -> Report {
        let program = || Program {
            main: Box::new(main),
            declare: Box::new(declare),
        };
        run_in_thread(7, procs, 10_000_000_000, program).expect("the run ends")
    }

    async fn work(units: u64, wg: WaitGroup) {
        cpu_work(units).await;
        wg.done().await;
    }

    #[test]
    fn goroutines_spread_over_the_executors_and_their_work_is_traced_there() {
        let report = run(
            3,
            || {
                Box::pin(async {
                    let wg = WaitGroup::new();
                    for _ in 0..6 {
                        wg.add(1).await;
                        go(work, (1000u64, wg));
                    }
                    wg.wait().await;
                })
            },
            |e| e.add(work),
        );
        assert_eq!(report.outcome, Outcome::Exit);
        let mut procs: Vec<u8> = report
            .trace
            .events
            .iter()
            .filter(|e| e.kind == rt::trace::Kind::ProcSpan)
            .map(|e| e.proc)
            .collect();
        procs.sort();
        procs.dedup();
        assert_eq!(
            procs,
            [0, 1, 2],
            "round-robin placement uses every executor"
        );
    }

    async fn panicker(ch: Chan<i32>) {
        ch.recv().await;
        let never = go_panic("boom on an executor").await;
        match never {}
    }

    #[test]
    fn a_panic_on_an_executor_ends_the_run_with_gos_report() {
        let report = run(
            2,
            || {
                Box::pin(async {
                    let ch = make_chan::<i32>(0);
                    go(panicker, (ch,));
                    ch.send(1).await;
                    rt::sleep(rt::ms(1000)).await;
                    rt::println("not reached");
                })
            },
            |e| e.add(panicker),
        );
        assert_eq!(report.exit_code(), 2);
        let lines = report.lines();
        assert_eq!(lines[0], "panic: boom on an executor");
        assert_eq!(lines[2], "goroutine 2 [running]:");
        assert!(!lines.contains(&"not reached"));
    }

    async fn index_out_of_range(v: Vec<i32>) {
        rt::println(v[3]);
    }

    #[test]
    fn a_rust_panic_on_an_executor_is_reported_as_gos_panic() {
        let report = run(
            2,
            || {
                Box::pin(async {
                    go(index_out_of_range, (vec![1, 2, 3],));
                    rt::sleep(rt::ms(1000)).await;
                })
            },
            |e| e.add(index_out_of_range),
        );
        assert_eq!(report.exit_code(), 2);
        assert!(
            report.lines()[0].starts_with("panic: "),
            "{:?}",
            report.lines()
        );
    }

    async fn stuck_sender(ch: Chan<i32>) {
        // Pipelined: the goroutine goes on, the hub keeps it blocked in the send.
        ch.send(1).await;
        rt::println("sent");
    }

    #[test]
    fn deadlock_across_executors_names_every_goroutine_where_go_would() {
        let report = run(
            2,
            || {
                Box::pin(async {
                    let ch = make_chan::<i32>(0);
                    go(stuck_sender, (ch,));
                    let wg = WaitGroup::new();
                    wg.add(1).await;
                    wg.wait().await;
                })
            },
            |e| e.add(stuck_sender),
        );
        assert_eq!(report.outcome, Outcome::Deadlock);
        assert_eq!(
            report.lines(),
            [
                "fatal error: all goroutines are asleep - deadlock!",
                "",
                "goroutine 1 [semacquire]:",
                "main.main()",
                "",
                "goroutine 2 [chan send]:",
                "main.stuckSender(...)",
                "created by main.main",
            ]
        );
    }

    async fn counter(ch: Chan<i64>, n: i64) {
        for i in 0..n {
            ch.send(i).await;
        }
        ch.close().await;
    }

    #[test]
    fn pipelined_sends_keep_their_order_and_block_where_go_blocks() {
        let report = run(
            2,
            || {
                Box::pin(async {
                    let ch = make_chan::<i64>(0);
                    go(counter, (ch, 200));
                    let mut got = Vec::new();
                    while let Some(v) = ch.recv().await {
                        got.push(v);
                    }
                    assert_eq!(got, (0..200).collect::<Vec<_>>());
                    rt::println(format!("received {}", got.len()));
                })
            },
            |e| e.add(counter),
        );
        assert_eq!(report.lines(), ["received 200"]);
    }

    async fn undeclared() {}

    #[test]
    fn an_executor_starts_only_the_goroutine_functions_declared_on_it() {
        let program = || Program {
            main: Box::new(|| {
                Box::pin(async {
                    go(undeclared, ());
                    go(undeclared, ());
                    rt::sleep(rt::ms(10)).await;
                })
            }),
            declare: Box::new(|_| {}),
        };
        // Main runs on executor 0, where the first goroutine goes too; the second is placed
        // on executor 1, which never heard of its function: the run fails rather than call an
        // address from a message.
        let failed = run_in_thread(7, 2, 10_000_000_000, program).expect_err("refused");
        assert!(failed.contains("not declared"), "{failed}");
        // On the executor that started them, the function is known.
        let report = run_in_thread(7, 1, 10_000_000_000, program).expect("the run ends");
        assert_eq!(report.outcome, Outcome::Exit);
    }

    async fn idle() {}

    async fn hold(mu: rt::Mutex, held: WaitGroup) {
        mu.lock().await;
        held.done().await;
        rt::sleep(rt::ms(50)).await;
        mu.unlock().await;
    }

    #[test]
    fn a_mutex_held_on_one_executor_is_busy_on_another() {
        let report = run(
            2,
            || {
                Box::pin(async {
                    let mu = rt::Mutex::new();
                    let held = WaitGroup::new();
                    held.add(1).await;
                    // Main runs on executor 0, where the first goroutine goes too: the
                    // holder runs on executor 1.
                    go(idle, ());
                    go(hold, (mu, held));
                    held.wait().await;
                    let busy = mu.try_lock().await;
                    rt::sleep(rt::ms(200)).await;
                    let free = mu.try_lock().await;
                    rt::println(format!("{busy} {free}"));
                })
            },
            |e| {
                e.add(idle);
                e.add(hold);
            },
        );
        assert_eq!(report.lines(), ["false true"]);
    }
}

mod charts {
    //! Real mode's trace as the page draws it: CPU work on the goroutine that ran it.

    use chanlab::chart::spans::Timeline;
    use chanlab::chart::{State, TraceData};
    use chanlab::patterns::{self, Params};
    use chanlab::rt::real::run_in_thread;

    #[test]
    fn cpu_work_is_drawn_on_the_goroutine_that_ran_it_and_counted_once() {
        let p = patterns::find("worker-pool").expect("worker-pool");
        let mut params = Params::defaults(p.params);
        for (key, value) in [
            ("workers", "2"),
            ("jobs", "6"),
            ("job_ms", "0"),
            ("cpu_work", "2000000"),
        ] {
            assert_eq!(params.set(key, value), None);
        }
        let report = run_in_thread(1, 2, 60_000_000_000, || p.real_program(params.clone(), 1))
            .expect("the run ends");
        let data = TraceData::from_trace(&report.trace, report.end_ns, 2);
        let tl = Timeline::build(&data);
        assert!(tl.real_mode);
        let cpu = tl.cpu_ns();
        assert!(cpu > 0);
        // The lanes' CPU work is the executors' record of it, goroutine by goroutine.
        let lanes = tl.time_by_state()[State::Cpu as usize];
        assert_eq!(lanes, cpu, "lanes {lanes} ns, executors {cpu} ns");
        for (g, lane) in tl.lanes.iter().enumerate() {
            let own: u64 = tl
                .procs
                .iter()
                .flatten()
                .filter(|w| w.g as usize == g)
                .map(|w| w.end - w.start)
                .sum();
            let drawn: u64 = lane
                .spans
                .iter()
                .filter(|s| s.state == State::Cpu)
                .map(|s| s.duration())
                .sum();
            assert_eq!(drawn, own, "goroutine {g}");
        }
        // main hands out jobs and collects results: no CPU work of its own.
        assert!(tl.lanes[1].spans.iter().all(|s| s.state != State::Cpu));
    }
}
