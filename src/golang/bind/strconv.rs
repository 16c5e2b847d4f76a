//! `strconv` on the engine of `natives::strconv`. The parsers return a status that
//! `library/go/strconv.go` turns into Go's `*NumError`: 0 ok, 1 syntax, 2 range, 3 invalid base,
//! 4 invalid bit size. The formatters' panics (a bad base or bit size) are Go code there.

use super::conv::alloc_cost;
use super::{done, pure};
use crate::golang::natives::strconv::{self as engine, ErrKind, Keep, NumError};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    pure("strconv.parseInt", parse_int),
    pure("strconv.parseUint", parse_uint),
    pure("strconv.parseFloat", parse_float),
    pure("strconv.formatInt", format_int),
    pure("strconv.formatUint", format_uint),
    pure("strconv.formatFloat", format_float),
    pure("strconv.Quote", quote),
    pure("strconv.QuoteRune", quote_rune),
    pure("strconv.QuoteToASCII", quote_to_ascii),
    pure("strconv.QuoteRuneToASCII", quote_rune_to_ascii),
    pure("strconv.unquote", unquote),
    pure("strconv.QuoteToGraphic", quote_to_graphic),
    pure("strconv.QuoteRuneToGraphic", quote_rune_to_graphic),
    pure("strconv.unquoteChar", unquote_char),
    pure("strconv.quotedPrefix", quoted_prefix),
    pure("strconv.IsPrint", super::strings::is_print),
    pure("strconv.IsGraphic", super::strings::is_graphic),
];

/// The status `numError` (Go) turns into the error.
fn status(e: &NumError) -> i64 {
    match e.err {
        ErrKind::Syntax => 1,
        ErrKind::Range => 2,
        ErrKind::Base(_) => 3,
        ErrKind::BitSize(_) => 4,
    }
}

fn ret_text(ctx: &mut Ctx<'_>, text: &[u8]) -> Result<Flow, Thrown> {
    alloc_cost(ctx, text.len());
    done(ctx, [Value::bytes(text)])
}

/// `parseInt(s string, base int, bitSize int) (int64, int)`.
fn parse_int(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (v, st) = match engine::parse_int(ctx.arg(0).as_bytes(), ctx.int(1), ctx.int(2)) {
        Ok(v) => (v, 0),
        Err((v, e)) => (v, status(&e)),
    };
    done(ctx, [Value::Int(v), Value::Int(st)])
}

/// `parseUint(s string, base int, bitSize int) (uint64, int)`.
fn parse_uint(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (v, st) = match engine::parse_uint(ctx.arg(0).as_bytes(), ctx.int(1), ctx.int(2)) {
        Ok(v) => (v, 0),
        Err((v, e)) => (v, status(&e)),
    };
    done(ctx, [Value::Int(v as i64), Value::Int(st)])
}

/// `parseFloat(s string, bitSize int) (float64, int)`.
fn parse_float(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (v, st) = match engine::parse_float(ctx.arg(0).as_bytes(), ctx.int(1)) {
        Ok(v) => (v, 0),
        Err((v, e)) => (v, status(&e)),
    };
    done(ctx, [Value::Float(v), Value::Int(st)])
}

/// `formatInt(i int64, base int) string` (the base is in 2..=36).
fn format_int(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::format_int(ctx.int(0), ctx.int(1)).unwrap_or_default();
    ret_text(ctx, text.as_bytes())
}

/// `formatUint(i uint64, base int) string` (the base is in 2..=36).
fn format_uint(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::format_uint(ctx.int(0) as u64, ctx.int(1)).unwrap_or_default();
    ret_text(ctx, text.as_bytes())
}

/// `formatFloat(f float64, fmt byte, prec, bitSize int) string` (bitSize is 32 or 64).
fn format_float(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let f = ctx.arg(0).as_float();
    let prec = ctx.int(2).clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let text = engine::format_float(f, ctx.int(1) as u8, prec, ctx.int(3) as u32);
    ret_text(ctx, text.as_bytes())
}

fn quote(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::quote(ctx.arg(0).as_bytes());
    ret_text(ctx, &text)
}

fn quote_rune(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::quote_rune(ctx.int(0) as i32);
    ret_text(ctx, &text)
}

fn quote_rune_to_ascii(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::quote_rune_to_ascii(ctx.int(0) as i32);
    ret_text(ctx, &text)
}

fn quote_to_ascii(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::quote_to_ascii(ctx.arg(0).as_bytes());
    ret_text(ctx, &text)
}

/// `unquote(s string) (string, bool)`.
fn unquote(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    match engine::unquote(ctx.arg(0).as_bytes()) {
        Some(text) => {
            alloc_cost(ctx, text.len());
            done(ctx, [Value::bytes(&text), Value::Bool(true)])
        }
        None => done(ctx, [Value::str(""), Value::Bool(false)]),
    }
}

fn quote_to_graphic(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::quote_with(ctx.arg(0).as_bytes(), b'"', Keep::Graphic);
    ret_text(ctx, &text)
}

fn quote_rune_to_graphic(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let text = engine::quote_rune_with(ctx.int(0) as i32, Keep::Graphic);
    ret_text(ctx, &text)
}

/// `unquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, ok bool)`.
fn unquote_char(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let quote = ctx.int(1) as u8;
    match engine::unquote_char(ctx.arg(0).as_bytes(), quote) {
        Some((r, multibyte, tail)) => {
            let tail = Value::bytes(tail);
            done(
                ctx,
                [
                    Value::Int(i64::from(r)),
                    Value::Bool(multibyte),
                    tail,
                    Value::Bool(true),
                ],
            )
        }
        None => done(
            ctx,
            [
                Value::Int(0),
                Value::Bool(false),
                Value::str(""),
                Value::Bool(false),
            ],
        ),
    }
}

/// `quotedPrefix(s string) (string, bool)`.
fn quoted_prefix(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = ctx.arg(0).as_bytes();
    match engine::quoted_prefix(s) {
        Some(n) => {
            let p = Value::bytes(&s[..n]);
            done(ctx, [p, Value::Bool(true)])
        }
        None => done(ctx, [Value::str(""), Value::Bool(false)]),
    }
}
