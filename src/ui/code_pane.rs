//! The source pane of the full page (and of an embed with `edit=1`): the program in the editor,
//! with New, Reset code and Copy code, and the keys that matter in it.

use std::rc::Rc;

use yew::prelude::*;

use super::code_editor::{CodeEditor, Cursor, EditorMark};
use super::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct CodePaneProps {
    /// The whole program.
    pub source: Rc<str>,
    /// Whether it is the reader's rather than the pattern's.
    pub edited: bool,
    pub marks: Rc<[EditorMark]>,
    pub cursor: Option<Cursor>,
    pub on_edit: Callback<String>,
    pub on_reset: Callback<()>,
    /// Starts a blank program; `None` offers no New (an embed).
    #[prop_or_default]
    pub on_new: Option<Callback<()>>,
    /// Shown under the editor (the compile errors).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(CodePane)]
pub fn code_pane(props: &CodePaneProps) -> Html {
    let text = {
        let source = props.source.clone();
        Callback::from(move |()| source.to_string())
    };
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <section class="source" aria-label="Go source">
            <header>
                <h2>{"main.go"}</h2>
                if props.edited {
                    <span class="edited" data-testid="code-edited">{"edited"}</span>
                }
                if let Some(on_new) = &props.on_new {
                    <button type="button" class="copy" data-testid="new-code"
                            title="Start a blank program"
                            onclick={on_new.reform(|_: MouseEvent| ())}>{"New"}</button>
                }
                <button type="button" class="copy" data-testid="reset-code"
                        title="Bring back the pattern's source" disabled={!props.edited}
                        onclick={on_reset}>{"Reset code"}</button>
                <CopyButton {text} label="Copy code" testid={Some(AttrValue::from("copy-source"))} />
            </header>
            <CodeEditor source={props.source.clone()} marks={props.marks.clone()}
                        cursor={props.cursor} on_edit={props.on_edit.clone()} />
            {props.children.clone()}
            <p class="code-keys">
                <kbd>{"Ctrl"}</kbd>{"+"}<kbd>{"Enter"}</kbd>{" runs · "}
                <kbd>{"Esc"}</kbd>{" then "}<kbd>{"Tab"}</kbd>{" leaves the editor"}
            </p>
        </section>
    }
}
