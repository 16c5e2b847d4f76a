//! `waitgroup-negative`: one Done too many.

use super::{no_check, no_extra, Group, Main, ParamSpec, Params, Pattern};
use crate::rt::WaitGroup;

pub static PATTERN: Pattern = Pattern {
    id: "waitgroup-negative",
    title: "Negative WaitGroup counter",
    group: Group::Mistakes,
    params: PARAMS,
    source: include_str!("go/waitgroup-negative.go"),
    explanation: "Every Done must match an Add. One Done too many would take the counter below \
        zero, and Go panics rather than let Wait's bookkeeping go wrong.",
    extra: no_extra,
    check: no_check,
    main,
};

const PARAMS: &[ParamSpec] = &[];

fn main(_: &Params, _seed: u64) -> Main {
    Box::pin(program())
}

async fn program() {
    let wg = WaitGroup::new();
    wg.add(1).await;
    wg.done().await;
    wg.done().await;
}
