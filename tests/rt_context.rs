//! Go's `context`: cancellation propagating to children, timeouts and deadlines, and the
//! texts `Err()` returns.

mod rt_support;

use chanlab::rt::{
    self, background, go, make_chan, ms, sleep, with_cancel, with_deadline, with_timeout, Chan,
    Context, Time, WaitGroup,
};
use chanlab::select;
use rt_support::run;

async fn err(ctx: Context) -> String {
    ctx.err()
        .await
        .map_or("<nil>".to_string(), |e| e.to_string())
}

#[test]
fn background_is_never_done() {
    let r = run(async {
        let ctx = background();
        assert!(ctx.done().is_nil());
        assert_eq!(ctx.deadline().await, None);
        select! {
            _ = recv(ctx.done()) => { rt::println("done") },
            default => { rt::println(err(ctx).await) },
        }
    });
    assert_eq!(r.lines(), ["<nil>"]);
}

#[test]
fn cancel_closes_done_and_sets_err() {
    let r = run(async {
        let (ctx, cancel) = with_cancel(background());
        rt::println(err(ctx).await);
        cancel.cancel();
        ctx.done().recv().await;
        rt::println(err(ctx).await);
        cancel.cancel();
        rt::println(err(ctx).await);
    });
    assert_eq!(r.lines(), ["<nil>", "context canceled", "context canceled"]);
}

#[test]
fn cancel_propagates_to_every_descendant() {
    async fn watch(name: String, ctx: Context, wg: WaitGroup) {
        ctx.done().recv().await;
        rt::println(format!("{name}: {}", err(ctx).await));
        wg.done().await;
    }
    let r = run(async {
        let (root, cancel) = with_cancel(background());
        let (child, _c1) = with_cancel(root);
        let (grandchild, _c2) = with_timeout(child, ms(1000));
        let (sibling, _c3) = with_cancel(root);
        let wg = WaitGroup::new();
        wg.add(3).await;
        go(watch, ("child".to_string(), child, wg));
        go(watch, ("grandchild".to_string(), grandchild, wg));
        go(watch, ("sibling".to_string(), sibling, wg));
        sleep(ms(5)).await;
        cancel.cancel();
        wg.wait().await;
        rt::println(format!("at {}", rt::now().0 / 1_000_000));
    });
    // Go cancels a context's children in its map's order: the watchers may print in any
    // order.
    let mut lines = r.lines();
    lines[..3].sort_unstable();
    assert_eq!(
        lines,
        [
            "child: context canceled",
            "grandchild: context canceled",
            "sibling: context canceled",
            "at 5"
        ]
    );
    assert_eq!(
        r.metrics.live_timers, 0,
        "cancel stops the grandchild's deadline timer"
    );
}

#[test]
fn cancelling_a_child_leaves_its_parent_alone() {
    let r = run(async {
        let (parent, _cancel) = with_cancel(background());
        let (child, cancel_child) = with_cancel(parent);
        cancel_child.cancel();
        rt::println(format!("{} / {}", err(parent).await, err(child).await));
    });
    assert_eq!(r.lines(), ["<nil> / context canceled"]);
}

#[test]
fn a_child_of_a_cancelled_parent_starts_cancelled() {
    let r = run(async {
        let (parent, cancel) = with_cancel(background());
        cancel.cancel();
        let (child, _c) = with_cancel(parent);
        let (timed, _c) = with_timeout(parent, ms(10));
        rt::println(format!("{} / {}", err(child).await, err(timed).await));
    });
    assert_eq!(r.lines(), ["context canceled / context canceled"]);
}

#[test]
fn with_timeout_expires_with_deadline_exceeded() {
    let r = run(async {
        let (ctx, _cancel) = with_timeout(background(), ms(50));
        assert_eq!(ctx.deadline().await, Some(Time(50_000_000)));
        rt::println(err(ctx).await);
        ctx.done().recv().await;
        rt::println(format!("{} at {}", err(ctx).await, rt::now().0 / 1_000_000));
    });
    assert_eq!(r.lines(), ["<nil>", "context deadline exceeded at 50"]);
}

#[test]
fn cancel_before_the_deadline_wins_and_stops_the_timer() {
    let r = run(async {
        let (ctx, cancel) = with_timeout(background(), ms(50));
        sleep(ms(10)).await;
        cancel.cancel();
        sleep(ms(100)).await;
        rt::println(err(ctx).await);
    });
    assert_eq!(r.lines(), ["context canceled"]);
    assert_eq!(r.metrics.live_timers, 0);
}

#[test]
fn with_deadline_in_the_past_is_already_done() {
    let r = run(async {
        sleep(ms(20)).await;
        let (ctx, _cancel) = with_deadline(background(), Time(10_000_000));
        select! {
            _ = recv(ctx.done()) => { rt::println(err(ctx).await) },
            default => { rt::println("not done") },
        }
    });
    assert_eq!(r.lines(), ["context deadline exceeded"]);
}

#[test]
fn a_deadline_expiry_propagates_to_children() {
    let r = run(async {
        let (parent, _c) = with_deadline(background(), Time(30_000_000));
        let (child, _c) = with_cancel(parent);
        child.done().recv().await;
        rt::println(format!(
            "{} at {}",
            err(child).await,
            rt::now().0 / 1_000_000
        ));
    });
    assert_eq!(r.lines(), ["context deadline exceeded at 30"]);
}

#[test]
fn a_child_deadline_never_outlives_its_parent() {
    let r = run(async {
        let (parent, _c) = with_timeout(background(), ms(20));
        let (child, _c) = with_timeout(parent, ms(100));
        let (inner, _c) = with_cancel(child);
        // As Go's Deadline(): the earliest deadline up the chain.
        assert_eq!(child.deadline().await, Some(Time(20_000_000)));
        assert_eq!(inner.deadline().await, Some(Time(20_000_000)));
        let (sooner, _c) = with_timeout(parent, ms(5));
        assert_eq!(sooner.deadline().await, Some(Time(5_000_000)));
        child.done().recv().await;
        rt::println(format!(
            "{} at {}",
            err(child).await,
            rt::now().0 / 1_000_000
        ));
    });
    assert_eq!(r.lines(), ["context deadline exceeded at 20"]);
}

#[test]
fn workers_stop_on_cancel() {
    // The worker-pool-context pattern in miniature: workers select on ctx.Done().
    async fn worker(id: u32, ctx: Context, jobs: Chan<u32>, wg: WaitGroup) {
        loop {
            select! {
                _ = recv(ctx.done()) => {
                    rt::println(format!("worker {id}: {}", err(ctx).await));
                    wg.done().await;
                    return;
                },
                j = recv(jobs) => {
                    if let Some(j) = j {
                        sleep(ms(10)).await;
                        rt::println(format!("worker {id} did job {j}"));
                    }
                },
            }
        }
    }
    let r = run(async {
        let (ctx, cancel) = with_timeout(background(), ms(25));
        let jobs = make_chan::<u32>(0);
        let wg = WaitGroup::new();
        wg.add(2).await;
        go(worker, (1, ctx, jobs, wg));
        go(worker, (2, ctx, jobs, wg));
        for j in 0..4 {
            select! {
                send(jobs, j) => {},
                _ = recv(ctx.done()) => { break },
            }
        }
        wg.wait().await;
        cancel.cancel();
    });
    let lines = r.lines();
    assert_eq!(lines.iter().filter(|l| l.contains("did job")).count(), 4);
    assert!(lines.contains(&"worker 1: context deadline exceeded"));
    assert!(lines.contains(&"worker 2: context deadline exceeded"));
    assert_eq!(r.exit_code(), 0);
    assert!(r.leaked.is_empty());
}

#[test]
fn context_handles_serialize() {
    let r = run(async {
        let (ctx, cancel) = with_cancel(background());
        let json = serde_json::to_string(&(ctx, cancel)).unwrap();
        let (c2, k2): (Context, rt::CancelFunc) = serde_json::from_str(&json).unwrap();
        assert_eq!((c2, k2), (ctx, cancel));
    });
    assert_eq!(r.exit_code(), 0);
}
