//! The parameter form, generated from the pattern's schema, and the run settings (mode, seed
//! and processors).

use std::rc::Rc;

use yew::prelude::*;

use crate::patterns::{Notice, ParamSpec, Params};
use crate::protocol::Mode;
use crate::view::page_config::{default_procs, DEFAULT_PROCS, MAX_PROCS};

use super::param_input::ParamInput;

/// The run settings, shown with the same field as parameters. Their keys are page keys, which
/// no parameter uses, so one change callback serves all fields. What they mean is said once,
/// under them ([`settings_note`]), rather than in three narrow columns.
static MODE: ParamSpec = ParamSpec::choice("mode", "Mode", &["sim", "real"], "sim", "");
static SEED: ParamSpec = ParamSpec::text("seed", "Seed", 20, "1", "");
static PROCS: ParamSpec = ParamSpec::int("procs", "Processors", (1, MAX_PROCS as i64), "4", "", "");

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
    /// The notices; those about a field are shown at it.
    pub notices: Rc<Vec<Notice>>,
    /// `(key, raw text)` for a parameter, `mode`, `seed` or `procs`.
    pub on_change: Callback<(&'static str, String)>,
    pub on_reset: Callback<()>,
}

#[function_component(ParamForm)]
pub fn param_form(props: &ParamFormProps) -> Html {
    debug_assert_eq!(PROCS.default, DEFAULT_PROCS.to_string());
    let error = |key: &str| {
        let texts: Vec<&str> = props
            .notices
            .iter()
            .filter(|n| n.key == Some(key))
            .map(|n| n.text.as_str())
            .collect();
        (!texts.is_empty()).then(|| AttrValue::from(texts.join(" ")))
    };
    let fields = props.params.iter().map(|(spec, value)| {
        html! {
            <ParamInput key={spec.key} {spec} value={AttrValue::from(value.to_string())}
                        rev={props.rev} on_change={props.on_change.clone()}
                        error={error(spec.key)} />
        }
    });
    let at_defaults = props.params == Params::defaults(props.params.specs());
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <div class="form" id="parameters">
            <fieldset class="params" disabled={props.edited}>
                <legend>
                    {"Parameters"}
                    if !props.params.specs().is_empty() {
                        <button type="button" class="reset" data-testid="reset" disabled={at_defaults}
                                onclick={on_reset}>{"Reset to defaults"}</button>
                    }
                </legend>
                if props.edited {
                    <p class="params-edited" data-testid="params-edited">
                        {"You edited the program: these values no longer apply to it. Reset code brings back the pattern's source with them."}
                    </p>
                }
                if props.params.specs().is_empty() {
                    <p class="none">{"This program takes no parameters."}</p>
                }
                {for fields}
            </fieldset>
            <fieldset class="settings" aria-describedby="settings-note">
                <legend>{"Run"}</legend>
                <ParamInput spec={&MODE} value={AttrValue::from(props.mode.as_str())}
                            rev={props.rev} on_change={props.on_change.clone()}
                            error={error("mode")} compact=true />
                <ParamInput spec={&SEED} value={AttrValue::from(props.seed.to_string())}
                            rev={props.rev} on_change={props.on_change.clone()}
                            range={Some(AttrValue::from("≥ 0"))}
                            error={error("seed")} compact=true />
                <ParamInput spec={&PROCS} value={AttrValue::from(props.procs.to_string())}
                            rev={props.rev} on_change={props.on_change.clone()}
                            error={error("procs")} compact=true />
                <p class="cores" id="settings-note">
                    {settings_note()}{" "}<span data-testid="cores">{cores_text(props.cores)}</span>
                </p>
            </fieldset>
        </div>
    }
}

/// What the run settings mean.
fn settings_note() -> &'static str {
    "Sim: a virtual clock, and the seed fixes each choice Go leaves open, so a run repeats \
     exactly. Real: the wall clock, on procs Web Workers. Processors is GOMAXPROCS."
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
