//! Goroutines as runtime tasks: the future the runtime polls, `go`, and the traceback the
//! runtime's reports print for an interpreted goroutine.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll};

use serde::{Deserialize, Serialize};

use crate::rt;

use super::cost;
use super::gor::{Exit, Gor, Pending, PollOutcome, Run, GOEXIT_CALL_FRAME, PANIC_FRAME};
use super::program::Program;
use super::serial::HeapScope;
use super::shared::W;
use super::value::{Closure, Value};

/// A goroutine as the runtime runs it: the runtime keeps it (boxed) while the goroutine lives,
/// and a report reads its frames from it ([`traceback`]).
pub struct GoTask {
    /// The goroutine; none until one arriving from another executor is made.
    g: Option<Gor>,
    /// A goroutine started from another worker's message, made at its first poll (where its
    /// run and heap can be reached). Boxed: every goroutine's task holds the field, and few
    /// ever use it.
    arriving: Option<Box<GoWire>>,
    /// Real mode: its code's stretches on this executor, its CPU work.
    work: rt::RealWork,
}

impl GoTask {
    pub fn new(g: Gor) -> GoTask {
        GoTask {
            g: Some(g),
            arriving: None,
            work: rt::RealWork::default(),
        }
    }

    /// The goroutine `wire` describes, on this executor's run.
    fn arrive(wire: GoWire) -> Result<Gor, String> {
        let run = rt::host_data()
            .and_then(|data| data.downcast::<Run>().ok())
            .ok_or("a goroutine arrived on a worker that runs no Go program")?;
        let heap = run.heap.clone().ok_or("a goroutine arrived in sim mode")?;
        let (args, env) = {
            let heap = heap.borrow();
            let args: Vec<Value> = wire
                .args
                .iter()
                .map(|w| heap.decode(w))
                .collect::<Result<_, _>>()?;
            let env: Box<[Value]> = wire
                .env
                .iter()
                .map(|w| heap.decode(w))
                .collect::<Result<_, _>>()?;
            (args, env)
        };
        let env = (!env.is_empty()).then(|| {
            Rc::new(Closure {
                func: wire.func,
                env,
            })
        });
        let mut g = Gor::new(run, wire.func, env, args);
        g.created = wire.created;
        Ok(g)
    }
}

impl Future for GoTask {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<()> {
        let this = self.get_mut();
        let g = match &mut this.g {
            Some(g) => g,
            None => {
                let wire = this
                    .arriving
                    .take()
                    .expect("a goroutine is made or arriving");
                match GoTask::arrive(*wire) {
                    Ok(g) => this.g.insert(g),
                    Err(why) => {
                        rt::end_fatally(format!("real mode: {why}"));
                        return Poll::Pending;
                    }
                }
            }
        };
        let _scope = g.run.heap.as_ref().map(HeapScope::enter);
        match g.poll_pending() {
            PollOutcome::Ready => {}
            PollOutcome::Waiting => return Poll::Pending,
            PollOutcome::Panicked(thrown) => g.throw(thrown),
        }
        // Real mode (a run whose heap is shared with other workers): the time this goroutine's
        // code runs here is its CPU work on the executor. Sim mode reads no clock here.
        let started = g.run.heap.as_ref().and_then(|_| rt::real_clock());
        let exit = g.exec();
        let ran = match (&exit, &g.pending) {
            (Exit::Blocked, Pending::Cpu(_)) => rt::Ran::Preempted,
            (Exit::Blocked, _) => rt::Ran::Waits,
            _ => rt::Ran::Ended,
        };
        this.work.ran(started, ran);
        match exit {
            Exit::Blocked | Exit::Died => Poll::Pending,
            Exit::Done | Exit::Returned | Exit::Threw(_) => {
                // The goroutine ends when its CPU time is paid: what it did took that long.
                if g.debt >= cost::SYNC && g.pay_debt() {
                    return Poll::Pending;
                }
                if g.goexiting {
                    rt::goexited();
                }
                let (stack, frames) = (std::mem::take(&mut g.stack), std::mem::take(&mut g.frames));
                g.run.give_back(stack, frames);
                Poll::Ready(())
            }
        }
    }
}

/// What a new goroutine runs: a function, its closure, its arguments.
#[derive(Clone)]
pub struct GoStart {
    func: u32,
    args: Vec<Value>,
    /// The function and line of the `go` statement (none for a timer's goroutine).
    created: Option<(u32, u32)>,
    env: Option<Rc<Closure>>,
    run: Rc<Run>,
}

/// A goroutine as it travels to another executor (real mode): its values in the shared
/// heap's form.
#[derive(Clone, Serialize, Deserialize)]
pub struct GoWire {
    func: u32,
    args: Vec<W>,
    /// What its closure captured (nothing: a plain function).
    env: Vec<W>,
    created: Option<(u32, u32)>,
}

impl Serialize for GoStart {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let heap =
            self.run.heap.as_ref().ok_or_else(|| {
                serde::ser::Error::custom("a goroutine travels only in real mode")
            })?;
        let mut heap = heap.borrow_mut();
        let wire = GoWire {
            func: self.func,
            args: self.args.iter().map(|v| heap.encode(v, false)).collect(),
            env: self
                .env
                .iter()
                .flat_map(|c| c.env.iter())
                .map(|v| heap.encode(v, true))
                .collect(),
            created: self.created,
        };
        wire.serialize(s)
    }
}

/// What the runtime starts: a goroutine made here, or one arriving from another executor.
pub enum Started {
    Here(GoStart),
    Arriving(GoWire),
}

impl Serialize for Started {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Started::Here(start) => start.serialize(s),
            Started::Arriving(wire) => wire.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Started {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        GoWire::deserialize(d).map(Started::Arriving)
    }
}

impl Clone for Started {
    fn clone(&self) -> Self {
        match self {
            Started::Here(s) => Started::Here(s.clone()),
            Started::Arriving(w) => Started::Arriving(w.clone()),
        }
    }
}

/// Builds goroutine `s` (the entry `go` hands the runtime).
pub fn start(s: Started) -> GoTask {
    match s {
        Started::Here(s) => {
            let mut g = Gor::new(s.run, s.func, s.env, s.args);
            g.created = s.created;
            GoTask::new(g)
        }
        Started::Arriving(wire) => GoTask {
            g: None,
            arriving: Some(Box::new(wire)),
            work: rt::RealWork::default(),
        },
    }
}

/// `go f(args)`: starts a goroutine running function `func` (with closure `env`).
pub fn go(
    run: &Rc<Run>,
    func: u32,
    env: Option<Rc<Closure>>,
    args: Vec<Value>,
    created: (u32, u32),
) {
    go_named(run, func, env, args, Some(created), None);
}

/// [`go`], the goroutine named `name` on the timeline (rather than by its function), if
/// given.
pub fn go_named(
    run: &Rc<Run>,
    func: u32,
    env: Option<Rc<Closure>>,
    args: Vec<Value>,
    created: Option<(u32, u32)>,
    name: Option<&'static str>,
) {
    let (mut label, s) = go_start(run, func, env, args, created);
    if name.is_some() {
        label.name = name;
    }
    rt::go_label(label, start, (Started::Here(s),));
}

/// A goroutine running function `func` (with closure `env`), made by the function and line
/// `created`, and its label.
pub fn go_start(
    run: &Rc<Run>,
    func: u32,
    env: Option<Rc<Closure>>,
    args: Vec<Value>,
    created: Option<(u32, u32)>,
) -> (rt::Label, GoStart) {
    let label = run.prog.funcs[func as usize]
        .label
        .unwrap_or_else(|| rt::Label::go(&run.prog.funcs[func as usize].name));
    let s = GoStart {
        func,
        args,
        created,
        env,
        run: run.clone(),
    };
    (label, s)
}

/// Where goroutine `id` is in the program's source (see [`rt::Locate`]): its innermost frame
/// in the program's file, and the function of the `go` statement that started it.
pub fn locate(run: &Run, task: &dyn Any) -> Option<rt::SourcePlace> {
    let g = task.downcast_ref::<GoTask>()?.g.as_ref()?;
    let prog: &Program = &run.prog;
    let frames = g.died_in.clone().unwrap_or_else(|| g.frame_lines());
    let line = frames
        .into_iter()
        .find(|&(func, _)| (func as usize) < prog.funcs.len() && prog.in_program_file(func))
        .map_or(0, |(_, line)| line);
    let created_by = g.created.map(|created| creator(prog, created).0);
    // Go's runtime.main wires main to its thread while the packages initialise, and a
    // deferred call unwires it before a panic's report.
    let initialising = g.died_in.is_none()
        && g.frames.first().is_some_and(|f| f.func == prog.entry)
        && (g.frames.get(1)).is_some_and(|f| &*prog.funcs[f.func as usize].name != "main.main");
    Some(rt::SourcePlace {
        line,
        created_by,
        locked_to_thread: g.thread_locks > 0 || initialising,
    })
}

/// Go 1.19's frames (function, file and line under `GOROOT/src`) of the natives a goroutine
/// waits in (by their names in the bindings), innermost first, shown above the frame that
/// called them. Go prints their
/// arguments, which are addresses, as values; a traceback here prints `...` for them.
const NATIVE_FRAMES: &[(&str, &[(&str, &str)])] = &[
    (
        "sync.WaitGroup.Wait",
        &[
            ("sync.runtime_Semacquire", "runtime/sema.go:62"),
            ("sync.(*WaitGroup).Wait", "sync/waitgroup.go:139"),
        ],
    ),
    (
        "sync.Mutex.Lock",
        &[
            ("sync.runtime_SemacquireMutex", "runtime/sema.go:77"),
            ("sync.(*Mutex).lockSlow", "sync/mutex.go:171"),
            ("sync.(*Mutex).Lock", "sync/mutex.go:90"),
        ],
    ),
    (
        "sync.Mutex.Unlock",
        &[
            ("sync.fatal", "runtime/panic.go:1031"),
            ("sync.(*Mutex).unlockSlow", "sync/mutex.go:229"),
            ("sync.(*Mutex).Unlock", "sync/mutex.go:223"),
        ],
    ),
    // Called by the library's Go code (an RWMutex's unlock of an unlocked one).
    ("sync.fatal", &[("sync.fatal", "runtime/panic.go:1031")]),
    (
        "sync.Mutex.semacquire",
        &[("sync.runtime_SemacquireMutex", "runtime/sema.go:77")],
    ),
    (
        "sync.Cond.wait",
        &[("sync.runtime_notifyListWait", "runtime/sema.go:517")],
    ),
];

/// Library functions a native stands for, whose frames Go's traceback shows: (name, file,
/// line); the one at index `k` is the frame `LIBRARY_FRAME - k`. A negative WaitGroup counter
/// is raised in Add, which Done calls; an AfterFunc's function runs in a goroutine that
/// `time.goFunc` starts; a reused WaitGroup is found in Wait, once woken.
const LIBRARY_FRAMES: &[(&str, &str, u32)] = &[
    ("sync.(*WaitGroup).Add", "sync/waitgroup.go", 83),
    ("sync.(*WaitGroup).Done", "sync/waitgroup.go", 108),
    ("time.goFunc", "time/sleep.go", 176),
    ("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 141),
];
const LIBRARY_FRAME: u32 = u32::MAX - 16;
/// The `created` of an AfterFunc's goroutine.
pub const CREATED_BY_TIME_GOFUNC: (u32, u32) = (LIBRARY_FRAME - 2, 0);

/// The library frames (innermost first) above the caller of the native named `native` when it
/// raised `value`.
pub fn library_frames(native: &str, value: &Value) -> &'static [u32] {
    const ADD: &[u32] = &[LIBRARY_FRAME];
    const DONE: &[u32] = &[LIBRARY_FRAME, LIBRARY_FRAME - 1];
    const WAIT: &[u32] = &[LIBRARY_FRAME - 3];
    let is =
        |message: &str| matches!(value, Value::Iface(i) if i.val.as_bytes() == message.as_bytes());
    match native {
        "sync.WaitGroup.Add" if is(rt::NEGATIVE_WAITGROUP) => ADD,
        "sync.WaitGroup.Done" if is(rt::NEGATIVE_WAITGROUP) => DONE,
        "sync.WaitGroup.Wait" if is(rt::REUSED_WAITGROUP) => WAIT,
        _ => &[],
    }
}

/// The library frame `func`, if it is one: its name, file and line.
fn library_frame(func: u32) -> Option<(&'static str, String, u32)> {
    let k = LIBRARY_FRAME.checked_sub(func)?;
    let &(name, file, line) = LIBRARY_FRAMES.get(k as usize)?;
    Some((name, go_src(file), line))
}

/// In a program counter's frames (`runtime.Callers`), Go's `runtime.goexit`: every
/// goroutine's outermost frame.
pub const GOEXIT_FRAME: u32 = u32::MAX - 1;

/// The program counters `runtime.Callers` gives start here (where a Go binary's code starts);
/// a counter is `PC_BASE + func << PC_LINE_BITS + line`, so that it names its function and its
/// line (`runtime.FuncForPC`, `runtime.CallersFrames`).
const PC_BASE: u64 = 0x40_0000;
const PC_LINE_BITS: u32 = 20;

/// The program counter of frame `(func, line)` of [`Gor::frame_lines`].
pub fn frame_pc(func: u32, line: u32) -> u64 {
    PC_BASE + ((func as u64) << PC_LINE_BITS) + (line as u64).min((1 << PC_LINE_BITS) - 1)
}

/// The frame program counter `pc` names: its function's name, its file and line, and its
/// function's entry (`runtime.FuncForPC`); none for a counter no frame gave.
pub fn pc_frame(prog: &Program, pc: u64) -> Option<(String, String, u32, u64)> {
    let rel = pc.checked_sub(PC_BASE)?;
    let func = u32::try_from(rel >> PC_LINE_BITS).ok()?;
    let line = (rel & ((1 << PC_LINE_BITS) - 1)) as u32;
    let (name, file, line) = match func {
        PANIC_FRAME => (
            "runtime.gopanic".into(),
            runtime_file("panic.go"),
            PANIC_LINE,
        ),
        GOEXIT_CALL_FRAME => (
            "runtime.Goexit".into(),
            runtime_file("panic.go"),
            GOEXIT_LINE,
        ),
        GOEXIT_FRAME => ("runtime.goexit".into(), runtime_file("asm_amd64.s"), 1594),
        _ => match library_frame(func) {
            Some((name, file, line)) => (name.into(), file, line),
            None => {
                let f = prog.funcs.get(func as usize)?;
                if &*f.name == "runtime.main" {
                    // The program's entry, where Go's runtime calls main.main.
                    ("runtime.main".into(), runtime_file("proc.go"), 250)
                } else {
                    (f.name.to_string(), file_of(prog, func), line)
                }
            }
        },
    };
    Some((name, file, line, frame_pc(func, 0)))
}

/// The lines of Go 1.19's runtime/panic.go where `panic` and `runtime.Goexit` call a
/// deferred function.
const PANIC_LINE: u32 = 884;
const GOEXIT_LINE: u32 = 522;

fn runtime_file(name: &str) -> String {
    go_src(&format!("runtime/{name}"))
}

/// A file of Go's source tree (`sync/waitgroup.go`) as tracebacks print it.
fn go_src(path: &str) -> String {
    format!("/usr/local/go/src/{path}")
}

/// The function a `created by` line names for the `go` statement at `created`, and its file
/// and line.
fn creator(prog: &Program, (func, line): (u32, u32)) -> (String, String) {
    match library_frame(func) {
        Some((name, file, line)) => (name.to_string(), format!("{file}:{line}")),
        None => (
            prog.funcs[func as usize].name.to_string(),
            format!("{}:{line}", file_of(prog, func)),
        ),
    }
}

/// The file of function `func` as tracebacks print it.
fn file_of(prog: &Program, func: u32) -> String {
    let f = &prog.funcs[func as usize];
    if f.file.is_empty() {
        format!("./{}", prog.file_name)
    } else {
        f.file.to_string()
    }
}

/// Go prints at most this many frames of a goroutine's stack (a deep recursion's report stays
/// short), then `...additional frames elided...`.
pub const MAX_TRACEBACK_FRAMES: usize = 100;

/// Where a goroutine on an executor was when it asked the hub an operation and went on
/// without its answer (see [`rt::real::next_op_from`]): its frames, innermost first, and
/// where it was created. The hub's report shows it if the operation fails there.
#[derive(Serialize, Deserialize)]
pub struct Site {
    frames: Vec<(u32, u32)>,
    created: Option<(u32, u32)>,
}

impl Site {
    /// Where `g` is now.
    pub fn of(g: &Gor) -> Site {
        Site {
            frames: g.frame_lines(),
            created: g.created,
        }
    }
}

/// The frames of the goroutine whose future is `task` as Go's traceback prints them (see
/// [`rt::Traceback`]), or those of a [`Site`] it is given (encoded, as it arrived); `None`
/// for anything else.
pub fn traceback(run: &Run, task: &dyn Any) -> Option<Vec<String>> {
    if let Some(task) = task.downcast_ref::<GoTask>() {
        return Some(traceback_of(run, task.g.as_ref()?));
    }
    let site: Site = task.downcast_ref::<rt::real::Data>()?.clone().read().ok()?;
    Some(format_frames(&run.prog, None, site.frames, site.created))
}

/// The frames of goroutine `g` as Go's traceback prints them.
pub fn traceback_of(run: &Run, g: &Gor) -> Vec<String> {
    let frames = g.died_in.clone().unwrap_or_else(|| g.frame_lines());
    // A goroutine waiting in a native shows Go's frames of it first.
    let native = g.died_in.is_none().then(|| g.waiting_native()).flatten();
    format_frames(&run.prog, native, frames, g.created)
}

/// `frames` (innermost first) of a goroutine created at `created`, waiting in the native
/// named `native`, as Go's traceback prints them.
fn format_frames(
    prog: &Program,
    native: Option<&str>,
    frames: Vec<(u32, u32)>,
    created: Option<(u32, u32)>,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut shown = 0;
    if let Some((_, above)) = native.and_then(|name| NATIVE_FRAMES.iter().find(|(n, _)| *n == name))
    {
        for (func, at) in *above {
            lines.push(format!("{func}(...)"));
            lines.push(format!("\t{}", go_src(at)));
            shown += 1;
        }
    }
    for (func, line) in frames {
        let f = prog.funcs.get(func as usize);
        if f.is_some_and(|f| f.name.starts_with("runtime.")) {
            // The program's entry, which Go's tracebacks do not show either.
            continue;
        }
        if func == PANIC_FRAME && shown == 0 {
            // Go's traceback shows `panic` only below a frame it has shown: not under a
            // deferred builtin's call, whose frames are the runtime's.
            continue;
        }
        if shown == MAX_TRACEBACK_FRAMES {
            lines.push("...additional frames elided...".to_string());
            break;
        }
        shown += 1;
        if let Some((name, file, line)) = library_frame(func) {
            lines.push(format!("{name}(...)"));
            lines.push(format!("\t{file}:{line}"));
            continue;
        }
        let Some(f) = f else {
            let (call, line) = if func == GOEXIT_CALL_FRAME {
                ("runtime.Goexit()", GOEXIT_LINE)
            } else {
                ("panic({...})", PANIC_LINE)
            };
            lines.push(call.to_string());
            lines.push(format!("\t{}:{line}", runtime_file("panic.go")));
            continue;
        };
        let args = if f.nparams > 0 { "..." } else { "" };
        lines.push(format!("{}({args})", f.name));
        lines.push(format!("\t{}:{line}", file_of(prog, func)));
    }
    if let Some(created) = created {
        let (name, at) = creator(prog, created);
        lines.push(format!("created by {name}"));
        lines.push(format!("\t{at}"));
    }
    lines
}
