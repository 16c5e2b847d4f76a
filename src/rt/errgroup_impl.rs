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

use std::future::{Future, Ready};

use serde::{Deserialize, Serialize};

use super::builtin::go_panic;
use super::chan::{make_chan, Chan};
use super::context::{with_cancel, CancelFunc, Context};
use super::current::with_core;
use super::goroutine::{go_label, Call, Label};
use super::remote::{self, Op, Routed};
use super::sync::WaitGroup;
use super::{Error, Value};

struct GroupState {
    wg: WaitGroup,
    /// The `SetLimit` semaphore; nil without a limit.
    sem: Chan<()>,
    err: Option<Error>,
    cancel: Option<CancelFunc>,
}

impl Default for GroupState {
    /// An unused table entry (real mode numbers groups across workers).
    fn default() -> Self {
        GroupState {
            wg: WaitGroup::from_id(0),
            sem: Chan::nil(),
            err: None,
            cancel: None,
        }
    }
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
        if let Some(id) = remote::create(|id| Op::NewGroup {
            id,
            wg: wg.id(),
            cancel: cancel.map(CancelFunc::id),
        }) {
            return Group(id);
        }
        Group::with_parts(wg, cancel)
    }

    /// A group waiting on `wg`, cancelling with `cancel`.
    pub(crate) fn with_parts(wg: WaitGroup, cancel: Option<CancelFunc>) -> Self {
        with_core(|c| {
            let id = c.sched.ids.add(
                &mut c.groups.groups,
                GroupState {
                    wg,
                    sem: Chan::nil(),
                    err: None,
                    cancel,
                },
            );
            Group(id)
        })
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Group(id)
    }

    fn state<R>(self, f: impl FnOnce(&mut GroupState) -> R) -> R {
        with_core(|c| f(&mut c.groups.groups[self.0 as usize]))
    }

    /// The `SetLimit` semaphore and the WaitGroup.
    pub(crate) fn parts(self) -> Routed<Ready<(Chan<()>, WaitGroup)>> {
        let group = self.0;
        remote::query(
            || Op::GroupParts { group },
            || self.state(|s| (s.sem, s.wg)),
        )
    }

    pub(crate) fn set_sem(self, sem: Chan<()>) {
        if remote::post(|| Op::GroupSetSem {
            group: self.0,
            sem: sem.id(),
        }) {
            return;
        }
        self.state(|s| s.sem = sem);
    }

    /// A goroutine of the group returned `err`: the first error is kept and cancels the
    /// group's context.
    pub(crate) fn fail(self, err: Error) {
        if remote::post(|| Op::GroupFail {
            group: self.0,
            err: err.0.clone(),
        }) {
            return;
        }
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

    /// The end of `Wait`: cancels the context and returns the first error.
    pub(crate) fn finish(self) -> Routed<Ready<Option<Error>>> {
        let group = self.0;
        remote::query(
            || Op::GroupFinish { group },
            || {
                let (err, cancel) = self.state(|s| (s.err.clone(), s.cancel));
                if let Some(cancel) = cancel {
                    cancel.cancel();
                }
                err
            },
        )
    }

    /// `g.SetLimit(n)`: at most `n` of the group's goroutines run at once; a negative `n`
    /// removes the limit. Panics, as Go does, if goroutines are running under a limit.
    pub async fn set_limit(self, n: i64) {
        let (sem, _) = self.parts().await;
        if !sem.is_nil() && !sem.is_empty().await {
            let message = format!(
                "errgroup: modify limit while {} goroutines in the group are still active",
                sem.len().await
            );
            let never = go_panic(message).await;
            match never {}
        }
        let new = if n < 0 {
            Chan::nil()
        } else {
            make_chan::<()>(n as usize)
        };
        self.set_sem(new);
    }

    /// `g.Go(f)`: runs `f(args)` in a new goroutine, after waiting for a slot if a limit is
    /// set. The first error it returns is kept and cancels the group's context.
    pub async fn go<F, A>(self, f: F, args: A)
    where
        F: Call<A> + Copy + 'static,
        F::Fut: Future<Output = Result<(), Error>>,
        A: Value,
    {
        let _ = f;
        let (sem, wg) = self.parts().await;
        if !sem.is_nil() {
            sem.send(()).await;
        }
        wg.add(1).await;
        let label = Label {
            func: std::any::type_name::<F>(),
            name: None,
            index: None,
        };
        go_label(label, member::<F, A>, (self, sem, wg, args));
    }

    /// `g.Wait()`: blocks until every goroutine of the group has returned, cancels the
    /// context, and returns the first error.
    pub async fn wait(self) -> Result<(), Error> {
        let (_, wg) = self.parts().await;
        wg.wait().await;
        self.finish().await.map_or(Ok(()), Err)
    }
}

/// A goroutine of a group: runs `F(args)`, keeps its error, frees its slot.
async fn member<F, A>(group: Group, sem: Chan<()>, wg: WaitGroup, args: A)
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = Result<(), Error>>,
{
    let f = crate::placement::conjure::<F, A>();
    if let Err(err) = f.call(args).await {
        group.fail(err);
    }
    if !sem.is_nil() {
        sem.recv().await;
    }
    wg.done().await;
}
