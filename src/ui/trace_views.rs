//! The views of a run's trace: goroutine timeline, processors, channels and metrics, under one
//! toolbar (zoom, arrows, replay, exports). All four share one time window.
//!
//! The views appear once the run's trace has arrived (just before the run ends). Until then,
//! and for a run without a trace, the timeline's place says why it is empty. What the reader
//! chose (tab, window, groups, arrows, replay) is `view::trace_view`'s model; this component
//! renders it and turns events into its actions.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::chrome::to_chrome_json;
use crate::chart::layout::Layout;
use crate::chart::playback::{speed_label, SPEEDS};
use crate::chart::scale::format_ns;
use crate::chart::svg::{standalone_timeline, LABEL_WIDTH};
use crate::chart::Chart;
use crate::rt::OutputLine;
use crate::view::trace_view::{Action, Tab, Trace, TraceView, LARGE_EVENTS};

use super::channels::ChannelsView;
use super::download::download;
use super::legend::Legend;
use super::metrics::MetricsView;
use super::processors::ProcessorsView;
use super::state::{RunStatus, RunView};
use super::timeline::Timeline;
use super::timeline_table::TimelineTable;

/// Runs above this size (or `LARGE_EVENTS`) get a notice that the views hold back (collapsed
/// groups, capped arrows) so the page stays responsive.
const LARGE_GOROUTINES: usize = 10_000;

/// Room kept for the lanes' vertical scrollbar, so that it never covers the plot.
const SCROLLBAR_WIDTH: f64 = 16.0;

/// A chart compared by address: it is never changed in place, and comparing a million events
/// on every render would cost more than drawing them.
#[derive(Clone)]
pub struct ChartRef(pub Rc<Chart>);

impl PartialEq for ChartRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A layout compared by address, like [`ChartRef`].
#[derive(Clone)]
pub struct LayoutRef(pub Rc<Layout>);

impl PartialEq for LayoutRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The model's state for Yew's reducer: the trace it is for travels with each action.
#[derive(Clone, Default, PartialEq)]
struct Choices(TraceView);

impl Reducible for Choices {
    type Action = (Trace, Action);
    fn reduce(self: Rc<Self>, (trace, action): (Trace, Action)) -> Rc<Self> {
        Rc::new(Choices(self.0.apply(trace, action)))
    }
}

#[derive(Properties, PartialEq)]
pub struct TraceViewsProps {
    pub run: RunView,
    /// The pattern's id, for the exported files' names.
    pub pattern: AttrValue,
    /// An instant picked in the output (ns).
    pub marker: Option<u64>,
    /// During a replay, the instant up to which output lines are shown; `None` shows all.
    pub on_reveal: Callback<Option<u64>>,
    /// Shows a line of the source: a goroutine's function or a channel's `make`, picked by
    /// its name.
    #[prop_or_default]
    pub on_show_line: Option<Callback<u32>>,
}

#[function_component(TraceViews)]
pub fn trace_views(props: &TraceViewsProps) -> Html {
    let root = use_node_ref();
    let width = use_state_eq(|| 800.0f64);
    let choices = use_reducer_eq(Choices::default);

    let chart = props.run.chart.clone();
    let trace = chart.as_ref().map_or(Trace::default(), |(c, _)| Trace {
        key: Rc::as_ptr(c) as usize,
        end_ns: c.end_ns(),
        events: c.trace.events.len(),
    });
    let dispatch = {
        let choices = choices.dispatcher();
        Callback::from(move |action: Action| choices.dispatch((trace, action)))
    };

    // The plot's width follows the section's, observed rather than measured: reading a size
    // would force the page's layout in the middle of building it.
    {
        let root = root.clone();
        let width = width.clone();
        use_effect_with(chart.is_some(), move |_| {
            let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
                move |entries: js_sys::Array| {
                    let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>()
                    else {
                        return;
                    };
                    let w = entry.content_rect().width() - LABEL_WIDTH - SCROLLBAR_WIDTH;
                    width.set(w.floor().max(120.0));
                },
            );
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, root.cast::<web_sys::Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }

    let layout = {
        let chart = chart.clone();
        use_memo(
            (trace.key, choices.0.toggled(trace)),
            move |(_, toggled)| {
                chart
                    .as_ref()
                    .map(|(c, _)| Rc::new(Layout::new(c.groups.clone(), toggled)))
            },
        )
    };

    // A picked output instant shows the goroutines then.
    {
        let dispatch = dispatch.clone();
        use_effect_with(props.marker, move |marker| {
            if let Some(t) = *marker {
                dispatch.emit(Action::Mark(t));
            }
        });
    }

    // The replay: a frame loop moving the playhead while one runs; in steps when the reader
    // asks for reduced motion.
    let replay = choices.0.replay(trace);
    {
        let dispatch = dispatch.clone();
        use_effect_with(replay, move |replay| {
            let running = Rc::new(std::cell::Cell::new(replay.is_some()));
            if replay.is_some() {
                let running = running.clone();
                let step_ms = if prefers_reduced_motion() {
                    REDUCED_MOTION_STEP_MS
                } else {
                    0.0
                };
                let moved_ms = std::cell::Cell::new(f64::NEG_INFINITY);
                animate(move |now_ms| {
                    if running.get() && now_ms - moved_ms.get() >= step_ms {
                        moved_ms.set(now_ms);
                        dispatch.emit(Action::Frame { now_ms });
                    }
                    running.get()
                });
            }
            move || running.set(false)
        });
    }
    // What the replay reveals of the output, told when it changes.
    {
        let on_reveal = props.on_reveal.clone();
        let told = use_mut_ref(|| None::<u64>);
        use_effect_with(choices.0.reveal(), move |reveal| {
            if *told.borrow() != *reveal {
                *told.borrow_mut() = *reveal;
                on_reveal.emit(*reveal);
            }
        });
    }

    let Some((chart, received_ms)) = chart else {
        return html! {
            <section class="trace-views empty" ref={root} aria-label="Trace views">
                <div class="tl-empty" data-testid="timeline" data-state="empty">
                    <p>{empty_text(&props.run.status)}</p>
                </div>
            </section>
        };
    };
    let layout = (*layout).clone().expect("a layout for the chart");
    let view = &choices.0;
    let v = view.viewport(trace);
    let show_arrows = view.arrows(trace);
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let set_view = dispatch.reform(Action::View);
    let on_arrows = dispatch.reform(|_: Event| Action::ToggleArrows);
    let on_toggle = dispatch.reform(Action::ToggleGroup);
    let on_play = {
        let console = props.run.console.clone();
        dispatch.reform(move |_: MouseEvent| Action::Replay {
            now_ms: now_ms(),
            // When each kept output line was printed, in order.
            times: console.lines().map(|l| l.line.t_ns).collect(),
        })
    };
    let on_speed = dispatch.reform(|e: Event| {
        let speed = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|sel| sel.value().parse().ok())
            .unwrap_or(1.0);
        Action::Speed {
            speed,
            now_ms: now_ms(),
        }
    });

    let name = |ext: &str| format!("chanlab-{}.{ext}", props.pattern);
    let export_json = {
        let chart = chart.clone();
        let console = props.run.console.clone();
        let file = name("trace.json");
        Callback::from(move |_: MouseEvent| {
            let lines: Vec<OutputLine> = console.lines().map(|l| l.line.clone()).collect();
            let json = to_chrome_json(&chart.trace, &chart.timeline, &lines);
            download(&file, "application/json", &json);
        })
    };
    let export_svg = {
        let chart = chart.clone();
        let layout = layout.clone();
        let file = name("timeline.svg");
        let title = format!(
            "chanlab · {} · {} – {}",
            props.pattern,
            format_ns(v.start),
            format_ns(v.end)
        );
        let (w, arrows) = (*width, show_arrows);
        Callback::from(move |_: MouseEvent| {
            let svg = standalone_timeline(&chart, &layout, v, w, arrows, &title);
            download(&file, "image/svg+xml", &svg);
        })
    };
    let export_text = {
        let console = props.run.console.clone();
        let file = name("output.txt");
        Callback::from(move |_: MouseEvent| {
            download(&file, "text/plain;charset=utf-8", &console.to_text());
        })
    };

    let data = &chart.trace;
    let mut notices = Vec::new();
    if data.truncated() {
        notices.push(format!(
            "The trace holds the first {} events of this run ({} more were not kept): the views end where it does.",
            data.events.len(),
            data.dropped
        ));
    }
    if data.goroutine_count() > LARGE_GOROUTINES || data.events.len() > LARGE_EVENTS {
        notices.push(format!(
            "A large run ({} goroutines, {} events): groups of goroutines start collapsed{}, and each lane is drawn at one pixel's resolution.",
            data.goroutine_count(),
            data.events.len(),
            if data.events.len() > LARGE_EVENTS { " and arrows start hidden" } else { "" }
        ));
    }
    let zero_time = trace.end_ns == 0;

    let summary = match &props.run.status {
        RunStatus::Done(s) => Some(s.clone()),
        _ => None,
    };
    let playing = replay.is_some();
    let speed_options = SPEEDS.iter().map(|&s| {
        html! { <option value={s.to_string()} selected={s == view.speed}>{speed_label(s)}</option> }
    });
    let body = match view.tab {
        Tab::Goroutines => html! {
            <>
                <Timeline chart={ChartRef(chart.clone())} layout={LayoutRef(layout.clone())}
                          view={v} width={*width} arrows={show_arrows} marker={props.marker}
                          playhead={view.playhead(trace)} {received_ms} on_view={set_view.clone()}
                          {on_toggle} on_show_line={props.on_show_line.clone()} />
                <Legend real_mode={chart.timeline.real_mode} />
                <TimelineTable chart={ChartRef(chart.clone())} />
            </>
        },
        Tab::Processors => html! {
            <ProcessorsView chart={ChartRef(chart.clone())} view={v} width={*width} />
        },
        Tab::Channels => html! {
            <ChannelsView chart={ChartRef(chart.clone())} view={v} width={*width}
                          on_show_line={props.on_show_line.clone()} />
        },
        Tab::Metrics => html! {
            <MetricsView chart={ChartRef(chart.clone())} {summary} />
        },
    };
    html! {
        <section class="trace-views" ref={root} aria-label="Trace views">
            <div class="tv-bar">
                <div class="tv-tabs" role="tablist">
                    { for Tab::ALL.iter().map(|&t| html! {
                        <button type="button" role="tab" aria-selected={(t == view.tab).to_string()}
                                class={classes!("tv-tab", (t == view.tab).then_some("active"))}
                                data-testid={format!("tab-{}", t.key())} onclick={act(Action::Tab(t))}>
                            {t.label()}
                        </button>
                    }) }
                </div>
                <div class="tv-tools">
                    <button type="button" data-testid="zoom-out" title="Zoom out (−)" onclick={act(Action::Zoom(1.0 / 1.5))}>{"−"}</button>
                    <button type="button" data-testid="zoom-in" title="Zoom in (+)" onclick={act(Action::Zoom(1.5))}>{"+"}</button>
                    <button type="button" data-testid="zoom-fit" title="Fit the run (0)" onclick={act(Action::Fit)}>{"Fit"}</button>
                    <span class="tv-range" data-testid="visible-range"
                          data-start={format!("{:.0}", v.start)} data-end={format!("{:.0}", v.end)}>
                        {format!("{} – {}", format_ns(v.start), format_ns(v.end))}
                    </span>
                    <label class="tv-check">
                        <input type="checkbox" data-testid="arrows" checked={show_arrows} onchange={on_arrows} />
                        {"send→receive arrows"}
                    </label>
                    <button type="button" data-testid="replay" onclick={on_play}
                            title="Replay the run, showing output lines as they were printed">
                        {if playing { "■ Stop replay" } else { "▶ Replay" }}
                    </button>
                    <select data-testid="replay-speed" aria-label="Replay speed" onchange={on_speed}>
                        { for speed_options }
                    </select>
                    <span class="tv-export">
                        {"Export: "}
                        <button type="button" data-testid="export-json" onclick={export_json}
                                title="Chrome Trace Event JSON: open it in ui.perfetto.dev">{"Trace JSON"}</button>
                        <button type="button" data-testid="export-svg" onclick={export_svg}
                                title="The timeline as shown, every lane">{"SVG"}</button>
                        <button type="button" data-testid="export-text" onclick={export_text}>{"Output"}</button>
                    </span>
                </div>
            </div>
            { for notices.into_iter().map(|n| html! { <p class="tv-notice" data-testid="notice">{n}</p> }) }
            if zero_time {
                <p class="tl-hint">{"This run took no virtual time: in sim mode code runs in zero time and only sleeps, timers and CPU work advance the clock, so everything happened at 0 (the ticks show when each goroutine ran)."}</p>
            }
            <div class="tv-body" data-view={view.tab.key()}
                 data-goroutines={data.goroutine_count().to_string()}
                 data-events={data.events.len().to_string()}>
                { body }
            </div>
        </section>
    }
}

fn empty_text(status: &RunStatus) -> &'static str {
    match status {
        RunStatus::Running => "The timeline appears when the run ends.",
        RunStatus::Done(_) | RunStatus::Failed(_) => "This run left no trace to draw.",
        _ => "Run the program to see its goroutines on a timeline.",
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// With reduced motion asked for, the replay's playhead moves once a second, not every frame.
const REDUCED_MOTION_STEP_MS: f64 = 1000.0;

/// Whether the reader asked for reduced motion (`prefers-reduced-motion: reduce`).
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Calls `frame(now_ms)` on every animation frame while it returns true.
fn animate(frame: impl Fn(f64) -> bool + 'static) {
    fn schedule(frame: Rc<dyn Fn(f64) -> bool>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let next = frame.clone();
        let cb = wasm_bindgen::closure::Closure::once_into_js(move |_: f64| {
            if next(now_ms()) {
                schedule(next);
            }
        });
        let _ = window.request_animation_frame(cb.unchecked_ref());
    }
    schedule(Rc::new(frame));
}
