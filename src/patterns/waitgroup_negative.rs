//! `waitgroup-negative`: one Done too many.

use super::{Main, ParamSpec, Params};
use crate::rt::WaitGroup;

pattern! {
    pub static PATTERN;
    id: "waitgroup-negative",
    title: "Negative WaitGroup counter",
    group: Mistakes,
    params: PARAMS,
    source: include_str!("go/waitgroup-negative.go"),
    explanation: "Every Done must match an Add. One Done too many would take the counter below \
        zero, and Go panics rather than let Wait's bookkeeping go wrong.",
    goroutines: [],
}

const PARAMS: &[ParamSpec] = &[];

fn start(_: &Params, _seed: u64) -> Main {
    Box::pin(program())
}

async fn program() {
    let wg = WaitGroup::new();
    wg.add(1).await;
    wg.done().await;
    wg.done().await;
}
