//! The address bar and the browser's history.
//!
//! The address bar always holds the current configuration, so the URL is the permalink.
//! Choosing another pattern pushes a history entry, so that Back returns to the pattern before;
//! an edit of the same pattern's values replaces the entry (`docs/ARCHITECTURE.md`, The page's
//! contract). Back and Forward (`popstate`) show the configuration of the entry they reach.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::view::page_config::PageConfig;

use super::dom;

/// Keeps the address bar on `query` (the configuration of `pattern`); `on_load` gets the
/// query of the entry Back or Forward reached.
#[hook]
pub fn use_address_bar(query: String, pattern: &'static str, on_load: Callback<String>) {
    use_effect_with((query, pattern), |(query, pattern)| {
        let shown = dom::location_search();
        let shown = shown.strip_prefix('?').unwrap_or(&shown);
        if shown == query {
            return;
        }
        if PageConfig::parse(shown).0.pattern.id == *pattern {
            dom::replace_query(query);
        } else {
            dom::push_query(query);
        }
    });
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "popstate", move |_| {
                on_load.emit(dom::location_search());
            })
        });
        move || drop(listener)
    });
}
