//! The views of a run's trace: goroutine timeline, processors, channels and metrics, under one
//! toolbar (zoom, arrows, replay, exports). All four share one time window.
//!
//! The views appear once the run's trace has arrived (just before the run ends). Until then,
//! and for a run without a trace, the timeline's place says why it is empty.

use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::chrome::to_chrome_json;
use crate::chart::layout::Layout;
use crate::chart::playback::{lines_shown, speed_label, Playback, SPEEDS};
use crate::chart::scale::{format_ns, Viewport};
use crate::chart::svg::{standalone_timeline, LABEL_WIDTH};
use crate::chart::Chart;
use crate::rt::OutputLine;

use super::channels::ChannelsView;
use super::download::download;
use super::legend::Legend;
use super::metrics::MetricsView;
use super::processors::ProcessorsView;
use super::state::{RunStatus, RunView};
use super::timeline::Timeline;

/// Runs above these sizes get a notice that the views hold back (collapsed groups, capped
/// arrows) so the page stays responsive.
const LARGE_GOROUTINES: usize = 10_000;
const LARGE_EVENTS: usize = 1_000_000;

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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Goroutines,
    Processors,
    Channels,
    Metrics,
}

impl Tab {
    const ALL: [Tab; 4] = [
        Tab::Goroutines,
        Tab::Processors,
        Tab::Channels,
        Tab::Metrics,
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::Goroutines => "Goroutines",
            Tab::Processors => "Processors",
            Tab::Channels => "Channels",
            Tab::Metrics => "Metrics",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Tab::Goroutines => "goroutines",
            Tab::Processors => "processors",
            Tab::Channels => "channels",
            Tab::Metrics => "metrics",
        }
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
}

#[function_component(TraceViews)]
pub fn trace_views(props: &TraceViewsProps) -> Html {
    let root = use_node_ref();
    let width = use_state_eq(|| 800.0f64);
    // Per-trace choices carry the trace they were made for: a new trace starts from the
    // defaults without an effect (and the extra render one would cost).
    let view = use_state(|| (0usize, None::<Viewport>));
    let toggled = use_state(|| (0usize, BTreeSet::<u32>::new()));
    let arrows = use_state(|| (0usize, None::<bool>));
    let tab = use_state(|| Tab::Goroutines);
    let speed = use_state(|| 1.0f64);
    let playback = use_state(|| None::<Playback>);
    let playhead = use_state(|| None::<f64>);
    let shown = use_mut_ref(|| usize::MAX);

    let chart = props.run.chart.clone();
    let chart_key = chart.as_ref().map_or(0, |(c, _)| Rc::as_ptr(c) as usize);

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

    // A replay stops with its trace.
    {
        let playback = playback.clone();
        let playhead = playhead.clone();
        use_effect_with(chart_key, move |_| {
            if playback.is_some() {
                playback.set(None);
            }
            if playhead.is_some() {
                playhead.set(None);
            }
        });
    }

    let layout = {
        let chart = chart.clone();
        let toggled = if toggled.0 == chart_key {
            toggled.1.clone()
        } else {
            BTreeSet::new()
        };
        use_memo((chart_key, toggled), move |(_, toggled)| {
            chart
                .as_ref()
                .map(|(c, _)| Rc::new(Layout::new(c.groups.clone(), toggled)))
        })
    };

    // A picked output instant outside the window brings the window to it.
    {
        let view = view.clone();
        let tab = tab.clone();
        let end = chart.as_ref().map_or(0, |(c, _)| c.end_ns());
        let key = chart_key;
        use_effect_with(props.marker, move |marker| {
            if let Some(t) = *marker {
                tab.set(Tab::Goroutines);
                let v = view
                    .1
                    .filter(|_| view.0 == key)
                    .unwrap_or(Viewport::fit(end));
                if (t as f64) < v.start || (t as f64) > v.end {
                    view.set((key, Some(v.center_on(t as f64, end))));
                }
            }
        });
    }

    // The replay: a frame loop moving the playhead while `playback` is set.
    {
        let playhead = playhead.clone();
        let playback_state = playback.clone();
        let on_reveal = props.on_reveal.clone();
        let console = props.run.console.clone();
        let shown = shown.clone();
        let end = chart.as_ref().map_or(0.0, |(c, _)| c.end_ns() as f64);
        use_effect_with(*playback, move |p| {
            let running = Rc::new(std::cell::Cell::new(p.is_some()));
            if let Some(p) = *p {
                let running = running.clone();
                // When each kept output line was printed, in order.
                let mut times = Vec::new();
                for l in console.head() {
                    times.push(l.line.t_ns);
                }
                for l in console.tail() {
                    times.push(l.line.t_ns);
                }
                animate(move |now| {
                    if !running.get() {
                        return false;
                    }
                    let at = p.position(now, end);
                    playhead.set(Some(at));
                    let n = lines_shown(&times, at);
                    if *shown.borrow() != n {
                        *shown.borrow_mut() = n;
                        on_reveal.emit(Some(at as u64));
                    }
                    if p.finished(now, end) {
                        *shown.borrow_mut() = usize::MAX;
                        on_reveal.emit(None);
                        playback_state.set(None);
                        playhead.set(None);
                        return false;
                    }
                    true
                });
            }
            move || running.set(false)
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
    let total = chart.end_ns();
    let v = view
        .1
        .filter(|_| view.0 == chart_key)
        .unwrap_or(Viewport::fit(total));
    let set_view = {
        let view = view.clone();
        Callback::from(move |v: Viewport| view.set((chart_key, Some(v.clamped(total)))))
    };
    // Arrows start hidden on a run so large that they would be a solid mass.
    let show_arrows = arrows
        .1
        .filter(|_| arrows.0 == chart_key)
        .unwrap_or(chart.trace.events.len() <= LARGE_EVENTS);
    let zoom = |factor: f64| {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view.emit(v.zoom(factor, 0.5, total)))
    };
    let fit = {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view.emit(Viewport::fit(total)))
    };
    let on_arrows = {
        let arrows = arrows.clone();
        Callback::from(move |_: Event| arrows.set((chart_key, Some(!show_arrows))))
    };
    let on_toggle = {
        let toggled = toggled.clone();
        Callback::from(move |label: u32| {
            let mut t = if toggled.0 == chart_key {
                toggled.1.clone()
            } else {
                BTreeSet::new()
            };
            if !t.remove(&label) {
                t.insert(label);
            }
            toggled.set((chart_key, t));
        })
    };
    let on_play = {
        let playback = playback.clone();
        let playhead = playhead.clone();
        let speed = *speed;
        let on_reveal = props.on_reveal.clone();
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| match *playback {
            Some(_) => {
                playback.set(None);
                playhead.set(None);
                *shown.borrow_mut() = usize::MAX;
                on_reveal.emit(None);
            }
            None => {
                *shown.borrow_mut() = usize::MAX;
                playback.set(Some(Playback::start(0.0, now_ms(), speed)));
            }
        })
    };
    let on_speed = {
        let speed = speed.clone();
        let playback = playback.clone();
        Callback::from(move |e: Event| {
            let Some(sel) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            let s: f64 = sel.value().parse().unwrap_or(1.0);
            speed.set(s);
            if let Some(p) = *playback {
                playback.set(Some(p.with_speed(s, now_ms(), f64::MAX)));
            }
        })
    };
    let on_tab = |t: Tab| {
        let tab = tab.clone();
        Callback::from(move |_: MouseEvent| tab.set(t))
    };

    let name = |ext: &str| format!("chanlab-{}.{ext}", props.pattern);
    let export_json = {
        let chart = chart.clone();
        let console = props.run.console.clone();
        let file = name("trace.json");
        Callback::from(move |_: MouseEvent| {
            let mut lines: Vec<OutputLine> = Vec::new();
            for l in console.head() {
                lines.push(l.line.clone());
            }
            for l in console.tail() {
                lines.push(l.line.clone());
            }
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
            let mut text = String::new();
            for l in console.head() {
                text.push_str(&l.line.text);
                text.push('\n');
            }
            if console.omitted() > 0 {
                text.push_str(&format!("… {} lines not kept …\n", console.omitted()));
            }
            for l in console.tail() {
                text.push_str(&l.line.text);
                text.push('\n');
            }
            download(&file, "text/plain;charset=utf-8", &text);
        })
    };

    let trace = &chart.trace;
    let mut notices = Vec::new();
    if trace.truncated() {
        notices.push(format!(
            "The trace holds the first {} events of this run ({} more were not kept): the views end where it does.",
            trace.events.len(),
            trace.dropped
        ));
    }
    if trace.goroutine_count() > LARGE_GOROUTINES || trace.events.len() > LARGE_EVENTS {
        notices.push(format!(
            "A large run ({} goroutines, {} events): groups of goroutines start collapsed{}, and each lane is drawn at one pixel's resolution.",
            trace.goroutine_count(),
            trace.events.len(),
            if trace.events.len() > LARGE_EVENTS { " and arrows start hidden" } else { "" }
        ));
    }
    let zero_time = total == 0;

    let summary = match &props.run.status {
        RunStatus::Done(s) => Some(s.clone()),
        _ => None,
    };
    let playing = playback.is_some();
    let speed_options = SPEEDS.iter().map(|&s| {
        html! { <option value={s.to_string()} selected={s == *speed}>{speed_label(s)}</option> }
    });
    let body = match *tab {
        Tab::Goroutines => html! {
            <>
                <Timeline chart={ChartRef(chart.clone())} layout={LayoutRef(layout.clone())}
                          view={v} width={*width} arrows={show_arrows} marker={props.marker}
                          playhead={*playhead} {received_ms} on_view={set_view.clone()}
                          {on_toggle} />
                <Legend real_mode={chart.timeline.real_mode} />
            </>
        },
        Tab::Processors => html! {
            <ProcessorsView chart={ChartRef(chart.clone())} view={v} width={*width} />
        },
        Tab::Channels => html! {
            <ChannelsView chart={ChartRef(chart.clone())} view={v} width={*width} />
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
                        <button type="button" role="tab" aria-selected={(t == *tab).to_string()}
                                class={classes!("tv-tab", (t == *tab).then_some("active"))}
                                data-testid={format!("tab-{}", t.key())} onclick={on_tab(t)}>
                            {t.label()}
                        </button>
                    }) }
                </div>
                <div class="tv-tools">
                    <button type="button" data-testid="zoom-out" title="Zoom out (−)" onclick={zoom(1.0 / 1.5)}>{"−"}</button>
                    <button type="button" data-testid="zoom-in" title="Zoom in (+)" onclick={zoom(1.5)}>{"+"}</button>
                    <button type="button" data-testid="zoom-fit" title="Fit the run (0)" onclick={fit}>{"Fit"}</button>
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
            <div class="tv-body" data-view={Tab::key(*tab)}
                 data-goroutines={trace.goroutine_count().to_string()}
                 data-events={trace.events.len().to_string()}>
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
