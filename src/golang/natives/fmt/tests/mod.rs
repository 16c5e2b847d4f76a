//! fmt's tests: a fake interpreter with a few types (some with `String` and `Error`
//! methods), and expected outputs printed by Go 1.19.

mod scalars;
mod values;

use std::cell::RefCell;
use std::rc::Rc;

use super::*;
use crate::golang::vm::map::{Key, Map};
use crate::golang::vm::types::ERROR_METHOD;
use crate::golang::vm::types::{Field, IntKind, RType};

/// A method the fake interpreter runs for `text_method`.
type Method = fn(&Value) -> Result<Vec<u8>, String>;

/// The fake interpreter: the types of the tests' Go programs, and their methods.
struct Host {
    types: Types,
    methods: Vec<(TypeId, Method)>,
}

impl FmtHost for Host {
    fn types(&self) -> &Types {
        &self.types
    }

    fn text_method(&mut self, ty: TypeId, v: &Value) -> Option<super::MethodResult> {
        let m = self.methods.iter().find(|(t, _)| *t == ty)?.1;
        Some(m(v).map_err(super::MethodPanic::from))
    }

    fn go_string_method(&mut self, _: TypeId, _: &Value) -> Option<super::MethodResult> {
        None
    }

    fn format_method(
        &mut self,
        _: TypeId,
        _: &Value,
        _: char,
        _: &super::FormatState,
    ) -> Option<super::MethodResult> {
        None
    }
}

/// The predeclared types every test can use.
struct T {
    int: TypeId,
    int8: TypeId,
    int16: TypeId,
    int32: TypeId,
    int64: TypeId,
    uint: TypeId,
    uint8: TypeId,
    uint16: TypeId,
    uint32: TypeId,
    uint64: TypeId,
    uintptr: TypeId,
    float32: TypeId,
    float64: TypeId,
    string: TypeId,
    bool: TypeId,
    bytes: TypeId,
    any: TypeId,
    error: TypeId,
}

impl Host {
    fn new() -> (Host, T) {
        let mut h = Host {
            types: Types::default(),
            methods: Vec::new(),
        };
        let int = |h: &mut Host, name: &str, k| h.ty(name, Kind::Int(k), false);
        let t_int = int(&mut h, "int", IntKind::Int);
        let t_uint8 = int(&mut h, "uint8", IntKind::Uint8);
        let any = h.ty("interface {}", Kind::Interface { methods: vec![] }, false);
        let err_m = h.types.method_id(ERROR_METHOD);
        let t = T {
            int: t_int,
            int8: int(&mut h, "int8", IntKind::Int8),
            int16: int(&mut h, "int16", IntKind::Int16),
            int32: int(&mut h, "int32", IntKind::Int32),
            int64: int(&mut h, "int64", IntKind::Int64),
            uint: int(&mut h, "uint", IntKind::Uint),
            uint8: t_uint8,
            uint16: int(&mut h, "uint16", IntKind::Uint16),
            uint32: int(&mut h, "uint32", IntKind::Uint32),
            uint64: int(&mut h, "uint64", IntKind::Uint64),
            uintptr: int(&mut h, "uintptr", IntKind::Uintptr),
            float32: h.ty("float32", Kind::Float32, false),
            float64: h.ty("float64", Kind::Float64, false),
            string: h.ty("string", Kind::String, false),
            bool: h.ty("bool", Kind::Bool, false),
            bytes: h.ty("[]uint8", Kind::Slice { elem: t_uint8 }, false),
            any,
            error: h.ty(
                "error",
                Kind::Interface {
                    methods: vec![err_m],
                },
                true,
            ),
        };
        (h, t)
    }

    fn ty(&mut self, name: &str, kind: Kind, named: bool) -> TypeId {
        self.types.add(RType {
            name: name.into(),
            kind,
            named,
        })
    }

    /// A struct type with `(name, type)` fields; lower-case names are unexported.
    fn strukt(&mut self, name: &str, fields: &[(&str, TypeId)]) -> TypeId {
        let fields = fields
            .iter()
            .map(|&(n, ty)| Field {
                name: n.into(),
                ty,
                embedded: false,
                exported: n.starts_with(|c: char| c.is_ascii_uppercase()),
                tag: "".into(),
            })
            .collect();
        self.ty(name, Kind::Struct { fields }, true)
    }

    /// Gives `ty` a `String` (or `Error`) method.
    fn method(&mut self, ty: TypeId, name: &str, m: Method) {
        let id = self.types.method_id(name);
        self.types.add_method(ty, id, 0);
        self.methods.push((ty, m));
    }
}

fn iface(ty: TypeId, v: Value) -> Value {
    Value::iface(ty, v)
}

fn map_of(entries: Vec<(Value, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in entries {
        m.insert(Key(k), v);
    }
    Value::Map(Rc::new(RefCell::new(m)))
}
