//! The catalog sidebar: every pattern, grouped as `docs/PATTERNS.md` groups them.

use yew::prelude::*;

use crate::patterns::{catalog, Group};

use super::dom;

#[derive(Properties, PartialEq)]
pub struct CatalogProps {
    /// The id of the pattern on show.
    pub current: &'static str,
    pub on_select: Callback<&'static str>,
}

#[function_component(Catalog)]
pub fn catalog_view(props: &CatalogProps) -> Html {
    // Keep the current entry in sight where the catalog scrolls (a phone's row of chips).
    use_effect_with(props.current, |id| {
        dom::scroll_into_container(&format!("[data-testid=\"pattern-{id}\"]"), ".catalog");
    });
    let groups = Group::ALL.iter().filter_map(|&group| {
        let entries: Vec<_> = catalog().iter().filter(|p| p.group == group).collect();
        if entries.is_empty() {
            return None;
        }
        let items = entries.into_iter().map(|p| {
            let id = p.id;
            let current = id == props.current;
            let on_select = props.on_select.clone();
            let onclick = Callback::from(move |e: MouseEvent| {
                // A plain click stays on the page; a middle or modified click opens the link.
                if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
                    e.prevent_default();
                    on_select.emit(id);
                }
            });
            html! {
                <li key={id}>
                    <a href={format!("?p={id}")} data-testid={format!("pattern-{id}")}
                       class={classes!("entry", current.then_some("current"))}
                       aria-current={current.then_some("page")} {onclick}>
                        {p.title}
                    </a>
                </li>
            }
        });
        Some(html! {
            <section class="group" key={group.title()}>
                <h2>{group.title()}</h2>
                <ul>{for items}</ul>
            </section>
        })
    });
    html! {
        <nav class="catalog" aria-label="Patterns">{for groups}</nav>
    }
}
