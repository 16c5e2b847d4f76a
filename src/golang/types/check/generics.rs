//! Generic functions and types: type parameter lists, instantiation and inference.
//!
//! Not supported yet: a type parameter list is reported (`chanlab does not support generics
//! yet`) and its parameters are declared with their constraints so the rest of the
//! declaration checks without follow-on errors.

use super::super::object::{ObjId, ObjKind};
use super::super::ty::TypeId;
use super::{Checker, Operand};
use crate::golang::syntax::ast::{ExprId, Field, List, Name};

impl Checker<'_> {
    /// Declares a type parameter list in a new scope (the caller closes it) and returns the
    /// type parameters.
    pub fn declare_type_params(&mut self, list: List<Field>) -> Vec<TypeId> {
        let fields = self.ast_list(list);
        if let Some(f) = fields.first() {
            self.error(f.pos, "chanlab does not support generics yet");
        }
        self.open_scope();
        let mut tparams = Vec::new();
        let mut index = 0;
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
                self.declare_local(Some(n), obj);
                tparams.push(t);
            }
        }
        tparams
    }

    /// `T[A, B]` as a type.
    pub fn instantiated_type(
        &mut self,
        e: ExprId,
        _x: ExprId,
        indices: List<ExprId>,
        _def: Option<TypeId>,
    ) -> TypeId {
        let idx = self.ast_list(indices);
        for &i in idx {
            self.typ(i);
        }
        self.error(self.epos(e), "chanlab does not support generics yet");
        TypeId::INVALID
    }

    /// The receiver base type of a method of a generic type (`func (l *List[T]) ...`).
    pub fn generic_receiver(
        &mut self,
        e: ExprId,
        _x: ExprId,
        _indices: List<ExprId>,
        _tparams: &mut Vec<TypeId>,
    ) -> TypeId {
        self.error(self.epos(e), "chanlab does not support generics yet");
        TypeId::INVALID
    }

    /// The generic function `e` denotes, if any.
    pub fn generic_func(&self, e: ExprId) -> Option<ObjId> {
        let o = self
            .info
            .object_of(self.ast.unparen(e))
            .or_else(|| self.info.selection(e).map(|s| s.obj))?;
        let f = self.obj(o).func()?;
        (!f.tparams.is_empty()).then_some(o)
    }

    /// `f[A, B]`: an explicit instantiation of a generic function.
    pub fn func_instance(
        &mut self,
        x: &mut Operand,
        e: ExprId,
        _fun: ExprId,
        _f: ObjId,
        idx: &[ExprId],
    ) {
        for &i in idx {
            self.typ(i);
        }
        self.error(self.epos(e), "chanlab does not support generics yet");
        *x = Operand::invalid(e);
    }
}
