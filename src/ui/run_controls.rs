//! Run and Stop.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RunControlsProps {
    pub running: bool,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
}

#[function_component(RunControls)]
pub fn run_controls(props: &RunControlsProps) -> Html {
    let on_run = props.on_run.reform(|_: MouseEvent| ());
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());
    html! {
        <div class="run-controls">
            <button type="button" class="run" data-testid="run" onclick={on_run}
                    title="Run (Ctrl+Enter or ⌘+Enter)">
                {if props.running { "Restart" } else { "Run" }}
                <kbd>{"Ctrl+Enter"}</kbd>
            </button>
            <button type="button" class="stop" data-testid="stop" onclick={on_stop}
                    disabled={!props.running} title="Stop the run now">
                {"Stop"}
            </button>
        </div>
    }
}
