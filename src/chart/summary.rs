//! The timeline in words: per goroutine, when it started and ended and how long it spent in
//! each state. It is the timeline's text alternative (a table the page offers beside the
//! drawing), so no state is told by its colour alone.
//!
//! # Invariants
//! - Rows are in goroutine order (main first) and at most the `max` asked for; `total` counts
//!   every goroutine of the trace.
//! - A row's states are those it spent time in, longest first.

use super::data::TraceData;
use super::spans::Timeline;
use super::state::{State, STATES};

/// One goroutine, as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Its lane name (`worker 3`).
    pub name: String,
    pub started_ns: u64,
    /// When it returned; `None` when it was still alive at the end of the trace.
    pub ended_ns: Option<u64>,
    /// The time it spent in each state it was in, longest first.
    pub states: Vec<(State, u64)>,
}

/// The table: its first rows, and how many goroutines there are in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Row>,
    pub total: usize,
}

/// The first `max` goroutines of `trace` (drawn as `timeline`), as rows.
pub fn table(trace: &TraceData, timeline: &Timeline, max: usize) -> Table {
    let rows = (1..trace.goroutines.len())
        .take(max)
        .map(|g| {
            let lane = timeline.lanes.get(g).cloned().unwrap_or_default();
            let mut time = [0u64; STATES];
            for span in &lane.spans {
                time[span.state as usize] += span.duration();
            }
            let mut states: Vec<(State, u64)> = State::ALL
                .iter()
                .map(|&s| (s, time[s as usize]))
                .filter(|&(s, t)| t > 0 && s != State::Done)
                .collect();
            states.sort_by_key(|&(s, t)| (std::cmp::Reverse(t), s));
            Row {
                name: trace.name(g as u32),
                started_ns: trace.goroutines[g].created_ns,
                ended_ns: lane.done_at,
                states,
            }
        })
        .collect();
    Table {
        rows,
        total: trace.goroutine_count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::{go_named, make_chan, ms, sleep, Config, Runtime, WaitGroup};

    async fn worker(ch: crate::rt::Chan<u32>, wg: WaitGroup) {
        sleep(ms(10)).await;
        ch.send(1).await;
        wg.done().await;
    }

    #[test]
    fn each_goroutine_says_what_it_did_in_words() {
        let report = Runtime::new(Config::default()).run(async {
            let ch = make_chan::<u32>(0);
            let wg = WaitGroup::new();
            for i in 0..3 {
                wg.add(1).await;
                go_named("worker", i, worker, (ch, wg));
            }
            sleep(ms(30)).await;
            for _ in 0..3 {
                ch.recv().await;
            }
            wg.wait().await;
        });
        let trace = TraceData::from_trace(&report.trace, report.end_ns, 1);
        let timeline = Timeline::build(&trace);
        let t = table(&trace, &timeline, 2);
        assert_eq!(t.total, 4);
        assert_eq!(t.rows.len(), 2);
        let main = &t.rows[0];
        assert_eq!(main.name, "main");
        assert_eq!(main.states[0], (State::Sleep, 30_000_000));
        let w = &t.rows[1];
        assert_eq!(w.name, "worker 0");
        assert_eq!(w.ended_ns, Some(30_000_000));
        // Slept 10 ms, then waited 20 ms for main to receive.
        assert_eq!(
            w.states,
            [(State::Send, 20_000_000), (State::Sleep, 10_000_000)]
        );
    }
}
