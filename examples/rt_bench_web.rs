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
#[path = "../benches/rt/counting.rs"]
mod counting;

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    use super::bodies::{self, Host, Sizes};
    use super::counting::{self, Counting};

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
            allocated: counting::allocated,
        };
        let sizes = if quick { Sizes::QUICK } else { Sizes::WEB };
        bodies::to_json(&bodies::run_all(host, sizes, filter))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("rt_bench_web is the browser build of the benchmarks: run scripts/bench.sh");
}
