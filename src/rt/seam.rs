//! The seam between a runtime operation's local code and real mode.
//!
//! A run has one [`Backend`], owned by its scheduler: in sim mode and on real mode's hub every
//! operation runs here, on the run's own objects; on a real-mode executor the objects live on
//! the hub, so an operation is sent there instead (see [`super::real`]). Object files never
//! ask which backend they run on: each operation names, side by side, its local code and the
//! operation the hub is asked (a variant of its object's `…Op` enum, whose hub-side execution
//! sits in the same file), through one of these, by what the caller gets back:
//!
//! - a future, [`Routed<F>`]: `F` is the operation's local future, an [`Operation`] polled
//!   with the run's state; on an executor its first poll asks the hub instead, and the answer
//!   is read by `F` too. Queries (`len(ch)`, `ctx.Err()`) are [`Query`]s, computed when made.
//! - nothing, [`apply`]: the operation answers nothing (`cancel()`, `Ticker.Stop`), so an
//!   executor posts it and goes on;
//! - a new object's handle, [`create`]: ids are allocated here, unique across the run's
//!   workers, so an executor posts the creation and goes on.
//!
//! The scheduler's own operations (printing, panicking, a goroutine's end) use the primitive
//! beneath these, `Sched::forward`, and `go` uses [`go`].
//!
//! Deciding at the operation's first poll, with the run's state already borrowed, is what
//! lets sim mode pay nothing for real mode: no lookup besides the backend's tag.
//!
//! # Invariants
//! - A `Routed` operation is either polled here (`poll_here`) or asked of the hub (`to_hub`
//!   once, then `answer` once), never both.
//! - On an executor no object table is touched: the objects are the hub's, and an id the
//!   executor allocates is created there, in the order its goroutine asked.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;

use super::current::{spawn_with, with_core, Placed};
use super::goroutine::{Call, GoId, GoroutineOp, Label};
use super::real::{self, Data, Hub, Link, Name, Op, Spawn, Start};
use super::run::{Core, Role};
use super::sched::Sched;
use super::Value;

/// Where a run's objects live and its goroutines run.
pub(crate) enum Backend {
    /// Sim mode: one executor, the virtual clock.
    Sim,
    /// Real mode's hub: every object of the run, and a proxy for each goroutine.
    Hub(Box<Hub>),
    /// Real mode's executor: goroutines, whose operations go to the hub.
    Executor(Box<Link>),
}

impl Backend {
    pub fn new(role: Role, procs: u32) -> Backend {
        match role {
            Role::Sim => Backend::Sim,
            Role::Hub { epoch_ns } => Backend::Hub(Box::new(Hub::new(procs, epoch_ns))),
            Role::Executor { worker, epoch_ns } => {
                Backend::Executor(Box::new(Link::new(worker, epoch_ns)))
            }
        }
    }

    /// Real mode: the wall-clock time ([`super::wall_ns`]) the run's clock counts from.
    #[inline]
    pub fn epoch_ns(&self) -> Option<u64> {
        match self {
            Backend::Sim => None,
            Backend::Hub(hub) => Some(hub.epoch_ns),
            Backend::Executor(link) => Some(link.epoch_ns),
        }
    }

    /// Real mode: the run's epoch ([`Self::epoch_ns`]) and how many scheduler steps go
    /// between two reads of the wall clock: few on a hub that goroutines on executors wait
    /// for ([`Hub::awaited`](super::real::Hub)), whose turn must end on time.
    #[inline]
    pub fn wall_clock(&self) -> Option<(u64, u64)> {
        /// Steps between two reads of the wall clock otherwise.
        const CLOCK_STEPS: u64 = 8;
        /// On a hub that executors wait for: a step of the hub's own goroutines may be a
        /// microsecond, and a read of the clock (`performance.now()`) costs a tenth of one.
        const AWAITED_STEPS: u64 = 2;
        match self {
            Backend::Sim => None,
            Backend::Hub(hub) if hub.awaited() => Some((hub.epoch_ns, AWAITED_STEPS)),
            Backend::Hub(hub) => Some((hub.epoch_ns, CLOCK_STEPS)),
            Backend::Executor(link) => Some((link.epoch_ns, CLOCK_STEPS)),
        }
    }

    /// Real mode: how long a goroutine may compute before it yields, if less than its
    /// preemption quantum: on a hub whose messages to executors wait for its turn to end,
    /// [`HUB_TURN_NS`](super::real::HUB_TURN_NS).
    #[inline]
    pub fn compute_slice_ns(&self) -> Option<u64> {
        match self {
            Backend::Hub(hub) if hub.messages_wait() => Some(super::real::HUB_TURN_NS),
            _ => None,
        }
    }

    /// Real mode: the worker's turn begins now (its end is [`Backend::turn_over`]'s to say).
    pub fn begin_turn(&mut self) {
        let Some(epoch) = self.epoch_ns() else {
            return;
        };
        let now = super::clock::wall_ns().saturating_sub(epoch);
        match self {
            Backend::Hub(hub) => hub.begin_turn(now),
            Backend::Executor(link) => link.begin_turn(now),
            Backend::Sim => {}
        }
    }

    /// Real mode: the worker's turn is over at `now` (the run's clock) before the host's
    /// deadline: a hub's turn ends early for its executors ([`Hub::turn_over`]), an executor's
    /// for its goroutines that wait for answers ([`Link::turn_over`]).
    #[inline]
    pub fn turn_over(&self, now: u64) -> bool {
        match self {
            Backend::Hub(hub) => hub.turn_over(now),
            Backend::Executor(link) => link.turn_over(now),
            Backend::Sim => false,
        }
    }

    pub fn hub(&mut self) -> Option<&mut Hub> {
        match self {
            Backend::Hub(hub) => Some(hub),
            _ => None,
        }
    }

    pub fn link(&mut self) -> Option<&mut Link> {
        match self {
            Backend::Executor(link) => Some(link),
            _ => None,
        }
    }
}

mod sealed {
    use super::*;

    /// The local half of a runtime operation that an executor asks of the hub.
    pub trait Operation: Unpin {
        type Output;
        /// Polls the operation here (sim mode, and on the hub), with the run's state.
        fn poll_here(&mut self, c: &mut Core) -> Poll<Self::Output>;
        /// The operation as the hub is asked it, on an executor (at most once, before any
        /// `poll_here`).
        fn to_hub(&mut self) -> Op;
        /// The hub's answer, read; an operation that answers nothing reads [`Data::none`].
        fn answer(&mut self, c: &mut Core, answer: Data) -> Result<Self::Output, String>;
    }
}

pub use sealed::Operation;

/// The future of a runtime operation: done here, or asked of the hub (see the module doc).
#[must_use = "a runtime operation does nothing unless awaited"]
pub struct Routed<F> {
    op: F,
    /// On an executor: the hub was asked.
    asked: bool,
}

impl<F: Operation> Routed<F> {
    pub(crate) fn new(op: F) -> Self {
        Routed { op, asked: false }
    }

    /// On an executor: asks the hub, or reads its answer.
    #[cold]
    #[inline(never)]
    fn poll_hub(&mut self, c: &mut Core) -> Poll<F::Output> {
        if !self.asked {
            self.asked = true;
            let op = self.op.to_hub();
            if !real::ask(&mut c.sched, op) {
                return Poll::Pending;
            }
            // Pipelined: it answers nothing, and the goroutine goes on.
            return read(c, &mut self.op, Data::none());
        }
        let answer = real::take_answer(&mut c.sched);
        if let Some(message) = real::take_failure(&mut c.sched) {
            // The operation panicked on the hub: the goroutine raises it here.
            c.sched.keep_panic(message);
            return Poll::Pending;
        }
        read(c, &mut self.op, answer)
    }
}

impl<F: Operation> Future for Routed<F> {
    type Output = F::Output;
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        // Sim mode and the hub: nothing but the backend's tag to look at. The hub's side is
        // reached in a borrow of its own, which keeps this path as lean as the operation's
        // own poll (measured: a select of four cases is 7 ns slower otherwise).
        let here = with_core(|c| {
            if matches!(c.sched.backend, Backend::Executor(_)) {
                return None;
            }
            Some(this.op.poll_here(c))
        });
        match here {
            Some(poll) => poll,
            None => with_core(|c| this.poll_hub(c)),
        }
    }
}

fn read<F: Operation>(c: &mut Core, op: &mut F, answer: Data) -> Poll<F::Output> {
    match op.answer(c, answer) {
        Ok(value) => Poll::Ready(value),
        Err(e) => {
            c.sched
                .fatal(format!("an answer from the hub is not understood: {e}"));
            Poll::Pending
        }
    }
}

/// A value read from a runtime object: computed when asked for, or asked of the hub.
pub struct Query<R> {
    value: Option<R>,
    op: Option<Box<Op>>,
}

impl<R> Unpin for Query<R> {}

impl<R: DeserializeOwned + 'static> Operation for Query<R> {
    type Output = R;
    fn poll_here(&mut self, _: &mut Core) -> Poll<R> {
        Poll::Ready(self.value.take().expect("a query is awaited once"))
    }
    fn to_hub(&mut self) -> Op {
        *self
            .op
            .take()
            .expect("a query made on an executor holds its operation")
    }
    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<R, String> {
        answer.read()
    }
}

/// A value of an object: `here` computes it now, or on an executor the hub is asked `op`.
pub(crate) fn query<O: Into<Op>, R>(
    op: impl FnOnce() -> O,
    here: impl FnOnce(&mut Core) -> R,
) -> Routed<Query<R>> {
    with_core(|c| {
        let query = match c.sched.backend {
            Backend::Executor(_) => Query {
                value: None,
                op: Some(Box::new(op().into())),
            },
            _ => Query {
                value: Some(here(c)),
                op: None,
            },
        };
        Routed {
            op: query,
            asked: false,
        }
    })
}

/// What `here` reads of the run's objects where this thread holds them (sim mode, real
/// mode's hub); `None` on an executor, whose objects live on the hub. For what is shown
/// without waiting (fmt printing a Mutex's state), where a [`query`] would have to wait.
pub(crate) fn peek<R>(here: impl FnOnce(&Core) -> R) -> Option<R> {
    with_core(|c| (!matches!(c.sched.backend, Backend::Executor(_))).then(|| here(c)))
}

/// An operation that answers nothing: `here` does it, or an executor posts `op` to the hub.
pub(crate) fn apply<O: Into<Op>>(op: impl FnOnce() -> O, here: impl FnOnce(&mut Core)) {
    with_core(|c| {
        if !c.sched.forward(op) {
            here(c);
        }
    })
}

/// Creates `N` objects: `here` makes them and returns their ids, or an executor allocates
/// the ids and posts `op(ids)`, for the hub to make them at those ids.
pub(crate) fn create<const N: usize, O: Into<Op>>(
    op: impl FnOnce([u32; N]) -> O,
    here: impl FnOnce(&mut Core) -> [u32; N],
) -> [u32; N] {
    with_core(|c| {
        if !matches!(c.sched.backend, Backend::Executor(_)) {
            return here(c);
        }
        let ids = std::array::from_fn(|_| c.sched.ids.unique());
        c.sched.forward(|| op(ids));
        ids
    })
}

/// `go f(args)` named `label`: a goroutine here; on real mode's hub, on the worker it places
/// it on (here, or an executor, from `f`'s entry and the arguments); on an executor, wherever
/// the hub places it (its id is then the hub's to give: 0 here).
pub(crate) fn go<F, A>(label: Label, f: F, args: A) -> GoId
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = ()>,
    A: Value,
{
    spawn_with(label, |sched: &mut Sched| {
        let (entries, worker) = match &mut sched.backend {
            Backend::Sim => return Placed::Here(Box::pin(f.call(args))),
            Backend::Hub(hub) => match hub.place() {
                0 => return Placed::Here(Box::pin(f.call(args))),
                worker => (&mut hub.entries, Some(worker)),
            },
            Backend::Executor(link) => (&mut link.entries, None),
        };
        let start = Start::Entry {
            entry: entries.entry::<F, A>(),
            args: Data::of(&args),
        };
        match worker {
            Some(worker) => Placed::Remote(worker, start),
            None => {
                let name = Name::of(&label);
                sched.forward(|| GoroutineOp::Go(Spawn { name, start }));
                Placed::Hub
            }
        }
    })
}
