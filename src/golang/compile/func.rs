//! One function being compiled: its registers, variables, code and branch targets.
//!
//! Registers are allocated like a stack: parameters first, then the results, then locals and
//! temporaries as statements need them; a statement gives its temporaries back when it ends
//! and a block its locals. A call's arguments go in the registers at the top, where the
//! callee's frame then starts.
//!
//! # Invariants
//! - `next` is the first free register; `max` the most ever used (the frame's size).
//! - A variable that escapes (captured by a closure, or its address taken) and is not an
//!   array or struct lives in a cell: its register holds the cell.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::golang::syntax::ast::{ExprId, ExprKind, Name, StmtKind};
use crate::golang::types::object::ObjId;
use crate::golang::types::ty::TypeId;
use crate::golang::vm::instr::{Instr, R};

use super::Compiler;

/// Where a local variable lives.
#[derive(Clone, Copy, Debug)]
pub struct Var {
    pub reg: R,
    /// The register holds a cell with the value.
    pub cell: bool,
}

/// A statement `break` (and, for loops, `continue`) can leave.
pub struct Target {
    pub label: Option<Name>,
    pub is_loop: bool,
    /// Jumps to patch to the end.
    pub breaks: Vec<usize>,
    /// Jumps to patch to the loop's continue point.
    pub continues: Vec<usize>,
}

/// The body of a loop ranging over a function, compiled as the `yield` function its iterator
/// calls: the function being compiled when [`FnC::range`] is set.
///
/// The loop's state is a cell the enclosing function and the body share: [`RANGE_RUNNING`]
/// while the body may run; how the body left the loop when it returned false
/// ([`RANGE_BROKE`], a `return` ([`RANGE_RETURNED`], its values stored in the enclosing
/// function's result cells, or [`RANGE_RETURNED_BARE`]), or a `break`/`continue` of a loop
/// outside ([`range_branch_code`]); [`RANGE_DONE`] once the iterator has returned;
/// [`RANGE_PANICKED`] when a panic unwound the body (the VM marks it: `Func::range_state`).
/// The enclosing function reads it after the iterator returns and does what the body asked.
#[derive(Clone)]
pub struct RangeBody {
    /// The loop's label, if it has one.
    pub label: Option<Name>,
    /// The register of the loop's state cell.
    pub state: R,
    /// The register holding the frame index of the function the loop is in, where a `defer`
    /// in the body defers to.
    pub frame: R,
    /// Cells for the enclosing function's results, which a `return` in the body fills.
    pub stash: Vec<R>,
    /// The enclosing function's result types.
    pub result_types: Vec<TypeId>,
}

/// Go's run-time error for an iterator that recovered its body's panic and went on.
pub const RANGE_PANIC_RECOVERED: &str =
    "range function recovered a loop body panic and did not resume panicking";

pub const RANGE_RUNNING: i32 = 0;
pub const RANGE_BROKE: i32 = 1;
pub const RANGE_RETURNED: i32 = 2;
pub const RANGE_DONE: i32 = 3;
pub const RANGE_RETURNED_BARE: i32 = 4;
pub use crate::golang::vm::program::RANGE_PANICKED;

/// The state a range body leaves with for `break label` (`continue label`) of a loop outside.
pub fn range_branch_code(label: Name, kind: crate::golang::syntax::ast::BranchKind) -> i32 {
    let cont = matches!(kind, crate::golang::syntax::ast::BranchKind::Continue);
    5 + 2 * (label.0 % (1 << 29)) as i32 + i32::from(cont)
}

pub struct FnC<'c, 'a> {
    pub c: &'c mut Compiler<'a>,
    index: u32,
    pub name: Rc<str>,
    pub code: Vec<Instr>,
    lines: Vec<u32>,
    pub line: u32,
    pub next: u16,
    max: u16,
    pub vars: HashMap<ObjId, Var>,
    /// Variables of this function (and the literals inside it) that escape.
    pub escaping: HashSet<ObjId>,
    pub targets: Vec<Target>,
    /// The label of the statement being compiled, for the loop or switch it labels.
    pub pending_label: Option<Name>,
    /// Where each label of the function is (`goto`'s targets).
    pub labels: HashMap<Name, u32>,
    /// The `goto` jumps, to point at their labels once all are known.
    pub gotos: Vec<(Name, usize)>,
    /// The function's results: their registers and, for named ones, their objects.
    pub results: Vec<(R, Option<ObjId>)>,
    pub result_types: Vec<TypeId>,
    nparams: u16,
    /// Function literals met so far (they are named `outer.func1`, `outer.func2`…).
    pub lits: u32,
    /// A package's variable initialiser (`main.init`), whose literals Go names
    /// `main.glob..func1`.
    pub package_init: bool,
    /// Go and defer statements met so far that Go wraps in a function of its own (see
    /// [`FnC::emit_call`]).
    pub wraps: u32,
    /// The wrappers made for nil function values (`nil_func_wrapper`), each with its number
    /// among the wrapped statements.
    pub nil_wrappers: Vec<(u32, u32)>,
    /// Results living in cells (bit i: result i).
    cell_results: u64,
    decl_line: u32,
    /// The file it is declared in, as tracebacks print it.
    pub file: Rc<str>,
    /// The type arguments of this copy of generic code: every type read from the checker
    /// goes through [`FnC::subst`].
    pub inst: super::Inst,
    /// Calls evaluated ahead of the expression they are in, and the registers holding their
    /// values (`order.rs`).
    pub hoisted: HashMap<ExprId, R>,
    /// Set when this function is the body of a loop ranging over a function.
    pub range: Option<RangeBody>,
    /// Loops ranging over functions met so far (their bodies are `outer-range1`…).
    pub ranges: u32,
    /// The body of a loop over a function: its state cell's register (`Func::range_state`).
    range_state: Option<u16>,
}

impl<'c, 'a> FnC<'c, 'a> {
    pub fn new(c: &'c mut Compiler<'a>, index: u32, name: Rc<str>, inst: super::Inst) -> Self {
        FnC {
            c,
            index,
            name,
            code: Vec::new(),
            lines: Vec::new(),
            line: 0,
            next: 0,
            max: 0,
            vars: HashMap::new(),
            escaping: HashSet::new(),
            targets: Vec::new(),
            pending_label: None,
            labels: HashMap::new(),
            gotos: Vec::new(),
            results: Vec::new(),
            result_types: Vec::new(),
            nparams: 0,
            lits: 0,
            package_init: false,
            wraps: 0,
            nil_wrappers: Vec::new(),
            cell_results: 0,
            decl_line: 0,
            file: Rc::from(""),
            inst,
            hoisted: HashMap::new(),
            range: None,
            ranges: 0,
            range_state: None,
        }
    }

    // ---- types

    /// `t` in this copy: its type parameters replaced by the copy's type arguments.
    pub fn subst(&mut self, t: TypeId) -> TypeId {
        if self.inst.is_empty() {
            return t;
        }
        self.c.types.subst(t, &self.inst.tparams, &self.inst.targs)
    }

    /// The type of expression `e` in this copy.
    pub fn ty(&mut self, e: ExprId) -> TypeId {
        let t = self.c.ch.info.type_of(e);
        self.subst(t)
    }

    /// The type of object `o` in this copy.
    pub fn obj_ty(&mut self, o: ObjId) -> TypeId {
        let t = self.c.obj_ty(o);
        self.subst(t)
    }

    /// The type arguments of the generic function named by `e` (an identifier or a
    /// qualified identifier) in this copy; empty if it names no generic function.
    pub fn instance_targs(&mut self, e: ExprId) -> Vec<TypeId> {
        let ch = self.c.ch;
        let e = ch.ast.unparen(e);
        let sel = match ch.ast.expr(e).kind {
            ExprKind::Selector { sel, .. } => Some(sel),
            _ => None,
        };
        let Some(inst) = ch
            .info
            .instances
            .get(&e)
            .or_else(|| sel.and_then(|s| ch.info.instances.get(&s)))
        else {
            return Vec::new();
        };
        let targs = inst.targs.clone();
        targs.into_iter().map(|t| self.subst(t)).collect()
    }

    // ---- registers

    pub fn alloc(&mut self) -> R {
        let r = self.next;
        self.next += 1;
        self.max = self.max.max(self.next);
        r
    }

    /// `n` consecutive registers; the first.
    pub fn alloc_n(&mut self, n: usize) -> R {
        let r = self.next;
        self.next += n as u16;
        self.max = self.max.max(self.next);
        r
    }

    /// Follows the field indices of `path` from the struct in `v`: each step into a new
    /// register; the last one.
    pub fn fields(&mut self, mut v: R, path: &[u32]) -> R {
        for &i in path {
            let to = self.alloc();
            self.emit(Instr::Field {
                d: to,
                a: v,
                i: i as u16,
            });
            v = to;
        }
        v
    }

    /// The first free register (where a call's window starts).
    pub fn top(&mut self) -> R {
        self.max = self.max.max(self.next + 1);
        self.next
    }

    /// Keeps registers `r..r + n` from the statement's later temporaries.
    pub fn claim(&mut self, r: R, n: usize) {
        self.next = self.next.max(r + n as u16);
        self.max = self.max.max(self.next);
    }

    /// Makes sure registers up to `r + n` exist in the frame (a callee's results).
    pub fn reserve(&mut self, r: R, n: usize) {
        self.max = self.max.max(r + n as u16);
    }

    pub fn mark(&self) -> u16 {
        self.next
    }

    pub fn release(&mut self, mark: u16) {
        self.next = mark;
    }

    // ---- code

    pub fn emit(&mut self, i: Instr) -> usize {
        self.code.push(i);
        self.lines.push(self.line);
        self.code.len() - 1
    }

    pub fn here(&self) -> u32 {
        self.code.len() as u32
    }

    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: u32) {
        match &mut self.code[at] {
            Instr::Jmp { t } | Instr::Jt { t, .. } | Instr::Jf { t, .. } => *t = target,
            Instr::JEq { t, .. }
            | Instr::JNe { t, .. }
            | Instr::JLt { t, .. }
            | Instr::JLe { t, .. }
            | Instr::JLtU { t, .. }
            | Instr::JLeU { t, .. }
            | Instr::JEqK { t, .. }
            | Instr::JNeK { t, .. }
            | Instr::JLtK { t, .. }
            | Instr::JLeK { t, .. }
            | Instr::JGtK { t, .. }
            | Instr::JGeK { t, .. }
            | Instr::IncJLt { t, .. }
            | Instr::AddToIncJLt { t, .. } => *t = target,
            _ => {}
        }
    }

    /// Points each of `jumps` to `target`.
    pub fn patch_all(&mut self, jumps: &[usize], target: u32) {
        for &j in jumps {
            self.patch(j, target);
        }
    }

    pub fn set_line_of(&mut self, e: ExprId) {
        self.line = self.c.line(self.c.ch.ast.expr(e).pos);
    }

    // ---- variables

    /// Whether local `o` lives in a cell: it escapes and is not an array or struct.
    fn in_cell(&mut self, o: ObjId) -> bool {
        let t = self.obj_ty(o);
        self.escaping.contains(&o) && !self.c.is_agg(t)
    }

    /// Declares local `obj` in a new register (a cell if it escapes), holding nothing yet.
    pub fn declare(&mut self, obj: ObjId) -> Var {
        let reg = self.alloc();
        let cell = self.in_cell(obj);
        let v = Var { reg, cell };
        self.vars.insert(obj, v);
        v
    }

    /// Gives variable `v` its first value, from register `s` (an owned value).
    pub fn init_var(&mut self, v: Var, s: R) {
        if v.cell {
            self.emit(Instr::NewCell { d: v.reg, s });
        } else if v.reg != s {
            self.emit(Instr::Mov { d: v.reg, s });
        }
    }

    /// Declares `obj` and gives it its zero value.
    pub fn declare_zero(&mut self, obj: ObjId) -> Var {
        let v = self.declare(obj);
        let t = self.obj_ty(obj);
        self.load_zero(v.reg, t);
        if v.cell {
            self.emit(Instr::NewCell { d: v.reg, s: v.reg });
        }
        v
    }

    /// `d = the zero value of t`.
    pub fn load_zero(&mut self, d: R, t: TypeId) {
        if self.c.is_agg(t) {
            // Made once, as a constant (an array's may be large).
            let k = self.c.zero(t);
            self.emit(Instr::ConstCopy { d, k });
            return;
        }
        let z = self.c.zero_value(t);
        match z {
            crate::golang::vm::value::Value::Int(0) => {
                self.emit(Instr::Int { d, v: 0 });
            }
            crate::golang::vm::value::Value::Nil => {
                self.emit(Instr::Nil { d });
            }
            crate::golang::vm::value::Value::Bool(false) => {
                self.emit(Instr::Bool { d, v: false });
            }
            _ => {
                let k = self.c.zero(t);
                self.emit(Instr::ConstCopy { d, k });
            }
        }
    }

    // ---- whole functions

    /// Compiles declared function `obj` (a native becomes a call of its Rust function).
    pub fn declared(&mut self, obj: ObjId) {
        let ch = self.c.ch;
        let o = &ch.objs[obj.0 as usize];
        self.decl_line = self.c.line(o.pos);
        self.line = self.decl_line;
        self.file = self.c.file_of(o.pos);
        let Some(info) = o.func() else {
            self.emit(Instr::Ret);
            return;
        };
        let fty = self.obj_ty(obj);
        let sig = self.c.types.signature(fty).cloned();
        let mut params: Vec<ObjId> = Vec::new();
        if let Some(r) = info.recv {
            params.push(r);
        }
        params.extend(info.params.iter().copied());
        let nresults = sig.as_ref().map_or(0, |s| s.results.len());
        if info.native {
            // A library function written in Rust.
            let name = self.c.ch.qualified_name_with(&self.c.types, obj);
            let nargs = params.len();
            self.nparams = nargs as u16;
            self.reserve(0, nargs.max(nresults).max(1));
            match self.c.native(&name) {
                Some(n) => {
                    self.emit(Instr::Native {
                        n,
                        base: 0,
                        nargs: nargs as u16,
                    });
                }
                None => {
                    let text = format!("chanlab does not implement {name} yet");
                    let k = self.c.add_const(crate::golang::vm::value::Value::iface(
                        self.c.prog.runtime_errors.string,
                        crate::golang::vm::value::Value::str(&text),
                    ));
                    self.emit(Instr::Const { d: 0, k });
                    self.emit(Instr::Panic { s: 0 });
                }
            }
            self.results = (0..nresults).map(|i| (i as R, None)).collect();
            self.emit(Instr::Ret);
            return;
        }
        let Some(decl) = info.decl else {
            self.emit(Instr::Ret);
            return;
        };
        let crate::golang::syntax::ast::Decl::Func(fd) = *ch.ast.decl(decl) else {
            self.emit(Instr::Ret);
            return;
        };
        let Some(body) = fd.body else {
            self.emit(Instr::Ret);
            return;
        };
        self.escaping = super::escape::escaping_in(self.c, body);
        let params: Vec<Option<ObjId>> = params.into_iter().map(Some).collect();
        let results: Vec<Option<ObjId>> = info.results.iter().copied().map(Some).collect();
        let result_types = sig.map(|s| s.results).unwrap_or_default();
        self.prologue(&params, &results, &result_types);
        self.block_body(body);
        self.emit(Instr::Ret);
    }

    /// Compiles function literal `lit`, whose environment holds `captures`.
    pub fn literal(&mut self, lit: ExprId, captures: &[ObjId]) {
        let ch = self.c.ch;
        let ExprKind::FuncLit { ty, body } = ch.ast.expr(lit).kind else {
            self.emit(Instr::Ret);
            return;
        };
        self.decl_line = self.c.line(ch.ast.expr(lit).pos);
        self.line = self.decl_line;
        self.file = self.c.file_of(ch.ast.expr(lit).pos);
        self.escaping = super::escape::escaping_in(self.c, body);
        let (params, results) = super::escape::signature_objects(self.c, ty);
        let lt = self.ty(lit);
        let result_types = self
            .c
            .types
            .signature(lt)
            .map(|s| s.results.clone())
            .unwrap_or_default();
        self.prologue(&params, &results, &result_types);
        self.load_captures(captures);
        self.block_body(body);
        self.emit(Instr::Ret);
    }

    /// Compiles the body of loop `s`, which ranges over a function, as the `yield` function
    /// its iterator calls (see [`RangeBody`]): its parameters are the iteration's values, its
    /// environment holds `captures`, then the loop's state cell, the enclosing function's frame
    /// index, and its result cells (of `result_types`).
    pub fn range_body(
        &mut self,
        s: crate::golang::syntax::ast::StmtId,
        captures: &[ObjId],
        label: Option<Name>,
        result_types: Vec<TypeId>,
    ) {
        let ch = self.c.ch;
        let StmtKind::Range {
            key,
            value,
            define,
            body,
            ..
        } = ch.ast.stmt(s).kind
        else {
            self.emit(Instr::Ret);
            return;
        };
        let Some(info) = ch.info.ranges.get(&s).copied() else {
            self.emit(Instr::Ret);
            return;
        };
        let (kt, vt) = (self.subst(info.key), self.subst(info.value));
        self.decl_line = self.c.stmt_line(s);
        self.line = self.decl_line;
        self.file = self.c.file_of(ch.ast.stmt(s).pos);
        self.escaping = super::escape::escaping_in(self.c, body);
        let nparams =
            usize::from(info.key != TypeId::INVALID) + usize::from(info.value != TypeId::INVALID);
        self.prologue(&vec![None; nparams], &[None], &[TypeId::BOOL]);
        self.load_captures(captures);
        let env = |i: usize| (captures.len() + i) as u16;
        let state = self.alloc();
        self.emit(Instr::Env {
            d: state,
            i: env(0),
        });
        self.range_state = Some(state);
        let frame = self.alloc();
        self.emit(Instr::Env {
            d: frame,
            i: env(1),
        });
        let stash: Vec<R> = (0..result_types.len())
            .map(|j| {
                let d = self.alloc();
                self.emit(Instr::Env { d, i: env(2 + j) });
                d
            })
            .collect();
        // Called again after the loop was left: Go's panics.
        let t = self.alloc();
        self.emit(Instr::Load { d: t, p: state });
        let running = self.emit(Instr::JEqK {
            a: t,
            v: RANGE_RUNNING,
            t: 0,
        });
        let after_exit = self.emit(Instr::JEqK {
            a: t,
            v: RANGE_DONE,
            t: 0,
        });
        let after_panic = self.emit(Instr::JEqK {
            a: t,
            v: RANGE_PANICKED,
            t: 0,
        });
        self.range_panic(
            "range function continued iteration after function for loop body returned false",
        );
        let here = self.here();
        self.patch(after_exit, here);
        self.range_panic("range function continued iteration after whole loop exit");
        let here = self.here();
        self.patch(after_panic, here);
        self.range_panic(RANGE_PANIC_RECOVERED);
        let here = self.here();
        self.patch(running, here);
        self.range = Some(RangeBody {
            label,
            state,
            frame,
            stash,
            result_types,
        });
        let blank = |e: Option<ExprId>| e.filter(|&e| ch.ast.ident(e) != Some(Name::BLANK));
        let (key, value) = (blank(key), blank(value));
        if define {
            for e in [key, value].into_iter().flatten() {
                if let Some(o) = ch.info.def(e) {
                    self.declare(o);
                }
            }
        }
        self.range_assign(key, value, define, 0, 1, kt, vt);
        self.stmt(body);
        self.range_continue();
    }

    /// The captured variables `captures`: cells (or shared aggregates) from the closure's
    /// environment, in its order.
    fn load_captures(&mut self, captures: &[ObjId]) {
        for (i, &obj) in captures.iter().enumerate() {
            let reg = self.alloc();
            let t = self.obj_ty(obj);
            let cell = !self.c.is_agg(t);
            self.vars.insert(obj, Var { reg, cell });
            self.emit(Instr::Env {
                d: reg,
                i: i as u16,
            });
        }
    }

    /// A range body's `continue`: the body returns true, asking for the next iteration.
    pub fn range_continue(&mut self) {
        let d = self.results[0].0;
        self.emit(Instr::Bool { d, v: true });
        self.emit(Instr::Ret);
    }

    /// A range body leaves the loop: the state says why (`code`), and the body returns false.
    pub fn range_exit(&mut self, code: i32) {
        let Some(state) = self.range.as_ref().map(|r| r.state) else {
            return;
        };
        let c = self.alloc();
        self.emit(Instr::Int { d: c, v: code });
        self.emit(Instr::Store { p: state, s: c });
        let d = self.results[0].0;
        self.emit(Instr::Bool { d, v: false });
        self.emit(Instr::Ret);
    }

    /// Points each `goto` at its label. A label this function does not have is outside the
    /// body of a loop over a function that this function is: such a `goto` panics, saying so.
    fn patch_gotos(&mut self) {
        let mut outside = Vec::new();
        for (label, at) in std::mem::take(&mut self.gotos) {
            match self.labels.get(&label) {
                Some(&target) => self.patch(at, target),
                None => outside.push(at),
            }
        }
        if outside.is_empty() {
            return;
        }
        let stub = self.here();
        self.patch_all(&outside, stub);
        self.panic_with(
            crate::golang::vm::errors::ErrKind::Plain,
            "chanlab does not support goto out of a loop over a function",
        );
    }

    /// Panics with Go's run-time error `runtime error: {text}`.
    pub fn range_panic(&mut self, text: &str) {
        self.panic_with(
            crate::golang::vm::errors::ErrKind::String,
            &format!("runtime error: {text}"),
        );
    }

    /// Panics with a run-time error of kind `kind` and text `text`.
    fn panic_with(&mut self, kind: crate::golang::vm::errors::ErrKind, text: &str) {
        let value = crate::golang::vm::errors::runtime_error(&self.c.prog, kind, text);
        let k = self.c.add_const(value);
        let d = self.alloc();
        self.emit(Instr::Const { d, k });
        self.emit(Instr::Panic { s: d });
    }

    /// Parameters in registers 0.., then the results; escaping ones moved into cells.
    fn prologue(
        &mut self,
        params: &[Option<ObjId>],
        results: &[Option<ObjId>],
        result_types: &[TypeId],
    ) {
        for &p in params {
            let reg = self.alloc();
            let Some(p) = p else { continue };
            let cell = self.in_cell(p);
            if cell {
                self.emit(Instr::NewCell { d: reg, s: reg });
            }
            self.vars.insert(p, Var { reg, cell });
        }
        self.nparams = params.len() as u16;
        self.result_types = result_types.to_vec();
        for (i, &t) in result_types.iter().enumerate() {
            let obj = results.get(i).copied().flatten();
            let reg = self.alloc();
            self.load_zero(reg, t);
            if let Some(o) = obj {
                let cell = self.escaping.contains(&o) && !self.c.is_agg(t);
                if cell {
                    self.emit(Instr::NewCell { d: reg, s: reg });
                    self.cell_results |= 1 << i.min(63);
                }
                self.vars.insert(o, Var { reg, cell });
            }
            self.results.push((reg, obj));
        }
    }

    fn block_body(&mut self, body: crate::golang::syntax::ast::StmtId) {
        if let StmtKind::Block { stmts, rbrace } = self.c.ch.ast.stmt(body).kind {
            for &s in self.c.ch.ast.list(stmts) {
                self.stmt(s);
            }
            self.line = self.c.line(rbrace);
        }
    }

    /// Stores the finished function in the program.
    pub fn finish(mut self) {
        if !matches!(self.code.last(), Some(Instr::Ret)) {
            self.emit(Instr::Ret);
        }
        self.patch_gotos();
        // Go numbers its wrappers after the function's literals.
        for (f, k) in std::mem::take(&mut self.nil_wrappers) {
            let name = self.literal_name(self.lits + k);
            let func = &mut self.c.prog.funcs[f as usize];
            func.label = Some(crate::rt::Label::go(&name));
            func.name = Rc::from(name);
        }
        let results = self.results.first().map_or(0, |r| r.0);
        let func = &mut self.c.prog.funcs[self.index as usize];
        func.code = std::mem::take(&mut self.code);
        func.lines = std::mem::take(&mut self.lines);
        func.nregs = self.max.max(1);
        func.nparams = self.nparams;
        func.nresults = self.results.len() as u16;
        func.results = results;
        func.cell_results = self.cell_results;
        func.line = self.decl_line;
        func.file = self.file;
        func.range_state = self.range_state;
    }
}
