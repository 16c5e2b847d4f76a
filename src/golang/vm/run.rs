//! Running a compiled program on a fresh runtime.

use std::cell::RefCell;
use std::rc::Rc;

use crate::rt::{self, Runtime};

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
        heap,
    })
}

/// Runs `prog` on a runtime configured by `config` until it ends; the report has its output,
/// outcome and trace.
pub fn run_program(prog: Rc<Program>, config: rt::Config) -> rt::Report {
    let run = new_run(prog);
    let mut runtime = Runtime::new(config);
    runtime.set_host_data(run.clone());
    // Timers and contexts put the program's own values in its channels.
    runtime.use_host_values::<Value>();
    let frames = run.clone();
    runtime.set_traceback(Rc::new(move |_, g| task::traceback(&frames, g)));
    let main = GoTask::new(Gor::new(run.clone(), run.prog.entry, None, Vec::new()));
    runtime.run(main)
}
