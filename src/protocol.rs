//! Messages between the page and its workers. Everything that crosses the worker boundary is
//! defined here, serialised with serde.
//!
//! In real mode the worker that gets the run is the hub: it starts `procs` workers of its own
//! as executors, with [`Request::Execute`], and they talk in [`Request::Frame`]s and
//! [`FromExecutor`] messages (see `crate::rt::real` and `docs/ARCHITECTURE.md`, Two modes).
//!
//! The page sends one [`Request::Run`] per worker and terminates the worker to stop it (a
//! runaway run cannot be trusted to read a stop message). The worker answers with batches of
//! output as the run goes, then one [`Response::Done`] or [`Response::Failed`]. A worker first
//! says [`Response::Ready`] once it listens.
//!
//! # The trace
//! Just before [`Response::Done`], the worker sends the run's trace once, as
//! [`Response::Trace`]. Every other message is JSON text; the trace is not: it is posted as an
//! `ArrayBuffer` holding [`TraceData::to_bytes`], transferred rather than copied, so a message
//! whose data is an `ArrayBuffer` is the trace, read back with [`TraceData::from_bytes`]
//! (about 30 ms each way for a million events; see `crate::chart::data`). A page that cannot
//! read it still has the run's output and summary.

use serde::{Deserialize, Serialize};

pub use crate::chart::TraceData;
use crate::rt::real::{ToExecutor, ToHub};
use crate::rt::{GoroutineInfo, Limit, Metrics, Outcome, OutputLine};

/// How a program runs (`docs/ARCHITECTURE.md`, Two modes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// One executor, a virtual clock and a seeded RNG: deterministic.
    #[default]
    Sim,
    /// The wall clock across Web Workers: truly parallel.
    Real,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sim => "sim",
            Mode::Real => "real",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "sim" => Some(Mode::Sim),
            "real" => Some(Mode::Real),
            _ => None,
        }
    }
}

/// What to run: a pattern and its raw parameters (validated again in the worker, so a
/// message from anywhere can be trusted no more than a URL).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRequest {
    pub pattern: String,
    pub params: Vec<(String, String)>,
    pub mode: Mode,
    pub seed: u64,
    pub procs: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Run(RunRequest),
    /// Real mode, from the hub to a worker it started: be executor `worker` of the run.
    Execute(ExecuteRequest),
    /// Real mode, from the hub to an executor: goroutines to start, answers to operations.
    Frame(Vec<ToExecutor>),
}

/// What a real-mode executor runs: the run (for its main goroutine), its index, and the
/// wall-clock time the run started at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecuteRequest {
    pub run: RunRequest,
    pub worker: u32,
    pub procs: u32,
    pub epoch_ns: u64,
}

/// Real mode: what an executor tells its hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromExecutor {
    /// Loaded and listening (the same message as [`Response::Ready`]).
    Ready,
    /// Its goroutines' operations since the last message.
    Ops(ToHub),
    /// Its worker reached a limit of its own (its memory): the run ends with it.
    Limit(Limit),
    /// It failed (the same message as [`Response::Failed`]).
    Failed(String),
}

/// The end of a run, as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    pub outcome: Outcome,
    pub exit_code: i32,
    /// Virtual (sim) or wall-clock (real) ns from start to end.
    pub elapsed_ns: u64,
    /// Wall-clock ms the worker spent.
    pub wall_ms: f64,
    /// The first [`MAX_LISTED`] goroutines still alive when main returned.
    pub leaked: Vec<GoroutineInfo>,
    /// How many there were in all.
    pub leaked_count: u64,
    pub metrics: Metrics,
    pub trace_events: u64,
    pub trace_truncated: bool,
}

/// The longest a running worker stays silent, in ms: it sends [`Response::Progress`] at
/// least this often.
pub const HEARTBEAT_MS: f64 = 500.0;

/// The most goroutines a summary lists (its `leaked`); the rest are counted.
pub const MAX_LISTED: usize = 100;

/// The most bytes of text one [`Response::Output`] carries; a batch is split into messages
/// of about this size, so no message the worker sends is more than a few MB.
pub const MAX_MESSAGE_BYTES: usize = 1 << 20;

/// The most bytes of one line the page is sent; the rest of a longer line is counted in a
/// marker at its end (the console shows lines, not files).
pub const MAX_LINE_BYTES: usize = 16 << 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker has loaded and listens for requests; a request posted before this may be
    /// lost, so the page waits for it.
    Ready,
    /// The run is going on: its clock reads `elapsed_ns`. Sent at least every
    /// [`HEARTBEAT_MS`], so the page can tell a worker that died from one that works.
    Progress {
        elapsed_ns: u64,
    },
    /// Lines printed since the last batch.
    Output(Vec<OutputLine>),
    /// This many lines were printed and not sent: the page keeps only the first and the last
    /// lines of a long output (see `view::console`), so the worker leaves out the middle of a
    /// batch rather than flood the page. The lines after it are the newest.
    Skipped(u64),
    /// The run's trace, sent once before `Done`, in its binary form (see the module doc).
    #[serde(skip)]
    Trace(Box<TraceData>),
    Done(RunSummary),
    /// The run could not start (or the worker failed); the message says why.
    Failed(String),
}

/// `lines` as [`Response::Output`] messages of at most about [`MAX_MESSAGE_BYTES`] of text
/// each, every line cut to [`MAX_LINE_BYTES`] (see [`shorten`]).
pub fn output_messages(lines: Vec<OutputLine>) -> Vec<Response> {
    let mut messages = Vec::new();
    let mut current = Vec::new();
    let mut bytes = 0;
    for mut line in lines {
        shorten(&mut line.text);
        if bytes + line.text.len() > MAX_MESSAGE_BYTES && !current.is_empty() {
            messages.push(Response::Output(std::mem::take(&mut current)));
            bytes = 0;
        }
        bytes += line.text.len();
        current.push(line);
    }
    if !current.is_empty() {
        messages.push(Response::Output(current));
    }
    messages
}

/// Cuts `text` to [`MAX_LINE_BYTES`] (on a character boundary), ending it with how much was
/// cut: `… (12345 more bytes)`.
pub fn shorten(text: &mut String) {
    if text.len() <= MAX_LINE_BYTES {
        return;
    }
    let mut end = MAX_LINE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text.len() - end;
    text.truncate(end);
    text.push_str(&format!("… ({cut} more bytes)"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::Stream;

    fn line(text: String) -> OutputLine {
        OutputLine {
            text,
            t_ns: 0,
            g: 1,
            stream: Stream::Stdout,
        }
    }

    #[test]
    fn output_travels_in_messages_of_bounded_size() {
        // 3,000 lines of 1,000 bytes: three messages, none over the bound, every line kept.
        let lines: Vec<OutputLine> = (0..3000).map(|i| line(format!("{i:01000}"))).collect();
        let messages = output_messages(lines.clone());
        assert_eq!(messages.len(), 3);
        let mut back = Vec::new();
        for m in messages {
            let Response::Output(part) = m else {
                panic!("output")
            };
            let text: usize = part.iter().map(|l| l.text.len()).sum();
            assert!(text <= MAX_MESSAGE_BYTES, "{text}");
            assert!(
                serde_json::to_string(&Response::Output(part.clone()))
                    .unwrap()
                    .len()
                    < 2 * MAX_MESSAGE_BYTES
            );
            back.extend(part);
        }
        assert_eq!(back, lines);
        assert!(output_messages(Vec::new()).is_empty());
    }

    #[test]
    fn a_huge_line_is_cut_with_a_count() {
        // Multi-byte characters across the cut stay whole.
        let mut text = "é".repeat(MAX_LINE_BYTES);
        let total = text.len();
        shorten(&mut text);
        let kept = MAX_LINE_BYTES;
        assert!(text.starts_with(&"é".repeat(kept / 2)));
        assert!(text.ends_with(&format!("… ({} more bytes)", total - kept)));
        let mut short = "short".to_string();
        shorten(&mut short);
        assert_eq!(short, "short");
        let messages = output_messages(vec![line("x".repeat(10 * MAX_LINE_BYTES))]);
        let [Response::Output(part)] = &messages[..] else {
            panic!("one message")
        };
        assert!(part[0].text.len() < MAX_LINE_BYTES + 40);
    }
}
