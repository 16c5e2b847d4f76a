//! Parameter lists (gc's `paramDeclOrNil` and `paramList`): function parameters and
//! results, receivers, and type parameter lists with their constraints.

use super::super::ast::{ExprId, ExprKind, Field, List};
use super::super::token::{Op, Pos, Tok};
use super::types::ArrayOrTArgs;
use super::Parser;

/// A parameter as `paramDeclOrNil` reads it, before names and types are distributed.
#[derive(Clone, Copy)]
struct Par {
    pos: Pos,
    name: Option<ExprId>,
    ty: Option<ExprId>,
}

impl Parser<'_> {
    /// `ParameterDecl = [ IdentifierList ] [ "..." ] Type`, with the first name possibly
    /// already parsed; `follow` is the list's closing token.
    fn param_decl_or_nil(&mut self, name: Option<ExprId>, follow: Tok) -> Option<Par> {
        let type_sets_ok = follow == Tok::Rbrack;
        let mut pos = self.pos();
        if let Some(n) = name {
            pos = self.start(n);
        } else if type_sets_ok && self.is_op(Op::Tilde) {
            let f = self.embedded_elem(None);
            return Some(Par {
                pos,
                name: None,
                ty: Some(f.ty),
            });
        }
        let mut f = Par {
            pos,
            name: None,
            ty: None,
        };
        let union = |p: &mut Self, f: Par| -> Par {
            let field = p.embedded_elem(Some(Field {
                pos: f.pos,
                names: List::default(),
                ty: f.ty.unwrap_or(ExprId(0)),
                tag: None,
            }));
            Par {
                ty: Some(field.ty),
                ..f
            }
        };
        if self.tok() == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok() == Tok::Lbrack {
                match self.array_or_targs() {
                    ArrayOrTArgs::TArgs {
                        args,
                        lbrack,
                        rbrack,
                    } => {
                        let npos = self.start(name);
                        f.ty = Some(self.expr_node(
                            npos,
                            ExprKind::Index {
                                x: name,
                                indices: args,
                                lbrack,
                                rbrack,
                            },
                        ));
                    }
                    ArrayOrTArgs::Type(t) => {
                        f.ty = Some(t);
                        f.name = Some(name);
                    }
                }
                if type_sets_ok && self.is_op(Op::Or) {
                    f = union(self, f);
                }
                return Some(f);
            }
            if self.tok() == Tok::Dot {
                f.ty = Some(self.qualified_name(Some(name)));
                if type_sets_ok && self.is_op(Op::Or) {
                    f = union(self, f);
                }
                return Some(f);
            }
            if type_sets_ok && self.is_op(Op::Or) {
                f.ty = Some(name);
                return Some(union(self, f));
            }
            f.name = Some(name);
        }
        if self.tok() == Tok::DotDotDot {
            let dpos = self.pos();
            self.next();
            let elem = match self.type_or_nil() {
                Some(t) => t,
                None => {
                    let t = self.bad_expr();
                    self.syntax_error("... is missing type");
                    t
                }
            };
            f.ty = Some(self.expr_node(dpos, ExprKind::Ellipsis { elem }));
            return Some(f);
        }
        if type_sets_ok && self.is_op(Op::Tilde) {
            f.ty = Some(self.embedded_elem(None).ty);
            return Some(f);
        }
        f.ty = self.type_or_nil();
        if type_sets_ok && self.is_op(Op::Or) && f.ty.is_some() {
            f = union(self, f);
        }
        if f.name.is_some() || f.ty.is_some() {
            return Some(f);
        }
        self.syntax_error(&format!("expected {}", follow.describe()));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    /// `Parameters = "(" [ ParameterList [ "," ] ] ")"` after the opening token (or type
    /// parameters after `[`, with `require_names`). `name` and `typ` are a first parameter
    /// already parsed. Either every field has names or none has.
    pub(super) fn param_list(
        &mut self,
        name: Option<ExprId>,
        typ: Option<ExprId>,
        close: Tok,
        require_names: bool,
    ) -> List<Field> {
        if let (Some(n), Some(t)) = (name, typ) {
            if self.tok() == close {
                self.next();
                let pos = self.start(n);
                return self.group_fields(vec![(pos, Some(n), t)]);
            }
        }
        let mut list: Vec<Par> = Vec::new();
        let (mut named, mut typed) = (0, 0);
        let (mut name, mut typ) = (name, typ);
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let par = match typ {
                Some(t) => {
                    let n = name.expect("a first type comes with its name");
                    Some(Par {
                        pos: p.start(n),
                        name: Some(n),
                        ty: Some(t),
                    })
                }
                None => p.param_decl_or_nil(name, close),
            };
            name = None;
            typ = None;
            if let Some(par) = par {
                if par.name.is_some() && par.ty.is_some() {
                    named += 1;
                }
                if par.ty.is_some() {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });
        if list.is_empty() {
            return List::default();
        }
        if named == 0 && !require_names {
            // All unnamed: the names found are type names.
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.ty = Some(n);
                }
            }
        } else if named != list.len() {
            // Some named (or type parameters): all must be named.
            let mut err_pos = None;
            let mut typ = None;
            for i in (0..list.len()).rev() {
                let par = list[i];
                if let Some(t) = par.ty {
                    typ = Some(t);
                    if par.name.is_none() {
                        let at = self.start(t);
                        err_pos = Some(at);
                        let blank =
                            self.expr_node(at, ExprKind::Ident(super::super::ast::Name::BLANK));
                        list[i].name = Some(blank);
                    }
                } else if let Some(t) = typ {
                    list[i].ty = Some(t);
                } else {
                    let at = self.start(par.name.expect("a parameter has a name or a type"));
                    err_pos = Some(at);
                    list[i].ty = Some(self.expr_node(at, ExprKind::Bad));
                }
            }
            if let Some(mut at) = err_pos {
                let msg = if require_names {
                    if named == typed {
                        at = end;
                        "missing type constraint".to_string()
                    } else if list.len() == 1 {
                        "missing type parameter name or invalid array length".to_string()
                    } else {
                        "missing type parameter name".to_string()
                    }
                } else {
                    "mixed named and unnamed parameters".to_string()
                };
                self.syntax_error_at(at, &msg);
            }
        }
        let items = list
            .iter()
            .map(|p| (p.pos, p.name, p.ty.unwrap_or(ExprId(0))))
            .collect();
        self.group_fields(items)
    }
}
