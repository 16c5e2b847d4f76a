//! How the page writes a run's times: rounded to what the run's clock resolves, then to four
//! significant digits, in the largest unit that keeps the value at least 1 (`456.1ms`,
//! `1.394s`, `40µs`, `7ns`, `0s`).
//!
//! This is for the page's own figures (the status line, the output's gutter, Compare,
//! tooltips, metrics). What a program prints is never rewritten: its text is Go's.
//!
//! # Invariants
//! - A formatted time never shows a digit finer than its [`Resolution`]: a real-mode time read
//!   from `performance.now()` as `456.09984ms` (the float's error) is `456.1ms`.

use super::scale::Unit;

/// How finely a run's clock tells time, in ns: what the page's figures round to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution(pub u64);

impl Resolution {
    /// Sim mode's virtual clock counts whole nanoseconds.
    pub const SIM: Resolution = Resolution(1);

    /// Real mode's clock, `performance.now()`: the High Resolution Time spec coarsens it to
    /// 100 µs on a page that is not cross-origin isolated and to 5 µs on one that is.
    pub fn real(cross_origin_isolated: bool) -> Resolution {
        Resolution(if cross_origin_isolated {
            5_000
        } else {
            100_000
        })
    }
}

/// Significant digits a time is shown with.
const DIGITS: i32 = 4;

/// `ns` as the page shows a time measured with clock `res` (see the module doc).
pub fn format_ns(ns: f64, res: Resolution) -> String {
    if !ns.is_finite() {
        return "0s".to_string();
    }
    let step = res.0.max(1) as f64;
    let ns = (ns.abs() / step).round() * step;
    if ns == 0.0 {
        return "0s".to_string();
    }
    let mut unit = Unit::for_value(ns);
    let mut text = in_unit(ns, unit, step);
    // Rounding may carry into the next unit (999.96ms is 1000ms): say it in that one.
    if unit != Unit::S && text.split('.').next().is_some_and(|whole| whole.len() > 3) {
        unit = Unit::for_value(ns * 10.0);
        text = in_unit(ns, unit, step);
    }
    text + unit.suffix()
}

/// `ns` in `unit` with four significant digits, none finer than `step` ns, trailing zeros
/// dropped.
fn in_unit(ns: f64, unit: Unit, step: f64) -> String {
    let v = ns / unit.ns();
    let whole_digits = (v.log10().floor() as i32 + 1).max(1);
    let significant = (DIGITS - whole_digits).max(0);
    // Decimals finer than the clock's step say nothing: 100 µs is one decimal of a ms.
    let resolved = (unit.ns() / step).log10().floor().max(0.0) as i32;
    let decimals = significant.min(resolved) as usize;
    let mut s = format!("{v:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    s
}

/// `n` and its noun, singular or plural as `n` asks: `1 goroutine`, `3 goroutines`.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: Resolution = Resolution(100_000);

    #[test]
    fn sim_times_keep_four_significant_digits() {
        let f = |ns: f64| format_ns(ns, Resolution::SIM);
        assert_eq!(f(0.0), "0s");
        assert_eq!(f(7.0), "7ns");
        assert_eq!(f(40_000.0), "40µs");
        assert_eq!(f(1_250_000.0), "1.25ms");
        assert_eq!(f(12_345_678.0), "12.35ms");
        assert_eq!(f(200_000_000.0), "200ms");
        assert_eq!(f(1_500_000_000.0), "1.5s");
        assert_eq!(f(1_394_200_000.0), "1.394s");
        assert_eq!(f(2e9), "2s");
        assert_eq!(f(125e9), "125s");
    }

    #[test]
    fn real_times_round_to_the_clock() {
        let f = |ns: f64| format_ns(ns, REAL);
        // performance.now()'s 456.1 ms, through a float: the error never shows.
        assert_eq!(f(456_099_984.0), "456.1ms");
        assert_eq!(f(230_099_968.0), "230.1ms");
        assert_eq!(f(4_061_999_872.0), "4.062s");
        assert_eq!(f(104_499_968.0), "104.5ms");
        // Nothing finer than 0.1 ms: 1.25 ms is 1.3 ms (rounded half away from zero).
        assert_eq!(f(1_250_000.0), "1.3ms");
        assert_eq!(f(123_456.0), "100µs");
        assert_eq!(f(40_000.0), "0s");
        assert_eq!(f(999_960_000.0), "1s");
        assert_eq!(format_ns(12_340_000.0, Resolution::real(true)), "12.34ms");
    }

    #[test]
    fn rounding_carries_into_the_next_unit() {
        assert_eq!(format_ns(999_960.0, Resolution::SIM), "1ms");
        assert_eq!(format_ns(999.6, Resolution::SIM), "1µs");
        assert_eq!(format_ns(f64::NAN, Resolution::SIM), "0s");
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(1, "goroutine", "goroutines"), "1 goroutine");
        assert_eq!(count(0, "send", "sends"), "0 sends");
        assert_eq!(count(2, "send", "sends"), "2 sends");
    }
}
