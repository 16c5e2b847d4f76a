//! Goroutines as runtime tasks: the future the runtime polls, `go`, and the traceback the
//! runtime's reports print for an interpreted goroutine.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll};

use serde::{Deserialize, Serialize};

use crate::rt::{self, GoId};

use super::cost;
use super::gor::{Exit, Gor, PollOutcome, Run};
use super::program::Program;
use super::value::{Closure, Value};

/// A goroutine as the runtime runs it.
pub struct GoTask {
    g: Rc<RefCell<Gor>>,
}

impl GoTask {
    pub fn new(g: Gor) -> GoTask {
        GoTask {
            g: Rc::new(RefCell::new(g)),
        }
    }
}

impl Future for GoTask {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<()> {
        let cell = self.g.clone();
        let mut g = cell.borrow_mut();
        if g.id == 0 {
            g.id = rt::goid();
            let (id, run) = (g.id as usize, g.run.clone());
            let mut live = run.live.borrow_mut();
            if live.len() <= id {
                live.resize(id + 1, None);
            }
            live[id] = Some(Rc::downgrade(&cell));
        }
        match g.poll_pending() {
            PollOutcome::Ready => {}
            PollOutcome::Waiting => return Poll::Pending,
            PollOutcome::Panicked(thrown) => g.throw(thrown),
        }
        match g.exec() {
            Exit::Blocked | Exit::Died => Poll::Pending,
            Exit::Done | Exit::Returned | Exit::Threw(_) => {
                // The goroutine ends when its CPU time is paid: what it did took that long.
                if g.debt >= cost::SYNC && g.pay_debt() {
                    return Poll::Pending;
                }
                let (id, run) = (g.id as usize, g.run.clone());
                if let Some(slot) = run.live.borrow_mut().get_mut(id) {
                    *slot = None;
                }
                let (stack, frames) = (std::mem::take(&mut g.stack), std::mem::take(&mut g.frames));
                run.give_back(stack, frames);
                Poll::Ready(())
            }
        }
    }
}

/// What a new goroutine runs: a function, its closure, its arguments.
#[derive(Serialize, Deserialize)]
pub struct GoStart {
    func: u32,
    args: Vec<Value>,
    /// The function and line of the `go` statement.
    created: (u32, u32),
    #[serde(skip)]
    env: Option<Rc<Closure>>,
    #[serde(skip)]
    run: Option<Rc<Run>>,
}

thread_local! {
    /// The run this thread's goroutines belong to (a goroutine started from a message of
    /// another worker finds its program here).
    static CURRENT: RefCell<Option<Rc<Run>>> = const { RefCell::new(None) };
}

/// Makes `run` the run new goroutines of this thread belong to.
pub fn enter(run: &Rc<Run>) {
    CURRENT.with(|c| *c.borrow_mut() = Some(run.clone()));
}

/// Forgets the thread's run (its goroutines are gone with the runtime that ran them).
pub fn leave() {
    CURRENT.with(|c| *c.borrow_mut() = None);
}

/// Builds goroutine `s` (the entry `go` hands the runtime).
fn start(s: GoStart) -> GoTask {
    let run = s
        .run
        .or_else(|| CURRENT.with(|c| c.borrow().clone()))
        .expect("a goroutine starts within a run");
    let mut g = Gor::new(run, s.func, s.env, s.args);
    g.created = Some(s.created);
    GoTask::new(g)
}

/// `go f(args)`: starts a goroutine running function `func` (with closure `env`).
pub fn go(
    run: &Rc<Run>,
    func: u32,
    env: Option<Rc<Closure>>,
    args: Vec<Value>,
    created: (u32, u32),
) {
    let label = run.prog.funcs[func as usize]
        .label
        .unwrap_or_else(|| rt::Label::go(&run.prog.funcs[func as usize].name));
    let s = GoStart {
        func,
        args,
        created,
        env,
        run: Some(run.clone()),
    };
    rt::go_label(label, start, (s,));
}

/// Go prints at most this many frames of a goroutine's stack (a deep recursion's report stays
/// short), then `...additional frames elided...`.
const MAX_TRACEBACK_FRAMES: usize = 100;

/// The frames of goroutine `id` as Go's traceback prints them (see [`rt::Traceback`]).
pub fn traceback(run: &Run, id: GoId) -> Option<Vec<String>> {
    let g = run.live.borrow().get(id as usize)?.as_ref()?.upgrade()?;
    let g = g.try_borrow().ok()?;
    let prog: &Program = &run.prog;
    let frames = g.died_in.clone().unwrap_or_else(|| g.frame_lines());
    let mut lines = Vec::new();
    let mut shown = 0;
    for (func, line) in frames {
        let f = &prog.funcs[func as usize];
        if f.name.starts_with("runtime.") {
            // The program's entry, which Go's tracebacks do not show either.
            continue;
        }
        if shown == MAX_TRACEBACK_FRAMES {
            lines.push("...additional frames elided...".to_string());
            break;
        }
        shown += 1;
        let args = if f.nparams > 0 { "..." } else { "" };
        lines.push(format!("{}({args})", f.name));
        if f.file.is_empty() {
            lines.push(format!("\t./{}:{line}", prog.file_name));
        } else {
            lines.push(format!("\t{}:{line}", f.file));
        }
    }
    if let Some((func, line)) = g.created {
        let f = &prog.funcs[func as usize];
        lines.push(format!("created by {}", f.name));
        if f.file.is_empty() {
            lines.push(format!("\t./{}:{line}", prog.file_name));
        } else {
            lines.push(format!("\t{}:{line}", f.file));
        }
    }
    Some(lines)
}
