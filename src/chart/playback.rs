//! Replaying a run: a playhead that moves through the run's time at a chosen speed, revealing
//! output lines as the program printed them (as the Go Playground plays back its delays).
//!
//! The playhead is a function of the wall clock: it started at `from_ns` when the wall clock
//! read `started_ms`, and moves `speed` ns of run time per ns of wall time. Nothing is stepped,
//! so a slow frame never makes the replay drift.

/// The speeds offered, slowest first.
pub const SPEEDS: [f64; 7] = [0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0];

/// A replay in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Playback {
    pub speed: f64,
    /// Run time (ns) at which it started.
    pub from_ns: f64,
    /// Wall clock (ms) at which it started.
    pub started_ms: f64,
}

impl Playback {
    /// A replay of a run from `from_ns`, starting now (`now_ms`), at `speed` (clamped to
    /// [`SPEEDS`]' range).
    pub fn start(from_ns: f64, now_ms: f64, speed: f64) -> Self {
        Playback {
            speed: clamp_speed(speed),
            from_ns,
            started_ms: now_ms,
        }
    }

    /// The playhead at wall time `now_ms`, at most `end_ns`.
    pub fn position(&self, now_ms: f64, end_ns: f64) -> f64 {
        let elapsed_ms = (now_ms - self.started_ms).max(0.0);
        (self.from_ns + elapsed_ms * 1e6 * self.speed).min(end_ns)
    }

    /// True once the playhead reached `end_ns`.
    pub fn finished(&self, now_ms: f64, end_ns: f64) -> bool {
        self.position(now_ms, end_ns) >= end_ns
    }

    /// The same replay at another speed, continuing from where it is at `now_ms`.
    pub fn with_speed(&self, speed: f64, now_ms: f64, end_ns: f64) -> Self {
        Playback::start(self.position(now_ms, end_ns), now_ms, speed)
    }
}

fn clamp_speed(speed: f64) -> f64 {
    if speed.is_finite() {
        speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1])
    } else {
        1.0
    }
}

/// How many output lines, printed at `times` (ns, in order), were printed by run time `t_ns`.
pub fn lines_shown(times: &[u64], t_ns: f64) -> usize {
    times.partition_point(|&t| (t as f64) <= t_ns)
}

/// The speed's label (`0.25×`).
pub fn speed_label(speed: f64) -> String {
    format!("{speed}×")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_playhead_follows_the_wall_clock() {
        let p = Playback::start(0.0, 1000.0, 1.0);
        assert_eq!(p.position(1000.0, 1e9), 0.0);
        assert_eq!(p.position(1050.0, 1e9), 50e6);
        assert_eq!(p.position(500.0, 1e9), 0.0);
        let slow = Playback::start(0.0, 0.0, 0.1);
        assert_eq!(slow.position(100.0, 1e9), 10e6);
        assert!(p.finished(3000.0, 1e9));
        assert!(!p.finished(1999.0, 1e9));
    }

    #[test]
    fn changing_speed_continues_from_the_playhead() {
        let p = Playback::start(0.0, 0.0, 1.0);
        let q = p.with_speed(10.0, 10.0, 1e9);
        assert_eq!(q.from_ns, 10e6);
        assert_eq!(q.position(20.0, 1e9), 110e6);
        assert_eq!(Playback::start(0.0, 0.0, 99.0).speed, 10.0);
        assert_eq!(Playback::start(0.0, 0.0, f64::NAN).speed, 1.0);
    }

    #[test]
    fn lines_appear_when_printed() {
        let lines = [0, 50, 50, 100];
        assert_eq!(lines_shown(&lines, 0.0), 1);
        assert_eq!(lines_shown(&lines, 49.0), 1);
        assert_eq!(lines_shown(&lines, 50.0), 3);
        assert_eq!(lines_shown(&lines, 1e9), 4);
        assert_eq!(speed_label(0.25), "0.25×");
    }
}
