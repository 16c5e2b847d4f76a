//! The Embed button: shows (`data-testid="embed-snippet"`) the HTML that puts the current
//! configuration on another page, as an iframe and as a line of `embed.js`.

use yew::prelude::*;

use crate::view::page_config::PageConfig;

use super::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct EmbedSnippetProps {
    pub link: PageConfig,
}

/// The page's address up to its directory: where `embed.js` and the embedded view live.
fn page_base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return "./".to_string();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    format!("{origin}{dir}")
}

#[function_component(EmbedSnippet)]
pub fn embed_snippet(props: &EmbedSnippetProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let panel = if *open {
        let (iframe, script) = props.link.embed_snippets(&page_base());
        let copy_iframe = {
            let iframe = iframe.clone();
            Callback::from(move |()| iframe.clone())
        };
        let copy_script = {
            let script = script.clone();
            Callback::from(move |()| script.clone())
        };
        html! {
            <div class="embed-snippet" data-testid="embed-snippet">
                <label>{"An iframe:"}</label>
                <pre class="snippet" data-testid="embed-iframe">{iframe}</pre>
                <CopyButton text={copy_iframe} label="Copy iframe" />
                <label>{"Or one line with embed.js:"}</label>
                <pre class="snippet" data-testid="embed-script">{script}</pre>
                <CopyButton text={copy_script} label="Copy script" />
            </div>
        }
    } else {
        html! {}
    };
    html! {
        <div class="embed-box">
            <button type="button" class="copy" data-testid="embed-button" aria-expanded={(*open).to_string()}
                    onclick={toggle}>{"Embed"}</button>
            {panel}
        </div>
    }
}
