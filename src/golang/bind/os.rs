//! `os`'s standard output streams and `runtime.Version` (`os.Exit` and the scheduler's
//! `runtime` functions are in `runtime.rs`).

use crate::rt;

use super::conv::{bytes_of, pointee};
use super::{done, observable, pure};
use crate::golang::vm::gor::{Ctx, Flow, Run};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    observable("os.File.write", file_write),
    observable("os.File.writeString", file_write_string),
    pure("runtime.Version", version),
    pure("os.environ", environ),
];

/// What `runtime.Version` returns: chanlab runs programs with Go 1.22's semantics (its loop
/// variables, its standard library's API) unless their file asks for an older Go.
pub const GO_VERSION: &str = "go1.22-chanlab";

/// Prints `text` on the stream of `*File` argument 0 (`Stdout` or `Stderr`: `Write` has
/// refused the others) and returns its length.
fn write(ctx: &mut Ctx<'_>, text: &[u8]) -> Result<Flow, Thrown> {
    let fd = pointee(ctx, 0)?.borrow().first().map_or(1, Value::as_int);
    print_bytes(ctx.g.run.as_ref(), fd == 2, text);
    done(ctx, [Value::Int(text.len() as i64)])
}

/// Prints `bytes` on stdout or stderr as text. A character whose first bytes end `bytes`
/// waits for the rest, which the program's next write brings (a `bufio.Writer` cuts its
/// text anywhere); what is not UTF-8 prints as U+FFFD.
pub(super) fn print_bytes(run: &Run, stderr: bool, bytes: &[u8]) {
    let mut cut_short = run.cut_short.borrow_mut();
    let carried = &mut cut_short[usize::from(stderr)];
    let joined;
    let bytes = if carried.is_empty() {
        bytes
    } else {
        carried.extend_from_slice(bytes);
        joined = std::mem::take(carried);
        &joined[..]
    };
    let whole = whole_chars(bytes);
    carried.extend_from_slice(&bytes[whole..]);
    drop(cut_short);
    if whole == 0 {
        return;
    }
    let text = String::from_utf8_lossy(&bytes[..whole]);
    if stderr {
        rt::eprint(text);
    } else {
        rt::print(text);
    }
}

/// The length of `bytes` without the first bytes of a character it ends with, if it ends
/// with some (an incomplete UTF-8 sequence that more bytes may complete).
fn whole_chars(bytes: &[u8]) -> usize {
    // A sequence is at most 4 bytes: its lead byte is among the last 3.
    for back in 1..=bytes.len().min(3) {
        let at = bytes.len() - back;
        let lead = bytes[at];
        if lead & 0xc0 == 0x80 {
            continue; // a continuation byte
        }
        let incomplete = matches!(
            std::str::from_utf8(&bytes[at..]),
            Err(e) if e.valid_up_to() == 0 && e.error_len().is_none()
        );
        return if incomplete { at } else { bytes.len() };
    }
    bytes.len()
}

/// `environ() []string`: the run's environment as `KEY=value` strings, in its order (the
/// program's own changes are kept in Go, `os.go`).
fn environ(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let env = ctx
        .prog()
        .env
        .iter()
        .map(|(k, v)| Value::str(&format!("{k}={v}")))
        .collect();
    done(ctx, [Value::slice(env)])
}

/// `(*File).write(b []byte) int`.
fn file_write(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let b = bytes_of(ctx.arg(1));
    write(ctx, &b)
}

/// `(*File).writeString(s string) int`.
fn file_write_string(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = ctx.arg(1).clone();
    write(ctx, s.as_bytes())
}

fn version(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    done(ctx, [Value::str(GO_VERSION)])
}
