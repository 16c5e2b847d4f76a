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
use std::future::Ready;

use serde::{Deserialize, Serialize};

use super::builtin::go_panic;
use super::chan::{close_internal, Chan};
use super::context::Context;
use super::current::with_core;
use super::remote::{self, Op, Routed};
use super::run::Core;
use super::Error;

#[derive(Default)]
struct SemState {
    size: i64,
    cur: i64,
    /// Waiting acquirers: their weight and the channel closed when they get it.
    waiters: VecDeque<(i64, u32)>,
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
    if let Some(id) = remote::create(|id| Op::NewWeighted { id, n }) {
        return Weighted(id);
    }
    with_core(|c| {
        let id = c.sched.ids.add(
            &mut c.sems.sems,
            SemState {
                size: n,
                cur: 0,
                waiters: VecDeque::new(),
            },
        );
        Weighted(id)
    })
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
    pub async fn acquire(self, ctx: Context, n: i64) -> Result<(), Error> {
        let done = ctx.done();
        if remote::linked() {
            return remote::ask(Op::Acquire {
                sem: self.0,
                ctx: ctx.id(),
                done: done.id(),
                n,
            })
            .await;
        }
        if let Some(err) = ctx.err().await {
            return Err(err);
        }
        // Ok(true): acquired; Ok(false): doomed (n > size), wait for ctx; Err(ready): queued.
        let fast = with_core(|c| {
            let s = &mut c.sems.sems[self.0 as usize];
            if s.size - s.cur >= n && s.waiters.is_empty() {
                s.cur += n;
                return Ok(true);
            }
            if n > s.size {
                return Ok(false);
            }
            let ready = c.chans.make::<()>(&mut c.sched, 0);
            c.sems.sems[self.0 as usize].waiters.push_back((n, ready));
            Err(ready)
        });
        let ready = match fast {
            Ok(true) => return Ok(()),
            Ok(false) => {
                done.recv().await;
                return Err(ctx
                    .err()
                    .await
                    .unwrap_or_else(|| Error::new(super::context::CANCELED)));
            }
            Err(ready) => Chan::<()>::from_id(ready),
        };
        let mut cancelled = false;
        crate::select! {
            recv(done) => {
                cancelled = true;
            },
            recv(ready) => {},
        }
        if !cancelled {
            return Ok(());
        }
        let err = ctx
            .err()
            .await
            .unwrap_or_else(|| Error::new(super::context::CANCELED));
        self.abandon(err, ready)
    }

    /// The context ended while queued with `err`: leave the queue, unless the weight arrived
    /// meanwhile.
    fn abandon(self, err: Error, ready: Chan<()>) -> Result<(), Error> {
        with_core(|c| {
            let s = &mut c.sems.sems[self.0 as usize];
            let Some(pos) = s.waiters.iter().position(|&(_, r)| r == ready.id()) else {
                // Granted after cancellation: keep it, as Go does.
                return Ok(());
            };
            s.waiters.remove(pos);
            if pos == 0 && s.size > s.cur {
                notify_waiters(c, self.0);
            }
            Err(err)
        })
    }

    /// `s.TryAcquire(n)`: takes `n` without blocking, if it fits and nobody waits.
    pub fn try_acquire(self, n: i64) -> Routed<Ready<bool>> {
        let sem = self.0;
        remote::query(
            || Op::TryAcquire { sem, n },
            || {
                with_core(|c| {
                    let s = &mut c.sems.sems[sem as usize];
                    let ok = s.size - s.cur >= n && s.waiters.is_empty();
                    if ok {
                        s.cur += n;
                    }
                    ok
                })
            },
        )
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Weighted(id)
    }

    /// `s.Release(n)`: panics with `semaphore: released more than held` below zero.
    pub async fn release(self, n: i64) {
        if remote::linked() {
            return remote::ask(Op::Release { sem: self.0, n }).await;
        }
        let over = with_core(|c| {
            let s = &mut c.sems.sems[self.0 as usize];
            s.cur -= n;
            if s.cur < 0 {
                return true;
            }
            notify_waiters(c, self.0);
            false
        });
        if over {
            let never = go_panic("semaphore: released more than held").await;
            match never {}
        }
    }
}
