//! `bench-pingpong`, a benchmark outside the catalog (see [`super::bench`]): one value goes back
//! and forth `rounds` times between two goroutines over two unbuffered channels. Started one
//! after the other, in real mode they land on different workers (round-robin), so a round is
//! a round trip between workers: the latency of real mode's transport, where nothing can be
//! batched.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, go, make_chan, Receiver, Sender, WaitGroup};

pattern! {
    pub static PINGPONG;
    id: "bench-pingpong",
    title: "Round trips between two goroutines",
    group: Measuring,
    params: PARAMS,
    source: include_str!("go/bench-pingpong.go"),
    explanation: "A value goes back and forth between two goroutines on unbuffered channels.",
    goroutines: [pinger, ponger],
}

const PARAMS: &[ParamSpec] = &[ParamSpec::int(
    "rounds",
    "Rounds",
    (1, 10_000_000),
    "1000",
    "",
    "Round trips.",
)];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(pingpong(p.int("rounds")))
}

async fn pinger(ping: Sender<i64>, pong: Receiver<i64>, rounds: i64, wg: WaitGroup) {
    for i in 0..rounds {
        ping.send(i).await;
        pong.recv().await;
    }
    ping.close().await;
    wg.done().await;
}

async fn ponger(ping: Receiver<i64>, pong: Sender<i64>, wg: WaitGroup) {
    while let Some(v) = ping.recv().await {
        pong.send(v).await;
    }
    wg.done().await;
}

async fn pingpong(rounds: i64) {
    let (ping, pong) = (make_chan::<i64>(0), make_chan::<i64>(0));
    let wg = WaitGroup::new();
    wg.add(2).await;
    go(pinger, (ping.sender(), pong.receiver(), rounds, wg));
    go(ponger, (ping.receiver(), pong.sender(), wg));
    wg.wait().await;
    rt::println(format!("{rounds} round trips"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::Params;
    use crate::rt::Config;

    #[test]
    fn pingpong_makes_every_round_trip() {
        let params = Params::defaults(PINGPONG.params);
        let report = PINGPONG.run_sim(&params, Config::default());
        assert_eq!(report.lines(), ["1000 round trips"]);
        assert_eq!(report.metrics.chan_sends, 2000);
    }
}
