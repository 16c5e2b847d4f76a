//! The Go program the page runs ([`Code::source`]), highlighted line by line, with a copy
//! button and, under it, the compile errors of the last run.
//!
//! The `<pre data-testid="go-source">`'s text is always the whole program. The line
//! [`Code::mark`] names (a panic's, a deadlock's, one the reader picked) is marked and scrolled
//! into view; the section says which in `data-mark-line`.

use yew::prelude::*;

use crate::view::code::{Code, MarkKind};
use crate::view::highlight::{lines, Class};

use super::compile_errors::CompileErrors;
use super::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub code: Code,
    /// The reader picked a line (a compile error): its line, column and why.
    #[prop_or_default]
    pub on_show_line: Option<Callback<(u32, Option<u32>, MarkKind)>>,
}

#[function_component(SourceView)]
pub fn source_view(props: &SourceViewProps) -> Html {
    let source = props.code.source().clone();
    let mark = props.code.mark();
    let marked = mark.map(|m| m.line);
    let highlighted = use_memo((source.clone(), marked), |(source, marked)| {
        lines(source)
            .into_iter()
            .enumerate()
            .map(|(i, spans)| {
                let n = i as u32 + 1;
                let spans = spans
                    .into_iter()
                    .map(|(class, text)| match class {
                        Class::Space | Class::Ident | Class::Punct => html! { {text} },
                        _ => html! { <span class={class.css()}>{text}</span> },
                    })
                    .collect::<Html>();
                let class = classes!("line", (*marked == Some(n)).then_some("marked"));
                html! { <span {class} data-line={n.to_string()}>{spans}</span> }
            })
            .collect::<Html>()
    });
    let pre = use_node_ref();
    {
        let pre = pre.clone();
        use_effect_with(mark.map(|m| m.seq), move |seq| {
            if seq.is_some() {
                scroll_to_mark(&pre);
            }
        });
    }
    let text = {
        let source = source.clone();
        Callback::from(move |()| source.to_string())
    };
    let on_pick = props.on_show_line.clone().map(|show| {
        Callback::from(move |(line, col): (u32, u32)| {
            show.emit((line, Some(col), MarkKind::CompileError))
        })
    });
    html! {
        <section class="source" aria-label="Go source"
                 data-mark-line={marked.map(|l| l.to_string())}>
            <header>
                <h2>{"prog.go"}</h2>
                <CopyButton {text} label="Copy code" testid={Some(AttrValue::from("copy-source"))} />
            </header>
            <pre data-testid="go-source" tabindex="0" ref={pre}><code>{(*highlighted).clone()}</code></pre>
            <CompileErrors errors={props.code.errors().clone()} {on_pick} />
        </section>
    }
}

/// Scrolls the source so the marked line is in the middle of its box.
fn scroll_to_mark(pre: &NodeRef) {
    use wasm_bindgen::JsCast;
    let Some(pre) = pre.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let line = pre
        .query_selector(".line.marked")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(line) = line {
        pre.set_scroll_top(line.offset_top() - pre.client_height() / 2);
    }
}
