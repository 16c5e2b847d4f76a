//! `sync`: WaitGroup, Mutex and Cond's waits are the runtime's own (the timeline's "blocked
//! on sync"); Once, RWMutex and Cond's use of its Locker are Go code built on them
//! (`library/go/sync.go`).

use crate::rt::{Cond, Mutex, WaitGroup};

use super::handles::{handle, sync_ref};
use super::{block, done, observable, unit, wait};
use crate::golang::vm::gor::UnitOp;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::shared::HandleKind;
use crate::golang::vm::types::SyncKind;
use crate::golang::vm::value::{SyncRef, Value};

pub(super) const NATIVES: &[Native] = &[
    observable("sync.WaitGroup.Add", wg_add),
    observable("sync.WaitGroup.Done", wg_done),
    observable("sync.WaitGroup.Wait", wg_wait),
    observable("sync.Mutex.Lock", lock),
    observable("sync.Mutex.semacquire", lock),
    observable("sync.Mutex.Unlock", unlock),
    observable("sync.Mutex.TryLock", try_lock),
    observable("sync.Cond.ticket", cond_ticket),
    observable("sync.Cond.wait", cond_wait),
    observable("sync.Cond.Signal", cond_signal),
    observable("sync.Cond.Broadcast", cond_broadcast),
    observable("sync.fatal", fatal),
    observable("sync/atomic.sameType", same_type),
];

/// The runtime object of the native's receiver (held in its struct's first field, or in
/// field `$field`), or the flow that first fetches it (see [`handle`]): the native returns
/// that flow.
macro_rules! receiver {
    ($ctx:expr, $kind:ident, $ty:ident) => {
        receiver!($ctx, $kind, $ty, 0)
    };
    ($ctx:expr, $kind:ident, $ty:ident, $field:expr) => {
        match handle($ctx, 0, $field, HandleKind::$kind)? {
            Ok(h) => $ty::from_id(h as u32),
            Err(fetch) => return Ok(fetch),
        }
    };
}

fn wg_add(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = ctx.int(1);
    let wg = receiver!(ctx, WaitGroup, WaitGroup);
    ctx.g.before_hub_op();
    unit(UnitOp::WgAdd(wg.add(n)))
}

fn wg_done(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let wg = receiver!(ctx, WaitGroup, WaitGroup);
    ctx.g.before_hub_op();
    unit(UnitOp::WgAdd(wg.done()))
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

/// The field of a `sync.Cond` that holds its runtime object (after `L`).
const COND_HANDLE: usize = 1;

fn cond_ticket(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let fut = receiver!(ctx, Cond, Cond, COND_HANDLE).ticket();
    wait(ctx, fut, |t| vec![Value::Int(i64::from(t))])
}

fn cond_wait(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let ticket = ctx.int(1) as u32;
    block(receiver!(ctx, Cond, Cond, COND_HANDLE).wait(ticket), |()| {
        Vec::new()
    })
}

fn cond_signal(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    receiver!(ctx, Cond, Cond, COND_HANDLE).signal();
    Ok(Flow::Done)
}

fn cond_broadcast(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    receiver!(ctx, Cond, Cond, COND_HANDLE).broadcast();
    Ok(Flow::Done)
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

/// What fmt prints in place of `v`, a value of sync type `kind`: Go 1.19's fields, holding the
/// state the runtime keeps for it (docs/INTERPRETER.md, Runtime objects). A Mutex's `state`
/// is Go's locked bit and waiter count (`mutexLocked | n<<mutexWaiterShift`), a WaitGroup's
/// `state1` its counter and waiters (`counter<<32 | waiters`); semaphores are 0. On a real-mode
/// executor, whose objects the hub holds, the state shows as zero.
pub fn view(kind: SyncKind, v: &Value) -> Value {
    let fields = v.elems();
    let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
    match kind {
        SyncKind::Mutex => mutex_view(v),
        SyncKind::WaitGroup => {
            let (counter, waiters) = wg_state(&field(0));
            let state1 = (counter as u64) << 32 | waiters as u64;
            Value::agg(vec![
                Value::agg(Vec::new()),
                Value::Int(state1 as i64),
                Value::Int(0),
            ])
        }
        SyncKind::RwMutex => {
            // The library's RWMutex (`library/go/sync.go`): w, r, writer, readers, draining,
            // drain. Go counts a writer in readerCount as -rwmutexMaxReaders, and keeps in
            // readerWait the readers a writer waits for.
            const MAX_READERS: i64 = 1 << 30;
            let readers = field(3).as_int();
            let draining = field(4).as_bool();
            let writing = field(2).as_bool() || draining;
            Value::agg(vec![
                mutex_view(&field(0)),
                Value::Int(0),
                Value::Int(0),
                Value::Int(readers - if writing { MAX_READERS } else { 0 }),
                Value::Int(if draining { readers } else { 0 }),
            ])
        }
    }
}

/// Go's fields of the library's Mutex `m`: `{state, sema}`.
fn mutex_view(m: &Value) -> Value {
    let (locked, waiters) = m.elems().first().map_or((false, 0), mutex_state);
    const WAITER_SHIFT: u32 = 3;
    Value::agg(vec![
        Value::Int(i64::from(locked) | (waiters as i64) << WAITER_SHIFT),
        Value::Int(0),
    ])
}

/// The state of the object of kind `kind` a struct's handle field `v` gives: its object's
/// (`peek`), or what a copy holds (`copied`, see [`SyncRef::Copied`]); zero without one.
fn state<T: Default>(
    v: &Value,
    kind: HandleKind,
    copied: impl FnOnce(i64) -> T,
    peek: impl FnOnce(u32) -> Option<T>,
) -> T {
    match sync_ref(v, kind) {
        Some(SyncRef::Copied { state: Some(s), .. }) => copied(s),
        Some(SyncRef::Own(_, h) | SyncRef::Copied { from: h, .. }) => peek(h).unwrap_or_default(),
        None => T::default(),
    }
}

/// A WaitGroup's counter and waiters (a copy's has none).
fn wg_state(v: &Value) -> (i64, usize) {
    let peek = |h| WaitGroup::from_id(h).peek();
    state(v, HandleKind::WaitGroup, |counter| (counter, 0), peek)
}

/// Whether a Mutex is locked and how many wait (a copy's has none).
fn mutex_state(v: &Value) -> (bool, usize) {
    let peek = |h| Mutex::from_id(h).peek();
    state(v, HandleKind::Mutex, |locked| (locked != 0, 0), peek)
}
