//! Type argument inference for calls of generic functions (go/types' `infer`): typed
//! arguments are unified with their parameters, core types of constraints fill in what is
//! implied (`S ~[]E` gives `E` from `S`), and untyped constant arguments give their default
//! types last.

use super::super::super::ty::{Type, TypeId};
use super::super::{Checker, Operand};
use crate::syntax::Pos;

/// Type parameters as gc lists them in messages: `T`, `K and V`, `A, B, and C`.
fn params_string(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

impl Checker<'_> {
    /// The type arguments of a call of the generic function `fun` (named `fun_name` in
    /// messages) with type parameters `tparams`, given the `explicit` ones, the parameter
    /// types `params` (variadic parameters expanded to the arguments) and the arguments.
    /// Reports and returns `None` when they cannot be inferred.
    pub fn infer(
        &mut self,
        call_pos: Pos,
        fun_name: &str,
        tparams: &[TypeId],
        explicit: &[TypeId],
        params: &[TypeId],
        args: &[Operand],
    ) -> Option<Vec<TypeId>> {
        let n = tparams.len();
        let mut inf: Vec<Option<TypeId>> = (0..n).map(|i| explicit.get(i).copied()).collect();
        if inf.iter().all(Option::is_some) {
            return Some(inf.into_iter().flatten().collect());
        }
        if args.iter().any(Operand::is_invalid) {
            return None;
        }
        // A recursive call passes values of the function's own type parameters: infer with
        // fresh copies of them, so that "T is T" is not mistaken for a circular inference.
        let fresh;
        let renamed: Vec<TypeId>;
        let (tparams, params) = if args.iter().any(|a| self.types.mentions(a.ty, tparams)) {
            fresh = self.fresh_type_params(tparams);
            renamed = params
                .iter()
                .map(|&p| self.types.subst(p, tparams, &fresh))
                .collect();
            (&fresh[..], &renamed[..])
        } else {
            (tparams, params)
        };
        // Parameters with the explicit type arguments substituted (better messages).
        let known: Vec<TypeId> = explicit.to_vec();
        let params: Vec<TypeId> = params
            .iter()
            .map(|&p| self.types.subst(p, &tparams[..known.len()], &known))
            .collect();
        let mut untyped: Vec<usize> = Vec::new();
        for (i, (&par, arg)) in params.iter().zip(args).enumerate() {
            if !self.types.mentions(par, tparams) {
                continue;
            }
            if self.types.is_typed(arg.ty) {
                if !self.unify(par, arg.ty, tparams, &mut inf, 0) {
                    let msg = self.mismatch(fun_name, tparams, &inf, par, arg);
                    self.error(self.op_pos(arg), msg);
                    return None;
                }
            } else if tparams.contains(&par) && !arg.is_nil() {
                untyped.push(i);
            }
        }
        self.infer_from_core_types(tparams, &mut inf);
        // Untyped constants: the default type of the largest kind among the arguments of
        // each parameter still unknown.
        let mut max: Vec<Option<(TypeId, usize)>> = vec![None; n];
        for &i in &untyped {
            let k = tparams.iter().position(|&p| p == params[i]).unwrap_or(0);
            if inf[k].is_some() {
                continue;
            }
            let t = args[i].ty;
            max[k] = match max[k] {
                None => Some((t, i)),
                Some((m, mi)) => match self.max_untyped(m, t) {
                    Some(mt) => Some((mt, if mt == m { mi } else { i })),
                    None => {
                        let (ms, ts) = (self.ts(m), self.ts(t));
                        let p = self.tparam_name(tparams[k]);
                        self.error(
                            self.op_pos(&args[i]),
                            format!("in call to {fun_name}, mismatched types {ms} and {ts} (cannot infer {p})"),
                        );
                        return None;
                    }
                },
            };
        }
        for (k, m) in max.iter().enumerate() {
            if let Some((t, _)) = m {
                inf[k] = Some(self.types.default_type(*t));
            }
        }
        self.infer_from_core_types(tparams, &mut inf);
        // Inferred types may mention other type parameters: substitute until none is left.
        for _ in 0..n {
            let cur: Vec<TypeId> = inf
                .iter()
                .zip(tparams)
                .map(|(t, &p)| t.unwrap_or(p))
                .collect();
            let mut changed = false;
            for t in inf.iter_mut().flatten() {
                let s = self.types.subst(*t, tparams, &cur);
                changed |= s != *t;
                *t = s;
            }
            if !changed {
                break;
            }
        }
        for (i, t) in inf.iter().enumerate() {
            if t.is_none_or(|t| self.types.mentions(t, tparams)) {
                let msg = self.cannot_infer(fun_name, tparams[i]);
                self.error(call_pos, msg);
                return None;
            }
        }
        Some(inf.into_iter().flatten().collect())
    }

    /// Copies of `tparams` (same names, constraints rewritten to the copies).
    fn fresh_type_params(&mut self, tparams: &[TypeId]) -> Vec<TypeId> {
        let fresh: Vec<TypeId> = tparams
            .iter()
            .map(|&p| {
                let tp = self.types.type_param(p).cloned().expect("a type parameter");
                self.types.new_type_param(tp.obj, tp.index, tp.constraint)
            })
            .collect();
        for &f in &fresh {
            let c = self
                .types
                .type_param(f)
                .map_or(TypeId::INVALID, |p| p.constraint);
            let c = self.types.subst(c, tparams, &fresh);
            self.types.set_type_param_constraint(f, c);
        }
        fresh
    }

    /// A type parameter whose constraint has a single type (`~[]E`, `*T`), or a core type
    /// (`~chan E | ~<-chan E`: `<-chan E`), is that type: unify it with the parameter's type
    /// argument, or take it when it is a single exact type.
    fn infer_from_core_types(&mut self, tparams: &[TypeId], inf: &mut [Option<TypeId>]) {
        for _ in 0..tparams.len() {
            let mut changed = false;
            for (i, &p) in tparams.iter().enumerate() {
                let Some(c) = self.types.type_param(p).map(|p| p.constraint) else {
                    continue;
                };
                let Some(terms) = self.types.interface(c).and_then(|i| i.terms.clone()) else {
                    continue;
                };
                let (core, tilde, single) = match terms[..] {
                    [term] => (term.ty, term.tilde, true),
                    _ => match self.types.under(p) {
                        core if core == p => continue,
                        core => (core, terms.iter().any(|t| t.tilde), false),
                    },
                };
                let before: Vec<Option<TypeId>> = inf.to_vec();
                match inf[i] {
                    Some(t) if self.types.mentions(core, tparams) => {
                        let t = if tilde { self.types.under(t) } else { t };
                        self.unify(core, t, tparams, inf, 0);
                    }
                    None if single && !tilde => inf[i] = Some(core),
                    _ => {}
                }
                changed |= before != inf;
            }
            if !changed {
                break;
            }
        }
    }

    /// Unifies the parameter type `x` with the argument type `y`, recording what the type
    /// parameters must be. Like assignment, a defined type unifies with a type literal
    /// through its underlying type.
    fn unify(
        &mut self,
        x: TypeId,
        y: TypeId,
        tps: &[TypeId],
        inf: &mut [Option<TypeId>],
        depth: u32,
    ) -> bool {
        if x == y {
            return true;
        }
        if depth > 64 {
            return false;
        }
        let d = depth + 1;
        for (a, b) in [(x, y), (y, x)] {
            if let Some(i) = tps.iter().position(|&p| p == a) {
                return match inf[i] {
                    None => {
                        inf[i] = Some(b);
                        true
                    }
                    Some(t) if t == b => true,
                    Some(t) => self.unify(t, b, tps, inf, d),
                };
            }
        }
        // Another function's type parameter unifies through its core type, if any.
        for (a, b, a_first) in [(x, y, true), (y, x, false)] {
            if self.types.is_type_param(a) {
                let core = self.types.under(a);
                if core == a {
                    return false;
                }
                return if a_first {
                    self.unify(core, b, tps, inf, d)
                } else {
                    self.unify(b, core, tps, inf, d)
                };
            }
        }
        let (xn, yn) = (self.types.is_named(x), self.types.is_named(y));
        if xn != yn {
            let (x, y) = if xn {
                (self.types.under(x), y)
            } else {
                (x, self.types.under(y))
            };
            return self.unify(x, y, tps, inf, d);
        }
        match (self.types.get(x).clone(), self.types.get(y).clone()) {
            (Type::Pointer(a), Type::Pointer(b)) | (Type::Slice(a), Type::Slice(b)) => {
                self.unify(a, b, tps, inf, d)
            }
            (Type::Array(n, a), Type::Array(m, b)) => n == m && self.unify(a, b, tps, inf, d),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => {
                self.unify(k1, k2, tps, inf, d) && self.unify(v1, v2, tps, inf, d)
            }
            (Type::Chan(d1, a), Type::Chan(d2, b)) => {
                (d1 == d2 || d2 == crate::syntax::ast::ChanDir::Both)
                    && self.unify(a, b, tps, inf, d)
            }
            (Type::Func(s1), Type::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1
                        .params
                        .iter()
                        .chain(&s1.results)
                        .zip(s2.params.iter().chain(&s2.results))
                        .all(|(&a, &b)| self.unify(a, b, tps, inf, d))
            }
            (Type::Tuple(a), Type::Tuple(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(&b)
                        .all(|(&a, &b)| self.unify(a, b, tps, inf, d))
            }
            (Type::Struct(f1), Type::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(&f2).all(|(a, b)| {
                        a.name == b.name
                            && a.embedded == b.embedded
                            && a.pkg == b.pkg
                            && self.unify(a.ty, b.ty, tps, inf, d)
                    })
            }
            (Type::Interface(a), Type::Interface(b)) => {
                a.terms == b.terms
                    && a.comparable == b.comparable
                    && a.methods.len() == b.methods.len()
                    && a.methods.iter().zip(&b.methods).all(|(m1, m2)| {
                        m1.name == m2.name
                            && m1.pkg == m2.pkg
                            && self.unify(m1.sig, m2.sig, tps, inf, d)
                    })
            }
            (Type::Named(a), Type::Named(b)) => {
                let oa = a.origin.unwrap_or(x);
                let ob = b.origin.unwrap_or(y);
                let (ta, tb) = (
                    if a.origin.is_some() {
                        a.targs
                    } else {
                        a.tparams
                    },
                    if b.origin.is_some() {
                        b.targs
                    } else {
                        b.tparams
                    },
                );
                oa == ob
                    && !ta.is_empty()
                    && ta.len() == tb.len()
                    && ta
                        .iter()
                        .zip(&tb)
                        .all(|(&p, &q)| self.unify(p, q, tps, inf, d))
            }
            _ => false,
        }
    }

    /// gc's message for an argument whose type does not match its generic parameter.
    fn mismatch(
        &mut self,
        fun_name: &str,
        tparams: &[TypeId],
        inf: &[Option<TypeId>],
        par: TypeId,
        arg: &Operand,
    ) -> String {
        let targ = self.ts(arg.ty);
        let a = arg.expr.map(|e| self.es(e)).unwrap_or_default();
        let ps = self.ts(par);
        if inf.iter().all(Option::is_none) {
            let names: Vec<String> = tparams.iter().map(|&p| self.tparam_name(p)).collect();
            let names = params_string(&names);
            return format!(
                "in call to {fun_name}, type {targ} of {a} does not match {ps} (cannot infer {names})"
            );
        }
        let cur: Vec<TypeId> = inf
            .iter()
            .zip(tparams)
            .map(|(t, &p)| t.unwrap_or(p))
            .collect();
        let inferred = self.types.subst(par, tparams, &cur);
        if inferred == par {
            return format!("in call to {fun_name}, type {targ} of {a} does not match {ps}");
        }
        let is = self.ts(inferred);
        format!(
            "in call to {fun_name}, type {targ} of {a} does not match inferred type {is} for {ps}"
        )
    }

    /// A type parameter's name.
    pub fn tparam_name(&self, p: TypeId) -> String {
        self.types
            .type_param(p)
            .map(|p| self.obj_name(p.obj).to_string())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::params_string;

    #[test]
    fn type_parameter_lists_read_as_english() {
        let s = |v: &[&str]| params_string(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&["T"]), "T");
        assert_eq!(s(&["K", "V"]), "K and V");
        assert_eq!(s(&["A", "B", "C"]), "A, B, and C");
    }
}
