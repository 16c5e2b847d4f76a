//! The system allocator, counting this thread's live heap bytes and their peak, so a test can
//! measure a run's memory while other tests run on other threads. A test crate that uses it
//! declares `#[global_allocator] static GLOBAL: PerThread = PerThread;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

pub struct PerThread;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    // `try_with`: the allocator may be called while the thread's locals are torn down.
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

/// This thread's live heap bytes.
pub fn live() -> isize {
    LIVE.with(|l| l.get())
}

/// This thread's peak of live heap bytes since the last [`reset`].
pub fn peak() -> isize {
    PEAK.with(|p| p.get())
}

/// Starts counting from zero.
pub fn reset() {
    LIVE.with(|l| l.set(0));
    PEAK.with(|p| p.set(0));
}

// SAFETY: defers to the system allocator; only adds bookkeeping.
unsafe impl GlobalAlloc for PerThread {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        track(layout.size() as isize);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        track(-(layout.size() as isize));
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        track(new_size as isize - layout.size() as isize);
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
