//! golang.org/x/sync/semaphore: a weighted semaphore with FIFO waiters.
//!
//! As in Go: `Acquire` takes the weight at once only if it fits and nobody is waiting
//! (waiters are served in order, so a large request is not starved by small ones); otherwise
//! it queues a waiter with a `ready` channel and selects on that and `ctx.Done()`. `Release`
//! hands freed weight to waiters from the front, closing their `ready` channels.
//!
//! # Invariants
//! - `0 <= cur <= size`.
//! - The front waiter's weight does not fit (`size - cur < n`), or there are no waiters.

use std::collections::VecDeque;
use std::task::Poll;

use serde::{Deserialize, Serialize};

use super::chan::{close_internal, Chan};
use super::context::{err_of, Context, CANCELED};
use super::current::with_core;
use super::real::{Data, HubOp, Op, Proxy};
use super::run::Core;
use super::sched::put;
use super::seam::{self, Operation, Query, Routed};
use super::select::{Select, Wait};
use super::Error;

#[derive(Default)]
struct SemState {
    size: i64,
    cur: i64,
    /// Waiting acquirers: their weight and the channel closed when they get it.
    waiters: VecDeque<(i64, u32)>,
}

impl SemState {
    fn new(size: i64) -> Self {
        SemState {
            size,
            cur: 0,
            waiters: VecDeque::new(),
        }
    }
}

/// The run's semaphores.
#[derive(Default)]
pub(crate) struct Semaphores {
    sems: Vec<SemState>,
}

/// A `*semaphore.Weighted`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weighted(u32);

/// `semaphore.NewWeighted(n)`.
pub fn new_weighted(n: i64) -> Weighted {
    let [id] = seam::create(
        |[id]| SemaphoreOp::New { id, n },
        |c| [c.sched.ids.add(&mut c.sems.sems, SemState::new(n))],
    );
    Weighted(id)
}

/// Grants weight to waiters from the front while it fits.
fn notify_waiters(c: &mut Core, id: u32) {
    loop {
        let s = &mut c.sems.sems[id as usize];
        let Some(&(n, ready)) = s.waiters.front() else {
            break;
        };
        if s.size - s.cur < n {
            break;
        }
        s.cur += n;
        s.waiters.pop_front();
        close_internal(c, ready);
    }
}

impl Weighted {
    /// `s.Acquire(ctx, n)`: blocks until `n` is available or `ctx` is done; on failure returns
    /// `ctx.Err()` and leaves the semaphore unchanged.
    pub fn acquire(self, ctx: Context, n: i64) -> Routed<Acquire> {
        Routed::new(Acquire {
            sem: self.0,
            ctx,
            n,
            state: AcquireState::Start,
        })
    }

    /// `s.TryAcquire(n)`: takes `n` without blocking, if it fits and nobody waits.
    pub fn try_acquire(self, n: i64) -> Routed<Query<bool>> {
        let sem = self.0;
        seam::query(
            || SemaphoreOp::TryAcquire { sem, n },
            |c| {
                let s = &mut c.sems.sems[sem as usize];
                let ok = s.size - s.cur >= n && s.waiters.is_empty();
                if ok {
                    s.cur += n;
                }
                ok
            },
        )
    }

    /// `s.Release(n)`: panics with `semaphore: released more than held` below zero.
    pub fn release(self, n: i64) -> Routed<Release> {
        Routed::new(Release {
            sem: self.0,
            n,
            failed: false,
        })
    }
}

/// The future of [`Weighted::acquire`].
#[must_use = "s.acquire does nothing unless awaited"]
pub struct Acquire {
    sem: u32,
    ctx: Context,
    n: i64,
    state: AcquireState,
}

enum AcquireState {
    Start,
    /// More than the semaphore's size: it waits for the context to end.
    Doomed(Wait),
    /// Queued with the channel the grant closes: it selects on that and the context.
    Queued {
        ready: u32,
        wait: Wait,
    },
}

impl Operation for Acquire {
    type Output = Result<(), Error>;
    fn poll_here(&mut self, c: &mut Core) -> Poll<Result<(), Error>> {
        let (sem, ctx, n) = (self.sem, self.ctx, self.n);
        if let AcquireState::Start = self.state {
            if let Some(err) = err_of(c, ctx.id()) {
                return Poll::Ready(Err(err));
            }
            let s = &mut c.sems.sems[sem as usize];
            if s.size - s.cur >= n && s.waiters.is_empty() {
                s.cur += n;
                return Poll::Ready(Ok(()));
            }
            self.state = if n > s.size {
                let mut sel = Select::new();
                sel.recv(ctx.done());
                AcquireState::Doomed(sel.waiting())
            } else {
                let ready = c.chans.make_next::<()>(&mut c.sched, 0);
                c.sems.sems[sem as usize].waiters.push_back((n, ready));
                let mut sel = Select::new();
                sel.recv(ctx.done());
                sel.recv(Chan::<()>::from_id(ready));
                AcquireState::Queued {
                    ready,
                    wait: sel.waiting(),
                }
            };
        }
        match &mut self.state {
            AcquireState::Start => unreachable!("left above"),
            AcquireState::Doomed(wait) => match wait.poll_here(c) {
                Poll::Pending => Poll::Pending,
                Poll::Ready(_) => Poll::Ready(Err(cancelled(c, ctx))),
            },
            AcquireState::Queued { ready, wait } => match wait.poll_here(c) {
                Poll::Pending => Poll::Pending,
                // Case 0 is the context's.
                Poll::Ready(got) if got.index() == Some(0) => {
                    let err = cancelled(c, ctx);
                    Poll::Ready(abandon(c, sem, err, *ready))
                }
                Poll::Ready(_) => Poll::Ready(Ok(())),
            },
        }
    }

    fn to_hub(&mut self) -> Op {
        SemaphoreOp::Acquire {
            sem: self.sem,
            ctx: self.ctx.id(),
            done: self.ctx.done().id(),
            n: self.n,
        }
        .into()
    }

    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<Result<(), Error>, String> {
        answer.read()
    }
}

/// The error of a context that ended.
fn cancelled(c: &Core, ctx: Context) -> Error {
    err_of(c, ctx.id()).unwrap_or_else(|| Error::new(CANCELED))
}

/// The context ended while queued on `ready` with `err`: leave the queue, unless the weight
/// arrived meanwhile.
fn abandon(c: &mut Core, sem: u32, err: Error, ready: u32) -> Result<(), Error> {
    let s = &mut c.sems.sems[sem as usize];
    let Some(pos) = s.waiters.iter().position(|&(_, r)| r == ready) else {
        // Granted after cancellation: keep it, as Go does.
        return Ok(());
    };
    s.waiters.remove(pos);
    if pos == 0 && s.size > s.cur {
        notify_waiters(c, sem);
    }
    Err(err)
}

/// The future of [`Weighted::release`]: ready at once, or never (the run ends with Go's
/// panic).
#[must_use = "s.release does nothing unless awaited"]
pub struct Release {
    sem: u32,
    n: i64,
    failed: bool,
}

impl Operation for Release {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        if self.failed {
            return Poll::Pending;
        }
        let s = &mut c.sems.sems[self.sem as usize];
        s.cur -= self.n;
        if s.cur < 0 {
            c.sched.go_panic(super::builtin::SEMAPHORE_OVER_RELEASED);
            self.failed = true;
            return Poll::Pending;
        }
        notify_waiters(c, self.sem);
        Poll::Ready(())
    }

    fn to_hub(&mut self) -> Op {
        SemaphoreOp::Release {
            sem: self.sem,
            n: self.n,
        }
        .into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// A semaphore's operations, as an executor asks them of the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SemaphoreOp {
    New {
        id: u32,
        n: i64,
    },
    Acquire {
        sem: u32,
        ctx: u32,
        done: u32,
        n: i64,
    },
    TryAcquire {
        sem: u32,
        n: i64,
    },
    Release {
        sem: u32,
        n: i64,
    },
}

impl HubOp for SemaphoreOp {
    fn pipelined(&self) -> bool {
        matches!(self, SemaphoreOp::Release { .. })
    }

    async fn exec(self, _: Proxy) -> Data {
        match self {
            SemaphoreOp::New { id, n } => {
                with_core(|c| put(&mut c.sems.sems, id, SemState::new(n)));
                Data::none()
            }
            SemaphoreOp::Acquire { sem, ctx, done, n } => {
                let ctx = Context::from_ids(ctx, done);
                Data::of(&Weighted(sem).acquire(ctx, n).await)
            }
            SemaphoreOp::TryAcquire { sem, n } => Data::of(&Weighted(sem).try_acquire(n).await),
            SemaphoreOp::Release { sem, n } => {
                Weighted(sem).release(n).await;
                Data::none()
            }
        }
    }
}
