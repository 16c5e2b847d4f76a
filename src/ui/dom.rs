//! The few browser calls the page makes, each failing softly: a page that cannot write its
//! address bar or the clipboard still runs programs.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement};

/// The query of the page's URL, with its leading `?` (empty when none).
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The fragment of the page's URL, with its leading `#` (empty when none).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address with `query` and `fragment` (each without its `?` or `#`; empty for
/// none), relative to the site when `absolute` is false.
pub fn page_url(query: &str, fragment: &str, absolute: bool) -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let location = window.location();
    let mut url = location.pathname().unwrap_or_else(|_| "/".into());
    if absolute {
        url.insert_str(0, &location.origin().unwrap_or_default());
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(query);
    }
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// Makes the address bar show `query` and `fragment` (without `?` and `#`) without adding a
/// history entry.
pub fn replace_url(query: &str, fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = page_url(query, fragment, false);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Sets the document's title (the tab's label).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Takes focus from the focused field, which commits its edit (its `change` event fires).
pub fn commit_focused_field() {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(el) = active {
        let tag = el.tag_name();
        if tag == "INPUT" || tag == "SELECT" || tag == "TEXTAREA" {
            el.blur().ok();
            el.focus().ok();
        }
    }
}

/// Scrolls the element matching `selector` into view, as little as needed, in whatever
/// scrolls around it (the catalog's row of chips on a phone).
pub fn scroll_into_view(selector: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return;
    };
    let options = js_sys::Object::new();
    for key in ["block", "inline"] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &"nearest".into());
    }
    if let Ok(f) = js_sys::Reflect::get(&el, &"scrollIntoView".into()) {
        let _ = f.unchecked_into::<js_sys::Function>().call1(&el, &options);
    }
}

/// Calls `f` after `ms` milliseconds.
pub fn set_timeout(ms: u32, f: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(ms, f).forget();
}

/// Copies `text` to the clipboard; `done(true)` once it is there, `done(false)` if the
/// browser refused.
pub fn copy_text(text: &str, done: impl Fn(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let clipboard = window.navigator().clipboard();
    // `navigator.clipboard` is undefined outside secure contexts.
    if JsValue::from(clipboard.clone()).is_undefined() {
        done(copy_with_selection(text));
        return;
    }
    let promise = clipboard.write_text(text);
    let fallback_text = text.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(copied || copy_with_selection(&fallback_text));
    });
}

/// The old way: select the text in a hidden field and ask the document to copy it.
fn copy_with_selection(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    let Ok(area) = document
        .create_element("textarea")
        .map(|e| e.unchecked_into::<HtmlTextAreaElement>())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .unchecked_ref::<web_sys::HtmlDocument>()
        .exec_command("copy")
        .unwrap_or(false);
    area.remove();
    copied
}

/// The cores the browser reports (`navigator.hardwareConcurrency`), 0 when it reports none.
pub fn hardware_concurrency() -> u32 {
    // `as` saturates, and makes a missing value (NaN) 0.
    web_sys::window().map_or(0, |w| w.navigator().hardware_concurrency() as u32)
}
