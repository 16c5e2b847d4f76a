//! The compiler: a checked program (AST + the checker's `Info`) to a [`Program`] of register
//! bytecode (docs/INTERPRETER.md).
//!
//! Functions are compiled one at a time ([`func::FnC`]); every declared function gets its index
//! up front, so calls can name functions not compiled yet. Function literals, method wrappers
//! and method values are compiled as they are met, from a queue of jobs. Run-time types are
//! made on first use (`rtypes.rs`), and a type's method table when a value of it first becomes
//! an interface value (`methods.rs`).
//!
//! # Invariants
//! - `funcs[obj]` is the index of declared function `obj` in `prog.funcs`; the `Func` there is
//!   a placeholder until its job runs.
//! - Every function's last instruction is `Ret`, and its operands are below its `nregs`
//!   (checked by `verify` before the program is returned).

mod call;
mod escape;
mod expr;
mod func;
mod methods;
mod rtypes;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

use crate::golang::syntax::ast::{ExprId, StmtId};
use crate::golang::types::object::{ObjId, ObjKind};
use crate::golang::types::ty::TypeId;
use crate::golang::types::Checked;
use crate::golang::vm::instr::Instr;
use crate::golang::vm::program::{Func, Program, RuntimeErrorTypes};
use crate::golang::vm::types::{Kind, RType, ERROR_METHOD, STRING_METHOD};
use crate::golang::vm::value::Value;

use func::FnC;

/// What a compiled function's body is.
enum Body {
    /// A declared function or method.
    Decl(ObjId),
    /// A function literal, capturing `captures` (in env order) from its enclosing function.
    Lit {
        lit: ExprId,
        captures: Vec<ObjId>,
        /// Go's name of the enclosing function, for this literal's name (`main.main.func1`).
        outer: Rc<str>,
    },
}

/// A function waiting to be compiled into `prog.funcs[index]`.
struct Job {
    index: u32,
    body: Body,
}

/// A program-wide compilation.
pub struct Compiler<'a> {
    ch: &'a Checked,
    prog: Program,
    funcs: HashMap<ObjId, u32>,
    /// Package-level variables: their slot, and whether the slot holds a cell (the program
    /// takes the variable's address).
    globals: HashMap<ObjId, (u32, bool)>,
    rtypes: HashMap<TypeId, u32>,
    zeros: HashMap<TypeId, u32>,
    natives: HashMap<String, u32>,
    jobs: Vec<Job>,
    /// Types whose method tables are made.
    tables: std::collections::HashSet<TypeId>,
    /// Functions made to adjust a receiver (a promoted method, a value method called through
    /// a pointer), by (receiver type, method object).
    wrappers: HashMap<(TypeId, ObjId), u32>,
    /// Program-wide variables that escape (their address is taken).
    addressed_globals: std::collections::HashSet<ObjId>,
    /// Pre-Go-1.22 loop variables (one per loop), when the file asks for Go 1.21 or older.
    pub shared_loop_vars: bool,
}

/// Compiles a checked program.
pub fn compile(ch: &Checked, file_name: &str) -> Program {
    let mut c = Compiler {
        ch,
        prog: Program {
            file_name: Rc::from(file_name),
            ..Program::default()
        },
        funcs: HashMap::new(),
        globals: HashMap::new(),
        rtypes: HashMap::new(),
        zeros: HashMap::new(),
        natives: HashMap::new(),
        jobs: Vec::new(),
        tables: std::collections::HashSet::new(),
        wrappers: HashMap::new(),
        addressed_globals: escape::addressed_globals(ch),
        shared_loop_vars: ch
            .ast
            .files
            .first()
            .and_then(|f| f.go_version)
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
    verify(&c.prog);
    c.prog
}

impl<'a> Compiler<'a> {
    /// Gives every function and method of every package its index, and every package-level
    /// variable its slot.
    fn declare(&mut self) {
        for pkg in &self.ch.packages {
            for &f in &pkg.funcs {
                self.func_index(f);
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
        if let Some(&i) = self.funcs.get(&f) {
            return i;
        }
        let name = self.go_func_name(f);
        let index = self.new_func(name);
        self.funcs.insert(f, index);
        self.jobs.push(Job {
            index,
            body: Body::Decl(f),
        });
        index
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
    /// `main.(*T).M`, `sync.(*WaitGroup).Wait`.
    pub fn go_func_name(&self, f: ObjId) -> String {
        let obj = &self.ch.objs[f.0 as usize];
        let pkg = obj
            .pkg
            .map(|p| {
                self.ch
                    .ast
                    .names
                    .get(self.ch.packages[p.0 as usize].name)
                    .to_string()
            })
            .unwrap_or_default();
        let name = self.ch.ast.names.get(obj.name);
        match obj.func() {
            Some(info) if info.recv.is_some() => {
                let base = info
                    .recv_base
                    .map(|t| {
                        let n = self.type_name(t);
                        n.rsplit('.').next().unwrap_or(&n).to_string()
                    })
                    .unwrap_or_default();
                if info.ptr_recv {
                    format!("{pkg}.(*{base}).{name}")
                } else {
                    format!("{pkg}.{base}.{name}")
                }
            }
            _ => format!("{pkg}.{name}"),
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
        let name = self.ch.qualified_name(f);
        self.native(&name)
    }

    /// Whether declared function `f` is a native (a library function without a body).
    pub fn is_native(&self, f: ObjId) -> bool {
        matches!(&self.ch.objs[f.0 as usize].kind, ObjKind::Func(info) if info.native)
    }

    /// The run-time error types every program has (`runtime.boundsError`…), each with an
    /// `Error` method returning the text it holds.
    fn runtime_error_types(&mut self) {
        let error = self.prog.types.method_id(ERROR_METHOD);
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
            ty
        };
        let bounds = make(self, "runtime.boundsError");
        let plain = make(self, "runtime.plainError");
        let string = make(self, "runtime.errorString");
        let assertion = make(self, "*runtime.TypeAssertionError");
        self.prog.runtime_errors = RuntimeErrorTypes {
            bounds,
            plain,
            string,
            assertion,
        };
    }

    /// The program's entry, `runtime.main`: initialises every package's variables (imported
    /// packages first), runs the `init` functions, then calls `main.main`.
    fn entry(&mut self) {
        let index = self.new_func("runtime.main".to_string());
        self.prog.entry = index;
        let mut f = FnC::new(self, index, "runtime.main".into());
        f.zero_globals();
        for pkg in f.c.package_order() {
            let inits: Vec<_> = f.c.ch.packages[pkg].init_order.clone();
            for init in inits {
                f.init_globals(&init.lhs, init.rhs);
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
            Body::Decl(obj) => {
                let mut f = FnC::new(self, job.index, name);
                f.declared(obj);
                f.finish();
            }
            Body::Lit {
                lit,
                captures,
                outer,
            } => {
                let _ = outer;
                let mut f = FnC::new(self, job.index, name);
                f.literal(lit, &captures);
                f.finish();
            }
        }
    }

    /// Queues function literal `lit` (capturing `captures`) as a new function named after
    /// the function `outer` it appears in.
    pub fn queue_literal(&mut self, lit: ExprId, captures: Vec<ObjId>, name: String) -> u32 {
        let index = self.new_func(name.clone());
        self.jobs.push(Job {
            index,
            body: Body::Lit {
                lit,
                captures,
                outer: Rc::from(name.as_str()),
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
