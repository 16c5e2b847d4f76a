//! The output console: each line as Go printed it with its time beside it, how the run ended,
//! and the goroutines it left behind.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::duration::{count, format_ns, Resolution};
use crate::protocol::{Mode, RunSummary, Transport};
use crate::rt::Outcome;
use crate::view::compare::floor_text;
use crate::view::console::{exit_text, rows_html, Line, Segment, TAIL};

use super::leaks::Leaks;
use super::state::{clock_resolution, RunStatus, RunView};

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub run: RunView,
    /// Clicking a line picks its instant (ns), to mark it on the timeline.
    #[prop_or_default]
    pub on_pick: Option<Callback<u64>>,
    /// During a replay, only lines printed by this instant (ns) are shown.
    #[prop_or_default]
    pub reveal: Option<u64>,
    /// Shows a line of the source (a leaked goroutine's).
    #[prop_or_default]
    pub on_show_line: Option<Callback<u32>>,
}

#[function_component(ConsoleView)]
pub fn console_view(props: &ConsoleProps) -> Html {
    let run = &props.run;
    let lines_ref = use_node_ref();
    // Follow new output while the reader is at the bottom; leave them be once they scroll up.
    let stick = use_mut_ref(|| true);
    let onscroll = {
        let lines_ref = lines_ref.clone();
        let stick = stick.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = lines_ref.cast::<web_sys::Element>() {
                let at_bottom = el.scroll_top() + el.client_height() >= el.scroll_height() - 24;
                *stick.borrow_mut() = at_bottom;
            }
        })
    };
    {
        let lines_ref = lines_ref.clone();
        let stick = stick.clone();
        use_effect_with(Rc::as_ptr(&run.console) as usize, move |_| {
            if *stick.borrow() {
                if let Some(el) = lines_ref.cast::<web_sys::Element>() {
                    el.set_scroll_top(el.scroll_height());
                }
            }
        });
    }

    let console = &run.console;
    let exit_code = run.status.exit_code().map(|code| code.to_string());
    // Which of chanlab's limits ended the run, if one did.
    let limit = match &run.status {
        RunStatus::Done(summary) => match &summary.outcome {
            Outcome::Limit(limit) => Some(limit.id()),
            _ => None,
        },
        _ => None,
    };
    let gap = (console.omitted() > 0).then(|| {
        html! {
            <div class="gap">
                {format!("… {} lines not shown (the console keeps the first and last {TAIL}) …",
                    console.omitted())}
            </div>
        }
    });
    let empty = console.is_empty() && run.status != RunStatus::Running;
    let pickable = props.on_pick.is_some();
    let res = clock_resolution(run.mode());
    let chunk = |segment| chunk_view(segment, props.reveal, pickable, res);
    let onclick = props.on_pick.clone().map(|pick| {
        Callback::from(move |e: MouseEvent| {
            if let Some(t) = picked_instant(&e) {
                pick.emit(t);
            }
        })
    });
    let title = pickable.then_some("Click a line to mark its instant on the timeline");
    html! {
        <section class="console" data-testid="output" data-state={run.status.data_state()}
                 data-exit-code={exit_code} data-limit={limit} aria-label="Output">
            <header>
                <h2>{"Output"}</h2>
                <span class="lines-count">{lines_count(console.total())}</span>
            </header>
            <div class="lines" ref={lines_ref} role="log" tabindex="0" aria-label="Output lines"
                 {onscroll} {onclick} {title}>
                if empty {
                    <p class="placeholder">{placeholder(&run.status)}</p>
                }
                { for console.head_chunks().map(chunk) }
                if props.reveal.is_none() { { gap } }
                { for console.tail_chunks().map(chunk) }
            </div>
            <Status status={run.status.clone()} mode={run.request.as_ref().map_or(Mode::Sim, |r| r.mode)} {res}
                    on_show_line={props.on_show_line.clone()} />
        </section>
    }
}

/// One chunk of lines, keyed by its first line. A frozen chunk shown whole is a memoized
/// component, so new output redraws only the chunk still filling; during a replay (`reveal`)
/// a chunk that is partly in the future is drawn line by line.
fn chunk_view(segment: Segment<'_>, reveal: Option<u64>, pickable: bool, res: Resolution) -> Html {
    let shown = |l: &Line| reveal.is_none_or(|t| l.line.t_ns <= t);
    match segment {
        Segment::Frozen(lines) if lines.iter().all(shown) => {
            let key = lines.first().map_or(0, |l| l.index);
            html! {
                <FrozenChunk key={key} lines={FrozenRef(lines.clone())} {pickable} {res} />
            }
        }
        Segment::Frozen(lines) => lines_view(lines, reveal, pickable, res),
        Segment::Open(lines) => lines_view(lines, reveal, pickable, res),
    }
}

fn lines_view(lines: &[Line], reveal: Option<u64>, pickable: bool, res: Resolution) -> Html {
    let key = lines.first().map_or(0, |l| l.index);
    let rows = Html::from_html_unchecked(rows_html(lines, reveal, pickable, res).into());
    html! { <div class="chunk" key={key}>{rows}</div> }
}

/// A frozen chunk, compared by address: its lines never change.
#[derive(Clone)]
struct FrozenRef(Rc<[Line]>);

impl PartialEq for FrozenRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct FrozenChunkProps {
    lines: FrozenRef,
    pickable: bool,
    res: Resolution,
}

#[function_component(FrozenChunk)]
fn frozen_chunk(props: &FrozenChunkProps) -> Html {
    // Rows are set as markup (escaped by `rows_html`): one DOM call per chunk, not per node.
    let rows = Html::from_html_unchecked(
        rows_html(&props.lines.0, None, props.pickable, props.res).into(),
    );
    html! { <div class="chunk frozen">{rows}</div> }
}

/// The instant of the line a click landed on.
fn picked_instant(e: &MouseEvent) -> Option<u64> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let text = target
        .closest(".row")
        .ok()??
        .query_selector(".text")
        .ok()??;
    text.get_attribute("data-t-ns")?.parse().ok()
}

fn lines_count(n: u64) -> String {
    match n {
        0 => String::new(),
        1 => "1 line".to_string(),
        n => format!("{n} lines"),
    }
}

fn placeholder(status: &RunStatus) -> &'static str {
    match status {
        RunStatus::Done(_) | RunStatus::NotCompiled(_) => "The program printed nothing.",
        RunStatus::Stopped => "Stopped before anything was printed.",
        _ => "Press Run (or Ctrl+Enter) to run the program.",
    }
}

#[derive(Properties, PartialEq)]
struct StatusProps {
    status: RunStatus,
    /// The run's mode, which says whose time it took.
    mode: Mode,
    on_show_line: Option<Callback<u32>>,
    /// How finely its clock tells time.
    res: Resolution,
}

#[function_component(Status)]
fn status(props: &StatusProps) -> Html {
    match &props.status {
        RunStatus::Idle => html! {},
        RunStatus::Running => html! {
            <footer class="status running" data-testid="status"><span class="spinner"></span>{"Running…"}</footer>
        },
        RunStatus::Stopped => html! {
            <footer class="status stopped" data-testid="status">{"Stopped."}</footer>
        },
        RunStatus::Failed(why) => html! {
            <footer class="status failed" data-testid="status">{format!("The run failed: {why}")}</footer>
        },
        RunStatus::Done(summary) => {
            done(summary, props.mode, props.res, props.on_show_line.clone())
        }
        RunStatus::NotCompiled(errors) => html! {
            <footer class="status failed" data-testid="status">
                <p class="exit" data-testid="exit-status">{exit_text(1)}</p>
                <p class="facts">{match errors {
                    1 => "The program does not compile: 1 error, shown under the source.".to_string(),
                    n => format!("The program does not compile: {n} errors, shown under the source."),
                }}</p>
            </footer>
        },
    }
}

fn done(
    summary: &RunSummary,
    mode: Mode,
    res: Resolution,
    on_show_line: Option<Callback<u32>>,
) -> Html {
    let code = summary.exit_code;
    let what = match &summary.outcome {
        Outcome::Limit(limit) => Some(format!("stopped by chanlab: {}", limit.message())),
        _ => None,
    };
    let m = &summary.metrics;
    let facts = format!(
        "{} of {} · {} in your browser · {} · {}, {}",
        format_ns(summary.elapsed_ns as f64, res),
        match mode {
            Mode::Sim => "virtual time",
            Mode::Real => "wall-clock time",
        },
        format_ns(summary.wall_ms * 1e6, clock_resolution(Mode::Real)),
        count(m.goroutines_created, "goroutine", "goroutines"),
        count(m.chan_sends, "send", "sends"),
        count(m.chan_recvs, "receive", "receives"),
    );
    let transport = summary.floor.map(|f| match f.transport {
        Transport::Messages => "messages",
        Transport::SharedMemory => "shared-memory",
    });
    html! {
        <footer class={classes!("status", if code == 0 { "ok" } else { "failed" })} data-testid="status"
            data-transport={transport}>
            <p class="exit" data-testid="exit-status">{exit_text(code)}</p>
            if let Some(what) = what { <p class="limit">{what}</p> }
            <p class="facts">{facts}</p>
            if let Some(floor) = summary.floor { <p class="facts">{floor_text(&floor)}</p> }
            <Leaks leaked={summary.leaked.clone()} count={summary.leaked_count} {on_show_line} />
        </footer>
    }
}
