//! The abstract syntax tree, modelled on go/ast and stored in arenas.
//!
//! Every node lives in a vector of the [`Ast`] and is named by a dense index: expressions by
//! [`ExprId`], statements by [`StmtId`], declarations by [`DeclId`]. A node's children are
//! ids, and its lists (arguments, statements, fields…) are [`List`]s: a range of one of the
//! Ast's pools, read with [`Ast::list`]. So building a tree allocates only when a vector
//! grows, and the checker's results ([`crate::types::Info`]) are vectors indexed by
//! the same ids.
//!
//! One Ast holds every file of a program: the user's file first (`FileId(0)`, base 0) and
//! then the library files the program imports. Positions ([`Pos`]) are byte offsets into that
//! shared source space; [`Ast::position`] turns one into a file and `line:col`.
//!
//! Identifiers are expressions ([`ExprKind::Ident`]) wherever they appear, also where they
//! declare something (variable names, function names, parameters, field names, labels), so
//! the checker records the object each one defines or uses by `ExprId`.
//!
//! # Invariants
//! - Every id stored in a node is a valid index into the Ast's vectors.
//! - A node's `pos` is the position of its first byte (go/ast's `Pos()`); nodes keep the
//!   other positions that messages need (`op_pos`, `rparen`, `rbrace`…) as fields.
//! - Parentheses are kept ([`ExprKind::Paren`]), as gc keeps them for its messages.
//! - The [`Names`] table is shared by all files, so equal spellings are equal [`Name`]s.

mod print;

use std::marker::PhantomData;

use super::lines::LineTable;
use super::token::{LitKind, Op, Pos};

/// An expression (or type expression, or identifier).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExprId(pub u32);

/// A statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StmtId(pub u32);

/// A top-level or local declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeclId(pub u32);

/// A file of the program: 0 is the user's file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// An interned identifier spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(pub u32);

impl Name {
    /// `_`.
    pub const BLANK: Name = Name(0);
    pub const INIT: Name = Name(1);
    pub const MAIN: Name = Name(2);
    pub const IOTA: Name = Name(3);
}

/// Interned spellings; see [`Name`]. The spellings live in one buffer.
#[derive(Clone, Debug)]
pub struct Names {
    buf: String,
    spans: Vec<(u32, u32)>,
    hashes: Vec<u64>,
    table: crate::fxhash::IndexTable,
}

impl Default for Names {
    fn default() -> Self {
        let mut n = Names {
            buf: String::with_capacity(4096),
            spans: Vec::with_capacity(512),
            hashes: Vec::with_capacity(512),
            table: Default::default(),
        };
        for s in ["_", "init", "main", "iota"] {
            n.intern(s);
        }
        n
    }
}

impl Names {
    pub fn intern(&mut self, s: &str) -> Name {
        let h = crate::fxhash::hash_of(s);
        if let Some(i) = self.lookup_hashed(h, s) {
            return i;
        }
        let n = Name(self.spans.len() as u32);
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        self.spans.push((start, s.len() as u32));
        self.hashes.push(h);
        let hashes = &self.hashes;
        self.table.insert(h, n.0, |i| hashes[i as usize]);
        n
    }

    fn lookup_hashed(&self, h: u64, s: &str) -> Option<Name> {
        // Compared as bytes: slicing the text as a `str` would check character boundaries.
        let (buf, s) = (self.buf.as_bytes(), s.as_bytes());
        self.table
            .find(h, |i| {
                let (start, len) = self.spans[i as usize];
                buf.get(start as usize..(start + len) as usize) == Some(s)
            })
            .map(Name)
    }

    /// The name spelled `s`, if any file or the checker has interned it.
    pub fn lookup(&self, s: &str) -> Option<Name> {
        self.lookup_hashed(crate::fxhash::hash_of(s), s)
    }

    pub fn get(&self, n: Name) -> &str {
        let (start, len) = self.spans[n.0 as usize];
        &self.buf[start as usize..(start + len) as usize]
    }
}

/// A range of one of the Ast's pools (see [`Ast::list`]).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct List<T> {
    pub start: u32,
    pub len: u32,
    _t: PhantomData<fn() -> T>,
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for List<T> {}
impl<T> Default for List<T> {
    fn default() -> Self {
        List::new(0, 0)
    }
}

impl<T> List<T> {
    pub fn new(start: u32, len: u32) -> Self {
        List {
            start,
            len,
            _t: PhantomData,
        }
    }
    pub fn len(&self) -> usize {
        self.len as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Types stored in a pool of the Ast.
pub trait Pooled: Sized {
    fn pool(ast: &Ast) -> &Vec<Self>;
    fn pool_mut(ast: &mut Ast) -> &mut Vec<Self>;
}

macro_rules! pooled {
    ($t:ty, $f:ident) => {
        impl Pooled for $t {
            fn pool(ast: &Ast) -> &Vec<Self> {
                &ast.$f
            }
            fn pool_mut(ast: &mut Ast) -> &mut Vec<Self> {
                &mut ast.$f
            }
        }
    };
}
pooled!(ExprId, expr_pool);
pooled!(StmtId, stmt_pool);
pooled!(DeclId, decl_pool);
pooled!(Field, field_pool);
pooled!(Spec, spec_pool);

/// A channel type's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    /// `chan<- T`.
    Send,
    /// `<-chan T`.
    Recv,
}

/// An expression node.
#[derive(Clone, Copy, Debug)]
pub struct Expr {
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Copy, Debug)]
pub enum ExprKind {
    /// A syntax error was reported here.
    Bad,
    Ident(Name),
    /// The literal's text is the source from `pos` to `end`; see [`Ast::text`] and
    /// [`super::literal`].
    /// `bad`: the scanner reported an error in it (the checker treats it as invalid).
    BasicLit {
        kind: LitKind,
        end: Pos,
        bad: bool,
    },
    /// `T{elts}`; `ty` is `None` for an elided type inside another literal (`{1, 2}`).
    /// Keyed elements are [`ExprKind::KeyValue`].
    CompositeLit {
        ty: Option<ExprId>,
        elts: List<ExprId>,
        lbrace: Pos,
        rbrace: Pos,
    },
    /// `key: value` in a composite literal; `colon` is where gc reports errors about it.
    KeyValue {
        key: ExprId,
        value: ExprId,
        colon: Pos,
    },
    /// `func(...) ... { body }`: `ty` is a [`ExprKind::FuncType`], `body` a block.
    FuncLit {
        ty: ExprId,
        body: StmtId,
    },
    Paren(ExprId),
    /// `x.sel`: a field, a method, a package member (`fmt.Println`), or a method expression
    /// (`T.M`); the checker's `Selection` says which. `sel` is an [`ExprKind::Ident`].
    Selector {
        x: ExprId,
        sel: ExprId,
    },
    /// `x[i]`, or `f[T1, T2]` (a generic instantiation, with several indices).
    Index {
        x: ExprId,
        indices: List<ExprId>,
        lbrack: Pos,
        rbrack: Pos,
    },
    /// `x[lo:hi]`, or `x[lo:hi:max]` when `max` is present (a 3-index slice always has
    /// `hi` and `max`, possibly [`ExprKind::Bad`] after a syntax error).
    Slice {
        x: ExprId,
        lo: Option<ExprId>,
        hi: Option<ExprId>,
        max: Option<ExprId>,
        lbrack: Pos,
        rbrack: Pos,
    },
    /// `x.(T)`; `ty` is `None` for the `x.(type)` of a type switch.
    TypeAssert {
        x: ExprId,
        ty: Option<ExprId>,
    },
    /// `fun(args)`, `fun(args...)` (`dots`): a call, a conversion `T(x)` or a builtin call;
    /// the checker's `CallKind` says which.
    Call {
        fun: ExprId,
        args: List<ExprId>,
        dots: bool,
        lparen: Pos,
        rparen: Pos,
    },
    /// `*x`: a dereference or a pointer type.
    Star(ExprId),
    /// `!x`, `-x`, `+x`, `^x`, `&x`, `<-x`, and `~T` in constraints.
    Unary {
        op: Op,
        x: ExprId,
    },
    Binary {
        op: Op,
        x: ExprId,
        y: ExprId,
        op_pos: Pos,
    },
    /// `[len]elem`; `len` is `None` for `[...]elem`.
    ArrayType {
        len: Option<ExprId>,
        elem: ExprId,
    },
    SliceType {
        elem: ExprId,
    },
    StructType {
        fields: List<Field>,
    },
    /// A signature. Type parameters are on the declaration ([`FuncDecl::tparams`]).
    FuncType {
        params: List<Field>,
        results: List<Field>,
    },
    /// Methods (a [`Field`] with one name and a `FuncType`) and embedded elements (a field
    /// without names: an interface, or a union `A | ~B` of [`ExprKind::Binary`] `|` and
    /// [`ExprKind::Unary`] `~`).
    InterfaceType {
        elems: List<Field>,
    },
    MapType {
        key: ExprId,
        value: ExprId,
    },
    ChanType {
        dir: ChanDir,
        elem: ExprId,
    },
    /// `...T`, the type of a variadic parameter.
    Ellipsis {
        elem: ExprId,
    },
}

/// A parameter, result, struct field, interface element or type parameter: names (none for
/// an unnamed parameter or an embedded field) sharing one type.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub pos: Pos,
    /// Identifiers.
    pub names: List<ExprId>,
    pub ty: ExprId,
    /// A struct field's tag (a string literal); tags have no meaning to the checker.
    pub tag: Option<ExprId>,
}

/// A statement node.
#[derive(Clone, Copy, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

/// `=`, `:=` or `op=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Define,
    Op(Op),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

impl BranchKind {
    pub fn text(self) -> &'static str {
        match self {
            BranchKind::Break => "break",
            BranchKind::Continue => "continue",
            BranchKind::Goto => "goto",
            BranchKind::Fallthrough => "fallthrough",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub enum StmtKind {
    Bad,
    Empty,
    /// A `const`, `var` or `type` declaration inside a function.
    Decl(DeclId),
    /// `label: stmt`; `label` is an identifier.
    Labeled {
        label: ExprId,
        stmt: StmtId,
    },
    Expr(ExprId),
    /// `ch <- value`.
    Send {
        ch: ExprId,
        value: ExprId,
        arrow: Pos,
    },
    /// `x++` / `x--`.
    IncDec {
        x: ExprId,
        inc: bool,
        op_pos: Pos,
    },
    Assign {
        lhs: List<ExprId>,
        rhs: List<ExprId>,
        op: AssignOp,
        op_pos: Pos,
    },
    /// `go call`.
    Go(ExprId),
    /// `defer call`.
    Defer(ExprId),
    Return(List<ExprId>),
    Branch {
        kind: BranchKind,
        label: Option<ExprId>,
    },
    Block {
        stmts: List<StmtId>,
        rbrace: Pos,
    },
    /// `else` is a block or another `If`.
    If {
        init: Option<StmtId>,
        cond: ExprId,
        then: StmtId,
        els: Option<StmtId>,
    },
    /// An expression switch; its clauses are [`StmtKind::Case`].
    Switch {
        init: Option<StmtId>,
        tag: Option<ExprId>,
        clauses: List<StmtId>,
        rbrace: Pos,
    },
    /// `switch [bind :=] x.(type)`: `guard` is the `TypeAssert` with `ty: None`; its clauses
    /// are [`StmtKind::Case`] whose expressions are types (or `nil`).
    TypeSwitch {
        init: Option<StmtId>,
        bind: Option<ExprId>,
        guard: ExprId,
        clauses: List<StmtId>,
        rbrace: Pos,
    },
    /// `case exprs:` or `default:` (`is_default`).
    Case {
        exprs: List<ExprId>,
        is_default: bool,
        body: List<StmtId>,
        colon: Pos,
    },
    /// Its clauses are [`StmtKind::Comm`].
    Select {
        clauses: List<StmtId>,
        rbrace: Pos,
    },
    /// `case comm:` (a send, a receive expression statement, or an assignment or `:=` from a
    /// receive) or `default:` (`comm` is `None`).
    Comm {
        comm: Option<StmtId>,
        body: List<StmtId>,
        colon: Pos,
    },
    For {
        init: Option<StmtId>,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: StmtId,
    },
    /// `for key, value := range x` (`define`), `for key, value = range x`, or
    /// `for range x`.
    Range {
        key: Option<ExprId>,
        value: Option<ExprId>,
        define: bool,
        x: ExprId,
        body: StmtId,
    },
}

/// The keyword of a general declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Import,
    Const,
    Var,
    Type,
}

#[derive(Clone, Copy, Debug)]
pub enum Decl {
    /// `import`, `const`, `var` or `type`, grouped in parentheses or not.
    Gen {
        pos: Pos,
        kind: GenKind,
        specs: List<Spec>,
    },
    Func(FuncDecl),
}

#[derive(Clone, Copy, Debug)]
pub struct FuncDecl {
    pub pos: Pos,
    /// The receiver (one field) of a method; empty for a function.
    pub recv: List<Field>,
    pub name: ExprId,
    pub tparams: List<Field>,
    /// An [`ExprKind::FuncType`].
    pub ty: ExprId,
    /// `None` for a declaration without a body (a native library function), and for a
    /// library function whose body is not parsed yet.
    pub body: Option<StmtId>,
    /// The `{` of a library function's body that is parsed only when the program uses the
    /// function ([`crate::syntax::parser::parse_body`]).
    pub unparsed_body: Option<Pos>,
}

impl FuncDecl {
    /// A declaration without a body: a native library function.
    pub fn is_native(&self) -> bool {
        self.body.is_none() && self.unparsed_body.is_none()
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Spec {
    Import {
        pos: Pos,
        /// `name "path"`, `. "path"` (an identifier spelled `.`) or `_ "path"`.
        name: Option<ExprId>,
        /// A string literal.
        path: ExprId,
    },
    /// One line of a `const` or `var` declaration. A `const` line without values repeats the
    /// previous line's type and values (the checker finds them); `iota` is the line's index
    /// in its group.
    Value {
        pos: Pos,
        names: List<ExprId>,
        ty: Option<ExprId>,
        values: List<ExprId>,
        iota: u32,
    },
    Type {
        pos: Pos,
        name: ExprId,
        tparams: List<Field>,
        /// `type A = B`.
        alias: bool,
        ty: ExprId,
    },
}

/// One parsed file.
#[derive(Clone, Debug)]
pub struct File {
    /// As messages name it (`prog.go`, `strings.go`).
    pub name: String,
    /// The position of its first byte.
    pub base: Pos,
    pub src: std::rc::Rc<str>,
    /// Computed on first use (only messages and run-time positions need it).
    lines: std::cell::OnceCell<LineTable>,
    /// The package clause's identifier.
    pub package: ExprId,
    pub decls: List<DeclId>,
    /// From a `//go:build go1.N` line or a `// go 1.N` comment before the package clause.
    pub go_version: Option<(u32, u32)>,
}

impl File {
    pub fn new(name: String, base: Pos, src: std::rc::Rc<str>, package: ExprId) -> Self {
        File {
            name,
            base,
            src,
            lines: Default::default(),
            package,
            decls: List::default(),
            go_version: None,
        }
    }

    /// The file's line table.
    pub fn lines(&self) -> &LineTable {
        self.lines.get_or_init(|| LineTable::new(&self.src))
    }
}

/// All nodes of all files of a program.
#[derive(Clone, Debug, Default)]
pub struct Ast {
    pub exprs: Vec<Expr>,
    pub stmts: Vec<Stmt>,
    pub decls: Vec<Decl>,
    expr_pool: Vec<ExprId>,
    stmt_pool: Vec<StmtId>,
    decl_pool: Vec<DeclId>,
    field_pool: Vec<Field>,
    spec_pool: Vec<Spec>,
    pub names: Names,
    pub files: Vec<File>,
}

impl Ast {
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.0 as usize]
    }

    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.0 as usize]
    }

    pub fn decl(&self, id: DeclId) -> &Decl {
        &self.decls[id.0 as usize]
    }

    pub fn list<T: Pooled>(&self, l: List<T>) -> &[T] {
        &T::pool(self)[l.start as usize..(l.start + l.len) as usize]
    }

    /// Appends `items` to `T`'s pool as one list.
    pub fn push_list<T: Pooled>(&mut self, items: impl IntoIterator<Item = T>) -> List<T> {
        let pool = T::pool_mut(self);
        let start = pool.len();
        pool.extend(items);
        List::new(start as u32, (pool.len() - start) as u32)
    }

    pub fn add_expr(&mut self, pos: Pos, kind: ExprKind) -> ExprId {
        self.exprs.push(Expr { pos, kind });
        ExprId(self.exprs.len() as u32 - 1)
    }

    pub fn add_stmt(&mut self, pos: Pos, kind: StmtKind) -> StmtId {
        self.stmts.push(Stmt { pos, kind });
        StmtId(self.stmts.len() as u32 - 1)
    }

    pub fn add_decl(&mut self, d: Decl) -> DeclId {
        self.decls.push(d);
        DeclId(self.decls.len() as u32 - 1)
    }

    /// The identifier's name, if `e` is one.
    pub fn ident(&self, e: ExprId) -> Option<Name> {
        match self.expr(e).kind {
            ExprKind::Ident(n) => Some(n),
            _ => None,
        }
    }

    /// The identifier's spelling; "_" if `e` is not an identifier.
    pub fn ident_str(&self, e: ExprId) -> &str {
        self.names.get(self.ident(e).unwrap_or(Name::BLANK))
    }

    /// `e` without enclosing parentheses.
    pub fn unparen(&self, mut e: ExprId) -> ExprId {
        while let ExprKind::Paren(x) = self.expr(e).kind {
            e = x;
        }
        e
    }

    /// Where gc reports an error about `e`: its first byte, except that gc counts a slice
    /// expression from its `[` and a keyed element from its `:` (also when they begin a
    /// larger expression, as in `s[1:][0]`).
    pub fn start_pos(&self, e: ExprId) -> Pos {
        self.leftmost(e, true)
    }

    /// Where go/ast says `e` begins (`e.Pos()`), where `go vet` reports about it: its first
    /// byte.
    pub fn first_byte(&self, e: ExprId) -> Pos {
        self.leftmost(e, false)
    }

    /// The first byte of `e`, or (`gc`) gc's position for a slice or keyed element in it.
    fn leftmost(&self, mut e: ExprId, gc: bool) -> Pos {
        loop {
            match self.expr(e).kind {
                ExprKind::Selector { x, .. }
                | ExprKind::Index { x, .. }
                | ExprKind::TypeAssert { x, .. }
                | ExprKind::Binary { x, .. }
                | ExprKind::Call { fun: x, .. }
                | ExprKind::CompositeLit { ty: Some(x), .. } => e = x,
                ExprKind::Slice { lbrack, .. } if gc => return lbrack,
                ExprKind::Slice { x, .. } => e = x,
                ExprKind::KeyValue { colon, .. } if gc => return colon,
                ExprKind::KeyValue { key, .. } => e = key,
                _ => return self.expr(e).pos,
            }
        }
    }

    /// The position gc's parser gives `e` (`x.Pos()` in its syntax tree), where it reports a
    /// go or defer statement that calls nothing: a selector's `.`, an index's or slice's `[`,
    /// a call's `(`, a binary expression's operator; anything else its first byte.
    pub fn node_pos(&self, e: ExprId) -> Pos {
        match self.expr(e).kind {
            ExprKind::Selector { sel, .. } => self.dot_before(self.expr(sel).pos),
            ExprKind::Index { lbrack, .. } | ExprKind::Slice { lbrack, .. } => lbrack,
            ExprKind::Call { lparen, .. } => lparen,
            ExprKind::Binary { op_pos, .. } => op_pos,
            _ => self.expr(e).pos,
        }
    }

    /// The `.` before the name at `pos` (white space may come between them); `pos` itself if
    /// something else does.
    fn dot_before(&self, pos: Pos) -> Pos {
        let file = self.file(self.file_of(pos));
        let text = file.src.as_bytes();
        let mut at = (pos - file.base) as usize;
        while at > 0 && text[at - 1].is_ascii_whitespace() {
            at -= 1;
        }
        match at.checked_sub(1) {
            Some(dot) if text[dot] == b'.' => file.base + dot as Pos,
            _ => pos,
        }
    }

    pub fn file(&self, f: FileId) -> &File {
        &self.files[f.0 as usize]
    }

    /// The file holding `pos`.
    pub fn file_of(&self, pos: Pos) -> FileId {
        let i = self.files.partition_point(|f| f.base <= pos);
        FileId(i.saturating_sub(1) as u32)
    }

    /// The file, line and byte column of `pos`.
    pub fn position(&self, pos: Pos) -> (FileId, u32, u32) {
        let f = self.file_of(pos);
        let file = self.file(f);
        let (line, col) = file.lines().line_col(pos - file.base);
        (f, line, col)
    }

    /// The source text from `start` to `end` (both in one file).
    pub fn text(&self, start: Pos, end: Pos) -> &str {
        let file = self.file(self.file_of(start));
        &file.src[(start - file.base) as usize..(end - file.base) as usize]
    }

    /// The text of a basic literal.
    pub fn lit_text(&self, e: ExprId) -> &str {
        match self.expr(e).kind {
            ExprKind::BasicLit { end, .. } => self.text(self.expr(e).pos, end),
            _ => "",
        }
    }

    /// The expression as gc prints it in messages (`syntax.String`: function bodies and
    /// composite literal elements are shown as `{…}`).
    pub fn expr_string(&self, e: ExprId) -> String {
        self.printed(e, print::Style::Gc)
    }

    /// The expression as go/printer formats it on one line, as vet's messages show it
    /// (composite literals in full; blanks around binary operators where gofmt puts them:
    /// `n + 1`, `a + b*c`).
    pub fn expr_go_string(&self, e: ExprId) -> String {
        self.printed(e, print::Style::GoPrinter)
    }

    fn printed(&self, e: ExprId, style: print::Style) -> String {
        let mut s = String::new();
        print::Printer { ast: self, style }.expr(e, 0, 1, &mut s);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_ranges_of_a_pool() {
        let mut ast = Ast::default();
        let a = ast.add_expr(0, ExprKind::Bad);
        let b = ast.add_expr(1, ExprKind::Bad);
        let l1 = ast.push_list([a, b]);
        let l2 = ast.push_list([b]);
        assert_eq!(ast.list(l1), &[a, b]);
        assert_eq!(ast.list(l2), &[b]);
        assert!(ast.list(List::<ExprId>::default()).is_empty());
    }

    #[test]
    fn names_are_interned_once() {
        let mut n = Names::default();
        assert_eq!(n.intern("_"), Name::BLANK);
        assert_eq!(n.intern("iota"), Name::IOTA);
        let x = n.intern("x");
        assert_eq!(n.intern("x"), x);
        assert_eq!(n.get(x), "x");
        assert_eq!(n.lookup("y"), None);
    }
}
