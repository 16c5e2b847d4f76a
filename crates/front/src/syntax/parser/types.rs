//! Types (gc's `type_`, `typeOrNil`, `funcType`, `structType`, `interfaceType`…).

use super::super::ast::{ChanDir, ExprId, ExprKind, Field, List};
use super::super::token::{Op, Pos, Tok};
use super::Parser;

/// What `arrayOrTArgs` found after a name: a type, or type arguments of an instance.
pub(super) enum ArrayOrTArgs {
    Type(ExprId),
    TArgs {
        args: List<ExprId>,
        lbrack: Pos,
        rbrack: Pos,
    },
}

impl Parser<'_> {
    pub(super) fn type_(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[
                    Tok::Comma,
                    Tok::Colon,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    /// A type, or `None` (and no error) if the current token cannot start one.
    pub(super) fn type_or_nil(&mut self) -> Option<ExprId> {
        self.enter();
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<ExprId> {
        let pos = self.pos();
        Some(match self.tok() {
            Tok::Star => {
                self.next();
                let t = self.type_();
                self.expr_node(pos, ExprKind::Star(t))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                let elem = self.chan_elem();
                self.expr_node(
                    pos,
                    ExprKind::ChanType {
                        dir: ChanDir::Recv,
                        elem,
                    },
                )
            }
            Tok::Func => {
                self.next();
                self.func_type("function type", pos).1
            }
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                self.array_type(pos, None)
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                let elem = self.chan_elem();
                self.expr_node(pos, ExprKind::ChanType { dir, elem })
            }
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                self.expr_node(pos, ExprKind::MapType { key, value })
            }
            Tok::Struct => self.struct_type(),
            Tok::Interface => self.interface_type(),
            Tok::Name => self.qualified_name(None),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                t
            }
            _ => return None,
        })
    }

    /// `typ [ TypeList ]`.
    fn type_instance(&mut self, typ: ExprId) -> ExprId {
        let lbrack = self.pos();
        self.want(Tok::Lbrack);
        let indices = if self.tok() == Tok::Rbrack {
            self.syntax_error("expected type argument list");
            let b = self.bad_expr();
            self.ast.push_list([b])
        } else {
            self.type_list(true).0
        };
        let rbrack = self.pos();
        self.want(Tok::Rbrack);
        let pos = self.start(typ);
        self.expr_node(
            pos,
            ExprKind::Index {
                x: typ,
                indices,
                lbrack,
                rbrack,
            },
        )
    }

    /// `[ TypeParams ] Parameters [ Result ]`; type parameters are an error unless
    /// `context` is empty (a function declaration).
    pub(super) fn func_type(&mut self, context: &str, pos: Pos) -> (List<Field>, ExprId) {
        let mut tparams = List::default();
        let at = self.pos();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(at, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Tok::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Tok::Rbrack, true);
            }
        }
        self.want(Tok::Lparen);
        let params = self.param_list(None, None, Tok::Rparen, false);
        let results = self.func_result();
        let ty = self.expr_node(pos, ExprKind::FuncType { params, results });
        (tparams, ty)
    }

    /// After `[` (at `pos`), with the length `len` if already parsed.
    pub(super) fn array_type(&mut self, pos: Pos, len: Option<ExprId>) -> ExprId {
        let mut len = len;
        if len.is_none() && !self.got(Tok::DotDotDot) {
            self.xnest += 1;
            len = Some(self.expr());
            self.xnest -= 1;
        }
        if self.tok() == Tok::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        self.expr_node(pos, ExprKind::ArrayType { len, elem })
    }

    /// After `[]` (the `[` at `pos`).
    pub(super) fn slice_type(&mut self, pos: Pos) -> ExprId {
        let elem = self.type_();
        self.expr_node(pos, ExprKind::SliceType { elem })
    }

    fn chan_elem(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("missing channel element type");
                t
            }
        }
    }

    /// `StructType = "struct" "{" { FieldDecl ";" } "}"`.
    fn struct_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, |p| {
            p.field_decl(&mut fields);
            false
        });
        let fields = self.ast.push_list(fields);
        self.expr_node(pos, ExprKind::StructType { fields })
    }

    /// `InterfaceType = "interface" "{" { ( MethodDecl | EmbeddedElem ) ";" } "}"`.
    fn interface_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, |p| {
            let mut f = None;
            if p.tok() == Tok::Name {
                f = Some(p.method_decl());
            }
            let f = match f {
                Some(f) if !f.names.is_empty() => f,
                f => p.embedded_elem(f),
            };
            elems.push(f);
            false
        });
        let elems = self.ast.push_list(elems);
        self.expr_node(pos, ExprKind::InterfaceType { elems })
    }

    /// `Result = Parameters | Type`.
    fn func_result(&mut self) -> List<Field> {
        if self.got(Tok::Lparen) {
            return self.param_list(None, None, Tok::Rparen, false);
        }
        let pos = self.pos();
        match self.type_or_nil() {
            Some(ty) => self.ast.push_list([Field {
                pos,
                names: List::default(),
                ty,
                tag: None,
            }]),
            None => List::default(),
        }
    }

    /// `FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ]`.
    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let pos = self.pos();
        let tag = |p: &mut Self| p.oliteral().map(|(e, _)| e);
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                if matches!(
                    self.tok(),
                    Tok::Dot | Tok::Literal | Tok::Semi | Tok::Rbrace
                ) {
                    // An embedded type.
                    let ty = self.qualified_name(Some(name));
                    let tag = tag(self);
                    fields.push(Field {
                        pos,
                        names: List::default(),
                        ty,
                        tag,
                    });
                    return;
                }
                let names = self.name_list(name);
                let ty = if names.len() == 1 && self.tok() == Tok::Lbrack {
                    match self.array_or_targs() {
                        ArrayOrTArgs::Type(t) => t,
                        ArrayOrTArgs::TArgs {
                            args,
                            lbrack,
                            rbrack,
                        } => {
                            // An embedded instantiated type `T[A, B]`.
                            let ty = self.expr_node(
                                pos,
                                ExprKind::Index {
                                    x: name,
                                    indices: args,
                                    lbrack,
                                    rbrack,
                                },
                            );
                            let tag = tag(self);
                            fields.push(Field {
                                pos,
                                names: List::default(),
                                ty,
                                tag,
                            });
                            return;
                        }
                    }
                } else {
                    self.type_()
                };
                let tag = tag(self);
                fields.push(Field {
                    pos,
                    names,
                    ty,
                    tag,
                });
            }
            Tok::Star => {
                self.next();
                let ty = if self.tok() == Tok::Lparen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let tag = tag(self);
                let ty = self.expr_node(pos, ExprKind::Star(ty));
                fields.push(Field {
                    pos,
                    names: List::default(),
                    ty,
                    tag,
                });
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.tok() == Tok::Star {
                    let spos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    self.expr_node(spos, ExprKind::Star(t))
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                let tag = tag(self);
                fields.push(Field {
                    pos,
                    names: List::default(),
                    ty,
                    tag,
                });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
            }
        }
    }

    /// After a name, at `[`: an array or slice type (`[n]E`, `[]E`), or type arguments.
    pub(super) fn array_or_targs(&mut self) -> ArrayOrTArgs {
        let lbrack = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            return ArrayOrTArgs::Type(self.slice_type(lbrack));
        }
        let (args, comma) = self.type_list(false);
        let rbrack = self.pos();
        self.want(Tok::Rbrack);
        if !comma {
            if let Some(elem) = self.type_or_nil() {
                let len = Some(self.ast.list(args)[0]);
                return ArrayOrTArgs::Type(
                    self.expr_node(lbrack, ExprKind::ArrayType { len, elem }),
                );
            }
        }
        ArrayOrTArgs::TArgs {
            args,
            lbrack,
            rbrack,
        }
    }

    /// `MethodSpec = MethodName Signature | InterfaceTypeName`; a field without names is an
    /// embedded element.
    fn method_decl(&mut self) -> Field {
        let pos = self.pos();
        let name = self.name();
        const CONTEXT: &str = "interface method";
        let method = |p: &mut Self| {
            let fpos = p.pos();
            let (_, ty) = p.func_type(CONTEXT, fpos);
            let names = p.ast.push_list([name]);
            Field {
                pos,
                names,
                ty,
                tag: None,
            }
        };
        let embedded = |ty| Field {
            pos,
            names: List::default(),
            ty,
            tag: None,
        };
        match self.tok() {
            Tok::Lparen => method(self),
            Tok::Lbrack => {
                let lbrack = self.pos();
                self.next();
                if self.tok() == Tok::Rbrack {
                    let at = self.pos();
                    self.next();
                    if self.tok() == Tok::Lparen {
                        self.error_at(at, "empty type parameter list");
                        return method(self);
                    }
                    self.error_at(at, "empty type argument list");
                    return embedded(name);
                }
                let list = self.param_list(None, None, Tok::Rbrack, false);
                let fields: Vec<Field> = self.ast.list(list).to_vec();
                if fields.is_empty() {
                    if self.tok() == Tok::Lparen {
                        return method(self);
                    }
                    return embedded(name);
                }
                if !fields[0].names.is_empty() {
                    let f = method(self);
                    self.error_at(lbrack, "interface method must have no type parameters");
                    return f;
                }
                let indices = self.ast.push_list(fields.iter().map(|f| f.ty));
                let rbrack = self.pos();
                let ty = self.expr_node(
                    pos,
                    ExprKind::Index {
                        x: name,
                        indices,
                        lbrack,
                        rbrack,
                    },
                );
                embedded(ty)
            }
            _ => {
                let ty = self.qualified_name(Some(name));
                embedded(ty)
            }
        }
    }

    /// `EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm }`, continuing `f`.
    pub(super) fn embedded_elem(&mut self, f: Option<Field>) -> Field {
        let mut f = match f {
            Some(f) => f,
            None => {
                let pos = self.pos();
                let ty = self.embedded_term();
                Field {
                    pos,
                    names: List::default(),
                    ty,
                    tag: None,
                }
            }
        };
        while self.is_op(Op::Or) {
            let op_pos = self.pos();
            self.next();
            let y = self.embedded_term();
            let pos = self.start(f.ty);
            f.ty = self.expr_node(
                pos,
                ExprKind::Binary {
                    op: Op::Or,
                    x: f.ty,
                    y,
                    op_pos,
                },
            );
        }
        f
    }

    /// `EmbeddedTerm = [ "~" ] Type`.
    fn embedded_term(&mut self) -> ExprId {
        if self.is_op(Op::Tilde) {
            let pos = self.pos();
            self.next();
            let x = self.type_();
            return self.expr_node(pos, ExprKind::Unary { op: Op::Tilde, x });
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[
                    Tok::Operator,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    /// A type name, possibly qualified (`pkg.T`) and instantiated (`T[int]`); `name` is
    /// its first identifier if already parsed.
    pub(super) fn qualified_name(&mut self, name: Option<ExprId>) -> ExprId {
        let mut x = match name {
            Some(n) => n,
            None if self.tok() == Tok::Name => self.name(),
            None => {
                let n = self.expr_node(self.pos(), ExprKind::Ident(super::super::ast::Name::BLANK));
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::Rbrace]);
                n
            }
        };
        if self.tok() == Tok::Dot {
            self.next();
            let sel = self.name();
            let pos = self.start(x);
            x = self.expr_node(pos, ExprKind::Selector { x, sel });
        }
        if self.tok() == Tok::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    /// Splits `x` into a type parameter name and its constraint if `x` reads as `P C`
    /// (`P *T`, `P []int`, `P ~int | string`), as gc's `extractName`.
    pub(super) fn extract_name(
        &mut self,
        x: ExprId,
        force: bool,
    ) -> (Option<ExprId>, Option<ExprId>) {
        match self.ast.expr(x).kind {
            ExprKind::Ident(_) => return (Some(x), None),
            ExprKind::Binary {
                op: Op::Mul,
                x: l,
                y,
                op_pos,
            } if matches!(self.ast.expr(l).kind, ExprKind::Ident(_))
                && (force || self.is_type_elem(y)) =>
            {
                let star = self.expr_node(op_pos, ExprKind::Star(y));
                return (Some(l), Some(star));
            }
            ExprKind::Binary {
                op: Op::Or,
                x: l,
                y,
                op_pos,
            } => {
                let f = force || self.is_type_elem(y);
                if let (Some(name), Some(lhs)) = self.extract_name(l, f) {
                    let pos = self.start(lhs);
                    let u = self.expr_node(
                        pos,
                        ExprKind::Binary {
                            op: Op::Or,
                            x: lhs,
                            y,
                            op_pos,
                        },
                    );
                    return (Some(name), Some(u));
                }
            }
            ExprKind::Call {
                fun, args, dots, ..
            } => {
                let args = self.ast.list(args).to_vec();
                if matches!(self.ast.expr(fun).kind, ExprKind::Ident(_))
                    && args.len() == 1
                    && !dots
                    && (force || self.is_type_elem(args[0]))
                {
                    return (Some(fun), Some(args[0]));
                }
            }
            _ => {}
        }
        (None, Some(x))
    }

    /// Whether `x` can only be a type element (not a value expression).
    fn is_type_elem(&self, x: ExprId) -> bool {
        match &self.ast.expr(x).kind {
            ExprKind::ArrayType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType { .. }
            | ExprKind::InterfaceType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => true,
            ExprKind::Binary { x, y, .. } => self.is_type_elem(*x) || self.is_type_elem(*y),
            ExprKind::Unary { op, x } => *op == Op::Tilde || self.is_type_elem(*x),
            ExprKind::Star(x) | ExprKind::Paren(x) => self.is_type_elem(*x),
            _ => false,
        }
    }
}
