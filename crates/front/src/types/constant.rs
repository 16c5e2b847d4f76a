//! Constant values and their arithmetic, as Go's `go/constant` does it: integers are exact in
//! 128 bits; untyped floats are exact fractions while numerator and denominator fit 128 bits
//! (`0.1 + 0.2` is 3/10, which becomes the `float64` nearest 0.3, as in Go); past those, an
//! integer or a float continues as a [`Wide`] float of 128 bits (Go keeps 512), exact for
//! `1 << 200` and within 2^-120 of `math.Pi / 3`; typed floats and complex numbers are
//! `f64`s; strings are byte strings.
//!
//! # Invariants
//! - A constant of an integer type holds `Int`, of a float type `Float`, of a complex type
//!   `Complex`, of a string type `Str`, of a boolean type `Bool` (once its final type is
//!   known; an untyped float constant holds a `Rat` or a `Wide`, or an `Int` while its kind
//!   is still open, as `2.0 << 1` needs, and an untyped complex one any of those; an untyped
//!   integer past 128 bits is a `Wide`).
//! - A `Rat` is reduced and its denominator positive.
//! - `Unknown` follows an error that was already reported; operations on it give
//!   `Unknown` silently.

use std::rc::Rc;

use super::ty::BasicKind;
use super::wide::Wide;
use crate::syntax::literal;
use crate::syntax::token::Op;

#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Unknown,
    Bool(bool),
    Int(i128),
    /// An exact untyped float, `numerator / denominator` (`0.1` is 1/10, `1e3` 1000/1).
    Rat(i128, i128),
    /// An untyped number too large or too precise for the others (boxed: it is large, and
    /// rare).
    Wide(Box<Wide>),
    Float(f64),
    /// A complex number: its real and imaginary parts.
    Complex(f64, f64),
    Str(Rc<[u8]>),
}

/// A constant operation's result does not fit the checker's precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

/// Why a constant cannot be represented in a type (gc's wording differs by reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReprError {
    /// A float with a fractional part to an integer type.
    Truncated,
    /// Out of the type's range.
    Overflow,
    /// Not a value of that kind at all (a string to an int).
    Invalid,
}

impl ConstValue {
    pub fn int(&self) -> Option<i128> {
        match *self {
            ConstValue::Int(i) => Some(i),
            ConstValue::Rat(n, 1) => Some(n),
            ConstValue::Wide(ref w) => w.int(),
            ConstValue::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(f as i128),
            ConstValue::Complex(re, 0.0) => ConstValue::Float(re).int(),
            _ => None,
        }
    }

    /// The value as a float: a real number's, or a complex number's without imaginary part.
    pub fn float(&self) -> Option<f64> {
        match *self {
            ConstValue::Int(i) => Some(i as f64),
            ConstValue::Rat(n, d) => Some(Wide::ratio_to_round(n, d).to_f64()),
            ConstValue::Wide(ref w) => Some(w.to_f64()),
            ConstValue::Float(f) => Some(f),
            ConstValue::Complex(re, 0.0) => Some(re),
            _ => None,
        }
    }

    /// The value as the nearest `f32`: a fraction is rounded once, not through an `f64`.
    pub fn float32(&self) -> Option<f32> {
        match *self {
            ConstValue::Rat(n, d) => Some(Wide::ratio_to_round(n, d).to_f32()),
            ConstValue::Wide(ref w) => Some(w.to_f32()),
            _ => self.float().map(|f| f as f32),
        }
    }

    /// The value as a wide float, if it is an untyped number (a typed float is rounded to its
    /// type, and computes as one).
    fn wide(&self) -> Option<Wide> {
        match *self {
            ConstValue::Int(i) => Some(Wide::from_int(i)),
            ConstValue::Rat(n, d) => Some(Wide::from_ratio(n, d)),
            ConstValue::Wide(ref w) => Some(**w),
            _ => None,
        }
    }

    /// Whether it is a whole number (`2.0`, `1 << 200`).
    pub fn is_whole(&self) -> bool {
        match self {
            ConstValue::Wide(ref w) => w.is_whole(),
            _ => self.int().is_some(),
        }
    }

    /// The value as an exact fraction, if it is one.
    fn exact(&self) -> Option<(i128, i128)> {
        match *self {
            ConstValue::Int(i) => Some((i, 1)),
            ConstValue::Rat(n, d) => Some((n, d)),
            _ => None,
        }
    }

    /// A numeric value as a complex number (real and imaginary parts).
    pub fn complex(&self) -> Option<(f64, f64)> {
        match *self {
            ConstValue::Complex(re, im) => Some((re, im)),
            _ => Some((self.float()?, 0.0)),
        }
    }

    pub fn bool(&self) -> Option<bool> {
        match *self {
            ConstValue::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn str(&self) -> Option<&[u8]> {
        match self {
            ConstValue::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, ConstValue::Unknown)
    }

    /// The sign of a numeric constant (0 for others).
    pub fn sign(&self) -> i32 {
        match *self {
            ConstValue::Int(i) | ConstValue::Rat(i, _) => i.signum() as i32,
            ConstValue::Wide(ref w) => w.signum(),
            ConstValue::Float(f) if f > 0.0 => 1,
            ConstValue::Float(f) if f < 0.0 => -1,
            ConstValue::Complex(re, im) if re != 0.0 || im != 0.0 => 1,
            _ => 0,
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            ConstValue::Int(_)
                | ConstValue::Rat(..)
                | ConstValue::Wide(_)
                | ConstValue::Float(_)
                | ConstValue::Complex(..)
        )
    }

    /// The value as a Go key for duplicate detection (`1`, `1.0` are the same key).
    pub fn key(&self) -> Option<String> {
        match self {
            ConstValue::Int(i) => Some(format!("i{i}")),
            ConstValue::Rat(..)
            | ConstValue::Wide(_)
            | ConstValue::Float(_)
            | ConstValue::Complex(..) => match (self.int(), self.float()) {
                (Some(i), _) => Some(format!("i{i}")),
                (None, Some(f)) => Some(format!("f{f}")),
                (None, None) => self.complex().map(|(re, im)| format!("c{re},{im}")),
            },
            // Escaped, so that strings that are not UTF-8 stay distinct.
            ConstValue::Str(s) => Some(format!("s{}", s.escape_ascii())),
            ConstValue::Bool(b) => Some(format!("b{b}")),
            ConstValue::Unknown => None,
        }
    }
}

/// The value of a unary operation; `bits` is the size of an unsigned type for `^`.
/// `Err` means the result overflowed 128 bits.
pub fn unary(op: Op, x: &ConstValue, unsigned_bits: Option<u32>) -> Result<ConstValue, Overflow> {
    Ok(match (op, x) {
        (_, ConstValue::Unknown) => ConstValue::Unknown,
        (Op::Add, v) => v.clone(),
        (Op::Sub, ConstValue::Int(i)) => ConstValue::Int(i.checked_neg().ok_or(Overflow)?),
        (Op::Sub, ConstValue::Rat(n, d)) => ConstValue::Rat(n.checked_neg().ok_or(Overflow)?, *d),
        (Op::Sub, ConstValue::Wide(w)) => ConstValue::Wide(Box::new(-**w)),
        (Op::Sub, ConstValue::Float(f)) => ConstValue::Float(-f),
        (Op::Sub, ConstValue::Complex(re, im)) => ConstValue::Complex(-re, -im),
        (Op::Not, ConstValue::Bool(b)) => ConstValue::Bool(!b),
        (Op::Xor, v) => {
            let i = v.int().ok_or(Overflow)?;
            match unsigned_bits {
                Some(bits) => {
                    let mask: i128 = if bits >= 127 { -1 } else { (1i128 << bits) - 1 };
                    ConstValue::Int(!i & mask)
                }
                None => ConstValue::Int(!i),
            }
        }
        _ => ConstValue::Unknown,
    })
}

/// The value of `x op y` for arithmetic, bitwise and logical operators. `int_div` asks for
/// truncated integer division (`/` on integer operands). `Err` is an overflow beyond 128
/// bits; division by zero must have been excluded by the caller.
pub fn binary(
    x: &ConstValue,
    op: Op,
    y: &ConstValue,
    int_div: bool,
) -> Result<ConstValue, Overflow> {
    use ConstValue::*;
    Ok(match (x, y) {
        (Unknown, _) | (_, Unknown) => Unknown,
        (Bool(a), Bool(b)) => match op {
            Op::AndAnd => Bool(*a && *b),
            Op::OrOr => Bool(*a || *b),
            _ => Unknown,
        },
        (Str(a), Str(b)) if op == Op::Add => {
            let mut s = Vec::with_capacity(a.len() + b.len());
            s.extend_from_slice(a);
            s.extend_from_slice(b);
            Str(s.into())
        }
        (Int(a), Int(b)) => {
            let (a, b) = (*a, *b);
            let r = match op {
                // Beyond 128 bits, integer values continue as wide floats.
                Op::Add | Op::Sub | Op::Mul => {
                    let exact = match op {
                        Op::Add => a.checked_add(b),
                        Op::Sub => a.checked_sub(b),
                        _ => a.checked_mul(b),
                    };
                    return Ok(exact.map_or_else(|| wide_op(x, op, y), Int));
                }
                Op::Div if int_div => a.checked_div(b),
                Op::Div => return Ok(ratio(a, b).unwrap_or_else(|| wide_op(x, op, y))),
                Op::Rem => a.checked_rem(b),
                Op::And => Some(a & b),
                Op::Or => Some(a | b),
                Op::Xor => Some(a ^ b),
                Op::AndNot => Some(a & !b),
                _ => return Ok(Unknown),
            };
            Int(r.ok_or(Overflow)?)
        }
        (Complex(..), _) | (_, Complex(..)) if x.is_numeric() && y.is_numeric() => {
            let (Some(a), Some(b)) = (x.complex(), y.complex()) else {
                return Ok(Unknown);
            };
            if a.1 == 0.0 && b.1 == 0.0 {
                // Real numbers written as complex ones: exact as real numbers.
                return binary(&real_part(x), op, &real_part(y), int_div);
            }
            let r = match op {
                Op::Add => (a.0 + b.0, a.1 + b.1),
                Op::Sub => (a.0 - b.0, a.1 - b.1),
                Op::Mul => (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
                Op::Div => {
                    let d = b.0 * b.0 + b.1 * b.1;
                    ((a.0 * b.0 + a.1 * b.1) / d, (a.1 * b.0 - a.0 * b.1) / d)
                }
                _ => return Ok(Unknown),
            };
            if !r.0.is_finite() || !r.1.is_finite() {
                return Err(Overflow);
            }
            Complex(r.0, r.1)
        }
        (a, b) if a.is_numeric() && b.is_numeric() => {
            let arithmetic = matches!(op, Op::Add | Op::Sub | Op::Mul | Op::Div);
            if let (Some(a), Some(b), false) = (a.exact(), b.exact(), int_div) {
                // Exact fractions stay exact while they fit.
                if let Some(r) = arithmetic.then(|| fraction_op(a, op, b)).flatten() {
                    return Ok(r);
                }
            }
            if arithmetic && !int_div && a.wide().is_some() && b.wide().is_some() {
                return Ok(wide_op(a, op, b));
            }
            if let (Some(i), Some(j)) = (a.int(), b.int()) {
                // Whole numbers (`1 << 64 - 1 + 0.`) stay exact.
                let exact = match op {
                    Op::Add | Op::Sub | Op::Mul => true,
                    Op::Div => j != 0 && i % j == 0,
                    _ => false,
                };
                if exact && !int_div {
                    return binary(&Int(i), op, &Int(j), true);
                }
            }
            if int_div || matches!(op, Op::Rem | Op::And | Op::Or | Op::Xor | Op::AndNot) {
                // Integer-typed operands whose values were written as floats (`4.0`).
                return match (a.int(), b.int(), a.wide(), b.wide()) {
                    (Some(a), Some(b), ..) => binary(&Int(a), op, &Int(b), int_div),
                    // Past 128 bits (exact up to 512), a quotient or a remainder (a bitwise
                    // operation is not provided: an overflow).
                    (.., Some(a), Some(b))
                        if matches!(op, Op::Div | Op::Rem)
                            && a.is_whole()
                            && b.is_whole()
                            && !b.is_zero() =>
                    {
                        let q = (a / b).trunc();
                        let r = if op == Op::Div { q } else { a - q * b };
                        Ok(r.int().map_or(Wide(Box::new(r)), Int))
                    }
                    _ => Ok(Unknown),
                };
            }
            let (a, b) = (a.float().unwrap_or(0.0), b.float().unwrap_or(0.0));
            let r = match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::Div => a / b,
                _ => return Ok(Unknown),
            };
            if !r.is_finite() {
                return Err(Overflow);
            }
            Float(r)
        }
        _ => Unknown,
    })
}

/// The value of a float literal: an exact fraction when it fits, a wide float otherwise;
/// `Unknown` past a wide float's exponent (an overflow).
pub fn float_literal(text: &str) -> ConstValue {
    if let Some(v) = literal::float_ratio(text).and_then(|(n, d)| ratio(n, d)) {
        return v;
    }
    let w = match literal::float_digits(text) {
        Some(f) if f.hex => Wide::from_digits(&f.digits, 16).scale(f.scale),
        Some(f) => Wide::from_digits(&f.digits, 10).pow10(f.scale),
        None => return ConstValue::Unknown,
    };
    if w.in_range() {
        ConstValue::Wide(Box::new(w))
    } else {
        ConstValue::Unknown
    }
}

/// `n / d` exactly (`d != 0`): a reduced `Rat`, or `None` if it does not fit.
pub fn ratio(n: i128, d: i128) -> Option<ConstValue> {
    let negative = (n < 0) != (d < 0);
    let g = gcd(n.unsigned_abs(), d.unsigned_abs());
    let (n, d) = (n.unsigned_abs() / g, d.unsigned_abs() / g);
    let (n, d) = (i128::try_from(n).ok()?, i128::try_from(d).ok()?);
    Some(ConstValue::Rat(if negative { -n } else { n }, d))
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

/// `a op b` on exact fractions (`op` is `+`, `-`, `*` or `/`; a divisor is not zero), or
/// `None` when a numerator or denominator would not fit 128 bits.
fn fraction_op((n, d): (i128, i128), op: Op, (m, e): (i128, i128)) -> Option<ConstValue> {
    match op {
        Op::Add | Op::Sub => {
            let m = if op == Op::Sub { m.checked_neg()? } else { m };
            ratio(
                n.checked_mul(e)?.checked_add(m.checked_mul(d)?)?,
                d.checked_mul(e)?,
            )
        }
        Op::Mul => ratio(n.checked_mul(m)?, d.checked_mul(e)?),
        Op::Div if m != 0 => ratio(n.checked_mul(e)?, d.checked_mul(m)?),
        _ => None,
    }
}

/// A numeric value without its imaginary part (which must be zero): an integer stays one.
fn real_part(v: &ConstValue) -> ConstValue {
    match *v {
        ConstValue::Complex(re, _) => ConstValue::Float(re),
        ref other => other.clone(),
    }
}

/// `x op y` (`+`, `-`, `*`, `/`; a divisor is not zero) on untyped numbers, as wide floats:
/// an `Int` again when the result is a whole number that fits.
fn wide_op(x: &ConstValue, op: Op, y: &ConstValue) -> ConstValue {
    let (Some(a), Some(b)) = (x.wide(), y.wide()) else {
        return ConstValue::Unknown;
    };
    let r = match op {
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => a * b,
        Op::Div if !b.is_zero() => a / b,
        _ => return ConstValue::Unknown,
    };
    match (x, y, r.int()) {
        _ if !r.in_range() => ConstValue::Unknown,
        (ConstValue::Int(_), ConstValue::Int(_), Some(i)) if op != Op::Div => ConstValue::Int(i),
        _ => ConstValue::Wide(Box::new(r)),
    }
}

/// `x << s` or `x >> s` on an integer-valued constant (beyond 128 bits, as a wide float).
pub fn shift_value(x: &ConstValue, op: Op, s: u64) -> ConstValue {
    if let Some(i) = x.int() {
        if let Ok(v) = shift(i, op, s) {
            return ConstValue::Int(v);
        }
    }
    let w = x
        .wide()
        .unwrap_or_else(|| Wide::from_f64(x.float().unwrap_or(0.0)));
    let s = s.min(1 << 32) as i64;
    let r = if op == Op::Shl {
        w.scale(s)
    } else {
        w.scale(-s).floor()
    };
    match r.int() {
        Some(i) => ConstValue::Int(i),
        None if r.in_range() => ConstValue::Wide(Box::new(r)),
        None => ConstValue::Unknown,
    }
}

/// `x << s` or `x >> s` on an integer constant.
pub fn shift(x: i128, op: Op, s: u64) -> Result<i128, Overflow> {
    if op == Op::Shl {
        if x == 0 {
            return Ok(0);
        }
        if s >= 127 {
            return Err(Overflow);
        }
        let r = x.checked_shl(s as u32).ok_or(Overflow)?;
        if r >> s != x {
            return Err(Overflow);
        }
        Ok(r)
    } else {
        Ok(if s >= 127 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> s
        })
    }
}

/// The value of the comparison `x op y`.
pub fn compare(x: &ConstValue, op: Op, y: &ConstValue) -> bool {
    use std::cmp::Ordering;
    let ord = match (x, y) {
        (ConstValue::Int(a), ConstValue::Int(b)) => a.cmp(b),
        (ConstValue::Str(a), ConstValue::Str(b)) => a.cmp(b),
        (ConstValue::Bool(a), ConstValue::Bool(b)) => a.cmp(b),
        (ConstValue::Complex(..), _) | (_, ConstValue::Complex(..)) => {
            let equal = x.complex() == y.complex();
            return match op {
                Op::Eql => equal,
                Op::Neq => !equal,
                _ => false,
            };
        }
        (a, b) if a.is_numeric() && b.is_numeric() => {
            let exact = a.exact().zip(b.exact()).and_then(|((n, d), (m, e))| {
                // Denominators are positive: compare n·e with m·d.
                Some(n.checked_mul(e)?.cmp(&m.checked_mul(d)?))
            });
            let wide = || a.wide().zip(b.wide()).map(|(a, b)| a.cmp(&b));
            exact
                .or_else(wide)
                .unwrap_or_else(|| a.float().partial_cmp(&b.float()).unwrap_or(Ordering::Equal))
        }
        _ => return false,
    };
    match op {
        Op::Eql => ord == Ordering::Equal,
        Op::Neq => ord != Ordering::Equal,
        Op::Lss => ord == Ordering::Less,
        Op::Leq => ord != Ordering::Greater,
        Op::Gtr => ord == Ordering::Greater,
        Op::Geq => ord != Ordering::Less,
        _ => false,
    }
}

/// `v` represented in the basic kind `kind` (rounded for floats, converted to `Int` for
/// integers), or why it cannot be.
pub fn representable(v: &ConstValue, kind: BasicKind) -> Result<ConstValue, ReprError> {
    use BasicKind::*;
    if v.is_unknown() {
        return Ok(ConstValue::Unknown);
    }
    let numeric_err = |v: &ConstValue, to_int: bool| {
        if !v.is_numeric() {
            ReprError::Invalid
        } else if to_int && v.int().is_none() {
            ReprError::Truncated
        } else {
            ReprError::Overflow
        }
    };
    if kind.is_integer() {
        let Some(i) = v.int() else {
            // An untyped integer beyond 128 bits.
            if matches!(kind, UntypedInt | UntypedRune) && v.is_whole() {
                return Ok(v.clone());
            }
            return Err(numeric_err(v, true));
        };
        let ok = match kind {
            Int | Int64 => i64::try_from(i).is_ok(),
            Int8 => i8::try_from(i).is_ok(),
            Int16 => i16::try_from(i).is_ok(),
            Int32 => i32::try_from(i).is_ok(),
            Uint | Uint64 | Uintptr => u64::try_from(i).is_ok(),
            Uint8 => u8::try_from(i).is_ok(),
            Uint16 => u16::try_from(i).is_ok(),
            Uint32 => u32::try_from(i).is_ok(),
            _ => true,
        };
        return if ok {
            Ok(ConstValue::Int(i))
        } else {
            Err(ReprError::Overflow)
        };
    }
    if kind.is_float() {
        let Some(f) = v.float() else {
            return Err(numeric_err(v, false));
        };
        return match kind {
            Float32 => {
                let r = v.float32().unwrap_or(f32::NAN);
                if r.is_finite() {
                    Ok(ConstValue::Float(r as f64))
                } else {
                    Err(ReprError::Overflow)
                }
            }
            Float64 if !f.is_finite() => Err(ReprError::Overflow),
            UntypedFloat => Ok(v.clone()),
            _ => Ok(ConstValue::Float(f)),
        };
    }
    if kind.is_complex() {
        let Some((re, im)) = v.complex() else {
            return Err(numeric_err(v, false));
        };
        return match kind {
            Complex64 => {
                let (r, i) = (re as f32, im as f32);
                if r.is_finite() && i.is_finite() {
                    Ok(ConstValue::Complex(r as f64, i as f64))
                } else {
                    Err(ReprError::Overflow)
                }
            }
            Complex128 if !re.is_finite() || !im.is_finite() => Err(ReprError::Overflow),
            UntypedComplex => Ok(v.clone()),
            _ => Ok(ConstValue::Complex(re, im)),
        };
    }
    match (kind, v) {
        (String | UntypedString, ConstValue::Str(_))
        | (Bool | UntypedBool, ConstValue::Bool(_)) => Ok(v.clone()),
        _ => Err(ReprError::Invalid),
    }
}

/// The constant as `go/constant` prints it: integers in decimal, floats as `%.6g`,
/// strings quoted (shortened past 72 characters).
pub fn format(v: &ConstValue) -> String {
    match v {
        ConstValue::Unknown => "unknown".to_string(),
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Wide(w) if !w.to_f64().is_finite() || (w.to_f64() == 0.0 && !w.is_zero()) => {
            // Beyond a float64's range: six significant digits, as %.6g would print them.
            let (e10, digits) = w.decimal(6);
            let text = digits.to_string();
            let mantissa = trim_zeros_owned(format!("{}.{}", &text[..1], &text[1..]));
            let sign = if w.signum() < 0 { "-" } else { "" };
            let esign = if e10 < 0 { '-' } else { '+' };
            format!("{sign}{mantissa}e{esign}{:02}", e10.abs())
        }
        ConstValue::Rat(..) | ConstValue::Wide(_) | ConstValue::Float(_) => {
            format_float(v.float().unwrap_or(0.0))
        }
        ConstValue::Complex(re, im) => {
            format!("({} + {}i)", format_float(*re), format_float(*im))
        }
        ConstValue::Str(s) => {
            const MAX: usize = 72;
            let q = quote(s);
            if q.chars().count() > MAX {
                let cut: String = q.chars().take(MAX - 3).collect();
                format!("{cut}...")
            } else {
                q
            }
        }
    }
}

fn format_float(f: f64) -> String {
    let s = format_g(f, 6);
    if f.fract() != 0.0 && !s.contains(['.', 'e']) {
        // Not an integer, but it prints like one: show more digits.
        return format_g_shortest(f);
    }
    s
}

/// Go's `%.{prec}g`.
pub fn format_g(f: f64, prec: usize) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    if !f.is_finite() {
        return if f.is_nan() {
            "NaN".into()
        } else if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let e_form = format!("{:.*e}", prec - 1, f);
    let (mant, exp) = e_form.split_once('e').unwrap_or((&e_form, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= prec as i32 {
        let mant = trim_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        trim_zeros(&format!("{f:.decimals$}")).to_string()
    }
}

/// Go's `%g` (shortest representation that round-trips).
pub fn format_g_shortest(f: f64) -> String {
    let s = format!("{f:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits = mant.trim_start_matches('-').replace('.', "").len();
    if exp < -4 || exp >= digits.max(21) as i32 {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        format!("{f}")
    }
}

fn trim_zeros_owned(s: String) -> String {
    trim_zeros(&s).to_string()
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// Go's `strconv.Quote` of a byte string.
pub fn quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let (ch, w) = match std::str::from_utf8(&rest[..rest.len().min(4)]) {
            Ok(t) => t
                .chars()
                .next()
                .map_or((None, 1), |c| (Some(c), c.len_utf8())),
            Err(e) if e.valid_up_to() > 0 => {
                let t = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or("");
                t.chars()
                    .next()
                    .map_or((None, 1), |c| (Some(c), c.len_utf8()))
            }
            Err(_) => (None, 1),
        };
        match ch {
            None => out.push_str(&format!("\\x{:02x}", s[i])),
            Some('"') => out.push_str("\\\""),
            Some('\\') => out.push_str("\\\\"),
            Some('\x07') => out.push_str("\\a"),
            Some('\x08') => out.push_str("\\b"),
            Some('\x0c') => out.push_str("\\f"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some('\x0b') => out.push_str("\\v"),
            Some(c) if (c as u32) < 0x20 || c == '\x7f' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            Some(c) if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            Some(c) => out.push(c),
        }
        i += w;
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_print_as_go_constant_prints_them() {
        assert_eq!(format(&ConstValue::Int(-42)), "-42");
        assert_eq!(format(&ConstValue::Float(1.5)), "1.5");
        assert_eq!(format(&ConstValue::Float(2.0)), "2");
        assert_eq!(format(&ConstValue::Float(1e100)), "1e+100");
        assert_eq!(format(&ConstValue::Float(0.1)), "0.1");
        assert_eq!(format(&ConstValue::Float(1.23456789)), "1.23457");
        assert_eq!(format(&ConstValue::Float(123456789.0)), "1.23457e+08");
        assert_eq!(format(&ConstValue::Float(0.00001)), "1e-05");
        assert_eq!(
            format(&ConstValue::Str(b"a\"b\n".as_slice().into())),
            r#""a\"b\n""#
        );
        assert_eq!(
            format(&ConstValue::Str(b"\xff".as_slice().into())),
            r#""\xff""#
        );
        assert_eq!(format(&ConstValue::Bool(true)), "true");
    }

    #[test]
    fn arithmetic_is_exact_for_integers() {
        let i = |v| ConstValue::Int(v);
        assert_eq!(binary(&i(7), Op::Div, &i(2), true), Ok(i(3)));
        assert_eq!(
            binary(&i(7), Op::Div, &i(2), false),
            Ok(ConstValue::Rat(7, 2))
        );
        assert_eq!(binary(&i(-7), Op::Rem, &i(2), true), Ok(i(-1)));
        assert_eq!(binary(&i(6), Op::AndNot, &i(3), true), Ok(i(4)));
        assert_eq!(shift(1, Op::Shl, 70), Ok(1 << 70));
        assert!(shift(1, Op::Shl, 200).is_err());
        // Past 128 bits, a wide float: exact for these.
        let past = binary(&i(i128::MAX), Op::Add, &i(1), false).unwrap();
        assert_eq!(past.float(), Some(2f64.powi(127)));
        assert!(past.is_whole() && past.int().is_none());
        let back = binary(&past, Op::Sub, &i(2), false).unwrap();
        assert_eq!(back.int(), Some(i128::MAX - 1));
        let big = shift_value(&i(1), Op::Shl, 200);
        assert_eq!(big.float(), Some(2f64.powi(200)));
        assert_eq!(
            binary(&big, Op::Mul, &big, false).map(|v| shift_value(&v, Op::Shr, 395)),
            Ok(i(32))
        );
        assert_eq!(shift_value(&big, Op::Shr, 199), i(2));
        assert_eq!(unary(Op::Xor, &i(1), Some(8)), Ok(i(254)));
        assert_eq!(unary(Op::Xor, &i(1), None), Ok(i(-2)));
    }

    #[test]
    fn untyped_floats_are_exact_fractions_rounded_once() {
        let r = |n, d| ratio(n, d).unwrap();
        let sum = binary(&r(1, 10), Op::Add, &r(2, 10), false).unwrap();
        assert_eq!(sum, ConstValue::Rat(3, 10));
        assert_eq!(sum.float(), Some(0.3));
        assert!(compare(&sum, Op::Eql, &r(3, 10)));
        assert_eq!(r(-6, 4), ConstValue::Rat(-3, 2));
        assert_eq!(r(6, -4), ConstValue::Rat(-3, 2));
        let whole = binary(&r(1, 49), Op::Mul, &ConstValue::Int(49), false).unwrap();
        assert_eq!(whole.int(), Some(1));
        assert_eq!(
            representable(&r(1, 3), BasicKind::Int),
            Err(ReprError::Truncated)
        );
        // 2^53 + 1 lies halfway between two float64s: ties go to the even one, 2^53; 2^53 + 3
        // lies halfway too, and goes up.
        assert_eq!(r((1 << 53) + 1, 1).float(), Some(9007199254740992.0));
        assert_eq!(r((1 << 53) + 3, 1).float(), Some(9007199254740996.0));
        // Just past halfway goes up; a fraction rounds as a whole number does.
        assert_eq!(r((1 << 54) + 3, 2).float(), Some(9007199254740994.0));
        assert_eq!(r(1, 3).float(), Some(1.0 / 3.0));
        assert_eq!(r(-22, 7).float(), Some(-22.0 / 7.0));
        // float32 rounds the exact value, not its float64 (2^24 + 1 + 2^-30 is above the tie).
        let above_tie = r((((1 << 24) + 1) << 30) + 1, 1 << 30);
        assert_eq!(above_tie.float32(), Some(16777218.0));
        assert_eq!((above_tie.float().unwrap()) as f32, 16777216.0);
        // Past 128 bits a fraction continues as a wide float.
        let huge = binary(&r(i128::MAX, 1), Op::Mul, &r(3, 2), false).unwrap();
        assert!(matches!(huge, ConstValue::Wide(_)));
        assert_eq!(huge.float(), Some(i128::MAX as f64 * 1.5));
        // math.Pi's digits: a wide float, and a third of it is the float64 Go gives.
        let pi = float_literal("3.14159265358979323846264338327950288419716939937510582097494459");
        assert_eq!(pi.float(), Some(std::f64::consts::PI));
        let third = binary(&pi, Op::Div, &ConstValue::Int(3), false).unwrap();
        assert_eq!(third.float(), Some(std::f64::consts::FRAC_PI_3));
        // Beyond a float64: exact enough to come back, and printed as Go prints it.
        let e400 = float_literal("1e400");
        assert_eq!(format(&e400), "1e+400");
        assert_eq!(
            representable(&e400, BasicKind::Float64),
            Err(ReprError::Overflow)
        );
        let back = binary(&e400, Op::Div, &float_literal("1e399"), false).unwrap();
        assert_eq!(back.float(), Some(10.0));
        let tiny = unary(Op::Sub, &float_literal("2.5e-400"), None).unwrap();
        assert_eq!(format(&tiny), "-2.5e-400");
    }

    #[test]
    fn representability_reports_truncation_and_overflow() {
        use BasicKind::*;
        assert_eq!(
            representable(&ConstValue::Int(300), Int8),
            Err(ReprError::Overflow)
        );
        assert_eq!(
            representable(&ConstValue::Int(-1), Uint),
            Err(ReprError::Overflow)
        );
        assert_eq!(
            representable(&ConstValue::Float(1.5), Int),
            Err(ReprError::Truncated)
        );
        assert_eq!(
            representable(&ConstValue::Float(2.0), Int),
            Ok(ConstValue::Int(2))
        );
        assert_eq!(
            representable(&ConstValue::Int(2), Float64),
            Ok(ConstValue::Float(2.0))
        );
        assert_eq!(
            representable(&ConstValue::Str(b"x".as_slice().into()), Int),
            Err(ReprError::Invalid)
        );
        assert_eq!(
            representable(&ConstValue::Float(1e300), Float32),
            Err(ReprError::Overflow)
        );
        assert!(compare(
            &ConstValue::Int(1),
            Op::Lss,
            &ConstValue::Float(1.5)
        ));
    }
}
