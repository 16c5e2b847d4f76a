//! Driving a real-mode run: the hub and its executors as [`Runtime`]s, whatever carries their
//! messages. A host (the browser's Web Workers, `runner::real_host`; or [`run_in_thread`],
//! for tests) gives each a turn when a message or a timer is due, and carries what the turn
//! produced to the others.

use std::any::Any;
use std::rc::Rc;

use super::entry::Entries;
use super::memory::{HubMemory, SharedMemory};
use super::wire::{Data, Start, ToExecutor, ToHub};
use crate::rt::current::{store_task, Enter};
use crate::rt::goroutine::{Label, Wake};
use crate::rt::run::{Config, Progress, Role, Runtime, Task};

/// A real-mode program as an executor runs it.
pub struct Program {
    /// Makes the program's main goroutine (on the executor the hub starts it on).
    pub main: Box<dyn FnMut() -> Task>,
    /// Declares the functions its goroutines run (see [`super::entry`]).
    pub declare: Box<dyn Fn(&mut Entries)>,
    /// The executor's copy of the memory the program's goroutines share, if they share any
    /// beyond the runtime's objects (see [`super::memory`]).
    pub memory: Option<Box<dyn SharedMemory>>,
    /// The program's own state for this executor, for its goroutines to find
    /// ([`crate::rt::host_data`]).
    pub host_data: Option<Rc<dyn Any>>,
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
        }
    }
}

/// The configuration of a real-mode run's hub (`worker` `None`) or executor `worker`, for a
/// run of `procs` executors that started at `epoch_ns` on the wall clock.
fn config(worker: Option<u32>, seed: u64, procs: u32, epoch_ns: u64, max_ns: u64) -> Config {
    let (role, trace_cap) = match worker {
        None => (Role::Hub { epoch_ns }, Config::default().trace_cap),
        // The hub keeps the run's trace; an executor's own would go unread.
        Some(worker) => (Role::Executor { worker, epoch_ns }, 0),
    };
    Config {
        seed,
        procs: procs.max(1),
        max_virtual_ns: max_ns,
        role,
        trace_cap,
        ..Config::default()
    }
}

/// The hub of a real-mode run.
pub struct HubDriver {
    rt: Runtime,
    procs: usize,
}

impl HubDriver {
    /// The hub of a run on `procs` executors that started at `epoch_ns` on the wall clock
    /// and may last `max_ns`; main's proxy is ready to start it on executor 0.
    pub fn new(seed: u64, procs: u32, epoch_ns: u64, max_ns: u64) -> Self {
        let rt = Runtime::new(config(None, seed, procs, epoch_ns, max_ns));
        {
            let _enter = Enter::new(&rt.shared);
            super::hub::start_main();
        }
        HubDriver {
            rt,
            procs: procs.max(1) as usize,
        }
    }

    /// Gives the hub the program's shared memory (see [`super::memory`]).
    pub fn set_memory(&mut self, memory: Box<dyn HubMemory>) {
        if let Some(hub) = self.rt.shared.core.borrow_mut().sched.backend.hub() {
            hub.memory = Some(memory);
        }
    }

    /// Makes the hub's timers send `time_data(now)` (see [`Runtime::use_time_data`]).
    pub fn use_time_data(&mut self, time_data: fn(u64) -> Data) {
        self.rt.use_time_data(time_data);
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
        let progress = self.rt.run_slice_until(steps, until);
        for w in 0..self.procs {
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
}

/// An executor of a real-mode run.
pub struct ExecutorDriver {
    rt: Runtime,
    program: Program,
}

impl ExecutorDriver {
    /// Executor `worker` of the run [`HubDriver::new`] describes, running `program`. `flush`,
    /// when the host has it, sends operations to the hub at once: before a goroutine
    /// computes, what the others asked leaves.
    pub fn new(
        worker: u32,
        (seed, procs, epoch_ns, max_ns): (u64, u32, u64, u64),
        mut program: Program,
        flush: Option<Box<dyn Fn(ToHub)>>,
    ) -> Self {
        let mut rt = Runtime::new(config(Some(worker), seed, procs, epoch_ns, max_ns));
        if let Some(data) = program.host_data.take() {
            rt.set_host_data(data);
        }
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
        ExecutorDriver { rt, program }
    }

    /// The hub's messages arrived: goroutines to start, answers to wake goroutines with.
    pub fn deliver(&mut self, messages: Vec<ToExecutor>) -> Result<(), String> {
        let _enter = Enter::new(&self.rt.shared);
        for message in messages {
            match message {
                ToExecutor::Start { g, start } => {
                    let task = match start {
                        Start::Main => (self.program.main)(),
                        Start::Entry { entry, args } => {
                            let mut core = self.rt.shared.core.borrow_mut();
                            let link = core.sched.backend.link().expect("an executor's backend");
                            link.entries.start(&entry, args)?
                        }
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
                ToExecutor::Answer { g, value } => {
                    let mut core = self.rt.shared.core.borrow_mut();
                    let link = core.sched.backend.link().expect("an executor's backend");
                    let Some(key) = link.answer(g, value) else {
                        return Err(format!("an answer for goroutine {g}, which did not ask"));
                    };
                    core.sched.ready(key, Wake::default());
                }
            }
        }
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
    /// wait, only what should not wait while they compute. An executor's run never ends on
    /// its own: `Err` says how it did.
    pub fn turn(
        &mut self,
        steps: u64,
        until: u64,
        send: impl FnOnce(ToHub),
    ) -> Result<Progress, String> {
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
            Progress::Done(report) => Err(format!(
                "the executor ended on its own: {:?}",
                report.outcome
            )),
            progress => Ok(progress),
        }
    }
}

/// Runs a program in real mode on `procs` executors in this thread, the hub and the
/// executors taking turns (no parallelism: this is how the native tests check real mode's
/// semantics). `program` makes each executor's [`Program`].
#[cfg(not(target_arch = "wasm32"))]
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
#[cfg(not(target_arch = "wasm32"))]
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
    let mut hub = HubDriver::new(seed, procs, epoch_ns, max_ns);
    setup(&mut hub);
    let mut executors: Vec<ExecutorDriver> = (0..procs)
        .map(|w| ExecutorDriver::new(w, (seed, procs, epoch_ns, max_ns), program(), None))
        .collect();
    let mut inboxes: Vec<Vec<ToExecutor>> = vec![Vec::new(); procs as usize];
    loop {
        let hub_progress = hub.turn(SLICE_STEPS, u64::MAX, |w, messages| {
            inboxes[w].extend(messages)
        });
        if let Progress::Done(report) = hub_progress {
            return Ok(*report);
        }
        let mut moved = matches!(hub_progress, Progress::Running);
        for (w, exec) in executors.iter_mut().enumerate() {
            let messages = std::mem::take(&mut inboxes[w]);
            moved |= !messages.is_empty();
            exec.deliver(messages)?;
            let progress = exec.turn(SLICE_STEPS, u64::MAX, |ops| {
                moved = true;
                hub.deliver(ops);
            });
            let progress = progress.map_err(|e| format!("executor {w}: {e}"))?;
            moved |= matches!(progress, Progress::Running);
        }
        if !moved {
            // Everyone waits for a timer: let the wall clock get there.
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    }
}
