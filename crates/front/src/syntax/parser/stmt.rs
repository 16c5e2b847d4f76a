//! Statements (gc's `stmtOrNil`, `simpleStmt`, `header`, `ifStmt`, `forStmt`…).

use super::super::ast::{AssignOp, BranchKind, ExprId, ExprKind, GenKind, List, StmtId, StmtKind};
use super::super::token::{Op, Pos, Tok};
use super::Parser;

/// What `simpleStmt` read: a statement, or one of the two forms only a header accepts.
pub(super) enum Simple {
    Stmt(StmtId),
    /// `[lhs (:= | =)] range x`, only after `for`.
    Range {
        pos: Pos,
        lhs: List<ExprId>,
        define: bool,
        x: ExprId,
    },
    /// `bind := x.(type)`, only after `switch`.
    TypeGuard {
        bind: ExprId,
        guard: ExprId,
        op_pos: Pos,
    },
}

/// The condition part of a header.
enum Cond {
    None,
    Expr(ExprId),
    Guard {
        bind: ExprId,
        guard: ExprId,
    },
    Range {
        lhs: List<ExprId>,
        define: bool,
        x: ExprId,
    },
}

impl Parser<'_> {
    fn stmt_node(&mut self, pos: Pos, kind: StmtKind) -> StmtId {
        self.ast.add_stmt(pos, kind)
    }

    /// The statement a header-only form stands for elsewhere.
    fn simple_to_stmt(&mut self, s: Simple) -> StmtId {
        match s {
            Simple::Stmt(s) => s,
            Simple::Range { pos, x, .. } => self.stmt_node(pos, StmtKind::Expr(x)),
            Simple::TypeGuard {
                bind,
                guard,
                op_pos,
            } => {
                let lhs = self.ast.push_list([bind]);
                let rhs = self.ast.push_list([guard]);
                let pos = self.start(bind);
                self.stmt_node(
                    pos,
                    StmtKind::Assign {
                        lhs,
                        rhs,
                        op: AssignOp::Define,
                        op_pos,
                    },
                )
            }
        }
    }

    /// `SimpleStmt`: an expression, send, inc/dec, assignment or short variable declaration;
    /// after `for`, a range clause; after `switch`, a type switch guard. `lhs` is an already
    /// parsed expression list.
    pub(super) fn simple_stmt(
        &mut self,
        lhs: Option<List<ExprId>>,
        keyword: Option<Tok>,
    ) -> Simple {
        if keyword == Some(Tok::For) && self.tok() == Tok::Range {
            return self.range_clause(List::default(), false);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        let first = self.ast.list(lhs)[0];
        let start = self.start(first);
        if lhs.len() == 1 && self.tok() != Tok::Assign && self.tok() != Tok::Define {
            let pos = self.pos();
            let kind = match self.tok() {
                Tok::AssignOp => {
                    let op = self.s.op;
                    self.next();
                    let y = self.expr();
                    let rhs = self.ast.push_list([y]);
                    StmtKind::Assign {
                        lhs,
                        rhs,
                        op: AssignOp::Op(op),
                        op_pos: pos,
                    }
                }
                Tok::IncOp => {
                    let inc = self.s.op == Op::Add;
                    self.next();
                    StmtKind::IncDec {
                        x: first,
                        inc,
                        op_pos: pos,
                    }
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    StmtKind::Send {
                        ch: first,
                        value,
                        arrow: pos,
                    }
                }
                _ => StmtKind::Expr(first),
            };
            return Simple::Stmt(self.stmt_node(start, kind));
        }
        match self.tok() {
            Tok::Assign | Tok::Define => {
                let op_pos = self.pos();
                let define = self.tok() == Tok::Define;
                self.next();
                if keyword == Some(Tok::For) && self.tok() == Tok::Range {
                    return self.range_clause(lhs, define);
                }
                let rhs = self.expr_list();
                if keyword == Some(Tok::Switch) && define && lhs.len() == 1 && rhs.len() == 1 {
                    let r = self.ast.list(rhs)[0];
                    let is_guard =
                        matches!(self.ast.expr(r).kind, ExprKind::TypeAssert { ty: None, .. });
                    if is_guard && matches!(self.ast.expr(first).kind, ExprKind::Ident(_)) {
                        return Simple::TypeGuard {
                            bind: first,
                            guard: r,
                            op_pos,
                        };
                    }
                }
                let op = if define {
                    AssignOp::Define
                } else {
                    AssignOp::Assign
                };
                Simple::Stmt(self.stmt_node(
                    start,
                    StmtKind::Assign {
                        lhs,
                        rhs,
                        op,
                        op_pos,
                    },
                ))
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
                Simple::Stmt(self.stmt_node(start, StmtKind::Expr(first)))
            }
        }
    }

    fn range_clause(&mut self, lhs: List<ExprId>, define: bool) -> Simple {
        let pos = self.pos();
        self.next();
        let x = self.expr();
        Simple::Range {
            pos,
            lhs,
            define,
            x,
        }
    }

    /// `label: stmt`; the current token is the colon.
    fn labeled_stmt(&mut self, label: ExprId) -> Option<StmtId> {
        let colon = self.pos();
        self.want(Tok::Colon);
        let pos = self.start(label);
        if self.tok() == Tok::Rbrace {
            // A label before `}` labels an empty statement.
            let e = self.stmt_node(self.pos(), StmtKind::Empty);
            return Some(self.stmt_node(pos, StmtKind::Labeled { label, stmt: e }));
        }
        if let Some(stmt) = self.stmt_or_nil() {
            return Some(self.stmt_node(pos, StmtKind::Labeled { label, stmt }));
        }
        self.syntax_error_at(colon, "missing statement after label");
        None
    }

    /// `{ StatementList }`; `context` names what the block follows, for the error when `{`
    /// is missing.
    pub(super) fn block_stmt(&mut self, context: &str) -> StmtId {
        let pos = self.pos();
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            let rbrace = self.pos();
            if self.got(Tok::Rbrace) {
                return self.stmt_node(
                    pos,
                    StmtKind::Block {
                        stmts: List::default(),
                        rbrace,
                    },
                );
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        self.stmt_node(pos, StmtKind::Block { stmts, rbrace })
    }

    /// The header of `if`, `for` or `switch`: `[init ;] cond` (and `; post` for `for`).
    fn header(&mut self, keyword: Tok) -> (Option<StmtId>, Cond, Option<StmtId>) {
        self.want(keyword);
        if self.tok() == Tok::Lbrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
                return (None, Cond::Expr(self.bad_expr()), None);
            }
            return (None, Cond::None, None);
        }
        let outer = self.xnest;
        self.xnest = -1;
        let mut init = None;
        if self.tok() != Tok::Semi {
            if self.got(Tok::Var) {
                self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.text()
                ));
            }
            match self.simple_stmt(None, Some(keyword)) {
                Simple::Range { lhs, define, x, .. } => {
                    self.xnest = outer;
                    return (None, Cond::Range { lhs, define, x }, None);
                }
                s => init = Some(s),
            }
        }
        let mut cond_stmt: Option<Simple> = None;
        let mut post = None;
        let mut semi: Option<(Pos, &'static str)> = None;
        if self.tok() != Tok::Lbrace {
            if self.tok() == Tok::Semi {
                semi = Some((self.pos(), self.s.semi_lit));
                self.next();
            } else {
                // Asking for `{` rather than `;` gives the better message.
                self.want(Tok::Lbrace);
                if self.tok() != Tok::Lbrace {
                    self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                }
            }
            if keyword == Tok::For {
                let mut done = false;
                if self.tok() != Tok::Semi {
                    if self.tok() == Tok::Lbrace {
                        self.syntax_error("expected for loop condition");
                        done = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, None));
                    }
                }
                if !done {
                    self.want(Tok::Semi);
                    if self.tok() != Tok::Lbrace {
                        let s = self.simple_stmt(None, None);
                        let s = self.simple_to_stmt(s);
                        if let StmtKind::Assign {
                            op: AssignOp::Define,
                            op_pos,
                            ..
                        } = self.ast.stmt(s).kind
                        {
                            self.syntax_error_at(
                                op_pos,
                                "cannot declare in post statement of for loop",
                            );
                        }
                        post = Some(s);
                    }
                }
            } else if self.tok() != Tok::Lbrace {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword)));
            }
        } else {
            cond_stmt = init.take();
        }
        let init = init.map(|s| self.simple_to_stmt(s));
        let cond = match cond_stmt {
            None => {
                if let (Tok::If, Some((pos, lit))) = (keyword, semi) {
                    if lit != "semicolon" {
                        self.syntax_error_at(
                            pos,
                            &format!("unexpected {lit}, expected {{ after if clause"),
                        );
                    } else {
                        self.syntax_error_at(pos, "missing condition in if statement");
                    }
                    Cond::Expr(self.expr_node(pos, ExprKind::Bad))
                } else {
                    Cond::None
                }
            }
            Some(Simple::TypeGuard { bind, guard, .. }) => Cond::Guard { bind, guard },
            Some(s) => {
                let s = self.simple_to_stmt(s);
                match self.stmt_expr(s) {
                    Some(e) => Cond::Expr(e),
                    None => {
                        let (at, text) = self.stmt_as_value(s);
                        self.syntax_error_at(at, &format!("cannot use {text} as value"));
                        Cond::Expr(self.expr_node(at, ExprKind::Bad))
                    }
                }
            }
        };
        self.xnest = outer;
        (init, cond, post)
    }

    /// gc's position and text of a simple statement used as a condition: an assignment
    /// `a = b` reads "assignment a = b" (binary operands in parentheses).
    fn stmt_as_value(&self, s: StmtId) -> (Pos, String) {
        let list = |l: List<ExprId>| {
            self.ast
                .list(l)
                .iter()
                .map(|&e| self.ast.expr_string(e))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let emphasize = |l: List<ExprId>| {
            let xs = self.ast.list(l);
            let s = list(l);
            if xs.len() == 1 && matches!(self.ast.expr(xs[0]).kind, ExprKind::Binary { .. }) {
                format!("({s})")
            } else {
                s
            }
        };
        match self.ast.stmt(s).kind {
            StmtKind::Assign {
                lhs,
                rhs,
                op,
                op_pos,
            } => {
                let text = match op {
                    AssignOp::Assign => {
                        format!("assignment {} = {}", emphasize(lhs), emphasize(rhs))
                    }
                    AssignOp::Define => format!("{} := {}", list(lhs), list(rhs)),
                    AssignOp::Op(o) => format!("{} {}= {}", list(lhs), o.text(), list(rhs)),
                };
                (op_pos, text)
            }
            StmtKind::IncDec { x, inc, op_pos } => (
                op_pos,
                format!(
                    "{}{}",
                    self.ast.expr_string(x),
                    if inc { "++" } else { "--" }
                ),
            ),
            StmtKind::Send { ch, value, arrow } => (
                arrow,
                format!(
                    "{} <- {}",
                    self.ast.expr_string(ch),
                    self.ast.expr_string(value)
                ),
            ),
            _ => (self.ast.stmt(s).pos, String::new()),
        }
    }

    fn if_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, cond, _) = self.header(Tok::If);
        let cond = match cond {
            Cond::Expr(e) => e,
            _ => self.expr_node(pos, ExprKind::Bad),
        };
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Tok::Else) {
            match self.tok() {
                // An `else if` nests in its `if`, for every pass that walks the tree.
                Tok::If => {
                    self.enter_else_if();
                    els = Some(self.if_stmt());
                    self.else_ifs -= 1;
                }
                Tok::Lbrace => els = Some(self.block_stmt("")),
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
        }
        self.stmt_node(
            pos,
            StmtKind::If {
                init,
                cond,
                then,
                els,
            },
        )
    }

    fn for_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, cond, post) = self.header(Tok::For);
        let body = self.block_stmt("for clause");
        let kind = match cond {
            Cond::Range { lhs, define, x } => {
                let vars = self.ast.list(lhs).to_vec();
                if vars.len() > 2 {
                    let at = self.start(vars[2]);
                    self.error_at(at, "range clause permits at most two iteration variables");
                }
                StmtKind::Range {
                    key: vars.first().copied(),
                    value: vars.get(1).copied(),
                    define,
                    x,
                    body,
                }
            }
            Cond::Expr(e) => StmtKind::For {
                init,
                cond: Some(e),
                post,
                body,
            },
            Cond::Guard { guard, .. } => StmtKind::For {
                init,
                cond: Some(guard),
                post,
                body,
            },
            Cond::None => StmtKind::For {
                init,
                cond: None,
                post,
                body,
            },
        };
        self.stmt_node(pos, kind)
    }

    fn switch_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, cond, _) = self.header(Tok::Switch);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mark = self.stmt_scratch.len();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            let c = self.case_clause();
            self.stmt_scratch.push(c);
        }
        let clauses = self.take_stmts(mark);
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        let kind = match cond {
            Cond::Guard { bind, guard } => StmtKind::TypeSwitch {
                init,
                bind: Some(bind),
                guard,
                clauses,
                rbrace,
            },
            Cond::Expr(e)
                if matches!(self.ast.expr(e).kind, ExprKind::TypeAssert { ty: None, .. }) =>
            {
                StmtKind::TypeSwitch {
                    init,
                    bind: None,
                    guard: e,
                    clauses,
                    rbrace,
                }
            }
            Cond::Expr(e) => StmtKind::Switch {
                init,
                tag: Some(e),
                clauses,
                rbrace,
            },
            _ => StmtKind::Switch {
                init,
                tag: None,
                clauses,
                rbrace,
            },
        };
        self.stmt_node(pos, kind)
    }

    fn select_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        self.want(Tok::Select);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mark = self.stmt_scratch.len();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            let c = self.comm_clause();
            self.stmt_scratch.push(c);
        }
        let clauses = self.take_stmts(mark);
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        self.stmt_node(pos, StmtKind::Select { clauses, rbrace })
    }

    fn case_clause(&mut self) -> StmtId {
        let pos = self.pos();
        let mut exprs = List::default();
        let mut is_default = false;
        match self.tok() {
            Tok::Case => {
                self.next();
                exprs = self.expr_list();
            }
            Tok::Default => {
                self.next();
                is_default = true;
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        self.stmt_node(
            pos,
            StmtKind::Case {
                exprs,
                is_default,
                body,
                colon,
            },
        )
    }

    fn comm_clause(&mut self) -> StmtId {
        let pos = self.pos();
        let mut comm = None;
        match self.tok() {
            Tok::Case => {
                self.next();
                let s = self.simple_stmt(None, None);
                comm = Some(self.simple_to_stmt(s));
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        self.stmt_node(pos, StmtKind::Comm { comm, body, colon })
    }

    /// `go call` or `defer call`.
    fn call_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let tok = self.tok();
        self.next();
        let x = self.pexpr(None, self.tok() == Tok::Lparen);
        let mut t = self.ast.unparen(x);
        if t != x {
            let at = self.start(x);
            self.error_at(
                at,
                format!("expression in {} must not be parenthesized", tok.text()),
            );
        }
        if !matches!(self.ast.expr(t).kind, ExprKind::Call { .. }) {
            // As gc does: the statement calls the expression without arguments, which is
            // checked as such (the common mistake is leaving out the parentheses).
            let at = self.ast.node_pos(t);
            self.error_at(
                at,
                format!("expression in {} must be function call", tok.text()),
            );
            t = self.expr_node(
                at,
                ExprKind::Call {
                    fun: t,
                    args: List::default(),
                    dots: false,
                    lparen: at,
                    rparen: at,
                },
            );
        }
        let kind = if tok == Tok::Go {
            StmtKind::Go(t)
        } else {
            StmtKind::Defer(t)
        };
        self.stmt_node(pos, kind)
    }

    fn branch(&mut self, kind: BranchKind, label: Option<ExprId>, pos: Pos) -> StmtId {
        self.stmt_node(pos, StmtKind::Branch { kind, label })
    }

    /// A statement, or `None` if the current token cannot start one.
    pub(super) fn stmt_or_nil(&mut self) -> Option<StmtId> {
        self.enter();
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    fn stmt_or_nil_inner(&mut self) -> Option<StmtId> {
        if self.tok() == Tok::Name {
            let lhs = self.expr_list();
            let first = self.ast.list(lhs)[0];
            if lhs.len() == 1
                && self.tok() == Tok::Colon
                && matches!(self.ast.expr(first).kind, ExprKind::Ident(_))
            {
                return self.labeled_stmt(first);
            }
            let s = self.simple_stmt(Some(lhs), None);
            return Some(self.simple_to_stmt(s));
        }
        let pos = self.pos();
        let decl = |p: &mut Self, kind| {
            let d = p.gen_decl(kind);
            Some(p.stmt_node(pos, StmtKind::Decl(d)))
        };
        match self.tok() {
            Tok::Var => return decl(self, GenKind::Var),
            Tok::Const => return decl(self, GenKind::Const),
            Tok::Type => return decl(self, GenKind::Type),
            Tok::Lbrace => return Some(self.block_stmt("")),
            Tok::Operator | Tok::Star => {
                if matches!(
                    self.s.op,
                    Op::Add | Op::Sub | Op::Mul | Op::And | Op::Xor | Op::Not
                ) {
                    let s = self.simple_stmt(None, None);
                    return Some(self.simple_to_stmt(s));
                }
            }
            Tok::Literal
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => {
                let s = self.simple_stmt(None, None);
                return Some(self.simple_to_stmt(s));
            }
            Tok::For => return Some(self.for_stmt()),
            Tok::Switch => return Some(self.switch_stmt()),
            Tok::Select => return Some(self.select_stmt()),
            Tok::If => return Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                return Some(self.branch(BranchKind::Fallthrough, None, pos));
            }
            Tok::Break | Tok::Continue => {
                let kind = if self.tok() == Tok::Break {
                    BranchKind::Break
                } else {
                    BranchKind::Continue
                };
                self.next();
                let label = if self.tok() == Tok::Name {
                    Some(self.name())
                } else {
                    None
                };
                return Some(self.branch(kind, label, pos));
            }
            Tok::Go | Tok::Defer => return Some(self.call_stmt()),
            Tok::Goto => {
                self.next();
                let label = Some(self.name());
                return Some(self.branch(BranchKind::Goto, label, pos));
            }
            Tok::Return => {
                self.next();
                let mut results = List::default();
                if self.tok() != Tok::Semi && self.tok() != Tok::Rbrace {
                    results = self.expr_list();
                }
                return Some(self.stmt_node(pos, StmtKind::Return(results)));
            }
            Tok::Semi => return Some(self.stmt_node(pos, StmtKind::Empty)),
            _ => {}
        }
        None
    }

    /// `StatementList = { Statement ";" }`.
    fn stmt_list(&mut self) -> List<StmtId> {
        let mark = self.stmt_scratch.len();
        while !matches!(
            self.tok(),
            Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default
        ) {
            let Some(s) = self.stmt_or_nil() else { break };
            self.stmt_scratch.push(s);
            if !self.got(Tok::Semi) && self.tok() != Tok::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        self.take_stmts(mark)
    }

    fn take_stmts(&mut self, mark: usize) -> List<StmtId> {
        let l = self
            .ast
            .push_list(self.stmt_scratch[mark..].iter().copied());
        self.stmt_scratch.truncate(mark);
        l
    }
}
