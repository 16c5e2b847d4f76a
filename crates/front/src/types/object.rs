//! Objects: what identifiers denote (variables, constants, type names, functions, packages,
//! builtins, `nil`, labels), in one table indexed by [`ObjId`], and the packages of a program.
//!
//! # Invariants
//! - `ObjId::NONE` never indexes the table; it stands for "no object" in dense maps.
//! - A method's `Func` has `recv: Some(..)`; its [`Object::ty`] is its signature without
//!   the receiver, as a method value has.
//! - A generic function's `tparams` are the `TypeParam` types its signature mentions.

use crate::fxhash::FxHashMap as HashMap;

use super::constant::ConstValue;
use super::ty::TypeId;
use crate::syntax::ast::{DeclId, ExprId, FileId, Name};
use crate::syntax::Pos;

/// An object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

impl ObjId {
    pub const NONE: ObjId = ObjId(u32::MAX);

    pub fn is_none(self) -> bool {
        self == ObjId::NONE
    }
}

/// A package of the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgId(pub u32);

/// Where a variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// A package-level variable.
    Global,
    /// A variable declared in a function body (including `:=`, range and type switch
    /// variables).
    Local,
    Param,
    Result,
    Recv,
    Field,
}

/// The predeclared functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    /// Package unsafe's, not the universe's.
    Sizeof,
    Alignof,
    Offsetof,
}

impl Builtin {
    /// Package unsafe's builtins.
    pub const UNSAFE: [Builtin; 3] = [Builtin::Sizeof, Builtin::Alignof, Builtin::Offsetof];

    pub const ALL: [Builtin; 18] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Imag,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Recover,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Clear => "clear",
            Builtin::Close => "close",
            Builtin::Complex => "complex",
            Builtin::Copy => "copy",
            Builtin::Delete => "delete",
            Builtin::Imag => "imag",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::Max => "max",
            Builtin::Min => "min",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Real => "real",
            Builtin::Recover => "recover",
            Builtin::Sizeof => "Sizeof",
            Builtin::Alignof => "Alignof",
            Builtin::Offsetof => "Offsetof",
        }
    }

    /// Calls of these may stand as statements (their results, if any, may be dropped).
    pub fn is_statement(self) -> bool {
        matches!(
            self,
            Builtin::Clear
                | Builtin::Close
                | Builtin::Copy
                | Builtin::Delete
                | Builtin::Panic
                | Builtin::Print
                | Builtin::Println
                | Builtin::Recover
        )
    }
}

/// A function or method.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// The declaration (`None` for interface methods).
    pub decl: Option<DeclId>,
    /// The receiver variable of a method (for interface methods: none).
    pub recv: Option<ObjId>,
    /// The receiver's base type for methods (the named type, or the interface).
    pub recv_base: Option<TypeId>,
    /// The method has a pointer receiver (`func (p *T) M()`).
    pub ptr_recv: bool,
    /// Declared without a body in a library file: bound to a Rust function by
    /// [`super::Checked::qualified_name`].
    pub native: bool,
    /// The type parameters of a generic function; for a method of a generic type, that
    /// type's type parameters (the same `TypeId`s, whatever the receiver calls them).
    pub tparams: Vec<TypeId>,
    /// The parameter objects, one per parameter, in order (the receiver excluded); an
    /// unnamed parameter's object is named `_`.
    pub params: Vec<ObjId>,
    /// The result objects, one per result; unnamed results' objects are named `_`.
    pub results: Vec<ObjId>,
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Var {
        kind: VarKind,
        embedded: bool,
    },
    Const(ConstValue),
    /// A type name; `alias` for `type A = B` (the object's type is then B itself).
    TypeName {
        alias: bool,
    },
    Func(Box<FuncInfo>),
    /// An imported package's name in a file.
    PkgName(PkgId),
    Builtin(Builtin),
    Nil,
    Label,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: Name,
    pub pos: Pos,
    /// `None` for the universe's objects.
    pub pkg: Option<PkgId>,
    /// The variable's, constant's or function's type; a type name's type; `INVALID` for
    /// packages, builtins and labels.
    pub ty: TypeId,
    pub kind: ObjKind,
}

impl Object {
    pub fn func(&self) -> Option<&FuncInfo> {
        match &self.kind {
            ObjKind::Func(f) => Some(f),
            _ => None,
        }
    }

    pub fn is_var(&self) -> bool {
        matches!(self.kind, ObjKind::Var { .. })
    }

    pub fn is_type_name(&self) -> bool {
        matches!(self.kind, ObjKind::TypeName { .. })
    }

    pub fn const_value(&self) -> Option<&ConstValue> {
        match &self.kind {
            ObjKind::Const(v) => Some(v),
            _ => None,
        }
    }
}

/// A package: the user's `main` or a library package.
#[derive(Clone, Debug)]
pub struct Package {
    /// The import path (`sync/atomic`); `main` for the user's package.
    pub path: String,
    pub name: Name,
    pub files: Vec<FileId>,
    /// Package-level objects by name (unexported ones included).
    pub scope: HashMap<Name, ObjId>,
    /// Imported packages, in import order.
    pub imports: Vec<PkgId>,
    /// A library package: only what the program uses is checked (see `funcs`).
    pub library: bool,
    /// Package-level variables in declaration order.
    pub globals: Vec<ObjId>,
    /// The functions and methods to compile: for the user's package every one declared, in
    /// source order; for a library package the ones the program may reach (the functions it
    /// refers to, and every method of every type it uses), in the order they were found.
    /// Then the package's `init` functions.
    pub funcs: Vec<ObjId>,
    pub inits: Vec<ObjId>,
    /// How package-level variables are initialized, in Go's dependency order (for a
    /// library, only the variables the program uses).
    pub init_order: Vec<Initializer>,
}

/// The initialization of package-level variables `lhs` by `rhs` (one expression giving
/// one value per variable, or a single multi-value call for several).
#[derive(Clone, Debug)]
pub struct Initializer {
    pub lhs: Vec<ObjId>,
    pub rhs: ExprId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_have_gcs_names() {
        assert_eq!(Builtin::ALL.len(), 18);
        assert_eq!(Builtin::Imag.name(), "imag");
        assert_eq!(Builtin::Println.name(), "println");
        assert!(Builtin::Copy.is_statement() && !Builtin::Len.is_statement());
        assert!(ObjId::NONE.is_none() && !ObjId(0).is_none());
    }
}
