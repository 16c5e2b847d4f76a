//! Faults a test can switch on in the runtime, to check that the test suite catches a broken
//! runtime (`tests/rt_mutations.rs`): each is a known way to get Go's semantics wrong.
//!
//! No fault is ever on unless a test calls [`inject`] on its own thread; a run reads the
//! switch once, when it is created ([`super::Runtime::new`]), so runs on other threads and
//! runs created before the call are unaffected.

use std::cell::Cell;

/// A way to get Go's semantics wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// A buffered channel gives out its newest value first.
    LifoBuffer,
    /// A channel serves the goroutine that parked last first.
    LifoWakeup,
    /// Closing a channel wakes its parked receivers but leaves its parked senders asleep
    /// (Go makes them panic).
    CloseKeepsSenders,
    /// Select always takes the first ready case in source order.
    SelectFirstReady,
    /// The virtual clock jumps a millisecond past a timer's deadline before firing it.
    LateTimer,
}

impl Fault {
    pub const ALL: [Fault; 5] = [
        Fault::LifoBuffer,
        Fault::LifoWakeup,
        Fault::CloseKeepsSenders,
        Fault::SelectFirstReady,
        Fault::LateTimer,
    ];
}

/// How late [`Fault::LateTimer`] fires a timer, in ns.
pub(crate) const LATE_NS: u64 = 1_000_000;

thread_local! {
    static INJECTED: Cell<Option<Fault>> = const { Cell::new(None) };
}

/// Switches `fault` on (or every fault off, with `None`) for the runs this thread creates
/// from now on. For tests of the test suite only.
pub fn inject(fault: Option<Fault>) {
    INJECTED.with(|f| f.set(fault));
}

/// The fault a run created now on this thread has.
pub(crate) fn injected() -> Option<Fault> {
    INJECTED.with(Cell::get)
}
