//! The type checker, modelled on go/types (and cmd/compile's types2, whose messages gc
//! prints): it resolves every identifier, computes the type (and constant value) of every
//! expression, and reports gc's errors at gc's positions.
//!
//! The checker works package by package, libraries before the packages importing them:
//! 1. `decl.rs` collects each package's objects, then declares them lazily (`obj_decl`
//!    checks a declaration when it is first needed, with cycle detection), then checks the
//!    function bodies, computes the order of package-level initialization (`initorder.rs`)
//!    and reports unused imports;
//! 2. `typexpr.rs` evaluates type expressions; `expr.rs`, `binary.rs`, `call.rs`,
//!    `builtins.rs`, `index.rs` and `literal.rs` check expressions; `assign.rs` and
//!    `stmt.rs` check statements; `labels.rs` and `returns.rs` do gc's branch and
//!    terminating-statement analyses; `lookup.rs` finds fields and methods and decides
//!    assignability and interface satisfaction.
//!
//! # Invariants
//! - Local scopes live on one stack (`env.locals`); a block's names are
//!   `locals[mark..]` where `mark` is the block's entry in `env.marks`. A lookup searches
//!   the stack from the top, then the file scope (imports), the package scope and the
//!   universe.
//! - `env` is the environment of the declaration being checked; `obj_decl` swaps in a fresh
//!   one, so a package-level declaration checked lazily from inside a function never sees
//!   that function's locals.
//! - `used[obj]` is set when a variable or package name is used (an assignment to a
//!   variable is not a use).
//! - Every expression the checker evaluates is recorded in `info` before the checker moves
//!   on, and untyped expressions are re-recorded when their final type is known.

mod assign;
mod binary;
mod body;
mod builtins;
mod call;
mod complex;
mod decl;
mod expr;
mod generics;
mod index;
mod initorder;
mod labels;
mod literal;
mod localdecl;
mod lookup;
mod operand;
mod range;
mod returns;
mod stmt;
mod typexpr;
mod untyped;

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::format::TypeFmt;
use super::info::Info;
use super::object::{ObjId, ObjKind, Object, Package, PkgId, VarKind};
use super::ty::{TypeId, Types};
use super::universe::UniverseIds;
use crate::syntax::ast::{Ast, ExprId, FileId, Name};
use crate::syntax::Pos;

pub(crate) use operand::Operand;

/// An error found by the checker, at an absolute position.
#[derive(Clone, Debug)]
pub(crate) struct CheckError {
    pub pos: Pos,
    pub msg: String,
}

/// The function whose body is being checked.
#[derive(Clone, Debug, Default)]
pub(crate) struct FuncCtx {
    /// The result variables (named or not).
    pub results: Vec<ObjId>,
    pub named_results: bool,
    /// Local variables declared in this function (not its parameters), for "declared and
    /// not used".
    pub vars: Vec<ObjId>,
}

/// The environment of the declaration being checked.
#[derive(Clone, Debug, Default)]
pub(crate) struct Env {
    pub locals: Vec<(Name, ObjId)>,
    pub marks: Vec<usize>,
    pub func: Option<FuncCtx>,
    /// The value of `iota` inside a constant declaration.
    pub iota: Option<i128>,
    /// The package-level object whose declaration or body is being checked (for the
    /// initialization order).
    pub decl: Option<ObjId>,
    pub file: FileId,
    /// Inside the body of a generic function or method.
    pub generic: bool,
}

/// What declares a package-level object (for lazy declaration).
#[derive(Clone, Debug)]
pub(crate) enum DeclInfo {
    Const {
        ty: Option<ExprId>,
        init: Option<ExprId>,
        iota: u32,
        /// The values are repeated from an earlier line (errors are reported at the
        /// constant).
        inherited: bool,
        file: FileId,
    },
    Var {
        /// All variables of a `var a, b = f()` (one initializer for several).
        lhs: Vec<ObjId>,
        ty: Option<ExprId>,
        init: Option<ExprId>,
        file: FileId,
    },
    Type {
        tparams: crate::syntax::ast::List<crate::syntax::ast::Field>,
        alias: bool,
        ty: ExprId,
        file: FileId,
    },
    Func {
        decl: crate::syntax::ast::DeclId,
        file: FileId,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Color {
    White,
    Grey,
    Black,
}

pub(crate) struct Checker<'a> {
    pub ast: &'a Ast,
    pub types: Types,
    pub objs: Vec<Object>,
    pub info: Info,
    pub pkgs: Vec<Package>,
    pub universe: HashMap<Name, ObjId>,
    pub uids: UniverseIds,
    /// Imports of each file (indexed by `FileId`).
    pub file_scopes: Vec<HashMap<Name, ObjId>>,
    /// The package being checked.
    pub pkg: PkgId,
    pub env: Env,
    pub used: Vec<bool>,
    pub decls: HashMap<ObjId, DeclInfo>,
    color: HashMap<ObjId, Color>,
    /// The objects being declared (for cycle errors).
    obj_path: Vec<ObjId>,
    /// A chain of declarations passed `MAX_DECL_DEPTH`, or the checking [`MAX_CHECK_NESTING`]
    /// (reported once).
    too_deep: bool,
    /// Expressions and type expressions being checked, one inside another.
    nesting: u32,
    /// References of each package-level variable and function to other package-level
    /// variables and functions.
    pub deps: HashMap<ObjId, Vec<ObjId>>,
    /// Methods declared in each package, by the name of their receiver's base type.
    pub methods: HashMap<(PkgId, Name), Vec<ObjId>>,
    /// Field objects of struct types (by struct type and field index).
    pub field_objs: HashMap<(TypeId, u32), ObjId>,
    /// Method objects of interface types (by interface type and method name).
    pub iface_objs: HashMap<(TypeId, Name), ObjId>,
    pub errors: Vec<CheckError>,
    /// Library packages are checked lazily: a declaration when it is first used, a function
    /// body when its function is used (or its type, for methods).
    pub lazy_libraries: bool,
    /// Functions of library packages whose bodies are still to be checked.
    pub lazy_queue: std::collections::VecDeque<ObjId>,
    /// Functions whose bodies have been checked (or queued).
    pub bodies: HashSet<ObjId>,
    /// Queued library functions whose bodies are not parsed yet: the caller of
    /// [`Checker::check_queued_bodies`] parses them and queues them again.
    pub unparsed: Vec<ObjId>,
    /// The file names, for the "other declaration" lines of messages.
    pub file_label: String,
    /// Names the checker compares against.
    pub n: WellKnown,
    /// Parameter and result objects of unnamed parameters.
    pub unnamed: crate::fxhash::FxHashSet<ObjId>,
    /// Untyped left operands of non-constant shifts (their final type must be an integer).
    pub shift_lhs: crate::fxhash::FxHashSet<ExprId>,
    /// While checking an inherited constant expression: report errors at the constant.
    pub errpos: Option<Pos>,
    /// Variables whose type is inferred from their initializer and not known yet.
    pub pending_type: crate::fxhash::FxHashSet<ObjId>,
    /// Named types already reported as invalid recursive types.
    pub reported_types: crate::fxhash::FxHashSet<TypeId>,
    /// Instantiations whose type arguments are checked against their constraints once the
    /// package's declarations are complete.
    pub pending_verify: Vec<generics::Verify>,
}

/// The deepest expressions and type expressions may nest while they are checked, those of
/// the declarations they use counted with theirs (`const c0 = (((c1))); const c1 = (((c2)))…`,
/// `type T0 [][]T1; type T1 [][]T2…`): each level is a call on the host's stack, in the
/// browser the worker's, about a megabyte, and so is each level of the walks over a type
/// later. One expression alone nests at most 200 levels (the parser's limit).
pub const MAX_CHECK_NESTING: u32 = 400;

/// Interned names the checker needs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WellKnown {
    pub init: Name,
    pub main: Name,
    pub blank: Name,
    pub dot: Name,
}

impl<'a> Checker<'a> {
    /// Checking nests past [`MAX_CHECK_NESTING`] at `e` (see [`Checker::too_deep`]).
    #[cold]
    pub(crate) fn too_deep_at(&mut self, e: ExprId) {
        self.too_deep(
            self.epos(e),
            format!("chanlab cannot handle code nested more than {MAX_CHECK_NESTING} levels deep, counting the declarations it uses"),
        );
    }

    /// Past one of the checker's nesting limits at `pos`: `message`, the first time only.
    #[cold]
    pub(crate) fn too_deep(&mut self, pos: Pos, message: String) {
        if !self.too_deep {
            self.too_deep = true;
            self.error(pos, message);
        }
    }

    pub fn new(
        ast: &'a Ast,
        types: Types,
        objs: Vec<Object>,
        universe: HashMap<Name, ObjId>,
        uids: UniverseIds,
        file_label: String,
    ) -> Self {
        let n = WellKnown {
            init: Name::INIT,
            main: Name::MAIN,
            blank: Name::BLANK,
            dot: ast.names.lookup(".").unwrap_or(Name::BLANK),
        };
        let mut info = Info::default();
        info.reserve_exprs(ast.exprs.len());
        Checker {
            ast,
            types,
            used: vec![false; objs.len()],
            objs,
            info,
            pkgs: Vec::new(),
            universe,
            uids,
            file_scopes: vec![HashMap::default(); ast.files.len()],
            pkg: PkgId(0),
            env: Env::default(),
            decls: HashMap::default(),
            color: HashMap::default(),
            obj_path: Vec::new(),
            too_deep: false,
            nesting: 0,
            deps: HashMap::default(),
            methods: HashMap::default(),
            field_objs: HashMap::default(),
            iface_objs: HashMap::default(),
            errors: Vec::new(),
            lazy_libraries: true,
            lazy_queue: Default::default(),
            bodies: HashSet::default(),
            unparsed: Vec::new(),
            file_label,
            n,
            unnamed: Default::default(),
            shift_lhs: Default::default(),
            errpos: None,
            pending_type: Default::default(),
            reported_types: Default::default(),
            pending_verify: Vec::new(),
        }
    }

    /// The checker with its state, reading `ast` from now on: the checker lets go of the
    /// Ast while function bodies are parsed into it (rebound to an empty Ast), and takes the
    /// grown Ast back.
    pub fn rebind<'b>(self, ast: &'b Ast) -> Checker<'b> {
        // Every field but the Ast moves over (a field left out does not compile).
        macro_rules! move_fields {
            ($($field:ident),*) => {{
                let Checker { ast: _, $($field),* } = self;
                Checker { ast, $($field),* }
            }};
        }
        let mut checker = move_fields!(
            types,
            objs,
            info,
            pkgs,
            universe,
            uids,
            file_scopes,
            pkg,
            env,
            used,
            decls,
            color,
            obj_path,
            too_deep,
            nesting,
            deps,
            methods,
            field_objs,
            iface_objs,
            errors,
            lazy_libraries,
            lazy_queue,
            bodies,
            unparsed,
            file_label,
            n,
            unnamed,
            shift_lhs,
            errpos,
            pending_type,
            reported_types,
            pending_verify
        );
        checker.info.reserve_exprs(ast.exprs.len());
        checker
    }

    /// A list of the Ast, borrowed from the Ast (not from the checker).
    pub fn ast_list<T: crate::syntax::ast::Pooled>(
        &self,
        l: crate::syntax::ast::List<T>,
    ) -> &'a [T] {
        let ast: &'a Ast = self.ast;
        ast.list(l)
    }

    // ---- objects ----

    pub fn obj(&self, o: ObjId) -> &Object {
        &self.objs[o.0 as usize]
    }

    pub fn obj_mut(&mut self, o: ObjId) -> &mut Object {
        &mut self.objs[o.0 as usize]
    }

    pub fn new_obj(&mut self, name: Name, pos: Pos, ty: TypeId, kind: ObjKind) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        self.objs.push(Object {
            name,
            pos,
            pkg: Some(self.pkg),
            ty,
            kind,
        });
        self.used.push(false);
        id
    }

    /// Declares package unsafe's builtins (Sizeof, Alignof, Offsetof) in its scope.
    pub fn declare_unsafe(&mut self) {
        for b in super::object::Builtin::UNSAFE {
            let Some(name) = self.ast.names.lookup(b.name()) else {
                continue;
            };
            let obj = self.new_obj(name, 0, TypeId::INVALID, ObjKind::Builtin(b));
            self.pkgs[self.pkg.0 as usize].scope.insert(name, obj);
        }
    }

    pub fn new_var(&mut self, name: Name, pos: Pos, ty: TypeId, kind: VarKind) -> ObjId {
        self.new_obj(
            name,
            pos,
            ty,
            ObjKind::Var {
                kind,
                embedded: false,
            },
        )
    }

    pub fn name_str(&self, n: Name) -> &str {
        self.ast.names.get(n)
    }

    pub fn obj_name(&self, o: ObjId) -> &str {
        self.name_str(self.obj(o).name)
    }

    pub fn mark_used(&mut self, o: ObjId) {
        if let Some(u) = self.used.get_mut(o.0 as usize) {
            *u = true;
        }
    }

    pub fn is_used(&self, o: ObjId) -> bool {
        self.used.get(o.0 as usize).copied().unwrap_or(true)
    }

    pub fn cur_pkg(&self) -> &Package {
        &self.pkgs[self.pkg.0 as usize]
    }

    /// Whether the package being checked is a library package (which may declare
    /// functions without bodies).
    pub fn is_library(&self) -> bool {
        self.cur_pkg().library
    }

    /// Whether the package being checked is a library checked lazily.
    pub fn is_lazy(&self) -> bool {
        self.lazy_libraries && self.is_library()
    }

    // ---- scopes ----

    pub fn open_scope(&mut self) {
        self.env.marks.push(self.env.locals.len());
    }

    pub fn close_scope(&mut self) {
        let mark = self.env.marks.pop().unwrap_or(0);
        self.env.locals.truncate(mark);
    }

    /// The innermost object named `name` visible here.
    pub fn lookup(&self, name: Name) -> Option<ObjId> {
        if let Some(&(_, o)) = self.env.locals.iter().rev().find(|(n, _)| *n == name) {
            return Some(o);
        }
        if let Some(&o) = self
            .file_scopes
            .get(self.env.file.0 as usize)
            .and_then(|s| s.get(&name))
        {
            return Some(o);
        }
        if let Some(&o) = self.cur_pkg().scope.get(&name) {
            return Some(o);
        }
        self.universe.get(&name).copied()
    }

    /// The object named `name` in the innermost local scope, if any.
    pub fn lookup_local_block(&self, name: Name) -> Option<ObjId> {
        let mark = self.env.marks.last().copied().unwrap_or(0);
        self.env.locals[mark..]
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|&(_, o)| o)
    }

    /// Declares `obj` in the innermost local scope; reports a redeclaration.
    pub fn declare_local(&mut self, ident: Option<ExprId>, obj: ObjId) {
        let name = self.obj(obj).name;
        if let Some(e) = ident {
            self.info.record_def(e, obj);
        }
        if name == self.n.blank {
            return;
        }
        if let Some(alt) = self.lookup_local_block(name) {
            self.redeclared(obj, alt);
            return;
        }
        self.env.locals.push((name, obj));
    }

    /// Reports `x redeclared in this block` with gc's second line.
    pub fn redeclared(&mut self, obj: ObjId, alt: ObjId) {
        let name = self.obj_name(obj).to_string();
        let pos = self.obj(obj).pos;
        let other = self.obj(alt).pos;
        let msg = format!(
            "{name} redeclared in this block\n\t{}: other declaration of {name}",
            self.pos_string(other)
        );
        self.error(pos, msg);
    }

    // ---- errors ----

    /// `./prog.go:L:C` for a position (in a sub-error line).
    pub fn pos_string(&self, pos: Pos) -> String {
        let (f, line, col) = self.ast.position(pos);
        let name = if f.0 == 0 {
            self.file_label.clone()
        } else {
            self.ast.file(f).name.clone()
        };
        format!("./{name}:{line}:{col}")
    }

    /// Reports an error. Like gc, an error mentioning an "invalid operand" or "invalid
    /// type" after the first error is a follow-on error and is dropped.
    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.report(pos, msg.into());
    }

    // Not inlined into the checker's two hundred error sites (code size).
    #[inline(never)]
    #[cold]
    fn report(&mut self, pos: Pos, msg: String) {
        let pos = self.errpos.unwrap_or(pos);
        if !self.errors.is_empty() {
            let first = msg.lines().next().unwrap_or("");
            if first.find("invalid operand").is_some_and(|i| i > 0)
                || first.find("invalid type").is_some_and(|i| i > 0)
            {
                return;
            }
        }
        self.errors.push(CheckError { pos, msg });
    }

    /// Where gc reports errors about an expression (see [`Ast::start_pos`]).
    pub fn epos(&self, e: ExprId) -> Pos {
        self.ast.start_pos(e)
    }

    pub fn tfmt(&self) -> TypeFmt<'_> {
        TypeFmt {
            types: &self.types,
            objs: &self.objs,
            names: &self.ast.names,
            pkgs: &self.pkgs,
            current: Some(self.pkg),
            current_path: None,
        }
    }

    /// A type as messages print it.
    pub fn ts(&self, t: TypeId) -> String {
        self.tfmt().type_string(t)
    }

    /// An expression as messages print it.
    pub fn es(&self, e: ExprId) -> String {
        self.ast.expr_string(e)
    }

    /// Records `e` as a dependency of the package-level declaration being checked.
    pub fn add_dep(&mut self, o: ObjId) {
        if let Some(d) = self.env.decl {
            let obj = self.obj(o);
            let pkg_level = obj.pkg == Some(self.pkg)
                && match &obj.kind {
                    ObjKind::Var { kind, .. } => *kind == VarKind::Global,
                    ObjKind::Func(f) => f.decl.is_some(),
                    ObjKind::Const(_) => self.decls.contains_key(&o),
                    _ => false,
                };
            if pkg_level {
                self.deps.entry(d).or_default().push(o);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    pub(crate) use super::super::tests::errors;

    /// Errors of a program whose `main` body is `body` (lines without `./prog.go:`).
    pub(crate) fn body_errors(body: &str) -> Vec<String> {
        super::super::tests::errors(&format!("package main\n\nfunc main() {{\n{body}}}\n"))
    }

    #[test]
    fn errors_are_collected_not_just_the_first() {
        let errs = body_errors("\tx := undefined1\n\ty := undefined2\n\t_, _ = x, y\n");
        assert_eq!(
            errs,
            ["4:7: undefined: undefined1", "5:7: undefined: undefined2"]
        );
    }

    #[test]
    fn follow_on_errors_about_invalid_operands_are_dropped() {
        let errs = body_errors("\tx := nope\n\t_ = x + 1\n");
        assert_eq!(errs, ["4:7: undefined: nope"]);
    }
}
