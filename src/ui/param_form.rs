//! The parameter form, generated from the pattern's schema, and the run settings (mode, seed
//! and processors).

use yew::prelude::*;

use crate::patterns::{ParamSpec, Params};
use crate::protocol::Mode;
use crate::view::page_config::{default_procs, DEFAULT_PROCS, MAX_PROCS};

use super::param_input::ParamInput;

/// The run settings, shown with the same field as parameters. Their keys are page keys, which
/// no parameter uses, so one change callback serves all fields.
static MODE: ParamSpec = ParamSpec::choice(
    "mode",
    "Mode",
    &["sim", "real"],
    "sim",
    "sim: a virtual clock and a seeded scheduler, the same run every time; real: the wall clock on procs Web Workers.",
);
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
    "GOMAXPROCS: virtual CPUs for CPU work in sim mode, Web Workers in real mode.",
);

#[derive(Properties, PartialEq)]
pub struct ParamFormProps {
    pub params: Params,
    pub seed: u64,
    pub mode: Mode,
    /// The processors a run uses (the link's, or the mode's default).
    pub procs: u32,
    /// The cores the browser reports, 0 when it reports none.
    pub cores: u32,
    pub rev: u32,
    /// The program was edited: the parameters no longer apply to it.
    #[prop_or_default]
    pub edited: bool,
    /// `(key, raw text)` for a parameter, `mode`, `seed` or `procs`.
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
            <fieldset class="params" disabled={props.edited}>
                <legend>{"Parameters"}</legend>
                if props.edited {
                    <p class="params-edited" data-testid="params-edited">
                        {"You edited the program: these values no longer apply to it. Reset code brings back the pattern's source with them."}
                    </p>
                }
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
                <ParamInput spec={&MODE} value={AttrValue::from(props.mode.as_str())}
                            rev={props.rev} on_change={props.on_change.clone()} />
                <ParamInput spec={&SEED} value={AttrValue::from(props.seed.to_string())}
                            rev={props.rev} on_change={props.on_change.clone()}
                            range={Some(AttrValue::from("any whole number ≥ 0"))} />
                <ParamInput spec={&PROCS} value={AttrValue::from(props.procs.to_string())}
                            rev={props.rev} on_change={props.on_change.clone()} />
                <p class="cores" data-testid="cores">{cores_text(props.cores)}</p>
            </fieldset>
        </div>
    }
}

/// What the page says about the machine's cores, beside the processors.
fn cores_text(cores: u32) -> String {
    let default = default_procs(Mode::Real, cores);
    match cores {
        0 => {
            format!("This browser does not report its cores; real mode uses {default} by default.")
        }
        1 => "This browser reports 1 core; real mode uses 1 by default.".to_string(),
        n => format!("This browser reports {n} cores; real mode uses {default} by default."),
    }
}
