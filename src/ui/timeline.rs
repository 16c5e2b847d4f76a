//! The goroutine timeline: a lane per goroutine (or per collapsed group), the time axis, the
//! send→receive arrows, a tooltip for what is under the pointer or the keyboard focus.
//!
//! Drawing is [`crate::chart::svg`]'s markup of one [`crate::chart::frame`]: only the rows in
//! the scrolled window, one bar per pixel column at most. The component handles input and
//! turns it into view changes for its parent:
//! - Ctrl+wheel (a trackpad pinch arrives so), or the wheel over the axis, zooms about the
//!   pointer; a horizontal wheel or Shift+wheel pans; a plain wheel scrolls the lanes.
//! - Dragging pans; two fingers pinch to zoom.
//! - Keys (with focus on the timeline): ↑/↓ pick a lane, ←/→ step through its spans, + and −
//!   zoom, 0 fits the run, Enter opens or closes a group, Escape drops the focus.
//! - Clicking a group's row opens or closes it; clicking a lane's name shows the line of its
//!   function in the source.

use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::frame::{describe, frame, hover, step_span, FrameSpec, Hover};
use crate::chart::layout::RowKind;
use crate::chart::scale::{format_ns, Viewport};
use crate::chart::svg::{self, Overlay, LABEL_WIDTH};

use super::trace_views::{ChartRef, LayoutRef};

/// The lanes' most visible height; taller layouts scroll.
const MAX_HEIGHT: f64 = 420.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub chart: ChartRef,
    pub layout: LayoutRef,
    pub view: Viewport,
    /// Plot width in pixels (the names' column excluded).
    pub width: f64,
    pub arrows: bool,
    /// An instant picked in the output (ns).
    pub marker: Option<u64>,
    /// The replay's playhead (ns).
    pub playhead: Option<f64>,
    /// When the trace's message arrived (`performance.now()`), to time the first view.
    pub received_ms: f64,
    pub on_view: Callback<Viewport>,
    /// Opens or closes the group of this label.
    pub on_toggle: Callback<u32>,
    /// Shows a line of the source: the function of the lane whose name was clicked.
    #[prop_or_default]
    pub on_show_line: Option<Callback<u32>>,
}

/// Pointers down on the lanes, for drag and pinch.
#[derive(Default)]
struct Gesture {
    /// Pointer id → where it went down and where it is (client x).
    pointers: HashMap<i32, (f64, f64)>,
    /// The view when the gesture started.
    start_view: Option<Viewport>,
    /// Set once the pointer moved enough to be a drag, not a click.
    moved: bool,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let root = use_node_ref();
    let scroller = use_node_ref();
    let scroll_top = use_state(|| 0.0f64);
    let tip = use_state(|| None::<(Hover, f64, f64)>);
    let focus = use_state(|| None::<(usize, u64)>);
    let gesture = use_mut_ref(Gesture::default);

    let chart = props.chart.0.clone();
    let layout = props.layout.0.clone();
    let total = chart.end_ns();
    let view = props.view;
    let width = props.width;
    // The lanes' box is as tall as the layout, up to a maximum: known without measuring (a
    // measurement would force the page's layout while it is being built).
    let height = layout.height.clamp(40.0, MAX_HEIGHT);

    let spec = FrameSpec {
        view,
        width,
        scroll_top: *scroll_top,
        height,
        arrows: props.arrows,
    };
    let f = {
        let chart = chart.clone();
        let layout = layout.clone();
        use_memo(
            (
                Rc::as_ptr(&chart) as usize,
                Rc::as_ptr(&layout) as usize,
                (spec.view.start, spec.view.end, spec.width),
                (spec.scroll_top, spec.height, spec.arrows),
            ),
            move |_| frame(&chart, &layout, &spec),
        )
    };
    let focus_span = focus.and_then(|(row, t)| {
        let RowKind::Lane(g) = layout.rows.get(row)?.kind else {
            return None;
        };
        let s = chart.timeline.lanes[g as usize].span_at(t)?;
        Some((row, s.start, s.end))
    });
    let lanes_svg = {
        let f = f.clone();
        let layout = layout.clone();
        use_memo((Rc::as_ptr(&f) as usize, focus_span), move |_| {
            let overlay = Overlay {
                focus: focus_span,
                ..Overlay::default()
            };
            AttrValue::from(svg::lanes(&f, &layout, &overlay))
        })
    };
    let axis_svg = {
        let f = f.clone();
        use_memo(Rc::as_ptr(&f) as usize, move |_| {
            AttrValue::from(svg::axis(&f, &Overlay::default()))
        })
    };

    // Time the first view of each new trace: from its message's arrival to the first paint
    // after it is drawn (a frame, then a task after that frame).
    {
        let root = root.clone();
        let received = props.received_ms;
        use_effect_with(Rc::as_ptr(&chart) as usize, move |_| {
            let stamp = move || {
                if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = p.mark("chanlab:first-view");
                }
                if let (Some(el), Some(now)) = (root.cast::<web_sys::Element>(), now_ms()) {
                    let _ =
                        el.set_attribute("data-first-view-ms", &format!("{:.1}", now - received));
                }
            };
            after_paint(stamp);
        });
    }

    let on_scroll = {
        let scroll_top = scroll_top.clone();
        let tip = tip.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                scroll_top.set(el.scroll_top() as f64);
            }
            tip.set(None);
        })
    };

    // Plot x and row y of a pointer, from the lanes' scroller.
    let locate = {
        let scroller = scroller.clone();
        move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
            let el = scroller.cast::<web_sys::Element>()?;
            let r = el.get_bounding_client_rect();
            Some((
                client_x - r.left() - LABEL_WIDTH,
                client_y - r.top() + el.scroll_top() as f64,
            ))
        }
    };

    let on_wheel = {
        let on_view = props.on_view.clone();
        let scroller = scroller.clone();
        Callback::from(move |e: WheelEvent| {
            let unit = match e.delta_mode() {
                1 => 16.0,
                2 => 400.0,
                _ => 1.0,
            };
            let (dx, dy) = (e.delta_x() * unit, e.delta_y() * unit);
            let lanes_top = scroller
                .cast::<web_sys::Element>()
                .map_or(f64::MAX, |el| el.get_bounding_client_rect().top());
            let over_axis = (e.client_y() as f64) < lanes_top;
            let horizontal = dx.abs() > dy.abs() || e.shift_key();
            let x = scroller
                .cast::<web_sys::Element>()
                .map_or(0.0, |el| el.get_bounding_client_rect().left());
            let x = e.client_x() as f64 - x - LABEL_WIDTH;
            if horizontal {
                e.prevent_default();
                let d = if dx.abs() > dy.abs() { dx } else { dy };
                on_view.emit(view.pan(d / width, total));
            } else if e.ctrl_key() || e.meta_key() || over_axis {
                e.prevent_default();
                let factor = (-dy * 0.002).exp();
                on_view.emit(view.zoom(factor, x / width, total));
            }
        })
    };

    let on_pointer_down = {
        let gesture = gesture.clone();
        let locate = locate.clone();
        let scroller = scroller.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let Some((x, _)) = locate(e.client_x() as f64, e.client_y() as f64) else {
                return;
            };
            if x > width {
                // The scrollbar: the browser's.
                return;
            }
            let mut g = gesture.borrow_mut();
            if g.pointers.is_empty() {
                g.moved = false;
            }
            g.pointers
                .insert(e.pointer_id(), (e.client_x() as f64, e.client_x() as f64));
            g.start_view = Some(view);
            // Restart every finger's origin, so a second finger starts a pinch from here.
            for p in g.pointers.values_mut() {
                p.0 = p.1;
            }
            if x >= 0.0 {
                // Yew delegates events from the app's root: capture on the lanes themselves.
                if let Some(el) = scroller.cast::<web_sys::Element>() {
                    let _ = el.set_pointer_capture(e.pointer_id());
                }
            }
        })
    };

    let on_pointer_move = {
        let gesture = gesture.clone();
        let tip = tip.clone();
        let on_view = props.on_view.clone();
        let chart = chart.clone();
        let layout = layout.clone();
        let f = f.clone();
        let locate = locate.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            if let Some(p) = g.pointers.get_mut(&e.pointer_id()) {
                p.1 = e.client_x() as f64;
            }
            let start = g.start_view;
            match (g.pointers.len(), start) {
                (1, Some(start)) => {
                    let (x0, x1) = *g.pointers.values().next().expect("one pointer");
                    if (x1 - x0).abs() > 3.0 {
                        g.moved = true;
                    }
                    if g.moved {
                        tip.set(None);
                        on_view.emit(start.pan(-(x1 - x0) / width, total));
                    }
                    return;
                }
                (2, Some(start)) => {
                    let mut it = g.pointers.values();
                    let (a, b) = (*it.next().expect("two"), *it.next().expect("two"));
                    let before = (a.0 - b.0).abs().max(1.0);
                    let now = (a.1 - b.1).abs().max(1.0);
                    g.moved = true;
                    let mid = (a.0 + b.0) / 2.0;
                    let anchor = locate(mid, 0.0).map_or(0.5, |(x, _)| x / width);
                    on_view.emit(start.zoom(now / before, anchor, total));
                    return;
                }
                _ => {}
            }
            drop(g);
            let Some((x, y)) = locate(e.client_x() as f64, e.client_y() as f64) else {
                return;
            };
            let found = if x >= 0.0 && x <= width {
                hover(&chart, &layout, &f.scale, x, y, 3.0)
            } else {
                None
            };
            tip.set(found.map(|h| (h, e.client_x() as f64, e.client_y() as f64)));
        })
    };

    let on_pointer_up = {
        let gesture = gesture.clone();
        let layout = layout.clone();
        let on_toggle = props.on_toggle.clone();
        let on_show_line = props.on_show_line.clone();
        let chart = chart.clone();
        let locate = locate.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let was_click = !g.moved && g.pointers.len() == 1;
            g.pointers.remove(&e.pointer_id());
            if g.pointers.is_empty() {
                g.start_view = None;
            }
            drop(g);
            if !was_click {
                return;
            }
            // A click on a group's row opens or closes it; on a lane's name, it shows the
            // lane's function in the source.
            let Some((x, y)) = locate(e.client_x() as f64, e.client_y() as f64) else {
                return;
            };
            if let Some(i) = layout.row_at(y) {
                match layout.rows[i].kind {
                    RowKind::Group { group, .. } => on_toggle.emit(layout.groups[group].label),
                    RowKind::Lane(g) if x < 0.0 => {
                        let line = chart.trace.line(g);
                        if let (Some(show), true) = (&on_show_line, line > 0) {
                            show.emit(line);
                        }
                    }
                    RowKind::Lane(_) => {}
                }
            }
        })
    };

    let on_pointer_cancel = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.remove(&e.pointer_id());
            if g.pointers.is_empty() {
                g.start_view = None;
            }
        })
    };

    // `pointerleave` does not bubble to Yew's delegated listener: watch `pointerout` for a
    // pointer going somewhere outside the lanes.
    let on_leave = {
        let tip = tip.clone();
        let scroller = scroller.clone();
        Callback::from(move |e: PointerEvent| {
            let to = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let inside = match (scroller.cast::<web_sys::Node>(), to) {
                (Some(lanes), Some(to)) => lanes.contains(Some(&to)),
                _ => false,
            };
            if !inside {
                tip.set(None);
            }
        })
    };

    let on_key = {
        let focus = focus.clone();
        let tip = tip.clone();
        let on_view = props.on_view.clone();
        let on_toggle = props.on_toggle.clone();
        let chart = chart.clone();
        let layout = layout.clone();
        let scroller = scroller.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let center = (view.start + view.end) / 2.0;
            let rows = layout.rows.len();
            let mut next_focus = *focus;
            match key.as_str() {
                "+" | "=" => on_view.emit(view.zoom(1.5, 0.5, total)),
                "-" | "_" => on_view.emit(view.zoom(1.0 / 1.5, 0.5, total)),
                "0" => on_view.emit(Viewport::fit(total)),
                "Escape" => {
                    next_focus = None;
                    tip.set(None);
                }
                "ArrowDown" | "ArrowUp" if rows > 0 => {
                    let t = focus.map_or(center as u64, |(_, t)| t);
                    let row = match (focus.map(|(r, _)| r), key.as_str()) {
                        (None, _) => 0,
                        (Some(r), "ArrowDown") => (r + 1).min(rows - 1),
                        (Some(r), _) => r.saturating_sub(1),
                    };
                    next_focus = Some((row, t));
                }
                "ArrowRight" | "ArrowLeft" => {
                    let forward = key == "ArrowRight";
                    match *focus {
                        Some((row, t)) => {
                            if let Some(s) = step_span(&chart, &layout, row, t, forward) {
                                next_focus = Some((row, s.start));
                                if (s.start as f64) < view.start || (s.start as f64) > view.end {
                                    on_view.emit(view.center_on(s.start as f64, total));
                                }
                            }
                        }
                        None => on_view.emit(view.pan(if forward { 0.2 } else { -0.2 }, total)),
                    }
                }
                "Enter" | " " => {
                    if let Some((row, _)) = *focus {
                        if let Some(RowKind::Group { group, .. }) =
                            layout.rows.get(row).map(|r| r.kind)
                        {
                            on_toggle.emit(layout.groups[group].label);
                        }
                    }
                }
                _ => return,
            }
            e.prevent_default();
            // The keyboard's tooltip replaces the pointer's.
            tip.set(None);
            if next_focus != *focus {
                focus.set(next_focus);
                // Keep the focused row in sight.
                if let (Some((row, _)), Some(el)) =
                    (next_focus, scroller.cast::<web_sys::Element>())
                {
                    let r = layout.rows[row];
                    let top = el.scroll_top() as f64;
                    let h = el.client_height() as f64;
                    if r.y < top {
                        el.set_scroll_top(r.y as i32);
                    } else if r.y + r.height > top + h {
                        el.set_scroll_top((r.y + r.height - h) as i32);
                    }
                }
            }
        })
    };

    // The tooltip: under the pointer, or at the focused span.
    let focus_tip = focus.and_then(|(row, t)| {
        let r = layout.rows.get(row)?;
        let h = describe(&chart, &layout, row, t)?;
        let x = f.scale.x(t as f64).clamp(0.0, width);
        let el = scroller.cast::<web_sys::Element>()?;
        let rect = el.get_bounding_client_rect();
        Some((
            h,
            rect.left() + LABEL_WIDTH + x,
            rect.top() + r.y + r.height - el.scroll_top() as f64,
        ))
    });
    let shown_tip = (*tip).clone().or(focus_tip);
    let tooltip = shown_tip.map(|(h, x, y)| {
        let style = format!("left:{:.0}px;top:{:.0}px", x + 12.0, y + 12.0);
        html! {
            <div class="tl-tooltip" role="tooltip" data-testid="timeline-tooltip" {style}>
                { for h.lines.iter().map(|l| html! { <div>{l.clone()}</div> }) }
            </div>
        }
    });

    let line = |t: f64, class: &'static str, label: String| {
        let x = f.scale.x(t);
        (0.0..=width).contains(&x).then(|| {
            let style = format!("left:{:.1}px", LABEL_WIDTH + x);
            html! { <div class={classes!("tl-line", class)} {style} title={label} aria-hidden="true"></div> }
        })
    };
    let marker = props.marker.and_then(|t| {
        line(
            t as f64,
            "marker",
            format!("output at {}", format_ns(t as f64)),
        )
    });
    let playhead = props
        .playhead
        .and_then(|t| line(t, "playhead", format!("replay at {}", format_ns(t))));

    // A trace cut at its cap ends before the run did: the timeline shows where.
    let cut_at = chart
        .trace
        .truncated()
        .then(|| chart.trace.events.last().map(|e| e.t))
        .flatten();
    let cut = cut_at.and_then(|t| {
        let x = f.scale.x(t as f64);
        (0.0..=width).contains(&x).then(|| {
            let style = format!("left:{:.1}px", LABEL_WIDTH + x);
            let title = format!(
                "The trace ends here, at {}: {} later events were not kept",
                format_ns(t as f64),
                chart.trace.dropped
            );
            html! {
                <div class="tl-line cut" {style} {title} data-testid="trace-cut">
                    <span>{"trace cut"}</span>
                </div>
            }
        })
    });

    let scroller_style = format!("height:{height:.0}px");
    let label = format!(
        "Goroutine timeline: {} lanes, {} to {}{}",
        layout.rows.len(),
        format_ns(view.start),
        format_ns(view.end),
        cut_at.map_or(String::new(), |t| format!(
            "; the trace was cut at {}",
            format_ns(t as f64)
        ))
    );
    html! {
        <div class="tl" ref={root} tabindex="0" aria-label={label} onkeydown={on_key}
             onwheel={on_wheel} data-testid="timeline" data-state="ready"
             data-view-start={format!("{:.0}", view.start)} data-view-end={format!("{:.0}", view.end)}
             data-elements={f.elements().to_string()}
             data-rows={layout.rows.len().to_string()}>
            <div class="tl-plot">
                <div class="tl-axis">{ Html::from_html_unchecked((*axis_svg).clone()) }</div>
                <div class="tl-scroll" ref={scroller} style={scroller_style} onscroll={on_scroll}
                     onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                     onpointerup={on_pointer_up} onpointercancel={on_pointer_cancel}
                     onpointerout={on_leave}>
                    { Html::from_html_unchecked((*lanes_svg).clone()) }
                </div>
                { marker }
                { playhead }
                { cut }
            </div>
            { tooltip }
            if f.arrows_capped {
                <p class="tl-hint">{format!("Showing the first {} arrows in view: zoom in to see the rest.", crate::chart::frame::MAX_ARROWS)}</p>
            }
        </div>
    }
}

fn now_ms() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
}

/// Calls `f` once the next frame has been painted.
fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move |_: f64| {
        super::dom::set_timeout(0, f);
    });
    let _ = window.request_animation_frame(cb.unchecked_ref());
}
