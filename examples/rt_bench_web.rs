//! The runtime's benchmarks in the browser: the bodies of `benches/rt/bodies.rs`, built for
//! wasm32 as a wasm-bindgen module that `benches/web/index.html` loads and
//! `scripts/bench.sh` drives in headless Chromium. Natively it only says so; `cargo bench
//! --bench rt` is the native harness.
//!
//! The browser's clock is `performance.now()`: wall time, 5 µs fine on a cross-origin
//! isolated page (`benches/web/run.mjs` serves it so), which counts other processes' time
//! too, hence [`bodies::Sizes::WEB`]'s many short runs. Memory is counted by a wrapper
//! around the wasm allocator, as the native harness counts it.

#[path = "../benches/rt/bodies.rs"]
#[allow(dead_code)]
mod bodies;

#[cfg(target_arch = "wasm32")]
mod web {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};

    use wasm_bindgen::prelude::*;

    use super::bodies::{self, Host, Sizes};

    /// The wasm allocator, counting the bytes currently allocated.
    struct Counting;

    static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

    // SAFETY: defers to the system allocator; only adds bookkeeping.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
            // SAFETY: same contract as ours.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
            // SAFETY: same contract as ours.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
            // SAFETY: same contract as ours.
            unsafe { System.alloc_zeroed(layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
            ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
            // SAFETY: same contract as ours.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    /// Runs the benchmarks whose key contains `filter` and returns their figures as JSON:
    /// `[{"key":…,"what":…,"value":…,"untraced":…,"unit":…,"target":…}, …]`.
    #[wasm_bindgen]
    pub fn run_benchmarks(quick: bool, filter: &str) -> String {
        let host = Host {
            now_ns: || performance_now() * 1e6,
            allocated: || ALLOCATED.load(Ordering::Relaxed),
        };
        let sizes = if quick { Sizes::QUICK } else { Sizes::WEB };
        bodies::to_json(&bodies::run_all(host, sizes, filter))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("rt_bench_web is the browser build of the benchmarks: run scripts/bench.sh");
}
