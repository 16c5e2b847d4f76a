//! Go's `context`: cancellation and deadlines that propagate from parents to children.
//!
//! A [`Context`] is a copyable handle into the run's [`Contexts`]; context 0 is
//! `context.Background()`, which is never cancelled and whose `Done()` is the nil channel.
//! Every other context owns a done channel that cancellation closes, so `select` on
//! `ctx.done()` needs nothing special.
//!
//! # States
//! A context is live until cancelled; cancelled is final. Cancelling records the error
//! (`context canceled` or `context deadline exceeded`), closes the done channel, cancels every
//! child with the same error, stops the deadline timer and detaches from the parent.
//!
//! # Invariants
//! - `err.is_some()` exactly when the done channel is closed.
//! - A child's deadline is never later than its parent's (a later one is not set: Go's
//!   `WithDeadline` then behaves as `WithCancel`).

use serde::{Deserialize, Serialize};

use super::chan::{close_internal, Chan};
use super::current::with_core;
use super::real::{Data, HubOp, Proxy};
use super::run::Core;
use super::sched::put;
use super::seam::{self, Query, Routed};
use super::time::{deadline_timer, Duration, Time, TimerId};
use super::Error;

/// `context.Canceled`'s text.
pub const CANCELED: &str = "context canceled";
/// `context.DeadlineExceeded`'s text.
pub const DEADLINE_EXCEEDED: &str = "context deadline exceeded";

#[derive(Default)]
struct CtxState {
    parent: u32,
    /// The done channel's id; 0 (nil) for Background.
    done: u32,
    err: Option<&'static str>,
    children: Vec<u32>,
    deadline: Option<u64>,
    timer: Option<TimerId>,
}

/// The run's contexts; entry 0 is Background.
pub(crate) struct Contexts {
    ctxs: Vec<CtxState>,
}

impl Default for Contexts {
    fn default() -> Self {
        Contexts {
            ctxs: vec![CtxState {
                parent: 0,
                done: 0,
                err: None,
                children: Vec::new(),
                deadline: None,
                timer: None,
            }],
        }
    }
}

/// A Go `context.Context`: its id, and its done channel's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    id: u32,
    done: u32,
}

/// The function `WithCancel` and friends return: call [`CancelFunc::cancel`] to cancel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelFunc(u32);

/// `context.Background()`.
pub fn background() -> Context {
    Context::from_ids(0, 0)
}

/// `context.WithCancel(parent)`.
pub fn with_cancel(parent: Context) -> (Context, CancelFunc) {
    new_child(parent, None)
}

/// `context.WithTimeout(parent, d)`.
pub fn with_timeout(parent: Context, d: Duration) -> (Context, CancelFunc) {
    let at = Time(with_core(|c| c.sched.now) + d.as_nanos() as u64);
    with_deadline(parent, at)
}

/// `context.WithDeadline(parent, at)`.
pub fn with_deadline(parent: Context, at: Time) -> (Context, CancelFunc) {
    new_child(parent, Some(at.0))
}

/// A child of `parent`, with a deadline or none.
fn new_child(parent: Context, deadline: Option<u64>) -> (Context, CancelFunc) {
    let parent = parent.id;
    let [id, done] = seam::create(
        |[id, done]| ContextOp::New {
            id,
            done,
            parent,
            deadline,
        },
        |c| {
            let done = (c.host.done_chan)(c, None);
            let id = c.sched.ids.next(c.ctxs.ctxs.len());
            child_at(c, id, done, parent, deadline);
            [id, done]
        },
    );
    (Context::from_ids(id, done), CancelFunc(id))
}

/// Makes context `id` a child of `parent` that closes channel `done` when cancelled: at once
/// if the parent already is or the deadline has passed. A deadline later than the parent's is
/// not set (Go's `WithDeadline` then behaves as `WithCancel`).
fn child_at(c: &mut Core, id: u32, done: u32, parent: u32, deadline: Option<u64>) {
    let parent_deadline = c.ctxs.ctxs[parent as usize].deadline;
    let deadline = deadline.filter(|&at| parent_deadline.is_none_or(|p| p > at));
    let state = CtxState {
        parent,
        done,
        err: None,
        children: Vec::new(),
        deadline,
        timer: None,
    };
    put(&mut c.ctxs.ctxs, id, state);
    if let Some(err) = c.ctxs.ctxs[parent as usize].err {
        cancel(c, id, err);
        return;
    }
    c.ctxs.ctxs[parent as usize].children.push(id);
    if let Some(at) = deadline {
        if at <= c.sched.now {
            cancel(c, id, DEADLINE_EXCEEDED);
        } else {
            let timer = deadline_timer(c, at, id);
            c.ctxs.ctxs[id as usize].timer = Some(timer);
        }
    }
}

/// Cancels context `id` and its descendants with `err`, if not cancelled already.
fn cancel(c: &mut Core, id: u32, err: &'static str) {
    let ctx = &mut c.ctxs.ctxs[id as usize];
    if ctx.err.is_some() || id == 0 {
        return;
    }
    ctx.err = Some(err);
    let children = std::mem::take(&mut ctx.children);
    let (done, parent, timer) = (ctx.done, ctx.parent, ctx.timer.take());
    close_internal(c, done);
    if let Some(timer) = timer {
        c.timers.stop(timer);
    }
    c.ctxs.ctxs[parent as usize].children.retain(|&k| k != id);
    for child in children {
        cancel(c, child, err);
    }
}

/// `ctx.Err()` of context `ctx`, read with the run's state.
pub(crate) fn err_of(c: &Core, ctx: u32) -> Option<Error> {
    c.ctxs.ctxs[ctx as usize].err.map(Error::new)
}

/// The deadline of context `ctx` passed.
pub(crate) fn expire(c: &mut Core, ctx: u32) {
    cancel(c, ctx, DEADLINE_EXCEEDED);
}

impl Context {
    pub(crate) fn from_ids(id: u32, done: u32) -> Self {
        Context { id, done }
    }

    pub(crate) fn id(self) -> u32 {
        self.id
    }

    /// `ctx.Done()`: closed when the context is cancelled (nil for Background).
    pub fn done(self) -> Chan<()> {
        Chan::from_id(self.done)
    }

    /// `ctx.Err()`: `None` while live, then `context canceled` or `context deadline exceeded`.
    pub fn err(self) -> Routed<Query<Option<Error>>> {
        let ctx = self.id;
        seam::query(|| ContextOp::Err { ctx }, |c| err_of(c, ctx))
    }

    /// `ctx.Deadline()`: the earliest deadline up the chain of parents (a context without
    /// its own deadline has its parent's, as in Go).
    pub fn deadline(self) -> Routed<Query<Option<Time>>> {
        let ctx = self.id;
        seam::query(
            || ContextOp::Deadline { ctx },
            |c| {
                let mut id = ctx as usize;
                loop {
                    let state = &c.ctxs.ctxs[id];
                    if let Some(at) = state.deadline {
                        return Some(Time(at));
                    }
                    if id == 0 {
                        return None;
                    }
                    id = state.parent as usize;
                }
            },
        )
    }
}

impl CancelFunc {
    /// `cancel()`: cancels the context with `context canceled`; later calls do nothing.
    pub fn cancel(self) {
        let ctx = self.0;
        seam::apply(|| ContextOp::Cancel { ctx }, |c| cancel(c, ctx, CANCELED));
    }
}

/// A context's operations, as an executor asks them of the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ContextOp {
    /// A child of `parent` at the ids the executor chose (its own and its done channel's).
    New {
        id: u32,
        done: u32,
        parent: u32,
        deadline: Option<u64>,
    },
    Cancel {
        ctx: u32,
    },
    Err {
        ctx: u32,
    },
    Deadline {
        ctx: u32,
    },
}

impl HubOp for ContextOp {
    async fn exec(self, _: Proxy) -> Data {
        match self {
            ContextOp::New {
                id,
                done,
                parent,
                deadline,
            } => with_core(|c| {
                (c.host.done_chan)(c, Some(done));
                child_at(c, id, done, parent, deadline);
            }),
            ContextOp::Cancel { ctx } => CancelFunc(ctx).cancel(),
            ContextOp::Err { ctx } => return Data::of(&Context::from_ids(ctx, 0).err().await),
            ContextOp::Deadline { ctx } => {
                return Data::of(&Context::from_ids(ctx, 0).deadline().await)
            }
        }
        Data::none()
    }
}
