//! Generic functions and types: type parameter lists, instantiation, and the checks that
//! type arguments satisfy their constraints (type inference is in `infer.rs`).
//!
//! A generic declaration is checked once, its type parameters standing for any type of
//! their constraints. Every use records an [`Instance`] (the type arguments and the
//! instantiated type) on the identifier or selector naming the generic function or type, so
//! that the compiler can make one copy per list of type arguments.
//!
//! # Invariants
//! - A method of a generic type `G[P…]` has `G`'s type parameters as its
//!   [`FuncInfo::tparams`](super::super::object::FuncInfo), whatever names its receiver gives
//!   them; its receiver base type is `G` itself.
//! - Type arguments are checked against their constraints after the package's declarations
//!   (constraints may refer to types declared later).

mod infer;
mod mono;
mod satisfy;

use super::super::info::{Instance, Mode};
use super::super::object::{ObjId, ObjKind};
use super::super::ty::{Interface, Signature, Type, TypeId, Types};
use super::{Checker, Operand};
use crate::syntax::ast::{ExprId, ExprKind, Field, List, Name};
use crate::syntax::Pos;

/// An instantiation whose type arguments must satisfy the constraints: `pos` is where gc
/// reports a failure, `at[i]` where it reports one for the i-th (explicit) type argument.
pub(crate) struct Verify {
    pub pos: Pos,
    pub at: Vec<Pos>,
    pub tparams: Vec<TypeId>,
    pub targs: Vec<TypeId>,
}

impl Checker<'_> {
    /// Declares a type parameter list in a new scope (the caller closes it) and returns the
    /// type parameters, with their constraints.
    pub fn declare_type_params(&mut self, list: List<Field>) -> Vec<TypeId> {
        let fields = self.ast_list(list);
        self.open_scope();
        let mut tparams = Vec::new();
        let mut index = 0;
        // All names first: a constraint may mention any parameter of the list.
        for f in fields {
            for &n in self.ast_list(f.names) {
                let name = self.ast.ident(n).unwrap_or(Name::BLANK);
                let obj = self.new_obj(
                    name,
                    self.epos(n),
                    TypeId::INVALID,
                    ObjKind::TypeName { alias: false },
                );
                let t = self
                    .types
                    .new_type_param(obj, index, TypeId::EMPTY_INTERFACE);
                index += 1;
                self.obj_mut(obj).ty = t;
                self.info.record_def(n, obj);
                self.declare_local(Some(n), obj);
                tparams.push(t);
            }
        }
        let mut i = 0;
        for f in fields {
            let bound = self.bound(f.ty);
            for _ in self.ast_list(f.names) {
                self.types.set_type_param_constraint(tparams[i], bound);
                i += 1;
            }
        }
        tparams
    }

    /// A type parameter's constraint: an interface, or a type or union standing for the
    /// interface of just those types (`[T ~int | ~float64]`).
    fn bound(&mut self, e: ExprId) -> TypeId {
        let e = self.ast.unparen(e);
        let is_union = matches!(
            self.ast.expr(e).kind,
            ExprKind::Binary {
                op: crate::syntax::token::Op::Or,
                ..
            } | ExprKind::Unary {
                op: crate::syntax::token::Op::Tilde,
                ..
            }
        );
        let t = if is_union {
            let terms = self.union_terms(e);
            self.types.intern(Type::Interface(Interface {
                methods: Vec::new(),
                terms: Some(terms),
                comparable: false,
                implicit: true,
            }))
        } else {
            self.typ(e)
        };
        if t == TypeId::INVALID {
            return TypeId::EMPTY_INTERFACE;
        }
        if self.types.is_type_param(t) {
            self.error(self.epos(e), "cannot use a type parameter as constraint");
            return TypeId::EMPTY_INTERFACE;
        }
        if self.types.interface(t).is_none() {
            return self.types.intern(Type::Interface(Interface {
                methods: Vec::new(),
                terms: Some(vec![super::super::ty::Term {
                    tilde: false,
                    ty: t,
                }]),
                comparable: false,
                implicit: true,
            }));
        }
        t
    }

    /// `G[A, B]` as a type.
    pub fn instantiated_type(
        &mut self,
        e: ExprId,
        x: ExprId,
        indices: List<ExprId>,
        _def: Option<TypeId>,
    ) -> TypeId {
        let mut op = Operand::invalid(x);
        match self.ast.expr(x).kind {
            ExprKind::Ident(_) => self.ident(&mut op, x, true),
            ExprKind::Selector { .. } => self.selector(&mut op, x, true),
            _ => {
                self.raw_expr(&mut op, x, None);
            }
        }
        self.record(&op);
        let idx: Vec<ExprId> = self.ast_list(indices).to_vec();
        let targs: Vec<TypeId> = idx.iter().map(|&i| self.var_type(i)).collect();
        if op.mode != Mode::TypeExpr {
            if !op.is_invalid() {
                let s = self.es(x);
                self.error(self.epos(x), format!("{s} is not a type"));
            }
            return TypeId::INVALID;
        }
        let g = op.ty;
        let Some(tparams) = self
            .types
            .named(g)
            .filter(|n| n.origin.is_none() && !n.tparams.is_empty())
            .map(|n| n.tparams.clone())
        else {
            if g != TypeId::INVALID {
                let s = self.ts(g);
                self.error(self.epos(x), format!("{s} is not a generic type"));
            }
            return TypeId::INVALID;
        };
        if targs.contains(&TypeId::INVALID) {
            return TypeId::INVALID;
        }
        if targs.len() != tparams.len() {
            let qual = if targs.len() < tparams.len() {
                "not enough"
            } else {
                "too many"
            };
            let name = self.es(x);
            let (got, want) = (targs.len(), tparams.len());
            self.error(
                self.epos(x),
                format!("{qual} type arguments for type {name}: have {got}, want {want}"),
            );
            return TypeId::INVALID;
        }
        let t = self.types.instantiate(g, &targs);
        self.info.instances.insert(
            x,
            Instance {
                targs: targs.clone(),
                ty: t,
            },
        );
        let at = idx.iter().map(|&i| self.epos(i)).collect();
        self.pending_verify.push(Verify {
            pos: self.epos(e),
            at,
            tparams,
            targs,
        });
        t
    }

    /// The receiver base type of a method of a generic type (`func (l *List[T]) ...`): the
    /// generic type itself, its type parameters named as the receiver names them.
    pub fn generic_receiver(
        &mut self,
        e: ExprId,
        x: ExprId,
        indices: List<ExprId>,
        tparams: &mut Vec<TypeId>,
    ) -> TypeId {
        let mut op = Operand::invalid(x);
        self.ident(&mut op, x, true);
        self.record(&op);
        if op.mode != Mode::TypeExpr {
            if !op.is_invalid() {
                let s = self.es(x);
                self.error(self.epos(x), format!("{s} is not a type"));
            }
            return TypeId::INVALID;
        }
        let g = op.ty;
        let Some(tps) = self
            .types
            .named(g)
            .filter(|n| n.origin.is_none() && !n.tparams.is_empty())
            .map(|n| n.tparams.clone())
        else {
            let s = self.ts(g);
            self.error(self.epos(x), format!("{s} is not a generic type"));
            return TypeId::INVALID;
        };
        let idx: Vec<ExprId> = self.ast_list(indices).to_vec();
        if idx.len() != tps.len() {
            let qual = if idx.len() < tps.len() {
                "not enough"
            } else {
                "too many"
            };
            let name = self.es(x);
            let (got, want) = (idx.len(), tps.len());
            self.error(
                self.epos(e),
                format!("{qual} type arguments for type {name}: have {got}, want {want}"),
            );
            return TypeId::INVALID;
        }
        for (&i, &tp) in idx.iter().zip(&tps) {
            let Some(name) = self.ast.ident(i) else {
                let s = self.es(i);
                self.error(
                    self.epos(i),
                    format!("receiver type parameter {s} must be an identifier"),
                );
                continue;
            };
            let obj = self.new_obj(name, self.epos(i), tp, ObjKind::TypeName { alias: false });
            self.info.record_def(i, obj);
            self.info.record(i, Mode::TypeExpr, tp, None);
            if name != Name::BLANK {
                self.declare_local(Some(i), obj);
            }
        }
        *tparams = tps;
        self.info.instances.insert(
            x,
            Instance {
                targs: tparams.clone(),
                ty: g,
            },
        );
        g
    }

    /// The type parameter names a method's receiver declares (`E` in `func (l *List[E])`),
    /// declared again for the method's body.
    pub fn declare_receiver_tparams(&mut self, recv_ty: ExprId) {
        let mut te = self.ast.unparen(recv_ty);
        if let ExprKind::Star(x) = self.ast.expr(te).kind {
            te = self.ast.unparen(x);
        }
        if let ExprKind::Index { indices, .. } = self.ast.expr(te).kind {
            for &i in self.ast_list(indices) {
                if let (Some(name), Some(obj)) = (self.ast.ident(i), self.info.def(i)) {
                    self.env.locals.push((name, obj));
                }
            }
        }
    }

    /// The generic function `e` denotes, if any (not a method: a method's type parameters
    /// come from its receiver).
    pub fn generic_func(&self, e: ExprId) -> Option<ObjId> {
        let e = self.ast.unparen(e);
        let o = self
            .info
            .object_of(e)
            .or_else(|| self.info.selection(e).map(|s| s.obj))
            .filter(|o| !o.is_none())?;
        let f = self.obj(o).func()?;
        (!f.tparams.is_empty() && f.recv.is_none()).then_some(o)
    }

    /// `f[A, B]` used as a value: an explicit instantiation of a generic function.
    pub fn func_instance(
        &mut self,
        x: &mut Operand,
        e: ExprId,
        fun: ExprId,
        f: ObjId,
        idx: &[ExprId],
    ) {
        let targs: Vec<TypeId> = idx.iter().map(|&i| self.var_type(i)).collect();
        x.expr = Some(e);
        if targs.contains(&TypeId::INVALID) {
            x.mode = Mode::Invalid;
            return;
        }
        let tparams = self
            .obj(f)
            .func()
            .map(|i| i.tparams.clone())
            .unwrap_or_default();
        if targs.len() > tparams.len() {
            let s = self.es(fun);
            let (got, want) = (targs.len(), tparams.len());
            self.error(
                self.epos(idx[tparams.len()]),
                format!("got {got} type arguments but {s} has {want} type parameters"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        // The rest from the constraints' core types (`First[[]byte]` of `First[S ~[]E, E any]`).
        let targs = if targs.len() < tparams.len() {
            let s = self.es(fun);
            // gc reports what it cannot infer at the `[`.
            let at = match self.ast.expr(e).kind {
                ExprKind::Index { lbrack, .. } => lbrack,
                _ => self.epos(e),
            };
            match self.infer(at, &s, &tparams, &targs, &[], &[]) {
                Some(all) => all,
                None => {
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        } else {
            targs
        };
        let sig = self.types.subst(self.obj(f).ty, &tparams, &targs);
        self.record_instance(fun, targs.clone(), sig);
        let at = idx.iter().map(|&i| self.epos(i)).collect();
        self.pending_verify.push(Verify {
            pos: self.epos(e),
            at,
            tparams,
            targs,
        });
        x.mode = Mode::Value;
        x.ty = sig;
    }

    /// Infers and checks the type arguments of a call of the generic function named by `gf`
    /// (`fun` is the call's function expression, `gsig_t` the generic signature), records
    /// the instance and returns the instantiated signature (`None` after an error).
    #[allow(clippy::too_many_arguments)]
    pub fn instantiate_call(
        &mut self,
        gf: ExprId,
        fun: ExprId,
        gsig_t: TypeId,
        gsig: &Signature,
        lparen: Pos,
        explicit: &[TypeId],
        explicit_at: &[Pos],
        ops: &[Operand],
        dots: bool,
    ) -> Option<Signature> {
        let f = self.generic_func(gf)?;
        let tparams = self
            .obj(f)
            .func()
            .map(|i| i.tparams.clone())
            .unwrap_or_default();
        let name = self.es(gf);
        if explicit.len() > tparams.len() {
            let (got, want) = (explicit.len(), tparams.len());
            self.error(
                explicit_at[want],
                format!("got {got} type arguments but {name} has {want} type parameters"),
            );
            return None;
        }
        let params = call_params(&self.types, gsig, ops.len(), dots);
        let targs = if params.len() == ops.len() {
            self.infer(lparen, &name, &tparams, explicit, &params, ops)?
        } else if explicit.len() == tparams.len() {
            explicit.to_vec()
        } else {
            // A wrong argument count: the arguments are checked (and reported) against the
            // generic signature.
            return Some(gsig.clone());
        };
        let t = self.types.subst(gsig_t, &tparams, &targs);
        self.record_instance(gf, targs.clone(), t);
        if fun != gf {
            self.info.record(fun, Mode::Value, t, None);
        }
        self.pending_verify.push(Verify {
            pos: lparen,
            at: explicit_at.to_vec(),
            tparams,
            targs,
        });
        self.types.signature(t).cloned()
    }

    /// Records that `fun` (an identifier or selector naming a generic function) is
    /// instantiated with `targs`, giving the signature `sig`.
    pub fn record_instance(&mut self, fun: ExprId, targs: Vec<TypeId>, sig: TypeId) {
        let fun = self.ast.unparen(fun);
        self.info.instances.insert(fun, Instance { targs, ty: sig });
        self.info.update(fun, sig, None);
    }

    /// gc's message for a type parameter that inference could not determine.
    pub fn cannot_infer(&self, fun: &str, tparam: TypeId) -> String {
        let obj = self.types.type_param(tparam).map(|p| p.obj);
        let (name, at) = match obj {
            Some(o) => (
                self.obj_name(o).to_string(),
                self.pos_string(self.obj(o).pos),
            ),
            None => ("?".to_string(), String::new()),
        };
        format!("in call to {fun}, cannot infer {name} (declared at {at})")
    }

    /// Reports a generic function or type used without instantiation.
    pub fn non_generic(&mut self, x: &mut Operand) {
        let Some(e) = x.expr else { return };
        if x.mode == Mode::Value && self.generic_func(e).is_some() {
            let s = self.es(e);
            self.error(
                self.op_pos(x),
                format!("cannot use generic function {s} without instantiation"),
            );
            x.mode = Mode::Invalid;
        }
    }

    /// Checks the pending instantiations against their constraints.
    pub fn verify_instances(&mut self) {
        let insts = std::mem::take(&mut self.pending_verify);
        for v in &insts {
            for (i, (&tp, &ta)) in v.tparams.iter().zip(&v.targs).enumerate() {
                let Some(bound) = self.types.type_param(tp).map(|p| p.constraint) else {
                    continue;
                };
                let bound = self.types.subst(bound, &v.tparams, &v.targs);
                if let Some(cause) = self.satisfies(ta, bound) {
                    let pos = v.at.get(i).copied().unwrap_or(v.pos);
                    self.error(pos, cause);
                    break;
                }
            }
        }
        // As gc, only in a package without errors.
        if self.errors.is_empty() {
            self.check_instantiation_cycles(&insts);
        }
    }
}

/// The parameter types a call's arguments are matched with: a variadic `...T` stands for
/// as many `T`s as there are extra arguments (unless the call spreads a slice, `f(xs...)`).
fn call_params(types: &Types, sig: &Signature, nargs: usize, dots: bool) -> Vec<TypeId> {
    let mut params = sig.params.clone();
    if sig.variadic && !dots && nargs + 1 >= params.len() {
        let last = params.pop().unwrap_or(TypeId::INVALID);
        let elem = match types.get(last) {
            Type::Slice(e) => *e,
            _ => last,
        };
        while params.len() < nargs {
            params.push(elem);
        }
    }
    params
}

#[cfg(test)]
mod tests {
    #[test]
    fn generic_types_and_functions_must_be_instantiated() {
        let src = "package main\n\ntype Box[T any] struct{ v T }\n\nfunc Id[T any](x T) T { return x }\n\nfunc main() {\n\tvar b Box\n\t_ = b\n\t_ = Id\n\t_ = Box[int]{v: Id(1)}\n}\n";
        assert_eq!(
            super::super::super::tests::errors(src),
            [
                "8:8: cannot use generic type Box[T any] without instantiation",
                "10:6: cannot use generic function Id without instantiation",
            ]
        );
    }

    #[test]
    fn type_arguments_are_counted() {
        let src = "package main\n\ntype Pair[K comparable, V any] struct{}\n\nfunc F[T any]() {}\n\nfunc main() {\n\tvar _ Pair[int]\n\tF[int, int]()\n}\n";
        assert_eq!(
            super::super::super::tests::errors(src),
            [
                "8:8: not enough type arguments for type Pair: have 1, want 2",
                "9:9: got 2 type arguments but F has 1 type parameters",
            ]
        );
    }
}
