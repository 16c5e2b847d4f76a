//! Runtime objects held by library structs: `sync.WaitGroup`, `sync.Mutex`, `time.Timer`…
//! are Go structs with a field holding the runtime handle plus one, so that the zero value
//! (0) means "not created yet" and the first method call creates it, as Go's zero values
//! work without a constructor.

use std::rc::Rc;

use super::super::vm::errors;
use super::super::vm::gor::{Ctx, Flow, Run};
use super::super::vm::program::Thrown;
use super::super::vm::shared::{HandleKind, ObjId, Question, W};
use super::super::vm::value::{Agg, Ptr, Value};
use crate::rt::real::{memory, Data};
use crate::rt::{Mutex, WaitGroup};

/// The handle in field `field` of the struct argument `i` points to, created by `make` on
/// first use: `Ok(Ok(handle))`; or, for a struct that real mode's executors share and that
/// has none yet, `Ok(Err(flow))`: the flow fetches it from the hub, which makes one object
/// for all of them, and then the native's call runs again.
pub fn handle(
    ctx: &Ctx<'_>,
    i: usize,
    field: usize,
    kind: HandleKind,
    make: impl FnOnce() -> u64,
) -> Result<Result<u64, Flow>, Thrown> {
    let s = target(ctx, i)?;
    let at = Rc::as_ptr(s) as *const () as usize;
    let run = &ctx.g.run;
    let shared = run
        .heap
        .as_ref()
        .and_then(|heap| heap.borrow().shared_id(at));
    if let Some(h) = held(ctx, s, field)? {
        return Ok(Ok(match shared {
            Some(_) => h,
            None => own(run, s, at, field, kind, h),
        }));
    }
    if let Some(obj) = shared {
        return Ok(Err(fetch(run.clone(), obj, field as u32, kind)));
    }
    let id = make();
    keep(s, field, id);
    run.owners.borrow_mut().insert((kind, id), at);
    Ok(Ok(id))
}

/// The handle struct `s` (at address `at`) holds in field `field`, `h`, as its own. Go copies a WaitGroup's or
/// a Mutex's state with the struct that holds it (a mistake vet reports, and one programs
/// make): a struct at another address than the one that made `h` is such a copy, and gets a
/// copy of the object, made at its first use, with the original's state then. (A struct real
/// mode's executors share is not checked: its copies on each executor are one object.)
fn own(run: &Run, s: &Agg, at: usize, field: usize, kind: HandleKind, h: u64) -> u64 {
    if run.last_owner.get() == Some(((kind, h), at)) {
        return h;
    }
    let mut owners = run.owners.borrow_mut();
    let owner = *owners.entry((kind, h)).or_insert(at);
    if owner == at {
        run.last_owner.set(Some(((kind, h), at)));
        return h;
    }
    let copy = match kind {
        HandleKind::WaitGroup => u64::from(WaitGroup::from_id(h as u32).copied().id()),
        HandleKind::Mutex => u64::from(Mutex::from_id(h as u32).copied().id()),
        // Go's Cond panics when copied after first use; chanlab's copies share it.
        HandleKind::Cond => return h,
    };
    owners.insert((kind, copy), at);
    keep(s, field, copy);
    copy
}

/// Stores handle `h` in field `field` of `s`.
fn keep(s: &Agg, field: usize, h: u64) {
    if let Some(slot) = s.borrow_mut().get_mut(field) {
        *slot = Value::Int(h as i64 + 1);
    }
}

/// The handle a timer's struct holds (timers are made with theirs; a zero `Timer` or
/// `Ticker` has none).
pub fn made_handle(ctx: &Ctx<'_>, i: usize, field: usize) -> Result<Option<u64>, Thrown> {
    let s = target(ctx, i)?;
    held(ctx, s, field)
}

/// The struct argument `i` points to.
fn target<'a>(ctx: &'a Ctx<'_>, i: usize) -> Result<&'a Agg, Thrown> {
    match ctx.arg(i) {
        Value::Ptr(Ptr::Agg(s)) => Ok(s),
        _ => Err(errors::nil_deref(&ctx.prog())),
    }
}

/// The handle in field `field` of `s`, if it has one.
fn held(ctx: &Ctx<'_>, s: &Agg, field: usize) -> Result<Option<u64>, Thrown> {
    match s.borrow().get(field) {
        Some(v) => Ok(handle_in(v)),
        None => Err(errors::nil_deref(&ctx.prog())),
    }
}

/// The handle a struct's handle field `v` holds, if it holds one.
pub fn handle_in(v: &Value) -> Option<u64> {
    match v {
        Value::Int(h) if *h > 0 => Some((*h - 1) as u64),
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
