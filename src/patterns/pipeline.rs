//! `pipeline`: generate → upper-case → prefix, one goroutine per stage.

use super::{Main, ParamSpec, Params};
use crate::rt::{self, background, go_as, make_chan, with_cancel, Chan, Context, Receiver};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "pipeline",
    title: "Pipeline",
    group: Patterns,
    params: PARAMS,
    source: include_str!("go/pipeline.go"),
    explanation: "Each stage is a goroutine that reads from the previous stage's channel and \
        writes to its own unbuffered one, so the words move through the stages in lockstep: \
        on the timeline each stage waits to send until the next one is ready to receive. A \
        stage closes its output when its input is exhausted, which ends the next stage's loop \
        in turn; every stage also stops when the context is cancelled. Try many words, or an \
        empty list.",
    goroutines: [generate_stage, to_upper_stage, add_prefix_stage],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::list(
        "words",
        "Words",
        (1000, 100),
        "goroutines,channels,pipelines,go",
        "Comma-separated words to send through the pipeline.",
    ),
    ParamSpec::text(
        "prefix",
        "Prefix",
        20,
        ">> ",
        "Added in front of each word by the last stage.",
    ),
];

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(
        p.list("words").to_vec(),
        p.text("prefix").to_string(),
    ))
}

fn generate(ctx: Context, words: Vec<String>) -> Receiver<String> {
    let out = make_chan(0);
    go_as("generate", generate_stage, (ctx, words, out));
    out.receiver()
}

async fn generate_stage(ctx: Context, words: Vec<String>, out: Chan<String>) {
    'words: for w in words {
        select! {
            send(out, w) => {},
            recv(ctx.done()) => { break 'words; },
        }
    }
    out.close().await;
}

fn to_upper(ctx: Context, input: Receiver<String>) -> Receiver<String> {
    let out = make_chan(0);
    go_as("toUpper", to_upper_stage, (ctx, input, out));
    out.receiver()
}

async fn to_upper_stage(ctx: Context, input: Receiver<String>, out: Chan<String>) {
    while let Some(w) = input.recv().await {
        let mut cancelled = false;
        select! {
            send(out, go_to_upper(&w)) => {},
            recv(ctx.done()) => { cancelled = true; },
        }
        if cancelled {
            break;
        }
    }
    out.close().await;
}

fn add_prefix(ctx: Context, prefix: String, input: Receiver<String>) -> Receiver<String> {
    let out = make_chan(0);
    go_as("addPrefix", add_prefix_stage, (ctx, prefix, input, out));
    out.receiver()
}

async fn add_prefix_stage(
    ctx: Context,
    prefix: String,
    input: Receiver<String>,
    out: Chan<String>,
) {
    while let Some(w) = input.recv().await {
        let mut cancelled = false;
        select! {
            send(out, format!("{prefix}{w}")) => {},
            recv(ctx.done()) => { cancelled = true; },
        }
        if cancelled {
            break;
        }
    }
    out.close().await;
}

/// Go's `strings.ToUpper`: Unicode upper case, except that Go maps each rune to one rune
/// (`ß` stays `ß`), where Rust's may expand it.
pub fn go_to_upper(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut up = c.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) => u,
                _ => c,
            }
        })
        .collect()
}

async fn program(words: Vec<String>, prefix: String) {
    let (ctx, cancel) = with_cancel(background());

    let words = generate(ctx, words);
    let upper = to_upper(ctx, words);
    let lines = add_prefix(ctx, prefix, upper);
    while let Some(line) = lines.recv().await {
        rt::println(line);
    }
    cancel.cancel();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_case_maps_rune_to_rune_as_go_does() {
        assert_eq!(go_to_upper("héllo ß"), "HÉLLO ß");
    }
}
