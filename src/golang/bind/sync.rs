//! `sync`: WaitGroup and Mutex are the runtime's own (their waits are the timeline's
//! "blocked on sync"); Once, RWMutex and Cond are Go code built on them (`library/go/sync.go`).

use crate::rt::{Mutex, WaitGroup};

use super::handles::handle;
use super::{block, done, observable, unit, wait};
use crate::golang::vm::gor::UnitOp;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::shared::HandleKind;
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    observable("sync.WaitGroup.Add", wg_add),
    observable("sync.WaitGroup.Done", wg_done),
    observable("sync.WaitGroup.Wait", wg_wait),
    observable("sync.Mutex.Lock", lock),
    observable("sync.Mutex.Unlock", unlock),
    observable("sync.Mutex.TryLock", try_lock),
    observable("sync.fatal", fatal),
    observable("sync/atomic.sameType", same_type),
];

/// The runtime object of the native's receiver, or the flow that first fetches it (see
/// [`handle`]): the native returns that flow.
macro_rules! receiver {
    ($ctx:expr, $kind:ident, $ty:ident) => {
        match handle($ctx, 0, 0, HandleKind::$kind, || $ty::new().id() as u64)? {
            Ok(h) => $ty::from_id(h as u32),
            Err(fetch) => return Ok(fetch),
        }
    };
}

fn wg_add(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = ctx.int(1);
    unit(UnitOp::WgAdd(receiver!(ctx, WaitGroup, WaitGroup).add(n)))
}

fn wg_done(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    unit(UnitOp::WgAdd(receiver!(ctx, WaitGroup, WaitGroup).done()))
}

fn wg_wait(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    unit(UnitOp::WgWait(receiver!(ctx, WaitGroup, WaitGroup).wait()))
}

fn lock(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(receiver!(ctx, Mutex, Mutex).lock(), |()| Vec::new())
}

fn unlock(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(receiver!(ctx, Mutex, Mutex).unlock(), |()| Vec::new())
}

fn try_lock(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let fut = receiver!(ctx, Mutex, Mutex).try_lock();
    wait(ctx, fut, |locked| vec![Value::Bool(locked)])
}

/// `fatal(msg)`: Go's unrecoverable `fatal error: msg`.
fn fatal(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let msg = ctx.arg(0).to_text();
    block(crate::rt::fatal(msg), |never| match never {})
}

/// `sameType(a, b any) bool`: whether two interface values have the same dynamic type.
fn same_type(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let same = match (ctx.arg(0), ctx.arg(1)) {
        (Value::Iface(a), Value::Iface(b)) => a.ty == b.ty,
        (Value::Nil, Value::Nil) => true,
        _ => false,
    };
    done(ctx, [Value::Bool(same)])
}
