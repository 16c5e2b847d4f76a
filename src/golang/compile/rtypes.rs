//! What the compiler needs to know of the checker's types: their run-time types (names as
//! `%T` prints them, structure for fmt and interfaces), zero values, sizes (a growing slice's
//! capacity depends on its element's size), and how values of a type are handled (integer
//! kinds, aggregates that copy deeply).

use std::rc::Rc;

use crate::golang::syntax::ast::ChanDir as AstDir;
use crate::golang::types::object::ObjKind;
use crate::golang::types::ty::{BasicKind, Type, TypeId};
use crate::golang::vm::types::{ChanDir, Field, IntKind, Kind, RType, SyncKind};
use crate::golang::vm::value::Value;

use super::Compiler;

impl Compiler<'_> {
    /// The checker type `t` without its name (the underlying type).
    pub fn under(&self, t: TypeId) -> &Type {
        self.types.get(self.types.under(t))
    }

    /// The length of array type `t`, or of the array a pointer type `t` points to.
    pub fn array_len(&self, t: TypeId) -> Option<u64> {
        let t = match self.under(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        match self.under(t) {
            Type::Array(n, _) => Some(*n),
            _ => None,
        }
    }

    /// Whether values of `t` are arrays or structs, which Go copies deeply.
    pub fn is_agg(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Array(..) | Type::Struct(_))
    }

    pub fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    /// The integer kind of `t`, if it is an integer type.
    pub fn int_kind(&self, t: TypeId) -> Option<IntKind> {
        Some(match self.types.basic(t)? {
            BasicKind::Int | BasicKind::UntypedInt => IntKind::Int,
            BasicKind::Int8 => IntKind::Int8,
            BasicKind::Int16 => IntKind::Int16,
            BasicKind::Int32 | BasicKind::UntypedRune => IntKind::Int32,
            BasicKind::Int64 => IntKind::Int64,
            BasicKind::Uint => IntKind::Uint,
            BasicKind::Uint8 => IntKind::Uint8,
            BasicKind::Uint16 => IntKind::Uint16,
            BasicKind::Uint32 => IntKind::Uint32,
            BasicKind::Uint64 => IntKind::Uint64,
            BasicKind::Uintptr => IntKind::Uintptr,
            _ => return None,
        })
    }

    pub fn is_float(&self, t: TypeId) -> bool {
        self.types.is_float(t)
    }

    pub fn is_float32(&self, t: TypeId) -> bool {
        self.types.basic(t) == Some(BasicKind::Float32)
    }

    pub fn is_complex(&self, t: TypeId) -> bool {
        self.types.is_complex(t)
    }

    pub fn is_complex64(&self, t: TypeId) -> bool {
        self.types.basic(t) == Some(BasicKind::Complex64)
    }

    pub fn is_string(&self, t: TypeId) -> bool {
        self.types.is_string(t)
    }

    /// The zero value of `t`.
    pub fn zero_value(&self, t: TypeId) -> Value {
        match self.under(t) {
            Type::Basic(k) => match k {
                BasicKind::Bool | BasicKind::UntypedBool => Value::Bool(false),
                BasicKind::String | BasicKind::UntypedString => Value::str(""),
                BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat => {
                    Value::Float(0.0)
                }
                BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex => {
                    Value::Complex(0.0, 0.0)
                }
                BasicKind::UntypedNil | BasicKind::Invalid => Value::Nil,
                _ => Value::Int(0),
            },
            Type::Array(n, elem) => {
                let z = self.zero_value(*elem);
                Value::agg((0..*n).map(|_| z.copy()).collect())
            }
            Type::Struct(fields) => {
                Value::agg(fields.iter().map(|f| self.zero_value(f.ty)).collect())
            }
            _ => Value::Nil,
        }
    }

    /// The constant holding the zero value of `t` (a template copied where one is needed).
    pub fn zero(&mut self, t: TypeId) -> u32 {
        if let Some(&k) = self.zeros.get(&t) {
            return k;
        }
        let k = self.add_const(self.zero_value(t));
        self.zeros.insert(t, k);
        k
    }

    /// The size of `t` for `append`'s growth (capped to fit the instruction).
    pub fn elem_size(&self, t: TypeId) -> u16 {
        self.types.size_align(t).0.min(u16::MAX as u64) as u16
    }

    /// The run-time type of `t`, made on first use.
    pub fn rtype(&mut self, t: TypeId) -> u32 {
        if let Some(&r) = self.rtypes.get(&t) {
            return r;
        }
        // Reserve the id first: a recursive type (`type Node struct { next *Node }`) refers to
        // itself.
        let id = self.prog.types.add(RType {
            name: Rc::from(""),
            kind: Kind::Nil,
            named: false,
        });
        self.rtypes.insert(t, id);
        let kind = self.rkind(t);
        let name = self.type_name(t);
        let named = matches!(self.types.get(t), Type::Named(_));
        let sync = match name.as_str() {
            "sync.Mutex" => Some(SyncKind::Mutex),
            "sync.WaitGroup" => Some(SyncKind::WaitGroup),
            "sync.RWMutex" => Some(SyncKind::RwMutex),
            _ => None,
        };
        self.prog.types.types[id as usize] = RType {
            name: Rc::from(name.as_str()),
            kind,
            named,
        };
        if let Some(sync) = sync.filter(|_| named) {
            let view = self.sync_view(sync);
            self.prog.types.sync_views.push((id, sync, view));
        }
        id
    }

    /// The type fmt prints in place of sync type `kind`: Go 1.19's declaration of it.
    fn sync_view(&mut self, kind: SyncKind) -> u32 {
        let int32 = self.rtype(TypeId::INT32);
        let uint32 = self.rtype(TypeId::UINT32);
        let field = |name: &str, ty: u32| Field {
            name: Rc::from(name),
            ty,
            embedded: false,
            exported: false,
            tag: Rc::from(""),
        };
        let view = |name: &str, fields: Vec<Field>| RType {
            name: Rc::from(name),
            kind: Kind::Struct { fields },
            named: true,
        };
        let mutex = view(
            "sync.Mutex",
            vec![field("state", int32), field("sema", uint32)],
        );
        let t = match kind {
            SyncKind::Mutex => mutex,
            SyncKind::WaitGroup => {
                let no_copy = self.prog.types.add(view("sync.noCopy", Vec::new()));
                let uint64 = self.rtype(TypeId::UINT64);
                view(
                    "sync.WaitGroup",
                    vec![
                        field("noCopy", no_copy),
                        field("state1", uint64),
                        field("state2", uint32),
                    ],
                )
            }
            SyncKind::RwMutex => {
                let w = self.prog.types.add(mutex);
                view(
                    "sync.RWMutex",
                    vec![
                        field("w", w),
                        field("writerSem", uint32),
                        field("readerSem", uint32),
                        field("readerCount", int32),
                        field("readerWait", int32),
                    ],
                )
            }
        };
        self.prog.types.add(t)
    }

    fn rkind(&mut self, t: TypeId) -> Kind {
        let under = self.under(t).clone();
        match under {
            Type::Basic(k) => match k {
                BasicKind::Bool | BasicKind::UntypedBool => Kind::Bool,
                BasicKind::Float32 => Kind::Float32,
                BasicKind::Float64 | BasicKind::UntypedFloat => Kind::Float64,
                BasicKind::Complex64 => Kind::Complex64,
                BasicKind::Complex128 | BasicKind::UntypedComplex => Kind::Complex128,
                BasicKind::String | BasicKind::UntypedString => Kind::String,
                BasicKind::UntypedNil | BasicKind::Invalid => Kind::Nil,
                _ => Kind::Int(self.int_kind(t).unwrap_or(IntKind::Int)),
            },
            Type::Pointer(e) => Kind::Pointer {
                elem: self.rtype(e),
            },
            Type::Slice(e) => Kind::Slice {
                elem: self.rtype(e),
            },
            Type::Array(n, e) => Kind::Array {
                elem: self.rtype(e),
                len: n,
            },
            Type::Map(k, v) => Kind::Map {
                key: self.rtype(k),
                val: self.rtype(v),
            },
            Type::Chan(dir, e) => Kind::Chan {
                elem: self.rtype(e),
                dir: match dir {
                    AstDir::Both => ChanDir::Both,
                    AstDir::Send => ChanDir::Send,
                    AstDir::Recv => ChanDir::Recv,
                },
            },
            Type::Func(sig) => Kind::Func {
                params: sig.params.iter().map(|&p| self.rtype(p)).collect(),
                results: sig.results.iter().map(|&r| self.rtype(r)).collect(),
                variadic: sig.variadic,
            },
            Type::Struct(fields) => Kind::Struct {
                fields: fields
                    .iter()
                    .map(|f| {
                        let name = self.ch.ast.names.get(f.name).to_string();
                        let exported = name.chars().next().is_some_and(char::is_uppercase);
                        Field {
                            name: Rc::from(name.as_str()),
                            ty: self.rtype(f.ty),
                            embedded: f.embedded,
                            exported,
                            tag: f.tag.clone().unwrap_or_default(),
                        }
                    })
                    .collect(),
            },
            Type::Interface(i) => Kind::Interface {
                methods: i
                    .methods
                    .iter()
                    .map(|m| {
                        let name = self.method_key(m.name, m.pkg, m.sig);
                        self.prog.types.method_id(&name)
                    })
                    .collect(),
            },
            _ => Kind::Nil,
        }
    }

    /// The key a method is known by at run time: its name, qualified by its package when it is
    /// unexported (two packages' `m` are different methods), and its signature `sig` (a
    /// method of the same name and another signature does not implement an interface).
    pub fn method_key(
        &self,
        name: crate::golang::syntax::ast::Name,
        pkg: Option<crate::golang::types::object::PkgId>,
        sig: TypeId,
    ) -> String {
        let n = self.ch.ast.names.get(name);
        let sig = self.type_name(sig);
        let sig = sig.strip_prefix("func").unwrap_or(&sig);
        match pkg {
            Some(p) => format!("{}.{n}{sig}", self.ch.packages[p.0 as usize].path),
            None => format!("{n}{sig}"),
        }
    }

    /// `t` as reflect (and so `%T` and Go's run-time messages) names it.
    pub fn type_name(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type_name(&mut s, t, 0);
        s
    }

    fn write_type_name(&self, out: &mut String, t: TypeId, depth: u32) {
        if depth > 16 {
            out.push_str("...");
            return;
        }
        let types = &self.types;
        match types.get(t) {
            Type::Named(n) => {
                let obj = &self.ch.objs[n.obj.0 as usize];
                let name = self.ch.ast.names.get(obj.name);
                match obj.pkg {
                    Some(p) => {
                        let pkg = &self.ch.packages[p.0 as usize];
                        out.push_str(self.ch.ast.names.get(pkg.name));
                        out.push('.');
                        out.push_str(name);
                    }
                    None => out.push_str(name),
                }
                if !n.targs.is_empty() {
                    out.push('[');
                    for (i, a) in n.targs.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        self.write_type_name(out, *a, depth + 1);
                    }
                    out.push(']');
                }
            }
            Type::Basic(k) => out.push_str(match k {
                BasicKind::UntypedBool => "bool",
                BasicKind::UntypedInt => "int",
                BasicKind::UntypedRune => "int32",
                BasicKind::UntypedFloat => "float64",
                BasicKind::UntypedComplex => "complex128",
                BasicKind::UntypedString => "string",
                BasicKind::UntypedNil => "nil",
                k => k.name(),
            }),
            Type::Pointer(e) => {
                out.push('*');
                self.write_type_name(out, *e, depth + 1);
            }
            Type::Slice(e) => {
                out.push_str("[]");
                self.write_type_name(out, *e, depth + 1);
            }
            Type::Array(n, e) => {
                out.push_str(&format!("[{n}]"));
                self.write_type_name(out, *e, depth + 1);
            }
            Type::Map(k, v) => {
                out.push_str("map[");
                self.write_type_name(out, *k, depth + 1);
                out.push(']');
                self.write_type_name(out, *v, depth + 1);
            }
            Type::Chan(dir, e) => {
                out.push_str(match dir {
                    AstDir::Both => "chan ",
                    AstDir::Send => "chan<- ",
                    AstDir::Recv => "<-chan ",
                });
                // `chan (<-chan int)`: without them it would read as `chan<- chan int`.
                let paren = *dir == AstDir::Both
                    && matches!(self.types.get(*e), Type::Chan(AstDir::Recv, _));
                if paren {
                    out.push('(');
                }
                self.write_type_name(out, *e, depth + 1);
                if paren {
                    out.push(')');
                }
            }
            Type::Func(sig) => {
                out.push_str("func(");
                for (i, p) in sig.params.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if sig.variadic && i + 1 == sig.params.len() {
                        out.push_str("...");
                        let elem = match types.get(*p) {
                            Type::Slice(e) => *e,
                            _ => *p,
                        };
                        self.write_type_name(out, elem, depth + 1);
                    } else {
                        self.write_type_name(out, *p, depth + 1);
                    }
                }
                out.push(')');
                match sig.results.len() {
                    0 => {}
                    1 => {
                        out.push(' ');
                        self.write_type_name(out, sig.results[0], depth + 1);
                    }
                    _ => {
                        out.push_str(" (");
                        for (i, r) in sig.results.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            self.write_type_name(out, *r, depth + 1);
                        }
                        out.push(')');
                    }
                }
            }
            Type::Struct(fields) => {
                if fields.is_empty() {
                    out.push_str("struct {}");
                    return;
                }
                out.push_str("struct { ");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !f.embedded {
                        out.push_str(self.ch.ast.names.get(f.name));
                        out.push(' ');
                    }
                    self.write_type_name(out, f.ty, depth + 1);
                    if let Some(tag) = &f.tag {
                        out.push(' ');
                        out.push_str(&crate::golang::types::constant::quote(tag.as_bytes()));
                    }
                }
                out.push_str(" }");
            }
            Type::Interface(i) => {
                if i.methods.is_empty() {
                    out.push_str("interface {}");
                    return;
                }
                out.push_str("interface { ");
                for (k, m) in i.methods.iter().enumerate() {
                    if k > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(self.ch.ast.names.get(m.name));
                    let mut sig = String::new();
                    self.write_type_name(&mut sig, m.sig, depth + 1);
                    out.push_str(sig.strip_prefix("func").unwrap_or(&sig));
                }
                out.push_str(" }");
            }
            Type::Tuple(elems) => {
                out.push('(');
                for (i, e) in elems.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_type_name(out, *e, depth + 1);
                }
                out.push(')');
            }
            Type::TypeParam(p) => {
                let obj = &self.ch.objs[p.obj.0 as usize];
                out.push_str(self.ch.ast.names.get(obj.name));
            }
        }
    }

    /// Whether object `o` is a type name (for expressions that denote types).
    pub fn is_type_name(&self, o: crate::golang::types::object::ObjId) -> bool {
        matches!(self.ch.objs[o.0 as usize].kind, ObjKind::TypeName { .. })
    }
}
