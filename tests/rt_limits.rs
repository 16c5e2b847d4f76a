//! The runtime's limits (`chanlab::rt::Limits`): each ends a run that reaches it with its own
//! outcome and its line on stderr, exit status 1, whatever the program; in sim mode CPU work
//! costs virtual time only.

mod rt_support;

use std::cell::Cell;

use chanlab::rt::real::{run_in_thread, Entries, Program};
use chanlab::rt::{
    self, cpu_work, go, ms, sleep, tick, Config, Limit, Limits, Outcome, Report, Runtime, WaitGroup,
};
use rt_support::alloc::{self, PerThread};
use rt_support::{stderr, stdout};

#[global_allocator]
static GLOBAL: PerThread = PerThread;

fn run_with(limits: Limits, main: impl std::future::Future<Output = ()> + 'static) -> Report {
    Runtime::new(Config {
        limits,
        ..Config::default()
    })
    .run(main)
}

/// Asserts that the run ended at `limit`: its outcome, exit status 1, and its line last on
/// stderr.
fn assert_limit(r: &Report, limit: Limit) {
    assert_eq!(r.outcome, Outcome::Limit(limit), "{:?}", r.lines());
    assert_eq!(r.exit_code(), 1);
    assert_eq!(stderr(r).last().copied(), Some(limit.message().as_str()));
}

#[test]
fn a_run_past_its_wall_clock_budget_stops() {
    let limits = Limits {
        wall_ns: 1_000_000,
        ..Limits::default()
    };
    let r = run_with(limits, async {
        loop {
            rt::gosched().await;
        }
    });
    assert_limit(&r, Limit::WallTime { ns: 1_000_000 });
    assert!(stderr(&r)[0].starts_with("timeout running program: stopped after 1ms of real time"));
}

#[test]
fn a_run_past_the_virtual_time_limit_stops() {
    let limits = Limits {
        virtual_ns: 1_000_000_000,
        ..Limits::default()
    };
    let r = run_with(limits, async {
        let t = tick(ms(100));
        loop {
            t.recv().await;
        }
    });
    assert_limit(&r, Limit::VirtualTime { ns: 1_000_000_000 });
    assert!(r.end_ns <= 1_000_000_000);
}

async fn nothing() {}

#[test]
fn goroutines_past_the_limit_do_not_start_and_end_the_run() {
    let limits = Limits {
        goroutines: 1000,
        ..Limits::default()
    };
    // Goroutines that end at once: few are alive, many are started, in one step of main.
    let r = run_with(limits, async {
        for _ in 0..10_000 {
            go(nothing, ());
            rt::gosched().await;
        }
        rt::println("not reached");
    });
    assert_limit(&r, Limit::Goroutines { max: 1000 });
    assert_eq!(r.metrics.goroutines_created, 1000);
    assert!(stdout(&r).is_empty());
    assert_eq!(
        stderr(&r),
        ["too many goroutines: the program started 1,000, the most chanlab allows in one run"]
    );
}

#[test]
fn a_loop_that_starts_goroutines_without_yielding_stops_creating_them() {
    let limits = Limits {
        goroutines: 100,
        ..Limits::default()
    };
    let r = run_with(limits, async {
        // A million, in one step: only the first 99 after main exist.
        for _ in 0..1_000_000 {
            go(nothing, ());
        }
    });
    assert_limit(&r, Limit::Goroutines { max: 100 });
    assert_eq!(r.metrics.goroutines_created, 100);
    assert_eq!(
        r.trace.goroutines.len(),
        101,
        "main and 99 in the trace (entry 0 unused)"
    );
}

async fn park(wg: WaitGroup) {
    wg.wait().await;
}

#[test]
fn too_many_goroutines_alive_at_once_end_the_run() {
    let limits = Limits {
        live_goroutines: 500,
        ..Limits::default()
    };
    let r = run_with(limits, async {
        let wg = WaitGroup::new();
        wg.add(1).await;
        for _ in 0..1000 {
            go(park, (wg,));
        }
        wg.done().await;
    });
    assert_limit(&r, Limit::LiveGoroutines { max: 500 });
    assert_eq!(r.metrics.peak_live, 500);
    // Goroutines that end make room: the same number started one after another is fine.
    let r = run_with(limits, async {
        for _ in 0..1000 {
            go(nothing, ());
            sleep(ms(1)).await;
        }
    });
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(r.metrics.goroutines_created, 1001);
}

#[test]
fn output_past_the_line_limit_is_dropped_and_ends_the_run() {
    let limits = Limits {
        output_lines: 50,
        ..Limits::default()
    };
    let r = run_with(limits, async {
        let mut i = 0u64;
        loop {
            rt::println(i);
            i += 1;
            if i.is_multiple_of(7) {
                rt::gosched().await;
            }
        }
    });
    assert_limit(&r, Limit::OutputLines { max: 50 });
    let printed: Vec<String> = (0..50).map(|i| i.to_string()).collect();
    assert_eq!(stdout(&r), printed);
}

#[test]
fn output_past_the_byte_limit_ends_the_run_even_without_a_newline() {
    let limits = Limits {
        output_bytes: 1 << 20,
        ..Limits::default()
    };
    let r = run_with(limits, async {
        let chunk = "x".repeat(1000);
        loop {
            rt::print(&chunk);
            rt::gosched().await;
        }
    });
    assert_limit(&r, Limit::OutputBytes { max: 1 << 20 });
    assert_eq!(
        stderr(&r),
        ["too much output: the program printed 1 MB, the most chanlab takes from one run"]
    );
    // What fit is kept, as one unfinished line.
    assert_eq!(stdout(&r), ["x".repeat(1_048_000)]);
}

/// The test's own heap, as a worker's gauge reads its heap.
fn heap_in_use() -> u64 {
    alloc::live().max(0) as u64
}

#[test]
fn a_program_whose_heap_grows_past_the_memory_limit_runs_out_of_memory() {
    rt::set_memory_gauge(heap_in_use);
    let limits = Limits {
        memory_bytes: alloc::live().max(0) as u64 + (64 << 20),
        ..Limits::default()
    };
    let r = run_with(limits, async {
        let mut held: Vec<Vec<u8>> = Vec::new();
        loop {
            held.push(vec![1u8; 1 << 20]);
            rt::gosched().await;
        }
    });
    assert_limit(
        &r,
        Limit::Memory {
            bytes: limits.memory_bytes,
        },
    );
    assert!(stderr(&r)[0].starts_with("the program ran out of memory"));
}

#[test]
fn a_program_may_ask_before_a_large_allocation() {
    rt::set_memory_gauge(heap_in_use);
    let limits = Limits {
        memory_bytes: alloc::live().max(0) as u64 + (16 << 20),
        ..Limits::default()
    };
    let r = run_with(limits, async {
        assert!(rt::memory_fits(1 << 20));
        if !rt::memory_fits(1 << 40) {
            // The run ends with this step; the goroutine allocates nothing.
            return;
        }
        rt::println("allocated a terabyte");
    });
    assert_limit(
        &r,
        Limit::Memory {
            bytes: limits.memory_bytes,
        },
    );
    assert!(stdout(&r).is_empty());
}

thread_local! {
    static FAKE_HEAP: Cell<u64> = const { Cell::new(0) };
}

fn fake_heap() -> u64 {
    FAKE_HEAP.with(|h| h.get())
}

async fn grow_heap() {
    loop {
        FAKE_HEAP.with(|h| h.set(h.get() + (1 << 20)));
        rt::gosched().await;
    }
}

#[test]
fn real_mode_ends_the_run_when_an_executor_runs_out_of_memory() {
    // The hub and executors share this thread here, and so its gauge.
    rt::set_memory_gauge(fake_heap);
    FAKE_HEAP.with(|h| h.set(0));
    let program = || {
        Program::new(
            || -> rt::Task {
                Box::pin(async {
                    // Main runs on the hub: the first goroutine, the heap's growth, runs on
                    // executor 1.
                    go(grow_heap, ());
                    sleep(ms(60_000)).await;
                })
            },
            |entries: &mut Entries| {
                entries.add(grow_heap);
            },
        )
    };
    let r = run_in_thread(3, 2, 10_000_000_000, program).expect("the run ends");
    let limit = Limit::Memory {
        bytes: Limits::real().memory_bytes,
    };
    assert_limit(&r, limit);
}

#[test]
fn cpu_work_costs_virtual_time_only_in_sim_mode() {
    // Eleven hours of CPU work: a loop would take as long for real; the closed form, none.
    const UNITS: u64 = 40_000_000_000_000;
    let r = Runtime::new(Config {
        procs: 1,
        ..Config::default()
    })
    .run(async {
        let sum = cpu_work(UNITS).await;
        rt::println(sum);
    });
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(r.end_ns, UNITS);
    let n = u128::from(UNITS);
    assert_eq!(stdout(&r), [((n * (n - 1) / 2) as u64).to_string()]);
}

#[test]
fn the_first_ending_stands() {
    let limits = Limits {
        output_lines: 1,
        ..Limits::default()
    };
    // main panics; its goroutine's report lines are the runtime's and count for no limit.
    let r = run_with(limits, async {
        rt::println("one");
        match rt::go_panic("boom").await {}
    });
    assert!(
        matches!(r.outcome, Outcome::Panic { .. }),
        "{:?}",
        r.outcome
    );
    assert_eq!(stderr(&r)[0], "panic: boom");
}

#[test]
fn a_host_that_streams_the_output_keeps_none_of_it() {
    let mut rt = Runtime::new(Config::default());
    rt.start(async {
        for i in 0..10 {
            rt::println(i);
            rt::gosched().await;
        }
    });
    let mut taken = Vec::new();
    let report = loop {
        match rt.run_slice(3) {
            rt::Progress::Done(report) => break report,
            _ => taken.extend(rt.take_new_output().into_iter().map(|l| l.text)),
        }
    };
    taken.extend(report.output.iter().map(|l| l.text.clone()));
    let all: Vec<String> = (0..10).map(|i| i.to_string()).collect();
    assert_eq!(taken, all);
    assert!(
        report.output.len() < 10,
        "the report holds only what was not taken"
    );
}

/// Runs the Go program `source` in the interpreter with `limits`.
fn run_go(limits: Limits, source: &str) -> Report {
    let prog = chanlab::golang::compile(source, "prog.go").expect("the program compiles");
    chanlab::golang::vm::run::run_program(
        prog,
        Config {
            procs: 4,
            limits,
            ..Config::default()
        },
    )
}

#[test]
fn interpreted_go_meets_the_same_limits() {
    let limits = Limits {
        wall_ns: 200_000_000,
        live_goroutines: 1000,
        output_lines: 100,
        ..Limits::default()
    };
    let spin = "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n";
    assert_limit(&run_go(limits, spin), Limit::WallTime { ns: 200_000_000 });

    let spawn = r#"package main

func main() {
	for {
		go func() { select {} }()
	}
}
"#;
    let r = run_go(limits, spawn);
    assert_limit(&r, Limit::LiveGoroutines { max: 1000 });
    assert_eq!(r.metrics.peak_live, 1000);

    let chatter = r#"package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i)
	}
}
"#;
    let r = run_go(limits, chatter);
    assert_limit(&r, Limit::OutputLines { max: 100 });
    assert_eq!(stdout(&r).len(), 100);
    assert_eq!(stdout(&r)[99], "line 99");
}

#[test]
fn interpreted_go_that_allocates_too_much_runs_out_of_memory() {
    rt::set_memory_gauge(heap_in_use);
    let limits = Limits {
        memory_bytes: alloc::live().max(0) as u64 + (64 << 20),
        ..Limits::default()
    };
    // One allocation too large for the limit: refused before it is made.
    let huge = r#"package main

import "fmt"

func main() {
	s := make([]int, 1<<24)
	fmt.Println(len(s))
}
"#;
    let r = run_go(limits, huge);
    assert_limit(
        &r,
        Limit::Memory {
            bytes: limits.memory_bytes,
        },
    );
    assert!(stdout(&r).is_empty());
    assert!(alloc::peak() < (limits.memory_bytes as isize));

    // Many allocations, each small, that the program keeps; and one that grows by append.
    for source in [
        "package main\n\nfunc main() {\n\tvar keep [][]int\n\tfor {\n\t\tkeep = append(keep, make([]int, 1<<10))\n\t}\n}\n",
        "package main\n\nfunc main() {\n\tvar s []int\n\tfor i := 0; ; i++ {\n\t\ts = append(s, i)\n\t}\n}\n",
    ] {
        alloc::reset();
        let r = run_go(limits, source);
        assert_limit(
            &r,
            Limit::Memory {
                bytes: limits.memory_bytes,
            },
        );
        assert!(
            alloc::peak() < 2 * (64 << 20),
            "peak {} MB",
            alloc::peak() >> 20
        );
    }
}
