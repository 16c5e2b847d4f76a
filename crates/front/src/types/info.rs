//! What the checker found out about the program, for the compiler: like go/types' `Info`,
//! stored in vectors indexed by the AST's ids.
//!
//! For every expression ([`ExprId`]) the [`Info`] has a [`TypeAndValue`]: how the
//! expression may be used ([`Mode`]), its type and, for constants, its value. Identifiers
//! have the object they declare ([`Info::def`]) or denote ([`Info::use_of`]); selector
//! expressions `x.f` have a [`Selection`]; calls have a [`CallKind`]; `for … range`
//! statements a [`RangeInfo`]; type switch clauses their implicit variable.
//!
//! # How to read the types of expressions
//! - Every expression the program evaluates at run time has its final, typed type: an
//!   untyped constant used in `var x float64 = 1` is recorded as `float64` (with a `Float`
//!   value), `1 << n` in `var y int64 = 1 << n` records `1` as `int64`, and the operands of
//!   a comparison have their operand types (or default types). A constant expression that
//!   is never materialized (the inside of a const declaration, operands folded into a
//!   constant) may keep an untyped type; its root is constant, so the compiler only reads the
//!   root's value.
//! - `nil` has [`Mode::Nil`] and the type it is used as (a pointer, slice, map, channel,
//!   function or interface type), or `untyped nil` where no type applies.
//! - Identifiers that declare a variable, constant or function also get a
//!   `TypeAndValue` (their object's type).
//! - A comma-ok expression used for two values (`v, ok := m[k]`, `v, ok := x.(T)`,
//!   `v, ok := <-ch`, also in `case v, ok := <-ch:`) has [`Mode::CommaOk`] and a tuple type
//!   `(T, bool)`; used for one value it has its plain mode and type `T`.
//! - A call of a multi-result function has a tuple type.
//!
//! # Generic code
//! A generic function, or a method of a generic type, is checked once: its
//! [`FuncInfo::tparams`](super::object::FuncInfo) are [`TypeParam`](super::ty::TypeParam)
//! types, and the types recorded inside its body mention them. The compiler makes one copy
//! per list of type arguments and maps every type it reads through
//! [`Types::subst`](super::ty::Types::subst)`(t, tparams, targs)`:
//! - Every use of a generic function (a call with inferred or explicit type arguments,
//!   `f[int]` as a value) has an [`Instance`] in [`Info::instances`], keyed by the
//!   expression naming the function (the identifier `f`, or the selector `pkg.F`): its type
//!   arguments and the instantiated signature (also that expression's recorded type). Inside
//!   generic code, type arguments may mention the enclosing function's type parameters:
//!   substitute them too.
//! - A method selected on an instance of a generic type (`s.Push` with `s` a
//!   `Stack[string]`) has an `Instance` keyed by the selector expression: the type arguments
//!   of the receiver's type and the instantiated method type. The method object is the
//!   generic type's method, whose `tparams` are the type's type parameters.
//! - Instances of generic types (`Stack[string]`) are [`Named`](super::ty::Named) types with
//!   `origin` and `targs`; their underlying types are already substituted, and their methods
//!   are the origin's.
//! - A method called on a value whose type is a type parameter (through its constraint) has
//!   [`RecvAdjust::TypeParam`]: in each copy, find the method on the type argument with
//!   [`LookupCtx::lookup`](super::lookup::LookupCtx::lookup).
//! - Operations on type-parameter values (arithmetic, comparisons, conversions
//!   `CallKind::Conversion(T)`, indexing, ranging) are resolved on the substituted types.
//!
//! # Invariants
//! - The vectors have one entry per expression of the Ast; unrecorded entries are
//!   `Mode::Invalid` with `TypeId::INVALID` (only in code that had errors, or for
//!   expressions that are not evaluated, like the names in a struct type).

use crate::fxhash::FxHashMap as HashMap;

use super::constant::ConstValue;
use super::object::{Builtin, ObjId};
use super::ty::TypeId;
use crate::syntax::ast::{ExprId, StmtId};

/// How an expression may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Not checked, or an error was reported.
    #[default]
    Invalid,
    /// A call of a function without results.
    NoValue,
    /// The name of a builtin function (only as a callee).
    Builtin,
    /// A type (in a conversion, composite literal, declaration…); the type is `ty`.
    TypeExpr,
    /// A constant; [`Info::constant`] is its value, represented in its (final) type.
    Constant,
    /// An addressable value: a variable, `*p`, a slice element, an element or field of an
    /// addressable array or struct. `&e` is allowed.
    Variable,
    /// `m[k]` used for one value: assignable, not addressable.
    MapIndex,
    /// A computed value.
    Value,
    /// The predeclared `nil`.
    Nil,
    /// A comma-ok expression used for two values; its type is the tuple `(T, bool)`.
    CommaOk,
}

/// An expression's mode, type and constant value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub ty: TypeId,
    /// Index into the constant values, if `mode == Constant`.
    val: u32,
    /// Index into the selections (selector expressions) or, with [`CALL`] set, into the
    /// calls (call expressions).
    aux: u32,
}

const NONE: u32 = u32::MAX;

/// In `aux`, the bit that marks an index into the calls: a question about one table asked
/// with an expression of the other kind finds nothing.
const CALL: u32 = 1 << 31;

impl Default for TypeAndValue {
    fn default() -> Self {
        TypeAndValue {
            mode: Mode::Invalid,
            ty: TypeId::INVALID,
            val: NONE,
            aux: NONE,
        }
    }
}

/// What a selector expression `x.sel` selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// A struct field. The path's last index is the field's index in its struct; the indices
    /// before it walk through embedded fields from `x`'s type.
    Field,
    /// A method value or method call `x.m`: the path walks through embedded fields to the
    /// value whose type has the method; [`Selection::recv`] says how to pass it.
    Method,
    /// A method expression `T.m` or `(*T).m`: a function whose first parameter is the
    /// receiver (of type `T` or `*T`); the path walks embedded fields from there.
    MethodExpr,
    /// A qualified identifier `pkg.Name`; the object is [`Selection::obj`] (and the use of
    /// `sel`).
    Qualified,
}

/// How a method's receiver is obtained from the value at the end of the selection path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvAdjust {
    /// Pass the value as it is (the receiver types match).
    None,
    /// The method has a pointer receiver and the value is addressable: pass `&value`.
    AddrOf,
    /// The method has a value receiver and the value is a pointer: pass `*value`.
    Deref,
    /// The value is an interface: call the method dynamically, by
    /// [`Selection::iface_index`].
    Dynamic,
    /// The value's type is a type parameter and the method comes from its constraint: in
    /// each instance, look the method up (by name) on the type argument.
    TypeParam,
}

/// The resolution of a selector expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The field (a `Var`, possibly `ObjId::NONE` for fields of struct types the checker did
    /// not declare objects for), the method (a `Func`), or the package member.
    pub obj: ObjId,
    /// The type of `x` (for a method expression, the type `T` or `*T`).
    pub x_ty: TypeId,
    path_start: u32,
    path_len: u32,
    /// A pointer is dereferenced somewhere along the path (each step derefs when the
    /// current value is a pointer to a struct).
    pub indirect: bool,
    /// For methods: how the receiver is passed.
    pub recv: RecvAdjust,
    /// For interface methods ([`RecvAdjust::Dynamic`]): the method's index in the
    /// interface's (sorted) method set.
    pub iface_index: u32,
}

/// What a call expression calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKind {
    /// `T(x)`: a conversion of the argument to `T`.
    Conversion(TypeId),
    /// A call of a builtin.
    Builtin(Builtin),
    /// A call of a function, method or function value. `variadic`: the callee's last
    /// parameter is `...T`; `spread`: the call passes a slice to it (`f(xs...)`). A variadic
    /// call without `spread` packs its extra arguments into a new `[]T` (empty: `nil`).
    Call { variadic: bool, spread: bool },
}

/// How a `for … range x` statement iterates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeKind {
    /// `for i := range n` over an integer: `i` counts from 0 to n-1 (typed like `n`).
    Int,
    Slice,
    Array,
    /// A pointer to an array.
    ArrayPtr,
    /// Bytes of a string, decoded as runes: the key is the byte index, the value the rune.
    String,
    Map,
    Chan,
    /// A function `func(yield func(K, V) bool)` (Go 1.23): the loop's body runs as the
    /// `yield` function; the key and value are its parameters (`INVALID` for those it lacks).
    Func,
}

/// The iteration of a range statement: its kind and the types of the key and value it
/// produces (`INVALID` where the kind produces none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeInfo {
    pub kind: RangeKind,
    pub key: TypeId,
    pub value: TypeId,
    /// An array or a pointer to one, ranged without calls or receives in the expression:
    /// `len(x)` is constant, and with at most one iteration variable the expression is not
    /// evaluated (a nil pointer is not dereferenced).
    pub len_constant: bool,
}

/// A use of a generic function, method or type with its type arguments (one per type
/// parameter, in order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    pub targs: Vec<TypeId>,
    /// The instantiated type: a signature for a function or method, the instance (a named
    /// type) for a generic type.
    pub ty: TypeId,
}

/// The checker's results; see the module documentation.
#[derive(Clone, Debug, Default)]
pub struct Info {
    types: Vec<TypeAndValue>,
    defs: Vec<ObjId>,
    uses: Vec<ObjId>,
    consts: Vec<ConstValue>,
    selections: Vec<Selection>,
    paths: Vec<u32>,
    calls: Vec<CallKind>,
    /// The variable a type switch `switch v := x.(type)` declares in each of its clauses
    /// (keyed by the `Case` statement).
    pub implicits: HashMap<StmtId, ObjId>,
    /// How each range statement iterates (keyed by the `Range` statement).
    pub ranges: HashMap<StmtId, RangeInfo>,
    /// Uses of generic functions, methods of generic types and generic types, keyed by the
    /// expression naming them: an identifier (`F`, `G` in `G[int]`), a qualified identifier
    /// (`pkg.F`) or a method selection (`s.Push`); see "Generic code" above.
    pub instances: HashMap<ExprId, Instance>,
}

impl Info {
    /// Grows the tables to cover `n` expressions.
    pub(crate) fn reserve_exprs(&mut self, n: usize) {
        if self.types.len() < n {
            self.types.resize(n, TypeAndValue::default());
            self.defs.resize(n, ObjId::NONE);
            self.uses.resize(n, ObjId::NONE);
        }
    }

    pub fn tv(&self, e: ExprId) -> TypeAndValue {
        self.types.get(e.0 as usize).copied().unwrap_or_default()
    }

    pub fn type_of(&self, e: ExprId) -> TypeId {
        self.tv(e).ty
    }

    pub fn mode(&self, e: ExprId) -> Mode {
        self.tv(e).mode
    }

    /// The value of a constant expression.
    pub fn constant(&self, e: ExprId) -> Option<&ConstValue> {
        let tv = self.tv(e);
        if tv.mode != Mode::Constant || tv.val == NONE {
            return None;
        }
        self.consts.get(tv.val as usize)
    }

    /// The object an identifier declares.
    pub fn def(&self, e: ExprId) -> Option<ObjId> {
        self.defs
            .get(e.0 as usize)
            .copied()
            .filter(|o| !o.is_none())
    }

    /// The object an identifier denotes.
    pub fn use_of(&self, e: ExprId) -> Option<ObjId> {
        self.uses
            .get(e.0 as usize)
            .copied()
            .filter(|o| !o.is_none())
    }

    /// The object an identifier declares or denotes.
    pub fn object_of(&self, e: ExprId) -> Option<ObjId> {
        self.def(e).or_else(|| self.use_of(e))
    }

    pub fn selection(&self, e: ExprId) -> Option<&Selection> {
        let aux = self.tv(e).aux;
        if aux == NONE || aux & CALL != 0 {
            return None;
        }
        self.selections.get(aux as usize)
    }

    /// The indices of a selection's path (see [`SelectionKind`]).
    pub fn path(&self, s: &Selection) -> &[u32] {
        &self.paths[s.path_start as usize..(s.path_start + s.path_len) as usize]
    }

    pub fn call(&self, e: ExprId) -> Option<&CallKind> {
        let aux = self.tv(e).aux;
        if aux == NONE || aux & CALL == 0 {
            return None;
        }
        self.calls.get((aux & !CALL) as usize)
    }

    // ---- recording (the checker) ----

    pub(crate) fn record(&mut self, e: ExprId, mode: Mode, ty: TypeId, val: Option<ConstValue>) {
        let i = e.0 as usize;
        self.reserve_exprs(i + 1);
        let slot = &mut self.types[i];
        slot.mode = mode;
        slot.ty = ty;
        match val {
            Some(v) if mode == Mode::Constant => {
                if slot.val == NONE {
                    slot.val = self.consts.len() as u32;
                    self.consts.push(v);
                } else {
                    self.consts[slot.val as usize] = v;
                }
            }
            _ => slot.val = NONE,
        }
    }

    /// Changes the recorded type (and constant value) of `e`, keeping its mode.
    pub(crate) fn update(&mut self, e: ExprId, ty: TypeId, val: Option<ConstValue>) {
        let mode = self.mode(e);
        self.record(e, mode, ty, val);
    }

    pub(crate) fn record_def(&mut self, e: ExprId, obj: ObjId) {
        let i = e.0 as usize;
        self.reserve_exprs(i + 1);
        self.defs[i] = obj;
    }

    pub(crate) fn record_use(&mut self, e: ExprId, obj: ObjId) {
        let i = e.0 as usize;
        self.reserve_exprs(i + 1);
        self.uses[i] = obj;
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn record_selection(
        &mut self,
        e: ExprId,
        kind: SelectionKind,
        obj: ObjId,
        x_ty: TypeId,
        path: &[u32],
        indirect: bool,
        recv: RecvAdjust,
        iface_index: u32,
    ) {
        let path_start = self.paths.len() as u32;
        self.paths.extend_from_slice(path);
        let s = Selection {
            kind,
            obj,
            x_ty,
            path_start,
            path_len: path.len() as u32,
            indirect,
            recv,
            iface_index,
        };
        let i = e.0 as usize;
        self.reserve_exprs(i + 1);
        self.types[i].aux = self.selections.len() as u32;
        self.selections.push(s);
    }

    pub(crate) fn record_call(&mut self, e: ExprId, kind: CallKind) {
        let i = e.0 as usize;
        self.reserve_exprs(i + 1);
        let aux = self.types[i].aux;
        if aux != NONE && aux & CALL != 0 {
            self.calls[(aux & !CALL) as usize] = kind;
            return;
        }
        self.types[i].aux = CALL | self.calls.len() as u32;
        self.calls.push(kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_dense_and_updatable() {
        let mut info = Info::default();
        info.reserve_exprs(4);
        let e = ExprId(2);
        info.record(
            e,
            Mode::Constant,
            TypeId::UNTYPED_INT,
            Some(ConstValue::Int(3)),
        );
        assert_eq!(info.constant(e), Some(&ConstValue::Int(3)));
        info.update(e, TypeId::FLOAT64, Some(ConstValue::Float(3.0)));
        assert_eq!(info.type_of(e), TypeId::FLOAT64);
        assert_eq!(info.constant(e), Some(&ConstValue::Float(3.0)));
        assert_eq!(info.mode(ExprId(0)), Mode::Invalid);
        assert_eq!(info.type_of(ExprId(99)), TypeId::INVALID);
        info.record_selection(
            ExprId(1),
            SelectionKind::Field,
            ObjId(7),
            TypeId::INT,
            &[0, 2],
            true,
            RecvAdjust::None,
            0,
        );
        let s = *info.selection(ExprId(1)).unwrap();
        assert_eq!(info.path(&s), &[0, 2]);
        info.record_call(ExprId(3), CallKind::Builtin(Builtin::Len));
        assert_eq!(info.call(ExprId(3)), Some(&CallKind::Builtin(Builtin::Len)));
    }
}
