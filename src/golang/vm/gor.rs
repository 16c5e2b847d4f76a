//! A goroutine of an interpreted program: its registers, frames, deferred calls and panics,
//! and the runtime operation it waits on.
//!
//! The instruction loop is `exec` (in `exec.rs`); this file holds the state it works on and
//! the protocols around it: calls and returns, `defer`, panics and `recover`, calls from
//! natives back into Go, and waiting on the runtime.
//!
//! # States
//! Running instructions → waiting (`pending` holds a runtime operation; the task returns
//! `Pending`) → running … → done (its last frame returned) or dead (a panic unwound every
//! frame: the run ends with it).
//!
//! # Invariants
//! - `stack.len() >= frame.base + func.nregs` for every frame.
//! - A deferred call of frame `i` is in `defers` with `frame == i`, in the order deferred;
//!   frames above `i` have their own above it.
//! - `panics` holds the panics in flight, newest last; a frame with `unwinding` set is running
//!   its deferred calls because of the newest.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::hash::{Hash, Hasher};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll, Waker};

use crate::golang::fxhash::FxHasher;
use crate::rt;
use crate::rt::futures::Routed;

use super::cost;
use super::errors;
use super::exec::poll_once;
use super::instr::Instr;
use super::program::{Program, Thrown, RANGE_PANICKED};
use super::task::MAX_TRACEBACK_FRAMES;
use super::types::MethodId;
use super::value::{Closure, Ptr, Value};

/// Frames a goroutine may have: with [`MAX_STACK`], Go's 1 GB stack limit in this
/// interpreter's terms (a recursion a million calls deep, as Go allows for small frames).
pub const MAX_FRAMES: usize = 1_000_000;

/// Registers a goroutine's frames may hold together (128 MB of values).
pub const MAX_STACK: usize = 4 << 20;

/// Calls from the library back into the program (fmt calling a `String` or `Error` method, a
/// sort its less function, json a `MarshalJSON`) that may be nested in each other. Each
/// recurses on the host's stack, which in the browser is the worker's (V8 allows it about a
/// megabyte: fmt's path, the deepest, overflowed it between 300 and 400 levels); a deeper
/// nesting is Go's stack overflow, as an endless recursion through fmt is in Go (a `String`
/// method that prints its own value with `%v`).
pub const MAX_NESTED: u32 = 100;

/// State shared by every goroutine of one run.
pub struct Run {
    pub prog: Rc<Program>,
    pub globals: RefCell<Vec<Value>>,
    /// Stacks and frame lists of finished goroutines, for new ones (a goroutine's start
    /// costs no allocation for them then).
    pub spare: RefCell<Vec<(Vec<Value>, Vec<Frame>)>>,
    /// `runtime.SetFinalizer`'s objects.
    pub finalizers: RefCell<super::finalizers::Finalizers>,
    /// Real mode: this executor's copy of the heap its goroutines share with the others'.
    pub heap: Option<Rc<RefCell<super::shared::Heap>>>,
    /// Whether the run is in real mode, once a goroutine has asked ([`Run::real`]).
    pub real: Cell<Option<bool>>,
    /// The first bytes of a character that a write to stdout (0) or stderr (1) cut short,
    /// kept for the write that completes it: Go's streams carry bytes, the run's output is
    /// text (see `bind::os::print_bytes`).
    pub cut_short: RefCell<[Vec<u8>; 2]>,
}

impl Run {
    /// Spare goroutine stacks kept at most.
    const SPARE: usize = 256;

    /// Whether the run is in real mode, where its clock is the wall clock. Asked of the
    /// runtime once, from a goroutine.
    pub fn real(&self) -> bool {
        match self.real.get() {
            Some(real) => real,
            None => {
                let real = crate::rt::real_clock().is_some();
                self.real.set(Some(real));
                real
            }
        }
    }

    /// Whether this run is real mode's on one of its executors (not the hub, where the
    /// objects are).
    pub fn on_executor(&self) -> bool {
        self.heap
            .as_ref()
            .is_some_and(|heap| heap.borrow().worker() != 0)
    }

    /// An empty stack for a new goroutine (a finished goroutine's, if there is one).
    pub fn spare_stack(&self) -> Vec<Value> {
        match self.spare.borrow_mut().last_mut() {
            Some((stack, _)) => std::mem::take(stack),
            None => Vec::with_capacity(16),
        }
    }

    /// An empty frame list for a new goroutine; the entry [`Run::spare_stack`] emptied goes.
    fn spare_frames(&self) -> Vec<Frame> {
        let mut spare = self.spare.borrow_mut();
        match spare.last() {
            Some((stack, _)) if stack.capacity() == 0 => {
                spare.pop().map(|(_, frames)| frames).unwrap_or_default()
            }
            _ => Vec::with_capacity(4),
        }
    }

    /// Keeps a finished goroutine's stack and frames for the next one.
    pub fn give_back(&self, mut stack: Vec<Value>, mut frames: Vec<Frame>) {
        let mut spare = self.spare.borrow_mut();
        if spare.len() < Self::SPARE && stack.capacity() > 0 {
            stack.clear();
            frames.clear();
            spare.push((stack, frames));
        }
    }
}

/// One call in progress.
#[derive(Clone)]
pub struct Frame {
    pub func: u32,
    /// The next instruction (while the frame runs, the loop keeps it in a local).
    pub pc: u32,
    /// Absolute index of register 0 in the stack.
    pub base: u32,
    /// The closure being run, for its captured variables.
    pub env: Option<Rc<Closure>>,
    /// Started by a panic's unwinding as a deferred call: the number of panics in flight
    /// then (0 otherwise). `recover` in it recovers only while that panic is the newest,
    /// as Go's recover only answers the panic that called the deferred function.
    pub recover_depth: u16,
    /// Called by a native: its return ends the nested run (see [`Gor::call_value`]).
    pub boundary: bool,
    /// Running its deferred calls because of a panic.
    pub unwinding: bool,
}

impl Frame {
    /// In `pc`: the frame runs instruction `pc` again when it resumes (a `Ret` running the
    /// deferred calls, an instruction waiting for its goroutine's CPU time to be paid),
    /// rather than the instruction after a call in progress.
    const AGAIN: u32 = 1 << 31;

    /// The instruction the frame resumes at.
    pub fn next_pc(&self) -> usize {
        (self.pc & !Self::AGAIN) as usize
    }

    /// Makes the frame resume by running instruction `pc` again.
    pub fn again_at(&mut self, pc: usize) {
        self.pc = pc as u32 | Self::AGAIN;
    }

    /// The instruction the frame is at: the call in progress, or the one it runs again.
    pub fn at(&self) -> usize {
        if self.pc & Self::AGAIN != 0 {
            self.next_pc()
        } else {
            self.next_pc().saturating_sub(1)
        }
    }
}

/// What a deferred call calls.
#[derive(Clone)]
pub enum Target {
    /// A nil function value: the deferred call panics.
    Nil,
    Func(u32),
    Closure(Rc<Closure>),
    /// Method `m` of the interface in the first argument.
    Method(MethodId),
    Native(u32),
}

/// A call deferred by frame `frame`.
pub struct Deferred {
    pub frame: u32,
    pub target: Target,
    pub args: Vec<Value>,
}

/// Deferred calls that nothing can see run when a goroutine's panic ends the run: a
/// `defer wg.Done()` or `defer mu.Unlock()` (the goroutine they wake would run after it).
const QUIET_DEFERS: &[&str] = &[
    "sync.WaitGroup.Done",
    "sync.Mutex.Unlock",
    "sync.(*RWMutex).Unlock",
    "sync.(*RWMutex).RUnlock",
];

impl Deferred {
    /// Whether it is one of [`QUIET_DEFERS`].
    fn is_quiet(&self, prog: &Program) -> bool {
        let name = match self.target {
            Target::Native(n) => prog.natives[n as usize].name,
            Target::Func(f) => &prog.funcs[f as usize].name,
            _ => return false,
        };
        QUIET_DEFERS.contains(&name)
    }
}

/// A panic in flight.
pub struct PanicRec {
    pub value: Thrown,
    pub recovered: bool,
    /// `runtime.Goexit` unwinding the goroutine: nothing recovers it, and a panic a deferred
    /// call raises on top of it is a panic as any other.
    pub goexit: bool,
    /// The index of the frame it started in.
    pub depth: usize,
    /// The stack where it started ([`Gor::frame_lines`]): Go's traceback if it kills the
    /// goroutine.
    pub frames: Vec<(u32, u32)>,
}

/// In [`Gor::frame_lines`], the runtime's `panic` frame: it runs the deferred calls of the
/// frame below it, which is unwinding, so a deferred call's frame is printed above it, as Go
/// prints it.
pub const PANIC_FRAME: u32 = u32::MAX;
/// In [`Gor::frame_lines`], `runtime.Goexit`'s frame: it runs the deferred calls of the
/// goroutine it ends, as `panic` does.
pub const GOEXIT_CALL_FRAME: u32 = u32::MAX - 2;

/// A runtime operation without a result that natives often wait on, kept without boxing.
pub enum UnitOp {
    WgAdd(Routed<rt::futures::WgAdd>),
    Close(Routed<rt::futures::Close<Value>>),
    WgWait(Routed<rt::futures::WgWait>),
    Sleep(Routed<rt::futures::Sleep>),
    Yield(rt::futures::Yield),
}

impl UnitOp {
    /// Whether the runtime may raise a Go panic in it (a counter below zero, a WaitGroup
    /// reused before its Wait returned, a closed channel).
    fn may_panic(&self) -> bool {
        matches!(
            self,
            UnitOp::WgAdd(_) | UnitOp::WgWait(_) | UnitOp::Close(_)
        )
    }

    fn poll(&mut self, cx: &mut TaskContext<'_>) -> Poll<()> {
        match self {
            UnitOp::WgAdd(f) => Pin::new(f).poll(cx),
            UnitOp::Close(f) => Pin::new(f).poll(cx),
            UnitOp::WgWait(f) => Pin::new(f).poll(cx),
            UnitOp::Sleep(f) => Pin::new(f).poll(cx),
            UnitOp::Yield(f) => Pin::new(f).poll(cx),
        }
    }
}

/// A runtime operation the goroutine waits on, and where its result goes.
pub enum Pending {
    None,
    Unit(UnitOp),
    Send(Routed<rt::futures::Send<Value>>),
    /// A receive into register `dst` (absolute).
    Recv {
        fut: Routed<rt::futures::Recv<Value>>,
        dst: usize,
        into: Received,
    },
    Select {
        fut: Routed<rt::futures::Wait>,
        sel: u32,
        dst: usize,
        /// The frame's base, for the cases' destination registers.
        base: usize,
    },
    /// Paying the goroutine's CPU debt; the instruction at the frame's pc runs next.
    Cpu(rt::CpuTime),
    /// A native's operation; its results go to registers from `base` (absolute).
    Native {
        fut: Pin<Box<dyn Future<Output = Result<Vec<Value>, Thrown>>>>,
        base: usize,
    },
    /// What a native needs before it can run (see [`Flow::Retry`]); the native's call runs
    /// again next.
    Retry(Pin<Box<dyn Future<Output = Result<(), Thrown>>>>),
}

/// What a receive that waited does with what it got, besides putting a value in its register.
#[derive(Clone, Copy)]
pub enum Received {
    /// `v := <-ch`, `v, ok := <-ch` (`ok` in the next register): a closed channel gives
    /// constant `zero`.
    Value { ok: bool, zero: u32 },
    /// A range loop's receive ([`Instr::RangeRecv`]): a value sends the frame to `body`; a
    /// closed channel leaves the register as it is and ends the loop.
    ///
    /// [`Instr::RangeRecv`]: super::instr::Instr::RangeRecv
    Range { body: u32 },
}

/// How a run of instructions stopped.
pub enum Exit {
    /// The goroutine's last frame returned.
    Done,
    /// It waits on `pending`.
    Blocked,
    /// A boundary frame returned (a nested call is over).
    Returned,
    /// A panic reached a boundary frame (a nested call panicked).
    Threw(Thrown),
    /// A panic unwound every frame; the run ends with it (already reported to the runtime).
    Died,
}

/// A native's outcome.
pub enum Flow {
    Done,
    /// Wait for this, then write its results from the call's base.
    Block(Pin<Box<dyn Future<Output = Result<Vec<Value>, Thrown>>>>),
    /// The same, polled once already (it parked the goroutine): wait for the wake-up.
    Parked(Pin<Box<dyn Future<Output = Result<Vec<Value>, Thrown>>>>),
    /// Wait for this operation without results.
    Unit(UnitOp),
    /// Wait for this (it fetches what the native needs: a runtime handle kept in real mode's
    /// shared memory), then call the native again. Precondition: the future parks the
    /// goroutine when first polled (it asks the hub).
    Retry(Pin<Box<dyn Future<Output = Result<(), Thrown>>>>),
}

/// A native's view of its call: its arguments, its results, and the goroutine.
pub struct Ctx<'a> {
    pub g: &'a mut Gor,
    /// Absolute index of the first argument (and of the first result).
    pub base: usize,
    pub nargs: usize,
}

impl Ctx<'_> {
    pub fn arg(&self, i: usize) -> &Value {
        &self.g.stack[self.base + i]
    }

    pub fn int(&self, i: usize) -> i64 {
        self.arg(i).as_int()
    }

    pub fn ret(&mut self, i: usize, v: Value) {
        let at = self.base + i;
        if self.g.stack.len() <= at {
            self.g.stack.resize(at + 1, Value::Nil);
        }
        self.g.stack[at] = v;
    }

    pub fn prog(&self) -> Rc<Program> {
        self.g.run.prog.clone()
    }

    /// Calls Go function value `f` (a nested call, which may not block).
    pub fn call(
        &mut self,
        f: &Value,
        args: &[Value],
        nresults: usize,
    ) -> Result<Vec<Value>, Thrown> {
        self.g.call_value(f, args, nresults)
    }

    /// [`Ctx::call`], `f` standing for the function whose frame runs the native: when that
    /// frame is a deferred call of a panic, `recover` in `f` recovers it (reflect's functions
    /// made by `MakeFunc`, whose frame only passes their arguments on).
    pub fn call_in_frame(
        &mut self,
        f: &Value,
        args: &[Value],
        nresults: usize,
    ) -> Result<Vec<Value>, Thrown> {
        let depth = self.g.frames.last().map_or(0, |f| f.recover_depth);
        self.g.call_value_at(f, args, nresults, depth)
    }
}

/// A goroutine.
pub struct Gor {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub defers: Vec<Deferred>,
    pub panics: Vec<PanicRec>,
    /// CPU time used and not yet paid for, in picoseconds (sim mode's clock; see `cost`).
    pub debt: u64,
    /// Nested calls from natives in progress (they may not wait, so they do not pay).
    pub nested: u32,
    pub pending: Pending,
    pub run: Rc<Run>,
    /// The function and line of the `go` statement that started it.
    pub created: Option<(u32, u32)>,
    /// Its frames (function, line) when a panic killed it, for the report.
    pub died_in: Option<Vec<(u32, u32)>>,
    /// `runtime.Goexit` is unwinding it: deferred calls run, `recover` gives nil, and the
    /// goroutine ends without a panic.
    pub goexiting: bool,
    /// `runtime.LockOSThread` calls not undone by `UnlockOSThread` (nothing is wired to a
    /// thread here; Go's report says "locked to thread").
    pub thread_locks: u32,
}

impl Gor {
    /// A goroutine about to call `func` (with closure `env`) on `args`.
    pub fn new(run: Rc<Run>, func: u32, env: Option<Rc<Closure>>, args: Vec<Value>) -> Gor {
        let nregs = run.prog.funcs[func as usize].nregs as usize;
        let mut stack = args;
        stack.resize(nregs.max(stack.len()), Value::Nil);
        let mut frames = run.spare_frames();
        frames.push(Frame {
            func,
            pc: 0,
            base: 0,
            env,
            recover_depth: 0,
            boundary: false,
            unwinding: false,
        });
        Gor {
            stack,
            frames,
            defers: Vec::new(),
            panics: Vec::new(),
            debt: 0,
            nested: 0,
            pending: Pending::None,
            run,
            created: None,
            died_in: None,
            goexiting: false,
            thread_locks: 0,
        }
    }

    /// Pushes a frame calling `func` with its registers from `base` (its arguments are
    /// there). Errors with Go's stack overflow when too deep.
    pub fn push_frame(
        &mut self,
        func: u32,
        base: usize,
        env: Option<Rc<Closure>>,
        recover_depth: u16,
    ) -> Result<(), StackOverflow> {
        let nregs = self.run.prog.funcs[func as usize].nregs as usize;
        if self.frames.len() >= MAX_FRAMES || base + nregs > MAX_STACK {
            return Err(StackOverflow);
        }
        if self.stack.len() < base + nregs {
            self.stack.resize(base + nregs, Value::Nil);
        }
        self.frames.push(Frame {
            func,
            pc: 0,
            base: base as u32,
            env,
            recover_depth,
            boundary: false,
            unwinding: false,
        });
        self.debt += cost::CALL;
        Ok(())
    }

    /// The first register above the top frame's: where a call made outside the frame's own
    /// registers (a deferred call, a native's callback) puts its arguments.
    pub fn top_free(&self) -> usize {
        match self.frames.last() {
            Some(f) => f.base as usize + self.run.prog.funcs[f.func as usize].nregs as usize,
            None => 0,
        }
    }

    /// Starts a Go panic with `value` in the running frame.
    pub fn throw(&mut self, value: Thrown) {
        self.throw_from(value, self.native_at_top());
    }

    /// Starts a Go panic with `value` in the running frame, raised by the native named
    /// `native` if one raised it (a call of the frame's, or a deferred call the frame runs).
    pub fn throw_from(&mut self, value: Thrown, native: Option<&'static str>) {
        // Where it happened, for the report if nothing recovers it: under the library's
        // frames Go shows when a native raised it.
        let mut frames = Vec::new();
        if !(self.frames.last().is_some_and(|f| f.unwinding) && self.under_panic(&mut frames)) {
            frames = self.frame_lines();
        }
        if let Some(native) = native {
            let above = super::task::library_frames(native, &value);
            frames.splice(0..0, above.iter().map(|&id| (id, 0)));
        }
        // `Goexit` sets `goexiting` and throws once; a panic thrown later is a panic.
        let goexit = self.goexiting && !self.panics.iter().any(|p| p.goexit);
        self.panics.push(PanicRec {
            value,
            recovered: false,
            goexit,
            depth: self.frames.len().saturating_sub(1),
            frames,
        });
        if let Some(f) = self.frames.last_mut() {
            f.unwinding = true;
        }
    }

    /// The Go name of the native the goroutine waits in, if it waits in one (its top frame
    /// stopped just after the call).
    pub fn waiting_native(&self) -> Option<&'static str> {
        if !matches!(
            self.pending,
            Pending::Native { .. } | Pending::Unit(_) | Pending::Retry(_)
        ) {
            return None;
        }
        self.native_at_top()
    }

    /// The Go name of the native the top frame called last, if its call is where the frame
    /// stopped.
    fn native_at_top(&self) -> Option<&'static str> {
        let f = self.frames.last()?;
        let code = &self.run.prog.funcs.get(f.func as usize)?.code;
        if f.pc == 0 {
            return None;
        }
        match code.get(f.at())? {
            Instr::Native { n, .. } => Some(self.run.prog.natives.get(*n as usize)?.name),
            _ => None,
        }
    }

    /// The goroutine's stack as Go's traceback shows it, innermost first, as many frames as a
    /// traceback prints and one more (a panic keeps them, and a recursion a million calls
    /// deep may panic again in each of its deferred calls). Go unwinds nothing while it
    /// panics: it runs a deferred call on top of the stack where the panic started. So under
    /// a deferred call that a panic runs come the runtime's `panic` frame ([`PANIC_FRAME`])
    /// and that panic's stack, frames this VM has already popped included.
    /// A method's wrapper is left out but where it panicked itself, as Go leaves it out.
    pub fn frame_lines(&self) -> Vec<(u32, u32)> {
        self.frame_lines_up_to(MAX_TRACEBACK_FRAMES + 1)
    }

    /// [`Gor::frame_lines`], at most `kept` frames (`runtime.Callers` asks for as many as its
    /// buffer holds).
    pub fn frame_lines_up_to(&self, kept: usize) -> Vec<(u32, u32)> {
        let prog = &self.run.prog;
        let top = self.frames.len().saturating_sub(1);
        let mut lines = Vec::with_capacity(self.frames.len().min(kept));
        for (i, f) in self.frames.iter().enumerate().rev() {
            if lines.len() >= kept {
                break;
            }
            if f.unwinding && i < top && self.under_panic(&mut lines) {
                break;
            }
            if i < top && prog.funcs[f.func as usize].is_method_wrapper() {
                continue;
            }
            // A function that has not run yet is at its entry: Go names its declaration's
            // line (a goroutine not started yet, a call that found the stack full).
            let line = match f.pc {
                0 => prog.funcs[f.func as usize].line,
                _ => prog.line(f.func, f.at()),
            };
            lines.push((f.func, line));
        }
        lines.truncate(kept);
        lines
    }

    /// Adds the frames under a call that the newest panic's deferral runs, if a panic is on:
    /// the runtime's `panic` (or `Goexit`) and the stack where the panic started. A deferred
    /// call that runs without a frame of its own (a native, a nil function) runs on them too.
    fn under_panic(&self, lines: &mut Vec<(u32, u32)>) -> bool {
        let Some(p) = self.panics.last() else {
            return false;
        };
        let frame = if p.goexit {
            GOEXIT_CALL_FRAME
        } else {
            PANIC_FRAME
        };
        lines.push((frame, 0));
        lines.extend_from_slice(&p.frames);
        true
    }

    /// `recover()` in the running frame: the newest panic's value if this frame was called
    /// directly by `defer` while it unwinds, else nil.
    pub fn recover(&mut self) -> Value {
        if self.panics.last().is_some_and(|p| p.goexit) {
            return Value::Nil;
        }
        let Some(mut top) = self.frames.len().checked_sub(1) else {
            return Value::Nil;
        };
        let funcs = &self.run.prog.funcs;
        if funcs[self.frames[top].func as usize].wrapper && top > 0 {
            // `defer recover()`: recover acts for the function that deferred it.
            top -= 1;
        }
        // A method deferred through its wrapper (`defer i.M()`, a value method through a
        // pointer): the wrapper was the deferred call.
        while top > 0 && funcs[self.frames[top - 1].func as usize].is_method_wrapper() {
            top -= 1;
        }
        let depth = self.frames[top].recover_depth as usize;
        if depth == 0 || depth != self.panics.len() {
            return Value::Nil;
        }
        match self.panics.last_mut() {
            Some(p) if !p.recovered => {
                p.recovered = true;
                p.value.clone()
            }
            _ => Value::Nil,
        }
    }

    /// One step of unwinding the top frame, which has `unwinding` set. Returns `None` to go
    /// on running instructions (a deferred call started, or a recovered frame returns), or
    /// how the run of instructions ends.
    pub fn unwind(&mut self) -> Option<Exit> {
        loop {
            let Some(top) = self.frames.len().checked_sub(1) else {
                return Some(self.die());
            };
            // A deferred call of this frame recovered the panic: the frame returns normally
            // (running the rest of its deferred calls), from its last instruction, a `Ret`.
            // Panics started in this frame or deeper are over with it (Go calls the older ones
            // aborted); one started further out goes on once this frame has returned.
            if self.panics.last().is_some_and(|p| p.recovered) {
                self.panics.pop();
                self.end_aborted_panics(top);
                let f = &mut self.frames[top];
                f.unwinding = false;
                let last = self.run.prog.funcs[f.func as usize].code.len() - 1;
                f.again_at(last);
                return None;
            }
            if self.frames[top].boundary && !self.has_defer(top) {
                // A nested call panicked: its caller (a native) gets the panic.
                self.frames.pop();
                let value = self.panics.pop().map(|p| p.value).unwrap_or_default();
                return Some(Exit::Threw(value));
            }
            if self.has_defer(top) {
                if let Err(exit) = self.run_deferred(top) {
                    return Some(exit);
                }
                if self.frames.len() > top + 1 {
                    return None; // the deferred function runs now
                }
                continue; // a native deferred call finished at once
            }
            if let Some(f) = self.frames.pop() {
                self.left_by_panic(&f);
            }
            if let Some(f) = self.frames.last_mut() {
                f.unwinding = true;
            }
        }
    }

    /// A deferred call of frame `top` recovered the newest panic: the panics started while
    /// the deferred call that `top` runs in (or is) ran are over with it (Go calls them
    /// aborted). The older ones, whose unwinding started that deferred call, go on once it
    /// has returned, though a frame they left may since have been replaced at its index.
    fn end_aborted_panics(&mut self, top: usize) {
        let started_by = self.frames[..=top]
            .iter()
            .rev()
            .map(|f| f.recover_depth)
            .find(|&d| d > 0);
        match started_by {
            Some(u16::MAX) => self.panics.retain(|p| p.depth < top),
            Some(older) => self.panics.truncate(older as usize),
            None => self.panics.clear(),
        }
    }

    /// Frame `f`, just popped by a panic: when it ran the body of a loop over a function, its
    /// loop's state says so, so that an iterator that recovers the panic and goes on panics
    /// as Go's does.
    fn left_by_panic(&mut self, f: &Frame) {
        let Some(reg) = self.run.prog.funcs[f.func as usize].range_state else {
            return;
        };
        if let Some(Value::Ptr(Ptr::Cell(cell))) = self.stack.get(f.base as usize + reg as usize) {
            *cell.borrow_mut() = Value::Int(i64::from(RANGE_PANICKED));
        }
    }

    /// Real mode, on an executor: says how the operation this goroutine asks the hub next
    /// goes on if it answers nothing (see [`rt::real::next_op_from`]): at once, from here,
    /// unless a deferred call of its own could see a panic the operation raises (recover it,
    /// or show something before the run ends: any call but the quiet ones, see
    /// [`Deferred::is_quiet`]); then it waits for the answer. A goroutine that panics
    /// goes on at once: its deferred calls run, and its panic reaches the hub right after
    /// what they asked, as Go's reaches the end of the program before a goroutine that a
    /// deferred `wg.Done()` woke.
    pub fn before_hub_op(&self) {
        if !self.run.on_executor() {
            return;
        }
        let prog = &self.run.prog;
        if self.panics.is_empty() && !self.defers.iter().all(|d| d.is_quiet(prog)) {
            rt::real::next_op_waits();
            return;
        }
        // Its place: its frames' functions and instructions, hashed (a loop's operation is
        // at the same place every time, and its site is made and sent once).
        let mut place = FxHasher::default();
        self.panics.len().hash(&mut place);
        for f in &self.frames {
            (f.func, f.pc).hash(&mut place);
        }
        rt::real::next_op_from(place.finish() | 1, || {
            rt::real::Data::of(&super::task::Site::of(self))
        });
    }

    pub fn has_defer(&self, frame: usize) -> bool {
        self.defers
            .last()
            .is_some_and(|d| d.frame as usize == frame)
    }

    /// Starts the newest deferred call of frame `frame` (the top frame): pushes its frame, or
    /// runs a native at once. `Err` when the goroutine must stop (a native blocked).
    pub fn run_deferred(&mut self, frame: usize) -> Result<(), Exit> {
        let Some(d) = self.defers.pop() else {
            return Ok(());
        };
        debug_assert_eq!(d.frame as usize, frame);
        let base = self.top_free();
        let nargs = d.args.len();
        if self.stack.len() < base + nargs.max(1) {
            self.stack.resize(base + nargs.max(1), Value::Nil);
        }
        for (i, v) in d.args.into_iter().enumerate() {
            self.stack[base + i] = v;
        }
        let (func, env) = match d.target {
            Target::Nil => {
                // `defer f()` with a nil f panics when the call runs.
                let thrown = errors::nil_deref(&self.run.prog);
                self.throw(thrown);
                return Ok(());
            }
            Target::Func(f) => (f, None),
            Target::Closure(c) => (c.func, Some(c)),
            Target::Method(m) => match self.resolve_method(base, m) {
                Ok(f) => (f, None),
                Err(thrown) => {
                    self.throw(thrown);
                    return Ok(());
                }
            },
            Target::Native(n) => {
                return match self.call_native(n, base, nargs) {
                    Ok(()) => Ok(()),
                    Err(Some(thrown)) => {
                        let name = self.run.prog.natives[n as usize].name;
                        self.throw_from(thrown, Some(name));
                        Ok(())
                    }
                    Err(None) => Err(Exit::Blocked),
                };
            }
        };
        let depth = if self.frames[frame].unwinding {
            self.panics.len().min(u16::MAX as usize) as u16
        } else {
            0
        };
        if self.push_frame(func, base, env, depth).is_err() {
            return Err(self.stack_overflow(Some(func)));
        }
        Ok(())
    }

    /// For an interface method call with the interface at `base`: replaces it by its dynamic
    /// value (the receiver) and returns the method's function.
    pub fn resolve_method(&mut self, base: usize, m: MethodId) -> Result<u32, Thrown> {
        let prog = self.run.prog.clone();
        let Value::Iface(iface) = &self.stack[base] else {
            return Err(errors::nil_deref(&prog));
        };
        let Some(func) = prog.types.method(iface.ty, m) else {
            return Err(errors::runtime_error(
                &prog,
                errors::ErrKind::String,
                format!(
                    "chanlab: type {} has no method {}",
                    prog.types.name(iface.ty),
                    prog.types.method_short_name(m)
                ),
            ));
        };
        let receiver = iface.val.copy();
        self.stack[base] = receiver;
        Ok(func)
    }

    /// Calls native `n` on the arguments from `base`. `Err(None)`: it blocked (now pending).
    pub fn call_native(&mut self, n: u32, base: usize, nargs: usize) -> Result<(), Option<Thrown>> {
        let native = self.run.prog.natives[n as usize];
        let flow = {
            let mut ctx = Ctx {
                g: self,
                base,
                nargs,
            };
            (native.f)(&mut ctx)
        };
        match flow {
            Ok(Flow::Done) => Ok(()),
            Ok(Flow::Block(fut)) => {
                if self.nested > 0 && self.run.on_executor() {
                    return Err(Some(self.cannot_wait_here()));
                }
                self.pending = Pending::Native { fut, base };
                match self.poll_pending() {
                    PollOutcome::Ready => Ok(()),
                    PollOutcome::Waiting if self.nested > 0 => {
                        self.pending = Pending::None;
                        Err(Some(self.give_up_wait()))
                    }
                    PollOutcome::Waiting => Err(None),
                    PollOutcome::Panicked(thrown) => Err(Some(thrown)),
                }
            }
            Ok(Flow::Unit(mut op)) => {
                if self.nested > 0 && self.run.on_executor() {
                    return Err(Some(self.cannot_wait_here()));
                }
                let mut cx = TaskContext::from_waker(Waker::noop());
                if op.poll(&mut cx).is_ready() {
                    return Ok(());
                }
                if op.may_panic() {
                    if let Some(message) = rt::take_panic() {
                        return Err(Some(errors::from_runtime(&self.run.prog, message)));
                    }
                }
                if self.nested > 0 {
                    return Err(Some(self.give_up_wait()));
                }
                self.keep_pending(Pending::Unit(op));
                Err(None)
            }
            Ok(Flow::Retry(fut)) => {
                if self.nested > 0 {
                    return Err(Some(self.cannot_wait_here()));
                }
                self.pending = Pending::Retry(fut);
                match self.poll_pending() {
                    PollOutcome::Waiting => Err(None),
                    // It never finishes at once (it asks the hub); if it did, the call would
                    // not run again, so the goroutine stops with a clear panic.
                    PollOutcome::Ready => Err(Some(errors::runtime_error(
                        &self.run.prog,
                        errors::ErrKind::String,
                        "chanlab: a runtime handle was fetched without waiting",
                    ))),
                    PollOutcome::Panicked(thrown) => Err(Some(thrown)),
                }
            }
            Ok(Flow::Parked(fut)) => {
                if self.nested > 0 {
                    return Err(Some(self.cannot_wait_here()));
                }
                match rt::take_panic() {
                    Some(message) => Err(Some(errors::from_runtime(&self.run.prog, message))),
                    None => {
                        self.pending = Pending::Native { fut, base };
                        Err(None)
                    }
                }
            }
            Err(thrown) => Err(Some(thrown)),
        }
    }

    /// A nested call's operation (see [`Gor::call_native`]) that was polled and must wait: the
    /// goroutine gives the wait up, and panics as [`Gor::cannot_wait_here`] says. An operation
    /// that need not wait (a mutex nobody holds) completes in a nested call.
    fn give_up_wait(&self) -> Thrown {
        rt::give_up_wait();
        self.cannot_wait_here()
    }

    /// The panic for a nested call (from a native) that tries to wait.
    pub fn cannot_wait_here(&self) -> Thrown {
        errors::runtime_error(
            &self.run.prog,
            errors::ErrKind::String,
            "chanlab: a function called by the standard library (a String or Error method, \
             a sort's less function) cannot block",
        )
    }

    /// Go's fatal stack overflow, in a call of `callee` that found the stack full (Go's
    /// traceback shows it at its entry, above its caller): ends the run.
    pub fn stack_overflow(&mut self, callee: Option<u32>) -> Exit {
        rt::eprint("runtime: goroutine stack exceeds 1000000000-byte limit\n");
        let mut frames = self.frame_lines();
        if let Some(f) = callee {
            frames.insert(0, (f, self.run.prog.funcs[f as usize].line));
            frames.truncate(MAX_TRACEBACK_FRAMES + 1);
        }
        self.died_in = Some(frames);
        self.fatal_in_place("stack overflow")
    }

    /// Go's `fatal error: <message>` in this goroutine, at its frames' saved places: ends the
    /// run, which no deferred call or recover sees.
    pub fn fatal_here(&mut self, message: &str) -> Exit {
        self.died_in = Some(self.frame_lines());
        self.fatal_in_place(message)
    }

    /// Go's `fatal error: <message>` at the frames `died_in` holds already.
    fn fatal_in_place(&mut self, message: &str) -> Exit {
        drop(rt::fatal(message));
        Exit::Died
    }

    /// A panic unwound every frame: the run ends with Go's report of it.
    fn die(&mut self) -> Exit {
        if self.panics.last().map_or(self.goexiting, |p| p.goexit) {
            return Exit::Done;
        }
        self.died_in = self.panics.last().map(|p| p.frames.clone());
        let message = match super::describe::panic_message(self) {
            Ok(message) => message,
            // At the panic's frames: its report was being made when the value's method
            // panicked.
            Err(fatal) => return self.fatal_in_place(&fatal),
        };
        // In real mode the hub writes the report, and it holds only a proxy of a goroutine on
        // an executor: the frames go with the panic.
        let frames = if self.run.real() {
            super::task::traceback_of(&self.run, self)
        } else {
            Vec::new()
        };
        let never = rt::go_panic_with_frames(message, frames);
        drop(never);
        Exit::Died
    }

    /// Polls the pending operation; on completion writes its results.
    pub fn poll_pending(&mut self) -> PollOutcome {
        // Taken out while polled, and put back if it must still wait: the finished one is
        // dropped as what it is, without the whole enum's drop.
        let outcome = match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::None => return PollOutcome::Ready,
            Pending::Send(mut fut) => match poll_once(&mut fut) {
                Poll::Ready(()) => Ok(()),
                Poll::Pending => return self.still_waiting(Pending::Send(fut), true),
            },
            Pending::Recv { mut fut, dst, into } => match poll_once(&mut fut) {
                Poll::Ready(got) => {
                    match (into, got) {
                        (Received::Value { ok, zero }, got) => {
                            if ok {
                                self.stack[dst + 1].set(Value::Bool(got.is_some()));
                            }
                            self.stack[dst] =
                                got.unwrap_or_else(|| self.run.prog.consts[zero as usize].copy());
                        }
                        (Received::Range { body }, Some(v)) => {
                            self.stack[dst] = v;
                            if let Some(f) = self.frames.last_mut() {
                                f.pc = body;
                            }
                        }
                        (Received::Range { .. }, None) => {}
                    }
                    Ok(())
                }
                Poll::Pending => {
                    let pending = Pending::Recv { fut, dst, into };
                    return self.still_waiting(pending, false);
                }
            },
            Pending::Select {
                mut fut,
                sel,
                dst,
                base,
            } => match poll_once(&mut fut) {
                Poll::Ready(selected) => {
                    self.finish_select(sel, dst, base, selected);
                    Ok(())
                }
                Poll::Pending => {
                    let pending = Pending::Select {
                        fut,
                        sel,
                        dst,
                        base,
                    };
                    return self.still_waiting(pending, true);
                }
            },
            Pending::Unit(mut op) => {
                let mut cx = TaskContext::from_waker(Waker::noop());
                match op.poll(&mut cx) {
                    Poll::Ready(()) => Ok(()),
                    Poll::Pending => {
                        let may_panic = op.may_panic();
                        return self.still_waiting(Pending::Unit(op), may_panic);
                    }
                }
            }
            Pending::Cpu(mut fut) => match poll_once(&mut fut) {
                Poll::Ready(()) => Ok(()),
                Poll::Pending => return self.still_waiting(Pending::Cpu(fut), false),
            },
            Pending::Native { mut fut, base } => {
                let mut cx = TaskContext::from_waker(Waker::noop());
                match fut.as_mut().poll(&mut cx) {
                    Poll::Ready(Ok(results)) => {
                        for (i, v) in results.into_iter().enumerate() {
                            if self.stack.len() <= base + i {
                                self.stack.resize(base + i + 1, Value::Nil);
                            }
                            self.stack[base + i] = v;
                        }
                        Ok(())
                    }
                    Poll::Ready(Err(thrown)) => Err(thrown),
                    Poll::Pending => {
                        return self.still_waiting(Pending::Native { fut, base }, true);
                    }
                }
            }
            Pending::Retry(mut fut) => {
                let mut cx = TaskContext::from_waker(Waker::noop());
                match fut.as_mut().poll(&mut cx) {
                    Poll::Ready(result) => {
                        // The native's call runs again.
                        if let Some(frame) = self.frames.last_mut() {
                            frame.again_at(frame.next_pc() - 1);
                        }
                        result
                    }
                    Poll::Pending => return self.still_waiting(Pending::Retry(fut), true),
                }
            }
        };
        match outcome {
            Ok(()) => PollOutcome::Ready,
            Err(thrown) => PollOutcome::Panicked(thrown),
        }
    }

    /// The pending operation, polled, must still wait: the goroutine keeps it, unless the
    /// runtime raised a Go panic in it (`may_panic`: receives, sleeps, waits and CPU time
    /// never panic, so only the others ask).
    fn still_waiting(&mut self, pending: Pending, may_panic: bool) -> PollOutcome {
        if may_panic {
            if let Some(message) = rt::take_panic() {
                return PollOutcome::Panicked(errors::from_runtime(&self.run.prog, message));
            }
        }
        self.keep_pending(pending);
        PollOutcome::Waiting
    }

    /// Stores the operation the goroutine waits on. Precondition: it waits on none (so
    /// there is nothing to drop: the slot's `None` is forgotten, not dropped).
    pub fn keep_pending(&mut self, pending: Pending) {
        debug_assert!(matches!(self.pending, Pending::None));
        std::mem::forget(std::mem::replace(&mut self.pending, pending));
    }

    /// Writes a finished select's results: the case index, and a receive's value and ok.
    pub(super) fn finish_select(
        &mut self,
        sel: u32,
        dst: usize,
        base: usize,
        mut selected: rt::Selected,
    ) {
        let prog = self.run.prog.clone();
        let desc = &prog.selects[sel as usize];
        let index = selected.index();
        self.stack[dst] = Value::Int(index.map_or(-1, |i| i as i64));
        let Some(case) = index.map(|i| desc.cases[i]) else {
            return;
        };
        if let Some(to) = case.recv_to {
            let ch = crate::rt::Chan::<Value>::nil();
            let got = selected.take(ch);
            let received = got.is_some();
            let v = got.unwrap_or_else(|| prog.consts[case.zero as usize].copy());
            let to = base + to as usize;
            self.stack[to] = v;
            if case.recv_ok {
                self.stack[to + 1] = Value::Bool(received);
            }
        }
    }

    /// Calls function value `f` from a native and runs it to completion (it may not block).
    pub fn call_value(
        &mut self,
        f: &Value,
        args: &[Value],
        nresults: usize,
    ) -> Result<Vec<Value>, Thrown> {
        self.call_value_at(f, args, nresults, 0)
    }

    /// [`Gor::call_value`], `f`'s frame with `recover_depth` (see [`Frame::recover_depth`]).
    fn call_value_at(
        &mut self,
        f: &Value,
        args: &[Value],
        nresults: usize,
        recover_depth: u16,
    ) -> Result<Vec<Value>, Thrown> {
        let Value::Func(closure) = f else {
            return Err(errors::nil_deref(&self.run.prog));
        };
        let env = (!closure.env.is_empty()).then(|| closure.clone());
        self.call_nested_at(closure.func, env, args, nresults, recover_depth)
    }

    /// Calls `func` with `args` on top of the current frames and runs it to its return.
    pub fn call_nested(
        &mut self,
        func: u32,
        env: Option<Rc<Closure>>,
        args: &[Value],
        nresults: usize,
    ) -> Result<Vec<Value>, Thrown> {
        self.call_nested_at(func, env, args, nresults, 0)
    }

    fn call_nested_at(
        &mut self,
        func: u32,
        env: Option<Rc<Closure>>,
        args: &[Value],
        nresults: usize,
        recover_depth: u16,
    ) -> Result<Vec<Value>, Thrown> {
        if self.nested >= MAX_NESTED {
            self.stack_overflow(None);
            return Err(Value::Nil);
        }
        let base = self.top_free();
        let need = base + args.len().max(nresults);
        if self.stack.len() < need {
            self.stack.resize(need, Value::Nil);
        }
        for (i, v) in args.iter().enumerate() {
            self.stack[base + i] = v.clone();
        }
        if self.push_frame(func, base, env, recover_depth).is_err() {
            return Err(errors::runtime_error(
                &self.run.prog,
                errors::ErrKind::String,
                "runtime: goroutine stack exceeds 1000000000-byte limit",
            ));
        }
        if let Some(f) = self.frames.last_mut() {
            f.boundary = true;
        }
        self.nested += 1;
        let exit = self.exec();
        self.nested -= 1;
        match exit {
            Exit::Returned => Ok(self.stack[base..base + nresults].to_vec()),
            Exit::Threw(thrown) => Err(thrown),
            Exit::Blocked => {
                self.pending = Pending::None;
                Err(self.cannot_wait_here())
            }
            Exit::Done | Exit::Died => Err(Value::Nil),
        }
    }
}

/// A call would pass [`MAX_FRAMES`] or [`MAX_STACK`].
#[derive(Debug)]
pub struct StackOverflow;

/// What polling the pending operation gave.
pub enum PollOutcome {
    Ready,
    Waiting,
    /// The operation panicked (a runtime panic or a native's).
    Panicked(Thrown),
}
