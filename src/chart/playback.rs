//! Replaying a run: a playhead that moves through the run's time, revealing output lines as
//! the program printed them (as the Go Playground plays back its delays).
//!
//! A replay lasts a chosen length of wall time, a few seconds by default, whatever the run's
//! own length (a 120 ms run plays at 0.03×, a minute-long one at 15×), or plays in real time.
//! The playhead is a function of the wall clock: it started at `from_ns` when the wall clock
//! read `started_ms`, and moves `speed` ns of run time per ns of wall time. Nothing is stepped,
//! so a slow frame never makes the replay drift. For a reader who asked for less motion it
//! moves in [`STEPS`] jumps instead of gliding.

/// How long a replay lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// The whole run in this many seconds of wall time.
    Seconds(u32),
    /// As fast as the run went (1×).
    RealTime,
}

/// The paces offered, shortest first; [`Pace::DEFAULT`] is a few seconds.
pub const PACES: [Pace; 5] = [
    Pace::Seconds(2),
    Pace::Seconds(4),
    Pace::Seconds(10),
    Pace::Seconds(30),
    Pace::RealTime,
];

/// Jumps a replay makes when motion is reduced.
pub const STEPS: u32 = 10;

impl Default for Pace {
    fn default() -> Self {
        Pace::DEFAULT
    }
}

impl Pace {
    pub const DEFAULT: Pace = Pace::Seconds(4);

    /// Run time per wall time for a run of `end_ns`.
    pub fn speed(self, end_ns: u64) -> f64 {
        match self {
            Pace::Seconds(s) if end_ns > 0 => end_ns as f64 / (f64::from(s.max(1)) * 1e9),
            _ => 1.0,
        }
    }

    /// The form value (`4s`, `1x`).
    pub fn key(self) -> String {
        match self {
            Pace::Seconds(s) => format!("{s}s"),
            Pace::RealTime => "1x".to_string(),
        }
    }

    /// The pace with form value `key`.
    pub fn from_key(key: &str) -> Option<Pace> {
        PACES.into_iter().find(|p| p.key() == key)
    }

    /// What the menu says (`4 s`, `real time`).
    pub fn label(self) -> String {
        match self {
            Pace::Seconds(s) => format!("{s} s"),
            Pace::RealTime => "real time".to_string(),
        }
    }
}

/// A speed as the page shows it, two significant digits at most (`0.03×`, `1.5×`, `15×`).
pub fn speed_label(speed: f64) -> String {
    if !(speed.is_finite() && speed > 0.0) {
        return "1×".to_string();
    }
    let digits = (1 - speed.log10().floor() as i32).max(0) as usize;
    let s = format!("{speed:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    format!("{s}×")
}

/// A replay in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Playback {
    pub speed: f64,
    /// Run time (ns) at which it started.
    pub from_ns: f64,
    /// Wall clock (ms) at which it started.
    pub started_ms: f64,
    /// With reduced motion: the playhead jumps in steps of this much run time (ns).
    pub step_ns: Option<f64>,
}

impl Playback {
    /// A replay of a run from `from_ns`, starting now (`now_ms`), at `speed` run ns per wall
    /// ns; in jumps of `step_ns` when motion is reduced.
    pub fn start(from_ns: f64, now_ms: f64, speed: f64, step_ns: Option<f64>) -> Self {
        Playback {
            speed: if speed.is_finite() && speed > 0.0 {
                speed
            } else {
                1.0
            },
            from_ns,
            started_ms: now_ms,
            step_ns: step_ns.filter(|s| s.is_finite() && *s > 0.0),
        }
    }

    /// The playhead at wall time `now_ms`, at most `end_ns`.
    pub fn position(&self, now_ms: f64, end_ns: f64) -> f64 {
        let elapsed_ms = (now_ms - self.started_ms).max(0.0);
        let t = (self.from_ns + elapsed_ms * 1e6 * self.speed).min(end_ns);
        match self.step_ns {
            Some(step) if t < end_ns => (t / step).floor() * step,
            _ => t,
        }
    }

    /// True once the playhead reached `end_ns`.
    pub fn finished(&self, now_ms: f64, end_ns: f64) -> bool {
        self.position(now_ms, end_ns) >= end_ns
    }

    /// The same replay at another speed, continuing from where it is at `now_ms`.
    pub fn with_speed(&self, speed: f64, now_ms: f64, end_ns: f64) -> Self {
        Playback::start(self.position(now_ms, end_ns), now_ms, speed, self.step_ns)
    }
}

/// How many output lines, printed at `times` (ns, in order), were printed by run time `t_ns`.
pub fn lines_shown(times: &[u64], t_ns: f64) -> usize {
    times.partition_point(|&t| (t as f64) <= t_ns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_playhead_follows_the_wall_clock() {
        let p = Playback::start(0.0, 1000.0, 1.0, None);
        assert_eq!(p.position(1000.0, 1e9), 0.0);
        assert_eq!(p.position(1050.0, 1e9), 50e6);
        assert_eq!(p.position(500.0, 1e9), 0.0);
        let slow = Playback::start(0.0, 0.0, 0.1, None);
        assert_eq!(slow.position(100.0, 1e9), 10e6);
        assert!(p.finished(3000.0, 1e9));
        assert!(!p.finished(1999.0, 1e9));
    }

    #[test]
    fn a_replay_lasts_its_pace_whatever_the_run() {
        for end_ns in [120_000_000u64, 1_000, 60_000_000_000] {
            let speed = Pace::DEFAULT.speed(end_ns);
            let p = Playback::start(0.0, 0.0, speed, None);
            assert!(!p.finished(3_999.0, end_ns as f64), "{end_ns}");
            assert!(p.finished(4_000.0, end_ns as f64), "{end_ns}");
        }
        assert_eq!(Pace::RealTime.speed(120_000_000), 1.0);
        assert_eq!(Pace::Seconds(2).speed(0), 1.0, "a run of no time");
        assert_eq!(speed_label(Pace::DEFAULT.speed(120_000_000)), "0.03×");
        assert_eq!(speed_label(Pace::DEFAULT.speed(60_000_000_000)), "15×");
        assert_eq!(speed_label(1.5), "1.5×");
        assert_eq!(speed_label(1.0), "1×");
        assert_eq!(speed_label(0.000123), "0.00012×");
        for p in PACES {
            assert_eq!(Pace::from_key(&p.key()), Some(p));
        }
        assert_eq!(Pace::from_key("3s"), None);
        assert_eq!(Pace::Seconds(4).label(), "4 s");
    }

    #[test]
    fn with_less_motion_the_playhead_jumps() {
        let end = 1000.0;
        let p = Playback::start(0.0, 0.0, 1e-6, Some(end / f64::from(STEPS)));
        // 1 ms of wall time is 1 ns of run time here.
        assert_eq!(p.position(150.0, end), 100.0);
        assert_eq!(p.position(199.0, end), 100.0);
        assert_eq!(p.position(200.0, end), 200.0);
        assert_eq!(p.position(5000.0, end), end);
        let positions: std::collections::BTreeSet<u64> = (0..1100)
            .map(|ms| p.position(ms as f64, end) as u64)
            .collect();
        assert_eq!(positions.len(), STEPS as usize + 1);
    }

    #[test]
    fn changing_speed_continues_from_the_playhead() {
        let p = Playback::start(0.0, 0.0, 1.0, None);
        let q = p.with_speed(10.0, 10.0, 1e9);
        assert_eq!(q.from_ns, 10e6);
        assert_eq!(q.position(20.0, 1e9), 110e6);
        assert_eq!(Playback::start(0.0, 0.0, f64::NAN, None).speed, 1.0);
    }

    #[test]
    fn lines_appear_when_printed() {
        let lines = [0, 50, 50, 100];
        assert_eq!(lines_shown(&lines, 0.0), 1);
        assert_eq!(lines_shown(&lines, 49.0), 1);
        assert_eq!(lines_shown(&lines, 50.0), 3);
        assert_eq!(lines_shown(&lines, 1e9), 4);
    }
}
