//! Types at run time: what interfaces, fmt and the run-time panics need to know of a type.
//!
//! The compiler builds one [`Types`] table per program from the checker's types; a
//! [`TypeId`](super::value::TypeId) indexes it. Identical types have one id, so an interface's
//! dynamic type is compared with `==`. Methods are looked up by (type, method id) in one hash
//! table; method ids are the program's interned method names (`Types::method_id`), resolved
//! at compile time, so nothing is looked up by name while the program runs.

use std::collections::HashMap;
use std::rc::Rc;

use super::map::FxBuild;
use super::value::TypeId;

/// An interned method: its name (with its package for an unexported one: `main.m`) and its
/// signature, as `Error() string` (two methods of one name but different signatures are
/// different methods to an interface).
pub type MethodId = u32;

/// The key of `error`'s method.
pub const ERROR_METHOD: &str = "Error() string";
/// The key of `fmt.Stringer`'s method.
pub const STRING_METHOD: &str = "String() string";
/// The key of `fmt.GoStringer`'s method.
pub const GO_STRING_METHOD: &str = "GoString() string";
/// The key of `fmt.Formatter`'s method.
pub const FORMAT_METHOD: &str = "Format(fmt.State, int32)";
/// The key of `runtime.Error`'s `RuntimeError` method.
pub const RUNTIME_ERROR_METHOD: &str = "RuntimeError()";

/// Go's integer kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntKind {
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
}

impl IntKind {
    pub fn signed(self) -> bool {
        matches!(
            self,
            IntKind::Int | IntKind::Int8 | IntKind::Int16 | IntKind::Int32 | IntKind::Int64
        )
    }

    /// Size in bits (int and uint are 64 bits, as on every platform chanlab models).
    pub fn bits(self) -> u32 {
        match self {
            IntKind::Int8 | IntKind::Uint8 => 8,
            IntKind::Int16 | IntKind::Uint16 => 16,
            IntKind::Int32 | IntKind::Uint32 => 32,
            _ => 64,
        }
    }

    /// Whether converting a value of kind `from` to this kind leaves it as it is (no wrap).
    pub fn holds(self, from: IntKind) -> bool {
        let (bits, from_bits) = (self.bits(), from.bits());
        bits == 64
            || match (from.signed(), self.signed()) {
                (false, true) => from_bits < bits,
                (true, false) => false,
                _ => from_bits <= bits,
            }
    }

    /// `v` wrapped into this kind's range (Go's wrap-around on overflow and conversion).
    #[inline]
    pub fn wrap(self, v: i64) -> i64 {
        match self {
            IntKind::Int8 => v as i8 as i64,
            IntKind::Int16 => v as i16 as i64,
            IntKind::Int32 => v as i32 as i64,
            IntKind::Uint8 => v as u8 as i64,
            IntKind::Uint16 => v as u16 as i64,
            IntKind::Uint32 => v as u32 as i64,
            _ => v,
        }
    }
}

/// A channel's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

/// A struct field.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Rc<str>,
    pub ty: TypeId,
    pub embedded: bool,
    /// Exported (fmt calls the methods of exported fields' values only, as Go's does).
    pub exported: bool,
    /// Its tag (`json:"name"`; empty for none), for reflect's `StructField.Tag`.
    pub tag: Rc<str>,
}

/// What a type is made of (its underlying type's structure).
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Bool,
    Int(IntKind),
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    Array {
        elem: TypeId,
        len: u64,
    },
    Slice {
        elem: TypeId,
    },
    Struct {
        fields: Vec<Field>,
    },
    Pointer {
        elem: TypeId,
    },
    Map {
        key: TypeId,
        val: TypeId,
    },
    Chan {
        elem: TypeId,
        dir: ChanDir,
    },
    /// A function type: its parameters' types (the last a slice when `variadic`) and its
    /// results', for reflect.
    Func {
        params: Rc<[TypeId]>,
        results: Rc<[TypeId]>,
        variadic: bool,
    },
    Interface {
        methods: Vec<MethodId>,
    },
    /// The type of an untyped `nil` (never a dynamic type).
    Nil,
}

impl Kind {
    /// A boolean, numeric or string type: `int` and the other predeclared types, and the
    /// types defined on them.
    pub fn is_basic(&self) -> bool {
        matches!(
            self,
            Kind::Bool
                | Kind::Int(_)
                | Kind::Float32
                | Kind::Float64
                | Kind::Complex64
                | Kind::Complex128
                | Kind::String
        )
    }
}

/// A type at run time.
#[derive(Clone, Debug, PartialEq)]
pub struct RType {
    /// The type as Go prints it with `%T` (`int`, `main.Point`, `[]string`, `*main.Node`,
    /// `map[string]int`, `func(int) string`, `struct { X int }`, `interface {}`).
    pub name: Rc<str>,
    pub kind: Kind,
    /// A defined (named) type: `main.Celsius`, `time.Duration`, `error`.
    pub named: bool,
}

/// A library type whose state the runtime keeps rather than its fields (their field is the
/// runtime object's handle): fmt prints it as Go 1.19 declares it, with that state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncKind {
    /// `sync.Mutex`: `{state int32; sema uint32}`.
    Mutex,
    /// `sync.WaitGroup`: `{noCopy noCopy; state1 uint64; state2 uint32}`.
    WaitGroup,
    /// `sync.RWMutex`: `{w Mutex; writerSem, readerSem uint32; readerCount, readerWait int32}`.
    RwMutex,
}

/// The run-time types of a program, and its method tables.
#[derive(Default)]
pub struct Types {
    pub types: Vec<RType>,
    /// The sync types the program has, each with the type fmt prints in its place (named
    /// as it is, with Go's fields).
    pub sync_views: Vec<(TypeId, SyncKind, TypeId)>,
    /// (type, method) → the compiled function (with the receiver as its first parameter).
    methods: HashMap<(TypeId, MethodId), u32, FxBuild>,
    method_names: Vec<Rc<str>>,
    method_ids: HashMap<Rc<str>, MethodId>,
    /// A program that imports reflect: the type of each method as a function of its
    /// receiver (`func(main.T, int) string`), by type and method.
    method_exprs: HashMap<(TypeId, MethodId), TypeId, FxBuild>,
    /// A program that imports reflect: each method as a method value (`Value.Method`): the
    /// function that calls it on the receiver its closure holds, and its type.
    method_values: HashMap<(TypeId, MethodId), (u32, TypeId), FxBuild>,
}

impl Types {
    /// Whether values of type `ty` support `==` (and can be map keys).
    pub fn comparable(&self, ty: TypeId) -> bool {
        match &self.get(ty).kind {
            Kind::Slice { .. } | Kind::Map { .. } | Kind::Func { .. } => false,
            Kind::Array { elem, .. } => self.comparable(*elem),
            Kind::Struct { fields } => fields.iter().all(|f| self.comparable(f.ty)),
            _ => true,
        }
    }

    /// What fmt prints in place of `ty`, if it is one of the sync types: the kind and the
    /// type of Go's declaration of it.
    pub fn sync_view(&self, ty: TypeId) -> Option<(SyncKind, TypeId)> {
        self.sync_views
            .iter()
            .find(|(t, _, _)| *t == ty)
            .map(|&(_, kind, view)| (kind, view))
    }

    pub fn get(&self, ty: TypeId) -> &RType {
        &self.types[ty as usize]
    }

    pub fn add(&mut self, t: RType) -> TypeId {
        self.types.push(t);
        (self.types.len() - 1) as TypeId
    }

    pub fn name(&self, ty: TypeId) -> &str {
        &self.types[ty as usize].name
    }

    /// The id of method `name` (qualified by its package when unexported), made on first use.
    /// Compile time only.
    pub fn method_id(&mut self, name: &str) -> MethodId {
        if let Some(&id) = self.method_ids.get(name) {
            return id;
        }
        let id = self.method_names.len() as MethodId;
        let name: Rc<str> = Rc::from(name);
        self.method_names.push(name.clone());
        self.method_ids.insert(name, id);
        id
    }

    /// The id of method `name` if some type has it.
    pub fn find_method_id(&self, name: &str) -> Option<MethodId> {
        self.method_ids.get(name).copied()
    }

    pub fn method_name(&self, m: MethodId) -> &str {
        &self.method_names[m as usize]
    }

    /// The method's bare name (`Read`, for `Read([]uint8) (int, error)` or `main.read()`), as
    /// Go's messages name it.
    pub fn method_short_name(&self, m: MethodId) -> &str {
        let key = self.method_name(m);
        let name = &key[..key.find('(').unwrap_or(key.len())];
        name.rsplit('.').next().unwrap_or(name)
    }

    /// Records that type `ty` has method `m`, compiled as function `func`.
    pub fn add_method(&mut self, ty: TypeId, m: MethodId, func: u32) {
        self.methods.insert((ty, m), func);
    }

    /// How many methods type `ty` has, unexported ones too.
    pub fn method_count(&self, ty: TypeId) -> usize {
        self.methods.keys().filter(|&&(t, _)| t == ty).count()
    }

    /// How many exported methods type `ty` has (an interface type: its methods).
    pub fn exported_method_count(&self, ty: TypeId) -> usize {
        if let Kind::Interface { methods } = &self.get(ty).kind {
            return methods.len();
        }
        self.methods
            .keys()
            .filter(|&&(t, m)| t == ty && self.method_short_name(m).starts_with(char::is_uppercase))
            .count()
    }

    /// Records the type of method `m` of `ty` as a function of its receiver (reflect).
    pub fn add_method_expr(&mut self, ty: TypeId, m: MethodId, expr: TypeId) {
        self.method_exprs.insert((ty, m), expr);
    }

    /// Records method `m` of type `ty` as a method value: function `bound` calls it on the
    /// receiver in its closure, and its type is `sig`.
    pub fn add_method_value(&mut self, ty: TypeId, m: MethodId, bound: u32, sig: TypeId) {
        self.method_values.insert((ty, m), (bound, sig));
    }

    /// Method `m` of type `ty` as a method value (see [`Types::add_method_value`]).
    pub fn method_value(&self, ty: TypeId, m: MethodId) -> Option<(u32, TypeId)> {
        self.method_values.get(&(ty, m)).copied()
    }

    /// Type `ty`'s `i`th exported method in name order, as reflect numbers them: the method,
    /// the function implementing it and its type as a function of the receiver. Found by its
    /// rank, without a sort of its own in the worker's code: a type has few methods.
    pub fn exported_method(&self, ty: TypeId, i: usize) -> Option<(MethodId, u32, Option<TypeId>)> {
        let exported = || {
            (self.methods.iter()).filter(move |&(&(t, m), _)| {
                t == ty && self.method_short_name(m).starts_with(char::is_uppercase)
            })
        };
        let (&(t, m), &f) = exported().find(|&(&(_, m), _)| {
            let name = self.method_short_name(m);
            exported()
                .filter(|&(&(_, o), _)| self.method_short_name(o) < name)
                .count()
                == i
        })?;
        Some((m, f, self.method_exprs.get(&(t, m)).copied()))
    }

    /// The function implementing method `m` of type `ty` (in `ty`'s method set).
    #[inline]
    pub fn method(&self, ty: TypeId, m: MethodId) -> Option<u32> {
        self.methods.get(&(ty, m)).copied()
    }

    /// Whether `ty`'s method set has every method of interface `iface`; `Err` names the
    /// first missing one.
    pub fn implements(&self, ty: TypeId, iface: TypeId) -> Result<(), MethodId> {
        // An interface type (reflect's `Implements` between interfaces) has its methods by
        // id, as it lists them; another type has them in its method table.
        let has = |m: MethodId| match &self.get(ty).kind {
            Kind::Interface { methods } => methods.contains(&m),
            _ => self.method(ty, m).is_some(),
        };
        if let Kind::Interface { methods } = &self.get(iface).kind {
            for &m in methods {
                if !has(m) {
                    return Err(m);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_kinds_wrap_as_go_does() {
        assert_eq!(IntKind::Int8.wrap(127 + 1), -128);
        assert_eq!(IntKind::Uint8.wrap(-1), 255);
        assert_eq!(IntKind::Uint32.wrap(1 << 32), 0);
        assert_eq!(IntKind::Int.wrap(i64::MIN), i64::MIN);
    }

    #[test]
    fn methods_are_found_by_type_and_id() {
        let mut t = Types::default();
        let int = t.add(RType {
            name: "main.Celsius".into(),
            kind: Kind::Int(IntKind::Int),
            named: true,
        });
        let m = t.method_id("String");
        let stringer = t.add(RType {
            name: "fmt.Stringer".into(),
            kind: Kind::Interface { methods: vec![m] },
            named: true,
        });
        assert_eq!(t.implements(int, stringer), Err(m));
        t.add_method(int, m, 7);
        assert_eq!(t.method(int, m), Some(7));
        assert_eq!(t.implements(int, stringer), Ok(()));
        assert_eq!(t.method_id("String"), m);
        assert_eq!(t.method_name(m), "String");
    }
}
