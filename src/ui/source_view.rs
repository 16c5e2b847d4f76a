//! The Go program, highlighted, with a copy button.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::highlight::{tokenize, Class};

use super::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub source: Rc<str>,
}

#[function_component(SourceView)]
pub fn source_view(props: &SourceViewProps) -> Html {
    let highlighted = use_memo(props.source.clone(), |source| {
        tokenize(source)
            .into_iter()
            .map(|(class, text)| match class {
                Class::Space | Class::Ident | Class::Punct => html! { {text} },
                _ => html! { <span class={class.css()}>{text}</span> },
            })
            .collect::<Html>()
    });
    let text = {
        let source = props.source.clone();
        Callback::from(move |()| source.to_string())
    };
    html! {
        <section class="source" aria-label="Go source">
            <header>
                <h2>{"main.go"}</h2>
                <CopyButton {text} label="Copy code" testid={Some(AttrValue::from("copy-source"))} />
            </header>
            <pre data-testid="go-source" tabindex="0"><code>{(*highlighted).clone()}</code></pre>
        </section>
    }
}
