//! golang.org/x/sync/errgroup: goroutines working on subtasks of one task, where the first
//! error cancels the group's context and is what `Wait` returns.
//!
//! Written on the runtime's own primitives exactly as the Go package is: a WaitGroup, a
//! buffered channel as the semaphore of `SetLimit` (so `Go` blocks while the limit is
//! reached), and the first error kept once.
//!
//! # Invariants
//! - `err` is set at most once, to the first error returned.
//! - With a limit, `len(sem)` is the number of the group's goroutines running.

use std::future::Future;

use serde::{Deserialize, Serialize};

use super::chan::{make_chan, Chan};
use super::context::{with_cancel, CancelFunc, Context};
use super::goroutine::{spawn, Call, Label};
use super::runtime::{go_panic, with_core};
use super::sync::WaitGroup;
use super::Error;

struct GroupState {
    wg: WaitGroup,
    /// The `SetLimit` semaphore; nil without a limit.
    sem: Chan<()>,
    err: Option<Error>,
    cancel: Option<CancelFunc>,
}

/// The run's errgroups.
#[derive(Default)]
pub(crate) struct Groups {
    groups: Vec<GroupState>,
}

/// An `errgroup.Group`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group(u32);

/// `errgroup.WithContext(parent)`: a group whose context is cancelled by the first error or
/// when `Wait` returns.
pub fn with_context(parent: Context) -> (Group, Context) {
    let (ctx, cancel) = with_cancel(parent);
    (Group::with_cancel(Some(cancel)), ctx)
}

impl Default for Group {
    /// Go's zero value; like `new`, only inside a run.
    fn default() -> Self {
        Group::new()
    }
}

impl Group {
    /// A zero `errgroup.Group`: no context, no limit.
    pub fn new() -> Self {
        Group::with_cancel(None)
    }

    fn with_cancel(cancel: Option<CancelFunc>) -> Self {
        let wg = WaitGroup::new();
        with_core(|c| {
            c.groups.groups.push(GroupState {
                wg,
                sem: Chan::nil(),
                err: None,
                cancel,
            });
            Group((c.groups.groups.len() - 1) as u32)
        })
    }

    fn state<R>(self, f: impl FnOnce(&mut GroupState) -> R) -> R {
        with_core(|c| f(&mut c.groups.groups[self.0 as usize]))
    }

    /// `g.SetLimit(n)`: at most `n` of the group's goroutines run at once; a negative `n`
    /// removes the limit. Panics, as Go does, if goroutines are running under a limit.
    pub async fn set_limit(self, n: i64) {
        let sem = self.state(|s| s.sem);
        if !sem.is_nil() && !sem.is_empty() {
            let message = format!(
                "errgroup: modify limit while {} goroutines in the group are still active",
                sem.len()
            );
            let never = go_panic(message).await;
            match never {}
        }
        let new = if n < 0 {
            Chan::nil()
        } else {
            make_chan::<()>(n as usize)
        };
        self.state(|s| s.sem = new);
    }

    /// `g.Go(f)`: runs `f(args)` in a new goroutine, after waiting for a slot if a limit is
    /// set. The first error it returns is kept and cancels the group's context.
    pub async fn go<F, A>(self, f: F, args: A)
    where
        F: Call<A> + Copy + 'static,
        F::Fut: Future<Output = Result<(), Error>>,
    {
        let (sem, wg) = self.state(|s| (s.sem, s.wg));
        if !sem.is_nil() {
            sem.send(()).await;
        }
        wg.add(1).await;
        let label = Label {
            func: std::any::type_name::<F>(),
            name: None,
            index: None,
        };
        let fut = f.call(args);
        spawn(label, async move {
            if let Err(err) = fut.await {
                let cancel = self.state(|s| {
                    if s.err.is_none() {
                        s.err = Some(err);
                        s.cancel
                    } else {
                        None
                    }
                });
                if let Some(cancel) = cancel {
                    cancel.cancel();
                }
            }
            if !sem.is_nil() {
                sem.recv().await;
            }
            wg.done().await;
        });
    }

    /// `g.Wait()`: blocks until every goroutine of the group has returned, cancels the
    /// context, and returns the first error.
    pub async fn wait(self) -> Result<(), Error> {
        let wg = self.state(|s| s.wg);
        wg.wait().await;
        let (err, cancel) = self.state(|s| (s.err.clone(), s.cancel));
        if let Some(cancel) = cancel {
            cancel.cancel();
        }
        err.map_or(Ok(()), Err)
    }
}
