//! Go's `sync`: WaitGroup, Mutex, Once and Cond's waits, including the panics and fatal errors Go reports.

mod rt_support;

use std::cell::Cell;
use std::rc::Rc;

use chanlab::rt::{self, go, gosched, ms, sleep, Cond, Mutex, Once, Outcome, Var, WaitGroup};
use rt_support::{goroutine_headers, run, stderr};

#[test]
fn wait_returns_at_once_when_the_counter_is_zero() {
    let r = run(async {
        let wg = WaitGroup::new();
        wg.wait().await;
        rt::println(wg.counter().await);
    });
    assert_eq!(r.lines(), ["0"]);
}

#[test]
fn wait_blocks_until_every_done() {
    async fn work(i: u64, wg: WaitGroup) {
        sleep(ms(i * 10)).await;
        wg.done().await;
    }
    let r = run(async {
        let wg = WaitGroup::new();
        wg.add(3).await;
        for i in 1..=3 {
            go(work, (i, wg));
        }
        wg.wait().await;
        rt::println(format!(
            "{} {}",
            rt::now().0 / 1_000_000,
            wg.counter().await
        ));
    });
    assert_eq!(r.lines(), ["30 0"]);
}

#[test]
fn every_waiter_is_released() {
    async fn waiter(i: u32, wg: WaitGroup) {
        wg.wait().await;
        rt::println(format!("waiter {i} released"));
    }
    let r = run(async {
        let wg = WaitGroup::new();
        wg.add(1).await;
        for i in 0..3 {
            go(waiter, (i, wg));
        }
        sleep(ms(1)).await;
        wg.done().await;
        sleep(ms(1)).await;
    });
    assert_eq!(r.lines().len(), 3);
    assert!(r.leaked.is_empty());
}

#[test]
fn a_waitgroup_can_be_reused() {
    async fn work(wg: WaitGroup) {
        wg.done().await;
    }
    let r = run(async {
        let wg = WaitGroup::new();
        for round in 0..3 {
            wg.add(2).await;
            go(work, (wg,));
            go(work, (wg,));
            wg.wait().await;
            rt::println(format!("round {round}"));
        }
    });
    assert_eq!(r.lines(), ["round 0", "round 1", "round 2"]);
}

#[test]
fn a_negative_counter_panics() {
    let r = run(async {
        let wg = WaitGroup::new();
        wg.add(1).await;
        wg.done().await;
        wg.done().await;
        rt::println("unreachable");
    });
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        stderr(&r),
        [
            "panic: sync: negative WaitGroup counter",
            "",
            "goroutine 1 [running]:",
            "main.main()"
        ]
    );
    assert!(!r.lines().contains(&"unreachable"));
}

#[test]
fn a_negative_counter_in_a_goroutine_names_that_goroutine() {
    async fn worker(wg: WaitGroup) {
        wg.done().await;
    }
    let r = run(async {
        let wg = WaitGroup::new();
        go(worker, (wg,));
        wg.wait().await;
        sleep(ms(1)).await;
    });
    assert_eq!(
        r.outcome,
        Outcome::Panic {
            g: 2,
            message: "sync: negative WaitGroup counter".into()
        }
    );
    assert_eq!(
        stderr(&r),
        [
            "panic: sync: negative WaitGroup counter",
            "",
            "goroutine 2 [running]:",
            "main.worker(...)",
            "created by main.main"
        ]
    );
}

#[test]
fn a_forgotten_done_deadlocks_in_semacquire() {
    let r = run(async {
        let wg = WaitGroup::new();
        wg.add(1).await;
        wg.wait().await;
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(goroutine_headers(&r), ["goroutine 1 [semacquire]:"]);
}

/// Four goroutines add 1 to a shared counter 50 times each, reading it, yielding, then
/// writing it back; with `locked` they hold a mutex around that.
fn increments(locked: bool) -> u64 {
    async fn increment(mu: Option<Mutex>, counter: Var<u64>, wg: WaitGroup) {
        for _ in 0..50 {
            if let Some(mu) = mu {
                mu.lock().await;
            }
            let v = counter.get().await;
            gosched().await;
            counter.set(v + 1);
            if let Some(mu) = mu {
                mu.unlock().await;
            }
        }
        wg.done().await;
    }
    let counter = Rc::new(Cell::new(0));
    let total = counter.clone();
    let r = run(async move {
        let mu = locked.then(Mutex::new);
        let shared = Var::new(0u64);
        let wg = WaitGroup::new();
        wg.add(4).await;
        for _ in 0..4 {
            go(increment, (mu, shared, wg));
        }
        wg.wait().await;
        total.set(shared.get().await);
    });
    assert_eq!(r.exit_code(), 0);
    counter.get()
}

#[test]
fn a_mutex_excludes_other_goroutines() {
    assert_eq!(increments(true), 200);
    // Without it, updates are lost: the test would notice a mutex that does not exclude.
    assert!(increments(false) < 200);
}

#[test]
fn a_mutex_holder_is_never_two_goroutines() {
    async fn critical(i: u32, mu: Mutex, wg: WaitGroup) {
        mu.lock().await;
        rt::println(format!("{i} in"));
        sleep(ms(10)).await;
        rt::println(format!("{i} out"));
        mu.unlock().await;
        wg.done().await;
    }
    let r = run(async {
        let mu = Mutex::new();
        let wg = WaitGroup::new();
        wg.add(3).await;
        for i in 0..3 {
            go(critical, (i, mu, wg));
        }
        wg.wait().await;
    });
    let lines = r.lines();
    assert_eq!(lines.len(), 6);
    for pair in lines.chunks(2) {
        let who = pair[0].strip_suffix(" in").expect("enter");
        assert_eq!(pair[1], format!("{who} out"));
    }
    // Waiters get the lock in the order they asked for it; the last started asked first (as
    // Go at GOMAXPROCS=1 prints it).
    assert_eq!(lines, ["2 in", "2 out", "0 in", "0 out", "1 in", "1 out"]);
    assert_eq!(r.end_ns, 30_000_000);
}

#[test]
fn try_lock_takes_a_free_mutex_only() {
    async fn hold(mu: Mutex) {
        mu.lock().await;
        sleep(ms(10)).await;
        mu.unlock().await;
    }
    let r = run(async {
        let mu = Mutex::new();
        go(hold, (mu,));
        gosched().await;
        let busy = mu.try_lock().await;
        sleep(ms(20)).await;
        let free = mu.try_lock().await;
        let again = mu.try_lock().await;
        rt::println(format!("{busy} {free} {again}"));
        mu.unlock().await;
    });
    assert_eq!(r.lines(), ["false true false"]);
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn unlock_of_an_unlocked_mutex_is_fatal() {
    let r = run(async {
        let mu = Mutex::new();
        mu.lock().await;
        mu.unlock().await;
        mu.unlock().await;
        rt::println("unreachable");
    });
    assert_eq!(
        r.outcome,
        Outcome::Fatal {
            message: "sync: unlock of unlocked mutex".into()
        }
    );
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        &stderr(&r)[..3],
        [
            "fatal error: sync: unlock of unlocked mutex",
            "",
            "goroutine 1 [running]:"
        ]
    );
}

#[test]
fn locking_a_locked_mutex_twice_deadlocks_in_semacquire() {
    let r = run(async {
        let mu = Mutex::new();
        mu.lock().await;
        mu.lock().await;
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(goroutine_headers(&r), ["goroutine 1 [semacquire]:"]);
}

#[test]
fn once_runs_its_function_once_and_the_others_wait_for_it() {
    async fn setup(i: u32, once: Once, wg: WaitGroup) {
        once.call(async move {
            rt::println(format!("setup by {i}"));
            sleep(ms(10)).await;
        })
        .await;
        rt::println(format!("{i} past once at {}", rt::now().0 / 1_000_000));
        wg.done().await;
    }
    let r = run(async {
        let once = Once::new();
        let wg = WaitGroup::new();
        wg.add(3).await;
        for i in 0..3 {
            go(setup, (i, once, wg));
        }
        wg.wait().await;
        once.call(async { rt::println("again") }).await;
    });
    let lines = r.lines();
    // The last goroutine started runs first (Go's order).
    assert_eq!(lines[0], "setup by 2");
    assert_eq!(lines.iter().filter(|l| l.starts_with("setup")).count(), 1);
    for i in 0..3 {
        assert!(
            lines.contains(&format!("{i} past once at 10").as_str()),
            "{lines:?}"
        );
    }
    assert!(!lines.contains(&"again"));
}

/// A waiter as Go's `Cond.Wait` is: its ticket while it holds the mutex, then the unlock,
/// the wait, and the lock again.
async fn cond_wait(cond: Cond, mu: Mutex) {
    let ticket = cond.ticket().await;
    mu.unlock().await;
    cond.wait(ticket).await;
    mu.lock().await;
}

#[test]
fn signal_wakes_the_oldest_waiter_and_broadcast_the_rest() {
    async fn waiter(i: u32, cond: Cond, mu: Mutex, wg: WaitGroup) {
        mu.lock().await;
        cond_wait(cond, mu).await;
        rt::println(format!("{i} woke at {}", rt::now().0 / 1_000_000));
        mu.unlock().await;
        wg.done().await;
    }
    let r = run(async {
        let (cond, mu, wg) = (Cond::new(), Mutex::new(), WaitGroup::new());
        wg.add(3).await;
        for i in 0..3 {
            go(waiter, (i, cond, mu, wg));
            sleep(ms(1)).await;
        }
        sleep(ms(10)).await;
        cond.signal();
        sleep(ms(10)).await;
        cond.broadcast();
        wg.wait().await;
        // Nobody waits: both do nothing, and a later waiter still waits for the next one.
        cond.signal();
        cond.broadcast();
        mu.lock().await;
        cond_wait(cond, mu).await;
    });
    assert_eq!(
        r.lines()[..3],
        // Broadcast wakes 1, then 2, each taking main's `next`: 2 runs first, as in Go.
        ["0 woke at 13", "2 woke at 23", "1 woke at 23"]
    );
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(goroutine_headers(&r), ["goroutine 1 [sync.Cond.Wait]:"]);
}

#[test]
fn a_signal_after_the_ticket_and_before_the_wait_is_not_lost() {
    let r = run(async {
        let cond = Cond::new();
        let first = cond.ticket().await;
        let second = cond.ticket().await;
        cond.signal();
        cond.wait(first).await;
        rt::println("first woke without parking");
        go(
            |cond: Cond| async move {
                sleep(ms(5)).await;
                cond.signal();
            },
            (cond,),
        );
        cond.wait(second).await;
        rt::println(format!("second woke at {}", rt::now().0 / 1_000_000));
    });
    assert_eq!(
        r.lines(),
        ["first woke without parking", "second woke at 5"]
    );
}

#[test]
fn sync_handles_are_copyable_and_serializable() {
    let r = run(async {
        let wg = WaitGroup::new();
        let mu = Mutex::new();
        let json = serde_json::to_string(&(wg, mu)).unwrap();
        let (wg2, mu2): (WaitGroup, Mutex) = serde_json::from_str(&json).unwrap();
        assert_eq!((wg2, mu2), (wg, mu));
    });
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn a_copy_has_the_state_of_its_original_and_its_own_from_then_on() {
    let r = run(async {
        let wg = WaitGroup::new();
        wg.add(2).await;
        let copy = wg.copied();
        copy.done().await;
        copy.done().await;
        copy.wait().await;
        rt::println(format!("{} {}", wg.counter().await, copy.counter().await));
        let mu = Mutex::new();
        mu.lock().await;
        let locked = mu.copied();
        mu.unlock().await;
        let unlocked = mu.copied();
        rt::println(format!(
            "{} {}",
            locked.try_lock().await,
            unlocked.try_lock().await
        ));
    });
    assert_eq!(r.lines(), ["2 0", "false true"]);
}
