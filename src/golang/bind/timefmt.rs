//! `time`'s formatting: `Time.String`, `Time.Format` and the calendar fields of a `Time`
//! (in UTC), `Month` and `Weekday` names, and `ParseDuration`, on `natives::time`. A
//! `Time` is a struct of seconds since Go's zero `Time` (January 1, year 1) and nanoseconds
//! within the second.

use super::conv::alloc_cost;
use super::{done, pure};
use crate::golang::natives::time as engine;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    pure("time.Time.String", time_string),
    pure("time.Time.Format", time_format),
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

/// The `Time` argument 0: `{sec, nsec}`, seconds since Go's zero `Time` and nanoseconds.
fn instant(ctx: &Ctx<'_>) -> engine::Instant {
    let field = |i: usize| match ctx.arg(0) {
        Value::Agg(a) => a.borrow().get(i).map_or(0, Value::as_int),
        _ => 0,
    };
    engine::Instant {
        unix: field(0).wrapping_sub(engine::UNIX_TO_INTERNAL),
        nsec: field(1),
    }
}

/// `mod(t Time, d Duration) Duration`: see [`engine::Instant::rem_since_zero`].
fn time_mod(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let r = instant(ctx).rem_since_zero(ctx.int(1));
    done(ctx, [Value::Int(r)])
}

/// `parse(layout, value string) (sec, nsec int64, layoutElem, valueElem, message string,
/// ok bool)`: the time (seconds since the zero Time), or `ParseError`'s parts.
fn parse(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let parsed =
        crate::golang::natives::timeparse::parse(ctx.arg(0).as_bytes(), ctx.arg(1).as_bytes());
    let results = match parsed {
        Ok(t) => [
            Value::Int(t.unix.wrapping_add(engine::UNIX_TO_INTERNAL)),
            Value::Int(t.nsec),
            Value::str(""),
            Value::str(""),
            Value::str(""),
            Value::Bool(true),
        ],
        Err(e) => [
            Value::Int(0),
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
    let text = engine::string(instant(ctx));
    ret_text(ctx, &text)
}

fn time_format(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::format(instant(ctx), ctx.arg(1).as_bytes());
    ret_text(ctx, &text)
}

/// `Time` methods returning one calendar field.
macro_rules! field {
    ($($name:ident = $field:ident;)*) => {$(
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let v = engine::civil(instant(ctx)).$field;
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
