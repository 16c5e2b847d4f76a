//! Time on the x axis: the visible window, its zoom and pan, the linear scale to pixels, and
//! "nice" ticks labelled in ns, µs, ms or s.
//!
//! Ticks follow the 1–2–5 rule: the step is 1, 2 or 5 times a power of ten nanoseconds,
//! chosen so that ticks fall about [`TICK_SPACING_PX`] apart. All labels of an axis share one
//! unit, picked from the window's end, so they read as one sequence (`0.5ms 1ms 1.5ms`). Deep
//! in a long run the labels would need many digits (`1.0000012s`); the axis then labels ticks
//! as offsets (`+200ns`) from an origin it names once.
//!
//! # Invariants
//! - A [`Viewport`] always lies within `[0, total]` and spans at least [`MIN_SPAN_NS`] (or the
//!   whole run, if that is shorter).

/// About how far apart ticks fall.
pub const TICK_SPACING_PX: f64 = 110.0;
/// The narrowest window zoom goes to.
pub const MIN_SPAN_NS: f64 = 10.0;

/// The visible time window, in ns from the start of the run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
}

impl Viewport {
    /// The whole run, `[0, total]`. A run that took no time still gets a window 1 µs wide,
    /// so that its instants have somewhere to be drawn.
    pub fn fit(total_ns: u64) -> Self {
        Viewport {
            start: 0.0,
            end: extent(total_ns),
        }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (> 1 in, < 1 out) about the instant at `anchor` (0 = left edge,
    /// 1 = right edge), which stays where it is on screen.
    pub fn zoom(self, factor: f64, anchor: f64, total_ns: u64) -> Self {
        if !(factor.is_finite() && factor > 0.0) {
            return self.clamped(total_ns);
        }
        let anchor = anchor.clamp(0.0, 1.0);
        let at = self.start + self.span() * anchor;
        let span = self.span() / factor;
        Viewport {
            start: at - span * anchor,
            end: at + span * (1.0 - anchor),
        }
        .clamped(total_ns)
    }

    /// Moves the window by `fraction` of its width (positive: later).
    pub fn pan(self, fraction: f64, total_ns: u64) -> Self {
        if !fraction.is_finite() {
            return self.clamped(total_ns);
        }
        let d = self.span() * fraction;
        Viewport {
            start: self.start + d,
            end: self.end + d,
        }
        .clamped(total_ns)
    }

    /// A window of the same width centred on `t`.
    pub fn center_on(self, t: f64, total_ns: u64) -> Self {
        let half = self.span() / 2.0;
        Viewport {
            start: t - half,
            end: t + half,
        }
        .clamped(total_ns)
    }

    /// This window moved and narrowed as little as possible to satisfy the invariant.
    pub fn clamped(self, total_ns: u64) -> Self {
        let total = extent(total_ns);
        let (mut start, mut end) = (self.start, self.end);
        if !(start.is_finite() && end.is_finite()) || end < start {
            return Viewport::fit(total_ns);
        }
        let min = MIN_SPAN_NS.min(total);
        if end - start < min {
            let mid = (start + end) / 2.0;
            start = mid - min / 2.0;
            end = mid + min / 2.0;
        }
        let span = (end - start).min(total);
        if start < 0.0 {
            start = 0.0;
            end = span;
        }
        if end > total {
            end = total;
            start = (total - span).max(0.0);
        }
        Viewport { start, end }
    }

    /// True when this window shows the whole run.
    pub fn is_fit(&self, total_ns: u64) -> bool {
        self.start <= 0.0 && self.end >= extent(total_ns)
    }
}

fn extent(total_ns: u64) -> f64 {
    if total_ns == 0 {
        1000.0
    } else {
        total_ns as f64
    }
}

/// Maps the window `view` onto `width` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    pub view: Viewport,
    pub width: f64,
}

impl TimeScale {
    pub fn new(view: Viewport, width: f64) -> Self {
        TimeScale {
            view,
            width: width.max(1.0),
        }
    }

    /// Pixels per ns.
    pub fn k(&self) -> f64 {
        self.width / self.view.span().max(f64::MIN_POSITIVE)
    }

    /// The x of instant `t` (ns).
    pub fn x(&self, t: f64) -> f64 {
        (t - self.view.start) * self.k()
    }

    /// The instant at x.
    pub fn t(&self, x: f64) -> f64 {
        self.view.start + x / self.k()
    }

    /// Ticks about [`TICK_SPACING_PX`] apart, labelled.
    pub fn axis(&self) -> Axis {
        let n = (self.width / TICK_SPACING_PX).max(2.0);
        let step = nice_step(self.view.span() / n);
        let unit = Unit::for_value(self.view.end.max(step));
        let decimals = unit.decimals_for(step);
        let first = (self.view.start / step).ceil() * step;
        let mut ticks = Vec::new();
        let mut i = 0.0;
        // Ticks are computed from their index, so rounding errors do not accumulate.
        loop {
            let t = first + i * step;
            if t > self.view.end + step * 1e-9 || ticks.len() > 1000 {
                break;
            }
            ticks.push((t, self.x(t)));
            i += 1.0;
        }
        if decimals <= 3 {
            return Axis {
                ticks: ticks
                    .into_iter()
                    .map(|(t, x)| Tick {
                        t,
                        x,
                        label: unit.format(t, decimals),
                    })
                    .collect(),
                origin: None,
            };
        }
        // Offsets from the first tick, in the step's own unit.
        let origin = ticks.first().map_or(self.view.start, |&(t, _)| t);
        let su = Unit::for_value(step);
        let sd = su.decimals_for(step);
        Axis {
            ticks: ticks
                .into_iter()
                .map(|(t, x)| Tick {
                    t,
                    x,
                    label: if t == origin {
                        "+0".to_string()
                    } else {
                        format!("+{}", su.format(t - origin, sd))
                    },
                })
                .collect(),
            origin: Some(unit.format(origin, decimals)),
        }
    }
}

/// An axis's ticks; when `origin` is set, labels are offsets from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub ticks: Vec<Tick>,
    pub origin: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub t: f64,
    pub x: f64,
    pub label: String,
}

/// The 1–2–5 step nearest above `raw` ns (at least 1 ns).
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 1.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// A unit time is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Ns,
    Us,
    Ms,
    S,
}

impl Unit {
    /// The largest unit in which `ns` is at least 1.
    pub fn for_value(ns: f64) -> Unit {
        let ns = ns.abs();
        if ns >= 1e9 {
            Unit::S
        } else if ns >= 1e6 {
            Unit::Ms
        } else if ns >= 1e3 {
            Unit::Us
        } else {
            Unit::Ns
        }
    }

    pub fn ns(self) -> f64 {
        match self {
            Unit::Ns => 1.0,
            Unit::Us => 1e3,
            Unit::Ms => 1e6,
            Unit::S => 1e9,
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Ns => "ns",
            Unit::Us => "µs",
            Unit::Ms => "ms",
            Unit::S => "s",
        }
    }

    /// Decimals that tell apart values `step` ns apart.
    fn decimals_for(self, step: f64) -> usize {
        let v = step / self.ns();
        if v >= 1.0 {
            0
        } else {
            (-v.log10()).ceil().clamp(0.0, 9.0) as usize
        }
    }

    /// `ns` in this unit with at most `decimals` decimals, trailing zeros dropped.
    pub fn format(self, ns: f64, decimals: usize) -> String {
        let mut s = format!("{:.*}", decimals, ns / self.ns());
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        if s == "-0" {
            s = "0".to_string();
        }
        if s == "0" {
            return s;
        }
        s + self.suffix()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(view: (f64, f64), width: f64) -> Vec<String> {
        let s = TimeScale::new(
            Viewport {
                start: view.0,
                end: view.1,
            },
            width,
        );
        s.axis().ticks.into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn steps_are_one_two_five() {
        assert_eq!(nice_step(0.3), 1.0);
        assert_eq!(nice_step(1.5), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(180.0), 200.0);
        assert_eq!(nice_step(4.2e6), 5e6);
    }

    #[test]
    fn ticks_read_in_one_sensible_unit() {
        // worker-pool's default run: 200 ms on a 660 px axis.
        assert_eq!(
            labels((0.0, 200e6), 660.0),
            ["0", "50ms", "100ms", "150ms", "200ms"]
        );
        assert_eq!(
            labels((0.0, 2e6), 440.0),
            ["0", "0.5ms", "1ms", "1.5ms", "2ms"]
        );
        assert_eq!(labels((0.0, 900.0), 330.0), ["0", "500ns"]);
        assert_eq!(labels((0.0, 3e9), 330.0), ["0", "1s", "2s", "3s"]);
        assert_eq!(
            labels((0.0, 40e3), 440.0),
            ["0", "10µs", "20µs", "30µs", "40µs"]
        );
    }

    #[test]
    fn deep_zoom_labels_offsets_from_an_origin() {
        let s = TimeScale::new(
            Viewport {
                start: 1e9 + 1000.0,
                end: 1e9 + 1400.0,
            },
            440.0,
        );
        let axis = s.axis();
        assert_eq!(axis.origin.as_deref(), Some("1.000001s"));
        let l: Vec<_> = axis.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(l, ["+0", "+100ns", "+200ns", "+300ns", "+400ns"]);
    }

    #[test]
    fn ticks_land_on_their_pixels() {
        let s = TimeScale::new(
            Viewport {
                start: 25.0,
                end: 125.0,
            },
            1000.0,
        );
        let axis = s.axis();
        assert!(axis
            .ticks
            .iter()
            .all(|t| (t.x - (t.t - 25.0) * 10.0).abs() < 1e-9));
        assert_eq!(axis.ticks[0].t, 40.0);
        assert_eq!(s.t(s.x(77.0)), 77.0);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_stays_in_bounds() {
        let v = Viewport::fit(1000);
        let z = v.zoom(2.0, 0.25, 1000);
        assert_eq!(
            z,
            Viewport {
                start: 125.0,
                end: 625.0
            }
        );
        assert_eq!(z.zoom(0.5, 0.25, 1000), v);
        // Zooming out past the run fits it.
        assert_eq!(v.zoom(0.1, 0.5, 1000), v);
        // Zooming in stops at the narrowest window.
        let deep = v.zoom(1e9, 0.5, 1000);
        assert_eq!(deep.span(), MIN_SPAN_NS);
        assert_eq!(deep.start, 495.0);
    }

    #[test]
    fn pan_stops_at_the_edges() {
        let v = Viewport {
            start: 100.0,
            end: 200.0,
        };
        assert_eq!(
            v.pan(0.5, 1000),
            Viewport {
                start: 150.0,
                end: 250.0
            }
        );
        assert_eq!(
            v.pan(-5.0, 1000),
            Viewport {
                start: 0.0,
                end: 100.0
            }
        );
        assert_eq!(
            v.pan(50.0, 1000),
            Viewport {
                start: 900.0,
                end: 1000.0
            }
        );
        assert_eq!(v.center_on(0.0, 1000).start, 0.0);
        assert!(Viewport::fit(1000).is_fit(1000));
        assert!(!v.is_fit(1000));
    }

    #[test]
    fn a_run_of_no_time_gets_a_window() {
        assert_eq!(Viewport::fit(0).span(), 1000.0);
        let bad = Viewport {
            start: f64::NAN,
            end: 3.0,
        };
        assert_eq!(bad.clamped(50), Viewport::fit(50));
    }
}
