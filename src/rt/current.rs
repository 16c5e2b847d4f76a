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
use super::run::{Core, Task};

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

/// Runs `f` on the current run's state. Precondition: called from a goroutine of a run (a
/// runtime operation used elsewhere is a bug in the program, reported as a Rust panic).
pub(crate) fn with_core<R>(f: impl FnOnce(&mut Core) -> R) -> R {
    CURRENT.with(|c| {
        let c = c.borrow();
        let shared = c
            .as_ref()
            .expect("chanlab runtime operations can only be used inside Runtime::run");
        let mut core = shared.core.borrow_mut();
        f(&mut core)
    })
}

/// Starts a goroutine; see [`super::goroutine::go`].
pub(crate) fn spawn_boxed(label: Label, fut: Task) -> GoId {
    CURRENT.with(|c| {
        let c = c.borrow();
        let shared = c
            .as_ref()
            .expect("go() can only be used inside Runtime::run");
        let (slot, id) = shared.core.borrow_mut().sched.new_goroutine(label);
        store_task(&shared.tasks, slot, fut);
        id
    })
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
pub(crate) struct Enter(Option<Rc<Shared>>, bool);

impl Enter {
    pub fn new(shared: &Rc<Shared>) -> Self {
        let linked = shared.core.borrow().sched.link.is_some();
        Enter(
            CURRENT.with(|c| c.replace(Some(shared.clone()))),
            LINKED.with(|l| l.replace(linked)),
        )
    }
}

impl Drop for Enter {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
        LINKED.with(|l| l.set(self.1));
    }
}

thread_local! {
    /// Whether the current run is an executor of a real-mode run (read on every operation,
    /// so kept apart from the run's state).
    static LINKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the current run is an executor of a real-mode run.
#[inline]
pub(crate) fn linked() -> bool {
    LINKED.with(|l| l.get())
}
