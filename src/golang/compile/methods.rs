//! Method sets at run time: what an interface value's dynamic type can do.
//!
//! When a value of type `T` first becomes an interface value, `T`'s method set goes into the
//! program's method table: `T`'s own methods (value receivers; for `*T` also pointer
//! receivers) and the methods promoted from embedded fields, shallowest first. A method whose
//! receiver is not exactly the dynamic value (a value method called through a pointer, a
//! promoted method) is reached through a small wrapper function that adjusts the receiver,
//! as Go's compiler makes them.

use std::collections::HashSet;

use crate::golang::syntax::ast::Name;
use crate::golang::types::object::{Builtin, ObjId, PkgId};
use crate::golang::types::ty::{Type, TypeId};
use crate::golang::vm::instr::{Instr, R};
use crate::golang::vm::program::Func;

use super::Compiler;

/// A method reached from a type: the method, and the embedded fields to walk from the outer
/// value to its receiver.
#[derive(Clone, Debug)]
struct Reach {
    /// The method's name.
    name: Name,
    /// The declared method (`ObjId::NONE` for a method of an embedded interface).
    method: ObjId,
    /// The named type declaring it (an instance of a generic type gives its type
    /// arguments to the method's copy).
    recv: TypeId,
    /// Field indices from the outer value.
    path: Vec<u32>,
    /// A method of the embedded interface at the end of `path`: its run-time key.
    iface: Option<String>,
}

impl Compiler<'_> {
    /// The package of an unexported method (its name is qualified by it at run time).
    pub fn method_pkg(&self, m: ObjId) -> Option<PkgId> {
        let o = &self.ch.objs[m.0 as usize];
        let name = self.ch.ast.names.get(o.name);
        if name.chars().next().is_some_and(char::is_uppercase) {
            None
        } else {
            o.pkg
        }
    }

    /// The run-time key of interface method `name`, reached from a value of type `t` through
    /// embedded fields `path`: its name, qualified by its package if it is unexported.
    pub fn iface_method_key(&self, t: TypeId, path: &[u32], name: Name) -> String {
        let end = self.field_type_at(t, path);
        let method = self
            .types
            .interface(end)
            .and_then(|i| i.methods.iter().find(|m| m.name == name));
        match method {
            Some(m) => self.method_key(name, m.pkg, m.sig),
            None => self.ch.ast.names.get(name).to_string(),
        }
    }

    /// The run-time type for a value of type `t` becoming an interface value (its method
    /// table made).
    pub fn iface_type(&mut self, t: TypeId) -> u32 {
        self.method_table(t);
        self.rtype(t)
    }

    /// Makes the method table of type `t` (once).
    pub fn method_table(&mut self, t: TypeId) {
        if !self.tables.insert(t) {
            return;
        }
        // The types inside a value of `t` have their tables too: fmt calls the `String`
        // method of a slice's elements or a struct's fields, and `errors.As` and type switches
        // ask whether a pointer's element type implements an interface.
        let inner: Vec<TypeId> = match self.types.get(self.types.under(t)) {
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) => vec![*e],
            Type::Map(k, v) => vec![*k, *v],
            Type::Struct(fields) => fields.iter().map(|f| f.ty).collect(),
            _ => Vec::new(),
        };
        for e in inner {
            if !self.types.is_interface(e) {
                self.method_table(e);
            }
        }
        let rt = self.rtype(t);
        for reach in self.method_set(t) {
            let key = match &reach.iface {
                Some(key) => key.clone(),
                None => {
                    let m = reach.method;
                    let sig = self.method_sig(m, reach.recv);
                    self.method_key(reach.name, self.method_pkg(m), sig)
                }
            };
            let id = self.prog.types.method_id(&key);
            let f = match &reach.iface {
                Some(_) => self.promoted_iface_method(t, &reach.path, id, &key),
                None => self.reach_func(t, &reach),
            };
            self.prog.types.add_method(rt, id, f);
        }
    }

    /// The method set of `t`: its methods and the promoted ones, each by name once (the
    /// shallowest wins; Go rejects ambiguous selectors at compile time).
    fn method_set(&self, t: TypeId) -> Vec<Reach> {
        let types = &self.types;
        let mut out: Vec<Reach> = Vec::new();
        let mut names: HashSet<Name> = HashSet::new();
        // Breadth-first over embedded fields: (type of the value, path, through a pointer).
        let (base, ptr) = match types.get(t) {
            Type::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        if types.is_interface(base) {
            return out;
        }
        let mut level = vec![(base, Vec::<u32>::new(), ptr)];
        let mut seen: HashSet<TypeId> = HashSet::new();
        while !level.is_empty() {
            let mut next = Vec::new();
            let mut found: Vec<(Name, Reach)> = Vec::new();
            for (vt, path, through_ptr) in level {
                if !seen.insert(vt) {
                    continue;
                }
                if types.is_named(vt) {
                    for &m in self.lookup_ctx().named_methods(vt) {
                        let o = &self.ch.objs[m.0 as usize];
                        let ptr_recv = o.func().is_some_and(|f| f.ptr_recv);
                        if ptr_recv && !through_ptr {
                            continue;
                        }
                        found.push((
                            o.name,
                            Reach {
                                name: o.name,
                                method: m,
                                recv: vt,
                                path: path.clone(),
                                iface: None,
                            },
                        ));
                    }
                }
                // An embedded interface's methods (not the outer value's own interface).
                if !path.is_empty() {
                    if let Some(iface) = types.interface(vt) {
                        for m in &iface.methods {
                            found.push((
                                m.name,
                                Reach {
                                    name: m.name,
                                    method: ObjId::NONE,
                                    recv: vt,
                                    path: path.clone(),
                                    iface: Some(self.method_key(m.name, m.pkg, m.sig)),
                                },
                            ));
                        }
                    }
                }
                if let Some(fields) = types.struct_fields(vt) {
                    for (i, f) in fields.iter().enumerate() {
                        if !f.embedded {
                            continue;
                        }
                        let mut p = path.clone();
                        p.push(i as u32);
                        match types.get(f.ty) {
                            Type::Pointer(e) => next.push((*e, p, true)),
                            _ => next.push((f.ty, p, through_ptr)),
                        }
                    }
                }
            }
            for (name, reach) in found {
                if names.insert(name) {
                    out.push(reach);
                }
            }
            level = next;
        }
        out
    }

    /// The function implementing `reach` for receivers of type `t`.
    fn reach_func(&mut self, t: TypeId, reach: &Reach) -> u32 {
        let m = reach.method;
        let ptr_recv = self.ch.objs[m.0 as usize]
            .func()
            .is_some_and(|f| f.ptr_recv);
        let outer_is_ptr = matches!(self.types.get(t), Type::Pointer(_));
        let targs = self.method_targs(reach.recv);
        // The method's own receiver matches the dynamic value: no wrapper.
        if reach.path.is_empty() && ptr_recv == outer_is_ptr {
            return self.func_instance(m, targs);
        }
        if let Some(&f) = self.wrappers.get(&(t, m)) {
            return f;
        }
        let name = format!("{}-wrapper", self.go_func_name(m));
        let f = self.new_func(name);
        self.wrappers.insert((t, m), f);
        let target = self.func_instance(m, targs);
        let o = &self.ch.objs[m.0 as usize];
        let sig = self.types.signature(o.ty).cloned();
        let np = sig.as_ref().map_or(0, |s| s.params.len());
        let nres = sig.as_ref().map_or(0, |s| s.results.len());
        // Registers: 0 receiver, 1..=np parameters, then the walk, then the call's window.
        let mut code = Vec::new();
        let mut cur: R = 0;
        let mut next: R = 1 + np as R;
        let steps = reach.path.len();
        // Whether the value at the end of the walk is a pointer.
        let end_is_ptr = if steps == 0 {
            outer_is_ptr
        } else {
            let ft = self.field_type_at(t, &reach.path);
            matches!(self.types.get(ft), Type::Pointer(_))
        };
        for (k, &i) in reach.path.iter().enumerate() {
            let d = next;
            next += 1;
            // A pointer method of an embedded value (not pointer): the field's address.
            if k + 1 == steps && ptr_recv && !end_is_ptr {
                code.push(Instr::FieldPtr {
                    d,
                    a: cur,
                    i: i as u16,
                });
            } else {
                code.push(Instr::Field {
                    d,
                    a: cur,
                    i: i as u16,
                });
            }
            cur = d;
        }
        let base = next;
        code.push(Instr::Mov { d: base, s: cur });
        if !ptr_recv {
            // A value receiver: the value (through a pointer, if it is one), copied.
            if end_is_ptr {
                code.push(Instr::Load { d: base, p: base });
            }
            code.push(Instr::Copy { d: base, s: base });
        }
        for p in 0..np {
            code.push(Instr::Mov {
                d: base + 1 + p as R,
                s: 1 + p as R,
            });
        }
        code.push(Instr::Call { f: target, base });
        code.push(Instr::Ret);
        let line = self.line(o.pos);
        let func = &mut self.prog.funcs[f as usize];
        func.lines = vec![line; code.len()];
        func.code = code;
        func.nregs = base + 1 + (np.max(nres)) as R;
        func.nparams = 1 + np as u16;
        func.nresults = nres as u16;
        func.results = base;
        f
    }

    /// A method of an interface embedded at `path` in values of type `t`: a wrapper that
    /// calls it on the embedded interface value. `key` is the method's run-time key (its
    /// signature tells the wrapper's arity).
    fn promoted_iface_method(&mut self, t: TypeId, path: &[u32], m: u32, key: &str) -> u32 {
        let end = self.field_type_at(t, path);
        let sig = self.types.interface(end).and_then(|i| {
            i.methods
                .iter()
                .find(|im| self.method_key(im.name, im.pkg, im.sig) == key)
                .and_then(|im| self.types.signature(im.sig).cloned())
        });
        let np = sig.as_ref().map_or(0, |s| s.params.len());
        let nres = sig.as_ref().map_or(0, |s| s.results.len());
        let f = self.new_func(format!("{}-promoted", key));
        let mut code = Vec::new();
        let mut cur: R = 0;
        let mut next: R = 1 + np as R;
        for &i in path {
            code.push(Instr::Field {
                d: next,
                a: cur,
                i: i as u16,
            });
            cur = next;
            next += 1;
        }
        let base = next;
        code.push(Instr::Mov { d: base, s: cur });
        for p in 0..np {
            code.push(Instr::Mov {
                d: base + 1 + p as R,
                s: 1 + p as R,
            });
        }
        code.push(Instr::CallI { m, base });
        code.push(Instr::Ret);
        let func = &mut self.prog.funcs[f as usize];
        func.lines = vec![0; code.len()];
        func.code = code;
        func.nregs = base + 1 + np.max(nres) as R;
        func.nparams = 1 + np as u16;
        func.nresults = nres as u16;
        func.results = base;
        f
    }

    /// The type of the field at the end of `path` from a value of type `t` (walking through
    /// pointers).
    pub fn field_type_at(&self, t: TypeId, path: &[u32]) -> TypeId {
        let types = &self.types;
        let mut cur = t;
        for &i in path {
            if let Type::Pointer(e) = types.get(types.under(cur)) {
                cur = *e;
            }
            match types.struct_fields(cur) {
                Some(fields) => cur = fields[i as usize].ty,
                None => return cur,
            }
        }
        cur
    }

    /// A method expression `T.M` / `(*T).M`: a function taking the receiver first.
    pub fn method_expr(&mut self, t: TypeId, m: ObjId) -> u32 {
        match self
            .method_set(t)
            .into_iter()
            .find(|r| r.method == m && r.iface.is_none())
        {
            Some(reach) => self.reach_func(t, &reach),
            None => {
                let targs = self.method_targs(t);
                self.func_instance(m, targs)
            }
        }
    }

    /// A method expression `I.M` on interface type `t`: a function taking the interface
    /// value first and calling its method `name`.
    pub fn iface_method_expr(&mut self, t: TypeId, name: Name) -> u32 {
        let key = self.iface_method_key(t, &[], name);
        let id = self.prog.types.method_id(&key);
        self.promoted_iface_method(t, &[], id, &key)
    }

    /// The function a method table of type `t` holds for method `name` (taking the
    /// receiver first), if `t`'s method set has it.
    pub fn method_by_name(&mut self, t: TypeId, name: Name) -> Option<u32> {
        let reach = self.method_set(t).into_iter().find(|r| r.name == name)?;
        Some(match &reach.iface {
            Some(key) => {
                let key = key.clone();
                let id = self.prog.types.method_id(&key);
                self.promoted_iface_method(t, &reach.path, id, &key)
            }
            None => self.reach_func(t, &reach),
        })
    }

    /// The signature of method `m` declared by named type `recv` (an instance's type
    /// arguments substituted).
    fn method_sig(&mut self, m: ObjId, recv: TypeId) -> TypeId {
        let sig = self.ch.objs[m.0 as usize].ty;
        let (tparams, targs) = self.types.instance_map(recv);
        self.types.subst(sig, &tparams, &targs)
    }

    /// The function of a method value: a closure whose environment holds the receiver, and
    /// which calls `f` (or interface method `iface`) with it.
    /// `sig` is the method value's signature, `name` Go's name for the method.
    pub fn bound_method(&mut self, f: u32, sig: TypeId, name: &str, iface: Option<u32>) -> u32 {
        let sig = self.types.signature(sig).cloned();
        let np = sig.as_ref().map_or(0, |s| s.params.len());
        let nres = sig.as_ref().map_or(0, |s| s.results.len());
        let index = self.new_func(format!("{name}-fm"));
        let base = np as R;
        let mut code = vec![Instr::Env { d: base, i: 0 }];
        for p in 0..np {
            code.push(Instr::Mov {
                d: base + 1 + p as R,
                s: p as R,
            });
        }
        code.push(match iface {
            Some(m) => Instr::CallI { m, base },
            None => Instr::Call { f, base },
        });
        code.push(Instr::Ret);
        let func: &mut Func = &mut self.prog.funcs[index as usize];
        func.lines = vec![0; code.len()];
        func.code = code;
        func.nregs = base + 1 + np.max(nres) as R;
        func.nparams = np as u16;
        func.nresults = nres as u16;
        func.results = base;
        index
    }

    /// A function running builtin `b` on its `nargs` parameters (`defer close(ch)`); `clear`
    /// sets what it clears to constant `zero`.
    pub fn builtin_func(&mut self, b: Builtin, nargs: u16, zero: u32) -> u32 {
        let index = self.new_func(format!("runtime.{}", b.name()));
        let code = match b {
            Builtin::Close => vec![Instr::Close { ch: 0 }, Instr::Ret],
            Builtin::Delete => vec![Instr::MapDelete { m: 0, k: 1 }, Instr::Ret],
            // The count goes to a register of its own, and nowhere after.
            Builtin::Copy => vec![
                Instr::CopySlice {
                    d: 2,
                    dst: 0,
                    src: 1,
                },
                Instr::Ret,
            ],
            Builtin::Clear => vec![Instr::Clear { x: 0, zero }, Instr::Ret],
            Builtin::Panic => vec![Instr::Panic { s: 0 }, Instr::Ret],
            Builtin::Recover => vec![Instr::Recover { d: 0 }, Instr::Ret],
            Builtin::Print | Builtin::Println => vec![
                Instr::Print {
                    first: 0,
                    n: nargs,
                    newline: b == Builtin::Println,
                },
                Instr::Ret,
            ],
            _ => vec![Instr::Ret],
        };
        let func = &mut self.prog.funcs[index as usize];
        func.lines = vec![0; code.len()];
        func.code = code;
        func.nregs = if b == Builtin::Copy { 3 } else { nargs.max(1) };
        func.nparams = nargs;
        func.wrapper = b == Builtin::Recover;
        index
    }
}
