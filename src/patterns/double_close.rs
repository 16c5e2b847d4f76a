//! `double-close`: two producers both close the same channel.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_named, make_chan, Chan, Once, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "double-close",
    title: "Closing a closed channel",
    group: Mistakes,
    params: PARAMS,
    source: include_str!("go/double-close.go"),
    explanation: "Each producer closes done when it is finished, but a channel can be closed \
        only once: the second close panics, and the panic ends the whole program with exit \
        status 2, reported from the goroutine that closed second. With fix=once both \
        producers go through a sync.Once, so only the first close happens.",
    goroutines: [producer],
}

const PARAMS: &[ParamSpec] = &[ParamSpec::choice(
    "fix",
    "Fix",
    &["none", "once"],
    "none",
    "Whether the producers share a sync.Once.",
)];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.text("fix") == "once"))
}

async fn producer(done: Chan<()>, once: Option<Once>, wg: WaitGroup) {
    // ... produce values ...
    match once {
        Some(once) => once.call(done.close()).await,
        None => done.close().await,
    }
    wg.done().await;
}

async fn program(use_once: bool) {
    let done = make_chan::<()>(0);
    let once = use_once.then(Once::new);

    let wg = WaitGroup::new();
    for p in 1..=2 {
        wg.add(1).await;
        go_named("producer", p, producer, (done, once, wg));
    }

    wg.wait().await;
    done.recv().await;
    rt::println("closed once");
}
