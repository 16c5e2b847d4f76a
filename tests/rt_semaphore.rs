//! golang.org/x/sync/semaphore: a weighted semaphore whose waiters are served in FIFO order.

mod rt_support;

use chanlab::rt::{
    self, background, go, ms, semaphore, sleep, with_cancel, with_timeout, Context, WaitGroup,
};
use rt_support::{run, stderr};

async fn take(name: String, sem: semaphore::Weighted, n: i64, wg: WaitGroup) {
    sem.acquire(background(), n).await.unwrap();
    rt::println(format!("{name} got {n} at {}", rt::now().0 / 1_000_000));
    wg.done().await;
}

#[test]
fn waiters_are_served_in_fifo_order_without_barging() {
    let r = run(async {
        let sem = semaphore::new_weighted(3);
        sem.acquire(background(), 3).await.unwrap();
        let wg = WaitGroup::new();
        wg.add(2).await;
        go(take, ("big".to_string(), sem, 2, wg));
        sleep(ms(1)).await;
        go(take, ("small".to_string(), sem, 1, wg));
        sleep(ms(1)).await;
        // One unit is free: enough for "small", but "big" is first in line.
        sem.release(1).await;
        sleep(ms(10)).await;
        rt::println("released 1");
        sem.release(1).await;
        sleep(ms(10)).await;
        sem.release(1).await;
        wg.wait().await;
    });
    assert_eq!(
        r.lines(),
        ["released 1", "big got 2 at 12", "small got 1 at 22"]
    );
}

#[test]
fn try_acquire_takes_only_what_fits_and_never_jumps_the_queue() {
    async fn wait_for_all(sem: semaphore::Weighted) {
        sem.acquire(background(), 2).await.unwrap();
    }
    let r = run(async {
        let sem = semaphore::new_weighted(2);
        rt::println(sem.try_acquire(1).await);
        rt::println(sem.try_acquire(2).await);
        go(wait_for_all, (sem,));
        sleep(ms(1)).await;
        // One unit is free, but a waiter is queued.
        rt::println(sem.try_acquire(1).await);
        sem.release(1).await;
        sleep(ms(1)).await;
        rt::println(sem.try_acquire(1).await);
    });
    assert_eq!(r.lines(), ["true", "false", "false", "false"]);
}

#[test]
fn acquire_with_a_cancelled_context_fails_and_takes_nothing() {
    let r = run(async {
        let sem = semaphore::new_weighted(4);
        let (ctx, cancel) = with_cancel(background());
        cancel.cancel();
        let res = sem.acquire(ctx, 1).await;
        rt::println(res.unwrap_err());
        rt::println(sem.try_acquire(4).await);
    });
    assert_eq!(r.lines(), ["context canceled", "true"]);
}

#[test]
fn a_waiter_whose_context_ends_leaves_the_queue() {
    async fn impatient(sem: semaphore::Weighted, ctx: Context, wg: WaitGroup) {
        let res = sem.acquire(ctx, 2).await;
        rt::println(format!(
            "impatient: {} at {}",
            res.unwrap_err(),
            rt::now().0 / 1_000_000
        ));
        wg.done().await;
    }
    let r = run(async {
        let sem = semaphore::new_weighted(2);
        sem.acquire(background(), 1).await.unwrap();
        let (ctx, _cancel) = with_timeout(background(), ms(5));
        let wg = WaitGroup::new();
        wg.add(2).await;
        go(impatient, (sem, ctx, wg));
        sleep(ms(1)).await;
        // Queued behind the impatient waiter, until it gives up.
        go(take, ("patient".to_string(), sem, 1, wg));
        wg.wait().await;
    });
    assert_eq!(
        r.lines(),
        [
            "impatient: context deadline exceeded at 5",
            "patient got 1 at 5"
        ]
    );
}

#[test]
fn a_request_larger_than_the_semaphore_waits_for_the_context() {
    let r = run(async {
        let sem = semaphore::new_weighted(2);
        let (ctx, _cancel) = with_timeout(background(), ms(30));
        let res = sem.acquire(ctx, 3).await;
        rt::println(format!(
            "{} at {}",
            res.unwrap_err(),
            rt::now().0 / 1_000_000
        ));
        rt::println(sem.try_acquire(2).await);
    });
    assert_eq!(r.lines(), ["context deadline exceeded at 30", "true"]);
}

#[test]
fn releasing_more_than_held_panics() {
    let r = run(async {
        let sem = semaphore::new_weighted(3);
        sem.acquire(background(), 1).await.unwrap();
        sem.release(2).await;
        rt::println("unreachable");
    });
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        stderr(&r)[..3],
        [
            "panic: semaphore: released more than held",
            "",
            "goroutine 1 [running]:"
        ]
    );
}

#[test]
fn a_semaphore_bounds_concurrent_workers() {
    async fn work(i: u32, sem: semaphore::Weighted, wg: WaitGroup) {
        sem.acquire(background(), 1).await.unwrap();
        rt::println(format!("{i} start {}", rt::now().0 / 1_000_000));
        sleep(ms(10)).await;
        sem.release(1).await;
        wg.done().await;
    }
    let r = run(async {
        let sem = semaphore::new_weighted(2);
        let wg = WaitGroup::new();
        wg.add(5).await;
        for i in 0..5 {
            go(work, (i, sem, wg));
        }
        wg.wait().await;
    });
    // The last started runs first, then the others in order, two at a time (as Go at
    // GOMAXPROCS=1 prints them).
    assert_eq!(
        r.lines(),
        [
            "4 start 0",
            "0 start 0",
            "1 start 10",
            "2 start 10",
            "3 start 20"
        ]
    );
}
