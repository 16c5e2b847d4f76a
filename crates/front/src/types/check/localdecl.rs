//! Declarations inside function bodies: constants (with `iota` and repeated lines),
//! variables, and local types, each in scope from the end of its declaration.

use super::super::constant::ConstValue;
use super::super::info::Mode;
use super::super::object::{ObjKind, VarKind};
use super::super::ty::TypeId;
use super::{Checker, Operand};
use crate::syntax::ast::{Decl, ExprId, GenKind, List, Name, Spec};

impl Checker<'_> {
    /// A `const`, `var` or `type` declaration inside a function.
    pub fn decl_stmt(&mut self, d: crate::syntax::ast::DeclId) {
        let Decl::Gen {
            kind,
            specs,
            pos: decl_pos,
        } = *self.ast.decl(d)
        else {
            return;
        };
        let specs = self.ast_list(specs);
        let mut last: Option<(Option<ExprId>, Vec<ExprId>)> = None;
        for &spec in specs {
            match spec {
                Spec::Value {
                    names,
                    ty,
                    values,
                    iota,
                    pos,
                } if kind == GenKind::Const => {
                    let names = self.ast_list(names);
                    let values = self.ast_list(values).to_vec();
                    let inherited = values.is_empty() && ty.is_none();
                    if !inherited {
                        last = Some((ty, values.clone()));
                    }
                    let (cty, cvals) = last.clone().unwrap_or((ty, Vec::new()));
                    self.local_arity(pos, names, &cvals, inherited);
                    let mut objs = Vec::new();
                    for (i, &n) in names.iter().enumerate() {
                        let name = self.ast.ident(n).unwrap_or(Name::BLANK);
                        let obj = self.new_obj(
                            name,
                            self.epos(n),
                            TypeId::INVALID,
                            ObjKind::Const(ConstValue::Unknown),
                        );
                        let saved_iota = self.env.iota.replace(iota as i128);
                        let saved_errpos = self.errpos;
                        if inherited {
                            self.errpos = Some(self.epos(n));
                        }
                        let mut t = TypeId::INVALID;
                        if let Some(te) = cty {
                            t = self.typ(te);
                            if t != TypeId::INVALID && !self.types.is_const_type(t) {
                                let s = self.ts(t);
                                self.error(self.epos(te), format!("invalid constant type {s}"));
                                t = TypeId::INVALID;
                            }
                            self.obj_mut(obj).ty = t;
                        }
                        if let Some(&v) = cvals.get(i) {
                            let mut x = Operand::invalid(v);
                            self.expr(&mut x, v, None);
                            if cty.is_none() || t != TypeId::INVALID {
                                self.init_const(obj, &mut x);
                            }
                        }
                        self.errpos = saved_errpos;
                        self.env.iota = saved_iota;
                        self.info.record_def(n, obj);
                        objs.push(obj);
                    }
                    for o in objs {
                        let name = self.obj(o).name;
                        if name == Name::BLANK {
                            continue;
                        }
                        if let Some(alt) = self.lookup_local_block(name) {
                            self.redeclared(o, alt);
                            continue;
                        }
                        self.env.locals.push((name, o));
                    }
                }
                Spec::Value {
                    names,
                    ty,
                    values,
                    pos,
                    ..
                } => {
                    let names = self.ast_list(names);
                    let values = self.ast_list(values);
                    let mut objs = Vec::new();
                    let t = ty.map(|te| self.var_type(te));
                    for &n in names {
                        let name = self.ast.ident(n).unwrap_or(Name::BLANK);
                        let o = self.new_var(
                            name,
                            self.epos(n),
                            t.unwrap_or(TypeId::INVALID),
                            VarKind::Local,
                        );
                        if t.is_none() {
                            self.pending_type.insert(o);
                        }
                        self.info.record_def(n, o);
                        objs.push(o);
                    }
                    if values.len() == names.len() {
                        for (&o, &v) in objs.iter().zip(values) {
                            let mut x = Operand::invalid(v);
                            let target = t;
                            self.expr_with_target(&mut x, v, target);
                            self.init_var(o, &mut x, "variable declaration");
                        }
                    } else if values.len() == 1 {
                        self.init_vars(&objs, values, None);
                    } else {
                        for (i, &o) in objs.iter().enumerate() {
                            if let Some(&v) = values.get(i) {
                                self.init_vars(&[o], &[v], None);
                            } else if self.pending_type.remove(&o) {
                                self.obj_mut(o).ty = TypeId::INVALID;
                                self.mark_used(o);
                            }
                        }
                        if ty.is_none() || !values.is_empty() {
                            self.local_var_arity(pos, names, values);
                        }
                    }
                    for (&n, &o) in names.iter().zip(&objs) {
                        let t = self.obj(o).ty;
                        self.info.record(n, Mode::Variable, t, None);
                    }
                    for o in objs {
                        self.declare_var(o);
                    }
                }
                Spec::Type {
                    name,
                    tparams,
                    alias,
                    ty,
                    ..
                } => {
                    if self.env.generic {
                        self.error(
                            decl_pos,
                            "type declarations inside generic functions are not currently supported",
                        );
                    }
                    self.local_type_decl(name, tparams, alias, ty)
                }
                Spec::Import { .. } => {}
            }
        }
    }

    pub fn local_arity(
        &mut self,
        pos: crate::syntax::Pos,
        names: &[ExprId],
        inits: &[ExprId],
        inherited: bool,
    ) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = inits[l];
            if inherited {
                let at = self.pos_string(self.epos(n));
                self.error(pos, format!("extra init expr at {at}"));
            } else {
                self.error(self.epos(n), format!("extra init expr {}", self.es(n)));
            }
        } else if l > r {
            let n = names[r];
            self.error(
                self.epos(n),
                format!("missing init expr for {}", self.es(n)),
            );
        }
    }

    pub fn local_var_arity(
        &mut self,
        _pos: crate::syntax::Pos,
        names: &[ExprId],
        inits: &[ExprId],
    ) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = inits[l];
            self.error(self.epos(n), format!("extra init expr {}", self.es(n)));
        } else if l > r && r != 1 {
            let n = names[r];
            self.error(
                self.epos(n),
                format!("missing init expr for {}", self.es(n)),
            );
        }
    }

    pub fn local_type_decl(
        &mut self,
        name: ExprId,
        tparams: List<crate::syntax::ast::Field>,
        alias: bool,
        ty: ExprId,
    ) {
        let n = self.ast.ident(name).unwrap_or(Name::BLANK);
        let obj = self.new_obj(
            n,
            self.epos(name),
            TypeId::INVALID,
            ObjKind::TypeName { alias },
        );
        self.info.record_def(name, obj);
        if alias {
            let t = self.var_type(ty);
            self.obj_mut(obj).ty = t;
            self.declare_local(None, obj);
            return;
        }
        let named = self.types.new_named(obj);
        self.obj_mut(obj).ty = named;
        // The name is in scope in its own declaration (recursive types).
        self.declare_local(None, obj);
        if !tparams.is_empty() {
            let tps = self.declare_type_params(tparams);
            if let Some(nm) = self.types.named_mut(named) {
                nm.tparams = tps;
            }
        }
        let rhs = self.defined_type(ty, Some(named));
        let under = self.types.under(rhs);
        if let Some(nm) = self.types.named_mut(named) {
            nm.underlying = under;
        }
        self.types.complete_instances(named);
        if !tparams.is_empty() {
            self.close_scope();
        }
        self.valid_type(named);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn local_constants_repeat_their_line_with_iota() {
        let errs =
            body_errors("\tconst (\n\t\ta = iota * 2\n\t\tb\n\t)\n\tvar x [b]int\n\t_ = x[2]\n");
        assert_eq!(errs, ["9:8: invalid argument: index 2 out of bounds [0:2]"]);
    }

    #[test]
    fn a_local_name_is_in_scope_after_its_declaration() {
        let errs = body_errors("\tvar x = x\n");
        assert_eq!(errs, ["4:10: undefined: x"]);
    }
}
