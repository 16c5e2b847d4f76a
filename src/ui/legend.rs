//! The timeline's legend: each state's colour and name, its meaning on hover.

use yew::prelude::*;

use crate::chart::state::legend;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Show real mode's own states too.
    pub real_mode: bool,
}

#[function_component(Legend)]
pub fn legend_view(props: &LegendProps) -> Html {
    html! {
        <ul class="legend" data-testid="legend" aria-label="Legend">
            { for legend(props.real_mode).into_iter().map(|e| {
                let style = format!("background:{}", e.color);
                let class = classes!("swatch", (e.state == crate::chart::State::Done).then_some("hairline"));
                html! {
                    <li title={e.description} data-state={e.state.key()}>
                        <span {class} {style} aria-hidden="true"></span>{e.label}
                    </li>
                }
            }) }
            <li title={if props.real_mode {
                "an instant at which the goroutine ran between two operations, too briefly for the clock"
            } else {
                "an instant at which the goroutine ran (code takes no virtual time in sim mode)"
            }}>
                <span class="swatch tick" aria-hidden="true"></span>{"ran (instant)"}
            </li>
            <li title="a goroutine still waiting when the run ended: every goroutine of a deadlock, or one left behind by main" data-state="stuck">
                <span class="swatch stuck" aria-hidden="true">{"✕"}</span>{"still waiting at the end"}
            </li>
        </ul>
    }
}
