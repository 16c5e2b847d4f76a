//! Go's own channel tests (`test/chan/*.go` in the Go distribution, as of Go 1.19), ported
//! to the chanlab runtime: one `mod` per Go file, each naming its source.
//!
//! The ports keep each Go program's structure and names (in Rust's case), so the two can be
//! read side by side. Where a Go test depends on something the runtime models differently,
//! the module says how it was adapted: `recover` (chanlab's panics end the run, so a test
//! that expects one runs the code in a run of its own), memory statistics (measured with a
//! counting allocator), and `select5.go`, which generates its test program (the
//! combinations it enumerates are enumerated here instead).
//!
//! `perm.go` checks channel directions at compile time: its port is the `compile_fail`
//! examples on `Sender` and `Receiver` in `src/rt/chan.rs`. Not ported: `powser1.go`,
//! `powser2.go` and `sieve2.go` (long programs that exercise nothing `sieve1` and
//! `doubleselect` do not).
//!
//! Copyright of the Go originals: the Go Authors, under Go's BSD-style license.

mod rt_support;

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use chanlab::rt::{
    self, go, gosched, make_chan, ms, sleep, Chan, Config, Outcome, Receiver, Report, Runtime,
    Select, Sender, Status,
};
use chanlab::select;
use rt_support::alloc::{self, PerThread};

/// Runs a ported `main` with `seed` and asserts that it exits as Go's test does (status 0).
fn run_seed(seed: u64, main: impl Future<Output = ()> + 'static) -> Report {
    let r = Runtime::new(Config {
        seed,
        ..Config::default()
    })
    .run(main);
    assert_eq!(r.outcome, Outcome::Exit, "{:#?}", r.lines());
    r
}

fn run(main: impl Future<Output = ()> + 'static) -> Report {
    run_seed(1, main)
}

#[global_allocator]
static GLOBAL: PerThread = PerThread;

/// test/chan/doubleselect.go: two cases of one select must never both run. A sender offers
/// each value to four channels at once; muxes forward them to one receiver, which checks for
/// duplicates.
mod doubleselect {
    use super::*;

    const ITERATIONS: u32 = 10_000;

    async fn sender(n: u32, c1: Sender<u32>, c2: Sender<u32>, c3: Sender<u32>, c4: Sender<u32>) {
        for i in 0..n {
            select! {
                send(c1, i) => {},
                send(c2, i) => {},
                send(c3, i) => {},
                send(c4, i) => {},
            }
        }
        // Go's deferred closes.
        c4.close().await;
        c3.close().await;
        c2.close().await;
        c1.close().await;
    }

    async fn mux(out: Sender<u32>, inp: Receiver<u32>, done: Sender<bool>) {
        while let Some(v) = inp.recv().await {
            out.send(v).await;
        }
        done.send(true).await;
    }

    async fn closer(done: Chan<bool>, cmux: Chan<u32>) {
        for _ in 0..4 {
            done.recv().await;
        }
        cmux.close().await;
    }

    async fn recver(inp: Receiver<u32>) -> usize {
        let mut seen = HashSet::new();
        while let Some(v) = inp.recv().await {
            if !seen.insert(v) {
                panic!("got duplicate value: {v}");
            }
        }
        seen.len()
    }

    #[test]
    fn main() {
        for seed in [1, 2, 3] {
            let r = run_seed(seed, async {
                let c1 = make_chan::<u32>(0);
                let c2 = make_chan::<u32>(0);
                let c3 = make_chan::<u32>(0);
                let c4 = make_chan::<u32>(0);
                let done = make_chan::<bool>(0);
                let cmux = make_chan::<u32>(0);
                go(
                    sender,
                    (
                        ITERATIONS,
                        c1.sender(),
                        c2.sender(),
                        c3.sender(),
                        c4.sender(),
                    ),
                );
                for c in [c1, c2, c3, c4] {
                    go(mux, (cmux.sender(), c.receiver(), done.sender()));
                }
                go(closer, (done, cmux));
                let n = recver(cmux.receiver()).await;
                rt::println(n);
            });
            assert_eq!(r.lines(), [ITERATIONS.to_string()]);
        }
    }
}

/// test/chan/fifo.go: buffered channels and chains of goroutines on an unbuffered one both
/// deliver in FIFO order.
mod fifo {
    use super::*;

    const N: i32 = 10;

    #[test]
    fn asynch_fifo() {
        run(async {
            let ch = make_chan::<i32>(N as usize);
            for i in 0..N {
                ch.send(i).await;
            }
            for i in 0..N {
                if ch.recv().await != Some(i) {
                    panic!("bad receive");
                }
            }
        });
    }

    async fn chain(ch: Receiver<i32>, val: i32, inp: Receiver<i32>, out: Sender<i32>) {
        inp.recv().await;
        if ch.recv().await != Some(val) {
            panic!("{val}");
        }
        out.send(1).await;
    }

    #[test]
    fn synch_fifo() {
        run(async {
            let ch = make_chan::<i32>(0);
            let mut inp = make_chan::<i32>(0);
            let start = inp;
            for i in 0..N {
                let out = make_chan::<i32>(0);
                go(chain, (ch.receiver(), i, inp.receiver(), out.sender()));
                inp = out;
            }
            start.send(0).await;
            for i in 0..N {
                ch.send(i).await;
            }
            inp.recv().await;
        });
    }
}

/// test/chan/goroutines.go: a chain of 10,000 goroutines, threaded together and torn down.
mod goroutines {
    use super::*;

    async fn f(left: Chan<i32>, right: Chan<i32>) {
        let v = right.recv().await.unwrap();
        left.send(v).await;
    }

    async fn first(c: Chan<i32>) {
        c.send(1).await;
    }

    #[test]
    fn main() {
        let r = run(async {
            let n = 10_000;
            let leftmost = make_chan::<i32>(0);
            let mut right = leftmost;
            let mut left = leftmost;
            for _ in 0..n {
                right = make_chan::<i32>(0);
                go(f, (left, right));
                left = right;
            }
            go(first, (right,));
            leftmost.recv().await;
        });
        // Every goroutine of the chain is done but `first`, which its receiver made runnable
        // and which had not run again when main returned (Go's order: the goroutine a
        // running one wakes runs next, and each hand-off down the chain displaced it).
        assert!(
            r.leaked.iter().all(|g| g.status == Status::Runnable),
            "{:?}",
            r.leaked
        );
        assert!(r.leaked.len() <= 1);
        assert_eq!(r.metrics.peak_live, 10_002);
    }
}

/// test/chan/nonblock.go: non-blocking sends and receives (select with default) on
/// unbuffered and buffered channels of several element types, retried until a partner is
/// there, with a 10 µs ticker between tries.
mod nonblock {
    use super::*;

    const MAX_TRIES: u32 = 10_000;

    async fn receiver<T: rt::Value + PartialEq + std::fmt::Debug>(
        c: Chan<T>,
        want: T,
        strobe: Chan<bool>,
    ) {
        let got = c.recv().await;
        if got.as_ref() != Some(&want) {
            panic!("{got:?} value");
        }
        strobe.send(true).await;
    }

    async fn sender<T: rt::Value>(c: Chan<T>, v: T, strobe: Chan<bool>) {
        c.send(v).await;
        strobe.send(true).await;
    }

    /// Go's `sleep()`: two ticks and three yields.
    async fn pause(ticker: Chan<rt::Time>) {
        ticker.recv().await;
        ticker.recv().await;
        gosched().await;
        gosched().await;
        gosched().await;
    }

    /// One type's part of main: the receiver half, then the sender half.
    async fn check<T: rt::Value + Clone + PartialEq + std::fmt::Debug>(
        buffer: usize,
        to_receiver: T,
        from_sender: T,
        ticker: Chan<rt::Time>,
        sync: Chan<bool>,
    ) {
        let c = make_chan::<T>(buffer);
        select! {
            _ = recv(c) => { panic!("blocked sender") },
            default => {},
        }

        go(receiver::<T>, (c, to_receiver.clone(), sync));
        let mut tries = 0;
        loop {
            select! {
                send(c, to_receiver.clone()) => { break },
                default => {
                    tries += 1;
                    if tries > MAX_TRIES {
                        panic!("receiver buffer={buffer}");
                    }
                    pause(ticker).await;
                },
            }
        }
        sync.recv().await;

        go(sender::<T>, (c, from_sender.clone(), sync));
        if buffer > 0 {
            sync.recv().await;
        }
        let mut tries = 0;
        loop {
            select! {
                v = recv(c) => {
                    if v.as_ref() != Some(&from_sender) {
                        panic!("sender value {v:?}");
                    }
                    break;
                },
                default => {
                    tries += 1;
                    if tries > MAX_TRIES {
                        panic!("sender buffer={buffer}");
                    }
                    pause(ticker).await;
                },
            }
        }
        if buffer == 0 {
            sync.recv().await;
        }
    }

    #[test]
    fn main() {
        run(async {
            let ticker = rt::tick(std::time::Duration::from_micros(10));
            let sync = make_chan::<bool>(0);
            for buffer in 0..2 {
                check::<i32>(buffer, 123, 234, ticker, sync).await;
                check::<i64>(buffer, 123456, 234567, ticker, sync).await;
                check::<bool>(buffer, true, true, ticker, sync).await;
                check::<String>(
                    buffer,
                    "hello".to_string(),
                    "hello again".to_string(),
                    ticker,
                    sync,
                )
                .await;
            }
        });
    }
}

/// test/chan/select.go: send cases whose values are computed as the select starts (each
/// case's expression is evaluated once, even for a nil channel), and a channel set to nil
/// once used.
mod select {
    use super::*;

    struct State {
        counter: Cell<u32>,
        shift: Cell<u32>,
    }

    fn get_value(s: &State) -> u32 {
        s.counter.set(s.counter.get() + 1);
        1 << s.shift.get()
    }

    async fn send(s: &State, mut a: Chan<u32>, mut b: Chan<u32>) -> i32 {
        let mut i = 0;
        loop {
            select! {
                send(a, get_value(s)) => {
                    i += 1;
                    a = Chan::nil();
                },
                send(b, get_value(s)) => {
                    i += 1;
                    b = Chan::nil();
                },
                default => { break },
            }
            s.shift.set(s.shift.get() + 1);
        }
        i
    }

    #[test]
    fn main() {
        run(async {
            let s = State {
                counter: Cell::new(0),
                shift: Cell::new(0),
            };
            let a = make_chan::<u32>(1);
            let b = make_chan::<u32>(1);
            let v = send(&s, a, b).await;
            assert_eq!(v, 2, "Send returned {v} != 2");
            let (av, bv) = (a.recv().await.unwrap(), b.recv().await.unwrap());
            assert_eq!(av | bv, 3, "bad values {av} {bv}");
            let v = send(&s, a, Chan::nil()).await;
            assert_eq!(v, 1, "Send returned {v} != 1");
            assert_eq!(s.counter.get(), 10);
        });
    }
}

/// test/chan/select2.go: selects do not consume undue memory. Go measures the heap after
/// 100,000 selects, then again after 100,000 more, and allows 110,000 bytes of growth. Here
/// the same program runs with tracing off (the trace grows with the run by design, 24 bytes
/// an event, which `rt_trace` bounds), and this thread's live heap is measured instead.
mod select2 {
    use super::*;

    async fn sender(c: Chan<i32>, n: u32) {
        for _ in 0..n {
            c.send(1).await;
        }
    }

    async fn receiver(c: Chan<i32>, dummy: Chan<i32>, n: u32) {
        for _ in 0..n {
            select! {
                _ = recv(c) => {},
                _ = recv(dummy) => { panic!("dummy") },
            }
        }
    }

    #[test]
    fn main() {
        let growth = Rc::new(Cell::new(0isize));
        let g = growth.clone();
        let config = Config {
            trace_cap: 0,
            ..Config::default()
        };
        let r = Runtime::new(config).run(async move {
            let c = make_chan::<i32>(0);
            let dummy = make_chan::<i32>(0);
            // Warm up.
            go(sender, (c, 100_000));
            receiver(c, dummy, 100_000).await;
            let before = alloc::live();
            // The second time must not grow the footprint by much.
            go(sender, (c, 100_000));
            receiver(c, dummy, 100_000).await;
            g.set(alloc::live() - before);
        });
        assert_eq!(r.exit_code(), 0);
        assert!(
            growth.get() < 110_000,
            "too much memory for 100,000 selects: {}",
            growth.get()
        );
    }
}

/// test/chan/select3.go: which operations block, which panic, and which do neither: nil
/// channels, closed channels, empty selects, defaults, and a select that sees itself.
///
/// Go's `testBlock` runs `f` in a goroutine and races it against a sleep (10 ms when `f`
/// should block, 10 s when it should not); on the virtual clock that race is exact. Go's
/// `testPanic` recovers the panic; chanlab's panics end the run, so each such case runs as a
/// program of its own and the test checks how it ended.
mod select3 {
    use super::*;

    const ALWAYS: &str = "function did not";
    const NEVER: &str = "function did";

    /// What the Go test's closures capture.
    #[derive(Clone, Copy, serde::Serialize, serde::Deserialize)]
    struct Env {
        nilch: Chan<i32>,
        closedch: Chan<i32>,
    }

    type Body = fn(Env) -> Pin<Box<dyn Future<Output = ()>>>;

    thread_local! {
        /// The bodies `test_block` has run, so a goroutine takes one by its index (a
        /// goroutine's arguments are data).
        static BODIES: RefCell<Vec<Body>> = const { RefCell::new(Vec::new()) };
    }

    fn unreachable() {
        panic!("control flow shouldn't reach here");
    }

    async fn run_body(body: usize, env: Env, c: Chan<String>) {
        let f = BODIES.with(|b| b.borrow()[body]);
        f(env).await;
        c.send(NEVER.to_string()).await; // f didn't block
    }

    async fn timer(signal: String, c: Chan<String>) {
        if signal == NEVER {
            sleep(std::time::Duration::from_secs(10)).await;
        } else {
            sleep(ms(10)).await;
        }
        c.send(ALWAYS.to_string()).await; // f blocked always
    }

    async fn test_block(signal: &'static str, env: Env, f: Body) {
        let c = make_chan::<String>(0);
        let body = BODIES.with(|b| {
            let mut b = b.borrow_mut();
            b.push(f);
            b.len() - 1
        });
        go(run_body, (body, env, c));
        go(timer, (signal.to_string(), c));
        let got = c.recv().await.unwrap();
        if got != signal {
            panic!("{signal} block");
        }
    }

    fn env() -> Env {
        Env {
            nilch: Chan::nil(),
            closedch: make_chan(0),
        }
    }

    /// Runs `f` as a program of its own: it must panic with `message` when `signal` is
    /// ALWAYS, and not panic when it is NEVER.
    fn test_panic(signal: &'static str, message: &str, f: Body) {
        let r = Runtime::new(Config::default()).run(async move {
            let env = env();
            env.closedch.close().await;
            f(env).await;
        });
        match signal {
            ALWAYS => assert_eq!(
                r.outcome,
                Outcome::Panic {
                    g: 1,
                    message: message.into()
                },
                "{:?}",
                r.lines()
            ),
            _ => assert_eq!(r.outcome, Outcome::Exit, "{:?}", r.lines()),
        }
    }

    #[test]
    fn main() {
        const ASYNC: usize = 1;

        // sending/receiving from a nil channel inside a select is never selected
        test_panic(NEVER, "", |e| {
            Box::pin(async move {
                select! {
                    send(e.nilch, 7) => { unreachable() },
                    default => {},
                }
            })
        });
        test_panic(NEVER, "", |e| {
            Box::pin(async move {
                select! {
                    _ = recv(e.nilch) => { unreachable() },
                    default => {},
                }
            })
        });
        // sending to a closed channel panics.
        test_panic(ALWAYS, "send on closed channel", |e| {
            Box::pin(async move { e.closedch.send(7).await })
        });
        // selects with closed channels behave like ordinary operations
        test_panic(ALWAYS, "send on closed channel", |e| {
            Box::pin(async move {
                select! {
                    send(e.closedch, 7) => {},
                }
            })
        });

        let r = run(async {
            let env = env();
            env.closedch.close().await;
            let always = |f: Body| test_block(ALWAYS, env, f);
            let never = |f: Body| test_block(NEVER, env, f);

            // sending/receiving from a nil channel blocks
            always(|e| Box::pin(async move { e.nilch.send(7).await })).await;
            always(|e| {
                Box::pin(async move {
                    e.nilch.recv().await;
                })
            })
            .await;
            // sending to an async channel with free buffer space never blocks
            never(|_| Box::pin(async { make_chan::<i32>(ASYNC).send(7).await })).await;
            // receiving from a closed channel never blocks
            never(|e| {
                Box::pin(async move {
                    for _ in 0..10 {
                        if e.closedch.recv().await.unwrap_or(0) != 0 {
                            panic!("expected zero value when reading from closed channel");
                        }
                        if let Some(x) = e.closedch.recv().await {
                            panic!("closedch: {x} true: expected 0, false from closed channel");
                        }
                    }
                })
            })
            .await;
            // receiving from a non-ready channel always blocks
            always(|_| {
                Box::pin(async {
                    make_chan::<i32>(0).recv().await;
                })
            })
            .await;
            // empty selects always block
            always(|_| {
                Box::pin(async {
                    select! {}
                })
            })
            .await;
            // selects with only nil channels always block
            always(|e| {
                Box::pin(async move {
                    select! {
                        _ = recv(e.nilch) => { unreachable() },
                    }
                })
            })
            .await;
            always(|e| {
                Box::pin(async move {
                    select! {
                        send(e.nilch, 7) => { unreachable() },
                    }
                })
            })
            .await;
            always(|e| {
                Box::pin(async move {
                    select! {
                        _ = recv(e.nilch) => { unreachable() },
                        send(e.nilch, 7) => { unreachable() },
                    }
                })
            })
            .await;
            // selects with non-ready non-nil channels always block
            always(|_| {
                Box::pin(async {
                    let ch = make_chan::<i32>(0);
                    select! {
                        _ = recv(ch) => { unreachable() },
                    }
                })
            })
            .await;
            // selects with default cases don't block
            never(|_| {
                Box::pin(async {
                    select! {
                        default => {},
                    }
                })
            })
            .await;
            never(|e| {
                Box::pin(async move {
                    select! {
                        _ = recv(e.nilch) => { unreachable() },
                        default => {},
                    }
                })
            })
            .await;
            never(|e| {
                Box::pin(async move {
                    select! {
                        send(e.nilch, 7) => { unreachable() },
                        default => {},
                    }
                })
            })
            .await;
            // selects with ready channels don't block
            never(|_| {
                Box::pin(async {
                    let ch = make_chan::<i32>(ASYNC);
                    select! {
                        send(ch, 7) => {},
                        default => { unreachable() },
                    }
                })
            })
            .await;
            never(|_| {
                Box::pin(async {
                    let ch = make_chan::<i32>(ASYNC);
                    ch.send(7).await;
                    select! {
                        _ = recv(ch) => {},
                        default => { unreachable() },
                    }
                })
            })
            .await;
            // selects with closed channels behave like ordinary operations
            never(|e| {
                Box::pin(async move {
                    select! {
                        _ = recv(e.closedch) => {},
                    }
                })
            })
            .await;
            never(|e| {
                Box::pin(async move {
                    select! {
                        x = recv(e.closedch) => { assert_eq!(x, None) },
                    }
                })
            })
            .await;
            // select should not get confused if it sees itself
            always(|_| {
                Box::pin(async {
                    let c = make_chan::<i32>(0);
                    select! {
                        send(c, 1) => {},
                        _ = recv(c) => {},
                    }
                })
            })
            .await;
        });
        // As in Go, each blocking case leaves its goroutine blocked behind, and each
        // non-blocking one its 10 s timer goroutine asleep: 9 of each.
        let blocked = r.leaked.iter().filter(|g| g.func.ends_with("runBody"));
        let asleep = r.leaked.iter().filter(|g| g.go_state() == "sleep");
        assert_eq!((blocked.count(), asleep.count()), (9, 9), "{:#?}", r.leaked);
    }
}

/// test/chan/select4.go: a select proceeds when a value is ready, and only the chosen case's
/// assignment happens.
mod select4 {
    use super::*;

    fn f(called: &Cell<bool>) -> &Cell<i32> {
        called.set(true); // Go: "BUG: called f"
        thread_local!(static SINK: &'static Cell<i32> = Box::leak(Box::new(Cell::new(0))));
        SINK.with(|s| *s)
    }

    #[test]
    fn main() {
        run(async {
            let called = Cell::new(false);
            let mut x = 0;
            let c = make_chan::<i32>(1);
            let c1 = make_chan::<i32>(0);
            c.send(42).await;
            select! {
                v = recv(c1) => { f(&called).set(v.unwrap()) },
                v = recv(c) => { x = v.unwrap() },
            }
            assert_eq!(x, 42, "BUG: {x}");
            assert!(!called.get(), "BUG: called f");
        });
    }
}

/// test/chan/select5.go generates a program of many small selects. Here the same
/// combinations are enumerated directly: for a receive (and a send) on a buffered channel
/// that is ready, every mix of a default before or after it, dummy send and receive cases on
/// a channel nobody uses, and nil-channel cases; and non-blocking selects whose only cases
/// can never proceed. The `*Order` templates check that case expressions are evaluated once,
/// in order.
mod select5 {
    use super::*;

    /// The optional cases of a select, as the generator's `Maybe` choices.
    #[derive(Clone, Copy, Debug)]
    struct Extras {
        default_before: bool,
        default_after: bool,
        dummy_send: bool,
        dummy_recv: bool,
        nil_send: bool,
        nil_recv: bool,
    }

    fn all_extras() -> impl Iterator<Item = Extras> {
        (0..16u32).flat_map(|bits| {
            let b = move |i: u32| bits & (1 << i) != 0;
            // No default, a default before, or a default after (never both).
            [(false, false), (true, false), (false, true)]
                .into_iter()
                .map(move |(before, after)| Extras {
                    default_before: before,
                    default_after: after,
                    dummy_send: b(0),
                    dummy_recv: b(1),
                    nil_send: b(2),
                    nil_recv: b(3),
                })
        })
    }

    /// Adds the extra cases around `real`, which adds the case under test.
    fn build(
        e: Extras,
        dummy: Chan<i32>,
        real: impl FnOnce(&mut Select) -> usize,
    ) -> (Select, usize) {
        let nilch = Chan::<i32>::nil();
        let mut sel = Select::new();
        if e.default_before {
            sel.default_case();
        }
        let i = real(&mut sel);
        if e.default_after {
            sel.default_case();
        }
        if e.dummy_send {
            sel.send(dummy, 1);
        }
        if e.dummy_recv {
            sel.recv(dummy);
        }
        if e.nil_send {
            sel.send(nilch, 1);
        }
        if e.nil_recv {
            sel.recv(nilch);
        }
        (sel, i)
    }

    #[test]
    fn recv() {
        run(async {
            let c = make_chan::<i32>(1);
            let dummy = make_chan::<i32>(0);
            let mut cases = 0;
            for (e, n) in all_extras().zip(1..) {
                c.send(n).await;
                let (sel, i) = build(e, dummy, |s| s.recv(c));
                let mut got = sel.wait().await;
                if got.is_default() {
                    panic!("nonblock {e:?}");
                }
                assert_eq!(got.index(), Some(i), "{e:?}");
                let x = got.take(c).unwrap();
                assert_eq!(x, n, "have {x} want {n}");
                cases += 1;
            }
            assert_eq!(cases, 48);
        });
    }

    #[test]
    fn send() {
        run(async {
            let c = make_chan::<i32>(1);
            let dummy = make_chan::<i32>(0);
            for (e, n) in all_extras().zip(1..) {
                let (sel, i) = build(e, dummy, |s| s.send(c, n));
                let got = sel.wait().await;
                assert_eq!(got.index(), Some(i), "nonblock {e:?}");
                let x = c.recv().await.unwrap();
                assert_eq!(x, n, "have {x} want {n}");
            }
        });
    }

    #[test]
    fn nonblock() {
        run(async {
            let dummy = make_chan::<i32>(0);
            let nilch = Chan::<i32>::nil();
            for bits in 0..16u32 {
                let mut sel = Select::new();
                if bits & 1 != 0 {
                    sel.send(dummy, 1);
                }
                if bits & 2 != 0 {
                    sel.send(nilch, 1);
                }
                if bits & 4 != 0 {
                    sel.recv(dummy);
                }
                if bits & 8 != 0 {
                    sel.recv(nilch);
                }
                sel.default_case();
                let got = sel.wait().await;
                assert!(
                    got.is_default(),
                    "case {:?} of {bits:b} proceeded",
                    got.index()
                );
            }
        });
    }

    thread_local!(static ORDER: Cell<u32> = const { Cell::new(0) });

    /// Go's `checkorder`: successive calls must have increasing `o`.
    fn checkorder(o: u32) {
        ORDER.with(|order| {
            if o <= order.get() {
                panic!("invalid order {o} after {}", order.get());
            }
            order.set(o);
        });
    }

    fn fc(c: Chan<i32>, o: u32) -> Chan<i32> {
        checkorder(o);
        c
    }

    fn fnv(n: i32, o: u32) -> i32 {
        checkorder(o);
        n
    }

    #[test]
    fn send_order() {
        run(async {
            let c = make_chan::<i32>(1);
            let dummy = make_chan::<i32>(0);
            let nilch = Chan::<i32>::nil();
            for n in 1..4 {
                ORDER.with(|o| o.set(0));
                select! {
                    send(fc(c, 1), fnv(n, 2)) => {},
                    send(fc(dummy, 3), fnv(1, 4)) => { panic!("dummy send") },
                    _ = recv(fc(dummy, 5)) => { panic!("dummy receive") },
                    send(fc(nilch, 6), fnv(1, 7)) => { panic!("nilch send") },
                    _ = recv(fc(nilch, 8)) => { panic!("nilch recv") },
                }
                assert_eq!(c.recv().await, Some(n));
            }
        });
    }

    #[test]
    fn recv_order() {
        run(async {
            let c = make_chan::<i32>(1);
            let dummy = make_chan::<i32>(0);
            let nilch = Chan::<i32>::nil();
            for n in 1..4 {
                ORDER.with(|o| o.set(0));
                c.send(n).await;
                let mut x = 0;
                select! {
                    v = recv(fc(c, 1)) => { x = v.unwrap() },
                    send(fc(dummy, 2), fnv(1, 3)) => { panic!("dummy send") },
                    _ = recv(fc(dummy, 4)) => { panic!("dummy receive") },
                    send(fc(nilch, 5), fnv(1, 6)) => { panic!("nilch send") },
                    _ = recv(fc(nilch, 7)) => { panic!("nilch recv") },
                    default => { panic!("nonblock") },
                }
                assert_eq!(x, n, "have {x} want {n}");
            }
        });
    }
}

/// test/chan/select6.go: Go issue 2075. A select that loses on a channel must leave that
/// channel's wait queue intact, or later waiters on it are never woken.
mod select6 {
    use super::*;

    async fn recv_once(c1: Chan<bool>) {
        c1.recv().await;
    }

    async fn selector(c1: Chan<bool>, c2: Chan<bool>, c3: Chan<bool>) {
        select! {
            _ = recv(c1) => { panic!("dummy") },
            _ = recv(c2) => { c3.send(true).await },
        }
        c1.recv().await;
    }

    async fn send_once(c2: Chan<bool>) {
        c2.send(true).await;
    }

    #[test]
    fn main() {
        for seed in 1..=5 {
            run_seed(seed, async {
                let c1 = make_chan::<bool>(0);
                let c2 = make_chan::<bool>(0);
                let c3 = make_chan::<bool>(0);
                go(recv_once, (c1,));
                go(selector, (c1, c2, c3));
                go(send_once, (c2,));
                c3.recv().await;
                c1.send(true).await;
                c1.send(true).await;
            });
        }
    }
}

/// test/chan/select7.go: select when discarding a value: every pairing of three ways to
/// receive (plain, one-case select, two-case select) with three ways to send.
mod select7 {
    use super::*;

    async fn recv1(c: Receiver<i32>) {
        c.recv().await;
    }

    async fn recv2(c: Receiver<i32>) {
        select! {
            _ = recv(c) => {},
        }
    }

    async fn recv3(c: Receiver<i32>) {
        let c2 = make_chan::<i32>(0);
        select! {
            _ = recv(c) => {},
            _ = recv(c2) => {},
        }
    }

    /// A receiver, as Go's `func(<-chan int)`.
    trait Recv: rt::Call<(Receiver<i32>,), Fut: Future<Output = ()>> + Copy + 'static {}
    impl<F: rt::Call<(Receiver<i32>,), Fut: Future<Output = ()>> + Copy + 'static> Recv for F {}

    async fn send1(recv: impl Recv) {
        let c = make_chan::<i32>(0);
        go(recv, (c.receiver(),));
        gosched().await;
        c.send(1).await;
    }

    async fn send2(recv: impl Recv) {
        let c = make_chan::<i32>(0);
        go(recv, (c.receiver(),));
        gosched().await;
        select! {
            send(c, 1) => {},
        }
    }

    async fn send3(recv: impl Recv) {
        let c = make_chan::<i32>(0);
        go(recv, (c.receiver(),));
        gosched().await;
        let c2 = make_chan::<i32>(0);
        select! {
            send(c, 1) => {},
            send(c2, 1) => {},
        }
    }

    #[test]
    fn main() {
        let r = run(async {
            send1(recv1).await;
            send2(recv1).await;
            send3(recv1).await;
            send1(recv2).await;
            send2(recv2).await;
            send3(recv2).await;
            send1(recv3).await;
            send2(recv3).await;
            send3(recv3).await;
        });
        assert_eq!(r.metrics.chan_sends, 9);
    }
}

/// test/chan/select8.go: `break` inside select cases, for one-, two- and three-case selects.
mod select8 {
    use super::*;

    async fn forever(ch: Chan<i32>) {
        loop {
            ch.send(5).await;
        }
    }

    #[test]
    fn main() {
        run(async {
            let ch = make_chan::<i32>(0);
            go(forever, (ch,));
            #[allow(unreachable_code)]
            for _ in 0..1 {
                select! {
                    _ = recv(ch) => { break; panic!("unreachable") },
                }
            }
            #[allow(unreachable_code)]
            for _ in 0..1 {
                select! {
                    default => { break; panic!("unreachable") },
                }
            }
            #[allow(unreachable_code)]
            for _ in 0..1 {
                select! {
                    _ = recv(ch) => { break; panic!("unreachable") },
                    default => { break; panic!("unreachable") },
                }
            }
            #[allow(unreachable_code)]
            for _ in 0..1 {
                select! {
                    _ = recv(ch) => { break; panic!("unreachable") },
                    send(ch, 10) => { panic!("unreachable") },
                    default => { break; panic!("unreachable") },
                }
            }
        });
    }
}

/// test/chan/sendstmt.go: a send whose channel is itself received from a channel of
/// channels, inside a select; and a send of an expression.
mod sendstmt {
    use super::*;

    #[test]
    fn chanchan() {
        run(async {
            let cc = make_chan::<Chan<i32>>(1);
            let c = make_chan::<i32>(1);
            cc.send(c).await;
            select! {
                send(cc.recv().await.unwrap(), 2) => {},
                default => { panic!("nonblock") },
            }
            if c.recv().await != Some(2) {
                panic!("bad receive");
            }
        });
    }

    #[test]
    #[allow(clippy::nonminimal_bool, clippy::overly_complex_bool_expr)]
    fn sendprec() {
        run(async {
            let c = make_chan::<bool>(1);
            c.send(false || true).await;
            if !c.recv().await.unwrap() {
                panic!("sent false");
            }
        });
    }
}

/// test/chan/sieve1.go: the classical concurrent prime sieve, a daisy chain of filter
/// goroutines. main returns after 25 primes, leaving the chain behind.
mod sieve1 {
    use super::*;

    async fn generate(ch: Sender<i32>) {
        let mut i = 2;
        loop {
            ch.send(i).await;
            i += 1;
        }
    }

    async fn filter(inp: Receiver<i32>, out: Sender<i32>, prime: i32) {
        while let Some(i) = inp.recv().await {
            if i % prime != 0 {
                out.send(i).await;
            }
        }
    }

    async fn sieve(primes: Sender<i32>) {
        let mut ch = make_chan::<i32>(0);
        go(generate, (ch.sender(),));
        loop {
            let prime = ch.recv().await.unwrap();
            primes.send(prime).await;
            let ch1 = make_chan::<i32>(0);
            go(filter, (ch.receiver(), ch1.sender(), prime));
            ch = ch1;
        }
    }

    #[test]
    fn main() {
        let r = run(async {
            let primes = make_chan::<i32>(0);
            go(sieve, (primes.sender(),));
            let a = [
                2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79,
                83, 89, 97,
            ];
            for want in a {
                let x = primes.recv().await.unwrap();
                if x != want {
                    panic!("{x} != {want}");
                }
            }
        });
        // generate, sieve, and a filter per prime.
        assert_eq!(r.leaked.len(), 2 + 25);
    }
}

/// test/chan/zerosize.go: channels of zero-sized types, buffered and not.
mod zerosize {
    use super::*;

    #[test]
    fn main() {
        run(async {
            let _ = make_chan::<[u8; 0]>(0);
            let a = make_chan::<[u8; 0]>(1);
            let _ = make_chan::<()>(0);
            let b = make_chan::<()>(1);
            // And they carry their (empty) values.
            a.send([]).await;
            b.send(()).await;
            assert_eq!(a.recv().await, Some([]));
            assert_eq!(b.recv().await, Some(()));
        });
    }
}

/// A check that the ports fail when Go's tests would: a duplicated value in `doubleselect`'s
/// receiver is a panic that ends the run with status 2.
#[test]
fn a_failing_port_is_reported() {
    let r = Runtime::new(Config::default()).run(async {
        let c = make_chan::<u32>(2);
        c.send(7).await;
        c.send(7).await;
        c.close().await;
        let seen = RefCell::new(HashSet::new());
        while let Some(v) = c.recv().await {
            if !seen.borrow_mut().insert(v) {
                panic!("got duplicate value: {v}");
            }
        }
    });
    assert_eq!(r.exit_code(), 2);
    assert_eq!(r.lines()[0], "panic: got duplicate value: 7");
}
