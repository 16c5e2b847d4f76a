//! The Web Worker that runs programs off the page's thread.

/// The worker's heap is counted, so a run stops at its memory limit (see `chanlab::heap`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: chanlab::heap::Counting = chanlab::heap::Counting;

#[cfg(target_arch = "wasm32")]
fn main() {
    chanlab::runner::start_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the chanlab worker runs in the browser: see the README to build and serve it");
}
