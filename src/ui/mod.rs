//! The page, in Yew: one small component per file, one state with an action enum.
//!
//! [`app::App`] owns the state ([`state::AppState`]) and the [`crate::runner::Runner`]; every
//! other component takes plain data and callbacks. What the components show is computed by
//! [`crate::view`], which is tested natively.

mod app;
mod catalog;
mod channels;
mod compare;
mod console;
mod copy_button;
mod dom;
mod download;
mod embed;
mod embed_snippet;
mod history;
mod leaks;
mod legend;
mod metrics;
mod notices;
mod param_form;
mod param_input;
mod processors;
mod run_controls;
mod shortcuts;
mod source_view;
mod state;
mod timeline;
mod topbar;
mod trace_views;

/// Mounts the app in `#chanlab`, replacing the loading message (called by `src/bin/app.rs`).
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("chanlab"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
