//! The page's state as yew holds it: [`crate::view::page_state`], whose reducer yew runs for
//! every [`Action`], with a run's chart built here and timed on the console.

use std::rc::Rc;

use yew::Reducible;

use crate::chart::Chart;
pub use crate::view::page_state::{Action, AppState, RunStatus, RunView};

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action, |trace| {
            let t0 = now_ms();
            let chart = Chart::build(trace);
            // For the benchmark (scripts/bench-timeline.mjs), which reads the console.
            web_sys::console::debug_1(
                &format!("chanlab: chart built in {:.1} ms", now_ms() - t0).into(),
            );
            chart
        })
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
