//! Messages about values that were corrected, in the form or in the link.

use std::rc::Rc;

use yew::prelude::*;

use crate::patterns::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Rc<Vec<Notice>>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="notices" role="status" aria-label="Corrections">
            <ul>
                { for props.notices.iter().map(|n| html! { <li data-testid="notice">{n.text.clone()}</li> }) }
            </ul>
            <button type="button" class="dismiss" onclick={on_dismiss} title="Dismiss">{"Dismiss"}</button>
        </section>
    }
}
