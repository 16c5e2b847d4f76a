//! The parser: tokens to the [`Ast`], a recursive descent that follows gc's
//! `syntax/parser.go` production by production, so that a broken program gets gc's
//! `syntax error: unexpected X, expected Y` messages at gc's positions.
//!
//! - `mod.rs`: the parser's state, error reporting and recovery (`advance`), lists, files
//!   and declarations;
//! - `expr.rs`: expressions; `types.rs`: types; `params.rs`: parameter lists;
//! - `stmt.rs`: statements.
//!
//! Errors are gc's: a message starting with `syntax error` stops the compilation after
//! parsing (and only the first one on a line is kept); the others (lexical errors, "method
//! has no receiver"…) are reported beside the checker's.
//!
//! # Invariants
//! - `tok` (in the scanner) is the current, not yet consumed token.
//! - `fnest` counts enclosing function bodies (recovery may then stop at statement
//!   keywords); `xnest` is negative inside an `if`/`for`/`switch` header, where `{` cannot
//!   start a composite literal of a plain type name.
//! - Lists are built on `scratch` (a stack): an element is pushed only after its own
//!   sub-lists were moved to the Ast, so `scratch[mark..]` is always the current list.

mod expr;
mod params;
mod stmt;
mod types;

use std::rc::Rc;

use super::ast::{Ast, Decl, DeclId, ExprId, ExprKind, Field, File, FileId, GenKind, List, Spec};
use super::scanner::Scanner;
use super::token::{LitKind, Pos, Tok};

/// Keywords that start a statement: recovery inside a function body stops at them.
const STOPSET: u64 = Tok::Break.bit()
    | Tok::Const.bit()
    | Tok::Continue.bit()
    | Tok::Defer.bit()
    | Tok::Fallthrough.bit()
    | Tok::For.bit()
    | Tok::Go.bit()
    | Tok::Goto.bit()
    | Tok::If.bit()
    | Tok::Return.bit()
    | Tok::Select.bit()
    | Tok::Switch.bit()
    | Tok::Type.bit()
    | Tok::Var.bit();

/// An error found while parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub pos: Pos,
    pub msg: String,
}

impl ParseError {
    /// gc stops before type checking if any error is a syntax error.
    pub fn is_syntax(&self) -> bool {
        self.msg.starts_with("syntax error")
    }

    /// Whether checking must stop here: a syntax error, or the rest of the file was
    /// skipped (too deeply nested).
    pub fn stops_checking(&self) -> bool {
        self.is_syntax() || self.msg.starts_with(TOO_DEEP)
    }
}

/// The start of the message for code nested beyond [`MAX_NESTING`].
const TOO_DEEP: &str = "chanlab cannot handle code nested";

/// Parses one file into `ast`, appending its errors to `errors`. The file's base is placed
/// after the files already in `ast`. Returns `None` if the package clause is missing or
/// broken (gc gives up on such a file).
pub fn parse_file(
    ast: &mut Ast,
    name: &str,
    src: Rc<str>,
    errors: &mut Vec<ParseError>,
) -> Option<FileId> {
    parse(ast, name, src, errors, false)
}

/// Like [`parse_file`], for a library file: function bodies are skipped, each parsed by
/// [`parse_body`] when the program uses its function (most of a library is not used by
/// a program, and parsing it would be most of a compile).
pub fn parse_library_file(
    ast: &mut Ast,
    name: &str,
    src: Rc<str>,
    errors: &mut Vec<ParseError>,
) -> Option<FileId> {
    parse(ast, name, src, errors, true)
}

/// Parses the body of a function declaration that [`parse_library_file`] skipped; nothing
/// for a declaration whose body is parsed or that has none.
pub fn parse_body(ast: &mut Ast, decl: DeclId, errors: &mut Vec<ParseError>) {
    let Decl::Func(f) = *ast.decl(decl) else {
        return;
    };
    let Some(lbrace) = f.unparsed_body else {
        return;
    };
    let file = ast.file(ast.file_of(lbrace));
    let (src, base) = (file.src.clone(), file.base);
    let mut p = Parser::new(Scanner::at(src, base, (lbrace - base) as usize), ast, false);
    p.next();
    let body = p.func_body();
    errors.append(&mut p.errors);
    ast.decls[decl.0 as usize] = Decl::Func(super::ast::FuncDecl {
        body: Some(body),
        unparsed_body: None,
        ..f
    });
}

fn parse(
    ast: &mut Ast,
    name: &str,
    src: Rc<str>,
    errors: &mut Vec<ParseError>,
    lazy_bodies: bool,
) -> Option<FileId> {
    let base = ast
        .files
        .last()
        .map_or(0, |f| f.base + f.src.len() as Pos + 1);
    // The file is registered first, so that messages can quote its text while it is parsed.
    let bad = ast.add_expr(base, ExprKind::Bad);
    ast.files
        .push(File::new(name.to_string(), base, src.clone(), bad));
    let file_id = FileId(ast.files.len() as u32 - 1);
    let mut p = Parser::new(Scanner::new(src, base), ast, lazy_bodies);
    p.next();
    let result = p.file();
    let go_version = p.s.go_version;
    let mut errs = std::mem::take(&mut p.errors);
    drop(p);
    if errs.iter().filter(|e| e.is_syntax()).count() > 1 {
        // gc keeps one syntax error per line: the first one reported.
        let lines = ast.files[file_id.0 as usize].lines();
        let mut last_line = None;
        errs.retain(|e| {
            if !e.is_syntax() {
                return true;
            }
            let line = lines.line(e.pos - base);
            if last_line == Some(line) {
                return false;
            }
            last_line = Some(line);
            true
        });
    }
    errors.extend(errs);
    let (package, decls) = result?;
    let file = &mut ast.files[file_id.0 as usize];
    file.package = package;
    file.decls = decls;
    file.go_version = go_version;
    Some(file_id)
}

/// How deeply expressions, statements and types may nest (a chain of binary operators counts
/// one level per operator): the checker and the compiler recurse on the tree, and must stay
/// within a small stack (WebAssembly's).
pub const MAX_NESTING: u32 = 200;

/// How long a chain of `else if`s may be: each nests in the one before it, as Go's own test
/// programs' 256 (`fixedbugs/issue2615.go`) do, but a level of it takes less of the stack than
/// one of [`MAX_NESTING`].
pub const MAX_ELSE_IFS: u32 = 500;

pub(super) struct Parser<'a> {
    s: Scanner,
    ast: &'a mut Ast,
    errors: Vec<ParseError>,
    fnest: i32,
    xnest: i32,
    /// The current nesting depth (see [`MAX_NESTING`]).
    depth: u32,
    /// The nesting limit was exceeded (and reported).
    too_deep: bool,
    /// The `else if`s of the chain being parsed (see [`MAX_ELSE_IFS`]).
    else_ifs: u32,
    scratch: Vec<ExprId>,
    stmt_scratch: Vec<super::ast::StmtId>,
    /// Function bodies are skipped, to be parsed when used (a library file).
    lazy_bodies: bool,
}

impl<'a> Parser<'a> {
    fn new(s: Scanner, ast: &'a mut Ast, lazy_bodies: bool) -> Self {
        Parser {
            s,
            ast,
            errors: Vec::new(),
            fnest: 0,
            xnest: 0,
            depth: 0,
            too_deep: false,
            else_ifs: 0,
            scratch: Vec::new(),
            stmt_scratch: Vec::new(),
            lazy_bodies,
        }
    }
}

impl Parser<'_> {
    // ---- tokens ----

    fn next(&mut self) {
        self.s.next();
        if !self.s.errors.is_empty() {
            for (pos, msg) in self.s.errors.drain(..) {
                self.errors.push(ParseError { pos, msg });
            }
        }
    }

    fn tok(&self) -> Tok {
        self.s.tok
    }

    /// Enters a nested construct. Beyond [`MAX_NESTING`] levels the rest of the file is
    /// skipped (so the parser unwinds at once) after one error.
    fn enter(&mut self) {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.too_deep(format!("{TOO_DEEP} more than {MAX_NESTING} levels deep"));
        }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Enters the `else if` of a chain. Beyond [`MAX_ELSE_IFS`], as beyond [`MAX_NESTING`].
    fn enter_else_if(&mut self) {
        self.else_ifs += 1;
        if self.else_ifs > MAX_ELSE_IFS {
            self.too_deep(format!("{TOO_DEEP} in more than {MAX_ELSE_IFS} else-ifs"));
        }
    }

    /// Past a nesting limit: the first time, `message` here, and the rest of the file skipped.
    #[cold]
    fn too_deep(&mut self, message: String) {
        if !self.too_deep {
            self.too_deep = true;
            let pos = self.pos();
            self.error_at(pos, message);
            self.s.skip_to_end();
        }
    }

    fn pos(&self) -> Pos {
        self.s.pos
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok() == tok {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.describe()));
            self.advance(&[]);
        }
    }

    /// Like `got(Assign)`, but also accepts `:=` (with an error).
    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn is_op(&self, op: super::token::Op) -> bool {
        self.tok() == Tok::Operator && self.s.op == op
    }

    // ---- errors ----

    fn error_at(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errors.push(ParseError {
            pos,
            msg: msg.into(),
        });
    }

    fn error(&mut self, msg: &str) {
        self.error_at(self.pos(), msg);
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    /// gc's `syntaxErrorAt`: messages starting with "in", "at", "after" or "expected" name
    /// the current token (`unexpected X, expected Y`); others are printed as they are.
    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.tok() == Tok::Eof && !self.errors.is_empty() {
            return; // avoid meaningless follow-up errors
        }
        let msg = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let tok = self.tok_string();
        self.error_at(pos, format!("syntax error: unexpected {tok}{msg}"));
    }

    /// The current token as gc's messages name it.
    fn tok_string(&self) -> String {
        match self.tok() {
            Tok::Name => format!("name {}", self.s.lit()),
            Tok::Semi => self.s.semi_lit.to_string(),
            Tok::Literal => format!("literal {}", self.s.lit()),
            Tok::Operator => self.s.op.text().to_string(),
            Tok::AssignOp => format!("{}=", self.s.op.text()),
            Tok::IncOp => format!("{0}{0}", self.s.op.text()),
            t => t.describe().to_string(),
        }
    }

    /// Skips tokens until one of `follow` (or, inside a function, a statement keyword); with
    /// an empty `follow`, skips exactly one token.
    fn advance(&mut self, follow: &[Tok]) {
        let mut set = Tok::Eof.bit();
        if !follow.is_empty() {
            if self.fnest > 0 {
                set |= STOPSET;
            }
            for t in follow {
                set |= t.bit();
            }
        }
        while set & self.tok().bit() == 0 {
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }

    // ---- lists ----

    /// `[ f { sep f } [sep] ] close`; `f` returns true to end the list. Returns the position
    /// of the closing token.
    fn list(
        &mut self,
        context: &str,
        sep: Tok,
        close: Tok,
        mut f: impl FnMut(&mut Self) -> bool,
    ) -> Pos {
        let mut done = false;
        while self.tok() != Tok::Eof && self.tok() != close && !done {
            done = f(self);
            if !self.got(sep) && self.tok() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    sep.describe(),
                    close.describe()
                ));
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if self.tok() != close {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    /// Moves `scratch[mark..]` into the Ast as one list.
    fn take_list(&mut self, mark: usize) -> List<ExprId> {
        let l = self.ast.push_list(self.scratch[mark..].iter().copied());
        self.scratch.truncate(mark);
        l
    }

    // ---- nodes ----

    fn expr_node(&mut self, pos: Pos, kind: ExprKind) -> ExprId {
        self.ast.add_expr(pos, kind)
    }

    fn bad_expr(&mut self) -> ExprId {
        let pos = self.pos();
        self.expr_node(pos, ExprKind::Bad)
    }

    fn start(&self, e: ExprId) -> Pos {
        self.ast.expr(e).pos
    }

    /// An identifier; `_` (and an error) if the current token is not a name.
    fn name(&mut self) -> ExprId {
        if self.tok() == Tok::Name {
            let n = self.ast.names.intern(self.s.lit());
            let id = self.expr_node(self.pos(), ExprKind::Ident(n));
            self.next();
            return id;
        }
        let id = self.expr_node(self.pos(), ExprKind::Ident(super::ast::Name::BLANK));
        self.syntax_error("expected name");
        self.advance(&[]);
        id
    }

    /// `name { "," name }` onto `scratch`, with `first` already parsed.
    fn name_list(&mut self, first: ExprId) -> List<ExprId> {
        let mark = self.scratch.len();
        self.scratch.push(first);
        while self.got(Tok::Comma) {
            let n = self.name();
            self.scratch.push(n);
        }
        self.take_list(mark)
    }

    /// A literal token, if the current token is one.
    fn oliteral(&mut self) -> Option<(ExprId, bool)> {
        if self.tok() != Tok::Literal {
            return None;
        }
        let end = self.s.lit_end as Pos + (self.pos() - self.s.lit_start as Pos);
        let bad = self.s.bad;
        let id = self.expr_node(
            self.pos(),
            ExprKind::BasicLit {
                kind: self.s.kind,
                end,
                bad,
            },
        );
        self.next();
        Some((id, bad))
    }

    // ---- files and declarations ----

    /// `SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" }`.
    fn file(&mut self) -> Option<(ExprId, List<DeclId>)> {
        self.s.top = false;
        if !self.got(Tok::Package) {
            // `go run` reads the package clause (with go/parser) before the compiler sees the
            // file, so this is the go command's message.
            let found = match self.tok() {
                Tok::Name | Tok::Literal => self.s.lit().to_string(),
                Tok::Semi if self.s.semi_lit == "newline" => "newline".to_string(),
                Tok::Operator | Tok::Star => format!("'{}'", self.s.op.text()),
                Tok::AssignOp => format!("'{}='", self.s.op.text()),
                Tok::IncOp => format!("'{0}{0}'", self.s.op.text()),
                t => format!("'{}'", t.text()),
            };
            let pos = self.pos();
            self.error_at(pos, format!("expected 'package', found {found}"));
            return None;
        }
        let package = self.name();
        self.want(Tok::Semi);
        if !self.errors.is_empty() {
            return None;
        }
        let mut decls: Vec<DeclId> = Vec::new();
        let mut prev = Tok::Import;
        while self.tok() != Tok::Eof {
            if self.tok() == Tok::Import && prev != Tok::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();
            let kind = match self.tok() {
                Tok::Import => Some(GenKind::Import),
                Tok::Const => Some(GenKind::Const),
                Tok::Type => Some(GenKind::Type),
                Tok::Var => Some(GenKind::Var),
                _ => None,
            };
            if let Some(kind) = kind {
                let d = self.gen_decl(kind);
                decls.push(d);
            } else if self.tok() == Tok::Func {
                self.next();
                let d = self.func_decl();
                decls.push(d);
            } else {
                let after_bodiless = decls
                    .last()
                    .is_some_and(|&d| matches!(self.ast.decl(d), Decl::Func(f) if f.is_native()));
                if self.tok() == Tok::Lbrace && after_bodiless {
                    self.syntax_error("unexpected semicolon or newline before {");
                } else {
                    self.syntax_error("non-declaration statement outside function body");
                }
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                continue;
            }
            if self.tok() != Tok::Eof && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
        }
        let decls = self.ast.push_list(decls);
        Some((package, decls))
    }

    /// `kw spec` or `kw ( { spec ";" } )`; the current token is the keyword.
    fn gen_decl(&mut self, kind: GenKind) -> DeclId {
        let pos = self.pos();
        self.next();
        let mut specs = Vec::new();
        if self.tok() == Tok::Lparen {
            self.next();
            let mut iota = 0;
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, |p| {
                let s = p.spec(kind, iota);
                specs.push(s);
                iota += 1;
                false
            });
        } else {
            specs.push(self.spec(kind, 0));
        }
        let specs = self.ast.push_list(specs);
        self.ast.add_decl(Decl::Gen { pos, kind, specs })
    }

    fn spec(&mut self, kind: GenKind, iota: u32) -> Spec {
        match kind {
            GenKind::Import => self.import_spec(),
            GenKind::Const => self.const_spec(iota),
            GenKind::Type => self.type_spec(),
            GenKind::Var => self.var_spec(),
        }
    }

    /// `ImportSpec = [ "." | PackageName ] ImportPath`.
    fn import_spec(&mut self) -> Spec {
        let pos = self.pos();
        let name = match self.tok() {
            Tok::Name => Some(self.name()),
            Tok::Dot => {
                let n = self.ast.names.intern(".");
                let id = self.expr_node(self.pos(), ExprKind::Ident(n));
                self.next();
                Some(id)
            }
            _ => None,
        };
        let path = match self.oliteral() {
            Some((path, bad)) => {
                let is_string = matches!(
                    self.ast.expr(path).kind,
                    ExprKind::BasicLit {
                        kind: LitKind::String,
                        ..
                    }
                );
                if !bad && !is_string {
                    let at = self.start(path);
                    self.syntax_error_at(at, "import path must be a string");
                }
                path
            }
            None => {
                self.syntax_error("missing import path");
                self.advance(&[Tok::Semi, Tok::Rparen]);
                self.bad_expr()
            }
        };
        Spec::Import { pos, name, path }
    }

    /// `ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ]`.
    fn const_spec(&mut self, iota: u32) -> Spec {
        let pos = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = List::default();
        if !matches!(self.tok(), Tok::Eof | Tok::Semi | Tok::Rparen) {
            ty = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        Spec::Value {
            pos,
            names,
            ty,
            values,
            iota,
        }
    }

    /// `VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList )`.
    fn var_spec(&mut self) -> Spec {
        let pos = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = List::default();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            ty = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        Spec::Value {
            pos,
            names,
            ty,
            values,
            iota: 0,
        }
    }

    /// `TypeSpec = identifier [ TypeParams ] [ "=" ] Type`.
    fn type_spec(&mut self) -> Spec {
        let pos = self.pos();
        let name = self.name();
        let mut tparams = List::default();
        let mut alias = false;
        let ty;
        if self.tok() == Tok::Lbrack {
            // An array or slice type, or a type parameter list.
            let lbrack = self.pos();
            self.next();
            match self.tok() {
                Tok::Name => {
                    let mut x = self.name();
                    if self.tok() != Tok::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Tok::Comma;
                    match self.extract_name(x, force) {
                        (Some(pname), ptype) if ptype.is_some() || self.tok() != Tok::Rbrack => {
                            tparams = self.param_list(Some(pname), ptype, Tok::Rbrack, true);
                            alias = self.got_assign();
                            ty = self.type_or_nil();
                        }
                        _ => ty = Some(self.array_type(lbrack, Some(x))),
                    }
                }
                Tok::Rbrack => {
                    self.next();
                    ty = Some(self.slice_type(lbrack));
                }
                _ => ty = Some(self.array_type(lbrack, None)),
            }
        } else {
            alias = self.got_assign();
            ty = self.type_or_nil();
        }
        let ty = match ty {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Tok::Semi, Tok::Rparen]);
                b
            }
        };
        Spec::Type {
            pos,
            name,
            tparams,
            alias,
            ty,
        }
    }

    /// `FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature )` or a
    /// `MethodDecl`; `func` has been consumed.
    fn func_decl(&mut self) -> DeclId {
        let pos = self.pos();
        let mut recv = List::default();
        let mut context = "";
        if self.got(Tok::Lparen) {
            context = "method";
            let r = self.param_list(None, None, Tok::Rparen, false);
            match r.len() {
                0 => self.error("method has no receiver"),
                1 => {}
                _ => self.error("method has multiple receivers"),
            }
            recv = r;
        }
        let (name, tparams, ty);
        if self.tok() == Tok::Name {
            name = self.name();
            (tparams, ty) = self.func_type(context, pos);
        } else {
            name = self.expr_node(self.pos(), ExprKind::Ident(super::ast::Name::BLANK));
            let p = self.pos();
            ty = self.expr_node(
                p,
                ExprKind::FuncType {
                    params: List::default(),
                    results: List::default(),
                },
            );
            tparams = List::default();
            self.syntax_error(if context.is_empty() {
                "expected name or ("
            } else {
                "expected name"
            });
            self.advance(&[Tok::Lbrace, Tok::Semi]);
        }
        let (mut body, mut unparsed_body) = (None, None);
        if self.tok() == Tok::Lbrace {
            let lbrace = self.pos();
            if self.lazy_bodies && self.s.skip_block() {
                unparsed_body = Some(lbrace);
                self.next();
            } else {
                body = Some(self.func_body());
            }
        }
        self.ast.add_decl(Decl::Func(super::ast::FuncDecl {
            pos,
            recv,
            name,
            tparams,
            ty,
            body,
            unparsed_body,
        }))
    }

    fn func_body(&mut self) -> super::ast::StmtId {
        self.fnest += 1;
        let body = self.block_stmt("");
        self.fnest -= 1;
        body
    }

    /// Builds fields from parsed (name, type) pairs, grouping consecutive names that share
    /// one type expression (`a, b int`) into one [`Field`].
    fn group_fields(&mut self, items: Vec<(Pos, Option<ExprId>, ExprId)>) -> List<Field> {
        let mut fields: Vec<Field> = Vec::with_capacity(items.len());
        let mut i = 0;
        while i < items.len() {
            let (pos, name, ty) = items[i];
            let mut j = i + 1;
            if name.is_some() {
                while j < items.len() && items[j].1.is_some() && items[j].2 == ty {
                    j += 1;
                }
            }
            let names = self.ast.push_list(items[i..j].iter().filter_map(|it| it.1));
            fields.push(Field {
                pos,
                names,
                ty,
                tag: None,
            });
            i = j;
        }
        self.ast.push_list(fields)
    }
}

#[cfg(test)]
mod tests;
