//! Memory a real-mode program shares beyond the runtime's objects: an interpreted Go
//! program's heap (docs/INTERPRETER.md, Real mode).
//!
//! Executors share no memory, so a program that wants one keeps a copy on each executor and
//! says what changed at the points where Go's memory model lets another goroutine see it.
//! Every such point is an operation that crosses the hub, so the runtime only carries the
//! changes with its own messages; what they mean is the program's:
//!
//! - an executor's [`SharedMemory::release`] is called before each message to the hub, and
//!   what it returns travels first in that message; the hub hands it to
//!   [`HubMemory::deliver`] when the message arrives, before any operation in it runs;
//! - each message the hub sends an executor starts with [`HubMemory::take_for`] (the writes
//!   of the others since its last message), which the executor's
//!   [`SharedMemory::acquire`] applies before the answers and starts that follow it.
//!
//! So when a goroutine's operation is answered (a lock granted, a value received, a `Wait`
//! returning) its executor has every write made before the operation that released it: an
//! unlock, a send, a `Done`, each preceded on its own executor by a release.
//!
//! A goroutine can also ask the memory's hub side a question ([`ask`]: an atomic operation,
//! a runtime handle that lives in shared memory), answered in the order of its other
//! operations.
//!
//! # Invariants
//! - Writes an executor releases reach the hub before the operations it asked after them.
//! - An executor applies what the hub took for it before any answer in the same message.

use std::task::Poll;

use serde::{Deserialize, Serialize};

use super::wire::Data;
use super::{HubOp, Op, Proxy};
use crate::rt::current::with_core;
use crate::rt::run::Core;
use crate::rt::seam::{Operation, Routed};

/// An executor's copy of the shared memory.
pub trait SharedMemory {
    /// This copy belongs to executor `worker` (called once, before anything else).
    fn attach(&mut self, _worker: u32) {}
    /// What this executor's goroutines wrote since the last call, if anything.
    fn release(&mut self) -> Option<Data>;
    /// Applies what other executors (or the hub) wrote, in the order the hub took it.
    fn acquire(&mut self, writes: Data) -> Result<(), String>;
}

/// The hub's side of the shared memory.
pub trait HubMemory {
    /// Executor `from` released `writes`.
    fn deliver(&mut self, from: u32, writes: Data) -> Result<(), String>;
    /// What executor `to` has not been given yet, if anything.
    fn take_for(&mut self, to: u32) -> Option<Data>;
    /// Answers a question of a goroutine of executor `from`. It runs in the goroutine's proxy,
    /// outside the run's state: it may use the runtime (create an object).
    fn ask(&mut self, from: u32, question: Data) -> Data;
}

/// The shared memory's operations, as an executor sends them to the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MemoryOp {
    /// Executor `worker`'s writes, first in its message (taken when the message arrives).
    Writes { worker: u32, writes: Data },
    /// A question for [`HubMemory::ask`].
    Ask(Data),
}

impl HubOp for MemoryOp {
    async fn exec(self, proxy: Proxy) -> Data {
        let MemoryOp::Ask(question) = self else {
            // Writes are delivered with their message and never reach a proxy.
            return Data::none();
        };
        // Taken out while it answers, so it may use the runtime.
        let memory = with_core(|c| c.sched.backend.hub().and_then(|h| h.memory.take()));
        let Some(mut memory) = memory else {
            return Data::none();
        };
        let answer = memory.ask(proxy.worker, question);
        with_core(|c| {
            if let Some(hub) = c.sched.backend.hub() {
                hub.memory = Some(memory);
            }
        });
        answer
    }
}

/// Asks the shared memory's hub side `question` (on an executor; elsewhere there is one
/// memory and nothing to ask: the answer is [`Data::none`]).
pub fn ask(question: Data) -> Routed<Ask> {
    Routed::new(Ask {
        question: Some(question),
    })
}

/// The future of [`ask`].
pub struct Ask {
    question: Option<Data>,
}

impl Operation for Ask {
    type Output = Data;
    fn poll_here(&mut self, _: &mut Core) -> Poll<Data> {
        Poll::Ready(Data::none())
    }
    fn to_hub(&mut self) -> Op {
        Op::Memory(MemoryOp::Ask(self.question.take().unwrap_or_default()))
    }
    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<Data, String> {
        Ok(answer)
    }
}
