//! `runtime` and `os`: the scheduler's numbers, yielding, and exiting.

use crate::rt;

use super::{block, done, observable};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    observable("runtime.NumGoroutine", num_goroutine),
    observable("runtime.GOMAXPROCS", gomaxprocs),
    observable("runtime.NumCPU", gomaxprocs),
    observable("runtime.Gosched", gosched),
    observable("os.Exit", exit),
];

fn num_goroutine(_: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(rt::num_goroutine(), |n| vec![Value::Int(n as i64)])
}

/// `GOMAXPROCS(n)`: the processors (virtual in sim mode); chanlab runs with the procs the
/// run was given, so a new value is not taken.
fn gomaxprocs(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    done(ctx, [Value::Int(rt::gomaxprocs() as i64)])
}

fn gosched(_: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(rt::gosched(), |()| Vec::new())
}

fn exit(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let code = ctx.int(0) as i32;
    block(rt::os_exit(code), |never| match never {})
}
