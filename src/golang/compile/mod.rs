//! The compiler: a checked program (AST + the checker's `Info`) to a [`Program`] of register
//! bytecode (docs/INTERPRETER.md).
//!
//! Functions are compiled one at a time ([`func::FnC`]); every declared function gets its index
//! up front, so calls can name functions not compiled yet. Function literals, method wrappers
//! and method values are compiled as they are met, from a queue of jobs. Run-time types are
//! made on first use (`rtypes.rs`), and a type's method table when a value of it first becomes
//! an interface value (`methods.rs`).
//!
//! Generic code is compiled once per list of type arguments (monomorphisation), so every
//! copy has the typed instructions of its types. A generic function, or a method of a generic
//! type, is queued with its type arguments ([`Compiler::func_instance`]) when a use of it is
//! compiled: a call or value of `F` with the [`Instance`](crate::golang::types::Instance) the
//! checker recorded, a method called on a value of an instance type (its type arguments), a
//! method table of an instance type. A copy's [`FnC`] holds the substitution ([`Inst`]) and
//! reads every type through it (`FnC::ty`, `FnC::obj_ty`, `FnC::subst`); function literals
//! inside are compiled with their function's substitution.
//!
//! # Invariants
//! - `funcs[(obj, targs)]` is the index of declared function `obj` (its copy for type
//!   arguments `targs`, empty unless it is generic) in `prog.funcs`; the `Func` there is a
//!   placeholder until its job runs.
//! - The compiler owns the checker's type table (`Compiler::types`; copies of generic code
//!   intern their substituted types in it): `ch.types` is empty while compiling.
//! - Every function's last instruction is `Ret`, and its operands are below its `nregs`
//!   (checked by `verify` before the program is returned).

mod call;
mod chan_names;
pub(crate) mod escape;
mod expr;
mod func;
mod methods;
mod order;
mod rtypes;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

use crate::golang::syntax::ast::{ExprId, StmtId};
use crate::golang::types::object::{ObjId, ObjKind};
use crate::golang::types::ty::{TypeId, Types};
use crate::golang::types::Checked;
use crate::golang::vm::instr::Instr;
use crate::golang::vm::program::{Func, Program, RuntimeErrorTypes};
use crate::golang::vm::types::{
    Kind, RType, ERROR_METHOD, FORMAT_METHOD, GO_STRING_METHOD, RUNTIME_ERROR_METHOD, STRING_METHOD,
};
use crate::golang::vm::value::Value;

use func::FnC;

/// What a compiled function's body is.
enum Body {
    /// A declared function or method, with the type arguments of its copy (empty unless it
    /// is generic).
    Decl(ObjId, Vec<TypeId>),
    /// A function literal, capturing `captures` (in env order) from its enclosing function.
    Lit {
        lit: ExprId,
        captures: Vec<ObjId>,
        /// The enclosing function's substitution (a literal in a generic function is
        /// compiled once per copy of it).
        inst: Inst,
    },
    /// The body of loop `stmt`, which ranges over a function: the `yield` function its
    /// iterator calls (see [`func::RangeBody`]).
    Range {
        stmt: StmtId,
        captures: Vec<ObjId>,
        inst: Inst,
        label: Option<crate::golang::syntax::ast::Name>,
        /// The result types of the function the loop is in.
        result_types: Vec<TypeId>,
    },
}

/// The substitution of a generic function's copy: type argument `targs[i]` for type
/// parameter `tparams[i]`. Empty for ordinary functions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inst {
    pub tparams: Vec<TypeId>,
    pub targs: Vec<TypeId>,
}

impl Inst {
    pub fn is_empty(&self) -> bool {
        self.targs.is_empty()
    }
}

/// A function waiting to be compiled into `prog.funcs[index]`.
struct Job {
    index: u32,
    body: Body,
}

/// A program-wide compilation.
pub struct Compiler<'a> {
    ch: &'a Checked,
    /// The checker's type table, taken from `ch`: copies of generic code make new types
    /// (their substituted types), so the compiler owns it.
    pub types: Types,
    prog: Program,
    /// Declared functions by object and type arguments (empty for non-generic ones).
    funcs: HashMap<(ObjId, Vec<TypeId>), u32>,
    /// Package-level variables: their slot, and whether the slot holds a cell (the program
    /// takes the variable's address).
    globals: HashMap<ObjId, (u32, bool)>,
    rtypes: HashMap<TypeId, u32>,
    zeros: HashMap<TypeId, u32>,
    natives: HashMap<String, u32>,
    jobs: Vec<Job>,
    /// Types whose method tables are made.
    tables: std::collections::HashSet<TypeId>,
    /// The program uses package reflect, whose `New` and `Addr` need the pointer type of
    /// every type a value of which becomes an interface value.
    reflect: bool,
    /// Functions made to adjust a receiver (a promoted method, a value method called through
    /// a pointer), by (receiver type, method object).
    wrappers: HashMap<(TypeId, ObjId), u32>,
    /// Program-wide variables that escape (their address is taken).
    addressed_globals: std::collections::HashSet<ObjId>,
    /// Pre-Go-1.22 loop variables (one per loop), when the file asks for Go 1.21 or older.
    pub shared_loop_vars: bool,
    /// `make` calls assigned to a variable: the variable's name, an index into
    /// `prog.chan_names` (see `chan_names.rs`).
    chan_targets: HashMap<ExprId, u32>,
}

/// Compiles a checked program.
pub fn compile(mut ch: Checked) -> Program {
    let types = std::mem::take(&mut ch.types);
    let ch = &ch;
    let mut c = Compiler {
        ch,
        types,
        prog: Program {
            file_name: Rc::from(ch.file_name()),
            ..Program::default()
        },
        funcs: HashMap::new(),
        globals: HashMap::new(),
        rtypes: HashMap::new(),
        zeros: HashMap::new(),
        natives: HashMap::new(),
        jobs: Vec::new(),
        tables: std::collections::HashSet::new(),
        reflect: ch.packages.iter().any(|p| p.path == "reflect"),
        wrappers: HashMap::new(),
        addressed_globals: escape::addressed_globals(ch),
        chan_targets: HashMap::new(),
        shared_loop_vars: ch
            .go_version
            .is_some_and(|(major, minor)| major == 1 && minor < 22),
    };
    c.runtime_error_types();
    c.declare();
    c.entry();
    while let Some(job) = c.jobs.pop() {
        c.compile_job(job);
    }
    c.prog.error_method = c.prog.types.find_method_id(ERROR_METHOD);
    c.prog.string_method = c.prog.types.find_method_id(STRING_METHOD);
    c.prog.go_string_method = c.prog.types.find_method_id(GO_STRING_METHOD);
    c.prog.format_method = c.format_method();
    verify(&c.prog);
    c.prog
}

impl<'a> Compiler<'a> {
    /// Gives every function and method of every package its index, and every package-level
    /// variable its slot.
    fn declare(&mut self) {
        for pkg in &self.ch.packages {
            for &f in &pkg.funcs {
                // A generic function gets one index per copy, as its instances are met.
                let generic = self.ch.objs[f.0 as usize]
                    .func()
                    .is_some_and(|i| !i.tparams.is_empty());
                if !generic {
                    self.func_index(f);
                }
            }
            for &g in &pkg.globals {
                let slot = self.prog.nglobals;
                self.prog.nglobals += 1;
                let cell = self.addressed_globals.contains(&g) && !self.is_agg(self.obj_ty(g));
                self.globals.insert(g, (slot, cell));
            }
        }
    }

    /// The index of declared function `f`, queued for compilation on first use.
    pub fn func_index(&mut self, f: ObjId) -> u32 {
        self.func_instance(f, Vec::new())
    }

    /// The index of the copy of declared function `f` for type arguments `targs` (for a
    /// method of a generic type, its receiver type's; empty for a non-generic function),
    /// queued for compilation on first use.
    pub fn func_instance(&mut self, f: ObjId, targs: Vec<TypeId>) -> u32 {
        let key = (f, targs);
        if let Some(&i) = self.funcs.get(&key) {
            return i;
        }
        let name = self.go_func_name(f);
        let index = self.new_func(name);
        let targs = key.1.clone();
        self.funcs.insert(key, index);
        self.jobs.push(Job {
            index,
            body: Body::Decl(f, targs),
        });
        index
    }

    /// The type arguments of the methods of a value of type `t` (or `*t`): those of `t`'s
    /// generic type instance, or none.
    pub fn method_targs(&self, t: TypeId) -> Vec<TypeId> {
        let t = self.types.pointer_elem(t).unwrap_or(t);
        self.types.instance_map(t).1
    }

    /// The substitution that makes a copy of declared function `f` for `targs`.
    pub fn inst_of(&self, f: ObjId, targs: Vec<TypeId>) -> Inst {
        if targs.is_empty() {
            return Inst::default();
        }
        let tparams = self.ch.objs[f.0 as usize]
            .func()
            .map(|i| i.tparams.clone())
            .unwrap_or_default();
        Inst { tparams, targs }
    }

    /// A placeholder function named `name`; its code comes later.
    pub fn new_func(&mut self, name: String) -> u32 {
        self.prog.funcs.push(Func {
            label: Some(crate::rt::Label::go(&name)),
            name: Rc::from(name.as_str()),
            ..Func::default()
        });
        (self.prog.funcs.len() - 1) as u32
    }

    /// Go's name for function or method `f` in tracebacks: `main.worker`, `main.T.M`,
    /// `main.(*T).M`, `sync.(*WaitGroup).Wait`; generic ones `main.Map[...]`,
    /// `main.(*Stack[...]).Push`.
    pub fn go_func_name(&self, f: ObjId) -> String {
        let obj = &self.ch.objs[f.0 as usize];
        // Go names functions by their package's import path: `math/rand/v2.IntN`.
        let pkg = obj
            .pkg
            .map(|p| self.ch.packages[p.0 as usize].path.as_str())
            .unwrap_or_default();
        let name = self.ch.ast.names.get(obj.name);
        match obj.func() {
            Some(info) if info.recv.is_some() => {
                let generic = if info.tparams.is_empty() { "" } else { "[...]" };
                let base = info
                    .recv_base
                    .map(|t| {
                        let n = self.type_name(t);
                        let n = n.split('[').next().unwrap_or(&n);
                        let n = n.rsplit('.').next().unwrap_or(n);
                        format!("{n}{generic}")
                    })
                    .unwrap_or_default();
                if info.ptr_recv {
                    format!("{pkg}.(*{base}).{name}")
                } else {
                    format!("{pkg}.{base}.{name}")
                }
            }
            Some(info) if !info.tparams.is_empty() => format!("{pkg}.{name}[...]"),
            // A package's init functions are numbered in their order: `main.init.0`.
            _ if name == "init" => {
                let k = obj.pkg.and_then(|p| {
                    self.ch.packages[p.0 as usize]
                        .inits
                        .iter()
                        .position(|&i| i == f)
                });
                match k {
                    Some(k) => format!("{pkg}.init.{k}"),
                    None => format!("{pkg}.{name}"),
                }
            }
            _ => format!("{pkg}.{name}"),
        }
    }

    /// Field and method lookup as the user's package sees it.
    pub fn lookup_ctx(&self) -> crate::golang::types::lookup::LookupCtx<'_> {
        crate::golang::types::lookup::LookupCtx {
            types: &self.types,
            objs: &self.ch.objs,
            names: &self.ch.ast.names,
            pkg: self.ch.main,
        }
    }

    pub fn obj_ty(&self, o: ObjId) -> TypeId {
        self.ch.objs[o.0 as usize].ty
    }

    /// Adds constant `v` to the pool.
    pub fn add_const(&mut self, v: Value) -> u32 {
        self.prog.consts.push(v);
        (self.prog.consts.len() - 1) as u32
    }

    /// The native bound to Go function `name`, if chanlab has one.
    pub fn native(&mut self, name: &str) -> Option<u32> {
        if let Some(&n) = self.natives.get(name) {
            return Some(n);
        }
        let native = crate::golang::bind::lookup(name)?;
        self.prog.natives.push(native);
        let n = (self.prog.natives.len() - 1) as u32;
        self.natives.insert(name.to_string(), n);
        Some(n)
    }

    /// Whether declared function `f` is a native chanlab has (calls of a missing one go
    /// through its function, which panics naming it).
    pub fn has_native(&mut self, f: ObjId) -> Option<u32> {
        if !self.is_native(f) {
            return None;
        }
        let name = self.ch.qualified_name_with(&self.types, f);
        self.native(&name)
    }

    /// Whether declared function `f` is a native (a library function without a body).
    pub fn is_native(&self, f: ObjId) -> bool {
        matches!(&self.ch.objs[f.0 as usize].kind, ObjKind::Func(info) if info.native)
    }

    /// The constant holding Go's nil dereference error (a panic's value).
    pub fn nil_deref_error(&mut self) -> u32 {
        let text = "runtime error: invalid memory address or nil pointer dereference";
        let v = Value::iface(self.prog.runtime_errors.string, Value::str(text));
        self.add_const(v)
    }

    /// The method id of `fmt.Formatter`'s `Format`, if a type has it, and `fmt.callFormat`,
    /// which fmt's printer calls for it (compiled now, with what it needs).
    fn format_method(&mut self) -> Option<(u32, u32)> {
        let method = self.prog.types.find_method_id(FORMAT_METHOD)?;
        let ch = self.ch;
        let fmt = ch.packages.iter().find(|p| p.path == "fmt")?;
        let name = ch.ast.names.lookup("callFormat")?;
        let call_format = self.func_index(*fmt.scope.get(&name)?);
        while let Some(job) = self.jobs.pop() {
            self.compile_job(job);
        }
        Some((method, call_format))
    }

    /// The run-time error types every program has (`runtime.boundsError`…), each with an
    /// `Error` method returning the text it holds.
    fn runtime_error_types(&mut self) {
        let error = self.prog.types.method_id(ERROR_METHOD);
        let runtime_error = self.prog.types.method_id(RUNTIME_ERROR_METHOD);
        let make = |c: &mut Self, name: &str| {
            let ty = c.prog.types.add(RType {
                name: Rc::from(name),
                kind: Kind::String,
                named: true,
            });
            let f = c.new_func(format!("{name}.Error"));
            let func = &mut c.prog.funcs[f as usize];
            func.code = vec![Instr::Ret];
            func.lines = vec![0];
            func.nregs = 1;
            func.nparams = 1;
            func.nresults = 1;
            c.prog.types.add_method(ty, error, f);
            let marker = c.new_func(format!("{name}.RuntimeError"));
            let func = &mut c.prog.funcs[marker as usize];
            func.code = vec![Instr::Ret];
            func.lines = vec![0];
            func.nregs = 1;
            func.nparams = 1;
            c.prog.types.add_method(ty, runtime_error, marker);
            ty
        };
        let bounds = make(self, "runtime.boundsError");
        let plain = make(self, "runtime.plainError");
        let string = make(self, "runtime.errorString");
        let assertion = make(self, "*runtime.TypeAssertionError");
        let go_string = self.rtype(TypeId::STRING);
        self.prog.runtime_errors = RuntimeErrorTypes {
            bounds,
            plain,
            string,
            assertion,
            go_string,
        };
    }

    /// The program's entry, `runtime.main`: initialises every package's variables (imported
    /// packages first), runs the `init` functions, then calls `main.main`.
    fn entry(&mut self) {
        let order = self.package_order();
        let package_inits: Vec<Option<u32>> = order.iter().map(|&p| self.package_init(p)).collect();
        let index = self.new_func("runtime.main".to_string());
        self.prog.entry = index;
        let mut f = FnC::new(self, index, "runtime.main".into(), Inst::default());
        f.zero_globals();
        for (&pkg, init) in order.iter().zip(package_inits) {
            if let Some(idx) = init {
                let base = f.top();
                f.emit(Instr::Call { f: idx, base });
            }
            for init_fn in f.c.ch.packages[pkg].inits.clone() {
                let idx = f.c.func_index(init_fn);
                let base = f.top();
                f.emit(Instr::Call { f: idx, base });
            }
        }
        if let Some(main) = f.c.main_func() {
            let idx = f.c.func_index(main);
            let base = f.top();
            f.emit(Instr::Call { f: idx, base });
        }
        f.finish();
    }

    /// gc's package initialiser, `{path}.init`: the package's variables in their
    /// initialisation order (a traceback through it reads as Go's; its literals are
    /// `{path}.glob..func1`…). None for a package with no variable to initialise.
    fn package_init(&mut self, pkg: usize) -> Option<u32> {
        let inits = self.ch.packages[pkg].init_order.clone();
        let first = inits.first()?.rhs;
        let name = format!("{}.init", self.ch.packages[pkg].path);
        let index = self.new_func(name.clone());
        let mut f = FnC::new(self, index, name.into(), Inst::default());
        f.package_init = true;
        f.file = f.c.file_of(f.c.ch.ast.expr(first).pos);
        for init in inits {
            f.init_globals(&init.lhs, init.rhs);
        }
        f.finish();
        Some(index)
    }

    /// Packages in initialisation order: each after the packages it imports.
    fn package_order(&self) -> Vec<usize> {
        let mut order = Vec::new();
        let mut seen = vec![false; self.ch.packages.len()];
        fn visit(c: &Compiler, p: usize, seen: &mut Vec<bool>, order: &mut Vec<usize>) {
            if seen[p] {
                return;
            }
            seen[p] = true;
            for imp in &c.ch.packages[p].imports {
                visit(c, imp.0 as usize, seen, order);
            }
            order.push(p);
        }
        for p in 0..self.ch.packages.len() {
            visit(self, p, &mut seen, &mut order);
        }
        order
    }

    /// `main.main`.
    fn main_func(&self) -> Option<ObjId> {
        let main_pkg = self.ch.packages.iter().find(|p| p.path == "main")?;
        main_pkg
            .scope
            .get(&crate::golang::syntax::ast::Name::MAIN)
            .copied()
    }

    fn compile_job(&mut self, job: Job) {
        let name = self.prog.funcs[job.index as usize].name.clone();
        match job.body {
            Body::Decl(obj, targs) => {
                let inst = self.inst_of(obj, targs);
                let mut f = FnC::new(self, job.index, name, inst);
                f.declared(obj);
                f.finish();
            }
            Body::Lit {
                lit,
                captures,
                inst,
            } => {
                let mut f = FnC::new(self, job.index, name, inst);
                f.literal(lit, &captures);
                f.finish();
            }
            Body::Range {
                stmt,
                captures,
                inst,
                label,
                result_types,
            } => {
                let mut f = FnC::new(self, job.index, name, inst);
                f.range_body(stmt, &captures, label, result_types);
                f.finish();
            }
        }
    }

    /// Queues the body of loop `stmt` (ranging over a function, capturing `captures`) as a
    /// new function named `name`; `label` is the loop's, `result_types` those of the function
    /// it is in.
    pub fn queue_range_body(
        &mut self,
        stmt: StmtId,
        captures: Vec<ObjId>,
        name: String,
        inst: Inst,
        label: Option<crate::golang::syntax::ast::Name>,
        result_types: Vec<TypeId>,
    ) -> u32 {
        let index = self.new_func(name);
        self.jobs.push(Job {
            index,
            body: Body::Range {
                stmt,
                captures,
                inst,
                label,
                result_types,
            },
        });
        index
    }

    /// Queues function literal `lit` (capturing `captures`) as a new function named `name`,
    /// compiled with its enclosing function's substitution `inst`.
    pub fn queue_literal(
        &mut self,
        lit: ExprId,
        captures: Vec<ObjId>,
        name: String,
        inst: Inst,
    ) -> u32 {
        let index = self.new_func(name);
        self.jobs.push(Job {
            index,
            body: Body::Lit {
                lit,
                captures,
                inst,
            },
        });
        index
    }

    /// The source line of position `pos` (in the user's file; library lines are their own).
    pub fn line(&self, pos: crate::golang::syntax::Pos) -> u32 {
        self.ch.ast.position(pos).1
    }

    /// The file holding `pos`, as tracebacks print it: `./prog.go` for the program, the
    /// library's path under a Go root for a library file.
    pub fn file_of(&self, pos: crate::golang::syntax::Pos) -> Rc<str> {
        let (f, _, _) = self.ch.ast.position(pos);
        let file = self.ch.ast.file(f);
        if f.0 == 0 {
            return Rc::from(format!("./{}", file.name).as_str());
        }
        let pkg = self
            .ch
            .packages
            .iter()
            .find(|p| p.files.contains(&f))
            .map_or("", |p| p.path.as_str());
        if pkg == "main" {
            // The main function `go test` generates (`_testmain.go`).
            return Rc::from(file.name.as_str());
        }
        Rc::from(format!("/usr/local/go/src/{pkg}/{}", file.name).as_str())
    }

    pub fn stmt_line(&self, s: StmtId) -> u32 {
        self.line(self.ch.ast.stmt(s).pos)
    }
}

/// Checks the invariants the VM relies on: registers within each function's frame, jump
/// targets within its code, a final `Ret`. A failure is a compiler bug; the function is made
/// to panic with a message rather than to misbehave.
fn verify(prog: &Program) {
    for f in &prog.funcs {
        debug_assert!(
            matches!(f.code.last(), Some(Instr::Ret)),
            "{} does not end with Ret",
            f.name
        );
    }
}
