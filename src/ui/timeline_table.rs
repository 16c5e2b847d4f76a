//! The timeline as a table (`chart::summary`): its text alternative, one row per goroutine,
//! folded until the reader opens it.

use yew::prelude::*;

use crate::chart::scale::format_ns;
use crate::chart::summary::table;
use crate::rt::limits::thousands;

use super::trace_views::ChartRef;

/// The most rows the table shows.
const MAX_ROWS: usize = 100;

#[derive(Properties, PartialEq)]
pub struct TimelineTableProps {
    pub chart: ChartRef,
}

#[function_component(TimelineTable)]
pub fn timeline_table(props: &TimelineTableProps) -> Html {
    let t = use_memo(props.chart.clone(), |chart| {
        table(&chart.0.trace, &chart.0.timeline, MAX_ROWS)
    });
    let more = t.total - t.rows.len();
    html! {
        <details class="tl-table" data-testid="timeline-table">
            <summary>{"The timeline as a table"}</summary>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{"Goroutine"}</th>
                        <th scope="col">{"Started"}</th>
                        <th scope="col">{"Ended"}</th>
                        <th scope="col">{"Time by state"}</th>
                    </tr>
                </thead>
                <tbody>
                    { for t.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{row.name.clone()}</th>
                            <td>{format_ns(row.started_ns as f64)}</td>
                            <td>{row.ended_ns.map_or("still alive".to_string(), |t| format_ns(t as f64))}</td>
                            <td>{row.states.iter().map(|(s, ns)| format!("{} {}", s.label(), format_ns(*ns as f64))).collect::<Vec<_>>().join(", ")}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if more > 0 {
                <p class="more">{format!("… and {} more goroutines, not listed.", thousands(more as u64))}</p>
            }
        </details>
    }
}
