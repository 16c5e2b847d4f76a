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
//! The hub is worker 0 and runs goroutines too, on a copy of its own: its writes join the
//! others' as worker 0's before anything leaves the hub ([`release_hub`]), and it applies
//! the others' at the start of each of its turns, before the operations that arrived run
//! ([`acquire_hub`]). Its goroutines' questions are answered on the spot.
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
//! - The hub's copy releases its writes before any message leaves the hub, and before a
//!   question is answered.

use std::any::Any;
use std::task::Poll;

use serde::{Deserialize, Serialize};

use super::wire::Data;
use super::{HubOp, Op, Proxy};
use crate::rt::current::{with_core, with_shared, Shared};
use crate::rt::goroutine::gosched;
use crate::rt::run::Core;
use crate::rt::seam::{Operation, Routed};

/// A worker's copy of the shared memory.
pub trait SharedMemory {
    /// This copy belongs to worker `worker`, 0 for the hub (called once, before anything
    /// else).
    fn attach(&mut self, _worker: u32) {}
    /// What this worker's goroutines wrote since the last call, if anything.
    fn release(&mut self) -> Option<Data>;
    /// Applies what the other workers (or the hub's answers) wrote, in the order the hub
    /// took it.
    fn acquire(&mut self, writes: Data) -> Result<(), String>;
    /// On the hub: makes this copy the one values are read into and written from while the
    /// guard lives (during the hub's turns: its proxies turn values between the form they
    /// cross in and its goroutines' own).
    fn enter(&self) -> Option<Box<dyn Any>> {
        None
    }
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
    /// The hub's own goroutines' writes were released (`deliver(0, …)`, or there were none):
    /// what the memory holds back until then goes after them.
    fn released(&mut self) {}
    /// The memory as itself, for the program that knows its type (the hub's own goroutines'
    /// operations on it, done in place: [`on_hub_memory`]).
    fn as_any(&mut self) -> &mut dyn std::any::Any;
}

/// On the hub: `f` with the hub's side of the shared memory, done in place by one of its own
/// goroutines (which must not use the runtime in `f`); `None` elsewhere, or without one.
/// What the executors wrote before the operations the hub performed for them is in the hub's
/// copy already: their frames are delivered between turns, and a turn begins by applying
/// what they carried.
pub fn on_hub_memory<R>(f: impl FnOnce(&mut dyn HubMemory) -> R) -> Option<R> {
    with_core(|c| {
        let memory = c.sched.backend.hub()?.memory.as_deref_mut()?;
        Some(f(memory))
    })
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
        answer_on_hub(proxy.worker, question).unwrap_or_default()
    }
}

/// Answers `question` of a goroutine of worker `from` on the hub; `None` if the run has no
/// shared memory (or this is not the hub). A question of the hub's own goroutine is answered
/// after their writes joined the others (an atomic store publishes what its goroutine wrote
/// before it). An executor's goroutine needs no such release: whatever it learns of the hub's
/// goroutines (an answer, the hub's own atomic writes) reaches it after the writes that came
/// before, since the hub releases before every frame it sends and logs its own goroutines'
/// atomic results after that release; releasing for each of its questions cost the hub a
/// comparison of its whole shared heap per operation.
fn answer_on_hub(from: u32, question: Data) -> Option<Data> {
    // Taken out while it answers, so it may use the runtime.
    let mut memory = with_core(|c| {
        if from == 0 {
            release_hub(c);
        }
        c.sched.backend.hub().and_then(|h| h.memory.take())
    })?;
    let answer = memory.ask(from, question);
    with_core(|c| {
        if let Some(hub) = c.sched.backend.hub() {
            hub.memory = Some(memory);
        }
    });
    Some(answer)
}

/// Asks the shared memory's hub side `question`: on an executor by message, on the hub on
/// the spot (its copy then has the answer's writes), answered after a yield. Without a
/// shared memory (sim mode) there is one memory and nothing to ask: the answer is
/// [`Data::none`].
pub async fn ask(question: Data) -> Data {
    let on_hub = with_core(|c| c.sched.backend.hub().is_some());
    if !on_hub {
        return Routed::new(Ask {
            question: Some(question),
        })
        .await;
    }
    let answer = answer_on_hub(0, question).unwrap_or_default();
    with_shared(acquire_hub);
    // Never at once, wherever it is asked: a caller may count on running again after it.
    gosched().await;
    answer
}

/// On the hub: its own goroutines' writes since the last call join the others', as worker
/// 0's (a refusal ends the run).
pub(crate) fn release_hub(c: &mut Core) {
    let Some(hub) = c.sched.backend.hub() else {
        return;
    };
    let (Some(local), Some(memory)) = (hub.local.as_mut(), hub.memory.as_mut()) else {
        return;
    };
    let delivered = match local.release() {
        Some(writes) => memory.deliver(0, writes),
        None => Ok(()),
    };
    memory.released();
    if let Err(why) = delivered {
        c.sched.fatal(format!(
            "real mode: the hub's memory writes were refused: {why}"
        ));
    }
}

/// On the hub: its own copy applies what the others wrote since it last did (taken out of
/// the run's state while it does, as an executor's; a failure ends the run).
pub(crate) fn acquire_hub(shared: &Shared) {
    let taken = {
        let mut core = shared.core.borrow_mut();
        let Some(hub) = core.sched.backend.hub() else {
            return;
        };
        let Some(writes) = hub.memory.as_mut().and_then(|m| m.take_for(0)) else {
            return;
        };
        hub.local.take().map(|local| (local, writes))
    };
    let Some((mut local, writes)) = taken else {
        return;
    };
    let applied = local.acquire(writes);
    let mut core = shared.core.borrow_mut();
    if let Some(hub) = core.sched.backend.hub() {
        hub.local = Some(local);
    }
    if let Err(why) = applied {
        core.sched.fatal(format!(
            "real mode: the hub could not apply memory writes: {why}"
        ));
    }
}

/// An executor's question, by message (see [`ask`]).
struct Ask {
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
