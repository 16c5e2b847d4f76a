//! Time on the virtual clock: `sleep`, `after`, `Timer` stop/reset, `Ticker`, and the live
//! timer counts a run reports.

mod rt_support;

use chanlab::rt::{
    self, after, fmt_duration, go, make_chan, ms, new_ticker, new_timer, sleep, tick, Chan,
    Duration, Outcome, Time,
};
use chanlab::select;
use rt_support::run;

fn now_ms() -> u64 {
    rt::now().0 / 1_000_000
}

#[test]
fn sleep_advances_only_the_virtual_clock() {
    let wall = std::time::Instant::now();
    let r = run(async {
        sleep(Duration::from_secs(3600)).await;
        rt::println(fmt_duration(Duration::from_nanos(rt::now().0)));
    });
    assert_eq!(r.lines(), ["1h0m0s"]);
    assert!(wall.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn sleep_zero_returns_at_once() {
    let r = run(async {
        sleep(Duration::ZERO).await;
        rt::println(rt::now().0);
    });
    assert_eq!(r.lines(), ["0"]);
}

#[test]
fn sleepers_wake_in_deadline_order() {
    async fn nap(d: u64) {
        sleep(ms(d)).await;
        rt::println(format!("{d} woke at {}", now_ms()));
    }
    let r = run(async {
        for d in [30, 10, 20] {
            go(nap, (d,));
        }
        sleep(ms(40)).await;
    });
    assert_eq!(
        r.lines(),
        ["10 woke at 10", "20 woke at 20", "30 woke at 30"]
    );
    assert_eq!(r.end_ns, 40_000_000);
}

#[test]
fn after_delivers_the_time_it_fired() {
    let r = run(async {
        sleep(ms(5)).await;
        let start = rt::now();
        let t = after(ms(20)).recv().await.unwrap();
        rt::println(format!("{} {}", t.0, fmt_duration(start.elapsed())));
    });
    assert_eq!(r.lines(), ["25000000 20ms"]);
}

#[test]
fn a_timer_for_now_fires_without_the_clock_moving() {
    let r = run(async {
        let t = new_timer(Duration::ZERO);
        let fired = t.c.recv().await.unwrap();
        rt::println(format!("{} {}", fired.0, rt::now().0));
    });
    assert_eq!(r.lines(), ["0 0"]);
}

#[test]
fn a_stopped_timer_never_fires() {
    let r = run(async {
        let t = new_timer(ms(10));
        rt::println(format!("stop: {}", t.stop().await));
        rt::println(format!("stop again: {}", t.stop().await));
        select! {
            _ = recv(t.c) => { rt::println("fired") },
            _ = recv(after(ms(50))) => { rt::println(format!("not fired by {}", now_ms())) },
        }
    });
    assert_eq!(
        r.lines(),
        ["stop: true", "stop again: false", "not fired by 50"]
    );
    assert_eq!(r.metrics.live_timers, 0);
}

#[test]
fn stop_after_firing_returns_false_and_leaves_the_value() {
    let r = run(async {
        let t = new_timer(ms(10));
        sleep(ms(20)).await;
        rt::println(format!("stop: {}", t.stop().await));
        rt::println(format!("buffered: {}", t.c.len().await));
        rt::println(format!("{}", t.c.recv().await.unwrap().0));
    });
    assert_eq!(r.lines(), ["stop: false", "buffered: 1", "10000000"]);
}

#[test]
fn reset_rearms_an_active_or_a_stopped_timer() {
    let r = run(async {
        let t = new_timer(ms(10));
        rt::println(format!("reset active: {}", t.reset(ms(30)).await));
        let fired = t.c.recv().await.unwrap();
        rt::println(format!("fired at {}", fired.0 / 1_000_000));
        t.stop().await;
        rt::println(format!("reset expired: {}", t.reset(ms(5)).await));
        let fired = t.c.recv().await.unwrap();
        rt::println(format!("fired at {}", fired.0 / 1_000_000));
        let t2 = new_timer(ms(100));
        t2.stop().await;
        rt::println(format!("reset stopped: {}", t2.reset(ms(1)).await));
        t2.c.recv().await;
        rt::println(format!("fired at {}", now_ms()));
    });
    assert_eq!(
        r.lines(),
        [
            "reset active: true",
            "fired at 30",
            "reset expired: false",
            "fired at 35",
            "reset stopped: false",
            "fired at 36"
        ]
    );
}

#[test]
fn a_ticker_ticks_every_period_until_stopped() {
    let r = run(async {
        let t = new_ticker(ms(10));
        for _ in 0..3 {
            let at = t.c.recv().await.unwrap();
            rt::println(at.0 / 1_000_000);
        }
        t.stop();
        select! {
            _ = recv(t.c) => { rt::println("tick after stop") },
            _ = recv(after(ms(100))) => { rt::println("stopped") },
        }
    });
    assert_eq!(r.lines(), ["10", "20", "30", "stopped"]);
    assert_eq!(r.metrics.live_timers, 0);
}

#[test]
fn a_slow_receiver_misses_ticks_instead_of_queueing_them() {
    let r = run(async {
        let c = tick(ms(10));
        sleep(ms(35)).await;
        // The tick of 10 waited in the buffer; those of 20 and 30 were dropped.
        let first = c.recv().await.unwrap();
        let second = c.recv().await.unwrap();
        rt::println(format!("{} {}", first.0 / 1_000_000, second.0 / 1_000_000));
    });
    assert_eq!(r.lines(), ["10 40"]);
    assert_eq!(r.metrics.live_timers, 1, "tick's ticker is never stopped");
}

#[test]
fn ticker_reset_changes_the_period() {
    let r = run(async {
        let t = new_ticker(ms(10));
        t.c.recv().await;
        t.reset(ms(25));
        for _ in 0..2 {
            rt::println(t.c.recv().await.unwrap().0 / 1_000_000);
        }
        t.stop();
    });
    assert_eq!(r.lines(), ["35", "60"]);
}

#[test]
fn timers_left_running_are_counted_live() {
    // The `timeout` pattern's leak: a `time.After` per loop iteration that another case wins.
    let r = run(async {
        let fast = make_chan::<i32>(10);
        for i in 0..5 {
            fast.send(i).await;
        }
        for _ in 0..5 {
            select! {
                _ = recv(fast) => {},
                _ = recv(after(Duration::from_secs(60))) => { rt::println("timeout") },
            }
        }
    });
    assert!(r.lines().is_empty());
    assert_eq!(r.metrics.live_timers, 5);
    assert_eq!(r.metrics.peak_live_timers, 5);
}

#[test]
fn stopped_and_fired_timers_are_not_live() {
    let r = run(async {
        let timers: Vec<rt::Timer> = (0..3).map(|_| new_timer(Duration::from_secs(60))).collect();
        for t in timers {
            t.stop().await;
        }
        after(ms(1)).recv().await;
        sleep(ms(1)).await;
    });
    assert_eq!(r.metrics.live_timers, 0);
    assert_eq!(r.metrics.peak_live_timers, 3);
}

#[test]
fn a_pending_timer_is_not_a_deadlock() {
    async fn later(ch: Chan<i32>) {
        sleep(ms(500)).await;
        ch.send(1).await;
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        go(later, (ch,));
        rt::println(ch.recv().await.unwrap());
    });
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(r.end_ns, 500_000_000);
}

#[test]
fn timers_and_values_are_copyable_handles() {
    let r = run(async {
        let t = new_timer(ms(1));
        let copy = t;
        assert_eq!(copy, t);
        let json = serde_json::to_string(&t).unwrap();
        let back: rt::Timer = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        assert!(Time(5) < Time(6));
    });
    assert_eq!(r.exit_code(), 0);
}
