//! The hub's side of real mode: every object of the run, and a proxy per goroutine.
//!
//! Each goroutine that runs on an executor has a *proxy* here: a goroutine with the same Go
//! id, name and parent, which waits for its goroutine's next operation and performs it with
//! the runtime's own code, as sim mode would (each object's `…Op::exec`). So a select is
//! atomic because one executor, the hub's, runs it, and deadlock is what sim mode calls
//! deadlock, with one more condition: no proxy waits for its goroutine, which may still
//! unblock the others while it runs on its executor.
//!
//! # Invariants
//! - A proxy is parked in [`WaitReason::Executor`] on its executor's index exactly while its
//!   goroutine runs there (between two operations); `idle` holds them.
//! - A proxy performs its goroutine's operations in the order they were asked.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::wire::{Data, Spawn, Start, ToExecutor, ToHub};
use super::{Op, Proxy};
use crate::rt::current::with_core;
use crate::rt::goroutine::{intern, spawn, GoId, Label, WaitKey, WaitReason, Wake};
use crate::rt::run::Core;

/// The hub's state (its run's [`Backend`](crate::rt::seam::Backend)).
pub(crate) struct Hub {
    procs: u32,
    /// The wall-clock time the run's clock counts from.
    pub epoch_ns: u64,
    /// The executor the next goroutine starts on.
    next_worker: u32,
    /// Operations waiting for each proxy, by Go id, with whether they want an answer.
    inbox: HashMap<GoId, VecDeque<(Op, bool)>>,
    /// Proxies parked until their goroutine's next operation, by Go id.
    idle: HashMap<GoId, WaitKey>,
    /// Messages for each executor.
    outbox: Vec<Vec<ToExecutor>>,
}

impl Hub {
    pub fn new(procs: u32, epoch_ns: u64) -> Self {
        Hub {
            procs: procs.max(1),
            epoch_ns,
            next_worker: 0,
            inbox: HashMap::new(),
            idle: HashMap::new(),
            outbox: vec![Vec::new(); procs.max(1) as usize],
        }
    }

    /// Goroutines running on executors now.
    pub fn remote_running(&self) -> usize {
        self.idle.len()
    }

    /// Takes the messages for executor `w`.
    pub fn take_outbox(&mut self, w: usize) -> Vec<ToExecutor> {
        self.outbox
            .get_mut(w)
            .map(std::mem::take)
            .unwrap_or_default()
    }
}

/// Delivers an executor's operations to their proxies (wakes the idle ones).
pub(crate) fn deliver(c: &mut Core, ops: ToHub) {
    let hub = c.sched.backend.hub().expect("delivered only on the hub");
    let mut wake = Vec::new();
    for asked in ops {
        hub.inbox
            .entry(asked.g)
            .or_default()
            .push_back((asked.op, asked.answer));
        if let Some(key) = hub.idle.remove(&asked.g) {
            wake.push(key);
        }
    }
    for key in wake {
        c.sched.ready(key, Wake::default());
    }
}

/// The proxy of the goroutine that runs on executor `worker`.
async fn proxy(worker: u32) {
    let proxy = Proxy { worker };
    loop {
        let (op, answer) = NextOp { worker }.await;
        if op.is_exit() {
            return;
        }
        let value = op.exec(proxy).await;
        if answer {
            with_core(|c| {
                let g = c.sched.current_id();
                let hub = c.sched.backend.hub().expect("proxies run on the hub");
                hub.outbox[worker as usize].push(ToExecutor::Answer { g, value });
            });
        }
    }
}

/// Starts the program's main goroutine on executor 0, with its proxy here.
pub(crate) fn start_main() {
    let main = Label {
        func: "main",
        name: None,
        index: None,
    };
    start_on(0, main, Start::Main);
}

/// Starts a goroutine named `label` on executor `worker`, made there by `start`, with its
/// proxy here.
fn start_on(worker: u32, label: Label, start: Start) {
    let g = spawn(label, proxy(worker));
    if g == 0 {
        // It may not start (the run is ending).
        return;
    }
    with_core(|c| {
        let hub = c.sched.backend.hub().expect("started only on the hub");
        hub.outbox[worker as usize].push(ToExecutor::Start { g, start });
    });
}

/// `go` asked by an executor's goroutine: the goroutine starts on the next executor
/// (round-robin, from executor 0, where main runs).
pub(crate) fn go(spawn: Spawn) -> Data {
    let name = spawn.name;
    let label = Label {
        func: intern(&name.func),
        name: name.name.as_deref().map(intern),
        index: name.index,
    };
    let worker = with_core(|c| {
        let hub = c.sched.backend.hub().expect("started only on the hub");
        let worker = hub.next_worker;
        hub.next_worker = (worker + 1) % hub.procs;
        worker
    });
    start_on(worker, label, spawn.start);
    Data::none()
}

/// Waits for this proxy's goroutine's next operation.
struct NextOp {
    worker: u32,
}

impl Future for NextOp {
    type Output = (Op, bool);
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<(Op, bool)> {
        with_core(|c| {
            let g = c.sched.current_id();
            let hub = c.sched.backend.hub().expect("proxies run on the hub");
            if let Some(next) = hub.inbox.get_mut(&g).and_then(|q| q.pop_front()) {
                return Poll::Ready(next);
            }
            let seq = c.sched.park(WaitReason::Executor, self.worker);
            let key = c.sched.key(seq, 0);
            let hub = c.sched.backend.hub().expect("proxies run on the hub");
            hub.idle.insert(g, key);
            Poll::Pending
        })
    }
}
