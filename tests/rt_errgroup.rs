//! golang.org/x/sync/errgroup: the first error wins, cancels the group's context, and
//! `SetLimit` bounds how many of the group's goroutines run at once.

mod rt_support;

use std::cell::Cell;
use std::rc::Rc;

use chanlab::rt::{self, background, errgroup, ms, sleep, AtomicInt, Context, Error, Outcome, Var};
use chanlab::select;
use rt_support::{run, stderr};

async fn fail_after(d: u64, text: String) -> Result<(), Error> {
    sleep(ms(d)).await;
    Err(Error::new(text))
}

async fn succeed_after(d: u64) -> Result<(), Error> {
    sleep(ms(d)).await;
    Ok(())
}

#[test]
fn wait_returns_ok_when_every_task_succeeds() {
    let r = run(async {
        let g = errgroup::Group::new();
        for d in [10, 30, 20] {
            g.go(succeed_after, (d,)).await;
        }
        let res = g.wait().await;
        rt::println(format!("{res:?} at {}", rt::now().0 / 1_000_000));
    });
    assert_eq!(r.lines(), ["Ok(()) at 30"]);
}

#[test]
fn the_first_error_wins() {
    let r = run(async {
        let g = errgroup::Group::new();
        g.go(fail_after, (30, "third".to_string())).await;
        g.go(fail_after, (10, "first".to_string())).await;
        g.go(fail_after, (20, "second".to_string())).await;
        g.go(succeed_after, (5,)).await;
        let res = g.wait().await;
        // Wait still waits for every goroutine.
        rt::println(format!(
            "{} at {}",
            res.unwrap_err(),
            rt::now().0 / 1_000_000
        ));
    });
    assert_eq!(r.lines(), ["first at 30"]);
}

#[test]
fn the_first_error_cancels_the_context() {
    async fn watch(ctx: Context) -> Result<(), Error> {
        select! {
            _ = recv(ctx.done()) => {
                rt::println(format!(
                    "cancelled at {}: {}",
                    rt::now().0 / 1_000_000,
                    ctx.err().await.unwrap()
                ));
            },
            _ = recv(rt::after(ms(1000))) => { rt::println("never cancelled") },
        }
        ctx.err().await.map_or(Ok(()), Err)
    }
    let r = run(async {
        let (g, ctx) = errgroup::with_context(background());
        g.go(watch, (ctx,)).await;
        g.go(fail_after, (15, "boom".to_string())).await;
        let res = g.wait().await;
        rt::println(res.unwrap_err());
    });
    assert_eq!(r.lines(), ["cancelled at 15: context canceled", "boom"]);
}

#[test]
fn wait_cancels_the_context_even_without_errors() {
    let r = run(async {
        let (g, ctx) = errgroup::with_context(background());
        g.go(succeed_after, (5,)).await;
        rt::println(format!("{:?}", ctx.err().await));
        g.wait().await.unwrap();
        rt::println(ctx.err().await.unwrap());
    });
    assert_eq!(r.lines(), ["None", "context canceled"]);
}

/// Runs 10 tasks of 10 ms under `limit` and returns (peak running, end time in ms).
fn limited(limit: i64) -> (u32, u64) {
    async fn task(running: AtomicInt, peak: Var<i64>) -> Result<(), Error> {
        let now = running.add(1).await;
        peak.update(|p| *p = (*p).max(now)).await;
        sleep(ms(10)).await;
        running.add(-1).await;
        Ok(())
    }
    let peak = Rc::new(Cell::new(0));
    let p = peak.clone();
    let r = run(async move {
        let running = AtomicInt::new();
        let most = Var::new(0i64);
        let g = errgroup::Group::new();
        g.set_limit(limit).await;
        for _ in 0..10 {
            g.go(task, (running, most)).await;
        }
        g.wait().await.unwrap();
        p.set(most.get().await as u32);
    });
    assert_eq!(r.exit_code(), 0);
    (peak.get(), r.end_ns / 1_000_000)
}

#[test]
fn set_limit_bounds_concurrency() {
    assert_eq!(limited(3), (3, 40));
    assert_eq!(limited(1), (1, 100));
    assert_eq!(limited(-1), (10, 10), "a negative limit is no limit");
}

#[test]
fn go_blocks_while_the_limit_is_reached() {
    let r = run(async {
        let g = errgroup::Group::new();
        g.set_limit(1).await;
        g.go(succeed_after, (25,)).await;
        rt::println(format!("first started at {}", rt::now().0 / 1_000_000));
        g.go(succeed_after, (25,)).await;
        rt::println(format!("second started at {}", rt::now().0 / 1_000_000));
        g.wait().await.unwrap();
    });
    assert_eq!(r.lines(), ["first started at 0", "second started at 25"]);
}

#[test]
fn changing_the_limit_while_goroutines_run_panics() {
    let r = run(async {
        let g = errgroup::Group::new();
        g.set_limit(2).await;
        g.go(succeed_after, (10,)).await;
        g.set_limit(5).await;
    });
    assert!(matches!(r.outcome, Outcome::Panic { g: 1, .. }));
    assert_eq!(
        stderr(&r)[0],
        "panic: errgroup: modify limit while 1 goroutines in the group are still active"
    );
}
