//! What `go vet` reports about a program, as Go 1.19's vet (which the Go Playground runs
//! before every run) reports it: its checks about concurrency, copied locks (`copylocks`),
//! loop variables captured by a goroutine or a deferred call before Go 1.22 (`loopclosure`),
//! a direct assignment of a `sync/atomic` call's result to its operand (`atomic`), a test's
//! goroutine that calls `t.Fatal` and the like (`testinggoroutine`) and a context's cancel
//! function discarded or left unused on a path to a return (`lostcancel`, in
//! [`lostcancel`]); in a test file, a test or benchmark named so that `go test` does not run
//! it (`tests`); format strings (`printf`, in [`printf`]); and the smaller analyzers of
//! [`checks`] (`assign`, `bools`, `errorsas`, `ifaceassert`, `nilfunc`, `shift`,
//! `stringintconv`, `unmarshal`, `unusedresult`), [`structtag`] and [`unreachable`]. Each finding has vet's wording and
//! position (the start of the node it names, as go/ast gives it), in the order `go vet
//! prog.go` prints them: analyzer by analyzer in vet's order, each one's in the order its
//! walk reports them (which, for copylocks, loopclosure, atomic and the test checks, chanlab
//! gets by sorting by position); the program's types are named as vet names them
//! (`command-line-arguments.Counter`).
//!
//! The checks read the checker's types. A library type that holds a lock is known by its
//! name and reported with the path Go 1.19's vet prints for it (`sync.WaitGroup contains
//! sync.noCopy`), since chanlab's library declares its fields differently; a type of the
//! program is walked as vet walks it. Not checked: `composites`, `stdmethods` and the
//! analyzers about assembly, cgo, build tags and unsafe pointers.

mod checks;
mod lostcancel;
mod printf;
mod structtag;
mod unreachable;

use crate::golang::compile::escape::{walk_expr, walk_stmt, Node};
use crate::golang::syntax::ast::{
    AssignOp, Ast, Decl, DeclId, ExprId, ExprKind, FileId, FuncDecl, GenKind, List, Spec, StmtId,
    StmtKind,
};
use crate::golang::syntax::token::Op;
use crate::golang::syntax::Pos;
use crate::golang::types::lookup::Found;
use crate::golang::types::object::{Builtin, ObjId, ObjKind, VarKind};
use crate::golang::types::{testmain, Checked, Type, TypeId};

/// vet's analyzers that chanlab runs, in the order vet runs them (and prints their
/// findings: each analyzer's by position).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Check {
    Assign,
    Atomic,
    Bools,
    CopyLocks,
    ErrorsAs,
    IfaceAssert,
    LoopClosure,
    LostCancel,
    NilFunc,
    Printf,
    Shift,
    StringIntConv,
    StructTag,
    Tests,
    TestingGoroutine,
    Unmarshal,
    Unreachable,
    UnusedResult,
}

impl Check {
    /// Whether chanlab sorts the analyzer's findings by position; the others are in the
    /// order the walk reports them, which is vet's.
    fn sorted(self) -> bool {
        matches!(
            self,
            Check::Atomic
                | Check::CopyLocks
                | Check::LoopClosure
                | Check::Tests
                | Check::TestingGoroutine
        )
    }
}

/// The path `go vet prog.go` gives the package of the files it is given.
const MAIN_PATH: &str = "command-line-arguments";

/// The type of `e`, an operand, as go/types records it: `nil` stays untyped (chanlab's
/// checker records the type it is converted to).
fn operand_type(ch: &Checked, e: ExprId) -> TypeId {
    match ch.info.use_of(ch.ast.unparen(e)).map(|o| &ch.obj(o).kind) {
        Some(ObjKind::Nil) => TypeId::UNTYPED_NIL,
        _ => ch.info.type_of(e),
    }
}

/// One finding: its position in the program's file and vet's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    pub line: u32,
    pub col: u32,
    pub msg: String,
}

impl Finding {
    /// As `go vet` prints it: `./prog.go:LINE:COL: message`.
    pub fn text(&self, file_name: &str) -> String {
        format!("./{file_name}:{}:{}: {}", self.line, self.col, self.msg)
    }
}

/// What `go vet` prints for `findings` (none: nothing), its header first.
pub fn output_lines(findings: &[Finding], file_name: &str) -> Vec<String> {
    if findings.is_empty() {
        return Vec::new();
    }
    std::iter::once("# command-line-arguments".to_string())
        .chain(findings.iter().map(|f| f.text(file_name)))
        .collect()
}

/// The findings in the program's file, sorted by position.
pub fn vet(ch: &Checked) -> Vec<Finding> {
    let mut v = Vet {
        ch,
        found: Vec::new(),
        wrappers: Vec::new(),
        state: checks::State::default(),
    };
    printf::find_wrappers(&mut v);
    for &d in ch.ast.list(ch.ast.file(FileId(0)).decls) {
        if let Decl::Func(FuncDecl {
            body: Some(body), ..
        }) = ch.ast.decl(d)
        {
            checks::find_dead_branches(&mut v, *body);
        }
    }
    for &d in ch.ast.list(ch.ast.file(FileId(0)).decls) {
        match ch.ast.decl(d) {
            Decl::Func(f) => {
                let name = ch.ast.ident_str(f.name);
                for field in ch.ast.list(f.recv) {
                    v.passes_lock(name, field.ty);
                }
                v.params_pass_locks(name, f.ty);
                if let Some(body) = f.body {
                    v.body(body);
                    v.testing_goroutines(f.ty, body);
                }
                if ch.file_name().ends_with("_test.go") && ch.ast.list(f.recv).is_empty() {
                    v.test_name(f);
                }
            }
            Decl::Gen {
                kind: kind @ (GenKind::Var | GenKind::Const),
                specs,
                ..
            } => {
                for spec in ch.ast.list(*specs) {
                    if *kind == GenKind::Var {
                        v.var_spec(spec);
                    }
                    if let Spec::Value { values, .. } = spec {
                        for &e in ch.ast.list(*values) {
                            walk_expr(&ch.ast, e, &mut |n| v.node(n));
                        }
                    }
                }
            }
            Decl::Gen { .. } => {}
        }
    }
    lostcancel::check(&mut v);
    structtag::check(&mut v);
    unreachable::check(&mut v);
    let mut found = v.found;
    found.sort_by_key(|f| match f.check.sorted() {
        true => (f.check, f.line, f.col),
        false => (f.check, 0, 0),
    });
    found.dedup();
    found
}

/// The identifier by which `e` names an object: `e` itself, or a selector's name (`pkg.F`,
/// `x.M`); as go/ast reads it, parentheses included.
fn name_ident(ast: &Ast, e: ExprId) -> Option<ExprId> {
    match ast.expr(e).kind {
        ExprKind::Ident(_) => Some(e),
        ExprKind::Selector { sel, .. } => Some(sel),
        _ => None,
    }
}

/// Whether callee `fun` is the builtin `panic` (not parenthesised, as vet asks).
fn is_panic(ch: &Checked, fun: ExprId) -> bool {
    matches!(ch.ast.expr(fun).kind, ExprKind::Ident(_))
        && ch
            .info
            .use_of(fun)
            .is_some_and(|o| matches!(ch.obj(o).kind, ObjKind::Builtin(Builtin::Panic)))
}

/// A function whose body vet's function-wise analyzers read.
enum Function<'a> {
    /// A declared function with a body.
    Declared(&'a FuncDecl),
    /// A function literal and its body.
    Literal(ExprId, StmtId),
}

/// The functions of declaration `d` in the order vet's walk meets them: a declared
/// function, then the literals in it (or in a package variable's value) as they come.
fn functions_of(ast: &Ast, d: DeclId) -> Vec<Function<'_>> {
    let mut out = Vec::new();
    let decl = ast.decl(d);
    let mut roots: Vec<Node> = Vec::new();
    match decl {
        Decl::Func(f) => {
            if let Some(body) = f.body {
                out.push(Function::Declared(f));
                roots.push(Node::Stmt(body));
            }
        }
        Decl::Gen {
            kind: GenKind::Var,
            specs,
            ..
        } => {
            for spec in ast.list(*specs) {
                if let Spec::Value { values, .. } = spec {
                    roots.extend(ast.list(*values).iter().map(|&e| Node::Expr(e)));
                }
            }
        }
        Decl::Gen { .. } => {}
    }
    let mut literals = |n: Node| {
        if let Node::Expr(e) = n {
            if let ExprKind::FuncLit { body, .. } = ast.expr(e).kind {
                out.push(Function::Literal(e, body));
            }
        }
    };
    for root in roots {
        match root {
            Node::Stmt(s) => walk_stmt(ast, s, &mut literals),
            Node::Expr(e) => walk_expr(ast, e, &mut literals),
        }
    }
    out
}

struct Vet<'a> {
    ch: &'a Checked,
    found: Vec<Finding>,
    /// The program's functions that forward their operands to a print function, with how
    /// (found by [`printf::find_wrappers`] before the calls are checked).
    wrappers: Vec<(ObjId, printf::Kind)>,
    state: checks::State,
}

impl Vet<'_> {
    fn report(&mut self, check: Check, pos: Pos, msg: String) {
        let (file, line, col) = self.ch.ast.position(pos);
        if file == FileId(0) {
            self.found.push(Finding {
                check,
                line,
                col,
                msg,
            });
        }
    }

    fn body(&mut self, body: StmtId) {
        let ch = self.ch;
        let ast = &ch.ast;
        walk_stmt(ast, body, &mut |n| self.node(n));
    }

    fn node(&mut self, n: Node) {
        let ch = self.ch;
        let ast = &ch.ast;
        match n {
            Node::Stmt(s) => self.check_stmt(s),
            Node::Expr(e) => self.check_expr(e),
        }
        match n {
            Node::Stmt(s) => match ast.stmt(s).kind {
                StmtKind::Assign { lhs, rhs, op, .. } => {
                    self.assign(lhs, rhs, op);
                    self.atomic_assign(ast.list(lhs), ast.list(rhs), op);
                }
                StmtKind::Decl(d) => {
                    if let Decl::Gen {
                        kind: GenKind::Var,
                        specs,
                        ..
                    } = ast.decl(d)
                    {
                        for spec in ast.list(*specs) {
                            self.var_spec(spec);
                        }
                    }
                }
                StmtKind::Return(results) => {
                    for &x in ast.list(results) {
                        if let Some(path) = self.lock_path_rhs(x) {
                            self.report(
                                Check::CopyLocks,
                                self.ch.ast.first_byte(x),
                                format!("return copies lock value: {path}"),
                            );
                        }
                    }
                }
                StmtKind::Range {
                    key, value, define, ..
                } => {
                    for e in [key, value].into_iter().flatten() {
                        self.range_var(e, define);
                    }
                    self.loop_closure(s);
                }
                StmtKind::For { .. } => self.loop_closure(s),
                _ => {}
            },
            Node::Expr(e) => match ast.expr(e).kind {
                ExprKind::CompositeLit { elts, .. } => {
                    for &x in ast.list(elts) {
                        let x = match ast.expr(x).kind {
                            ExprKind::KeyValue { value, .. } => value,
                            _ => x,
                        };
                        if let Some(path) = self.lock_path_rhs(x) {
                            let msg = format!(
                                "literal copies lock value from {}: {path}",
                                ast.expr_string(x)
                            );
                            self.report(Check::CopyLocks, self.ch.ast.first_byte(x), msg);
                        }
                    }
                }
                ExprKind::Call { fun, args, .. } => {
                    self.call(fun, ast.list(args));
                    printf::check_call(self, e);
                }
                ExprKind::FuncLit { ty, .. } => self.params_pass_locks("func", ty),
                _ => {}
            },
        }
    }

    /// `lhs = rhs` or `lhs := rhs` copying a lock.
    fn assign(&mut self, lhs: List<ExprId>, rhs: List<ExprId>, op: AssignOp) {
        let ch = self.ch;
        let ast = &ch.ast;
        if !matches!(op, AssignOp::Assign | AssignOp::Define) {
            return;
        }
        let lhs = ast.list(lhs);
        for (i, &x) in ast.list(rhs).iter().enumerate() {
            let Some(path) = self.lock_path_rhs(x) else {
                continue;
            };
            let to = lhs.get(i).map_or(String::new(), |&l| ast.expr_string(l));
            self.report(
                Check::CopyLocks,
                self.ch.ast.first_byte(x),
                format!("assignment copies lock value to {to}: {path}"),
            );
        }
    }

    /// `x = atomic.AddInt64(&x, 1)`: the assignment races with the atomic addition.
    fn atomic_assign(&mut self, lhs: &[ExprId], rhs: &[ExprId], op: AssignOp) {
        let ch = self.ch;
        let ast = &ch.ast;
        if lhs.len() != rhs.len() || (lhs.len() == 1 && op == AssignOp::Define) {
            return;
        }
        for (&left, &right) in lhs.iter().zip(rhs) {
            let ExprKind::Call { fun, args, .. } = ast.expr(right).kind else {
                continue;
            };
            let Some(f) = self.callee(fun) else {
                continue;
            };
            let name = ch.qualified_name(f);
            let adds = [
                "AddInt32",
                "AddInt64",
                "AddUint32",
                "AddUint64",
                "AddUintptr",
            ];
            if !name
                .strip_prefix("sync/atomic.")
                .is_some_and(|n| adds.contains(&n))
            {
                continue;
            }
            let &[arg, _] = ast.list(args) else {
                continue;
            };
            let broken = match (ast.expr(arg).kind, ast.expr(left).kind) {
                (ExprKind::Unary { op: Op::And, x }, _) => {
                    ast.expr_string(left) == ast.expr_string(x)
                }
                (_, ExprKind::Star(x)) => ast.expr_string(x) == ast.expr_string(arg),
                _ => false,
            };
            if broken {
                let msg = "direct assignment to atomic value".to_string();
                self.report(Check::Atomic, ch.ast.first_byte(left), msg);
            }
        }
    }

    /// `var a, b = x, y` copying a lock.
    fn var_spec(&mut self, spec: &Spec) {
        let ch = self.ch;
        let ast = &ch.ast;
        let Spec::Value { names, values, .. } = spec else {
            return;
        };
        let names = ast.list(*names);
        for (i, &x) in ast.list(*values).iter().enumerate() {
            if let Some(path) = self.lock_path_rhs(x) {
                let to = names.get(i).map_or("", |&n| ast.ident_str(n));
                self.report(
                    Check::CopyLocks,
                    self.ch.ast.first_byte(x),
                    format!("variable declaration copies lock value to {to}: {path}"),
                );
            }
        }
    }

    /// A call passing a lock by value (builtins that do not copy excepted).
    fn call(&mut self, fun: ExprId, args: &[ExprId]) {
        let ch = self.ch;
        let ast = &ch.ast;
        if let Some(o) = self.named_by(fun) {
            if let ObjKind::Builtin(
                Builtin::New
                | Builtin::Len
                | Builtin::Cap
                | Builtin::Sizeof
                | Builtin::Offsetof
                | Builtin::Alignof,
            ) = self.ch.obj(o).kind
            {
                return;
            }
        }
        for &x in args {
            if let Some(path) = self.lock_path_rhs(x) {
                let msg = format!("call of {} copies lock value: {path}", ast.expr_string(fun));
                self.report(Check::CopyLocks, self.ch.ast.first_byte(x), msg);
            }
        }
    }

    /// The parameters of function type `ty` (of function `name`) that pass a lock by value.
    fn params_pass_locks(&mut self, name: &str, ty: ExprId) {
        let ExprKind::FuncType { params, .. } = self.ch.ast.expr(ty).kind else {
            return;
        };
        for field in self.ch.ast.list(params) {
            self.passes_lock(name, field.ty);
        }
    }

    fn passes_lock(&mut self, name: &str, ty: ExprId) {
        if let Some(path) = self.lock_path(self.ch.info.type_of(ty)) {
            self.report(
                Check::CopyLocks,
                self.ch.ast.first_byte(ty),
                format!("{name} passes lock by value: {path}"),
            );
        }
    }

    /// A range loop's variable `e` that copies a lock.
    fn range_var(&mut self, e: ExprId, define: bool) {
        let ch = self.ch;
        let ast = &ch.ast;
        let is_ident = matches!(ast.expr(e).kind, ExprKind::Ident(_));
        if is_ident && ast.ident_str(e) == "_" {
            return;
        }
        let ty = if define {
            if !is_ident {
                return;
            }
            match self.ch.info.def(e) {
                Some(o) => self.ch.obj(o).ty,
                None => return,
            }
        } else {
            self.ch.info.type_of(e)
        };
        if let Some(path) = self.lock_path(ty) {
            let msg = format!("range var {} copies lock: {path}", ast.expr_string(e));
            self.report(Check::CopyLocks, self.ch.ast.first_byte(e), msg);
        }
    }

    /// vet's `lockPathRhs`: a composite literal or a call makes a new value, which copies
    /// nothing.
    fn lock_path_rhs(&self, x: ExprId) -> Option<String> {
        let ch = self.ch;
        let ast = &ch.ast;
        match ast.expr(x).kind {
            ExprKind::CompositeLit { .. } | ExprKind::Call { .. } => return None,
            ExprKind::Star(inner) if matches!(ast.expr(inner).kind, ExprKind::Call { .. }) => {
                return None
            }
            _ => {}
        }
        self.lock_path(self.ch.info.type_of(x))
    }

    /// How type `t` holds a lock, as vet prints it (`main.T contains sync.Mutex`), if it does.
    fn lock_path(&self, t: TypeId) -> Option<String> {
        let mut path = self.lock_path_rev(t, 0)?;
        path.reverse();
        Some(path.join(" contains "))
    }

    /// The path innermost first.
    fn lock_path_rev(&self, mut t: TypeId, depth: u32) -> Option<Vec<String>> {
        let types = &self.ch.types;
        if depth > 16 || t == TypeId::INVALID {
            return None;
        }
        while let Type::Array(_, elem) = types.get(types.under(t)) {
            t = *elem;
        }
        if let Some(named) = types.named(t) {
            let obj = self.ch.obj(named.obj);
            let pkg = obj.pkg.map(|p| &self.ch.packages[p.0 as usize]);
            if let Some(pkg) = pkg.filter(|p| p.library) {
                let name = self.ch.name(obj.name);
                return library_lock_path(&pkg.path, name)
                    .map(|path| path.iter().rev().map(|s| s.to_string()).collect());
            }
        }
        let Type::Struct(fields) = types.get(types.under(t)) else {
            return None;
        };
        if types.is_named(t) && self.pointer_is_locker(t) {
            return Some(vec![self.type_name(t)]);
        }
        for field in fields {
            if let Some(mut sub) = self.lock_path_rev(field.ty, depth + 1) {
                sub.push(self.type_name(t));
                return Some(sub);
            }
        }
        None
    }

    /// `*t` has methods `Lock()` and `Unlock()` and `t` has not (vet's test for a lock).
    fn pointer_is_locker(&self, t: TypeId) -> bool {
        let lookup = self.ch.lookup_ctx();
        let mut value_has_both = true;
        for method in ["Lock", "Unlock"] {
            let Some(name) = self.ch.ast.names.lookup(method) else {
                return false;
            };
            let l = lookup.lookup(t, name, false);
            let Some(Found::Method(m)) = l.found else {
                return false;
            };
            let obj = self.ch.obj(m);
            let nullary = matches!(self.ch.types.get(obj.ty),
                Type::Func(sig) if sig.params.is_empty() && sig.results.is_empty());
            if !nullary {
                return false;
            }
            let ptr_recv = obj.func().is_some_and(|f| f.ptr_recv);
            if ptr_recv && !l.indirect {
                value_has_both = false;
            }
        }
        !value_has_both
    }

    /// A type as vet's paths name it: qualified by its package's path (`main.Counter`).
    fn type_name(&self, t: TypeId) -> String {
        match self.ch.types.named(t) {
            Some(named) => {
                let obj = self.ch.obj(named.obj);
                let pkg = match obj.pkg {
                    // `go vet prog.go` names the package of the files it is given so.
                    Some(p) if p == self.ch.main => "command-line-arguments",
                    Some(p) => self.ch.packages[p.0 as usize].path.as_str(),
                    None => "",
                };
                format!("{pkg}.{}", self.ch.name(obj.name))
            }
            None => self.ch.type_string(t),
        }
    }

    /// The function a call's callee names (a function, or a method by its selector).
    fn callee(&self, fun: ExprId) -> Option<ObjId> {
        self.named_by(fun)
            .filter(|&o| matches!(self.ch.obj(o).kind, ObjKind::Func(_)))
    }

    /// What a callee names: the object of the identifier, or of a selector's name.
    fn named_by(&self, fun: ExprId) -> Option<ObjId> {
        let ast = &self.ch.ast;
        self.ch.info.use_of(name_ident(ast, ast.unparen(fun))?)
    }

    /// A loop whose body ends by starting a goroutine or deferring a call of a function
    /// literal (or calling an errgroup's Go with one) that uses a loop variable: before Go
    /// 1.22 the loop has one variable for all its iterations, which the literal shares.
    fn loop_closure(&mut self, s: StmtId) {
        if !matches!(self.ch.go_version, Some((1, minor)) if minor < 22) {
            return;
        }
        let ch = self.ch;
        let ast = &ch.ast;
        let mut vars: Vec<ObjId> = Vec::new();
        let var_of = |e: ExprId| {
            matches!(ast.expr(e).kind, ExprKind::Ident(_))
                .then(|| ch.info.def(e).or_else(|| ch.info.use_of(e)))
                .flatten()
        };
        let body = match ast.stmt(s).kind {
            StmtKind::Range {
                key, value, body, ..
            } => {
                vars.extend([key, value].into_iter().flatten().filter_map(var_of));
                body
            }
            StmtKind::For { post, body, .. } => {
                match post.map(|p| ast.stmt(p).kind) {
                    Some(StmtKind::Assign { lhs, .. }) => {
                        vars.extend(ast.list(lhs).iter().copied().filter_map(var_of))
                    }
                    Some(StmtKind::IncDec { x, .. }) => vars.extend(var_of(x)),
                    _ => {}
                }
                body
            }
            _ => return,
        };
        if vars.is_empty() {
            return;
        }
        let StmtKind::Block { stmts, .. } = ast.stmt(body).kind else {
            return;
        };
        let Some(&last) = ast.list(stmts).last() else {
            return;
        };
        let fun = match ast.stmt(last).kind {
            StmtKind::Go(call) | StmtKind::Defer(call) => match ast.expr(call).kind {
                ExprKind::Call { fun, .. } => Some(fun),
                _ => None,
            },
            StmtKind::Expr(call) => self.errgroup_go_arg(call),
            _ => None,
        };
        let Some(ExprKind::FuncLit { body: lit, .. }) = fun.map(|f| ast.expr(f).kind) else {
            return;
        };
        let mut uses = Vec::new();
        walk_stmt(ast, lit, &mut |n| {
            if let Node::Expr(e) = n {
                if matches!(ast.expr(e).kind, ExprKind::Ident(_)) {
                    if let Some(o) = ch.info.use_of(e) {
                        if vars.contains(&o) {
                            uses.push(e);
                        }
                    }
                }
            }
        });
        for e in uses {
            let msg = format!(
                "loop variable {} captured by func literal",
                ast.ident_str(e)
            );
            self.report(Check::LoopClosure, self.ch.ast.first_byte(e), msg);
        }
    }

    /// In a function taking a `*testing.T` or `*testing.B`: a goroutine it starts that calls
    /// the test's `Fatal`, `FailNow`, `Skip` and the like, which end only the goroutine that
    /// calls them (each `go` statement's function; not those a goroutine starts in turn).
    fn testing_goroutines(&mut self, ty: ExprId, body: StmtId) {
        let ch = self.ch;
        let ast = &ch.ast;
        let ExprKind::FuncType { params, .. } = ast.expr(ty).kind else {
            return;
        };
        let takes_test = ast
            .list(params)
            .iter()
            .any(|p| self.testing_type(ch.info.type_of(p.ty)).is_some());
        if !takes_test {
            return;
        }
        let mut gos: Vec<StmtId> = Vec::new();
        walk_stmt(ast, body, &mut |n| {
            if let Node::Stmt(s) = n {
                if matches!(ast.stmt(s).kind, StmtKind::Go(_)) {
                    gos.push(s);
                }
            }
        });
        // A `go` inside another's function is that goroutine's, which vet does not look into.
        let spans: Vec<(Pos, Pos)> = gos.iter().map(|&g| go_span(ast, g)).collect();
        let outer = |g: StmtId| {
            let at = ast.stmt(g).pos;
            !spans.iter().any(|&(start, end)| start < at && at < end)
        };
        for g in gos.into_iter().filter(|&g| outer(g)) {
            let StmtKind::Go(call) = ast.stmt(g).kind else {
                continue;
            };
            let ExprKind::Call { fun, .. } = ast.expr(call).kind else {
                continue;
            };
            let declared = match ast.expr(fun).kind {
                ExprKind::Ident(_) => ch
                    .info
                    .use_of(fun)
                    .and_then(|o| ch.obj(o).func())
                    .and_then(|f| f.decl)
                    .and_then(|d| match ast.decl(d) {
                        Decl::Func(f) => f.body,
                        Decl::Gen { .. } => None,
                    }),
                _ => None,
            };
            let (scope, at_literal) = match (ast.expr(fun).kind, declared) {
                (ExprKind::FuncLit { body, .. }, _) => (Node::Stmt(body), true),
                (_, Some(body)) => (Node::Stmt(body), false),
                _ => (Node::Expr(call), false),
            };
            let mut calls = Vec::new();
            let mut look = |n: Node| {
                let Node::Expr(e) = n else {
                    return;
                };
                let ExprKind::Selector { x, sel } = ast.expr(e).kind else {
                    return;
                };
                let method = ast.ident_str(sel);
                let forbidden = ["FailNow", "Fatal", "Fatalf", "Skip", "Skipf", "SkipNow"];
                if !forbidden.contains(&method) || !matches!(ast.expr(x).kind, ExprKind::Ident(_)) {
                    return;
                }
                let Some(o) = ch.info.use_of(x) else {
                    return;
                };
                let is_param = matches!(
                    ch.obj(o).kind,
                    ObjKind::Var {
                        kind: VarKind::Param | VarKind::Result | VarKind::Recv,
                        ..
                    }
                );
                if let Some(t) = self.testing_type(ch.obj(o).ty).filter(|_| is_param) {
                    calls.push((e, t, method));
                }
            };
            match scope {
                Node::Stmt(s) => walk_stmt(ast, s, &mut look),
                Node::Expr(e) => walk_expr(ast, e, &mut look),
            }
            for (e, t, method) in calls {
                let at = if at_literal {
                    ch.ast.first_byte(e)
                } else {
                    ast.stmt(g).pos
                };
                let msg = format!("call to (*{t}).{method} from a non-test goroutine");
                self.report(Check::TestingGoroutine, at, msg);
            }
        }
    }

    /// A function of a test file that looks like a test or a benchmark (one parameter, a
    /// `*testing.T` or `*testing.B`) but that `go test` does not run: its name goes on in
    /// lower case after `Test` or `Benchmark`.
    fn test_name(&mut self, f: &FuncDecl) {
        let ast = &self.ch.ast;
        let name = ast.ident_str(f.name);
        let (prefix, param) = if name.starts_with("Example") {
            return;
        } else if name.starts_with("Test") {
            ("Test", "T")
        } else if name.starts_with("Benchmark") {
            ("Benchmark", "B")
        } else {
            return;
        };
        if testmain::takes_pointer_to(ast, f.ty, param) && !testmain::is_test_name(name, prefix) {
            let msg = format!(
                "{name} has malformed name: first letter after '{prefix}' must not be lowercase"
            );
            // vet names the declaration's `func` keyword, before the name.
            let base = ast.file(FileId(0)).base;
            let at = ast
                .text(base, f.pos)
                .rfind("func")
                .map_or(f.pos, |i| base + i as Pos);
            self.report(Check::Tests, at, msg);
        }
    }

    /// `T` or `B` for type `*testing.T` or `*testing.B`.
    fn testing_type(&self, t: TypeId) -> Option<&'static str> {
        let elem = self.ch.types.pointer_elem(t)?;
        let named = self.ch.types.named(elem)?;
        let obj = self.ch.obj(named.obj);
        let pkg = &self.ch.packages[obj.pkg?.0 as usize];
        if pkg.path != "testing" {
            return None;
        }
        match self.ch.name(obj.name) {
            "T" => Some("T"),
            "B" => Some("B"),
            _ => None,
        }
    }

    /// For `g.Go(f)` with `g` an errgroup.Group: `f`, the function its goroutine runs (the
    /// loop check reads it as it reads the `f` of `go f()`).
    fn errgroup_go_arg(&self, call: ExprId) -> Option<ExprId> {
        let ExprKind::Call { fun, args, .. } = self.ch.ast.expr(call).kind else {
            return None;
        };
        let name = self.ch.qualified_name(self.callee(fun)?);
        match self.ch.ast.list(args) {
            &[f] if name == "golang.org/x/sync/errgroup.Group.Go" => Some(f),
            _ => None,
        }
    }
}

/// From `go` statement `s` to the end of its call (the literal's closing brace).
fn go_span(ast: &Ast, s: StmtId) -> (Pos, Pos) {
    let start = ast.stmt(s).pos;
    match ast.stmt(s).kind {
        StmtKind::Go(call) => match ast.expr(call).kind {
            ExprKind::Call { rparen, .. } => (start, rparen),
            _ => (start, start),
        },
        _ => (start, start),
    }
}

/// The lock a library type holds, innermost last, as Go 1.19's vet finds it in Go's own
/// declarations of the type.
fn library_lock_path(pkg: &str, name: &str) -> Option<&'static [&'static str]> {
    Some(match (pkg, name) {
        ("sync", "Mutex") => &["sync.Mutex"],
        ("sync", "RWMutex") => &["sync.RWMutex"],
        ("sync", "WaitGroup") => &["sync.WaitGroup", "sync.noCopy"],
        ("sync", "Cond") => &["sync.Cond", "sync.noCopy"],
        ("sync", "Pool") => &["sync.Pool", "sync.noCopy"],
        ("sync", "Once") => &["sync.Once", "sync.Mutex"],
        ("sync", "Map") => &["sync.Map", "sync.Mutex"],
        ("sync/atomic", "Bool") => &["sync/atomic.Bool", "sync/atomic.noCopy"],
        ("sync/atomic", "Int32") => &["sync/atomic.Int32", "sync/atomic.noCopy"],
        ("sync/atomic", "Int64") => &["sync/atomic.Int64", "sync/atomic.noCopy"],
        ("sync/atomic", "Uint32") => &["sync/atomic.Uint32", "sync/atomic.noCopy"],
        ("sync/atomic", "Uint64") => &["sync/atomic.Uint64", "sync/atomic.noCopy"],
        ("sync/atomic", "Uintptr") => &["sync/atomic.Uintptr", "sync/atomic.noCopy"],
        ("golang.org/x/sync/errgroup", "Group") => &[
            "golang.org/x/sync/errgroup.Group",
            "sync.WaitGroup",
            "sync.noCopy",
        ],
        ("golang.org/x/sync/semaphore", "Weighted") => {
            &["golang.org/x/sync/semaphore.Weighted", "sync.Mutex"]
        }
        ("log", "Logger") => &["log.Logger", "sync.Mutex"],
        _ => return None,
    })
}
