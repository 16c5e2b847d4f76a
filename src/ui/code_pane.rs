//! The source pane of the full page (and of an embed with `edit=1`): the program in the editor,
//! with New, Reset code and Copy code, the last run's compile errors under it, and the keys
//! that matter in it.
//!
//! The editor marks every compile error at its line and column and the line a run's report
//! names (a panic's, a deadlock's) or the reader picks (a name in a view), and brings it into
//! view; a compile error the reader picks gets the cursor. The section says which line is marked in `data-mark-line`.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::code::{Code, Mark, MarkKind};

use super::code_editor::{CodeEditor, Cursor, EditorMark};
use super::compile_errors::CompileErrors;
use super::copy_button::CopyButton;
use super::source_view::{pick_error, OnShowLine};

#[derive(Properties, PartialEq)]
pub struct CodePaneProps {
    /// The whole program, and what the last run said of its lines.
    pub code: Code,
    /// Whether it is the reader's rather than the pattern's.
    pub edited: bool,
    pub on_edit: Callback<String>,
    pub on_reset: Callback<()>,
    /// Starts a blank program; `None` offers no New (an embed).
    #[prop_or_default]
    pub on_new: Option<Callback<()>>,
    #[prop_or_default]
    pub on_show_line: Option<OnShowLine>,
}

#[function_component(CodePane)]
pub fn code_pane(props: &CodePaneProps) -> Html {
    let source = props.code.source().clone();
    let mark = props.code.mark();
    let marks = use_memo((props.code.errors().clone(), mark), |(errors, mark)| {
        editor_marks(errors, *mark)
    });
    // A compile error picked puts the cursor at it; any other mark is brought into view.
    let cursor = mark
        .filter(|m| m.kind == MarkKind::CompileError)
        .map(|m| Cursor {
            line: m.line,
            col: m.col.unwrap_or(1),
            seq: m.seq,
        });
    let text = {
        let source = source.clone();
        Callback::from(move |()| source.to_string())
    };
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <section class="source" aria-label="Go source"
                 data-mark-line={mark.map(|m| m.line.to_string())}>
            <header>
                <h2>{"prog.go"}</h2>
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
            <CodeEditor {source} marks={(*marks).clone()} marked={mark.map(|m| m.line)} {cursor}
                        reveal={mark.filter(|m| m.kind != MarkKind::CompileError).map(|m| m.seq)}
                        on_edit={props.on_edit.clone()} />
            <CompileErrors errors={props.code.errors().clone()}
                           on_pick={pick_error(props.on_show_line.as_ref())} />
            <CompileErrors errors={props.code.vet().clone()} vet=true
                           on_pick={pick_error(props.on_show_line.as_ref())} />
            <p class="code-keys">
                <kbd>{"Ctrl"}</kbd>{"+"}<kbd>{"Enter"}</kbd>{" runs · "}
                <kbd>{"Esc"}</kbd>{" then "}<kbd>{"Tab"}</kbd>{" leaves the editor"}
            </p>
        </section>
    }
}

/// What the editor marks: each compile error at its column, and the marked line.
fn editor_marks(errors: &[crate::protocol::CompileError], mark: Option<Mark>) -> Rc<[EditorMark]> {
    let errors = errors.iter().map(|e| EditorMark {
        line: e.line,
        col: e.col,
        message: e.text.clone(),
    });
    let line = mark.map(|m| EditorMark {
        line: m.line,
        col: 0,
        message: match m.kind {
            MarkKind::Panic => "The program panicked here",
            MarkKind::Deadlock => "Waiting here when every goroutine was asleep",
            MarkKind::Fatal => "The fatal error happened here",
            MarkKind::CompileError => "Does not compile",
            MarkKind::Name => "Picked in a view",
        }
        .to_string(),
    });
    errors.chain(line).collect()
}
