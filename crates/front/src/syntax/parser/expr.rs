//! Expressions (gc's `expr`, `unaryExpr`, `operand`, `pexpr`, `complitexpr`…).

use super::super::ast::{ChanDir, ExprId, ExprKind, List, StmtKind};
use super::super::token::{Op, Pos, Tok};
use super::Parser;

impl Parser<'_> {
    pub(super) fn expr(&mut self) -> ExprId {
        self.binary_expr(None, 0)
    }

    /// `Expression = UnaryExpr | Expression binary_op Expression`.
    pub(super) fn binary_expr(&mut self, x: Option<ExprId>, prec: u8) -> ExprId {
        self.enter();
        let depth = self.depth;
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        while matches!(self.tok(), Tok::Operator | Tok::Star) && self.s.prec > prec {
            let op = self.s.op;
            let op_pos = self.pos();
            let tprec = self.s.prec;
            self.next();
            // Each operator of a chain nests the tree one level deeper.
            self.enter();
            let y = self.binary_expr(None, tprec);
            let pos = self.start(x);
            x = self.expr_node(pos, ExprKind::Binary { op, x, y, op_pos });
        }
        self.depth = depth;
        self.leave();
        x
    }

    /// `UnaryExpr = PrimaryExpr | unary_op UnaryExpr`.
    fn unary_expr(&mut self) -> ExprId {
        self.enter();
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    fn unary_expr_inner(&mut self) -> ExprId {
        match self.tok() {
            Tok::Operator | Tok::Star => {
                let op = self.s.op;
                match op {
                    Op::Mul | Op::Add | Op::Sub | Op::Not | Op::Xor | Op::Tilde => {
                        let pos = self.pos();
                        self.next();
                        let x = self.unary_expr();
                        let kind = if op == Op::Mul {
                            ExprKind::Star(x)
                        } else {
                            ExprKind::Unary { op, x }
                        };
                        return self.expr_node(pos, kind);
                    }
                    Op::And => {
                        let pos = self.pos();
                        self.next();
                        // `&(T{})` is `&T{}`.
                        let x = self.unary_expr();
                        let x = self.ast.unparen(x);
                        return self.expr_node(pos, ExprKind::Unary { op, x });
                    }
                    _ => {}
                }
            }
            Tok::Arrow => {
                let pos = self.pos();
                self.next();
                let x = self.unary_expr();
                if let ExprKind::ChanType { .. } = self.ast.expr(x).kind {
                    // `<-chan T` is a channel type: re-associate the arrow with it.
                    self.reassociate_recv(x);
                    return x;
                }
                return self.expr_node(pos, ExprKind::Unary { op: Op::Recv, x });
            }
            _ => {}
        }
        self.pexpr(None, true)
    }

    /// `<-` followed by a channel type `x`: `<-(chan E)` is `<-chan E` and `<-(chan<- E)` is
    /// `<-chan (<-E)`.
    fn reassociate_recv(&mut self, x: ExprId) {
        let mut dir = ChanDir::Send;
        let mut t = x;
        while dir == ChanDir::Send {
            let ExprKind::ChanType { dir: d, elem } = self.ast.expr(t).kind else {
                break;
            };
            dir = d;
            if dir == ChanDir::Recv {
                self.syntax_error("unexpected <-, expected chan");
            }
            self.ast.exprs[t.0 as usize].kind = ExprKind::ChanType {
                dir: ChanDir::Recv,
                elem,
            };
            t = elem;
        }
        if dir == ChanDir::Send {
            let s = self.ast.expr_string(t);
            self.syntax_error(&format!("unexpected {s}, expected chan"));
        }
    }

    /// `Operand = Literal | OperandName | "(" Expression ")"`, function literals and
    /// composite types.
    fn operand(&mut self) -> ExprId {
        match self.tok() {
            Tok::Name => self.name(),
            Tok::Literal => self
                .oliteral()
                .map(|(e, _)| e)
                .unwrap_or_else(|| self.bad_expr()),
            Tok::Lparen => {
                let pos = self.pos();
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                self.expr_node(pos, ExprKind::Paren(x))
            }
            Tok::Func => {
                let pos = self.pos();
                self.next();
                let (_, ty) = self.func_type("function type", pos);
                if self.tok() == Tok::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.expr_node(pos, ExprKind::FuncLit { ty, body });
                }
                ty
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                x
            }
        }
    }

    /// `PrimaryExpr`: an operand followed by selectors, indices, slices, type assertions,
    /// calls and composite literal bodies.
    pub(super) fn pexpr(&mut self, x: Option<ExprId>, _keep_parens: bool) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(),
        };
        let depth = self.depth;
        loop {
            let start = self.start(x);
            match self.tok() {
                Tok::Dot => {
                    self.next();
                    match self.tok() {
                        Tok::Name => {
                            let sel = self.name();
                            x = self.expr_node(start, ExprKind::Selector { x, sel });
                        }
                        Tok::Lparen => {
                            self.next();
                            let ty = if self.got(Tok::Type) {
                                None
                            } else {
                                Some(self.type_())
                            };
                            x = self.expr_node(start, ExprKind::TypeAssert { x, ty });
                            self.want(Tok::Rparen);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Tok::Semi, Tok::Rparen]);
                        }
                    }
                }
                Tok::Lbrack => x = self.index_or_slice(x),
                Tok::Lparen => {
                    let lparen = self.pos();
                    self.next();
                    let (args, dots, rparen) = self.arg_list();
                    x = self.expr_node(
                        start,
                        ExprKind::Call {
                            fun: x,
                            args,
                            dots,
                            lparen,
                            rparen,
                        },
                    );
                }
                Tok::Lbrace => {
                    // Does `{` open a composite literal, or a block?
                    let t = self.ast.unparen(x);
                    let complit_ok = match self.ast.expr(t).kind {
                        ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !self.is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType { .. }
                        | ExprKind::StructType { .. }
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if t != x {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit_expr(Some(x));
                }
                _ => break,
            }
            // Each selector, index, call… of a chain nests the tree one level deeper.
            self.enter();
        }
        self.depth = depth;
        x
    }

    /// After `x`: `[` index `]`, `[` type arguments `]`, or a slice expression.
    fn index_or_slice(&mut self, x: ExprId) -> ExprId {
        let start = self.start(x);
        let lbrack = self.pos();
        self.next();
        let mut lo = None;
        if self.tok() != Tok::Colon {
            let (list, comma) = if self.tok() == Tok::Rbrack {
                self.syntax_error("expected operand");
                let b = self.bad_expr();
                (self.ast.push_list([b]), false)
            } else {
                self.type_list(false)
            };
            if comma || self.tok() == Tok::Rbrack {
                let rbrack = self.pos();
                self.want(Tok::Rbrack);
                return self.expr_node(
                    start,
                    ExprKind::Index {
                        x,
                        indices: list,
                        lbrack,
                        rbrack,
                    },
                );
            }
            lo = Some(self.ast.list(list)[0]);
        }
        if !self.got(Tok::Colon) {
            self.syntax_error("expected comma, : or ]");
            self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        if self.tok() != Tok::Colon && self.tok() != Tok::Rbrack {
            hi = Some(self.expr());
        }
        if self.tok() == Tok::Colon {
            if hi.is_none() {
                self.error("middle index required in 3-index slice");
                hi = Some(self.bad_expr());
            }
            self.next();
            if self.tok() != Tok::Rbrack {
                max = Some(self.expr());
            } else {
                self.error("final index required in 3-index slice");
                max = Some(self.bad_expr());
            }
        }
        self.xnest -= 1;
        let rbrack = self.pos();
        self.want(Tok::Rbrack);
        self.expr_node(
            start,
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                lbrack,
                rbrack,
            },
        )
    }

    /// Whether `x` must be a value (and cannot be a type), syntactically.
    fn is_value(&self, x: ExprId) -> bool {
        match &self.ast.expr(x).kind {
            ExprKind::BasicLit { .. }
            | ExprKind::CompositeLit { .. }
            | ExprKind::FuncLit { .. }
            | ExprKind::Slice { .. }
            | ExprKind::TypeAssert { .. }
            | ExprKind::Call { .. }
            | ExprKind::Unary { .. }
            | ExprKind::Binary { .. } => true,
            ExprKind::Paren(x) => self.is_value(*x),
            ExprKind::Index { x, indices, .. } => {
                let idx = self.ast.list(*indices);
                self.is_value(*x) || idx.len() == 1 && self.is_value(idx[0])
            }
            _ => false,
        }
    }

    /// `Element = Expression | LiteralValue`.
    fn bare_complit_expr(&mut self) -> ExprId {
        if self.tok() == Tok::Lbrace {
            return self.complit_expr(None);
        }
        self.expr()
    }

    /// `LiteralValue = "{" [ ElementList [ "," ] ] "}"`, for a literal of type `ty`.
    fn complit_expr(&mut self, ty: Option<ExprId>) -> ExprId {
        self.enter();
        let x = self.complit_expr_inner(ty);
        self.leave();
        x
    }

    fn complit_expr_inner(&mut self, ty: Option<ExprId>) -> ExprId {
        let lbrace = self.pos();
        self.xnest += 1;
        self.want(Tok::Lbrace);
        let mark = self.scratch.len();
        let rbrace = self.list("composite literal", Tok::Comma, Tok::Rbrace, |p| {
            let mut e = p.bare_complit_expr();
            if p.tok() == Tok::Colon {
                let colon = p.pos();
                p.next();
                let value = p.bare_complit_expr();
                let pos = p.start(e);
                e = p.expr_node(
                    pos,
                    ExprKind::KeyValue {
                        key: e,
                        value,
                        colon,
                    },
                );
            }
            p.scratch.push(e);
            false
        });
        let elts = self.take_list(mark);
        self.xnest -= 1;
        let pos = ty.map_or(lbrace, |t| self.start(t));
        self.expr_node(
            pos,
            ExprKind::CompositeLit {
                ty,
                elts,
                lbrace,
                rbrace,
            },
        )
    }

    /// `argList = [ arg { "," arg } [ "..." ] [ "," ] ] ")"`; returns the arguments, whether
    /// the last had `...`, and the position of `)`.
    pub(super) fn arg_list(&mut self) -> (List<ExprId>, bool, Pos) {
        self.xnest += 1;
        let mark = self.scratch.len();
        let mut dots = false;
        let rparen = self.list("argument list", Tok::Comma, Tok::Rparen, |p| {
            let e = p.expr();
            p.scratch.push(e);
            dots = p.got(Tok::DotDotDot);
            dots
        });
        self.xnest -= 1;
        (self.take_list(mark), dots, rparen)
    }

    /// `ExpressionList = Expression { "," Expression }`.
    pub(super) fn expr_list(&mut self) -> List<ExprId> {
        let mark = self.scratch.len();
        let x = self.expr();
        self.scratch.push(x);
        while self.got(Tok::Comma) {
            let x = self.expr();
            self.scratch.push(x);
        }
        self.take_list(mark)
    }

    /// A non-empty list of types (the first may be an expression unless `strict`), with an
    /// optional trailing comma; the flag says whether a comma was seen.
    pub(super) fn type_list(&mut self, strict: bool) -> (List<ExprId>, bool) {
        self.xnest += 1;
        let mark = self.scratch.len();
        let x = if strict { self.type_() } else { self.expr() };
        self.scratch.push(x);
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                self.scratch.push(t);
                while self.got(Tok::Comma) {
                    match self.type_or_nil() {
                        Some(t) => self.scratch.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        (self.take_list(mark), comma)
    }

    /// Whether `s` is an expression statement (for `if`/`switch` headers).
    pub(super) fn stmt_expr(&self, s: super::super::ast::StmtId) -> Option<ExprId> {
        match self.ast.stmt(s).kind {
            StmtKind::Expr(e) => Some(e),
            _ => None,
        }
    }
}
