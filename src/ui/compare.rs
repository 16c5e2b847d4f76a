//! The comparison panel: sim mode's prediction beside real mode's measurement, at P
//! processors and at one, with each mode's speedup (the model is `crate::view::compare`).

use std::rc::Rc;

use yew::prelude::*;

use crate::protocol::Mode;
use crate::view::compare::{gap_text, Comparison, RunState};
use crate::view::console::fmt_t;

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    pub compare: Rc<Comparison>,
}

#[function_component(ComparePanel)]
pub fn compare_panel(props: &ComparePanelProps) -> Html {
    let compare = &*props.compare;
    let p = compare.procs();
    let state = if compare.is_running() {
        "running"
    } else if compare.is_stopped() {
        "stopped"
    } else {
        "done"
    };
    let row = |mode: Mode, label: &'static str, what: &'static str| {
        let id = mode.as_str();
        let speedup = compare.speedup(mode);
        html! {
            <tr>
                <th scope="row">{label}<small>{what}</small></th>
                {cell(compare, mode, p, format!("compare-{id}"))}
                {cell(compare, mode, 1, format!("compare-{id}-1"))}
                <td class="speedup" data-testid={format!("compare-speedup-{id}")}
                    data-speedup={speedup.map(|s| format!("{s:.3}"))}>
                    {speedup.map_or("—".to_string(), |s| format!("{s:.2}×"))}
                </td>
            </tr>
        }
    };
    html! {
        <section class="comparison" data-testid="compare-results" data-state={state}
                 data-procs={p.to_string()} aria-label="Sim and real mode compared">
            <h2>{"Prediction and measurement"}</h2>
            <table>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{format!("procs={p}")}</th>
                        <th scope="col">{"procs=1"}</th>
                        <th scope="col" title="elapsed at procs=1 ÷ elapsed at procs=P">{"speedup"}</th>
                    </tr>
                </thead>
                <tbody>
                    {row(Mode::Sim, "sim", "prediction, virtual time")}
                    {row(Mode::Real, "real", "measurement, wall clock")}
                </tbody>
            </table>
            <p class="note">
                {format!("One run after another; the output below is the last run's, real mode at procs={p}. \
                          Real mode's output is compared with sim mode's at the same procs, in any order, times aside.")}
            </p>
            if let Some(floor) = compare.floor() {
                <p class="note" data-testid="compare-gap">{gap_text(&floor)}</p>
            }
        </section>
    }
}

/// One run: how it ended and how long it took; in real mode, whether it printed what sim mode
/// did.
fn cell(compare: &Comparison, mode: Mode, procs: u32, testid: String) -> Html {
    let run = compare.state(mode, procs);
    let (state, text) = match run {
        RunState::Waiting => ("waiting", "waiting".to_string()),
        RunState::Running => ("running", "running…".to_string()),
        RunState::Stopped => ("stopped", "stopped".to_string()),
        RunState::Failed(why) => ("failed", format!("failed: {why}")),
        RunState::Done(ended) => (
            "done",
            format!(
                "exit status {} · {}",
                ended.exit_code,
                fmt_t(ended.elapsed_ns)
            ),
        ),
    };
    let ended = match run {
        RunState::Done(ended) => Some(ended),
        _ => None,
    };
    let matches = (mode == Mode::Real)
        .then(|| compare.matches_sim(procs))
        .flatten();
    let verdict = match (ended, mode, matches) {
        (Some(_), Mode::Real, Some(true)) => Some(("same", "same output as sim")),
        (Some(_), Mode::Real, Some(false)) => Some(("differs", "output differs from sim")),
        (Some(_), Mode::Real, None) => Some(("unknown", "output not compared")),
        _ => None,
    };
    html! {
        <td data-testid={testid} data-state={state}
            data-exit-code={ended.map(|e| e.exit_code.to_string())}
            data-elapsed-ns={ended.map(|e| e.elapsed_ns.to_string())}
            data-matches={matches.map(|m| m.to_string())}>
            <span class="result">{text}</span>
            if let Some((class, text)) = verdict {
                <span class={classes!("verdict", class)}>{text}</span>
            }
        </td>
    }
}
