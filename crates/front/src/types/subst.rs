//! Substitution of type arguments for type parameters, and instances of generic types.
//!
//! The checker checks a generic function or type once, with its type parameters standing
//! for any type of their constraint; the compiler produces one copy per list of type
//! arguments and maps every type it reads from [`super::Info`] through [`Types::subst`].
//!
//! # Invariants
//! - An instance `G[A, B]` of a generic type `G` is a [`Named`] with `origin: Some(G)` and
//!   `targs: [A, B]`, unique per (G, type arguments): instances are identical exactly when
//!   their type arguments are. `G[P, Q]` with `G`'s own type parameters is `G` itself.
//! - An instance's underlying type is `G`'s with the type arguments substituted; while `G`
//!   is still being declared (recursive types), it is computed once `G`'s is known.
//! - An instance has no methods of its own: they are `G`'s ([`Named::methods`] of the
//!   origin), whose signatures use `G`'s type parameters.

use super::ty::{IMethod, Interface, Named, Signature, StructField, Term, Type, TypeId, Types};

/// How many instances of generic types may be expanded one inside another: far more than a
/// program nests, few enough for the stack.
const MAX_EXPANDING: u32 = 100;

impl Types {
    /// `t` with each type parameter `tparams[i]` replaced by `targs[i]`.
    pub fn subst(&mut self, t: TypeId, tparams: &[TypeId], targs: &[TypeId]) -> TypeId {
        if tparams.is_empty() || tparams == targs {
            return t;
        }
        self.subst_in(t, tparams, targs, 0)
    }

    fn subst_in(&mut self, t: TypeId, tps: &[TypeId], targs: &[TypeId], depth: u32) -> TypeId {
        if depth > 100 {
            return t; // a pathological nesting; leave it
        }
        let d = depth + 1;
        let s = |types: &mut Types, t: TypeId| types.subst_in(t, tps, targs, d);
        match self.get(t).clone() {
            Type::Basic(_) => t,
            Type::TypeParam(_) => match tps.iter().position(|&p| p == t) {
                Some(i) => targs[i],
                None => t,
            },
            Type::Pointer(e) => {
                let e = s(self, e);
                self.pointer(e)
            }
            Type::Slice(e) => {
                let e = s(self, e);
                self.slice(e)
            }
            Type::Array(n, e) => {
                let e = s(self, e);
                self.array(n, e)
            }
            Type::Map(k, v) => {
                let (k, v) = (s(self, k), s(self, v));
                self.map(k, v)
            }
            Type::Chan(dir, e) => {
                let e = s(self, e);
                self.chan(dir, e)
            }
            Type::Func(sig) => {
                let params = sig.params.iter().map(|&p| s(self, p)).collect();
                let results = sig.results.iter().map(|&r| s(self, r)).collect();
                self.intern(Type::Func(Signature {
                    params,
                    results,
                    variadic: sig.variadic,
                }))
            }
            Type::Tuple(elems) => {
                let elems = elems.iter().map(|&e| s(self, e)).collect();
                self.intern(Type::Tuple(elems))
            }
            Type::Struct(fields) => {
                let fields = fields
                    .iter()
                    .map(|f| StructField {
                        ty: s(self, f.ty),
                        ..f.clone()
                    })
                    .collect();
                self.intern(Type::Struct(fields))
            }
            Type::Interface(i) => {
                let methods = i
                    .methods
                    .iter()
                    .map(|m| IMethod {
                        sig: s(self, m.sig),
                        ..m.clone()
                    })
                    .collect();
                let terms = i.terms.as_ref().map(|ts| {
                    ts.iter()
                        .map(|term| Term {
                            tilde: term.tilde,
                            ty: s(self, term.ty),
                        })
                        .collect()
                });
                self.intern(Type::Interface(Interface {
                    methods,
                    terms,
                    comparable: i.comparable,
                    implicit: i.implicit,
                }))
            }
            Type::Named(n) => {
                let (origin, args) = match n.origin {
                    Some(o) => (o, n.targs),
                    None if !n.tparams.is_empty() => (t, n.tparams),
                    None => return t,
                };
                let args: Vec<TypeId> = args.iter().map(|&a| s(self, a)).collect();
                self.instantiate(origin, &args)
            }
        }
    }

    /// The instance `origin[targs]` of the generic type `origin`.
    pub fn instantiate(&mut self, origin: TypeId, targs: &[TypeId]) -> TypeId {
        let Some(g) = self.named(origin) else {
            return TypeId::INVALID;
        };
        if g.tparams == targs {
            return origin;
        }
        let key = (origin, targs.to_vec());
        if let Some(&t) = self.instances.get(&key) {
            return t;
        }
        let obj = g.obj;
        let ready = g.underlying != TypeId::INVALID;
        let t = self.push_unique(Type::Named(Named {
            obj,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
            tparams: Vec::new(),
            targs: targs.to_vec(),
            origin: Some(origin),
        }));
        self.instances.insert(key, t);
        if ready {
            self.expand(t);
        } else {
            self.pending.push(t);
        }
        t
    }

    /// Computes the underlying type of the instance `t`. An instance whose underlying type
    /// holds an ever larger instance of itself (`type T[P any] struct{ f *T[[]P] }`, an
    /// instantiation cycle, which the checker reports) would be expanded forever: past
    /// [`MAX_EXPANDING`] expansions one inside another, it is left without one.
    fn expand(&mut self, t: TypeId) {
        if self.expanding >= MAX_EXPANDING {
            return;
        }
        self.expanding += 1;
        self.expand_now(t);
        self.expanding -= 1;
    }

    fn expand_now(&mut self, t: TypeId) {
        let Some(n) = self.named(t) else { return };
        let (Some(origin), targs) = (n.origin, n.targs.clone()) else {
            return;
        };
        let Some(g) = self.named(origin) else { return };
        let (under, tparams) = (g.underlying, g.tparams.clone());
        let u = self.subst(under, &tparams, &targs);
        if let Some(n) = self.named_mut(t) {
            n.underlying = u;
        }
    }

    /// Computes the underlying types of the instances of `origin` made while it was being
    /// declared (call once its underlying type is set).
    pub(crate) fn complete_instances(&mut self, origin: TypeId) {
        let waiting: Vec<TypeId> = self
            .pending
            .iter()
            .copied()
            .filter(|&t| self.named(t).is_some_and(|n| n.origin == Some(origin)))
            .collect();
        if waiting.is_empty() {
            return;
        }
        self.pending.retain(|t| !waiting.contains(t));
        for t in waiting {
            self.expand(t);
        }
    }

    /// The type parameters and type arguments that turn members of `origin`'s declaration
    /// into members of the instance `t` (empty if `t` is not an instance).
    pub fn instance_map(&self, t: TypeId) -> (Vec<TypeId>, Vec<TypeId>) {
        let Some(n) = self.named(t) else {
            return (Vec::new(), Vec::new());
        };
        match n.origin.and_then(|o| self.named(o)) {
            Some(g) => (g.tparams.clone(), n.targs.clone()),
            None => (Vec::new(), Vec::new()),
        }
    }

    /// Whether `t` mentions one of `tparams`.
    pub fn mentions(&self, t: TypeId, tparams: &[TypeId]) -> bool {
        self.mentions_in(t, tparams, 0)
    }

    fn mentions_in(&self, t: TypeId, tps: &[TypeId], depth: u32) -> bool {
        if depth > 100 {
            return false;
        }
        let m = |t: TypeId| self.mentions_in(t, tps, depth + 1);
        match self.get(t) {
            Type::Basic(_) => false,
            Type::TypeParam(_) => tps.contains(&t),
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => m(*e),
            Type::Map(k, v) => m(*k) || m(*v),
            Type::Func(sig) => sig.params.iter().chain(&sig.results).any(|&p| m(p)),
            Type::Tuple(elems) => elems.iter().any(|&e| m(e)),
            Type::Struct(fields) => fields.iter().any(|f| m(f.ty)),
            Type::Interface(i) => {
                i.methods.iter().any(|x| m(x.sig))
                    || i.terms.iter().flatten().any(|term| m(term.ty))
            }
            Type::Named(n) => {
                n.targs.iter().any(|&a| m(a))
                    || n.origin.is_none() && n.tparams.iter().any(|p| tps.contains(p))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::object::ObjId;
    use super::*;

    #[test]
    fn substitution_rebuilds_composite_types() {
        let mut t = Types::new();
        let p = t.new_type_param(ObjId::NONE, 0, TypeId::EMPTY_INTERFACE);
        let sp = t.slice(p);
        let m = t.map(TypeId::STRING, sp);
        let f = t.func(vec![m], vec![p], false);
        let g = t.subst(f, &[p], &[TypeId::INT]);
        let si = t.slice(TypeId::INT);
        let mi = t.map(TypeId::STRING, si);
        assert_eq!(g, t.func(vec![mi], vec![TypeId::INT], false));
        assert!(t.mentions(f, &[p]));
        assert!(!t.mentions(g, &[p]));
    }

    #[test]
    fn instances_are_unique_and_expand_when_their_origin_is_declared() {
        let mut t = Types::new();
        let list = t.new_named(ObjId::NONE);
        let p = t.new_type_param(ObjId::NONE, 0, TypeId::EMPTY_INTERFACE);
        t.named_mut(list).unwrap().tparams = vec![p];
        // While List is being declared: `next *List[T]` is List itself; List[int] waits.
        assert_eq!(t.instantiate(list, &[p]), list);
        let li = t.instantiate(list, &[TypeId::INT]);
        assert_eq!(t.instantiate(list, &[TypeId::INT]), li);
        assert_eq!(t.under(li), TypeId::INVALID);
        let next = t.pointer(list);
        let under = t.intern(Type::Struct(vec![StructField {
            name: crate::syntax::ast::Name::BLANK,
            ty: next,
            embedded: false,
            pkg: None,
            tag: None,
        }]));
        t.named_mut(list).unwrap().underlying = under;
        t.complete_instances(list);
        let field = t.struct_fields(li).unwrap()[0].ty;
        assert_eq!(field, t.pointer(li));
        assert_eq!(t.instance_map(li), (vec![p], vec![TypeId::INT]));
    }
}
