//! Aggregation for scale: what one lane looks like at one pixel's resolution.
//!
//! However many spans a lane holds, the screen has only so many pixel columns. The
//! [`Aggregator`] adds up, for every column, how much of it each state covers, and draws the
//! column in its dominant state; neighbouring columns of one state merge into one [`Bar`]. So a
//! lane draws at most one bar per column, and a view at most lanes × columns, whatever the
//! number of events. A lane of 100,000 sub-pixel spans and a collapsed group of 10,000
//! goroutines cost the same to draw as a lane of ten.
//!
//! Coverage is accumulated with difference arrays: a span adds its partial coverage to its two
//! end columns and a +1/−1 pair for the columns it covers fully, so adding a span costs O(1)
//! however wide it is, and finishing a lane costs O(columns × states).
//!
//! `Done` only wins a column nothing else covers: the instant a goroutine returns, it should
//! show what it did, not that it ended.

use super::scale::TimeScale;
use super::spans::Span;
use super::state::{State, STATES};

/// Pixel columns `x0..x1` drawn in `state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub x0: u32,
    pub x1: u32,
    pub state: State,
}

/// Per-column coverage of a lane being aggregated; reused lane after lane.
pub struct Aggregator {
    scale: TimeScale,
    cols: usize,
    /// Coverage of columns only partly covered by a span, per state.
    part: Vec<[f32; STATES]>,
    /// Difference array of fully covered columns: column c is covered by the sum of
    /// `full[0..=c]` spans.
    full: Vec<[i32; STATES]>,
    /// Set once anything was added.
    touched: bool,
}

impl Aggregator {
    pub fn new(scale: TimeScale) -> Self {
        let cols = scale.width.ceil().max(1.0) as usize;
        Aggregator {
            scale,
            cols,
            part: vec![[0.0; STATES]; cols],
            full: vec![[0; STATES]; cols + 1],
            touched: false,
        }
    }

    pub fn columns(&self) -> usize {
        self.cols
    }

    /// Adds `[start, end)` in `state`.
    pub fn add(&mut self, start: u64, end: u64, state: State) {
        let cols = self.cols as f64;
        let xa = self.scale.x(start as f64).clamp(0.0, cols);
        let xb = self.scale.x(end as f64).clamp(0.0, cols);
        if xb <= xa {
            return;
        }
        self.touched = true;
        let s = state as usize;
        let ca = xa.floor() as usize;
        let cb = xb.floor() as usize;
        if ca == cb {
            self.part[ca.min(self.cols - 1)][s] += (xb - xa) as f32;
            return;
        }
        self.part[ca][s] += ((ca + 1) as f64 - xa) as f32;
        if ca + 1 < cb {
            self.full[ca + 1][s] += 1;
            self.full[cb][s] -= 1;
        }
        if cb < self.cols {
            self.part[cb][s] += (xb - cb as f64) as f32;
        }
    }

    /// Adds every span of `spans`.
    pub fn add_spans(&mut self, spans: &[Span]) {
        for s in spans {
            self.add(s.start, s.end, s.state);
        }
    }

    /// The bars of what was added since the last call, which clears it.
    pub fn finish(&mut self) -> Vec<Bar> {
        let mut bars: Vec<Bar> = Vec::new();
        if !self.touched {
            return bars;
        }
        self.touched = false;
        let mut run = [0i32; STATES];
        for c in 0..self.cols {
            let mut cover = [0f32; STATES];
            for s in 0..STATES {
                run[s] += self.full[c][s];
                cover[s] = run[s] as f32 + self.part[c][s];
            }
            self.part[c] = [0.0; STATES];
            self.full[c] = [0; STATES];
            let Some(state) = dominant(&cover) else {
                continue;
            };
            let x = c as u32;
            match bars.last_mut() {
                Some(b) if b.x1 == x && b.state == state => b.x1 = x + 1,
                _ => bars.push(Bar {
                    x0: x,
                    x1: x + 1,
                    state,
                }),
            }
        }
        self.full[self.cols] = [0; STATES];
        bars
    }
}

/// The state covering most of a column; `Done` only when nothing else covers it.
fn dominant(cover: &[f32; STATES]) -> Option<State> {
    let mut best: Option<(usize, f32)> = None;
    for (s, &c) in cover.iter().enumerate() {
        if s == State::Done as usize || c <= 0.0 {
            continue;
        }
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((s, c));
        }
    }
    match best {
        Some((s, _)) => Some(State::ALL[s]),
        None if cover[State::Done as usize] > 0.0 => Some(State::Done),
        None => None,
    }
}

/// The runs of columns `x0..x1` that hold at least one of `marks` (instants, ns).
pub fn mark_runs<'a>(
    marks: impl IntoIterator<Item = &'a [u64]>,
    scale: &TimeScale,
) -> Vec<(u32, u32)> {
    let cols = scale.width.ceil().max(1.0) as usize;
    let mut hit = vec![false; cols];
    for lane in marks {
        for &m in lane {
            let x = scale.x(m as f64);
            if x >= 0.0 && x <= cols as f64 {
                hit[(x as usize).min(cols - 1)] = true;
            }
        }
    }
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for (c, _) in hit.iter().enumerate().filter(|(_, h)| **h) {
        let c = c as u32;
        match runs.last_mut() {
            Some(r) if r.1 == c => r.1 = c + 1,
            _ => runs.push((c, c + 1)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::super::scale::Viewport;
    use super::*;

    fn scale(end: f64, width: f64) -> TimeScale {
        TimeScale::new(Viewport { start: 0.0, end }, width)
    }

    fn span(start: u64, end: u64, state: State) -> Span {
        Span {
            start,
            end,
            state,
            obj: 0,
        }
    }

    #[test]
    fn wide_spans_draw_as_they_are() {
        let mut a = Aggregator::new(scale(100.0, 100.0));
        a.add_spans(&[
            span(0, 30, State::Sleep),
            span(30, 60, State::Recv),
            span(70, 100, State::Done),
        ]);
        assert_eq!(
            a.finish(),
            [
                Bar {
                    x0: 0,
                    x1: 30,
                    state: State::Sleep
                },
                Bar {
                    x0: 30,
                    x1: 60,
                    state: State::Recv
                },
                Bar {
                    x0: 70,
                    x1: 100,
                    state: State::Done
                },
            ]
        );
        // The aggregator is clean for the next lane.
        assert_eq!(a.finish(), []);
    }

    #[test]
    fn narrow_spans_merge_into_their_dominant_state() {
        // 10 px for 1000 ns: each column holds 100 ns; 30 ns of send and 70 ns of receive
        // alternate, so every column is mostly receive.
        let mut a = Aggregator::new(scale(1000.0, 10.0));
        let mut spans = Vec::new();
        for i in 0..10 {
            spans.push(span(i * 100, i * 100 + 30, State::Send));
            spans.push(span(i * 100 + 30, i * 100 + 100, State::Recv));
        }
        a.add_spans(&spans);
        assert_eq!(
            a.finish(),
            [Bar {
                x0: 0,
                x1: 10,
                state: State::Recv
            }]
        );
    }

    #[test]
    fn bars_are_bounded_by_columns_not_spans() {
        // 1,000,000 spans of alternating states into 500 columns.
        let mut a = Aggregator::new(scale(2_000_000.0, 500.0));
        for i in 0..1_000_000u64 {
            let st = if i % 3 == 0 {
                State::Running
            } else {
                State::Sleep
            };
            a.add(i * 2, i * 2 + 2, st);
        }
        let bars = a.finish();
        assert!(bars.len() <= 500);
        assert_eq!(
            bars,
            [Bar {
                x0: 0,
                x1: 500,
                state: State::Sleep
            }]
        );
    }

    #[test]
    fn overlapping_lanes_of_a_group_vote() {
        // Three goroutines: two sleep the whole time, one receives.
        let mut a = Aggregator::new(scale(100.0, 10.0));
        a.add(0, 100, State::Sleep);
        a.add(0, 100, State::Sleep);
        a.add(0, 100, State::Recv);
        assert_eq!(
            a.finish(),
            [Bar {
                x0: 0,
                x1: 10,
                state: State::Sleep
            }]
        );
    }

    #[test]
    fn done_yields_to_anything_else() {
        let mut a = Aggregator::new(scale(100.0, 10.0));
        a.add(0, 11, State::Sync);
        a.add(11, 100, State::Done);
        assert_eq!(
            a.finish(),
            [
                Bar {
                    x0: 0,
                    x1: 2,
                    state: State::Sync
                },
                Bar {
                    x0: 2,
                    x1: 10,
                    state: State::Done
                },
            ]
        );
    }

    #[test]
    fn spans_outside_the_window_are_clipped() {
        let s = TimeScale::new(
            Viewport {
                start: 50.0,
                end: 150.0,
            },
            10.0,
        );
        let mut a = Aggregator::new(s);
        a.add(0, 60, State::Select);
        a.add(60, 1000, State::Sleep);
        a.add(0, 10, State::Recv);
        assert_eq!(
            a.finish(),
            [
                Bar {
                    x0: 0,
                    x1: 1,
                    state: State::Select
                },
                Bar {
                    x0: 1,
                    x1: 10,
                    state: State::Sleep
                },
            ]
        );
    }

    #[test]
    fn marks_light_their_columns() {
        let s = scale(100.0, 10.0);
        let runs = mark_runs([&[0u64, 5, 12][..], &[55, 100][..]], &s);
        assert_eq!(runs, [(0, 2), (5, 6), (9, 10)]);
    }
}
