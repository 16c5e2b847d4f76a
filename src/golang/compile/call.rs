//! Calls (of functions, methods, interface methods and function values), `go` and `defer`,
//! the builtins, and conversions.
//!
//! A call's arguments go in a window of registers at the top of the frame; the callee's
//! frame starts there and its results come back there.

use crate::golang::syntax::ast::{ExprId, ExprKind, Name};
use crate::golang::types::constant::ConstValue;
use crate::golang::types::info::{CallKind, Mode, RecvAdjust, Selection, SelectionKind};
use crate::golang::types::object::{Builtin, ObjId, ObjKind};
use crate::golang::types::ty::{BasicKind, Type, TypeId};
use crate::golang::vm::instr::{Instr, NO_WRAP, R};

use super::func::FnC;

/// What a call calls, once its window is filled.
pub enum Callee {
    /// A compiled function (declared, method, or wrapper).
    Func(u32),
    /// A native function (and its declaration, for a `go` of it, which needs a function).
    Native { n: u32, obj: ObjId },
    /// The function value in a register.
    Value(R),
    /// An interface method (the interface is the window's first value).
    Method(u32),
}

/// How a call statement runs: now, in a new goroutine, or deferred.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum How {
    Now,
    Go,
    Defer,
}

impl FnC<'_, '_> {
    /// A call expression's first result in `d`.
    pub fn call_to(&mut self, e: ExprId, d: R) {
        let ch = self.c.ch;
        match ch.info.call(e).copied() {
            Some(CallKind::Conversion(t)) => {
                let t = self.subst(t);
                let ExprKind::Call { args, .. } = ch.ast.expr(e).kind else {
                    return;
                };
                let arg = ch.ast.list(args)[0];
                self.convert_to(arg, t, d);
            }
            Some(CallKind::Builtin(b)) => self.builtin_to(e, b, d),
            _ => {
                let base = self.call(e, How::Now);
                if base != d {
                    self.emit(Instr::Mov { d, s: base });
                }
                if ch.info.mode(e) == Mode::CommaOk {
                    self.emit(Instr::Mov {
                        d: d + 1,
                        s: base + 1,
                    });
                }
            }
        }
    }

    /// Compiles call expression `e` (run now, by `go`, or deferred); returns the window's base,
    /// where the results are.
    pub fn call(&mut self, e: ExprId, how: How) -> R {
        let ch = self.c.ch;
        let ExprKind::Call {
            fun,
            args,
            dots,
            lparen,
            ..
        } = ch.ast.expr(e).kind
        else {
            return self.top();
        };
        if let Some(CallKind::Builtin(b)) = ch.info.call(e).copied() {
            // `go`/`defer` of a builtin (`defer close(ch)`, `defer wg.Done()` is a method).
            return self.deferred_builtin(e, b, how);
        }
        let args: Vec<ExprId> = ch.ast.list(args).to_vec();
        let fun = ch.ast.unparen(fun);
        let sig_t = self.ty(fun);
        let sig =
            self.c
                .types
                .signature(sig_t)
                .cloned()
                .unwrap_or(crate::golang::types::ty::Signature {
                    params: Vec::new(),
                    results: Vec::new(),
                    variadic: false,
                });
        // The callee, and the receiver when it is a method call.
        let mut recv: Option<(ExprId, Selection, Name)> = None;
        let mut callee_obj: Option<ObjId> = None;
        // `F[int](x)`: the instance is recorded on `F`.
        let fun = match ch.ast.expr(fun).kind {
            ExprKind::Index { x, .. } if ch.info.instances.contains_key(&ch.ast.unparen(x)) => {
                ch.ast.unparen(x)
            }
            _ => fun,
        };
        match ch.ast.expr(fun).kind {
            ExprKind::Ident(_) => {
                if let Some(o) = ch.info.use_of(fun) {
                    if matches!(ch.objs[o.0 as usize].kind, ObjKind::Func(_))
                        && !self.vars.contains_key(&o)
                    {
                        callee_obj = Some(o);
                    }
                }
            }
            ExprKind::Selector { x, sel } => match ch.info.selection(fun).copied() {
                Some(s) if s.kind == SelectionKind::Method => {
                    recv = Some((x, s, ch.ast.ident(sel).unwrap_or(Name::BLANK)))
                }
                Some(s) if s.kind == SelectionKind::Qualified => {
                    if matches!(ch.objs[s.obj.0 as usize].kind, ObjKind::Func(_)) {
                        callee_obj = Some(s.obj);
                    }
                }
                None => {
                    if let Some(o) = ch.info.use_of(sel) {
                        if matches!(ch.objs[o.0 as usize].kind, ObjKind::Func(_)) {
                            callee_obj = Some(o);
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        let nres = sig.results.len();
        let nrecv = usize::from(recv.is_some());
        let nargs = nrecv + sig.params.len();
        let base = self.alloc_n(nargs.max(nres).max(1));
        let mut callee = None;
        if let Some((x, s, name)) = recv {
            callee = Some(self.receiver_to(x, &s, name, base));
        } else if callee_obj.is_none() {
            let f = self.expr(fun);
            callee = Some(Callee::Value(f));
        }
        self.args_to(&args, &sig, dots, base + nrecv as u16);
        let callee = callee.unwrap_or_else(|| {
            let o = callee_obj.expect("a call without a callee value names a function");
            if let Some(n) = self.c.has_native(o) {
                Callee::Native { n, obj: o }
            } else {
                let targs = self.instance_targs(fun);
                Callee::Func(self.c.func_instance(o, targs))
            }
        });
        // A call is at its `(`, as gc places it (a chain `a.\n\tb()` calls b on b's line);
        // `go` and `defer` are at their statement's line.
        let line = self.line;
        if matches!(how, How::Now) {
            self.line = self.c.line(lparen);
        }
        let wrapped = nargs + nres > 0;
        self.emit_call(callee, base, nargs as u16, how, wrapped);
        self.line = line;
        base
    }

    /// Emits the call of `callee` on the window at `base`. `wrapped`: a go or defer statement
    /// whose call Go 1.19 wraps in a function of its own (one with arguments or results, or
    /// of a builtin), which is numbered after the function's literals (`main.main.func3`).
    pub fn emit_call(&mut self, callee: Callee, base: R, nargs: u16, how: How, wrapped: bool) {
        let mut wrap = NO_WRAP;
        if how != How::Now && wrapped {
            self.wraps += 1;
            if let (How::Go, Callee::Value(_)) = (how, &callee) {
                wrap = self.nil_func_wrapper();
            }
        }
        let i = match (how, callee) {
            (How::Now, Callee::Func(f)) => Instr::Call { f, base },
            (How::Now, Callee::Native { n, .. }) => Instr::Native { n, base, nargs },
            (How::Now, Callee::Value(f)) => Instr::CallV { f, base },
            (How::Now, Callee::Method(m)) => Instr::CallI { m, base },
            (How::Go, Callee::Func(f)) => Instr::Go { f, base, nargs },
            (How::Go, Callee::Native { obj, .. }) => Instr::Go {
                f: self.c.func_index(obj),
                base,
                nargs,
            },
            (How::Go, Callee::Value(f)) => Instr::GoV {
                f,
                base,
                nargs,
                wrap,
            },
            (How::Go, Callee::Method(m)) => Instr::GoI { m, base, nargs },
            (How::Defer, Callee::Func(f)) => Instr::Defer { f, base, nargs },
            (How::Defer, Callee::Native { n, .. }) => Instr::DeferNative { n, base, nargs },
            (How::Defer, Callee::Value(f)) => Instr::DeferV { f, base, nargs },
            (How::Defer, Callee::Method(m)) => Instr::DeferI { m, base, nargs },
        };
        self.emit(i);
        if let (How::Defer, Some(r)) = (how, &self.range) {
            // In the body of a loop over a function: deferred to the function the loop is in.
            let f = r.frame;
            self.emit(Instr::DeferTo { f });
        }
    }

    /// Puts the arguments `args` of a call of signature `sig` in registers from `at`:
    /// converted to the parameters' types, a variadic call's extra arguments packed in a slice.
    pub fn args_to(
        &mut self,
        args: &[ExprId],
        sig: &crate::golang::types::ty::Signature,
        spread: bool,
        at: R,
    ) {
        let ch = self.c.ch;
        let np = sig.params.len();
        // `f(g())` with g returning several values: g's results are f's arguments.
        if args.len() == 1 {
            let at0 = self.ty(args[0]);
            if let Type::Tuple(elems) = self.c.types.get(at0).clone() {
                let base = self.call(ch.ast.unparen(args[0]), How::Now);
                self.reserve(at, elems.len());
                for (i, &et) in elems.iter().enumerate() {
                    let p = self.param_type(sig, i);
                    self.emit(Instr::Mov {
                        d: at + i as u16,
                        s: base + i as u16,
                    });
                    self.coerce(at + i as u16, et, p);
                }
                if sig.variadic && !spread {
                    self.pack_variadic_regs(sig, at, elems.len());
                }
                return;
            }
        }
        let fixed = if sig.variadic { np - 1 } else { np };
        for (i, &a) in args.iter().enumerate().take(fixed) {
            let t = sig.params[i];
            self.value_to(a, t, at + i as u16);
        }
        if !sig.variadic {
            return;
        }
        let slot = at + fixed as u16;
        let slice_t = sig.params[np - 1];
        if spread {
            if let Some(&a) = args.get(fixed) {
                self.value_to(a, slice_t, slot);
            }
            return;
        }
        let extra = &args[fixed.min(args.len())..];
        if extra.is_empty() {
            self.emit(Instr::Nil { d: slot });
            return;
        }
        let elem = match self.c.under(slice_t) {
            Type::Slice(e) => *e,
            _ => slice_t,
        };
        let mark = self.mark();
        let first = self.alloc_n(extra.len());
        for (k, &a) in extra.iter().enumerate() {
            self.value_to(a, elem, first + k as u16);
        }
        self.emit(Instr::MakeSliceLit {
            d: slot,
            first,
            n: extra.len() as u16,
        });
        self.release(mark.max(slot + 1));
    }

    /// Packs the values in registers `at + np - 1 .. at + n` into the variadic slice.
    fn pack_variadic_regs(&mut self, sig: &crate::golang::types::ty::Signature, at: R, n: usize) {
        let np = sig.params.len();
        let slot = at + (np - 1) as u16;
        let count = (n + 1).saturating_sub(np);
        let first = self.alloc_n(count);
        for k in 0..count {
            self.emit(Instr::Mov {
                d: first + k as u16,
                s: slot + k as u16,
            });
        }
        self.emit(Instr::MakeSliceLit {
            d: slot,
            first,
            n: count as u16,
        });
    }

    /// The type of parameter `i` (the variadic one's element type for the extra ones).
    fn param_type(&self, sig: &crate::golang::types::ty::Signature, i: usize) -> TypeId {
        let np = sig.params.len();
        if sig.variadic && i + 1 >= np {
            let last = sig.params[np - 1];
            return match self.c.under(last) {
                Type::Slice(e) => *e,
                _ => last,
            };
        }
        sig.params.get(i).copied().unwrap_or(TypeId::INVALID)
    }

    /// Puts a method call's receiver in register `d` and returns the method to call.
    fn receiver_to(&mut self, x: ExprId, s: &Selection, name: Name, d: R) -> Callee {
        let ch = self.c.ch;
        // The embedded fields to walk to the value whose type has the method.
        let path = ch.info.path(s).to_vec();
        let steps = &path[..];
        let method = s.obj;
        if s.recv == RecvAdjust::TypeParam {
            return self.type_param_receiver_to(x, s, name, d);
        }
        if s.recv == RecvAdjust::Dynamic {
            let recv = self.expr(x);
            let v = self.fields(recv, steps);
            self.emit(Instr::Mov { d, s: v });
            // In a generic function's copy, the interface's methods with its type arguments.
            let xt = self.subst(s.x_ty);
            let key = self.c.iface_method_key(xt, steps, name);
            return Callee::Method(self.c.prog.types.method_id(&key));
        }
        if s.recv == RecvAdjust::AddrOf && steps.is_empty() {
            self.address_to(x, d);
        } else {
            let mut v = self.expr(x);
            for (k, &i) in steps.iter().enumerate() {
                let last = k + 1 == steps.len();
                let to = if last { d } else { self.alloc() };
                if last && s.recv == RecvAdjust::AddrOf {
                    self.emit(Instr::FieldPtr {
                        d: to,
                        a: v,
                        i: i as u16,
                    });
                } else {
                    self.emit(Instr::Field {
                        d: to,
                        a: v,
                        i: i as u16,
                    });
                }
                v = to;
            }
            if v != d {
                self.emit(Instr::Mov { d, s: v });
            }
            match s.recv {
                RecvAdjust::Deref => {
                    self.emit(Instr::Load { d, p: d });
                    self.emit(Instr::Copy { d, s: d });
                }
                RecvAdjust::None => {
                    let recv_is_ptr = ch.objs[method.0 as usize]
                        .func()
                        .is_some_and(|f| f.ptr_recv);
                    if !recv_is_ptr {
                        // A value receiver gets a copy.
                        self.emit(Instr::Copy { d, s: d });
                    }
                }
                _ => {}
            }
        }
        if let Some(n) = self.c.has_native(method) {
            Callee::Native { n, obj: method }
        } else {
            // A method of a generic type: the copy for the receiver's type arguments.
            let xt = self.subst(s.x_ty);
            let recv_t = self.c.field_type_at(xt, steps);
            let targs = self.c.method_targs(recv_t);
            Callee::Func(self.c.func_instance(method, targs))
        }
    }

    /// The receiver of a method called on a value whose type is a type parameter (through
    /// its constraint), in register `d`: in this copy the type argument's own method, or an
    /// interface call when the type argument is an interface.
    fn type_param_receiver_to(&mut self, x: ExprId, s: &Selection, name: Name, d: R) -> Callee {
        let path = self.c.ch.info.path(s).to_vec();
        let recv = self.expr(x);
        let v = self.fields(recv, &path);
        let xt = self.subst(s.x_ty);
        let vt = self.c.field_type_at(xt, &path);
        if self.c.is_iface(vt) {
            self.emit(Instr::Mov { d, s: v });
            let key = self.c.iface_method_key(vt, &[], name);
            return Callee::Method(self.c.prog.types.method_id(&key));
        }
        if self.c.is_agg(vt) {
            self.emit(Instr::Copy { d, s: v });
        } else {
            self.emit(Instr::Mov { d, s: v });
        }
        match self.c.method_by_name(vt, name) {
            Some(f) => Callee::Func(f),
            None => {
                // The checker proved the type argument has the method.
                debug_assert!(false, "no method {name:?} on a type argument");
                Callee::Method(0)
            }
        }
    }

    /// A method value `x.M`: a closure holding the receiver (evaluated now).
    pub fn method_value_to(&mut self, e: ExprId, x: ExprId, s: &Selection, d: R) {
        let ch = self.c.ch;
        let name = match ch.ast.expr(e).kind {
            ExprKind::Selector { sel, .. } => ch.ast.ident(sel).unwrap_or(Name::BLANK),
            _ => Name::BLANK,
        };
        let r = self.alloc();
        let callee = self.receiver_to(x, s, name, r);
        if matches!(callee, Callee::Method(_)) {
            // `i.M` of a nil interface panics where it is evaluated.
            self.nil_check(r);
        }
        let sig = self.ty(e);
        let go_name = if s.obj.is_none() {
            self.c.ch.ast.names.get(name).to_string()
        } else {
            self.c.go_func_name(s.obj)
        };
        let f = match callee {
            Callee::Func(f) => self.c.bound_method(f, sig, &go_name, None),
            Callee::Native { obj, .. } => {
                let f = self.c.func_index(obj);
                self.c.bound_method(f, sig, &go_name, None)
            }
            Callee::Method(m) => self.c.bound_method(0, sig, &go_name, Some(m)),
            Callee::Value(_) => return,
        };
        self.emit(Instr::Closure {
            d,
            f,
            first: r,
            n: 1,
        });
    }

    /// `T(x)` into `d`.
    fn convert_to(&mut self, x: ExprId, to: TypeId, d: R) {
        let from = self.ty(x);
        if self.c.ch.info.mode(x) == Mode::Nil {
            self.emit(Instr::Nil { d });
            return;
        }
        if self.c.is_iface(to) {
            self.value_to(x, to, d);
            return;
        }
        // A constant converted to a type parameter's type argument (`T(3.14)` in a copy
        // where T is complex128): the constant of that type.
        if self.c.types.is_numeric(to) {
            if let Some(v) = self.c.ch.info.constant(x).cloned() {
                self.constant_to(&v, to, d);
                return;
            }
        }
        if let (Some(fk), Some(tk)) = (self.c.int_kind(from), self.c.int_kind(to)) {
            if tk.holds(fk) {
                self.expr_to(x, d);
            } else {
                let s = self.expr(x);
                self.emit(Instr::Wrap { d, s, kind: tk });
            }
            return;
        }
        let types = &self.c.types;
        let (fb, tb) = (types.basic(from), types.basic(to));
        let s = self.expr(x);
        match (fb, tb) {
            (Some(f), Some(t)) if f.is_integer() && t.is_float() => {
                let unsigned64 = f.is_unsigned() && f.bits() == 64;
                let i = match (t == BasicKind::Float32, f.bits() == 64) {
                    // Rounded once, from the integer.
                    (true, true) if unsigned64 => Instr::UToF32 { d, s },
                    (true, true) => Instr::IToF32 { d, s },
                    _ if unsigned64 => Instr::UToF { d, s },
                    _ => Instr::IToF { d, s },
                };
                self.emit(i);
                // A narrower integer is exact in float64, then rounded once to float32.
                if t == BasicKind::Float32 && f.bits() < 64 {
                    self.emit(Instr::F32 { d });
                }
            }
            (Some(f), Some(_)) if f.is_float() && self.c.int_kind(to).is_some() => {
                let kind = self
                    .c
                    .int_kind(to)
                    .unwrap_or(crate::golang::vm::types::IntKind::Int);
                self.emit(Instr::FToI { d, s, kind });
            }
            (Some(f), Some(t)) if f.is_float() && t.is_float() => {
                self.emit(Instr::Mov { d, s });
                if t == BasicKind::Float32 {
                    self.emit(Instr::F32 { d });
                }
            }
            (Some(f), Some(t)) if f.is_integer() && t.is_string() => {
                self.emit(Instr::RuneToS { d, s });
            }
            (Some(f), Some(t)) if f.is_complex() && t.is_complex() => {
                self.emit(Instr::Mov { d, s });
                if t == BasicKind::Complex64 {
                    self.emit(Instr::C64 { d });
                }
            }
            _ => {
                let to_u = self.c.under(to).clone();
                let from_u = self.c.under(from).clone();
                match (&from_u, &to_u) {
                    (Type::Basic(k), Type::Slice(e)) if k.is_string() => {
                        if self.c.types.basic(*e) == Some(BasicKind::Int32) {
                            self.emit(Instr::SToRunes { d, s });
                        } else {
                            self.emit(Instr::SToBytes { d, s });
                        }
                    }
                    (Type::Slice(e), Type::Basic(k)) if k.is_string() => {
                        if self.c.types.basic(*e) == Some(BasicKind::Int32) {
                            self.emit(Instr::RunesToS { d, s });
                        } else {
                            self.emit(Instr::BytesToS { d, s });
                        }
                    }
                    (Type::Slice(_), Type::Pointer(_)) => {
                        let n = self.c.array_len(to).unwrap_or(0) as u32;
                        self.emit(Instr::SliceToArrayPtr { d, s, n });
                    }
                    (Type::Slice(_), Type::Array(..)) => {
                        let n = self.c.array_len(to).unwrap_or(0) as u32;
                        self.emit(Instr::SliceToArray { d, s, n });
                    }
                    _ => {
                        if self.c.is_agg(to) {
                            self.emit(Instr::Copy { d, s });
                        } else {
                            self.emit(Instr::Mov { d, s });
                        }
                    }
                }
            }
        }
    }

    /// A builtin call's result in `d`.
    fn builtin_to(&mut self, e: ExprId, b: Builtin, d: R) {
        let ch = self.c.ch;
        let ExprKind::Call { args, dots, .. } = ch.ast.expr(e).kind else {
            return;
        };
        let args: Vec<ExprId> = ch.ast.list(args).to_vec();
        if let Some((base, elems)) = self.spread_args(e, b, &args) {
            self.spread_builtin_to(e, b, d, base, &elems);
            return;
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = self.expr(args[0]);
                let at = self.ty(args[0]);
                if let Some(n) = self.c.array_len(at) {
                    // Even through a nil pointer: the length is the type's.
                    self.constant_to(&ConstValue::Int(n as i128), TypeId::INT, d);
                    return;
                }
                if b == Builtin::Len {
                    self.emit(Instr::Len { d, x });
                } else {
                    self.emit(Instr::Cap { d, x });
                }
            }
            Builtin::Append => {
                let elem = self.append_elem(e);
                let esize = self.c.elem_size(elem);
                let s = self.expr(args[0]);
                if dots {
                    let t = self.expr(args[1]);
                    self.emit(Instr::AppendSlice { d, s, t, esize });
                } else {
                    let rest = &args[1..];
                    let first = self.alloc_n(rest.len());
                    for (k, &a) in rest.iter().enumerate() {
                        self.value_to(a, elem, first + k as u16);
                    }
                    self.emit(Instr::Append {
                        d,
                        s,
                        first,
                        n: rest.len() as u16,
                        esize,
                    });
                }
            }
            Builtin::Copy => {
                let dst = self.expr(args[0]);
                let src = self.expr(args[1]);
                self.emit(Instr::CopySlice { d, dst, src });
            }
            Builtin::Delete => {
                let m = self.expr(args[0]);
                let t = self.ty(args[0]);
                let kt = match self.c.under(t) {
                    Type::Map(k, _) => *k,
                    _ => TypeId::INVALID,
                };
                let k = self.value(args[1], kt);
                self.emit(Instr::MapDelete { m, k });
            }
            Builtin::Make => {
                let t = self.ty(args[0]);
                match self.c.under(t).clone() {
                    Type::Slice(elem) => {
                        let len = self.expr(args[1]);
                        let cap = match args.get(2) {
                            Some(&c) => self.expr(c),
                            None => R::MAX,
                        };
                        let zero = self.c.zero(elem);
                        self.emit(Instr::MakeSlice { d, len, cap, zero });
                    }
                    Type::Map(..) => {
                        self.emit(Instr::MakeMap { d });
                    }
                    under => {
                        let cap = match args.get(1) {
                            Some(&c) => self.expr(c),
                            None => R::MAX,
                        };
                        let name = self.chan_name(e);
                        let esize = match under {
                            Type::Chan(_, elem) => self.c.elem_size(elem),
                            _ => 0,
                        };
                        self.emit(Instr::MakeChan {
                            d,
                            cap,
                            name,
                            esize,
                        });
                    }
                }
            }
            Builtin::New => {
                let t = self.ty(args[0]);
                let zero = self.c.zero(t);
                self.emit(Instr::New { d, zero });
            }
            Builtin::Panic => {
                let s = self.value(args[0], TypeId::EMPTY_INTERFACE);
                self.emit(Instr::Panic { s });
            }
            Builtin::Recover => {
                self.emit(Instr::Recover { d });
            }
            Builtin::Complex => {
                let re = self.expr(args[0]);
                let im = self.expr(args[1]);
                self.emit(Instr::MakeC { d, re, im });
            }
            Builtin::Real => {
                let s = self.expr(args[0]);
                self.emit(Instr::RealC { d, s });
            }
            Builtin::Imag => {
                let s = self.expr(args[0]);
                self.emit(Instr::ImagC { d, s });
            }
            // Constants, which the caller emits.
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => {}
            Builtin::Print | Builtin::Println => {
                let first = self.alloc_n(args.len());
                for (k, &a) in args.iter().enumerate() {
                    self.print_arg_to(a, first + k as u16);
                }
                self.emit(Instr::Print {
                    first,
                    n: args.len() as u16,
                    newline: b == Builtin::Println,
                });
            }
            Builtin::Close => {
                let ch = self.expr(args[0]);
                self.emit(Instr::Close { ch });
            }
            Builtin::Clear => {
                let x = self.expr(args[0]);
                let t = self.ty(args[0]);
                let elem = match self.c.under(t) {
                    Type::Slice(el) | Type::Map(_, el) => *el,
                    _ => TypeId::INVALID,
                };
                let zero = self.c.zero(elem);
                self.emit(Instr::Clear { x, zero });
            }
            Builtin::Min | Builtin::Max => {
                let t = self.ty(e);
                self.value_to(args[0], t, d);
                for &a in &args[1..] {
                    let m = self.mark();
                    let v = self.value(a, t);
                    self.min_max_step(b, t, d, v);
                    self.release(m);
                }
            }
        }
    }

    /// The element type of the slice `append` call `e` makes.
    fn append_elem(&mut self, e: ExprId) -> TypeId {
        let st = self.ty(e);
        match self.c.under(st) {
            Type::Slice(el) => *el,
            _ => st,
        }
    }

    /// `min`/`max`: `v` replaces `d` (both of type `t`) if it beats it.
    fn min_max_step(&mut self, b: Builtin, t: TypeId, d: R, v: R) {
        let m = self.mark();
        let c = self.alloc();
        let (x, y) = if b == Builtin::Min { (v, d) } else { (d, v) };
        let i = if self.c.is_float(t) {
            Instr::LtF { d: c, a: x, b: y }
        } else if self.c.is_string(t) {
            Instr::LtS { d: c, a: x, b: y }
        } else if self.c.types.is_unsigned(t) {
            Instr::LtU { d: c, a: x, b: y }
        } else {
            Instr::LtI { d: c, a: x, b: y }
        };
        self.emit(i);
        let j = self.emit(Instr::Jf { c, t: 0 });
        self.emit(Instr::Mov { d, s: v });
        let end = self.here();
        self.patch(j, end);
        self.release(m);
    }

    /// `copy(f())`, `append(g())`, `complex(h())`, `println(k())`: a builtin whose one argument
    /// is a call of several results takes those results as its arguments. The call's results,
    /// in registers from the returned one, are converted to what the builtin takes (boxed for
    /// `print`, an interface key or element where the map or slice holds interfaces).
    fn spread_args(&mut self, e: ExprId, b: Builtin, args: &[ExprId]) -> Option<(R, Vec<TypeId>)> {
        let &[a] = args else { return None };
        if matches!(b, Builtin::Make | Builtin::New) {
            return None;
        }
        let at0 = self.ty(a);
        let Type::Tuple(elems) = self.c.types.get(at0).clone() else {
            return None;
        };
        let base = self.call(self.c.ch.ast.unparen(a), How::Now);
        let at = |i: usize| base + i as u16;
        match b {
            Builtin::Print | Builtin::Println => {
                for (i, &t) in elems.iter().enumerate() {
                    self.print_box(at(i), t);
                }
            }
            Builtin::Delete => {
                if let Type::Map(k, _) = self.c.under(elems[0]).clone() {
                    self.coerce(at(1), elems[1], k);
                }
            }
            Builtin::Append => {
                let el = self.append_elem(e);
                for (i, &t) in elems.iter().enumerate().skip(1) {
                    self.coerce(at(i), t, el);
                }
            }
            _ => {}
        }
        Some((base, elems))
    }

    /// A builtin on the results of one call, in registers from `base` (see [`spread_args`]).
    fn spread_builtin_to(&mut self, e: ExprId, b: Builtin, d: R, base: R, elems: &[TypeId]) {
        let at = |i: usize| base + i as u16;
        let n = elems.len() as u16;
        match b {
            Builtin::Copy => {
                self.emit(Instr::CopySlice {
                    d,
                    dst: at(0),
                    src: at(1),
                });
            }
            Builtin::Delete => {
                self.emit(Instr::MapDelete { m: at(0), k: at(1) });
            }
            Builtin::Append => {
                let elem = self.append_elem(e);
                let esize = self.c.elem_size(elem);
                self.emit(Instr::Append {
                    d,
                    s: at(0),
                    first: at(1),
                    n: n - 1,
                    esize,
                });
            }
            Builtin::Complex => {
                self.emit(Instr::MakeC {
                    d,
                    re: at(0),
                    im: at(1),
                });
            }
            Builtin::Print | Builtin::Println => {
                self.emit(Instr::Print {
                    first: base,
                    n,
                    newline: b == Builtin::Println,
                });
            }
            Builtin::Min | Builtin::Max => {
                let t = self.ty(e);
                self.emit(Instr::Mov { d, s: at(0) });
                for i in 1..elems.len() {
                    self.min_max_step(b, t, d, at(i));
                }
            }
            // The checker lets no other builtin take several values.
            _ => {}
        }
    }

    /// An argument of `print`/`println` in `d`, boxed with its type (an interface value
    /// boxed with its interface type), so that the builtin prints it in Go's format.
    fn print_arg_to(&mut self, a: ExprId, d: R) {
        let t = self.ty(a);
        self.expr_to(a, d);
        self.print_box(d, t);
    }

    /// Boxes the value of type `t` in `d` with its type, for `print`.
    fn print_box(&mut self, d: R, t: TypeId) {
        let ty = self.c.rtype(t);
        self.emit(Instr::ToIface { d, s: d, ty });
    }

    /// The wrapper of this function's latest wrapped go statement, `go f(args)` of a function
    /// value, which runs only when `f` is nil: the new goroutine calls nil there (its first
    /// register) and panics in its first frame, as in Go 1.19, whose wrapper takes no
    /// parameters. Its name is set when this function is finished ([`FnC::finish`]), when its
    /// literals are counted.
    fn nil_func_wrapper(&mut self) -> u32 {
        let index = self.c.new_func(String::new());
        let code = vec![Instr::CallV { f: 0, base: 1 }, Instr::Ret];
        let func = &mut self.c.prog.funcs[index as usize];
        func.lines = vec![self.line; code.len()];
        func.code = code;
        func.file = self.file.clone();
        func.nregs = 2;
        self.nil_wrappers.push((index, self.wraps));
        index
    }

    /// `go`/`defer` of a builtin: `defer close(ch)`, `defer println(x)`, `defer panic(v)`:
    /// its arguments are evaluated now and a closure runs it later.
    fn deferred_builtin(&mut self, e: ExprId, b: Builtin, how: How) -> R {
        if how == How::Now {
            let d = self.alloc();
            self.builtin_to(e, b, d);
            return d;
        }
        let ch = self.c.ch;
        let ExprKind::Call { args, .. } = ch.ast.expr(e).kind else {
            return self.top();
        };
        let args: Vec<ExprId> = ch.ast.list(args).to_vec();
        if let Some((base, elems)) = self.spread_args(e, b, &args) {
            let f = self.c.builtin_func(b, elems.len() as u16, 0);
            self.emit_call(Callee::Func(f), base, elems.len() as u16, how, true);
            return base;
        }
        let mut zero = 0;
        let base = self.alloc_n(args.len().max(1));
        for (k, &a) in args.iter().enumerate() {
            let at = base + k as u16;
            let t = self.ty(a);
            match (b, self.c.under(t).clone()) {
                (Builtin::Panic, _) => self.value_to(a, TypeId::EMPTY_INTERFACE, at),
                (Builtin::Print | Builtin::Println, _) => self.print_arg_to(a, at),
                (Builtin::Delete, Type::Map(key, _)) => {
                    self.expr_to(a, at);
                    self.value_to(args[1], key, at + 1);
                    break;
                }
                (Builtin::Clear, Type::Slice(el) | Type::Map(_, el)) => {
                    zero = self.c.zero(el);
                    self.expr_to(a, at);
                }
                _ => self.expr_to(a, at),
            }
        }
        let f = self.c.builtin_func(b, args.len() as u16, zero);
        self.emit_call(Callee::Func(f), base, args.len() as u16, how, true);
        base
    }
}
