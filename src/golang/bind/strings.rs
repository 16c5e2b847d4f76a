//! `strings`, `unicode` and `unicode/utf8` on the engines of `natives::strings`,
//! `natives::unicode` and `natives::utf8`. Runes are `int32` values; strings are bytes.

use super::conv::{alloc_cost, bytes_of, pointee, scan_cost, str_slice, write_bytes};
use super::{done, pure};
use crate::golang::natives::strings as engine;
use crate::golang::natives::{unicode, utf8};
use crate::golang::vm::errors::{self, ErrKind};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    pure("strings.Count", count),
    pure("strings.EqualFold", equal_fold),
    pure("strings.Fields", fields),
    pure("strings.Index", index),
    pure("strings.IndexAny", index_any),
    pure("strings.IndexByte", index_byte),
    pure("strings.IndexRune", index_rune),
    pure("strings.Join", join),
    pure("strings.LastIndex", last_index),
    pure("strings.LastIndexAny", last_index_any),
    pure("strings.LastIndexByte", last_index_byte),
    pure("strings.repeat", repeat),
    pure("strings.Replace", replace),
    pure("strings.Split", split),
    pure("strings.SplitAfter", split_after),
    pure("strings.SplitN", split_n),
    pure("strings.Title", title),
    pure("strings.ToLower", to_lower),
    pure("strings.ToTitle", to_title),
    pure("strings.ToUpper", to_upper),
    pure("strings.Trim", trim),
    pure("strings.TrimLeft", trim_left),
    pure("strings.TrimRight", trim_right),
    pure("strings.TrimSpace", trim_space),
    pure("strings.Replacer.Replace", replacer_replace),
    pure("unicode.IsControl", is_control),
    pure("unicode.IsDigit", is_digit),
    pure("unicode.IsGraphic", is_graphic),
    pure("unicode.IsLetter", is_letter),
    pure("unicode.IsLower", is_lower),
    pure("unicode.IsMark", is_mark),
    pure("unicode.IsNumber", is_number),
    pure("unicode.IsPrint", is_print),
    pure("unicode.IsPunct", is_punct),
    pure("unicode.IsSpace", is_space),
    pure("unicode.IsSymbol", is_symbol),
    pure("unicode.IsTitle", is_title),
    pure("unicode.IsUpper", is_upper),
    pure("unicode.ToLower", to_lower_rune),
    pure("unicode.ToTitle", to_title_rune),
    pure("unicode.ToUpper", to_upper_rune),
    pure("unicode.SimpleFold", simple_fold),
    pure("unicode.isIn", is_in),
    pure("unicode/utf8.DecodeRune", decode_rune),
    pure("unicode/utf8.DecodeRuneInString", decode_rune_in_string),
    pure("unicode/utf8.DecodeLastRune", decode_last_rune),
    pure(
        "unicode/utf8.DecodeLastRuneInString",
        decode_last_rune_in_string,
    ),
    pure("unicode/utf8.EncodeRune", encode_rune),
    pure("unicode/utf8.FullRune", full_rune),
    pure("unicode/utf8.FullRuneInString", full_rune_in_string),
    pure("unicode/utf8.Valid", valid),
    pure("unicode/utf8.ValidString", valid_string),
];

/// String argument `i` (a cheap clone of its bytes' handle).
fn arg(ctx: &Ctx<'_>, i: usize) -> Value {
    ctx.arg(i).clone()
}

/// Rune argument `i`.
fn rune(ctx: &Ctx<'_>, i: usize) -> i32 {
    ctx.int(i) as i32
}

/// Returns string `out`, made from `s`: `s` itself when nothing changed, a new string
/// otherwise.
fn ret_str(ctx: &mut Ctx<'_>, s: &Value, out: &[u8]) -> Result<Flow, Thrown> {
    if out == s.as_bytes() {
        return done(ctx, [s.clone()]);
    }
    alloc_cost(ctx, out.len());
    done(ctx, [Value::bytes(out)])
}

fn ret_int(ctx: &mut Ctx<'_>, n: i64) -> Result<Flow, Thrown> {
    done(ctx, [Value::Int(n)])
}

fn ret_bool(ctx: &mut Ctx<'_>, b: bool) -> Result<Flow, Thrown> {
    done(ctx, [Value::Bool(b)])
}

/// Returns the `[]string` of `parts`.
fn ret_parts(ctx: &mut Ctx<'_>, parts: &[&[u8]]) -> Result<Flow, Thrown> {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    alloc_cost(ctx, n + 16 * parts.len());
    done(ctx, [str_slice(parts.iter().copied())])
}

/// `f(s, t) -> int` natives.
macro_rules! search {
    ($name:ident, $f:expr) => {
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let (s, t) = (arg(ctx, 0), arg(ctx, 1));
            scan_cost(ctx, s.as_bytes().len());
            let n = $f(s.as_bytes(), t.as_bytes());
            ret_int(ctx, n)
        }
    };
}

search!(count, engine::count);
search!(index, engine::index);
search!(index_any, engine::index_any);
search!(last_index, engine::last_index);
search!(last_index_any, engine::last_index_any);

fn index_byte(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = arg(ctx, 0);
    scan_cost(ctx, s.as_bytes().len());
    let n = engine::index_byte(s.as_bytes(), ctx.int(1) as u8);
    ret_int(ctx, n)
}

fn last_index_byte(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = arg(ctx, 0);
    scan_cost(ctx, s.as_bytes().len());
    let n = engine::last_index_byte(s.as_bytes(), ctx.int(1) as u8);
    ret_int(ctx, n)
}

fn index_rune(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = arg(ctx, 0);
    scan_cost(ctx, s.as_bytes().len());
    let n = engine::index_rune(s.as_bytes(), rune(ctx, 1));
    ret_int(ctx, n)
}

fn equal_fold(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (s, t) = (arg(ctx, 0), arg(ctx, 1));
    scan_cost(ctx, s.as_bytes().len());
    let b = engine::equal_fold(s.as_bytes(), t.as_bytes());
    ret_bool(ctx, b)
}

fn fields(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = arg(ctx, 0);
    let parts = engine::fields(s.as_bytes());
    ret_parts(ctx, &parts)
}

fn split(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (s, sep) = (arg(ctx, 0), arg(ctx, 1));
    let parts = engine::split(s.as_bytes(), sep.as_bytes());
    ret_parts(ctx, &parts)
}

fn split_after(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (s, sep) = (arg(ctx, 0), arg(ctx, 1));
    let parts = engine::split_after(s.as_bytes(), sep.as_bytes());
    ret_parts(ctx, &parts)
}

/// `SplitN`: nil for `n == 0`, as Go's.
fn split_n(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (s, sep, n) = (arg(ctx, 0), arg(ctx, 1), ctx.int(2));
    if n == 0 {
        return done(ctx, [Value::Nil]);
    }
    let parts = engine::split_n(s.as_bytes(), sep.as_bytes(), n);
    ret_parts(ctx, &parts)
}

fn join(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (elems, sep) = (ctx.arg(0).elems(), arg(ctx, 1));
    if elems.len() == 1 {
        return done(ctx, [elems[0].clone()]);
    }
    let parts: Vec<&[u8]> = elems.iter().map(Value::as_bytes).collect();
    let out = engine::join(&parts, sep.as_bytes());
    alloc_cost(ctx, out.len());
    done(ctx, [Value::bytes(&out)])
}

/// `repeat(s string, count int) string`: `Repeat` (Go, in `library/go/strings.go`) has checked
/// the count. A result past what the interpreter lets a program allocate panics as Go's
/// `Builder.Grow` does for a capacity it cannot allocate.
fn repeat(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (s, n) = (arg(ctx, 0), ctx.int(1).max(0) as u64);
    if (s.as_bytes().len() as u64).saturating_mul(n) > crate::golang::vm::ops::MAX_LEN {
        return Err(errors::runtime_error(
            &ctx.prog(),
            ErrKind::String,
            "runtime error: makeslice: cap out of range",
        ));
    }
    let out = s.as_bytes().repeat(n as usize);
    alloc_cost(ctx, out.len());
    done(ctx, [Value::bytes(&out)])
}

fn replace(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (s, old, new, n) = (arg(ctx, 0), arg(ctx, 1), arg(ctx, 2), ctx.int(3));
    let out = engine::replace(s.as_bytes(), old.as_bytes(), new.as_bytes(), n);
    ret_str(ctx, &s, &out)
}

/// `(*Replacer).Replace`: the replacer's pairs are its `oldnew` field.
fn replacer_replace(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let r = pointee(ctx, 0)?;
    let oldnew = r.borrow().first().map(Value::elems).unwrap_or_default();
    let s = arg(ctx, 1);
    let pairs: Vec<(&[u8], &[u8])> = oldnew
        .chunks_exact(2)
        .map(|p| (p[0].as_bytes(), p[1].as_bytes()))
        .collect();
    scan_cost(ctx, s.as_bytes().len() * pairs.len().max(1));
    let out = engine::replace_pairs(s.as_bytes(), &pairs);
    ret_str(ctx, &s, &out)
}

/// `f(s) -> string` natives.
macro_rules! map {
    ($name:ident, $f:expr) => {
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let s = arg(ctx, 0);
            scan_cost(ctx, s.as_bytes().len());
            let out = $f(s.as_bytes());
            ret_str(ctx, &s, &out)
        }
    };
}

map!(title, engine::title);
map!(to_lower, engine::to_lower);
map!(to_title, engine::to_title);
map!(to_upper, engine::to_upper);
map!(trim_space, engine::trim_space);

/// `f(s, cutset) -> string` natives.
macro_rules! trim {
    ($name:ident, $f:expr) => {
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let (s, cutset) = (arg(ctx, 0), arg(ctx, 1));
            let out = $f(s.as_bytes(), cutset.as_bytes());
            ret_str(ctx, &s, out)
        }
    };
}

trim!(trim, engine::trim);
trim!(trim_left, engine::trim_left);
trim!(trim_right, engine::trim_right);

/// `unicode.IsX(r rune) bool` natives (strconv's IsPrint and IsGraphic too).
macro_rules! class {
    ($name:ident, $f:expr) => {
        pub(super) fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let b = $f(rune(ctx, 0));
            ret_bool(ctx, b)
        }
    };
}

class!(is_control, unicode::is_control);
class!(is_digit, unicode::is_digit);
class!(is_graphic, unicode::is_graphic);
class!(is_letter, unicode::is_letter);
class!(is_lower, unicode::is_lower);
class!(is_mark, unicode::is_mark);
class!(is_number, unicode::is_number);
class!(is_print, unicode::is_print);
class!(is_punct, unicode::is_punct);
class!(is_space, unicode::is_space);
class!(is_symbol, unicode::is_symbol);
class!(is_title, unicode::is_title);
class!(is_upper, unicode::is_upper);

/// `isIn(name string, r rune) bool`: `unicode.Is` for a table the package declares.
fn is_in(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let name = ctx.arg(0).to_text();
    let b = unicode::table(&name).is_some_and(|t| unicode::is_in(t, rune(ctx, 1)));
    ret_bool(ctx, b)
}

/// `unicode.ToX(r rune) rune` natives.
macro_rules! case {
    ($name:ident, $f:expr) => {
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let r = $f(rune(ctx, 0));
            ret_int(ctx, r as i64)
        }
    };
}

case!(to_lower_rune, unicode::to_lower);
case!(to_title_rune, unicode::to_title);
case!(to_upper_rune, unicode::to_upper);
case!(simple_fold, unicode::simple_fold);

/// `utf8.DecodeX(p) (rune, size int)` natives, over a `[]byte` or a string.
macro_rules! decode {
    ($name:ident, $bytes:expr, $f:expr) => {
        fn $name(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
            let p: Vec<u8> = $bytes(ctx.arg(0));
            let (r, n) = $f(&p);
            done(ctx, [Value::Int(r as i64), Value::Int(n as i64)])
        }
    };
}

/// The first bytes of a `[]byte`: all a decoder looks at.
fn head(v: &Value) -> Vec<u8> {
    match v {
        Value::Slice(s) if s.len > 4 => {
            let a = s.array.borrow();
            a[s.off as usize..s.off as usize + 4]
                .iter()
                .map(|b| b.as_int() as u8)
                .collect()
        }
        v => bytes_of(v),
    }
}

/// The last bytes of a `[]byte`: all a decoder looks at.
fn tail(v: &Value) -> Vec<u8> {
    match v {
        Value::Slice(s) if s.len > 4 => {
            let a = s.array.borrow();
            let end = (s.off + s.len) as usize;
            a[end - 4..end].iter().map(|b| b.as_int() as u8).collect()
        }
        v => bytes_of(v),
    }
}

fn str_head(v: &Value) -> Vec<u8> {
    let b = v.as_bytes();
    b[..b.len().min(4)].to_vec()
}

fn str_tail(v: &Value) -> Vec<u8> {
    let b = v.as_bytes();
    b[b.len().saturating_sub(4)..].to_vec()
}

decode!(decode_rune, head, utf8::decode_rune);
decode!(decode_rune_in_string, str_head, utf8::decode_rune);
decode!(decode_last_rune, tail, utf8::decode_last_rune);
decode!(decode_last_rune_in_string, str_tail, utf8::decode_last_rune);

/// `EncodeRune(p []byte, r rune) int`: Go's index panic when `p` is too short.
fn encode_rune(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let mut enc = Vec::with_capacity(4);
    let n = utf8::encode_rune(&mut enc, rune(ctx, 1));
    write_bytes(ctx, ctx.arg(0), &enc)?;
    ret_int(ctx, n as i64)
}

fn full_rune(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let b = utf8::full_rune(&head(ctx.arg(0)));
    ret_bool(ctx, b)
}

fn full_rune_in_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let b = utf8::full_rune(&str_head(ctx.arg(0)));
    ret_bool(ctx, b)
}

fn valid(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let p = bytes_of(ctx.arg(0));
    scan_cost(ctx, p.len());
    ret_bool(ctx, utf8::valid(&p))
}

fn valid_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = arg(ctx, 0);
    scan_cost(ctx, s.as_bytes().len());
    ret_bool(ctx, utf8::valid(s.as_bytes()))
}
