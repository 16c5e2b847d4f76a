//! What the cost guard says beside Run (`view::cost_guard`): that the run would stop at
//! chanlab's limits, and why a link's `autorun=1` did not start it.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::cost_guard::Verdict;

#[derive(Properties, PartialEq)]
pub struct CostNoteProps {
    pub verdict: Rc<Verdict>,
    /// Why autorun was held, while it is.
    pub held: Option<Rc<str>>,
}

#[function_component(CostNote)]
pub fn cost_note(props: &CostNoteProps) -> Html {
    let warning = props.verdict.warning();
    if warning.is_none() && props.held.is_none() {
        return html! {};
    }
    html! {
        <div class="cost-note" data-testid="estimate" role="status">
            if let Some(held) = &props.held {
                <p class="held" data-testid="autorun-held">{held.to_string()}</p>
            }
            if let Some(warning) = warning {
                <p class="warning">{warning}</p>
            }
        </div>
    }
}
