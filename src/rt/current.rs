//! The current run: how runtime operations, which are free functions as Go's are
//! (`make_chan`, `sleep`), reach the state of the run whose goroutine calls them.
//!
//! While a [`Runtime`](super::Runtime) steps, its [`Shared`] state is reachable from the
//! thread-local `CURRENT`; [`Enter`] sets it for the length of a step and restores the one
//! before (normally none) when dropped.
//!
//! # Invariants
//! - `Core` is borrowed only inside runtime operations, never across a poll.
//! - Futures are taken out of `tasks` while polled, so a goroutine may spawn others.

use std::cell::RefCell;
use std::rc::Rc;

use super::goroutine::{GoId, Label, Slot};
use super::real::{proxy_task, Start};
use super::run::{Core, Task};
use super::sched::Sched;

/// A run's state and its goroutines' futures, shared by the [`Runtime`](super::Runtime) and
/// the thread-local that runtime operations reach it through.
pub(crate) struct Shared {
    pub core: RefCell<Core>,
    /// Goroutines' futures, indexed by slot; `None` while polled or after it finished.
    pub tasks: RefCell<Vec<Option<Task>>>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
}

/// Runs `f` on the current run. Precondition: called from a goroutine of a run (a runtime
/// operation used elsewhere is a bug in the program, reported as a Rust panic).
#[inline]
pub(crate) fn with_shared<R>(f: impl FnOnce(&Shared) -> R) -> R {
    CURRENT.with(|c| {
        let c = c.borrow();
        f(c.as_ref()
            .expect("chanlab runtime operations can only be used inside Runtime::run"))
    })
}

/// Runs `f` on the current run's state (see [`with_shared`]).
#[inline]
pub(crate) fn with_core<R>(f: impl FnOnce(&mut Core) -> R) -> R {
    with_shared(|shared| f(&mut shared.core.borrow_mut()))
}

/// Where [`spawn_with`]'s goroutine starts.
pub(crate) enum Placed {
    /// Here, as this future.
    Here(Task),
    /// On real mode's hub: on executor `worker`, made there by the [`Start`], with its proxy
    /// here.
    Remote(u32, Start),
    /// Wherever real mode's hub places it (its id is the hub's to give).
    Hub,
}

/// Starts a goroutine named `label` where `place` says; returns its id (0 when the hub
/// places it, or when it may not start: the run is ending, or reached a limit of goroutines,
/// see [`Sched::may_start`]). `place` must not use the runtime.
pub(crate) fn spawn_with(label: Label, place: impl FnOnce(&mut Sched) -> Placed) -> GoId {
    with_shared(|shared| {
        let mut core = shared.core.borrow_mut();
        let placed = place(&mut core.sched);
        match start_placed(&mut core, &shared.tasks, label, placed) {
            Ok(id) => id,
            Err(unstarted) => {
                // Dropped once the run is not borrowed: its drop may use the runtime.
                drop(core);
                drop(unstarted);
                0
            }
        }
    })
}

/// Starts a goroutine named `label` as `placed` says, in the run's state `core` and its
/// futures `tasks`: its id (0 when the hub places it), or, when no goroutine may start now
/// (the run is ending, or at its limit), the future that did not start.
pub(crate) fn start_placed(
    core: &mut Core,
    tasks: &RefCell<Vec<Option<Task>>>,
    label: Label,
    placed: Placed,
) -> Result<GoId, Option<Task>> {
    if !matches!(placed, Placed::Hub) && !core.sched.may_start() {
        return Err(match placed {
            Placed::Here(task) => Some(task),
            _ => None,
        });
    }
    Ok(match placed {
        Placed::Here(task) => {
            let (slot, id) = core.sched.new_goroutine(label);
            store_task(tasks, slot, task);
            id
        }
        Placed::Remote(worker, start) => {
            let (slot, id) = core.sched.new_goroutine(label);
            if let Some(hub) = core.sched.backend.hub() {
                hub.started(worker, id, start);
            }
            store_task(tasks, slot, proxy_task(worker));
            id
        }
        Placed::Hub => 0,
    })
}

/// Starts goroutine `label` running `task` here.
pub(crate) fn spawn_boxed(label: Label, task: Task) -> GoId {
    spawn_with(label, |_| Placed::Here(task))
}

pub(crate) fn store_task(tasks: &RefCell<Vec<Option<Task>>>, slot: Slot, fut: Task) {
    let mut tasks = tasks.borrow_mut();
    match tasks.get_mut(slot as usize) {
        Some(entry) => *entry = Some(fut),
        None => {
            debug_assert_eq!(slot as usize, tasks.len());
            tasks.push(Some(fut));
        }
    }
}

/// Makes the run reachable from runtime operations while it steps; restores the previous one
/// (normally none) when dropped.
pub(crate) struct Enter(Option<Rc<Shared>>);

impl Enter {
    pub fn new(shared: &Rc<Shared>) -> Self {
        Enter(CURRENT.with(|c| c.replace(Some(shared.clone()))))
    }
}

impl Drop for Enter {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}
