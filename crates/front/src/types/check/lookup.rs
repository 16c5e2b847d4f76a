//! The checker's side of field and method lookup (see [`super::super::lookup`]: pointer
//! receivers and addressability), assignability, interface satisfaction, and
//! convertibility.

use super::super::info::Mode;
use super::super::ty::{Type, TypeId};
use super::{Checker, Operand};
use crate::syntax::ast::{ChanDir, Name};

/// A lookup as the checker sees it: [`Lookup`] plus whether a pointer receiver was missing.
#[derive(Clone, Debug, Default)]
pub(crate) struct LookupResult {
    pub found: Option<Found>,
    pub path: Vec<u32>,
    pub indirect: bool,
    pub ambiguous: bool,
    /// A method with a pointer receiver was found on a value that is not addressable.
    pub needs_ptr: bool,
}

pub(crate) use super::super::lookup::Found;
use super::super::lookup::LookupCtx;

impl Checker<'_> {
    /// The lookup context of the package being checked.
    pub fn lookup_ctx(&self) -> LookupCtx<'_> {
        LookupCtx {
            types: &self.types,
            objs: &self.objs,
            names: &self.ast.names,
            pkg: self.pkg,
        }
    }

    /// Finds the field or method `sel` of a value of type `t` (go/types'
    /// `lookupFieldOrMethod`); a method with a pointer receiver on a value that is not
    /// `addressable` (and reached without a pointer) is reported as `needs_ptr`.
    pub fn lookup_field_or_method(
        &mut self,
        t: TypeId,
        addressable: bool,
        sel: Name,
        fold: bool,
    ) -> LookupResult {
        let l = self.lookup_ctx().lookup(t, sel, fold);
        if let Some(Found::Method(m)) = l.found {
            self.obj_decl(m);
            let ptr = self.obj(m).func().is_some_and(|f| f.ptr_recv);
            if ptr && !l.indirect && !addressable {
                return LookupResult {
                    needs_ptr: true,
                    ..Default::default()
                };
            }
        }
        LookupResult {
            found: l.found,
            path: l.path,
            indirect: l.indirect,
            ambiguous: l.ambiguous,
            needs_ptr: false,
        }
    }

    /// The type of the found member (a field's type, a method's signature).
    pub fn found_type(&mut self, f: &Found) -> TypeId {
        match f {
            Found::Field { strukt, index } => self
                .types
                .struct_fields(*strukt)
                .map_or(TypeId::INVALID, |fs| fs[*index as usize].ty),
            Found::Method(m) => {
                self.obj_decl(*m);
                self.obj(*m).ty
            }
            Found::IfaceMethod { iface, index } => self
                .types
                .interface(*iface)
                .map_or(TypeId::INVALID, |i| i.methods[*index as usize].sig),
        }
    }

    /// Why `v` does not implement the interface `t` (`None` if it does). `static_`: for an
    /// interface `v`, all of `t`'s methods must be present (not just compatible).
    pub fn missing_method_cause(&mut self, v: TypeId, t: TypeId, static_: bool) -> Option<String> {
        let methods = self.types.interface(t)?.methods.clone();
        if methods.is_empty() {
            return None;
        }
        if let Some(vi) = self.types.interface(v).cloned() {
            for m in &methods {
                match vi
                    .methods
                    .iter()
                    .find(|f| f.name == m.name && f.pkg == m.pkg)
                {
                    None if !static_ => continue,
                    None => return Some(format!("(missing method {})", self.name_str(m.name))),
                    Some(f) if f.sig != m.sig => {
                        let (fs, ms) = (
                            self.func_string(m.name, f.sig),
                            self.func_string(m.name, m.sig),
                        );
                        return Some(format!(
                            "(wrong type for method {})\n\t\thave {fs}\n\t\twant {ms}",
                            self.name_str(m.name)
                        ));
                    }
                    Some(_) => {}
                }
            }
            return None;
        }
        for m in &methods {
            // An unexported method matches one of the interface's package, wherever the
            // check happens (`*testing.T` implements `testing.TB`, with its `private`).
            let here = self.pkg;
            self.pkg = m.pkg.unwrap_or(here);
            let l = self.lookup_field_or_method(v, false, m.name, false);
            self.pkg = here;
            let mname = self.name_str(m.name).to_string();
            match &l.found {
                None if l.ambiguous => {
                    return Some(format!("(ambiguous selector {}.{mname})", self.ts(v)))
                }
                None if l.needs_ptr => {
                    return Some(format!("(method {mname} has pointer receiver)"))
                }
                None => {
                    if let Some(p) = self.types.pointer_elem(v) {
                        if self.types.is_interface(p) {
                            return Some(format!(
                                "(type {} is pointer to interface, not interface)",
                                self.ts(v)
                            ));
                        }
                    }
                    let alt = self.lookup_field_or_method(v, false, m.name, true);
                    if let Some(Found::Method(f)) = alt.found {
                        let fname = self.obj(f).name;
                        if fname == m.name {
                            return Some(format!("(unexported method {mname})"));
                        }
                        let fs = self.func_string(fname, self.obj(f).ty);
                        let ms = self.func_string(m.name, m.sig);
                        return Some(format!(
                            "(missing method {mname})\n\t\thave {fs}\n\t\twant {ms}"
                        ));
                    }
                    return Some(format!("(missing method {mname})"));
                }
                Some(Found::Field { .. }) => {
                    return Some(format!("({}.{mname} is a field, not a method)", self.ts(v)))
                }
                Some(f) => {
                    let f = f.clone();
                    let mut ft = self.found_type(&f);
                    if let Found::Method(_) = f {
                        // A method of a generic type, on an instance.
                        let base = self.value_type_at(v, &l.path);
                        let base = self.types.pointer_elem(base).unwrap_or(base);
                        let (tps, targs) = self.types.instance_map(base);
                        ft = self.types.subst(ft, &tps, &targs);
                    }
                    if ft != m.sig {
                        let (fs, ms) = (
                            self.func_string(m.name, ft),
                            self.func_string(m.name, m.sig),
                        );
                        return Some(format!(
                            "(wrong type for method {mname})\n\t\thave {fs}\n\t\twant {ms}"
                        ));
                    }
                }
            }
        }
        None
    }

    fn func_string(&self, name: Name, sig: TypeId) -> String {
        format!(
            "{}{}",
            self.name_str(name),
            self.tfmt().signature_string(sig)
        )
    }

    /// Why `v` does not implement `t` (`None` if it does), as gc words it.
    pub fn implements(&mut self, v: TypeId, t: TypeId) -> Option<String> {
        if self.types.under(v) == TypeId::INVALID || self.types.under(t) == TypeId::INVALID {
            return None;
        }
        let Some(ti) = self.types.interface(t).cloned() else {
            let (vs, ts) = (self.ts(v), self.ts(t));
            return Some(format!(
                "{vs} does not implement {ts} ({ts} is not an interface)"
            ));
        };
        if let Some(cause) = self.missing_method_cause(v, t, true) {
            let (vs, ts) = (self.ts(v), self.ts(t));
            return Some(format!("{vs} does not implement {ts} {cause}"));
        }
        if ti.comparable && !self.types.comparable(v) {
            let vs = self.ts(v);
            return Some(format!("{vs} does not implement comparable"));
        }
        if let Some(terms) = &ti.terms {
            let ok = terms.iter().any(|term| {
                if term.tilde {
                    self.types.under(v) == self.types.under(term.ty)
                } else {
                    v == term.ty
                }
            });
            if !ok {
                let (vs, ts) = (self.ts(v), self.ts(t));
                let tl: Vec<String> = terms
                    .iter()
                    .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.ts(t.ty)))
                    .collect();
                return Some(format!(
                    "{vs} does not implement {ts} ({vs} missing in {})",
                    tl.join(" | ")
                ));
            }
        }
        None
    }

    /// Whether `x` can be assigned to a variable of type `t`; `cause` gets gc's explanation.
    pub fn assignable_to(&mut self, x: &Operand, t: TypeId, cause: &mut Option<String>) -> bool {
        if x.is_invalid() || t == TypeId::INVALID {
            return true;
        }
        let v = x.ty;
        if v == t {
            return true;
        }
        let (vu, tu) = (self.types.under(v), self.types.under(t));
        let (vp, tp) = (self.types.is_type_param(v), self.types.is_type_param(t));
        if self.types.is_untyped(vu) {
            if tp {
                return true;
            }
            return self.implicit_type_and_value(x, t).is_ok();
        }
        if vu == tu && (!self.types.has_name(v) || !self.types.has_name(t)) && !vp && !tp {
            return true;
        }
        let t_is_iface = self.types.interface(tu).is_some() && !tp;
        let t_is_iface_ptr = self
            .types
            .pointer_elem(tu)
            .is_some_and(|b| self.types.is_interface(b));
        if t_is_iface || t_is_iface_ptr {
            match self.implements(v, t) {
                None => return true,
                Some(c) => {
                    if !vp {
                        *cause = Some(c);
                        return false;
                    }
                }
            }
        }
        if self.types.interface(vu).is_some() && !vp && self.implements(t, v).is_none() {
            *cause = Some("need type assertion".into());
            return false;
        }
        if let (Type::Chan(ChanDir::Both, ve), Type::Chan(_, te)) =
            (self.types.get(vu), self.types.get(tu))
        {
            if ve == te {
                return !self.types.has_name(v) || !self.types.has_name(t);
            }
        }
        // With a type parameter and a type literal: every type of the parameter's set.
        if tp && !self.types.has_name(v) {
            return self.for_type_set(t, |c, term| c.assignable_to(x, term, &mut None));
        }
        if vp && !self.types.has_name(t) {
            return self.for_type_set(v, |c, term| {
                let y = Operand {
                    mode: Mode::Value,
                    ty: term,
                    ..x.clone()
                };
                c.assignable_to(&y, t, &mut None)
            });
        }
        false
    }

    /// Whether `f` holds for every type of the type set of the type parameter `p` (false
    /// for a set of every type).
    fn for_type_set(&mut self, p: TypeId, mut f: impl FnMut(&mut Self, TypeId) -> bool) -> bool {
        let terms = self
            .types
            .type_param(p)
            .and_then(|p| self.types.interface(p.constraint))
            .and_then(|i| i.terms.clone())
            .unwrap_or_default();
        !terms.is_empty() && terms.iter().all(|term| f(self, term.ty))
    }

    /// Whether the non-constant `x` can be converted to `t`.
    pub fn convertible_to(&mut self, x: &Operand, t: TypeId, cause: &mut Option<String>) -> bool {
        // Why it is not assignable (an interface's missing method) stays the reason, as gc
        // gives it, unless a rule below says another.
        if self.assignable_to(x, t, cause) {
            return true;
        }
        let v = x.ty;
        let (vu, tu) = (self.types.under(v), self.types.under(t));
        let (vp, tp) = (self.types.is_type_param(v), self.types.is_type_param(t));
        if vp || tp {
            // Every type of the set(s) must convert.
            let with = |c: &mut Self, from: TypeId, to: TypeId| {
                let y = Operand {
                    mode: Mode::Value,
                    ty: from,
                    ..x.clone()
                };
                c.convertible_to(&y, to, &mut None)
            };
            return match (vp, tp) {
                (true, true) => {
                    self.for_type_set(v, |c, vt| c.for_type_set(t, |c, tt| with(c, vt, tt)))
                }
                (true, false) => self.for_type_set(v, |c, vt| with(c, vt, t)),
                _ => self.for_type_set(t, |c, tt| with(c, v, tt)),
            };
        }
        // Struct tags are ignored, at every depth.
        let same = |c: &mut Self, a: TypeId, b: TypeId| {
            a == b || c.types.without_tags(a) == c.types.without_tags(b)
        };
        if same(self, vu, tu) {
            return true;
        }
        if let (Type::Pointer(vb), Type::Pointer(tb)) = (self.types.get(v), self.types.get(t)) {
            let (vb, tb) = (self.types.under(*vb), self.types.under(*tb));
            if same(self, vb, tb) {
                return true;
            }
        }
        let int_or_float = |c: &Self, t: TypeId| c.types.is_integer(t) || c.types.is_float(t);
        if int_or_float(self, vu) && int_or_float(self, tu) {
            return true;
        }
        if self.types.is_complex(vu) && self.types.is_complex(tu) {
            return true;
        }
        let bytes_or_runes = |c: &Self, t: TypeId| match c.types.get(t) {
            Type::Slice(e) => matches!(
                c.types.basic(*e),
                Some(super::super::ty::BasicKind::Uint8 | super::super::ty::BasicKind::Int32)
            ),
            _ => false,
        };
        if (self.types.is_integer(vu) || bytes_or_runes(self, vu)) && self.types.is_string(tu) {
            return true;
        }
        if self.types.is_string(vu) && bytes_or_runes(self, tu) {
            return true;
        }
        if let Type::Slice(se) = self.types.get(vu).clone() {
            if let Type::Pointer(p) = self.types.get(tu) {
                if let Type::Array(_, ae) = self.types.get(self.types.under(*p)) {
                    if *ae == se {
                        return true;
                    }
                }
            }
            if let Type::Array(_, ae) = self.types.get(tu) {
                if *ae == se {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn interface_satisfaction_explains_what_is_missing() {
        let src = "package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc (t *T) M() {}\n\nfunc main() {\n\tvar _ I = T{}\n\tvar _ I = &T{}\n}\n";
        assert_eq!(
        super::super::tests::errors(src),
        ["9:12: cannot use T{} (value of struct type T) as I value in variable declaration: T does not implement I (method M has pointer receiver)"]
    );
    }

    #[test]
    fn conversions_follow_the_spec() {
        let errs = body_errors("\t_ = string(rune(65)) + string([]byte{66})\n\t_ = int(\"1\")\n");
        assert_eq!(
            errs,
            ["5:10: cannot convert \"1\" (untyped string constant) to type int"]
        );
    }

    #[test]
    fn struct_tags_make_types_differ_but_conversions_ignore_them() {
        let src = "package main\n\ntype A struct {\n\tX []struct{ Y int `k:\"v\"` } `json:\"x\"`\n}\n\nfunc main() {\n\tvar b struct{ X []struct{ Y int } }\n\tb = A{}\n\tb = struct{ X []struct{ Y int } }(A{})\n\t_ = (*A)(&b)\n\t_ = b\n}\n";
        assert_eq!(
            super::super::tests::errors(src),
            ["9:6: cannot use A{} (value of struct type A) as struct{X []struct{Y int}} value in assignment"]
        );
    }
}
