//! Running a compiled program on a fresh runtime.

use std::cell::RefCell;
use std::rc::Rc;

use crate::rt::{self, Runtime};

use super::gor::{Gor, Run};
use super::program::Program;
use super::task::{self, GoTask};
use super::value::Value;

/// The shared state of a run of `prog`: its globals start as their zero values (the entry
/// function initialises them).
pub fn new_run(prog: Rc<Program>) -> Rc<Run> {
    let globals = vec![Value::Nil; prog.nglobals as usize];
    Rc::new(Run {
        prog,
        globals: RefCell::new(globals),
        live: RefCell::new(Vec::new()),
        spare: RefCell::new(Vec::new()),
    })
}

/// Runs `prog` on a runtime configured by `config` until it ends; the report has its output,
/// outcome and trace.
pub fn run_program(prog: Rc<Program>, config: rt::Config) -> rt::Report {
    let run = new_run(prog);
    task::enter(&run);
    let mut runtime = Runtime::new(config);
    // Timers and contexts put the program's own values in its channels.
    runtime.use_host_values::<Value>();
    let frames = run.clone();
    runtime.set_traceback(Rc::new(move |g| task::traceback(&frames, g)));
    let main = GoTask::new(Gor::new(run.clone(), run.prog.entry, None, Vec::new()));
    let report = runtime.run(main);
    task::leave();
    report
}
