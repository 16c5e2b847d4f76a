//! The Go editor: CodeMirror 6 (`www/editor/editor.js`, bundled into `editor.js`), loaded the
//! first time the code is focused, so the page's first load does not carry it.
//!
//! Until then the program is shown highlighted (the `go-source` element) under a transparent
//! text area, the `go-editor` element: a click puts the caret where the reader clicked, and
//! typing edits the program at once. Focusing it loads the editor, which takes the text area's
//! place with the same text, selection and focus, in one step of the event loop, so no
//! keystroke is lost. If the editor cannot load, the text area stays and still edits.
//!
//! The page owns the program: the editor reports each edit (`on_edit`) and shows what it is
//! given (`source`), marks what it is told (`marks`) and moves the cursor when asked
//! (`cursor`).
//!
//! # Invariants
//! - `go-source`'s text is always the whole program (`source`), whether the editor, which draws
//!   only the lines in view, is loaded or not.
//! - One element has `data-testid="go-editor"` at a time: the text area, then CodeMirror's
//!   content element.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::source_view::Highlighted;

#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    /// `import(url)`: the module's namespace, once loaded.
    fn import_module(url: &str) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// `www/editor/editor.js`'s exports.
    type EditorModule;
    #[wasm_bindgen(method)]
    fn mount(this: &EditorModule, host: &web_sys::Element, options: &JsValue) -> EditorHandle;

    /// One mounted editor.
    type EditorHandle;
    #[wasm_bindgen(method, js_name = setDoc)]
    fn set_doc(this: &EditorHandle, text: &str);
    #[wasm_bindgen(method, js_name = setMarks)]
    fn set_marks(this: &EditorHandle, marks: &js_sys::Array);
    #[wasm_bindgen(method)]
    fn reveal(this: &EditorHandle, line: u32);
    #[wasm_bindgen(method, js_name = moveTo)]
    fn move_to(this: &EditorHandle, line: u32, col: u32);
    #[wasm_bindgen(method)]
    fn destroy(this: &EditorHandle);
}

/// A place the editor marks: a compile error, or the line a run failed at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorMark {
    /// 1-based line.
    pub line: u32,
    /// 1-based column; 0 marks the line alone.
    pub col: u32,
    /// Shown when the pointer rests on the mark.
    pub message: String,
}

/// A request to put the cursor at `line`:`col`; a new `seq` asks again for the same place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub line: u32,
    pub col: u32,
    pub seq: u32,
}

#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    /// The whole program.
    pub source: Rc<str>,
    pub marks: Rc<[EditorMark]>,
    /// The line marked in `go-source` (the editor marks it among `marks`).
    #[prop_or_default]
    pub marked: Option<u32>,
    /// A request to bring the marked line into view, the cursor staying where it is: a new
    /// `seq` asks again.
    #[prop_or_default]
    pub reveal: Option<u32>,
    pub cursor: Option<Cursor>,
    /// Every edit the reader makes, with the whole new text.
    pub on_edit: Callback<String>,
}

thread_local! {
    /// The editor module's loading, shared by every editor of the page.
    static MODULE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Starts loading `editor.js` from beside the page, once; resolves to its exports.
fn load_module() -> js_sys::Promise {
    MODULE.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| {
                let base = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.base_uri().ok().flatten())
                    .unwrap_or_default();
                let url = web_sys::Url::new_with_base("editor.js", &base)
                    .map(|u| u.href())
                    .unwrap_or_else(|_| "./editor.js".to_string());
                import_module(&url)
            })
            .clone()
    })
}

/// A mounted editor and the callback it calls, which must live as long as it.
struct Mounted {
    handle: EditorHandle,
    _on_change: Closure<dyn FnMut(String)>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.destroy();
    }
}

#[function_component(CodeEditor)]
pub fn code_editor(props: &CodeEditorProps) -> Html {
    let host = use_node_ref();
    let area = use_node_ref();
    let stack = use_node_ref();
    let mounted = use_mut_ref(|| None::<Mounted>);
    let loading = use_mut_ref(|| false);
    let loaded = use_state(|| false);
    // What the editor must show once it mounts, kept current on every render.
    let latest = use_mut_ref(|| (props.marks.clone(), props.cursor));
    *latest.borrow_mut() = (props.marks.clone(), props.cursor);

    let start_loading = {
        let (host, area, mounted, loading, loaded) = (
            host.clone(),
            area.clone(),
            mounted.clone(),
            loading.clone(),
            loaded.clone(),
        );
        let (on_edit, latest) = (props.on_edit.clone(), latest.clone());
        Callback::from(move |()| {
            if std::mem::replace(&mut *loading.borrow_mut(), true) {
                return;
            }
            let (host, area, mounted, loaded) =
                (host.clone(), area.clone(), mounted.clone(), loaded.clone());
            let (on_edit, latest) = (on_edit.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let module = match wasm_bindgen_futures::JsFuture::from(load_module()).await {
                    Ok(module) => module.unchecked_into::<EditorModule>(),
                    Err(e) => {
                        web_sys::console::warn_2(&"chanlab: the editor did not load".into(), &e);
                        return;
                    }
                };
                let (Some(host), Some(area)) = (
                    host.cast::<web_sys::Element>(),
                    area.cast::<HtmlTextAreaElement>(),
                ) else {
                    return;
                };
                let on_change = Closure::<dyn FnMut(String)>::new(move |text| on_edit.emit(text));
                let options = mount_options(&area, &on_change);
                let handle = module.mount(&host, &options);
                let (marks, cursor) = latest.borrow().clone();
                handle.set_marks(&marks_array(&marks));
                if let Some(c) = cursor {
                    handle.move_to(c.line, c.col);
                }
                *mounted.borrow_mut() = Some(Mounted {
                    handle,
                    _on_change: on_change,
                });
                loaded.set(true);
            });
        })
    };

    // The program changed from outside (Reset, a parameter): the editor shows it.
    {
        let mounted = mounted.clone();
        use_effect_with((props.source.clone(), *loaded), move |(source, _)| {
            if let Some(m) = &*mounted.borrow() {
                m.handle.set_doc(source);
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.marks.clone(), move |marks| {
            if let Some(m) = &*mounted.borrow() {
                m.handle.set_marks(&marks_array(marks));
            }
        });
    }
    {
        let mounted = mounted.clone();
        let start_loading = start_loading.clone();
        use_effect_with(props.cursor, move |cursor| {
            if let Some(c) = cursor {
                match &*mounted.borrow() {
                    Some(m) => m.handle.move_to(c.line, c.col),
                    // It moves there once loaded.
                    None => start_loading.emit(()),
                }
            }
        });
    }
    {
        let (mounted, stack) = (mounted.clone(), stack.clone());
        let line = props.marked;
        use_effect_with(props.reveal, move |seq| {
            if let (Some(_), Some(line)) = (seq, line) {
                match &*mounted.borrow() {
                    Some(m) => m.handle.reveal(line),
                    None => scroll_to_marked(&stack),
                }
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| move || drop(mounted.borrow_mut().take()));
    }

    // Once the editor shows the program, `go-source` holds it as plain lines.
    let plain = use_memo(
        (props.source.clone(), props.marked, *loaded),
        |(source, marked, loaded)| {
            if !loaded {
                return Html::default();
            }
            source
                .split_inclusive('\n')
                .enumerate()
                .map(|(i, line)| {
                    let n = i as u32 + 1;
                    let class = classes!("line", (*marked == Some(n)).then_some("marked"));
                    html! { <span {class} data-line={n.to_string()}>{line.to_string()}</span> }
                })
                .collect::<Html>()
        },
    );
    let oninput = props
        .on_edit
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onfocus = start_loading.reform(|_: FocusEvent| ());
    // A mouse press that focuses the text area also loads the editor, a little sooner.
    let onpointerdown = start_loading.reform(|_: PointerEvent| ());
    html! {
        <div class={classes!("code", loaded.then_some("loaded"))}>
            if !*loaded {
                <div class="code-stack" ref={stack}>
                    <Highlighted source={props.source.clone()} marked={props.marked} />
                    <textarea ref={area} class="code-input" data-testid="go-editor"
                              aria-label="Go source" spellcheck="false" autocapitalize="off"
                              autocomplete="off" value={props.source.to_string()}
                              {oninput} {onfocus} {onpointerdown} />
                </div>
            } else {
                // The whole program, for what reads it as text; the editor shows it.
                <pre class="code-text" data-testid="go-source" hidden=true>{(*plain).clone()}</pre>
            }
            // Empty until the editor mounts in it: it must be displayed then, to take focus.
            <div ref={host} class="code-editor" />
        </div>
    }
}

/// Scrolls the highlighted program under the text area so its marked line is in the middle.
fn scroll_to_marked(stack: &NodeRef) {
    let Some(stack) = stack.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let line = stack
        .query_selector(".line.marked")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(line) = line {
        stack.set_scroll_top(line.offset_top() - stack.client_height() / 2);
    }
}

/// The options `mount` takes: the text area's text, selection and focus, and `on_change`.
fn mount_options(area: &HtmlTextAreaElement, on_change: &Closure<dyn FnMut(String)>) -> JsValue {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&options, &key.into(), value);
    };
    set("doc", &area.value().into());
    let selection = js_sys::Object::new();
    let start = area.selection_start().ok().flatten().unwrap_or(0);
    let end = area.selection_end().ok().flatten().unwrap_or(start);
    // A text area's selection is forward unless it says "backward".
    let backward = area.selection_direction().ok().flatten().as_deref() == Some("backward");
    let (anchor, head) = if backward { (end, start) } else { (start, end) };
    let _ = js_sys::Reflect::set(&selection, &"anchor".into(), &anchor.into());
    let _ = js_sys::Reflect::set(&selection, &"head".into(), &head.into());
    set("selection", &selection);
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|el| el == ***area);
    set("focus", &focused.into());
    set("label", &"Go source".into());
    set("onChange", on_change.as_ref());
    options.into()
}

fn marks_array(marks: &[EditorMark]) -> js_sys::Array {
    marks
        .iter()
        .map(|m| {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"line".into(), &m.line.into());
            let _ = js_sys::Reflect::set(&o, &"col".into(), &m.col.into());
            let _ = js_sys::Reflect::set(&o, &"message".into(), &m.message.as_str().into());
            JsValue::from(o)
        })
        .collect()
}
