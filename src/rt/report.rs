//! What a run produced: its output lines, how it ended, and what it left behind.

use serde::{Deserialize, Serialize};

use super::goroutine::{GoId, Status};
use super::limits::Limit;
use super::trace::Trace;

/// Which stream a line went to: a program's prints go to stdout, Go's panic and fatal error
/// reports to stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One printed line, its text exactly what Go prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputLine {
    pub text: String,
    /// When it was printed: virtual ns in sim mode, wall-clock ns in real mode.
    pub t_ns: u64,
    /// The goroutine that printed it (0 for the runtime's own reports).
    pub g: GoId,
    pub stream: Stream,
    /// The program printed no newline after it: the other stream printed next, or the run
    /// ended (`fmt.Print("x")` last). A host that writes the streams out byte for byte does
    /// not end it with one, as Go's output has none there.
    pub no_newline: bool,
}

/// `lines` as the bytes they were written as: each ended by a newline but those printed
/// without one ([`OutputLine::no_newline`]).
pub fn written<'a>(lines: impl IntoIterator<Item = &'a OutputLine>) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.text);
        if !line.no_newline {
            out.push('\n');
        }
    }
    out
}

impl OutputLine {
    /// A line on stderr that the run did not print: the Go tool's (a compile error), or
    /// chanlab's own.
    pub fn tool(text: String) -> OutputLine {
        OutputLine {
            text,
            t_ns: 0,
            g: 0,
            stream: Stream::Stderr,
            no_newline: false,
        }
    }
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// main returned.
    Exit,
    /// An unrecovered panic in goroutine `g`, with Go's message (`close of closed channel`).
    Panic { g: GoId, message: String },
    /// Every goroutine was blocked with no timer pending.
    Deadlock,
    /// Another fatal error (`sync: unlock of unlocked mutex`).
    Fatal { message: String },
    /// The run was stopped by a limit of chanlab's (see [`super::Limits`]), not by the
    /// program.
    Limit(Limit),
    /// The program called `os.Exit(code)`.
    OsExit { code: i32 },
}

impl Outcome {
    /// The process exit status Go would give (`os.Exit`'s code as the system keeps it: its
    /// low 8 bits, so -1 is 255).
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Exit => 0,
            Outcome::Limit(_) => 1,
            Outcome::OsExit { code } => *code & 0xff,
            _ => 2,
        }
    }
}

/// A goroutine as reports and leak lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoroutineInfo {
    pub id: GoId,
    /// The name on the timeline (`worker 3`).
    pub name: String,
    /// The function as Go names it (`main.worker`).
    pub func: String,
    /// Where it was created (`main.main`), empty for main.
    pub created_by: String,
    pub status: Status,
    /// The line of the program's source it is at, when the host knows the source (see
    /// [`SourcePlace`]); 0 otherwise.
    #[serde(default)]
    pub line: u32,
    /// See [`SourcePlace::locked_to_thread`].
    #[serde(default)]
    pub locked_to_thread: bool,
}

impl GoroutineInfo {
    /// The state in Go's words, as a report prints it.
    pub fn go_state(&self) -> &'static str {
        match self.status {
            Status::Blocked(r) => r.go_name(),
            Status::Runnable => "runnable",
            Status::Running => "running",
            Status::Done => "dead",
        }
    }
}

/// The frames of a goroutine as Go's traceback prints them after its `goroutine N [state]:`
/// line (`main.worker(...)`, `\t./prog.go:12`, `created by main.main`), or `None` for the
/// runtime's default. It is given the goroutine's id and its future ([`super::GoFuture`]),
/// which the host that set it knows how to read (the interpreter's goroutines hold their
/// frames); called while the report is written, so it must not use the runtime.
pub type Traceback = std::rc::Rc<dyn Fn(GoId, &dyn std::any::Any) -> Option<Vec<String>>>;

/// Where goroutine `g` is in the program's source, or `None` when the host does not know the
/// source. Set by the interpreter, like [`Traceback`], given the same, and called at the same
/// moments.
pub type Locate = std::rc::Rc<dyn Fn(GoId, &dyn std::any::Any) -> Option<SourcePlace>>;

/// Where a goroutine is in the program's source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourcePlace {
    /// The line it is at: the innermost of its frames in the program's own file; 0 when none.
    pub line: u32,
    /// The function whose `go` statement started it, as Go's traceback names it
    /// (`main.query` for a `go func()` in `query`); `None` for main.
    pub created_by: Option<String>,
    /// It is wired to its thread (`runtime.LockOSThread`, and main while the packages
    /// initialise), which Go's report says after its state.
    pub locked_to_thread: bool,
}

/// The goroutine whose stanza Go's report prints first for `outcome`: the panicking one, the
/// one running into a fatal error, or after a deadlock the first still alive (main, while it
/// is). `None` for the outcomes that print no stanza.
pub(crate) fn reported<'a>(
    outcome: &Outcome,
    alive: &'a [GoroutineInfo],
) -> Option<&'a GoroutineInfo> {
    match outcome {
        Outcome::Exit | Outcome::Limit(_) | Outcome::OsExit { .. } => None,
        Outcome::Panic { g, .. } => alive.iter().find(|i| i.id == *g),
        Outcome::Deadlock => alive.first(),
        Outcome::Fatal { .. } => alive.iter().find(|i| i.status == Status::Running),
    }
}

/// Go's report of how a run ended, as it prints it on stderr: the panic or fatal error's
/// lines, then a `goroutine N [state]:` stanza for the panicking goroutine or, after a
/// deadlock or a fatal error, for every goroutine still `alive` (in creation order, the one
/// that threw first); a limit of chanlab's, its one line. A normal exit and an `os.Exit`
/// print nothing.
///
/// `frames` gives a goroutine's frames when the host knows them (see [`Traceback`]).
pub(crate) fn go_report(
    outcome: &Outcome,
    alive: &[GoroutineInfo],
    frames: &dyn Fn(GoId) -> Option<Vec<String>>,
) -> Vec<String> {
    let stanza = |info: &GoroutineInfo, state: &str| stanza(info, state, frames(info.id));
    let mut lines = Vec::new();
    match outcome {
        Outcome::Exit | Outcome::OsExit { .. } => {}
        Outcome::Limit(limit) => lines.push(limit.message()),
        Outcome::Panic { message, .. } => {
            // A message of several lines prints as several lines, as Go's does (one that
            // ends with a newline, with an empty line more).
            lines.extend(format!("panic: {message}").split('\n').map(String::from));
            lines.push(String::new());
            if let Some(info) = reported(outcome, alive) {
                lines.extend(stanza(info, "running"));
            }
        }
        Outcome::Deadlock => {
            lines.push("fatal error: all goroutines are asleep - deadlock!".to_string());
            for info in alive {
                lines.push(String::new());
                lines.extend(stanza(info, info.go_state()));
            }
        }
        Outcome::Fatal { message } => {
            lines.extend(
                format!("fatal error: {message}")
                    .split('\n')
                    .map(String::from),
            );
            // Go's throw prints every goroutine: the one that threw, then the others in
            // the order they were made.
            let running = reported(outcome, alive);
            if let Some(info) = running {
                lines.push(String::new());
                lines.extend(stanza(info, "running"));
            }
            for info in alive.iter().filter(|i| Some(i.id) != running.map(|r| r.id)) {
                lines.push(String::new());
                lines.extend(stanza(info, info.go_state()));
            }
        }
    }
    lines
}

/// A goroutine's stanza of a traceback: `goroutine N [state]:`, then its `frames` (when the
/// host gives them; else its function and its creator's, or `main.main()`).
pub(crate) fn stanza(
    info: &GoroutineInfo,
    state: &str,
    frames: Option<Vec<String>>,
) -> Vec<String> {
    let locked = if info.locked_to_thread {
        ", locked to thread"
    } else {
        ""
    };
    let mut lines = vec![format!("goroutine {} [{state}{locked}]:", info.id)];
    if let Some(frames) = frames {
        lines.extend(frames);
    } else if info.id == 1 {
        lines.push("main.main()".to_string());
    } else {
        lines.push(format!("{}(...)", info.func));
        lines.push(format!("created by {}", info.created_by));
    }
    lines
}

/// Totals of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metrics {
    pub goroutines_created: u64,
    pub peak_live: u64,
    pub chan_sends: u64,
    pub chan_recvs: u64,
    pub context_switches: u64,
    /// Timers created and not yet fired or stopped, at the end of the run.
    pub live_timers: u64,
    pub peak_live_timers: u64,
}

/// Everything a run produced.
#[derive(Clone, Debug)]
pub struct Report {
    pub outcome: Outcome,
    /// The lines printed and not yet taken by [`Runtime::take_new_output`](super::Runtime)
    /// (every line, for a run that took none).
    pub output: Vec<OutputLine>,
    /// The clock when the run ended.
    pub end_ns: u64,
    /// Goroutines still alive when main returned (empty after a panic or deadlock, whose
    /// report already lists them).
    pub leaked: Vec<GoroutineInfo>,
    pub metrics: Metrics,
    pub trace: Trace,
    /// The line of the program's source the report names first (see [`reported`]): where
    /// the panic happened, or where main (or the first goroutine alive) waits in a deadlock;
    /// `None` for a normal end or when the host does not know the source.
    pub line: Option<u32>,
}

impl Report {
    pub fn exit_code(&self) -> i32 {
        self.outcome.exit_code()
    }

    /// The output's texts, one per line.
    pub fn lines(&self) -> Vec<&str> {
        self.output.iter().map(|l| l.text.as_str()).collect()
    }
}
