//! The metrics panel: a run's figures, from its summary and its trace.

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::metrics::metric_rows;
use crate::protocol::RunSummary;

use super::trace_views::ChartRef;

#[derive(Properties, PartialEq)]
pub struct MetricsProps {
    pub chart: ChartRef,
    /// Absent until the run's end is reported.
    pub summary: Option<Rc<RunSummary>>,
}

#[function_component(MetricsView)]
pub fn metrics_view(props: &MetricsProps) -> Html {
    let Some(summary) = &props.summary else {
        return html! { <p class="tl-hint" data-testid="metrics">{"The metrics appear when the run ends."}</p> };
    };
    let rows = metric_rows(
        summary.elapsed_ns,
        &summary.metrics,
        summary.leaked_count as usize,
        Some(&props.chart.0.timeline),
    );
    html! {
        <table class="metrics" data-testid="metrics">
            <tbody>
                { for rows.into_iter().map(|r| html! {
                    <tr data-metric={r.key}><th scope="row">{r.label}</th><td>{r.value}</td></tr>
                }) }
            </tbody>
        </table>
    }
}
