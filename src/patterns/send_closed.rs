//! `send-closed`: a send on a closed channel panics.

use super::{Main, ParamSpec, Params};
use crate::rt::make_chan;

pattern! {
    pub static PATTERN;
    id: "send-closed",
    title: "Sending on a closed channel",
    group: Mistakes,
    params: PARAMS,
    source: include_str!("go/send-closed.go"),
    explanation: "Once a channel is closed, a send on it panics, even when the buffer has room: \
        close means no more values. Only the sender should close a channel, and only once it \
        is done sending.",
    goroutines: [],
}

const PARAMS: &[ParamSpec] = &[ParamSpec::int(
    "capacity",
    "Capacity",
    (0, 100),
    "1",
    "",
    "The channel's buffer.",
)];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.int("capacity") as usize))
}

async fn program(capacity: usize) {
    let ch = make_chan::<i64>(capacity);
    ch.close().await;
    ch.send(1).await;
}
