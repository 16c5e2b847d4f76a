//! Driving a real-mode run: the hub and its executors as [`Runtime`]s, whatever carries their
//! messages. A host (the browser's Web Workers, `runner::real_host`; or [`run_in_thread`],
//! for tests) gives each a turn when a message or a timer is due, and carries what the turn
//! produced to the others.

use std::any::Any;
use std::rc::Rc;

use super::entry::Entries;
use super::link::Link;
use super::memory::{acquire_hub, release_hub, HubMemory, SharedMemory};
use super::wire::{decode, encode, Data, Reply, ToExecutor, ToHub};
use crate::rt::current::{store_task, Enter};
use crate::rt::goroutine::{GoId, GoroutineOp, Label, WaitKey, Wake};
use crate::rt::limits::{Limit, Limits};
use crate::rt::report::{Locate, Outcome, Traceback};
use crate::rt::run::{Config, Progress, Role, Runtime, Task};

/// A real-mode program as a worker runs it.
pub struct Program {
    /// Makes the program's main goroutine (on the hub, worker 0).
    pub main: Box<dyn FnMut() -> Task>,
    /// Declares the functions its goroutines run (see [`super::entry`]).
    pub declare: Box<dyn Fn(&mut Entries)>,
    /// The worker's copy of the memory the program's goroutines share, if they share any
    /// beyond the runtime's objects (see [`super::memory`]).
    pub memory: Option<Box<dyn SharedMemory>>,
    /// The program's own state for this worker, for its goroutines to find
    /// ([`crate::rt::host_data`]).
    pub host_data: Option<Rc<dyn Any>>,
    /// How this worker's goroutines are found in the program's source, when it has one (an
    /// interpreted program): their frames and lines, for the run's report.
    pub source: Option<(Traceback, Locate)>,
}

impl Program {
    /// A program that shares nothing but the runtime's objects: `main` makes its main
    /// goroutine, `declare` declares its goroutines' functions.
    pub fn new(
        main: impl FnMut() -> Task + 'static,
        declare: impl Fn(&mut Entries) + 'static,
    ) -> Self {
        Program {
            main: Box::new(main),
            declare: Box::new(declare),
            memory: None,
            host_data: None,
            source: None,
        }
    }

    /// Gives `rt` what the program keeps for its worker: its state and how its goroutines
    /// are found in its source.
    fn install(&mut self, rt: &mut Runtime) {
        if let Some(data) = self.host_data.take() {
            rt.set_host_data(data);
        }
        if let Some((traceback, locate)) = self.source.take() {
            rt.set_traceback(traceback);
            rt.set_locate(locate);
        }
    }
}

/// The configuration of a real-mode run's hub (`worker` `None`) or executor `worker`, for a
/// run on `procs` workers (the hub and `procs - 1` executors) that started at `epoch_ns` on
/// the wall clock and may last `max_ns`, within real mode's other [`Limits`].
fn config(worker: Option<u32>, seed: u64, procs: u32, epoch_ns: u64, max_ns: u64) -> Config {
    let limits = Limits {
        wall_ns: max_ns,
        ..Limits::real()
    };
    let (role, trace_cap, limits) = match worker {
        None => (Role::Hub { epoch_ns }, Config::default().trace_cap, limits),
        // The hub keeps the run's trace, and counts its goroutines, output and time; an
        // executor minds only its own memory.
        Some(worker) => (
            Role::Executor { worker, epoch_ns },
            0,
            Limits {
                memory_bytes: limits.memory_bytes,
                ..Limits::none()
            },
        ),
    };
    Config {
        seed,
        procs: procs.max(1),
        role,
        trace_cap,
        limits,
    }
}

/// Why an executor stopped: a limit of its own worker (its memory), which ends the run as
/// the hub's limits do ([`HubDriver::stop`]), or a failure.
#[derive(Clone, Debug, PartialEq)]
pub enum Halt {
    Limit(Limit),
    Failed(String),
}

impl std::fmt::Display for Halt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Halt::Limit(limit) => f.write_str(&limit.message()),
            Halt::Failed(why) => f.write_str(why),
        }
    }
}

/// The hub of a real-mode run: worker 0.
pub struct HubDriver {
    rt: Runtime,
    procs: usize,
}

impl HubDriver {
    /// The hub of a run of `program` on `procs` workers that started at `epoch_ns` on the
    /// wall clock and may last `max_ns`; main is ready to run here.
    pub fn new(seed: u64, procs: u32, epoch_ns: u64, max_ns: u64, mut program: Program) -> Self {
        let mut rt = Runtime::new(config(None, seed, procs, epoch_ns, max_ns));
        program.install(&mut rt);
        {
            let mut core = rt.shared.core.borrow_mut();
            let hub = core.sched.backend.hub().expect("a hub's backend");
            (program.declare)(&mut hub.entries);
            hub.local = program.memory.take();
            if let Some(memory) = hub.local.as_mut() {
                memory.attach(0);
            }
        }
        rt.start_task((program.main)());
        HubDriver {
            rt,
            procs: procs.max(1) as usize,
        }
    }

    /// Gives the hub the program's shared memory, which relays the workers' writes (see
    /// [`super::memory`]).
    pub fn set_memory(&mut self, memory: Box<dyn HubMemory>) {
        if let Some(hub) = self.rt.shared.core.borrow_mut().sched.backend.hub() {
            hub.memory = Some(memory);
        }
    }

    /// The host counts the frames that arrive with `arrivals`, which it can read during a
    /// turn (shared memory's doorbell): a turn ends when it changes, so what arrived is read.
    pub fn set_arrivals(&mut self, arrivals: Box<dyn Fn() -> i32>) {
        if let Some(hub) = self.rt.shared.core.borrow_mut().sched.backend.hub() {
            hub.set_arrivals(arrivals);
        }
    }

    /// An executor's operations arrived.
    pub fn deliver(&mut self, ops: ToHub) {
        let _enter = Enter::new(&self.rt.shared);
        super::hub::deliver(&mut self.rt.shared.core.borrow_mut(), ops);
    }

    /// Runs up to `steps` scheduler steps, until nothing can run or the run's clock reaches
    /// `until`; `send(w, messages)` is given what each executor `w` must be told.
    pub fn turn(
        &mut self,
        steps: u64,
        until: u64,
        mut send: impl FnMut(usize, Vec<ToExecutor>),
    ) -> Progress {
        {
            // What the executors wrote before the operations that arrived, first.
            let _enter = Enter::new(&self.rt.shared);
            acquire_hub(&self.rt.shared);
        }
        let scope = {
            let mut core = self.rt.shared.core.borrow_mut();
            core.sched.backend.begin_turn();
            let hub = core.sched.backend.hub();
            hub.and_then(|h| h.local.as_ref()).and_then(|m| m.enter())
        };
        let progress = self.rt.run_slice_until(steps, until);
        drop(scope);
        release_hub(&mut self.rt.shared.core.borrow_mut());
        for w in 1..self.procs {
            let messages = self
                .rt
                .shared
                .core
                .borrow_mut()
                .sched
                .backend
                .hub()
                .map(|hub| hub.take_outbox(w))
                .unwrap_or_default();
            if !messages.is_empty() {
                send(w, messages);
            }
        }
        progress
    }

    /// The run, for what every run has (its output so far).
    pub fn runtime(&mut self) -> &mut Runtime {
        &mut self.rt
    }

    /// Ends the run with `limit`, which an executor reached, at the hub's next turn.
    pub fn stop(&mut self, limit: Limit) {
        self.rt.stop(limit);
    }
}

/// An executor of a real-mode run: worker 1 or up.
pub struct ExecutorDriver {
    rt: Runtime,
}

impl ExecutorDriver {
    /// Executor `worker` (1 or up) of the run [`HubDriver::new`] describes, running the
    /// goroutines of `program` the hub places there. `flush`,
    /// when the host has it, sends operations to the hub at once: before a goroutine
    /// computes, what the others asked leaves.
    pub fn new(
        worker: u32,
        (seed, procs, epoch_ns, max_ns): (u64, u32, u64, u64),
        mut program: Program,
        flush: Option<Box<dyn Fn(ToHub)>>,
    ) -> Self {
        let mut rt = Runtime::new(config(Some(worker), seed, procs, epoch_ns, max_ns));
        program.install(&mut rt);
        {
            let mut core = rt.shared.core.borrow_mut();
            let link = core.sched.backend.link().expect("an executor's backend");
            (program.declare)(&mut link.entries);
            link.memory = program.memory.take();
            if let Some(memory) = link.memory.as_mut() {
                memory.attach(worker);
            }
            if let Some(flush) = flush {
                link.set_flush(flush);
            }
        }
        ExecutorDriver { rt }
    }

    /// The hub's messages arrived: goroutines to start, answers to wake goroutines with.
    pub fn deliver(&mut self, messages: Vec<ToExecutor>) -> Result<(), String> {
        let _enter = Enter::new(&self.rt.shared);
        for message in messages {
            match message {
                ToExecutor::Start { g, start } => {
                    let task = {
                        let mut core = self.rt.shared.core.borrow_mut();
                        let link = core.sched.backend.link().expect("an executor's backend");
                        link.entries.make(start)?
                    };
                    // Named on the hub, whose trace is the run's.
                    let label = Label {
                        func: "goroutine",
                        name: None,
                        index: None,
                    };
                    let mut core = self.rt.shared.core.borrow_mut();
                    let (slot, _) = core.sched.new_goroutine(label);
                    if let Some(link) = core.sched.backend.link() {
                        link.bind(slot, g);
                    }
                    drop(core);
                    store_task(&self.rt.shared.tasks, slot, task);
                }
                ToExecutor::Memory { writes } => self.acquire(writes)?,
                ToExecutor::Traceback => {
                    let frames = self.rt.tracebacks();
                    let mut core = self.rt.shared.core.borrow_mut();
                    let link = core.sched.backend.link().expect("an executor's backend");
                    let frames = (frames.into_iter())
                        .map(|(slot, frames)| (link.gid_of(slot), frames))
                        .filter(|&(g, _)| g != 0)
                        .collect();
                    link.post(0, GoroutineOp::Frames(frames).into(), Reply::GoesOn);
                }
                ToExecutor::Answer { g, value } => {
                    self.wake_asker(g, |link| link.answer(g, value))?
                }
                ToExecutor::Failed { g, message } => {
                    self.wake_asker(g, |link| link.fail(g, message))?
                }
            }
        }
        Ok(())
    }

    /// Wakes goroutine `g`, which waits for the answer `give` hands it.
    fn wake_asker(
        &mut self,
        g: GoId,
        give: impl FnOnce(&mut Link) -> Option<WaitKey>,
    ) -> Result<(), String> {
        let mut core = self.rt.shared.core.borrow_mut();
        let link = core.sched.backend.link().expect("an executor's backend");
        let Some(key) = give(link) else {
            return Err(format!("an answer for goroutine {g}, which did not ask"));
        };
        core.sched.ready(key, Wake::default());
        Ok(())
    }

    /// Applies other executors' writes to the shared memory (taken out of the run's state
    /// while it does).
    fn acquire(&mut self, writes: Data) -> Result<(), String> {
        let link = |rt: &Runtime| {
            let mut core = rt.shared.core.borrow_mut();
            core.sched.backend.link().map(|l| l.memory.take())
        };
        let Some(Some(mut memory)) = link(&self.rt) else {
            return Err("shared-memory writes for a program that shares none".into());
        };
        let applied = memory.acquire(writes);
        if let Some(link) = self.rt.shared.core.borrow_mut().sched.backend.link() {
            link.memory = Some(memory);
        }
        applied
    }

    /// Runs the goroutines for up to `steps` scheduler steps, until all wait for the hub or
    /// the run's clock reaches `until`; `send` is given what they asked: all of it once they
    /// wait, only what should not wait while they compute. An executor's run ends only at a
    /// limit of its own worker, or when it fails: `Err` says which.
    pub fn turn(
        &mut self,
        steps: u64,
        until: u64,
        send: impl FnOnce(ToHub),
    ) -> Result<Progress, Halt> {
        self.rt.shared.core.borrow_mut().sched.backend.begin_turn();
        let progress = self.rt.run_slice_until(steps, until);
        let all = !matches!(progress, Progress::Running);
        let ops = {
            let mut core = self.rt.shared.core.borrow_mut();
            let link = core.sched.backend.link().expect("an executor's backend");
            if all {
                link.take_outbox()
            } else {
                link.take_due()
            }
        };
        if !ops.is_empty() {
            send(ops);
        }
        match progress {
            Progress::Done(report) => Err(match report.outcome {
                Outcome::Limit(limit) => Halt::Limit(limit),
                outcome => Halt::Failed(format!("the executor ended on its own: {outcome:?}")),
            }),
            progress => Ok(progress),
        }
    }
}

/// Runs a program in real mode on `procs` workers in this thread, the hub and the executors
/// taking turns (no parallelism: this is how the native tests check real mode's semantics).
/// `program` makes each worker's [`Program`]. Frames cross encoded, as between workers.
pub fn run_in_thread(
    seed: u64,
    procs: u32,
    max_ns: u64,
    program: impl FnMut() -> Program,
) -> Result<crate::rt::Report, String> {
    run_in_thread_with(seed, procs, max_ns, |_| {}, program)
}

/// [`run_in_thread`], with `setup` preparing the hub first (its shared memory, the values its
/// timers send).
pub fn run_in_thread_with(
    seed: u64,
    procs: u32,
    max_ns: u64,
    setup: impl FnOnce(&mut HubDriver),
    mut program: impl FnMut() -> Program,
) -> Result<crate::rt::Report, String> {
    use crate::rt::clock::wall_ns;
    /// Scheduler steps a runtime takes before the driver turns to the next.
    const SLICE_STEPS: u64 = 1024;
    let procs = procs.max(1);
    let epoch_ns = wall_ns();
    let mut hub = HubDriver::new(seed, procs, epoch_ns, max_ns, program());
    setup(&mut hub);
    let mut executors: Vec<ExecutorDriver> = (1..procs)
        .map(|w| ExecutorDriver::new(w, (seed, procs, epoch_ns, max_ns), program(), None))
        .collect();
    let mut inboxes: Vec<Vec<Vec<u8>>> = vec![Vec::new(); procs as usize];
    loop {
        let hub_progress = hub.turn(SLICE_STEPS, u64::MAX, |w, messages| {
            inboxes[w].push(encode(&messages))
        });
        if let Progress::Done(report) = hub_progress {
            return Ok(*report);
        }
        let mut moved = matches!(hub_progress, Progress::Running);
        for (exec, w) in executors.iter_mut().zip(1..) {
            for frame in std::mem::take(&mut inboxes[w]) {
                moved = true;
                exec.deliver(decode(&frame)?)?;
            }
            let mut frames = Vec::new();
            let progress = exec.turn(SLICE_STEPS, u64::MAX, |ops| frames.push(encode(&ops)));
            for frame in frames {
                moved = true;
                hub.deliver(decode(&frame)?);
            }
            match progress {
                Ok(progress) => moved |= matches!(progress, Progress::Running),
                Err(Halt::Limit(limit)) => {
                    hub.stop(limit);
                    moved = true;
                }
                Err(Halt::Failed(why)) => return Err(format!("executor {w}: {why}")),
            }
        }
        if !moved {
            // Everyone waits for a timer: let the wall clock get there (a browser's worker
            // cannot sleep; it spins).
            #[cfg(not(target_arch = "wasm32"))]
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    }
}
