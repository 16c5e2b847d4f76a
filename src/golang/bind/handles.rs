//! Runtime objects held by library structs: `sync.WaitGroup`, `sync.Mutex`, `time.Timer`…
//! are Go structs with a field for the runtime's handle, whose zero value (0) means "not
//! created yet": the first method call creates it, as Go's zero values work without a
//! constructor. A sync type's field then holds a [`SyncRef`], which copying the struct turns
//! into a copy of the object's state; a timer's holds the handle plus one.

use std::rc::Rc;

use super::super::vm::errors;
use super::super::vm::gor::{Ctx, Flow, Run};
use super::super::vm::program::Thrown;
use super::super::vm::shared::{HandleKind, ObjId, Question, W};
use super::super::vm::value::{Agg, Ptr, SyncRef, Value};
use crate::rt::real::{memory, Data};
use crate::rt::{Cond, Mutex, WaitGroup};

/// The handle in field `field` of the struct argument `i` points to, made on first use:
/// `Ok(Ok(handle))`; or, for a struct that real mode's executors share and that has none
/// yet, `Ok(Err(flow))`: the flow fetches it from the hub, which makes one object for all of
/// them, and then the native's call runs again. A copy of a struct that had one gets its own
/// here, in the state the copy holds ([`SyncRef::Copied`]); a copied `sync.Cond` panics, as
/// Go's does.
pub fn handle(
    ctx: &Ctx<'_>,
    i: usize,
    field: usize,
    kind: HandleKind,
) -> Result<Result<u64, Flow>, Thrown> {
    let s = target(ctx, i)?;
    let id = match held(ctx, s, field, kind)? {
        Some(SyncRef::Own(_, h)) => return Ok(Ok(u64::from(h))),
        Some(SyncRef::Copied { from, state, .. }) => copy_of(ctx, kind, from, state)?,
        None => {
            let run = &ctx.g.run;
            let at = Rc::as_ptr(s) as *const () as usize;
            if let Some(obj) = (run.heap.as_ref()).and_then(|heap| heap.borrow().shared_id(at)) {
                return Ok(Err(fetch(run.clone(), obj, field as u32, kind)));
            }
            match kind {
                HandleKind::WaitGroup => WaitGroup::new().id(),
                HandleKind::Mutex => Mutex::new().id(),
                HandleKind::Cond => Cond::new().id(),
            }
        }
    };
    keep(s, field, SyncRef::Own(kind, id));
    Ok(Ok(u64::from(id)))
}

/// The object of a copy of a struct whose object was `from`, in the state the copy holds
/// (`state`), or, where it holds none, in `from`'s now.
fn copy_of(ctx: &Ctx<'_>, kind: HandleKind, from: u32, state: Option<i64>) -> Result<u32, Thrown> {
    Ok(match (kind, state) {
        (HandleKind::WaitGroup, Some(counter)) => WaitGroup::with_counter(counter).id(),
        (HandleKind::WaitGroup, None) => WaitGroup::from_id(from).copied().id(),
        (HandleKind::Mutex, Some(locked)) => Mutex::with_locked(locked != 0).id(),
        (HandleKind::Mutex, None) => Mutex::from_id(from).copied().id(),
        (HandleKind::Cond, _) => {
            let prog = ctx.prog();
            return Err(Value::iface(
                prog.runtime_errors.go_string,
                Value::str("sync.Cond is copied"),
            ));
        }
    })
}

/// Stores `r` in field `field` of `s`.
fn keep(s: &Agg, field: usize, r: SyncRef) {
    if let Some(slot) = s.borrow_mut().get_mut(field) {
        *slot = Value::Sync(r);
    }
}

/// The handle a timer's struct holds (timers are made with theirs; a zero `Timer` or
/// `Ticker` has none).
pub fn made_handle(ctx: &Ctx<'_>, i: usize, field: usize) -> Result<Option<u64>, Thrown> {
    let s = target(ctx, i)?;
    match s.borrow().get(field) {
        Some(v) => Ok(plus_one(v).map(u64::from)),
        None => Err(errors::nil_deref(&ctx.prog())),
    }
}

/// The struct argument `i` points to.
fn target<'a>(ctx: &'a Ctx<'_>, i: usize) -> Result<&'a Agg, Thrown> {
    match ctx.arg(i) {
        Value::Ptr(Ptr::Agg(s)) => Ok(s),
        _ => Err(errors::nil_deref(&ctx.prog())),
    }
}

/// The handle in field `field` of `s`, if it has one.
fn held(ctx: &Ctx<'_>, s: &Agg, field: usize, kind: HandleKind) -> Result<Option<SyncRef>, Thrown> {
    match s.borrow().get(field) {
        Some(v) => Ok(sync_ref(v, kind)),
        None => Err(errors::nil_deref(&ctx.prog())),
    }
}

/// What the handle field `v` of a library struct of `kind` holds, if it holds anything: in a
/// struct real mode's executors share, the hub's handle, an integer (see `Heap::encode`).
pub fn sync_ref(v: &Value, kind: HandleKind) -> Option<SyncRef> {
    match v {
        Value::Sync(r) => Some(*r),
        v => plus_one(v).map(|h| SyncRef::Own(kind, h)),
    }
}

/// The handle an integer handle field holds (the handle plus one; 0 for none).
fn plus_one(v: &Value) -> Option<u32> {
    match v {
        Value::Int(h) if *h > 0 => Some((*h - 1) as u32),
        _ => None,
    }
}

/// Asks the hub for the handle in element `index` of shared object `obj`, and keeps it.
fn fetch(run: Rc<Run>, obj: ObjId, index: u32, kind: HandleKind) -> Flow {
    Flow::Retry(Box::pin(async move {
        let question = Question::Handle { obj, index, kind };
        // The hub's write of the handle arrives first, with the answer: the call runs again
        // and finds it.
        let answer = memory::ask(Data::of(&question)).await;
        answer_of(&run, answer)
            .map(|_| ())
            .map_err(|why| memory_error(&run, why))
    }))
}

/// The hub's answer to a question about shared memory, as a value here.
pub fn answer_of(run: &Run, answer: Data) -> Result<Value, String> {
    let heap = run.heap.as_ref().ok_or("no shared heap")?;
    let w: W = answer.read()?;
    heap.borrow().decode(&w)
}

/// The panic for shared memory that failed (a message that could not be read).
pub fn memory_error(run: &Run, why: String) -> Thrown {
    errors::runtime_error(
        &run.prog,
        errors::ErrKind::String,
        format!("chanlab: real mode's shared memory: {why}"),
    )
}

/// A `time.Duration` (int64 ns) argument as the runtime's duration (negative: zero).
pub fn duration(ctx: &Ctx<'_>, i: usize) -> crate::rt::Duration {
    crate::rt::Duration::from_nanos(ctx.int(i).max(0) as u64)
}
