//! Per-goroutine state spans, run instants and send→receive arrows, built from a trace.
//!
//! One pass over the events keeps, for each goroutine, the state it entered last and since
//! when; the next state change closes that span. Two things need more than the literal events:
//!
//! - **Instants.** In sim mode code runs in zero virtual time, so a goroutine is runnable and
//!   then running for no time at all between two waits. Such empty spans are not stored; the
//!   instant is kept in the lane's `marks` and drawn as a tick, so the eye still sees when each
//!   goroutine ran.
//! - **CPU work.** A goroutine in `cpu_work` is parked as `Blocked(CpuWork)`, and a `ProcSpan`
//!   recorded just before the park says when its processor starts the work. The park is split
//!   into runnable (waiting for the processor) and CPU work.
//!
//! Channels are FIFO, so the k-th send on a channel is matched to its k-th receive; each match
//! is an [`Arrow`].
//!
//! # Invariants
//! - A lane's spans are sorted, non-empty (`start < end`) and do not overlap; so both their
//!   starts and their ends increase, and lookups are binary searches.
//! - A lane's marks are sorted and distinct.
//! - `arrows` are sorted by the receive's time.

use super::data::TraceData;
use super::state::State;
use crate::rt::trace::Kind;
use crate::rt::{GoId, Status};

/// A goroutine in one state from `start` to `end` (ns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: u64,
    pub end: u64,
    pub state: State,
    /// The channel or object waited on (0 when none), or the processor for CPU work.
    pub obj: u32,
}

impl Span {
    pub fn duration(&self) -> u64 {
        self.end - self.start
    }
}

/// A value's trip: sent by `send_g` at `send_t` on `chan`, received by `recv_g` at `recv_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arrow {
    pub chan: u32,
    /// The value's number on its channel (0-based).
    pub seq: u32,
    pub send_t: u64,
    pub send_g: GoId,
    pub recv_t: u64,
    pub recv_g: GoId,
}

/// One goroutine's lane.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lane {
    pub spans: Vec<Span>,
    /// Instants at which the goroutine ran for no measurable time.
    pub marks: Vec<u64>,
    /// When it returned, if it did.
    pub done_at: Option<u64>,
    /// The wait it was still in when the run ended (a deadlock's goroutines, a leaked one),
    /// from when it started to the run's end.
    pub stuck: Option<Span>,
}

impl Lane {
    /// The spans that overlap `[from, to)`.
    pub fn spans_in(&self, from: u64, to: u64) -> &[Span] {
        let a = self.spans.partition_point(|s| s.end <= from);
        let b = self.spans.partition_point(|s| s.start < to);
        &self.spans[a..b.max(a)]
    }

    /// The marks within `[from, to]`.
    pub fn marks_in(&self, from: u64, to: u64) -> &[u64] {
        let a = self.marks.partition_point(|&m| m < from);
        let b = self.marks.partition_point(|&m| m <= to);
        &self.marks[a..b.max(a)]
    }

    /// The span at instant `t`, if any.
    pub fn span_at(&self, t: u64) -> Option<&Span> {
        let i = self.spans.partition_point(|s| s.end <= t);
        self.spans.get(i).filter(|s| s.start <= t)
    }
}

/// A processor's CPU work: goroutine `g` ran on it from `start` to `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProcSpan {
    pub start: u64,
    pub end: u64,
    pub g: GoId,
}

/// Everything the timeline draws, built once per run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Indexed by Go id; entry 0 is empty.
    pub lanes: Vec<Lane>,
    pub arrows: Vec<Arrow>,
    /// Indexed by processor; each sorted by start.
    pub procs: Vec<Vec<ProcSpan>>,
    /// When the timeline ends: the run's end, or its last event if later.
    pub end_ns: u64,
    /// Receives whose send is missing (cut from the trace).
    pub unmatched: u64,
    /// Some goroutine was in one of real mode's own states.
    pub real_mode: bool,
}

/// The state a goroutine entered last, and since when.
#[derive(Clone, Copy)]
struct Open {
    state: State,
    since: u64,
    obj: u32,
    /// For CPU work: when the processor starts it.
    cpu_start: Option<u64>,
}

impl Timeline {
    /// Builds the lanes, arrows and processor lanes of `trace`.
    pub fn build(trace: &TraceData) -> Self {
        let n = trace.goroutines.len().max(1);
        let n_chans = trace.chans.len().max(1);
        // First pass: sizes, so that nothing grows (and moves) while the lanes fill.
        let mut changes = vec![0u32; n];
        let mut chan_sends = vec![0u32; n_chans + 1];
        let mut recvs = 0usize;
        for e in &trace.events {
            match e.kind {
                Kind::GoCreate | Kind::GoState => {
                    if let Some(c) = changes.get_mut(e.g as usize) {
                        *c += 1;
                    }
                }
                Kind::ChanSend => {
                    if let Some(c) = chan_sends.get_mut(e.obj as usize + 1) {
                        *c += 1;
                    }
                }
                Kind::ChanRecv => recvs += 1,
                _ => {}
            }
        }
        let mut lanes: Vec<Lane> = changes
            .iter()
            .map(|&c| Lane {
                // A change closes at most one span (two for CPU work, rare), and makes at most
                // one instant.
                spans: Vec::with_capacity(c as usize + 1),
                marks: Vec::with_capacity((c as usize).div_ceil(2)),
                done_at: None,
                stuck: None,
            })
            .collect();
        let mut open: Vec<Option<Open>> = vec![None; n];
        // The start of the last ProcSpan of each goroutine, until its park claims it.
        let mut proc_start: Vec<Option<u64>> = vec![None; n];
        // Sends, flat: channel c's k-th send is at `send_at[send_off[c] + k]`.
        let mut send_off = chan_sends;
        for c in 1..send_off.len() {
            send_off[c] += send_off[c - 1];
        }
        let mut send_len = vec![0u32; n_chans];
        let mut send_at: Vec<(u64, GoId)> = vec![(0, 0); send_off[n_chans] as usize];
        let mut arrows = Vec::with_capacity(recvs);
        let mut unmatched = 0u64;
        let mut procs: Vec<Vec<ProcSpan>> = vec![Vec::new(); trace.procs.max(1) as usize];
        let mut end_ns = trace.end_ns;

        for e in &trace.events {
            let g = e.g as usize;
            if g >= n {
                continue;
            }
            match e.kind {
                Kind::GoCreate => {
                    end_ns = end_ns.max(e.t);
                    open[g] = Some(Open {
                        state: State::Runnable,
                        since: e.t,
                        obj: 0,
                        cpu_start: None,
                    });
                }
                Kind::GoState => {
                    end_ns = end_ns.max(e.t);
                    let status = Status::from_code(e.arg).unwrap_or(Status::Running);
                    let state = State::of(status);
                    if let Some(prev) = open[g].take() {
                        close(&mut lanes[g], prev, e.t);
                    }
                    let cpu_start = if state == State::Cpu {
                        proc_start[g].take()
                    } else {
                        None
                    };
                    if state == State::Done {
                        lanes[g].done_at = Some(e.t);
                    }
                    open[g] = Some(Open {
                        state,
                        since: e.t,
                        obj: e.obj,
                        cpu_start,
                    });
                }
                Kind::ChanSend => {
                    let c = e.obj as usize;
                    // Sequence numbers count up from 0 per channel, so the k-th send is value
                    // k; a gap means the trace lost events.
                    if c < n_chans && send_len[c] == e.arg {
                        send_at[(send_off[c] + e.arg) as usize] = (e.t, e.g);
                        send_len[c] += 1;
                    }
                }
                Kind::ChanRecv => match Some(e.obj as usize)
                    .filter(|&c| c < n_chans && e.arg < send_len[c])
                    .map(|c| send_at[(send_off[c] + e.arg) as usize])
                {
                    Some((send_t, send_g)) => arrows.push(Arrow {
                        chan: e.obj,
                        seq: e.arg,
                        send_t,
                        send_g,
                        recv_t: e.t,
                        recv_g: e.g,
                    }),
                    None => unmatched += 1,
                },
                Kind::ProcSpan => {
                    let end = e.t + e.span_ns();
                    end_ns = end_ns.max(end);
                    proc_start[g] = Some(e.t);
                    if let Some(p) = procs.get_mut(e.proc as usize) {
                        p.push(ProcSpan {
                            start: e.t,
                            end,
                            g: e.g,
                        });
                    }
                }
                Kind::ChanMake | Kind::ChanRecvClosed | Kind::ChanClose | Kind::Output => {}
            }
        }
        for (g, o) in open.iter_mut().enumerate() {
            if let Some(prev) = o.take() {
                if prev.state.is_blocked() {
                    lanes[g].stuck = Some(Span {
                        start: prev.since,
                        end: end_ns.max(prev.since),
                        state: prev.state,
                        obj: prev.obj,
                    });
                }
                close(&mut lanes[g], prev, end_ns);
            }
        }
        for p in &mut procs {
            // Each processor's work is assigned in order; an executor's records may arrive out
            // of order, so keep the invariant regardless.
            if !p.is_sorted_by_key(|s| s.start) {
                p.sort_by_key(|s| s.start);
            }
        }
        arrows.sort_by_key(|a| a.recv_t);
        let real_mode = lanes
            .iter()
            .any(|lane| lane.spans.iter().any(|s| s.state.is_real_mode()));
        if real_mode {
            super::executors::refine(&mut lanes, &procs);
        }
        Timeline {
            lanes,
            arrows,
            procs,
            end_ns,
            unmatched,
            real_mode,
        }
    }

    /// The arrows that overlap `[from, to]` and whose both ends pass `keep`, at most `max`
    /// of them; the second value is true when more matched.
    pub fn arrows_in(
        &self,
        from: u64,
        to: u64,
        max: usize,
        keep: impl Fn(&Arrow) -> bool,
    ) -> (Vec<Arrow>, bool) {
        let first = self.arrows.partition_point(|a| a.recv_t < from);
        let mut out = Vec::new();
        for a in &self.arrows[first..] {
            if a.send_t > to {
                // Receives after `to` can only belong to sends before it if buffered; keep
                // scanning, but these ones are out.
                continue;
            }
            if keep(a) {
                if out.len() == max {
                    return (out, true);
                }
                out.push(*a);
            }
        }
        (out, false)
    }

    /// The CPU work of the run, the one figure every view gives for it: the processors' (or
    /// executors') busy time, which the lanes' CPU work spans also add up to.
    pub fn cpu_ns(&self) -> u64 {
        self.procs
            .iter()
            .map(|p| super::procs::busy_in(p, 0, u64::MAX))
            .sum()
    }

    /// Total time spent in each state, over every goroutine, indexed by `State as usize`.
    pub fn time_by_state(&self) -> [u64; super::state::STATES] {
        let mut t = [0u64; super::state::STATES];
        for lane in &self.lanes {
            for s in &lane.spans {
                t[s.state as usize] += s.duration();
            }
        }
        t
    }
}

/// Ends `prev` at `until`, storing what it drew.
fn close(lane: &mut Lane, prev: Open, until: u64) {
    let until = until.max(prev.since);
    if prev.state == State::Cpu {
        // Waiting for the processor, then working on it.
        let start = prev
            .cpu_start
            .unwrap_or(prev.since)
            .clamp(prev.since, until);
        push(lane, prev.since, start, State::Runnable, 0);
        push(lane, start, until, State::Cpu, prev.obj);
        return;
    }
    if prev.since == until {
        if matches!(prev.state, State::Running | State::Runnable) {
            // Ran for no measurable time: an instant.
            if lane.marks.last() != Some(&until) {
                lane.marks.push(until);
            }
        }
        return;
    }
    push(lane, prev.since, until, prev.state, prev.obj);
}

/// Appends a span, merging it into the previous one when it continues it (and the goroutine
/// did not run in between: two sleeps are two spans).
fn push(lane: &mut Lane, start: u64, end: u64, state: State, obj: u32) {
    if start >= end {
        return;
    }
    let ran_between = lane.marks.last() == Some(&start);
    if let Some(last) = lane.spans.last_mut().filter(|_| !ran_between) {
        if last.end == start && last.state == state && last.obj == obj {
            last.end = end;
            return;
        }
    }
    lane.spans.push(Span {
        start,
        end,
        state,
        obj,
    });
}

#[cfg(test)]
mod tests {
    use super::super::data::tests::sample;
    use super::*;
    use crate::rt::trace::Event;

    #[test]
    fn spans_follow_state_changes() {
        let tl = Timeline::build(&sample());
        let worker = &tl.lanes[2];
        assert_eq!(
            worker.spans,
            [Span {
                start: 0,
                end: 10,
                state: State::Recv,
                obj: 1
            }]
        );
        // It ran at 0 until it blocked, and at 10 until it returned, for no virtual time.
        assert_eq!(worker.marks, [0, 10]);
        assert_eq!(worker.done_at, Some(10));
        // main ran at 0 and at 10 for no time, and slept between.
        let main = &tl.lanes[1];
        assert_eq!(main.spans.len(), 1);
        assert_eq!(main.spans[0].state, State::Sleep);
        assert_eq!(main.marks, [0, 10]);
    }

    #[test]
    fn a_wait_still_open_when_the_run_ends_is_kept() {
        // A deadlock at 0: the worker waits to receive and main sleeps, and the run ends there.
        let mut t = sample();
        t.events.truncate(5);
        t.end_ns = 0;
        let tl = Timeline::build(&t);
        assert!(
            tl.lanes[2].spans.is_empty(),
            "a wait of no time draws no span"
        );
        assert_eq!(
            tl.lanes[2].stuck,
            Some(Span {
                start: 0,
                end: 0,
                state: State::Recv,
                obj: 1
            })
        );
        assert_eq!(tl.lanes[1].stuck.map(|s| s.state), Some(State::Sleep));
        // A run that ends with everyone done leaves nobody stuck.
        let tl = Timeline::build(&sample());
        assert!(tl.lanes.iter().all(|l| l.stuck.is_none()));
    }

    #[test]
    fn sends_are_matched_to_receives() {
        let tl = Timeline::build(&sample());
        assert_eq!(
            tl.arrows,
            [Arrow {
                chan: 1,
                seq: 0,
                send_t: 10,
                send_g: 1,
                recv_t: 10,
                recv_g: 2
            }]
        );
        assert_eq!(tl.unmatched, 0);
    }

    #[test]
    fn cpu_work_is_split_into_waiting_and_working() {
        let mut t = sample();
        t.end_ns = 100;
        let ev = |t, g, obj, arg, kind, proc| Event {
            t,
            g,
            obj,
            arg,
            kind,
            proc,
        };
        // main asks for 30 ns of work at 20; processor 1 is free at 25.
        t.events.truncate(8);
        t.events.extend([
            ev(25, 1, 0, 30, Kind::ProcSpan, 1),
            ev(20, 1, 1, 3 + 10, Kind::GoState, 0),
            ev(55, 1, 0, 0, Kind::GoState, 0),
            ev(55, 1, 0, 2, Kind::GoState, 0),
        ]);
        let tl = Timeline::build(&t);
        let states: Vec<_> = tl.lanes[1]
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.state))
            .collect();
        // Runnable from its wake-up until the processor frees up, as one span.
        assert_eq!(
            states,
            [
                (0, 10, State::Sleep),
                (10, 25, State::Runnable),
                (25, 55, State::Cpu),
                (55, 100, State::Done)
            ]
        );
        assert_eq!(tl.lanes[1].marks, [0, 55]);
        assert_eq!(
            tl.procs[1],
            [ProcSpan {
                start: 25,
                end: 55,
                g: 1
            }]
        );
        assert!(tl.procs[0].is_empty());
    }

    #[test]
    fn lookups_find_spans_and_marks() {
        let lane = Lane {
            spans: vec![
                Span {
                    start: 0,
                    end: 10,
                    state: State::Sleep,
                    obj: 0,
                },
                Span {
                    start: 10,
                    end: 20,
                    state: State::Recv,
                    obj: 3,
                },
                Span {
                    start: 30,
                    end: 40,
                    state: State::Sync,
                    obj: 1,
                },
            ],
            marks: vec![10, 20, 25],
            ..Lane::default()
        };
        assert_eq!(lane.spans_in(5, 12).len(), 2);
        assert_eq!(lane.spans_in(10, 12)[0].state, State::Recv);
        assert_eq!(lane.spans_in(20, 30).len(), 0);
        assert_eq!(lane.spans_in(50, 60).len(), 0);
        assert_eq!(lane.span_at(10).map(|s| s.state), Some(State::Recv));
        assert_eq!(lane.span_at(25), None);
        assert_eq!(lane.marks_in(10, 24), [10, 20]);
    }

    #[test]
    fn arrows_are_windowed_and_capped() {
        let mut tl = Timeline::default();
        for i in 0..10u64 {
            tl.arrows.push(Arrow {
                chan: 1,
                seq: i as u32,
                send_t: i * 10,
                send_g: 1,
                recv_t: i * 10 + 5,
                recv_g: 2,
            });
        }
        let (a, more) = tl.arrows_in(20, 40, 100, |_| true);
        assert_eq!(a.iter().map(|a| a.seq).collect::<Vec<_>>(), [2, 3, 4]);
        assert!(!more);
        let (a, more) = tl.arrows_in(0, 100, 4, |_| true);
        assert_eq!(a.len(), 4);
        assert!(more);
        let (a, _) = tl.arrows_in(0, 100, 100, |a| a.seq % 2 == 0);
        assert_eq!(a.len(), 5);
    }
}
