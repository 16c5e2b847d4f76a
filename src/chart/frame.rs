//! One drawn frame of the timeline: exactly the shapes the component renders for a window of
//! time, a plot width and a scroll position, and what lies under the pointer.
//!
//! A frame holds only the rows in the scrolled window, each aggregated to the plot's pixel
//! columns, the arrows between them (at most [`MAX_ARROWS`]) and the axis. So its size, and the
//! number of SVG elements drawn from it, is bounded by rows × columns whatever the run.

use super::aggregate::{mark_runs, Aggregator, Bar};
use super::chans::{channel_stats, ChanStats};
use super::data::TraceData;
use super::layout::{groups, Group, Layout, RowKind};
use super::procs::{proc_stats, ProcStats};
use super::scale::{format_ns, Axis, TimeScale, Viewport};
use super::spans::{Arrow, Span, Timeline};
use super::state::State;
use crate::rt::GoId;

/// The most members of a group whose states a tooltip counts one by one.
const MAX_COUNTED: usize = 20_000;

/// The most send→receive arrows drawn at once; zoom in to see the rest.
pub const MAX_ARROWS: usize = 500;

/// A run's trace and everything computed from it once.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub trace: TraceData,
    pub timeline: Timeline,
    pub groups: Vec<Group>,
    /// Computed when first asked for (see [`Chart::chans`]): most views never need it.
    chans: std::cell::OnceCell<Vec<ChanStats>>,
    pub procs: Vec<ProcStats>,
}

impl Chart {
    pub fn build(trace: TraceData) -> Self {
        let timeline = Timeline::build(&trace);
        let groups = groups(&trace);
        let procs = proc_stats(&timeline);
        Chart {
            trace,
            timeline,
            groups,
            chans: std::cell::OnceCell::new(),
            procs,
        }
    }

    /// Every channel's history and totals, computed on first use.
    pub fn chans(&self) -> &[ChanStats] {
        self.chans
            .get_or_init(|| channel_stats(&self.trace, &self.timeline))
    }

    /// The run's length as the timeline shows it.
    pub fn end_ns(&self) -> u64 {
        self.timeline.end_ns
    }

    /// The source line of the function a row's goroutines run, 0 when unknown.
    pub fn row_line(&self, layout: &Layout, kind: RowKind) -> u32 {
        match kind {
            RowKind::Lane(g) => self.trace.line(g),
            RowKind::Group { group, .. } => layout.groups[group]
                .members
                .first()
                .map_or(0, |&g| self.trace.line(g)),
        }
    }

    /// A row's name: a goroutine's lane name, or a group's `worker ×1000`.
    pub fn row_name(&self, layout: &Layout, kind: RowKind) -> String {
        match kind {
            RowKind::Lane(g) => self.trace.name(g),
            RowKind::Group { group, .. } => {
                let g = &layout.groups[group];
                format!("{} ×{}", g.name, g.members.len())
            }
        }
    }
}

/// A row as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnRow {
    /// Index into [`Layout::rows`].
    pub row: usize,
    pub kind: RowKind,
    pub name: String,
    /// The source line of the function its goroutines run, 0 when unknown.
    pub line: u32,
    pub y: f64,
    pub height: f64,
    pub nested: bool,
    pub bars: Vec<Bar>,
    /// Column runs where the goroutine (or a member) ran for an instant.
    pub marks: Vec<(u32, u32)>,
}

/// An arrow as drawn, in plot coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawnArrow {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub arrow: Arrow,
}

/// Everything one view of the timeline draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub scale: TimeScale,
    pub axis: Axis,
    pub rows: Vec<DrawnRow>,
    pub arrows: Vec<DrawnArrow>,
    /// True when more arrows were in view than [`MAX_ARROWS`].
    pub arrows_capped: bool,
}

impl Frame {
    /// The SVG elements the lanes draw (see [`super::svg::lanes`]): per row a group, its
    /// background, its name, a path per state it shows and one for its instants; the arrows'
    /// group and a line per arrow. Bounded by rows × states, whatever the number of events.
    pub fn elements(&self) -> usize {
        let rows: usize = self
            .rows
            .iter()
            .map(|r| {
                let states = State::ALL
                    .iter()
                    .filter(|&&s| r.bars.iter().any(|b| b.state == s))
                    .count();
                3 + states + usize::from(!r.marks.is_empty())
            })
            .sum();
        let arrows = if self.arrows.is_empty() {
            0
        } else {
            1 + self.arrows.len()
        };
        rows + arrows
    }
}

/// What a frame needs to know besides the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameSpec {
    pub view: Viewport,
    /// Plot width in pixels (one column per pixel).
    pub width: f64,
    /// The rows' scroll position and the visible height, in pixels.
    pub scroll_top: f64,
    pub height: f64,
    pub arrows: bool,
}

/// The frame of `chart` laid out as `layout`, for `spec`.
pub fn frame(chart: &Chart, layout: &Layout, spec: &FrameSpec) -> Frame {
    let scale = TimeScale::new(spec.view, spec.width);
    let (from, to) = window(&spec.view);
    let mut agg = Aggregator::new(scale);
    let visible = layout.visible(spec.scroll_top, spec.height);
    let mut rows = Vec::with_capacity(visible.len());
    for i in visible.clone() {
        let row = layout.rows[i];
        let (bars, marks) = match row.kind {
            RowKind::Lane(g) => {
                let lane = &chart.timeline.lanes[g as usize];
                agg.add_spans(lane.spans_in(from, to));
                (agg.finish(), mark_runs([lane.marks_in(from, to)], &scale))
            }
            RowKind::Group {
                group,
                expanded: false,
            } => {
                let members = &layout.groups[group].members;
                let lanes = members.iter().map(|&g| &chart.timeline.lanes[g as usize]);
                for lane in lanes.clone() {
                    agg.add_spans(lane.spans_in(from, to));
                }
                let bars = agg.finish();
                (bars, mark_runs(lanes.map(|l| l.marks_in(from, to)), &scale))
            }
            RowKind::Group { .. } => (Vec::new(), Vec::new()),
        };
        rows.push(DrawnRow {
            row: i,
            kind: row.kind,
            name: chart.row_name(layout, row.kind),
            line: chart.row_line(layout, row.kind),
            y: row.y,
            height: row.height,
            nested: row.nested,
            bars,
            marks,
        });
    }
    let (arrows, arrows_capped) = if spec.arrows {
        arrows_in_view(chart, layout, &scale, visible)
    } else {
        (Vec::new(), false)
    };
    Frame {
        scale,
        axis: scale.axis(),
        rows,
        arrows,
        arrows_capped,
    }
}

/// The window as whole ns, widened to include its partial ends.
fn window(view: &Viewport) -> (u64, u64) {
    (
        view.start.max(0.0).floor() as u64,
        view.end.max(0.0).ceil() as u64 + 1,
    )
}

fn arrows_in_view(
    chart: &Chart,
    layout: &Layout,
    scale: &TimeScale,
    visible: std::ops::Range<usize>,
) -> (Vec<DrawnArrow>, bool) {
    let row_of = layout.row_of_goroutine(chart.trace.goroutines.len());
    let (from, to) = window(&scale.view);
    let center = |g: GoId| {
        let r = row_of.get(g as usize).copied().flatten()?;
        Some((r, &layout.rows[r as usize]))
    };
    let in_view = |r: u32| visible.contains(&(r as usize));
    let (found, capped) = chart.timeline.arrows_in(from, to, MAX_ARROWS, |a| {
        match (center(a.send_g), center(a.recv_g)) {
            // An arrow within one row (two members of a collapsed group) says nothing.
            (Some((rs, _)), Some((rr, _))) => rs != rr && (in_view(rs) || in_view(rr)),
            _ => false,
        }
    });
    let arrows = found
        .into_iter()
        .filter_map(|a| {
            let (_, s) = center(a.send_g)?;
            let (_, r) = center(a.recv_g)?;
            Some(DrawnArrow {
                x1: scale.x(a.send_t as f64),
                y1: s.y + s.height / 2.0,
                x2: scale.x(a.recv_t as f64),
                y2: r.y + r.height / 2.0,
                arrow: a,
            })
        })
        .collect();
    (arrows, capped)
}

/// What lies under the pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct Hover {
    pub row: usize,
    /// The row's name.
    pub name: String,
    /// The state at the pointer (the most common among a collapsed group's members).
    pub state: Option<State>,
    pub start_ns: u64,
    pub duration_ns: u64,
    /// The tooltip's lines, ready to show.
    pub lines: Vec<String>,
}

/// The hover at plot position `(x, y)` (y in row coordinates, scroll included), or `None`
/// over empty space. Instants within `slop_px` of x count as hit.
pub fn hover(
    chart: &Chart,
    layout: &Layout,
    scale: &TimeScale,
    x: f64,
    y: f64,
    slop_px: f64,
) -> Option<Hover> {
    let i = layout.row_at(y)?;
    let t = scale.t(x).max(0.0) as u64;
    if let RowKind::Lane(g) = layout.rows[i].kind {
        let lane = &chart.timeline.lanes[g as usize];
        let slop = (slop_px / scale.k()) as u64;
        // An instant is drawn over the span around it, so it wins the hover.
        if let Some(&m) = lane.marks_in(t.saturating_sub(slop), t + slop).first() {
            let name = chart.row_name(layout, layout.rows[i].kind);
            return Some(Hover {
                row: i,
                name: name.clone(),
                state: Some(State::Running),
                start_ns: m,
                duration_ns: 0,
                lines: vec![
                    format!("{name} ran at {}", format_ns(m as f64)),
                    "for no virtual time (sim mode)".to_string(),
                ],
            });
        }
    }
    describe(chart, layout, i, t)
}

/// What row `row` shows at instant `t`: its span, or its group members' states. Instants are
/// left out (the keyboard moves from span to span).
pub fn describe(chart: &Chart, layout: &Layout, row: usize, t: u64) -> Option<Hover> {
    let kind = layout.rows.get(row)?.kind;
    let name = chart.row_name(layout, kind);
    match kind {
        RowKind::Lane(g) => {
            let span = chart.timeline.lanes[g as usize].span_at(t)?;
            Some(span_hover(chart, row, name, g, span))
        }
        RowKind::Group { group, expanded } => {
            let members = &layout.groups[group].members;
            // A pointer moving over a huge group must stay quick: past MAX_COUNTED members,
            // count an even sample and scale it.
            let stride = members.len().div_ceil(MAX_COUNTED).max(1);
            let mut counts = [0usize; super::state::STATES];
            for &g in members.iter().step_by(stride) {
                if let Some(s) = chart.timeline.lanes[g as usize].span_at(t) {
                    counts[s.state as usize] += stride;
                }
            }
            let about = if stride > 1 { "about " } else { "" };
            let mut lines = vec![format!(
                "{name}{} at {}",
                if expanded { "" } else { " (collapsed)" },
                format_ns(t as f64)
            )];
            for s in State::ALL {
                if counts[s as usize] > 0 {
                    lines.push(format!("{about}{} {}", counts[s as usize], s.label()));
                }
            }
            let state = State::ALL
                .into_iter()
                .filter(|s| counts[*s as usize] > 0)
                .max_by_key(|s| counts[*s as usize]);
            Some(Hover {
                row,
                name,
                state,
                start_ns: t,
                duration_ns: 0,
                lines,
            })
        }
    }
}

fn span_hover(chart: &Chart, row: usize, name: String, g: GoId, span: &Span) -> Hover {
    let mut lines = vec![
        format!("{name} · {}", span.state.label()),
        format!(
            "from {} for {}",
            format_ns(span.start as f64),
            format_ns(span.duration() as f64)
        ),
    ];
    match span.state {
        State::Send | State::Recv | State::Select if span.obj != 0 => {
            let cap = chart
                .trace
                .chans
                .get(span.obj as usize)
                .map_or(0, |c| c.cap);
            let what = if span.state == State::Select {
                "first case"
            } else {
                "channel"
            };
            let chan = chart.trace.chan_name(span.obj);
            lines.push(format!("{what}: {chan} (cap {cap})"));
            if let Some(a) = completed_by(&chart.timeline, g, span) {
                lines.push(if a.recv_g == g {
                    format!(
                        "received value #{} sent by {}",
                        a.seq + 1,
                        chart.trace.name(a.send_g)
                    )
                } else {
                    format!(
                        "sent value #{} received by {}",
                        a.seq + 1,
                        chart.trace.name(a.recv_g)
                    )
                });
            }
        }
        State::Send | State::Recv => lines.push("channel: nil (blocks forever)".to_string()),
        State::Cpu => lines.push(format!("on processor P{}", span.obj)),
        State::Executor => lines.push(format!("on executor {}", span.obj)),
        _ => {}
    }
    Hover {
        row,
        name,
        state: Some(span.state),
        start_ns: span.start,
        duration_ns: span.duration(),
        lines,
    }
}

/// For keyboard focus: the span of lane row `row` after (`forward`) or before the one at `t`,
/// or the first (last) one when `t` is in none. `None` for group rows and past the ends.
pub fn step_span(
    chart: &Chart,
    layout: &Layout,
    row: usize,
    t: u64,
    forward: bool,
) -> Option<Span> {
    let RowKind::Lane(g) = layout.rows.get(row)?.kind else {
        return None;
    };
    let spans = &chart.timeline.lanes[g as usize].spans;
    if forward {
        // The first span starting after `t`.
        let i = spans.partition_point(|s| s.start <= t);
        spans.get(i).copied()
    } else {
        // The last span ending at or before the start of the one at `t`.
        let at = spans.partition_point(|s| s.end <= t);
        let start = spans
            .get(at)
            .filter(|s| s.start <= t)
            .map_or(t, |s| s.start);
        let i = spans.partition_point(|s| s.end <= start);
        i.checked_sub(1).and_then(|i| spans.get(i)).copied()
    }
}

/// The arrow whose send or receive by `g` ended `span`'s wait, if one did.
fn completed_by<'a>(tl: &'a Timeline, g: GoId, span: &Span) -> Option<&'a Arrow> {
    // Arrows are sorted by receive time: a receive ending the span is found directly; a send
    // that unblocked is received at or after the span's end.
    let first = tl.arrows.partition_point(|a| a.recv_t < span.end);
    tl.arrows[first..].iter().take(4096).find(|a| {
        (a.recv_g == g && a.recv_t == span.end) || (a.send_g == g && a.send_t == span.end)
    })
}

#[cfg(test)]
mod tests {
    use super::super::data::tests::sample;
    use super::super::layout::LANE_HEIGHT;
    use super::super::state::STATES;
    use super::*;
    use crate::rt::trace::Kind;
    use std::collections::BTreeSet;

    fn spec(width: f64) -> FrameSpec {
        FrameSpec {
            view: Viewport {
                start: 0.0,
                end: 10.0,
            },
            width,
            scroll_top: 0.0,
            height: 400.0,
            arrows: true,
        }
    }

    #[test]
    fn a_frame_draws_lanes_arrows_and_an_axis() {
        let chart = Chart::build(sample());
        let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
        let f = frame(&chart, &layout, &spec(100.0));
        let names: Vec<_> = f.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["main", "worker 1"]);
        assert_eq!(
            f.rows[1].bars,
            [Bar {
                x0: 0,
                x1: 100,
                state: State::Recv
            }]
        );
        assert_eq!(f.arrows.len(), 1);
        let a = f.arrows[0];
        assert_eq!((a.x1, a.x2), (100.0, 100.0));
        assert_eq!((a.y1, a.y2), (LANE_HEIGHT / 2.0, LANE_HEIGHT * 1.5));
        assert!(!f.axis.ticks.is_empty());
        assert!(f.elements() > 4);
    }

    #[test]
    fn what_a_frame_draws_is_bounded_by_the_screen_not_the_events() {
        // worker 1 blocks and wakes 100,000 times, 3 ns apart.
        let mut t = sample();
        t.events.truncate(4);
        let ev = |t, g, obj, arg, kind| crate::rt::trace::Event {
            t,
            g,
            obj,
            arg,
            kind,
            proc: 0,
        };
        for i in 0..100_000u64 {
            t.events.push(ev(i * 3, 2, 1, 4, Kind::GoState));
            t.events.push(ev(i * 3 + 2, 2, 0, 0, Kind::GoState));
        }
        t.end_ns = 300_000;
        let chart = Chart::build(t);
        assert!(chart.timeline.lanes[2].spans.len() >= 100_000);
        let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
        let f = frame(
            &chart,
            &layout,
            &FrameSpec {
                view: Viewport::fit(300_000),
                width: 200.0,
                scroll_top: 0.0,
                height: 400.0,
                arrows: true,
            },
        );
        let worker = &f.rows[1];
        assert!(worker.bars.len() <= 200 && worker.marks.len() <= 200);
        assert!(
            f.elements() <= 2 * (3 + STATES + 1),
            "{} elements",
            f.elements()
        );
    }

    #[test]
    fn a_groups_tooltip_counts_its_members_states() {
        let mut t = sample();
        t.events.truncate(1);
        let ev = |t, g, arg, kind| crate::rt::trace::Event {
            t,
            g,
            obj: 0,
            arg,
            kind,
            proc: 0,
        };
        t.goroutines.truncate(2);
        for g in 2..50_002u32 {
            t.goroutines.push(crate::rt::trace::GInfo {
                label: 1,
                index: g - 1,
                parent: 1,
                created_ns: 0,
            });
            t.events.push(ev(0, g, 0, Kind::GoCreate));
            // Every fourth one sleeps; the others block on a receive.
            let state = if g % 4 == 0 { 9 } else { 4 };
            t.events.push(ev(0, g, state, Kind::GoState));
        }
        t.end_ns = 10;
        let chart = Chart::build(t);
        let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
        let h = describe(&chart, &layout, 1, 5).unwrap();
        assert_eq!(h.lines[0], "worker ×50000 (collapsed) at 5ns");
        assert_eq!(h.state, Some(State::Recv));
        // A sample of 50,000 members, scaled: close to the true 37,500 and 12,500.
        assert!(h.lines[1].starts_with("about 3"), "{:?}", h.lines);
        assert!(h.lines[2].starts_with("about 1"), "{:?}", h.lines);
    }

    #[test]
    fn hovering_a_span_explains_it() {
        let chart = Chart::build(sample());
        let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
        let scale = TimeScale::new(
            Viewport {
                start: 0.0,
                end: 10.0,
            },
            100.0,
        );
        let h = hover(&chart, &layout, &scale, 50.0, LANE_HEIGHT * 1.5, 2.0).unwrap();
        assert_eq!(h.state, Some(State::Recv));
        assert_eq!(h.duration_ns, 10);
        assert_eq!(h.lines[0], "worker 1 · blocked on receive");
        assert_eq!(h.lines[2], "channel: jobs (cap 0)");
        assert_eq!(h.lines[3], "received value #1 sent by main");
        // main's instant at 0.
        let m = hover(&chart, &layout, &scale, 1.0, 5.0, 2.0).unwrap();
        assert_eq!(m.duration_ns, 0);
        assert!(hover(&chart, &layout, &scale, 50.0, 1e6, 2.0).is_none());
    }

    #[test]
    fn focus_steps_through_a_lanes_spans() {
        let mut t = sample();
        // main: sleep 0..10, then (from the end of the run) done until 30.
        t.end_ns = 30;
        let chart = Chart::build(t);
        let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
        let first = step_span(&chart, &layout, 0, 0, true).unwrap();
        assert_eq!((first.start, first.state), (10, State::Done));
        let back = step_span(&chart, &layout, 0, 15, false).unwrap();
        assert_eq!((back.start, back.end), (0, 10));
        assert!(step_span(&chart, &layout, 0, 5, false).is_none());
        assert!(step_span(&chart, &layout, 0, 20, true).is_none());
        // Where an instant and a span meet, the keyboard describes the span.
        let d = describe(&chart, &layout, 0, 10).unwrap();
        assert_eq!(d.state, Some(State::Done));
    }
}
