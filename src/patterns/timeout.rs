//! `timeout`: giving up on slow work with select and a timer.

use super::cost::{count, ms_ns, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{self, after, go_as, make_chan, ms, new_timer, sleep, Chan, Receiver};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "timeout",
    title: "Timeouts with select",
    group: Basics,
    params: PARAMS,
    source: include_str!("go/timeout.go"),
    explanation: "select waits for whichever comes first, the work's answer or the timer. The \
        answer channel has room for one value, so the work goroutine can finish even after \
        nobody waits for it. Raise rounds with a timeout longer than the work: with \
        time.After every round leaves a live timer behind until it fires (see live timers in \
        the metrics); with newtimer, Stop frees it at once.",
    cost: cost,
    goroutines: [answer],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "work_ms",
        "Work",
        (0, 60_000),
        "2000",
        "ms",
        "How long the work takes to answer.",
    ),
    ParamSpec::int(
        "timeout_ms",
        "Timeout",
        (0, 60_000),
        "1000",
        "ms",
        "How long each attempt waits.",
    ),
    ParamSpec::int(
        "rounds",
        "Rounds",
        (1, 100_000),
        "1",
        "",
        "How many attempts main makes, one after another.",
    ),
    ParamSpec::choice(
        "timer",
        "Timer",
        &["after", "newtimer"],
        "after",
        "time.After, or time.NewTimer with Stop.",
    ),
];

/// Each round waits for its work or its timeout, whichever comes first; work that timed out
/// goes on alone.
fn cost(p: &Params) -> Cost {
    let rounds = count(p, "rounds");
    let (work, timeout) = (ms_ns(p.int("work_ms")), ms_ns(p.int("timeout_ms")));
    Cost {
        goroutines: rounds + 1,
        live: if work > timeout { rounds + 1 } else { 2 },
        steps: 8 * rounds,
        lines: rounds,
        wait_ns: rounds.saturating_mul(work.min(timeout)),
        cpu_units: 0,
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("work_ms") as u64,
        p.int("timeout_ms") as u64,
        p.int("rounds"),
        p.text("timer") == "newtimer",
    ))
}

async fn answer(ch: Chan<String>, work_ms: u64) {
    sleep(ms(work_ms)).await;
    ch.send("result".to_string()).await;
}

/// Answers after `work_ms`, on a channel with room for the answer.
fn work(work_ms: u64) -> Receiver<String> {
    let ch = make_chan(1);
    go_as("work", answer, (ch, work_ms));
    ch.receiver()
}

/// Waits for the work, but no longer than the timeout.
async fn attempt(work_ms: u64, timeout_ms: u64, newtimer: bool) -> String {
    let ch = work(work_ms);
    let mut result = String::new();
    if newtimer {
        let timer = new_timer(ms(timeout_ms));
        select! {
            res = recv(ch) => { result = format!("got {}", res.unwrap_or_default()); },
            recv(timer.c) => { result = "timed out waiting for result".to_string(); },
        }
        timer.stop().await;
    } else {
        select! {
            res = recv(ch) => { result = format!("got {}", res.unwrap_or_default()); },
            recv(after(ms(timeout_ms))) => { result = "timed out waiting for result".to_string(); },
        }
    }
    result
}

async fn program(work_ms: u64, timeout_ms: u64, rounds: i64, newtimer: bool) {
    if rounds > 1 {
        for round in 1..=rounds {
            let result = attempt(work_ms, timeout_ms, newtimer).await;
            rt::println(format!("round {round}: {result}"));
        }
    } else {
        rt::println(attempt(work_ms, timeout_ms, newtimer).await);
    }
}
