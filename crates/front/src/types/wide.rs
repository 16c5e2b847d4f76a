//! A binary float with a 512-bit mantissa and an exponent as wide as constants need: the
//! untyped constants that are not exact fractions of 128-bit integers (`math.Pi`, `1e400`,
//! `1 << 200`) are kept in it, as Go keeps them in a 512-bit `big.Float`, so that integers
//! of up to 512 bits are exact (`(1<<200 + 1) - 1<<200` is 1) and a float within 2^-500 of
//! the exact value. Each operation rounds to odd (it truncates, and sets the last bit when it
//! dropped any): an operation's result rounded again to a `float64` (53 bits) or a `float32`
//! (24) is what rounding the exact result gives, so that `max + ulp/2 - tiny` still rounds
//! down to `max`.
//!
//! # Invariants
//! - `mant` is normalised: its top bit is set, or the value is zero (`mant == 0`, `exp == 0`,
//!   not negative).

use std::cmp::Ordering;

mod mant;

use mant::{Mant, BITS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wide {
    negative: bool,
    /// The value is `mant × 2^exp`.
    mant: Mant,
    exp: i64,
}

/// `BITS` as an exponent.
const EXP_BITS: i64 = BITS as i64;

/// A shift of `n` bits, at most `BITS` (past which everything is shifted out).
fn bits(n: u64) -> u32 {
    n.min(BITS as u64) as u32
}

impl Wide {
    pub const ZERO: Wide = Wide {
        negative: false,
        mant: Mant::ZERO,
        exp: 0,
    };

    /// `±mant × 2^exp`, normalised.
    fn new(negative: bool, mant: Mant, exp: i64) -> Wide {
        if mant.is_zero() {
            return Wide::ZERO;
        }
        let shift = mant.leading_zeros();
        Wide {
            negative,
            mant: mant.shl(shift),
            exp: exp.saturating_sub(shift as i64),
        }
    }

    /// `±mant × 2^exp`, normalised and rounded to odd: when bits below `mant` were dropped
    /// (`inexact`), its last bit is set.
    fn rounded(negative: bool, mant: Mant, exp: i64, inexact: bool) -> Wide {
        let mut w = Wide::new(negative, mant, exp);
        if inexact && !w.mant.is_zero() {
            w.mant = w.mant.with_odd();
        }
        w
    }

    pub fn from_int(i: i128) -> Wide {
        Wide::new(i < 0, Mant::from_u128(i.unsigned_abs()), 0)
    }

    /// `n / d` (`d != 0`).
    pub fn from_ratio(n: i128, d: i128) -> Wide {
        Wide::from_int(n) / Wide::from_int(d)
    }

    /// `n / d` (`d != 0`) to the precision rounding it to a `float64` or a `float32` needs:
    /// 128 bits, rounded to odd, round to either as the exact quotient does (and take a
    /// quarter of a full division's time).
    pub fn ratio_to_round(n: i128, d: i128) -> Wide {
        let (a, b) = (n.unsigned_abs(), d.unsigned_abs());
        if a == 0 || b == 0 {
            return Wide::ZERO;
        }
        // The mantissas in [2^127, 2^128), divided in 128-bit arithmetic (as `Wide`'s `Div` does).
        let (sa, sb) = (a.leading_zeros(), b.leading_zeros());
        let (a, b) = (a << sa, b << sb);
        let (mut q, mut rem, mut carry) = (0u128, a, false);
        for _ in 0..128 {
            let fits = carry || rem >= b;
            q = q << 1 | fits as u128;
            if fits {
                rem = rem.wrapping_sub(b);
            }
            carry = rem >> 127 == 1;
            rem <<= 1;
        }
        let exp = i64::from(sb) - i64::from(sa) - 127;
        Wide::rounded(
            (n < 0) != (d < 0),
            Mant::from_u128(q),
            exp,
            carry || rem != 0,
        )
    }

    pub fn from_f64(f: f64) -> Wide {
        if f == 0.0 || !f.is_finite() {
            return Wide::ZERO;
        }
        let bits = f.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = (bits & ((1 << 52) - 1)) as u128;
        let (mant, exp) = if exp == 0 {
            (frac, -1074)
        } else {
            (frac | 1 << 52, exp - 1075)
        };
        Wide::new(f < 0.0, Mant::from_u128(mant), exp)
    }

    /// The whole number `digits` (in `radix`; other characters are skipped).
    pub fn from_digits(digits: &str, radix: u32) -> Wide {
        let base = Wide::from_int(radix as i128);
        digits
            .chars()
            .filter_map(|c| c.to_digit(radix))
            .fold(Wide::ZERO, |v, d| v * base + Wide::from_int(d as i128))
    }

    /// `self × 10^scale`.
    pub fn pow10(self, scale: i64) -> Wide {
        let power = Wide::from_int(10).powi(scale.unsigned_abs());
        if scale < 0 {
            self / power
        } else {
            self * power
        }
    }

    /// `self^n`, by squaring.
    fn powi(self, mut n: u64) -> Wide {
        let (mut result, mut base) = (Wide::from_int(1), self);
        while n > 0 {
            if n & 1 == 1 {
                result = result * base;
            }
            base = base * base;
            n >>= 1;
        }
        result
    }

    /// Whether its binary exponent is within Go's (a `big.Float`'s, 32 bits): past it, a
    /// constant overflows.
    pub fn in_range(self) -> bool {
        self.exp.saturating_add(EXP_BITS).unsigned_abs() < 1 << 31
    }

    /// How many bits its whole part takes (0 for a value under 1).
    pub fn bit_len(self) -> u64 {
        self.exp.saturating_add(EXP_BITS).max(0) as u64
    }

    pub fn is_zero(self) -> bool {
        self.mant.is_zero()
    }

    pub fn signum(self) -> i32 {
        match (self.mant.is_zero(), self.negative) {
            (true, _) => 0,
            (_, true) => -1,
            (_, false) => 1,
        }
    }

    /// `self × 2^s`.
    pub fn scale(self, s: i64) -> Wide {
        if self.mant.is_zero() {
            return self;
        }
        Wide {
            exp: self.exp.saturating_add(s),
            ..self
        }
    }

    fn cmp_magnitude(self, other: Wide) -> Ordering {
        match (self.mant.is_zero(), other.mant.is_zero()) {
            (true, true) => Ordering::Equal,
            (true, _) => Ordering::Less,
            (_, true) => Ordering::Greater,
            _ => self.exp.cmp(&other.exp).then(self.mant.cmp(&other.mant)),
        }
    }

    /// The value if it is a whole number that fits 128 bits.
    pub fn int(self) -> Option<i128> {
        if self.mant.is_zero() {
            return Some(0);
        }
        if self.exp >= 0 {
            return None;
        }
        let shift = bits(self.exp.unsigned_abs());
        let whole = self.mant.shr(shift);
        let exact = shift < BITS && whole.shl(shift) == self.mant;
        let i = i128::try_from(whole.to_u128()?).ok()?;
        exact.then_some(if self.negative { -i } else { i })
    }

    /// Whether it is a whole number.
    pub fn is_whole(self) -> bool {
        self.exp >= 0 || self.floor() == self
    }

    /// Its whole part (toward zero).
    pub fn trunc(self) -> Wide {
        if self.negative {
            -(-self).floor()
        } else {
            self.floor()
        }
    }

    /// The largest whole number not above it.
    pub fn floor(self) -> Wide {
        if self.exp >= 0 || self.mant.is_zero() {
            return self;
        }
        let shift = bits(self.exp.unsigned_abs());
        let whole = self.mant.shr(shift).shl(shift);
        let down = Wide::new(self.negative, whole, self.exp);
        if self.negative && down != self {
            down - Wide::from_int(1)
        } else {
            down
        }
    }

    /// The nearest float of `bits` significant bits whose smallest normal exponent is
    /// `min_exp` (53 and -1022 for `f64`, 24 and -126 for `f32`; below it, fewer bits, as a
    /// subnormal has), ties to even, as an `f64` (infinite past the `f64` range).
    pub fn round(self, bits: u32, min_exp: i64) -> f64 {
        if self.mant.is_zero() {
            return 0.0;
        }
        let top = self.exp.saturating_add(EXP_BITS - 1);
        let precision = (bits as i64).saturating_sub(min_exp.saturating_sub(top).max(0));
        if precision < 0 {
            // Under half the smallest subnormal.
            return if self.negative { -0.0 } else { 0.0 };
        }
        let shift = BITS - precision as u32;
        let kept = self.mant.shr(shift);
        let dropped = self.mant.shl(precision as u32);
        let half = Mant::ZERO.with_top();
        let up = dropped > half || (dropped == half && kept.odd());
        let kept = kept.to_u128().unwrap_or(0);
        let f = scale2(
            (kept + up as u128) as f64,
            self.exp.saturating_add(shift as i64),
        );
        if self.negative {
            -f
        } else {
            f
        }
    }

    pub fn to_f64(self) -> f64 {
        self.round(f64::MANTISSA_DIGITS, -1022)
    }

    pub fn to_f32(self) -> f32 {
        self.round(f32::MANTISSA_DIGITS, -126) as f32
    }

    /// Its decimal exponent and its first `digits` significant digits, rounded (for a value
    /// too large or too small for an `f64`, which prints it).
    pub fn decimal(self, digits: u32) -> (i64, u128) {
        let ten = Wide::from_int(10);
        let magnitude = Wide {
            negative: false,
            ..self
        };
        // log10(2) ≈ 0.30103: a first guess at the exponent, then corrected.
        let mut e10 = ((self.exp + EXP_BITS - 1) as f64 * std::f64::consts::LOG10_2).floor() as i64;
        let scaled = |e10: i64| {
            let power = ten.powi(e10.unsigned_abs());
            let v = if e10 < 0 {
                magnitude * power
            } else {
                magnitude / power
            };
            v * ten.powi(digits as u64 - 1)
        };
        let low = ten.powi(digits as u64 - 1);
        let mut v = scaled(e10);
        while v < low {
            e10 -= 1;
            v = scaled(e10);
        }
        while v >= low * ten {
            e10 += 1;
            v = scaled(e10);
        }
        let rounded = (v + Wide::from_ratio(1, 2)).floor().int().unwrap_or(0) as u128;
        if rounded == 10u128.pow(digits) {
            (e10 + 1, rounded / 10)
        } else {
            (e10, rounded)
        }
    }
}

impl Ord for Wide {
    fn cmp(&self, other: &Wide) -> Ordering {
        match (self.signum(), other.signum()) {
            (a, b) if a != b => a.cmp(&b),
            (-1, _) => other.cmp_magnitude(*self),
            _ => self.cmp_magnitude(*other),
        }
    }
}

impl PartialOrd for Wide {
    fn partial_cmp(&self, other: &Wide) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::ops::Neg for Wide {
    type Output = Wide;

    fn neg(self) -> Wide {
        Wide {
            negative: !self.negative && !self.mant.is_zero(),
            ..self
        }
    }
}

impl std::ops::Add for Wide {
    type Output = Wide;

    fn add(self, other: Wide) -> Wide {
        if other.mant.is_zero() {
            return self;
        }
        if self.mant.is_zero() {
            return other;
        }
        let (big, small) = match self.cmp_magnitude(other) {
            Ordering::Less => (other, self),
            _ => (self, other),
        };
        // The smaller one's bits below the larger one's last are dropped.
        let gap = bits((big.exp - small.exp) as u64);
        let b = small.mant.shr(gap);
        let lost = b.shl(gap) != small.mant;
        if big.negative != small.negative {
            // What was dropped was subtracted too: one less, truncated.
            let one = Mant::from_u128(lost as u128);
            let diff = big.mant.wrapping_sub(b).wrapping_sub(one);
            return Wide::rounded(big.negative, diff, big.exp, lost);
        }
        match big.mant.overflowing_add(b) {
            (sum, false) => Wide::rounded(big.negative, sum, big.exp, lost),
            // A carry out: the sum halved (the carry its top bit), its last bit dropped.
            (sum, true) => Wide::rounded(
                big.negative,
                sum.shr(1).with_top(),
                big.exp.saturating_add(1),
                lost || sum.odd(),
            ),
        }
    }
}

impl std::ops::Sub for Wide {
    type Output = Wide;

    fn sub(self, other: Wide) -> Wide {
        self + -other
    }
}

impl std::ops::Mul for Wide {
    type Output = Wide;

    fn mul(self, other: Wide) -> Wide {
        if self.mant.is_zero() || other.mant.is_zero() {
            return Wide::ZERO;
        }
        let (top, inexact) = self.mant.mul_high(other.mant);
        Wide::rounded(
            self.negative != other.negative,
            top,
            self.exp.saturating_add(other.exp).saturating_add(EXP_BITS),
            inexact,
        )
    }
}

/// `self / other` (`other` is not zero).
impl std::ops::Div for Wide {
    type Output = Wide;

    fn div(self, other: Wide) -> Wide {
        if self.mant.is_zero() || other.mant.is_zero() {
            return Wide::ZERO;
        }
        // Long division of the mantissas, both in [2^(BITS-1), 2^BITS): their quotient is in
        // (1/2, 2), and BITS of its bits are `q`, `q × 2^(1-BITS)` being the quotient. The
        // remainder is `carry × 2^BITS + rem`, under `2 × other.mant`.
        let (mut q, mut rem, mut carry) = (Mant::ZERO, self.mant, false);
        for _ in 0..BITS {
            let fits = carry || rem >= other.mant;
            q = q.shl1().0;
            if fits {
                q = q.with_odd();
                rem = rem.wrapping_sub(other.mant);
            }
            (rem, carry) = rem.shl1();
        }
        Wide::rounded(
            self.negative != other.negative,
            q,
            self.exp
                .saturating_sub(other.exp)
                .saturating_sub(EXP_BITS - 1),
            carry || !rem.is_zero(),
        )
    }
}

/// `x × 2^k`, exact while the result is a normal `f64` (or `x` already has no more bits than
/// the subnormal can hold); infinite past the range.
fn scale2(mut x: f64, mut k: i64) -> f64 {
    let step = 2f64.powi(960);
    while k > 960 && x.is_finite() {
        x *= step;
        k -= 960;
    }
    while k < -960 && x != 0.0 {
        x /= step;
        k += 960;
    }
    x * 2f64.powi(k as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_rounds_as_exact_arithmetic_would() {
        let third = Wide::from_ratio(1, 3);
        assert_eq!(third.to_f64(), 1.0 / 3.0);
        assert!(
            (third * Wide::from_int(3) - Wide::from_int(1))
                .to_f64()
                .abs()
                < 1e-35
        );
        assert_eq!((Wide::from_int(-7) / Wide::from_int(2)).to_f64(), -3.5);
        assert_eq!((Wide::from_int(5) + Wide::from_int(-8)).int(), Some(-3));
        assert_eq!(Wide::from_f64(0.1).to_f64(), 0.1);
        assert_eq!(Wide::from_f64(-2.5e-310).to_f64(), -2.5e-310);
        // Go's math.Pi, all its digits, over 3: the float64 Go prints (1.0471975511965979, the
        // nearest the exact third), one ulp from the float64 Pi's third.
        let pi = Wide::from_digits(
            "3.14159265358979323846264338327950288419716939937510582097494459",
            10,
        )
        .pow10(-62);
        assert_eq!(pi.to_f64(), std::f64::consts::PI);
        assert_eq!(
            (pi / Wide::from_int(3)).to_f64(),
            std::f64::consts::FRAC_PI_3
        );
        assert_ne!(std::f64::consts::PI / 3.0, std::f64::consts::FRAC_PI_3);
    }

    #[test]
    fn wide_exponents_and_whole_numbers() {
        let big = Wide::from_int(1).scale(200);
        assert_eq!((big * big).scale(-395).int(), Some(32));
        assert!(big.is_whole());
        assert!(!Wide::from_ratio(1, 2).is_whole());
        assert_eq!(Wide::from_ratio(-3, 2).floor().int(), Some(-2));
        let huge = Wide::from_int(1).pow10(400);
        assert_eq!(huge.to_f64(), f64::INFINITY);
        assert_eq!((huge / Wide::from_int(1).pow10(300)).to_f64(), 1e100);
        assert_eq!(huge.decimal(6), (400, 100000));
        assert_eq!(Wide::from_int(25).pow10(-401).decimal(6), (-400, 250000));
        // Subnormals round at their own last bit.
        assert_eq!(Wide::from_int(5).pow10(-324).to_f64(), 5e-324);
        assert_eq!(Wide::from_int(2).pow10(-324).to_f64(), 0.0);
        assert_eq!(Wide::from_int(1).pow10(-40).to_f32(), 1e-40f32);
        assert_eq!(Wide::from_int(1).pow10(39).to_f32(), f32::INFINITY);
    }
}
