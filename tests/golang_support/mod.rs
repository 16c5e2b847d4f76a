//! Helpers shared by the Go interpreter's integration tests (`golang_corpus.rs`,
//! `golang_gotest.rs`): running a program with a deadline, the normalisation of what it
//! printed, the corpus's tags and expected files, and a readable line diff.

#![allow(dead_code)]

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Once;
use std::thread;
use std::time::Duration;

use chanlab::golang::{self, RunOptions};
use chanlab::rt::Stream;

/// Where Debian's golang-1.19-src puts Go's own test programs.
pub const GO_TEST_DIR: &str = "/usr/share/go-1.19/test";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Go's test directory, or a failure that says how to install it: the suite must not pass
/// by skipping the programs it could not find.
pub fn go_test_dir() -> PathBuf {
    let dir = PathBuf::from(GO_TEST_DIR);
    assert!(
        dir.join("chan").is_dir() && dir.join("ken").is_dir(),
        "Go's test programs are missing ({GO_TEST_DIR}): install Debian's golang-1.19-src \
         (`apt-get install golang-1.19-src`; scripts/test.sh does it)"
    );
    dir
}

/// How a run of the interpreter ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ran {
    /// The program ran to its end: its exit status and every line, stdout and stderr
    /// interleaved in print order.
    Done { exit_code: i32, lines: Vec<String> },
    /// The interpreter itself panicked (a bug of the interpreter, never of the program).
    Crashed(String),
    /// The run passed its deadline.
    TimedOut,
}

impl Ran {
    /// One line for a failure list.
    pub fn summary(&self) -> String {
        match self {
            Ran::Done { exit_code, lines } => {
                format!("exit {exit_code}, {} lines", lines.len())
            }
            Ran::Crashed(why) => format!("the interpreter panicked: {why}"),
            Ran::TimedOut => "timed out".to_string(),
        }
    }
}

/// The lines with their streams, as the determinism check compares them.
pub type StreamLines = Vec<(String, Stream)>;

thread_local! {
    /// The message of the last panic on this thread, with its location.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

const RUN_THREAD: &str = "golang-run";

/// Keeps the panics of interpreter runs out of the test output (they are reported in the
/// failure list instead); every other panic prints as usual.
fn quiet_run_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if thread::current().name() == Some(RUN_THREAD) {
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                default(info);
            }
        }));
    });
}

/// The CPU clock of another thread.
#[cfg(target_os = "linux")]
struct ThreadCpu(Option<libc::clockid_t>);

#[cfg(target_os = "linux")]
impl ThreadCpu {
    fn of<T>(thread: &thread::JoinHandle<T>) -> ThreadCpu {
        use std::os::unix::thread::JoinHandleExt;
        let mut clock: libc::clockid_t = 0;
        // SAFETY: the thread is alive until its handle is dropped (it is never joined here),
        // and `clock` is a valid place for the answer.
        let ok = unsafe { libc::pthread_getcpuclockid(thread.as_pthread_t(), &mut clock) } == 0;
        ThreadCpu(ok.then_some(clock))
    }

    /// The CPU time the thread has used.
    fn used(&self) -> Option<Duration> {
        let clock = self.0?;
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec to write to.
        let ok = unsafe { libc::clock_gettime(clock, &mut t) } == 0;
        ok.then(|| Duration::new(t.tv_sec as u64, t.tv_nsec as u32))
    }
}

/// Elsewhere only the wall clock limits a run.
#[cfg(not(target_os = "linux"))]
struct ThreadCpu;

#[cfg(not(target_os = "linux"))]
impl ThreadCpu {
    fn of<T>(_: &thread::JoinHandle<T>) -> ThreadCpu {
        ThreadCpu
    }

    fn used(&self) -> Option<Duration> {
        None
    }
}

/// Runs `source` with the interpreter on a thread of its own and waits until the run has used
/// `timeout` of CPU time (so a loaded machine, which gives the thread less of each second,
/// does not turn a slow run into a hang), or ten times `timeout` on the wall clock (a run that
/// sleeps). A run that passes it is left to finish on its own thread.
pub fn run_with_deadline(source: &str, options: &RunOptions, timeout: Duration) -> Ran {
    run_lines_with_deadline(source, options, timeout).0
}

/// As [`run_with_deadline`], also giving the raw lines with their streams.
pub fn run_lines_with_deadline(
    source: &str,
    options: &RunOptions,
    timeout: Duration,
) -> (Ran, StreamLines) {
    quiet_run_panics();
    let (tx, rx) = mpsc::channel();
    let source = source.to_string();
    let options = options.clone();
    let run = thread::Builder::new()
        .name(RUN_THREAD.to_string())
        .stack_size(64 << 20)
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(|| {
                let r = golang::run(&source, &options);
                let with_streams: StreamLines =
                    r.lines.iter().map(|l| (l.text.clone(), l.stream)).collect();
                (r.exit_code, as_one_stream(&r.lines), with_streams)
            }));
            let message = match result {
                Ok(done) => Ok(done),
                Err(_) => Err(LAST_PANIC
                    .with(|p| p.borrow_mut().take())
                    .unwrap_or_else(|| "panicked".to_string())),
            };
            let _ = tx.send(message);
        })
        .expect("a thread for the run");
    let cpu = ThreadCpu::of(&run);
    let started = std::time::Instant::now();
    let outcome = loop {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Err(mpsc::RecvTimeoutError::Timeout)
                if cpu.used().is_none_or(|used| used < timeout)
                    && started.elapsed() < timeout * 10 => {}
            other => break other.map_err(|_| ()),
        }
    };
    match outcome {
        Ok(Ok((exit_code, lines, with_streams))) => (Ran::Done { exit_code, lines }, with_streams),
        Ok(Err(why)) => (Ran::Crashed(why), Vec::new()),
        Err(_) => (Ran::TimedOut, Vec::new()),
    }
}

/// The lines of stdout and stderr written to one stream, as `go run prog.go 2>&1` shows
/// them: a line printed without a newline continues with what the program printed next,
/// whichever stream it went to.
fn as_one_stream(lines: &[chanlab::rt::OutputLine]) -> Vec<String> {
    let text = chanlab::rt::written(lines);
    if text.is_empty() {
        return Vec::new();
    }
    let body = text.strip_suffix('\n').unwrap_or(&text);
    body.split('\n').map(String::from).collect()
}

/// Goroutines of Go's own runtime, which Go lists after a runtime fatal error (a stack
/// overflow): they are not the program's.
const RUNTIME_GOROUTINE_STATES: [&str; 5] = [
    "force gc (idle)",
    "GC sweep wait",
    "GC scavenge wait",
    "GC worker (idle)",
    "finalizer wait",
];

/// `goroutine N [state]:` → `(N, state)`.
fn goroutine_header(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("goroutine ")?;
    let (id, rest) = rest.split_once(' ')?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let state = rest.strip_prefix('[')?.strip_suffix("]:")?;
    Some((id, state))
}

/// `panic: (main.T) 0xc000012345` (or its `\tpanic:` and ` [recovered]` forms) with the
/// address replaced by `<addr>`; `None` for any other line.
fn panic_address(line: &str) -> Option<String> {
    let (tab, rest) = match line.strip_prefix('\t') {
        Some(rest) => ("\t", rest),
        None => ("", line),
    };
    let rest = rest.strip_prefix("panic: (")?;
    let (typ, rest) = rest.split_once(") 0x")?;
    if typ.is_empty() || typ.contains(['(', ')']) {
        return None;
    }
    let (hex, recovered) = match rest.strip_suffix(" [recovered]") {
        Some(hex) => (hex, " [recovered]"),
        None => (rest, ""),
    };
    if hex.is_empty() || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    Some(format!("{tab}panic: ({typ}) <addr>{recovered}"))
}

/// What tests/golang/normalize.awk does, line for line (see its comments): Go's stack
/// frames, machine-dependent lines and goroutine ids other than 1 are dropped or blanked, so
/// that Go and the interpreter can be compared.
pub fn normalize(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = false; // a goroutine header was met: only headers are kept from here
    let mut printed = false; // a header was kept
    let mut gap = false; // a blank line since the last header
    let mut skipping = false; // inside the `runtime stack:` section
    for line in lines {
        if let Some((id, state)) = goroutine_header(line) {
            seen = true;
            if RUNTIME_GOROUTINE_STATES.contains(&state) {
                continue;
            }
            if printed && gap {
                out.push(String::new());
            }
            printed = true;
            gap = false;
            skipping = false;
            out.push(if id == "1" {
                line.clone()
            } else {
                format!("goroutine <id> [{state}]:")
            });
            continue;
        }
        if seen {
            if line.is_empty() {
                gap = true;
            }
            continue;
        }
        if skipping || line.starts_with("[signal ") || line.starts_with("runtime: sp=") {
            continue;
        }
        if line == "runtime stack:" {
            skipping = true;
            continue;
        }
        out.push(panic_address(line).unwrap_or_else(|| line.clone()));
    }
    out
}

/// gc's wording changed after Go 1.19, whose output the corpus records; the interpreter
/// uses today's. This maps a recorded line to today's wording:
///
/// - `x declared but not used` → `declared and not used: x`
/// - `imported and not used: "os"` → `"os" imported and not used`
/// - `cannot use x (...) as type T in assignment` → `cannot use x (...) as T value in
///   assignment` (and the argument, return and other forms)
pub fn modern_wording(line: &str) -> String {
    let Some((pos, msg)) = split_position(line) else {
        return line.to_string();
    };
    if let Some(name) = msg.strip_suffix(" declared but not used") {
        if !name.contains(' ') {
            return format!("{pos}declared and not used: {name}");
        }
    }
    if let Some(path) = msg.strip_prefix("imported and not used: ") {
        if let Some((path, alias)) = path.split_once(" as ") {
            return format!("{pos}{path} imported as {alias} and not used");
        }
        return format!("{pos}{path} imported and not used");
    }
    if msg.starts_with("cannot use ") {
        if let Some(i) = msg.rfind(" as type ") {
            let rest = &msg[i + " as type ".len()..];
            if let Some(j) = rest.find(" in ") {
                return format!("{pos}{} as {} value{}", &msg[..i], &rest[..j], &rest[j..]);
            }
        }
    }
    line.to_string()
}

/// Today's gc also names the kind of a defined type's structure in an operand's description
/// (`t (variable of struct type T)`), which Go 1.19 did not (`t (variable of type T)`), and a
/// recorded line cannot tell which types are structs: this maps chanlab's line to the older
/// form for comparison.
pub fn without_composite_kind(line: &str) -> String {
    let mut out = line.to_string();
    for kind in [
        "array",
        "slice",
        "struct",
        "pointer",
        "func",
        "interface",
        "map",
        "chan",
    ] {
        out = out.replace(&format!(" of {kind} type "), " of type ");
    }
    out
}

/// `./prog.go:3:5: message` → (`./prog.go:3:5: `, `message`).
fn split_position(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("./")?;
    let go = rest.find(".go:")? + "./".len() + ".go:".len();
    let mut parts = line[go..].splitn(3, ':');
    let l = parts.next()?;
    let c = parts.next()?;
    let msg = parts.next()?.strip_prefix(' ')?;
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !numeric(l) || !numeric(c) {
        return None;
    }
    let pos_len = line.len() - msg.len();
    Some((&line[..pos_len], msg))
}

/// The value of a `// chanlab:NAME VALUE` line of a program (`Some("")` for a bare
/// `// chanlab:NAME`).
pub fn tag<'a>(source: &'a str, name: &str) -> Option<&'a str> {
    source.lines().find_map(|l| {
        let rest = l.strip_prefix("// chanlab:")?.strip_prefix(name)?;
        if rest.is_empty() {
            Some("")
        } else {
            rest.strip_prefix(' ')
        }
    })
}

/// A program of tests/golang/corpus and what Go printed for it.
pub struct CorpusProgram {
    pub name: String,
    pub source: String,
    /// `exit N` of the .out file; `None` when the file is missing or malformed.
    pub expected_exit: Option<i32>,
    /// The .out file's lines after the exit line.
    pub expected: Vec<String>,
    /// `// chanlab:procs N`, else 4.
    pub procs: u32,
    /// `// chanlab:unordered`: compare sorted lines.
    pub unordered: bool,
}

pub fn corpus_dir() -> PathBuf {
    root().join("tests/golang/corpus")
}

/// Every program of the corpus (not the `.go119.go` variants), sorted by name.
pub fn corpus() -> Vec<CorpusProgram> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/golang/corpus")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".go") && !n.ends_with(".go119.go"))
        .map(|n| n.trim_end_matches(".go").to_string())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let dir = corpus_dir();
            let source = std::fs::read_to_string(dir.join(format!("{name}.go"))).unwrap();
            let out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap_or_default();
            let mut lines = out.lines();
            let expected_exit = lines
                .next()
                .and_then(|l| l.strip_prefix("exit "))
                .and_then(|n| n.parse().ok());
            let expected = lines.map(String::from).collect();
            let procs = tag(&source, "procs")
                .map(|p| p.parse().expect("// chanlab:procs N"))
                .unwrap_or(4);
            let unordered = tag(&source, "unordered").is_some();
            CorpusProgram {
                name,
                source,
                expected_exit,
                expected,
                procs,
                unordered,
            }
        })
        .collect()
}

/// A line diff of `want` and `got` (longest common subsequence): `  ` both, `- ` only in
/// want, `+ ` only in got; at most `max` lines, with `...` when cut.
pub fn diff(want: &[String], got: &[String], max: usize) -> String {
    let (n, m) = (want.len(), got.len());
    // lcs[i][j]: the length of the longest common subsequence of want[i..] and got[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if want[i] == got[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && want[i] == got[j] {
            out.push(format!("    {}", want[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(format!("  + {}", got[j]));
            j += 1;
        } else {
            out.push(format!("  - {}", want[i]));
            i += 1;
        }
    }
    if out.len() > max {
        out.truncate(max);
        out.push("  ...".to_string());
    }
    out.join("\n")
}

/// The number of threads to run programs on.
pub fn parallelism() -> usize {
    thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8)
}

/// Runs `job` on every item, `parallelism()` at a time, and returns the results in order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], job: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    thread::scope(|s| {
        for _ in 0..parallelism() {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= items.len() {
                    break;
                }
                let r = job(&items[i]);
                *results[i].lock().unwrap() = Some(r);
            });
        }
    });
    results
        .into_iter()
        .map(|r| r.into_inner().unwrap().expect("every item ran"))
        .collect()
}

/// The lines of a text, as `str::lines` splits them.
pub fn lines_of(text: &str) -> Vec<String> {
    text.lines().map(String::from).collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
