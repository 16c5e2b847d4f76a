//! The processor view: a lane per processor with the goroutines' CPU work, and utilisation.

use yew::prelude::*;

use crate::chart::duration::count;
use crate::chart::frame::Frame;
use crate::chart::scale::{TimeScale, Viewport};
use crate::chart::svg::{self, Overlay};

use super::trace_views::ChartRef;

#[derive(Properties, PartialEq)]
pub struct ProcessorsProps {
    pub chart: ChartRef,
    pub view: Viewport,
    pub width: f64,
}

#[function_component(ProcessorsView)]
pub fn processors_view(props: &ProcessorsProps) -> Html {
    let chart = &props.chart.0;
    let scale = TimeScale::new(props.view, props.width);
    let axis = axis_only(&scale);
    let busy = chart.timeline.cpu_ns();
    let summary = if busy == 0 && chart.timeline.real_mode {
        "No CPU work was recorded on the executors.".to_string()
    } else if busy == 0 {
        "No CPU work ran on the processors. In sim mode only cpu_work occupies a processor; \
         the rest of the code runs in zero virtual time."
            .to_string()
    } else {
        let mean = chart.procs.iter().map(|p| p.utilisation).sum::<f64>()
            / chart.procs.len().max(1) as f64;
        format!(
            "{}, {} of CPU work, mean utilisation {:.0}%.",
            count(chart.procs.len() as u64, "processor", "processors"),
            chart.fmt_ns(busy as f64),
            mean * 100.0
        )
    };
    html! {
        <div class="procs-view" data-testid="processors">
            <p class="tl-hint">{summary}</p>
            <div class="tl-axis">{ Html::from_html_unchecked(AttrValue::from(svg::axis(&axis, &Overlay::default()))) }</div>
            { Html::from_html_unchecked(AttrValue::from(svg::processors(chart, &scale))) }
        </div>
    }
}

/// A frame with no rows: just the axis of `scale`.
pub fn axis_only(scale: &TimeScale) -> Frame {
    Frame {
        scale: *scale,
        axis: scale.axis(),
        rows: Vec::new(),
        arrows: Vec::new(),
        arrows_capped: false,
    }
}
