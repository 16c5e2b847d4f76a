//! The type checker's public side: [`check_program`] parses and checks a program (the
//! user's `main` package and the library packages it imports) and returns a [`Checked`]
//! program for the compiler, or gc's error lines.
//!
//! What the compiler reads:
//! - [`Checked::ast`]: every file's syntax tree (file 0 is the user's);
//! - [`Checked::types`]: the [`Types`] table (`TypeId`s, identical types share an id);
//! - [`Checked::objs`]: the [`Object`]s identifiers denote;
//! - [`Checked::info`]: the [`Info`] (types, values, objects, selections, calls, ranges…);
//! - [`Checked::packages`]: the packages in dependency order (libraries first, `main`
//!   last), each with its package-level variables, functions, `init`s and initialization
//!   order;
//! - [`Checked::lookup_ctx`]: field and method lookup (the methods of dynamic types);
//! - for generic code, [`Types::subst`] and [`Types::instantiate`] (see [`info`], "Generic
//!   code").
//!
//! # Invariants
//! - A `Checked` program has no errors: every expression the compiler reaches has a valid
//!   type.

mod check;
pub mod constant;
pub mod format;
pub mod info;
pub mod lookup;
pub mod object;
pub mod subst;
pub mod testmain;
pub mod ty;
pub mod universe;
pub mod wide;

use std::rc::Rc;

pub use constant::ConstValue;
pub use info::{
    CallKind, Info, Instance, Mode, RangeInfo, RangeKind, RecvAdjust, Selection, SelectionKind,
    TypeAndValue,
};
pub use object::{Builtin, FuncInfo, Initializer, ObjId, ObjKind, Object, Package, PkgId, VarKind};
pub use ty::{BasicKind, Interface, Named, Signature, StructField, Type, TypeId, TypeParam, Types};

use crate::library as lib;
use crate::syntax::ast::{Ast, Decl, ExprKind, FileId, Name, Spec};
use crate::syntax::{literal, parse_file, parser, LineTable, ParseError, Pos};
use crate::{Diag, Diagnostics, Stage};

/// A checked program: the user's package and the library packages it imports, with one
/// [`Info`].
pub struct Checked {
    pub ast: Ast,
    pub types: Types,
    pub objs: Vec<Object>,
    pub info: Info,
    /// Dependency order: every package comes after the packages it imports; `main` is last.
    pub packages: Vec<Package>,
    pub main: PkgId,
    /// From a `//go:build go1.N` line or `// go 1.N` comment of the user's file (loop
    /// variables are per-iteration from Go 1.22 on; `None` means the current Go).
    pub go_version: Option<(u32, u32)>,
}

impl Checked {
    /// The user's file as messages and tracebacks name it: the name it was given, or for a
    /// program of tests its test file's (`prog_test.go`, see [`testmain`]).
    pub fn file_name(&self) -> &str {
        &self.ast.files[0].name
    }

    pub fn obj(&self, o: ObjId) -> &Object {
        &self.objs[o.0 as usize]
    }

    pub fn name(&self, n: Name) -> &str {
        self.ast.names.get(n)
    }

    pub fn package(&self, p: PkgId) -> &Package {
        &self.packages[p.0 as usize]
    }

    /// The line table of the user's file.
    pub fn lines(&self) -> &LineTable {
        self.ast.files[0].lines()
    }

    /// The file, line and column of a position.
    pub fn position(&self, pos: Pos) -> (FileId, u32, u32) {
        self.ast.position(pos)
    }

    /// A type as Go prints it, qualified by package unless it is `main`'s.
    pub fn type_string(&self, t: TypeId) -> String {
        self.type_fmt(None).type_string(t)
    }

    /// A type as vet's messages print it: qualified by package path, `main`'s by
    /// `main_path` (`command-line-arguments.T`).
    pub fn type_string_by_path(&self, t: TypeId, main_path: &str) -> String {
        self.type_fmt(Some(main_path)).type_string(t)
    }

    fn type_fmt<'a>(&'a self, current_path: Option<&'a str>) -> format::TypeFmt<'a> {
        format::TypeFmt {
            types: &self.types,
            objs: &self.objs,
            names: &self.ast.names,
            pkgs: &self.packages,
            current: Some(self.main),
            current_path,
        }
    }

    /// The name a native function is bound by: `strings.ToUpper` for a function,
    /// `sync.WaitGroup.Add` for a method (whatever its receiver's pointerness).
    pub fn qualified_name(&self, f: ObjId) -> String {
        self.qualified_name_with(&self.types, f)
    }

    /// [`Checked::qualified_name`] with the type table `types` (the compiler owns it while
    /// it compiles).
    pub fn qualified_name_with(&self, types: &Types, f: ObjId) -> String {
        let obj = self.obj(f);
        let pkg = obj
            .pkg
            .map_or("", |p| self.packages[p.0 as usize].path.as_str());
        let name = self.name(obj.name);
        match obj.func().and_then(|fi| fi.recv_base) {
            Some(base) => {
                let tname = types
                    .named(base)
                    .map_or("?", |n| self.name(self.obj(n.obj).name));
                format!("{pkg}.{tname}.{name}")
            }
            None => format!("{pkg}.{name}"),
        }
    }

    /// Field and method lookup as the user's package sees it (for the methods of dynamic
    /// types, and of type arguments in generic code).
    pub fn lookup_ctx(&self) -> lookup::LookupCtx<'_> {
        lookup::LookupCtx {
            types: &self.types,
            objs: &self.objs,
            names: &self.ast.names,
            pkg: self.main,
        }
    }

    /// The user's `main` function.
    pub fn main_func(&self) -> Option<ObjId> {
        let main = self.package(self.main);
        main.scope.get(&Name::MAIN).copied()
    }
}

/// Parses and checks a program. `file_name` is the name messages use (`prog.go`).
pub fn check_program(source: &str, file_name: &str) -> Result<Checked, Diagnostics> {
    check(source, file_name, false)
}

/// Like [`check_program`], but checks every declaration of the imported library packages,
/// not only what the program uses (for testing the library).
pub fn check_program_with_full_libraries(
    source: &str,
    file_name: &str,
) -> Result<Checked, Diagnostics> {
    check(source, file_name, true)
}

fn check(source: &str, file_name: &str, full_libraries: bool) -> Result<Checked, Diagnostics> {
    let mut ast = Ast::default();
    let mut perrs: Vec<ParseError> = Vec::new();
    let user = parse_file(&mut ast, file_name, Rc::from(source), &mut perrs);
    let mut diags = Diagnostics {
        file_name: file_name.to_string(),
        ..Default::default()
    };
    let to_diag = |ast: &Ast, pos: Pos, msg: String| {
        let (f, line, col) = ast.position(pos);
        let msg = if f.0 == 0 {
            msg
        } else {
            format!("[{}:{line}:{col}] {msg}", ast.file(f).name)
        };
        let (line, col) = if f.0 == 0 { (line, col) } else { (0, 0) };
        Diag { line, col, msg }
    };
    if user.is_none() || perrs.iter().any(ParseError::stops_checking) {
        diags.errors = perrs
            .into_iter()
            .map(|e| to_diag(&ast, e.pos, e.msg))
            .collect();
        return Err(diags);
    }
    // A program of tests runs as `go test` runs it: its file is a test file, and a generated
    // file of the package holds the main function.
    let mut main_files = vec![FileId(0)];
    let mut file_name = file_name.to_string();
    if let Some(tests) = testmain::find(&ast, FileId(0)) {
        file_name = testmain::test_file_name(&file_name);
        ast.files[0].name = file_name.clone();
        diags.file_name = file_name.clone();
        let src = Rc::from(testmain::source(&tests));
        main_files.extend(parse_file(
            &mut ast,
            testmain::TESTMAIN_FILE,
            src,
            &mut perrs,
        ));
    }
    if main_files.len() == 1 && ast.ident(ast.file(FileId(0)).package) != Some(Name::MAIN) {
        // `go run` runs a main package (`go test` tests any).
        diags.stage = Stage::Load;
        diags.errors = vec![Diag {
            line: 1,
            col: 1,
            msg: "package command-line-arguments is not a main package".into(),
        }];
        return Err(diags);
    }
    // Load the imported library packages, depth first: a package's imports come first.
    let mut order: Vec<(&'static str, FileId)> = Vec::new();
    let mut unsupported = Vec::new();
    let mut visiting: Vec<&'static str> = Vec::new();
    let main_imports: Vec<_> = main_files.iter().flat_map(|&f| imports(&ast, f)).collect();
    for (path, pos) in main_imports {
        match lib::find(&path) {
            Some(p) if !lib::is_internal(p.path) => load(
                &mut ast,
                p,
                !full_libraries,
                &mut order,
                &mut visiting,
                &mut perrs,
            ),
            _ => unsupported.push((pos, path)),
        }
    }
    if !unsupported.is_empty() {
        for (pos, path) in unsupported {
            let msg = if lib::is_internal(&path) {
                format!("use of internal package {path} not allowed")
            } else {
                format!(
                    "package {path} is not supported by chanlab (supported: {})",
                    lib::supported_list()
                )
            };
            diags.errors.push(to_diag(&ast, pos, msg));
        }
        diags
            .errors
            .extend(perrs.into_iter().map(|e| to_diag(&ast, e.pos, e.msg)));
        return Err(diags);
    }
    ast.names.intern(".");
    for b in object::Builtin::UNSAFE {
        ast.names.intern(b.name());
    }
    let mut types = Types::new();
    let mut objs = Vec::new();
    let (universe, uids) = universe::build(&mut ast.names, &mut types, &mut objs);
    let mut checker = check::Checker::new(&ast, types, objs, universe, uids, file_name.clone());
    checker.lazy_libraries = !full_libraries;
    for &(path, file) in &order {
        let name = ast.ident(ast.file(file).package).unwrap_or(Name::BLANK);
        checker
            .pkgs
            .push(new_package(path.to_string(), name, file, true));
        checker.pkg = PkgId(checker.pkgs.len() as u32 - 1);
        checker.check_package();
        if path == "unsafe" {
            checker.declare_unsafe();
        }
    }
    let main_name = ast.ident(ast.file(FileId(0)).package).unwrap_or(Name::MAIN);
    let mut main_package = new_package("main".to_string(), main_name, FileId(0), false);
    main_package.files = main_files;
    checker.pkgs.push(main_package);
    let main = PkgId(checker.pkgs.len() as u32 - 1);
    checker.pkg = main;
    checker.check_package();
    checker.queue_library_roots();
    // Library bodies are parsed as the program reaches them: the checker lets go of the
    // Ast while the bodies it set aside are parsed into it.
    let empty = Ast::default();
    loop {
        checker.check_queued_bodies();
        let unparsed = std::mem::take(&mut checker.unparsed);
        if unparsed.is_empty() {
            break;
        }
        let parked = checker.rebind(&empty);
        for &f in &unparsed {
            if let Some(d) = parked.func_decl_of(f) {
                parser::parse_body(&mut ast, d, &mut perrs);
            }
        }
        checker = parked.rebind(&ast);
        checker.lazy_queue.extend(unparsed);
    }
    checker.finish_libraries();
    let no_main = main_name == Name::MAIN
        && !checker.pkgs[main.0 as usize]
            .scope
            .contains_key(&Name::MAIN);
    let errors = std::mem::take(&mut checker.errors);
    let check::Checker {
        types,
        objs,
        info,
        pkgs,
        ..
    } = checker;
    for e in perrs {
        diags.errors.push(to_diag(&ast, e.pos, e.msg));
    }
    for e in errors {
        diags.errors.push(to_diag(&ast, e.pos, e.msg));
    }
    if diags.errors.is_empty() && no_main {
        // The linker's error, once the package compiles.
        diags.stage = Stage::Link;
        diags.errors.push(Diag {
            line: 1,
            col: 1,
            msg: "runtime.main_main·f: function main is undeclared in the main package".into(),
        });
    }
    if !diags.errors.is_empty() {
        return Err(diags);
    }
    let go_version = ast.files[0].go_version;
    Ok(Checked {
        ast,
        types,
        objs,
        info,
        packages: pkgs,
        main,
        go_version,
    })
}

fn new_package(path: String, name: Name, file: FileId, library: bool) -> Package {
    Package {
        path,
        name,
        files: vec![file],
        scope: Default::default(),
        imports: Vec::new(),
        library,
        globals: Vec::new(),
        funcs: Vec::new(),
        inits: Vec::new(),
        init_order: Vec::new(),
    }
}

/// The import paths of a file with the position of each path.
fn imports(ast: &Ast, file: FileId) -> Vec<(String, Pos)> {
    let mut out = Vec::new();
    for &d in ast.list(ast.file(file).decls) {
        if let Decl::Gen { specs, .. } = ast.decl(d) {
            for spec in ast.list(*specs) {
                if let Spec::Import { path, .. } = spec {
                    let text = ast.lit_text(*path);
                    // A path the scanner rejected (`"fmt` with no closing quote) is reported.
                    let bad = matches!(ast.expr(*path).kind, ExprKind::BasicLit { bad: true, .. });
                    if text.is_empty() || bad {
                        continue;
                    }
                    let p = String::from_utf8_lossy(&literal::string_value(text)).to_string();
                    out.push((p, ast.expr(*path).pos));
                }
            }
        }
    }
    out
}

/// Parses a library package and, first, the packages it imports.
fn load(
    ast: &mut Ast,
    p: &'static lib::LibPackage,
    lazy_bodies: bool,
    order: &mut Vec<(&'static str, FileId)>,
    visiting: &mut Vec<&'static str>,
    errors: &mut Vec<ParseError>,
) {
    if order.iter().any(|(path, _)| *path == p.path) || visiting.contains(&p.path) {
        return;
    }
    visiting.push(p.path);
    let parse = if lazy_bodies {
        parser::parse_library_file
    } else {
        parse_file
    };
    let Some(file) = parse(ast, p.file, Rc::from(p.source), errors) else {
        return;
    };
    for (path, _) in imports(ast, file) {
        if let Some(dep) = lib::find(&path) {
            load(ast, dep, lazy_bodies, order, visiting, errors);
        }
    }
    visiting.pop();
    order.push((p.path, file));
}

#[cfg(test)]
mod tests;
