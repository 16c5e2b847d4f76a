//! `strconv.FormatFloat`: Go's float formatting, which fmt's `%v %e %f %g %b %x` build on.
//!
//! Go and Rust agree on the digits: both print the shortest digits that read back as the same
//! float (Ryū in Go, Grisu/Dragon in Rust), and both round a fixed number of digits exactly,
//! ties to even. So the digits come from Rust's `{:e}` and `{:.N}` formatting, and this module
//! lays them out as Go does: its `%e` exponent has at least two digits, its `%g` switches to
//! `%e` below 1e-4 or at the precision's exponent (6 for the shortest form), and a float32 is
//! printed with the shortest digits of the float32.

/// Decimal digits of a float's magnitude: `0.d₁d₂…dₙ × 10^dp`, with no trailing zeros; zero
/// has no digits.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

impl Digits {
    /// Reads Rust's exponent form (`1.2345e-7`).
    fn from_exp(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        Digits { d, dp: exp + 1 }.trimmed()
    }

    /// Reads Rust's fixed form (`123.4500`).
    fn from_fixed(s: &str) -> Digits {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let mut d: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
        let lead = d.iter().take_while(|&&c| c == b'0').count();
        d.drain(..lead);
        Digits {
            d,
            dp: int.len() as i32 - lead as i32,
        }
        .trimmed()
    }

    fn trimmed(mut self) -> Digits {
        while self.d.last() == Some(&b'0') {
            self.d.pop();
        }
        if self.d.is_empty() {
            self.dp = 0;
        }
        self
    }

    fn nd(&self) -> i32 {
        self.d.len() as i32
    }
}

/// The shortest digits that identify `v` among floats of its size; of several such, the
/// closest to `v`, ties to even, as Go's Ryū picks (Rust's shortest form may pick the other
/// one of a tie, so the correctly rounded digits of that length win when they read back).
fn shortest(v: f64, bit32: bool) -> Digits {
    let (short, reads_back) = if bit32 {
        let s = format!("{:e}", v as f32);
        let n = s
            .split_once('e')
            .map_or(0, |(m, _)| m.len().saturating_sub(2));
        let exact = format!("{:.*e}", n, v as f32);
        let ok = exact.parse::<f32>() == Ok(v as f32);
        (s, ok.then_some(exact))
    } else {
        let s = format!("{v:e}");
        let n = s
            .split_once('e')
            .map_or(0, |(m, _)| m.len().saturating_sub(2));
        let exact = format!("{v:.n$e}");
        let ok = exact.parse::<f64>() == Ok(v);
        (s, ok.then_some(exact))
    };
    Digits::from_exp(reads_back.as_deref().unwrap_or(&short))
}

/// `strconv.FormatFloat(v, fmt, prec, bitSize)`: `fmt` is one of `b e E f g G x X`, `prec`
/// -1 for the shortest form, `bit_size` 32 or 64 (a float32 is rounded to float32 first).
/// An unknown `fmt` gives `%` and the byte, as Go does.
pub fn format_float(v: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let bit32 = bit_size == 32;
    let v = if bit32 { v as f32 as f64 } else { v };
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    let neg = v.is_sign_negative();
    match fmt {
        b'b' => return fmt_b(v, bit32),
        b'x' | b'X' => return fmt_x(v, bit32, fmt, prec),
        b'e' | b'E' | b'f' | b'g' | b'G' => {}
        _ => return format!("%{}", fmt as char),
    }
    let a = v.abs();
    let mut prec = prec;
    let short = prec < 0;
    let digs = if short {
        let digs = shortest(a, bit32);
        prec = match fmt {
            b'e' | b'E' => (digs.nd() - 1).max(0),
            b'f' => (digs.nd() - digs.dp).max(0),
            _ => digs.nd(),
        };
        digs
    } else {
        // Digits past a float's exact expansion are zeros, which the formats below add (and
        // Rust's formatting takes precisions below 65,535 only).
        let exact = |prec: i32| (prec as usize).min(EXACT_DIGITS);
        match fmt {
            b'e' | b'E' => Digits::from_exp(&format!("{:.*e}", exact(prec), a)),
            b'f' => Digits::from_fixed(&format!("{:.*}", exact(prec), a)),
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                Digits::from_exp(&format!("{:.*e}", exact(prec - 1), a))
            }
        }
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    match fmt {
        b'e' | b'E' => fmt_e(&mut out, &digs, prec, fmt),
        b'f' => fmt_f(&mut out, &digs, prec),
        _ => {
            let mut eprec = prec;
            if eprec > digs.nd() && digs.nd() >= digs.dp {
                eprec = digs.nd();
            }
            // The shortest form decides as if the precision were 6.
            if short {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > digs.nd() {
                    prec = digs.nd();
                }
                fmt_e(&mut out, &digs, prec - 1, fmt + b'e' - b'g');
            } else {
                if prec > digs.dp {
                    prec = digs.nd();
                }
                fmt_f(&mut out, &digs, (prec - digs.dp).max(0));
            }
        }
    }
    out
}

/// `d.ddddde±dd`.
fn fmt_e(out: &mut String, d: &Digits, prec: i32, fmt: u8) {
    out.push(d.d.first().map_or('0', |&c| c as char));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec as usize {
            out.push(d.d.get(i).map_or('0', |&c| c as char));
        }
    }
    out.push(fmt as char);
    let exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// `ddddd.ddd`.
fn fmt_f(out: &mut String, d: &Digits, prec: i32) {
    if d.dp > 0 {
        for i in 0..d.dp as usize {
            out.push(d.d.get(i).map_or('0', |&c| c as char));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let j = d.dp + i - 1;
            let c = if j >= 0 {
                d.d.get(j as usize).copied()
            } else {
                None
            };
            out.push(c.map_or('0', |c| c as char));
        }
    }
}

/// More digits than a float64's exact decimal expansion has: at most 767 significant digits,
/// the last of them at most 1,074 places after the point.
const EXACT_DIGITS: usize = 1100;

/// The mantissa (with its implicit bit), the binary exponent of its lowest bit, and the
/// mantissa's width in bits.
fn decompose(v: f64, bit32: bool) -> (u64, i32, u32) {
    let (mant, exp, mantbits, bias) = if bit32 {
        let b = (v as f32).to_bits();
        ((b & 0x7F_FFFF) as u64, ((b >> 23) & 0xFF) as i32, 23, -127)
    } else {
        let b = v.to_bits();
        (b & ((1 << 52) - 1), ((b >> 52) & 0x7FF) as i32, 52, -1023)
    };
    if exp == 0 {
        (mant, 1 + bias, mantbits)
    } else {
        (mant | 1 << mantbits, exp + bias, mantbits)
    }
}

/// `-ddddp±ddd`: the mantissa in decimal and a binary exponent.
fn fmt_b(v: f64, bit32: bool) -> String {
    let (mant, exp, mantbits) = decompose(v, bit32);
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let exp = exp - mantbits as i32;
    let esign = if exp >= 0 { "+" } else { "" };
    format!("{sign}{mant}p{esign}{exp}")
}

/// `-0x1.hhhhp±dd`: hexadecimal mantissa, rounded to `prec` hex digits (ties to even).
fn fmt_x(v: f64, bit32: bool, fmt: u8, prec: i32) -> String {
    let (mut mant, mut exp, mantbits) = decompose(v, bit32);
    if mant == 0 {
        exp = 0;
    }
    // The leading 1 (if any) goes to bit 60.
    mant <<= 60 - mantbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = prec as u32 * 4;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    out.push('0');
    out.push(fmt as char);
    out.push((b'0' + ((mant >> 60) & 1) as u8) as char);
    mant <<= 4;
    if (prec < 0 && mant != 0) || prec > 0 {
        out.push('.');
        let mut n = 0;
        while if prec < 0 { mant != 0 } else { n < prec } {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
            n += 1;
        }
    }
    out.push(if fmt == b'X' { 'P' } else { 'p' });
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
    out
}

#[cfg(test)]
#[path = "ftoa_tests.rs"]
mod tests;
