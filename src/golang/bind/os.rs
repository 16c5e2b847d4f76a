//! `os`'s standard output streams and `runtime.Version` (`os.Exit` and the scheduler's
//! `runtime` functions are in `runtime.rs`).

use crate::rt;

use super::conv::{bytes_of, pointee};
use super::{done, observable, pure};
use crate::golang::vm::gor::{Ctx, Flow};
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
    let s = String::from_utf8_lossy(text);
    if fd == 2 {
        rt::eprint(s);
    } else {
        rt::print(s);
    }
    done(ctx, [Value::Int(text.len() as i64)])
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
