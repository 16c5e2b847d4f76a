//! Real mode's runtime: goroutines on several executors, shared state on one hub.
//!
//! In real mode (DESIGN.md, Two modes) a run is one *hub* and `procs` *executors*, each a
//! [`Runtime`](super::Runtime) on its own Web Worker. Goroutines run on the executors; every
//! runtime object (channel, WaitGroup, Mutex, context, timer, errgroup, semaphore, shared
//! variable) lives on the hub. An executor's goroutine that operates on one sends an [`Op`] to
//! the hub and parks until the answer comes back; operations that only create an object or
//! print do not wait. An executor sends what its goroutines asked for in one message per
//! tick (whenever none of its goroutines can run), and the hub answers in one message per
//! executor per tick.
//!
//! On the hub each remote goroutine has a *proxy*: a goroutine with the same Go id, name and
//! parent that performs the operations on the goroutine's behalf, with the same runtime code
//! as sim mode, on the wall clock. So Go's semantics hold across workers by construction:
//! a select is atomic because one executor (the hub's) runs it, and deadlock is what sim
//! mode calls deadlock, with one more condition: no proxy is waiting for its goroutine (a
//! goroutine running on an executor may still unblock the others).
//!
//! Objects are named by ids that mean the same on every worker: an executor numbers the
//! objects it creates `n * (procs + 1) + worker + 1`, the hub its own `n * (procs + 1)`, so
//! ids never collide and need no translation.
//!
//! Goroutines start on executors round-robin (main on executor 0), by the entry of their
//! function (see `crate::placement`).
//!
//! # Invariants
//! - A proxy is parked in [`WaitReason::CpuWork`] on its executor's index exactly while its
//!   goroutine runs there (between two operations); `remote_running` counts them.
//! - A goroutine has at most one operation that waits for an answer in flight.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context as TaskContext, Poll};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::current::with_core;
use super::current::{spawn_boxed, store_task, Enter};
use super::goroutine::{GoId, Label, Slot, WaitKey, WaitReason, Wake};
use super::run::Core;
use super::run::{Runtime, Task};
use super::time::TimerId;

/// An operation a goroutine on an executor asks the hub for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// `go f(args)`: start a goroutine.
    Go(Spawn),
    /// The goroutine returned.
    Exit,
    Print {
        text: String,
    },
    Panic {
        message: String,
    },
    Fatal {
        message: String,
    },
    /// CPU work ran on the executor from `start` for `ns` (for the processor view).
    Span {
        start: u64,
        ns: u64,
    },
    MakeChan {
        id: u32,
        cap: usize,
    },
    Send {
        chan: u32,
        value: Json,
    },
    Recv {
        chan: u32,
    },
    /// Cases: a channel, with a value to send or none to receive.
    Select {
        cases: Vec<(u32, Option<Json>)>,
        default: bool,
    },
    Close {
        chan: u32,
    },
    Len {
        chan: u32,
    },
    Cap {
        chan: u32,
    },
    NewWaitGroup {
        id: u32,
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
    },
    Lock {
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
    NewVar {
        id: u32,
        value: Json,
    },
    VarGet {
        var: u32,
    },
    VarSet {
        var: u32,
        value: Json,
    },
    /// Takes the variable for an update, which `VarUnlock` writes back.
    VarLock {
        var: u32,
    },
    VarUnlock {
        var: u32,
        value: Json,
    },
    AtomicAdd {
        var: u32,
        n: i64,
    },
    NewContext {
        id: u32,
        done: u32,
        parent: u32,
        deadline: Option<u64>,
    },
    Cancel {
        ctx: u32,
    },
    CtxErr {
        ctx: u32,
    },
    CtxDeadline {
        ctx: u32,
    },
    Sleep {
        ns: u64,
    },
    NewTimer {
        id: u32,
        chan: u32,
        ns: u64,
        period: u64,
    },
    TimerStop {
        id: u32,
    },
    TimerReset {
        id: u32,
        ns: u64,
        period: u64,
    },
    NumGoroutine,
    NewGroup {
        id: u32,
        wg: u32,
        cancel: Option<u32>,
    },
    GroupParts {
        group: u32,
    },
    GroupSetSem {
        group: u32,
        sem: u32,
    },
    GroupFail {
        group: u32,
        err: String,
    },
    GroupFinish {
        group: u32,
    },
    NewWeighted {
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
    /// Answers once the goroutine's earlier operations are done.
    Fence,
}

impl Op {
    /// Whether the goroutine may go on without waiting for this operation: it answers
    /// nothing, and the hub performs a goroutine's operations in order, so what the others
    /// can see is the same. (Its next operation that needs an answer waits for it, and so
    /// does its next CPU work, so a goroutine blocked in a send does not compute.)
    fn pipelined(&self) -> bool {
        matches!(
            self,
            Op::Send { .. }
                | Op::Close { .. }
                | Op::WgAdd { .. }
                | Op::Unlock { .. }
                | Op::Release { .. }
        )
    }
}

/// Records of CPU work an executor holds back at most (see [`Link::take_due`]).
const SPANS_HELD: usize = 64;

/// Operations a goroutine may have in flight without waiting (see [`Op::pipelined`]).
const PIPELINE: u32 = 64;

/// A goroutine to start on an executor (see `crate::placement`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spawn {
    /// The function the goroutine is named after.
    pub func: String,
    pub name: Option<String>,
    pub index: Option<u32>,
    /// The function the entry starts (errgroup's runs the named one).
    pub start: String,
    pub entry: u64,
    pub args: String,
}

/// One executor's message to the hub: its goroutines' operations, in order, each with the
/// goroutine's Go id and whether it waits for the answer.
pub type ToHub = Vec<(GoId, Op, bool)>;

/// What the hub tells an executor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToExecutor {
    /// Start goroutine `g` running function `func`: `entry` 0 is the program's main.
    Start {
        g: GoId,
        func: String,
        entry: u64,
        args: String,
    },
    /// The answer to goroutine `g`'s operation.
    Answer { g: GoId, value: Json },
}

// ---------------------------------------------------------------------------------------
// The executor's side.

/// An executor's connection to the hub (in `Sched::link`).
pub(crate) struct Link {
    /// This executor's index.
    worker: u32,
    stride: u32,
    created: u32,
    /// Hub Go id of the goroutine in each local slot.
    gid: Vec<GoId>,
    /// Parked goroutines waiting for an answer, by hub Go id.
    waiting: HashMap<GoId, WaitKey>,
    /// Pipelined operations not yet followed by an answered one, by hub Go id.
    unanswered: HashMap<GoId, u32>,
    answers: HashMap<GoId, Json>,
    outbox: ToHub,
    /// Sends operations to the hub now (set by the host).
    flush: Option<fn(ToHub)>,
}

impl Link {
    pub fn new(worker: u32, procs: u32) -> Self {
        Link {
            worker,
            stride: procs + 1,
            created: 0,
            gid: Vec::new(),
            waiting: HashMap::new(),
            unanswered: HashMap::new(),
            answers: HashMap::new(),
            outbox: Vec::new(),
            flush: None,
        }
    }

    pub fn set_flush(&mut self, send: fn(ToHub)) {
        self.flush = Some(send);
    }

    /// A new object id, unique across the run.
    fn alloc(&mut self) -> u32 {
        self.created += 1;
        self.created * self.stride + self.worker + 1
    }

    pub fn gid_of(&self, slot: Slot) -> GoId {
        self.gid.get(slot as usize).copied().unwrap_or(0)
    }

    pub fn bind(&mut self, slot: Slot, g: GoId) {
        if self.gid.len() <= slot as usize {
            self.gid.resize(slot as usize + 1, 0);
        }
        self.gid[slot as usize] = g;
    }

    pub fn post(&mut self, g: GoId, op: Op, answer: bool) {
        self.outbox.push((g, op, answer));
    }

    pub fn take_outbox(&mut self) -> ToHub {
        std::mem::take(&mut self.outbox)
    }

    /// The outbox if something in it should not wait: anything but records of CPU work (they
    /// go with the next message, or once they are many), else nothing.
    pub fn take_due(&mut self) -> ToHub {
        let due = self.outbox.len() >= SPANS_HELD
            || self
                .outbox
                .iter()
                .any(|(_, op, _)| !matches!(op, Op::Span { .. }));
        if due {
            self.take_outbox()
        } else {
            Vec::new()
        }
    }

    /// Hands goroutine `g` its answer; returns the key to wake it with.
    pub fn answer(&mut self, g: GoId, value: Json) -> Option<WaitKey> {
        let key = self.waiting.remove(&g)?;
        // The hub answers in order: everything `g` sent before is done.
        self.unanswered.remove(&g);
        self.answers.insert(g, value);
        Some(key)
    }
}

/// On an executor: sends the operations waiting in the outbox now, if the host can.
pub(crate) fn flush() {
    let sent = with_core(|c| {
        let link = c.sched.link.as_mut()?;
        let send = link.flush?;
        Some((send, link.take_due()))
    });
    if let Some((send, ops)) = sent {
        if !ops.is_empty() {
            send(ops);
        }
    }
}

/// On an executor: waits until the running goroutine's pipelined operations are done.
pub(crate) async fn fence() {
    let pending = with_core(|c| {
        let g = c.sched.remote_gid();
        c.sched
            .link
            .as_ref()
            .is_some_and(|l| l.unanswered.get(&g).is_some_and(|&n| n > 0))
    });
    if pending {
        ask::<()>(Op::Fence).await;
    }
}

pub(crate) use super::current::linked;

/// On an executor: posts `op` for the running goroutine without waiting. Returns whether it
/// did (false: not an executor, do it locally).
pub(crate) fn post(op: impl FnOnce() -> Op) -> bool {
    if !linked() {
        return false;
    }
    with_core(|c| {
        let g = c.sched.remote_gid();
        match c.sched.link.as_mut() {
            Some(link) => {
                link.post(g, op(), false);
                true
            }
            None => false,
        }
    })
}

/// On an executor: allocates an id for a new object and posts `op(id)` to create it on the
/// hub. `None`: not an executor, create it locally.
pub(crate) fn create(op: impl FnOnce(u32) -> Op) -> Option<u32> {
    create_many(|[id]| op(id)).map(|[id]| id)
}

/// [`create`] for an operation that creates `N` objects at once.
pub(crate) fn create_many<const N: usize>(op: impl FnOnce([u32; N]) -> Op) -> Option<[u32; N]> {
    if !linked() {
        return None;
    }
    with_core(|c| {
        let g = c.sched.remote_gid();
        let link = c.sched.link.as_mut()?;
        let ids = std::array::from_fn(|_| link.alloc());
        link.post(g, op(ids), false);
        Some(ids)
    })
}

/// An operation done on the hub when this is an executor, or by `local` otherwise.
pub(crate) fn route<F>(op: impl FnOnce() -> Op, local: impl FnOnce() -> F) -> Routed<F>
where
    F: Future,
    F::Output: DeserializeOwned,
{
    if linked() {
        Routed::Remote(Ask::new(op()))
    } else {
        Routed::Local(local())
    }
}

/// A value computed now, or asked of the hub.
pub(crate) fn query<R: DeserializeOwned>(
    op: impl FnOnce() -> Op,
    local: impl FnOnce() -> R,
) -> Routed<std::future::Ready<R>> {
    route(op, || std::future::ready(local()))
}

/// Asks the hub for `op` and waits for the answer.
pub(crate) async fn ask<R: DeserializeOwned>(op: Op) -> R {
    Ask::new(op).await
}

/// The future of a routed operation.
#[must_use = "a runtime operation does nothing unless awaited"]
pub enum Routed<F: Future> {
    Local(F),
    Remote(Ask<F::Output>),
}

impl<F: Future + Unpin> Unpin for Routed<F> {}

impl<F: Future + Unpin> Future for Routed<F> {
    type Output = F::Output;
    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<F::Output> {
        match self.get_mut() {
            Routed::Local(f) => Pin::new(f).poll(cx),
            Routed::Remote(ask) => Pin::new(ask).poll(cx),
        }
    }
}

/// Asks the hub, parks, and decodes the answer.
pub struct Ask<R> {
    /// The operation, until sent (boxed: every operation's future has room for this).
    op: Option<Box<Op>>,
    decode: fn(Json) -> Result<R, String>,
}

impl<R> Unpin for Ask<R> {}

impl<R: DeserializeOwned> Ask<R> {
    pub(crate) fn new(op: Op) -> Self {
        Ask::with(op, from_json)
    }
}

impl<R> Ask<R> {
    /// Asks `op`, reading the answer with `decode`.
    pub(crate) fn with(op: Op, decode: fn(Json) -> Result<R, String>) -> Self {
        Ask {
            op: Some(Box::new(op)),
            decode,
        }
    }
}

/// Reads a JSON answer or value.
pub(crate) fn from_json<R: DeserializeOwned>(value: Json) -> Result<R, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

impl<R> Future for Ask<R> {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<R> {
        let op = self.op.take();
        with_core(|c| {
            let g = c.sched.remote_gid();
            let sched = &mut c.sched;
            match op {
                Some(op) => {
                    let link = sched.link.as_mut().expect("asked only on an executor");
                    if op.pipelined() {
                        let n = link.unanswered.entry(g).or_insert(0);
                        if *n < PIPELINE {
                            *n += 1;
                            link.post(g, *op, false);
                            return match (self.decode)(Json::Null) {
                                Ok(r) => Poll::Ready(r),
                                Err(e) => {
                                    sched.fatal(format!("a pipelined operation: {e}"));
                                    Poll::Pending
                                }
                            };
                        }
                    }
                    let seq = sched.park(WaitReason::Select, 0);
                    let key = sched.key(seq, 0);
                    let link = sched.link.as_mut().expect("asked only on an executor");
                    link.waiting.insert(g, key);
                    link.post(g, *op, true);
                    Poll::Pending
                }
                None => {
                    let link = sched.link.as_mut().expect("asked only on an executor");
                    let value = link.answers.remove(&g).unwrap_or(Json::Null);
                    match (self.decode)(value) {
                        Ok(r) => Poll::Ready(r),
                        Err(e) => {
                            sched.fatal(format!("an answer from the hub is not understood: {e}"));
                            Poll::Pending
                        }
                    }
                }
            }
        })
    }
}

/// `value` as JSON (the values of a run are plain data: this cannot fail for them).
pub(crate) fn to_json<T: Serialize>(value: &T) -> Json {
    serde_json::to_value(value).unwrap_or(Json::Null)
}

// ---------------------------------------------------------------------------------------
// The hub's side.

/// The hub's state (in `Sched::hub`).
pub(crate) struct Hub {
    procs: u32,
    /// The executor the next goroutine starts on.
    next_worker: u32,
    /// Operations waiting for each proxy, by Go id.
    inbox: HashMap<GoId, VecDeque<(Op, bool)>>,
    /// Proxies parked until their goroutine's next operation, by Go id.
    idle: HashMap<GoId, WaitKey>,
    /// Messages for each executor.
    outbox: Vec<Vec<ToExecutor>>,
    /// Timers made by executors, by their id.
    pub timers: HashMap<u32, TimerId>,
    /// The locks that make updates of shared variables atomic, by variable.
    pub var_locks: HashMap<u32, super::sync::Mutex>,
    /// Function names of goroutines, interned for labels.
    names: HashMap<String, &'static str>,
}

impl Hub {
    pub fn new(procs: u32) -> Self {
        Hub {
            procs,
            next_worker: 0,
            inbox: HashMap::new(),
            idle: HashMap::new(),
            outbox: vec![Vec::new(); procs as usize],
            timers: HashMap::new(),
            var_locks: HashMap::new(),
            names: HashMap::new(),
        }
    }

    /// Goroutines running on executors now.
    pub fn remote_running(&self) -> usize {
        self.idle.len()
    }

    fn intern(&mut self, name: String) -> &'static str {
        if let Some(s) = self.names.get(&name) {
            return s;
        }
        let s: &'static str = Box::leak(name.clone().into_boxed_str());
        self.names.insert(name, s);
        s
    }

    pub fn send(&mut self, w: usize, message: ToExecutor) {
        self.outbox[w].push(message);
    }

    /// Takes the messages for executor `w`.
    pub fn take_outbox(&mut self, w: usize) -> Vec<ToExecutor> {
        std::mem::take(&mut self.outbox[w])
    }
}

/// Delivers executor messages to their proxies (wakes the idle ones).
pub(crate) fn deliver(c: &mut Core, ops: ToHub) {
    let hub = c.sched.hub.as_mut().expect("delivered only on the hub");
    let mut wake = Vec::new();
    for (g, op, answer) in ops {
        hub.inbox.entry(g).or_default().push_back((op, answer));
        if let Some(key) = hub.idle.remove(&g) {
            wake.push(key);
        }
    }
    for key in wake {
        c.sched.ready(key, Wake::default());
    }
}

/// The proxy of the goroutine that runs on executor `worker`.
pub(crate) async fn proxy(worker: u32) {
    loop {
        let (op, answer) = NextOp { worker }.await;
        if op == Op::Exit {
            return;
        }
        let value = super::hub_ops::exec(op, worker).await;
        if answer {
            with_core(|c| {
                let g = c.sched.current_id();
                let hub = c.sched.hub.as_mut().expect("proxies run on the hub");
                hub.outbox[worker as usize].push(ToExecutor::Answer { g, value });
            });
        }
    }
}

/// Starts goroutine `func` on the next executor (round-robin), with its proxy here.
pub(crate) fn start_remote(spawn: Spawn) {
    let Spawn {
        func,
        name,
        index,
        start,
        entry,
        args,
    } = spawn;
    let (worker, label) = with_core(|c| {
        let hub = c.sched.hub.as_mut().expect("started only on the hub");
        let worker = hub.next_worker;
        hub.next_worker = (worker + 1) % hub.procs;
        let label = Label {
            func: hub.intern(func),
            name: name.map(|n| hub.intern(n)),
            index,
        };
        (worker, label)
    });
    let g = super::goroutine::spawn(label, proxy(worker));
    with_core(|c| {
        let hub = c.sched.hub.as_mut().expect("started only on the hub");
        hub.outbox[worker as usize].push(ToExecutor::Start {
            g,
            func: start,
            entry,
            args,
        });
    });
}

/// Waits for this proxy's goroutine's next operation.
struct NextOp {
    worker: u32,
}

impl Future for NextOp {
    type Output = (Op, bool);
    fn poll(self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<(Op, bool)> {
        with_core(|c| {
            let g = c.sched.current_id();
            let hub = c.sched.hub.as_mut().expect("proxies run on the hub");
            if let Some(next) = hub.inbox.get_mut(&g).and_then(|q| q.pop_front()) {
                return Poll::Ready(next);
            }
            let seq = c.sched.park(WaitReason::CpuWork, self.worker);
            let key = c.sched.key(seq, 0);
            let hub = c.sched.hub.as_mut().expect("proxies run on the hub");
            hub.idle.insert(g, key);
            Poll::Pending
        })
    }
}

// ---------------------------------------------------------------------------------------
// The host's side: a hub or an executor driven by the worker that runs it.

impl Runtime {
    /// Real mode's hub: starts the proxy of main, which runs on executor 0.
    pub fn start_hub(&mut self) {
        let _enter = Enter::new(&self.shared);
        let label = Label {
            func: "main",
            name: None,
            index: None,
        };
        spawn_boxed(label, Box::pin(super::remote::proxy(0)));
        let mut core = self.shared.core.borrow_mut();
        if let Some(hub) = core.sched.hub.as_mut() {
            hub.send(
                0,
                ToExecutor::Start {
                    g: 1,
                    func: "main".to_string(),
                    entry: 0,
                    args: String::new(),
                },
            );
        }
    }

    /// Real mode's hub: an executor's operations arrived.
    pub fn hub_deliver(&mut self, ops: ToHub) {
        let _enter = Enter::new(&self.shared);
        super::remote::deliver(&mut self.shared.core.borrow_mut(), ops);
    }

    /// Real mode's hub: what to send to executor `worker`.
    pub fn hub_take(&mut self, worker: usize) -> Vec<ToExecutor> {
        let mut core = self.shared.core.borrow_mut();
        core.sched
            .hub
            .as_mut()
            .map_or_else(Vec::new, |hub| hub.take_outbox(worker))
    }

    /// Real mode's executor: the hub's messages arrived. `main` makes the program's main
    /// goroutine when the hub starts it here.
    pub fn executor_deliver(
        &mut self,
        messages: Vec<ToExecutor>,
        main: &mut dyn FnMut() -> Task,
    ) -> Result<(), String> {
        let _enter = Enter::new(&self.shared);
        for message in messages {
            match message {
                ToExecutor::Start {
                    g,
                    func,
                    entry,
                    args,
                } => {
                    let task = if entry == 0 {
                        main()
                    } else {
                        crate::placement::instantiate(entry, &func, &args)?
                    };
                    let label = Label {
                        func: "goroutine",
                        name: None,
                        index: None,
                    };
                    let (slot, _) = self.shared.core.borrow_mut().sched.new_goroutine(label);
                    store_task(&self.shared.tasks, slot, task);
                    let mut core = self.shared.core.borrow_mut();
                    if let Some(link) = core.sched.link.as_mut() {
                        link.bind(slot, g);
                    }
                }
                ToExecutor::Answer { g, value } => {
                    let mut core = self.shared.core.borrow_mut();
                    let key = core.sched.link.as_mut().and_then(|l| l.answer(g, value));
                    match key {
                        Some(key) => {
                            core.sched.ready(key, Wake::default());
                        }
                        None => {
                            return Err(format!("an answer for goroutine {g}, which did not ask"))
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Real mode's executor: `send` sends its goroutines' operations to the hub before a
    /// goroutine computes, so that the others' do not wait for the computation.
    pub fn set_executor_flush(&mut self, send: fn(ToHub)) {
        if let Some(link) = self.shared.core.borrow_mut().sched.link.as_mut() {
            link.set_flush(send);
        }
    }

    /// Real mode's executor: what its goroutines asked of the hub since the last call (when
    /// `all` is false, only if some of it should not wait; see `Link::take_due`).
    pub fn executor_take(&mut self, all: bool) -> ToHub {
        let mut core = self.shared.core.borrow_mut();
        match core.sched.link.as_mut() {
            Some(link) if all => link.take_outbox(),
            Some(link) => link.take_due(),
            None => Vec::new(),
        }
    }
}
