//! What a goroutine asks of its run besides objects: Go's `panic`, `os.Exit`, `fmt.Print`,
//! its own id, randomness, and `runtime.GOMAXPROCS`.

use std::cell::Cell;
use std::fmt::Display;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::current::{with_core, with_shared};
use super::goroutine::GoId;
use super::report::{Outcome, Stream};

/// A future that never completes: what an operation that panicked returns, so the code after
/// it never runs (the run ends before the goroutine is polled again).
pub(crate) struct Never;

impl Future for Never {
    type Output = std::convert::Infallible;
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        Poll::Pending
    }
}

/// Go's `panic(message)`: ends the run with `panic: <message>` and exit status 2.
pub fn go_panic(message: impl Into<String>) -> impl Future<Output = std::convert::Infallible> {
    let message = message.into();
    with_core(|c| c.sched.go_panic(message));
    Never
}

/// [`go_panic`] from a goroutine that knows its own frames, as Go's report prints them under
/// `goroutine N [running]:`. On one of real mode's executors they travel with the panic, as
/// the hub that writes the report holds only the goroutine's proxy; elsewhere the report reads
/// them from the goroutine (see [`super::Traceback`]).
pub fn go_panic_with_frames(
    message: impl Into<String>,
    frames: Vec<String>,
) -> impl Future<Output = std::convert::Infallible> {
    let message = message.into();
    with_core(|c| c.sched.go_panic_with_frames(message, frames));
    Never
}

thread_local! {
    /// Whether a panic a runtime operation raised may be waiting to be taken: set whenever
    /// the scheduler keeps one ([`Sched::go_panic`](super::sched::Sched::go_panic)), cleared
    /// when [`take_panic`] looks. The interpreter asks after every operation that waits,
    /// almost always for nothing, and only then reaches the run. A panic the run ends with
    /// instead leaves it set: the next look finds nothing.
    pub(crate) static PANIC_KEPT: Cell<bool> = const { Cell::new(false) };
}

/// The panic a runtime operation raised in the running goroutine, if any: taking it keeps the
/// run going, and the goroutine unwinds its own frames (an interpreted program's `recover`).
pub fn take_panic() -> Option<String> {
    if !PANIC_KEPT.replace(false) {
        return None;
    }
    with_core(|c| c.sched.pending_panic.take())
}

/// `wg.Add` below zero: sync's panic.
pub const NEGATIVE_WAITGROUP: &str = "sync: negative WaitGroup counter";
/// A waiter woken by a WaitGroup's counter reaching zero finds it in use again: sync's panic.
pub const REUSED_WAITGROUP: &str = "sync: WaitGroup is reused before previous Wait has returned";
/// A semaphore released more than it holds: x/sync's panic.
pub const SEMAPHORE_OVER_RELEASED: &str = "semaphore: released more than held";

/// Whether the runtime's panic `message` is one that Go's packages raise rather than its
/// runtime: its value is then a string, not a `runtime.Error`.
pub fn is_package_panic(message: &str) -> bool {
    [
        NEGATIVE_WAITGROUP,
        REUSED_WAITGROUP,
        SEMAPHORE_OVER_RELEASED,
    ]
    .contains(&message)
}

/// Go's `os.Exit(code)`: ends the run at once with exit status `code`; deferred calls do not
/// run. On a real-mode executor the hub ends it, after what the goroutine printed before.
pub fn os_exit(code: i32) -> impl Future<Output = std::convert::Infallible> {
    with_core(|c| {
        if c.sched
            .forward(|| super::goroutine::GoroutineOp::OsExit { code })
        {
            c.sched.park(super::goroutine::WaitReason::Hub, 0);
            return;
        }
        c.sched.ending.get_or_insert(Outcome::OsExit { code });
    });
    Never
}

/// The running goroutine ends through Go's `runtime.Goexit`, its deferred calls run: when it
/// is main, the program goes on without it, until no goroutine is left (Go's fatal error
/// then).
pub fn goexited() {
    with_core(|c| {
        if c.sched.current_id() == 1 {
            c.sched.main_goexited = true;
        }
    });
}

/// The running goroutine gives up the wait its last operation parked it in, and runs on: that
/// operation's wake-ups find it gone (a mutex unlocked later passes to another waiter). For
/// an operation that may not wait where it was asked (a String method that fmt calls, when
/// its mutex is held), polled once and then dropped. Sim mode's and the hub's goroutines
/// only: an executor's operation pending at the hub is not given up so.
pub fn give_up_wait() {
    with_core(|c| c.sched.unpark());
}

/// The Go id of the running goroutine (`goroutine 7`), 0 outside a goroutine. On an executor
/// of a real-mode run, the id the hub gave it.
pub fn goid() -> GoId {
    with_core(|c| c.sched.goid())
}

/// For Go's `runtime.Stack(buf, true)`: the stanza of every goroutine alive but the running
/// one (`goroutine N [state]:`, then its frames), by id; none in real mode, whose goroutines
/// are spread over workers.
pub fn other_goroutines() -> Vec<Vec<String>> {
    with_shared(|shared| {
        let core = shared.core.borrow();
        let tasks = shared.tasks.borrow();
        let task = |slot: super::goroutine::Slot| tasks.get(slot as usize)?.as_ref();
        core.sched.other_stanzas(&task)
    })
}

/// Go's `fmt.Println`: prints `line` and a newline.
pub fn println(line: impl Display) {
    with_core(|c| c.sched.write(&format!("{line}\n")));
}

/// Go's `fmt.Print`: prints `text`; output lines end at newlines.
pub fn print(text: impl Display) {
    with_core(|c| c.sched.write(&text.to_string()));
}

/// A seeded random number in `0..n` (Go's `rand.Intn`). Precondition: `n > 0`.
pub fn rand_below(n: u64) -> u64 {
    with_core(|c| c.sched.rng.below(n))
}

/// Go's `runtime.GOMAXPROCS(0)`: the processors goroutines run on (virtual in sim mode).
pub fn gomaxprocs() -> usize {
    with_core(|c| c.procs.count())
}

/// Go's `print`/`println` builtins, and the runtime's own messages: prints `text` on stderr.
pub fn eprint(text: impl Display) {
    with_core(|c| c.sched.write_to(Stream::Stderr, &text.to_string()));
}

/// Ends the run with Go's `fatal error: <message>` (exit status 2; nothing recovers it).
pub fn fatal(message: impl Into<String>) -> impl Future<Output = std::convert::Infallible> {
    end_fatally(message);
    Never
}

/// Ends the run as [`fatal`] does, from code that is no goroutine's body (a task's `poll`, the
/// hub's side of a program's memory); the caller returns at once.
pub fn end_fatally(message: impl Into<String>) {
    let message = message.into();
    with_core(|c| c.sched.fatal(message));
}

/// Go's `runtime.NumCPU()`: the processors the run was given (GOMAXPROCS does not change it).
pub fn num_cpu() -> usize {
    with_core(|c| c.procs.given())
}
