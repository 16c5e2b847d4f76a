//! One field of the parameter form, shaped by its spec: a number, a checkbox, a choice, or
//! text.

use yew::prelude::*;

use crate::patterns::{ParamKind, ParamSpec};
use crate::view::format::group_digits;

#[derive(Properties, PartialEq)]
pub struct ParamInputProps {
    pub spec: &'static ParamSpec,
    /// The current value as text (`5`, `true`, `a,b`).
    pub value: AttrValue,
    /// The form's revision: a new one refreshes the field even if `value` is unchanged, so a
    /// corrected entry never stays on screen.
    pub rev: u32,
    pub on_change: Callback<(&'static str, String)>,
    /// What values the field takes, when the spec's kind does not say it well.
    #[prop_or_default]
    pub range: Option<AttrValue>,
    /// What was corrected in the last value entered, shown at the field.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Label and input on one line, the key and range for screen readers only (the run
    /// settings, explained together under them).
    #[prop_or_default]
    pub compact: bool,
}

#[function_component(ParamInput)]
pub fn param_input(props: &ParamInputProps) -> Html {
    let spec = props.spec;
    let node = use_node_ref();
    {
        // Show the value the state holds (a corrected one, too) once the edit is committed.
        let node = node.clone();
        let kind = spec.kind;
        use_effect_with((props.value.clone(), props.rev), move |(value, _)| {
            if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
                if kind == ParamKind::Bool {
                    input.set_checked(value.as_str() == "true");
                } else if input.value() != value.as_str() {
                    input.set_value(value);
                }
            } else if let Some(select) = node.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(value);
            }
        });
    }
    let id = format!("param-{}", spec.key);
    let help_id = format!("{id}-help");
    let range_id = format!("{id}-range");
    let error_id = format!("{id}-error");
    let invalid = props.error.is_some().then_some("true");
    let described = [
        props.error.as_ref().map(|_| error_id.as_str()),
        Some(range_id.as_str()),
        (!spec.help.is_empty()).then_some(help_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let key = spec.key;
    let emit = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let raw = if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            if input.type_() == "checkbox" {
                input.checked().to_string()
            } else {
                input.value()
            }
        } else if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            select.value()
        } else {
            return;
        };
        emit.emit((key, raw));
    });
    let value = props.value.clone();
    let field = match spec.kind {
        // Text, not `type="number"`: a number field hands over "" for what is not a number,
        // and the message must say what was entered.
        ParamKind::Int { min, .. } => html! {
            <input ref={node} id={id.clone()} data-testid={id.clone()} type="text"
                   inputmode={if min < 0 { "text" } else { "numeric" }} autocomplete="off"
                   spellcheck="false" value={value} {onchange}
                   aria-invalid={invalid} aria-describedby={described.clone()} />
        },
        ParamKind::Bool => html! {
            <input ref={node} id={id.clone()} data-testid={id.clone()} type="checkbox"
                   checked={value.as_str() == "true"} {onchange}
                   aria-invalid={invalid} aria-describedby={described.clone()} />
        },
        ParamKind::Choice(options) => html! {
            <select ref={node} id={id.clone()} data-testid={id.clone()} {onchange}
                    aria-invalid={invalid} aria-describedby={described.clone()}>
                { for options.iter().map(|o| html! {
                    <option value={*o} selected={*o == value.as_str()}>{*o}</option>
                }) }
            </select>
        },
        ParamKind::Text { max_chars } => html! {
            <input ref={node} id={id.clone()} data-testid={id.clone()} type="text"
                   maxlength={max_chars.to_string()} spellcheck="false" value={value} {onchange}
                   aria-invalid={invalid} aria-describedby={described.clone()} />
        },
        ParamKind::List { .. } => html! {
            <input ref={node} id={id.clone()} data-testid={id.clone()} type="text"
                   spellcheck="false" placeholder="comma-separated" value={value} {onchange}
                   aria-invalid={invalid} aria-describedby={described.clone()} />
        },
    };
    let range = match (&props.range, spec.kind) {
        (Some(range), _) => range.to_string(),
        (None, kind) => kind_range(kind),
    };
    let classes = classes!(
        "field",
        (spec.kind == ParamKind::Bool).then_some("check"),
        props.compact.then_some("compact"),
    );
    html! {
        <div class={classes}>
            <div class="head">
                <label for={id.clone()}>
                    {spec.label}
                    if !spec.unit.is_empty() { <span class="unit">{format!(" ({})", spec.unit)}</span> }
                </label>
                <small class={classes!("range", props.compact.then_some("sr-only"))} id={range_id}>
                    <code class="key">{spec.key}</code>
                    if !range.is_empty() { {" · "}{range} }
                </small>
            </div>
            {field}
            if let Some(error) = &props.error {
                <p class="field-error" id={error_id} data-testid="notice" role="alert">{error.clone()}</p>
            }
            if !spec.help.is_empty() {
                <small class="help" id={help_id}>{spec.help}</small>
            }
        </div>
    }
}

/// The values a kind takes, as the help line says it.
fn kind_range(kind: ParamKind) -> String {
    match kind {
        ParamKind::Int { min, max } => format!("{}–{}", group_digits(min), group_digits(max)),
        ParamKind::Text { max_chars } => format!("up to {max_chars} characters"),
        ParamKind::List {
            max_items,
            max_chars,
        } => {
            format!("up to {max_items} items of {max_chars} characters")
        }
        ParamKind::Bool | ParamKind::Choice(_) => String::new(),
    }
}
