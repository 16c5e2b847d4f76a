//! The parameter form, generated from the pattern's schema, and the run settings (seed and
//! processors).

use yew::prelude::*;

use crate::patterns::{ParamSpec, Params};
use crate::view::link::{DEFAULT_PROCS, MAX_PROCS};

use super::param_input::ParamInput;

/// The run settings, shown with the same field as parameters. Their keys are page keys, which
/// no parameter uses, so one change callback serves all fields.
static SEED: ParamSpec = ParamSpec::text(
    "seed",
    "Seed",
    20,
    "1",
    "Decides every choice Go leaves open (which ready select case wins); the same seed gives the same run.",
);
static PROCS: ParamSpec = ParamSpec::int(
    "procs",
    "Processors",
    (1, MAX_PROCS as i64),
    "4",
    "",
    "Virtual CPUs that run CPU work in parallel (GOMAXPROCS).",
);

#[derive(Properties, PartialEq)]
pub struct ParamFormProps {
    pub params: Params,
    pub seed: u64,
    pub procs: u32,
    pub rev: u32,
    /// `(key, raw text)` for a parameter, `seed` or `procs`.
    pub on_change: Callback<(&'static str, String)>,
    pub on_reset: Callback<()>,
}

#[function_component(ParamForm)]
pub fn param_form(props: &ParamFormProps) -> Html {
    debug_assert_eq!(PROCS.default, DEFAULT_PROCS.to_string());
    let fields = props.params.iter().map(|(spec, value)| {
        html! {
            <ParamInput key={spec.key} {spec} value={AttrValue::from(value.to_string())}
                        rev={props.rev} on_change={props.on_change.clone()} />
        }
    });
    let at_defaults = props.params == Params::defaults(props.params.specs());
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <div class="form">
            <fieldset class="params">
                <legend>{"Parameters"}</legend>
                if props.params.specs().is_empty() {
                    <p class="none">{"This program takes no parameters."}</p>
                }
                {for fields}
                if !props.params.specs().is_empty() {
                    <button type="button" class="reset" data-testid="reset" disabled={at_defaults}
                            onclick={on_reset}>{"Reset to defaults"}</button>
                }
            </fieldset>
            <fieldset class="settings">
                <legend>{"Run"}</legend>
                <p class="mode">{"Mode: sim (virtual clock, seeded scheduler)"}</p>
                <ParamInput spec={&SEED} value={AttrValue::from(props.seed.to_string())}
                            rev={props.rev} on_change={props.on_change.clone()}
                            range={Some(AttrValue::from("any whole number ≥ 0"))} />
                <ParamInput spec={&PROCS} value={AttrValue::from(props.procs.to_string())}
                            rev={props.rev} on_change={props.on_change.clone()} />
            </fieldset>
        </div>
    }
}
