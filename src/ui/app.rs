//! The root component: the state, the runner, and the effects that tie them to the browser
//! (address bar, keyboard shortcut, autorun).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::protocol::Mode;
use crate::runner::{Runner, WORKER_SCRIPT};
use crate::view::code::MarkKind;
use crate::view::cost_guard::Verdict;

use super::catalog::Catalog;
use super::code_pane::CodePane;
use super::compare::ComparePanel;
use super::console::ConsoleView;
use super::cost_note::CostNote;
use super::dom;
use super::embed::Embed;
use super::embed_snippet::EmbedSnippet;
use super::notices::Notices;
use super::param_form::ParamForm;
use super::run_controls::RunControls;
use super::state::{Action, AppState, RunStatus};
use super::topbar::TopBar;
use super::trace_views::TraceViews;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        AppState::from_url(
            &dom::location_search(),
            &dom::location_hash(),
            dom::hardware_concurrency(),
        )
    });
    let dispatcher = state.dispatcher();

    let runner = {
        let dispatcher = dispatcher.clone();
        use_memo((), move |_| {
            Runner::new(WORKER_SCRIPT, move |run, event| {
                dispatcher.dispatch(Action::Event(run, event))
            })
        })
    };

    // In real mode the spare worker starts its executors ahead of the run.
    {
        let runner = runner.clone();
        let link = &state.link;
        let real = (link.mode == Mode::Real).then(|| link.procs(state.cores));
        use_effect_with(real, move |real| runner.warm(*real));
    }

    // The address bar always holds the current configuration: the query at once, the
    // program a moment after the last keystroke (browsers limit how often a page may rewrite
    // its address).
    let query = state.link.to_query();
    let fragment = (*use_memo(state.link.code.clone(), |_| state.link.to_fragment())).clone();
    let address = use_mut_ref(|| (String::new(), String::new()));
    *address.borrow_mut() = (query.clone(), fragment.clone());
    {
        let address = address.clone();
        use_effect_with(query, move |_| {
            let (query, fragment) = &*address.borrow();
            dom::replace_url(query, fragment);
        });
    }
    use_effect_with(fragment, move |_| {
        // Writes what is current when it fires, the query included.
        let timer = gloo_timers::callback::Timeout::new(300, move || {
            let (query, fragment) = &*address.borrow();
            dom::replace_url(query, fragment);
        });
        move || drop(timer)
    });
    // The tab says which pattern is open.
    use_effect_with(state.link.pattern.title, |title| {
        dom::set_title(&format!("{title} — chanlab"))
    });

    // A new run id means a run was asked for (by the user, or by a comparison whose previous
    // run ended): start it with the request it was given.
    {
        let runner = runner.clone();
        let run_id = state.run.id;
        let request = (state.run.status == RunStatus::Running)
            .then(|| state.run.request.clone())
            .flatten();
        use_effect_with(run_id, move |_| {
            if let Some(request) = request {
                runner.run(run_id, &request);
            }
        });
    }

    // `autorun=1` runs once the page is up, unless the cost guard held it.
    {
        let dispatcher = dispatcher.clone();
        let autorun = state.autorun();
        use_effect_with((), move |_| {
            if autorun {
                dispatcher.dispatch(Action::Run);
            }
        });
    }

    // Ctrl+Enter (Cmd+Enter on a Mac) runs from anywhere on the page.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                    e.prevent_default();
                    // A field being edited commits first, so the run uses what it shows.
                    dom::commit_focused_field();
                    dispatcher.dispatch(Action::Run);
                }
            });
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(doc) = &document {
                let _ = doc
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(doc) = &document {
                    let _ = doc.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }

    let on_run = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::Run))
    };
    let on_run_if_idle = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::RunIfIdle))
    };
    let on_compare = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::Compare))
    };
    let on_stop = {
        let dispatcher = dispatcher.clone();
        let runner = runner.clone();
        Callback::from(move |()| {
            runner.stop();
            dispatcher.dispatch(Action::Stop);
        })
    };
    // The worker is not part of the page's first load: it starts loading when a run is near.
    let on_approach = {
        let runner = runner.clone();
        Callback::from(move |()| runner.prepare())
    };
    let on_select = {
        let dispatcher = dispatcher.clone();
        let runner = runner.clone();
        let running = state.run.status == RunStatus::Running;
        Callback::from(move |id: &'static str| {
            if running {
                runner.stop();
            }
            dispatcher.dispatch(Action::SelectPattern(id));
        })
    };
    let on_change = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |(key, raw): (&'static str, String)| {
            dispatcher.dispatch(match key {
                "seed" => Action::SetSeed(raw),
                "mode" => Action::SetMode(raw),
                "procs" => Action::SetProcs(raw),
                _ => Action::SetParam { key, raw },
            })
        })
    };
    let on_reset = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::ResetParams))
    };
    let on_edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |text: String| dispatcher.dispatch(Action::EditCode(text)))
    };
    let on_reset_code = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::ResetCode))
    };
    let on_new = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::NewProgram))
    };
    let on_dismiss = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::DismissNotices))
    };

    // An output line picked to mark on the timeline, and the replay's reveal of the output;
    // both belong to one run.
    let marker = use_state(|| None::<u64>);
    let reveal = use_state(|| None::<u64>);
    {
        let marker = marker.clone();
        let reveal = reveal.clone();
        use_effect_with(state.run.id, move |_| {
            marker.set(None);
            reveal.set(None);
        });
    }
    let on_pick = {
        let marker = marker.clone();
        Callback::from(move |t: u64| marker.set(Some(t)))
    };
    let on_reveal = {
        let reveal = reveal.clone();
        Callback::from(move |t: Option<u64>| reveal.set(t))
    };

    let on_show_line = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |(line, col, kind)| {
            dispatcher.dispatch(Action::ShowLine { line, col, kind })
        })
    };
    // A name picked in a view: a goroutine's function, a channel's `make`, a leaked goroutine.
    let on_show_name = on_show_line.reform(|line| (line, None, MarkKind::Name));

    let link = &state.link;
    let pattern = link.pattern;
    let code = state.code.clone();
    let running = state.run.status == RunStatus::Running;
    let cost_note = html! {
        <CostNote verdict={Rc::new(Verdict::of(link, state.cores))}
                  held={state.autorun_held.clone()} />
    };
    if link.embed {
        return html! {
            <Embed link={link.clone()} run={state.run.clone()} {running} {code}
                   notices={state.notices.clone()} {on_run} {on_run_if_idle} {on_stop}
                   {on_approach} {on_dismiss} {on_edit} on_reset={on_reset_code} {cost_note}
                   on_show_line={Some(on_show_line)} />
        };
    }
    html! {
        <div class={classes!("app", link.embed.then_some("embed"))}>
            <TopBar link={link.clone()} />
            <Catalog current={pattern.id} {on_select} />
            <main class="workbench">
                <section class="intro">
                    <h1 data-testid="pattern-title">{pattern.title}</h1>
                    <p class="explanation">{pattern.explanation}</p>
                    <EmbedSnippet link={link.clone()} />
                </section>
                <Notices notices={state.notices.clone()} {on_dismiss} />
                <div class="panes">
                    <div class="left">
                        <ParamForm params={link.params.clone()} seed={link.seed} mode={link.mode}
                                   procs={link.procs(state.cores)} cores={state.cores}
                                   rev={state.form_rev} edited={link.edited()} {on_change} {on_reset} />
                        <RunControls {running} {on_run} {on_stop} {on_approach} on_compare={Some(on_compare)} />
                        {cost_note}
                        if let Some(compare) = &state.compare {
                            <ComparePanel compare={compare.clone()} />
                        }
                        <ConsoleView run={state.run.clone()} on_pick={Some(on_pick)} reveal={*reveal}
                                     on_show_line={Some(on_show_name.clone())} />
                    </div>
                    <CodePane {code} edited={link.edited()} {on_edit} on_reset={on_reset_code}
                              on_new={Some(on_new)} on_show_line={Some(on_show_line)} />
                </div>
                <TraceViews run={state.run.clone()} pattern={pattern.id} marker={*marker} {on_reveal}
                            on_show_line={Some(on_show_name)} />
            </main>
        </div>
    }
}
