//! The processor view's model: which goroutine ran on which processor when, and how busy each
//! processor was.
//!
//! In sim mode the processors are virtual and only CPU work (`cpu_work`) occupies them; the
//! rest of a goroutine's code runs in zero virtual time. A run without CPU work therefore
//! leaves its processors idle, which is what [`ProcStats::busy_ns`] then says.

use super::spans::{ProcSpan, Timeline};

/// One processor's totals.
#[derive(Clone, Debug, PartialEq)]
pub struct ProcStats {
    pub id: u32,
    /// Time it spent on CPU work (ns).
    pub busy_ns: u64,
    /// `busy_ns` over the run's length, 0..=1.
    pub utilisation: f64,
    /// Pieces of work it ran.
    pub spans: usize,
}

/// Totals of every processor.
pub fn proc_stats(timeline: &Timeline) -> Vec<ProcStats> {
    let total = timeline.end_ns.max(1) as f64;
    timeline
        .procs
        .iter()
        .enumerate()
        .map(|(id, spans)| {
            let busy_ns = busy_in(spans, 0, u64::MAX);
            ProcStats {
                id: id as u32,
                busy_ns,
                utilisation: (busy_ns as f64 / total).min(1.0),
                spans: spans.len(),
            }
        })
        .collect()
}

/// The work of `spans` (sorted, disjoint) that overlaps `[from, to)`.
pub fn spans_in(spans: &[ProcSpan], from: u64, to: u64) -> &[ProcSpan] {
    let a = spans.partition_point(|s| s.end <= from);
    let b = spans.partition_point(|s| s.start < to);
    &spans[a..b.max(a)]
}

/// The work running at instant `t`.
pub fn span_at(spans: &[ProcSpan], t: u64) -> Option<&ProcSpan> {
    let i = spans.partition_point(|s| s.end <= t);
    spans.get(i).filter(|s| s.start <= t)
}

/// Busy time within `[from, to)`.
pub fn busy_in(spans: &[ProcSpan], from: u64, to: u64) -> u64 {
    spans_in(spans, from, to)
        .iter()
        .map(|s| s.end.min(to).saturating_sub(s.start.max(from)))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tl() -> Timeline {
        let p = |start, end, g| ProcSpan { start, end, g };
        Timeline {
            procs: vec![vec![p(0, 40, 2), p(50, 100, 3)], vec![p(10, 35, 4)]],
            end_ns: 100,
            ..Timeline::default()
        }
    }

    #[test]
    fn utilisation_is_busy_over_elapsed() {
        let s = proc_stats(&tl());
        assert_eq!(s[0].busy_ns, 90);
        assert!((s[0].utilisation - 0.9).abs() < 1e-12);
        assert_eq!(s[1].busy_ns, 25);
        assert_eq!(s[1].spans, 1);
    }

    #[test]
    fn windows_clip_the_work() {
        let t = tl();
        assert_eq!(busy_in(&t.procs[0], 30, 60), 20);
        assert_eq!(spans_in(&t.procs[0], 40, 50), []);
        assert_eq!(span_at(&t.procs[0], 60).map(|s| s.g), Some(3));
        assert_eq!(span_at(&t.procs[0], 45), None);
    }
}
