//! Go's special functions, ported operation for operation: `Gamma`, `Lgamma`, `Erf`, `Erfc`,
//! `Erfinv`, `Erfcinv` and `Expm1`. On amd64 they are Go code with no assembly, built on
//! `Exp`, `Log`, `Pow`, `Sin` and `Cos`, which are Go's here too, so their results are Go's
//! to the last bit. The algorithms are Cephes' (`Gamma`), FreeBSD's (`Lgamma`, `Erf`,
//! `Erfc`, `Expm1`) and Giles' rational approximations (`Erfinv`).
//!
//! Go folds constant expressions (`1 / 0.35`, `Ymin - 1 + 0.27`) exactly and then rounds
//! them; they are written here as those rounded values. Where Go returns `NaN()`, so does
//! this code (Go's NaN bits, not the NaN an invalid operation makes).

// The coefficients are written as Go writes them, SQRT_2 and LOG2_E among them.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::{cos, exp, inf, log, modf, modulo, nan, pow, sin};

const PI: f64 = std::f64::consts::PI;

/// Whether `x` is a negative integer (Go's `isNegInt`).
fn is_neg_int(x: f64) -> bool {
    x < 0.0 && modf(x).1 == 0.0
}

/// Stirling's formula for Gamma on [33, 172], as two factors whose product is the result
/// (Go's `stirling`), so that a caller can divide by them one at a time.
fn stirling(x: f64) -> (f64, f64) {
    const S: [f64; 5] = [
        7.87311395793093628397e-04,
        -2.29549961613378126380e-04,
        -2.68132617805781232825e-03,
        3.47222221605458667310e-03,
        8.33333333333482257126e-02,
    ];
    const SQRT_TWO_PI: f64 = 2.506628274631000502417;
    const MAX_STIRLING: f64 = 143.01608;
    if x > 200.0 {
        return (f64::INFINITY, 1.0);
    }
    let mut w = 1.0 / x;
    w = 1.0 + w * ((((S[0] * w + S[1]) * w + S[2]) * w + S[3]) * w + S[4]);
    let mut y1 = exp(x);
    let mut y2 = 1.0;
    if x > MAX_STIRLING {
        // x^(x-1/2) as two halves, where it alone would overflow.
        let v = pow(x, 0.5 * x - 0.25);
        y2 = v / y1;
        y1 = v;
    } else {
        y1 = pow(x, x - 0.5) / y1;
    }
    (y1, SQRT_TWO_PI * w * y2)
}

/// `math.Gamma`: NaN at the negative integers and -Inf, ±Inf at ±0.
pub fn gamma(x: f64) -> f64 {
    const P: [f64; 7] = [
        1.60119522476751861407e-04,
        1.19135147006586384913e-03,
        1.04213797561761569935e-02,
        4.76367800457137231464e-02,
        2.07448227648435975150e-01,
        4.94214826801497100753e-01,
        9.99999999999999996796e-01,
    ];
    const Q: [f64; 8] = [
        -2.31581873324120129819e-05,
        5.39605580493303397842e-04,
        -4.45641913851797240494e-03,
        1.18139785222060435552e-02,
        3.58236398605498653373e-02,
        -2.34591795718243348568e-01,
        7.14304917030273074085e-02,
        1.00000000000000000320e+00,
    ];
    if is_neg_int(x) || x == f64::NEG_INFINITY || x.is_nan() {
        return nan();
    }
    if x == f64::INFINITY {
        return f64::INFINITY;
    }
    if x == 0.0 {
        return f64::INFINITY.copysign(x);
    }
    let q = x.abs();
    let mut p = q.floor();
    if q > 33.0 {
        if x >= 0.0 {
            let (y1, y2) = stirling(x);
            return y1 * y2;
        }
        // By the reflection formula. A negative x that is not an integer is above -2^52.
        let signgam: i64 = if (p as i64) & 1 == 0 { -1 } else { 1 };
        let mut z = q - p;
        if z > 0.5 {
            p += 1.0;
            z = q - p;
        }
        z = q * sin(PI * z);
        if z == 0.0 {
            return inf(signgam);
        }
        let (sq1, sq2) = stirling(q);
        let absz = z.abs();
        let d = absz * sq1 * sq2;
        z = if d.is_infinite() {
            PI / absz / sq1 / sq2
        } else {
            PI / d
        };
        return signgam as f64 * z;
    }
    // Down or up into [2, 3), keeping the product of the steps.
    let mut x = x;
    let mut z = 1.0;
    while x >= 3.0 {
        x -= 1.0;
        z *= x;
    }
    while x < 0.0 {
        if x > -1e-09 {
            return gamma_small(x, z);
        }
        z /= x;
        x += 1.0;
    }
    while x < 2.0 {
        if x < 1e-09 {
            return gamma_small(x, z);
        }
        z /= x;
        x += 1.0;
    }
    if x == 2.0 {
        return z;
    }
    x -= 2.0;
    let p = (((((x * P[0] + P[1]) * x + P[2]) * x + P[3]) * x + P[4]) * x + P[5]) * x + P[6];
    let q = ((((((x * Q[0] + Q[1]) * x + Q[2]) * x + Q[3]) * x + Q[4]) * x + Q[5]) * x + Q[6]) * x
        + Q[7];
    z * p / q
}

/// Gamma near zero, `z` being the product of the reduction's steps.
fn gamma_small(x: f64, z: f64) -> f64 {
    const EULER: f64 = 0.57721566490153286060651209008240243104215933593992;
    if x == 0.0 {
        return f64::INFINITY;
    }
    z / ((1.0 + EULER * x) * x)
}

const LGAM_A: [f64; 12] = [
    7.72156649015328655494e-02,
    3.22467033424113591611e-01,
    6.73523010531292681824e-02,
    2.05808084325167332806e-02,
    7.38555086081402883957e-03,
    2.89051383673415629091e-03,
    1.19270763183362067845e-03,
    5.10069792153511336608e-04,
    2.20862790713908385557e-04,
    1.08011567247583939954e-04,
    2.52144565451257326939e-05,
    4.48640949618915160150e-05,
];
const LGAM_R: [f64; 7] = [
    1.0,
    1.39200533467621045958e+00,
    7.21935547567138069525e-01,
    1.71933865632803078993e-01,
    1.86459191715652901344e-02,
    7.77942496381893596434e-04,
    7.32668430744625636189e-06,
];
const LGAM_S: [f64; 7] = [
    -7.72156649015328655494e-02,
    2.14982415960608852501e-01,
    3.25778796408930981787e-01,
    1.46350472652464452805e-01,
    2.66422703033638609560e-02,
    1.84028451407337715652e-03,
    3.19475326584100867617e-05,
];
const LGAM_T: [f64; 15] = [
    4.83836122723810047042e-01,
    -1.47587722994593911752e-01,
    6.46249402391333854778e-02,
    -3.27885410759859649565e-02,
    1.79706750811820387126e-02,
    -1.03142241298341437450e-02,
    6.10053870246291332635e-03,
    -3.68452016781138256760e-03,
    2.25964780900612472250e-03,
    -1.40346469989232843813e-03,
    8.81081882437654011382e-04,
    -5.38595305356740546715e-04,
    3.15632070903625950361e-04,
    -3.12754168375120860518e-04,
    3.35529192635519073543e-04,
];
const LGAM_U: [f64; 6] = [
    -7.72156649015328655494e-02,
    6.32827064025093366517e-01,
    1.45492250137234768737e+00,
    9.77717527963372745603e-01,
    2.28963728064692451092e-01,
    1.33810918536787660377e-02,
];
const LGAM_V: [f64; 6] = [
    1.0,
    2.45597793713041134822e+00,
    2.12848976379893395361e+00,
    7.69285150456672783825e-01,
    1.04222645593369134254e-01,
    3.21709242282423911810e-03,
];
const LGAM_W: [f64; 7] = [
    4.18938533204672725052e-01,
    8.33333333333329678849e-02,
    -2.77777777728775536470e-03,
    7.93650558643019558500e-04,
    -5.95187557450339963135e-04,
    8.36339918996282139126e-04,
    -1.63092934096575273989e-03,
];

/// `math.Lgamma`: the natural logarithm of |Gamma(x)| and Gamma's sign (+Inf and 1 at zero
/// and the negative integers; ±Inf and NaN come back as they are, with sign 1).
pub fn lgamma(x: f64) -> (f64, i64) {
    /// The minimum of Gamma on the positive axis, where the polynomials are centred.
    const TC: f64 = 1.46163214496836224576e+00;
    const TF: f64 = -1.21486290535849611461e-01;
    const TT: f64 = -3.63867699703950536541e-18;
    /// `Ymin - 1 + 0.27`, `Ymin - 1 - 0.27`, `Ymin + 0.27`, `Ymin - 0.27` for Go's
    /// `Ymin = 1.461632144968362245`, each rounded once.
    const YMIN_M1_P: f64 = 0.7316321449683623;
    const YMIN_M1_M: f64 = 0.19163214496836226;
    const YMIN_P: f64 = 1.7316321449683623;
    const YMIN_M: f64 = 1.1916321449683622;
    const TWO52: f64 = (1u64 << 52) as f64;
    const TWO58: f64 = (1u64 << 58) as f64;
    const TINY: f64 = 1.0 / (1u128 << 70) as f64;
    let mut sign = 1;
    if x.is_nan() || x.is_infinite() {
        return (x, sign);
    }
    if x == 0.0 {
        return (f64::INFINITY, sign);
    }
    let neg = x < 0.0;
    let x = if neg { -x } else { x };
    if x < TINY {
        if neg {
            sign = -1;
        }
        return (-log(x), sign);
    }
    let mut nadj = 0.0;
    if neg {
        if x >= TWO52 {
            // An even integer.
            return (f64::INFINITY, sign);
        }
        let t = sin_pi(x);
        if t == 0.0 {
            return (f64::INFINITY, sign);
        }
        nadj = log(PI / (t * x).abs());
        if t < 0.0 {
            sign = -1;
        }
    }
    let mut lgamma;
    if x == 1.0 || x == 2.0 {
        return (0.0, sign);
    } else if x < 2.0 {
        // lgamma(x) = lgamma(x+1) - log(x), on polynomials around 1, Tc and 2.
        let (y, i);
        if x <= 0.9 {
            lgamma = -log(x);
            (y, i) = if x >= YMIN_M1_P {
                (1.0 - x, 0)
            } else if x >= YMIN_M1_M {
                (x - (TC - 1.0), 1)
            } else {
                (x, 2)
            };
        } else {
            lgamma = 0.0;
            (y, i) = if x >= YMIN_P {
                (2.0 - x, 0)
            } else if x >= YMIN_M {
                (x - TC, 1)
            } else {
                (x - 1.0, 2)
            };
        }
        let a = &LGAM_A;
        let t = &LGAM_T;
        let (u, v) = (&LGAM_U, &LGAM_V);
        match i {
            0 => {
                let z = y * y;
                let p1 = a[0] + z * (a[2] + z * (a[4] + z * (a[6] + z * (a[8] + z * a[10]))));
                let p2 = z * (a[1] + z * (a[3] + z * (a[5] + z * (a[7] + z * (a[9] + z * a[11])))));
                let p = y * p1 + p2;
                lgamma += p - 0.5 * y;
            }
            1 => {
                let z = y * y;
                let w = z * y;
                let p1 = t[0] + w * (t[3] + w * (t[6] + w * (t[9] + w * t[12])));
                let p2 = t[1] + w * (t[4] + w * (t[7] + w * (t[10] + w * t[13])));
                let p3 = t[2] + w * (t[5] + w * (t[8] + w * (t[11] + w * t[14])));
                let p = z * p1 - (TT - w * (p2 + y * p3));
                lgamma += TF + p;
            }
            _ => {
                let p1 = y * (u[0] + y * (u[1] + y * (u[2] + y * (u[3] + y * (u[4] + y * u[5])))));
                let p2 = 1.0 + y * (v[1] + y * (v[2] + y * (v[3] + y * (v[4] + y * v[5]))));
                lgamma += -0.5 * y + p1 / p2;
            }
        }
    } else if x < 8.0 {
        // lgamma(2+s) on a rational function, then lgamma(n+s) = log((n-1+s)...(2+s)) +
        // lgamma(2+s).
        let (s, r) = (&LGAM_S, &LGAM_R);
        let i = x as i64;
        let y = x - i as f64;
        let p =
            y * (s[0] + y * (s[1] + y * (s[2] + y * (s[3] + y * (s[4] + y * (s[5] + y * s[6]))))));
        let q = 1.0 + y * (r[1] + y * (r[2] + y * (r[3] + y * (r[4] + y * (r[5] + y * r[6])))));
        lgamma = 0.5 * y + p / q;
        if i >= 3 {
            let mut z = 1.0;
            for k in (2..i).rev() {
                z *= y + k as f64;
            }
            lgamma += log(z);
        }
    } else if x < TWO58 {
        let w = &LGAM_W;
        let t = log(x);
        let z = 1.0 / x;
        let y = z * z;
        let w = w[0] + z * (w[1] + y * (w[2] + y * (w[3] + y * (w[4] + y * (w[5] + y * w[6])))));
        lgamma = (x - 0.5) * (t - 1.0) + w;
    } else {
        lgamma = x * (log(x) - 1.0);
    }
    if neg {
        lgamma = nadj - lgamma;
    }
    (lgamma, sign)
}

/// `-sin(πx)` for `x > 0`, reduced exactly first (Go's `sinPi`).
fn sin_pi(x: f64) -> f64 {
    const TWO52: f64 = (1u64 << 52) as f64;
    const TWO53: f64 = (1u64 << 53) as f64;
    if x < 0.25 {
        return -sin(PI * x);
    }
    let mut x = x;
    let mut z = x.floor();
    let n;
    if z != x {
        x = modulo(x, 2.0);
        n = (x * 4.0) as i64;
    } else if x >= TWO53 {
        // An even integer.
        x = 0.0;
        n = 0;
    } else {
        if x < TWO52 {
            z = x + TWO52; // exact
        }
        let odd = (z.to_bits() & 1) as i64;
        x = odd as f64;
        n = odd << 2;
    }
    let s = match n {
        0 => sin(PI * x),
        1 | 2 => cos(PI * (0.5 - x)),
        3 | 4 => sin(PI * (1.0 - x)),
        5 | 6 => -cos(PI * (x - 1.5)),
        _ => sin(PI * (x - 2.0)),
    };
    -s
}

/// erf(1) rounded to 24 bits, which `Erf` and `Erfc` expand around on [0.84375, 1.25).
const ERX: f64 = 8.45062911510467529297e-01;

/// `Erf(x) = x + x·y` on [0, 0.84375): this is `y`, a rational function of `x²`.
fn erf_small(x: f64) -> f64 {
    const PP: [f64; 5] = [
        1.28379167095512558561e-01,
        -3.25042107247001499370e-01,
        -2.84817495755985104766e-02,
        -5.77027029648944159157e-03,
        -2.37630166566501626084e-05,
    ];
    const QQ: [f64; 6] = [
        0.0,
        3.97917223959155352819e-01,
        6.50222499887672944485e-02,
        5.08130628187576562776e-03,
        1.32494738004321644526e-04,
        -3.96022827877536812320e-06,
    ];
    let (p, q) = (&PP, &QQ);
    let z = x * x;
    let r = p[0] + z * (p[1] + z * (p[2] + z * (p[3] + z * p[4])));
    let s = 1.0 + z * (q[1] + z * (q[2] + z * (q[3] + z * (q[4] + z * q[5]))));
    r / s
}

/// `Erf(x) - erx` on [0.84375, 1.25): a rational function of `x - 1`.
fn erf_near_one(x: f64) -> f64 {
    const PA: [f64; 7] = [
        -2.36211856075265944077e-03,
        4.14856118683748331666e-01,
        -3.72207876035701323847e-01,
        3.18346619901161753674e-01,
        -1.10894694282396677476e-01,
        3.54783043256182359371e-02,
        -2.16637559486879084300e-03,
    ];
    const QA: [f64; 7] = [
        0.0,
        1.06420880400844228286e-01,
        5.40397917702171048937e-01,
        7.18286544141962662868e-02,
        1.26171219808761642112e-01,
        1.36370839120290507362e-02,
        1.19844998467991074170e-02,
    ];
    let (p, q) = (&PA, &QA);
    let s = x - 1.0;
    let pp = p[0] + s * (p[1] + s * (p[2] + s * (p[3] + s * (p[4] + s * (p[5] + s * p[6])))));
    let qq = 1.0 + s * (q[1] + s * (q[2] + s * (q[3] + s * (q[4] + s * (q[5] + s * q[6])))));
    pp / qq
}

/// `Erfc(x)` for `x` in [1.25, 28): `exp(-x² - 0.5625 + R/S) / x`, with `x²` split so that
/// its exponential loses nothing.
fn erfc_tail(x: f64) -> f64 {
    const RA: [f64; 8] = [
        -9.86494403484714822705e-03,
        -6.93858572707181764372e-01,
        -1.05586262253232909814e+01,
        -6.23753324503260060396e+01,
        -1.62396669462573470355e+02,
        -1.84605092906711035994e+02,
        -8.12874355063065934246e+01,
        -9.81432934416914548592e+00,
    ];
    const SA: [f64; 9] = [
        0.0,
        1.96512716674392571292e+01,
        1.37657754143519042600e+02,
        4.34565877475229228821e+02,
        6.45387271733267880336e+02,
        4.29008140027567833386e+02,
        1.08635005541779435134e+02,
        6.57024977031928170135e+00,
        -6.04244152148580987438e-02,
    ];
    const RB: [f64; 7] = [
        -9.86494292470009928597e-03,
        -7.99283237680523006574e-01,
        -1.77579549177547519889e+01,
        -1.60636384855821916062e+02,
        -6.37566443368389627722e+02,
        -1.02509513161107724954e+03,
        -4.83519191608651397019e+02,
    ];
    const SB: [f64; 8] = [
        0.0,
        3.03380607434824582924e+01,
        3.25792512996573918826e+02,
        1.53672958608443695994e+03,
        3.19985821950859553908e+03,
        2.55305040643316442583e+03,
        4.74528541206955367215e+02,
        -2.24409524465858183362e+01,
    ];
    /// `1 / 0.35`, rounded once.
    const ONE_OVER_035: f64 = 2.857142857142857;
    let s = 1.0 / (x * x);
    let (big_r, big_s);
    if x < ONE_OVER_035 {
        let (r, q) = (&RA, &SA);
        big_r = r[0]
            + s * (r[1]
                + s * (r[2] + s * (r[3] + s * (r[4] + s * (r[5] + s * (r[6] + s * r[7]))))));
        big_s = 1.0
            + s * (q[1]
                + s * (q[2]
                    + s * (q[3] + s * (q[4] + s * (q[5] + s * (q[6] + s * (q[7] + s * q[8])))))));
    } else {
        let (r, q) = (&RB, &SB);
        big_r = r[0] + s * (r[1] + s * (r[2] + s * (r[3] + s * (r[4] + s * (r[5] + s * r[6])))));
        big_s = 1.0
            + s * (q[1]
                + s * (q[2] + s * (q[3] + s * (q[4] + s * (q[5] + s * (q[6] + s * q[7]))))));
    }
    // x with the low 32 bits of its mantissa cleared.
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    let r = exp(-z * z - 0.5625) * exp((z - x) * (z + x) + big_r / big_s);
    r / x
}

/// `math.Erf`: the error function.
pub fn erf(x: f64) -> f64 {
    const EFX: f64 = 1.28379167095512586316e-01;
    const EFX8: f64 = 1.02703333676410069053e+00;
    const VERY_TINY: f64 = 2.848094538889218e-306;
    const SMALL: f64 = 1.0 / (1u64 << 28) as f64;
    if x.is_nan() {
        return nan();
    }
    if x.is_infinite() {
        return 1f64.copysign(x);
    }
    let sign = x < 0.0;
    let x = if sign { -x } else { x }; // -0 stays -0
    let odd = |v: f64| if sign { -v } else { v };
    if x < 0.84375 {
        return odd(if x < SMALL {
            if x < VERY_TINY {
                0.125 * (8.0 * x + EFX8 * x) // without underflow
            } else {
                x + EFX * x
            }
        } else {
            x + x * erf_small(x)
        });
    }
    if x < 1.25 {
        let pq = erf_near_one(x);
        return if sign { -ERX - pq } else { ERX + pq };
    }
    if x >= 6.0 {
        return odd(1.0);
    }
    let r = erfc_tail(x);
    if sign {
        r - 1.0
    } else {
        1.0 - r
    }
}

/// `math.Erfc`: `1 - Erf(x)`, without the cancellation for large `x`.
pub fn erfc(x: f64) -> f64 {
    const TINY: f64 = 1.0 / (1u64 << 56) as f64;
    if x.is_nan() {
        return nan();
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x == f64::NEG_INFINITY {
        return 2.0;
    }
    let sign = x < 0.0;
    let x = if sign { -x } else { x }; // -0 stays -0
    if x < 0.84375 {
        let temp = if x < TINY {
            x
        } else {
            let y = erf_small(x);
            if x < 0.25 {
                x + x * y
            } else {
                0.5 + (x * y + (x - 0.5))
            }
        };
        return if sign { 1.0 + temp } else { 1.0 - temp };
    }
    if x < 1.25 {
        let pq = erf_near_one(x);
        // 1 + erx and 1 - erx are exact.
        return if sign {
            (1.0 + ERX) + pq
        } else {
            (1.0 - ERX) - pq
        };
    }
    if x < 28.0 {
        if sign && x > 6.0 {
            return 2.0;
        }
        let r = erfc_tail(x);
        return if sign { 2.0 - r } else { r };
    }
    if sign {
        2.0
    } else {
        0.0
    }
}

/// `math.Erfinv`: the inverse of `Erf`; ±Inf at ±1, NaN outside [-1, 1].
pub fn erfinv(x: f64) -> f64 {
    const A: [f64; 8] = [
        1.1975323115670912564578e0,
        4.7072688112383978012285e1,
        6.9706266534389598238465e2,
        4.8548868893843886794648e3,
        1.6235862515167575384252e4,
        2.3782041382114385731252e4,
        1.1819493347062294404278e4,
        8.8709406962545514830200e2,
    ];
    const B: [f64; 8] = [
        1.0000000000000000000e0,
        4.2313330701600911252e1,
        6.8718700749205790830e2,
        5.3941960214247511077e3,
        2.1213794301586595867e4,
        3.9307895800092710610e4,
        2.8729085735721942674e4,
        5.2264952788528545610e3,
    ];
    const C: [f64; 8] = [
        1.42343711074968357734e0,
        4.63033784615654529590e0,
        5.76949722146069140550e0,
        3.64784832476320460504e0,
        1.27045825245236838258e0,
        2.41780725177450611770e-1,
        2.27238449892691845833e-2,
        7.74545014278341407640e-4,
    ];
    const D: [f64; 8] = [
        1.4142135623730950488016887e0,
        2.9036514445419946173133295e0,
        2.3707661626024532365971225e0,
        9.7547832001787427186894837e-1,
        2.0945065210512749128288442e-1,
        2.1494160384252876777097297e-2,
        7.7441459065157709165577218e-4,
        1.4859850019840355905497876e-9,
    ];
    const E: [f64; 8] = [
        6.65790464350110377720e0,
        5.46378491116411436990e0,
        1.78482653991729133580e0,
        2.96560571828504891230e-1,
        2.65321895265761230930e-2,
        1.24266094738807843860e-3,
        2.71155556874348757815e-5,
        2.01033439929228813265e-7,
    ];
    const F: [f64; 8] = [
        1.414213562373095048801689e0,
        8.482908416595164588112026e-1,
        1.936480946950659106176712e-1,
        2.103693768272068968719679e-2,
        1.112800997078859844711555e-3,
        2.611088405080593625138020e-5,
        2.010321207683943062279931e-7,
        2.891024605872965461538222e-15,
    ];
    /// A degree-7 polynomial in `r`, by Horner's rule from the highest coefficient.
    fn poly(c: &[f64; 8], r: f64) -> f64 {
        ((((((c[7] * r + c[6]) * r + c[5]) * r + c[4]) * r + c[3]) * r + c[2]) * r + c[1]) * r
            + c[0]
    }
    if x.is_nan() || x <= -1.0 || x >= 1.0 {
        if x == -1.0 || x == 1.0 {
            return inf(x as i64);
        }
        return nan();
    }
    let sign = x < 0.0;
    let x = if sign { -x } else { x }; // -0 stays -0
    let ans = if x <= 0.85 {
        let r = 0.180625 - 0.25 * x * x;
        (x * poly(&A, r)) / poly(&B, r)
    } else {
        let r = (std::f64::consts::LN_2 - log(1.0 - x)).sqrt();
        if r <= 5.0 {
            let r = r - 1.6;
            poly(&C, r) / poly(&D, r)
        } else {
            let r = r - 5.0;
            poly(&E, r) / poly(&F, r)
        }
    };
    if sign {
        -ans
    } else {
        ans
    }
}

/// `math.Erfcinv`: the inverse of `Erfc`, `Erfinv(1 - x)`.
pub fn erfcinv(x: f64) -> f64 {
    erfinv(1.0 - x)
}

/// `math.Expm1`: `e^x - 1`, accurate near zero.
pub fn expm1(x: f64) -> f64 {
    const OTHRESHOLD: f64 = 7.09782712893383973096e+02;
    const LN2X56: f64 = 3.88162421113569373274e+01;
    const LN2HALFX3: f64 = 1.03972077083991796413e+00;
    const LN2HALF: f64 = 3.46573590279972654709e-01;
    const LN2HI: f64 = 6.93147180369123816490e-01;
    const LN2LO: f64 = 1.90821492927058770002e-10;
    const INVLN2: f64 = 1.44269504088896338700e+00;
    const TINY: f64 = 1.0 / (1u64 << 54) as f64;
    const Q1: f64 = -3.33333333333331316428e-02;
    const Q2: f64 = 1.58730158725481460165e-03;
    const Q3: f64 = -7.93650757867487942473e-05;
    const Q4: f64 = 4.00821782732936239552e-06;
    const Q5: f64 = -2.01099218183624371326e-07;
    if x == f64::INFINITY || x.is_nan() {
        return x;
    }
    if x == f64::NEG_INFINITY {
        return -1.0;
    }
    let sign = x < 0.0;
    let absx = if sign { -x } else { x };
    if absx >= LN2X56 {
        if sign {
            return -1.0;
        }
        if absx >= OTHRESHOLD {
            return f64::INFINITY;
        }
    }
    // x = k·ln2 + r with |r| <= ln2/2, r as hi - lo and c the error of that difference.
    let mut x = x;
    let mut c = 0.0;
    let k: i64;
    if absx > LN2HALF {
        let (hi, lo);
        if absx < LN2HALFX3 {
            if sign {
                (hi, lo, k) = (x + LN2HI, -LN2LO, -1);
            } else {
                (hi, lo, k) = (x - LN2HI, LN2LO, 1);
            }
        } else {
            k = if sign {
                (INVLN2 * x - 0.5) as i64
            } else {
                (INVLN2 * x + 0.5) as i64
            };
            let t = k as f64;
            hi = x - t * LN2HI; // exact
            lo = t * LN2LO;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if absx < TINY {
        return x;
    } else {
        k = 0;
    }
    let hfx = 0.5 * x;
    let hxs = x * hfx;
    let r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    let t = 3.0 - r1 * hfx;
    let mut e = hxs * ((r1 - t) / (6.0 - x * t));
    if k == 0 {
        return x - (x * e - hxs);
    }
    e = x * (e - c) - c;
    e -= hxs;
    // y × 2^k by adding k to y's exponent.
    let scale = |y: f64| f64::from_bits(y.to_bits().wrapping_add((k as u64) << 52));
    if k == -1 {
        return 0.5 * (x - e) - 0.5;
    }
    if k == 1 {
        if x < -0.25 {
            return -2.0 * (e - (x + 0.5));
        }
        return 1.0 + 2.0 * (x - e);
    }
    if k <= -2 || k > 56 {
        return scale(1.0 - (e - x)) - 1.0;
    }
    if k < 20 {
        // 1 - 2^-k
        let t = f64::from_bits(0x3ff0_0000_0000_0000 - (0x0020_0000_0000_0000 >> k));
        return scale(t - (e - x));
    }
    let t = f64::from_bits(((0x3ff - k) as u64) << 52); // 2^-k
    let mut y = x - (e + t);
    y += 1.0;
    scale(y)
}
