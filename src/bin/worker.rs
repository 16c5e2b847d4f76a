//! The Web Worker that runs programs off the page's thread.

#[cfg(target_arch = "wasm32")]
fn main() {
    chanlab::runner::start_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the chanlab worker runs in the browser: see the README to build and serve it");
}
