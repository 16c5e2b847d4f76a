//! SVG markup of the views, written from their models: what the page shows and what "export
//! as SVG" saves are the same markup, and both are tested here without a browser.
//!
//! The page inserts this markup as is (parsing a string is far quicker than diffing thousands
//! of virtual nodes) and handles the pointer over it with [`super::frame::hover`]. Every
//! string that comes from a trace is escaped. Shapes carry their colours as attributes, so an
//! exported file stands alone; text takes its colour from CSS classes (`lane-name`, `tick`),
//! which the page's stylesheet sets and [`standalone_timeline`] embeds.

use std::fmt::Write as _;

use super::chans::{occupancy_path, ChanStats};
use super::frame::{frame, Chart, Frame, FrameSpec};
use super::layout::{Layout, RowKind};
use super::procs;
use super::scale::{format_ns, TimeScale, Viewport};
use super::state::{legend, State};

/// Width of the lane names' column, left of the plot.
pub const LABEL_WIDTH: f64 = 150.0;
/// Height of the time axis.
pub const AXIS_HEIGHT: f64 = 24.0;
/// Height of a processor's or channel's row.
pub const ROW_HEIGHT: f64 = 28.0;

/// Height of the ticks marking instants at which a goroutine ran.
pub const MARK_HEIGHT: f64 = 7.0;

/// Marks drawn over the lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Overlay {
    /// An instant picked by the reader (an output line), ns.
    pub marker: Option<f64>,
    /// The replay's playhead, ns.
    pub playhead: Option<f64>,
    /// The span with keyboard focus: row, start and end (ns).
    pub focus: Option<(usize, u64, u64)>,
}

/// The lanes of `frame` (rows in view only) as an SVG `LABEL_WIDTH + width` wide and as tall
/// as the whole layout, so that it scrolls natively.
pub fn lanes(frame: &Frame, layout: &Layout, overlay: &Overlay) -> String {
    let width = LABEL_WIDTH + frame.scale.width;
    let mut s = String::with_capacity(256 + frame.elements() * 64);
    let _ = write!(
        s,
        r#"<svg class="lanes" width="{width:.0}" height="{:.0}" viewBox="0 0 {width:.0} {:.0}" role="img" aria-label="goroutine lanes">"#,
        layout.height.max(1.0),
        layout.height.max(1.0),
    );
    s.push_str(ARROW_DEFS);
    lanes_body(&mut s, frame, overlay, layout.height);
    s.push_str("</svg>");
    s
}

const ARROW_DEFS: &str = r##"<defs><marker id="ah" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L6 3L0 6z" fill="#333"/></marker></defs>"##;

fn lanes_body(s: &mut String, frame: &Frame, overlay: &Overlay, height: f64) {
    let x0 = LABEL_WIDTH;
    for row in &frame.rows {
        let (y, h) = (row.y, row.height);
        let stripe = if row.row % 2 == 0 { "even" } else { "odd" };
        let _ = write!(
            s,
            r#"<g class="row {stripe}" data-row="{}"><rect class="bg" x="0" y="{y:.1}" width="{:.1}" height="{h:.1}"/>"#,
            row.row,
            x0 + frame.scale.width
        );
        let indent = if row.nested { 18.0 } else { 6.0 };
        let (class, name) = match row.kind {
            RowKind::Lane(_) => ("lane-name", escape(&row.name)),
            RowKind::Group { expanded, .. } => (
                "lane-name group",
                format!("{} {}", if expanded { "▾" } else { "▸" }, escape(&row.name)),
            ),
        };
        let lane_attr = match row.kind {
            RowKind::Lane(g) => format!(
                r#" data-lane="{}" data-g="{g}" data-line="{}""#,
                escape(&row.name),
                row.line
            ),
            RowKind::Group { .. } => format!(
                r#" data-group="{}" data-line="{}""#,
                escape(&row.name),
                row.line
            ),
        };
        // A name from the source says where the source declares it.
        let title = if row.line > 0 {
            format!("<title>declared at prog.go:{}</title>", row.line)
        } else {
            String::new()
        };
        let _ = write!(
            s,
            r#"<text class="{class}"{lane_attr} x="{indent}" y="{:.1}">{name}{title}</text>"#,
            y + h / 2.0 + 4.0
        );
        // One path per state: a row costs the page a few elements however many bars it has.
        for state in State::ALL {
            let mut bars = row.bars.iter().filter(|b| b.state == state).peekable();
            if bars.peek().is_none() {
                continue;
            }
            let (by, bh) = if state == State::Done {
                (y + h / 2.0 - 1.0, 2.0)
            } else {
                (y + 3.0, h - 6.0)
            };
            let _ = write!(
                s,
                r#"<path class="s-{}" fill="{}" d=""#,
                state.key(),
                state.color()
            );
            for b in bars {
                let _ = write!(
                    s,
                    "M{:.0} {by:.1}h{}v{bh:.1}h-{}z",
                    x0 + b.x0 as f64,
                    b.x1 - b.x0,
                    b.x1 - b.x0
                );
            }
            s.push_str(r#""/>"#);
        }
        // Instants are ticks along the top of the lane, so that a lane busy with them still
        // shows the states between.
        if !row.marks.is_empty() {
            let _ = write!(
                s,
                r#"<path class="mark" fill="{}" d=""#,
                State::Running.color()
            );
            for &(a, b) in &row.marks {
                let _ = write!(
                    s,
                    "M{:.0} {:.1}h{}v{MARK_HEIGHT}h-{}z",
                    x0 + a as f64,
                    y + 1.0,
                    b - a,
                    b - a
                );
            }
            s.push_str(r#""/>"#);
        }
        s.push_str("</g>");
    }
    if !frame.arrows.is_empty() {
        s.push_str(r##"<g class="arrows" stroke="#333" stroke-opacity="0.55" stroke-width="1" fill="none">"##);
        for a in &frame.arrows {
            let _ = write!(
                s,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" marker-end="url(#ah)"/>"#,
                x0 + a.x1,
                a.y1,
                x0 + a.x2,
                a.y2
            );
        }
        s.push_str("</g>");
    }
    if let Some((row, start, end)) = overlay.focus {
        if let Some(r) = frame.rows.iter().find(|r| r.row == row) {
            let xa = frame
                .scale
                .x(start as f64)
                .clamp(-2.0, frame.scale.width + 2.0);
            let xb = frame
                .scale
                .x(end as f64)
                .clamp(-2.0, frame.scale.width + 2.0);
            let _ = write!(
                s,
                r#"<rect class="focus" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke-width="2"/>"#,
                x0 + xa - 1.0,
                r.y + 1.0,
                (xb - xa).max(0.0) + 2.0,
                r.height - 2.0
            );
        }
    }
    for (t, class) in [(overlay.marker, "marker"), (overlay.playhead, "playhead")] {
        let Some(t) = t else { continue };
        let x = frame.scale.x(t);
        if (0.0..=frame.scale.width).contains(&x) {
            let _ = write!(
                s,
                r#"<line class="{class}" x1="{:.1}" y1="0" x2="{:.1}" y2="{height:.0}"/>"#,
                x0 + x,
                x0 + x
            );
        }
    }
}

/// The time axis of `frame`, `LABEL_WIDTH + width` wide.
pub fn axis(frame: &Frame, overlay: &Overlay) -> String {
    let width = LABEL_WIDTH + frame.scale.width;
    let mut s = String::with_capacity(1024);
    let _ = write!(
        s,
        r#"<svg class="axis" width="{width:.0}" height="{AXIS_HEIGHT:.0}" viewBox="0 0 {width:.0} {AXIS_HEIGHT:.0}">"#
    );
    axis_body(&mut s, frame, overlay, 0.0);
    s.push_str("</svg>");
    s
}

fn axis_body(s: &mut String, frame: &Frame, overlay: &Overlay, top: f64) {
    let x0 = LABEL_WIDTH;
    let base = top + AXIS_HEIGHT - 1.0;
    let _ = write!(
        s,
        r#"<line class="axis-line" x1="{x0}" y1="{base:.1}" x2="{:.1}" y2="{base:.1}"/>"#,
        x0 + frame.scale.width
    );
    if let Some(origin) = &frame.axis.origin {
        let _ = write!(
            s,
            r#"<text class="tick origin" x="6" y="{:.1}">from {}</text>"#,
            top + 15.0,
            escape(origin)
        );
    }
    let n = frame.axis.ticks.len();
    for (i, t) in frame.axis.ticks.iter().enumerate() {
        let x = x0 + t.x;
        // The last label is right-aligned so it stays inside the plot.
        let anchor = if i + 1 == n && t.x > frame.scale.width - 30.0 {
            "end"
        } else if t.x < 8.0 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            s,
            r#"<line class="tick-line" x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{base:.1}"/><text class="tick" x="{x:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            base - 5.0,
            top + 14.0,
            escape(&t.label)
        );
    }
    for (t, class) in [(overlay.marker, "marker"), (overlay.playhead, "playhead")] {
        let Some(t) = t else { continue };
        let x = frame.scale.x(t);
        if (0.0..=frame.scale.width).contains(&x) {
            let _ = write!(
                s,
                r#"<path class="{class}" d="M{:.1} {:.1}l-5 -7h10z"/>"#,
                x0 + x,
                base
            );
        }
    }
}

/// The whole timeline in `view` as a file: every row (not only those in view), the axis, the
/// legend, and the styles it needs.
pub fn standalone_timeline(
    chart: &Chart,
    layout: &Layout,
    view: Viewport,
    width: f64,
    arrows: bool,
    title: &str,
) -> String {
    let f = frame(
        chart,
        layout,
        &FrameSpec {
            view,
            width,
            scroll_top: 0.0,
            height: layout.height,
            arrows,
        },
    );
    let legend_h = 24.0;
    let title_h = 24.0;
    let total_w = LABEL_WIDTH + width;
    let total_h = title_h + AXIS_HEIGHT + layout.height + legend_h;
    let mut s = String::with_capacity(4096 + f.elements() * 64);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{total_w:.0}" height="{total_h:.0}" viewBox="0 0 {total_w:.0} {total_h:.0}" font-family="system-ui, sans-serif" font-size="12">"#
    );
    s.push_str(STANDALONE_STYLE);
    let _ = write!(
        s,
        r##"<rect width="100%" height="100%" fill="#fff"/><text class="title" x="6" y="16">{}</text>"##,
        escape(title)
    );
    let _ = write!(s, r#"<g transform="translate(0 {title_h})">"#);
    axis_body(&mut s, &f, &Overlay::default(), 0.0);
    s.push_str("</g>");
    let _ = write!(
        s,
        r#"<g transform="translate(0 {:.0})">"#,
        title_h + AXIS_HEIGHT
    );
    s.push_str(ARROW_DEFS);
    lanes_body(&mut s, &f, &Overlay::default(), layout.height);
    s.push_str("</g>");
    let _ = write!(
        s,
        r#"<g transform="translate(6 {:.0})">"#,
        title_h + AXIS_HEIGHT + layout.height + 6.0
    );
    let mut x = 0.0;
    for e in legend(chart.timeline.real_mode) {
        let _ = write!(
            s,
            r#"<rect x="{x:.0}" y="0" width="12" height="12" fill="{}"/><text class="tick" x="{:.0}" y="10">{}</text>"#,
            e.color,
            x + 16.0,
            e.label
        );
        x += 24.0 + e.label.len() as f64 * 6.5;
    }
    s.push_str("</g></svg>");
    s
}

const STANDALONE_STYLE: &str = "<style>.bg{fill:#fff}.odd .bg{fill:#f4f6f8}.lane-name,.tick,.title{fill:#1c2430}.group{font-weight:600}.title{font-weight:600;font-size:13px}.tick-line,.axis-line{stroke:#9aa5b4}</style>";

/// The processor view: a lane per processor with the CPU work it ran, and its utilisation.
pub fn processors(chart: &Chart, scale: &TimeScale) -> String {
    let n = chart.timeline.procs.len();
    let width = LABEL_WIDTH + scale.width;
    let height = n as f64 * ROW_HEIGHT;
    let mut s = String::with_capacity(1024);
    let _ = write!(
        s,
        r#"<svg class="procs" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" role="img" aria-label="processors">"#
    );
    let (from, to) = (
        scale.view.start.max(0.0) as u64,
        scale.view.end.max(0.0).ceil() as u64 + 1,
    );
    let mut agg = super::aggregate::Aggregator::new(*scale);
    for (p, spans) in chart.timeline.procs.iter().enumerate() {
        let y = p as f64 * ROW_HEIGHT;
        let stripe = if p % 2 == 0 { "even" } else { "odd" };
        let util = chart.procs.get(p).map_or(0.0, |s| s.utilisation);
        let view_busy = procs::busy_in(spans, from, to) as f64 / scale.view.span().max(1.0);
        let _ = write!(
            s,
            r#"<g class="row {stripe}" data-proc="{p}" data-utilisation="{util:.4}"><rect class="bg" x="0" y="{y:.0}" width="{width:.0}" height="{ROW_HEIGHT:.0}"/><text class="lane-name" x="6" y="{:.1}">P{p} · {:.0}%</text><title>P{p}: busy {:.1}% of the run, {:.1}% of this window</title>"#,
            y + ROW_HEIGHT / 2.0 + 4.0,
            util * 100.0,
            util * 100.0,
            view_busy.min(1.0) * 100.0
        );
        for w in procs::spans_in(spans, from, to) {
            agg.add(w.start, w.end, State::Cpu);
        }
        let bars = agg.finish();
        if !bars.is_empty() {
            // One path for the processor's work, as for a goroutine's lane.
            let _ = write!(s, r#"<path fill="{}" d=""#, State::Cpu.color());
            for b in &bars {
                let _ = write!(
                    s,
                    "M{:.0} {:.0}h{}v{:.0}h-{}z",
                    LABEL_WIDTH + b.x0 as f64,
                    y + 4.0,
                    b.x1 - b.x0,
                    ROW_HEIGHT - 8.0,
                    b.x1 - b.x0
                );
            }
            s.push_str(r#""/>"#);
        }
        for b in bars.iter().filter(|b| b.x1 - b.x0 >= 60) {
            // Name the goroutine when the bar is one piece of work wide enough to read.
            let mid = scale.t((b.x0 + b.x1) as f64 / 2.0) as u64;
            if let Some(w) = procs::span_at(spans, mid) {
                if scale.x(w.start as f64) >= b.x0 as f64 - 1.0
                    && scale.x(w.end as f64) <= b.x1 as f64 + 1.0
                {
                    let _ = write!(
                        s,
                        r#"<text class="bar-label" x="{:.0}" y="{:.1}">{}</text>"#,
                        LABEL_WIDTH + b.x0 as f64 + 4.0,
                        y + ROW_HEIGHT / 2.0 + 4.0,
                        escape(&chart.trace.name(w.g))
                    );
                }
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// The channels view: per channel in `chans`, its buffer's occupancy as a step chart.
pub fn channels(chans: &[&ChanStats], scale: &TimeScale) -> String {
    let width = LABEL_WIDTH + scale.width;
    let height = chans.len() as f64 * ROW_HEIGHT;
    let mut s = String::with_capacity(1024);
    let _ = write!(
        s,
        r#"<svg class="chans" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" role="img" aria-label="channel buffers">"#
    );
    for (i, c) in chans.iter().enumerate() {
        let y = i as f64 * ROW_HEIGHT;
        let stripe = if i % 2 == 0 { "even" } else { "odd" };
        let label = if c.cap == 0 {
            format!("{} · unbuffered", escape(&c.name))
        } else {
            format!("{} · cap {}", escape(&c.name), c.cap)
        };
        let _ = write!(
            s,
            r#"<g class="row {stripe}" data-chan="{}" data-line="{}"><rect class="bg" x="0" y="{y:.0}" width="{width:.0}" height="{ROW_HEIGHT:.0}"/><text class="lane-name" x="6" y="{:.1}">{label}</text>"#,
            c.id,
            c.line,
            y + ROW_HEIGHT / 2.0 + 4.0
        );
        if c.cap > 0 {
            let d = occupancy_path(&c.series, scale, ROW_HEIGHT - 6.0, c.cap);
            let _ = write!(
                s,
                r##"<path transform="translate({LABEL_WIDTH} {:.1})" d="{d}" fill="none" stroke="#0072B2" stroke-width="1.5"/>"##,
                y + 3.0
            );
        }
        if let Some(t) = c.closed_at {
            let x = scale.x(t as f64);
            if (0.0..=scale.width).contains(&x) {
                let _ = write!(
                    s,
                    r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#D55E00" stroke-width="2"><title>closed at {}</title></line>"##,
                    LABEL_WIDTH + x,
                    y + 2.0,
                    LABEL_WIDTH + x,
                    y + ROW_HEIGHT - 2.0,
                    format_ns(t as f64)
                );
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// `text` safe inside SVG text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::chans::channel_stats;
    use super::super::data::tests::sample;
    use super::*;
    use std::collections::BTreeSet;

    fn setup() -> (Chart, Layout) {
        let chart = Chart::build(sample());
        let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
        (chart, layout)
    }

    #[test]
    fn lanes_name_every_goroutine_and_draw_states() {
        let (chart, layout) = setup();
        let f = frame(
            &chart,
            &layout,
            &FrameSpec {
                view: Viewport {
                    start: 0.0,
                    end: 10.0,
                },
                width: 200.0,
                scroll_top: 0.0,
                height: 300.0,
                arrows: true,
            },
        );
        let svg = lanes(
            &f,
            &layout,
            &Overlay {
                marker: Some(5.0),
                ..Overlay::default()
            },
        );
        assert!(svg.contains(r#"data-lane="main""#));
        assert!(svg.contains(r#"data-lane="worker 1""#));
        assert!(svg.contains(State::Recv.color()));
        assert!(svg.contains("marker-end"));
        assert!(svg.contains(r#"class="marker" x1="250.0""#));
        // The frame's count of elements is what the markup holds (with the arrowhead's
        // definition and the overlay's marker line on top).
        let elements = svg.matches('<').count() - svg.matches("</").count();
        assert_eq!(elements, 1 + 3 + f.elements() + 1, "{svg}");
    }

    #[test]
    fn a_standalone_file_parses_as_xml_and_escapes_names() {
        let (mut chart, _) = setup();
        chart.trace.labels[1].name = "w<&>\"".into();
        chart.groups = super::super::layout::groups(&chart.trace);
        let layout = Layout::new(chart.groups.clone(), &BTreeSet::new());
        let svg = standalone_timeline(&chart, &layout, Viewport::fit(10), 400.0, true, "a & b");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("w&lt;&amp;&gt;&quot; 1"));
        assert!(svg.contains("a &amp; b"));
        assert!(!svg.contains("w<&"));
        // Balanced elements.
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
        for e in legend(false) {
            assert!(svg.contains(e.label));
        }
    }

    #[test]
    fn processor_and_channel_views_draw_their_rows() {
        let (chart, _) = setup();
        let scale = TimeScale::new(Viewport::fit(10), 300.0);
        let p = processors(&chart, &scale);
        assert_eq!(p.matches("data-proc=").count(), 2);
        assert!(p.contains("P0 · 0%"));
        let stats = channel_stats(&chart.trace, &chart.timeline);
        let refs: Vec<&ChanStats> = stats.iter().collect();
        let c = channels(&refs, &scale);
        assert!(c.contains("jobs · unbuffered"), "{c}");
    }

    #[test]
    fn the_axis_labels_its_ticks() {
        let (chart, layout) = setup();
        let f = frame(
            &chart,
            &layout,
            &FrameSpec {
                view: Viewport {
                    start: 0.0,
                    end: 200e6,
                },
                width: 660.0,
                scroll_top: 0.0,
                height: 100.0,
                arrows: false,
            },
        );
        let a = axis(&f, &Overlay::default());
        for label in ["50ms", "100ms", "150ms", "200ms"] {
            assert!(a.contains(&format!(">{label}</text>")), "{label}");
        }
    }
}
