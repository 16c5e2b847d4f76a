//! Run, Stop, and Compare.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RunControlsProps {
    pub running: bool,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    /// The pointer or the keyboard's focus reached the controls: a run is likely soon.
    pub on_approach: Callback<()>,
    /// Starts a comparison of sim and real mode; no button without it (the embedded view).
    #[prop_or_default]
    pub on_compare: Option<Callback<()>>,
}

#[function_component(RunControls)]
pub fn run_controls(props: &RunControlsProps) -> Html {
    let on_run = props.on_run.reform(|_: MouseEvent| ());
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());
    let onpointerenter = props.on_approach.reform(|_: PointerEvent| ());
    let onfocusin = props.on_approach.reform(|_: FocusEvent| ());
    let compare = props.on_compare.as_ref().map(|on_compare| {
        let onclick = on_compare.reform(|_: MouseEvent| ());
        html! {
            <button type="button" class="compare" data-testid="compare" {onclick}
                    title="Run in sim mode (the prediction) and in real mode (the measurement), each at these processors and at one, one after another, and compare">
                {"Compare"}
            </button>
        }
    });
    html! {
        <div class="run-controls" {onpointerenter} {onfocusin}>
            <button type="button" class="run" data-testid="run" onclick={on_run}
                    title="Run (Ctrl+Enter or ⌘+Enter)">
                {if props.running { "Restart" } else { "Run" }}
                <kbd>{"Ctrl+Enter"}</kbd>
            </button>
            <button type="button" class="stop" data-testid="stop" onclick={on_stop}
                    disabled={!props.running} title="Stop the run now">
                {"Stop"}
            </button>
            {compare}
        </div>
    }
}
