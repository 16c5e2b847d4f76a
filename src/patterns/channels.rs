//! `channels`: unbuffered versus buffered channels.

use super::cost::{count, ms_ns, Cost};
use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_as, make_chan, ms, sleep, Chan};

pattern! {
    pub static PATTERN;
    id: "channels",
    title: "Unbuffered vs buffered",
    group: Basics,
    params: PARAMS,
    source: include_str!("go/channels.go"),
    explanation: "With capacity 0 every send waits for a receiver: on the timeline the producer \
        sits blocked on send until main, slowed by recv_delay_ms, comes to receive, so sent and \
        received alternate. Set capacity to the number of values and the producer runs ahead: \
        all its sends complete at once into the buffer, and main drains it at its own pace.",
    cost: cost,
    goroutines: [producer],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "capacity",
        "Capacity",
        (0, 10_000),
        "0",
        "",
        "The channel's buffer; 0 is unbuffered.",
    ),
    ParamSpec::int(
        "values",
        "Values",
        (1, 10_000),
        "3",
        "",
        "How many values the producer sends.",
    ),
    ParamSpec::int(
        "recv_delay_ms",
        "Receive delay",
        (0, 60_000),
        "100",
        "ms",
        "main waits this long before each receive.",
    ),
];

/// The receiver waits `recv_delay_ms` before each value.
fn cost(p: &Params) -> Cost {
    let values = count(p, "values");
    Cost {
        goroutines: 2,
        live: 2,
        steps: 4 * values,
        lines: values,
        wait_ns: (values + 1).saturating_mul(ms_ns(p.int("recv_delay_ms"))),
        cpu_units: 0,
    }
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.int("capacity") as usize,
        p.int("values"),
        p.int("recv_delay_ms") as u64,
    ))
}

async fn producer(ch: Chan<i64>, values: i64) {
    for v in 1..=values {
        ch.send(v).await;
        rt::println(format!("sent {v}"));
    }
    ch.close().await;
}

async fn program(capacity: usize, values: i64, recv_delay_ms: u64) {
    let ch = make_chan::<i64>(capacity);

    go_as("producer", producer, (ch, values));

    sleep(ms(recv_delay_ms)).await;
    while let Some(v) = ch.recv().await {
        rt::println(format!("received {v}"));
        sleep(ms(recv_delay_ms)).await;
    }
}
