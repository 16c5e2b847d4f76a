//! The Go program, highlighted: read-only in an embed without `edit=1`, and under the editor
//! until it loads (`super::code_editor`). Characters a reader cannot see
//! (`crate::view::invisible`) are drawn as marks naming their code point, and bidirectional
//! controls are isolated, so the text reads as it compiles.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::highlight::{tokenize, Class};
use crate::view::invisible::is_invisible;

use super::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub source: Rc<str>,
}

/// The source pane of a read-only view: the file name, Copy, and the highlighted program.
#[function_component(SourceView)]
pub fn source_view(props: &SourceViewProps) -> Html {
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
            <Highlighted source={props.source.clone()} focusable=true />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub source: Rc<str>,
    /// Whether the keyboard can reach it (to scroll it); not when an editor covers it.
    #[prop_or_default]
    pub focusable: bool,
}

/// The `go-source` element: the whole program, highlighted.
#[function_component(Highlighted)]
pub fn highlighted(props: &HighlightedProps) -> Html {
    let spans = use_memo(props.source.clone(), |source| {
        tokenize(source)
            .into_iter()
            .map(|(class, text)| {
                let text = with_invisibles_marked(text);
                match class {
                    Class::Space | Class::Ident | Class::Punct => text,
                    _ => html! { <span class={class.css()}>{text}</span> },
                }
            })
            .collect::<Html>()
    });
    let tabindex = props.focusable.then_some("0");
    html! {
        <pre class="code-view" data-testid="go-source" {tabindex}><code>{(*spans).clone()}</code></pre>
    }
}

/// `text`, each invisible character in a mark of its own.
fn with_invisibles_marked(text: &str) -> Html {
    if !text.chars().any(is_invisible) {
        return html! { {text.to_string()} };
    }
    let mut parts = Vec::new();
    let mut plain = String::new();
    for ch in text.chars() {
        if is_invisible(ch) {
            if !plain.is_empty() {
                parts.push(html! { {std::mem::take(&mut plain)} });
            }
            let code = format!("U+{:04X}", ch as u32);
            parts.push(html! {
                <span class="invisible" data-code={code.clone()} title={code}>{ch.to_string()}</span>
            });
        } else {
            plain.push(ch);
        }
    }
    if !plain.is_empty() {
        parts.push(html! { {plain} });
    }
    parts.into_iter().collect()
}
