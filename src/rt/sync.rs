//! Go's `sync`: `WaitGroup`, `Mutex`, `Once`, and the waiting half of `Cond`.
//!
//! Each is a copyable handle into the run's [`SyncTables`]. Blocking on any of them but a
//! `Cond` parks the goroutine in Go's `semacquire` state (a `Cond` in `sync.Cond.Wait`);
//! waiters are woken in FIFO order.
//!
//! Operations that can panic in Go (`Add` below zero, `Unlock` of an unlocked mutex) are
//! futures, like every operation that may end the run: the code after one that panicked never
//! runs.
//!
//! # Invariants
//! - A WaitGroup's counter is never negative; its waiters are parked only while it is positive.
//! - A Mutex's waiters are parked only while it is locked or handed over; `handoff` names a
//!   waiter woken and not yet run only in starvation mode, with the mutex unlocked.

use std::task::Poll;

use serde::{Deserialize, Serialize};

use super::current::with_core;
use super::goroutine::{WaitKey, WaitReason, Wake};
use super::real::{Data, HubOp, Op, Proxy};
use super::run::Core;
use super::seam::{self, Operation, Query, Routed};

#[derive(Default)]
struct WgState {
    counter: i64,
    waiters: Vec<WaitKey>,
}

/// Go's `sync.Mutex` (`sync/mutex.go`). In normal mode, unlock wakes the first waiter, which
/// then competes for the lock with the goroutines arriving (the running one usually wins: it
/// is already on a processor); a waiter that loses goes back to the front of the queue. A
/// waiter that has waited more than [`STARVATION_NS`] switches the mutex to starvation mode,
/// where unlock hands it straight to the first waiter and newcomers queue behind.
#[derive(Default)]
struct MutexState {
    locked: bool,
    /// Starvation mode.
    starving: bool,
    /// A waiter was woken and has not run yet (normal mode): unlock wakes no other.
    woken: bool,
    /// The park of the waiter the mutex was handed to (starvation mode), until it runs; 0 if
    /// none.
    handoff: u64,
    waiters: std::collections::VecDeque<WaitKey>,
}

/// How long a waiter waits before the mutex goes into starvation mode (Go's
/// `starvationThresholdNs`).
const STARVATION_NS: u64 = 1_000_000;

impl WgState {
    /// A counter and no waiters (a copy of the Go struct holds none of them).
    fn counting(counter: i64) -> WgState {
        WgState {
            counter,
            waiters: Vec::new(),
        }
    }

    /// What a copy of the Go struct holds: the counter, none of the waiters.
    fn copy(&self) -> WgState {
        WgState::counting(self.counter)
    }
}

impl MutexState {
    /// Locked or not, with no waiters (a copy of the Go struct holds none of them).
    fn locked(locked: bool) -> MutexState {
        MutexState {
            locked,
            ..MutexState::default()
        }
    }

    /// What a copy of the Go struct holds: whether it is locked, none of the waiters.
    fn copy(&self) -> MutexState {
        MutexState::locked(self.locked)
    }
}

#[derive(Default)]
struct OnceState {
    done: bool,
    running: bool,
    waiters: Vec<WaitKey>,
}

/// A condition's tickets, as Go's runtime keeps them (`notifyList` in `runtime/sema.go`):
/// a waiter takes ticket `wait` before it unlocks its Locker, and waits until `notify` has
/// passed its ticket, so a signal that comes between the two is not lost.
#[derive(Default)]
struct CondState {
    /// The next ticket to give.
    wait: u32,
    /// The next ticket to wake.
    notify: u32,
    /// Parked waiters with their tickets, in the order they parked.
    waiters: Vec<(u32, WaitKey)>,
}

/// Whether ticket `a` comes before ticket `b` (the counters wrap, as Go's do).
fn before(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// The run's WaitGroups, Mutexes, Onces and Conds.
#[derive(Default)]
pub(crate) struct SyncTables {
    wgs: Vec<WgState>,
    mutexes: Vec<MutexState>,
    onces: Vec<OnceState>,
    conds: Vec<CondState>,
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
        Self::with_counter(0)
    }

    /// A WaitGroup whose counter is `counter`: what a copy of the Go struct holds, made from
    /// the state the original had when it was copied.
    pub fn with_counter(counter: i64) -> Self {
        let [id] = seam::create(
            |[id]| SyncOp::NewWaitGroup { id, counter },
            |c| [c.sched.ids.add(&mut c.sync.wgs, WgState::counting(counter))],
        );
        WaitGroup(id)
    }

    pub(crate) fn from_id(id: u32) -> Self {
        WaitGroup(id)
    }

    pub(crate) fn id(self) -> u32 {
        self.0
    }

    /// A copy of this WaitGroup, as copying the Go struct that holds it makes one: a new
    /// WaitGroup with its counter (and none of its waiters).
    pub fn copied(self) -> Self {
        let from = self.0;
        let [id] = seam::create(
            |[id]| SyncOp::CopyWaitGroup { from, id },
            |c| {
                let copy = c.sync.wgs[from as usize].copy();
                [c.sched.ids.add(&mut c.sync.wgs, copy)]
            },
        );
        WaitGroup(id)
    }

    /// `wg.Add(n)`: panics with `sync: negative WaitGroup counter` below zero; at zero, wakes
    /// every waiter.
    #[allow(clippy::should_implement_trait)] // Go's name; it adds in place, not `+`
    pub fn add(self, n: i64) -> Routed<WgAdd> {
        Routed::new(WgAdd {
            wg: self.0,
            n,
            failed: false,
        })
    }

    /// `wg.Done()`.
    pub fn done(self) -> Routed<WgAdd> {
        self.add(-1)
    }

    /// `wg.Wait()`: blocks until the counter is zero.
    pub fn wait(self) -> Routed<WgWait> {
        Routed::new(WgWait {
            wg: self.0,
            parked: false,
        })
    }

    /// The counter and how many goroutines wait, where this thread holds the WaitGroup (see
    /// [`seam::peek`]): what Go's struct holds, for printing it.
    pub(crate) fn peek(self) -> Option<(i64, usize)> {
        seam::peek(|c| {
            c.sync
                .wgs
                .get(self.0 as usize)
                .map_or((0, 0), |wg| (wg.counter, wg.waiters.len()))
        })
    }

    /// The counter (for tests and the page; Go does not expose it).
    pub fn counter(self) -> Routed<Query<i64>> {
        let wg = self.0;
        seam::query(
            || SyncOp::WgCounter { wg },
            |c| c.sync.wgs[wg as usize].counter,
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

impl Operation for WgAdd {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        if self.failed {
            return Poll::Pending;
        }
        let Core { sync, sched, .. } = c;
        let wg = &mut sync.wgs[self.wg as usize];
        wg.counter += self.n;
        if wg.counter < 0 {
            sched.go_panic(super::builtin::NEGATIVE_WAITGROUP);
            self.failed = true;
            return Poll::Pending;
        }
        if wg.counter == 0 {
            // Drained, not taken: the list keeps its buffer for the next wait.
            for key in wg.waiters.drain(..) {
                sched.ready(key, Wake::default());
            }
        }
        Poll::Ready(())
    }

    fn to_hub(&mut self) -> Op {
        SyncOp::WgAdd {
            wg: self.wg,
            n: self.n,
        }
        .into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// The future of [`WaitGroup::wait`].
#[must_use = "wg.wait does nothing unless awaited"]
pub struct WgWait {
    wg: u32,
    parked: bool,
}

impl Operation for WgWait {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        let wg = &c.sync.wgs[self.wg as usize];
        if self.parked {
            // Woken by the add that brought the counter to zero, which Go's Wait checks is
            // still what it left.
            if wg.counter != 0 || !wg.waiters.is_empty() {
                c.sched.go_panic(super::builtin::REUSED_WAITGROUP);
                return Poll::Pending;
            }
            return Poll::Ready(());
        }
        if wg.counter == 0 {
            return Poll::Ready(());
        }
        let seq = c.sched.park(WaitReason::WaitGroup, self.wg);
        let key = c.sched.key(seq, 0);
        c.sync.wgs[self.wg as usize].waiters.push(key);
        self.parked = true;
        Poll::Pending
    }

    fn to_hub(&mut self) -> Op {
        SyncOp::WgWait { wg: self.wg }.into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
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
        Self::with_locked(false)
    }

    /// A Mutex, locked or not: what a copy of the Go struct holds, made from the state the
    /// original had when it was copied.
    pub fn with_locked(locked: bool) -> Self {
        let [id] = seam::create(
            |[id]| SyncOp::NewMutex { id, locked },
            |c| {
                [c.sched
                    .ids
                    .add(&mut c.sync.mutexes, MutexState::locked(locked))]
            },
        );
        Mutex(id)
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Mutex(id)
    }

    pub(crate) fn id(self) -> u32 {
        self.0
    }

    /// A copy of this Mutex, as copying the Go struct that holds it makes one: a new Mutex,
    /// locked if this one is (with none of its waiters).
    pub fn copied(self) -> Self {
        let from = self.0;
        let [id] = seam::create(
            |[id]| SyncOp::CopyMutex { from, id },
            |c| {
                let copy = c.sync.mutexes[from as usize].copy();
                [c.sched.ids.add(&mut c.sync.mutexes, copy)]
            },
        );
        Mutex(id)
    }

    /// Whether the mutex is locked and how many goroutines wait for it, where this thread
    /// holds it (see [`seam::peek`]): what Go's struct holds, for printing it.
    pub(crate) fn peek(self) -> Option<(bool, usize)> {
        seam::peek(|c| {
            c.sync
                .mutexes
                .get(self.0 as usize)
                .map_or((false, 0), |m| (m.locked, m.waiters.len()))
        })
    }

    /// `mu.Lock()`.
    pub fn lock(self) -> Routed<Lock> {
        Routed::new(Lock {
            mutex: self.0,
            parked: 0,
            wait_start: None,
            starving: false,
        })
    }

    /// `mu.TryLock()`: locks the mutex if it is free, without waiting; true if it did.
    pub fn try_lock(self) -> Routed<Query<bool>> {
        let mutex = self.0;
        seam::query(
            || SyncOp::TryLock { mutex },
            |c| {
                // Go's TryLock fails in starvation mode too.
                let m = &mut c.sync.mutexes[mutex as usize];
                let free = !m.locked && !m.starving && m.handoff == 0;
                m.locked |= free;
                free
            },
        )
    }

    /// `mu.Unlock()`: `fatal error: sync: unlock of unlocked mutex` if it was not locked.
    pub fn unlock(self) -> Routed<Unlock> {
        Routed::new(Unlock {
            mutex: self.0,
            failed: false,
            yielded: false,
        })
    }
}

/// The future of [`Mutex::lock`]: Go's `lockSlow` without the spinning.
#[must_use = "mu.lock does nothing unless awaited"]
pub struct Lock {
    mutex: u32,
    /// The park it waits in, 0 while it does not wait.
    parked: u64,
    /// When it first waited.
    wait_start: Option<u64>,
    /// It has waited [`STARVATION_NS`] or longer.
    starving: bool,
}

impl Operation for Lock {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        let now = c.sched.now;
        let m = &mut c.sync.mutexes[self.mutex as usize];
        if self.parked != 0 {
            let seq = std::mem::replace(&mut self.parked, 0);
            let waited = now.saturating_sub(self.wait_start.unwrap_or(now));
            // Go asks for longer than the threshold, on a clock that has moved on past a
            // wait of exactly that (a sleep of 1 ms under the lock) by the time it looks;
            // the virtual clock has not.
            self.starving |= waited >= STARVATION_NS;
            if m.handoff == seq {
                // Starvation mode handed the mutex over: it is ours. The last waiter, or one
                // that did not wait long, ends starvation mode.
                m.handoff = 0;
                m.locked = true;
                if !self.starving || m.waiters.is_empty() {
                    m.starving = false;
                }
                return Poll::Ready(());
            }
            m.woken = false;
        }
        if !m.locked && !m.starving && m.handoff == 0 {
            m.locked = true;
            return Poll::Ready(());
        }
        if self.starving && m.locked {
            m.starving = true;
        }
        // A waiter woken before goes back to the front of the queue.
        let again = self.wait_start.is_some();
        self.wait_start.get_or_insert(now);
        let seq = c.sched.park(WaitReason::Mutex, self.mutex);
        let key = c.sched.key(seq, 0);
        let waiters = &mut c.sync.mutexes[self.mutex as usize].waiters;
        if again {
            waiters.push_front(key);
        } else {
            waiters.push_back(key);
        }
        self.parked = seq;
        Poll::Pending
    }

    fn to_hub(&mut self) -> Op {
        SyncOp::Lock { mutex: self.mutex }.into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// The future of [`Mutex::unlock`]: ready at once, after a yield to the waiter it hands the
/// mutex to (starvation mode, sim mode: Go's `semrelease` with handoff), or never (the run
/// ends with Go's fatal error).
#[must_use = "mu.unlock does nothing unless awaited"]
pub struct Unlock {
    mutex: u32,
    failed: bool,
    yielded: bool,
}

impl Operation for Unlock {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        if self.failed {
            return Poll::Pending;
        }
        if self.yielded {
            return Poll::Ready(());
        }
        let m = &mut c.sync.mutexes[self.mutex as usize];
        if !m.locked {
            c.sched.fatal("sync: unlock of unlocked mutex");
            self.failed = true;
            return Poll::Pending;
        }
        m.locked = false;
        if !m.starving && m.woken {
            return Poll::Ready(());
        }
        while let Some(key) = m.waiters.pop_front() {
            if !c.sched.ready(key, Wake::default()) {
                continue;
            }
            if !m.starving {
                m.woken = true;
                return Poll::Ready(());
            }
            m.handoff = key.seq;
            // The waiter runs at once, this goroutine after the others (Go's goyield); a
            // hub's proxy, which stands for a goroutine elsewhere, goes on.
            if c.sched.backend.epoch_ns().is_none() {
                c.sched.yield_now();
                self.yielded = true;
                return Poll::Pending;
            }
            return Poll::Ready(());
        }
        m.starving = false;
        Poll::Ready(())
    }

    fn to_hub(&mut self) -> Op {
        SyncOp::Unlock { mutex: self.mutex }.into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
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
        let [id] = seam::create(
            |[id]| SyncOp::NewOnce { id },
            |c| [c.sched.ids.add(&mut c.sync.onces, OnceState::default())],
        );
        Once(id)
    }

    /// `once.Do(f)`: the first call runs `f`; the others wait until it has finished, then
    /// return without running theirs.
    pub async fn call<F: std::future::Future<Output = ()>>(self, f: F) {
        if self.enter().await {
            f.await;
            self.exit();
        }
    }

    /// The start of `Do`: true for the first call, which runs its function; the others wait
    /// until that has finished, and get false.
    pub(crate) fn enter(self) -> Routed<OnceEnter> {
        Routed::new(OnceEnter {
            once: self.0,
            parked: false,
        })
    }

    /// The end of the first `Do`: wakes the calls waiting for it.
    pub(crate) fn exit(self) {
        let once = self.0;
        seam::apply(
            || SyncOp::OnceExit { once },
            |c| {
                let o = &mut c.sync.onces[once as usize];
                o.done = true;
                for key in std::mem::take(&mut o.waiters) {
                    c.sched.ready(key, Wake::default());
                }
            },
        );
    }
}

/// The future of `Once::enter`.
pub struct OnceEnter {
    once: u32,
    parked: bool,
}

impl Operation for OnceEnter {
    type Output = bool;
    fn poll_here(&mut self, c: &mut Core) -> Poll<bool> {
        // Woken once the first call's function has finished.
        if self.parked {
            return Poll::Ready(false);
        }
        let o = &mut c.sync.onces[self.once as usize];
        if o.done {
            return Poll::Ready(false);
        }
        if !o.running {
            o.running = true;
            return Poll::Ready(true);
        }
        let seq = c.sched.park(WaitReason::Once, self.once);
        let key = c.sched.key(seq, 0);
        c.sync.onces[self.once as usize].waiters.push(key);
        self.parked = true;
        Poll::Pending
    }

    fn to_hub(&mut self) -> Op {
        SyncOp::OnceEnter { once: self.once }.into()
    }

    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<bool, String> {
        answer.read()
    }
}

/// The waiting half of Go's `sync.Cond`: the Locker's part (unlock before waiting, lock
/// after) is the caller's, between [`Cond::ticket`] and [`Cond::wait`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cond(u32);

impl Default for Cond {
    /// Go's zero value; like `new`, only inside a run.
    fn default() -> Self {
        Cond::new()
    }
}

impl Cond {
    pub fn new() -> Self {
        let [id] = seam::create(
            |[id]| SyncOp::NewCond { id },
            |c| [c.sched.ids.add(&mut c.sync.conds, CondState::default())],
        );
        Cond(id)
    }

    pub(crate) fn from_id(id: u32) -> Self {
        Cond(id)
    }

    pub(crate) fn id(self) -> u32 {
        self.0
    }

    /// The ticket of a goroutine about to wait: taken while it still holds the Locker.
    pub fn ticket(self) -> Routed<Query<u32>> {
        let cond = self.0;
        seam::query(
            || SyncOp::CondTicket { cond },
            |c| {
                let s = &mut c.sync.conds[cond as usize];
                let t = s.wait;
                s.wait = t.wrapping_add(1);
                t
            },
        )
    }

    /// Waits until a signal or a broadcast has passed `ticket`: at once if one already has.
    pub fn wait(self, ticket: u32) -> Routed<CondWait> {
        Routed::new(CondWait {
            cond: self.0,
            ticket,
            parked: false,
        })
    }

    /// `c.Signal()`: wakes the waiter with the oldest ticket not yet woken, if there is one.
    pub fn signal(self) {
        let cond = self.0;
        seam::apply(
            || SyncOp::CondSignal { cond },
            |c| {
                let s = &mut c.sync.conds[cond as usize];
                if s.wait == s.notify {
                    return;
                }
                let t = s.notify;
                s.notify = t.wrapping_add(1);
                // Not parked yet (between its ticket and its wait), it will not park.
                if let Some(i) = s.waiters.iter().position(|&(ticket, _)| ticket == t) {
                    let (_, key) = s.waiters.remove(i);
                    c.sched.ready(key, Wake::default());
                }
            },
        );
    }

    /// `c.Broadcast()`: wakes every waiter that has a ticket.
    pub fn broadcast(self) {
        let cond = self.0;
        seam::apply(
            || SyncOp::CondBroadcast { cond },
            |c| {
                let s = &mut c.sync.conds[cond as usize];
                s.notify = s.wait;
                for (_, key) in std::mem::take(&mut s.waiters) {
                    c.sched.ready(key, Wake::default());
                }
            },
        );
    }
}

/// The future of [`Cond::wait`].
#[must_use = "cond.wait does nothing unless awaited"]
pub struct CondWait {
    cond: u32,
    ticket: u32,
    parked: bool,
}

impl Operation for CondWait {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        // Woken by the signal or broadcast that passed the ticket.
        if self.parked || before(self.ticket, c.sync.conds[self.cond as usize].notify) {
            return Poll::Ready(());
        }
        let seq = c.sched.park(WaitReason::CondWait, self.cond);
        let key = c.sched.key(seq, 0);
        c.sync.conds[self.cond as usize]
            .waiters
            .push((self.ticket, key));
        self.parked = true;
        Poll::Pending
    }

    fn to_hub(&mut self) -> Op {
        SyncOp::CondWait {
            cond: self.cond,
            ticket: self.ticket,
        }
        .into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// The operations of `sync`'s objects, as an executor asks them of the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SyncOp {
    NewWaitGroup {
        id: u32,
        counter: i64,
    },
    WgAdd {
        wg: u32,
        n: i64,
    },
    WgWait {
        wg: u32,
    },
    WgCounter {
        wg: u32,
    },
    NewMutex {
        id: u32,
        locked: bool,
    },
    /// [`WaitGroup::copied`]: WaitGroup `id` is a copy of `from`.
    CopyWaitGroup {
        from: u32,
        id: u32,
    },
    /// [`Mutex::copied`].
    CopyMutex {
        from: u32,
        id: u32,
    },
    Lock {
        mutex: u32,
    },
    TryLock {
        mutex: u32,
    },
    Unlock {
        mutex: u32,
    },
    NewOnce {
        id: u32,
    },
    OnceEnter {
        once: u32,
    },
    OnceExit {
        once: u32,
    },
    NewCond {
        id: u32,
    },
    CondTicket {
        cond: u32,
    },
    CondWait {
        cond: u32,
        ticket: u32,
    },
    CondSignal {
        cond: u32,
    },
    CondBroadcast {
        cond: u32,
    },
}

impl HubOp for SyncOp {
    fn pipelined(&self) -> bool {
        matches!(self, SyncOp::WgAdd { .. } | SyncOp::Unlock { .. })
    }

    async fn exec(self, _: Proxy) -> Data {
        match self {
            SyncOp::NewWaitGroup { id, counter } => {
                with_core(|c| super::sched::put(&mut c.sync.wgs, id, WgState::counting(counter)))
            }
            SyncOp::WgAdd { wg, n } => WaitGroup(wg).add(n).await,
            SyncOp::WgWait { wg } => WaitGroup(wg).wait().await,
            SyncOp::WgCounter { wg } => return Data::of(&WaitGroup(wg).counter().await),
            SyncOp::NewMutex { id, locked } => with_core(|c| {
                super::sched::put(&mut c.sync.mutexes, id, MutexState::locked(locked))
            }),
            SyncOp::CopyWaitGroup { from, id } => with_core(|c| {
                let copy = c.sync.wgs[from as usize].copy();
                super::sched::put(&mut c.sync.wgs, id, copy)
            }),
            SyncOp::CopyMutex { from, id } => with_core(|c| {
                let copy = c.sync.mutexes[from as usize].copy();
                super::sched::put(&mut c.sync.mutexes, id, copy)
            }),
            SyncOp::Lock { mutex } => Mutex(mutex).lock().await,
            SyncOp::TryLock { mutex } => return Data::of(&Mutex(mutex).try_lock().await),
            SyncOp::Unlock { mutex } => Mutex(mutex).unlock().await,
            SyncOp::NewOnce { id } => {
                with_core(|c| super::sched::put(&mut c.sync.onces, id, OnceState::default()))
            }
            SyncOp::OnceEnter { once } => return Data::of(&Once(once).enter().await),
            SyncOp::OnceExit { once } => Once(once).exit(),
            SyncOp::NewCond { id } => {
                with_core(|c| super::sched::put(&mut c.sync.conds, id, CondState::default()))
            }
            SyncOp::CondTicket { cond } => return Data::of(&Cond(cond).ticket().await),
            SyncOp::CondWait { cond, ticket } => Cond(cond).wait(ticket).await,
            SyncOp::CondSignal { cond } => Cond(cond).signal(),
            SyncOp::CondBroadcast { cond } => Cond(cond).broadcast(),
        }
        Data::none()
    }
}
