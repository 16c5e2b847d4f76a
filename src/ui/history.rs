//! The address bar and the browser's history.
//!
//! The address bar always holds the current configuration, so the URL is the permalink.
//! Choosing another pattern pushes a history entry, so that Back returns to the pattern before;
//! an edit of the same pattern's values replaces the entry (`docs/ARCHITECTURE.md`, The page's
//! contract); an edited program joins the entry as its fragment. Back and Forward (`popstate`)
//! show the configuration of the entry they reach.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::view::page_config::PageConfig;
pub use crate::view::page_state::Address;

use super::dom;

/// The page's address now.
fn shown() -> Address {
    let query = dom::location_search();
    let fragment = dom::location_hash();
    Address {
        query: query.strip_prefix('?').unwrap_or(&query).to_string(),
        fragment: fragment.strip_prefix('#').unwrap_or(&fragment).to_string(),
    }
}

/// Keeps the address bar on `address` (the configuration of `pattern`): the query at once, the
/// program a moment after the last keystroke (browsers limit how often a page may rewrite its
/// address). `on_load` gets the address Back or Forward reached.
#[hook]
pub fn use_address_bar(address: Address, pattern: &'static str, on_load: Callback<Address>) {
    let latest = use_mut_ref(|| address.clone());
    *latest.borrow_mut() = address.clone();
    {
        let latest = latest.clone();
        use_effect_with((address.query.clone(), pattern), move |(_, pattern)| {
            let address = latest.borrow();
            let shown = shown();
            if shown == *address {
                return;
            }
            if PageConfig::parse(&shown.query).0.pattern.id == *pattern {
                dom::replace_url(&address.query, &address.fragment);
            } else {
                dom::push_url(&address.query, &address.fragment);
            }
        });
    }
    use_effect_with(address.fragment, move |_| {
        // Writes the program that is current when it fires. A query that changed since is the
        // effect above's to write (it pushes an entry for another pattern): writing it here,
        // between the render that changed it and that effect, would replace the entry the
        // effect pushes.
        let timer = gloo_timers::callback::Timeout::new(300, move || {
            let address = latest.borrow();
            if shown().query == address.query {
                dom::replace_url(&address.query, &address.fragment);
            }
        });
        move || drop(timer)
    });
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .map(|window| EventListener::new(&window, "popstate", move |_| on_load.emit(shown())));
        move || drop(listener)
    });
}
