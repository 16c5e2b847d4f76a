//! `deadlock`: an unbuffered send with no receiver.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, make_chan};

pattern! {
    pub static PATTERN;
    id: "deadlock",
    title: "Unbuffered send with no receiver",
    group: Mistakes,
    params: PARAMS,
    source: include_str!("go/deadlock.go"),
    explanation: "A send on an unbuffered channel waits for a receiver, and the only receive \
        is on the next line, in the same goroutine: main waits for itself. With no other \
        goroutine and no timer, Go sees that nothing can ever happen and stops the program \
        with its deadlock error.",
    goroutines: [],
}

const PARAMS: &[ParamSpec] = &[];

fn start(_: &Params, _seed: u64) -> Main {
    Box::pin(program())
}

async fn program() {
    let ch = make_chan::<i64>(0);
    ch.send(1).await;
    rt::println(ch.recv().await.unwrap_or_default());
}
