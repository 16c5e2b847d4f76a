//! Saving a file the page made (an export) through the browser's download.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `name`, of MIME type `mime`. Fails softly: a browser
/// that refuses leaves the page as it was.
pub fn download(name: &str, mime: &str, contents: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    // Some browsers read the blob after `click` returns: free it a minute later.
    super::dom::set_timeout(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}
