//! Driving a real-mode run: the hub and its executors as [`Runtime`]s, whatever carries their
//! messages. A host (the browser's Web Workers, `runner::real_host`; or [`run_in_thread`],
//! for tests) gives each a turn when a message or a timer is due, and carries what the turn
//! produced to the others.

use super::entry::Entries;
use super::wire::{Start, ToExecutor, ToHub};
use crate::rt::current::{store_task, Enter};
use crate::rt::goroutine::{Label, Wake};
use crate::rt::limits::{Limit, Limits};
use crate::rt::report::Outcome;
use crate::rt::run::{Config, Progress, Role, Runtime, Task};

/// A real-mode program as an executor runs it.
pub struct Program {
    /// Makes the program's main goroutine (on the executor the hub starts it on).
    pub main: Box<dyn FnMut() -> Task>,
    /// Declares the functions its goroutines run (see [`super::entry`]).
    pub declare: Box<dyn Fn(&mut Entries)>,
}

/// The configuration of a real-mode run's hub (`worker` `None`) or executor `worker`, for a
/// run of `procs` executors that started at `epoch_ns` on the wall clock and may last
/// `max_ns`, within real mode's other [`Limits`].
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

    /// Ends the run with `limit`, which an executor reached, at the hub's next turn.
    pub fn stop(&mut self, limit: Limit) {
        self.rt.stop(limit);
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
        program: Program,
        flush: Option<Box<dyn Fn(ToHub)>>,
    ) -> Self {
        let rt = Runtime::new(config(Some(worker), seed, procs, epoch_ns, max_ns));
        {
            let mut core = rt.shared.core.borrow_mut();
            let link = core.sched.backend.link().expect("an executor's backend");
            (program.declare)(&mut link.entries);
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

/// Runs a program in real mode on `procs` executors in this thread, the hub and the
/// executors taking turns (no parallelism: this is how the native tests check real mode's
/// semantics). `program` makes each executor's [`Program`].
#[cfg(not(target_arch = "wasm32"))]
pub fn run_in_thread(
    seed: u64,
    procs: u32,
    max_ns: u64,
    mut program: impl FnMut() -> Program,
) -> Result<crate::rt::Report, String> {
    use crate::rt::clock::wall_ns;
    /// Scheduler steps a runtime takes before the driver turns to the next.
    const SLICE_STEPS: u64 = 1024;
    let procs = procs.max(1);
    let epoch_ns = wall_ns();
    let mut hub = HubDriver::new(seed, procs, epoch_ns, max_ns);
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
            // Everyone waits for a timer: let the wall clock get there.
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    }
}
