//! `runtime` and `os`: the scheduler's numbers, yielding, and exiting.

use crate::rt;

use super::{block, done, observable, pure, unit, wait};
use crate::golang::vm::errors;
use crate::golang::vm::gor::UnitOp;
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::task;
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    observable("runtime.NumGoroutine", num_goroutine),
    observable("runtime.GOMAXPROCS", gomaxprocs),
    observable("runtime.NumCPU", num_cpu),
    observable("runtime.Gosched", gosched),
    observable("runtime.Goexit", goexit),
    pure("runtime.LockOSThread", lock_os_thread),
    pure("runtime.UnlockOSThread", unlock_os_thread),
    pure("runtime.SetFinalizer", set_finalizer),
    pure("runtime.collectFinalizers", collect_finalizers),
    pure("runtime.nextFinalizer", next_finalizer),
    pure("runtime.callerPCs", caller_pcs),
    pure("runtime.pcFrame", pc_frame),
    pure("runtime.stackText", stack_text),
    observable("os.Exit", exit),
    observable("syscall.Exit", exit),
    observable("testing.goTest", go_test),
    observable("testing.captureStdout", capture_stdout),
];

fn num_goroutine(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    wait(ctx, rt::num_goroutine(), |n| vec![Value::Int(n as i64)])
}

/// `GOMAXPROCS(n)`: the previous number of processors; `n > 0` sets it (sim mode's virtual
/// processors; in real mode, the workers goroutines start on from now on).
fn gomaxprocs(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = ctx.int(0).max(0) as usize;
    wait(ctx, rt::set_gomaxprocs(n), |previous| {
        vec![Value::Int(previous as i64)]
    })
}

/// `NumCPU()`: the processors the run was given.
fn num_cpu(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    done(ctx, [Value::Int(rt::num_cpu() as i64)])
}

fn gosched(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let _ = ctx;
    unit(UnitOp::Yield(rt::gosched()))
}

/// `LockOSThread()`: chanlab's goroutines run on executors, not on threads of an operating
/// system; the count is for the report, which says "locked to thread" as Go's does.
fn lock_os_thread(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    ctx.g.thread_locks = ctx.g.thread_locks.saturating_add(1);
    Ok(Flow::Done)
}

/// `UnlockOSThread()`: undoes one `LockOSThread`, if any is left.
fn unlock_os_thread(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    ctx.g.thread_locks = ctx.g.thread_locks.saturating_sub(1);
    Ok(Flow::Done)
}

/// `Goexit()`: runs the goroutine's deferred calls, then ends it; nothing recovers it.
fn goexit(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    ctx.g.goexiting = true;
    Err(Value::Nil)
}

/// `SetFinalizer(obj, finalizer any)`: records (or with a nil finalizer, removes) the
/// object's finalizer. The arguments' registers are cleared, so that they do not keep the
/// object alive.
fn set_finalizer(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let obj = std::mem::take(&mut ctx.g.stack[ctx.base]);
    let func = std::mem::take(&mut ctx.g.stack[ctx.base + 1]);
    let Value::Iface(obj) = obj else {
        return Ok(Flow::Done);
    };
    let func = match func {
        Value::Iface(f) => f,
        _ => {
            let mut table = ctx.g.run.finalizers.borrow_mut();
            table.set(obj.val.clone(), Value::Nil, Value::Nil);
            return Ok(Flow::Done);
        }
    };
    let prog = ctx.prog();
    // A finalizer takes the object's pointer type, or an interface it satisfies.
    let takes_pointer = prog
        .types
        .name(func.ty)
        .strip_prefix("func(")
        .is_some_and(|params| params.starts_with('*'));
    let boxed = if takes_pointer {
        Value::Nil
    } else {
        Value::iface(obj.ty, obj.val.clone())
    };
    let mut table = ctx.g.run.finalizers.borrow_mut();
    table.set(obj.val.clone(), func.val.clone(), boxed);
    Ok(Flow::Done)
}

/// `collectFinalizers() int`: queues the finalizers of unreachable objects.
fn collect_finalizers(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let n = ctx.g.run.finalizers.borrow_mut().collect();
    done(ctx, [Value::Int(n as i64)])
}

/// `nextFinalizer() (f, arg, ok)`: the next queued finalizer and its argument.
fn next_finalizer(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let next = ctx.g.run.finalizers.borrow_mut().next_ready();
    match next {
        Some((f, arg)) => done(ctx, [f, arg, Value::Bool(true)]),
        None => done(ctx, [Value::Nil, Value::Nil, Value::Bool(false)]),
    }
}

fn exit(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let code = ctx.int(0) as i32;
    block(rt::os_exit(code), |never| match never {})
}

/// `callerPCs(skip, max int) []uintptr`: the program counters of the calling goroutine's
/// frames, innermost first, from its `skip`th frame (0: the function calling this), at most
/// `max` of them, ending with `runtime.goexit` as Go's do.
fn caller_pcs(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let skip = ctx.int(0).max(0) as usize;
    let max = ctx.int(1).max(0) as usize;
    let mut frames = ctx.g.frame_lines_up_to(skip.saturating_add(max));
    if frames.len() < skip.saturating_add(max) {
        frames.push((task::GOEXIT_FRAME, 0));
    }
    let pcs = frames
        .into_iter()
        .skip(skip)
        .take(max)
        .map(|(func, line)| Value::Int(task::frame_pc(func, line) as i64))
        .collect();
    done(ctx, [Value::slice(pcs)])
}

/// `pcFrame(pc uintptr) (function, file string, line int, entry uintptr, ok bool)`: the
/// frame a program counter of [`caller_pcs`] names.
fn pc_frame(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let pc = ctx.int(0) as u64;
    match task::pc_frame(&ctx.prog(), pc) {
        Some((name, file, line, entry)) => done(
            ctx,
            [
                Value::str(&name),
                Value::str(&file),
                Value::Int(line as i64),
                Value::Int(entry as i64),
                Value::Bool(true),
            ],
        ),
        None => done(
            ctx,
            [
                Value::str(""),
                Value::str(""),
                Value::Int(0),
                Value::Int(0),
                Value::Bool(false),
            ],
        ),
    }
}

/// `stackText(all bool) string`: the calling goroutine's stack as `runtime.Stack` prints it,
/// its header `goroutine N [running]:` first; with `all`, then every other goroutine's, each
/// after a blank line.
fn stack_text(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let mut lines = vec![format!("goroutine {} [running]:", rt::goid())];
    lines.extend(task::traceback_of(&ctx.g.run, ctx.g));
    if matches!(ctx.arg(0), Value::Bool(true)) {
        for stanza in rt::other_goroutines() {
            lines.push(String::new());
            lines.extend(stanza);
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    done(ctx, [Value::str(&text)])
}

/// `testing.goTest(name string, run func(*T, func(*T)), t *T, f func(*T))`: `go run(t, f)`
/// for package testing's `T.Run`, the goroutine named after the test it runs
/// (`TestTable/empty`), so that the timeline's lane and the leak list say which test it is.
fn go_test(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let name = String::from_utf8_lossy(ctx.arg(0).as_bytes()).into_owned();
    let Value::Func(run) = ctx.arg(1).clone() else {
        return Err(errors::nil_deref(&ctx.prog()));
    };
    let args = vec![ctx.arg(2).clone(), ctx.arg(3).clone()];
    let env = (!run.env.is_empty()).then(|| run.clone());
    let created = ctx.g.frame_lines_up_to(1).first().copied();
    let name = Some(rt::intern(&name));
    task::go_named(&ctx.g.run, run.func, env, args, created, name);
    done(ctx, [])
}

/// `testing.captureStdout(on bool) string`: starts capturing stdout, or stops and returns what
/// it captured (an example's output, which its `// Output:` comment is checked against).
fn capture_stdout(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let on = ctx.arg(0).as_bool();
    wait(ctx, rt::capture_stdout(on), |text| vec![Value::str(&text)])
}
