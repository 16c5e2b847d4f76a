//! Real mode's lanes, refined by the executors' record of CPU work.
//!
//! The hub sees a goroutine between two of its operations as *running on executor N*
//! ([`State::Executor`]), or, while its proxy has a record or an operation of it to handle,
//! as runnable or running on the hub. The executors record each piece of CPU work they run,
//! with the goroutine that ran it (the processor lanes, [`ProcSpan`]). So within those spans
//! of a goroutine placed on executor N:
//! - its own CPU work on N is CPU work ([`State::Cpu`], on that executor);
//! - another goroutine's CPU work on N is time it waited for the executor, which was busy
//!   ([`State::Runnable`]);
//! - the rest stays as the hub saw it (its Go code, and messages on their way).
//!
//! So a goroutine that never computes never shows CPU work, whoever computed beside it.
//!
//! # Invariants
//! - Only spans in which the goroutine is not waiting on an object change, and only within
//!   their own bounds: a lane's spans stay sorted and disjoint.

use super::spans::{Lane, ProcSpan, Span};
use super::state::State;

/// How many spans the lanes that outgrow their room may take in all (12 MB). How finely the
/// lanes are cut depends on how the run went: a million goroutines placed on executors while
/// others computed there have had 250,000 lanes outgrow theirs, some hundred MB of spans on the
/// page. Past this, a lane keeps the hub's view of it: running on its executor, its CPU work
/// not told apart.
pub const MAX_GROWN_SPANS: usize = 512 * 1024;

/// Refines every lane's spans on its executor with the executors' CPU work `procs` (indexed
/// by executor, each sorted by start and disjoint).
pub fn refine(lanes: &mut [Lane], procs: &[Vec<ProcSpan>]) {
    // One buffer for every lane: a lane's spans change in place, so a run of a million
    // goroutines allocates nothing per lane here but for the lanes that outgrow their room,
    // within MAX_GROWN_SPANS.
    let mut out = Vec::new();
    let mut room = MAX_GROWN_SPANS;
    for (g, lane) in lanes.iter_mut().enumerate() {
        // A goroutine runs on one executor, the one its running spans name; one that never
        // left the hub's side runs on the hub's own executor, 0.
        let executor = lane
            .spans
            .iter()
            .find(|s| s.state == State::Executor)
            .map_or(0, |s| s.obj);
        let Some(work) = procs.get(executor as usize) else {
            continue;
        };
        let refined =
            |s: &Span| matches!(s.state, State::Executor | State::Runnable | State::Running);
        // Most lanes never meet their executor's work: they stay as they are.
        if !lane.spans.iter().any(|s| refined(s) && overlaps(s, work)) {
            continue;
        }
        out.clear();
        for s in &lane.spans {
            if refined(s) {
                split(&mut out, *s, work, g as u32, executor);
            } else {
                out.push(*s);
            }
        }
        if out == lane.spans {
            continue;
        }
        if out.len() <= lane.spans.capacity() {
            lane.spans.clear();
            lane.spans.extend_from_slice(&out);
        } else if out.len() <= room {
            // Exactly its size: growing the lane's own would take up to twice the room.
            room -= out.len();
            lane.spans = out.clone();
        }
    }
}

/// Whether some of `work` (sorted by start, disjoint) falls within `span`.
fn overlaps(span: &Span, work: &[ProcSpan]) -> bool {
    let first = work.partition_point(|w| w.end <= span.start);
    work.get(first).is_some_and(|w| w.start < span.end)
}

/// Appends `span` (goroutine `g`, on `executor`, not waiting on an object) cut by that
/// executor's `work`.
fn split(out: &mut Vec<Span>, span: Span, work: &[ProcSpan], g: u32, executor: u32) {
    let first = work.partition_point(|w| w.end <= span.start);
    let mut at = span.start;
    for w in work[first..].iter().take_while(|w| w.start < span.end) {
        let (a, b) = (w.start.max(span.start), w.end.min(span.end));
        if a >= b {
            continue;
        }
        push(out, at, a, span.state, span.obj);
        let (state, obj) = if w.g == g {
            (State::Cpu, executor)
        } else {
            (State::Runnable, 0)
        };
        push(out, a.max(at), b, state, obj);
        at = at.max(b);
    }
    push(out, at, span.end, span.state, span.obj);
}

/// Appends a non-empty span, merged into the last one when it continues it.
fn push(out: &mut Vec<Span>, start: u64, end: u64, state: State, obj: u32) {
    if start >= end {
        return;
    }
    if let Some(last) = out.last_mut() {
        if last.end == start && last.state == state && last.obj == obj {
            last.end = end;
            return;
        }
    }
    out.push(Span {
        start,
        end,
        state,
        obj,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u64, end: u64, state: State, obj: u32) -> Span {
        Span {
            start,
            end,
            state,
            obj,
        }
    }

    fn work(start: u64, end: u64, g: u32) -> ProcSpan {
        ProcSpan { start, end, g }
    }

    #[test]
    fn lanes_outgrowing_their_room_take_at_most_the_bound() {
        // Goroutine 1 computes in a thousand pieces on executor 0, while each of the others is
        // placed there throughout: each of theirs would be cut in two thousand spans.
        let pieces = 1000u64;
        let procs = vec![(0..pieces)
            .map(|i| work(10 * i + 1, 10 * i + 6, 1))
            .collect()];
        let lanes_n = 1 + MAX_GROWN_SPANS / (2 * pieces as usize) + 10;
        let whole = span(0, 10 * pieces, State::Executor, 0);
        let mut lanes: Vec<Lane> = (0..lanes_n)
            .map(|_| Lane {
                spans: vec![whole],
                ..Lane::default()
            })
            .collect();
        refine(&mut lanes, &procs);
        let cut: Vec<usize> = lanes.iter().map(|l| l.spans.len()).collect();
        assert_eq!(cut[2], 2 * pieces as usize + 1);
        assert_eq!(lanes[2].spans[1], span(1, 6, State::Runnable, 0));
        let grown: usize = cut.iter().filter(|&&n| n > 1).sum();
        assert!(grown <= MAX_GROWN_SPANS, "{grown} spans");
        assert!(
            grown > MAX_GROWN_SPANS - 2 * pieces as usize - 1,
            "{grown} spans"
        );
        assert_eq!(
            lanes[lanes_n - 1].spans,
            vec![whole],
            "past the bound, as the hub saw it"
        );
    }

    #[test]
    fn own_work_is_cpu_and_others_work_is_waiting() {
        // Goroutines 1 and 2 share executor 0; 2 computes from 10 to 30 and 40 to 50, 1 from
        // 60 to 70. Goroutine 1 runs on the executor from 0 to 100, then waits on a channel.
        let procs = vec![vec![work(10, 30, 2), work(40, 50, 2), work(60, 70, 1)]];
        let mut lanes = vec![
            Lane::default(),
            Lane {
                spans: vec![
                    span(0, 100, State::Executor, 0),
                    span(100, 120, State::Recv, 7),
                ],
                ..Lane::default()
            },
            Lane {
                spans: vec![span(5, 55, State::Executor, 0)],
                ..Lane::default()
            },
        ];
        refine(&mut lanes, &procs);
        assert_eq!(
            lanes[1].spans,
            [
                span(0, 10, State::Executor, 0),
                span(10, 30, State::Runnable, 0),
                span(30, 40, State::Executor, 0),
                span(40, 50, State::Runnable, 0),
                span(50, 60, State::Executor, 0),
                span(60, 70, State::Cpu, 0),
                span(70, 100, State::Executor, 0),
                span(100, 120, State::Recv, 7),
            ]
        );
        assert_eq!(
            lanes[2].spans,
            [
                span(5, 10, State::Executor, 0),
                span(10, 30, State::Cpu, 0),
                span(30, 40, State::Executor, 0),
                span(40, 50, State::Cpu, 0),
                span(50, 55, State::Executor, 0),
            ]
        );
    }

    #[test]
    fn the_hub_handling_a_record_is_still_the_goroutine_on_its_executor() {
        // Goroutine 1 on executor 1: its proxy is runnable on the hub from 20 to 40 while
        // the executor's records of its work arrive.
        let procs = vec![vec![], vec![work(10, 50, 1)]];
        let mut lanes = vec![
            Lane::default(),
            Lane {
                spans: vec![
                    span(0, 20, State::Executor, 1),
                    span(20, 40, State::Runnable, 0),
                    span(40, 60, State::Executor, 1),
                    span(60, 70, State::Sync, 3),
                ],
                ..Lane::default()
            },
        ];
        refine(&mut lanes, &procs);
        assert_eq!(
            lanes[1].spans,
            [
                span(0, 10, State::Executor, 1),
                span(10, 50, State::Cpu, 1),
                span(50, 60, State::Executor, 1),
                span(60, 70, State::Sync, 3),
            ]
        );
    }

    #[test]
    fn work_on_another_executor_or_outside_the_span_changes_nothing() {
        let procs = vec![vec![], vec![work(0, 50, 1)]];
        let mut lanes = vec![
            Lane::default(),
            Lane {
                spans: vec![span(10, 20, State::Executor, 0)],
                ..Lane::default()
            },
        ];
        refine(&mut lanes, &procs);
        assert_eq!(lanes[1].spans, [span(10, 20, State::Executor, 0)]);
        // Work that starts before the span and ends inside it is cut to the span.
        let procs = vec![vec![work(0, 15, 1)]];
        refine(&mut lanes, &procs);
        assert_eq!(
            lanes[1].spans,
            [
                span(10, 15, State::Cpu, 0),
                span(15, 20, State::Executor, 0)
            ]
        );
    }
}
