//! Go's failures as outcomes of a run, in Go's words: each panic's first line and the
//! goroutine stanza after it, the deadlock report with every state name, exit status 2, Rust
//! panics inside goroutines, and the goroutines a run leaks when main returns.

mod rt_support;

use chanlab::rt::{
    self, go, make_chan, ms, sleep, Chan, Config, Mutex, Outcome, Runtime, Status, WaitGroup,
    WaitReason,
};
use chanlab::select;
use rt_support::{goroutine_headers, run, stderr, stdout};

/// Asserts a panic report: `panic: <message>`, a blank line, then goroutine `g` running.
fn assert_panic(r: &rt::Report, g: u32, message: &str) {
    assert_eq!(
        r.outcome,
        Outcome::Panic {
            g,
            message: message.to_string()
        }
    );
    assert_eq!(r.exit_code(), 2);
    let err = stderr(r);
    assert_eq!(err[0], format!("panic: {message}"));
    assert_eq!(err[1], "");
    assert_eq!(err[2], format!("goroutine {g} [running]:"));
    if g == 1 {
        assert_eq!(err[3..], ["main.main()"]);
    } else {
        assert_eq!(err.len(), 5, "{err:?}");
        assert_eq!(err[4], "created by main.main");
    }
    assert!(r.leaked.is_empty(), "a panic's report lists no leaks");
}

#[test]
fn close_of_closed_channel() {
    let r = run(async {
        let ch = make_chan::<i32>(0);
        ch.close().await;
        ch.close().await;
        rt::println("unreachable");
    });
    assert_panic(&r, 1, "close of closed channel");
    assert!(stdout(&r).is_empty());
}

#[test]
fn close_of_nil_channel() {
    async fn closer(ch: Chan<i32>) {
        ch.close().await;
    }
    let r = run(async {
        go(closer, (Chan::nil(),));
        sleep(ms(1)).await;
    });
    assert_panic(&r, 2, "close of nil channel");
    assert_eq!(stderr(&r)[3], "main.closer(...)");
}

#[test]
fn send_on_closed_channel() {
    let r = run(async {
        let ch = make_chan::<i32>(5);
        ch.close().await;
        ch.send(1).await;
    });
    assert_panic(&r, 1, "send on closed channel");
}

#[test]
fn negative_waitgroup_counter() {
    let r = run(async {
        WaitGroup::new().add(-1).await;
    });
    assert_panic(&r, 1, "sync: negative WaitGroup counter");
}

#[test]
fn go_panic_with_a_message_of_its_own() {
    let r = run(async {
        rt::println("before");
        let never = rt::go_panic("something went wrong").await;
        match never {}
    });
    assert_panic(&r, 1, "something went wrong");
    assert_eq!(stdout(&r), ["before"]);
}

#[test]
fn the_code_after_a_panic_never_runs_and_nor_does_anyone_else() {
    async fn bystander(ch: Chan<i32>) {
        ch.recv().await;
        rt::println("bystander ran");
    }
    let r = run(async {
        let ch = make_chan::<i32>(1);
        go(bystander, (ch,));
        ch.send(1).await; // the bystander is runnable now
        ch.close().await;
        ch.close().await;
        rt::println("main ran on");
    });
    assert_panic(&r, 1, "close of closed channel");
    assert!(stdout(&r).is_empty(), "{:?}", stdout(&r));
}

// The goroutines of the all-states deadlock: each blocks in one of Go's states.
async fn block_send(ch: Chan<i32>) {
    ch.send(1).await;
}
async fn block_recv(ch: Chan<i32>) {
    ch.recv().await;
}
async fn block_nil_send() {
    Chan::<i32>::nil().send(1).await;
}
async fn block_nil_recv() {
    Chan::<i32>::nil().recv().await;
}
async fn block_select(a: Chan<i32>, b: Chan<String>) {
    select! {
        _ = recv(a) => {},
        send(b, "x".to_string()) => {},
    }
}
async fn block_forever() {
    select! {}
}
async fn block_lock(mu: Mutex) {
    mu.lock().await;
}
async fn nap() {
    sleep(ms(10)).await;
}

#[test]
fn deadlock_reports_every_goroutine_in_gos_state_names() {
    let r = run(async {
        let wg = WaitGroup::new();
        wg.add(1).await;
        let mu = Mutex::new();
        mu.lock().await;
        go(block_send, (make_chan(0),));
        go(block_recv, (make_chan(0),));
        go(block_nil_send, ());
        go(block_nil_recv, ());
        go(block_select, (make_chan(0), make_chan(0)));
        go(block_forever, ());
        go(block_lock, (mu,));
        // A sleeping goroutine is not asleep in the deadlock sense: its timer will wake it.
        go(nap, ());
        wg.wait().await;
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        r.end_ns, 10_000_000,
        "the deadlock is found once the sleeper is done"
    );
    let stanza = |g: u32, state: &str, func: &str| {
        format!("\ngoroutine {g} [{state}]:\nmain.{func}(...)\ncreated by main.main")
    };
    let want = [
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [semacquire]:\nmain.main()"
            .to_string(),
        stanza(2, "chan send", "blockSend"),
        stanza(3, "chan receive", "blockRecv"),
        stanza(4, "chan send (nil chan)", "blockNilSend"),
        stanza(5, "chan receive (nil chan)", "blockNilRecv"),
        stanza(6, "select", "blockSelect"),
        stanza(7, "select (no cases)", "blockForever"),
        stanza(8, "semacquire", "blockLock"),
    ]
    .join("\n");
    assert_eq!(stderr(&r).join("\n"), want);
    assert!(
        r.leaked.is_empty(),
        "a deadlock's report lists the goroutines itself"
    );
}

#[test]
fn sleep_never_deadlocks() {
    async fn sleeper(ch: Chan<String>) {
        let _ = ch;
        sleep(ms(1000)).await;
    }
    let r = run(async {
        let ch = make_chan::<String>(0);
        go(sleeper, (ch,));
        sleep(ms(500)).await;
        rt::println("main woke");
    });
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(r.lines(), ["main woke"]);
    assert_eq!(r.leaked.len(), 1);
    assert_eq!(r.leaked[0].status, Status::Blocked(WaitReason::Sleep));
    assert_eq!(r.leaked[0].go_state(), "sleep");
}

#[test]
fn deadlock_with_only_main() {
    let r = run(async {
        make_chan::<i32>(0).recv().await;
    });
    assert_eq!(
        stderr(&r),
        [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [chan receive]:",
            "main.main()"
        ]
    );
}

#[test]
fn a_rust_panic_in_a_goroutine_is_a_go_panic() {
    async fn bad(v: Vec<i32>) {
        rt::println("about to fail");
        let i = v.len() + 2;
        rt::println(v[i]);
    }
    let r = run(async {
        go(bad, (vec![1, 2],));
        sleep(ms(1)).await;
        rt::println("main never gets here");
    });
    assert_panic(
        &r,
        2,
        "index out of bounds: the len is 2 but the index is 4",
    );
    assert_eq!(stdout(&r), ["about to fail"]);
    // The executor survived: another run on this thread works.
    let again = run(async { rt::println("fine") });
    assert_eq!(again.lines(), ["fine"]);
}

#[test]
fn a_rust_panic_with_a_formatted_message() {
    let r = run(async {
        let n = 42;
        panic!("bad value {n}");
    });
    assert_panic(&r, 1, "bad value 42");
}

#[test]
fn a_panic_message_of_several_lines_prints_as_several_lines() {
    let r = run(async {
        panic!("first line\nsecond line");
    });
    assert_eq!(
        stderr(&r),
        [
            "panic: first line",
            "second line",
            "",
            "goroutine 1 [running]:",
            "main.main()"
        ]
    );
    assert!(r.output.iter().all(|l| !l.text.contains('\n')));
}

#[test]
fn main_returning_lists_leaked_goroutines_with_state_and_creator() {
    async fn stuck_sender(ch: Chan<i32>) {
        ch.send(1).await;
    }
    async fn spawner(ch: Chan<i32>) {
        go(stuck_receiver, (ch,));
        sleep(ms(1)).await;
    }
    async fn stuck_receiver(ch: Chan<i32>) {
        ch.recv().await;
    }
    async fn finishes() {}
    let r = run(async {
        go(stuck_sender, (make_chan(0),));
        go(spawner, (make_chan(0),));
        go(finishes, ());
        sleep(ms(5)).await;
        rt::println("main returns");
    });
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(r.exit_code(), 0);
    assert!(stderr(&r).is_empty());
    let leaked: Vec<(u32, &str, &str, Status)> = r
        .leaked
        .iter()
        .map(|g| (g.id, g.func.as_str(), g.created_by.as_str(), g.status))
        .collect();
    assert_eq!(
        leaked,
        [
            (
                2,
                "main.stuckSender",
                "main.main",
                Status::Blocked(WaitReason::ChanSend)
            ),
            (
                5,
                "main.stuckReceiver",
                "main.spawner",
                Status::Blocked(WaitReason::ChanRecv)
            ),
        ]
    );
    assert_eq!(r.leaked[0].name, "stuck_sender");
    assert_eq!(r.leaked[1].go_state(), "chan receive");
}

#[test]
fn a_goroutine_woken_but_not_yet_run_when_main_returns_is_leaked_runnable() {
    async fn waiter(ch: Chan<i32>) {
        ch.recv().await;
        rt::println("never printed: main returned first");
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        go(waiter, (ch,));
        sleep(ms(1)).await;
        ch.send(1).await;
    });
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(r.leaked.len(), 1);
    assert_eq!(r.leaked[0].status, Status::Runnable);
    assert!(r.lines().is_empty());
}

#[test]
fn every_failure_exits_with_status_2_and_a_clean_exit_with_0() {
    fn code(main: impl std::future::Future<Output = ()> + 'static) -> i32 {
        Runtime::new(Config::default()).run(main).exit_code()
    }
    assert_eq!(code(async {}), 0);
    assert_eq!(
        code(async {
            make_chan::<u8>(0).recv().await.unwrap_or(0);
        }),
        2
    );
    assert_eq!(code(async { Chan::<u8>::nil().close().await }), 2);
    assert_eq!(code(async { WaitGroup::new().done().await }), 2);
    assert_eq!(code(async { Mutex::new().unlock().await }), 2);
    assert_eq!(code(async { panic!("rust") }), 2);
    assert_eq!(
        goroutine_headers(&run(async {
            select! {}
        })),
        ["goroutine 1 [select (no cases)]:"]
    );
}

/// A future that polls `inner` once and, if a runtime operation raised a panic in it, takes
/// the panic (as an interpreted program's goroutine does to unwind its own frames).
struct Taking<F> {
    inner: std::pin::Pin<Box<F>>,
    taken: std::rc::Rc<std::cell::RefCell<Option<String>>>,
}

impl<F: std::future::Future<Output = ()>> std::future::Future for Taking<F> {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        let polled = self.inner.as_mut().poll(cx);
        if let Some(message) = rt::take_panic() {
            *self.taken.borrow_mut() = Some(message);
            return std::task::Poll::Ready(());
        }
        polled
    }
}

#[test]
fn a_goroutine_that_takes_a_runtime_panic_goes_on_and_the_run_does_not_end() {
    let taken = std::rc::Rc::new(std::cell::RefCell::new(None));
    let seen = taken.clone();
    let r = run(async move {
        let ch = make_chan::<i32>(1);
        ch.close().await;
        Taking {
            inner: Box::pin(async move { ch.send(1).await }),
            taken: seen,
        }
        .await;
        rt::println("after");
    });
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(stdout(&r), ["after"]);
    assert_eq!(taken.borrow().as_deref(), Some("send on closed channel"));
}

#[test]
fn os_exit_ends_the_run_with_its_code_and_no_report() {
    let r = run(async {
        rt::println("before");
        let never = rt::os_exit(3).await;
        match never {}
    });
    assert_eq!(r.outcome, Outcome::OsExit { code: 3 });
    assert_eq!(r.exit_code(), 3);
    assert_eq!(stdout(&r), ["before"]);
    assert!(stderr(&r).is_empty());
}

#[test]
fn a_traceback_hook_names_the_frames_of_a_report() {
    let mut runtime = Runtime::new(Config::default());
    runtime.set_traceback(std::rc::Rc::new(|g| {
        (g == 1).then(|| vec!["main.main()".into(), "\t./prog.go:7".into()])
    }));
    let r = runtime.run(async {
        let ch = make_chan::<i32>(0);
        ch.recv().await;
    });
    assert_eq!(
        stderr(&r),
        [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [chan receive]:",
            "main.main()",
            "\t./prog.go:7"
        ]
    );
}

#[test]
fn cpu_time_occupies_a_virtual_processor() {
    async fn spend() {
        rt::cpu_time(1_000).await;
    }
    let r = Runtime::new(Config {
        procs: 1,
        ..Config::default()
    })
    .run(async {
        let wg = WaitGroup::new();
        for _ in 0..2 {
            wg.add(1).await;
            go(worker, (wg,));
        }
        wg.wait().await;
        rt::println(rt::now().0);
    });
    async fn worker(wg: WaitGroup) {
        spend().await;
        wg.done().await;
    }
    assert_eq!(
        stdout(&r),
        ["2000"],
        "two goroutines on one processor take 2 µs"
    );
}
