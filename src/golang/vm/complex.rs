//! Complex arithmetic as Go's compiler and runtime do it: multiplication by the textbook
//! formula, division by Smith's algorithm with C99's corrections for infinities and zeros
//! (Go's `runtime.complex128div`). complex64 values are computed in 128 bits and rounded.

/// A complex number: real and imaginary parts.
pub type C = (f64, f64);

pub fn mul((a, b): C, (c, d): C) -> C {
    (a * c - b * d, a * d + b * c)
}

/// Go's `complex128div`.
pub fn div(n: C, m: C) -> C {
    let (a, b) = n;
    let (c, d) = m;
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let inf = f64::INFINITY;
        let inf2one = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (inf2one(a), inf2one(b));
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (inf2one(c), inf2one(d));
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

/// Rounds both parts to float32 (a complex64 result).
pub fn round64((re, im): C) -> C {
    (re as f32 as f64, im as f32 as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_follows_go_for_zeros_and_infinities() {
        assert_eq!(div((1.0, 2.0), (3.0, 4.0)), (0.44, 0.08));
        assert_eq!(div((1.0, 1.0), (0.0, 0.0)), (f64::INFINITY, f64::INFINITY));
        assert_eq!(
            div((-1.0, 0.0), (0.0, 0.0)).0,
            f64::NEG_INFINITY,
            "the sign follows the numerator"
        );
        let (e, f) = div((0.0, 0.0), (0.0, 0.0));
        assert!(e.is_nan() && f.is_nan());
        assert_eq!(div((1.0, 1.0), (f64::INFINITY, 0.0)), (0.0, 0.0));
        assert_eq!(div((f64::INFINITY, 0.0), (1.0, 1.0)).0, f64::INFINITY);
        assert_eq!(mul((1.0, 2.0), (3.0, 4.0)), (-5.0, 10.0));
    }
}
