//! A name from the program's source (a goroutine's function, a channel's variable) that shows
//! its line in the source when picked.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceLinkProps {
    /// What is shown: the name as the view has it.
    pub text: AttrValue,
    /// Its line in the source; 0 when the source has none (then the name is plain text).
    pub line: u32,
    /// Shows a line of the source.
    #[prop_or_default]
    pub on_show_line: Option<Callback<u32>>,
}

#[function_component(SourceLink)]
pub fn source_link(props: &SourceLinkProps) -> Html {
    match (&props.on_show_line, props.line) {
        (Some(show), line) if line > 0 => {
            let show = show.clone();
            let onclick = Callback::from(move |_: MouseEvent| show.emit(line));
            html! {
                <button type="button" class="source-link" data-testid="source-link"
                        data-line={line.to_string()} title={format!("Show line {line} of the source")}
                        {onclick}>{props.text.clone()}</button>
            }
        }
        _ => html! { {props.text.clone()} },
    }
}
