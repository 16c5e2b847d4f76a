//! The instruction loop.
//!
//! `Gor::exec` runs the top frame's instructions until the goroutine must wait for the
//! runtime, finishes, or dies. A call pushes a frame and a return pops one without recursing
//! in Rust, so the loop can stop at any instruction and resume there. Each instruction adds
//! its cost to the goroutine's debt (`cost`), which it pays on a virtual processor before an
//! operation others can observe and at loop back edges once it is large (preemption).
//!
//! # Invariants
//! - Register operands are below the function's `nregs` and jump targets within its code (the
//!   compiler verifies every function), so indexing the stack cannot fail.
//! - A function's last instruction is `Ret`: recovering from a panic resumes there.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use crate::rt::{self, Chan};

use super::complex;
use super::cost;
use super::errors;
use super::gor::{Exit, Gor, Pending, Received, Target, UnitOp};
use super::instr::{Instr, NO_WRAP};
use super::ops;
use super::program::Thrown;
use super::value::{Closure, Ptr, Value};

impl Gor {
    /// Pays the goroutine's CPU debt on a virtual processor (sim mode), keeping it, before
    /// the goroutine ends. Returns true when it must wait.
    pub fn pay_debt(&mut self) -> bool {
        if self.run.real() {
            // Real mode: the time was taken already; there is nothing to pay.
            self.debt = 0;
            return false;
        }
        self.pay(Keep::Processor)
    }

    /// Pays the debt: the goroutine goes on running (`Keep::Processor`: before an operation
    /// others observe) or is preempted (`Keep::Nothing`: its quantum is over). Returns true
    /// when it must wait.
    fn pay(&mut self, keep: Keep) -> bool {
        let ns = self.debt / 1000;
        self.debt %= 1000;
        if ns == 0 {
            return false;
        }
        let mut fut = match keep {
            Keep::Processor => rt::cpu_time_kept(ns),
            Keep::Nothing => rt::cpu_time(ns),
        };
        if poll_once(&mut fut).is_ready() {
            return false;
        }
        self.keep_pending(Pending::Cpu(fut));
        true
    }

    /// A runtime operation polled once must wait: the goroutine keeps it as `pending`, or,
    /// when the runtime raised a Go panic in it (`may_panic`: a send, a select), gets that
    /// panic to throw.
    fn block_on(&mut self, pending: Pending, may_panic: bool) -> Option<Thrown> {
        if may_panic {
            if let Some(message) = rt::take_panic() {
                return Some(errors::from_runtime(&self.run.prog, message));
            }
        }
        self.keep_pending(pending);
        None
    }

    /// Runs instructions until the goroutine waits, finishes or dies.
    pub fn exec(&mut self) -> Exit {
        let prog = self.run.prog.clone();
        // Real mode pays no debt before what others observe (the time was real), and
        // preempts less often, unless its worker needs a turn sooner.
        let real = self.run.real();
        let quantum = if real {
            rt::compute_slice_ns().map_or(cost::REAL_QUANTUM, |ns| {
                cost::REAL_QUANTUM.min(ns.saturating_mul(1_000))
            })
        } else {
            cost::QUANTUM
        };
        'frame: loop {
            let Some(fi) = self.frames.len().checked_sub(1) else {
                return Exit::Done;
            };
            if self.frames[fi].unwinding {
                match self.unwind() {
                    Some(exit) => return exit,
                    None => continue 'frame,
                }
            }
            // The frame that runs: its index, function, registers' base and code. A call to an
            // interpreted function and a return to a frame not unwinding switch them in place
            // (`enter!`), without a turn of this loop.
            let mut fi = fi;
            let (mut func_id, mut base, mut pc) = {
                let f = &self.frames[fi];
                (f.func, f.base as usize, f.next_pc())
            };
            let mut func = &prog.funcs[func_id as usize];
            let mut code = &func.code[..];
            // Instructions run since the debt was last brought up to date (kept in a local:
            // adding to the goroutine's debt on every instruction costs more), and how many
            // make the debt reach the preemption quantum.
            let mut steps: u64 = 0;
            let mut steps_to_quantum = quantum_steps(quantum, self.debt, self.nested);
            // The frame's registers. Borrowed from the stack for the loop's speed; taken again
            // after a call that may grow the stack (`reborrow!`).
            let mut regs: &mut [Value] = &mut self.stack[base..];

            macro_rules! r {
                ($x:expr) => {
                    regs[$x as usize]
                };
            }
            macro_rules! int {
                ($x:expr) => {
                    r!($x).as_int()
                };
            }
            // Writes an integer, in place when the register already holds one (a loop counter):
            // no drop of the old value, no copy of a whole `Value`.
            macro_rules! set_int {
                ($x:expr, $v:expr) => {{
                    let v = $v;
                    match &mut r!($x) {
                        Value::Int(slot) => *slot = v,
                        slot => *slot = Value::Int(v),
                    }
                }};
            }
            macro_rules! float {
                ($x:expr) => {
                    r!($x).as_float()
                };
            }
            macro_rules! reborrow {
                () => {
                    regs = &mut self.stack[base..]
                };
            }
            // Runs frame `fi` from its saved pc, as a turn of `'frame` would (the caller has
            // checked that it is not unwinding); its cost so far is in the debt.
            macro_rules! enter {
                () => {{
                    let f = &self.frames[fi];
                    (func_id, base, pc) = (f.func, f.base as usize, f.next_pc());
                    func = &prog.funcs[func_id as usize];
                    code = &func.code[..];
                    steps_to_quantum = quantum_steps(quantum, self.debt, self.nested);
                    reborrow!();
                }};
            }
            // `defer`: records a call of the target with the arguments from register `b`.
            macro_rules! defer {
                ($target:expr, $b:expr, $nargs:expr) => {{
                    let args = regs[$b as usize..][..$nargs as usize].to_vec();
                    charge!(cost::ALLOC);
                    self.defers.push(super::gor::Deferred {
                        frame: fi as u32,
                        target: $target,
                        args,
                    });
                }};
            }
            // Adds `ps` picoseconds of cost (in instruction units, to the local count).
            macro_rules! charge {
                ($ps:expr) => {
                    steps += ($ps) / cost::INSTR
                };
            }
            // Brings the debt up to date. Within a frame only `steps` adds to it (anything else
            // that does, a call, a payment, a native, is followed by a recount of
            // `steps_to_quantum`), so the steps left to the quantum go down by as many.
            macro_rules! flush {
                () => {{
                    self.debt += steps * cost::INSTR;
                    #[allow(unused_assignments)]
                    {
                        steps_to_quantum = steps_to_quantum.saturating_sub(steps);
                        steps = 0;
                    }
                }};
            }
            // Before leaving the loop or calling anything that reads the frame or the debt.
            macro_rules! save {
                () => {{
                    flush!();
                    self.frames[fi].pc = pc as u32;
                }};
            }
            // A Go panic in this instruction.
            macro_rules! throw {
                ($t:expr) => {{
                    let t = $t;
                    save!();
                    self.throw(t);
                    continue 'frame;
                }};
            }
            macro_rules! check {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(t) => throw!(t),
                    }
                };
            }
            // Before an operation others can observe: pay a debt that has grown large enough,
            // then run the instruction again.
            macro_rules! pay_first {
                () => {
                    flush!();
                    if self.debt >= cost::SYNC && self.nested == 0 && !real {
                        self.frames[fi].again_at(pc - 1);
                        if self.pay(Keep::Processor) {
                            return Exit::Blocked;
                        }
                        continue 'frame;
                    }
                };
            }
            // A loop's back edge to `t`: preempt when the debt is large.
            macro_rules! back_edge {
                ($t:expr) => {{
                    pc = $t as usize;
                    if steps >= steps_to_quantum {
                        save!();
                        if self.pay(Keep::Nothing) {
                            return Exit::Blocked;
                        }
                        continue 'frame;
                    }
                }};
            }
            // A jump to `t` when `cond` holds (a back edge when `t` is behind).
            macro_rules! jump_if {
                ($cond:expr, $t:expr) => {{
                    if $cond {
                        if ($t as usize) < pc {
                            back_edge!($t);
                        } else {
                            pc = $t as usize;
                        }
                    }
                }};
            }
            // A runtime operation polled once must wait (see `block_on`).
            macro_rules! block {
                ($pending:expr, $may_panic:expr) => {{
                    save!();
                    match self.block_on($pending, $may_panic) {
                        None => return Exit::Blocked,
                        Some(t) => {
                            self.throw(t);
                            continue 'frame;
                        }
                    }
                }};
            }
            // `<-ch` into register `d` (and `ok` into `d + 1` when `$ok`).
            macro_rules! recv {
                ($d:expr, $ch:expr, $zero:expr, $ok:expr) => {{
                    pay_first!();
                    charge!(cost::CHAN);
                    let mut fut = chan_of(&r!($ch)).recv();
                    match poll_once(&mut fut) {
                        Poll::Ready(got) => {
                            if $ok {
                                r!($d + 1).set(Value::Bool(got.is_some()));
                            }
                            r!($d).set(got.unwrap_or_else(|| prog.consts[$zero as usize].copy()));
                        }
                        Poll::Pending => block!(
                            Pending::Recv {
                                fut,
                                dst: base + $d as usize,
                                into: Received::Value {
                                    ok: $ok,
                                    zero: $zero
                                },
                            },
                            false
                        ),
                    }
                }};
            }

            loop {
                // Matched in place, so each arm loads only its own operands.
                let ins = &code[pc];
                pc += 1;
                steps += 1;
                match *ins {
                    Instr::Nop => {}
                    Instr::Mov { d, s } => {
                        // Integers first: a test the branch predictor learns, where `dup`'s
                        // dispatch on the value's kind is a jump it mostly misses.
                        if let Value::Int(v) = r!(s) {
                            set_int!(d, v);
                        } else {
                            r!(d).set(r!(s).dup());
                        }
                    }
                    Instr::Copy { d, s } => {
                        check!(ops::reserve_copy(&prog, &r!(s)));
                        r!(d).set(r!(s).copy())
                    }
                    Instr::Const { d, k } => r!(d).set(prog.consts[k as usize].dup()),
                    Instr::ConstCopy { d, k } => {
                        check!(ops::reserve_copy(&prog, &prog.consts[k as usize]));
                        r!(d).set(prog.consts[k as usize].copy())
                    }
                    Instr::Int { d, v } => set_int!(d, v as i64),
                    Instr::Bool { d, v } => r!(d).set(Value::Bool(v)),
                    Instr::Nil { d } => r!(d).set(Value::Nil),
                    Instr::Global { d, g } => {
                        r!(d).set(self.run.globals.borrow()[g as usize].clone());
                    }
                    Instr::SetGlobal { g, s } => {
                        let v = r!(s).clone();
                        self.run.globals.borrow_mut()[g as usize] = v;
                    }
                    Instr::Env { d, i } => {
                        let v = match &self.frames[fi].env {
                            Some(c) => c.env.get(i as usize).cloned().unwrap_or_default(),
                            None => Value::Nil,
                        };
                        r!(d).set(v);
                    }
                    Instr::NewCell { d, s } => {
                        let v = r!(s).clone();
                        r!(d).set(Value::Ptr(Ptr::Cell(Rc::new(std::cell::RefCell::new(v)))));
                    }
                    Instr::Load { d, p } => {
                        let v = match &r!(p) {
                            Value::Ptr(p) => p.load(),
                            // A pointer to an array made from a slice (`(*[N]T)(s)`).
                            Value::Slice(w) => w.window_array(),
                            _ => throw!(errors::nil_deref(&prog)),
                        };
                        r!(d).set(v);
                    }
                    Instr::Store { p, s } => {
                        let v = r!(s).clone();
                        match &r!(p) {
                            Value::Ptr(p) => p.store(v),
                            Value::Slice(w) => w.store_window(&v),
                            _ => throw!(errors::nil_deref(&prog)),
                        }
                    }
                    Instr::AddrOf { d, s } => {
                        let p = match &r!(s) {
                            Value::Agg(a) => Value::Ptr(Ptr::Agg(a.clone())),
                            other => other.clone(),
                        };
                        r!(d).set(p);
                    }
                    Instr::StoreAgg { d, s } => {
                        if let Value::Agg(dst) = &r!(d) {
                            super::value::store_agg(dst, &r!(s));
                        }
                    }

                    // --- Integers
                    Instr::AddI { d, a, b } => set_int!(d, int!(a).wrapping_add(int!(b))),
                    Instr::SubI { d, a, b } => set_int!(d, int!(a).wrapping_sub(int!(b))),
                    Instr::MulI { d, a, b } => set_int!(d, int!(a).wrapping_mul(int!(b))),
                    Instr::DivI { d, a, b } => {
                        let y = int!(b);
                        if y == 0 {
                            throw!(errors::divide_by_zero(&prog));
                        }
                        set_int!(d, int!(a).wrapping_div(y));
                    }
                    Instr::RemI { d, a, b } => {
                        let y = int!(b);
                        if y == 0 {
                            throw!(errors::divide_by_zero(&prog));
                        }
                        set_int!(d, int!(a).wrapping_rem(y));
                    }
                    Instr::DivU { d, a, b } => {
                        let y = int!(b) as u64;
                        if y == 0 {
                            throw!(errors::divide_by_zero(&prog));
                        }
                        r!(d).set(Value::Int(((int!(a) as u64) / y) as i64));
                    }
                    Instr::RemU { d, a, b } => {
                        let y = int!(b) as u64;
                        if y == 0 {
                            throw!(errors::divide_by_zero(&prog));
                        }
                        r!(d).set(Value::Int(((int!(a) as u64) % y) as i64));
                    }
                    Instr::AddTo { d, s } => {
                        let v = int!(s);
                        match &mut r!(d) {
                            Value::Int(x) => *x = x.wrapping_add(v),
                            slot => *slot = Value::Int(v),
                        }
                    }
                    Instr::AddImm { d, a, v } => {
                        set_int!(d, int!(a).wrapping_add(v as i64));
                    }
                    Instr::AndImm { d, a, v } => set_int!(d, int!(a) & v as i64),
                    Instr::OrImm { d, a, v } => set_int!(d, int!(a) | v as i64),
                    Instr::ShlImm { d, a, n } => {
                        set_int!(d, int!(a).checked_shl(n as u32).unwrap_or(0));
                    }
                    Instr::ShrIImm { d, a, n } => set_int!(d, int!(a) >> n),
                    Instr::ShrUImm { d, a, n } => {
                        let x = int!(a) as u64;
                        set_int!(d, x.checked_shr(n as u32).unwrap_or(0) as i64);
                    }
                    Instr::And { d, a, b } => set_int!(d, int!(a) & int!(b)),
                    Instr::Or { d, a, b } => set_int!(d, int!(a) | int!(b)),
                    Instr::Xor { d, a, b } => set_int!(d, int!(a) ^ int!(b)),
                    Instr::AndNot { d, a, b } => set_int!(d, int!(a) & !int!(b)),
                    Instr::Shl { d, a, b, signed_b } => {
                        let n = int!(b);
                        if signed_b && n < 0 {
                            throw!(errors::negative_shift(&prog));
                        }
                        let n = n as u64;
                        set_int!(d, if n >= 64 { 0 } else { int!(a) << n });
                    }
                    Instr::ShrI { d, a, b, signed_b } => {
                        let n = int!(b);
                        if signed_b && n < 0 {
                            throw!(errors::negative_shift(&prog));
                        }
                        let n = (n as u64).min(63);
                        set_int!(d, int!(a) >> n);
                    }
                    Instr::ShrU { d, a, b, signed_b } => {
                        let n = int!(b);
                        if signed_b && n < 0 {
                            throw!(errors::negative_shift(&prog));
                        }
                        let n = n as u64;
                        let x = int!(a) as u64;
                        set_int!(d, if n >= 64 { 0 } else { (x >> n) as i64 });
                    }
                    Instr::NegI { d, s } => set_int!(d, int!(s).wrapping_neg()),
                    Instr::Compl { d, s } => set_int!(d, !int!(s)),
                    Instr::Wrap { d, s, kind } => set_int!(d, kind.wrap(int!(s))),

                    // --- Floats
                    Instr::AddF { d, a, b } => r!(d).set(Value::Float(float!(a) + float!(b))),
                    Instr::SubF { d, a, b } => r!(d).set(Value::Float(float!(a) - float!(b))),
                    Instr::MulF { d, a, b } => r!(d).set(Value::Float(float!(a) * float!(b))),
                    Instr::DivF { d, a, b } => r!(d).set(Value::Float(float!(a) / float!(b))),
                    Instr::NegF { d, s } => r!(d).set(Value::Float(-float!(s))),
                    Instr::F32 { d } => r!(d).set(Value::Float(float!(d) as f32 as f64)),

                    Instr::AddC { d, a, b } => {
                        let (x, y) = (r!(a).as_complex(), r!(b).as_complex());
                        r!(d).set(Value::Complex(x.0 + y.0, x.1 + y.1));
                    }
                    Instr::SubC { d, a, b } => {
                        let (x, y) = (r!(a).as_complex(), r!(b).as_complex());
                        r!(d).set(Value::Complex(x.0 - y.0, x.1 - y.1));
                    }
                    Instr::MulC { d, a, b } => {
                        let (re, im) = complex::mul(r!(a).as_complex(), r!(b).as_complex());
                        r!(d).set(Value::Complex(re, im));
                    }
                    Instr::DivC { d, a, b } => {
                        let (re, im) = complex::div(r!(a).as_complex(), r!(b).as_complex());
                        r!(d).set(Value::Complex(re, im));
                    }
                    Instr::NegC { d, s } => {
                        let (re, im) = r!(s).as_complex();
                        r!(d).set(Value::Complex(-re, -im));
                    }
                    Instr::C64 { d } => {
                        let (re, im) = complex::round64(r!(d).as_complex());
                        r!(d).set(Value::Complex(re, im));
                    }
                    Instr::MakeC { d, re, im } => {
                        r!(d).set(Value::Complex(float!(re), float!(im)));
                    }
                    Instr::RealC { d, s } => r!(d).set(Value::Float(r!(s).as_complex().0)),
                    Instr::ImagC { d, s } => r!(d).set(Value::Float(r!(s).as_complex().1)),

                    Instr::Concat { d, a, b } => {
                        let v = ops::concat(&r!(a), &r!(b));
                        charge!(cost::ALLOC + ops::len(&v) as u64 * 1000 / cost::BYTES_PER_PS);
                        r!(d).set(v);
                    }

                    // --- Comparisons
                    Instr::EqI { d, a, b } => r!(d).set(Value::Bool(int!(a) == int!(b))),
                    Instr::NeI { d, a, b } => r!(d).set(Value::Bool(int!(a) != int!(b))),
                    Instr::LtI { d, a, b } => r!(d).set(Value::Bool(int!(a) < int!(b))),
                    Instr::LeI { d, a, b } => r!(d).set(Value::Bool(int!(a) <= int!(b))),
                    Instr::LtU { d, a, b } => {
                        r!(d).set(Value::Bool((int!(a) as u64) < (int!(b) as u64)));
                    }
                    Instr::LeU { d, a, b } => {
                        r!(d).set(Value::Bool((int!(a) as u64) <= (int!(b) as u64)));
                    }
                    Instr::EqF { d, a, b } => r!(d).set(Value::Bool(float!(a) == float!(b))),
                    Instr::NeF { d, a, b } => r!(d).set(Value::Bool(float!(a) != float!(b))),
                    Instr::LtF { d, a, b } => r!(d).set(Value::Bool(float!(a) < float!(b))),
                    Instr::LeF { d, a, b } => r!(d).set(Value::Bool(float!(a) <= float!(b))),
                    Instr::LtS { d, a, b } => {
                        r!(d).set(Value::Bool(r!(a).as_bytes() < r!(b).as_bytes()));
                    }
                    Instr::LeS { d, a, b } => {
                        r!(d).set(Value::Bool(r!(a).as_bytes() <= r!(b).as_bytes()));
                    }
                    Instr::Eq { d, a, b } => {
                        let eq = check!(super::ops::go_eq(&prog, &r!(a), &r!(b)));
                        r!(d).set(Value::Bool(eq));
                    }
                    Instr::Ne { d, a, b } => {
                        let eq = check!(super::ops::go_eq(&prog, &r!(a), &r!(b)));
                        r!(d).set(Value::Bool(!eq));
                    }
                    Instr::Not { d, s } => r!(d).set(Value::Bool(!r!(s).as_bool())),
                    Instr::IsNil { d, s } => r!(d).set(Value::Bool(r!(s).is_nil())),

                    // --- Conversions
                    Instr::IToF { d, s } => r!(d).set(Value::Float(int!(s) as f64)),
                    Instr::UToF { d, s } => r!(d).set(Value::Float(int!(s) as u64 as f64)),
                    Instr::IToF32 { d, s } => r!(d).set(Value::Float(int!(s) as f32 as f64)),
                    Instr::UToF32 { d, s } => r!(d).set(Value::Float(int!(s) as u64 as f32 as f64)),
                    Instr::FToI { d, s, kind } => set_int!(d, ops::float_to_int(float!(s), kind)),
                    Instr::RuneToS { d, s } => r!(d).set(ops::rune_to_string(int!(s))),
                    Instr::BytesToS { d, s } => r!(d).set(ops::bytes_to_string(&r!(s))),
                    Instr::SToBytes { d, s } => r!(d).set(ops::string_to_bytes(&r!(s))),
                    Instr::SliceToArrayPtr { d, s, n } => {
                        r!(d).set(check!(ops::slice_to_array_ptr(&prog, &r!(s), n, false)))
                    }
                    Instr::NilCheck { x } => {
                        if matches!(r!(x), Value::Nil) {
                            throw!(errors::nil_deref(&prog));
                        }
                    }
                    Instr::SliceToArray { d, s, n } => {
                        let window = check!(ops::slice_to_array_ptr(&prog, &r!(s), n, true));
                        r!(d).set(match window {
                            // The elements copied as Go copies them (structs deeply).
                            Value::Slice(w) => w.window_array().copy(),
                            // A nil slice converts to an empty array.
                            _ => Value::agg(Vec::new()),
                        })
                    }
                    Instr::RunesToS { d, s } => r!(d).set(ops::runes_to_string(&r!(s))),
                    Instr::SToRunes { d, s } => r!(d).set(ops::string_to_runes(&r!(s))),

                    // --- Control
                    Instr::Jmp { t } => jump_if!(true, t),
                    Instr::Jt { c, t } => jump_if!(r!(c).as_bool(), t),
                    Instr::Jf { c, t } => jump_if!(!r!(c).as_bool(), t),
                    Instr::JEq { a, b, t } => jump_if!(int!(a) == int!(b), t),
                    Instr::JNe { a, b, t } => jump_if!(int!(a) != int!(b), t),
                    Instr::JLt { a, b, t } => jump_if!(int!(a) < int!(b), t),
                    Instr::JLe { a, b, t } => jump_if!(int!(a) <= int!(b), t),
                    Instr::JLtU { a, b, t } => {
                        jump_if!((int!(a) as u64) < (int!(b) as u64), t)
                    }
                    Instr::JLeU { a, b, t } => {
                        jump_if!((int!(a) as u64) <= (int!(b) as u64), t)
                    }
                    Instr::JEqK { a, v, t } => jump_if!(int!(a) == v as i64, t),
                    Instr::JNeK { a, v, t } => jump_if!(int!(a) != v as i64, t),
                    Instr::JLtK { a, v, t } => jump_if!(int!(a) < v as i64, t),
                    Instr::JLeK { a, v, t } => jump_if!(int!(a) <= v as i64, t),
                    Instr::JGtK { a, v, t } => jump_if!(int!(a) > v as i64, t),
                    Instr::JGeK { a, v, t } => jump_if!(int!(a) >= v as i64, t),
                    Instr::AddToIncJLt { d, s, i, n, t } => {
                        // Two instructions' work (and cost).
                        steps += 1;
                        let v = int!(s);
                        match &mut r!(d) {
                            Value::Int(x) => *x = x.wrapping_add(v),
                            slot => *slot = Value::Int(v),
                        }
                        let limit = int!(n);
                        let mut next = match &mut r!(i) {
                            Value::Int(x) => {
                                *x = x.wrapping_add(1);
                                *x
                            }
                            slot => {
                                *slot = Value::Int(1);
                                1
                            }
                        };
                        // The loop is this one instruction (`for ... { sum += i }`): its
                        // next iterations run here, up to the loop's end or the quantum, when
                        // only the sum and the counter change (the addend and the limit are
                        // other registers).
                        if next < limit
                            && t as usize == pc - 1
                            && d != i
                            && d != s
                            && n != i
                            && n != d
                        {
                            let left = steps_to_quantum.saturating_sub(steps).div_ceil(2);
                            let iters = left.min(limit.wrapping_sub(next) as u64);
                            let (sum, end) =
                                accumulate(int!(d), next, (s != i).then(|| int!(s)), iters);
                            set_int!(d, sum);
                            set_int!(i, end);
                            steps += 2 * iters;
                            next = end;
                        }
                        if next < limit {
                            back_edge!(t);
                        }
                    }
                    Instr::IncJLt { i, n, t } => {
                        let limit = int!(n);
                        let next = match &mut r!(i) {
                            Value::Int(x) => {
                                *x = x.wrapping_add(1);
                                *x
                            }
                            slot => {
                                *slot = Value::Int(1);
                                1
                            }
                        };
                        if next < limit {
                            back_edge!(t);
                        }
                    }

                    // --- Calls
                    Instr::Call { f, base: b } => {
                        save!();
                        if self.push_frame(f, base + b as usize, None, 0).is_err() {
                            return self.stack_overflow(Some(f));
                        }
                        fi += 1;
                        enter!();
                    }
                    Instr::CallV { f, base: b } => {
                        let Value::Func(c) = r!(f).clone() else {
                            throw!(errors::nil_deref(&prog))
                        };
                        save!();
                        let func = c.func;
                        let env = (!c.env.is_empty()).then_some(c);
                        if self.push_frame(func, base + b as usize, env, 0).is_err() {
                            return self.stack_overflow(Some(func));
                        }
                        continue 'frame;
                    }
                    Instr::CallI { m, base: b } => {
                        let func = check!(self.resolve_method(base + b as usize, m));
                        save!();
                        if self.push_frame(func, base + b as usize, None, 0).is_err() {
                            return self.stack_overflow(Some(func));
                        }
                        continue 'frame;
                    }
                    Instr::Native { n, base: b, nargs } => {
                        if prog.natives[n as usize].observable {
                            pay_first!();
                        }
                        save!();
                        match self.call_native(n, base + b as usize, nargs as usize) {
                            Ok(()) => {
                                // It may have charged for its work, or run Go code.
                                steps_to_quantum = quantum_steps(quantum, self.debt, self.nested);
                                reborrow!();
                            }
                            Err(None) => return Exit::Blocked,
                            Err(Some(t)) => {
                                self.throw(t);
                                continue 'frame;
                            }
                        }
                        // A native may have called back into Go and grown the stack; the
                        // frame is the same, so the loop goes on.
                    }
                    Instr::Ret => {
                        flush!();
                        if self.defers.last().is_some_and(|d| d.frame as usize == fi) {
                            self.frames[fi].again_at(pc - 1);
                            match self.run_deferred(fi) {
                                Ok(()) => continue 'frame,
                                Err(exit) => return exit,
                            }
                        }
                        let (res, n) = (func.results as usize, func.nresults as usize);
                        if res != 0 || func.cell_results != 0 {
                            for i in 0..n {
                                // An integer as an integer: read as a whole `Value` just
                                // after an integer store, it would wait for that store.
                                if let Value::Int(v) = r!(res + i) {
                                    set_int!(i, v);
                                    continue;
                                }
                                let v = std::mem::take(&mut r!(res + i));
                                r!(i) = match v {
                                    Value::Ptr(Ptr::Cell(ref c))
                                        if func.cell_results >> i & 1 == 1 =>
                                    {
                                        c.borrow().clone()
                                    }
                                    v => v,
                                };
                            }
                        }
                        let done = self.frames.pop();
                        if done.is_some_and(|f| f.boundary) {
                            return Exit::Returned;
                        }
                        if fi == 0 {
                            return Exit::Done;
                        }
                        fi -= 1;
                        if self.frames[fi].unwinding {
                            continue 'frame;
                        }
                        enter!();
                    }
                    Instr::Go { f, base: b, nargs } => {
                        pay_first!();
                        let mut args = self.run.spare_stack();
                        args.extend_from_slice(&regs[b as usize..][..nargs as usize]);
                        charge!(cost::GO);
                        let line = prog.line(func_id, pc - 1);
                        super::task::go(&self.run, f, None, args, (func_id, line));
                    }
                    Instr::GoV {
                        f,
                        base: b,
                        nargs,
                        wrap,
                    } => {
                        pay_first!();
                        let mut args = self.run.spare_stack();
                        let (func, env) = match r!(f).clone() {
                            Value::Func(c) => {
                                args.extend_from_slice(&regs[b as usize..][..nargs as usize]);
                                (c.func, (!c.env.is_empty()).then_some(c))
                            }
                            _ if wrap == NO_WRAP => {
                                save!();
                                return self.fatal_here("go of nil func value");
                            }
                            // The wrapper calls the nil function in the new goroutine.
                            _ => (wrap, None),
                        };
                        charge!(cost::GO);
                        let line = prog.line(func_id, pc - 1);
                        super::task::go(&self.run, func, env, args, (func_id, line));
                    }
                    Instr::GoI { m, base: b, nargs } => {
                        pay_first!();
                        let at = base + b as usize;
                        let f = check!(self.resolve_method(at, m));
                        let args = self.stack[at..][..nargs as usize].to_vec();
                        reborrow!();
                        charge!(cost::GO);
                        let line = prog.line(func_id, pc - 1);
                        super::task::go(&self.run, f, None, args, (func_id, line));
                    }
                    Instr::Defer { f, base: b, nargs } => {
                        defer!(Target::Func(f), b, nargs);
                    }
                    Instr::DeferV { f, base: b, nargs } => match r!(f).clone() {
                        Value::Func(c) => defer!(Target::Closure(c), b, nargs),
                        _ => defer!(Target::Nil, b, nargs),
                    },
                    Instr::DeferI { m, base: b, nargs } => {
                        if r!(b).is_nil() {
                            throw!(errors::nil_deref(&prog));
                        }
                        defer!(Target::Method(m), b, nargs);
                    }
                    Instr::DeferNative { n, base: b, nargs } => {
                        defer!(Target::Native(n), b, nargs);
                    }
                    Instr::Panic { s } => {
                        let v = r!(s).clone();
                        throw!(v);
                    }
                    Instr::NilRecv { p, k } => {
                        if r!(p).is_nil() {
                            let text = prog.consts[k as usize].to_text();
                            throw!(errors::runtime_error(&prog, errors::ErrKind::Plain, text));
                        }
                    }
                    Instr::Recover { d } => {
                        let v = self.recover();
                        reborrow!();
                        r!(d).set(v);
                    }
                    Instr::FrameIndex { d } => set_int!(d, fi as i64),
                    Instr::DeferTo { f } => {
                        let frame = int!(f) as u32;
                        if let Some(mut d) = self.defers.pop() {
                            d.frame = frame;
                            let at = (self.defers.iter())
                                .rposition(|x| x.frame <= frame)
                                .map_or(0, |i| i + 1);
                            self.defers.insert(at, d);
                        }
                    }
                    Instr::Closure { d, f, first, n } => {
                        let env: Box<[Value]> = regs[first as usize..][..n as usize].into();
                        charge!(cost::ALLOC);
                        r!(d).set(Value::Func(Rc::new(Closure { func: f, env })));
                    }

                    // --- Aggregates, pointers, slices, maps
                    Instr::MakeAgg { d, first, n } => {
                        let items: Vec<Value> = regs[first as usize..][..n as usize]
                            .iter_mut()
                            .map(std::mem::take)
                            .collect();
                        charge!(cost::ALLOC);
                        r!(d).set(Value::agg(items));
                    }
                    Instr::MakeSliceLit { d, first, n } => {
                        let items: Vec<Value> = regs[first as usize..][..n as usize]
                            .iter_mut()
                            .map(std::mem::take)
                            .collect();
                        charge!(cost::ALLOC);
                        r!(d).set(Value::slice(items));
                    }
                    Instr::MakeSlice { d, len, cap, zero } => {
                        let n = int!(len);
                        let c = if cap == u16::MAX { n } else { int!(cap) };
                        let slice =
                            check!(ops::make_slice(&prog, &prog.consts[zero as usize], n, c));
                        charge!(cost::ALLOC + c as u64 * cost::INSTR);
                        r!(d) = slice;
                    }
                    Instr::MakeMap { d } => {
                        charge!(cost::ALLOC);
                        r!(d).set(ops::make_map());
                    }
                    Instr::MakeChan {
                        d,
                        cap,
                        name,
                        esize,
                    } => {
                        pay_first!();
                        let n = if cap == u16::MAX { 0 } else { int!(cap) };
                        // Go's limit: a buffer of more than 2^48 bytes (its maxAlloc).
                        if n < 0 || (n as u64).saturating_mul(u64::from(esize)) > 1 << 48 {
                            throw!(errors::runtime_error(
                                &prog,
                                errors::ErrKind::Plain,
                                "makechan: size out of range"
                            ));
                        }
                        charge!(cost::ALLOC);
                        let ch = rt::make_chan::<Value>(n as usize);
                        if let Some(&name) = prog.chan_names.get(name as usize) {
                            ch.set_trace_name(name, prog.line(func_id, pc - 1));
                        }
                        r!(d).set(Value::Chan(ch.id()));
                    }
                    Instr::New { d, zero } => {
                        charge!(cost::ALLOC);
                        check!(ops::reserve_copy(&prog, &prog.consts[zero as usize]));
                        r!(d) = ops::new_pointer(prog.consts[zero as usize].copy());
                    }
                    Instr::Field { d, a, i } => {
                        let v = match &r!(a) {
                            Value::Agg(s) | Value::Ptr(Ptr::Agg(s)) => {
                                s.borrow().get(i as usize).cloned().unwrap_or_default()
                            }
                            _ => throw!(errors::nil_deref(&prog)),
                        };
                        r!(d).set(v);
                    }
                    Instr::SetField { a, i, s } => {
                        let v = r!(s).clone();
                        match &r!(a) {
                            Value::Agg(st) | Value::Ptr(Ptr::Agg(st)) => {
                                if let Some(slot) = st.borrow_mut().get_mut(i as usize) {
                                    *slot = v;
                                }
                            }
                            _ => throw!(errors::nil_deref(&prog)),
                        }
                    }
                    Instr::FieldPtr { d, a, i } => {
                        let p = match &r!(a) {
                            Value::Agg(s) | Value::Ptr(Ptr::Agg(s)) => ops::elem_ptr(s, i as usize),
                            _ => throw!(errors::nil_deref(&prog)),
                        };
                        r!(d).set(p);
                    }
                    Instr::Index { d, x, i } => {
                        let v = check!(ops::index(&prog, &r!(x), int!(i)));
                        r!(d).set(v);
                    }
                    Instr::SetIndex { x, i, s } => {
                        let v = r!(s).clone();
                        check!(ops::set_index(&prog, &r!(x), int!(i), v));
                    }
                    Instr::IndexU { x, i } => {
                        let i = int!(i);
                        if i < 0 {
                            let len = ops::len(&r!(x)) as usize;
                            throw!(errors::unsigned_index_out_of_range(&prog, i as u64, len));
                        }
                    }
                    Instr::IndexPtr { d, x, i } => {
                        let v = check!(ops::index_ptr(&prog, &r!(x), int!(i)));
                        r!(d).set(v);
                    }
                    Instr::SliceOp { d, x, lo, hi, max } => {
                        let [l, h, m] = [lo, hi, max].map(|b| slice_bound(b, regs));
                        let v = check!(ops::slice(&prog, &r!(x), l, h, m));
                        r!(d).set(v);
                    }
                    Instr::SliceU {
                        x,
                        lo,
                        hi,
                        max,
                        unsigned,
                    } => {
                        let bounds = [lo, hi, max].map(|b| slice_bound(b, regs));
                        check!(ops::slice_unsigned_check(&prog, &r!(x), bounds, unsigned));
                    }
                    Instr::Len { d, x } => {
                        if let Value::Chan(id) = r!(x) {
                            let n = chan_query(id, false);
                            set_int!(d, n);
                        } else {
                            set_int!(d, ops::len(&r!(x)));
                        }
                    }
                    Instr::Cap { d, x } => {
                        if let Value::Chan(id) = r!(x) {
                            let n = chan_query(id, true);
                            set_int!(d, n);
                        } else {
                            set_int!(d, ops::cap(&r!(x)));
                        }
                    }
                    Instr::Append {
                        d,
                        s,
                        first,
                        n,
                        esize,
                    } => {
                        let items = &regs[first as usize..][..n as usize];
                        let v = check!(ops::append(&prog, &r!(s), items, esize));
                        charge!(cost::INSTR * n as u64);
                        r!(d).set(v);
                    }
                    Instr::AppendSlice { d, s, t, esize } => {
                        let items: Vec<Value> = match &r!(t) {
                            Value::Str(b) => b.iter().map(|&b| Value::Int(b as i64)).collect(),
                            other => other.elems(),
                        };
                        charge!(cost::INSTR * items.len() as u64);
                        let v = check!(ops::append(&prog, &r!(s), &items, esize));
                        r!(d).set(v);
                    }
                    Instr::CopySlice { d, dst, src } => {
                        let n = ops::copy(&r!(dst), &r!(src));
                        charge!(cost::INSTR * n as u64);
                        set_int!(d, n);
                    }
                    Instr::MapGet { d, m, k, zero } => {
                        charge!(cost::MAP);
                        let v = check!(ops::map_get(&prog, &r!(m), &r!(k)));
                        r!(d).set(v.unwrap_or_else(|| prog.consts[zero as usize].copy()));
                    }
                    Instr::MapGet2 { d, m, k, zero } => {
                        charge!(cost::MAP);
                        let v = check!(ops::map_get(&prog, &r!(m), &r!(k)));
                        r!(d + 1).set(Value::Bool(v.is_some()));
                        r!(d).set(v.unwrap_or_else(|| prog.consts[zero as usize].copy()));
                    }
                    Instr::MapSet { m, k, s } => {
                        charge!(cost::MAP);
                        let v = r!(s).clone();
                        check!(ops::map_set(&prog, &r!(m), &r!(k), v));
                    }
                    Instr::MapDelete { m, k } => {
                        charge!(cost::MAP);
                        check!(ops::map_delete(&prog, &r!(m), &r!(k)));
                    }
                    Instr::MapKeys { d, m } => {
                        let (keys, kept, clears) = ops::map_range_snapshot(&r!(m));
                        charge!(cost::ALLOC + keys.len() as u64 * cost::INSTR);
                        r!(d).set(Value::slice(keys));
                        r!(d + 1).set(kept.map_or(Value::Nil, Value::slice));
                        r!(d + 2).set(Value::Int(clears as i64));
                    }
                    Instr::MapRangeGet { d, m, k, at, i } => {
                        charge!(cost::MAP);
                        let v = check!(ops::map_get(&prog, &r!(m), &r!(k))).or_else(|| {
                            ops::map_range_kept(&r!(m), &r!(k), &r!(at + 1), &r!(at + 2), int!(i))
                        });
                        r!(d + 1).set(Value::Bool(v.is_some()));
                        if let Some(v) = v {
                            r!(d).set(v);
                        }
                    }
                    Instr::Clear { x, zero } => match &r!(x) {
                        Value::Map(m) => m.borrow_mut().clear(),
                        Value::Slice(s) => {
                            let z = &prog.consts[zero as usize];
                            let mut a = s.array.borrow_mut();
                            for v in &mut a[s.off as usize..(s.off + s.len) as usize] {
                                *v = z.copy();
                            }
                        }
                        _ => {}
                    },
                    Instr::DecodeRune { d, s, i } => {
                        let at = int!(i) as usize;
                        let (rune, width) =
                            ops::decode_rune(r!(s).as_bytes().get(at..).unwrap_or(&[]));
                        set_int!(d, rune);
                        r!(d + 1).set(Value::Int(width as i64));
                    }

                    // --- Interfaces
                    Instr::ToIface { d, s, ty } => {
                        let v = r!(s).clone();
                        r!(d).set(Value::iface(ty, v));
                    }
                    Instr::Assert { d, s, ty, iface } => {
                        let v = match &r!(s) {
                            Value::Iface(i) if i.ty == ty => i.val.clone(),
                            other => {
                                throw!(super::describe::assertion_error(&prog, iface, other, ty))
                            }
                        };
                        r!(d).set(v);
                    }
                    Instr::Assert2 { d, s, ty, zero } => {
                        let got = match &r!(s) {
                            Value::Iface(i) if i.ty == ty => Some(i.val.clone()),
                            _ => None,
                        };
                        r!(d + 1).set(Value::Bool(got.is_some()));
                        r!(d).set(got.unwrap_or_else(|| prog.consts[zero as usize].copy()));
                    }
                    Instr::AssertI { d, s, ty, iface } => {
                        let ok = match &r!(s) {
                            Value::Iface(i) => prog.types.implements(i.ty, ty).is_ok(),
                            _ => false,
                        };
                        if !ok {
                            throw!(super::describe::assertion_error(&prog, iface, &r!(s), ty));
                        }
                        r!(d).set(r!(s).clone());
                    }
                    Instr::AssertI2 { d, s, ty } => {
                        let ok = match &r!(s) {
                            Value::Iface(i) => prog.types.implements(i.ty, ty).is_ok(),
                            _ => false,
                        };
                        r!(d + 1).set(Value::Bool(ok));
                        r!(d).set(if ok { r!(s).clone() } else { Value::Nil });
                    }
                    Instr::TypeOf { d, s } => {
                        set_int!(
                            d,
                            match &r!(s) {
                                Value::Iface(i) => i.ty as i64,
                                _ => -1,
                            }
                        );
                    }
                    Instr::Implements { d, s, ty } => {
                        let ok = match &r!(s) {
                            Value::Iface(i) => prog.types.implements(i.ty, ty).is_ok(),
                            _ => false,
                        };
                        r!(d).set(Value::Bool(ok));
                    }

                    // --- Channels
                    Instr::Send { ch, v } => {
                        pay_first!();
                        charge!(cost::CHAN);
                        if real {
                            save!();
                            self.before_hub_op();
                            reborrow!();
                        }
                        let mut fut = chan_of(&r!(ch)).send(r!(v).copy());
                        if poll_once(&mut fut).is_pending() {
                            block!(Pending::Send(fut), true);
                        }
                    }
                    Instr::Recv { d, ch, zero } => recv!(d, ch, zero, false),
                    Instr::Recv2 { d, ch, zero } => recv!(d, ch, zero, true),
                    Instr::RangeRecv { d, ch, t } => {
                        pay_first!();
                        charge!(cost::CHAN);
                        let mut fut = chan_of(&r!(ch)).recv();
                        match poll_once(&mut fut) {
                            Poll::Ready(Some(v)) => {
                                r!(d).set(v);
                                back_edge!(t);
                            }
                            Poll::Ready(None) => {}
                            Poll::Pending => block!(
                                Pending::Recv {
                                    fut,
                                    dst: base + d as usize,
                                    into: Received::Range { body: t },
                                },
                                false
                            ),
                        }
                    }
                    Instr::Close { ch } => {
                        pay_first!();
                        let chan = chan_of(&r!(ch));
                        save!();
                        charge!(cost::CHAN);
                        if real {
                            self.before_hub_op();
                            reborrow!();
                        }
                        let mut fut = chan.close();
                        if poll_once(&mut fut).is_pending() {
                            // It panicked, or it waits for the hub's answer (real mode).
                            block!(Pending::Unit(UnitOp::Close(fut)), true);
                        }
                    }
                    Instr::Select { sel, d } => {
                        pay_first!();
                        let desc = &prog.selects[sel as usize];
                        let mut s = rt::Select::new();
                        for case in &desc.cases {
                            let chan = chan_of(&r!(case.ch));
                            match case.send {
                                Some(v) => {
                                    s.send(chan, r!(v).copy());
                                }
                                None => {
                                    s.recv(chan);
                                }
                            }
                        }
                        if desc.has_default {
                            s.default_case();
                        }
                        charge!(cost::CHAN);
                        let mut fut = s.wait();
                        match poll_once(&mut fut) {
                            Poll::Ready(selected) => {
                                self.finish_select(sel, base + d as usize, base, selected);
                                reborrow!();
                            }
                            Poll::Pending => block!(
                                Pending::Select {
                                    fut,
                                    sel,
                                    dst: base + d as usize,
                                    base,
                                },
                                true
                            ),
                        }
                    }

                    Instr::Print { first, n, newline } => {
                        pay_first!();
                        let text = super::describe::print_builtin(
                            &prog.types,
                            &regs[first as usize..][..n as usize],
                            newline,
                        );
                        rt::eprint(text);
                    }
                }
            }
        }
    }
}

/// `iters` iterations of a counted loop whose body only accumulates, from counter `from`:
/// each adds `addend` (the counter when `None`) to `sum`, then steps the counter. Returns the
/// sum and the counter. Every iteration is computed, as Go computes it: each iteration's
/// addend is mixed with a zero the optimiser cannot see, which would otherwise replace the
/// loop by its closed form. The zero stays in a register; an opaque loop end went through
/// memory every iteration (in wasm a store and two loads of linear memory, whose speed in
/// Chromium swung between one and two cycles an iteration from one moment to the next).
fn accumulate(mut sum: i64, from: i64, addend: Option<i64>, iters: u64) -> (i64, i64) {
    let zero = std::hint::black_box(0i64);
    let end = from.wrapping_add(iters as i64);
    let mut i = from;
    match addend {
        None => {
            while i != end {
                sum = sum.wrapping_add(i ^ zero);
                i = i.wrapping_add(1);
            }
        }
        Some(a) => {
            while i != end {
                sum = sum.wrapping_add(a ^ (i & zero));
                i = i.wrapping_add(1);
            }
        }
    }
    (sum, i)
}

/// What a goroutine paying its CPU debt keeps (see [`Gor::pay`]).
#[derive(Clone, Copy)]
enum Keep {
    /// Its processor: it goes on running once paid.
    Processor,
    /// Nothing: it is preempted, and the others may run first.
    Nothing,
}

/// Instructions until a goroutine's `debt` reaches the preemption `quantum` (never, in a nested
/// call, which may not wait).
fn quantum_steps(quantum: u64, debt: u64, nested: u32) -> u64 {
    if nested == 0 {
        quantum.saturating_sub(debt) / cost::INSTR
    } else {
        u64::MAX
    }
}

/// A slice expression's bound in register `reg`; none for `R::MAX`, an absent bound.
fn slice_bound(reg: u16, regs: &[Value]) -> Option<i64> {
    (reg != u16::MAX).then(|| regs[reg as usize].as_int())
}

/// The channel a register holds (nil for anything else).
pub(crate) fn chan_of(v: &Value) -> Chan<Value> {
    match v {
        Value::Chan(id) => Chan::from_id(*id),
        _ => Chan::nil(),
    }
}

/// `len(ch)` or `cap(ch)` (in real mode only known once the hub answers; a goroutine asks it
/// rarely, so the answer is taken from the local runtime when it has one, else 0).
pub(crate) fn chan_query(id: u32, cap: bool) -> i64 {
    let ch: Chan<Value> = Chan::from_id(id);
    let mut fut = if cap { ch.cap() } else { ch.len() };
    match poll_once(&mut fut) {
        Poll::Ready(n) => n as i64,
        Poll::Pending => 0,
    }
}

/// Polls runtime operation `fut` once. The runtime polls a goroutine again when an operation
/// it waits on can go on, so no waker is needed.
#[inline]
pub(super) fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    let mut cx = Context::from_waker(Waker::noop());
    Pin::new(fut).poll(&mut cx)
}
