//! The universe scope: the predeclared types, constants, `nil` and the builtin functions.
//!
//! # Invariants
//! - The universe's objects come first in the object table, in a fixed order, so that
//!   [`UniverseIds`] can name them.

use crate::fxhash::FxHashMap as HashMap;

use super::constant::ConstValue;
use super::object::{Builtin, ObjId, ObjKind, Object};
use super::ty::{BasicKind, TypeId, Types};
use crate::syntax::ast::{Name, Names};

/// Objects of the universe the checker refers to directly.
#[derive(Clone, Copy, Debug)]
pub struct UniverseIds {
    pub iota: ObjId,
    pub nil: ObjId,
    pub error: ObjId,
    pub comparable: ObjId,
    pub any: ObjId,
    /// The `Error` method name of `error`.
    pub error_name: Name,
}

/// Declares the universe's objects into `objs` and returns the universe scope.
pub fn build(
    names: &mut Names,
    types: &mut Types,
    objs: &mut Vec<Object>,
) -> (HashMap<Name, ObjId>, UniverseIds) {
    let mut scope = HashMap::default();
    let mut add =
        |names: &mut Names, objs: &mut Vec<Object>, name: &str, ty: TypeId, kind: ObjKind| {
            let n = names.intern(name);
            let id = ObjId(objs.len() as u32);
            objs.push(Object {
                name: n,
                pos: 0,
                pkg: None,
                ty,
                kind,
            });
            scope.insert(n, id);
            id
        };
    let type_name = || ObjKind::TypeName { alias: false };
    for k in BasicKind::ALL {
        if k == BasicKind::Invalid || k.is_untyped() {
            continue;
        }
        add(names, objs, k.name(), TypeId(k as u32), type_name());
    }
    let alias = || ObjKind::TypeName { alias: true };
    add(names, objs, "byte", TypeId::UINT8, alias());
    add(names, objs, "rune", TypeId::INT32, alias());
    let any = add(names, objs, "any", TypeId::EMPTY_INTERFACE, alias());

    let error_name = names.intern("Error");
    types.set_error_method_name(error_name);
    let error = add(names, objs, "error", TypeId::ERROR, type_name());
    if let Some(n) = types.named_mut(TypeId::ERROR) {
        n.obj = error;
        n.underlying = TypeId::ERROR_IFACE;
    }
    let comparable = add(names, objs, "comparable", TypeId::COMPARABLE, type_name());
    let comparable_iface = types.intern(super::ty::Type::Interface(super::ty::Interface {
        methods: Vec::new(),
        terms: None,
        comparable: true,
        implicit: false,
    }));
    if let Some(n) = types.named_mut(TypeId::COMPARABLE) {
        n.obj = comparable;
        n.underlying = comparable_iface;
    }

    add(
        names,
        objs,
        "true",
        TypeId::UNTYPED_BOOL,
        ObjKind::Const(ConstValue::Bool(true)),
    );
    add(
        names,
        objs,
        "false",
        TypeId::UNTYPED_BOOL,
        ObjKind::Const(ConstValue::Bool(false)),
    );
    let iota = add(
        names,
        objs,
        "iota",
        TypeId::UNTYPED_INT,
        ObjKind::Const(ConstValue::Int(0)),
    );
    let nil = add(names, objs, "nil", TypeId::UNTYPED_NIL, ObjKind::Nil);
    for b in Builtin::ALL {
        add(names, objs, b.name(), TypeId::INVALID, ObjKind::Builtin(b));
    }
    let ids = UniverseIds {
        iota,
        nil,
        error,
        comparable,
        any,
        error_name,
    };
    (scope, ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_universe_declares_gos_predeclared_names() {
        let mut names = Names::default();
        let mut types = Types::new();
        let mut objs = Vec::new();
        let (scope, ids) = build(&mut names, &mut types, &mut objs);
        for n in [
            "int",
            "byte",
            "rune",
            "any",
            "error",
            "comparable",
            "true",
            "iota",
            "nil",
            "len",
            "min",
            "clear",
        ] {
            assert!(scope.contains_key(&names.lookup(n).unwrap()), "{n}");
        }
        assert_eq!(objs[ids.error.0 as usize].ty, TypeId::ERROR);
        assert_eq!(types.under(TypeId::ERROR), TypeId::ERROR_IFACE);
        let iface = types.interface(TypeId::ERROR).unwrap();
        assert_eq!(names.get(iface.methods[0].name), "Error");
        assert!(types.interface(TypeId::COMPARABLE).unwrap().comparable);
        let byte = scope[&names.lookup("byte").unwrap()];
        assert_eq!(objs[byte.0 as usize].ty, TypeId::UINT8);
    }
}
