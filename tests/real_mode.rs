//! Real mode's semantics, natively, against real Go: for every case of `tests/go/cases.txt`,
//! the pattern run on a hub and executors (`chanlab::rt::real::run_in_thread`) prints what Go
//! printed (`tests/go/expected/`, compared as `catalog_support` puts it), in Go's order where
//! Go's order is determined, and ends the same way. `tests/golang_catalog.rs` does the same for
//! the interpreter's real mode, and the browser test `tests/e2e/real.test.mjs` on Web Workers.
//!
//! Real mode runs on the wall clock, as Go does: a case tagged `clock` (its output depends on
//! events tens of milliseconds apart) is run again, up to three more times, when it differs,
//! and every rerun is logged. Cases run on two and on three workers (`clock` cases on two:
//! here the workers take turns in one thread, and every worker more is one more turn between a
//! timer and the goroutine it wakes), but for `procs1` cases: those are race demos recorded
//! with Go on one P, run here on one worker, the hub alone.

mod catalog_support;

use catalog_support::{cases, check_against_recorded, recorded_form, Case, Clock};
use chanlab::patterns;
use chanlab::rt::real::run_in_thread;

/// The case run in real mode on `procs` workers, in the recorded form.
fn real_output(case: &Case, procs: u32) -> Result<Vec<String>, String> {
    let p = patterns::find(&case.id).expect("the case's pattern is in the catalog");
    let params = case.params(p);
    let report = run_in_thread(1, procs, 60_000_000_000, || {
        p.real_program(params.clone(), 1)
    })?;
    Ok(recorded_form(case, &report.lines(), report.exit_code()))
}

#[test]
fn every_case_prints_in_real_mode_what_go_printed() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let procs: &[u32] = if case.tagged("procs1") {
            &[1]
        } else if case.tagged("clock") {
            &[2]
        } else {
            &[2, 3]
        };
        failures.extend(procs.iter().filter_map(|&n| {
            check_against_recorded(
                case,
                &format!("real mode on {n} workers"),
                Clock::Wall,
                || real_output(case, n),
            )
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

    use std::cell::RefCell;
    use std::rc::Rc;

    use chanlab::rt::real::{
        memory, run_in_thread, run_in_thread_with, Data, Entries, HubDriver, HubMemory, Program,
        SharedMemory,
    };
    use chanlab::rt::{self, cpu_work, go, go_panic, make_chan, Chan, Outcome, Report, WaitGroup};

    /// Runs `main` on `procs` executors, where its goroutines run the functions `declare`
    /// declares.
    fn run(procs: u32, main: fn() -> rt::Task, declare: fn(&mut Entries)) -> Report {
        let program = || Program::new(main, declare);
        run_in_thread(7, procs, 10_000_000_000, program).expect("the run ends")
    }

    /// The worker of each piece of CPU work in `report`'s trace, in order.
    fn procs_that_worked(report: &Report) -> Vec<u8> {
        report
            .trace
            .events
            .iter()
            .filter(|e| e.kind == rt::trace::Kind::ProcSpan)
            .map(|e| e.proc)
            .collect()
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
        let mut procs = procs_that_worked(&report);
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
    fn the_first_goroutine_beside_main_runs_on_another_worker() {
        // `go f()` while main computes: at procs=2 they run in parallel, main on the hub and
        // the goroutine on executor 1.
        let report = run(
            2,
            || {
                Box::pin(async {
                    let wg = WaitGroup::new();
                    wg.add(1).await;
                    go(work, (1000u64, wg));
                    wg.wait().await;
                })
            },
            |e| e.add(work),
        );
        assert_eq!(report.outcome, Outcome::Exit);
        assert_eq!(
            procs_that_worked(&report),
            [1],
            "the goroutine's work ran on executor 1"
        );
    }

    #[test]
    fn a_panic_on_an_executor_ends_the_run_with_gos_report() {
        let report = run(
            2,
            || {
                Box::pin(async {
                    let ch = make_chan::<i32>(0);
                    // Main runs on the hub: the first goroutine goes to executor 1.
                    go(panicker, (ch,));
                    ch.send(1).await;
                    rt::sleep(rt::ms(1000)).await;
                    rt::println("not reached");
                })
            },
            |e| {
                e.add(panicker);
            },
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
            |e| {
                e.add(index_out_of_range);
            },
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
                "",
                "goroutine 3 [chan send]:",
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
            |e| {
                e.add(counter);
            },
        );
        assert_eq!(report.lines(), ["received 200"]);
    }

    async fn undeclared() {}

    #[test]
    fn an_executor_starts_only_the_goroutine_functions_declared_on_it() {
        let program = || {
            Program::new(
                || -> rt::Task {
                    Box::pin(async {
                        go(undeclared, ());
                        rt::sleep(rt::ms(10)).await;
                    })
                },
                |_| {},
            )
        };
        // Main runs on the hub, worker 0; the first goroutine is placed on executor 1, which
        // never heard of its function: the run fails rather than call an address from a
        // message.
        let failed = run_in_thread(7, 2, 10_000_000_000, program).expect_err("refused");
        assert!(failed.contains("not declared"), "{failed}");
        // On the worker that started them, the function is known.
        let report = run_in_thread(7, 1, 10_000_000_000, program).expect("the run ends");
        assert_eq!(report.outcome, Outcome::Exit);
    }

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
                    // Main runs on the hub, worker 0: the holder, the first goroutine, runs
                    // on executor 1.
                    go(hold, (mu, held));
                    held.wait().await;
                    let busy = mu.try_lock().await;
                    rt::sleep(rt::ms(200)).await;
                    let free = mu.try_lock().await;
                    rt::println(format!("{busy} {free}"));
                })
            },
            |e| {
                e.add(hold);
            },
        );
        assert_eq!(report.lines(), ["false true"]);
    }

    async fn fill(ch: Chan<i64>, n: i64, total: rt::AtomicInt, counted: rt::Var<Vec<i64>>) {
        for i in 0..n {
            ch.send(i).await;
            total.add(i).await;
            counted.update(|v| v.push(i)).await;
        }
        ch.close().await;
    }

    async fn relay(from: Chan<i64>, to: Chan<i64>) {
        while let Some(v) = from.recv().await {
            to.send(v * 10).await;
        }
        to.close().await;
    }

    async fn make_and_relay(out: Chan<Chan<i64>>) {
        // A channel made on an executor, which goroutines of the hub then use as typed ones.
        let ch = make_chan::<i64>(3);
        out.send(ch).await;
        for i in 0..5 {
            ch.send(i).await;
        }
        ch.close().await;
    }

    #[test]
    fn objects_made_on_either_side_serve_goroutines_on_both() {
        for procs in [1, 2, 3] {
            let report = run(
                procs,
                || {
                    Box::pin(async {
                        let total = rt::AtomicInt::new();
                        let counted = rt::Var::new(Vec::<i64>::new());
                        let (a, b) = (make_chan::<i64>(0), make_chan::<i64>(2));
                        // Placed round-robin after main, which runs on the hub: at procs=2
                        // the filler and the channel's maker run on executor 1.
                        go(fill, (a, 50, total, counted));
                        go(relay, (a, b));
                        let made = make_chan::<Chan<i64>>(0);
                        go(make_and_relay, (made,));
                        let mut sum = 0;
                        while let Some(v) = b.recv().await {
                            sum += v;
                            counted.update(|c| c.push(-1)).await;
                        }
                        let ch = made.recv().await.expect("a channel");
                        let mut got = Vec::new();
                        while let Some(v) = ch.recv().await {
                            got.push(v);
                        }
                        let counted = counted.get().await;
                        rt::println(format!(
                            "{sum} {} {} {} {got:?}",
                            total.load().await,
                            counted.iter().filter(|&&v| v >= 0).count(),
                            counted.iter().filter(|&&v| v < 0).count(),
                        ));
                    })
                },
                |e| {
                    e.add(fill);
                    e.add(relay);
                    e.add(make_and_relay);
                },
            );
            assert_eq!(
                report.lines(),
                ["12250 1225 50 50 [0, 1, 2, 3, 4]"],
                "procs={procs}"
            );
        }
    }

    /// A program's own shared memory (as an interpreted program's heap is): numbered cells,
    /// each worker with its copy and its writes since it last released them.
    #[derive(Default)]
    struct Cells {
        values: Vec<i64>,
        written: Vec<(u32, i64)>,
    }

    impl Cells {
        /// The running worker's cells.
        fn here() -> Rc<RefCell<Cells>> {
            let data = rt::host_data().expect("the worker's cells");
            data.downcast::<RefCell<Cells>>().expect("cells")
        }

        fn get(&self, i: u32) -> i64 {
            self.values.get(i as usize).copied().unwrap_or(0)
        }

        fn set(&mut self, i: u32, v: i64) {
            if self.values.len() <= i as usize {
                self.values.resize(i as usize + 1, 0);
            }
            self.values[i as usize] = v;
        }
    }

    struct Copy(Rc<RefCell<Cells>>);

    impl SharedMemory for Copy {
        fn release(&mut self) -> Option<Data> {
            let written = std::mem::take(&mut self.0.borrow_mut().written);
            (!written.is_empty()).then(|| Data::of(&written))
        }

        fn acquire(&mut self, writes: Data) -> Result<(), String> {
            for entry in writes.read::<Vec<Vec<(u32, i64)>>>()? {
                for (i, v) in entry {
                    self.0.borrow_mut().set(i, v);
                }
            }
            Ok(())
        }
    }

    /// The hub's side: every worker's writes in the order they came, each given once to
    /// every other worker; a question adds to cell 0.
    struct Relay {
        log: Vec<(u32, Vec<(u32, i64)>)>,
        given: Vec<usize>,
    }

    /// Who wrote what the hub's answers wrote.
    const RELAY: u32 = u32::MAX;

    impl HubMemory for Relay {
        fn deliver(&mut self, from: u32, writes: Data) -> Result<(), String> {
            self.log.push((from, writes.read()?));
            Ok(())
        }

        fn take_for(&mut self, to: u32) -> Option<Data> {
            let from = std::mem::replace(&mut self.given[to as usize], self.log.len());
            let entries: Vec<&Vec<(u32, i64)>> = self.log[from..]
                .iter()
                .filter(|(by, _)| *by != to)
                .map(|(_, w)| w)
                .collect();
            (!entries.is_empty()).then(|| Data::of_borrowed(&entries))
        }

        fn ask(&mut self, _: u32, question: Data) -> Data {
            let total = self
                .log
                .iter()
                .rev()
                .find_map(|(_, w)| w.iter().rev().find(|(i, _)| *i == 0).map(|(_, v)| *v))
                .unwrap_or(0)
                + question.read::<i64>().unwrap_or(0);
            self.log.push((RELAY, vec![(0, total)]));
            Data::of(&total)
        }

        fn as_any(&mut self) -> &mut dyn std::any::Any {
            self
        }
    }

    /// Worker `i`'s part: reads what main wrote before starting it, and writes its cell.
    async fn write_cell(i: u32, wg: WaitGroup) {
        {
            let cells = Cells::here();
            let mut cells = cells.borrow_mut();
            let v = cells.get(1) * 10 + i64::from(i);
            cells.set(10 + i, v);
            cells.written.push((10 + i, v));
        }
        wg.done().await;
    }

    /// Adds one to cell 0, through the hub.
    async fn add_one(wg: WaitGroup) {
        memory::ask(Data::of(&1i64)).await;
        wg.done().await;
    }

    #[test]
    fn a_programs_shared_memory_reaches_every_worker_the_hub_included() {
        for procs in [1, 2, 3] {
            let program = || {
                let cells = Rc::new(RefCell::new(Cells::default()));
                Program {
                    memory: Some(Box::new(Copy(cells.clone()))),
                    host_data: Some(cells),
                    ..Program::new(
                        || -> rt::Task {
                            Box::pin(async {
                                let cells = Cells::here();
                                cells.borrow_mut().set(1, 7);
                                cells.borrow_mut().written.push((1, 7));
                                // Each round placed round-robin after main: workers 1, 2, 0.
                                let wg = WaitGroup::new();
                                wg.add(3).await;
                                for i in 0..3 {
                                    go(write_cell, (i, wg));
                                }
                                wg.wait().await;
                                let wg = WaitGroup::new();
                                wg.add(3).await;
                                for _ in 0..3 {
                                    go(add_one, (wg,));
                                }
                                wg.wait().await;
                                let cells = cells.borrow();
                                let got: Vec<i64> = (10..13).map(|i| cells.get(i)).collect();
                                rt::println(format!("{got:?} {}", cells.get(0)));
                            })
                        },
                        |e| {
                            e.add(write_cell);
                            e.add(add_one);
                        },
                    )
                }
            };
            let relay = move |hub: &mut HubDriver| {
                hub.set_memory(Box::new(Relay {
                    log: Vec::new(),
                    given: vec![0; procs as usize],
                }))
            };
            let report =
                run_in_thread_with(7, procs, 10_000_000_000, relay, program).expect("the run ends");
            assert_eq!(report.lines(), ["[70, 71, 72] 3"], "procs={procs}");
        }
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
