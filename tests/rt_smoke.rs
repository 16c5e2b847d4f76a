//! First checks of the runtime: one program per area, asserting what it prints.

use chanlab::rt::{self, go, make_chan, ms, sleep, Chan, Config, Outcome, Runtime, WaitGroup};

fn run(main: impl std::future::Future<Output = ()> + 'static) -> rt::Report {
    Runtime::new(Config::default()).run(main)
}

#[test]
fn unbuffered_rendezvous_and_close() {
    async fn producer(ch: Chan<i32>) {
        for i in 1..=3 {
            ch.send(i).await;
            rt::println(format!("sent {i}"));
        }
        ch.close().await;
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        go(producer, (ch,));
        while let Some(v) = ch.recv().await {
            rt::println(format!("received {v}"));
        }
        rt::println("done");
    });
    assert_eq!(r.exit_code(), 0);
    assert_eq!(r.lines().last(), Some(&"done"));
    assert_eq!(
        r.lines()
            .iter()
            .filter(|l| l.starts_with("received"))
            .count(),
        3
    );
}

#[test]
fn sleep_moves_the_virtual_clock() {
    let r = run(async {
        sleep(ms(250)).await;
        rt::println(format!("{}", rt::now().0));
    });
    assert_eq!(r.lines(), ["250000000"]);
    assert_eq!(r.end_ns, 250_000_000);
}

#[test]
fn deadlock_is_reported_as_go_does() {
    let r = run(async {
        let ch = make_chan::<i32>(0);
        ch.send(1).await;
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        &r.lines()[..3],
        [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [chan send]:"
        ]
    );
}

#[test]
fn double_close_panics() {
    let r = run(async {
        let ch = make_chan::<i32>(1);
        ch.close().await;
        ch.close().await;
        rt::println("unreachable");
    });
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        &r.lines()[..3],
        [
            "panic: close of closed channel",
            "",
            "goroutine 1 [running]:"
        ]
    );
}

#[test]
fn waitgroup_waits_for_workers() {
    async fn worker(i: u32, wg: WaitGroup) {
        sleep(ms(10 * i as u64)).await;
        rt::println(format!("worker {i}"));
        wg.done().await;
    }
    let r = run(async {
        let wg = WaitGroup::new();
        for i in 1..=3 {
            wg.add(1).await;
            go(worker, (i, wg));
        }
        wg.wait().await;
        rt::println("all done");
    });
    assert_eq!(r.lines(), ["worker 1", "worker 2", "worker 3", "all done"]);
    assert_eq!(r.end_ns, 30_000_000);
}

#[test]
fn select_macro_takes_the_first_ready_case() {
    async fn answer(ch: Chan<String>, d: u64, text: String) {
        sleep(ms(d)).await;
        ch.send(text).await;
    }
    let r = run(async {
        let a = make_chan(0);
        let b = make_chan(0);
        go(answer, (a, 200, "A".to_string()));
        go(answer, (b, 100, "B".to_string()));
        chanlab::select! {
            v = recv(a) => { rt::println(format!("response from service {}", v.unwrap())) },
            v = recv(b) => { rt::println(format!("response from service {}", v.unwrap())) },
        }
    });
    assert_eq!(r.lines(), ["response from service B"]);
    assert_eq!(r.leaked.len(), 1, "service A is left blocked sending");
}

#[test]
fn context_timeout_cancels() {
    let r = run(async {
        let (ctx, _cancel) = rt::with_timeout(rt::background(), ms(50));
        ctx.done().recv().await;
        rt::println(ctx.err().await.unwrap());
    });
    assert_eq!(r.lines(), ["context deadline exceeded"]);
    assert_eq!(r.end_ns, 50_000_000);
}
