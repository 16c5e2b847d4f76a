//! Field and method lookup through embedded fields (the spec's selector rules), shared by the
//! checker and the compiler (which needs the methods of dynamic types for interface calls).
//!
//! The search is breadth first: the shallowest match wins; two matches at the same depth
//! make the selector ambiguous; a type embedded twice at one depth is ambiguous below it.
//!
//! # Invariants
//! - A [`Lookup`]'s `path` lists the embedded field indices walked from the starting type
//!   (after dereferencing it if it is a pointer) to the struct holding the found field, or to
//!   the value whose type declares the found method.
//! - `found` is `None` when nothing matched or the selector is ambiguous.

use super::object::{ObjId, Object, PkgId};
use super::ty::{Type, TypeId, Types};
use crate::syntax::ast::{Name, Names};

/// What a lookup found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A struct field: the struct type (an underlying type) and the field's index in it.
    Field { strukt: TypeId, index: u32 },
    /// A method declared on a named type.
    Method(ObjId),
    /// A method of an interface: the interface type and the method's index in its (sorted)
    /// method set.
    IfaceMethod { iface: TypeId, index: u32 },
}

/// The result of a field or method lookup.
#[derive(Clone, Debug, Default)]
pub struct Lookup {
    pub found: Option<Found>,
    /// Embedded field indices walked to reach the found field's struct or the method's
    /// receiver.
    pub path: Vec<u32>,
    /// A pointer was dereferenced on the way (the starting type or an embedded field).
    pub indirect: bool,
    /// Several candidates at the same depth.
    pub ambiguous: bool,
}

/// What a lookup reads: the type and object tables and the name of the package doing the
/// lookup (unexported names match only inside their package).
pub struct LookupCtx<'a> {
    pub types: &'a Types,
    pub objs: &'a [Object],
    pub names: &'a Names,
    pub pkg: PkgId,
}

#[derive(Clone)]
struct Embedded {
    ty: TypeId,
    path: Vec<u32>,
    indirect: bool,
    multiples: bool,
}

impl LookupCtx<'_> {
    /// Whether a member named `name` of package `pkg` matches `sel` (`fold`: ignoring case,
    /// for the "but does have" hints of messages).
    pub fn same_id(&self, name: Name, pkg: Option<PkgId>, sel: Name, fold: bool) -> bool {
        if fold {
            return self
                .names
                .get(name)
                .eq_ignore_ascii_case(self.names.get(sel));
        }
        name == sel && (pkg.is_none() || pkg == Some(self.pkg) || is_exported(self.names.get(sel)))
    }

    /// The methods of a named type (an instance of a generic type has its origin's).
    pub fn named_methods(&self, t: TypeId) -> &[ObjId] {
        match self.types.named(t) {
            Some(n) => match n.origin.and_then(|o| self.types.named(o)) {
                Some(origin) => &origin.methods,
                None => &n.methods,
            },
            None => &[],
        }
    }

    /// Finds the field or method `sel` of a value of type `t`. A named pointer type has no
    /// methods, but its fields can be selected.
    pub fn lookup(&self, t: TypeId, sel: Name, fold: bool) -> Lookup {
        if self.types.is_named(t) {
            let u = self.types.under(t);
            if matches!(self.types.get(u), Type::Pointer(_)) {
                let l = self.lookup_impl(u, sel, fold);
                if matches!(l.found, Some(Found::Method(_) | Found::IfaceMethod { .. })) {
                    return Lookup::default();
                }
                return l;
            }
        }
        self.lookup_impl(t, sel, fold)
    }

    fn lookup_impl(&self, t: TypeId, sel: Name, fold: bool) -> Lookup {
        let mut out = Lookup::default();
        if sel == Name::BLANK {
            return out;
        }
        let (typ, is_ptr) = match self.types.get(t) {
            Type::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        if is_ptr && self.types.interface(typ).is_some() {
            return out; // pointers to interfaces have no methods
        }
        let ambiguous = |path: &[u32]| Lookup {
            ambiguous: true,
            path: path.to_vec(),
            ..Default::default()
        };
        let mut current = vec![Embedded {
            ty: typ,
            path: Vec::new(),
            indirect: is_ptr,
            multiples: false,
        }];
        let mut seen: Vec<TypeId> = Vec::new();
        while !current.is_empty() {
            let mut next: Vec<Embedded> = Vec::new();
            for e in &current {
                if self.types.is_named(e.ty) {
                    if seen.contains(&e.ty) {
                        continue;
                    }
                    seen.push(e.ty);
                    let found = self.named_methods(e.ty).iter().find(|&&m| {
                        let o = &self.objs[m.0 as usize];
                        self.same_id(o.name, o.pkg, sel, fold)
                    });
                    if let Some(&m) = found {
                        if out.found.is_some() || e.multiples {
                            return ambiguous(&e.path);
                        }
                        out.found = Some(Found::Method(m));
                        out.path = e.path.clone();
                        out.indirect = e.indirect;
                        continue;
                    }
                }
                // A type parameter has the methods of its constraint (and no fields).
                let u = match self.types.type_param(e.ty) {
                    Some(p) => self.types.under(p.constraint),
                    None => self.types.under(e.ty),
                };
                match self.types.get(u) {
                    Type::Struct(fields) => {
                        for (i, f) in fields.iter().enumerate() {
                            if self.same_id(f.name, f.pkg, sel, fold) {
                                if out.found.is_some() || e.multiples {
                                    return ambiguous(&e.path);
                                }
                                out.found = Some(Found::Field {
                                    strukt: u,
                                    index: i as u32,
                                });
                                out.path = e.path.clone();
                                out.indirect = e.indirect;
                                continue;
                            }
                            if out.found.is_none() && f.embedded {
                                let (ft, fptr) = match self.types.get(f.ty) {
                                    Type::Pointer(b) => (*b, true),
                                    _ => (f.ty, false),
                                };
                                let mut path = e.path.clone();
                                path.push(i as u32);
                                next.push(Embedded {
                                    ty: ft,
                                    path,
                                    indirect: e.indirect || fptr,
                                    multiples: e.multiples,
                                });
                            }
                        }
                    }
                    Type::Interface(iface) => {
                        let found = iface
                            .methods
                            .iter()
                            .position(|m| self.same_id(m.name, m.pkg, sel, fold));
                        if let Some(i) = found {
                            if out.found.is_some() || e.multiples {
                                return ambiguous(&e.path);
                            }
                            out.found = Some(Found::IfaceMethod {
                                iface: u,
                                index: i as u32,
                            });
                            out.path = e.path.clone();
                            out.indirect = e.indirect;
                        }
                    }
                    _ => {}
                }
            }
            if out.found.is_some() {
                return out;
            }
            // Types found several times at one depth are ambiguous below it.
            let mut consolidated: Vec<Embedded> = Vec::new();
            for e in next {
                if let Some(prev) = consolidated.iter_mut().find(|p| p.ty == e.ty) {
                    prev.multiples = true;
                } else {
                    consolidated.push(e);
                }
            }
            current = consolidated;
        }
        out
    }
}

/// Whether a Go identifier is exported (starts with an upper-case letter).
pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::super::check_program;
    use super::*;

    #[test]
    fn promoted_members_are_found_breadth_first() {
        let src = "package main\n\ntype In struct{ a int }\n\nfunc (In) M() {}\n\ntype Mid struct {\n\tIn\n\ta string\n}\n\ntype Out struct{ *Mid }\n\nfunc main() { _ = Out{} }\n";
        let c = check_program(src, "prog.go").unwrap_or_else(|d| panic!("{:?}", d.lines()));
        let out = c.package(c.main).scope[&c.ast.names.lookup("Out").unwrap()];
        let t = c.obj(out).ty;
        let ctx = c.lookup_ctx();
        let a = ctx.lookup(t, c.ast.names.lookup("a").unwrap(), false);
        assert!(matches!(a.found, Some(Found::Field { index: 1, .. })));
        assert_eq!(a.path, [0], "Mid.a hides Mid.In.a");
        assert!(a.indirect, "through *Mid");
        let m = ctx.lookup(t, c.ast.names.lookup("M").unwrap(), false);
        assert!(matches!(m.found, Some(Found::Method(_))));
        assert_eq!(m.path, [0, 0]);
        assert!(ctx
            .lookup(t, c.ast.names.lookup("main").unwrap(), false)
            .found
            .is_none());
    }

    #[test]
    fn exported_names() {
        assert!(is_exported("Println"));
        assert!(!is_exported("println"));
        assert!(!is_exported("_x"));
    }
}
