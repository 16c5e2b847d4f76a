//! Programs for benchmarks, outside the catalog: the worker runs them by id like any pattern,
//! the page never offers them.
//!
//! `bench-pingpong` (`bench_pingpong.rs`): round trips between two goroutines.
//!
//! `bench-pairs`: `pairs` producer and consumer goroutines, each pair with its own unbuffered
//! channel carrying `messages` values. Started alternately, in real mode each producer and
//! its consumer land on different executors (round-robin), so every channel operation is a
//! message between workers; many pairs make the batches full.

use super::{Main, ParamSpec, Params, Pattern};
use crate::rt::{self, go, make_chan, Receiver, Sender, WaitGroup};

pattern! {
    pub static PAIRS;
    id: "bench-pairs",
    title: "Channel operations between goroutine pairs",
    group: Measuring,
    params: PARAMS,
    source: include_str!("go/bench-pairs.go"),
    explanation: "Producer and consumer pairs, each on its own unbuffered channel.",
    goroutines: [producer, consumer],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "pairs",
        "Pairs",
        (1, 10_000),
        "100",
        "",
        "Producer and consumer pairs.",
    ),
    ParamSpec::int(
        "messages",
        "Messages",
        (0, 1_000_000),
        "1000",
        "",
        "Values each producer sends.",
    ),
];

/// The benchmark program with this id.
pub fn find(id: &str) -> Option<&'static Pattern> {
    [&PAIRS, &super::bench_pingpong::PINGPONG]
        .into_iter()
        .find(|p| p.id == id)
}

/// The program of the benchmark with this id.
pub(super) fn program_of(id: &str) -> Option<&'static super::Program> {
    [
        (&PAIRS, &PROGRAM),
        (
            &super::bench_pingpong::PINGPONG,
            &super::bench_pingpong::PROGRAM,
        ),
    ]
    .into_iter()
    .find(|(p, _)| p.id == id)
    .map(|(_, program)| program)
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.int("pairs"), p.int("messages")))
}

async fn producer(ch: Sender<i64>, messages: i64, wg: WaitGroup) {
    for i in 0..messages {
        ch.send(i).await;
    }
    ch.close().await;
    wg.done().await;
}

async fn consumer(ch: Receiver<i64>, wg: WaitGroup) {
    while ch.recv().await.is_some() {}
    wg.done().await;
}

async fn program(pairs: i64, messages: i64) {
    let wg = WaitGroup::new();
    for _ in 0..pairs {
        let ch = make_chan::<i64>(0);
        wg.add(2).await;
        go(producer, (ch.sender(), messages, wg));
        go(consumer, (ch.receiver(), wg));
    }
    wg.wait().await;
    rt::println(format!("{} messages passed", pairs * messages));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::Config;

    #[test]
    fn pairs_pass_every_message() {
        let params = Params::defaults(PAIRS.params);
        let report = PAIRS.run_sim(&params, Config::default());
        assert_eq!(report.lines(), ["100000 messages passed"]);
        assert_eq!(report.metrics.chan_sends, 100_000);
    }
}
