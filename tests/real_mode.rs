//! Real mode's semantics, natively, against real Go: for every case of `tests/go/cases.txt`,
//! the pattern run on a hub and executors (`chanlab::rt::real::run_in_thread`) prints what Go
//! printed (`tests/go/expected/`), in Go's order where Go's order is determined, and ends the
//! same way. The browser test `tests/e2e/real.test.mjs` checks the same on Web Workers.
//!
//! Real mode runs on the wall clock, as Go does: a case tagged `clock` (its output depends on
//! events tens of milliseconds apart) is run again, up to three more times, when it
//! differs, and every rerun is logged. Cases run on two and on three executors (`clock` cases
//! on two: here the executors take turns in one thread), but for `procs1` cases: those are race demos recorded with Go on one P, run here on one executor.
//! Real mode's hub runs beside its executor, so such a race may go another way, as it does in
//! Go with more Ps; where it does, the run is held to what every outcome of the race prints
//! ([`race_outcome`]).

mod go_recorded;

use chanlab::patterns;
use chanlab::rt::real::run_in_thread;
use go_recorded::{cases, check_against_recorded, recorded_form, Case};

/// The case run in real mode on `procs` executors, in the recorded form.
fn real_output(case: &Case, procs: u32) -> Result<Vec<String>, String> {
    let p = patterns::find(&case.id).expect("the case's pattern is in the catalog");
    let (params, notices) = p.parse_params(case.params());
    assert!(notices.is_empty(), "line {}: {notices:?}", case.line);
    let report = run_in_thread(1, procs, 60_000_000_000, || {
        p.real_program(params.clone(), 1)
    })?;
    Ok(recorded_form(case, &report.lines(), report.exit_code()))
}

/// Whether `got` is an outcome of the race a `procs1` case shows, Go's recorded output being
/// `want`: the same exit status and as many lines, each the one Go printed or, for
/// `loop-capture`, a value its shared loop variable held (0 to `count`).
fn race_outcome(case: &Case, want: &[String], got: &[String]) -> bool {
    let held = |line: &str| {
        case.id == "loop-capture" && {
            let p = patterns::find(&case.id).expect("the case's pattern is in the catalog");
            let count = p.parse_params(case.params()).0.int("count");
            line.parse::<i64>().is_ok_and(|v| (0..=count).contains(&v))
        }
    };
    got.len() == want.len()
        && got[0] == want[0]
        && got[1..]
            .iter()
            .zip(&want[1..])
            .all(|(g, w)| g == w || held(g))
}

#[test]
fn every_case_prints_in_real_mode_what_go_printed() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        if case.tagged("procs1") {
            let want = go_recorded::comparable_expected(case);
            match real_output(case, 1) {
                Ok(got) if got == want => {}
                Ok(got) if race_outcome(case, &want, &got) => {
                    println!("{}: the race went another way: {got:?}", case.name)
                }
                got => failures.push(format!(
                    "line {} `{}` on 1 executor:\n  Go recorded: {want:?}\n  got: {got:?}",
                    case.line, case.name
                )),
            }
            continue;
        }
        // A `clock` case runs on two executors only: in one thread, every executor more is
        // one more turn between a timer and the goroutine it wakes.
        let procs: &[u32] = if case.tagged("clock") { &[2] } else { &[2, 3] };
        failures.extend(procs.iter().filter_map(|&n| {
            check_against_recorded(case, &format!("real mode on {n} executors"), || {
                real_output(case, n)
            })
        }));
    }
    println!("{} cases run in real mode", cases.len());
    assert!(
        failures.is_empty(),
        "{} runs differ from Go:\n{}",
        failures.len(),
        failures.join("\n")
    );
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
