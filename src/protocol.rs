//! Messages between the page and its workers. Everything that crosses the worker boundary is
//! defined here, serialised with serde.
//!
//! In real mode the worker that gets the run is the hub: it starts `procs - 1` workers of its
//! own as executors, with [`Request::Execute`], and they carry real mode's frames (what
//! `crate::rt::real::encode` makes of the operations and answers) as transferred
//! `ArrayBuffer`s, or through the `SharedArrayBuffer` the hub posts before `Execute` when the
//! page is cross-origin isolated (`crate::runner::rings`); see `docs/ARCHITECTURE.md`, Two
//! modes.
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
use crate::rt::{GoroutineInfo, Metrics, Outcome, OutputLine};

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
    /// Real mode, from the page to its spare worker: start the executors of a run on `procs`
    /// workers now, so that a real-mode run does not wait for them to load.
    Warm {
        procs: u32,
    },
    /// Real mode, from the hub to a worker it started: be executor `worker` of the run.
    Execute(ExecuteRequest),
    /// Real mode, from the hub to an executor, before the run: answer [`FromExecutor::Pong`]
    /// at once, then echo `shared` rings of the hub's doorbell (the shared-memory round
    /// trip), which times the transport's floor on this browser.
    Ping {
        shared: u32,
    },
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

/// Real mode: what an executor tells its hub (its frames are binary, see the module doc).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromExecutor {
    /// Loaded and listening (the same message as [`Response::Ready`]).
    Ready,
    /// The answer to [`Request::Ping`].
    Pong,
    /// It failed (the same message as [`Response::Failed`]).
    Failed(String),
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
    pub leaked: Vec<GoroutineInfo>,
    pub metrics: Metrics,
    pub trace_events: u64,
    pub trace_truncated: bool,
    /// Real mode on more than one worker: how its workers talked, and the floor of it.
    #[serde(default)]
    pub floor: Option<Floor>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker has loaded and listens for requests; a request posted before this may be
    /// lost, so the page waits for it.
    Ready,
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
