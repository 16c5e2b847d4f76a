//! `loop-capture`: goroutines capturing the loop variable, before and after Go 1.22.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, go_named, Var, WaitGroup};

pattern! {
    pub static PATTERN;
    id: "loop-capture",
    title: "Loop variable capture",
    group: Mistakes,
    params: PARAMS,
    source: include_str!("go/loop-capture.go"),
    explanation: "Before Go 1.22 a for loop has one i shared by every iteration, and each \
        goroutine prints the value i has when it runs. The goroutines do not run before main \
        blocks in Wait, by which time the loop is over: they all print count. Go 1.22 gives \
        each iteration its own i. In real mode, goroutines may run while the loop is still \
        going, and the printed values change from run to run.",
    goroutines: [print_i],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "count",
        "Goroutines",
        (1, 1000),
        "5",
        "",
        "Iterations of the loop.",
    ),
    ParamSpec::choice(
        "go_version",
        "Go version",
        &["1.21", "1.22"],
        "1.21",
        "The loop variable semantics.",
    ),
];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(p.int("count"), p.text("go_version") == "1.22"))
}

/// Prints the loop variable as it is when the goroutine runs.
async fn print_i(i: Var<i64>, wg: WaitGroup) {
    rt::println(i.get().await);
    wg.done().await;
}

async fn program(count: i64, per_iteration: bool) {
    let wg = WaitGroup::new();
    let shared_i = Var::new(0);
    loop {
        if shared_i.get().await >= count {
            break;
        }
        // Go 1.22: a copy of i per iteration; before: the one i of the loop.
        let i = if per_iteration {
            Var::new(shared_i.get().await)
        } else {
            shared_i
        };
        wg.add(1).await;
        go_named("print", shared_i.get().await as u32, print_i, (i, wg));
        shared_i.update(|i| *i += 1).await;
    }
    wg.wait().await;
}
