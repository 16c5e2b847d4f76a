//! `time`: the clock, sleeping, and timers and tickers on the runtime's timers.
//!
//! A `time.Time` is a struct of seconds since Go's zero `Time` and nanoseconds. The clock
//! starts at 2009-11-10 23:00:00 UTC, as the Go Playground's does, and runs on the run's clock
//! (virtual in sim mode), so a program's times are reproducible. `Timer` and `Ticker` hold their runtime
//! handle in their first field and their channel in `C`.

use std::rc::Rc;

use crate::golang::natives::time::{Instant, UNIX_TO_INTERNAL};
use crate::rt::{self, HostValue, TimerRef};

use super::handles::{duration, made_handle};
use super::{done, observable, pure, unit, wait};
use crate::golang::vm::errors;
use crate::golang::vm::gor::UnitOp;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::task;
use crate::golang::vm::value::{Ptr, Value};

/// 2009-11-10 23:00:00 UTC in ns since the Unix epoch: where a run's clock starts.
pub const EPOCH_NS: i64 = 1_257_894_000 * 1_000_000_000;

pub(super) const NATIVES: &[Native] = &[
    observable("time.Sleep", sleep),
    observable("time.now", now),
    observable("time.NewTimer", new_timer),
    observable("time.Timer.stop", timer_stop),
    observable("time.Timer.reset", timer_reset),
    observable("time.NewTicker", new_ticker),
    observable("time.Ticker.Stop", ticker_stop),
    observable("time.Ticker.Reset", ticker_reset),
    observable("time.afterFunc", after_func),
    pure("time.Duration.String", duration_string),
];

/// The field of `Timer` and `Ticker` holding the runtime handle (after `C`).
const HANDLE: usize = 1;

/// The time `ns` after the run started, as a `time.Time`: `{sec, nsec, loc, mono, hasMono}`,
/// seconds since Go's zero `Time`, nanoseconds within the second, a nil location, UTC (`Now`
/// makes it Local's, which shows the same; a timer's value stays in UTC), and Go's monotonic
/// clock reading, which starts at 1 ns when the program does.
fn time_value(ns: u64) -> Value {
    let t = Instant::from_unix_nanos(EPOCH_NS.wrapping_add(ns as i64));
    Value::agg(vec![
        Value::Int(t.unix + UNIX_TO_INTERNAL),
        Value::Int(t.nsec),
        Value::Nil,
        Value::Int((ns as i64).wrapping_add(1)),
        Value::Bool(true),
    ])
}

impl HostValue for Value {
    fn from_time(t: rt::Time) -> Value {
        time_value(t.0)
    }
}

fn sleep(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let d = duration(ctx, 0);
    if d.is_zero() {
        // Go returns at once from a sleep of zero or less: nothing waits, and on an executor
        // nothing goes to the hub.
        return Ok(Flow::Done);
    }
    unit(UnitOp::Sleep(rt::sleep(d)))
}

/// `now() Time`: the run's clock (UTC; `Now` makes it Local's).
fn now(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    done(ctx, [time_value(rt::now().0)])
}

/// A new `*Timer` or `*Ticker`: `{C, handle + 1}`.
fn start(ns: u64, period: u64) -> Value {
    let c = rt::make_chan::<Value>(1);
    let timer = rt::start_timer(c.id(), ns, period);
    let fields = vec![Value::Chan(c.id()), Value::Int(timer.bits() as i64 + 1)];
    Value::Ptr(Ptr::Agg(Rc::new(std::cell::RefCell::new(fields))))
}

/// `afterFunc(d Duration, f func()) int`: a timer that runs `f` in a goroutine of its own
/// when it fires; its handle (plus one).
fn after_func(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let ns = duration(ctx, 0).as_nanos() as u64;
    let Value::Func(f) = ctx.arg(1).clone() else {
        return Err(errors::nil_deref(&ctx.prog()));
    };
    let env = (!f.env.is_empty()).then(|| f.clone());
    // In Go's own goroutine for it, which `time.goFunc` starts.
    let created = Some(task::CREATED_BY_TIME_GOFUNC);
    let (label, s) = task::go_start(&ctx.g.run, f.func, env, Vec::new(), created);
    let timer = rt::after_go(ns, label, task::start, (task::Started::Here(s),));
    done(ctx, [Value::Int(timer.bits() as i64 + 1)])
}

fn new_timer(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let ns = duration(ctx, 0).as_nanos() as u64;
    done(ctx, [start(ns, 0)])
}

fn new_ticker(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let d = ctx.int(0);
    if d <= 0 {
        return Err(errors::runtime_error(
            &ctx.prog(),
            errors::ErrKind::Plain,
            "non-positive interval for NewTicker",
        ));
    }
    done(ctx, [start(d as u64, d as u64)])
}

/// The runtime timer of the `*Timer` or `*Ticker` argument. Timers are made by NewTimer,
/// NewTicker and AfterFunc; a zero one (`var t time.Timer`) has none, and `method` on it
/// panics as Go's does (`Stop` or `Reset`, on the `Timer` or `Ticker` of `of`).
fn timer(ctx: &Ctx<'_>, method: &str, of: &str) -> Result<TimerRef, Thrown> {
    match made_handle(ctx, 0, HANDLE)? {
        Some(h) => Ok(TimerRef::from_bits(h)),
        None => Err(plain_panic(
            ctx,
            &format!("time: {method} called on uninitialized {of}"),
        )),
    }
}

fn plain_panic(ctx: &Ctx<'_>, text: &str) -> Thrown {
    errors::runtime_error(&ctx.prog(), errors::ErrKind::Plain, text)
}

fn ticker_stop(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    // Go's Ticker.Stop does nothing on a zero Ticker.
    let Some(h) = made_handle(ctx, 0, HANDLE)? else {
        return done(ctx, []);
    };
    let stop = TimerRef::from_bits(h).stop();
    wait(ctx, stop, |_| Vec::new())
}

fn timer_stop(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let stop = timer(ctx, "Stop", "Timer")?.stop();
    wait(ctx, stop, |active| vec![Value::Bool(active)])
}

fn timer_reset(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let t = timer(ctx, "Reset", "Timer")?;
    let ns = duration(ctx, 1).as_nanos() as u64;
    wait(ctx, t.reset(ns, 0), |active| vec![Value::Bool(active)])
}

fn ticker_reset(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let d = ctx.int(1);
    if d <= 0 {
        return Err(plain_panic(ctx, "non-positive interval for Ticker.Reset"));
    }
    let t = timer(ctx, "Reset", "Ticker")?;
    wait(ctx, t.reset(d as u64, d as u64), |_| Vec::new())
}

/// `Duration.String()`: `1.5s`, `150ms`, `1m30s`, `2h0m0s`, `1µs`, `0s`.
fn duration_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = go_duration(ctx.int(0));
    done(ctx, [Value::str(&text)])
}

/// Go's `time.Duration.String` of `d` ns.
pub fn go_duration(d: i64) -> String {
    let neg = d < 0;
    let u = d.unsigned_abs();
    let mut out = if u < 1_000_000_000 {
        // Below a second: ns, µs or ms with a fraction.
        let (unit, scale) = match u {
            0 => return "0s".to_string(),
            1..=999 => ("ns", 1),
            1_000..=999_999 => ("µs", 1_000),
            _ => ("ms", 1_000_000),
        };
        format!("{}{unit}", fraction(u, scale))
    } else {
        let secs = u / 1_000_000_000;
        let frac = fraction(u % 60_000_000_000, 1_000_000_000);
        let (h, m) = (secs / 3600, secs / 60 % 60);
        if h > 0 {
            format!("{h}h{m}m{frac}s")
        } else if m > 0 {
            format!("{m}m{frac}s")
        } else {
            format!("{frac}s")
        }
    };
    if neg {
        out.insert(0, '-');
    }
    out
}

/// `v / scale` with its fraction's digits, trailing zeros dropped (`1.5`, `150`).
fn fraction(v: u64, scale: u64) -> String {
    let whole = v / scale;
    let mut rest = v % scale;
    if rest == 0 {
        return whole.to_string();
    }
    let mut digits = String::new();
    let mut s = scale / 10;
    while rest > 0 && s > 0 {
        digits.push(char::from(b'0' + (rest / s) as u8));
        rest %= s;
        s /= 10;
    }
    format!("{whole}.{digits}")
}

#[cfg(test)]
mod tests {
    use super::go_duration;

    #[test]
    fn durations_print_as_go_prints_them() {
        for (d, text) in [
            (0, "0s"),
            (1, "1ns"),
            (1_500, "1.5µs"),
            (150_000_000, "150ms"),
            (1_500_000_000, "1.5s"),
            (90_000_000_000, "1m30s"),
            (7_200_000_000_000, "2h0m0s"),
            (-2_000_000, "-2ms"),
            (3_723_400_000_000, "1h2m3.4s"),
        ] {
            assert_eq!(go_duration(d), text, "{d}");
        }
    }
}
