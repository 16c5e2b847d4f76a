//! `runtime` and `os`: the scheduler's numbers, yielding, and exiting.

use crate::rt;

use super::{block, done, observable, unit, wait};
use crate::golang::vm::gor::UnitOp;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    observable("runtime.NumGoroutine", num_goroutine),
    observable("runtime.GOMAXPROCS", gomaxprocs),
    observable("runtime.NumCPU", num_cpu),
    observable("runtime.Gosched", gosched),
    observable("runtime.Goexit", goexit),
    observable("os.Exit", exit),
];

fn num_goroutine(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    wait(ctx, rt::num_goroutine(), |n| vec![Value::Int(n as i64)])
}

/// `GOMAXPROCS(n)`: the previous number of processors; `n > 0` sets it (sim mode's virtual
/// processors; real mode's workers are fixed for the run).
fn gomaxprocs(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = ctx.int(0);
    let previous = if n > 0 {
        rt::set_gomaxprocs(n as usize)
    } else {
        rt::gomaxprocs()
    };
    done(ctx, [Value::Int(previous as i64)])
}

/// `NumCPU()`: the processors the run was given.
fn num_cpu(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    done(ctx, [Value::Int(rt::gomaxprocs() as i64)])
}

fn gosched(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let _ = ctx;
    unit(UnitOp::Yield(rt::gosched()))
}

/// `Goexit()`: runs the goroutine's deferred calls, then ends it; nothing recovers it.
fn goexit(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    ctx.g.goexiting = true;
    Err(Value::Nil)
}

fn exit(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let code = ctx.int(0) as i32;
    block(rt::os_exit(code), |never| match never {})
}
