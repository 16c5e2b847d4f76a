//! `time`'s formatting: `Time.String`, `Time.Format` and the calendar fields of a `Time`
//! (in UTC), `Month` and `Weekday` names, and `ParseDuration`, on `natives::time`. A
//! `Time` is a struct of seconds since Go's zero `Time` (January 1, year 1) and nanoseconds
//! within the second.

use super::conv::alloc_cost;
use super::{done, pure};
use crate::golang::natives::time as engine;
use crate::golang::natives::timeparse::ParsedLoc;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::{Ptr, Value};

pub(super) const NATIVES: &[Native] = &[
    pure("time.Time.wallString", time_string),
    pure("time.Time.Format", time_format),
    pure("time.Time.GoString", time_go_string),
    pure("time.Time.Year", year),
    pure("time.Time.Month", month),
    pure("time.Time.Day", day),
    pure("time.Time.Hour", hour),
    pure("time.Time.Minute", minute),
    pure("time.Time.Second", second),
    pure("time.Time.Weekday", weekday),
    pure("time.Time.YearDay", year_day),
    pure("time.Month.String", month_string),
    pure("time.Weekday.String", weekday_string),
    pure("time.parseDuration", parse_duration),
    pure("time.mod", time_mod),
    pure("time.parse", parse),
    pure("time.quote", quote),
];

/// The `Time` argument 0 (`{sec, nsec, loc}`: seconds since Go's zero `Time`, nanoseconds,
/// and its fixed zone, nil for UTC): the instant, and the zone's name and offset.
fn time_arg(ctx: &Ctx<'_>) -> (engine::Instant, Vec<u8>, i64) {
    let Value::Agg(t) = ctx.arg(0) else {
        return (engine::Instant { unix: 0, nsec: 0 }, b"UTC".to_vec(), 0);
    };
    let t = t.borrow();
    let field = |i: usize| t.get(i).map_or(0, Value::as_int);
    let at = engine::Instant {
        unix: field(0).wrapping_sub(engine::UNIX_TO_INTERNAL),
        nsec: field(1),
    };
    match t.get(2) {
        Some(Value::Ptr(Ptr::Agg(loc))) => {
            let loc = loc.borrow();
            // `{name, zone, offset}`: the abbreviation is `zone`.
            let name = loc.get(1).map_or(&[][..], Value::as_bytes).to_vec();
            (at, name, loc.get(2).map_or(0, Value::as_int))
        }
        _ => (at, b"UTC".to_vec(), 0),
    }
}

/// The instant of the `Time` argument 0.
fn instant(ctx: &Ctx<'_>) -> engine::Instant {
    time_arg(ctx).0
}

/// `f` of the `Time` argument 0's instant and zone.
fn zoned<R>(ctx: &Ctx<'_>, f: impl FnOnce(engine::Instant, engine::Zone<'_>) -> R) -> R {
    let (at, name, offset) = time_arg(ctx);
    f(
        at,
        engine::Zone {
            name: &name,
            offset,
        },
    )
}

/// `mod(t Time, d Duration) Duration`: see [`engine::Instant::rem_since_zero`].
fn time_mod(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let r = instant(ctx).rem_since_zero(ctx.int(1));
    done(ctx, [Value::Int(r)])
}

/// `parse(layout, value string) (sec, nsec int64, loc int, zone string, offset int,
/// layoutElem, valueElem, message string, ok bool)`: the time's fields (seconds since the zero
/// Time, as if in UTC) and what the value says of its zone (0 `Z` or `UTC`, 1 the offset
/// `offset` with the abbreviation `zone` if any, 2 the abbreviation `zone` alone, whose
/// offset is `offset` if it tells one, 3 nothing), or `ParseError`'s parts.
fn parse(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let parsed =
        crate::golang::natives::timeparse::parse(ctx.arg(0).as_bytes(), ctx.arg(1).as_bytes());
    let results = match parsed {
        Ok(p) => {
            let (loc, name, offset) = match p.loc {
                ParsedLoc::Utc => (0, Vec::new(), 0),
                ParsedLoc::Offset(name, offset) => (1, name, offset),
                ParsedLoc::Name(name, offset) => (2, name, offset),
                ParsedLoc::None => (3, Vec::new(), 0),
            };
            [
                Value::Int(p.at.unix.wrapping_add(engine::UNIX_TO_INTERNAL)),
                Value::Int(p.at.nsec),
                Value::Int(loc),
                Value::bytes(&name),
                Value::Int(offset),
                Value::str(""),
                Value::str(""),
                Value::str(""),
                Value::Bool(true),
            ]
        }
        Err(e) => [
            Value::Int(0),
            Value::Int(0),
            Value::Int(0),
            Value::str(""),
            Value::Int(0),
            Value::bytes(&e.layout_elem),
            Value::bytes(&e.value_elem),
            Value::str(&e.message),
            Value::Bool(false),
        ],
    };
    done(ctx, results)
}

/// `quote(s string) string`: Go's `time.quote`, for `ParseError`'s text.
fn quote(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::quote(ctx.arg(0).as_bytes());
    ret_text(ctx, text.as_bytes())
}

fn ret_text(ctx: &mut Ctx<'_>, text: &[u8]) -> Result<Flow, Thrown> {
    alloc_cost(ctx, text.len());
    done(ctx, [Value::bytes(text)])
}

fn time_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = zoned(ctx, engine::string);
    ret_text(ctx, &text)
}

fn time_format(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = zoned(ctx, |at, zone| {
        engine::format(at, zone, ctx.arg(1).as_bytes())
    });
    ret_text(ctx, &text)
}

/// `GoString`: the time as Go source, `time.Date(2009, time.November, 10, 23, 0, 0, 0,
/// time.UTC)`, its location `time.UTC`, `time.Local` or `time.Location("name")` as Go's.
fn time_go_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let loc = match ctx.arg(0) {
        Value::Agg(t) => match t.borrow().get(2) {
            // `{name, zone, offset}`.
            Some(Value::Ptr(Ptr::Agg(l))) => l.borrow().first().map(|n| n.as_bytes().to_vec()),
            _ => None,
        },
        _ => None,
    };
    let loc = match loc.as_deref() {
        None => "time.UTC".to_string(),
        Some(b"Local") => "time.Local".to_string(),
        Some(name) => format!("time.Location({})", engine::quote(name)),
    };
    let c = zoned(ctx, |at, zone| engine::civil(at.shown_in(zone)));
    let month = match c.month {
        1..=12 => format!("time.{}", engine::month_name(c.month)),
        m => m.to_string(),
    };
    let text = format!(
        "time.Date({}, {month}, {}, {}, {}, {}, {}, {loc})",
        c.year, c.day, c.hour, c.min, c.sec, c.nsec
    );
    ret_text(ctx, text.as_bytes())
}

/// `Time` methods returning one calendar field.
macro_rules! field {
    ($($name:ident = $field:ident;)*) => {$(
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let v = zoned(ctx, |at, zone| engine::civil(at.shown_in(zone)).$field);
            done(ctx, [Value::Int(v)])
        }
    )*};
}

field! {
    year = year;
    month = month;
    day = day;
    hour = hour;
    minute = min;
    second = sec;
    weekday = weekday;
    year_day = yday;
}

fn month_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::month_name(ctx.int(0));
    ret_text(ctx, text.as_bytes())
}

fn weekday_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::weekday_name(ctx.int(0));
    ret_text(ctx, text.as_bytes())
}

/// `parseDuration(s string) (Duration, string)`: the duration, or Go's error text.
fn parse_duration(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    match engine::parse_duration(ctx.arg(0).as_bytes()) {
        Ok(d) => done(ctx, [Value::Int(d), Value::str("")]),
        Err(msg) => done(ctx, [Value::Int(0), Value::str(&msg)]),
    }
}
