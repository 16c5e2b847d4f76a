//! An executor's side of real mode: its connection to the hub.
//!
//! An executor runs goroutines; each operation one of them asks of the hub is posted in the
//! executor's outbox, and the goroutine parks in [`WaitReason::Hub`] until the answer comes.
//! Operations that answer nothing ([`Op::pipelined`]) do not wait: the hub performs a
//! goroutine's operations in order, so what other goroutines can see is the same, and the
//! goroutine's next operation that needs an answer, or its next CPU work ([`fence`]), waits
//! for them. Its program may say otherwise for its next one: wait for the answer, which may
//! be a panic the hub raised (the goroutine raises it where it asked: [`next_op_waits`]),
//! or go on and say from where, for the report if the operation fails on the hub
//! ([`next_op_from`]).
//!
//! # Invariants
//! - A goroutine has at most one operation that waits for an answer in flight.
//! - `unanswered[g]` counts the pipelined operations `g` sent since its last answered one.
//! - A message to the hub starts with the shared memory's writes, when the program has a
//!   shared memory and wrote something (see [`super::memory`]).

use std::cell::Cell;
use std::task::Poll;

use super::entry::Entries;
use super::memory::{MemoryOp, SharedMemory};
use super::wire::{Asked, Data, Reply, ToHub};
use super::{ById, Op};
use crate::rt::current::with_core;
use crate::rt::goroutine::{GoId, Slot, WaitKey, WaitReason};
use crate::rt::run::Core;
use crate::rt::sched::Sched;
use crate::rt::seam::{Operation, Routed};

/// Records of CPU work an executor holds back at most (see [`Link::take_due`]).
const SPANS_HELD: usize = 64;

/// Operations a goroutine may have in flight without waiting (see [`Op::pipelined`]).
const PIPELINE: u32 = 64;

/// The longest turn of an executor while some of its goroutines wait for answers (by
/// messages, answers are read only between turns): beside a computation, a goroutine waited
/// the host's whole turn, a millisecond, for each answer.
pub const AWAITED_TURN_NS: u64 = 100_000;

/// An executor's connection to the hub (its run's [`Backend`](crate::rt::seam::Backend)).
pub(crate) struct Link {
    /// This executor's index.
    worker: u32,
    /// The wall-clock time the run's clock counts from.
    pub epoch_ns: u64,
    /// The program's shared memory, if it has one.
    pub memory: Option<Box<dyn SharedMemory>>,
    /// The goroutine functions this executor can start.
    pub entries: Entries,
    /// Hub Go id of the goroutine in each local slot.
    gid: Vec<GoId>,
    /// Parked goroutines waiting for an answer, by hub Go id.
    waiting: ById<Option<WaitKey>>,
    /// Pipelined operations not yet followed by an answered one, by hub Go id.
    unanswered: ById<u32>,
    answers: ById<Data>,
    /// The panics the hub answered operations with, by hub Go id (see [`take_failure`]).
    failures: ById<Option<String>>,
    /// The place each goroutine last went on from, as its program named it, by hub Go id
    /// (see [`next_op_from`]; 0 for none).
    places: ById<u64>,
    outbox: ToHub,
    /// Sends operations to the hub now (set by the host).
    flush: Option<Box<dyn Fn(ToHub)>>,
    /// Goroutines parked until their answer comes.
    awaiting: usize,
    /// When the executor's turn began (the run's clock).
    turn_began: u64,
}

impl Link {
    pub fn new(worker: u32, epoch_ns: u64) -> Self {
        Link {
            worker,
            epoch_ns,
            memory: None,
            entries: Entries::default(),
            gid: Vec::new(),
            waiting: ById::new(),
            unanswered: ById::new(),
            answers: ById::new(),
            failures: ById::new(),
            places: ById::new(),
            outbox: Vec::new(),
            flush: None,
            awaiting: 0,
            turn_began: 0,
        }
    }

    pub fn set_flush(&mut self, send: Box<dyn Fn(ToHub)>) {
        self.flush = Some(send);
    }

    /// A turn begins at `now`.
    pub fn begin_turn(&mut self, now: u64) {
        self.turn_began = now;
    }

    /// The turn is over at `now`: goroutines here have waited [`AWAITED_TURN_NS`] for
    /// answers, which the host reads between turns.
    pub fn turn_over(&self, now: u64) -> bool {
        self.awaiting > 0 && now >= self.turn_began + AWAITED_TURN_NS
    }

    /// The hub's Go id of the goroutine in `slot`.
    pub fn gid_of(&self, slot: Slot) -> GoId {
        self.gid.get(slot as usize).copied().unwrap_or(0)
    }

    /// The goroutine in `slot` is the hub's goroutine `g`.
    pub fn bind(&mut self, slot: Slot, g: GoId) {
        if self.gid.len() <= slot as usize {
            self.gid.resize(slot as usize + 1, 0);
        }
        self.gid[slot as usize] = g;
    }

    pub fn post(&mut self, g: GoId, op: Op, reply: Reply) {
        self.outbox.push(Asked { g, op, reply });
    }

    /// Takes the outbox, led by the shared memory's writes since the last message. (Writes
    /// alone wait: until an operation goes, nobody may see them.)
    pub fn take_outbox(&mut self) -> ToHub {
        // The next frame starts with room for as many as this one: frames come in similar
        // sizes, and a vector grown one push at a time copies itself over and over.
        let room = self.outbox.len();
        let mut ops = std::mem::replace(&mut self.outbox, Vec::with_capacity(room));
        if ops.is_empty() {
            return ops;
        }
        if let Some(writes) = self.memory.as_mut().and_then(|m| m.release()) {
            let worker = self.worker;
            ops.insert(
                0,
                Asked {
                    g: 0,
                    op: Op::Memory(MemoryOp::Writes { worker, writes }),
                    reply: Reply::GoesOn,
                },
            );
        }
        ops
    }

    /// The outbox if something in it should not wait: anything but records of CPU work (they
    /// go with the next message, or once they are many), else nothing.
    pub fn take_due(&mut self) -> ToHub {
        let due =
            self.outbox.len() >= SPANS_HELD || self.outbox.iter().any(|asked| !asked.op.is_span());
        if due {
            self.take_outbox()
        } else {
            Vec::new()
        }
    }

    /// Goroutine `g` parked (with `key`) until its answer comes.
    fn wait_for_answer(&mut self, g: GoId, key: WaitKey) {
        *self.waiting.at(g) = Some(key);
        self.awaiting += 1;
    }

    /// Goroutine `g`'s operation panicked on the hub with `message`: hands it the panic;
    /// returns the key to wake it with.
    pub fn fail(&mut self, g: GoId, message: String) -> Option<WaitKey> {
        let key = self.answer(g, Data::none())?;
        *self.failures.at(g) = Some(message);
        Some(key)
    }

    /// Hands goroutine `g` its answer; returns the key to wake it with.
    pub fn answer(&mut self, g: GoId, value: Data) -> Option<WaitKey> {
        let key = self.waiting.take(g)?;
        self.awaiting -= 1;
        // The hub answers in order: everything `g` sent before is done.
        *self.unanswered.at(g) = 0;
        *self.answers.at(g) = value;
        Some(key)
    }
}

/// What the program says of the running goroutine's next operation for the hub (see
/// [`next_op_from`]).
#[derive(Default)]
enum NextOp {
    /// Nothing: an operation that answers nothing goes on at once.
    #[default]
    Unsaid,
    /// It waits for its answer, whatever it is.
    Waits,
    /// It may go on at once, from place `.0`, whose site is `.1`.
    From(u64, Data),
    /// It may go on at once, from the place it last went on from.
    Again,
}

thread_local! {
    static NEXT_OP: Cell<NextOp> = const { Cell::new(NextOp::Unsaid) };
}

/// On an executor, before the running goroutine asks the hub an operation that answers
/// nothing: it waits for the answer, so that a panic the operation raises is raised where
/// it happened (a goroutine with deferred calls, which may recover it). Said of the next
/// operation asked only; an operation asked without it goes on at once.
pub fn next_op_waits() {
    NEXT_OP.set(NextOp::Waits);
}

/// On an executor, before the running goroutine asks the hub an operation that answers
/// nothing: it goes on at once, from `place` (the program's name for where it is, never 0),
/// whose `site` (the program's own encoding of it, made only if the hub does not have it
/// from the goroutine's last operation) the report shows if the operation fails on the hub,
/// the goroutine having moved on by then.
pub fn next_op_from(place: u64, site: impl FnOnce() -> Data) {
    let again = with_core(|c| {
        let g = c.sched.goid();
        c.sched
            .backend
            .link()
            .is_some_and(|link| link.places.get(g) == Some(&place))
    });
    NEXT_OP.set(if again {
        NextOp::Again
    } else {
        NextOp::From(place, site())
    });
}

/// Asks the hub `op` for the running goroutine: true if the goroutine goes on at once (`op`
/// is pipelined), false if it parked until the answer comes. Precondition: an executor.
pub(crate) fn ask(s: &mut Sched, op: Op) -> bool {
    let g = s.goid();
    let link = s.backend.link().expect("asked only on an executor");
    let next = NEXT_OP.take();
    if op.pipelined() && !matches!(next, NextOp::Waits) {
        let n = link.unanswered.at(g);
        if *n < PIPELINE {
            *n += 1;
            let reply = match next {
                NextOp::From(place, site) => {
                    *link.places.at(g) = place;
                    Reply::GoesOnFrom(Box::new(site))
                }
                NextOp::Again => Reply::GoesOnAgain,
                _ => Reply::GoesOn,
            };
            link.post(g, op, reply);
            return true;
        }
    }
    let seq = s.park(WaitReason::Hub, 0);
    let key = s.key(seq, 0);
    let link = s.backend.link().expect("asked only on an executor");
    link.wait_for_answer(g, key);
    link.post(g, op, Reply::Waits);
    false
}

/// The panic the hub answered the running goroutine's operation with, if it did (see
/// [`ToExecutor::Failed`](super::ToExecutor::Failed)). Precondition: an executor.
pub(crate) fn take_failure(s: &mut Sched) -> Option<String> {
    let g = s.goid();
    let link = s.backend.link().expect("answered only on an executor");
    link.failures.take(g)
}

/// The answer that woke the running goroutine. Precondition: it parked in [`ask`].
pub(crate) fn take_answer(s: &mut Sched) -> Data {
    let g = s.goid();
    let link = s.backend.link().expect("answered only on an executor");
    link.answers.take(g)
}

/// The future of [`fence`]: answers once the goroutine's earlier operations are done.
struct Fence;

impl Operation for Fence {
    type Output = ();
    fn poll_here(&mut self, _: &mut Core) -> Poll<()> {
        Poll::Ready(())
    }
    fn to_hub(&mut self) -> Op {
        Op::Fence
    }
    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// On an executor: waits until the running goroutine's pipelined operations are done (a
/// goroutine whose send still blocks on the hub does not compute yet).
pub(crate) async fn fence() {
    let pending = with_core(|c| {
        let g = c.sched.goid();
        c.sched
            .backend
            .link()
            .is_some_and(|l| l.unanswered.get(g).is_some_and(|&n| n > 0))
    });
    if pending {
        Routed::new(Fence).await;
    }
}

/// On an executor: sends the operations waiting in the outbox now, if the host can (before a
/// goroutine computes, so that the others' do not wait for the computation).
pub(crate) fn flush() {
    with_core(|c| {
        let Some(link) = c.sched.backend.link() else {
            return;
        };
        if link.flush.is_none() {
            // Without a way to send now, they go with the next message.
            return;
        }
        let ops = link.take_due();
        if let (false, Some(send)) = (ops.is_empty(), &link.flush) {
            send(ops);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turn_ends_early_only_while_goroutines_wait_for_answers() {
        let mut link = Link::new(1, 0);
        let began = 5_000_000;
        link.begin_turn(began);
        assert!(
            !link.turn_over(began + 100 * AWAITED_TURN_NS),
            "nothing waits"
        );
        let key = |slot| WaitKey {
            slot,
            case: 0,
            seq: 1,
        };
        link.wait_for_answer(7, key(0));
        link.wait_for_answer(9, key(1));
        assert!(!link.turn_over(began + AWAITED_TURN_NS - 1));
        assert!(link.turn_over(began + AWAITED_TURN_NS));
        assert_eq!(link.answer(7, Data::none()), Some(key(0)));
        assert!(
            link.turn_over(began + AWAITED_TURN_NS),
            "goroutine 9 still waits"
        );
        assert_eq!(link.answer(9, Data::none()), Some(key(1)));
        assert!(
            !link.turn_over(began + AWAITED_TURN_NS),
            "every answer came"
        );
        // An answer nobody waits for changes nothing.
        assert_eq!(link.answer(9, Data::none()), None);
        assert!(!link.turn_over(began + AWAITED_TURN_NS));
    }
}
