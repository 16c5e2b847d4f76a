//! `math` on `natives::math`: Go's own algorithms where a libm answers differently (so the
//! last bit, and the printed digits, are Go's on every host), Rust's where IEEE 754 fixes
//! the result (`Sqrt`, `Floor`, `Ceil`, `Trunc`, `Round`, `RoundToEven`, `Copysign`).

use super::{done, pure};
use crate::golang::natives::math as m;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    pure("math.Acos", acos),
    pure("math.Asin", asin),
    pure("math.Atan", atan),
    pure("math.Atan2", atan2),
    pure("math.Cbrt", cbrt),
    pure("math.Ceil", ceil),
    pure("math.Copysign", copysign),
    pure("math.Cos", cos),
    pure("math.Cosh", cosh),
    pure("math.Dim", dim),
    pure("math.Erf", erf),
    pure("math.Erfc", erfc),
    pure("math.Erfcinv", erfcinv),
    pure("math.Erfinv", erfinv),
    pure("math.Exp", exp),
    pure("math.Exp2", exp2),
    pure("math.Expm1", expm1),
    pure("math.Float32bits", float32bits),
    pure("math.Float32frombits", float32frombits),
    pure("math.Float64bits", float64bits),
    pure("math.Float64frombits", float64frombits),
    pure("math.FMA", fma),
    pure("math.Floor", floor),
    pure("math.Frexp", frexp),
    pure("math.Gamma", gamma),
    pure("math.Hypot", hypot),
    pure("math.Inf", inf),
    pure("math.Ldexp", ldexp),
    pure("math.Lgamma", lgamma),
    pure("math.Log", log),
    pure("math.Log10", log10),
    pure("math.Log1p", log1p),
    pure("math.Log2", log2),
    pure("math.Max", max),
    pure("math.Min", min),
    pure("math.Mod", modulo),
    pure("math.Modf", modf),
    pure("math.NaN", nan),
    pure("math.Pow", pow),
    pure("math.Pow10", pow10),
    pure("math.Remainder", remainder),
    pure("math.Round", round),
    pure("math.RoundToEven", round_to_even),
    pure("math.Signbit", signbit),
    pure("math.Sin", sin),
    pure("math.Sinh", sinh),
    pure("math.Sqrt", sqrt),
    pure("math.Tan", tan),
    pure("math.Tanh", tanh),
    pure("math.Trunc", trunc),
];

fn float(ctx: &Ctx<'_>, i: usize) -> f64 {
    ctx.arg(i).as_float()
}

fn ret(ctx: &mut Ctx<'_>, f: f64) -> Result<Flow, Thrown> {
    done(ctx, [Value::Float(f)])
}

/// `func(x float64) float64` natives.
macro_rules! unary {
    ($($name:ident = $f:expr;)*) => {$(
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let x = float(ctx, 0);
            ret(ctx, $f(x))
        }
    )*};
}

/// `func(x, y float64) float64` natives.
macro_rules! binary {
    ($($name:ident = $f:expr;)*) => {$(
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let (x, y) = (float(ctx, 0), float(ctx, 1));
            ret(ctx, $f(x, y))
        }
    )*};
}

unary! {
    acos = m::acos;
    asin = m::asin;
    atan = m::atan;
    cbrt = m::cbrt;
    ceil = f64::ceil;
    cos = m::cos;
    cosh = m::cosh;
    erf = m::erf;
    erfc = m::erfc;
    erfcinv = m::erfcinv;
    erfinv = m::erfinv;
    exp = m::exp;
    exp2 = m::exp2;
    expm1 = m::expm1;
    floor = f64::floor;
    gamma = m::gamma;
    log = m::log;
    log10 = m::log10;
    log1p = m::log1p;
    log2 = m::log2;
    round = f64::round;
    round_to_even = f64::round_ties_even;
    sin = m::sin;
    sinh = m::sinh;
    sqrt = f64::sqrt;
    tan = m::tan;
    tanh = m::tanh;
    trunc = f64::trunc;
}

binary! {
    atan2 = m::atan2;
    copysign = f64::copysign;
    dim = m::dim;
    hypot = m::hypot;
    max = m::max;
    min = m::min;
    modulo = m::modulo;
    pow = m::pow;
    remainder = m::remainder;
}

/// `FMA(x, y, z)`: `x * y + z` rounded once, as IEEE 754's fused multiply-add.
fn fma(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (x, y, z) = (float(ctx, 0), float(ctx, 1), float(ctx, 2));
    ret(ctx, x.mul_add(y, z))
}

fn modf(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (i, f) = m::modf(float(ctx, 0));
    done(ctx, [Value::Float(i), Value::Float(f)])
}

fn frexp(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (frac, exp) = m::frexp(float(ctx, 0));
    done(ctx, [Value::Float(frac), Value::Int(exp)])
}

fn ldexp(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (frac, exp) = (float(ctx, 0), ctx.int(1));
    ret(ctx, m::ldexp(frac, exp))
}

fn lgamma(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (lgamma, sign) = m::lgamma(float(ctx, 0));
    done(ctx, [Value::Float(lgamma), Value::Int(sign)])
}

fn nan(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    ret(ctx, m::nan())
}

fn inf(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let sign = ctx.int(0);
    ret(ctx, m::inf(sign))
}

fn pow10(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = ctx.int(0);
    ret(ctx, m::pow10(n))
}

fn signbit(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let b = float(ctx, 0).is_sign_negative();
    done(ctx, [Value::Bool(b)])
}

fn float32bits(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let bits = (float(ctx, 0) as f32).to_bits();
    done(ctx, [Value::Int(bits as i64)])
}

fn float32frombits(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let f = f32::from_bits(ctx.int(0) as u32);
    ret(ctx, f as f64)
}

fn float64bits(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let bits = float(ctx, 0).to_bits();
    done(ctx, [Value::Int(bits as i64)])
}

fn float64frombits(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let f = f64::from_bits(ctx.int(0) as u64);
    ret(ctx, f)
}
