//! Go's `time.Parse`: a value read against a layout, element by element as `Time.Format`
//! writes them ([`next_std_chunk`]), with Go's rules (runs of spaces match, a fractional
//! second may follow the seconds though the layout has none, two-digit years from 1969,
//! omitted fields zero or one) and `ParseError`'s parts for Go's messages.
//!
//! What the value says of its zone is returned as it is (`Z`, an offset, an abbreviation, or
//! nothing); which location the time gets from it depends on the location it is parsed in
//! (`Parse`, `ParseInLocation`: time.go).

use super::time::{
    civil_from_days, days_from_civil, next_std_chunk, quote, Instant, Std, DAYS, MONTHS,
};

/// A parsed time: its fields as an instant in UTC, and what the value says of its zone.
#[derive(Debug, PartialEq, Eq)]
pub struct Parsed {
    pub at: Instant,
    pub loc: ParsedLoc,
}

/// What a parsed value says of its zone.
#[derive(Debug, PartialEq, Eq)]
pub enum ParsedLoc {
    /// `Z` or `UTC`.
    Utc,
    /// An offset (seconds east of UTC), and the abbreviation beside it if any.
    Offset(Vec<u8>, i64),
    /// An abbreviation alone, and the offset it tells (`GMT+3`: three hours; else none).
    Name(Vec<u8>, i64),
    /// Nothing.
    None,
}

/// Why a value does not parse: `ParseError`'s `LayoutElem`, `ValueElem` and `Message`.
#[derive(Debug, PartialEq, Eq)]
pub struct ParseFailure {
    pub layout_elem: Vec<u8>,
    pub value_elem: Vec<u8>,
    pub message: String,
}

/// What a layout element could not take (Go's `errBad`).
struct Bad;

/// The time's fields as the elements set them; `None` where the layout has none.
#[derive(Default)]
struct Fields {
    year: i64,
    month: Option<i64>,
    day: Option<i64>,
    yday: Option<i64>,
    hour: i64,
    min: i64,
    sec: i64,
    nsec: i64,
    am: bool,
    pm: bool,
    /// `Z` or `UTC`.
    utc: bool,
    /// Seconds east of UTC, from a numeric zone.
    offset: Option<i64>,
    /// A zone abbreviation.
    zone_name: Option<Vec<u8>>,
}

/// `time.Parse(layout, value)` in UTC.
pub fn parse(layout: &[u8], value: &[u8]) -> Result<Parsed, ParseFailure> {
    let fail = |layout_elem: &[u8], value_elem: &[u8], message: String| ParseFailure {
        layout_elem: layout_elem.to_vec(),
        value_elem: value_elem.to_vec(),
        message,
    };
    let (mut layout, mut value) = (layout, value);
    let mut f = Fields::default();
    loop {
        let (prefix, std, suffix) = next_std_chunk(layout);
        let elem = &layout[prefix.len()..layout.len() - suffix.len()];
        value = match skip(value, prefix) {
            Ok(rest) => rest,
            Err(rest) => return Err(fail(prefix, rest, String::new())),
        };
        let Some((std, zone)) = std else {
            if !value.is_empty() {
                return Err(fail(b"", value, format!(": extra text: {}", quote(value))));
            }
            break;
        };
        layout = suffix;
        let mut range = None;
        let step = element(std, zone, value, layout, &mut f, &mut range);
        let rest = match step {
            Ok(rest) => rest,
            Err((rest, Bad)) => rest,
        };
        if let Some(what) = range {
            return Err(fail(elem, rest, format!(": {what} out of range")));
        }
        if step.is_err() {
            return Err(fail(elem, rest, String::new()));
        }
        value = rest;
    }
    finish(f).map_err(|message| fail(b"", value, message.to_string()))
}

/// Reads element `std` (`zone`: a zone element's shape) from `value`, into `f`; `range` names
/// a field read out of its range. Returns the rest of the value, or where it failed.
fn element<'v>(
    std: Std,
    zone: &str,
    value: &'v [u8],
    layout_rest: &[u8],
    f: &mut Fields,
    range: &mut Option<&'static str>,
) -> Result<&'v [u8], (&'v [u8], Bad)> {
    let bad = |at: &'v [u8]| Err((at, Bad));
    let mut check = |ok: bool, what: &'static str| {
        if !ok {
            *range = Some(what);
        }
    };
    Ok(match std {
        Std::Year => {
            if value.len() < 2 {
                return bad(value);
            }
            let Some(y) = atoi(&value[..2]) else {
                return bad(value);
            };
            f.year = if y >= 69 { y + 1900 } else { y + 2000 };
            &value[2..]
        }
        Std::LongYear => {
            if value.len() < 4 || !value[0].is_ascii_digit() {
                return bad(value);
            }
            let Some(y) = atoi(&value[..4]) else {
                return bad(&value[4..]);
            };
            f.year = y;
            &value[4..]
        }
        Std::Month | Std::LongMonth => {
            let names = MONTHS.map(|m| if std == Std::Month { &m[..3] } else { m });
            let (i, rest) = lookup(&names, value).ok_or((value, Bad))?;
            f.month = Some(i as i64 + 1);
            rest
        }
        Std::NumMonth | Std::ZeroMonth => {
            let (m, rest) = getnum(value, std == Std::ZeroMonth).ok_or((value, Bad))?;
            check((1..=12).contains(&m), "month");
            f.month = Some(m);
            rest
        }
        Std::WeekDay | Std::LongWeekDay => {
            let names = DAYS.map(|d| if std == Std::WeekDay { &d[..3] } else { d });
            lookup(&names, value).ok_or((value, Bad))?.1
        }
        Std::Day | Std::UnderDay | Std::ZeroDay => {
            let value = match value {
                [b' ', rest @ ..] if std == Std::UnderDay => rest,
                _ => value,
            };
            let (d, rest) = getnum(value, std == Std::ZeroDay).ok_or((value, Bad))?;
            f.day = Some(d);
            rest
        }
        Std::UnderYearDay | Std::ZeroYearDay => {
            let mut value = value;
            for _ in 0..2 {
                if std == Std::UnderYearDay && value.first() == Some(&b' ') {
                    value = &value[1..];
                }
            }
            let (d, rest) = getnum3(value, std == Std::ZeroYearDay).ok_or((value, Bad))?;
            f.yday = Some(d);
            rest
        }
        Std::Hour => {
            let (h, rest) = getnum(value, false).ok_or((value, Bad))?;
            check(h < 24, "hour");
            f.hour = h;
            rest
        }
        Std::Hour12 | Std::ZeroHour12 => {
            let (h, rest) = getnum(value, std == Std::ZeroHour12).ok_or((value, Bad))?;
            check(h <= 12, "hour");
            f.hour = h;
            rest
        }
        Std::Minute | Std::ZeroMinute => {
            let (m, rest) = getnum(value, std == Std::ZeroMinute).ok_or((value, Bad))?;
            check(m < 60, "minute");
            f.min = m;
            rest
        }
        Std::Second | Std::ZeroSecond => {
            let (s, rest) = getnum(value, std == Std::ZeroSecond).ok_or((value, Bad))?;
            f.sec = s;
            if s >= 60 {
                *range = Some("second");
                return Ok(rest);
            }
            // A fractional second the layout does not ask for is read all the same.
            let next_is_frac = matches!(next_std_chunk(layout_rest).1, Some((Std::Frac { .. }, _)));
            if next_is_frac || !starts_fraction(rest) {
                return Ok(rest);
            }
            let n = 1 + rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            f.nsec = nanoseconds(rest, n).ok_or((&rest[n..], Bad))?;
            &rest[n..]
        }
        Std::PM | Std::Pm => {
            let (am, pm): (&[u8], &[u8]) = if std == Std::PM {
                (b"AM", b"PM")
            } else {
                (b"am", b"pm")
            };
            if value.len() < 2 {
                return bad(value);
            }
            match &value[..2] {
                p if p == pm => f.pm = true,
                p if p == am => f.am = true,
                _ => return bad(&value[2..]),
            }
            &value[2..]
        }
        Std::Iso8601 | Std::NumTZ => {
            let takes_z = std == Std::Iso8601 && matches!(zone, "0700" | "07" | "07:00");
            if takes_z && value.first() == Some(&b'Z') {
                f.utc = true;
                return Ok(&value[1..]);
            }
            return numeric_zone(zone, value, f);
        }
        Std::TZ => {
            if value.starts_with(b"UTC") {
                f.utc = true;
                return Ok(&value[3..]);
            }
            let n = zone_name_len(value).ok_or((value, Bad))?;
            f.zone_name = Some(value[..n].to_vec());
            &value[n..]
        }
        Std::Frac { digits, trim, .. } => {
            if trim {
                if !starts_fraction(value) {
                    // An optional fraction, omitted.
                    return Ok(value);
                }
                let n = 1 + value[1..]
                    .iter()
                    .take(9)
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                f.nsec = nanoseconds(value, n).ok_or((&value[n..], Bad))?;
                &value[n..]
            } else {
                let n = 1 + digits;
                if value.len() < n {
                    return bad(value);
                }
                f.nsec = nanoseconds(value, n).ok_or((&value[n..], Bad))?;
                &value[n..]
            }
        }
    })
}

/// A numeric zone offset of shape `zone` (`0700`, `07:00`, `07`, `070000`, `07:00:00`).
fn numeric_zone<'v>(
    zone: &str,
    value: &'v [u8],
    f: &mut Fields,
) -> Result<&'v [u8], (&'v [u8], Bad)> {
    let len = 1 + zone.len();
    if value.len() < len {
        return Err((value, Bad));
    }
    let (text, rest) = value.split_at(len);
    // A colon the layout has and the value lacks fails before the offset is read (the
    // error names the whole value); digits that are not are read first (it names the rest).
    let pairs = || zone.bytes().zip(text[1..].iter().copied());
    if !pairs().all(|(z, v)| z != b':' || v == b':') {
        return Err((value, Bad));
    }
    let digits: Vec<u8> = pairs()
        .filter(|&(z, _)| z != b':')
        .map(|(_, v)| v)
        .collect();
    let Some(parts) = digits.chunks(2).map(atoi).collect::<Option<Vec<i64>>>() else {
        return Err((rest, Bad));
    };
    let seconds = parts
        .iter()
        .chain([0, 0].iter())
        .take(3)
        .fold(0, |acc, p| acc * 60 + p);
    f.offset = Some(match text[0] {
        b'+' => seconds,
        b'-' => -seconds,
        _ => return Err((rest, Bad)),
    });
    Ok(rest)
}

/// The time the fields name, or the message of what does not hold together.
fn finish(mut f: Fields) -> Result<Parsed, &'static str> {
    if f.pm && f.hour < 12 {
        f.hour += 12;
    } else if f.am && f.hour == 12 {
        f.hour = 0;
    }
    let (month, day) = match f.yday {
        Some(yday) => {
            let (m, d) = month_day(f.year, yday).ok_or(": day-of-year out of range")?;
            if f.month.is_some_and(|month| month != m) {
                return Err(": day-of-year does not match month");
            }
            if f.day.is_some_and(|day| day != d) {
                return Err(": day-of-year does not match day");
            }
            (m, d)
        }
        None => (f.month.unwrap_or(1), f.day.unwrap_or(1)),
    };
    if day < 1 || day > days_in(month, f.year) {
        return Err(": day out of range");
    }
    let days = days_from_civil(f.year, month, day);
    let fields = Instant {
        unix: ((days * 24 + f.hour) * 60 + f.min) * 60 + f.sec,
        nsec: f.nsec,
    };
    let name = f.zone_name.unwrap_or_default();
    let loc = match f.offset {
        _ if f.utc => ParsedLoc::Utc,
        Some(offset) => ParsedLoc::Offset(name, offset),
        None if name.is_empty() => ParsedLoc::None,
        None => {
            let hours = name.strip_prefix(b"GMT").and_then(atoi).unwrap_or(0);
            ParsedLoc::Name(name, hours * 3600)
        }
    };
    Ok(Parsed { at: fields, loc })
}

/// Days in `month` (1 to 12) of `year`: from its first to the next month's.
fn days_in(month: i64, year: i64) -> i64 {
    days_from_civil(year, month + 1, 1) - days_from_civil(year, month, 1)
}

/// The month and day of day `yday` (from 1) of `year`.
fn month_day(year: i64, yday: i64) -> Option<(i64, i64)> {
    let first = days_from_civil(year, 1, 1);
    if !(1..=days_from_civil(year + 1, 1, 1) - first).contains(&yday) {
        return None;
    }
    let (_, month, day) = civil_from_days(first + yday - 1);
    Some((month, day))
}

/// Go's `skip`: `value` without `prefix`, a run of spaces in the prefix matching any run
/// (at least one where the value has any left). `Err`: where it stopped matching.
fn skip<'v>(mut value: &'v [u8], mut prefix: &[u8]) -> Result<&'v [u8], &'v [u8]> {
    while let Some(&c) = prefix.first() {
        if c == b' ' {
            if value.first().is_some_and(|&v| v != b' ') {
                return Err(value);
            }
            prefix = trim_spaces(prefix);
            value = trim_spaces(value);
            continue;
        }
        if value.first() != Some(&c) {
            return Err(value);
        }
        prefix = &prefix[1..];
        value = &value[1..];
    }
    Ok(value)
}

/// `s` without its leading spaces (only `' '`, as Go's `cutspace`).
fn trim_spaces(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|c| **c == b' ').count();
    &s[n..]
}

/// The entry of `names` that `value` starts with, ignoring ASCII case, and the rest.
fn lookup<'v>(names: &[&str], value: &'v [u8]) -> Option<(usize, &'v [u8])> {
    names.iter().enumerate().find_map(|(i, name)| {
        let head = value.get(..name.len())?;
        head.eq_ignore_ascii_case(name.as_bytes())
            .then(|| (i, &value[name.len()..]))
    })
}

/// One or two digits (`fixed`: exactly two).
fn getnum(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    let digit = |i: usize| {
        s.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| i64::from(c - b'0'))
    };
    let first = digit(0)?;
    match digit(1) {
        Some(second) => Some((first * 10 + second, &s[2..])),
        None if fixed => None,
        None => Some((first, &s[1..])),
    }
}

/// One to three digits (`fixed`: exactly three).
fn getnum3(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    let n = s.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || fixed && n != 3 {
        return None;
    }
    let x = s[..n].iter().fold(0, |x, c| x * 10 + i64::from(c - b'0'));
    Some((x, &s[n..]))
}

/// Go's `atoi`: an optional sign and decimal digits, all of `s`.
fn atoi(s: &[u8]) -> Option<i64> {
    let (neg, digits) = match s {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let x = digits.iter().try_fold(0i64, |x, c| {
        x.checked_mul(10)?.checked_add(i64::from(c - b'0'))
    })?;
    Some(if neg { -x } else { x })
}

/// Whether `s` starts with a separator and a digit: a fractional second.
fn starts_fraction(s: &[u8]) -> bool {
    matches!(s, [b'.' | b',', d, ..] if d.is_ascii_digit())
}

/// The first `n` bytes of `s` (a separator and digits) as nanoseconds: at most nine digits
/// count, the rest are dropped.
fn nanoseconds(s: &[u8], n: usize) -> Option<i64> {
    if !matches!(s.first(), Some(b'.' | b',')) {
        return None;
    }
    let digits = &s[1..n.min(10)];
    let x = atoi(digits)?;
    Some(x * 10i64.pow(9 - digits.len() as u32))
}

/// The length of a zone abbreviation at the start of `value` (Go's `parseTimeZone`): three
/// upper-case letters, four or five ending in `T` (or `WITA`), `ChST` or `MeST`, `GMT` with
/// an optional signed hour, or a signed hour alone.
fn zone_name_len(value: &[u8]) -> Option<usize> {
    if value.len() < 3 {
        return None;
    }
    if value.starts_with(b"ChST") || value.starts_with(b"MeST") {
        return Some(4);
    }
    if let Some(rest) = value.strip_prefix(b"GMT") {
        return Some(
            3 + if rest.is_empty() {
                0
            } else {
                signed_hour_len(rest)
            },
        );
    }
    if matches!(value[0], b'+' | b'-') {
        return Some(signed_hour_len(value)).filter(|n| *n > 0);
    }
    let upper = value
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match upper {
        3 => Some(3),
        4 if value[3] == b'T' || value.starts_with(b"WITA") => Some(4),
        5 if value[4] == b'T' => Some(5),
        _ => None,
    }
}

/// The length of a signed hour offset (`+03`, `-4`, within ±23) at the start of `s`, else 0.
fn signed_hour_len(s: &[u8]) -> usize {
    if !matches!(s.first(), Some(b'+' | b'-')) {
        return 0;
    }
    let digits = s[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let hour = s[1..1 + digits].iter().try_fold(0u64, |x, c| {
        x.checked_mul(10)?.checked_add(u64::from(c - b'0'))
    });
    match hour {
        Some(h) if digits > 0 && h <= 23 => 1 + digits,
        _ => 0,
    }
}
