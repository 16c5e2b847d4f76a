//! A program's compile errors, one per error with Go's text (`./prog.go:5:2: undefined: x`);
//! picking one shows its line and column in the source.

use std::rc::Rc;

use yew::prelude::*;

use crate::protocol::CompileError;

#[derive(Properties, PartialEq)]
pub struct CompileErrorsProps {
    pub errors: Rc<[CompileError]>,
    /// The reader picked an error: its line and column.
    #[prop_or_default]
    pub on_pick: Option<Callback<(u32, u32)>>,
}

#[function_component(CompileErrors)]
pub fn compile_errors(props: &CompileErrorsProps) -> Html {
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="compile-errors" role="alert">
            <p>{"The program does not compile:"}</p>
            <ul>
                { for props.errors.iter().map(|e| {
                    let onclick = props.on_pick.clone().map(|pick| {
                        let at = (e.line, e.col);
                        Callback::from(move |_: MouseEvent| pick.emit(at))
                    });
                    html! {
                        <li>
                            <button type="button" data-testid="compile-error"
                                    data-line={e.line.to_string()} data-col={e.col.to_string()}
                                    title="Show this line" {onclick}>{e.text.clone()}</button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
