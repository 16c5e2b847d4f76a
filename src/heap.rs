//! A worker's heap, counted: the global allocator the worker binary installs
//! (`#[global_allocator] static HEAP: Counting = Counting;`).
//!
//! [`Counting`] defers to the system allocator (dlmalloc, in wasm) and keeps the bytes in use,
//! which the runtime reads as its memory gauge ([`crate::rt::set_memory_gauge`]) to end a run
//! at its memory limit, between two steps, with "the program ran out of memory". A single
//! allocation can still be too large: one that would take the heap past [`CEILING`], or that
//! the system allocator cannot serve (wasm memory cannot grow), fails; the hook set with
//! [`on_exhausted`] is called first, so the worker can say so before the program aborts.
//!
//! # Invariants
//! - `IN_USE` is the sum of the sizes of the live allocations made through [`Counting`].
//! - The hook is never re-entered: an allocation it makes that fails fails plainly.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The most the heap may hold: twice the runtime's memory limit (`rt::Limits`), room for a
/// run that passed it between two checks to end with its report; well below wasm32's 4 GiB.
pub const CEILING: usize = 1 << 30;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static HOOK: OnceLock<fn(usize)> = OnceLock::new();
static IN_HOOK: AtomicBool = AtomicBool::new(false);

/// Bytes in use on the heap now.
pub fn in_use() -> u64 {
    IN_USE.load(Ordering::Relaxed) as u64
}

/// Sets what to do when an allocation of `size` bytes fails, just before the program aborts
/// (once; later calls are ignored). The hook may allocate: it runs after the failed request.
pub fn on_exhausted(hook: fn(usize)) {
    let _ = HOOK.set(hook);
}

/// The system allocator, counting (see the module doc).
pub struct Counting;

impl Counting {
    /// Whether `extra` more bytes stay under the ceiling.
    fn fits(extra: usize) -> bool {
        IN_USE.load(Ordering::Relaxed).saturating_add(extra) <= CEILING
    }

    /// Counts an allocation's result, or reports its failure; returns it.
    fn counted(ptr: *mut u8, size: isize, requested: usize) -> *mut u8 {
        if ptr.is_null() {
            exhausted(requested);
        } else if size >= 0 {
            IN_USE.fetch_add(size as usize, Ordering::Relaxed);
        } else {
            IN_USE.fetch_sub(size.unsigned_abs(), Ordering::Relaxed);
        }
        ptr
    }
}

/// Calls the hook for a failed request of `size` bytes, unless it is running already.
fn exhausted(size: usize) {
    if IN_HOOK.swap(true, Ordering::Relaxed) {
        return;
    }
    if let Some(hook) = HOOK.get() {
        hook(size);
    }
    IN_HOOK.store(false, Ordering::Relaxed);
}

// SAFETY: every call defers to the system allocator with the caller's arguments, or fails
// (returns null) without calling it; the counting touches no memory the caller owns.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !Self::fits(layout.size()) {
            return Self::counted(std::ptr::null_mut(), 0, layout.size());
        }
        // SAFETY: the caller's contract is the system allocator's.
        let ptr = unsafe { System.alloc(layout) };
        Self::counted(ptr, layout.size() as isize, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !Self::fits(layout.size()) {
            return Self::counted(std::ptr::null_mut(), 0, layout.size());
        }
        // SAFETY: as `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        Self::counted(ptr, layout.size() as isize, layout.size())
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by the system allocator with `layout` (through us).
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let growth = new_size as isize - layout.size() as isize;
        if growth > 0 && !Self::fits(growth as usize) {
            return Self::counted(std::ptr::null_mut(), 0, new_size);
        }
        // SAFETY: as `dealloc`, and `new_size` is the caller's valid request.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        Self::counted(moved, growth, new_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static FAILED: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn counts_and_refuses_past_the_ceiling() {
        on_exhausted(|size| FAILED.store(size, Ordering::Relaxed));
        let heap = Counting;
        let layout = Layout::from_size_align(4096, 8).expect("a layout");
        let before = in_use();
        // SAFETY: a plain allocation, freed below with its layout.
        let ptr = unsafe { heap.alloc(layout) };
        assert!(!ptr.is_null());
        // Other tests' threads allocate through the system allocator, not this one.
        assert_eq!(in_use(), before + 4096);
        // SAFETY: grown and freed with the layouts it has.
        let ptr = unsafe { heap.realloc(ptr, layout, 8192) };
        assert_eq!(in_use(), before + 8192);
        let grown = Layout::from_size_align(8192, 8).expect("a layout");
        // SAFETY: `ptr` holds `grown`.
        unsafe { heap.dealloc(ptr, grown) };
        assert_eq!(in_use(), before);

        let huge = Layout::from_size_align(CEILING + 1, 8).expect("a layout");
        // SAFETY: refused before the system allocator is asked.
        let none = unsafe { heap.alloc(huge) };
        assert!(none.is_null());
        assert_eq!(FAILED.load(Ordering::Relaxed), CEILING + 1);
        assert_eq!(in_use(), before);
    }
}
