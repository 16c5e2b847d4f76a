//! Go's `math` where Rust's `f64` methods answer differently.
//!
//! - `Max`, `Min` and `Dim` follow Go with NaN (NaN wins) and signed zeros (`Max(-0, +0)` is
//!   +0), where Rust's `max` and `min` return the number that is not NaN.
//! - `Pow`, `Exp`, `Log`, `Log10`, `Log2` and `Hypot` are Go's own algorithms, as `go run`
//!   computes them on amd64 (where `Exp` and `Log` are assembly, `Exp` with FMA), so the
//!   last bit, and so the shortest printed form, is Go's: a libm's `pow` or `exp` differs
//!   from Go's in the last bit for a fair share of inputs. Integer powers are exact
//!   products, as in Go (`Pow(10, 15)` is `1e15`).
//! - `Remainder` is IEEE 754's (Rust has none); `Mod` is C's `fmod`, which Go's `Mod` equals.
//! - `Round` rounds half away from zero and `RoundToEven` to even, as Rust's `round` and
//!   `round_ties_even` do; `Trunc`, `Floor`, `Ceil`, `Sqrt` and `Abs` are exact in both.
//!
//! - The trigonometric and hyperbolic functions, `Cbrt`, `Log1p`, `Exp2`, `Modf` and `Pow10`
//!   are Go's portable code ([`portable`]), which is what amd64 runs: a libm's `sin` or
//!   `cbrt` differs from Go's in the last bit for some inputs, and differs between hosts.
//! - `Gamma`, `Lgamma`, `Erf`, `Erfc`, `Erfinv`, `Erfcinv` and `Expm1` are Go's portable code
//!   too ([`special`]), on the functions above.
//! - Where Go returns `NaN()` (its Go code, or `Log`'s, `Hypot`'s, `Max`'s and `Min`'s
//!   assembly), these functions return its bits too ([`nan`]), not the NaN an invalid
//!   operation makes, so `Float64bits` of the result is Go's.

// The constants are written as Go (and FreeBSD before it) writes them.
#![allow(clippy::excessive_precision)]

mod portable;
mod special;

pub use portable::{
    acos, asin, atan, atan2, cbrt, cos, cosh, exp2, log1p, modf, pow10, sin, sinh, tan, tanh,
};
pub use special::{erf, erfc, erfcinv, erfinv, expm1, gamma, lgamma};

const SQRT2: f64 = std::f64::consts::SQRT_2;

/// Go's `NaN()`: the quiet NaN with payload 1 (`Float64bits(NaN())` is 0x7ff8000000000001),
/// where an invalid operation makes 0xfff8000000000000 on amd64.
pub fn nan() -> f64 {
    f64::from_bits(0x7FF8_0000_0000_0001)
}

/// `math.Inf(sign)`: +Inf for `sign >= 0`, -Inf otherwise.
pub fn inf(sign: i64) -> f64 {
    if sign >= 0 {
        f64::INFINITY
    } else {
        f64::NEG_INFINITY
    }
}

/// `math.IsInf(f, sign)`: +Inf for `sign > 0`, -Inf for `sign < 0`, either for 0.
pub fn is_inf(f: f64, sign: i64) -> bool {
    (sign >= 0 && f == f64::INFINITY) || (sign <= 0 && f == f64::NEG_INFINITY)
}

/// `math.Max`: +Inf wins, then NaN; +0 is larger than -0.
pub fn max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return nan();
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

/// `math.Min`: -Inf wins, then NaN; -0 is smaller than +0.
pub fn min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return nan();
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

/// `math.Dim`: `max(x-y, 0)`; NaN for `Dim(+Inf, +Inf)`, `Dim(-Inf, -Inf)` and NaN inputs.
pub fn dim(x: f64, y: f64) -> f64 {
    let v = x - y;
    if v <= 0.0 {
        return 0.0;
    }
    v // NaN when x - y is
}

/// `math.Mod`: the remainder of `x/y` with `x`'s sign (C's `fmod`, exact).
pub fn modulo(x: f64, y: f64) -> f64 {
    if y == 0.0 || x.is_infinite() || x.is_nan() || y.is_nan() {
        return nan();
    }
    x % y
}

/// `math.Remainder`: IEEE 754's remainder, `x - n*y` with `n` the integer nearest `x/y`
/// (ties to even).
pub fn remainder(x: f64, y: f64) -> f64 {
    const TINY: f64 = 4.450_147_717_014_402_766_18e-308;
    const HALF_MAX: f64 = f64::MAX / 2.0;
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return nan();
    }
    if y.is_infinite() {
        return x;
    }
    let sign = x < 0.0;
    // -0 keeps its sign: Remainder(-0, y) is -0.
    let (mut x, y) = (if sign { -x } else { x }, y.abs());
    if x == y {
        return if sign { -0.0 } else { 0.0 };
    }
    if y <= HALF_MAX {
        x %= y + y; // now x < 2y
    }
    if y < TINY {
        if x + x > y {
            x -= y;
            if x + x >= y {
                x -= y;
            }
        }
    } else {
        let half = 0.5 * y;
        if x > half {
            x -= y;
            if x >= half {
                x -= y;
            }
        }
    }
    if sign {
        -x
    } else {
        x
    }
}

/// `math.Frexp`: `f = frac × 2^exp` with `frac` in [0.5, 1); zero, infinities and NaN
/// come back with exponent 0.
pub fn frexp(f: f64) -> (f64, i64) {
    if f == 0.0 || f.is_infinite() || f.is_nan() {
        return (f, 0);
    }
    let (f, mut exp) = normalize(f);
    let mut bits = f.to_bits();
    exp += ((bits >> 52) & 0x7FF) as i64 - 1022;
    bits &= !(0x7FF << 52);
    bits |= 1022 << 52;
    (f64::from_bits(bits), exp)
}

/// A subnormal scaled up to a normal number, and the power of two taken out.
fn normalize(x: f64) -> (f64, i64) {
    if x.abs() < f64::MIN_POSITIVE {
        return (x * (1u64 << 52) as f64, -52);
    }
    (x, 0)
}

/// `math.Ldexp`: `frac × 2^exp`, to zero below the subnormals and to infinity above.
pub fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (frac, e) = normalize(frac);
    let mut exp = exp.saturating_add(e);
    let mut bits = frac.to_bits();
    exp = exp.saturating_add(((bits >> 52) & 0x7FF) as i64 - 1023);
    if exp < -1075 {
        return 0f64.copysign(frac);
    }
    if exp > 1023 {
        return f64::INFINITY.copysign(frac);
    }
    let mut m = 1.0;
    if exp < -1022 {
        // Subnormal: build the number 2^53 larger and scale it down, rounding once.
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    bits &= !(0x7FF << 52);
    bits |= ((exp + 1023) as u64) << 52;
    m * f64::from_bits(bits)
}

/// `math.Exp`, as Go computes it on amd64 with FMA (its assembly, on every x86-64 of the
/// last decade): `x = k·ln2 + r`, a Taylor polynomial for `e^(r/16) - 1` squared up four
/// times, and `2^k` applied by building its bits. (Go's portable `exp` differs from it in
/// the last bit for some inputs; amd64 is what `go run` is compared with.)
pub fn exp(x: f64) -> f64 {
    const LOG2E: f64 = std::f64::consts::LOG2_E;
    const LN2U: f64 = 0.693_147_180_559_662_956_511_601_805_686_950_683_593_75;
    const LN2L: f64 = 0.282_352_905_630_315_771_225_884_481_750_134_360_255_254_120_68e-12;
    const OVERFLOW: f64 = 7.097_827_128_933_84e+02;
    // 1/n! for n = 2..8 (the polynomial's coefficients past 1/2 and 1).
    const C: [f64; 6] = [
        1.666_666_666_666_666_666_7e-1,
        4.166_666_666_666_666_666_7e-2,
        8.333_333_333_333_333_333_3e-3,
        1.388_888_888_888_888_888_9e-3,
        1.984_126_984_126_984_127_0e-4,
        2.480_158_730_158_730_158_7e-5,
    ];
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == f64::NEG_INFINITY {
        return 0.0;
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    // CVTSD2SL rounds to nearest even, and gives i32::MIN past its range, as `as` does.
    let k = (LOG2E * x).round_ties_even() as i32;
    let kf = k as f64;
    let mut r = (-kf).mul_add(LN2U, x);
    r = (-kf).mul_add(LN2L, r);
    r *= 0.0625;
    let mut p = C[5];
    for c in [C[4], C[3], C[2], C[1], C[0], 0.5, 1.0] {
        p = p.mul_add(r, c);
    }
    // y = e^(r) - 1 for the scaled r; (1+y)² - 1 = y(y+2), four times.
    let mut y = r * p;
    for _ in 0..3 {
        y *= y + 2.0;
    }
    y = y.mul_add(y + 2.0, 1.0);
    // y × 2^k, through a subnormal scale when 2^k is not a normal number.
    let mut e = k.saturating_add(0x3FF);
    if e >= 0x7FF {
        return f64::INFINITY;
    }
    if e <= 0 {
        if e < -52 {
            return 0.0;
        }
        e += 0x3FE;
        y *= f64::from_bits((e as u64) << 52);
        e = 1;
    }
    y * f64::from_bits((e as u64) << 52)
}

/// `math.Log`, as Go's amd64 assembly computes it (FreeBSD's algorithm).
pub fn log(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-01;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const L1: f64 = 6.666_666_666_666_735_130e-01;
    const L2: f64 = 3.999_999_999_940_941_908e-01;
    const L3: f64 = 2.857_142_874_366_239_149e-01;
    const L4: f64 = 2.222_219_843_214_978_396e-01;
    const L5: f64 = 1.818_357_216_161_805_012e-01;
    const L6: f64 = 1.531_383_769_920_937_332e-01;
    const L7: f64 = 1.479_819_860_511_658_591e-01;
    // The assembly tests the bits as an integer: zero, then negative (a NaN with its sign bit
    // set among them), then +Inf or NaN.
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_sign_negative() {
        return nan();
    }
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    // x = 2^k × (1+f) with 1+f in (√2/2, √2]. Go's amd64 assembly reads the exponent
    // field as it is, without normalising a subnormal first, so Log(5e-324) is
    // -709.0895657128241 (the log of 2^-1023), and it compares with `<=`.
    let bits = x.to_bits();
    let mut f1 = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FE0_0000_0000_0000);
    let mut ki = ((bits >> 52) & 0x7FF) as i64 - 0x3FE;
    if f1 <= SQRT2 / 2.0 {
        f1 *= 2.0;
        ki -= 1;
    }
    let f = f1 - 1.0;
    let k = ki as f64;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    let t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    let r = t1 + t2;
    let hfsq = 0.5 * f * f;
    k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f)
}

/// `math.Log10`.
pub fn log10(x: f64) -> f64 {
    // Go's constant 1/Ln10 is computed exactly, then rounded: LOG10_E.
    log(x) * std::f64::consts::LOG10_E
}

/// `math.Log2`: exact for powers of two.
pub fn log2(x: f64) -> f64 {
    let (frac, exp) = frexp(x);
    if frac == 0.5 {
        return (exp - 1) as f64;
    }
    log(frac) * std::f64::consts::LOG2_E + exp as f64
}

/// `math.Hypot`: `√(p²+q²)` without overflow; +Inf if either is infinite, even with NaN.
pub fn hypot(p: f64, q: f64) -> f64 {
    let (mut p, mut q) = (p.abs(), q.abs());
    if p.is_infinite() || q.is_infinite() {
        return f64::INFINITY;
    }
    if p.is_nan() || q.is_nan() {
        return nan();
    }
    if p < q {
        std::mem::swap(&mut p, &mut q);
    }
    if p == 0.0 {
        return 0.0;
    }
    let q = q / p;
    p * (1.0 + q * q).sqrt()
}

/// Whether `x` is an odd integer (Go's `isOddInt`).
fn is_odd_int(x: f64) -> bool {
    if x.abs() >= (1u64 << 53) as f64 {
        // Every float this large is even.
        return false;
    }
    x.fract() == 0.0 && (x as i64) & 1 == 1
}

/// `math.Pow` with Go's special cases and algorithm: the integer part of the exponent by
/// repeated squaring of the mantissa, the fraction through `Exp(yf × Log(x))`.
pub fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return nan();
    }
    if x == 0.0 {
        return if y < 0.0 {
            if is_odd_int(y) {
                f64::INFINITY.copysign(x)
            } else {
                f64::INFINITY
            }
        } else if is_odd_int(y) {
            x
        } else {
            0.0
        };
    }
    if y.is_infinite() {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if x.is_infinite() {
        if x < 0.0 {
            return pow(1.0 / x, -y); // Pow(-0, -y)
        }
        return if y < 0.0 { 0.0 } else { f64::INFINITY };
    }
    if y == 0.5 {
        return x.sqrt();
    }
    if y == -0.5 {
        return 1.0 / x.sqrt();
    }
    let (mut yi, mut yf) = (y.abs().trunc(), y.abs().fract());
    if yf != 0.0 && x < 0.0 {
        return nan();
    }
    if yi >= 9.223_372_036_854_775_808e18 {
        // y is an even integer too large to square towards.
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    // ans = a1 × 2^ae.
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = exp(yf * log(x));
    }
    // The integer part by repeated squaring, keeping the mantissa in [0.5, 1).
    let (mut x1, mut xe) = frexp(x);
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            // The exponent will overflow or underflow: let Ldexp saturate.
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

#[cfg(test)]
#[path = "math_tests.rs"]
mod tests;
