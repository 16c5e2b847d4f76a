//! Statements: declarations, assignments, control flow, loops with Go 1.22's per-iteration
//! variables, switch, type switch and select, `return`, `go` and `defer`.

use crate::golang::syntax::ast::{
    AssignOp, BranchKind, Decl, ExprId, ExprKind, GenKind, Spec, StmtId, StmtKind,
};
use crate::golang::syntax::token::Op;
use crate::golang::types::constant::ConstValue;
use crate::golang::types::info::{CallKind, Mode, RangeKind, SelectionKind};
use crate::golang::types::object::{Builtin, ObjId};
use crate::golang::types::ty::{Type, TypeId};
use crate::golang::vm::instr::{Instr, SelectCase, SelectDesc, R};

use super::call::How;
use super::func::{
    range_branch_code, FnC, Target, Var, RANGE_BROKE, RANGE_DONE, RANGE_PANICKED,
    RANGE_PANIC_RECOVERED, RANGE_RETURNED, RANGE_RETURNED_BARE, RANGE_RUNNING,
};

/// What evaluating a value reads that an assignment could change (see
/// `FnC::evaluated_early`).
#[derive(Default)]
struct ValueReads {
    /// The registers of the local variables it names.
    locals: Vec<R>,
    /// It reads memory.
    memory: bool,
}

/// Where an assignment stores.
#[derive(Clone, Copy)]
enum Place {
    Local(Var),
    Global(u32, bool),
    /// Field `i` of the aggregate (or pointer to one) in the register.
    Field(R, u16),
    /// Element of the slice, array or pointer to array in the first register.
    Index(R, R),
    /// Key of the map.
    Map(R, R),
    /// What the pointer points to.
    Deref(R),
    Blank,
}

impl FnC<'_, '_> {
    pub fn stmt(&mut self, s: StmtId) {
        let ch = self.c.ch;
        let start = self.mark();
        let mut keep = start;
        self.line = self.c.stmt_line(s);
        let label = self.pending_label.take();
        // Calls hoisted ahead of an expression belong to it (`order.rs`).
        self.hoisted.clear();
        match ch.ast.stmt(s).kind {
            StmtKind::Bad | StmtKind::Empty => {}
            StmtKind::Decl(d) => {
                self.local_decl(d);
                keep = self.mark();
            }
            StmtKind::Labeled { label, stmt } => {
                self.pending_label = ch.ast.ident(label);
                if let Some(name) = self.pending_label {
                    let here = self.here();
                    self.labels.insert(name, here);
                }
                self.stmt(stmt);
                self.pending_label = None;
                // A labelled declaration (`L: d := 3`) keeps its locals as it would unlabelled.
                keep = self.mark();
            }
            StmtKind::Expr(e) => {
                let e = ch.ast.unparen(e);
                self.hoist_calls(e);
                if matches!(ch.ast.expr(e).kind, ExprKind::Call { .. }) {
                    self.call(e, How::Now);
                } else {
                    self.expr(e);
                }
            }
            StmtKind::Send { ch: c, value, .. } => {
                self.hoist_list(&[c, value]);
                let chr = self.expr(c);
                let t = self.ty(c);
                let elem = match self.c.under(t) {
                    Type::Chan(_, e) => *e,
                    _ => TypeId::INVALID,
                };
                // Send copies the value it sends: a variable's own register will do, unless
                // the value becomes an interface.
                let v = if self.c.is_iface(elem) {
                    self.value(value, elem)
                } else {
                    self.expr(value)
                };
                self.emit(Instr::Send { ch: chr, v });
            }
            StmtKind::IncDec { x, inc, .. } => {
                let op = if inc { Op::Add } else { Op::Sub };
                self.op_assign(x, op, None);
            }
            StmtKind::Assign { lhs, rhs, op, .. } => {
                let lhs: Vec<ExprId> = ch.ast.list(lhs).to_vec();
                let rhs: Vec<ExprId> = ch.ast.list(rhs).to_vec();
                if op == AssignOp::Define {
                    self.hoist_list(&rhs);
                }
                match op {
                    AssignOp::Op(op) => self.op_assign(lhs[0], op, Some(rhs[0])),
                    AssignOp::Define => {
                        self.define(&lhs, &rhs);
                        keep = self.keep_locals(start);
                    }
                    AssignOp::Assign => self.assign(&lhs, &rhs),
                }
            }
            StmtKind::Go(call) => {
                self.call(ch.ast.unparen(call), How::Go);
            }
            StmtKind::Defer(call) => {
                self.call(ch.ast.unparen(call), How::Defer);
            }
            StmtKind::Return(results) => {
                let results: Vec<ExprId> = ch.ast.list(results).to_vec();
                self.hoist_list(&results);
                self.return_stmt(&results);
            }
            StmtKind::Branch { kind, label } => {
                let label = label.and_then(|l| ch.ast.ident(l));
                self.branch(kind, label);
            }
            StmtKind::Block { stmts, .. } => {
                for &st in ch.ast.list(stmts) {
                    self.stmt(st);
                }
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.hoist_calls(cond);
                let j = self.jump_if(cond, false);
                self.stmt(then);
                match els {
                    Some(e) => {
                        let jend = self.emit(Instr::Jmp { t: 0 });
                        let here = self.here();
                        self.patch_all(&j, here);
                        self.stmt(e);
                        let end = self.here();
                        self.patch(jend, end);
                    }
                    None => {
                        let here = self.here();
                        self.patch_all(&j, here);
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(label, init, cond, post, body),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(s, label, key, value, define, x, body),
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let clauses: Vec<StmtId> = ch.ast.list(clauses).to_vec();
                self.switch_stmt(label, tag, &clauses);
            }
            StmtKind::TypeSwitch {
                init,
                guard,
                clauses,
                ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let clauses: Vec<StmtId> = ch.ast.list(clauses).to_vec();
                self.type_switch(label, guard, &clauses);
            }
            StmtKind::Select { clauses, .. } => {
                let clauses: Vec<StmtId> = ch.ast.list(clauses).to_vec();
                self.select_stmt(label, &clauses);
            }
            StmtKind::Case { .. } | StmtKind::Comm { .. } => {}
        }
        self.release(keep);
    }

    /// After a statement that declared locals: the registers to keep (the locals are the
    /// highest-numbered of the variables; temporaries above them are freed).
    fn keep_locals(&self, start: u16) -> u16 {
        let top = self
            .vars
            .values()
            .map(|v| v.reg + 1)
            .filter(|&r| r > start)
            .max()
            .unwrap_or(start);
        top.max(start)
    }

    /// A `var` (or `const`/`type`, which need no code) declaration in a function.
    fn local_decl(&mut self, d: crate::golang::syntax::ast::DeclId) {
        let ch = self.c.ch;
        let Decl::Gen { kind, specs, .. } = *ch.ast.decl(d) else {
            return;
        };
        if kind != GenKind::Var {
            return;
        }
        for spec in ch.ast.list(specs).to_vec() {
            let Spec::Value { names, values, .. } = spec else {
                continue;
            };
            let names: Vec<ExprId> = ch.ast.list(names).to_vec();
            let values: Vec<ExprId> = ch.ast.list(values).to_vec();
            if values.is_empty() {
                for &n in &names {
                    if let Some(o) = ch.info.def(n) {
                        self.declare_zero(o);
                    }
                }
                continue;
            }
            self.hoist_list(&values);
            self.define(&names, &values);
        }
    }

    /// `a, b := x, y` (also `var a, b = x, y`): new variables (or existing ones, for names
    /// already declared in the scope) from values.
    fn define(&mut self, lhs: &[ExprId], rhs: &[ExprId]) {
        let ch = self.c.ch;
        self.name_targets(lhs, rhs);
        // New variables first, so the values' temporaries sit above them.
        let targets: Vec<(ExprId, Option<Var>)> = lhs
            .iter()
            .map(|&l| {
                let new = ch.info.def(l).filter(|_| ch.ast.ident(l).is_some());
                let v = new.map(|o| self.declare(o));
                (l, v)
            })
            .collect();
        // One new plain variable: its value is computed in its own register.
        if let ([(l, Some(v))], [r]) = (targets.as_slice(), rhs) {
            if !v.cell {
                let t = self.lhs_type(*l);
                self.value_to(*r, t, v.reg);
                return;
            }
        }
        let values = self.rhs_values(lhs, rhs);
        for ((l, v), val) in targets.into_iter().zip(values) {
            match v {
                Some(v) => self.init_var(v, val),
                None => {
                    let p = self.place(l, true);
                    let lt = self.ty(l);
                    self.store(p, lt, val);
                }
            }
        }
    }

    /// The values of an assignment's right side, each converted to its left side's type, in
    /// temporaries (one multi-value call gives them all).
    fn rhs_values(&mut self, lhs: &[ExprId], rhs: &[ExprId]) -> Vec<R> {
        if rhs.len() == 1 && lhs.len() > 1 {
            let targets: Vec<TypeId> = lhs.iter().map(|&l| self.lhs_type(l)).collect();
            let d = self.several_values(rhs[0], &targets);
            return (0..lhs.len()).map(|i| d + i as u16).collect();
        }
        lhs.iter()
            .zip(rhs)
            .map(|(&l, &r)| {
                let t = self.lhs_type(l);
                self.value(r, t)
            })
            .collect()
    }

    /// The values of `e`, a call of several results or a comma-ok form (`m[k]`, `x.(T)`,
    /// `<-ch`), each converted to its target's type, in temporaries from the returned one.
    fn several_values(&mut self, e: ExprId, targets: &[TypeId]) -> R {
        let ch = self.c.ch;
        let e = ch.ast.unparen(e);
        let et = self.ty(e);
        let src: Vec<TypeId> = match self.c.types.get(et) {
            Type::Tuple(elems) => elems.clone(),
            _ => vec![et, TypeId::BOOL],
        };
        let d = if ch.info.mode(e) == Mode::CommaOk
            || !matches!(self.c.types.get(et), Type::Tuple(_))
        {
            let d = self.alloc_n(targets.len());
            self.expr_to(e, d);
            d
        } else {
            // The call's results stay where it left them.
            let base = self.call(e, How::Now);
            self.claim(base, targets.len());
            base
        };
        for (i, &lt) in targets.iter().enumerate() {
            let st = src.get(i).copied().unwrap_or(lt);
            if self.c.is_agg(lt) {
                self.emit(Instr::Copy {
                    d: d + i as u16,
                    s: d + i as u16,
                });
            }
            self.coerce(d + i as u16, st, lt);
        }
        d
    }

    /// The type a left side stores (for `_`, the value's own).
    fn lhs_type(&mut self, l: ExprId) -> TypeId {
        let ch = self.c.ch;
        match ch.info.object_of(l) {
            Some(o) if ch.ast.ident(l).is_some() => self.obj_ty(o),
            _ => self.ty(l),
        }
    }

    /// `a, b = x, y`.
    fn assign(&mut self, lhs: &[ExprId], rhs: &[ExprId]) {
        let ch = self.c.ch;
        self.name_targets(lhs, rhs);
        // One plain local: the value goes straight into its register.
        if lhs.len() == 1 && rhs.len() == 1 {
            if let Some(o) = ch
                .info
                .use_of(lhs[0])
                .filter(|_| ch.ast.ident(lhs[0]).is_some())
            {
                if let Some(v) = self.vars.get(&o).copied() {
                    let t = self.obj_ty(o);
                    if !v.cell && !self.c.is_agg(t) && !self.builds_over(rhs[0], o) {
                        self.hoist_list(rhs);
                        self.value_to(rhs[0], t, v.reg);
                        return;
                    }
                }
            }
        }
        // Go evaluates the left side's index and pointer operands, then the right side, then
        // assigns from left to right.
        let keep = lhs.len() > 1;
        self.hoist_assignment(lhs, rhs);
        // One call (or receive, map index, assertion) of several values is made before the
        // places' variables are read, as gc makes every call first: in `a[i], b = f()`, an
        // `i` that `f` changes picks the element.
        let (places, values): (Vec<Place>, _) = if lhs.len() > 1 && rhs.len() == 1 {
            let values = self.rhs_values(lhs, rhs);
            (lhs.iter().map(|&l| self.place(l, keep)).collect(), values)
        } else {
            let places: Vec<Place> = lhs.iter().map(|&l| self.place(l, keep)).collect();
            if let Some(early) = self.evaluated_early(&places, rhs) {
                return self.assign_in_gc_order(lhs, rhs, places, &early);
            }
            (places, self.rhs_values(lhs, rhs))
        };
        for ((&l, p), val) in lhs.iter().zip(places).zip(values) {
            let t = self.lhs_type(l);
            self.store(p, t, val);
        }
    }

    /// `a, b = x, y` without calls, as gc orders it: the values an earlier assignment could
    /// change (`early`) first, in order, then each assignment, its value read just before it
    /// unless read early. Only which panic comes first can tell (in `h[i], h[j] = h[j], h[i]`
    /// on an empty slice, `h[i]`'s).
    fn assign_in_gc_order(
        &mut self,
        lhs: &[ExprId],
        rhs: &[ExprId],
        places: Vec<Place>,
        early: &[bool],
    ) {
        let mut values: Vec<Option<R>> = Vec::with_capacity(rhs.len());
        for ((&l, &r), &e) in lhs.iter().zip(rhs).zip(early) {
            let t = self.lhs_type(l);
            values.push(e.then(|| self.value(r, t)));
        }
        for (((&l, &r), p), v) in lhs.iter().zip(rhs).zip(places).zip(values) {
            let t = self.lhs_type(l);
            let v = v.unwrap_or_else(|| self.value(r, t));
            self.store(p, t, v);
        }
    }

    /// Which of the values `rhs` of an assignment of several to `places` gc reads before
    /// assigning any (its `ascompatee`): a value that an earlier assignment may change, that
    /// is one naming a local variable assigned before it, or, once an earlier assignment
    /// wrote memory (anything but a local variable), one that reads memory. None when a value
    /// makes a call (gc makes every call first, in order: the order stays operand order).
    fn evaluated_early(&mut self, places: &[Place], rhs: &[ExprId]) -> Option<Vec<bool>> {
        if places.len() != rhs.len() || places.len() < 2 {
            return None;
        }
        let mut reads = Vec::with_capacity(rhs.len());
        for &r in rhs {
            let mut read = ValueReads::default();
            if !self.value_reads(r, &mut read) {
                return None;
            }
            reads.push(read);
        }
        let mut assigned: Vec<R> = Vec::new();
        let mut wrote_memory = false;
        let mut early = Vec::with_capacity(rhs.len());
        for (p, read) in places.iter().zip(&reads) {
            early.push(
                (wrote_memory && read.memory) || read.locals.iter().any(|r| assigned.contains(r)),
            );
            match *p {
                Place::Local(v) if !v.cell => assigned.push(v.reg),
                Place::Blank => {}
                _ => wrote_memory = true,
            }
        }
        Some(early)
    }

    /// Adds what evaluating `e` reads to `read`: the registers of the local variables it
    /// names, and whether it reads memory (an element, a map entry, a dereference, a field
    /// through a pointer, a package variable, a variable in a cell, a struct or array
    /// variable; gc's `readsMemory`, anything else counted as memory). False when `e` makes a
    /// call or receives.
    fn value_reads(&mut self, e: ExprId, read: &mut ValueReads) -> bool {
        let ch = self.c.ch;
        if ch.info.constant(e).is_some() {
            return true;
        }
        match ch.ast.expr(e).kind {
            ExprKind::Ident(_) => {
                if let Some(o) = ch.info.use_of(e) {
                    match self.vars.get(&o) {
                        Some(v) if !v.cell => {
                            read.locals.push(v.reg);
                            // A struct or an array is memory that an assignment to its
                            // field or element writes.
                            let t = self.obj_ty(o);
                            read.memory |= self.c.is_agg(t);
                        }
                        Some(_) => read.memory = true,
                        None => read.memory |= self.c.globals.contains_key(&o),
                    }
                }
                true
            }
            ExprKind::Paren(x) => self.value_reads(x, read),
            ExprKind::Unary { op: Op::Recv, .. } => false,
            ExprKind::Unary { op: Op::And, x } => {
                read.memory = true;
                self.value_reads(x, read)
            }
            ExprKind::Unary { x, .. } => self.value_reads(x, read),
            ExprKind::Binary { x, y, .. } => self.value_reads(x, read) && self.value_reads(y, read),
            ExprKind::Selector { x, .. } => match ch.info.selection(e) {
                Some(s) if s.kind == SelectionKind::Field => {
                    read.memory |= s.indirect;
                    self.value_reads(x, read)
                }
                Some(_) => {
                    read.memory = true;
                    self.value_reads(x, read)
                }
                // A package's member.
                None => {
                    read.memory = true;
                    true
                }
            },
            ExprKind::Call { args, .. } => match ch.info.call(e) {
                Some(CallKind::Conversion(_)) => {
                    ch.ast.list(args).iter().all(|&a| self.value_reads(a, read))
                }
                // gc reads them in place, as memory.
                Some(CallKind::Builtin(Builtin::Len | Builtin::Cap)) => {
                    read.memory = true;
                    ch.ast.list(args).iter().all(|&a| self.value_reads(a, read))
                }
                _ => false,
            },
            ExprKind::TypeAssert { x, .. } => self.value_reads(x, read),
            _ => {
                read.memory = true;
                self.operands(e)
                    .into_iter()
                    .all(|x| self.value_reads(x, read))
            }
        }
    }

    /// Whether the value of `e` cannot be built in the register of variable `o`: a composite
    /// literal in `e` may be built in its destination before its elements are read (an array
    /// or a map, `v = [1]any{v}`), so one that reads `o` is built elsewhere.
    fn builds_over(&self, e: ExprId, o: ObjId) -> bool {
        let ch = self.c.ch;
        let (mut literal, mut reads) = (false, false);
        super::escape::walk_expr(&ch.ast, e, &mut |n| {
            if let super::escape::Node::Expr(x) = n {
                match ch.ast.expr(x).kind {
                    ExprKind::CompositeLit { .. } => literal = true,
                    ExprKind::Ident(_) => reads |= ch.info.use_of(x) == Some(o),
                    _ => {}
                }
            }
        });
        literal && reads
    }

    /// `x op= y` (`y` is 1 for `x++`/`x--`).
    fn op_assign(&mut self, x: ExprId, op: Op, y: Option<ExprId>) {
        let t = self.ty(x);
        self.hoist_assignment(&[x], y.as_slice());
        let p = self.place(x, false);
        // A plain local is updated in its own register.
        let local = match p {
            Place::Local(v) if !v.cell && !self.c.is_agg(t) => Some(v.reg),
            _ => None,
        };
        let cur = local.unwrap_or_else(|| self.alloc());
        let imm = match y {
            Some(y) => self.arith_imm(op, t, cur, y, cur),
            None if self.c.int_kind(t).is_some() => Some(Instr::AddImm {
                d: cur,
                a: cur,
                v: if op == Op::Add { 1 } else { -1 },
            }),
            None => None,
        };
        // The right side first: gc reads the place after its calls (`order.rs`).
        let operand = match y {
            _ if imm.is_some() => None,
            Some(y) => {
                self.hoist_calls(y);
                Some((self.expr(y), self.ty(y)))
            }
            None => {
                let one = self.alloc();
                self.constant_to(&ConstValue::Int(1), t, one);
                Some((one, t))
            }
        };
        if local.is_none() {
            self.load(p, t, cur);
        }
        if let Some(i) = imm {
            self.emit(i);
            self.wrap_after(op, cur, t);
        } else if let Some((b, bt)) = operand {
            self.arith(op, t, bt, cur, b, cur);
        }
        self.store(p, t, cur);
    }

    /// Evaluates the operands of left side `l`: in registers of their own when `keep` (an
    /// assignment of several places, where an earlier one may change a later one's operand,
    /// or a select's), else a local's own register may serve (one place, which nothing on
    /// the right can change: a variable the right side could change lives in a cell).
    fn place(&mut self, l: ExprId, keep: bool) -> Place {
        let ch = self.c.ch;
        let l = ch.ast.unparen(l);
        match ch.ast.expr(l).kind {
            ExprKind::Ident(n) => {
                if n == crate::golang::syntax::ast::Name::BLANK {
                    return Place::Blank;
                }
                let Some(o) = ch.info.object_of(l) else {
                    return Place::Blank;
                };
                if let Some(v) = self.vars.get(&o).copied() {
                    return Place::Local(v);
                }
                match self.c.globals.get(&o) {
                    Some(&(g, cell)) => Place::Global(g, cell),
                    None => Place::Blank,
                }
            }
            ExprKind::Selector { x, .. } => {
                let Some(s) = ch.info.selection(l).copied() else {
                    return Place::Blank;
                };
                if s.kind != SelectionKind::Field {
                    return match self.c.globals.get(&s.obj) {
                        Some(&(g, cell)) => Place::Global(g, cell),
                        None => Place::Blank,
                    };
                }
                let path = ch.info.path(&s).to_vec();
                let base = self.operand(x, keep);
                let a = self.fields(base, &path[..path.len() - 1]);
                Place::Field(a, path[path.len() - 1] as u16)
            }
            ExprKind::Index { x, indices, .. } => {
                let i = ch.ast.list(indices)[0];
                let xt = self.ty(x);
                if let Type::Map(kt, _) = self.c.under(xt).clone() {
                    let m = self.operand(x, keep);
                    let k = self.value(i, kt);
                    return Place::Map(m, k);
                }
                let xr = self.operand(x, keep);
                self.array_ptr_check(xt, xr);
                let ir = self.operand(i, keep);
                self.unsigned_index_check(i, xr, ir);
                Place::Index(xr, ir)
            }
            ExprKind::Star(p) => {
                let pr = self.operand(p, keep);
                Place::Deref(pr)
            }
            _ => Place::Blank,
        }
    }

    /// `d = ` the value (of type `t`) at place `p`.
    fn load(&mut self, p: Place, t: TypeId, d: R) {
        match p {
            Place::Local(v) if v.cell => {
                self.emit(Instr::Load { d, p: v.reg });
            }
            Place::Local(v) => {
                self.emit(Instr::Mov { d, s: v.reg });
            }
            Place::Global(g, cell) => {
                self.emit(Instr::Global { d, g });
                if cell {
                    self.emit(Instr::Load { d, p: d });
                }
            }
            Place::Field(a, i) => {
                self.emit(Instr::Field { d, a, i });
            }
            Place::Index(x, i) => {
                self.emit(Instr::Index { d, x, i });
            }
            Place::Map(m, k) => {
                // Reading for `m[k] op= v`: the zero value when absent.
                let zero = self.c.zero(t);
                self.emit(Instr::MapGet { d, m, k, zero });
            }
            Place::Deref(p) => {
                self.emit(Instr::Load { d, p });
            }
            Place::Blank => {}
        }
    }

    /// Stores the value in `s` (of type `t`, already converted and copied) at place `p`. An
    /// array or struct is written into the storage already there, which pointers see.
    fn store(&mut self, p: Place, t: TypeId, s: R) {
        let agg = self.c.is_agg(t);
        match p {
            Place::Local(v) if v.cell => {
                self.emit(Instr::Store { p: v.reg, s });
            }
            Place::Local(v) if agg => {
                self.emit(Instr::StoreAgg { d: v.reg, s });
            }
            Place::Local(v) => {
                if v.reg != s {
                    self.emit(Instr::Mov { d: v.reg, s });
                }
            }
            Place::Global(g, cell) => {
                if cell || agg {
                    let tmp = self.alloc();
                    self.emit(Instr::Global { d: tmp, g });
                    if agg {
                        self.emit(Instr::StoreAgg { d: tmp, s });
                    } else {
                        self.emit(Instr::Store { p: tmp, s });
                    }
                } else {
                    self.emit(Instr::SetGlobal { g, s });
                }
            }
            Place::Field(a, i) if agg => {
                let tmp = self.alloc();
                self.emit(Instr::Field { d: tmp, a, i });
                self.emit(Instr::StoreAgg { d: tmp, s });
            }
            Place::Field(a, i) => {
                self.emit(Instr::SetField { a, i, s });
            }
            Place::Index(x, i) if agg => {
                let tmp = self.alloc();
                self.emit(Instr::Index { d: tmp, x, i });
                self.emit(Instr::StoreAgg { d: tmp, s });
            }
            Place::Index(x, i) => {
                self.emit(Instr::SetIndex { x, i, s });
            }
            Place::Map(m, k) => {
                self.emit(Instr::MapSet { m, k, s });
            }
            Place::Deref(p) => {
                self.emit(Instr::Store { p, s });
            }
            Place::Blank => {}
        }
    }

    fn return_stmt(&mut self, results: &[ExprId]) {
        if let Some(r) = self.range.clone() {
            // In the body of a loop over a function: the enclosing function returns, once the
            // iterator has returned, with the values left in its result cells.
            if results.is_empty() {
                self.range_exit(RANGE_RETURNED_BARE);
                return;
            }
            let values = self.result_values(results, &r.result_types);
            for (v, cell) in values.into_iter().zip(r.stash) {
                self.emit(Instr::Store { p: cell, s: v });
            }
            self.range_exit(RANGE_RETURNED);
            return;
        }
        let n = self.results.len();
        if results.is_empty() || n == 0 {
            self.emit(Instr::Ret);
            return;
        }
        let types = self.result_types.clone();
        let mut values = self.result_values(results, &types);
        // `return b, a` of named results: a value in another result's register is moved out
        // of it before the results are written.
        for (i, v) in values.iter_mut().enumerate() {
            if self
                .results
                .iter()
                .enumerate()
                .any(|(j, r)| j != i && r.0 == *v)
            {
                let tmp = self.alloc();
                self.emit(Instr::Mov { d: tmp, s: *v });
                *v = tmp;
            }
        }
        self.write_results(values);
    }

    /// Writes `values` to the function's results (into a named result's cell where it has
    /// one) and returns.
    fn write_results(&mut self, values: Vec<R>) {
        let results = self.results.clone();
        for ((reg, obj), v) in results.into_iter().zip(values) {
            let cell = obj
                .and_then(|o| self.vars.get(&o))
                .is_some_and(|var| var.cell);
            if cell {
                self.emit(Instr::Store { p: reg, s: v });
            } else if reg != v {
                self.emit(Instr::Mov { d: reg, s: v });
            }
        }
        self.emit(Instr::Ret);
    }

    /// The registers holding the values `return results` returns as `types`: converted to
    /// them, a multi-value call's spread.
    fn result_values(&mut self, results: &[ExprId], types: &[TypeId]) -> Vec<R> {
        let ch = self.c.ch;
        let n = types.len();
        if results.len() == 1 && n > 1 {
            let base = self.call(ch.ast.unparen(results[0]), How::Now);
            let rt = self.ty(results[0]);
            let src: Vec<TypeId> = match self.c.types.get(rt) {
                Type::Tuple(e) => e.clone(),
                _ => Vec::new(),
            };
            for (i, &t) in types.iter().enumerate() {
                let st = src.get(i).copied().unwrap_or(t);
                self.coerce(base + i as u16, st, t);
            }
            return (0..n).map(|i| base + i as u16).collect();
        }
        results
            .iter()
            .zip(types)
            .map(|(&r, &t)| {
                if self.c.is_iface(t) || self.c.is_agg(t) {
                    self.value(r, t)
                } else {
                    // A variable's own register, read by the caller.
                    self.expr(r)
                }
            })
            .collect()
    }

    fn branch(&mut self, kind: BranchKind, label: Option<crate::golang::syntax::ast::Name>) {
        let find = |targets: &Vec<Target>, want_loop: bool| -> Option<usize> {
            targets.iter().rposition(|t| match label {
                Some(l) => t.label == Some(l),
                None => !want_loop || t.is_loop,
            })
        };
        let target = find(&self.targets, matches!(kind, BranchKind::Continue));
        if matches!(kind, BranchKind::Break | BranchKind::Continue) && target.is_none() {
            // In the body of a loop over a function, a statement leaving the body.
            if let Some(r) = &self.range {
                let own = label.is_none() || label == r.label;
                match (kind, label) {
                    (BranchKind::Continue, _) if own => self.range_continue(),
                    (_, Some(l)) if !own => self.range_exit(range_branch_code(l, kind)),
                    _ => self.range_exit(RANGE_BROKE),
                }
                return;
            }
        }
        match kind {
            BranchKind::Break => {
                if let Some(i) = target {
                    let j = self.emit(Instr::Jmp { t: 0 });
                    self.targets[i].breaks.push(j);
                }
            }
            BranchKind::Continue => {
                if let Some(i) = target {
                    let j = self.emit(Instr::Jmp { t: 0 });
                    self.targets[i].continues.push(j);
                }
            }
            BranchKind::Goto => {
                if let Some(label) = label {
                    let j = self.emit(Instr::Jmp { t: 0 });
                    self.gotos.push((label, j));
                }
            }
            // Fallthrough is compiled by the switch.
            BranchKind::Fallthrough => {}
        }
    }

    /// Opens a break (and continue) target.
    fn open(&mut self, label: Option<crate::golang::syntax::ast::Name>, is_loop: bool) {
        self.targets.push(Target {
            label,
            is_loop,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
    }

    /// Closes the innermost target: its breaks go here, its continues to `cont`.
    fn close(&mut self, cont: u32) {
        let end = self.here();
        if let Some(t) = self.targets.pop() {
            for j in t.breaks {
                self.patch(j, end);
            }
            for j in t.continues {
                self.patch(j, cont);
            }
        }
    }

    /// The loop variables of a `for` statement's `:=` that live in cells (Go 1.22 gives each
    /// iteration its own copy of them).
    fn loop_cells(&self, init: Option<StmtId>) -> Vec<Var> {
        let ch = self.c.ch;
        let Some(i) = init else { return Vec::new() };
        let StmtKind::Assign {
            lhs,
            op: AssignOp::Define,
            ..
        } = ch.ast.stmt(i).kind
        else {
            return Vec::new();
        };
        ch.ast
            .list(lhs)
            .iter()
            .filter_map(|&l| ch.info.def(l))
            .filter_map(|o| self.vars.get(&o).copied())
            .filter(|v| v.cell)
            .collect()
    }

    fn for_stmt(
        &mut self,
        label: Option<crate::golang::syntax::ast::Name>,
        init: Option<StmtId>,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: StmtId,
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let fresh = if self.c.shared_loop_vars {
            Vec::new()
        } else {
            self.loop_cells(init)
        };
        if let Some(fused) = self.counted_loop(cond, post, &fresh) {
            let (i, n) = fused;
            // `for i := a; i < n; i++`: test once, then the body and one fused step.
            let exit = self.emit(Instr::JLe { a: n, b: i, t: 0 });
            let top = self.here();
            self.open(label, true);
            self.stmt(body);
            let cont = self.here();
            let no_continue = self.targets.last().is_some_and(|t| t.continues.is_empty());
            match self.code.last().copied() {
                // A body that only accumulates (`sum += i`): one instruction an iteration.
                Some(Instr::AddTo { d, s }) if cont == top + 1 && no_continue => {
                    self.code.pop();
                    self.emit(Instr::AddToIncJLt { d, s, i, n, t: top });
                }
                _ => {
                    self.emit(Instr::IncJLt { i, n, t: top });
                }
            }
            self.close(cont);
            let end = self.here();
            self.patch(exit, end);
            return;
        }
        let top = self.here();
        let exit = cond
            .map(|c| {
                self.hoist_calls(c);
                self.jump_if(c, false)
            })
            .unwrap_or_default();
        self.open(label, true);
        self.stmt(body);
        let cont = self.here();
        // Each iteration's variables are new: the next one starts from a copy.
        for v in &fresh {
            let tmp = self.alloc();
            self.emit(Instr::Load { d: tmp, p: v.reg });
            self.emit(Instr::NewCell { d: v.reg, s: tmp });
        }
        if let Some(p) = post {
            self.stmt(p);
        }
        self.emit(Instr::Jmp { t: top });
        self.close(cont);
        let end = self.here();
        self.patch_all(&exit, end);
    }

    /// For `i < n` and `i++` on a plain `int` local (n a plain local or a constant): the
    /// registers of `i` and `n`, for the fused loop step.
    fn counted_loop(
        &mut self,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        fresh: &[Var],
    ) -> Option<(R, R)> {
        let ch = self.c.ch;
        let (cond, post) = (cond?, post?);
        let ExprKind::Binary {
            op: Op::Lss, x, y, ..
        } = ch.ast.expr(ch.ast.unparen(cond)).kind
        else {
            return None;
        };
        let StmtKind::IncDec {
            x: px, inc: true, ..
        } = ch.ast.stmt(post).kind
        else {
            return None;
        };
        let (xi, pi) = (
            ch.info.use_of(ch.ast.unparen(x))?,
            ch.info.use_of(ch.ast.unparen(px))?,
        );
        if xi != pi || !fresh.is_empty() {
            return None;
        }
        let t = self.obj_ty(xi);
        let kind = self.c.int_kind(t)?;
        if !kind.signed() || kind.bits() < 64 {
            return None;
        }
        let iv = self.vars.get(&xi).copied().filter(|v| !v.cell)?;
        let y = ch.ast.unparen(y);
        let n = if ch.info.mode(y) == Mode::Constant {
            let r = self.alloc();
            self.expr_to(y, r);
            r
        } else {
            let yo = ch.info.use_of(y).filter(|_| ch.ast.ident(y).is_some())?;
            if yo == xi {
                return None;
            }
            let v = self.vars.get(&yo).copied().filter(|v| !v.cell)?;
            v.reg
        };
        Some((iv.reg, n))
    }

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        s: StmtId,
        label: Option<crate::golang::syntax::ast::Name>,
        key: Option<ExprId>,
        value: Option<ExprId>,
        define: bool,
        x: ExprId,
        body: StmtId,
    ) {
        let ch = self.c.ch;
        let Some(mut info) = ch.info.ranges.get(&s).copied() else {
            return;
        };
        if info.kind == RangeKind::Func {
            self.range_func(s, label, x, body);
            return;
        }
        info.key = self.subst(info.key);
        info.value = self.subst(info.value);
        let blank = |e: Option<ExprId>| {
            e.filter(|&e| ch.ast.ident(e) != Some(crate::golang::syntax::ast::Name::BLANK))
        };
        let (key, value) = (blank(key), blank(value));
        if define {
            // The loop's variables: one register each; with Go 1.21's rule one cell for the
            // whole loop, with Go 1.22's a new one each iteration (made by the assignment).
            for e in [key, value].into_iter().flatten() {
                if let Some(o) = ch.info.def(e) {
                    let var = self.declare(o);
                    if var.cell && self.c.shared_loop_vars {
                        let t = self.obj_ty(o);
                        self.load_zero(var.reg, t);
                        self.emit(Instr::NewCell {
                            d: var.reg,
                            s: var.reg,
                        });
                    }
                }
            }
        }
        let xr = self.alloc();
        if info.len_constant && value.is_none() {
            // Not evaluated: the loop counts to the array's constant length.
        } else if info.kind == RangeKind::Array && value.is_some() {
            self.hoist_calls(x);
            // Ranging over an array value ranges over a copy of it.
            let xt = self.ty(x);
            self.value_to(x, xt, xr);
        } else {
            self.hoist_calls(x);
            self.expr_to(x, xr);
        }
        if info.kind == RangeKind::ArrayPtr && value.is_some() {
            self.emit(Instr::NilCheck { x: xr });
        }
        // The loop's own registers: index, length, and the values of this iteration.
        let i = self.alloc();
        let n = self.alloc();
        let k = self.alloc();
        // The value, and an `ok` or a rune's width after it.
        let v = self.alloc_n(2);
        self.emit(Instr::Int { d: i, v: 0 });
        match info.kind {
            RangeKind::Int => {
                self.emit(Instr::Mov { d: n, s: xr });
            }
            RangeKind::Map => {
                // The keys as the loop starts, in the run's random order (and the values
                // of keys that no lookup finds: `MapKeys`).
                let keys = self.alloc_n(3);
                self.reserve(v, 2);
                self.emit(Instr::MapKeys { d: keys, m: xr });
                self.emit(Instr::Len { d: n, x: keys });
                self.range_loop(label, i, n, body, |f| {
                    f.emit(Instr::Index { d: k, x: keys, i });
                    f.emit(Instr::MapRangeGet {
                        d: v,
                        m: xr,
                        k,
                        at: keys,
                        i,
                    });
                    // A key deleted since the loop started is skipped.
                    let skip = f.emit(Instr::Jf { c: v + 1, t: 0 });
                    f.range_assign(key, value, define, k, v, info.key, info.value);
                    Some(skip)
                });
                return;
            }
            RangeKind::Chan => {
                // The receive is at the loop's bottom (one instruction an iteration besides the
                // body's), into the loop's variable when it is a register of its own.
                let own = key
                    .filter(|_| define)
                    .and_then(|e| ch.info.def(e))
                    .and_then(|o| self.vars.get(&o))
                    .filter(|var| !var.cell)
                    .map(|var| var.reg);
                let line = self.line;
                let enter = self.emit(Instr::Jmp { t: 0 });
                let top = self.here();
                self.open(label, true);
                if own.is_none() {
                    self.range_assign(key, None, define, v, v, info.key, info.key);
                }
                self.stmt(body);
                let test = self.here();
                self.patch(enter, test);
                self.line = line;
                self.emit(Instr::RangeRecv {
                    d: own.unwrap_or(v),
                    ch: xr,
                    t: top,
                });
                self.close(test);
                return;
            }
            _ => {
                let xt = self.ty(x);
                match self.c.array_len(xt) {
                    Some(len) => self.constant_to(&ConstValue::Int(len as i128), TypeId::INT, n),
                    None => {
                        self.emit(Instr::Len { d: n, x: xr });
                    }
                }
            }
        }
        let kind = info.kind;
        self.range_loop(label, i, n, body, |f| {
            match kind {
                RangeKind::Int => {
                    f.emit(Instr::Mov { d: k, s: i });
                }
                RangeKind::String => {
                    f.reserve(v, 2);
                    f.emit(Instr::DecodeRune { d: v, s: xr, i });
                    f.emit(Instr::Mov { d: k, s: i });
                    // The next iteration starts after this rune: i += width - 1 (the loop
                    // step adds the last 1).
                    f.emit(Instr::AddI {
                        d: i,
                        a: i,
                        b: v + 1,
                    });
                    f.emit(Instr::AddImm { d: i, a: i, v: -1 });
                }
                _ => {
                    f.emit(Instr::Mov { d: k, s: i });
                    if value.is_some() {
                        f.emit(Instr::Index { d: v, x: xr, i });
                    }
                }
            }
            f.range_assign(key, value, define, k, v, info.key, info.value);
            None
        });
    }

    /// Loop `s` over the function `x` (Go 1.23): the body is compiled as the `yield`
    /// function (see [`RangeBody`]) that the iterator is called with; then the loop does what
    /// the body asked when it left (a `return`, or a `break`/`continue` of a loop outside).
    fn range_func(
        &mut self,
        s: StmtId,
        label: Option<crate::golang::syntax::ast::Name>,
        x: ExprId,
        body: StmtId,
    ) {
        let ch = self.c.ch;
        let xr = self.alloc();
        self.expr_to(x, xr);
        let captures = super::escape::range_free_vars(ch, s);
        let state = self.alloc();
        self.emit(Instr::Int {
            d: state,
            v: RANGE_RUNNING,
        });
        self.emit(Instr::NewCell { d: state, s: state });
        // Where a `return` in the body leaves the results: the enclosing function's result
        // cells (shared by nested loops over functions).
        let (frame, stash, result_types) = match &self.range {
            Some(r) => (r.frame, r.stash.clone(), r.result_types.clone()),
            None => {
                let frame = self.alloc();
                self.emit(Instr::FrameIndex { d: frame });
                let types = self.result_types.clone();
                let stash = types
                    .iter()
                    .map(|&t| {
                        let d = self.alloc();
                        self.load_zero(d, t);
                        self.emit(Instr::NewCell { d, s: d });
                        d
                    })
                    .collect();
                (frame, stash, types)
            }
        };
        let n = captures.len() + 2 + stash.len();
        let first = self.alloc_n(n);
        for (i, &o) in captures.iter().enumerate() {
            let d = first + i as u16;
            match self.vars.get(&o).copied() {
                Some(v) => self.emit(Instr::Mov { d, s: v.reg }),
                None => self.emit(Instr::Nil { d }),
            };
        }
        let at = first + captures.len() as u16;
        self.emit(Instr::Mov { d: at, s: state });
        self.emit(Instr::Mov {
            d: at + 1,
            s: frame,
        });
        for (j, &r) in stash.iter().enumerate() {
            self.emit(Instr::Mov {
                d: at + 2 + j as u16,
                s: r,
            });
        }
        self.ranges += 1;
        let name = format!("{}-range{}", self.name, self.ranges);
        let inst = self.inst.clone();
        let f = self
            .c
            .queue_range_body(s, captures, name, inst, label, result_types);
        let base = self.alloc();
        self.emit(Instr::Closure {
            d: base,
            f,
            first,
            n: n as u16,
        });
        self.emit(Instr::CallV { f: xr, base });
        // The iterator returned: the loop is over, and the body may have asked for more.
        let t = self.alloc();
        self.emit(Instr::Load { d: t, p: state });
        let done = self.alloc();
        self.emit(Instr::Int {
            d: done,
            v: RANGE_DONE,
        });
        self.emit(Instr::Store { p: state, s: done });
        self.if_state(t, RANGE_PANICKED, |f| f.range_panic(RANGE_PANIC_RECOVERED));
        let nested = self.range.is_some();
        self.if_state(t, RANGE_RETURNED, |f| {
            if nested {
                f.range_exit(RANGE_RETURNED);
                return;
            }
            let values = (stash.iter())
                .map(|&p| {
                    let d = f.alloc();
                    f.emit(Instr::Load { d, p });
                    d
                })
                .collect();
            f.write_results(values);
        });
        self.if_state(t, RANGE_RETURNED_BARE, |f| match nested {
            true => f.range_exit(RANGE_RETURNED_BARE),
            false => {
                f.emit(Instr::Ret);
            }
        });
        for (name, kind) in super::escape::branches_out_of(ch, body) {
            self.if_state(t, range_branch_code(name, kind), |f| {
                f.branch(kind, Some(name))
            });
        }
    }

    /// Code that `then` emits, run only when register `t` holds `code` (a loop over a
    /// function's state).
    fn if_state(&mut self, t: R, code: i32, then: impl FnOnce(&mut Self)) {
        let skip = self.emit(Instr::JNeK {
            a: t,
            v: code,
            t: 0,
        });
        then(self);
        let here = self.here();
        self.patch(skip, here);
    }

    /// A counted range loop over `i` in `0..n`; `each` assigns the iteration's variables
    /// (and may return a jump that skips the body, patched to the continue point).
    fn range_loop(
        &mut self,
        label: Option<crate::golang::syntax::ast::Name>,
        i: R,
        n: R,
        body: StmtId,
        each: impl FnOnce(&mut Self) -> Option<usize>,
    ) {
        let exit = self.emit(Instr::JLe { a: n, b: i, t: 0 });
        let top = self.here();
        let skip = each(self);
        self.open(label, true);
        self.stmt(body);
        let cont = self.here();
        if let Some(j) = skip {
            self.patch(j, cont);
        }
        self.emit(Instr::IncJLt { i, n, t: top });
        self.close(cont);
        let end = self.here();
        self.patch(exit, end);
    }

    /// Assigns a range iteration's key and value (new variables each iteration for `:=`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_assign(
        &mut self,
        key: Option<ExprId>,
        value: Option<ExprId>,
        define: bool,
        k: R,
        v: R,
        kt: TypeId,
        vt: TypeId,
    ) {
        let ch = self.c.ch;
        let assigned = [(key, k, kt), (value, v, vt)];
        let assigned = assigned
            .iter()
            .filter_map(|&(e, r, t)| e.map(|e| (e, r, t)));
        if !define {
            // `for i, x[i] = range …`: the places' operands are evaluated before either
            // assignment, as in any parallel assignment.
            let places: Vec<_> = assigned
                .map(|(e, r, t)| (self.place(e, true), e, r, t))
                .collect();
            for (p, e, r, t) in places {
                if self.c.is_agg(t) {
                    self.emit(Instr::Copy { d: r, s: r });
                }
                let lt = self.lhs_type(e);
                self.coerce(r, t, lt);
                self.store(p, lt, r);
            }
            return;
        }
        for (e, r, t) in assigned {
            if self.c.is_agg(t) {
                self.emit(Instr::Copy { d: r, s: r });
            }
            let Some(o) = ch.info.def(e) else { continue };
            let Some(var) = self.vars.get(&o).copied() else {
                continue;
            };
            if var.cell && self.c.shared_loop_vars {
                self.emit(Instr::Store { p: var.reg, s: r });
            } else {
                self.init_var(var, r);
            }
        }
    }

    fn switch_stmt(
        &mut self,
        label: Option<crate::golang::syntax::ast::Name>,
        tag: Option<ExprId>,
        clauses: &[StmtId],
    ) {
        let ch = self.c.ch;
        let tag_reg = tag.map(|t| {
            self.hoist_calls(t);
            let tt = self.ty(t);
            self.value(t, tt)
        });
        let tag_ty = tag.map(|t| self.ty(t));
        let mut jumps: Vec<(usize, usize)> = Vec::new();
        let mut default = None;
        for (k, &cl) in clauses.iter().enumerate() {
            let StmtKind::Case {
                exprs, is_default, ..
            } = ch.ast.stmt(cl).kind
            else {
                continue;
            };
            if is_default {
                default = Some(k);
            }
            for &e in ch.ast.list(exprs) {
                let m = self.mark();
                let et = self.ty(e);
                let c = match (tag_reg, tag_ty) {
                    // An integer tag: one instruction compares and jumps.
                    (Some(t), Some(tt))
                        if self.c.types.is_integer(tt)
                            && !self.c.is_iface(tt)
                            && !self.c.is_iface(et) =>
                    {
                        let j = match self.int_imm(e, tt) {
                            Some(v) => self.emit(Instr::JEqK { a: t, v, t: 0 }),
                            None => {
                                let b = self.value(e, tt);
                                self.emit(Instr::JEq { a: t, b, t: 0 })
                            }
                        };
                        jumps.push((j, k));
                        self.release(m);
                        continue;
                    }
                    (Some(t), Some(tt)) if self.c.is_iface(et) && !self.c.is_iface(tt) => {
                        // A concrete tag and an interface case: compared as interfaces, the
                        // tag boxed (as `==` does).
                        let boxed = self.alloc();
                        self.emit(Instr::Mov { d: boxed, s: t });
                        self.equal_boxed(boxed, tt, e, et)
                    }
                    (Some(t), Some(tt)) => {
                        let v = self.value(e, tt);
                        let d = self.alloc();
                        self.equal(d, t, v, tt);
                        d
                    }
                    _ if !self.c.is_iface(et) => {
                        // `switch { case x < n: }`: the condition's own jumps.
                        jumps.extend(self.jump_if(e, true).into_iter().map(|j| (j, k)));
                        self.release(m);
                        continue;
                    }
                    _ => {
                        // `switch { case i: }` with `i` an interface: `true == i`.
                        let t = self.alloc();
                        self.emit(Instr::Bool { d: t, v: true });
                        self.equal_boxed(t, TypeId::BOOL, e, et)
                    }
                };
                jumps.push((self.emit(Instr::Jt { c, t: 0 }), k));
                self.release(m);
            }
        }
        let none = self.emit(Instr::Jmp { t: 0 });
        self.clause_bodies(label, clauses, jumps, default, none, |_, _| {});
    }

    /// `d = a == b` for values of type `t` (not integers: a switch compares those and jumps
    /// in one instruction).
    fn equal(&mut self, d: R, a: R, b: R, t: TypeId) {
        let i = if self.c.is_float(t) {
            Instr::EqF { d, a, b }
        } else {
            Instr::Eq { d, a, b }
        };
        self.emit(i);
    }

    /// A switch's case `e`, of interface type `et`, against the value of concrete type `rt`
    /// in register `r` (the switch's own): `r` boxed and compared as interfaces, as `==`
    /// compares them. The comparison's register.
    fn equal_boxed(&mut self, r: R, rt: TypeId, e: ExprId, et: TypeId) -> R {
        self.coerce(r, rt, et);
        let v = self.expr(e);
        let d = self.alloc();
        self.emit(Instr::Eq { d, a: r, b: v });
        d
    }

    /// The bodies of a switch's clauses: `jumps` lead to clause bodies, `none` (when no case
    /// matched) to the default or the end. `prologue` runs at the start of each body.
    fn clause_bodies(
        &mut self,
        label: Option<crate::golang::syntax::ast::Name>,
        clauses: &[StmtId],
        jumps: Vec<(usize, usize)>,
        default: Option<usize>,
        none: usize,
        mut prologue: impl FnMut(&mut Self, usize),
    ) {
        let ch = self.c.ch;
        self.open(label, false);
        let mut starts = vec![0u32; clauses.len()];
        let mut falls: Vec<(usize, usize)> = Vec::new();
        for (k, &cl) in clauses.iter().enumerate() {
            starts[k] = self.here();
            let body = match ch.ast.stmt(cl).kind {
                StmtKind::Case { body, .. } | StmtKind::Comm { body, .. } => body,
                _ => continue,
            };
            let mark = self.mark();
            prologue(self, k);
            let stmts: Vec<StmtId> = ch.ast.list(body).to_vec();
            let falls_through = stmts.last().is_some_and(|&s| {
                matches!(
                    ch.ast.stmt(s).kind,
                    StmtKind::Branch {
                        kind: BranchKind::Fallthrough,
                        ..
                    }
                )
            });
            for &s in &stmts {
                self.stmt(s);
            }
            self.release(mark);
            let j = self.emit(Instr::Jmp { t: 0 });
            if falls_through && k + 1 < clauses.len() {
                falls.push((j, k + 1));
            } else if let Some(t) = self.targets.last_mut() {
                t.breaks.push(j);
            }
        }
        for (j, k) in jumps {
            self.patch(j, starts[k]);
        }
        for (j, k) in falls {
            self.patch(j, starts[k]);
        }
        match default {
            Some(k) => self.patch(none, starts[k]),
            None => {
                if let Some(t) = self.targets.last_mut() {
                    t.breaks.push(none);
                }
            }
        }
        let end = self.here();
        self.close(end);
    }

    fn type_switch(
        &mut self,
        label: Option<crate::golang::syntax::ast::Name>,
        guard: ExprId,
        clauses: &[StmtId],
    ) {
        let ch = self.c.ch;
        // The guard is `x.(type)`.
        let ExprKind::TypeAssert { x: g, .. } = ch.ast.expr(ch.ast.unparen(guard)).kind else {
            return;
        };
        let gt = self.ty(g);
        let x = self.value(g, gt);
        let iface = self.ty(g);
        let tid = self.alloc();
        self.emit(Instr::TypeOf { d: tid, s: x });
        let mut jumps = Vec::new();
        let mut default = None;
        let mut single: Vec<Option<TypeId>> = vec![None; clauses.len()];
        for (k, &cl) in clauses.iter().enumerate() {
            let StmtKind::Case {
                exprs, is_default, ..
            } = ch.ast.stmt(cl).kind
            else {
                continue;
            };
            if is_default {
                default = Some(k);
            }
            let exprs: Vec<ExprId> = ch.ast.list(exprs).to_vec();
            for &e in &exprs {
                let m = self.mark();
                let c = self.alloc();
                if ch.info.mode(e) == Mode::Nil {
                    let t = self.alloc();
                    self.emit(Instr::Int { d: t, v: -1 });
                    self.emit(Instr::EqI { d: c, a: tid, b: t });
                } else {
                    let t = self.ty(e);
                    if self.c.is_iface(t) {
                        let ty = self.c.rtype(t);
                        self.emit(Instr::Implements { d: c, s: x, ty });
                    } else {
                        let id = self.c.iface_type(t);
                        let r = self.alloc();
                        self.emit(Instr::Int { d: r, v: id as i32 });
                        self.emit(Instr::EqI { d: c, a: tid, b: r });
                    }
                }
                jumps.push((self.emit(Instr::Jt { c, t: 0 }), k));
                self.release(m);
            }
            if exprs.len() == 1 && ch.info.mode(exprs[0]) != Mode::Nil {
                single[k] = Some(self.ty(exprs[0]));
            }
        }
        let none = self.emit(Instr::Jmp { t: 0 });
        let implicit: Vec<Option<ObjId>> = clauses
            .iter()
            .map(|cl| ch.info.implicits.get(cl).copied())
            .collect();
        let iface_rt = self.c.rtype(iface);
        self.clause_bodies(label, clauses, jumps, default, none, |f, k| {
            let Some(o) = implicit[k] else { return };
            let var = f.declare(o);
            let tmp = f.alloc();
            match single[k] {
                Some(t) if !f.c.is_iface(t) => {
                    let ty = f.c.rtype(t);
                    f.emit(Instr::Assert {
                        d: tmp,
                        s: x,
                        ty,
                        iface: iface_rt,
                    });
                    if f.c.is_agg(t) {
                        f.emit(Instr::Copy { d: tmp, s: tmp });
                    }
                }
                _ => {
                    f.emit(Instr::Mov { d: tmp, s: x });
                }
            }
            f.init_var(var, tmp);
        });
    }

    fn select_stmt(&mut self, label: Option<crate::golang::syntax::ast::Name>, clauses: &[StmtId]) {
        let ch = self.c.ch;
        let mut cases = Vec::new();
        // For each case: its index in the select, and what its receive assigns.
        let mut recv_targets: Vec<Option<RecvTarget>> = vec![None; clauses.len()];
        let mut case_of: Vec<Option<usize>> = vec![None; clauses.len()];
        let mut has_default = false;
        let mut default = None;
        for (k, &cl) in clauses.iter().enumerate() {
            let StmtKind::Comm { comm, .. } = ch.ast.stmt(cl).kind else {
                continue;
            };
            let Some(comm) = comm else {
                has_default = true;
                default = Some(k);
                continue;
            };
            let (recv_x, lhs, define) = match ch.ast.stmt(comm).kind {
                StmtKind::Send { ch: c, value, .. } => {
                    self.hoist_list(&[c, value]);
                    let chr = self.expr_keep(c);
                    let t = self.ty(c);
                    let elem = match self.c.under(t) {
                        Type::Chan(_, e) => *e,
                        _ => TypeId::INVALID,
                    };
                    let v = self.alloc();
                    self.value_to(value, elem, v);
                    case_of[k] = Some(cases.len());
                    cases.push(SelectCase {
                        ch: chr,
                        send: Some(v),
                        recv_to: None,
                        recv_ok: false,
                        zero: 0,
                    });
                    continue;
                }
                StmtKind::Expr(e) => (e, Vec::new(), false),
                StmtKind::Assign { lhs, rhs, op, .. } => {
                    let rhs = ch.ast.list(rhs)[0];
                    (rhs, ch.ast.list(lhs).to_vec(), op == AssignOp::Define)
                }
                _ => continue,
            };
            let ExprKind::Unary { op: Op::Recv, x } = ch.ast.expr(ch.ast.unparen(recv_x)).kind
            else {
                continue;
            };
            let chr = self.expr_keep(x);
            let t = self.ty(x);
            let elem = match self.c.under(t) {
                Type::Chan(_, e) => *e,
                _ => TypeId::INVALID,
            };
            let to = self.alloc_n(2);
            let zero = self.c.zero(elem);
            case_of[k] = Some(cases.len());
            cases.push(SelectCase {
                ch: chr,
                send: None,
                recv_to: Some(to),
                recv_ok: lhs.len() > 1,
                zero,
            });
            if !lhs.is_empty() {
                recv_targets[k] = Some((lhs, define, to, elem));
            }
        }
        let line = self.line;
        if cases.len() == 1 && !has_default {
            // gc compiles a select of one case as that operation: a goroutine blocked in it
            // is at the case's line.
            if let Some(k) = case_of.iter().position(Option::is_some) {
                if let StmtKind::Comm {
                    comm: Some(comm), ..
                } = ch.ast.stmt(clauses[k]).kind
                {
                    self.line = self.c.stmt_line(comm);
                }
            }
        }
        let sel = self.c.prog.selects.len() as u32;
        self.c.prog.selects.push(SelectDesc { cases, has_default });
        let idx = self.alloc();
        self.emit(Instr::Select { sel, d: idx });
        self.line = line;
        let mut jumps = Vec::new();
        for (k, case) in case_of.iter().enumerate() {
            let Some(case) = case else { continue };
            let m = self.mark();
            let want = self.alloc();
            self.emit(Instr::Int {
                d: want,
                v: *case as i32,
            });
            let c = self.alloc();
            self.emit(Instr::EqI {
                d: c,
                a: idx,
                b: want,
            });
            jumps.push((self.emit(Instr::Jt { c, t: 0 }), k));
            self.release(m);
        }
        let none = self.emit(Instr::Jmp { t: 0 });
        self.clause_bodies(label, clauses, jumps, default, none, |f, k| {
            let Some((lhs, define, to, elem)) = recv_targets[k].clone() else {
                return;
            };
            for (i, &l) in lhs.iter().enumerate() {
                if ch.ast.ident(l) == Some(crate::golang::syntax::ast::Name::BLANK) {
                    continue;
                }
                let r = to + i as u16;
                if define {
                    if let Some(o) = ch.info.def(l) {
                        let var = f.declare(o);
                        f.init_var(var, r);
                        continue;
                    }
                }
                let p = f.place(l, true);
                let t = f.lhs_type(l);
                let st = if i == 0 { elem } else { TypeId::BOOL };
                f.coerce(r, st, t);
                f.store(p, t, r);
            }
        });
    }

    /// An operand of a place: [`FnC::expr_keep`] when `keep`, else [`FnC::expr`].
    fn operand(&mut self, e: ExprId, keep: bool) -> R {
        if keep {
            self.expr_keep(e)
        } else {
            self.expr(e)
        }
    }

    /// `e` in a register that stays the expression's (a copy of a local's, so later
    /// statements cannot change it under a pending select).
    fn expr_keep(&mut self, e: ExprId) -> R {
        let d = self.alloc();
        self.expr_to(e, d);
        d
    }

    /// The entry function's initialisation of package variables `lhs` by `rhs`.
    pub fn init_globals(&mut self, lhs: &[ObjId], rhs: ExprId) {
        let mark = self.mark();
        let values: Vec<R> = if lhs.len() > 1 {
            let targets: Vec<TypeId> = lhs.iter().map(|&o| self.obj_ty(o)).collect();
            let d = self.several_values(rhs, &targets);
            (0..lhs.len()).map(|i| d + i as u16).collect()
        } else {
            let t = self.obj_ty(lhs[0]);
            vec![self.value(rhs, t)]
        };
        for (&g, v) in lhs.iter().zip(values) {
            let Some(&(slot, cell)) = self.c.globals.get(&g) else {
                continue;
            };
            if cell {
                self.emit(Instr::NewCell { d: v, s: v });
            }
            self.emit(Instr::SetGlobal { g: slot, s: v });
        }
        self.release(mark);
    }

    /// The entry function's zero values of every package variable.
    pub fn zero_globals(&mut self) {
        let globals: Vec<(ObjId, u32, bool)> = self
            .c
            .globals
            .iter()
            .map(|(&o, &(g, cell))| (o, g, cell))
            .collect();
        let r = self.alloc();
        for (o, g, cell) in globals {
            let t = self.obj_ty(o);
            self.load_zero(r, t);
            if cell {
                self.emit(Instr::NewCell { d: r, s: r });
            }
            self.emit(Instr::SetGlobal { g, s: r });
        }
    }
}

/// What a select case's receive assigns: the left-hand sides, whether they are declared
/// (`:=`), the registers the value and `ok` arrive in, and the element type.
type RecvTarget = (Vec<ExprId>, bool, R, TypeId);
