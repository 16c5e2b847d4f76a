//! The page's header: the name, what it is, and the permalink button.

use yew::prelude::*;

use super::copy_button::CopyButton;
use super::dom;

#[function_component(TopBar)]
pub fn top_bar() -> Html {
    let href = Callback::from(|()| dom::location_href());
    html! {
        <header class="topbar">
            <a class="brand" href="?">{"chanlab"}</a>
            <span class="tagline">{"Go's concurrency patterns, running live in your browser"}</span>
            <CopyButton text={href} label="Copy link" testid={Some(AttrValue::from("copy-link"))}
                        title={Some(AttrValue::from("Copy a link to this exact configuration"))} />
        </header>
    }
}
