//! Real mode's shared memory: programs whose goroutines, run on different executors, share a
//! slice, a map, structs behind pointers, a closure's variables, atomics, a mutex and timers,
//! and publish data to each other with atomic stores.
//! Each program in `tests/golang_real/` runs on 1, 2 and 3 executors and must print what Go
//! 1.19 printed for it (`<name>.out`, recorded with `go run`), both sides in the recorded form
//! of `catalog_support`: after the first goroutine header only the headers, ids other than
//! main's written `<id>`.

mod catalog_support;

use chanlab::golang::{self, RunOptions};

/// A run in real mode on `procs` workers.
fn real_mode(procs: u32) -> RunOptions {
    RunOptions {
        procs,
        real: true,
        ..RunOptions::default()
    }
}

fn check(name: &str, go_exit: i32) {
    let dir = catalog_support::root().join("tests/golang_real");
    let source = std::fs::read_to_string(dir.join(format!("{name}.go"))).unwrap();
    let go_out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
    let want = catalog_support::traceback_headers(&go_out.lines().collect::<Vec<_>>());
    check_source(name, &source, &want, go_exit);
}

/// Runs `source` on 1, 2 and 3 executors: each run must print `want` (Go's lines in the
/// recorded form) and exit with `go_exit`.
fn check_source(name: &str, source: &str, want: &[String], go_exit: i32) {
    for procs in 1..=3 {
        let options = real_mode(procs);
        let run = golang::run(source, &options);
        let ours: Vec<String> = run.lines.iter().map(|l| l.text.clone()).collect();
        let got = catalog_support::traceback_headers(&ours);
        assert_eq!(
            (run.exit_code, got.as_slice()),
            (go_exit, want),
            "{name}.go on {procs} executors: chanlab printed\n{}",
            ours.join("\n")
        );
    }
}

#[test]
fn goroutines_on_other_executors_share_memory_as_in_go() {
    check("shared", 0);
}

/// Every goroutine publishes its slot with an atomic store and reads its neighbour's once its
/// flag is seen; neighbours sit on different workers, the hub among them, whose own atomic
/// operations are done in place and logged at its next release.
#[test]
fn what_an_atomic_store_publishes_is_seen_by_the_load_that_sees_it() {
    check("publish", 0);
}

/// Goroutines on every worker replace a shared pointer with objects they made, each retrying
/// its compare-and-swap until it wins: the hub's own goroutines do theirs in place, with an
/// object they shared in that very operation.
#[test]
fn compare_and_swap_loops_publish_new_objects_from_every_worker() {
    check("atomic_cas", 0);
}

#[test]
fn a_panic_on_an_executor_ends_the_run_with_go_s_report() {
    check("crash", 2);
}

/// `os.Exit` on an executor: the hub ends the run with its status, after what was printed.
#[test]
fn os_exit_on_an_executor_ends_the_run_with_its_status() {
    check("exit", 3);
}

#[test]
fn a_deadlock_across_executors_is_reported_as_go_reports_it() {
    check("deadlock", 2);
}

/// A Cond's waits are the runtime's: on the hub, a waiter whose goroutine runs on an executor
/// takes its ticket, waits and deadlocks in `sync.Cond.Wait` as in sim mode. The corpus
/// program's recorded output: `exit N`, then the lines.
#[test]
fn cond_waits_and_their_deadlock_are_go_s_on_every_executor_count() {
    let name = "panic_deadlock_cond";
    let dir = catalog_support::root().join("tests/golang/corpus");
    let source = std::fs::read_to_string(dir.join(format!("{name}.go"))).unwrap();
    let recorded = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
    let mut lines = recorded.lines();
    let exit = lines.next().and_then(|l| l.strip_prefix("exit ")).unwrap();
    let want: Vec<String> = lines.map(str::to_string).collect();
    check_source(name, &source, &want, exit.parse().unwrap());
}

/// The report of a goroutine that panics in real mode shows its frames and lines as sim mode's
/// does, whether it ran on an executor or on the hub: the hub holds only a proxy of a
/// goroutine on an executor, so the frames travel with the panic.
#[test]
fn a_panic_in_real_mode_is_reported_with_the_goroutine_s_frames() {
    let source = r#"package main

import "time"

func work(n int) {
	if n == 3 {
		var m map[string]int
		m["x"] = n
	}
}

func main() {
	for i := 0; i < 6; i++ {
		go func(i int) {
			time.Sleep(time.Millisecond)
			work(i)
		}(i)
	}
	time.Sleep(time.Second)
}
"#;
    let stanza = |options: &RunOptions| -> (i32, Vec<String>) {
        let run = golang::run(source, options);
        let lines = run.lines.iter().map(|l| l.text.clone());
        // From the goroutine's header on, its id left out (the goroutine that panics is the
        // same in both modes, but ids are the hub's to give).
        let stanza = lines
            .skip_while(|l| !l.starts_with("goroutine "))
            .skip(1)
            .collect();
        (run.exit_code, stanza)
    };
    let sim = stanza(&RunOptions::default());
    assert_eq!(
        sim.1,
        [
            "main.work(...)",
            "\t./prog.go:8",
            "main.main.func1(...)",
            "\t./prog.go:16",
            "created by main.main",
            "\t./prog.go:14",
        ]
    );
    for procs in 1..=3 {
        let real = stanza(&real_mode(procs));
        assert_eq!(real, sim, "on {procs} executors");
    }
}

/// A deadlock's report in real mode shows every goroutine's frames and lines as sim mode's
/// does: the hub, which holds only proxies of the goroutines on executors, asks the executors
/// for their frames before it ends the run.
#[test]
fn a_deadlock_in_real_mode_is_reported_with_every_goroutine_s_frames() {
    let source = r#"package main

import (
	"fmt"
	"sync"
)

func take(in <-chan int) int {
	return <-in
}

func worker(id int, in <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		fmt.Println(id, take(in))
	}
}

func main() {
	in := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go worker(i, in, &wg)
	}
	wg.Wait()
}
"#;
    let report = |options: &RunOptions| -> (i32, Vec<String>) {
        let run = golang::run(source, options);
        let lines = run.lines.iter().map(|l| l.text.clone()).collect();
        (run.exit_code, lines)
    };
    let sim = report(&RunOptions::default());
    let worker = [
        "main.take(...)",
        "\t./prog.go:9",
        "main.worker(...)",
        "\t./prog.go:15",
        "created by main.main",
        "\t./prog.go:24",
    ];
    let mut want = vec![
        "fatal error: all goroutines are asleep - deadlock!".to_string(),
        String::new(),
        "goroutine 1 [semacquire]:".to_string(),
        // Go's frames of WaitGroup.Wait (a native here), then the caller's.
        "sync.runtime_Semacquire(...)".to_string(),
        "\t/usr/local/go/src/runtime/sema.go:62".to_string(),
        "sync.(*WaitGroup).Wait(...)".to_string(),
        "\t/usr/local/go/src/sync/waitgroup.go:139".to_string(),
        "main.main()".to_string(),
        "\t./prog.go:26".to_string(),
    ];
    for id in 2..=5 {
        want.push(String::new());
        want.push(format!("goroutine {id} [chan receive]:"));
        want.extend(worker.iter().map(|l| l.to_string()));
    }
    assert_eq!(sim, (2, want));
    for procs in 1..=3 {
        let real = report(&real_mode(procs));
        assert_eq!(real, sim, "on {procs} executors");
    }
}

/// What a run prints and its exit status, in sim mode or real mode.
fn printed(source: &str, options: &RunOptions) -> (i32, Vec<String>) {
    let run = golang::run(source, options);
    (
        run.exit_code,
        run.lines.iter().map(|l| l.text.clone()).collect(),
    )
}

/// What `source` prints in sim mode, which real mode prints too on 1, 2 and 3 executors.
fn printed_alike(source: &str) -> (i32, Vec<String>) {
    let sim = printed(source, &RunOptions::default());
    for procs in 1..=3 {
        let real = printed(source, &real_mode(procs));
        assert_eq!(real, sim, "on {procs} executors");
    }
    sim
}

/// A goroutine with no deferred call goes on from an operation that answers nothing (the hub
/// performs it after) and has returned when its close panics on the hub: the report shows it
/// where it asked, as sim mode does.
#[test]
fn an_operation_that_fails_after_its_goroutine_went_on_is_reported_where_it_was_asked() {
    let source = r#"package main

func closeAgain(ch chan int) {
	close(ch)
}

func main() {
	ch := make(chan int)
	close(ch)
	go func() {
		closeAgain(ch)
	}()
	select {}
}
"#;
    let sim = printed_alike(source);
    assert_eq!(
        sim,
        (
            2,
            [
                "panic: close of closed channel",
                "",
                "goroutine 2 [running]:",
                "main.closeAgain(...)",
                "\t./prog.go:4",
                "main.main.func1()",
                "\t./prog.go:11",
                "created by main.main",
                "\t./prog.go:10",
            ]
            .map(String::from)
            .to_vec()
        )
    );
}

/// A deadlock's report shows a goroutine blocked in a send it went on from where it sent,
/// though on its executor it has returned since.
#[test]
fn a_deadlock_shows_a_goroutine_blocked_in_a_send_it_went_on_from_where_it_sent() {
    let source = r#"package main

import "sync"

func leaf(ch chan int) {
	ch <- 1
}

func spawn(n int, ch chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		go leaf(ch)
	}
}

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go spawn(2, ch, &wg)
	wg.Wait()
	var mu sync.Mutex
	mu.Lock()
	mu.Lock()
}
"#;
    let sim = printed_alike(source);
    let leaf = |id: u32| {
        [
            format!("goroutine {id} [chan send]:"),
            "main.leaf(...)".into(),
            "\t./prog.go:6".into(),
            "created by main.spawn".into(),
            "\t./prog.go:12".into(),
        ]
    };
    assert_eq!(sim.0, 2);
    assert_eq!(sim.1[sim.1.len() - 11..sim.1.len() - 6], leaf(3));
    assert_eq!(sim.1[sim.1.len() - 5..], leaf(4));
}

/// Goroutines on every worker recover from the panics the hub raises in their operations (a
/// send on a closed channel, a second close, a WaitGroup's counter below zero), and a deferred
/// call runs before a panic it does not recover ends the run.
#[test]
fn the_panics_the_hub_raises_are_recovered_where_they_happened() {
    check("recover_ops", 2);
}

/// A loop's send is at the same place every time, whose site the hub is given once: the send
/// that fails, many sends later, is shown there.
#[test]
fn a_loop_s_send_that_fails_is_shown_where_it_is() {
    let source = r#"package main

import (
	"fmt"
	"time"
)

func produce(ch chan<- int) {
	for i := 0; ; i++ {
		ch <- i
	}
}

func main() {
	ch := make(chan int)
	go produce(ch)
	for i := 0; i < 5; i++ {
		fmt.Println(<-ch)
	}
	close(ch)
	time.Sleep(time.Second)
}
"#;
    let (exit, lines) = printed_alike(source);
    assert_eq!(exit, 2);
    assert_eq!(
        lines[5..],
        [
            "panic: send on closed channel",
            "",
            "goroutine 2 [running]:",
            "main.produce(...)",
            "\t./prog.go:10",
            "created by main.main",
            "\t./prog.go:16",
        ]
    );
}

/// `runtime.GOMAXPROCS(n)` in real mode: it answers as Go's does (the count before, which
/// `NumCPU` is not), and goroutines started after `GOMAXPROCS(1)` all run on the hub, whose
/// CPU work alone the trace then shows; after `GOMAXPROCS(3)` they spread again.
#[test]
fn gomaxprocs_chooses_the_workers_goroutines_start_on() {
    let source = r#"package main

import (
	"fmt"
	"runtime"
	"sync"
)

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i % 7
	}
	return s
}

func work(goroutines int) {
	var wg sync.WaitGroup
	for i := 0; i < goroutines; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(3000000)
		}()
	}
	wg.Wait()
}

func main() {
	fmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(1), runtime.GOMAXPROCS(0))
	work(6)
	fmt.Println(runtime.GOMAXPROCS(3), runtime.NumCPU())
}
"#;
    let run = golang::run(source, &real_mode(3));
    let lines: Vec<&str> = run.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!((run.exit_code, lines), (0, vec!["3 3 1", "1 3"]));
    let workers = |run: &golang::RunResult| -> Vec<u8> {
        let report = run.report.as_ref().expect("a report");
        let mut procs: Vec<u8> = (report.trace.events.iter())
            .filter(|e| e.kind == chanlab::rt::trace::Kind::ProcSpan)
            .map(|e| e.proc)
            .collect();
        procs.sort_unstable();
        procs.dedup();
        procs
    };
    assert_eq!(workers(&run), [0], "every goroutine on the hub");
    let spread = golang::run(
        &source.replace("GOMAXPROCS(1)", "GOMAXPROCS(3)"),
        &real_mode(3),
    );
    assert_eq!(workers(&spread), [0, 1, 2], "goroutines on every worker");
}
