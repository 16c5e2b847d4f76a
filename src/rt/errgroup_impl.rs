//! golang.org/x/sync/errgroup: goroutines working on subtasks of one task, where the first
//! error cancels the group's context and is what `Wait` returns.
//!
//! Written on the runtime's own primitives exactly as the Go package is: a WaitGroup, a
//! buffered channel as the semaphore of `SetLimit` (so `Go` blocks while the limit is
//! reached), and the first error kept once, in a shared variable. So a group has no state or
//! operations of its own: in real mode its parts live on the hub like any other object.
//!
//! # Invariants
//! - `err` is set at most once, to the first error returned.
//! - With a limit, `len(sem)` is the number of the group's goroutines running.

use std::future::Future;

use serde::{Deserialize, Serialize};

use super::builtin::go_panic;
use super::chan::{make_chan, Chan};
use super::context::{with_cancel, CancelFunc, Context};
use super::goroutine::{go_label, Call, Label};
use super::real::{entry::conjure, Entries};
use super::shared::Var;
use super::sync::WaitGroup;
use super::{Error, Value};

/// What the group's goroutines share besides the WaitGroup.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Shared {
    /// The `SetLimit` semaphore; nil without a limit.
    sem: Chan<()>,
    err: Option<Error>,
}

/// An `errgroup.Group`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    wg: WaitGroup,
    shared: Var<Shared>,
    cancel: Option<CancelFunc>,
}

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
        Group {
            wg: WaitGroup::new(),
            shared: Var::new(Shared::default()),
            cancel,
        }
    }

    /// `g.SetLimit(n)`: at most `n` of the group's goroutines run at once; a negative `n`
    /// removes the limit. Panics, as Go does, if goroutines are running under a limit.
    pub async fn set_limit(self, n: i64) {
        let sem = self.shared.get().await.sem;
        if !sem.is_nil() && !sem.is_empty().await {
            let message = format!(
                "errgroup: modify limit while {} goroutines in the group are still active",
                sem.len().await
            );
            let never = go_panic(message).await;
            match never {}
        }
        let sem = if n < 0 {
            Chan::nil()
        } else {
            make_chan::<()>(n as usize)
        };
        self.shared.update(|s| s.sem = sem).await;
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
        let sem = self.shared.get().await.sem;
        if !sem.is_nil() {
            sem.send(()).await;
        }
        self.wg.add(1).await;
        let label = Label {
            func: std::any::type_name::<F>(),
            name: None,
            index: None,
        };
        go_label(label, member::<F, A>, (self, sem, args));
    }

    /// `g.Wait()`: blocks until every goroutine of the group has returned, cancels the
    /// context, and returns the first error.
    pub async fn wait(self) -> Result<(), Error> {
        self.wg.wait().await;
        let err = self.shared.get().await.err;
        if let Some(cancel) = self.cancel {
            cancel.cancel();
        }
        err.map_or(Ok(()), Err)
    }

    /// A goroutine of the group returned `err`: the first error is kept and cancels the
    /// group's context.
    async fn fail(self, err: Error) {
        let first = self
            .shared
            .update(|s| {
                let first = s.err.is_none();
                if first {
                    s.err = Some(err);
                }
                first
            })
            .await;
        if let (true, Some(cancel)) = (first, self.cancel) {
            cancel.cancel();
        }
    }
}

/// A goroutine of a group: runs `F(args)`, keeps its error, frees its slot.
async fn member<F, A>(group: Group, sem: Chan<()>, args: A)
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = Result<(), Error>>,
{
    let f = conjure::<F, A>();
    if let Err(err) = f.call(args).await {
        group.fail(err).await;
    }
    if !sem.is_nil() {
        sem.recv().await;
    }
    group.wg.done().await;
}

/// Declares that goroutines of an errgroup running `f` may start on this executor (see
/// [`Entries::add`]).
pub fn declare<F, A>(entries: &mut Entries, f: F)
where
    F: Call<A> + Copy + 'static,
    F::Fut: Future<Output = Result<(), Error>>,
    A: Value,
{
    let _ = f;
    entries.add(member::<F, A>);
}
