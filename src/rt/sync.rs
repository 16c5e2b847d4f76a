//! Go's `sync`: `WaitGroup`, `Mutex`, `Once`.
//!
//! Each is a copyable handle into the run's [`SyncTables`]. Blocking on any of them parks the
//! goroutine in Go's `semacquire` state; waiters are woken in FIFO order.
//!
//! Operations that can panic in Go (`Add` below zero, `Unlock` of an unlocked mutex) are
//! futures, like every operation that may end the run: the code after one that panicked never
//! runs.
//!
//! # Invariants
//! - A WaitGroup's counter is never negative; its waiters are parked only while it is positive.
//! - A Mutex's waiters are parked only while it is locked; unlock hands it to the first waiter.

use std::future::{Future, Ready};
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::{Deserialize, Serialize};

use super::current::with_core;
use super::goroutine::{WaitKey, WaitReason, Wake};
use super::remote::{self, Op, Routed};
use super::run::Core;

#[derive(Default)]
struct WgState {
    counter: i64,
    waiters: Vec<WaitKey>,
}

#[derive(Default)]
struct MutexState {
    locked: bool,
    waiters: std::collections::VecDeque<WaitKey>,
}

#[derive(Default)]
struct OnceState {
    done: bool,
    running: bool,
    waiters: Vec<WaitKey>,
}

/// The run's WaitGroups, Mutexes and Onces.
#[derive(Default)]
pub(crate) struct SyncTables {
    wgs: Vec<WgState>,
    mutexes: Vec<MutexState>,
    onces: Vec<OnceState>,
}

/// Parks the running goroutine once, for `reason` on `obj`, after `register` has filed its
/// wait key; completes when woken.
pub(crate) struct Park<F> {
    reason: WaitReason,
    obj: u32,
    register: Option<F>,
}

impl<F: FnOnce(&mut Core, WaitKey) + Unpin> Future for Park<F> {
    type Output = Wake;
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Wake> {
        match self.register.take() {
            None => Poll::Ready(with_core(|c| c.sched.wake())),
            Some(register) => {
                let (reason, obj) = (self.reason, self.obj);
                with_core(|c| {
                    let seq = c.sched.park(reason, obj);
                    let key = c.sched.key(seq, 0);
                    register(c, key);
                });
                Poll::Pending
            }
        }
    }
}

pub(crate) fn park<F: FnOnce(&mut Core, WaitKey) + Unpin>(
    reason: WaitReason,
    obj: u32,
    register: F,
) -> Park<F> {
    Park {
        reason,
        obj,
        register: Some(register),
    }
}

/// Ends the run with Go's panic `message` (or a fatal error) and never completes.
async fn fail(panic: bool, message: &'static str) {
    with_core(|c| {
        if panic {
            c.sched.go_panic(message)
        } else {
            c.sched.fatal(message)
        }
    });
    let never = super::builtin::Never.await;
    match never {}
}

/// Go's `sync.WaitGroup`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitGroup(u32);

impl Default for WaitGroup {
    /// Go's zero value; like `new`, only inside a run.
    fn default() -> Self {
        WaitGroup::new()
    }
}

impl WaitGroup {
    /// `var wg sync.WaitGroup`.
    pub fn new() -> Self {
        if let Some(id) = remote::create(|id| Op::NewWaitGroup { id }) {
            return WaitGroup(id);
        }
        with_core(|c| {
            let id = c.sched.ids.add(&mut c.sync.wgs, WgState::default());
            WaitGroup(id)
        })
    }

    pub(crate) fn from_id(id: u32) -> Self {
        WaitGroup(id)
    }

    pub(crate) fn id(self) -> u32 {
        self.0
    }

    /// `wg.Add(n)`: panics with `sync: negative WaitGroup counter` below zero; at zero, wakes
    /// every waiter.
    #[allow(clippy::should_implement_trait)] // Go's name; it adds in place, not `+`
    pub fn add(self, n: i64) -> Routed<WgAdd> {
        let wg = self.0;
        remote::route(
            || Op::WgAdd { wg, n },
            || WgAdd {
                wg,
                n,
                failed: false,
            },
        )
    }

    /// `wg.Done()`.
    pub fn done(self) -> Routed<WgAdd> {
        self.add(-1)
    }

    /// `wg.Wait()`: blocks until the counter is zero.
    pub fn wait(self) -> Routed<WgWait> {
        let wg = self.0;
        remote::route(|| Op::WgWait { wg }, || WgWait { wg, parked: false })
    }

    /// The counter (for tests and the page; Go does not expose it).
    pub fn counter(self) -> Routed<Ready<i64>> {
        let wg = self.0;
        remote::query(
            || Op::WgCounter { wg },
            || with_core(|c| c.sync.wgs[wg as usize].counter),
        )
    }
}

/// The future of [`WaitGroup::add`] and [`WaitGroup::done`]: ready at once, or never (the
/// run ends with Go's panic).
#[must_use = "wg.add does nothing unless awaited"]
pub struct WgAdd {
    wg: u32,
    n: i64,
    /// The counter went negative: the run is ending.
    failed: bool,
}

impl Future for WgAdd {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.failed {
            return Poll::Pending;
        }
        let (id, n) = (self.wg as usize, self.n);
        let negative = with_core(|c| {
            let Core { sync, sched, .. } = c;
            let wg = &mut sync.wgs[id];
            wg.counter += n;
            if wg.counter < 0 {
                sched.go_panic("sync: negative WaitGroup counter");
                return true;
            }
            if wg.counter == 0 {
                // Drained, not taken: the list keeps its buffer for the next wait.
                for key in wg.waiters.drain(..) {
                    sched.ready(key, Wake::default());
                }
            }
            false
        });
        if negative {
            self.failed = true;
            return Poll::Pending;
        }
        Poll::Ready(())
    }
}

/// The future of [`WaitGroup::wait`].
#[must_use = "wg.wait does nothing unless awaited"]
pub struct WgWait {
    wg: u32,
    parked: bool,
}

impl Future for WgWait {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.parked {
            // Woken by the add that brought the counter to zero.
            return Poll::Ready(());
        }
        let id = self.wg;
        let parked = with_core(|c| {
            if c.sync.wgs[id as usize].counter == 0 {
                return false;
            }
            let seq = c.sched.park(WaitReason::WaitGroup, id);
            let key = c.sched.key(seq, 0);
            c.sync.wgs[id as usize].waiters.push(key);
            true
        });
        if !parked {
            return Poll::Ready(());
        }
        self.parked = true;
        Poll::Pending
    }
}

/// Go's `sync.Mutex`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mutex(u32);

impl Default for Mutex {
    /// Go's zero value; like `new`, only inside a run.
    fn default() -> Self {
        Mutex::new()
    }
}

impl Mutex {
    pub fn new() -> Self {
        if let Some(id) = remote::create(|id| Op::NewMutex { id }) {
            return Mutex(id);
        }
        with_core(|c| {
            let id = c.sched.ids.add(&mut c.sync.mutexes, MutexState::default());
            Mutex(id)
        })
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Mutex(id)
    }

    /// `mu.Lock()`.
    pub async fn lock(self) {
        if remote::linked() {
            return remote::ask(Op::Lock { mutex: self.0 }).await;
        }
        let free = with_core(|c| {
            let m = &mut c.sync.mutexes[self.0 as usize];
            !std::mem::replace(&mut m.locked, true)
        });
        if free {
            return;
        }
        let id = self.0;
        // Woken by unlock, which hands the lock over (it stays locked).
        park(WaitReason::Mutex, id, move |c, key| {
            c.sync.mutexes[id as usize].waiters.push_back(key)
        })
        .await;
    }

    /// `mu.Unlock()`: `fatal error: sync: unlock of unlocked mutex` if it was not locked.
    pub async fn unlock(self) {
        if remote::linked() {
            return remote::ask(Op::Unlock { mutex: self.0 }).await;
        }
        let unlocked = with_core(|c| {
            let m = &mut c.sync.mutexes[self.0 as usize];
            if !m.locked {
                return true;
            }
            while let Some(key) = m.waiters.pop_front() {
                if c.sched.ready(key, Wake::default()) {
                    return false;
                }
            }
            m.locked = false;
            false
        });
        if unlocked {
            fail(false, "sync: unlock of unlocked mutex").await;
        }
    }
}

/// Go's `sync.Once`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Once(u32);

impl Default for Once {
    /// Go's zero value; like `new`, only inside a run.
    fn default() -> Self {
        Once::new()
    }
}

impl Once {
    pub fn new() -> Self {
        if let Some(id) = remote::create(|id| Op::NewOnce { id }) {
            return Once(id);
        }
        with_core(|c| {
            let id = c.sched.ids.add(&mut c.sync.onces, OnceState::default());
            Once(id)
        })
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Once(id)
    }

    /// `once.Do(f)`: the first call runs `f`; the others wait until it has finished, then
    /// return without running theirs.
    pub async fn call<F: Future<Output = ()>>(self, f: F) {
        if self.enter().await {
            f.await;
            self.exit();
        }
    }

    /// The start of `Do`: true for the first call, which runs its function; the others wait
    /// until that has finished, and get false.
    pub(crate) async fn enter(self) -> bool {
        if remote::linked() {
            return remote::ask(Op::OnceEnter { once: self.0 }).await;
        }
        let id = self.0 as usize;
        // Some(true): run it; Some(false): already done; None: running elsewhere, wait.
        let first = with_core(|c| {
            let o = &mut c.sync.onces[id];
            if o.done {
                Some(false)
            } else if o.running {
                None
            } else {
                o.running = true;
                Some(true)
            }
        });
        match first {
            Some(first) => first,
            None => {
                park(WaitReason::Once, self.0, move |c, key| {
                    c.sync.onces[id].waiters.push(key)
                })
                .await;
                false
            }
        }
    }

    /// The end of the first `Do`: wakes the calls waiting for it.
    pub(crate) fn exit(self) {
        if remote::post(|| Op::OnceExit { once: self.0 }) {
            return;
        }
        with_core(|c| {
            let o = &mut c.sync.onces[self.0 as usize];
            o.done = true;
            for key in std::mem::take(&mut o.waiters) {
                c.sched.ready(key, Wake::default());
            }
        });
    }
}
