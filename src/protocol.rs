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
use crate::patterns::{self, Params, Pattern};
use crate::rt::real::{ToExecutor, ToHub};
use crate::rt::{GoroutineInfo, Limit, Metrics, Outcome, OutputLine};
use crate::view::page_config::MAX_PROCS;

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

impl Request {
    /// A request as a worker receives it, JSON text; `Err` says why it is not understood.
    pub fn from_json(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| format!("the request is not understood: {e}"))
    }
}

impl RunRequest {
    /// The pattern, parameters and processors to run, checked again by the worker (a message
    /// is trusted no more than a link): an unknown pattern is refused, named in a short form;
    /// parameters are made safe as a link's are (their notices were the page's to show);
    /// processors are clamped to `1..=MAX_PROCS`.
    pub fn prepare(&self) -> Result<(&'static Pattern, Params, u32), String> {
        let pattern = patterns::find(&self.pattern)
            .or_else(|| patterns::bench::find(&self.pattern))
            .ok_or_else(|| {
                format!(
                    "there is no pattern `{}`",
                    patterns::params::shorten(&self.pattern)
                )
            })?;
        let (params, _notices) =
            pattern.parse_params(self.params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        Ok((pattern, params, self.procs.clamp(1, MAX_PROCS)))
    }
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
    use crate::rt::{Report, Stream};

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

    fn run_request(pattern: &str) -> RunRequest {
        RunRequest {
            pattern: pattern.to_string(),
            params: vec![("workers".into(), "3".into())],
            mode: Mode::Real,
            seed: u64::MAX,
            procs: 2,
        }
    }

    fn round_trip<T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(v: T) {
        let text = serde_json::to_string(&v).unwrap();
        assert_eq!(serde_json::from_str::<T>(&text).unwrap(), v, "{text}");
    }

    #[test]
    fn every_message_round_trips_through_json() {
        round_trip(Request::Run(run_request("worker-pool")));
        round_trip(Request::Execute(ExecuteRequest {
            run: run_request("select"),
            worker: 3,
            procs: 4,
            epoch_ns: 1 << 60,
        }));
        round_trip(Request::Frame(Vec::new()));
        round_trip(FromExecutor::Ready);
        round_trip(FromExecutor::Failed("gone".into()));
        round_trip(Response::Ready);
        round_trip(Response::Skipped(u64::MAX));
        round_trip(Response::Failed("why".into()));
        let report = crate::patterns::find("double-close").unwrap().run_sim(
            &Params::defaults(crate::patterns::find("double-close").unwrap().params),
            Default::default(),
        );
        round_trip(Response::Output(report.output.clone()));
        round_trip(Response::Done(summary(&report)));
        assert!(report.output.iter().any(|l| l.stream == Stream::Stderr));
    }

    fn summary(report: &Report) -> RunSummary {
        RunSummary {
            outcome: report.outcome.clone(),
            exit_code: report.exit_code(),
            elapsed_ns: report.end_ns,
            wall_ms: 1.5,
            leaked: report.leaked.clone(),
            leaked_count: report.leaked.len() as u64,
            metrics: report.metrics.clone(),
            trace_events: report.trace.events.len() as u64,
            trace_truncated: false,
        }
    }

    #[test]
    fn modes_are_named_in_links_as_in_messages() {
        for mode in [Mode::Sim, Mode::Real] {
            assert_eq!(Mode::parse(mode.as_str()), Some(mode));
            assert_eq!(
                serde_json::to_string(&mode).unwrap(),
                format!("\"{}\"", mode.as_str())
            );
        }
        assert_eq!(Mode::parse("Real"), None);
        assert_eq!(Mode::parse(""), None);
    }

    #[test]
    fn the_trace_never_travels_as_json() {
        let trace = Response::Trace(Box::default());
        assert!(serde_json::to_string(&trace).is_err());
    }

    #[test]
    fn malformed_requests_are_refused_with_a_reason() {
        let run = |body: &str| format!(r#"{{"Run":{{{body}}}}}"#);
        let deep = "[".repeat(100_000);
        for text in [
            String::new(),
            "not json".into(),
            "42".into(),
            "null".into(),
            r#""Run""#.into(),
            r#"{"Evil":{}}"#.into(),
            r#"{"Run":{},"Frame":[]}"#.into(),
            run(""),
            run(r#""pattern":"select","params":[],"mode":"turbo","seed":1,"procs":1"#),
            run(r#""pattern":"select","params":[],"mode":"sim","seed":-1,"procs":1"#),
            run(
                r#""pattern":"select","params":[],"mode":"sim","seed":18446744073709551616,"procs":1"#,
            ),
            run(r#""pattern":"select","params":[],"mode":"sim","seed":1,"procs":4294967296"#),
            run(r#""pattern":"select","params":[["a"]],"mode":"sim","seed":1,"procs":1"#),
            run(r#""pattern":"select","params":{"a":"b"},"mode":"sim","seed":1,"procs":1"#),
            run(r#""pattern":7,"params":[],"mode":"sim","seed":1,"procs":1"#),
            format!(r#"{{"Frame":{deep}"#),
        ] {
            let refused = Request::from_json(&text).expect_err(&text);
            assert!(
                refused.starts_with("the request is not understood: "),
                "{refused}"
            );
            assert!(refused.len() < 300, "a short reason: {refused}");
        }
    }

    #[test]
    fn the_worker_checks_a_run_request_as_it_checks_a_link() {
        let mut req = run_request("worker-pool");
        req.params = vec![
            ("workers".into(), "-9".into()),
            ("jobs".into(), "1e99".into()),
            ("nope".into(), "x".repeat(1 << 20)),
        ];
        req.procs = u32::MAX;
        let (pattern, params, procs) = req.prepare().unwrap();
        assert_eq!(pattern.id, "worker-pool");
        let (clean, notices) = pattern.parse_params([("workers", "-9"), ("jobs", "1e99")]);
        assert!(!notices.is_empty());
        assert_eq!(params, clean);
        assert_eq!(procs, MAX_PROCS);
        req.procs = 0;
        assert_eq!(req.prepare().unwrap().2, 1);
        // The benchmark's own pattern is not in the catalog but runs.
        assert!(run_request("bench-pairs").prepare().is_ok());
    }

    /// Why `req` is refused.
    fn refusal(req: RunRequest) -> String {
        match req.prepare() {
            Err(why) => why,
            Ok((pattern, ..)) => panic!("{} accepted", pattern.id),
        }
    }

    #[test]
    fn an_unknown_pattern_is_refused_in_a_few_words() {
        assert_eq!(refusal(run_request("nope")), "there is no pattern `nope`");
        let huge = run_request(&format!("<script>{}", "x".repeat(1 << 20)));
        let refused = refusal(huge);
        assert!(refused.len() < 200, "{} bytes", refused.len());
        assert!(
            refused.starts_with("there is no pattern `<script>xxx"),
            "{refused}"
        );
        let control = refusal(run_request("a\u{0}b\nc"));
        assert_eq!(control, "there is no pattern `a·b·c`");
    }
}
