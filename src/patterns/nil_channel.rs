//! `nil-channel`: every operation on a nil channel blocks forever.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, Chan, Select};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "nil-channel",
    title: "Nil channel blocks forever",
    group: Mistakes,
    params: PARAMS,
    source: include_str!("go/nil-channel.go"),
    explanation: "A channel declared but never made is nil. Sending to it or receiving from it \
        blocks forever, and select skips nil cases, so with nothing else to run Go stops the \
        program: every goroutine is asleep. The report names what main was blocked in. Switch \
        op to compare the states Go reports.",
    goroutines: [],
}

const PARAMS: &[ParamSpec] = &[ParamSpec::choice(
    "op",
    "Operation",
    &["send", "recv", "select", "empty-select"],
    "send",
    "What main does with the nil channel.",
)];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.text("op").to_string()))
}

async fn program(op: String) {
    if op == "empty-select" {
        Select::new().wait().await;
        return;
    }
    let ch: Chan<i64> = Chan::nil();
    match op.as_str() {
        "send" => ch.send(1).await,
        "recv" => {
            ch.recv().await;
        }
        _ => {
            select! {
                v = recv(ch) => { rt::println(format!("received {}", v.unwrap_or_default())); },
                send(ch, 1) => { rt::println("sent"); },
            }
        }
    }
}
