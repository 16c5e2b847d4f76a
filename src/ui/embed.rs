//! The embedded view (`embed=1`): a compact page for an iframe on someone else's page.
//!
//! It shows the pattern's title, Run, the output, and what `view=` asks for (the timeline, the
//! Go source: read-only, or in the editor with `edit=1`), in the colours `theme=` asks for,
//! with an "Open in chanlab" link to the full page with the same configuration and program.
//!
//! Messages (README.md, Embedding):
//! - to the parent, whenever the content's height changes:
//!   `{type: "chanlab:height", height}` (CSS pixels, an integer);
//! - from the parent, the only one read: `{type: "chanlab:run"}`, an object with exactly that
//!   one key, sent by the parent window; it runs the program as the Run button does, unless a
//!   run is in progress. Any other message is ignored.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::patterns::Notice;
use crate::view::code::Code;
use crate::view::page_config::{PageConfig, Theme};

use super::code_pane::CodePane;
use super::console::ConsoleView;
use super::notices::Notices;
use super::run_controls::RunControls;
use super::source_view::{OnShowLine, SourceView};
use super::state::RunView;
use super::trace_views::TraceViews;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub link: PageConfig,
    pub run: RunView,
    pub running: bool,
    pub code: Code,
    pub notices: Rc<Vec<Notice>>,
    pub on_run: Callback<()>,
    /// A run asked by the parent page: ignored while one is in progress.
    pub on_run_if_idle: Callback<()>,
    pub on_stop: Callback<()>,
    /// A run is likely soon (see [`RunControls`]).
    pub on_approach: Callback<()>,
    pub on_dismiss: Callback<()>,
    pub on_edit: Callback<String>,
    pub on_reset: Callback<()>,
    /// What the cost guard says beside Run.
    pub cost_note: Html,
    pub on_show_line: Option<OnShowLine>,
}

#[function_component(Embed)]
pub fn embed(props: &EmbedProps) -> Html {
    let root = use_node_ref();

    // The theme is set on the document, so the page's background follows it too.
    use_effect_with(props.link.theme, |theme| {
        let html = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(html) = html {
            let _ = match theme {
                Theme::Auto => html.remove_attribute("data-theme"),
                other => html.set_attribute("data-theme", other.as_str()),
            };
        }
    });

    // Tell the parent page the content's height whenever it changes.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let last = std::cell::Cell::new(0i32);
            let observed = root.clone();
            let observer_fn = Closure::<dyn FnMut()>::new(move || {
                let height = content_height(&observed);
                if height > 0 && height != last.get() {
                    last.set(height);
                    post_height(height);
                }
            });
            let observer = web_sys::ResizeObserver::new(observer_fn.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(el)) = (&observer, root.cast::<web_sys::Element>()) {
                observer.observe(&el);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(observer_fn);
            }
        });
    }

    // The parent page may ask for a run, which a run in progress ignores; nothing else it
    // sends is read.
    {
        let on_run = props.on_run_if_idle.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    if from_parent(&e) && is_run_request(&e.data()) {
                        on_run.emit(());
                    }
                },
            );
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w
                    .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "message",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }

    let link = &props.link;
    let full_page = link.full_page();
    let mut full = format!("./?{}", full_page.to_query());
    if full_page.edited() {
        full.push('#');
        full.push_str(&full_page.to_fragment());
    }
    let full = full.replace("?#", "#").trim_end_matches('?').to_string();
    let view = link.view();
    // An embed of its own program (a docs page's Go) is no pattern of the catalog.
    let title = if link.edited() {
        "Go program"
    } else {
        link.pattern.title
    };
    html! {
        <main ref={root} class="embed-view">
            <header class="embed-head">
                <h1 data-testid="pattern-title">{title}</h1>
                <a class="embed-open" data-testid="open-in-chanlab" href={full} target="_blank"
                   rel="noopener">{"Open in chanlab ↗"}</a>
            </header>
            <Notices notices={props.notices.clone()} on_dismiss={props.on_dismiss.clone()} />
            <RunControls running={props.running} on_run={props.on_run.clone()}
                         on_stop={props.on_stop.clone()} on_approach={props.on_approach.clone()} />
            { props.cost_note.clone() }
            <div class={classes!("embed-output", (!view.output).then_some("collapsed"))}>
                <ConsoleView run={props.run.clone()} on_pick={None::<Callback<u64>>} reveal={None::<u64>} />
            </div>
            if view.timeline {
                <TraceViews run={props.run.clone()} pattern={link.pattern.id} marker={None::<u64>}
                            on_reveal={Callback::from(|_: Option<u64>| ())} />
            }
            if view.source && link.edit {
                <CodePane code={props.code.clone()} edited={link.edited()}
                          on_edit={props.on_edit.clone()} on_reset={props.on_reset.clone()}
                          on_show_line={props.on_show_line.clone()} />
            } else if view.source {
                <SourceView code={props.code.clone()} on_show_line={props.on_show_line.clone()} />
            }
        </main>
    }
}

/// The embedded view's height, in whole CSS pixels.
fn content_height(root: &NodeRef) -> i32 {
    root.cast::<web_sys::Element>()
        .map(|el| el.get_bounding_client_rect().height().ceil() as i32)
        .unwrap_or(0)
}

/// Posts `{type: "chanlab:height", height}` to the parent page, when there is one.
fn post_height(height: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"chanlab:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&message, "*");
}

/// Whether the message came from the page that embeds this one.
fn from_parent(e: &web_sys::MessageEvent) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(parent)) = window.parent() else {
        return false;
    };
    if js_sys::Object::is(&parent, &window) {
        return false;
    }
    match e.source() {
        Some(source) => js_sys::Object::is(&source, &parent),
        None => false,
    }
}

/// Whether `data` is exactly `{type: "chanlab:run"}`: a plain object with that one key.
fn is_run_request(data: &JsValue) -> bool {
    if !data.is_object() || js_sys::Array::is_array(data) {
        return false;
    }
    let object: &js_sys::Object = data.unchecked_ref();
    let keys = js_sys::Object::keys(object);
    keys.length() == 1
        && keys.get(0).as_string().as_deref() == Some("type")
        && js_sys::Reflect::get(data, &"type".into())
            .ok()
            .and_then(|t| t.as_string())
            .as_deref()
            == Some("chanlab:run")
}
