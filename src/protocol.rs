//! Messages between the page and its workers. Everything that crosses the worker boundary is
//! defined here, serialised with serde.
//!
//! In real mode the worker that gets the run is the hub: it starts `procs - 1` workers of its
//! own as executors, with [`Request::Execute`], and they carry real mode's frames (what
//! `crate::rt::real::encode` makes of the operations and answers) as transferred
//! `ArrayBuffer`s, or through the `SharedArrayBuffer` the hub posts before `Begin` when the
//! page is cross-origin isolated (`crate::runner::rings`); see `docs/ARCHITECTURE.md`, Two
//! modes.
//!
//! The page sends one [`Request::Run`] per worker and terminates the worker to stop it (a
//! runaway run cannot be trusted to read a stop message). The request carries the Go source
//! to run; the worker compiles it (the page's own wasm holds no compiler) and answers with
//! batches of output as the run goes, then one [`Response::Done`], or
//! [`Response::CompileFailed`] with the program's compile errors, or [`Response::Failed`]. A
//! worker first says [`Response::Ready`] once it listens.
//!
//! # The trace
//! Just before [`Response::Done`], the worker sends the run's trace once, as
//! [`Response::Trace`]. Every other message is JSON text; the trace is not: it is posted as an
//! `ArrayBuffer` holding [`TraceData::to_bytes`], transferred rather than copied, so a message
//! whose data is an `ArrayBuffer` is the trace, read back where it lies with
//! [`TraceData::read_from`] (about 30 ms each way for a million events; see
//! `crate::chart::data`). A page that cannot read it still has the run's output and summary.

use serde::{Deserialize, Serialize};

pub use crate::chart::TraceData;
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

/// What to run: the Go program's source, and the pattern and raw parameters it was rendered
/// from (validated again in the worker, so a message from anywhere can be trusted no more than
/// a URL).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRequest {
    pub pattern: String,
    pub params: Vec<(String, String)>,
    /// The whole program, as the page shows it: the worker compiles and runs this. In real
    /// mode every executor gets it too, in its [`ExecuteRequest`].
    pub source: String,
    pub mode: Mode,
    pub seed: u64,
    pub procs: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Run(RunRequest),
    /// Real mode, from the page to its spare worker: start the executors of a run on `procs`
    /// workers now, and time round trips to them once they are ready, so that a real-mode run
    /// waits neither for them to load nor for its floor.
    Warm {
        procs: u32,
    },
    /// Real mode, from the hub to a worker it started, before the run: compile the run's
    /// source to be executor `worker` of it, and answer [`FromExecutor::Compiled`].
    Execute(ExecuteRequest),
    /// Real mode, from the hub to its executors once every one has compiled: the run started
    /// at wall-clock time `epoch_ns`. Compiling is not part of the run, as it is not in Go.
    Begin {
        epoch_ns: u64,
    },
    /// Real mode, from the hub to executor 1 once every executor is ready, ahead of the run
    /// when the page warmed the hub (see `Warm`): answer [`FromExecutor::Pong`]
    /// at once, then echo `shared` rings of the hub's doorbell (the shared-memory round
    /// trip), which times the transport's floor on this browser.
    Ping {
        shared: u32,
    },
}

impl Request {
    /// A request as a worker receives it, JSON text; `Err` says why it is not understood.
    pub fn from_json(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| format!("the request is not understood: {e}"))
    }
}

impl RunRequest {
    /// The processors to run on, checked again by the worker (a message is trusted no more
    /// than a link): `procs` clamped to `1..=MAX_PROCS`.
    pub fn clamped_procs(&self) -> u32 {
        self.procs.clamp(1, MAX_PROCS)
    }
}

/// What a real-mode executor runs: the run (its source and seed) and its index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecuteRequest {
    pub run: RunRequest,
    pub worker: u32,
    pub procs: u32,
}

/// Real mode: what an executor tells its hub (its frames are binary, see the module doc).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromExecutor {
    /// Loaded and listening (the same message as [`Response::Ready`]).
    Ready,
    /// The answer to [`Request::Execute`]: the source compiled, and the executor waits for
    /// [`Request::Begin`].
    Compiled,
    /// The answer to [`Request::Ping`].
    Pong,
    /// Its worker reached a limit of its own (its memory): the run ends with it.
    Limit(Limit),
    /// It failed (the same message as [`Response::Failed`]).
    Failed(String),
}

/// A compile error, as `go run` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompileError {
    /// 1-based line and column (in bytes, as gc counts them) of the source it names.
    pub line: u32,
    pub col: u32,
    /// Go's text: `./prog.go:5:2: undefined: x`, with its continuation lines (`\thave (...)`).
    pub text: String,
}

/// How real mode's workers carried their operations and answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transport {
    /// postMessage: any page.
    Messages,
    /// A `SharedArrayBuffer` and `Atomics.wait`: a cross-origin isolated page.
    SharedMemory,
}

impl Transport {
    pub fn describe(self) -> &'static str {
        match self {
            Transport::Messages => "messages between workers",
            Transport::SharedMemory => "shared memory between workers",
        }
    }
}

/// A real-mode run's transport, and its floor on this browser: the median round trip between
/// the hub and an executor with nothing else to do, measured before the run (ns).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Floor {
    pub transport: Transport,
    /// By postMessage.
    pub message_ns: u64,
    /// Through shared memory, when the run had it.
    pub shared_ns: Option<u64>,
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
    /// The line of the source the panic or deadlock report names first (where the panic
    /// happened, where main waits), when there is one.
    pub line: Option<u32>,
    /// Real mode on more than one worker: how its workers talked, and the floor of it.
    #[serde(default)]
    pub floor: Option<Floor>,
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
    /// The program does not compile: its errors, sorted, as `go run` lists them (at most ten,
    /// then `too many errors`). Sent after the [`Response::Output`] of what `go run` prints
    /// for them, instead of [`Response::Done`]: nothing ran.
    CompileFailed(Vec<CompileError>),
    /// What `go vet` finds in the program (as `./prog.go:L:C: message`, with positions),
    /// sent before its output when it finds something: the program runs all the same.
    Vet(Vec<CompileError>),
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
    use crate::patterns::Params;
    use crate::rt::{Report, Stream};

    fn line(text: String) -> OutputLine {
        OutputLine {
            text,
            t_ns: 0,
            g: 1,
            stream: Stream::Stdout,
            no_newline: false,
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
            source: "package main\n\nfunc main() {\n\tprintln(\"é\\t\\\"\")\n}\n".into(),
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
        round_trip(Request::Warm { procs: MAX_PROCS });
        round_trip(Request::Execute(ExecuteRequest {
            run: run_request("select"),
            worker: 3,
            procs: 4,
        }));
        round_trip(Request::Begin { epoch_ns: 1 << 60 });
        round_trip(Request::Ping { shared: u32::MAX });
        round_trip(FromExecutor::Ready);
        round_trip(FromExecutor::Compiled);
        round_trip(FromExecutor::Pong);
        round_trip(FromExecutor::Limit(Limit::Memory { bytes: 1 << 40 }));
        round_trip(FromExecutor::Failed("gone".into()));
        round_trip(Response::Ready);
        round_trip(Response::Progress {
            elapsed_ns: u64::MAX,
        });
        round_trip(Response::Skipped(u64::MAX));
        round_trip(Response::Failed("why".into()));
        round_trip(Response::Vet(vec![CompileError {
            line: 7,
            col: 3,
            text: "./prog.go:7:3: func passes lock by value: sync.Mutex".into(),
        }]));
        round_trip(Response::CompileFailed(vec![CompileError {
            line: 5,
            col: 2,
            text: "./prog.go:5:2: undefined: y\n\thave ()".into(),
        }]));
        let pattern = crate::patterns::find("double-close").unwrap();
        let report = pattern.run_sim(&Params::defaults(pattern.params), Default::default());
        assert!(report.output.iter().any(|l| l.stream == Stream::Stderr));
        round_trip(Response::Output(report.output.clone()));
        let mut done = summary(&report);
        round_trip(Response::Done(done.clone()));
        done.line = Some(12);
        done.floor = Some(Floor {
            transport: Transport::SharedMemory,
            message_ns: 40_000,
            shared_ns: Some(900),
        });
        round_trip(Response::Done(done));
    }

    #[test]
    fn a_summary_without_a_floor_is_read() {
        let pattern = crate::patterns::find("double-close").unwrap();
        let report = pattern.run_sim(&Params::defaults(pattern.params), Default::default());
        let done = summary(&report);
        let mut json = serde_json::to_value(Response::Done(done.clone())).unwrap();
        json["Done"].as_object_mut().unwrap().remove("floor");
        let back: Response = serde_json::from_value(json).unwrap();
        assert_eq!(back, Response::Done(done));
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
            line: report.line,
            floor: None,
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
    fn a_request_is_read_from_its_json() {
        let req = Request::Run(run_request("select"));
        let text = serde_json::to_string(&req).unwrap();
        assert_eq!(Request::from_json(&text), Ok(req));
        assert_eq!(
            Request::from_json(r#"{"Begin":{"epoch_ns":7}}"#),
            Ok(Request::Begin { epoch_ns: 7 })
        );
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
            r#"{"Frame":[]}"#.into(),
            r#"{"Warm":{"procs":1},"Begin":{"epoch_ns":1}}"#.into(),
            r#"{"Warm":{"procs":-1}}"#.into(),
            r#"{"Begin":{"epoch_ns":18446744073709551616}}"#.into(),
            r#"{"Ping":{}}"#.into(),
            run(""),
            run(r#""pattern":"select","params":[],"mode":"sim","seed":1,"procs":1"#),
            run(r#""pattern":"select","params":[],"source":7,"mode":"sim","seed":1,"procs":1"#),
            run(r#""pattern":"select","params":[],"source":"","mode":"turbo","seed":1,"procs":1"#),
            run(r#""pattern":"select","params":[],"source":"","mode":"sim","seed":-1,"procs":1"#),
            run(
                r#""pattern":"select","params":[],"source":"","mode":"sim","seed":18446744073709551616,"procs":1"#,
            ),
            run(
                r#""pattern":"select","params":[],"source":"","mode":"sim","seed":1,"procs":4294967296"#,
            ),
            run(
                r#""pattern":"select","params":[["a"]],"source":"","mode":"sim","seed":1,"procs":1"#,
            ),
            run(
                r#""pattern":"select","params":{"a":"b"},"source":"","mode":"sim","seed":1,"procs":1"#,
            ),
            run(r#""pattern":7,"params":[],"source":"","mode":"sim","seed":1,"procs":1"#),
            format!(r#"{{"Execute":{{"run":{deep}"#),
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
    fn the_worker_clamps_a_run_requests_processors() {
        let mut req = run_request("worker-pool");
        for (asked, runs_on) in [
            (0, 1),
            (1, 1),
            (3, 3),
            (MAX_PROCS, MAX_PROCS),
            (u32::MAX, MAX_PROCS),
        ] {
            req.procs = asked;
            assert_eq!(req.clamped_procs(), runs_on, "{asked} processors asked");
        }
    }
}
