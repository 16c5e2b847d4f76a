//! A program's compile errors, one per error with Go's text (`./prog.go:5:2: undefined: x`),
//! or what `go vet` found in a program that ran (`vet`); picking one shows its line and column
//! in the source.

use std::rc::Rc;

use yew::prelude::*;

use crate::protocol::CompileError;

#[derive(Properties, PartialEq)]
pub struct CompileErrorsProps {
    pub errors: Rc<[CompileError]>,
    /// They are vet's findings, which did not stop the run, rather than compile errors.
    #[prop_or_default]
    pub vet: bool,
    /// The reader picked an error: its line and column.
    #[prop_or_default]
    pub on_pick: Option<Callback<(u32, u32)>>,
}

#[function_component(CompileErrors)]
pub fn compile_errors(props: &CompileErrorsProps) -> Html {
    if props.errors.is_empty() {
        return html! {};
    }
    let (class, role, heading, testid) = if props.vet {
        (
            "compile-errors vet",
            "status",
            "go vet found (the program ran all the same):",
            "vet-finding",
        )
    } else {
        (
            "compile-errors",
            "alert",
            "The program does not compile:",
            "compile-error",
        )
    };
    html! {
        <div {class} {role}>
            <p>{heading}</p>
            <ul>
                { for props.errors.iter().map(|e| {
                    let onclick = props.on_pick.clone().map(|pick| {
                        let at = (e.line, e.col);
                        Callback::from(move |_: MouseEvent| pick.emit(at))
                    });
                    html! {
                        <li>
                            <button type="button" data-testid={testid}
                                    data-line={e.line.to_string()} data-col={e.col.to_string()}
                                    title="Show this line" {onclick}>{e.text.clone()}</button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
