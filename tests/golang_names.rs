//! Names from the source: an interpreted run's trace, report and leak list name goroutines by
//! their Go function (`main.worker`, `main.main.func1`) with the line that declares it, and
//! channels by the variable they were made for (`jobs`), with the line of their `make`; a
//! panic's or deadlock's report comes with the source line it names. The page shows these
//! names and, when one is clicked, its line (`src/view/code.rs`).

use chanlab::chart::TraceData;
use chanlab::golang::{self, Started};
use chanlab::rt::{Config, Outcome, Report};

/// Runs `source` in sim mode; the report and the trace as the page receives it.
fn run(source: &str) -> (Report, TraceData) {
    let program = golang::compile(source, "prog.go").expect("the program compiles");
    let report = Started::new(program.clone(), Config::default()).finish();
    let mut trace = TraceData::from_trace(&report.trace, report.end_ns, 1);
    trace.set_lines(|func| program.decl_line(func));
    (report, trace)
}

/// The 1-based line of `source` that contains `text`.
fn line_of(source: &str, text: &str) -> u32 {
    source
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line has `{text}`")) as u32
        + 1
}

fn catalog_source(id: &str, params: &[(&str, &str)]) -> String {
    let pattern = chanlab::patterns::find(id).expect("a catalog pattern");
    let (params, notices) = pattern.parse_params(params.iter().copied());
    assert!(notices.is_empty(), "{notices:?}");
    pattern.go_source(&params, 1)
}

#[test]
fn worker_pool_lanes_and_channels_carry_the_sources_names_and_lines() {
    let source = catalog_source("worker-pool", &[("workers", "3"), ("jobs", "6")]);
    let (report, trace) = run(&source);
    assert_eq!(report.outcome, Outcome::Exit);
    let lanes: Vec<String> = (1..=trace.goroutine_count() as u32)
        .map(|g| trace.name(g))
        .collect();
    assert_eq!(
        lanes,
        [
            "main",
            "main.worker 1",
            "main.worker 2",
            "main.worker 3",
            "main.main.func1"
        ]
    );
    assert_eq!(trace.func(2), "main.worker");
    assert_eq!(trace.line(2), line_of(&source, "func worker("));
    assert_eq!(trace.line(5), line_of(&source, "go func() {"));

    let chans: Vec<(String, u32)> = (1..trace.chans.len() as u32)
        .map(|c| (trace.chan_name(c), trace.chans[c as usize].line))
        .collect();
    assert_eq!(
        chans,
        [
            ("jobs".to_string(), line_of(&source, "jobs := make(")),
            ("results".to_string(), line_of(&source, "results := make(")),
        ]
    );
}

#[test]
fn channels_made_in_a_loop_share_their_name_and_keep_apart_by_id() {
    let source = catalog_source("leak", &[("calls", "3")]);
    let (report, trace) = run(&source);
    let names: Vec<String> = (1..trace.chans.len() as u32)
        .map(|c| trace.chan_name(c))
        .collect();
    assert_eq!(names, ["ch#1", "ch#2", "ch#3"]);
    // The leak list: Go's names, and the line each leaked goroutine waits at.
    assert_eq!(report.leaked.len(), 3);
    for g in &report.leaked {
        assert_eq!(g.func, "main.query.func1");
        assert_eq!(g.created_by, "main.query");
        assert_eq!(g.line, line_of(&source, "ch <- 42"));
    }
}

#[test]
fn a_channel_assigned_to_a_field_or_an_element_takes_its_name() {
    let source = "package main

type pool struct{ done chan bool }

func main() {
\tp := pool{}
\tp.done = make(chan bool, 1)
\tall := make([]chan int, 2)
\tall[0] = make(chan int, 1)
\tx, y := make(chan int, 1), make(chan string, 1)
\tgo func(c chan int) { c <- 1 }(make(chan int, 1))
\tp.done <- true
\tall[0] <- 1
\tx <- 1
\ty <- \"\"
}
";
    let (report, trace) = run(source);
    assert_eq!(report.outcome, Outcome::Exit);
    let names: Vec<String> = (1..trace.chans.len() as u32)
        .map(|c| trace.chan_name(c))
        .collect();
    assert_eq!(names, ["done", "all", "x", "y", "ch5"]);
}

#[test]
fn a_panic_and_a_deadlock_report_their_source_line() {
    let source = catalog_source("double-close", &[]);
    let (report, _) = run(&source);
    assert!(matches!(report.outcome, Outcome::Panic { .. }));
    assert_eq!(report.line, Some(line_of(&source, "close(done)")));

    let source = catalog_source("deadlock", &[]);
    let (report, _) = run(&source);
    assert_eq!(report.outcome, Outcome::Deadlock);
    let line = report.line.expect("the deadlock's line");
    assert!(
        source
            .lines()
            .nth(line as usize - 1)
            .is_some_and(|l| l.contains("<-")),
        "line {line} of\n{source}"
    );

    // A run that ends normally names no line.
    let (report, _) = run("package main\n\nfunc main() {}\n");
    assert_eq!(report.line, None);
}

/// The traceback a sim run of `source` prints on stderr, from `goroutine 1`; and all of its
/// stderr.
fn traceback_of(source: &str) -> (Vec<String>, String) {
    let options = golang::RunOptions::default();
    let stderr = golang::run(source, &options).text(chanlab::rt::Stream::Stderr);
    let frames = stderr
        .lines()
        .skip_while(|l| !l.starts_with("goroutine 1 "))
        .map(String::from)
        .collect();
    (frames, stderr)
}

/// The frames of `sync.(*WaitGroup).Done` calling `Add` as Go 1.19's tracebacks show them.
const DONE_FRAMES: &[&str] = &[
    "sync.(*WaitGroup).Add(...)",
    "\t/usr/local/go/src/sync/waitgroup.go:83",
    "sync.(*WaitGroup).Done(...)",
    "\t/usr/local/go/src/sync/waitgroup.go:108",
];

/// Traceback lines `upper` above `lower`.
fn below<S: AsRef<str>>(upper: &[&str], lower: &[S]) -> Vec<String> {
    let lower = lower.iter().map(|s| s.as_ref());
    upper
        .iter()
        .copied()
        .chain(lower)
        .map(String::from)
        .collect()
}

/// Asserts that the traceback a sim run of `source` prints is main's, running, with `frames`;
/// returns all of its stderr.
fn assert_main_traceback<S: AsRef<str>>(source: &str, frames: &[S]) -> String {
    let (lines, stderr) = traceback_of(source);
    assert_eq!(
        lines.first().map(String::as_str),
        Some("goroutine 1 [running]:"),
        "{stderr}"
    );
    let frames: Vec<&str> = frames.iter().map(|f| f.as_ref()).collect();
    assert_eq!(lines[1..], frames, "{stderr}");
    stderr
}

/// A negative WaitGroup counter is raised in `sync.(*WaitGroup).Add`, which `Done` calls: Go's
/// traceback shows their frames above the caller (Go 1.19's lines).
#[test]
fn a_negative_waitgroup_counter_shows_the_sync_frames() {
    let source = r#"package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	if len("x") == 2 {
		wg.Add(-1)
	}
	wg.Done()
}
"#;
    assert_main_traceback(
        source,
        &below(DONE_FRAMES, &["main.main()", "\t./prog.go:12"]),
    );
    let add = source.replace("len(\"x\") == 2", "true");
    assert_main_traceback(
        &add,
        &below(&DONE_FRAMES[..2], &["main.main()", "\t./prog.go:10"]),
    );
}

/// A deferred `wg.Done()` that takes the counter below zero shows the sync frames; run by a
/// panic, they sit on the runtime's `panic` frame, which a deferred builtin's panic leaves
/// out (Go 1.19's tracebacks).
#[test]
fn deferred_calls_show_the_frames_go_shows() {
    let source = r#"package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	defer wg.Done()
	wg.Done()
}
"#;
    let main = ["main.main()", "\t./prog.go:10"];
    assert_main_traceback(source, &below(DONE_FRAMES, &main));
    let panicking = source.replace("\twg.Done()\n}", "\twg.Done()\n\tpanic(\"boom\")\n}");
    let panic = ["panic({...})", "\t/usr/local/go/src/runtime/panic.go:884"];
    let stderr = assert_main_traceback(&panicking, &below(DONE_FRAMES, &below(&panic, &main)));
    assert!(
        stderr.starts_with("panic: boom\n\tpanic: sync: negative"),
        "{stderr}"
    );
    let close = r#"package main

func main() {
	ch := make(chan int)
	close(ch)
	defer close(ch)
	var m map[int]int
	m[1] = 2
}
"#;
    let stderr = assert_main_traceback(close, &["main.main()", "\t./prog.go:8"]);
    assert!(
        stderr.contains("\tpanic: close of closed channel"),
        "{stderr}"
    );
}

/// An AfterFunc's function runs in a goroutine Go's `time.goFunc` starts.
#[test]
fn an_after_func_s_goroutine_was_created_by_time_go_func() {
    let source = r#"package main

import "time"

func main() {
	time.AfterFunc(time.Millisecond, func() {
		panic("boom")
	})
	time.Sleep(time.Second)
}
"#;
    let options = golang::RunOptions::default();
    let stderr = golang::run(source, &options).text(chanlab::rt::Stream::Stderr);
    let report: Vec<&str> = stderr.lines().skip(3).collect();
    assert_eq!(
        report,
        [
            "main.main.func1()",
            "\t./prog.go:7",
            "created by time.goFunc",
            "\t/usr/local/go/src/time/sleep.go:176",
        ],
        "{stderr}"
    );
}

#[test]
fn a_goroutine_waiting_in_the_sync_package_shows_gos_frames_of_it() {
    let source = r#"package main

import "sync"

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	wg.Add(1)
	go func() {
		mu.Lock()
		mu.Lock()
	}()
	wg.Wait()
}
"#;
    // As Go 1.19 prints them, less the arguments' addresses and the code offsets.
    let (frames, _) = traceback_of(source);
    assert_eq!(
        frames,
        [
            "goroutine 1 [semacquire]:",
            "sync.runtime_Semacquire(...)",
            "\t/usr/local/go/src/runtime/sema.go:62",
            "sync.(*WaitGroup).Wait(...)",
            "\t/usr/local/go/src/sync/waitgroup.go:139",
            "main.main()",
            "\t./prog.go:13",
            "",
            "goroutine 2 [semacquire]:",
            "sync.runtime_SemacquireMutex(...)",
            "\t/usr/local/go/src/runtime/sema.go:77",
            "sync.(*Mutex).lockSlow(...)",
            "\t/usr/local/go/src/sync/mutex.go:171",
            "sync.(*Mutex).Lock(...)",
            "\t/usr/local/go/src/sync/mutex.go:90",
            "main.main.func1()",
            "\t./prog.go:11",
            "created by main.main",
            "\t./prog.go:9",
        ]
    );
}

/// A select of one case blocks at that case's line, as gc compiles it as the operation; a
/// package's init functions are named `main.init.0`, `main.init.1`, its variables' `main.init`.
#[test]
fn a_one_case_select_is_at_its_case_and_init_functions_are_numbered() {
    let source = r#"package main

func main() {
	ch := make(chan int)
	select {
	case ch <- 1:
	}
}
"#;
    let (frames, stderr) = traceback_of(source);
    assert!(
        stderr.starts_with("fatal error: all goroutines are asleep - deadlock!"),
        "{stderr}"
    );
    assert_eq!(
        frames,
        ["goroutine 1 [chan send]:", "main.main()", "\t./prog.go:6"],
        "{stderr}"
    );

    let source = r#"package main

func init() {}

func init() {
	panic("second")
}

func main() {}
"#;
    let (frames, stderr) = traceback_of(source);
    assert!(stderr.starts_with("panic: second"), "{stderr}");
    assert_eq!(
        frames,
        ["goroutine 1 [running]:", "main.init.1()", "\t./prog.go:6"],
        "{stderr}"
    );

    // A package's variables are initialised in its `main.init`, whose literals are
    // `main.glob..func1`.
    let source = r#"package main

var ready = true

var x = func() int {
	panic("in var init")
}()

func main() {}
"#;
    let (frames, stderr) = traceback_of(source);
    assert!(stderr.starts_with("panic: in var init"), "{stderr}");
    assert_eq!(
        frames,
        [
            "goroutine 1 [running]:",
            "main.glob..func1()",
            "\t./prog.go:6",
            "main.init()",
            "\t./prog.go:7",
        ],
        "{stderr}"
    );
}

/// The wrappers Go's compiler makes for methods (a value method called through a pointer, a
/// promoted method) are left out of a traceback, but for one that panicked itself: a value
/// method called on a nil pointer, `main.(*T).F` at `<autogenerated>:1`.
#[test]
fn method_wrappers_show_in_a_traceback_only_where_they_panicked() {
    let promoted = r#"package main

type Inner struct{ n int }

func (i *Inner) M() { panic("boom") }

type Outer struct{ *Inner }

type I interface{ M() }

func main() {
	var x I = Outer{&Inner{1}}
	x.M()
}
"#;
    let (frames, stderr) = traceback_of(promoted);
    assert_eq!(
        frames[1..],
        [
            "main.(*Inner).M(...)",
            "\t./prog.go:5",
            "main.main()",
            "\t./prog.go:13",
        ],
        "{stderr}"
    );
    let nil_receiver = r#"package main

type T int

func (t T) F() {}

type I interface{ F() }

func main() {
	var t *T
	var i I = t
	i.F()
}
"#;
    let (frames, stderr) = traceback_of(nil_receiver);
    assert!(
        stderr.starts_with("panic: value method main.T.F called using nil *T pointer\n"),
        "{stderr}"
    );
    assert_eq!(
        frames[1..],
        [
            "main.(*T).F(...)",
            "\t<autogenerated>:1",
            "main.main()",
            "\t./prog.go:12",
        ],
        "{stderr}"
    );
}

#[test]
fn a_panic_in_a_deferred_call_is_reported_where_it_was_raised() {
    let source = r#"package main

import "fmt"

func main() {
	var xs []int
	i := 7
	defer func() {
		r := recover()
		panic(fmt.Sprint("again: ", r))
	}()
	fmt.Println(xs[i])
}
"#;
    let (report, _) = run(source);
    assert!(matches!(report.outcome, Outcome::Panic { .. }));
    assert_eq!(report.line, Some(line_of(source, "panic(fmt.Sprint")));
    // Go's traceback: the deferred function, the runtime's panic that called it, then the
    // function whose panic it was running.
    let (frames, stderr) = traceback_of(source);
    assert_eq!(
        frames[1..],
        [
            "main.main.func1()",
            "\t./prog.go:10",
            "panic({...})",
            "\t/usr/local/go/src/runtime/panic.go:884",
            "main.main()",
            "\t./prog.go:12",
        ],
        "{stderr}"
    );
}

#[test]
fn a_deferred_call_runs_on_top_of_the_frames_its_panic_started_in() {
    // g panicked and has no deferred call, but Go unwinds nothing while it panics: g is still
    // on the stack under the panic frame when f's deferred call panics again.
    let source = r#"package main

import "fmt"

func g(xs []int, i int) int {
	return xs[i]
}

func f() {
	defer func() {
		r := recover()
		panic(fmt.Sprint("f: ", r))
	}()
	fmt.Println(g(nil, 3))
}

func main() {
	f()
}
"#;
    let (frames, stderr) = traceback_of(source);
    assert_eq!(
        frames[1..],
        [
            "main.f.func1()",
            "\t./prog.go:12",
            "panic({...})",
            "\t/usr/local/go/src/runtime/panic.go:884",
            "main.g(...)",
            "\t./prog.go:6",
            "main.f()",
            "\t./prog.go:14",
            "main.main()",
            "\t./prog.go:18",
        ],
        "{stderr}"
    );
}

/// Go prints the signal of a nil dereference under the report while its panic is in the
/// chain, recovered or not; a panic after it was recovered shows none (Go 1.19's output).
#[test]
fn a_nil_dereference_s_signal_shows_while_its_panic_is_in_the_chain() {
    let repanicked = r#"package main

func main() {
	defer func() {
		recover()
		panic("second")
	}()
	var p *int
	*p = 1
}
"#;
    let (_, stderr) = traceback_of(repanicked);
    let head: Vec<&str> = stderr.lines().take(4).collect();
    assert_eq!(
        head,
        [
            "panic: runtime error: invalid memory address or nil pointer dereference [recovered]",
            "\tpanic: second",
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]",
            "",
        ],
        "{stderr}"
    );
    let later = r#"package main

func try() {
	defer func() { recover() }()
	var p *int
	*p = 1
}

func main() {
	try()
	panic("later")
}
"#;
    let (_, stderr) = traceback_of(later);
    assert!(
        stderr.starts_with("panic: later\n\ngoroutine 1 [running]:"),
        "{stderr}"
    );
    // A typed nil error whose Error dereferences it: the report itself dereferences nil.
    let nil_error = r#"package main

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func main() {
	var e *E
	panic(error(e))
}
"#;
    let (_, stderr) = traceback_of(nil_error);
    let head: Vec<&str> = stderr.lines().take(6).collect();
    assert_eq!(
        head,
        [
            "fatal error: panic while printing panic value: type runtime.errorString",
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]",
            "",
            "goroutine 1 [running]:",
            // The frames of the panic whose report was being made.
            "main.main()",
            "\t./prog.go:9",
        ],
        "{stderr}"
    );
}

/// Go's report says "locked to thread" of a goroutine that called runtime.LockOSThread (and
/// not after UnlockOSThread), and of main while the packages initialise, unless a panic's
/// deferred calls unwired it (Go 1.19's output).
#[test]
fn a_goroutine_locked_to_its_thread_is_reported_so() {
    let headers = |source: &str| -> Vec<String> {
        let (_, stderr) = traceback_of(source);
        stderr
            .lines()
            .filter(|l| l.starts_with("goroutine "))
            .map(String::from)
            .collect()
    };
    let locked = r#"package main

import "runtime"

func main() {
	runtime.LockOSThread()
	go func() {
		runtime.LockOSThread()
		runtime.LockOSThread()
		runtime.UnlockOSThread()
		select {}
	}()
	go func() {
		runtime.LockOSThread()
		runtime.UnlockOSThread()
		select {}
	}()
	<-make(chan int)
}
"#;
    assert_eq!(
        headers(locked),
        [
            "goroutine 1 [chan receive, locked to thread]:",
            "goroutine 2 [select (no cases), locked to thread]:",
            "goroutine 3 [select (no cases)]:",
        ]
    );
    let panics = "package main\n\nimport \"runtime\"\n\nfunc main() {\n\truntime.LockOSThread()\n\tpanic(\"x\")\n}\n";
    assert_eq!(
        headers(panics),
        ["goroutine 1 [running, locked to thread]:"]
    );
    let init_waits = "package main\n\nfunc init() {\n\t<-make(chan int)\n}\n\nfunc main() {}\n";
    assert_eq!(
        headers(init_waits),
        ["goroutine 1 [chan receive, locked to thread]:"]
    );
    let init_panics = "package main\n\nfunc init() {\n\tpanic(\"x\")\n}\n\nfunc main() {}\n";
    assert_eq!(headers(init_panics), ["goroutine 1 [running]:"]);
}

#[test]
fn a_recovered_panic_leaves_no_trace_in_a_later_report() {
    let source = r#"package main

import "fmt"

func risky() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var m map[string]int
	m["a"] = 1
}

func main() {
	risky()
	ch := make(chan int)
	<-ch
}
"#;
    let (report, _) = run(source);
    assert_eq!(report.outcome, Outcome::Deadlock);
    assert_eq!(report.line, Some(line_of(source, "<-ch")));
    let (frames, stderr) = traceback_of(source);
    assert_eq!(
        frames,
        [
            "goroutine 1 [chan receive]:",
            "main.main()",
            "\t./prog.go:16"
        ],
        "{stderr}"
    );
}

#[test]
fn a_panic_in_deep_deferred_calls_keeps_what_a_traceback_prints() {
    // Every level of a deep recursion recovers the panic and panics again. Go unwinds nothing
    // while it panics, so each deferred call runs on top of the last, under the runtime's
    // panic frame: the traceback alternates them, 100 frames and the rest elided. Each panic
    // keeps at most the frames a traceback prints, so the chain's memory grows with its
    // depth, not with its square.
    let source = r#"package main

func dive(n int) {
	defer func() {
		if r := recover(); r != nil {
			panic(r)
		}
	}()
	if n == 0 {
		panic("bottom")
	}
	dive(n - 1)
}

func main() {
	dive(3000)
}
"#;
    let (report, _) = run(source);
    assert!(matches!(report.outcome, Outcome::Panic { .. }));
    let (frames, stderr) = traceback_of(source);
    assert_eq!(
        frames[1..5],
        [
            "main.dive.func1()",
            "\t./prog.go:6",
            "panic({...})",
            "\t/usr/local/go/src/runtime/panic.go:884"
        ],
        "{stderr}"
    );
    assert_eq!(
        frames.iter().filter(|l| !l.starts_with('\t')).count(),
        1 + 100 + 1,
        "{stderr}"
    );
    assert_eq!(
        frames.last().map(String::as_str),
        Some("...additional frames elided..."),
        "{stderr}"
    );
}

#[test]
fn a_library_function_is_named_by_its_import_path() {
    // Go names functions by their package's path: `math/rand/v2.IntN`, not `rand.IntN`.
    let source = r#"package main

import "math/rand/v2"

func main() {
	rand.IntN(0)
}
"#;
    let (frames, stderr) = traceback_of(source);
    let names: Vec<&str> = frames
        .iter()
        .filter(|l| !l.starts_with('\t'))
        .map(String::as_str)
        .collect();
    assert_eq!(
        names,
        [
            "goroutine 1 [running]:",
            "math/rand/v2.(*Rand).IntN(...)",
            "math/rand/v2.IntN(...)",
            "main.main()",
        ],
        "{stderr}"
    );
}

#[test]
fn go_of_a_nil_function_value_fails_where_go_119_fails() {
    // A go statement whose call has arguments or results runs in a wrapper Go numbers after
    // the function's literals: the nil function panics in the new goroutine, in the wrapper.
    let source = r#"package main

import (
	"fmt"
	"time"
)

func main() {
	var f func(int)
	defer fmt.Println("x")
	func() {
		defer fmt.Println("y")
	}()
	go f(1)
	g := func() {}
	g()
	time.Sleep(time.Millisecond)
}
"#;
    let stderr =
        golang::run(source, &golang::RunOptions::default()).text(chanlab::rt::Stream::Stderr);
    let frames: Vec<&str> = stderr
        .lines()
        .skip_while(|l| !l.starts_with("goroutine "))
        .collect();
    let go_line = line_of(source, "go f(1)");
    assert_eq!(
        frames,
        [
            "goroutine 2 [running]:",
            "main.main.func4()",
            &format!("\t./prog.go:{go_line}"),
            "created by main.main",
            &format!("\t./prog.go:{go_line}"),
        ],
        "{stderr}"
    );
    // Without arguments or results there is no wrapper: Go's runtime refuses the statement.
    let source = source.replace("func(int)", "func()").replace("f(1)", "f()");
    let (frames, stderr) = traceback_of(&source);
    assert!(
        stderr.starts_with("fatal error: go of nil func value\n"),
        "{stderr}"
    );
    assert_eq!(
        frames[..2],
        ["goroutine 1 [running]:", "main.main()"],
        "{stderr}"
    );
}

#[test]
fn an_unlock_of_an_unlocked_mutex_shows_gos_frames_of_it() {
    let cases: [(&str, &str, &[&str]); 2] = [
        (
            "var mu sync.Mutex\n\tmu.Unlock()",
            "sync: unlock of unlocked mutex",
            &["sync.(*Mutex).unlockSlow(...)", "sync.(*Mutex).Unlock(...)"],
        ),
        (
            "var rw sync.RWMutex\n\trw.Unlock()",
            "sync: Unlock of unlocked RWMutex",
            &["sync.(*RWMutex).Unlock(...)"],
        ),
    ];
    for (body, message, sync_frames) in cases {
        let source = format!("package main\n\nimport \"sync\"\n\nfunc main() {{\n\t{body}\n}}\n");
        let (frames, stderr) = traceback_of(&source);
        assert!(
            stderr.starts_with(&format!("fatal error: {message}\n")),
            "{stderr}"
        );
        let names: Vec<&str> = frames
            .iter()
            .map(String::as_str)
            .filter(|l| !l.starts_with('\t'))
            .collect();
        let mut want = vec!["goroutine 1 [running]:", "sync.fatal(...)"];
        want.extend(sync_frames);
        want.push("main.main()");
        assert_eq!(names, want, "{stderr}");
    }
}

#[test]
fn print_stack_writes_the_callers_stack_on_stderr() {
    let source =
        "package main\n\nimport \"runtime/debug\"\n\nfunc main() {\n\tdebug.PrintStack()\n}\n";
    let (frames, stderr) = traceback_of(source);
    assert_eq!(
        frames,
        [
            "goroutine 1 [running]:",
            "runtime/debug.Stack()",
            "\t/usr/local/go/src/runtime/debug/runtime_debug.go:16",
            "runtime/debug.PrintStack()",
            "\t/usr/local/go/src/runtime/debug/runtime_debug.go:26",
            "main.main()",
            "\t./prog.go:6",
        ],
        "{stderr}"
    );
}

/// A function that has not run yet is at its entry, and Go's traceback names the line of its
/// declaration: a goroutine not started when the run ends, and the call that found the stack
/// full, above its caller's line (Go 1.19's tracebacks).
#[test]
fn a_function_not_started_is_at_its_declaration() {
    let source = r#"package main

import "sync"

var c = make(chan int)

func worker() {
	c <- 1
}

func main() {
	go worker()
	go func() {
		select {}
	}()
	var mu sync.Mutex
	mu.Unlock()
}
"#;
    let (lines, stderr) = traceback_of(source);
    let others: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .skip_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        others,
        [
            "",
            "goroutine 2 [runnable]:",
            "main.worker()",
            "\t./prog.go:7",
            "created by main.main",
            "\t./prog.go:12",
            "",
            "goroutine 3 [runnable]:",
            "main.main.func1()",
            "\t./prog.go:13",
            "created by main.main",
            "\t./prog.go:13",
        ],
        "{stderr}"
    );

    let recursion =
        "package main\n\nfunc f() int {\n\treturn f() + 1\n}\n\nfunc main() {\n\tf()\n}\n";
    let (lines, stderr) = traceback_of(recursion);
    assert_eq!(
        lines[..5],
        [
            "goroutine 1 [running]:",
            "main.f()",
            "\t./prog.go:3",
            "main.f()",
            "\t./prog.go:4"
        ],
        "{stderr}"
    );
    // 100 frames, then Go's mark.
    assert_eq!(lines.len(), 1 + 200 + 1, "{stderr}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some("...additional frames elided...")
    );
}
