//! The channels view's model: per channel, its buffer's occupancy over time and its totals.
//!
//! Channels are FIFO and the runtime records every send and receive with the instant it
//! happened, so the number of values in a buffer at any instant is the sends so far minus the
//! receives so far. A value handed straight to a waiting receiver is sent and received in the
//! same instant and never counts. The occupancy is kept as a step series (one point per
//! instant it changed) and drawn through [`occupancy_path`], which keeps at most the minimum,
//! maximum and last value of each pixel column, so a channel of a million operations still
//! draws a path of a few thousand points.

use super::data::TraceData;
use super::scale::TimeScale;
use super::spans::Timeline;
use super::state::State;
use crate::rt::trace::Kind;
use crate::rt::GoId;

/// One channel's history and totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChanStats {
    pub id: u32,
    /// As the views name it (see [`TraceData::chan_name`]).
    pub name: String,
    /// The source line of its `make`, 0 when unknown.
    pub line: u32,
    pub cap: u32,
    pub created_ns: u64,
    pub created_by: GoId,
    pub sends: u64,
    pub recvs: u64,
    /// Receives that got the zero value because the channel was closed.
    pub recvs_closed: u64,
    pub closed_at: Option<u64>,
    /// Goroutine-time spent blocked sending to it, and receiving from it (ns).
    pub blocked_send_ns: u64,
    pub blocked_recv_ns: u64,
    /// The most values its buffer held at once.
    pub peak: u32,
    /// `(instant, values buffered from then on)`, one point per instant it changed, starting
    /// with `(created_ns, 0)`.
    pub series: Vec<(u64, u32)>,
}

impl ChanStats {
    /// Every operation on it: sends, receives (closed included) and the close.
    pub fn ops(&self) -> u64 {
        self.sends + self.recvs + self.recvs_closed + self.closed_at.is_some() as u64
    }

    pub fn blocked_ns(&self) -> u64 {
        self.blocked_send_ns + self.blocked_recv_ns
    }

    /// The buffer's length at instant `t`.
    pub fn len_at(&self, t: u64) -> u32 {
        let i = self.series.partition_point(|&(at, _)| at <= t);
        if i == 0 {
            0
        } else {
            self.series[i - 1].1
        }
    }
}

/// Every channel made in the run (the nil channel excluded), in order of creation.
pub fn channel_stats(trace: &TraceData, timeline: &Timeline) -> Vec<ChanStats> {
    let mut stats: Vec<ChanStats> = trace
        .chans
        .iter()
        .enumerate()
        .map(|(id, c)| ChanStats {
            id: id as u32,
            name: if id == 0 {
                String::new()
            } else {
                trace.chan_name(id as u32)
            },
            line: c.line,
            cap: c.cap,
            created_ns: c.created_ns,
            created_by: c.created_by,
            series: vec![(c.created_ns, 0)],
            ..ChanStats::default()
        })
        .collect();
    for e in &trace.events {
        let Some(c) = stats.get_mut(e.obj as usize).filter(|_| e.obj != 0) else {
            continue;
        };
        let len = c.sends.saturating_sub(c.recvs) as u32;
        let next = match e.kind {
            Kind::ChanSend => {
                c.sends += 1;
                len + 1
            }
            Kind::ChanRecv => {
                c.recvs += 1;
                len.saturating_sub(1)
            }
            Kind::ChanRecvClosed => {
                c.recvs_closed += 1;
                continue;
            }
            Kind::ChanClose => {
                c.closed_at = Some(e.t);
                continue;
            }
            _ => continue,
        };
        // A handoff is a send then a receive in the same instant: the later point replaces
        // the earlier, and the buffer never counted the value.
        match c.series.last_mut() {
            Some(last) if last.0 == e.t => last.1 = next,
            _ => c.series.push((e.t, next)),
        }
    }
    for c in &mut stats {
        // Drop points that did not change the value (a handoff's send and receive).
        c.series.dedup_by(|later, earlier| later.1 == earlier.1);
        c.peak = c.series.iter().map(|p| p.1).max().unwrap_or(0);
    }
    for lane in &timeline.lanes {
        for s in &lane.spans {
            let Some(c) = stats.get_mut(s.obj as usize).filter(|_| s.obj != 0) else {
                continue;
            };
            match s.state {
                State::Send => c.blocked_send_ns += s.duration(),
                State::Recv => c.blocked_recv_ns += s.duration(),
                _ => {}
            }
        }
    }
    if !stats.is_empty() {
        stats.remove(0);
    }
    stats
}

/// The occupancy step chart of `series` in a `height`-pixel band whose top is `max` values:
/// SVG path data (`M x y H x V y …`), with at most a few points per pixel column.
pub fn occupancy_path(series: &[(u64, u32)], scale: &TimeScale, height: f64, max: u32) -> String {
    let max = max.max(1) as f64;
    let y = |v: u32| height - v as f64 / max * height;
    let cols = scale.width;
    // The value at the left edge, then every change within the window.
    let first = series.partition_point(|&(t, _)| (t as f64) <= scale.view.start);
    let mut value = if first == 0 { 0 } else { series[first - 1].1 };
    let mut d = String::with_capacity(64);
    let mut x = 0.0f64;
    push_fmt(&mut d, format_args!("M0 {:.1}", y(value)));
    let mut i = first;
    while i < series.len() {
        let xt = scale.x(series[i].0 as f64);
        if xt > cols {
            break;
        }
        let col = xt.floor();
        // Every change within this column: its range is drawn as one vertical stroke.
        let (mut lo, mut hi) = (series[i].1, series[i].1);
        while i < series.len() && scale.x(series[i].0 as f64).floor() == col {
            value = series[i].1;
            lo = lo.min(value);
            hi = hi.max(value);
            i += 1;
        }
        if xt > x {
            push_fmt(&mut d, format_args!("H{xt:.1}"));
            x = xt;
        }
        if lo != hi {
            push_fmt(&mut d, format_args!("V{:.1}V{:.1}", y(hi), y(lo)));
        }
        push_fmt(&mut d, format_args!("V{:.1}", y(value)));
    }
    push_fmt(&mut d, format_args!("H{cols:.1}"));
    d
}

fn push_fmt(s: &mut String, args: std::fmt::Arguments) {
    use std::fmt::Write as _;
    let _ = s.write_fmt(args);
}

#[cfg(test)]
mod tests {
    use super::super::data::tests::sample;
    use super::super::scale::Viewport;
    use super::*;
    use crate::rt::trace::{ChanInfo, Event};

    fn buffered() -> TraceData {
        let mut t = sample();
        t.chans[1] = ChanInfo {
            cap: 3,
            created_by: 1,
            ..ChanInfo::default()
        };
        let ev = |t, kind, arg| Event {
            t,
            g: 1,
            obj: 1,
            arg,
            kind,
            proc: 0,
        };
        t.events = vec![
            ev(0, Kind::ChanSend, 0),
            ev(0, Kind::ChanSend, 1),
            ev(5, Kind::ChanSend, 2),
            ev(10, Kind::ChanRecv, 0),
            ev(20, Kind::ChanRecv, 1),
            // A handoff: sent and received in the same instant.
            ev(30, Kind::ChanSend, 3),
            ev(30, Kind::ChanRecv, 2),
            ev(30, Kind::ChanRecv, 3),
            ev(40, Kind::ChanClose, 0),
            ev(41, Kind::ChanRecvClosed, 0),
        ];
        t.end_ns = 50;
        t
    }

    #[test]
    fn occupancy_is_sends_minus_receives() {
        let t = buffered();
        let s = &channel_stats(&t, &Timeline::build(&t))[0];
        assert_eq!(s.series, [(0, 2), (5, 3), (10, 2), (20, 1), (30, 0)]);
        assert_eq!(s.peak, 3);
        assert_eq!((s.sends, s.recvs, s.recvs_closed), (4, 4, 1));
        assert_eq!(s.closed_at, Some(40));
        assert_eq!(s.ops(), 10);
        assert_eq!(s.len_at(7), 3);
        assert_eq!(s.len_at(25), 1);
    }

    #[test]
    fn blocked_time_is_counted_per_channel() {
        let t = sample();
        let s = channel_stats(&t, &Timeline::build(&t));
        assert_eq!(s.len(), 1);
        // worker 1 waited 10 ns to receive; the unbuffered channel never held a value.
        assert_eq!(s[0].blocked_recv_ns, 10);
        assert_eq!(s[0].peak, 0);
        assert_eq!(s[0].series, [(0, 0)]);
    }

    #[test]
    fn the_path_steps_through_the_series() {
        let scale = TimeScale::new(
            Viewport {
                start: 0.0,
                end: 50.0,
            },
            50.0,
        );
        let series = [(0, 2), (5, 3), (10, 2), (20, 1), (30, 0)];
        assert_eq!(
            occupancy_path(&series, &scale, 30.0, 3),
            "M0 10.0H5.0V0.0H10.0V10.0H20.0V20.0H30.0V30.0H50.0"
        );
    }

    #[test]
    fn the_path_is_bounded_by_columns() {
        let series: Vec<(u64, u32)> = (0..1_000_000u64).map(|i| (i, (i % 7) as u32)).collect();
        let scale = TimeScale::new(
            Viewport {
                start: 0.0,
                end: 1e6,
            },
            400.0,
        );
        let d = occupancy_path(&series, &scale, 20.0, 6);
        let commands = d.chars().filter(|c| c.is_ascii_alphabetic()).count();
        assert!(commands <= 4 * 400 + 2, "{commands} commands");
    }
}
