//! `select-default`: a select that never blocks.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, make_chan};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "select-default",
    title: "Non-blocking select",
    group: Basics,
    params: PARAMS,
    source: include_str!("go/select-default.go"),
    explanation: "A select with a default case never blocks: if no other case can proceed at \
        that instant, default runs. Set ready to put a value in the channel first, and the \
        receive case wins instead.",
    goroutines: [],
}

const PARAMS: &[ParamSpec] = &[ParamSpec::boolean(
    "ready",
    "Value ready",
    "false",
    "Whether a value is already buffered when select runs.",
)];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.bool("ready")))
}

async fn program(ready: bool) {
    let ch = make_chan::<i64>(1);
    if ready {
        ch.send(1).await;
    }

    select! {
        v = recv(ch) => { rt::println(format!("received {}", v.unwrap_or_default())); },
        default => { rt::println("channel not ready, moving on"); },
    }
}
