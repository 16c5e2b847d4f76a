//! The page's header: the name, what it is, and the permalink button.

use yew::prelude::*;

use crate::view::page_config::PageConfig;

use super::copy_button::CopyButton;
use super::dom;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub link: PageConfig,
}

#[function_component(TopBar)]
pub fn top_bar(props: &TopBarProps) -> Html {
    // From the configuration rather than the address bar, which follows an edit a moment later.
    let href = {
        let link = props.link.clone();
        Callback::from(move |()| dom::page_url(&link.to_query(), &link.to_fragment(), true))
    };
    html! {
        <header class="topbar">
            <a class="brand" href="?">{"chanlab"}</a>
            <span class="tagline">{"Go's concurrency patterns, running live in your browser"}</span>
            <CopyButton text={href} label="Copy link" testid={Some(AttrValue::from("copy-link"))}
                        title={Some(AttrValue::from("Copy a link to this exact configuration"))} />
        </header>
    }
}
