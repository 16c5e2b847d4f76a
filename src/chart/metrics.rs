//! The metrics panel's model: a run's figures, as label and value.
//!
//! Counters the runtime keeps (goroutines created, peak live, context switches, live timers)
//! come from the run's [`Metrics`]; figures over time (time blocked by reason) come from the
//! timeline's spans, so the panel and the timeline always agree.

use super::duration::{count, format_ns, Resolution};
use super::spans::Timeline;
use super::state::State;
use crate::rt::Metrics;

/// One figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricRow {
    /// A stable key (`data-metric="peak-live"`).
    pub key: &'static str,
    pub label: String,
    pub value: String,
}

/// The panel's rows for a run that took `elapsed_ns` on a clock that resolves `res`, left
/// `leaked` goroutines behind, and counted `m`; `timeline` may be absent (the trace has not
/// arrived).
pub fn metric_rows(
    elapsed_ns: u64,
    res: Resolution,
    m: &Metrics,
    leaked: usize,
    timeline: Option<&Timeline>,
) -> Vec<MetricRow> {
    let row = |key, label: &str, value: String| MetricRow {
        key,
        label: label.to_string(),
        value,
    };
    let mut rows = vec![
        row("elapsed", "Elapsed", format_ns(elapsed_ns as f64, res)),
        row(
            "goroutines",
            "Goroutines created",
            m.goroutines_created.to_string(),
        ),
        row("peak-live", "Peak live goroutines", m.peak_live.to_string()),
        row(
            "chan-ops",
            "Channel operations",
            format!(
                "{} ({}, {})",
                m.chan_sends + m.chan_recvs,
                count(m.chan_sends, "send", "sends"),
                count(m.chan_recvs, "receive", "receives")
            ),
        ),
        row(
            "switches",
            "Context switches",
            m.context_switches.to_string(),
        ),
        row(
            "timers",
            "Live timers at exit",
            format!("{} (peak {})", m.live_timers, m.peak_live_timers),
        ),
        row("leaked", "Leaked goroutines", leaked.to_string()),
    ];
    if let Some(tl) = timeline {
        let by_state = tl.time_by_state();
        for state in State::ALL.into_iter().filter(|s| s.is_blocked()) {
            let ns = by_state[state as usize];
            if ns == 0 && state.is_real_mode() {
                continue;
            }
            rows.push(MetricRow {
                key: blocked_key(state),
                label: format!("Time {}", state.label()),
                value: format_ns(ns as f64, res),
            });
        }
        let cpu = tl.cpu_ns();
        if cpu > 0 {
            rows.push(row("cpu", "CPU work", format_ns(cpu as f64, res)));
        }
    }
    rows
}

fn blocked_key(state: State) -> &'static str {
    match state {
        State::Send => "blocked-send",
        State::Recv => "blocked-recv",
        State::Select => "blocked-select",
        State::Sleep => "sleeping",
        State::Hub => "waiting-hub",
        _ => "blocked-sync",
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::tests::sample;
    use super::*;

    #[test]
    fn rows_hold_counters_and_blocked_time() {
        let m = Metrics {
            goroutines_created: 2,
            peak_live: 2,
            chan_sends: 1,
            chan_recvs: 1,
            context_switches: 4,
            live_timers: 0,
            peak_live_timers: 0,
        };
        let tl = Timeline::build(&sample());
        let rows = metric_rows(10, Resolution::SIM, &m, 0, Some(&tl));
        let get = |k| rows.iter().find(|r| r.key == k).unwrap().value.clone();
        assert_eq!(get("elapsed"), "10ns");
        assert_eq!(get("chan-ops"), "2 (1 send, 1 receive)");
        assert_eq!(get("blocked-recv"), "10ns");
        assert_eq!(get("sleeping"), "10ns");
        assert_eq!(get("blocked-send"), "0s");
        assert!(rows.iter().all(|r| r.key != "cpu"));
        assert_eq!(metric_rows(10, Resolution::SIM, &m, 1, None).len(), 7);
    }
}
