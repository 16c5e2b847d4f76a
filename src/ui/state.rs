//! The page's state as yew holds it: [`crate::view::page_state`], whose reducer yew runs for
//! every [`Action`], with a run's chart built here and timed on the console.

use std::rc::Rc;

use yew::Reducible;

use crate::chart::duration::Resolution;
use crate::chart::Chart;
use crate::protocol::Mode;
pub use crate::view::page_state::{Action, AppState, RunStatus, RunView};

/// How finely a run's clock tells time in `mode`, on this page (see
/// [`crate::chart::duration`]).
pub fn clock_resolution(mode: Mode) -> Resolution {
    match mode {
        Mode::Sim => Resolution::SIM,
        Mode::Real => Resolution::real(super::dom::cross_origin_isolated()),
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let res = clock_resolution(self.run.mode());
        self.apply(action, move |trace| {
            let t0 = now_ms();
            let chart = Chart::build(trace, res);
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
