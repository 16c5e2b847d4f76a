//! What the reader chose on the trace views: the tab, the window of time, the groups opened
//! or closed, the arrows, and a replay. A plain model changed only by [`Action`]s
//! ([`TraceView::apply`]); the component (`ui/trace_views.rs`) renders it and turns events
//! into actions.
//!
//! The window, the groups, the arrows and the replay belong to one trace: a new trace starts
//! from their defaults. So every read and every action names the trace ([`Trace`]), and
//! choices made for another trace read as defaults, without an extra render to reset them.
//! The tab and the replay's pace carry over from one run to the next.
//!
//! The tools act where they can: zoom on the views with a time axis, arrows and replay on the
//! goroutine timeline ([`Tab::zooms`], [`Tab::replays`]); leaving the timeline ends a replay.
//!
//! # Invariants
//! - `replay` and `playhead` are both set or both unset.
//! - `reveal` is `None` unless a replay runs: the output shows every line.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::chart::playback::{lines_shown, Pace, Playback, STEPS};
use crate::chart::scale::Viewport;

/// Runs above this many events start with arrows hidden, so that they are not a solid mass.
pub const LARGE_EVENTS: usize = 1_000_000;

/// The trace the views show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    /// Tells traces apart (the page gives the trace's address).
    pub key: usize,
    /// When its run ended (ns).
    pub end_ns: u64,
    /// Its events, which decide whether arrows start shown.
    pub events: usize,
}

/// The views under the toolbar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Goroutines,
    Processors,
    Channels,
    Metrics,
}

impl Tab {
    pub const ALL: [Tab; 4] = [
        Tab::Goroutines,
        Tab::Processors,
        Tab::Channels,
        Tab::Metrics,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Goroutines => "Goroutines",
            Tab::Processors => "Processors",
            Tab::Channels => "Channels",
            Tab::Metrics => "Metrics",
        }
    }

    /// Whether the view has a time axis, which zoom and pan move.
    pub fn zooms(self) -> bool {
        self != Tab::Metrics
    }

    /// Whether the view shows the goroutines, which the arrows join and a replay plays.
    pub fn replays(self) -> bool {
        self == Tab::Goroutines
    }

    /// The name in test ids and attributes (`tab-goroutines`).
    pub fn key(self) -> &'static str {
        match self {
            Tab::Goroutines => "goroutines",
            Tab::Processors => "processors",
            Tab::Channels => "channels",
            Tab::Metrics => "metrics",
        }
    }
}

/// What the reader does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show this window (dragged, zoomed by the wheel, moved by the keys).
    View(Viewport),
    /// Zoom by `factor` around the middle (the − and + buttons).
    Zoom(f64),
    /// Show the whole run.
    Fit,
    ToggleArrows,
    /// Open or close the group of goroutines with this label.
    ToggleGroup(u32),
    Tab(Tab),
    /// An instant picked in the output: the goroutines at that time.
    Mark(u64),
    /// Start a replay at wall-clock time `now_ms`, revealing output lines printed at `times`
    /// (ns, in order), in jumps if the reader asked for `reduced_motion`; or stop the one
    /// running.
    Replay {
        now_ms: f64,
        times: Rc<[u64]>,
        reduced_motion: bool,
    },
    /// Replay at another pace from `now_ms` on.
    Pace {
        pace: Pace,
        now_ms: f64,
    },
    /// An animation frame at wall-clock time `now_ms`: the playhead moves.
    Frame {
        now_ms: f64,
    },
}

/// The reader's choices (see the module doc).
#[derive(Clone, Debug, PartialEq)]
pub struct TraceView {
    /// The trace the per-trace choices below were made for.
    key: usize,
    /// The window; `None` is the whole run.
    view: Option<Viewport>,
    /// Groups opened or closed against their default, by label.
    toggled: BTreeSet<u32>,
    /// `None` is the default for the run's size.
    arrows: Option<bool>,
    replay: Option<Playback>,
    /// The replay's run time now (ns).
    playhead: Option<f64>,
    /// When each output line was printed (ns), for the replay.
    times: Rc<[u64]>,
    /// The output lines the replay has revealed so far.
    shown: usize,
    /// During a replay, the run time up to which output lines are shown.
    reveal: Option<u64>,
    pub tab: Tab,
    pub pace: Pace,
}

impl Default for TraceView {
    fn default() -> Self {
        TraceView {
            key: 0,
            view: None,
            toggled: BTreeSet::new(),
            arrows: None,
            replay: None,
            playhead: None,
            times: Rc::from([]),
            shown: 0,
            reveal: None,
            tab: Tab::Goroutines,
            pace: Pace::DEFAULT,
        }
    }
}

impl TraceView {
    /// The choices for `trace`: these, or the defaults if they were made for another.
    fn of(&self, trace: Trace) -> TraceView {
        if self.key == trace.key {
            return self.clone();
        }
        TraceView {
            key: trace.key,
            tab: self.tab,
            pace: self.pace,
            ..TraceView::default()
        }
    }

    fn same(&self, trace: Trace) -> bool {
        self.key == trace.key
    }

    /// The window of `trace` shown.
    pub fn viewport(&self, trace: Trace) -> Viewport {
        self.view
            .filter(|_| self.same(trace))
            .unwrap_or(Viewport::fit(trace.end_ns))
    }

    /// Whether send→receive arrows are drawn on `trace`.
    pub fn arrows(&self, trace: Trace) -> bool {
        self.arrows
            .filter(|_| self.same(trace))
            .unwrap_or(trace.events <= LARGE_EVENTS)
    }

    /// The groups of `trace` opened or closed against their default.
    pub fn toggled(&self, trace: Trace) -> BTreeSet<u32> {
        if self.same(trace) {
            self.toggled.clone()
        } else {
            BTreeSet::new()
        }
    }

    /// The replay of `trace` running, if any.
    pub fn replay(&self, trace: Trace) -> Option<Playback> {
        self.replay.filter(|_| self.same(trace))
    }

    /// The replay's playhead on `trace` (ns).
    pub fn playhead(&self, trace: Trace) -> Option<f64> {
        self.playhead.filter(|_| self.same(trace))
    }

    /// The speed a replay of `trace` goes at, run time per wall time.
    pub fn speed(&self, trace: Trace) -> f64 {
        self.replay(trace)
            .map_or_else(|| self.pace.speed(trace.end_ns), |p| p.speed)
    }

    /// During a replay, the run time up to which output lines are shown; `None`: all.
    pub fn reveal(&self) -> Option<u64> {
        self.reveal
    }

    /// These choices after `action` on `trace`.
    pub fn apply(&self, trace: Trace, action: Action) -> TraceView {
        let mut next = self.of(trace);
        let end = trace.end_ns;
        match action {
            Action::View(v) => next.view = Some(v.clamped(end)),
            Action::Zoom(factor) => {
                next.view = Some(next.viewport(trace).zoom(factor, 0.5, end).clamped(end));
            }
            Action::Fit => next.view = Some(Viewport::fit(end)),
            Action::ToggleArrows => next.arrows = Some(!next.arrows(trace)),
            Action::ToggleGroup(label) => {
                if !next.toggled.remove(&label) {
                    next.toggled.insert(label);
                }
            }
            Action::Tab(tab) => {
                next.tab = tab;
                if !tab.replays() {
                    next.stop_replay();
                }
            }
            Action::Mark(t) => {
                next.tab = Tab::Goroutines;
                let v = next.viewport(trace);
                if (t as f64) < v.start || (t as f64) > v.end {
                    next.view = Some(v.center_on(t as f64, end).clamped(end));
                }
            }
            Action::Replay {
                now_ms,
                times,
                reduced_motion,
            } => {
                if next.replay.is_some() {
                    next.stop_replay();
                } else {
                    let step = reduced_motion.then(|| end.max(1) as f64 / f64::from(STEPS));
                    let speed = next.pace.speed(end);
                    next.replay = Some(Playback::start(0.0, now_ms, speed, step));
                    next.playhead = Some(0.0);
                    next.times = times;
                    next.shown = usize::MAX;
                }
            }
            Action::Pace { pace, now_ms } => {
                next.pace = pace;
                if let Some(p) = next.replay {
                    next.replay = Some(p.with_speed(pace.speed(end), now_ms, f64::MAX));
                }
            }
            Action::Frame { now_ms } => {
                let Some(p) = next.replay else {
                    return next;
                };
                let end = end as f64;
                if p.finished(now_ms, end) {
                    next.stop_replay();
                    return next;
                }
                let at = p.position(now_ms, end);
                next.playhead = Some(at);
                let n = lines_shown(&next.times, at);
                if n != next.shown {
                    next.shown = n;
                    next.reveal = Some(at as u64);
                }
            }
        }
        next
    }

    fn stop_replay(&mut self) {
        self.replay = None;
        self.playhead = None;
        self.reveal = None;
        self.times = Rc::from([]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: Trace = Trace {
        key: 1,
        end_ns: 1_000,
        events: 10,
    };
    const NEXT: Trace = Trace {
        key: 2,
        end_ns: 500,
        events: 2_000_000,
    };

    #[test]
    fn a_trace_starts_from_the_defaults_and_keeps_the_tab() {
        let v = TraceView::default()
            .apply(RUN, Action::Zoom(2.0))
            .apply(RUN, Action::ToggleGroup(7))
            .apply(RUN, Action::Tab(Tab::Channels));
        assert_eq!(v.viewport(RUN).span(), 500.0);
        assert!(v.toggled(RUN).contains(&7));
        assert!(v.arrows(RUN));
        // Another trace reads the defaults, for its own size, and the same tab.
        assert_eq!(v.viewport(NEXT), Viewport::fit(500));
        assert!(v.toggled(NEXT).is_empty());
        assert!(!v.arrows(NEXT), "arrows start hidden on a large run");
        assert_eq!(v.tab, Tab::Channels);
        // An action on it starts it from them.
        let w = v.apply(NEXT, Action::ToggleArrows);
        assert!(w.arrows(NEXT));
        assert_eq!(w.viewport(NEXT), Viewport::fit(500));
    }

    #[test]
    fn a_picked_instant_brings_the_window_and_the_goroutines() {
        let v = TraceView::default()
            .apply(RUN, Action::Tab(Tab::Metrics))
            .apply(RUN, Action::View(Viewport::fit(1000).zoom(10.0, 0.0, 1000)));
        let inside = v.apply(RUN, Action::Mark(50));
        assert_eq!(inside.tab, Tab::Goroutines);
        assert_eq!(inside.viewport(RUN), v.viewport(RUN));
        let outside = v.apply(RUN, Action::Mark(900));
        let w = outside.viewport(RUN);
        assert!(w.start <= 900.0 && 900.0 <= w.end, "{w:?}");
        assert_eq!(w.span(), v.viewport(RUN).span());
    }

    #[test]
    fn a_replay_reveals_lines_as_they_were_printed_then_all() {
        let times: Rc<[u64]> = Rc::from([100, 400, 900]);
        let v = TraceView::default().apply(
            RUN,
            Action::Replay {
                now_ms: 0.0,
                times: times.clone(),
                reduced_motion: false,
            },
        );
        assert_eq!(v.playhead(RUN), Some(0.0));
        assert_eq!(v.reveal(), None);
        // By default the 1,000 ns run lasts 4 s: 4 ms of wall time is 1 ns of run time.
        assert_eq!(v.speed(RUN), 1000.0 / 4e9);
        let early = v.apply(RUN, Action::Frame { now_ms: 500.0 });
        assert_eq!(early.reveal(), Some(125), "one line printed by then");
        let same = early.apply(RUN, Action::Frame { now_ms: 600.0 });
        assert_eq!(same.reveal(), Some(125), "no new line, no new reveal");
        // Two seconds from here on: the rest goes twice as fast.
        let faster = same.apply(
            RUN,
            Action::Pace {
                pace: Pace::Seconds(2),
                now_ms: 600.0,
            },
        );
        assert_eq!(faster.speed(RUN), 2.0 * v.speed(RUN));
        assert!(faster.replay(RUN).is_some());
        let done = faster.apply(RUN, Action::Frame { now_ms: 2_400.0 });
        assert_eq!(done.replay(RUN), None);
        assert_eq!(done.playhead(RUN), None);
        assert_eq!(done.reveal(), None, "every line once the replay ends");
        assert_eq!(done.pace, Pace::Seconds(2), "the pace carries over");
    }

    #[test]
    fn with_less_motion_a_replay_jumps_and_the_other_tabs_end_it() {
        let v = TraceView::default().apply(
            RUN,
            Action::Replay {
                now_ms: 0.0,
                times: Rc::from([]),
                reduced_motion: true,
            },
        );
        let heads: BTreeSet<u64> = (0..45)
            .map(|i| {
                v.apply(
                    RUN,
                    Action::Frame {
                        now_ms: i as f64 * 100.0,
                    },
                )
            })
            .filter_map(|w| w.playhead(RUN))
            .map(|t| t as u64)
            .collect();
        assert_eq!(heads, (0..10).map(|i| i * 100).collect());
        let metrics = v.apply(RUN, Action::Tab(Tab::Metrics));
        assert_eq!(metrics.replay(RUN), None);
        assert!(!Tab::Metrics.zooms() && !Tab::Metrics.replays());
        assert!(Tab::Processors.zooms() && !Tab::Processors.replays());
    }

    #[test]
    fn replay_toggles_and_a_new_trace_ends_it() {
        let start = Action::Replay {
            now_ms: 0.0,
            times: Rc::from([]),
            reduced_motion: false,
        };
        let v = TraceView::default().apply(RUN, start.clone());
        assert!(v.replay(RUN).is_some());
        assert!(v.apply(RUN, start).replay(RUN).is_none());
        assert!(v.replay(NEXT).is_none());
        assert!(v
            .apply(NEXT, Action::Frame { now_ms: 1.0 })
            .replay(NEXT)
            .is_none());
    }
}
