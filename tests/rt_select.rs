//! `select`: the `Select` builder and the `select!` macro: default, nil cases, `select {}`,
//! send cases, closed channels, and blocking until a case is ready.

mod rt_support;

use chanlab::rt::{self, go, make_chan, Chan, Outcome, Select};
use chanlab::select;
use rt_support::{goroutine_headers, run, stderr};

#[test]
fn default_runs_when_no_case_is_ready() {
    let r = run(async {
        let ch = make_chan::<i32>(0);
        select! {
            v = recv(ch) => { rt::println(format!("received {v:?}")) },
            default => { rt::println("no value ready") },
        }
        select! {
            send(ch, 1) => { rt::println("sent") },
            default => { rt::println("no receiver ready") },
        }
    });
    assert_eq!(r.lines(), ["no value ready", "no receiver ready"]);
}

#[test]
fn a_ready_case_wins_over_default() {
    let r = run(async {
        let ch = make_chan::<i32>(1);
        ch.send(7).await;
        select! {
            v = recv(ch) => { rt::println(format!("received {}", v.unwrap())) },
            default => { rt::println("default") },
        }
        select! {
            send(ch, 8) => { rt::println("sent into the buffer") },
            default => { rt::println("default") },
        }
        rt::println(ch.len().await);
    });
    assert_eq!(r.lines(), ["received 7", "sent into the buffer", "1"]);
}

#[test]
fn nil_cases_are_never_chosen() {
    let r = run(async {
        let ready = make_chan::<i32>(100);
        for i in 0..100 {
            ready.send(i).await;
        }
        let nil = Chan::<i32>::nil();
        for _ in 0..100 {
            select! {
                _ = recv(nil) => { rt::println("nil receive") },
                send(nil, 1) => { rt::println("nil send") },
                _ = recv(ready) => {},
            }
        }
        rt::println(ready.len().await);
    });
    assert_eq!(r.lines(), ["0"]);
}

#[test]
fn only_nil_cases_and_default_takes_default() {
    let r = run(async {
        let nil = Chan::<i32>::nil();
        select! {
            _ = recv(nil) => { rt::println("nil receive") },
            default => { rt::println("default") },
        }
    });
    assert_eq!(r.lines(), ["default"]);
}

#[test]
fn select_with_no_cases_blocks_forever() {
    let r = run(async {
        select! {}
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(
        stderr(&r),
        [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [select (no cases)]:",
            "main.main()"
        ]
    );
}

#[test]
fn select_on_only_nil_channels_blocks_in_select() {
    let r = run(async {
        let a = Chan::<i32>::nil();
        let b = Chan::<String>::nil();
        select! {
            _ = recv(a) => {},
            _ = recv(b) => {},
        }
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(goroutine_headers(&r), ["goroutine 1 [select]:"]);
}

#[test]
fn a_single_case_select_blocks_as_the_plain_operation() {
    // Go compiles a one-case select to the operation itself, and reports its state.
    let r = run(async {
        let ch = make_chan::<i32>(0);
        select! {
            _ = recv(ch) => {},
        }
    });
    assert_eq!(goroutine_headers(&r), ["goroutine 1 [chan receive]:"]);
}

#[test]
fn send_cases_deliver_to_a_receiver() {
    async fn receive(a: Chan<String>, b: Chan<i32>) {
        rt::sleep(rt::ms(10)).await;
        let v = b.recv().await.unwrap();
        rt::println(format!("b got {v}"));
        let _unused = a;
    }
    let r = run(async {
        let a = make_chan::<String>(0);
        let b = make_chan::<i32>(0);
        go(receive, (a, b));
        select! {
            send(a, "never".to_string()) => { rt::println("sent on a") },
            send(b, 42) => { rt::println("sent on b") },
        }
        rt::sleep(rt::ms(1)).await;
    });
    assert_eq!(r.lines(), ["b got 42", "sent on b"]);
}

#[test]
fn a_send_case_that_loses_keeps_nothing_in_the_channel() {
    async fn receive(b: Chan<i32>) {
        rt::println(format!("b got {}", b.recv().await.unwrap()));
    }
    let r = run(async {
        let a = make_chan::<i32>(0);
        let b = make_chan::<i32>(0);
        go(receive, (b,));
        select! {
            send(a, 1) => { rt::println("sent on a") },
            send(b, 2) => { rt::println("sent on b") },
        }
        // The losing send case must have left a's queue: this select has no partner on a.
        select! {
            v = recv(a) => { rt::println(format!("a had {v:?}")) },
            default => { rt::println("a is empty") },
        }
    });
    assert_eq!(r.lines(), ["b got 2", "sent on b", "a is empty"]);
}

#[test]
fn receive_from_a_closed_channel_is_always_ready() {
    let r = run(async {
        let closed = make_chan::<i32>(0);
        closed.close().await;
        let never = make_chan::<i32>(0);
        for _ in 0..3 {
            select! {
                v = recv(closed) => { rt::println(format!("closed gives {v:?}")) },
                _ = recv(never) => { rt::println("never") },
            }
        }
    });
    assert_eq!(r.lines(), ["closed gives None"; 3]);
}

#[test]
fn closing_a_channel_wakes_a_parked_select() {
    async fn closer(ch: Chan<i32>) {
        rt::sleep(rt::ms(3)).await;
        ch.close().await;
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        let other = make_chan::<i32>(0);
        go(closer, (ch,));
        select! {
            v = recv(ch) => { rt::println(format!("woken with {v:?} at {}", rt::now().0)) },
            _ = recv(other) => { rt::println("other") },
        }
    });
    assert_eq!(r.lines(), ["woken with None at 3000000"]);
}

#[test]
fn a_send_case_on_a_closed_channel_panics() {
    let r = run(async {
        let ch = make_chan::<i32>(1);
        ch.close().await;
        select! {
            send(ch, 1) => { rt::println("sent") },
            default => { rt::println("default") },
        }
    });
    assert_eq!(
        stderr(&r)[..3],
        [
            "panic: send on closed channel",
            "",
            "goroutine 1 [running]:"
        ]
    );
    assert_eq!(r.exit_code(), 2);
}

#[test]
fn closing_under_a_parked_send_case_panics() {
    async fn closer(ch: Chan<i32>) {
        rt::sleep(rt::ms(1)).await;
        ch.close().await;
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        let other = make_chan::<i32>(0);
        go(closer, (ch,));
        select! {
            send(ch, 1) => { rt::println("sent") },
            _ = recv(other) => { rt::println("other") },
        }
    });
    assert_eq!(
        r.outcome,
        Outcome::Panic {
            g: 1,
            message: "send on closed channel".into()
        }
    );
}

#[test]
fn a_parked_select_takes_exactly_one_case() {
    async fn feed(ch: Chan<i32>, v: i32) {
        ch.send(v).await;
    }
    let r = run(async {
        let a = make_chan::<i32>(0);
        let b = make_chan::<i32>(0);
        let mut sel = Select::new();
        let ia = sel.recv(a);
        let ib = sel.recv(b);
        go(feed, (a, 1));
        go(feed, (b, 2));
        let mut got = sel.wait().await;
        let (which, v) = if got.index() == Some(ia) {
            ("a", got.take(a))
        } else {
            assert_eq!(got.index(), Some(ib));
            ("b", got.take(b))
        };
        rt::println(format!("{which} {v:?}"));
        // The other sender is still waiting: exactly one case completed.
        rt::sleep(rt::ms(1)).await;
        rt::println(format!("{}", rt::num_goroutine().await));
    });
    assert_eq!(r.lines()[1], "2");
    assert_eq!(r.leaked.len(), 1);
}

#[test]
fn the_builder_reports_indices_and_default() {
    let r = run(async {
        let a = make_chan::<u8>(1);
        let b = make_chan::<u8>(1);
        let mut sel = Select::new();
        assert_eq!(sel.recv(a), 0);
        assert_eq!(sel.send(b, 9), 1);
        sel.default_case();
        let got = sel.wait().await;
        // a is empty, b has room: the send case is the only one ready.
        assert_eq!(got.index(), Some(1));
        assert!(!got.is_default());
        assert_eq!(b.len().await, 1);

        let mut sel = Select::new();
        sel.send(b, 10);
        sel.default_case();
        let got = sel.wait().await;
        assert!(got.is_default());
        assert_eq!(got.index(), None);
        rt::println("ok");
    });
    assert_eq!(r.lines(), ["ok"]);
}

#[test]
fn select_works_with_directional_halves() {
    async fn produce(out: chanlab::rt::Sender<i32>) {
        select! {
            send(out, 5) => {},
        }
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        go(produce, (ch.sender(),));
        let inp = ch.receiver();
        select! {
            v = recv(inp) => { rt::println(v.unwrap()) },
        }
    });
    assert_eq!(r.lines(), ["5"]);
}

#[test]
fn a_timeout_case_fires_when_nothing_else_does() {
    let r = run(async {
        let ch = make_chan::<i32>(0);
        select! {
            _ = recv(ch) => { rt::println("value") },
            _ = recv(rt::after(rt::ms(50))) => { rt::println(format!("timeout at {}", rt::now().0)) },
        }
    });
    assert_eq!(r.lines(), ["timeout at 50000000"]);
}
