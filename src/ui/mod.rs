//! The page, in Yew: one small component per file, one state with an action enum.
//!
//! [`app::App`] owns the state ([`state::AppState`]) and the [`crate::runner::Runner`]; every
//! other component takes plain data and callbacks. What the components show is computed by
//! [`crate::view`], which is tested natively.

mod app;
mod catalog;
mod channels;
mod code_editor;
mod code_pane;
mod compare;
mod compile_errors;
mod console;
mod copy_button;
mod cost_note;
mod dom;
mod download;
mod embed;
mod embed_snippet;
mod leaks;
mod legend;
mod metrics;
mod notices;
mod param_form;
mod param_input;
mod processors;
mod run_controls;
mod source_link;
mod source_view;
mod state;
mod timeline;
mod timeline_table;
mod topbar;
mod trace_views;

/// Mounts the app in `#chanlab`, replacing the loading message (called by `src/bin/app.rs`).
/// A panic in the page's code shows a message instead of a frozen page (see
/// [`crate::view::crash`]).
pub fn start() {
    // Set through Yew, which would otherwise install its own hook when it renders.
    yew::set_custom_panic_hook(Box::new(|info| show_crash(&info.to_string())));
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

/// Shows the crash message over the page, once. It is inserted as markup into `<body>`, which
/// needs no more of the page than the document itself (creating elements may be what failed).
fn show_crash(why: &str) {
    web_sys::console::error_1(&format!("chanlab crashed: {why}").into());
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let shown = document
        .query_selector("[data-testid=\"crash\"]")
        .ok()
        .flatten()
        .is_some();
    if shown {
        return;
    }
    let location = window.location();
    let link = crate::view::crash::reload_link(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    );
    if let Some(body) = document.body() {
        let _ =
            body.insert_adjacent_html("afterbegin", &crate::view::crash::crash_html(why, &link));
    }
}
