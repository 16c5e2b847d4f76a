//! Expressions.
//!
//! `expr` evaluates an expression into some register (a variable's own, for reading only);
//! `expr_to` into a given register; `value_to` into a register as a value to store: converted
//! to the destination's type (a concrete value becoming an interface) and copied when Go copies
//! (an array or struct that is not freshly made).

use crate::golang::syntax::ast::{ExprId, ExprKind, List, Name};
use crate::golang::syntax::token::Op;
use crate::golang::types::constant::ConstValue;
use crate::golang::types::info::{Mode, SelectionKind};
use crate::golang::types::object::{ObjId, ObjKind};
use crate::golang::types::ty::{Type, TypeId};
use crate::golang::vm::instr::{Instr, R};
use crate::golang::vm::value::Value;

use super::func::FnC;

impl FnC<'_, '_> {
    /// `e` evaluated into some register: a local variable's own register when `e` names one
    /// (read it, do not write it), else a new temporary.
    pub fn expr(&mut self, e: ExprId) -> R {
        let e = self.c.ch.ast.unparen(e);
        if let Some(&r) = self.hoisted.get(&e) {
            return r;
        }
        if let ExprKind::Ident(_) = self.c.ch.ast.expr(e).kind {
            if self.c.ch.info.mode(e) != Mode::Constant {
                if let Some(o) = self.c.ch.info.use_of(e) {
                    if let Some(v) = self.vars.get(&o) {
                        if !v.cell {
                            return v.reg;
                        }
                    }
                }
            }
        }
        let d = self.alloc();
        self.expr_to(e, d);
        d
    }

    /// Whether `e` makes a new value that nothing else refers to (no copy needed to store it).
    fn fresh(&self, e: ExprId) -> bool {
        let e = self.c.ch.ast.unparen(e);
        match self.c.ch.ast.expr(e).kind {
            ExprKind::CompositeLit { .. } | ExprKind::FuncLit { .. } => true,
            ExprKind::Call { .. } => matches!(
                self.c.ch.info.call(e),
                Some(crate::golang::types::info::CallKind::Call { .. })
            ),
            _ => false,
        }
    }

    /// `e` as a value of type `target`, in register `d`.
    pub fn value_to(&mut self, e: ExprId, target: TypeId, d: R) {
        let src = self.ty(e);
        let mode = self.c.ch.info.mode(e);
        if self.c.is_iface(target) && !self.c.is_iface(src) && mode != Mode::Nil {
            self.expr_to(e, d);
            if self.c.is_agg(src) && !self.fresh(e) {
                self.emit(Instr::Copy { d, s: d });
            }
            let ty = self.c.iface_type(src);
            self.emit(Instr::ToIface { d, s: d, ty });
            return;
        }
        self.expr_to(e, d);
        if self.c.is_agg(target) && !self.fresh(e) {
            self.emit(Instr::Copy { d, s: d });
        }
    }

    /// [`FnC::value_to`] into a new temporary.
    pub fn value(&mut self, e: ExprId, target: TypeId) -> R {
        let d = self.alloc();
        self.value_to(e, target, d);
        d
    }

    /// Converts the value in `d` of type `src` to type `target` in place (a concrete value
    /// stored in an interface).
    pub fn coerce(&mut self, d: R, src: TypeId, target: TypeId) {
        if self.c.is_iface(target) && !self.c.is_iface(src) {
            let ty = self.c.iface_type(src);
            self.emit(Instr::ToIface { d, s: d, ty });
        }
    }

    /// Loads constant `v` of type `t` into `d`.
    pub fn constant_to(&mut self, v: &ConstValue, t: TypeId, d: R) {
        let value = if self.c.is_float(t) {
            let f = if self.c.is_float32(t) {
                v.float32().unwrap_or(0.0) as f64
            } else {
                v.float().unwrap_or(0.0)
            };
            // Constants have no negative zero: `-0.0` is 0.
            Value::Float(f + 0.0)
        } else if self.c.is_complex(t) {
            let (re, im) = v.complex().unwrap_or((0.0, 0.0));
            let (re, im) = (re + 0.0, im + 0.0);
            if self.c.is_complex64(t) {
                Value::Complex(re as f32 as f64, im as f32 as f64)
            } else {
                Value::Complex(re, im)
            }
        } else if let Some(kind) = self.c.int_kind(t) {
            let i = v.int().unwrap_or(0);
            Value::Int(kind.wrap(i as i64))
        } else if self.c.is_iface(t) {
            // A constant given an interface type: its default type's value, boxed.
            let def = self.c.types.default_type(const_type(v));
            self.constant_to(v, def, d);
            self.coerce(d, def, t);
            return;
        } else {
            match v {
                ConstValue::Bool(b) => Value::Bool(*b),
                ConstValue::Str(s) => Value::Str(s.clone()),
                ConstValue::Int(i) => Value::Int(*i as i64),
                ConstValue::Rat(..) | ConstValue::Wide(_) | ConstValue::Float(_) => {
                    Value::Float(v.float().unwrap_or(0.0))
                }
                ConstValue::Complex(re, im) => Value::Complex(*re, *im),
                ConstValue::Unknown => Value::Nil,
            }
        };
        match value {
            Value::Int(i) if i32::try_from(i).is_ok() => {
                self.emit(Instr::Int { d, v: i as i32 });
            }
            Value::Bool(b) => {
                self.emit(Instr::Bool { d, v: b });
            }
            v => {
                let k = self.c.add_const(v);
                self.emit(Instr::Const { d, k });
            }
        }
    }

    /// `e` evaluated into register `d`.
    pub fn expr_to(&mut self, e: ExprId, d: R) {
        let ch = self.c.ch;
        if let Some(&r) = self.hoisted.get(&e) {
            self.emit(Instr::Mov { d, s: r });
            return;
        }
        let mut tv = ch.info.tv(e);
        tv.ty = self.subst(tv.ty);
        if tv.mode == Mode::Constant {
            if let Some(v) = ch.info.constant(e).cloned() {
                self.constant_to(&v, tv.ty, d);
                return;
            }
        }
        if tv.mode == Mode::Nil {
            self.emit(Instr::Nil { d });
            return;
        }
        let prev_line = self.line;
        self.set_line_of(e);
        match ch.ast.expr(e).kind {
            ExprKind::Paren(x) => self.expr_to(x, d),
            ExprKind::Ident(_) => self.ident_to(e, d),
            ExprKind::CompositeLit { elts, .. } => self.composite_to(e, elts, d),
            ExprKind::FuncLit { .. } => self.closure_to(e, d),
            ExprKind::Selector { x, sel } => self.selector_to(e, x, sel, d),
            ExprKind::Index { x, indices, .. } => self.index_to(e, x, indices, d),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                let xr = self.expr(x);
                let xt = self.ty(x);
                let bound = |f: &mut Self, b: Option<ExprId>| match b {
                    Some(b) => f.expr(b),
                    None => R::MAX,
                };
                let mut unsigned = 0;
                for (k, b) in [lo, hi, max].into_iter().enumerate() {
                    if b.is_some_and(|b| self.is_unsigned64(b)) {
                        unsigned |= 1 << k;
                    }
                }
                let (lo, hi, max) = (bound(self, lo), bound(self, hi), bound(self, max));
                if matches!(self.c.under(xt), Type::Pointer(_)) {
                    // `p[lo:hi]` is `(*p)[lo:hi]`.
                    self.emit(Instr::NilCheck { x: xr });
                }
                if unsigned != 0 {
                    self.emit(Instr::SliceU {
                        x: xr,
                        lo,
                        hi,
                        max,
                        unsigned,
                    });
                }
                self.emit(Instr::SliceOp {
                    d,
                    x: xr,
                    lo,
                    hi,
                    max,
                });
            }
            ExprKind::TypeAssert { x, ty } => {
                let target = ty.map(|t| self.ty(t)).unwrap_or(tv.ty);
                self.assert_to(x, target, tv.mode == Mode::CommaOk, d);
            }
            ExprKind::Call { .. } => self.call_to(e, d),
            ExprKind::Star(x) => {
                let p = self.expr(x);
                self.emit(Instr::Load { d, p });
            }
            ExprKind::Unary { op, x } => self.unary_to(e, op, x, d),
            ExprKind::Binary { op, x, y, .. } => self.binary_to(e, op, x, y, d),
            _ => {
                self.emit(Instr::Nil { d });
            }
        }
        self.line = prev_line;
    }

    fn ident_to(&mut self, e: ExprId, d: R) {
        let ch = self.c.ch;
        let Some(o) = ch.info.use_of(e) else {
            self.emit(Instr::Nil { d });
            return;
        };
        if let Some(v) = self.vars.get(&o).copied() {
            if v.cell {
                self.emit(Instr::Load { d, p: v.reg });
            } else if v.reg != d {
                self.emit(Instr::Mov { d, s: v.reg });
            }
            return;
        }
        self.object_to(o, e, d);
    }

    /// The value of package-level object `o` (a variable, a function, a constant), named by
    /// expression `e` (where a generic function's instance is recorded).
    pub fn object_to(&mut self, o: ObjId, e: ExprId, d: R) {
        let ch = self.c.ch;
        match &ch.objs[o.0 as usize].kind {
            ObjKind::Var { .. } => {
                if let Some(&(g, cell)) = self.c.globals.get(&o) {
                    self.emit(Instr::Global { d, g });
                    if cell {
                        self.emit(Instr::Load { d, p: d });
                    }
                } else {
                    self.emit(Instr::Nil { d });
                }
            }
            ObjKind::Func(_) => {
                let targs = self.instance_targs(e);
                let f = self.c.func_instance(o, targs);
                self.emit(Instr::Closure {
                    d,
                    f,
                    first: 0,
                    n: 0,
                });
            }
            ObjKind::Const(v) => {
                let v = v.clone();
                let t = self.obj_ty(o);
                self.constant_to(&v, t, d);
            }
            _ => {
                self.emit(Instr::Nil { d });
            }
        }
    }

    /// `x.sel`: a field, a package member, a method value or a method expression.
    fn selector_to(&mut self, e: ExprId, x: ExprId, sel: ExprId, d: R) {
        let ch = self.c.ch;
        let Some(s) = ch.info.selection(e).copied() else {
            // A qualified identifier the checker recorded as a use of `sel`.
            match ch.info.use_of(sel) {
                Some(o) => self.object_to(o, e, d),
                None => {
                    self.emit(Instr::Nil { d });
                }
            }
            return;
        };
        match s.kind {
            SelectionKind::Qualified => self.object_to(s.obj, e, d),
            SelectionKind::Field => {
                let path = ch.info.path(&s).to_vec();
                let mut a = self.expr(x);
                for (k, &i) in path.iter().enumerate() {
                    let to = if k + 1 == path.len() { d } else { self.alloc() };
                    self.emit(Instr::Field {
                        d: to,
                        a,
                        i: i as u16,
                    });
                    a = to;
                }
            }
            SelectionKind::Method => self.method_value_to(e, x, &s, d),
            SelectionKind::MethodExpr => {
                let t = self.subst(s.x_ty);
                let f = if self.c.is_iface(t) {
                    let name = self.c.ch.objs[s.obj.0 as usize].name;
                    self.c.iface_method_expr(t, name)
                } else {
                    self.c.method_expr(t, s.obj)
                };
                self.emit(Instr::Closure {
                    d,
                    f,
                    first: 0,
                    n: 0,
                });
            }
        }
    }

    /// Index `i` (in register `ir`) of `x` (in `xr`) is of an unsigned 64-bit type: a value
    /// at 2^63 or past it, negative in its register, is checked for Go's text.
    pub(super) fn unsigned_index_check(&mut self, i: ExprId, xr: R, ir: R) {
        if self.is_unsigned64(i) {
            self.emit(Instr::IndexU { x: xr, i: ir });
        }
    }

    /// Whether `e` is of an unsigned 64-bit type (uint, uint64, uintptr), whose values at 2^63
    /// or past it are negative in a register.
    fn is_unsigned64(&mut self, e: ExprId) -> bool {
        let t = self.ty(e);
        (self.c.types.basic(t)).is_some_and(|b| b.is_unsigned() && b.bits() == 64)
    }

    fn index_to(&mut self, e: ExprId, x: ExprId, indices: List<ExprId>, d: R) {
        let ch = self.c.ch;
        let Some(&i) = ch.ast.list(indices).first() else {
            return;
        };
        let xt = self.ty(x);
        match self.c.under(xt).clone() {
            Type::Map(kt, vt) => {
                let m = self.expr(x);
                let k = self.value(i, kt);
                let zero = self.c.zero(vt);
                if ch.info.mode(e) == Mode::CommaOk {
                    self.emit(Instr::MapGet2 { d, m, k, zero });
                } else {
                    self.emit(Instr::MapGet { d, m, k, zero });
                }
            }
            Type::Func(_) => {
                // `F[int]`: the instance of a generic function, recorded on `F`.
                self.expr_to(x, d);
            }
            _ => {
                let xr = self.expr(x);
                self.array_ptr_check(xt, xr);
                let ir = self.expr(i);
                self.unsigned_index_check(i, xr, ir);
                self.emit(Instr::Index { d, x: xr, i: ir });
            }
        }
    }

    /// `x.(target)`, or `v, ok := x.(target)` when `comma_ok` (ok in `d + 1`).
    fn assert_to(&mut self, x: ExprId, target: TypeId, comma_ok: bool, d: R) {
        let s = self.expr(x);
        let xt = self.ty(x);
        let iface = self.c.rtype(xt);
        let ty = self.c.rtype(target);
        if comma_ok {
            self.reserve(d, 2);
        }
        match (self.c.is_iface(target), comma_ok) {
            (true, false) => self.emit(Instr::AssertI { d, s, ty, iface }),
            (true, true) => self.emit(Instr::AssertI2 { d, s, ty }),
            (false, false) => {
                self.c.method_table(target);
                self.emit(Instr::Assert { d, s, ty, iface })
            }
            (false, true) => {
                self.c.method_table(target);
                let zero = self.c.zero(target);
                self.emit(Instr::Assert2 { d, s, ty, zero })
            }
        };
    }

    fn unary_to(&mut self, e: ExprId, op: Op, x: ExprId, d: R) {
        let t = self.ty(e);
        match op {
            Op::Add => self.expr_to(x, d),
            Op::Sub => {
                let s = self.expr(x);
                if self.c.is_float(t) {
                    self.emit(Instr::NegF { d, s });
                } else if self.c.is_complex(t) {
                    self.emit(Instr::NegC { d, s });
                } else {
                    self.emit(Instr::NegI { d, s });
                    self.wrap(d, t);
                }
            }
            Op::Not => {
                let s = self.expr(x);
                self.emit(Instr::Not { d, s });
            }
            Op::Xor => {
                let s = self.expr(x);
                self.emit(Instr::Compl { d, s });
                self.wrap(d, t);
            }
            Op::And => self.address_to(x, d),
            Op::Recv => {
                let ch = self.expr(x);
                let t = self.ty(x);
                let elem = match self.c.under(t) {
                    Type::Chan(_, el) => *el,
                    _ => t,
                };
                let zero = self.c.zero(elem);
                if self.c.ch.info.mode(e) == Mode::CommaOk {
                    self.reserve(d, 2);
                    self.emit(Instr::Recv2 { d, ch, zero });
                } else {
                    self.emit(Instr::Recv { d, ch, zero });
                }
            }
            _ => {
                self.expr_to(x, d);
            }
        }
    }

    /// Panics with Go's nil dereference error if register `r` holds nil.
    pub fn nil_check(&mut self, r: R) {
        let c = self.alloc();
        self.emit(Instr::IsNil { d: c, s: r });
        let ok = self.emit(Instr::Jf { c, t: 0 });
        let k = self.c.nil_deref_error();
        self.emit(Instr::Const { d: c, k });
        self.emit(Instr::Panic { s: c });
        let end = self.here();
        self.patch(ok, end);
    }

    /// Indexing through a pointer to an array (of type `t`, in register `r`) dereferences
    /// it: a nil pointer panics there, before the index is checked.
    pub fn array_ptr_check(&mut self, t: TypeId, r: R) {
        if matches!(self.c.under(t), Type::Pointer(_)) {
            self.nil_check(r);
        }
    }

    /// Brings an integer result of type `t` back into its kind's range.
    pub fn wrap(&mut self, d: R, t: TypeId) {
        if let Some(kind) = self.c.int_kind(t) {
            if kind.bits() < 64 {
                self.emit(Instr::Wrap { d, s: d, kind });
            }
        }
    }

    /// `&x`.
    pub fn address_to(&mut self, x: ExprId, d: R) {
        let ch = self.c.ch;
        let x = ch.ast.unparen(x);
        match ch.ast.expr(x).kind {
            ExprKind::Ident(_) => {
                let o = ch.info.use_of(x);
                if let Some(v) = o.and_then(|o| self.vars.get(&o).copied()) {
                    if v.cell {
                        self.emit(Instr::Mov { d, s: v.reg });
                    } else {
                        self.emit(Instr::AddrOf { d, s: v.reg });
                    }
                    return;
                }
                if let Some(&(g, cell)) = o.and_then(|o| self.c.globals.get(&o)) {
                    self.emit(Instr::Global { d, g });
                    if !cell {
                        self.emit(Instr::AddrOf { d, s: d });
                    }
                    return;
                }
                self.emit(Instr::Nil { d });
            }
            ExprKind::Selector { x: base, .. } => {
                let Some(s) = ch.info.selection(x).copied() else {
                    self.emit(Instr::Nil { d });
                    return;
                };
                if s.kind != SelectionKind::Field {
                    // `&pkg.Var`.
                    let o = s.obj;
                    if let Some(&(g, cell)) = self.c.globals.get(&o) {
                        self.emit(Instr::Global { d, g });
                        if !cell {
                            self.emit(Instr::AddrOf { d, s: d });
                        }
                    }
                    return;
                }
                let path = ch.info.path(&s).to_vec();
                let mut a = self.expr(base);
                for (k, &i) in path.iter().enumerate() {
                    if k + 1 == path.len() {
                        self.emit(Instr::FieldPtr { d, a, i: i as u16 });
                    } else {
                        let to = self.alloc();
                        self.emit(Instr::Field {
                            d: to,
                            a,
                            i: i as u16,
                        });
                        a = to;
                    }
                }
            }
            ExprKind::Index {
                x: arr, indices, ..
            } => {
                let xr = self.expr(arr);
                let at = self.ty(arr);
                self.array_ptr_check(at, xr);
                let i = ch.ast.list(indices)[0];
                let ir = self.expr(i);
                self.unsigned_index_check(i, xr, ir);
                self.emit(Instr::IndexPtr { d, x: xr, i: ir });
            }
            ExprKind::Star(p) => {
                self.expr_to(p, d);
                self.nil_check(d);
            }
            _ => {
                // `&T{...}` and other fresh values: a new variable holding it.
                let t = self.ty(x);
                self.value_to(x, t, d);
                if self.c.is_agg(t) {
                    self.emit(Instr::AddrOf { d, s: d });
                } else {
                    self.emit(Instr::NewCell { d, s: d });
                }
            }
        }
    }

    fn binary_to(&mut self, e: ExprId, op: Op, x: ExprId, y: ExprId, d: R) {
        match op {
            Op::AndAnd | Op::OrOr => {
                self.expr_to(x, d);
                let j = if op == Op::AndAnd {
                    self.emit(Instr::Jf { c: d, t: 0 })
                } else {
                    self.emit(Instr::Jt { c: d, t: 0 })
                };
                // The right side is evaluated on its own, when it is: its calls first.
                self.hoist_calls(y);
                self.expr_to(y, d);
                let end = self.here();
                self.patch(j, end);
                return;
            }
            Op::Eql | Op::Neq | Op::Lss | Op::Leq | Op::Gtr | Op::Geq => {
                self.compare_to(op, x, y, d);
                return;
            }
            _ => {}
        }
        let t = self.ty(e);
        let a = self.expr(x);
        if let Some(i) = self.arith_imm(op, t, a, y, d) {
            self.emit(i);
            self.wrap_after(op, d, t);
            return;
        }
        let b = self.expr(y);
        let yt = self.ty(y);
        self.arith(op, t, yt, a, b, d);
    }

    /// `d = a op y` as one instruction when `y` is a constant it can hold (integers: `+`, `-`,
    /// `&`, `|` and shifts); the caller wraps `d` to `t`'s size (`wrap_after`).
    pub fn arith_imm(&self, op: Op, t: TypeId, a: R, y: ExprId, d: R) -> Option<Instr> {
        self.c.int_kind(t)?;
        if matches!(op, Op::Shl | Op::Shr) {
            let ch = self.c.ch;
            if ch.info.mode(y) != Mode::Constant {
                return None;
            }
            // A constant count is not negative (the checker's rule).
            let n = ch.info.constant(y)?.int()?.clamp(0, 64) as u8;
            return Some(match op {
                Op::Shl => Instr::ShlImm { d, a, n },
                _ if self.c.types.is_unsigned(t) => Instr::ShrUImm { d, a, n },
                _ => Instr::ShrIImm { d, a, n: n.min(63) },
            });
        }
        let v = self.int_imm(y, t)?;
        Some(match op {
            Op::Add => Instr::AddImm { d, a, v },
            Op::Sub => Instr::AddImm {
                d,
                a,
                v: v.checked_neg()?,
            },
            Op::And => Instr::AndImm { d, a, v },
            Op::Or => Instr::OrImm { d, a, v },
            _ => return None,
        })
    }

    /// `d = a op b` for values of type `t` (`bt`: the type of `b`, for shifts).
    pub fn arith(&mut self, op: Op, t: TypeId, bt: TypeId, a: R, b: R, d: R) {
        if self.c.is_string(t) {
            self.emit(Instr::Concat { d, a, b });
            return;
        }
        if self.c.is_float(t) {
            let i = match op {
                Op::Add => Instr::AddF { d, a, b },
                Op::Sub => Instr::SubF { d, a, b },
                Op::Mul => Instr::MulF { d, a, b },
                _ => Instr::DivF { d, a, b },
            };
            self.emit(i);
            if self.c.is_float32(t) {
                self.emit(Instr::F32 { d });
            }
            return;
        }
        if self.c.is_complex(t) {
            let i = match op {
                Op::Add => Instr::AddC { d, a, b },
                Op::Sub => Instr::SubC { d, a, b },
                Op::Mul => Instr::MulC { d, a, b },
                _ => Instr::DivC { d, a, b },
            };
            self.emit(i);
            if self.c.is_complex64(t) {
                self.emit(Instr::C64 { d });
            }
            return;
        }
        let unsigned = self.c.types.is_unsigned(t);
        let signed_b = !self.c.types.is_unsigned(bt);
        let i = match op {
            Op::Add if d == a => Instr::AddTo { d, s: b },
            Op::Add => Instr::AddI { d, a, b },
            Op::Sub => Instr::SubI { d, a, b },
            Op::Mul => Instr::MulI { d, a, b },
            Op::Div if unsigned => Instr::DivU { d, a, b },
            Op::Div => Instr::DivI { d, a, b },
            Op::Rem if unsigned => Instr::RemU { d, a, b },
            Op::Rem => Instr::RemI { d, a, b },
            Op::And => Instr::And { d, a, b },
            Op::Or => Instr::Or { d, a, b },
            Op::Xor => Instr::Xor { d, a, b },
            Op::AndNot => Instr::AndNot { d, a, b },
            Op::Shl => Instr::Shl { d, a, b, signed_b },
            Op::Shr if unsigned => Instr::ShrU { d, a, b, signed_b },
            _ => Instr::ShrI { d, a, b, signed_b },
        };
        self.emit(i);
        self.wrap_after(op, d, t);
    }

    /// Brings `d` back into `t`'s range after `op`, when `op` can take it out.
    pub fn wrap_after(&mut self, op: Op, d: R, t: TypeId) {
        if matches!(
            op,
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Shl | Op::Xor | Op::Or
        ) {
            self.wrap(d, t);
        }
    }

    /// `d = x op y` for a comparison.
    fn compare_to(&mut self, op: Op, x: ExprId, y: ExprId, d: R) {
        let ch = self.c.ch;
        let (xm, ym) = (ch.info.mode(x), ch.info.mode(y));
        if xm == Mode::Nil || ym == Mode::Nil {
            let other = if xm == Mode::Nil { y } else { x };
            let s = self.expr(other);
            self.emit(Instr::IsNil { d, s });
            if op == Op::Neq {
                self.emit(Instr::Not { d, s: d });
            }
            return;
        }
        let (xt, yt) = (self.ty(x), self.ty(y));
        // An interface compared with a concrete value: box the concrete one.
        let (a, b) = if self.c.is_iface(xt) != self.c.is_iface(yt) {
            let target = if self.c.is_iface(xt) { xt } else { yt };
            (self.value(x, target), self.value(y, target))
        } else {
            (self.expr(x), self.expr(y))
        };
        let t = xt;
        let (a, b, op) = match op {
            Op::Gtr => (b, a, Op::Lss),
            Op::Geq => (b, a, Op::Leq),
            op => (a, b, op),
        };
        let types = &self.c.types;
        let i = if self.c.is_iface(xt) || self.c.is_iface(yt) {
            if op == Op::Eql {
                Instr::Eq { d, a, b }
            } else {
                Instr::Ne { d, a, b }
            }
        } else if self.c.is_float(t) {
            match op {
                Op::Eql => Instr::EqF { d, a, b },
                Op::Neq => Instr::NeF { d, a, b },
                Op::Lss => Instr::LtF { d, a, b },
                _ => Instr::LeF { d, a, b },
            }
        } else if types.is_integer(t) {
            let u = types.is_unsigned(t);
            match op {
                Op::Eql => Instr::EqI { d, a, b },
                Op::Neq => Instr::NeI { d, a, b },
                Op::Lss if u => Instr::LtU { d, a, b },
                Op::Lss => Instr::LtI { d, a, b },
                _ if u => Instr::LeU { d, a, b },
                _ => Instr::LeI { d, a, b },
            }
        } else if self.c.is_string(t) && matches!(op, Op::Lss | Op::Leq) {
            if op == Op::Lss {
                Instr::LtS { d, a, b }
            } else {
                Instr::LeS { d, a, b }
            }
        } else if op == Op::Eql {
            Instr::Eq { d, a, b }
        } else {
            Instr::Ne { d, a, b }
        };
        self.emit(i);
    }

    /// Code that jumps when condition `e` is `when` and falls through when it is not; returns
    /// the jumps, to be patched to their target. `&&`, `||` and `!` become jumps, and a
    /// comparison of integers is one instruction with its jump.
    pub fn jump_if(&mut self, e: ExprId, when: bool) -> Vec<usize> {
        let ch = self.c.ch;
        let e = ch.ast.unparen(e);
        if ch.info.mode(e) == Mode::Constant {
            if let Some(&ConstValue::Bool(b)) = ch.info.constant(e) {
                return if b == when {
                    vec![self.emit(Instr::Jmp { t: 0 })]
                } else {
                    Vec::new()
                };
            }
        } else {
            match ch.ast.expr(e).kind {
                ExprKind::Unary { op: Op::Not, x } => return self.jump_if(x, !when),
                ExprKind::Binary {
                    op: op @ (Op::AndAnd | Op::OrOr),
                    x,
                    y,
                    ..
                } => {
                    // The value of `x` that decides: false for `&&`, true for `||`.
                    let decides = op == Op::OrOr;
                    if decides == when {
                        let mut jumps = self.jump_if(x, when);
                        self.hoist_calls(y);
                        jumps.extend(self.jump_if(y, when));
                        return jumps;
                    }
                    let skip = self.jump_if(x, decides);
                    self.hoist_calls(y);
                    let jumps = self.jump_if(y, when);
                    let here = self.here();
                    self.patch_all(&skip, here);
                    return jumps;
                }
                ExprKind::Binary { op, x, y, .. } if op.is_comparison() => {
                    if let Some(j) = self.jump_if_compare(e, op, x, y, when) {
                        return vec![j];
                    }
                }
                _ => {}
            }
        }
        let c = self.expr(e);
        let j = if when {
            self.emit(Instr::Jt { c, t: 0 })
        } else {
            self.emit(Instr::Jf { c, t: 0 })
        };
        vec![j]
    }

    /// [`FnC::jump_if`] for `x op y` when it compares integers: one instruction.
    fn jump_if_compare(
        &mut self,
        e: ExprId,
        op: Op,
        x: ExprId,
        y: ExprId,
        when: bool,
    ) -> Option<usize> {
        let (xt, yt) = (self.ty(x), self.ty(y));
        let ints = self.c.types.is_integer(xt) && self.c.types.is_integer(yt);
        if !ints || self.c.is_iface(xt) || self.c.is_iface(yt) {
            return None;
        }
        let t = if self.c.ch.info.mode(x) == Mode::Constant {
            yt
        } else {
            xt
        };
        let unsigned = self.c.types.is_unsigned(t);
        // Jump when the comparison holds: negate it to jump when it does not (integers have
        // no NaN), and keep a constant on the right.
        let (mut op, mut x, mut y) = (op, x, y);
        if !when {
            op = match op {
                Op::Eql => Op::Neq,
                Op::Neq => Op::Eql,
                Op::Lss => Op::Geq,
                Op::Leq => Op::Gtr,
                Op::Gtr => Op::Leq,
                _ => Op::Lss,
            };
        }
        if self.int_imm(x, t).is_some() {
            (x, y) = (y, x);
            op = match op {
                Op::Lss => Op::Gtr,
                Op::Leq => Op::Geq,
                Op::Gtr => Op::Lss,
                Op::Geq => Op::Leq,
                op => op,
            };
        }
        let prev_line = self.line;
        self.set_line_of(e);
        let a = self.expr(x);
        let imm = self
            .int_imm(y, t)
            .filter(|_| !unsigned || matches!(op, Op::Eql | Op::Neq));
        let i = if let Some(v) = imm {
            match op {
                Op::Eql => Instr::JEqK { a, v, t: 0 },
                Op::Neq => Instr::JNeK { a, v, t: 0 },
                Op::Lss => Instr::JLtK { a, v, t: 0 },
                Op::Leq => Instr::JLeK { a, v, t: 0 },
                Op::Gtr => Instr::JGtK { a, v, t: 0 },
                _ => Instr::JGeK { a, v, t: 0 },
            }
        } else {
            let b = self.expr(y);
            let (a, b, op) = match op {
                Op::Gtr => (b, a, Op::Lss),
                Op::Geq => (b, a, Op::Leq),
                op => (a, b, op),
            };
            match op {
                Op::Eql => Instr::JEq { a, b, t: 0 },
                Op::Neq => Instr::JNe { a, b, t: 0 },
                Op::Lss if unsigned => Instr::JLtU { a, b, t: 0 },
                Op::Lss => Instr::JLt { a, b, t: 0 },
                _ if unsigned => Instr::JLeU { a, b, t: 0 },
                _ => Instr::JLe { a, b, t: 0 },
            }
        };
        let j = self.emit(i);
        self.line = prev_line;
        Some(j)
    }

    /// The value of `e` when it is an integer constant that, as a value of type `t`, fits an
    /// instruction's constant operand.
    pub fn int_imm(&self, e: ExprId, t: TypeId) -> Option<i32> {
        let ch = self.c.ch;
        if ch.info.mode(e) != Mode::Constant {
            return None;
        }
        let kind = self.c.int_kind(t)?;
        let v = ch.info.constant(e)?.int()?;
        i32::try_from(kind.wrap(v as i64)).ok()
    }

    /// A composite literal `T{elts}` (its type is the literal's recorded type; an elided
    /// `{...}` among pointers is `&T{...}`).
    fn composite_to(&mut self, e: ExprId, elts: List<ExprId>, d: R) {
        let t = self.ty(e);
        if let Type::Pointer(inner) = self.c.under(t).clone() {
            self.composite_of_type(elts, inner, d);
            self.emit(Instr::AddrOf { d, s: d });
            return;
        }
        self.composite_of_type(elts, t, d);
    }

    /// A composite literal of elements `elts` and type `t`.
    fn composite_of_type(&mut self, elts: List<ExprId>, t: TypeId, d: R) {
        let ch = self.c.ch;
        let elts: Vec<ExprId> = ch.ast.list(elts).to_vec();
        match self.c.under(t).clone() {
            Type::Struct(fields) => {
                let first = self.alloc_n(fields.len());
                let mut given = vec![false; fields.len()];
                for (k, &el) in elts.iter().enumerate() {
                    let (i, v) = match ch.ast.expr(el).kind {
                        ExprKind::KeyValue { key, value, .. } => {
                            let name = ch.ast.ident(key);
                            let i = fields.iter().position(|f| Some(f.name) == name);
                            (i.unwrap_or(k), value)
                        }
                        _ => (k, el),
                    };
                    if i < fields.len() {
                        self.elem_value_to(v, fields[i].ty, first + i as u16);
                        given[i] = true;
                    }
                }
                // A blank field is always zero: its element is evaluated, and dropped.
                for (i, f) in fields.iter().enumerate() {
                    if !given[i] || f.name == Name::BLANK {
                        self.load_zero(first + i as u16, f.ty);
                    }
                }
                self.emit(Instr::MakeAgg {
                    d,
                    first,
                    n: fields.len() as u16,
                });
            }
            Type::Array(_, elem) => {
                // The zero array, then the elements given.
                self.load_zero(d, t);
                self.set_elements(&elts, elem, d);
            }
            Type::Slice(elem) => {
                let keyed = elts
                    .iter()
                    .any(|&el| matches!(ch.ast.expr(el).kind, ExprKind::KeyValue { .. }));
                if !keyed && elts.len() <= 64 {
                    let first = self.alloc_n(elts.len());
                    for (k, &el) in elts.iter().enumerate() {
                        self.elem_value_to(el, elem, first + k as u16);
                    }
                    self.emit(Instr::MakeSliceLit {
                        d,
                        first,
                        n: elts.len() as u16,
                    });
                } else {
                    let len = literal_len(self, &elts);
                    let lr = self.alloc();
                    self.constant_to(&ConstValue::Int(len), TypeId::INT, lr);
                    let zero = self.c.zero(elem);
                    self.emit(Instr::MakeSlice {
                        d,
                        len: lr,
                        cap: R::MAX,
                        zero,
                    });
                    self.set_elements(&elts, elem, d);
                }
            }
            Type::Map(kt, vt) => {
                self.emit(Instr::MakeMap { d });
                // gc stores the entries whose key and value are constant first, then the
                // others in order: of two equal keys, a later constant one does not win.
                let (mut entries, dynamic): (Vec<ExprId>, Vec<ExprId>) =
                    elts.iter().partition(|&&el| match ch.ast.expr(el).kind {
                        ExprKind::KeyValue { key, value, .. } => {
                            self.is_static(key) && self.is_static(value)
                        }
                        _ => false,
                    });
                entries.extend(dynamic);
                for &el in &entries {
                    if let ExprKind::KeyValue { key, value, .. } = ch.ast.expr(el).kind {
                        let m = self.mark();
                        let k = self.alloc();
                        self.elem_value_to(key, kt, k);
                        let v = self.alloc();
                        self.elem_value_to(value, vt, v);
                        self.emit(Instr::MapSet { m: d, k, s: v });
                        self.release(m);
                    }
                }
            }
            _ => {
                self.emit(Instr::Nil { d });
            }
        }
    }

    /// Whether `e` is a value gc builds at compile time: a constant, or an array or struct
    /// literal of them.
    fn is_static(&self, e: ExprId) -> bool {
        let ch = self.c.ch;
        if ch.info.constant(e).is_some() {
            return true;
        }
        match ch.ast.expr(e).kind {
            ExprKind::Paren(x) => self.is_static(x),
            ExprKind::CompositeLit { elts, .. } => {
                matches!(
                    self.c.under(ch.info.type_of(e)),
                    Type::Array(..) | Type::Struct(_)
                ) && ch
                    .ast
                    .list(elts)
                    .iter()
                    .all(|&el| match ch.ast.expr(el).kind {
                        ExprKind::KeyValue { value, .. } => self.is_static(value),
                        _ => self.is_static(el),
                    })
            }
            _ => false,
        }
    }

    /// An element of a composite literal, as a value of type `t` (an elided `{...}` takes
    /// the element type).
    fn elem_value_to(&mut self, el: ExprId, t: TypeId, d: R) {
        let ch = self.c.ch;
        let elided = matches!(
            ch.ast.expr(el).kind,
            ExprKind::CompositeLit { ty: None, .. }
        );
        if elided {
            if let Type::Pointer(inner) = self.c.under(t).clone() {
                let et = self.ty(el);
                if !matches!(self.c.under(et), Type::Pointer(_)) {
                    // `{...}` for `&T{...}` in a literal of pointers.
                    if let ExprKind::CompositeLit { elts, .. } = ch.ast.expr(el).kind {
                        self.composite_of_type(elts, inner, d);
                        self.emit(Instr::AddrOf { d, s: d });
                        return;
                    }
                }
            }
        }
        self.value_to(el, t, d);
    }

    /// Stores the elements of an array or slice literal into `d`, by index.
    fn set_elements(&mut self, elts: &[ExprId], elem: TypeId, d: R) {
        let ch = self.c.ch;
        let mut index: i128 = 0;
        for &el in elts {
            let m = self.mark();
            let v = match ch.ast.expr(el).kind {
                ExprKind::KeyValue { key, value, .. } => {
                    if let Some(k) = ch.info.constant(key).and_then(ConstValue::int) {
                        index = k;
                    }
                    value
                }
                _ => el,
            };
            let ir = self.alloc();
            self.constant_to(&ConstValue::Int(index), TypeId::INT, ir);
            let vr = self.alloc();
            self.elem_value_to(v, elem, vr);
            self.emit(Instr::SetIndex { x: d, i: ir, s: vr });
            self.release(m);
            index += 1;
        }
    }

    /// Go's name for this function's `n`th literal: `main.main.func2`, and in a literal
    /// `main.main.func2.1`.
    pub(super) fn literal_name(&self, n: u32) -> String {
        if self.package_init {
            let path = self.name.strip_suffix(".init").unwrap_or(&self.name);
            format!("{path}.glob..func{n}")
        } else if self.name.contains(".func") {
            format!("{}.{n}", self.name)
        } else {
            format!("{}.func{n}", self.name)
        }
    }

    /// A function literal: a closure capturing the variables it uses from outside.
    fn closure_to(&mut self, e: ExprId, d: R) {
        let captures = super::escape::free_vars(self.c.ch, e);
        self.lits += 1;
        let name = self.literal_name(self.lits);
        let first = self.alloc_n(captures.len());
        for (i, &o) in captures.iter().enumerate() {
            let at = first + i as u16;
            match self.vars.get(&o).copied() {
                Some(v) => {
                    self.emit(Instr::Mov { d: at, s: v.reg });
                }
                None => {
                    self.emit(Instr::Nil { d: at });
                }
            }
        }
        let f = self
            .c
            .queue_literal(e, captures.clone(), name, self.inst.clone());
        self.emit(Instr::Closure {
            d,
            f,
            first,
            n: captures.len() as u16,
        });
    }
}

/// The length of a slice literal with keys: one past its largest index.
fn literal_len(f: &FnC, elts: &[ExprId]) -> i128 {
    let ch = f.c.ch;
    let (mut index, mut len) = (0i128, 0i128);
    for &el in elts {
        if let ExprKind::KeyValue { key, .. } = ch.ast.expr(el).kind {
            if let Some(k) = ch.info.constant(key).and_then(ConstValue::int) {
                index = k;
            }
        }
        index += 1;
        len = len.max(index);
    }
    len
}

/// The untyped type a constant value has.
fn const_type(v: &ConstValue) -> TypeId {
    match v {
        ConstValue::Bool(_) => TypeId::UNTYPED_BOOL,
        ConstValue::Int(_) => TypeId::UNTYPED_INT,
        ConstValue::Rat(..) | ConstValue::Wide(_) | ConstValue::Float(_) => TypeId::UNTYPED_FLOAT,
        ConstValue::Complex(..) => TypeId::UNTYPED_COMPLEX,
        ConstValue::Str(_) => TypeId::UNTYPED_STRING,
        ConstValue::Unknown => TypeId::INVALID,
    }
}
