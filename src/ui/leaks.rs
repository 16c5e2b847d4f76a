//! The goroutines still alive when main returned, as goleak would list them: each with its
//! function and the source line where it waits.

use yew::prelude::*;

use crate::rt::limits::thousands;
use crate::rt::GoroutineInfo;

use super::source_link::SourceLink;

#[derive(Properties, PartialEq)]
pub struct LeaksProps {
    /// The first of them (at most `protocol::MAX_LISTED`).
    pub leaked: Vec<GoroutineInfo>,
    /// How many there were in all.
    pub count: u64,
    /// Shows a line of the source (where a leaked goroutine waits).
    #[prop_or_default]
    pub on_show_line: Option<Callback<u32>>,
}

#[function_component(Leaks)]
pub fn leaks(props: &LeaksProps) -> Html {
    if props.leaked.is_empty() {
        return html! {};
    }
    let n = props.count.max(props.leaked.len() as u64);
    let heading = if n == 1 {
        "1 goroutine was still alive when main returned:".to_string()
    } else {
        format!(
            "{} goroutines were still alive when main returned:",
            thousands(n)
        )
    };
    let more = n - props.leaked.len() as u64;
    html! {
        <div class="leaks" data-testid="leaks">
            <p>{heading}</p>
            <ul>
                { for props.leaked.iter().map(|g| html! {
                    <li data-testid="leak">
                        <code>{format!("goroutine {} [{}]", g.id, g.go_state())}</code>
                        if g.name != g.func {
                            {" "}<span class="gname">{g.name.clone()}</span>
                        }
                        {" "}<code class="func">{g.func.clone()}</code>
                        if g.line > 0 {
                            {" at "}
                            <SourceLink text={format!("prog.go:{}", g.line)} line={g.line}
                                        on_show_line={props.on_show_line.clone()} />
                        }
                        if !g.created_by.is_empty() {
                            <span class="created">{format!(", created by {}", g.created_by)}</span>
                        }
                    </li>
                }) }
            </ul>
            if more > 0 {
                <p class="more" data-testid="leaks-more">
                    {format!("… and {} more, not listed.", thousands(more))}
                </p>
            }
        </div>
    }
}
