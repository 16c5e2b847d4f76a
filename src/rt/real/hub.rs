//! The hub's side of real mode: every object of the run, the goroutines of worker 0, and a
//! proxy per goroutine of the other workers.
//!
//! The hub is worker 0: its own goroutines (main, and every goroutine placed there) run here
//! as sim mode runs them, so operations between them cost no message. Each goroutine that
//! runs on an executor (worker 1 and up) has a *proxy* here: a goroutine with the same Go
//! id, name and parent, which waits for its goroutine's next operation and performs it with
//! the runtime's own code, as sim mode would (each object's `…Op::exec`). So a select is
//! atomic because one thread, the hub's, runs it, and deadlock is what sim mode calls
//! deadlock, with one more condition: no proxy waits for its goroutine, which may still
//! unblock the others while it runs on its executor.
//!
//! # Invariants
//! - A proxy is parked in [`WaitReason::Executor`] on its executor's index exactly while its
//!   goroutine runs there (between two operations); `idle` holds them.
//! - A proxy performs its goroutine's operations in the order they were asked.
//! - A Go panic an operation raises in a proxy goes back to its goroutine if the goroutine
//!   waits for the answer; else it ends the run, shown where the goroutine asked.
//! - `sites` holds a site only while its proxy performs the operation it came with.
//! - Worker 0 has no outbox: its goroutines are here.
//! - An executor's shared-memory writes are delivered when its message arrives, before the
//!   operations in it; a message to an executor starts with what the others wrote, the
//!   hub's own goroutines included (see [`super::memory`]).

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::entry::Entries;
use super::memory::{HubMemory, MemoryOp, SharedMemory};
use super::wire::{Data, Reply, Spawn, Start, ToExecutor, ToHub};
use super::{ById, Op, Proxy};
use crate::rt::builtin::{go_panic_with_frames, take_panic};
use crate::rt::current::{spawn_with, start_placed, with_core, Placed};
use crate::rt::goroutine::{intern, GoId, GoroutineOp, Label, WaitKey, WaitReason, Wake};
use crate::rt::report::Traceback;
use crate::rt::run::{Core, Task};

/// The hub's state (its run's [`Backend`](crate::rt::seam::Backend)).
pub(crate) struct Hub {
    procs: u32,
    /// The wall-clock time the run's clock counts from.
    pub epoch_ns: u64,
    /// The goroutine functions the hub can start (for a goroutine an executor's goroutine
    /// starts and that is placed here).
    pub entries: Entries,
    /// The worker the next goroutine starts on.
    next_worker: u32,
    /// `runtime.GOMAXPROCS`: goroutines start on the first this many workers (all of them
    /// when it is more).
    max_procs: u32,
    /// Operations waiting for each proxy, by Go id, with how their goroutine went on.
    inbox: ById<VecDeque<(Op, Reply)>>,
    /// Where each proxy's goroutine was when it asked the operation the proxy performs now,
    /// by Go id, if it went on and its program said (see [`Reply::GoesOnFrom`]): its frames
    /// in a report are those, not where it is now.
    sites: ById<Option<Data>>,
    /// Proxies parked until their goroutine's next operation, by Go id.
    idle: ById<Option<WaitKey>>,
    /// How many proxies are idle.
    idle_count: usize,
    /// Messages for each executor.
    outbox: Vec<Vec<ToExecutor>>,
    /// The program's shared memory, if it has one: what relays the workers' writes, and
    /// the copy the hub's own goroutines use.
    pub memory: Option<Box<dyn HubMemory>>,
    pub local: Option<Box<dyn SharedMemory>>,
    /// When the hub's current turn began (the run's clock).
    turn_began: u64,
    /// The host's count of frames that arrived (shared memory's doorbell), if it can tell
    /// during a turn, and its value when the turn began.
    arrivals: Option<Box<dyn Fn() -> i32>>,
    arrived_at_start: i32,
    /// A deadlock's report waits for the executors' frames: since when (the run's clock),
    /// and how many executors have not sent them yet.
    frames_asked: Option<(u64, usize)>,
}

/// The longest turn of the hub while goroutines run on executors ([`Hub::awaited`]): what
/// they ask is read, and what they are answered leaves, only between turns. A worker pool's
/// workers on an executor waited up to a millisecond, the host's turn, for each job. A hub
/// goroutine that computes while answers wait yields this often too
/// ([`Hub::messages_wait`]).
///
/// Answers wait for the turn's end rather than leave one by one: a frame costs its sender
/// tens of microseconds, and 1,000 producer/consumer pairs across two workers sent a frame
/// for every three answers (a turn ending at every answer), 0.2 M operations a second; a
/// frame for a hundred, 0.6 M. A turn ends as soon as nothing here can run, so a lone round
/// trip waits for nothing.
pub const HUB_TURN_NS: u64 = 50_000;
/// A frame that arrives ends the turn (shared memory tells during a turn) only after this
/// long: frames arriving close together are read in one turn (measured on the worker pool
/// benchmark: a turn for every frame cost the hub a third of its time).
pub const HUB_TURN_MIN_NS: u64 = 10_000;
/// How long a deadlock's report waits for the executors' frames (they answer at once: this
/// is for a worker that cannot).
pub const FRAMES_WAIT_NS: u64 = 250_000_000;

impl Hub {
    pub fn new(procs: u32, epoch_ns: u64) -> Self {
        Hub {
            procs: procs.max(1),
            epoch_ns,
            entries: Entries::default(),
            // Main runs on the hub: the first goroutine it starts goes to the next worker.
            next_worker: 1 % procs.max(1),
            max_procs: procs.max(1),
            inbox: ById::new(),
            sites: ById::new(),
            idle: ById::new(),
            idle_count: 0,
            outbox: vec![Vec::new(); procs.max(1) as usize],
            memory: None,
            local: None,
            turn_began: 0,
            arrivals: None,
            arrived_at_start: 0,
            frames_asked: None,
        }
    }

    /// The run is deadlocked at `now` (the run's clock): until when its end waits for the
    /// executors' frames, or `None` once they have come ([`FRAMES_WAIT_NS`] at the most).
    /// The first call asks every executor for them.
    pub fn awaiting_frames(&mut self, now: u64) -> Option<u64> {
        let (asked, due) = *self.frames_asked.get_or_insert_with(|| {
            for out in &mut self.outbox[1..] {
                out.push(ToExecutor::Traceback);
            }
            (now, self.outbox.len() - 1)
        });
        let until = asked + FRAMES_WAIT_NS;
        (due > 0 && now < until).then_some(until)
    }

    /// The frames of the goroutines whose proxies perform an operation their goroutine went
    /// on from (see [`Reply::GoesOnFrom`]), as `traceback` reads their sites.
    pub fn site_frames(&self, traceback: &Traceback) -> HashMap<GoId, Vec<String>> {
        (self.sites.iter())
            .filter_map(|(g, site)| Some((g, traceback(g, site.as_ref()?)?)))
            .collect()
    }

    /// Goroutines running on executors now.
    pub fn remote_running(&self) -> usize {
        self.idle_count
    }

    /// Goroutines on executors wait for the hub's turn to end: some run there (their next
    /// operation may come at any time), or a message waits to be sent.
    pub fn awaited(&self) -> bool {
        self.idle_count > 0 || self.messages_wait()
    }

    /// Messages for executors wait for the turn to end.
    pub fn messages_wait(&self) -> bool {
        self.outbox.iter().any(|o| !o.is_empty())
    }

    /// The turn that began at `turn_began` is over at `now` (the run's clock): a frame
    /// arrived ([`HUB_TURN_MIN_NS`] into the turn), or goroutines on executors have waited
    /// [`HUB_TURN_NS`].
    pub fn turn_over(&self, now: u64) -> bool {
        if now < self.turn_began + HUB_TURN_MIN_NS {
            return false;
        }
        self.arrivals
            .as_ref()
            .is_some_and(|count| count() != self.arrived_at_start)
            || (self.awaited() && now >= self.turn_began + HUB_TURN_NS)
    }

    /// A turn begins at `now`.
    pub fn begin_turn(&mut self, now: u64) {
        self.turn_began = now;
        if let Some(count) = &self.arrivals {
            self.arrived_at_start = count();
        }
    }

    /// The host counts the frames that arrive during a turn with `arrivals`.
    pub fn set_arrivals(&mut self, arrivals: Box<dyn Fn() -> i32>) {
        self.arrivals = Some(arrivals);
    }

    /// The worker the next goroutine starts on: round-robin over the workers (the first
    /// `GOMAXPROCS` of them), main having taken worker 0's turn (so `go f()` beside a
    /// computing main runs in parallel with it).
    pub fn place(&mut self) -> u32 {
        let workers = self.max_procs.min(self.procs);
        let worker = self.next_worker % workers;
        self.next_worker = (worker + 1) % workers;
        worker
    }

    /// `runtime.GOMAXPROCS(n)`: the count before; `n > 0` sets it, and with it the workers
    /// goroutines start on from now on.
    pub fn set_max_procs(&mut self, n: usize) -> usize {
        let previous = self.max_procs as usize;
        if n > 0 {
            self.max_procs = n.min(u32::MAX as usize) as u32;
        }
        previous
    }

    /// Goroutine `g`, whose proxy is here, starts on executor `worker`, made there by `start`.
    pub fn started(&mut self, worker: u32, g: GoId, start: Start) {
        self.outbox[worker as usize].push(ToExecutor::Start { g, start });
    }

    /// Takes the messages for executor `w`, led by the shared memory's writes it has not
    /// been given.
    pub fn take_outbox(&mut self, w: usize) -> Vec<ToExecutor> {
        // Room for as many next time (see `Link::take_outbox`).
        let mut messages = self
            .outbox
            .get_mut(w)
            .map(|out| std::mem::replace(out, Vec::with_capacity(out.len())))
            .unwrap_or_default();
        if messages.is_empty() {
            return messages;
        }
        if let Some(writes) = self.memory.as_mut().and_then(|m| m.take_for(w as u32)) {
            messages.insert(0, ToExecutor::Memory { writes });
        }
        messages
    }
}

/// Delivers an executor's operations to their proxies (wakes the idle ones).
pub(crate) fn deliver(c: &mut Core, ops: ToHub) {
    let hub = c.sched.backend.hub().expect("delivered only on the hub");
    let mut wake = Vec::new();
    let mut failed = None;
    for asked in ops {
        match asked.op {
            Op::Memory(MemoryOp::Writes { worker, writes }) => {
                let delivered = match hub.memory.as_mut() {
                    Some(memory) => memory.deliver(worker, writes),
                    None => Err("this program shares no memory".to_string()),
                };
                failed = failed.or(delivered.err());
                continue;
            }
            Op::Goroutine(GoroutineOp::Frames(frames)) => {
                if let Some((_, due)) = &mut hub.frames_asked {
                    *due = due.saturating_sub(1);
                }
                c.sched.remote_frames.extend(frames);
                continue;
            }
            _ => {}
        }
        hub.inbox.at(asked.g).push_back((asked.op, asked.reply));
        if let Some(key) = hub.idle.take(asked.g) {
            hub.idle_count -= 1;
            wake.push(key);
        }
    }
    // Before the hub's own goroutines: the proxies' goroutines wait for their answers.
    for key in wake.into_iter().rev() {
        c.sched.ready_first(key, Wake::default());
    }
    if let Some(why) = failed {
        c.sched.fatal(format!(
            "real mode: an executor's memory writes were refused: {why}"
        ));
    }
}

/// The proxy of the goroutine that runs on executor `worker`.
async fn proxy(worker: u32) {
    let proxy = Proxy { worker };
    let g = with_core(|c| c.sched.current_id());
    let tell = |message: ToExecutor| {
        with_core(|c| proxy_state(c).outbox[worker as usize].push(message));
    };
    // The site the goroutine last went on from.
    let mut last_site = None;
    loop {
        let (op, reply) = NextOp { worker }.await;
        if op.is_exit() {
            return;
        }
        let waits = reply.waits();
        let mut site = match reply {
            Reply::GoesOnFrom(site) => {
                last_site = Some(*site);
                last_site.clone()
            }
            Reply::GoesOnAgain => last_site.clone(),
            Reply::GoesOn | Reply::Waits => None,
        };
        let had_site = site.is_some();
        // A Go panic the operation raises here is taken, so that the run goes on while the
        // goroutine decides. An operation that waits leaves its site where a report finds it.
        let mut exec = std::pin::pin!(op.exec(proxy));
        let done = std::future::poll_fn(|cx| {
            if let Poll::Ready(value) = exec.as_mut().poll(cx) {
                return Poll::Ready(Ok(value));
            }
            if let Some(message) = take_panic() {
                return Poll::Ready(Err(message));
            }
            if let Some(site) = site.take() {
                with_core(|c| *proxy_state(c).sites.at(g) = Some(site));
            }
            Poll::Pending
        })
        .await;
        if had_site && site.is_none() {
            site = with_core(|c| proxy_state(c).sites.take(g));
        }
        match done {
            Ok(value) if waits => tell(ToExecutor::Answer { g, value }),
            Ok(_) => {}
            // The goroutine waits where it asked: it raises the panic there, and may recover.
            Err(message) if waits => tell(ToExecutor::Failed { g, message }),
            // It went on: the run ends with the panic, shown where the goroutine asked.
            Err(message) => {
                let frames = with_core(|c| {
                    let traceback = c.sched.traceback.clone()?;
                    traceback(g, site.as_ref()?)
                });
                let never = go_panic_with_frames(message, frames.unwrap_or_default()).await;
                match never {}
            }
        }
    }
}

/// The hub's state, for one of its proxies.
fn proxy_state(c: &mut Core) -> &mut Hub {
    c.sched.backend.hub().expect("proxies run on the hub")
}

/// The future of the proxy of a goroutine placed on executor `worker`.
pub(crate) fn proxy_task(worker: u32) -> Task {
    Box::pin(proxy(worker))
}

/// `go` asked by an executor's goroutine: the goroutine starts on the next worker
/// (round-robin): here, made from its entry, or on an executor, with its proxy here.
pub(crate) fn go(spawn: Spawn) -> Data {
    let placed = with_core(|c| {
        place(
            c.sched.backend.hub().expect("started only on the hub"),
            spawn,
        )
    });
    match placed {
        Ok((label, placed)) => {
            spawn_with(label, |_| placed);
        }
        Err(why) => with_core(|c| c.sched.fatal(why)),
    }
    Data::none()
}

/// [`go`] from the run loop, which holds the run's state: the goroutine a timer starts
/// (`time.AfterFunc`). Returns the future that may not start, for the loop to drop once the
/// run is not borrowed.
pub(crate) fn go_from_loop(
    c: &mut Core,
    tasks: &RefCell<Vec<Option<Task>>>,
    spawn: Spawn,
) -> Option<Task> {
    let hub = c.sched.backend.hub()?;
    match place(hub, spawn) {
        Ok((label, placed)) => start_placed(c, tasks, label, placed).err().flatten(),
        Err(why) => {
            c.sched.fatal(why);
            None
        }
    }
}

/// Where `spawn` runs, the next worker in turn: its label, and here (made from its entry)
/// or on an executor.
fn place(hub: &mut Hub, spawn: Spawn) -> Result<(Label, Placed), String> {
    let name = spawn.name;
    let label = Label {
        func: intern(&name.func),
        name: name.name.as_deref().map(intern),
        index: name.index,
    };
    let placed = match hub.place() {
        0 => Placed::Here(hub.entries.make(spawn.start)?),
        worker => Placed::Remote(worker, spawn.start),
    };
    Ok((label, placed))
}

/// Waits for this proxy's goroutine's next operation.
struct NextOp {
    worker: u32,
}

impl Future for NextOp {
    type Output = (Op, Reply);
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<(Op, Reply)> {
        with_core(|c| {
            let g = c.sched.current_id();
            if let Some(next) = proxy_state(c).inbox.at(g).pop_front() {
                return Poll::Ready(next);
            }
            let seq = c.sched.park(WaitReason::Executor, self.worker);
            let key = c.sched.key(seq, 0);
            let hub = proxy_state(c);
            *hub.idle.at(g) = Some(key);
            hub.idle_count += 1;
            Poll::Pending
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::seam::Backend;

    #[test]
    fn answers_leave_at_the_turns_end_and_cut_computations_short() {
        let mut hub = Hub::new(2, 0);
        let began = 3_000_000;
        hub.begin_turn(began);
        assert!(!hub.turn_over(began + 100 * HUB_TURN_NS), "nobody waits");
        hub.outbox[1].push(ToExecutor::Answer {
            g: 2,
            value: Data::none(),
        });
        assert!(
            !hub.turn_over(began + HUB_TURN_NS - 1),
            "an answer waits for the others of the turn"
        );
        assert!(hub.turn_over(began + HUB_TURN_NS));
        let mut backend = Backend::Hub(Box::new(hub));
        assert_eq!(backend.compute_slice_ns(), Some(HUB_TURN_NS));
        let hub = backend.hub().expect("a hub");
        assert_eq!(hub.take_outbox(1).len(), 1);
        assert!(!hub.messages_wait());
        assert_eq!(backend.compute_slice_ns(), None, "nothing waits");
    }
}
