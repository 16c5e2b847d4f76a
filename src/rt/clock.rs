//! The clocks: the run's (virtual in sim mode, the wall clock from the run's start in real
//! mode) and the host's wall clock.

use super::current::with_core;

/// The clock now, in ns since the run started (virtual in sim mode).
pub fn now() -> super::time::Time {
    super::time::Time(with_core(|c| c.sched.now))
}

/// The run's clock read at this instant, for a program that times itself (a benchmark's
/// `time.Now()`): in sim mode the virtual clock, so the time is what the run's model predicts;
/// in real mode the wall clock itself, not the copy the scheduler refreshes every few steps.
pub fn clock_ns() -> u64 {
    real_clock().unwrap_or_else(|| now().0)
}

/// Real mode: the run's clock read now from the wall clock (`None` in sim mode).
pub fn real_clock() -> Option<u64> {
    let epoch = with_core(|c| c.sched.backend.epoch_ns())?;
    Some(wall_ns().saturating_sub(epoch))
}

thread_local! {
    /// The host's wall clock in ns (real mode's clock, a run's wall-time budget).
    static WALL_CLOCK: std::cell::Cell<Option<fn() -> u64>> = const { std::cell::Cell::new(None) };
}

/// Sets the wall clock [`wall_ns`] reads on this thread (the browser's `performance.now()`;
/// natively, a monotonic clock is used when none is set).
pub fn set_wall_clock(clock: fn() -> u64) {
    WALL_CLOCK.with(|c| c.set(Some(clock)));
}

/// The host's wall clock in ns from an arbitrary origin: real time, whatever the run's mode.
pub fn wall_ns() -> u64 {
    if let Some(clock) = WALL_CLOCK.with(|c| c.get()) {
        return clock();
    }
    native_wall_ns()
}

#[cfg(not(target_arch = "wasm32"))]
fn native_wall_ns() -> u64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

#[cfg(target_arch = "wasm32")]
fn native_wall_ns() -> u64 {
    // Without a clock set by the host there is no time source: measurements read zero.
    0
}
