//! `sync/atomic`: each operation is one indivisible step on the variable its pointer names.
//! A goroutine never stops inside a native, so here (sim mode, and a variable only one
//! executor holds) the operation is done in place; on a variable real mode's executors share
//! (see `vm::shared`), the hub does it on the shared memory, in one order for everyone. The
//! hub's write reaches every executor, this one included, before its answer does
//! (`rt::real::memory`).

use std::rc::Rc;

use super::handles::{answer_of, memory_error};
use super::{done, pure};
use crate::golang::real;
use crate::golang::vm::errors;
use crate::golang::vm::gor::{Ctx, Flow, Run};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::shared::{AtomicOp, ObjId, Question, W};
use crate::golang::vm::value::{Ptr, Value};
use crate::rt::real::{memory, Data};

pub(super) const NATIVES: &[Native] = &[
    pure("sync/atomic.AddInt32", add::<32, true>),
    pure("sync/atomic.AddInt64", add::<64, true>),
    pure("sync/atomic.AddUint32", add::<32, false>),
    pure("sync/atomic.AddUint64", add::<64, false>),
    pure("sync/atomic.AddUintptr", add::<64, false>),
    pure("sync/atomic.LoadInt32", load),
    pure("sync/atomic.LoadInt64", load),
    pure("sync/atomic.LoadUint32", load),
    pure("sync/atomic.LoadUint64", load),
    pure("sync/atomic.LoadUintptr", load),
    pure("sync/atomic.loadAny", load),
    pure("sync/atomic.StoreInt32", store),
    pure("sync/atomic.StoreInt64", store),
    pure("sync/atomic.StoreUint32", store),
    pure("sync/atomic.StoreUint64", store),
    pure("sync/atomic.StoreUintptr", store),
    pure("sync/atomic.storeAny", store),
    pure("sync/atomic.SwapInt32", swap),
    pure("sync/atomic.SwapInt64", swap),
    pure("sync/atomic.SwapUint32", swap),
    pure("sync/atomic.SwapUint64", swap),
    pure("sync/atomic.SwapUintptr", swap),
    pure("sync/atomic.swapAny", swap),
    pure("sync/atomic.CompareAndSwapInt32", compare_and_swap),
    pure("sync/atomic.CompareAndSwapInt64", compare_and_swap),
    pure("sync/atomic.CompareAndSwapUint32", compare_and_swap),
    pure("sync/atomic.CompareAndSwapUint64", compare_and_swap),
    pure("sync/atomic.CompareAndSwapUintptr", compare_and_swap),
    pure("sync/atomic.compareAndSwapAny", compare_and_swap),
];

/// The variable argument 0 points to, and where it is in real mode's shared memory if the
/// executors share it.
fn target(ctx: &Ctx<'_>) -> Result<(Ptr, Option<(ObjId, u32)>), Thrown> {
    let Value::Ptr(p) = ctx.arg(0) else {
        return Err(errors::nil_deref(&ctx.prog()));
    };
    let shared = ctx.g.run.heap.as_ref().and_then(|heap| {
        let heap = heap.borrow();
        match p {
            Ptr::Cell(c) => heap
                .shared_id(Rc::as_ptr(c) as *const () as usize)
                .map(|id| (id, 0)),
            Ptr::Elem(a, i) => heap
                .shared_id(Rc::as_ptr(a) as *const () as usize)
                .map(|id| (id, *i)),
            Ptr::Agg(_) => None,
        }
    });
    Ok((p.clone(), shared))
}

/// Does `op` on the hub for the shared variable at `(obj, index)`; `results` makes the
/// native's results from the hub's answer (as a value here).
fn on_hub(
    ctx: &mut Ctx<'_>,
    (obj, index): (ObjId, u32),
    op: AtomicOp,
    results: impl FnOnce(Value) -> Vec<Value> + 'static,
) -> Result<Flow, Thrown> {
    // One of the hub's own goroutines: done in place.
    let op = match real::atomic_on_hub(obj, index, op) {
        Ok(done) => return in_place(ctx, (obj, index), done, results),
        Err(op) => op,
    };
    let run: Rc<Run> = ctx.g.run.clone();
    let question = Question::Atomic { obj, index, op };
    Ok(Flow::Block(Box::pin(async move {
        let answer = memory::ask(Data::of(&question)).await;
        answer_of(&run, answer)
            .map(results)
            .map_err(|why| memory_error(&run, why))
    })))
}

/// The results of an atomic operation one of the hub's own goroutines did in place on the
/// shared variable at `(obj, index)`: its `answer`, and the variable's `new` value, which
/// this copy of the heap takes.
fn in_place(
    ctx: &mut Ctx<'_>,
    (obj, index): (ObjId, u32),
    (answer, new): (W, Option<W>),
    results: impl FnOnce(Value) -> Vec<Value>,
) -> Result<Flow, Thrown> {
    let run = ctx.g.run.clone();
    let fail = |why| memory_error(&run, why);
    let heap = run
        .heap
        .as_ref()
        .ok_or_else(|| fail("no shared heap".into()))?;
    let answer = heap.borrow().decode(&answer).map_err(fail)?;
    if let Some(new) = new {
        let mut heap = heap.borrow_mut();
        let new = heap.decode(&new).map_err(fail)?;
        heap.set_known(obj, index, new, &run.globals)
            .map_err(fail)?;
    }
    done(ctx, results(answer))
}

/// `x` with the wrap-around of an integer of `BITS` bits.
fn wrap<const BITS: u8, const SIGNED: bool>(x: i64) -> i64 {
    match (BITS, SIGNED) {
        (32, true) => x as i32 as i64,
        (32, false) => x as u32 as i64,
        _ => x,
    }
}

fn add<const BITS: u8, const SIGNED: bool>(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let delta = ctx.int(1);
    let (p, shared) = target(ctx)?;
    if let Some(at) = shared {
        let op = AtomicOp::Add {
            delta,
            bits: BITS,
            signed: SIGNED,
        };
        return on_hub(ctx, at, op, |new| vec![new]);
    }
    let new = Value::Int(wrap::<BITS, SIGNED>(p.load().as_int().wrapping_add(delta)));
    p.store(new.clone());
    done(ctx, [new])
}

fn load(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (p, shared) = target(ctx)?;
    if let Some(at) = shared {
        return on_hub(ctx, at, AtomicOp::Load, |v| vec![v]);
    }
    done(ctx, [p.load()])
}

fn store(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let v = ctx.arg(1).clone();
    let (p, shared) = target(ctx)?;
    if let Some(at) = shared {
        let w = encode(ctx, &v);
        return on_hub(ctx, at, AtomicOp::Store(w), |_| Vec::new());
    }
    p.store(v);
    Ok(Flow::Done)
}

fn swap(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let v = ctx.arg(1).clone();
    let (p, shared) = target(ctx)?;
    if let Some(at) = shared {
        let w = encode(ctx, &v);
        return on_hub(ctx, at, AtomicOp::Swap(w), |old| vec![old]);
    }
    let old = p.load();
    p.store(v);
    done(ctx, [old])
}

fn compare_and_swap(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let (old, new) = (ctx.arg(1).clone(), ctx.arg(2).clone());
    let (p, shared) = target(ctx)?;
    if let Some(at) = shared {
        let op = AtomicOp::CompareAndSwap {
            old: encode(ctx, &old),
            new: encode(ctx, &new),
        };
        return on_hub(ctx, at, op, |swapped| vec![swapped]);
    }
    let swapped = p.load().go_eq(&old).unwrap_or(false);
    if swapped {
        p.store(new);
    }
    done(ctx, [Value::Bool(swapped)])
}

/// `v` as it travels (the executor's shared heap exists: the variable is shared).
fn encode(ctx: &Ctx<'_>, v: &Value) -> crate::golang::vm::shared::W {
    match &ctx.g.run.heap {
        Some(heap) => heap.borrow_mut().encode(v, false),
        None => crate::golang::vm::shared::W::N,
    }
}
