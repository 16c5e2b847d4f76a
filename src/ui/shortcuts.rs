//! The page's keyboard shortcuts: Ctrl+Enter (⌘+Enter on a Mac) runs from anywhere, with the
//! field being edited committed first; Escape stops a run.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::dom;

/// Listens for the shortcuts for as long as the page lives. The callbacks must not change
/// (memoized): they are taken once.
#[hook]
pub fn use_shortcuts(on_run: Callback<()>, on_stop: Callback<()>) {
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = document.map(|doc| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&doc, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                    e.prevent_default();
                    // A field being edited commits first, so the run uses what it shows.
                    dom::commit_focused_field();
                    on_run.emit(());
                } else if e.key() == "Escape" && !e.default_prevented() {
                    on_stop.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
