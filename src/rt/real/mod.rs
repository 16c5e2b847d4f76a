//! Real mode: goroutines on several workers, every object on one of them, the hub.
//!
//! A real-mode run is `procs` *workers*, each a [`Runtime`](crate::rt::Runtime) on its own Web
//! Worker (or, in tests, taking turns in one thread: [`run_in_thread`]): worker 0 is the
//! *hub*, the others *executors*. Goroutines run on the workers, placed round-robin as they
//! start (main on the hub, the first goroutine on worker 1); every runtime object (channel,
//! WaitGroup, Mutex, Once, context, timer, semaphore, shared variable) lives on the hub. The
//! hub's own goroutines use them as sim mode does, with no message. An executor's goroutine
//! that operates on one asks the hub an [`Op`] ([`link`]) and parks until the answer comes;
//! on the hub the goroutine's *proxy* performs it with the same runtime code as sim mode
//! ([`hub`]). So Go's semantics hold across workers by construction.
//!
//! Objects are named by ids that mean the same on every worker: worker `w` numbers the
//! objects it creates `n * procs + w`, so ids never collide and need no translation (`Ids` in
//! the scheduler).
//!
//! A goroutine starts on another worker from its function's [`entry`] and its arguments.
//!
//! The hosts that carry the messages ([`ToHub`], [`ToExecutor`]) between workers drive a hub
//! and its executors with [`HubDriver`] and [`ExecutorDriver`], whatever the transport.
//!
//! # Invariants
//! - An id names the same object on every worker of a run; workers never allocate the same.
//! - A goroutine's operations reach its proxy in the order it asked them, and are answered in
//!   that order.
//! - An executor starts only goroutines whose functions it declared or started itself.
//!
//! # Adding an operation
//! An object's operations are one enum in the object's own file (`ChanOp` in `chan/mod.rs`,
//! `SyncOp` in `sync.rs`, …), next to its local code, with the hub's side in its
//! [`HubOp::exec`]. [`Op`] only gathers the objects.

mod driver;
pub mod entry;
mod hub;
mod link;
pub mod memory;
mod wire;

use serde::{Deserialize, Serialize};

use super::builtin::Never;
use super::chan::ChanOp;
use super::context::ContextOp;
use super::cpu::CpuOp;
use super::current::with_core;
use super::goroutine::{GoId, GoroutineOp};
use super::select::SelectOp;
use super::semaphore_impl::SemaphoreOp;
use super::shared::VarOp;
use super::sync::SyncOp;
use super::time::TimeOp;
use memory::MemoryOp;

pub use driver::{run_in_thread, run_in_thread_with};
pub use driver::{ExecutorDriver, Halt, HubDriver, Program};
pub use entry::{Entries, Entry};
pub(crate) use hub::{go, go_from_loop, proxy_task, Hub, HUB_TURN_NS};
pub(crate) use link::{ask, fence, flush, take_answer, take_failure, Link};
pub use link::{next_op_from, next_op_waits};
pub use memory::{HubMemory, SharedMemory};
pub use wire::{decode, encode, Asked, Data, Name, Reply, Spawn, Start, ToExecutor, ToHub};

/// Declares [`Op`], one variant per object, with what the hub does with each.
macro_rules! ops {
    ($($object:ident($op:ty),)*) => {
        /// An operation an executor's goroutine asks of the hub, by object.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub enum Op {
            $($object($op),)*
            /// Answers once the goroutine's earlier operations are done.
            Fence,
        }

        $(impl From<$op> for Op {
            fn from(op: $op) -> Op {
                Op::$object(op)
            }
        })*

        impl Op {
            pub(crate) fn pipelined(&self) -> bool {
                match self {
                    $(Op::$object(op) => op.pipelined(),)*
                    Op::Fence => false,
                }
            }

            pub(crate) async fn exec(self, proxy: Proxy) -> Data {
                match self {
                    $(Op::$object(op) => op.exec(proxy).await,)*
                    Op::Fence => Data::none(),
                }
            }
        }
    };
}

ops!(
    Goroutine(GoroutineOp),
    Cpu(CpuOp),
    Chan(ChanOp),
    Select(SelectOp),
    Sync(SyncOp),
    Time(TimeOp),
    Context(ContextOp),
    Var(VarOp),
    Semaphore(SemaphoreOp),
    Memory(MemoryOp),
);

/// A table by Go id. Go ids are numbered from 1 by the hub as goroutines start, so a vector
/// is the map (a hash of every operation's goroutine cost a tenth of the hub's time).
pub(crate) struct ById<T>(Vec<T>);

impl<T: Default> ById<T> {
    pub fn new() -> Self {
        ById(Vec::new())
    }

    /// The entry of goroutine `g`, made on first use.
    pub fn at(&mut self, g: GoId) -> &mut T {
        let i = g as usize;
        if self.0.len() <= i {
            self.0.resize_with(i + 1, T::default);
        }
        &mut self.0[i]
    }

    /// Takes the entry of goroutine `g`, leaving the default.
    pub fn take(&mut self, g: GoId) -> T {
        self.0
            .get_mut(g as usize)
            .map(std::mem::take)
            .unwrap_or_default()
    }

    pub fn get(&self, g: GoId) -> Option<&T> {
        self.0.get(g as usize)
    }

    /// The entries, with their goroutines' ids.
    pub fn iter(&self) -> impl Iterator<Item = (GoId, &T)> {
        (self.0.iter().enumerate()).map(|(g, entry)| (g as GoId, entry))
    }
}

/// The proxy performing an operation on the hub.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Proxy {
    /// The executor its goroutine runs on.
    pub worker: u32,
}

/// One object's operations, as the hub performs them.
pub(crate) trait HubOp {
    /// Whether the goroutine goes on without waiting for it: it answers nothing, and the
    /// hub performs a goroutine's operations in order, so what the others can see is the
    /// same.
    fn pipelined(&self) -> bool {
        false
    }

    /// Performs the operation in the proxy of the goroutine that asked it (with the runtime
    /// code sim mode runs); the answer goes back to that goroutine.
    async fn exec(self, proxy: Proxy) -> Data;
}

impl Op {
    /// The goroutine returned: its proxy ends.
    fn is_exit(&self) -> bool {
        matches!(self, Op::Goroutine(GoroutineOp::Exit))
    }

    /// A record of CPU work, which may wait for the next message.
    fn is_span(&self) -> bool {
        matches!(self, Op::Cpu(CpuOp::Span { .. }))
    }
}

/// Ends the run with `fatal error: <message>` in the proxy performing an operation it cannot
/// (an executor sent what its object cannot take); never returns.
pub(crate) async fn refuse(message: String) -> Data {
    with_core(|c| c.sched.fatal(message));
    let never = Never.await;
    match never {}
}
