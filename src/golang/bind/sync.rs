//! `sync`: WaitGroup and Mutex are the runtime's own (their waits are the timeline's
//! "blocked on sync"); Once, RWMutex and Cond are Go code built on them (`lib/go/sync.go`).

use crate::rt::{Mutex, WaitGroup};

use super::handles::handle;
use super::{block, observable};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};

pub(super) const NATIVES: &[Native] = &[
    observable("sync.(*WaitGroup).Add", wg_add),
    observable("sync.(*WaitGroup).Done", wg_done),
    observable("sync.(*WaitGroup).Wait", wg_wait),
    observable("sync.(*Mutex).Lock", lock),
    observable("sync.(*Mutex).Unlock", unlock),
];

fn wg(ctx: &Ctx<'_>) -> Result<WaitGroup, Thrown> {
    handle(ctx, 0, || WaitGroup::new().id()).map(WaitGroup::from_id)
}

fn wg_add(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = ctx.int(1);
    block(wg(ctx)?.add(n), |()| Vec::new())
}

fn wg_done(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(wg(ctx)?.done(), |()| Vec::new())
}

fn wg_wait(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(wg(ctx)?.wait(), |()| Vec::new())
}

fn mutex(ctx: &Ctx<'_>) -> Result<Mutex, Thrown> {
    handle(ctx, 0, || Mutex::new().id()).map(Mutex::from_id)
}

fn lock(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(mutex(ctx)?.lock(), |()| Vec::new())
}

fn unlock(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    block(mutex(ctx)?.unlock(), |()| Vec::new())
}
