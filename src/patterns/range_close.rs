//! `range-close`: ranging over a closed channel, and receiving from it afterwards.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, make_chan};

pattern! {
    pub static PATTERN;
    id: "range-close",
    title: "Range over a closed channel",
    group: Basics,
    params: PARAMS,
    source: include_str!("go/range-close.go"),
    explanation: "Closing a channel does not discard what is buffered: range still receives \
        every value, and stops only once the buffer is drained. A receive after that never \
        blocks: it returns the zero value and ok == false, which is how a receiver tells a \
        closed channel from a real zero.",
    goroutines: [],
}

const PARAMS: &[ParamSpec] = &[ParamSpec::int(
    "values",
    "Values",
    (0, 10_000),
    "5",
    "",
    "How many values are buffered before the close.",
)];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.int("values")))
}

async fn program(values: i64) {
    let ch = make_chan::<i64>(values as usize);
    for i in 0..values {
        ch.send(i).await;
    }
    ch.close().await;

    while let Some(v) = ch.recv().await {
        rt::println(v);
    }

    let received = ch.recv().await;
    let (v, ok) = (received.unwrap_or_default(), received.is_some());
    rt::println(format!("{v} {ok}"));
}
