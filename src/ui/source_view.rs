//! The Go program, highlighted line by line: read-only in an embed without `edit=1`
//! ([`SourceView`]), and under the editor until it loads ([`Highlighted`], see
//! `super::code_editor`).
//!
//! The `go-source` element's text is always the whole program. The line [`Code::mark`] names (a
//! panic's, a deadlock's, one the reader picked) is marked; the read-only view scrolls it into
//! view, says which in its section's `data-mark-line`, and lists the last run's compile errors
//! under the program. Characters a reader cannot see (`crate::view::invisible`) are drawn as
//! marks naming their code point, and bidirectional controls are isolated, so the text reads
//! as it compiles.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::code::{Code, MarkKind};
use crate::view::highlight::{lines, Class};
use crate::view::invisible::is_invisible;

use super::compile_errors::CompileErrors;
use super::copy_button::CopyButton;

/// The reader picked a line of the source: its line, column and why.
pub type OnShowLine = Callback<(u32, Option<u32>, MarkKind)>;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub code: Code,
    #[prop_or_default]
    pub on_show_line: Option<OnShowLine>,
}

/// The source pane of a read-only view: the file name, Copy, the highlighted program and the
/// compile errors.
#[function_component(SourceView)]
pub fn source_view(props: &SourceViewProps) -> Html {
    let source = props.code.source().clone();
    let mark = props.code.mark();
    let marked = mark.map(|m| m.line);
    let section = use_node_ref();
    {
        let section = section.clone();
        use_effect_with(mark.map(|m| m.seq), move |seq| {
            if seq.is_some() {
                scroll_to_mark(&section);
            }
        });
    }
    let text = {
        let source = source.clone();
        Callback::from(move |()| source.to_string())
    };
    html! {
        <section class="source" aria-label="Go source" ref={section}
                 data-mark-line={marked.map(|l| l.to_string())}>
            <header>
                <h2>{"prog.go"}</h2>
                <CopyButton {text} label="Copy code" testid={Some(AttrValue::from("copy-source"))} />
            </header>
            <Highlighted {source} {marked} focusable=true />
            <CompileErrors errors={props.code.errors().clone()}
                           on_pick={pick_error(props.on_show_line.as_ref())} />
            <CompileErrors errors={props.code.vet().clone()} vet=true
                           on_pick={pick_error(props.on_show_line.as_ref())} />
        </section>
    }
}

/// What picking a compile error does: show its line and column.
pub(super) fn pick_error(on_show_line: Option<&OnShowLine>) -> Option<Callback<(u32, u32)>> {
    on_show_line.map(|show| {
        show.reform(|(line, col): (u32, u32)| (line, Some(col), MarkKind::CompileError))
    })
}

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub source: Rc<str>,
    /// The 1-based line to mark.
    #[prop_or_default]
    pub marked: Option<u32>,
    /// Whether the keyboard can reach it (to scroll it); not when an editor covers it.
    #[prop_or_default]
    pub focusable: bool,
}

/// The `go-source` element: the whole program, highlighted, one `.line` per line (its number
/// in `data-line`), the marked one `.marked`.
#[function_component(Highlighted)]
pub fn highlighted(props: &HighlightedProps) -> Html {
    let html = use_memo((props.source.clone(), props.marked), |(source, marked)| {
        lines(source)
            .into_iter()
            .enumerate()
            .map(|(i, spans)| {
                let n = i as u32 + 1;
                let spans = spans
                    .into_iter()
                    .map(|(class, text)| {
                        let text = with_invisibles_marked(text);
                        match class {
                            Class::Space | Class::Ident | Class::Punct => text,
                            _ => html! { <span class={class.css()}>{text}</span> },
                        }
                    })
                    .collect::<Html>();
                let class = classes!("line", (*marked == Some(n)).then_some("marked"));
                html! { <span {class} data-line={n.to_string()}>{spans}</span> }
            })
            .collect::<Html>()
    });
    let tabindex = props.focusable.then_some("0");
    html! {
        <pre class="code-view" data-testid="go-source" {tabindex}><code>{(*html).clone()}</code></pre>
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

/// Scrolls the section's source so the marked line is in the middle of its box.
fn scroll_to_mark(section: &NodeRef) {
    use wasm_bindgen::JsCast;
    let Some(section) = section.cast::<web_sys::Element>() else {
        return;
    };
    let find = |selector: &str| {
        section
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let (Some(pre), Some(line)) = (find("pre"), find("pre .line.marked")) {
        pre.set_scroll_top(line.offset_top() - pre.client_height() / 2);
    }
}
