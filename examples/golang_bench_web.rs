//! The interpreter's benchmarks in the browser: the bodies of `benches/golang/bodies.rs`,
//! built for wasm32 as a wasm-bindgen module that `benches/golang/web/index.html` loads and
//! `scripts/bench_interp.sh` drives in headless Chromium, beside Go's js/wasm build of the
//! same `doTask` loop, which the page runs after. Natively it only says so; `cargo bench
//! --bench golang` is the native harness.
//!
//! The module holds the interpreter but not the catalog (the compile benchmark's source comes
//! from the page), so its size less the runtime's benchmark module's is the interpreter's
//! weight in a wasm module.
//!
//! The browser's clock is `performance.now()`: wall time, 5 µs fine on a cross-origin
//! isolated page, which counts other processes' time too, hence `Sizes::WEB`'s many short
//! runs.

#[path = "../benches/rt/bodies.rs"]
#[allow(dead_code)]
mod bodies;
#[path = "../benches/golang/bodies.rs"]
#[allow(dead_code)]
mod interp;

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    use super::bodies::Host;
    use super::interp::{self, Row, Sizes, Target};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    /// Runs the interpreter's benchmarks (`largest`: the largest catalog program, for the
    /// compile benchmark; the native harness writes it) and returns their figures as JSON:
    /// `[{"key":…,"what":…,"value":…,"baseline":…,"ratio":…,"max":…}, …]`, where `ratio` is
    /// the largest ratio to the baseline allowed and `max` the largest value. The `doTask`
    /// loop's baseline (Go's js/wasm build) is the page's to add.
    #[wasm_bindgen]
    pub fn run_benchmarks(quick: bool, largest: &str) -> String {
        let host = Host {
            now_ns: || performance_now() * 1e6,
            allocated: || 0,
        };
        let sizes = if quick { Sizes::QUICK } else { Sizes::WEB };
        let rows = [
            interp::do_task(host, sizes, None),
            interp::spawn_join(host, sizes),
            interp::ping_pong(host, sizes),
            interp::compile_largest(host, largest, 5000.0),
        ];
        to_json(&rows)
    }

    /// The loop's size, for Go's build of it to run the same.
    #[wasm_bindgen]
    pub fn loop_iterations(quick: bool) -> f64 {
        let sizes = if quick { Sizes::QUICK } else { Sizes::WEB };
        sizes.loop_n as f64
    }

    fn to_json(rows: &[Row]) -> String {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                let (ratio, max) = match r.target {
                    Target::Ratio(x) => (Some(x), None),
                    Target::Max(x) => (None, Some(x)),
                };
                serde_json::json!({
                    "key": r.key,
                    "what": r.what,
                    "value": r.value,
                    "baseline": r.baseline,
                    "ratio": ratio,
                    "max": max,
                })
            })
            .collect();
        serde_json::Value::Array(items).to_string()
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "golang_bench_web is the browser build of the benchmarks: run scripts/bench_interp.sh"
    );
}
