//! The goroutines still alive when main returned, as goleak would list them.

use yew::prelude::*;

use crate::rt::limits::thousands;
use crate::rt::GoroutineInfo;

#[derive(Properties, PartialEq)]
pub struct LeaksProps {
    /// The first of them (at most `protocol::MAX_LISTED`).
    pub leaked: Vec<GoroutineInfo>,
    /// How many there were in all.
    pub count: u64,
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
                        {" "}<span class="gname">{g.name.clone()}</span>
                        {" "}<code class="func">{g.func.clone()}</code>
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
