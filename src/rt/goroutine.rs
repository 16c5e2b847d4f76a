//! Goroutines: their records, states, names, and `go`.
//!
//! A goroutine is a future plus a record in the scheduler's slab. Records are reused once a
//! goroutine is done, so memory follows the live goroutines, not all that ever ran; Go ids
//! (`GoId`) are never reused. main is goroutine 1.
//!
//! # States
//! `Runnable` (in the run queue) → `Running` (being polled) → `Blocked(reason)` (parked on an
//! object, waiting for another goroutine, a timer, or a virtual processor) → `Runnable` …
//! → `Done`. A parked goroutine is woken at most once per park: every park gets a fresh
//! sequence number, and a wake names it (see [`WaitKey`]).
//!
//! # Invariants
//! - A goroutine is in the run queue exactly when its status is `Runnable`.
//! - `park != 0` exactly when the status is `Blocked`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::{Deserialize, Serialize};

use super::builtin::go_panic_with_frames;
use super::current::with_core;
use super::real::{refuse, Data, HubOp, Proxy, Spawn};
use super::report::Stream;
use super::seam::{self, Query, Routed};
use super::Value;

/// A goroutine's Go id (`goroutine 7 [chan send]:`).
pub type GoId = u32;

/// Index of a goroutine record in the scheduler's slab.
pub(crate) type Slot = u32;

/// Why a goroutine is blocked, in enough detail for the timeline; [`WaitReason::go_name`] gives
/// Go's wording for reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum WaitReason {
    ChanSend,
    ChanRecv,
    ChanSendNil,
    ChanRecvNil,
    Select,
    SelectNoCases,
    Sleep,
    WaitGroup,
    Mutex,
    Once,
    /// Waiting for, or running on, a virtual processor inside `cpu_work`.
    CpuWork,
    /// Real mode, on an executor: waiting for the hub to perform an operation.
    Hub,
    /// Real mode, on the hub: a proxy whose goroutine runs on executor `blocked_on`.
    Executor,
    /// `sync.Cond.Wait`, waiting for a signal or a broadcast.
    CondWait,
}

impl WaitReason {
    /// The state Go prints in `goroutine N [state]:`.
    pub fn go_name(self) -> &'static str {
        match self {
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanRecv => "chan receive",
            WaitReason::ChanSendNil => "chan send (nil chan)",
            WaitReason::ChanRecvNil => "chan receive (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Sleep => "sleep",
            WaitReason::CondWait => "sync.Cond.Wait",
            WaitReason::WaitGroup | WaitReason::Mutex | WaitReason::Once => "semacquire",
            // In Go's terms the goroutine runs: on a processor, or on another worker (whose
            // operation, once asked, the hub's proxy reports in its own state).
            WaitReason::CpuWork | WaitReason::Hub | WaitReason::Executor => "running",
        }
    }

    pub(crate) const ALL: [WaitReason; 14] = [
        WaitReason::ChanSend,
        WaitReason::ChanRecv,
        WaitReason::ChanSendNil,
        WaitReason::ChanRecvNil,
        WaitReason::Select,
        WaitReason::SelectNoCases,
        WaitReason::Sleep,
        WaitReason::WaitGroup,
        WaitReason::Mutex,
        WaitReason::Once,
        WaitReason::CpuWork,
        WaitReason::Hub,
        WaitReason::Executor,
        WaitReason::CondWait,
    ];
}

/// A goroutine's scheduling state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Runnable,
    Running,
    Blocked(WaitReason),
    Done,
}

impl Status {
    /// A compact code for the trace: 0 runnable, 1 running, 2 done, 3.. blocked reasons.
    pub(crate) fn code(self) -> u32 {
        match self {
            Status::Runnable => 0,
            Status::Running => 1,
            Status::Done => 2,
            Status::Blocked(r) => 3 + r as u32,
        }
    }

    pub fn from_code(code: u32) -> Option<Status> {
        match code {
            0 => Some(Status::Runnable),
            1 => Some(Status::Running),
            2 => Some(Status::Done),
            n => WaitReason::ALL
                .get(n as usize - 3)
                .map(|r| Status::Blocked(*r)),
        }
    }
}

/// How a program names a goroutine: the function it runs and, for goroutines started in a
/// loop, an index (`worker 3`).
///
/// `func` is either a Rust path (`chanlab::patterns::worker_pool::worker`, a Rust program's
/// function, turned into Go's form for reports) or already Go's name of the function
/// (`main.worker`, `main.main.func1`: an interpreted program's, see [`Label::go`]), which is
/// shown as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    /// The Rust path of the function, a short name given by the program, or Go's name.
    pub func: &'static str,
    /// The name the program gives the goroutine, when not the function's own.
    pub name: Option<&'static str>,
    pub index: Option<u32>,
}

impl Label {
    /// The label of a goroutine running the Go function Go calls `func` (`main.worker`).
    pub fn go(func: &str) -> Label {
        Label {
            func: intern(func),
            name: None,
            index: None,
        }
    }

    /// Whether `func` is Go's own name of the function: it is qualified by its package with a
    /// dot, which a Rust path never is.
    fn is_go_name(&self) -> bool {
        self.func.contains('.') && !self.func.contains("::")
    }

    /// The function's own name, without its module path (`worker`); a Go name without its
    /// import path's directories (`errgroup.(*Group).Go.func1` for Go's
    /// `golang.org/x/sync/errgroup.(*Group).Go.func1`), as the timeline shows it.
    pub fn short(&self) -> &'static str {
        if self.is_go_name() {
            return self.func.rsplit('/').next().unwrap_or(self.func);
        }
        let path = self.func.trim_end_matches("::{{closure}}");
        path.rsplit("::").next().unwrap_or(path)
    }

    /// The name shown on the timeline (`worker 3`).
    pub fn display(&self) -> String {
        let name = self.name.unwrap_or_else(|| self.short());
        match self.index {
            Some(i) => format!("{name} {i}"),
            None => name.to_string(),
        }
    }

    /// The function as Go names it in a stack trace (`main.worker`, `main.startWorker`,
    /// `main.leak.func1` for a closure).
    pub fn go_func(&self) -> String {
        if self.is_go_name() {
            return self.func.to_string();
        }
        let closure = self.func.ends_with("{{closure}}");
        let name = camel_case(self.short());
        if closure {
            format!("main.{name}.func1")
        } else {
            format!("main.{name}")
        }
    }
}

thread_local! {
    /// Names given to [`intern`], each stored once per thread.
    static NAMES: std::cell::RefCell<std::collections::HashSet<&'static str>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// `name` as a string that lives as long as the thread: labels are `Copy` and the trace keeps
/// them, so a name computed at run time (an interpreted program's function) is stored once
/// per distinct name, however many runs use it.
pub fn intern(name: &str) -> &'static str {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(&kept) = names.get(name) {
            return kept;
        }
        let kept: &'static str = Box::leak(name.to_string().into_boxed_str());
        names.insert(kept);
        kept
    })
}

/// `start_worker` → `startWorker`.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// What a goroutine parked on, so that exactly one party wakes it: the goroutine's slot, the
/// sequence number of this park, and which case of a select the waiter stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WaitKey {
    pub slot: Slot,
    pub case: u32,
    pub seq: u64,
}

/// What the party that woke a goroutine tells it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Wake {
    /// The select case that fired (0 for a plain operation).
    pub case: u32,
    /// The channel was closed (receive gets the zero value; send panics).
    pub closed: bool,
}

/// A goroutine's record (32 bytes: a million parked goroutines are a benchmark). Its name
/// and creator are in the trace's goroutine table, by id.
pub(crate) struct G {
    pub id: GoId,
    pub status: Status,
    /// The sequence number of the current park; 0 when not parked.
    pub park: u64,
    /// Set by the waker, read by the operation that parked.
    pub wake: Wake,
    /// The object blocked on (a channel id), for reports.
    pub blocked_on: u32,
}

/// `go f(args)`: starts a goroutine running `f(args)`. It is named after `f`. The new goroutine
/// does not run before its parent blocks or yields.
///
/// `f` is a function (or a closure capturing nothing) and `args` a tuple of its arguments:
/// `go(worker, (id, jobs, results))`. Keeping the function and its arguments apart is what lets
/// a goroutine start on another worker in parallel mode.
pub fn go<F, A>(f: F, args: A) -> GoId
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    go_labelled(None, None, f, args)
}

/// Like [`go`], naming the goroutine `name index` on the timeline (`worker 3`).
pub fn go_named<F, A>(name: &'static str, index: u32, f: F, args: A) -> GoId
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    go_labelled(Some(name), Some(index), f, args)
}

/// Like [`go`], naming the goroutine `name` on the timeline (a Go closure's role, such as
/// `closer` or `generate`).
pub fn go_as<F, A>(name: &'static str, f: F, args: A) -> GoId
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    go_labelled(Some(name), None, f, args)
}

/// Starts `f(args)` with its label: the function's name, and the program's name and index.
pub(crate) fn go_labelled<F, A>(
    name: Option<&'static str>,
    index: Option<u32>,
    f: F,
    args: A,
) -> GoId
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    let label = Label {
        func: std::any::type_name::<F>(),
        name,
        index,
    };
    go_label(label, f, args)
}

/// Starts `f(args)` named by `label`: here, or, on an executor of a real-mode run, wherever
/// the hub places it (the id is then the hub's to give: 0 here).
pub fn go_label<F, A>(label: Label, f: F, args: A) -> GoId
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    seam::go(label, f, args)
}

/// Go's `runtime.Gosched()`: lets other runnable goroutines run first.
pub fn gosched() -> Yield {
    Yield::default()
}

/// The future of [`gosched`]: pending once, after queueing itself.
#[derive(Default)]
#[must_use = "gosched does nothing unless awaited"]
pub struct Yield {
    yielded: bool,
}

impl Future for Yield {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        with_core(|c| c.sched.yield_now());
        Poll::Pending
    }
}

/// Go's `runtime.NumGoroutine()`: goroutines that exist now, main included.
pub fn num_goroutine() -> Routed<Query<usize>> {
    seam::query(|| GoroutineOp::NumGoroutine, |c| c.sched.live)
}

/// Go's `runtime.GOMAXPROCS(n)`: the count of processors before; `n > 0` sets it. In sim
/// mode `n` virtual processors run CPU work from now on; in real mode goroutines started from
/// now on are placed on the first `n` workers (the hub first), and those running go on where
/// they are.
pub fn set_gomaxprocs(n: usize) -> Routed<Query<usize>> {
    seam::query(
        || GoroutineOp::MaxProcs { n: n as u32 },
        move |c| c.set_max_procs(n),
    )
}

/// Starts capturing what the program prints on stdout (`on`), or stops and gives what was
/// captured, as Go's testing captures an example's output by swapping `os.Stdout` for a
/// pipe. In real mode the hub captures, in the order it performs the goroutines' prints.
pub fn capture_stdout(on: bool) -> Routed<Query<String>> {
    seam::query(
        move || GoroutineOp::CaptureStdout { on },
        move |c| c.sched.capture(on),
    )
}

/// A goroutine's own operations, as an executor asks them of the hub: they act on the run
/// (its goroutines, its output, its end) rather than on an object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GoroutineOp {
    /// `go f(args)`: the hub places the goroutine on an executor.
    Go(Spawn),
    /// The goroutine returned.
    Exit,
    Print {
        text: String,
        /// Printed on stderr (Go's `print` builtins), else stdout.
        #[serde(default)]
        stderr: bool,
    },
    Panic {
        message: String,
        /// The goroutine's frames for the report (empty: the runtime's default stanza).
        #[serde(default)]
        frames: Vec<String>,
    },
    Fatal {
        message: String,
    },
    /// `os.Exit(code)` on an executor: the hub ends the run.
    OsExit {
        code: i32,
    },
    NumGoroutine,
    /// An executor's answer to [`ToExecutor::Traceback`](super::real::ToExecutor): the
    /// frames of its goroutines, by Go id. The hub keeps them for the deadlock's report as
    /// they arrive; no proxy performs it.
    Frames(Vec<(GoId, Vec<String>)>),
    /// `runtime.GOMAXPROCS(n)` (see [`set_gomaxprocs`]).
    MaxProcs {
        n: u32,
    },
    /// `capture_stdout(on)`.
    CaptureStdout {
        on: bool,
    },
}

impl HubOp for GoroutineOp {
    async fn exec(self, _: Proxy) -> Data {
        match self {
            GoroutineOp::Go(spawn) => super::real::go(spawn),
            GoroutineOp::Exit => Data::none(),
            GoroutineOp::Print { text, stderr } => {
                let stream = if stderr {
                    Stream::Stderr
                } else {
                    Stream::Stdout
                };
                with_core(|c| c.sched.write_to(stream, &text));
                Data::none()
            }
            GoroutineOp::Panic { message, frames } => {
                let never = go_panic_with_frames(message, frames).await;
                match never {}
            }
            GoroutineOp::Fatal { message } => refuse(message).await,
            GoroutineOp::OsExit { code } => {
                let never = super::builtin::os_exit(code).await;
                match never {}
            }
            GoroutineOp::NumGoroutine => Data::of(&num_goroutine().await),
            GoroutineOp::Frames(_) => Data::none(),
            GoroutineOp::MaxProcs { n } => Data::of(&set_gomaxprocs(n as usize).await),
            GoroutineOp::CaptureStdout { on } => Data::of(&capture_stdout(on).await),
        }
    }
}

/// A function called with its arguments as a tuple; implemented for functions of up to six
/// arguments, so `go(f, (a, b))` reads like Go's `go f(a, b)`.
pub trait Call<A> {
    type Fut: Future + 'static;
    fn call(self, args: A) -> Self::Fut;
}

macro_rules! impl_call {
    ($($a:ident),*) => {
        impl<Func, Fut, $($a),*> Call<($($a,)*)> for Func
        where
            Func: FnOnce($($a),*) -> Fut,
            Fut: Future + 'static,
        {
            type Fut = Fut;
            #[allow(non_snake_case)]
            fn call(self, ($($a,)*): ($($a,)*)) -> Fut {
                self($($a),*)
            }
        }
    };
}

impl_call!();
impl_call!(A1);
impl_call!(A1, A2);
impl_call!(A1, A2, A3);
impl_call!(A1, A2, A3, A4);
impl_call!(A1, A2, A3, A4, A5);
impl_call!(A1, A2, A3, A4, A5, A6);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_functions_as_go_does() {
        let l = Label {
            func: "chanlab::patterns::worker_pool::start_worker",
            name: None,
            index: Some(3),
        };
        assert_eq!(l.display(), "start_worker 3");
        assert_eq!(l.go_func(), "main.startWorker");
        let c = Label {
            func: "chanlab::patterns::leak::leak::{{closure}}",
            name: None,
            index: None,
        };
        assert_eq!(c.go_func(), "main.leak.func1");
    }

    #[test]
    fn go_names_are_shown_as_they_are() {
        let l = Label::go("main.main.func1");
        assert_eq!(l.go_func(), "main.main.func1");
        assert_eq!(l.display(), "main.main.func1");
        assert!(std::ptr::eq(l.func, Label::go("main.main.func1").func));
    }

    #[test]
    fn the_timeline_shows_a_go_name_without_its_import_paths_directories() {
        let l = Label::go("golang.org/x/sync/errgroup.(*Group).Go.func1");
        assert_eq!(l.display(), "errgroup.(*Group).Go.func1");
        assert_eq!(l.go_func(), "golang.org/x/sync/errgroup.(*Group).Go.func1");
    }

    #[test]
    fn a_goroutine_record_is_small() {
        // A million parked goroutines must fit in 300 bytes each, trace included.
        assert!(std::mem::size_of::<G>() <= 32);
    }

    #[test]
    fn status_codes_round_trip() {
        for r in WaitReason::ALL {
            let s = Status::Blocked(r);
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::from_code(1), Some(Status::Running));
    }
}
