//! Running a compiled program on a fresh runtime, to the end ([`run_program`]) or a slice at a
//! time ([`Started`], for a host that streams the output as the run goes).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::rt::{self, Progress, Runtime};

use super::gor::{Gor, Run};
use super::program::Program;
use super::shared::Heap;
use super::task::{self, GoTask};
use super::value::Value;

/// The shared state of a run of `prog`: its globals start as their zero values (the entry
/// function initialises them).
pub fn new_run(prog: Rc<Program>) -> Rc<Run> {
    new_run_sharing(prog, false)
}

/// [`new_run`]; `shared`: a real-mode executor's run, whose heap it shares with the other
/// executors' (see [`super::shared`]).
pub fn new_run_sharing(prog: Rc<Program>, shared: bool) -> Rc<Run> {
    let globals = vec![Value::Nil; prog.nglobals as usize];
    let heap = shared.then(|| Rc::new(RefCell::new(Heap::new(0, &globals))));
    Rc::new(Run {
        prog,
        globals: RefCell::new(globals),
        spare: RefCell::new(Vec::new()),
        finalizers: RefCell::default(),
        heap,
        real: Cell::new(None),
        cut_short: RefCell::default(),
    })
}

/// How the run's reports find its goroutines in the program's source: their frames and their
/// lines.
pub fn source_hooks(run: &Rc<Run>) -> (rt::Traceback, rt::Locate) {
    let frames = run.clone();
    let lines = run.clone();
    (
        Rc::new(move |_, t| task::traceback(&frames, t)),
        Rc::new(move |_, t| task::locate(&lines, t)),
    )
}

/// A run of a program whose main goroutine has started: [`Started::run_slice`] takes it on.
pub struct Started {
    runtime: Runtime,
}

impl Started {
    /// Starts `prog` on a runtime configured by `config`.
    pub fn new(prog: Rc<Program>, config: rt::Config) -> Started {
        let run = new_run(prog);
        let mut runtime = Runtime::new(config);
        runtime.set_host_data(run.clone());
        // Timers and contexts put the program's own values in its channels.
        runtime.use_host_values::<Value>();
        let (traceback, locate) = source_hooks(&run);
        runtime.set_traceback(traceback);
        runtime.set_locate(locate);
        runtime.start(GoTask::new(Gor::new(
            run.clone(),
            run.prog.entry,
            None,
            Vec::new(),
        )));
        Started { runtime }
    }

    /// Takes up to `max_steps` steps of the run (see [`Runtime::run_slice`]).
    pub fn run_slice(&mut self, max_steps: u64) -> Progress {
        self.runtime.run_slice(max_steps)
    }

    /// The runtime, for what it offers between slices (the output printed so far).
    pub fn runtime(&mut self) -> &mut Runtime {
        &mut self.runtime
    }

    /// Runs to the end; the report has the output, the outcome and the trace.
    pub fn finish(mut self) -> rt::Report {
        loop {
            if let Progress::Done(report) = self.run_slice(u64::MAX) {
                return *report;
            }
        }
    }
}

/// Runs `prog` on a runtime configured by `config` until it ends; the report has its output,
/// outcome and trace.
pub fn run_program(prog: Rc<Program>, config: rt::Config) -> rt::Report {
    Started::new(prog, config).finish()
}
