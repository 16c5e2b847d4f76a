//! The channels view: per channel its totals, and for buffered ones the buffer's occupancy.

use yew::prelude::*;

use crate::chart::chans::ChanStats;
use crate::chart::scale::{format_ns, TimeScale, Viewport};
use crate::chart::svg::{self, Overlay};

use super::processors::axis_only;
use super::source_link::SourceLink;
use super::trace_views::ChartRef;

/// The busiest channels shown; a run may make 100,000.
const MAX_SHOWN: usize = 50;

#[derive(Properties, PartialEq)]
pub struct ChannelsProps {
    pub chart: ChartRef,
    pub view: Viewport,
    pub width: f64,
    /// Shows a line of the source (a channel's `make`).
    #[prop_or_default]
    pub on_show_line: Option<Callback<u32>>,
}

#[function_component(ChannelsView)]
pub fn channels_view(props: &ChannelsProps) -> Html {
    let chart = &props.chart.0;
    if chart.chans().is_empty() {
        return html! { <p class="tl-hint" data-testid="channels">{"This run made no channels."}</p> };
    }
    let mut busiest: Vec<&ChanStats> = chart.chans().iter().collect();
    // Busiest first; among equals, the first made.
    busiest.sort_by_key(|c| (std::cmp::Reverse(c.ops()), c.id));
    let more = busiest.len().saturating_sub(MAX_SHOWN);
    busiest.truncate(MAX_SHOWN);
    let scale = TimeScale::new(props.view, props.width);
    let buffered: Vec<&ChanStats> = busiest.iter().copied().filter(|c| c.cap > 0).collect();
    let charts = (!buffered.is_empty()).then(|| {
        html! {
            <>
                <h3>{"Buffer occupancy"}</h3>
                <div class="tl-axis">{ Html::from_html_unchecked(AttrValue::from(svg::axis(&axis_only(&scale), &Overlay::default()))) }</div>
                { Html::from_html_unchecked(AttrValue::from(svg::channels(&buffered, &scale))) }
            </>
        }
    });
    html! {
        <div class="chans-view" data-testid="channels">
            <table class="chans">
                <thead><tr>
                    <th scope="col">{"Channel"}</th><th scope="col">{"Capacity"}</th>
                    <th scope="col">{"Made by"}</th><th scope="col">{"Sends"}</th>
                    <th scope="col">{"Receives"}</th><th scope="col">{"Peak buffered"}</th>
                    <th scope="col">{"Blocked sending"}</th><th scope="col">{"Blocked receiving"}</th>
                    <th scope="col">{"Closed"}</th>
                </tr></thead>
                <tbody>
                    { for busiest.iter().map(|c| html! {
                        <tr data-chan={c.id.to_string()}>
                            <td><SourceLink text={c.name.clone()} line={c.line}
                                            on_show_line={props.on_show_line.clone()} /></td>
                            <td>{if c.cap == 0 { "unbuffered".to_string() } else { c.cap.to_string() }}</td>
                            <td>{chart.trace.name(c.created_by)}</td>
                            <td>{c.sends}</td>
                            <td>{if c.recvs_closed > 0 { format!("{} (+{} closed)", c.recvs, c.recvs_closed) } else { c.recvs.to_string() }}</td>
                            <td>{c.peak}</td>
                            <td>{format_ns(c.blocked_send_ns as f64)}</td>
                            <td>{format_ns(c.blocked_recv_ns as f64)}</td>
                            <td>{c.closed_at.map_or("open".to_string(), |t| format!("at {}", format_ns(t as f64)))}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if more > 0 {
                <p class="tl-hint">{format!("{more} quieter channels are not shown.")}</p>
            }
            { charts }
        </div>
    }
}
