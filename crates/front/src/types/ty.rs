//! The type table: every type of a program, named by a [`TypeId`] and interned so that
//! identical types have the same id.
//!
//! Unnamed types (pointers, slices, arrays, maps, channels, signatures, structs, interfaces,
//! tuples) are interned structurally: building `[]int` twice gives the same id, so type
//! identity is id equality. Named types are unique per declaration (and per instantiation of
//! a generic type), and type parameters are unique per declaration; their ids are created,
//! never interned.
//!
//! The basic types have fixed ids (`TypeId::INT`…), and so do the universe's `error`,
//! `comparable` and the empty interface (`any`).
//!
//! # Invariants
//! - The underlying type of a [`Named`] is never a `Named`; it is [`TypeId::INVALID`] only
//!   while its declaration is being checked (or after an error).
//! - Interface method sets are complete (embedded interfaces are flattened) and sorted by
//!   name, so that identical method sets compare equal.
//! - `byte` is `uint8` and `rune` is `int32`: the same ids.

use super::object::{ObjId, PkgId};
use crate::syntax::ast::{ChanDir, Name};
use std::rc::Rc;

/// A type of the program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// The kinds of basic types; `TypeId(kind as u32)` is the basic type itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    pub const ALL: [BasicKind; 25] = [
        BasicKind::Invalid,
        BasicKind::Bool,
        BasicKind::Int,
        BasicKind::Int8,
        BasicKind::Int16,
        BasicKind::Int32,
        BasicKind::Int64,
        BasicKind::Uint,
        BasicKind::Uint8,
        BasicKind::Uint16,
        BasicKind::Uint32,
        BasicKind::Uint64,
        BasicKind::Uintptr,
        BasicKind::Float32,
        BasicKind::Float64,
        BasicKind::Complex64,
        BasicKind::Complex128,
        BasicKind::String,
        BasicKind::UntypedBool,
        BasicKind::UntypedInt,
        BasicKind::UntypedRune,
        BasicKind::UntypedFloat,
        BasicKind::UntypedComplex,
        BasicKind::UntypedString,
        BasicKind::UntypedNil,
    ];

    /// The name Go prints (`int`, `untyped int`, `invalid type`).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }

    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }

    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }

    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }

    pub fn is_untyped(self) -> bool {
        (self as u8) >= BasicKind::UntypedBool as u8
    }

    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }

    /// Whether values of this kind can be constants.
    pub fn is_const(self) -> bool {
        self != BasicKind::Invalid && self != BasicKind::UntypedNil
    }

    /// Size in bits of a sized integer or float kind (`int`, `uint` and `uintptr` are 64),
    /// or of a complex kind's parts.
    pub fn bits(self) -> u32 {
        use BasicKind::*;
        match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 | Float32 | Complex64 => 32,
            _ => 64,
        }
    }

    /// The default type of an untyped kind (`untyped int` → `int`, `untyped rune` → `rune`).
    pub fn default_kind(self) -> BasicKind {
        use BasicKind::*;
        match self {
            UntypedBool => Bool,
            UntypedInt => Int,
            UntypedRune => Int32,
            UntypedFloat => Float64,
            UntypedComplex => Complex128,
            UntypedString => String,
            k => k,
        }
    }
}

impl TypeId {
    pub const INVALID: TypeId = TypeId(BasicKind::Invalid as u32);
    pub const BOOL: TypeId = TypeId(BasicKind::Bool as u32);
    pub const INT: TypeId = TypeId(BasicKind::Int as u32);
    pub const INT8: TypeId = TypeId(BasicKind::Int8 as u32);
    pub const INT16: TypeId = TypeId(BasicKind::Int16 as u32);
    pub const INT32: TypeId = TypeId(BasicKind::Int32 as u32);
    pub const INT64: TypeId = TypeId(BasicKind::Int64 as u32);
    pub const UINT: TypeId = TypeId(BasicKind::Uint as u32);
    pub const UINT8: TypeId = TypeId(BasicKind::Uint8 as u32);
    pub const UINT16: TypeId = TypeId(BasicKind::Uint16 as u32);
    pub const UINT32: TypeId = TypeId(BasicKind::Uint32 as u32);
    pub const UINT64: TypeId = TypeId(BasicKind::Uint64 as u32);
    pub const UINTPTR: TypeId = TypeId(BasicKind::Uintptr as u32);
    pub const FLOAT32: TypeId = TypeId(BasicKind::Float32 as u32);
    pub const FLOAT64: TypeId = TypeId(BasicKind::Float64 as u32);
    pub const COMPLEX64: TypeId = TypeId(BasicKind::Complex64 as u32);
    pub const COMPLEX128: TypeId = TypeId(BasicKind::Complex128 as u32);
    pub const STRING: TypeId = TypeId(BasicKind::String as u32);
    pub const UNTYPED_BOOL: TypeId = TypeId(BasicKind::UntypedBool as u32);
    pub const UNTYPED_INT: TypeId = TypeId(BasicKind::UntypedInt as u32);
    pub const UNTYPED_RUNE: TypeId = TypeId(BasicKind::UntypedRune as u32);
    pub const UNTYPED_FLOAT: TypeId = TypeId(BasicKind::UntypedFloat as u32);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(BasicKind::UntypedComplex as u32);
    pub const UNTYPED_STRING: TypeId = TypeId(BasicKind::UntypedString as u32);
    pub const UNTYPED_NIL: TypeId = TypeId(BasicKind::UntypedNil as u32);
    /// `interface{}` (`any`).
    pub const EMPTY_INTERFACE: TypeId = TypeId(25);
    /// The predeclared `error` (a named interface).
    pub const ERROR: TypeId = TypeId(26);
    /// `func() string`, the signature of `error`'s method.
    pub const ERROR_SIG: TypeId = TypeId(27);
    /// `interface{ Error() string }`, `error`'s underlying type.
    pub const ERROR_IFACE: TypeId = TypeId(28);
    /// The predeclared `comparable` constraint (a named interface).
    pub const COMPARABLE: TypeId = TypeId(29);
    pub const BYTE: TypeId = TypeId::UINT8;
    pub const RUNE: TypeId = TypeId::INT32;
}

/// A field of a struct type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructField {
    pub name: Name,
    pub ty: TypeId,
    pub embedded: bool,
    /// The declaring package of an unexported field (unexported names of different packages
    /// are different); `None` for exported fields.
    pub pkg: Option<PkgId>,
    /// The field's tag (`json:"name"`), part of the struct type's identity.
    pub tag: Option<Rc<str>>,
}

/// A method of an interface's method set.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IMethod {
    pub name: Name,
    /// The declaring package of an unexported method; `None` if exported.
    pub pkg: Option<PkgId>,
    /// A [`Type::Func`] signature (without receiver).
    pub sig: TypeId,
}

/// One term of a constraint's type set: `T` or `~T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Interface {
    /// The complete method set, sorted by name.
    pub methods: Vec<IMethod>,
    /// `None`: every type (that has the methods); `Some(terms)`: only types matching one of
    /// the terms (an empty list is the empty type set). Only constraints have terms.
    pub terms: Option<Vec<Term>>,
    /// Only comparable types (the `comparable` constraint, or an interface embedding it).
    pub comparable: bool,
    /// Written as a bare union in a type parameter list (`[T int | string]`): printed as
    /// the union.
    pub implicit: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T`; its type is `[]T`.
    pub variadic: bool,
}

/// A named (defined) type: its declaration, underlying type and methods.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Named {
    /// The `TypeName` object.
    pub obj: ObjId,
    pub underlying: TypeId,
    /// Methods declared with this type as receiver base (`Func` objects), in source order.
    /// An instance of a generic type shares its origin's methods.
    pub methods: Vec<ObjId>,
    /// The type parameters of a generic type (`TypeParam` types).
    pub tparams: Vec<TypeId>,
    /// The type arguments of an instance.
    pub targs: Vec<TypeId>,
    /// The generic type an instance was made from.
    pub origin: Option<TypeId>,
}

/// A type parameter of a generic function or type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeParam {
    /// Its `TypeName` object.
    pub obj: ObjId,
    /// Its position in its declaration's type parameter list.
    pub index: u32,
    /// An interface type.
    pub constraint: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Func(Signature),
    Struct(Vec<StructField>),
    Interface(Interface),
    /// The results of a multi-value call.
    Tuple(Vec<TypeId>),
    Named(Named),
    TypeParam(TypeParam),
}

/// All types of a program.
#[derive(Clone, Debug)]
pub struct Types {
    types: Vec<Type>,
    /// Hashes of the interned types (0 for named types and type parameters).
    hashes: Vec<u64>,
    intern: crate::fxhash::IndexTable,
    /// Instances of generic types by (generic type, type arguments); see `subst.rs`.
    pub(super) instances: crate::fxhash::FxHashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances whose generic type was still being declared when they were made.
    pub(super) pending: Vec<TypeId>,
    /// Instances being expanded, one inside another (see `subst.rs`).
    pub(super) expanding: u32,
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}

impl Types {
    /// A table with the basic types and the universe's interfaces at their fixed ids. The
    /// `error` and `comparable` named types get their objects from the universe.
    pub fn new() -> Self {
        let mut t = Types {
            types: Vec::with_capacity(256),
            hashes: Vec::with_capacity(256),
            intern: Default::default(),
            instances: Default::default(),
            pending: Vec::new(),
            expanding: 0,
        };
        for k in BasicKind::ALL {
            let id = t.intern(Type::Basic(k));
            debug_assert_eq!(id, TypeId(k as u32));
        }
        let empty = t.intern(Type::Interface(Interface {
            methods: Vec::new(),
            terms: None,
            comparable: false,
            implicit: false,
        }));
        debug_assert_eq!(empty, TypeId::EMPTY_INTERFACE);
        let error = t.new_named(ObjId::NONE);
        debug_assert_eq!(error, TypeId::ERROR);
        let sig = t.func(Vec::new(), vec![TypeId::STRING], false);
        debug_assert_eq!(sig, TypeId::ERROR_SIG);
        t.push_unique(Type::Interface(Interface {
            methods: vec![IMethod {
                name: Name::BLANK, // set by the universe once the name is interned
                pkg: None,
                sig,
            }],
            terms: None,
            comparable: false,
            implicit: false,
        }));
        debug_assert_eq!(t.types.len() as u32 - 1, TypeId::ERROR_IFACE.0);
        let comparable = t.new_named(ObjId::NONE);
        debug_assert_eq!(comparable, TypeId::COMPARABLE);
        t
    }

    /// Finishes `error`'s underlying type once the universe has interned the name `Error`
    /// (interface method sets are keyed by name).
    pub(crate) fn set_error_method_name(&mut self, error_name: Name) {
        if let Type::Interface(i) = &mut self.types[TypeId::ERROR_IFACE.0 as usize] {
            i.methods[0].name = error_name;
        }
        let h = crate::fxhash::hash_of(&self.types[TypeId::ERROR_IFACE.0 as usize]);
        self.hashes[TypeId::ERROR_IFACE.0 as usize] = h;
        let hashes = &self.hashes;
        self.intern
            .insert(h, TypeId::ERROR_IFACE.0, |i| hashes[i as usize]);
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn get(&self, t: TypeId) -> &Type {
        &self.types[t.0 as usize]
    }

    /// The interned id of `ty` (structural types only).
    pub fn intern(&mut self, ty: Type) -> TypeId {
        let h = crate::fxhash::hash_of(&ty);
        if let Some(i) = self.intern.find(h, |i| self.types[i as usize] == ty) {
            return TypeId(i);
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(ty);
        self.hashes.push(h);
        let hashes = &self.hashes;
        self.intern.insert(h, id.0, |i| hashes[i as usize]);
        id
    }

    pub(super) fn push_unique(&mut self, ty: Type) -> TypeId {
        self.types.push(ty);
        self.hashes.push(0);
        TypeId(self.types.len() as u32 - 1)
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }

    /// gc's size in bytes of `t` on a 64-bit platform (Go's wasm among them), and its
    /// alignment: what `unsafe.Sizeof` and `unsafe.Alignof` give.
    pub fn size_align(&self, t: TypeId) -> (u64, u64) {
        match self.get(self.under(t)) {
            Type::Basic(k) => match k {
                BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => (1, 1),
                BasicKind::Int16 | BasicKind::Uint16 => (2, 2),
                BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => (4, 4),
                BasicKind::Complex64 => (8, 4),
                BasicKind::Complex128 | BasicKind::UntypedComplex => (16, 8),
                BasicKind::String | BasicKind::UntypedString => (16, 8),
                _ => (8, 8),
            },
            Type::Slice(_) => (24, 8),
            Type::Interface(_) => (16, 8),
            Type::Array(n, elem) => {
                let (s, a) = self.size_align(*elem);
                (s.saturating_mul(*n), a)
            }
            Type::Struct(fields) => {
                let offsets = self.field_offsets(fields);
                let align = fields
                    .iter()
                    .map(|f| self.size_align(f.ty).1)
                    .fold(1, u64::max);
                let (last_off, mut last_size) = match (offsets.last(), fields.last()) {
                    (Some(&o), Some(f)) => (o, self.size_align(f.ty).0),
                    _ => return (0, 1),
                };
                // gc: a struct's last field may not have size 0 unless the whole struct does.
                if last_off > 0 && last_size == 0 {
                    last_size = 1;
                }
                ((last_off + last_size).div_ceil(align) * align, align)
            }
            _ => (8, 8),
        }
    }

    /// The offsets of a struct's fields in gc's layout (each at its alignment).
    pub fn field_offsets(&self, fields: &[StructField]) -> Vec<u64> {
        let mut at = 0u64;
        fields
            .iter()
            .map(|f| {
                let (s, a) = self.size_align(f.ty);
                let off = at.div_ceil(a) * a;
                at = off + s;
                off
            })
            .collect()
    }

    /// Type `t` with its structs' tags removed, at every depth of its literal structure (a
    /// named type is left as it is): conversions ignore tags.
    pub fn without_tags(&mut self, t: TypeId) -> TypeId {
        match self.get(t).clone() {
            Type::Struct(fields) => {
                let fields = fields
                    .into_iter()
                    .map(|f| StructField {
                        ty: self.without_tags(f.ty),
                        tag: None,
                        ..f
                    })
                    .collect();
                self.intern(Type::Struct(fields))
            }
            Type::Pointer(e) => {
                let e = self.without_tags(e);
                self.pointer(e)
            }
            Type::Slice(e) => {
                let e = self.without_tags(e);
                self.slice(e)
            }
            Type::Array(n, e) => {
                let e = self.without_tags(e);
                self.array(n, e)
            }
            Type::Map(k, v) => {
                let (k, v) = (self.without_tags(k), self.without_tags(v));
                self.map(k, v)
            }
            Type::Chan(d, e) => {
                let e = self.without_tags(e);
                self.chan(d, e)
            }
            _ => t,
        }
    }

    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }

    pub fn array(&mut self, len: u64, elem: TypeId) -> TypeId {
        self.intern(Type::Array(len, elem))
    }

    pub fn map(&mut self, key: TypeId, value: TypeId) -> TypeId {
        self.intern(Type::Map(key, value))
    }

    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        self.intern(Type::Chan(dir, elem))
    }

    pub fn func(&mut self, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> TypeId {
        self.intern(Type::Func(Signature {
            params,
            results,
            variadic,
        }))
    }

    pub fn new_tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(elems))
    }

    /// A new named type for the `TypeName` object `obj`; its underlying type is set later.
    pub fn new_named(&mut self, obj: ObjId) -> TypeId {
        self.push_unique(Type::Named(Named {
            obj,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
            tparams: Vec::new(),
            targs: Vec::new(),
            origin: None,
        }))
    }

    /// A new type parameter.
    pub fn new_type_param(&mut self, obj: ObjId, index: u32, constraint: TypeId) -> TypeId {
        self.push_unique(Type::TypeParam(TypeParam {
            obj,
            index,
            constraint,
        }))
    }

    pub fn named(&self, t: TypeId) -> Option<&Named> {
        match self.get(t) {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }

    pub fn named_mut(&mut self, t: TypeId) -> Option<&mut Named> {
        match &mut self.types[t.0 as usize] {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }

    pub fn type_param(&self, t: TypeId) -> Option<&TypeParam> {
        match self.get(t) {
            Type::TypeParam(p) => Some(p),
            _ => None,
        }
    }

    pub fn set_type_param_constraint(&mut self, t: TypeId, constraint: TypeId) {
        if let Type::TypeParam(p) = &mut self.types[t.0 as usize] {
            p.constraint = constraint;
        }
    }

    /// The underlying type: a named type's underlying type; for a type parameter, the
    /// underlying type all the types of its constraint share (its core type: `[]E` for
    /// `~[]E`), or the parameter itself if they have none; any other type itself.
    pub fn under(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Named(n) => n.underlying,
            Type::TypeParam(p) => self.core_of(p).unwrap_or(t),
            _ => t,
        }
    }

    /// The underlying type shared by all the types of a type parameter's constraint (its core
    /// type): one type, or channels of one element type whose directions agree (`chan E` with
    /// `<-chan E` is `<-chan E`).
    fn core_of(&self, p: &TypeParam) -> Option<TypeId> {
        let i = self.interface(p.constraint)?;
        let terms = i.terms.as_ref()?;
        let first = self.under(terms.first()?.ty);
        if self.is_type_param(first) {
            return None;
        }
        if terms.iter().all(|t| self.under(t.ty) == first) {
            return Some(first);
        }
        // Channels: the one direction they restrict to, if any.
        let Type::Chan(_, elem) = self.get(first) else {
            return None;
        };
        let mut core = first;
        for t in terms {
            let u = self.under(t.ty);
            match (self.get(u), self.get(core)) {
                (Type::Chan(d, e), Type::Chan(cd, _)) if e == elem => {
                    if *cd == ChanDir::Both {
                        core = u;
                    } else if *d != ChanDir::Both && d != cd {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        Some(core)
    }

    /// Whether constraint `c` has terms and `pred` holds for the underlying type of each: an
    /// operation on a type parameter without a core type is valid when it is for every type
    /// of its set.
    pub fn every_term(&self, c: TypeId, pred: impl Fn(&Types, TypeId) -> bool) -> bool {
        let Some(terms) = self.interface(c).and_then(|i| i.terms.as_ref()) else {
            return false;
        };
        !terms.is_empty() && terms.iter().all(|t| pred(self, self.under(t.ty)))
    }

    /// Whether underlying type `u` is a string or a slice of bytes.
    pub fn is_bytes_or_string(&self, u: TypeId) -> bool {
        match self.get(u) {
            Type::Basic(k) => k.is_string(),
            Type::Slice(e) => self.basic(*e) == Some(BasicKind::Uint8),
            _ => false,
        }
    }

    /// Whether `len` (with `cap`, `cap`) applies to values of underlying type `u`.
    pub fn has_len(&self, u: TypeId, cap: bool) -> bool {
        match self.get(u) {
            Type::Basic(k) => k.is_string() && !cap,
            Type::Array(..) | Type::Slice(_) | Type::Chan(..) => true,
            Type::Map(..) => !cap,
            Type::Pointer(e) => matches!(self.get(self.under(*e)), Type::Array(..)),
            _ => false,
        }
    }

    /// The basic kind of `t`'s underlying type, if it is basic.
    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.get(self.under(t)) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    pub fn signature(&self, t: TypeId) -> Option<&Signature> {
        match self.get(self.under(t)) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }

    pub fn interface(&self, t: TypeId) -> Option<&Interface> {
        match self.get(self.under(t)) {
            Type::Interface(i) => Some(i),
            _ => None,
        }
    }

    pub fn struct_fields(&self, t: TypeId) -> Option<&[StructField]> {
        match self.get(self.under(t)) {
            Type::Struct(f) => Some(f),
            _ => None,
        }
    }

    /// The elements of a tuple type.
    pub fn tuple_elems(&self, t: TypeId) -> Option<&[TypeId]> {
        match self.get(t) {
            Type::Tuple(e) => Some(e),
            _ => None,
        }
    }

    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Named(_))
    }

    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::TypeParam(_))
    }

    /// Named, basic and type parameter types have names (for assignability).
    pub fn has_name(&self, t: TypeId) -> bool {
        matches!(
            self.get(t),
            Type::Named(_) | Type::Basic(_) | Type::TypeParam(_)
        )
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        !self.is_type_param(t) && self.interface(t).is_some()
    }

    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Basic(k) if k.is_untyped())
    }

    pub fn is_typed(&self, t: TypeId) -> bool {
        !self.is_untyped(t)
    }

    fn basic_is(&self, t: TypeId, f: fn(BasicKind) -> bool) -> bool {
        self.basic(t).is_some_and(f)
    }

    pub fn is_integer(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_integer)
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_unsigned)
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_float)
    }
    pub fn is_complex(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_complex)
    }

    /// How many scalar values a value of type `t` holds: arrays count their elements
    /// (nested arrays and structs counted through), structs their fields, everything else
    /// one. Saturates instead of overflowing.
    pub fn scalar_count(&self, t: TypeId) -> u64 {
        match self.get(self.under(t)) {
            Type::Array(n, elem) => n.saturating_mul(self.scalar_count(*elem).max(1)),
            Type::Struct(fields) => fields
                .iter()
                .fold(0u64, |sum, f| sum.saturating_add(self.scalar_count(f.ty)))
                .max(1),
            _ => 1,
        }
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_numeric)
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_string)
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_boolean)
    }
    pub fn is_ordered(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_ordered)
    }
    pub fn is_const_type(&self, t: TypeId) -> bool {
        self.basic_is(t, BasicKind::is_const)
    }

    /// The default type of an untyped type; a typed type itself.
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Basic(k) if k.is_untyped() => TypeId(k.default_kind() as u32),
            _ => t,
        }
    }

    /// Whether values of `t` can be `nil`.
    pub fn has_nil(&self, t: TypeId) -> bool {
        match self.get(self.under(t)) {
            Type::Pointer(_) | Type::Slice(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
                true
            }
            Type::Interface(_) => !self.is_type_param(t),
            Type::Basic(BasicKind::UntypedNil) => true,
            // A type parameter whose every type can be nil.
            Type::TypeParam(p) => self.every_term(p.constraint, Types::has_nil),
            _ => false,
        }
    }

    /// Whether `==` is defined on values of `t` (interfaces are comparable; their dynamic
    /// values may panic).
    pub fn comparable(&self, t: TypeId) -> bool {
        self.comparable_depth(t, 0)
    }

    fn comparable_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.get(self.under(t)) {
            Type::Basic(k) => *k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
            Type::Struct(fields) => fields
                .iter()
                .all(|f| self.comparable_depth(f.ty, depth + 1)),
            Type::Array(_, e) => self.comparable_depth(*e, depth + 1),
            Type::TypeParam(p) => self.interface(p.constraint).is_some_and(|i| {
                i.comparable
                    || i.terms.as_ref().is_some_and(|ts| {
                        !ts.is_empty() && ts.iter().all(|t| self.comparable_depth(t.ty, depth + 1))
                    })
            }),
            _ => false,
        }
    }

    /// The element type of a pointer, if `t`'s underlying type is one.
    pub fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.get(self.under(t)) {
            Type::Pointer(e) => Some(*e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structural_types_are_interned_and_named_ones_are_not() {
        let mut t = Types::new();
        let a = t.slice(TypeId::INT);
        let b = t.slice(TypeId::INT);
        assert_eq!(a, b);
        let m1 = t.map(TypeId::STRING, a);
        let m2 = t.map(TypeId::STRING, b);
        assert_eq!(m1, m2);
        let n1 = t.new_named(ObjId(1));
        let n2 = t.new_named(ObjId(1));
        assert_ne!(n1, n2);
        let f1 = t.func(vec![TypeId::INT], vec![], true);
        let f2 = t.func(vec![TypeId::INT], vec![], false);
        assert_ne!(f1, f2);
    }

    #[test]
    fn fixed_ids_and_predicates() {
        let t = Types::new();
        assert_eq!(
            t.get(TypeId::UNTYPED_RUNE),
            &Type::Basic(BasicKind::UntypedRune)
        );
        assert!(t.is_untyped(TypeId::UNTYPED_FLOAT) && t.is_float(TypeId::UNTYPED_FLOAT));
        assert_eq!(t.default_type(TypeId::UNTYPED_RUNE), TypeId::INT32);
        assert!(t.is_interface(TypeId::EMPTY_INTERFACE));
        assert!(t.is_named(TypeId::ERROR) && t.is_named(TypeId::COMPARABLE));
        assert!(t.has_nil(TypeId::EMPTY_INTERFACE) && !t.has_nil(TypeId::INT));
        assert_eq!(TypeId::BYTE, TypeId::UINT8);
    }

    #[test]
    fn comparability_follows_the_spec() {
        let mut t = Types::new();
        let s = t.slice(TypeId::INT);
        let arr = t.array(3, TypeId::INT);
        let arr_s = t.array(3, s);
        assert!(!t.comparable(s));
        assert!(t.comparable(arr));
        assert!(!t.comparable(arr_s));
        let st = t.intern(Type::Struct(vec![StructField {
            name: Name(9),
            ty: s,
            embedded: false,
            pkg: None,
            tag: None,
        }]));
        assert!(!t.comparable(st));
    }
}
