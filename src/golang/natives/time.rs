//! Go's `time` formatting over an instant in UTC ([`Instant`]): the calendar fields,
//! `Time.Format`'s layouts (Go's `nextStdChunk` and `AppendFormat`), `Month` and `Weekday`
//! names, and `ParseDuration` with Go's error texts.

/// The Unix epoch in seconds since January 1 of year 1, Go's zero `Time`.
pub const UNIX_TO_INTERNAL: i64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86_400;

/// An instant in UTC: seconds since the Unix epoch, and nanoseconds within the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instant {
    pub unix: i64,
    /// 0 to 999,999,999.
    pub nsec: i64,
}

/// A zone a time is shown in: its abbreviation and its offset in seconds east of UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone<'a> {
    pub name: &'a [u8],
    pub offset: i64,
}

impl Zone<'_> {
    pub const UTC: Zone<'static> = Zone {
        name: b"UTC",
        offset: 0,
    };
}

impl Instant {
    /// The instant `ns` nanoseconds after the Unix epoch.
    pub fn from_unix_nanos(ns: i64) -> Instant {
        Instant {
            unix: ns.div_euclid(1_000_000_000),
            nsec: ns.rem_euclid(1_000_000_000),
        }
    }

    /// The same instant's clock reading `zone` shows (its fields as UTC's).
    pub fn shown_in(self, zone: Zone<'_>) -> Instant {
        Instant {
            unix: self.unix.wrapping_add(zone.offset),
            ..self
        }
    }

    /// The remainder of the nanoseconds since Go's zero `Time` divided by `d` (> 0), in
    /// `[0, d)`: what `Time.Truncate` takes off and `Time.Round` weighs.
    pub fn rem_since_zero(self, d: i64) -> i64 {
        let since_zero = (i128::from(self.unix) + i128::from(UNIX_TO_INTERNAL)) * 1_000_000_000
            + i128::from(self.nsec);
        since_zero.rem_euclid(i128::from(d.max(1))) as i64
    }
}

/// A time's calendar and clock fields in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1 to 12.
    pub month: i64,
    /// 1 to 31.
    pub day: i64,
    /// Day of the year, 1 to 366.
    pub yday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub nsec: i64,
    /// 0 (Sunday) to 6.
    pub weekday: i64,
}

/// Days from 1970-01-01 to `y`-`m`-`d` (Hinnant's `days_from_civil`).
pub(super) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
pub(super) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The fields of instant `t`, in UTC.
pub fn civil(t: Instant) -> Civil {
    let Instant { unix: secs, nsec } = t;
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        yday: days - days_from_civil(year, 1, 1) + 1,
        hour: sod / 3600,
        min: sod / 60 % 60,
        sec: sod % 60,
        nsec,
        // 1970-01-01 was a Thursday.
        weekday: (days + 4).rem_euclid(7),
    }
}

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// `Month.String`: `January`…, `%!Month(13)` out of range (a negative month as its
/// unsigned 64-bit value, as Go prints it).
pub fn month_name(m: i64) -> String {
    match m {
        1..=12 => MONTHS[m as usize - 1].to_string(),
        _ => format!("%!Month({})", m as u64),
    }
}

/// `Weekday.String`: `Sunday`…, `%!Weekday(7)` out of range.
pub fn weekday_name(d: i64) -> String {
    match d {
        0..=6 => DAYS[d as usize].to_string(),
        _ => format!("%!Weekday({})", d as u64),
    }
}

/// One element of a layout (Go's `std*` constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    /// `Z0700`, `Z070000`, `Z07`, `Z07:00`, `Z07:00:00`: `Z` for UTC.
    Iso8601,
    /// `-0700`, `-070000`, `-07`, `-07:00`, `-07:00:00`: always numeric.
    NumTZ,
    /// `.000` or `,000` (keep trailing zeros) / `.999` (drop them): digits, separator.
    Frac {
        digits: usize,
        sep: u8,
        trim: bool,
    },
}

/// The text of an `Iso8601`/`NumTZ` element, for its shape (colons, seconds, short).
const ZONES: [&str; 5] = ["070000", "07:00:00", "0700", "07:00", "07"];

/// Go's `nextStdChunk`: the literal prefix before the first layout element of `layout`, the
/// element (with the zone element's text), and the rest.
pub(super) fn next_std_chunk(layout: &[u8]) -> (&[u8], Option<(Std, &'static str)>, &[u8]) {
    let lower_at = |i: usize| layout.get(i).is_some_and(u8::is_ascii_lowercase);
    let at = |i: usize, s: &str| layout[i..].starts_with(s.as_bytes());
    for i in 0..layout.len() {
        let found = |std: Std, len: usize| (&layout[..i], Some((std, "")), &layout[i + len..]);
        match layout[i] {
            b'J' if at(i, "Jan") => {
                if at(i, "January") {
                    return found(Std::LongMonth, 7);
                }
                if !lower_at(i + 3) {
                    return found(Std::Month, 3);
                }
            }
            b'M' => {
                if at(i, "Mon") {
                    if at(i, "Monday") {
                        return found(Std::LongWeekDay, 6);
                    }
                    if !lower_at(i + 3) {
                        return found(Std::WeekDay, 3);
                    }
                }
                if at(i, "MST") {
                    return found(Std::TZ, 3);
                }
            }
            b'0' => {
                if let Some(c @ b'1'..=b'6') = layout.get(i + 1) {
                    let std = [
                        Std::ZeroMonth,
                        Std::ZeroDay,
                        Std::ZeroHour12,
                        Std::ZeroMinute,
                        Std::ZeroSecond,
                        Std::Year,
                    ][(c - b'1') as usize];
                    return found(std, 2);
                }
                if at(i, "002") {
                    return found(Std::ZeroYearDay, 3);
                }
            }
            b'1' => {
                if at(i, "15") {
                    return found(Std::Hour, 2);
                }
                return found(Std::NumMonth, 1);
            }
            b'2' => {
                if at(i, "2006") {
                    return found(Std::LongYear, 4);
                }
                return found(Std::Day, 1);
            }
            b'_' => {
                if at(i, "_2") {
                    // `_2006` is a literal `_` and then the year.
                    if at(i + 1, "2006") {
                        return (
                            &layout[..i + 1],
                            Some((Std::LongYear, "")),
                            &layout[i + 5..],
                        );
                    }
                    return found(Std::UnderDay, 2);
                }
                if at(i, "__2") {
                    return found(Std::UnderYearDay, 3);
                }
            }
            b'3' => return found(Std::Hour12, 1),
            b'4' => return found(Std::Minute, 1),
            b'5' => return found(Std::Second, 1),
            b'P' if at(i, "PM") => return found(Std::PM, 2),
            b'p' if at(i, "pm") => return found(Std::Pm, 2),
            c @ (b'-' | b'Z') => {
                for z in ZONES {
                    if at(i + 1, z) {
                        let std = if c == b'Z' { Std::Iso8601 } else { Std::NumTZ };
                        return (&layout[..i], Some((std, z)), &layout[i + 1 + z.len()..]);
                    }
                }
            }
            c @ (b'.' | b',') => {
                if let Some(&ch @ (b'0' | b'9')) = layout.get(i + 1) {
                    let mut j = i + 1;
                    while layout.get(j) == Some(&ch) {
                        j += 1;
                    }
                    // The digits must end the number: only a fractional second is all digits.
                    if !layout.get(j).is_some_and(u8::is_ascii_digit) {
                        let std = Std::Frac {
                            digits: j - (i + 1),
                            sep: c,
                            trim: ch == b'9',
                        };
                        return (&layout[..i], Some((std, "")), &layout[j..]);
                    }
                }
            }
            _ => {}
        }
    }
    (layout, None, &[])
}

/// Go's `appendInt`: `x` in decimal, zero-padded to `width` digits.
fn append_int(b: &mut Vec<u8>, x: i64, width: usize) {
    if x < 0 {
        b.push(b'-');
    }
    let digits = x.unsigned_abs().to_string();
    for _ in digits.len()..width {
        b.push(b'0');
    }
    b.extend_from_slice(digits.as_bytes());
}

/// `Time.Format(layout)` for instant `t` shown in `zone`.
pub fn format(t: Instant, zone: Zone<'_>, layout: &[u8]) -> Vec<u8> {
    let t = civil(t.shown_in(zone));
    let mut b = Vec::with_capacity(layout.len() + 10);
    let mut layout = layout;
    while !layout.is_empty() {
        let (prefix, std, suffix) = next_std_chunk(layout);
        b.extend_from_slice(prefix);
        let Some((std, shape)) = std else {
            break;
        };
        layout = suffix;
        let hr12 = if t.hour % 12 == 0 { 12 } else { t.hour % 12 };
        match std {
            Std::Year => append_int(&mut b, t.year.abs() % 100, 2),
            Std::LongYear => append_int(&mut b, t.year, 4),
            Std::Month => b.extend_from_slice(&MONTHS[t.month as usize - 1].as_bytes()[..3]),
            Std::LongMonth => b.extend_from_slice(MONTHS[t.month as usize - 1].as_bytes()),
            Std::NumMonth => append_int(&mut b, t.month, 0),
            Std::ZeroMonth => append_int(&mut b, t.month, 2),
            Std::WeekDay => b.extend_from_slice(&DAYS[t.weekday as usize].as_bytes()[..3]),
            Std::LongWeekDay => b.extend_from_slice(DAYS[t.weekday as usize].as_bytes()),
            Std::Day => append_int(&mut b, t.day, 0),
            Std::UnderDay => {
                if t.day < 10 {
                    b.push(b' ');
                }
                append_int(&mut b, t.day, 0);
            }
            Std::ZeroDay => append_int(&mut b, t.day, 2),
            Std::UnderYearDay => {
                if t.yday < 100 {
                    b.push(b' ');
                    if t.yday < 10 {
                        b.push(b' ');
                    }
                }
                append_int(&mut b, t.yday, 0);
            }
            Std::ZeroYearDay => append_int(&mut b, t.yday, 3),
            Std::Hour => append_int(&mut b, t.hour, 2),
            Std::Hour12 => append_int(&mut b, hr12, 0),
            Std::ZeroHour12 => append_int(&mut b, hr12, 2),
            Std::Minute => append_int(&mut b, t.min, 0),
            Std::ZeroMinute => append_int(&mut b, t.min, 2),
            Std::Second => append_int(&mut b, t.sec, 0),
            Std::ZeroSecond => append_int(&mut b, t.sec, 2),
            Std::PM => b.extend_from_slice(if t.hour >= 12 { b"PM" } else { b"AM" }),
            Std::Pm => b.extend_from_slice(if t.hour >= 12 { b"pm" } else { b"am" }),
            // ISO 8601's forms write UTC as `Z`.
            Std::Iso8601 if zone.offset == 0 => b.push(b'Z'),
            Std::Iso8601 | Std::NumTZ => append_offset(&mut b, zone.offset, shape),
            Std::TZ if !zone.name.is_empty() => b.extend_from_slice(zone.name),
            // A zone without a name is written as its offset.
            Std::TZ => append_offset(&mut b, zone.offset, "0700"),
            Std::Frac { digits, sep, trim } => {
                let all = format!("{:09}", t.nsec);
                let mut n = digits.min(9);
                if trim {
                    while n > 0 && all.as_bytes()[n - 1] == b'0' {
                        n -= 1;
                    }
                    if n == 0 {
                        continue;
                    }
                }
                b.push(sep);
                b.extend_from_slice(&all.as_bytes()[..n]);
            }
        }
    }
    b
}

/// A zone's `offset` (seconds east of UTC) in the element of shape `shape` (`0700`, `07:00`,
/// `07`, `070000`, `07:00:00`): the sign, the hours, then the minutes and the seconds the
/// shape has, with its colons, as Go writes them (the sign is that of the whole minutes).
fn append_offset(b: &mut Vec<u8>, offset: i64, shape: &str) {
    let (mut minutes, mut seconds) = (offset / 60, offset);
    if minutes < 0 {
        b.push(b'-');
        minutes = -minutes;
        seconds = -seconds;
    } else {
        b.push(b'+');
    }
    append_int(b, minutes / 60, 2);
    let colon = shape.contains(':');
    let parts = (shape.len() - shape.matches(':').count()) / 2;
    for value in [minutes % 60, seconds % 60].into_iter().take(parts - 1) {
        if colon {
            b.push(b':');
        }
        append_int(b, value, 2);
    }
}

/// `Time.String` (without a monotonic clock reading): `2009-11-10 23:00:00 +0000 UTC`.
pub fn string(t: Instant, zone: Zone<'_>) -> Vec<u8> {
    format(t, zone, b"2006-01-02 15:04:05.999999999 -0700 MST")
}

/// Go's `time.quote`: `s` in double quotes, with bytes that are not printable ASCII as
/// `\xNN` escapes (a whole rune's bytes for a valid one).
pub fn quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    for (i, r) in crate::golang::natives::utf8::Runes::new(s) {
        if !(0x20..0x80).contains(&r) {
            let width = if r == crate::golang::natives::utf8::RUNE_ERROR {
                if s[i..].starts_with("\u{FFFD}".as_bytes()) {
                    3
                } else {
                    1
                }
            } else {
                crate::golang::natives::utf8::rune_len(r) as usize
            };
            for &c in &s[i..i + width] {
                out.push_str(&format!("\\x{c:02x}"));
            }
        } else {
            if r == '"' as i32 || r == '\\' as i32 {
                out.push('\\');
            }
            out.push(r as u8 as char);
        }
    }
    out.push('"');
    out
}

/// `time.ParseDuration`: the duration in ns, or Go's error text.
pub fn parse_duration(orig: &[u8]) -> Result<i64, String> {
    const LIMIT: u64 = 1 << 63;
    let invalid = || Err(format!("time: invalid duration {}", quote(orig)));
    let mut s = orig;
    let mut neg = false;
    if let Some(&c @ (b'-' | b'+')) = s.first() {
        neg = c == b'-';
        s = &s[1..];
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return invalid();
    }
    let mut d: u64 = 0;
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return invalid();
        }
        // The integer part (Go's leadingInt: an error past 1<<63).
        let mut v: u64 = 0;
        let mut i = 0;
        while i < s.len() && s[i].is_ascii_digit() {
            if v > LIMIT / 10 {
                return invalid();
            }
            v = v * 10 + (s[i] - b'0') as u64;
            if v > LIMIT {
                return invalid();
            }
            i += 1;
        }
        let pre = i > 0;
        s = &s[i..];
        // The fraction (Go's leadingFraction: digits past overflow are dropped).
        let (mut f, mut scale, mut post) = (0u64, 1f64, false);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let mut overflow = false;
            let mut i = 0;
            while i < s.len() && s[i].is_ascii_digit() {
                if !overflow {
                    if f > (LIMIT - 1) / 10 {
                        overflow = true;
                    } else {
                        let y = f * 10 + (s[i] - b'0') as u64;
                        if y > LIMIT {
                            overflow = true;
                        } else {
                            f = y;
                            scale *= 10.0;
                        }
                    }
                }
                i += 1;
            }
            post = i > 0;
            s = &s[i..];
        }
        if !pre && !post {
            return invalid();
        }
        let i = s
            .iter()
            .position(|&c| c == b'.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if i == 0 {
            return Err(format!("time: missing unit in duration {}", quote(orig)));
        }
        let u = &s[..i];
        s = &s[i..];
        let unit: u64 = match u {
            b"ns" => 1,
            b"us" => 1_000,
            _ if u == "µs".as_bytes() || u == "μs".as_bytes() => 1_000,
            b"ms" => 1_000_000,
            b"s" => 1_000_000_000,
            b"m" => 60_000_000_000,
            b"h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    quote(u),
                    quote(orig)
                ))
            }
        };
        if v > LIMIT / unit {
            return invalid();
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > LIMIT {
                return invalid();
            }
        }
        d += v;
        if d > LIMIT {
            return invalid();
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > LIMIT - 1 {
        return invalid();
    }
    Ok(d as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2009-11-10 23:00:00 UTC, where a run's clock starts.
    const PLAYGROUND: i64 = 1_257_894_000_000_000_000;

    fn at(ns: i64) -> Instant {
        Instant::from_unix_nanos(ns)
    }

    fn text(b: Vec<u8>) -> String {
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn calendar_fields() {
        let t = civil(at(PLAYGROUND));
        assert_eq!(
            t,
            Civil {
                year: 2009,
                month: 11,
                day: 10,
                yday: 314,
                hour: 23,
                min: 0,
                sec: 0,
                nsec: 0,
                weekday: 2
            }
        );
        let t = civil(at(-1));
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.nsec),
            (1969, 12, 31, 23, 999_999_999)
        );
        assert_eq!(civil(at(951_782_400 * 1_000_000_000)).yday, 60); // 2000-02-29

        // Go's zero Time.
        let zero = Instant {
            unix: -UNIX_TO_INTERNAL,
            nsec: 0,
        };
        assert_eq!(
            text(string(zero, Zone::UTC)),
            "0001-01-01 00:00:00 +0000 UTC"
        );
        assert_eq!(civil(zero).weekday, 1);
    }

    #[test]
    fn layouts_format_as_go() {
        // Printed by Go 1.19 for time.Unix(1257894000, 123456789).UTC() (a Tuesday).
        let t = at(PLAYGROUND + 123_456_789);
        for (layout, want) in [
            ("2006-01-02T15:04:05Z07:00", "2009-11-10T23:00:00Z"),
            (
                "2006-01-02T15:04:05.999999999Z07:00",
                "2009-11-10T23:00:00.123456789Z",
            ),
            ("Mon Jan _2 15:04:05 2006", "Tue Nov 10 23:00:00 2009"),
            (
                "Mon, 02 Jan 2006 15:04:05 MST",
                "Tue, 10 Nov 2009 23:00:00 UTC",
            ),
            ("3:04PM", "11:00PM"),
            ("Jan _2 15:04:05.000", "Nov 10 23:00:00.123"),
            ("01/02 03:04:05PM '06 -0700", "11/10 11:00:00PM '09 +0000"),
            (
                "Monday January 2 __2 002 pm",
                "Tuesday November 10 314 314 pm",
            ),
            (
                "-07 -07:00 -07:00:00 -070000 Z07",
                "+00 +00:00 +00:00:00 +000000 Z",
            ),
            (".00 ,999 .9 x.0001", ".12 ,123 .1 x.0011"),
            (
                "Month Monthly Janx _2006 15h",
                "Month Monthly Janx _2009 23h",
            ),
        ] {
            assert_eq!(
                text(format(t, Zone::UTC, layout.as_bytes())),
                want,
                "{layout}"
            );
        }
        assert_eq!(
            text(string(at(PLAYGROUND), Zone::UTC)),
            "2009-11-10 23:00:00 +0000 UTC"
        );
        assert_eq!(
            text(string(at(PLAYGROUND + 1_500_000), Zone::UTC)),
            "2009-11-10 23:00:00.0015 +0000 UTC"
        );
    }

    #[test]
    fn names_as_go() {
        assert_eq!(month_name(2), "February");
        assert_eq!(month_name(13), "%!Month(13)");
        assert_eq!(month_name(-1), "%!Month(18446744073709551615)");
        assert_eq!(weekday_name(0), "Sunday");
        assert_eq!(weekday_name(7), "%!Weekday(7)");
    }

    #[test]
    fn durations_parse_as_go() {
        for (s, want) in [
            ("300ms", Ok(300_000_000)),
            ("-1.5h", Ok(-5_400_000_000_000)),
            ("2h45m", Ok(9_900_000_000_000)),
            ("1µs", Ok(1_000)),
            ("0", Ok(0)),
            ("+.5s", Ok(500_000_000)),
            ("1.0000000000000000000001s", Ok(1_000_000_000)),
            ("9223372036854775807ns", Ok(i64::MAX)),
            ("-9223372036854775808ns", Ok(i64::MIN)),
            ("", Err(r#"time: invalid duration """#)),
            ("abc", Err(r#"time: invalid duration "abc""#)),
            ("1", Err(r#"time: missing unit in duration "1""#)),
            ("1x", Err(r#"time: unknown unit "x" in duration "1x""#)),
            (".s", Err(r#"time: invalid duration ".s""#)),
            (
                "9223372036854775808ns",
                Err(r#"time: invalid duration "9223372036854775808ns""#),
            ),
            (
                "3é",
                Err(r#"time: unknown unit "\xc3\xa9" in duration "3\xc3\xa9""#),
            ),
        ] {
            assert_eq!(
                parse_duration(s.as_bytes()),
                want.map_err(str::to_string),
                "{s}"
            );
        }
    }
}
