//! Type expressions: names of types, type literals (arrays, slices, maps, channels,
//! pointers, structs, interfaces, signatures), array lengths, and function signatures with
//! their parameter objects.

use super::super::info::Mode;
use super::super::object::{FuncInfo, ObjId, ObjKind, VarKind};
use super::super::ty::{IMethod, Interface, StructField, Term, Type, TypeId};
use super::{Checker, Operand, MAX_CHECK_NESTING};
use crate::syntax::ast::{ExprId, ExprKind, Field, FuncDecl, List, Name};
use crate::syntax::token::Op;
use std::rc::Rc;

pub(crate) use super::super::lookup::is_exported;

/// The most elements an array type may hold, counting those of nested arrays and structs.
/// Each element is a value of the interpreter's (32 bytes), and an array's zero value is made
/// whole, when the program is compiled and again where a variable gets it: 4 Mi elements (128
/// MiB) keep one array's zero value and a copy of it inside a run's memory limit, and a
/// program's wasm worker inside its memory. (A slice, grown at run time, stops at the run's
/// memory limit instead: it may hold up to [`crate::MAX_LEN`].)
pub const MAX_ARRAY_ELEMENTS: u64 = 1 << 22;

impl Checker<'_> {
    /// The type denoted by `e`, which must be a type.
    pub fn typ(&mut self, e: ExprId) -> TypeId {
        self.defined_type(e, None)
    }

    /// Like `typ`, for the type of a variable (constraint interfaces are not allowed).
    pub fn var_type(&mut self, e: ExprId) -> TypeId {
        let t = self.typ(e);
        if let Some(i) = self.types.interface(t) {
            if (i.terms.is_some() || i.comparable) && !self.types.is_type_param(t) {
                let s = self.ts(t);
                self.error(
                    self.epos(e),
                    format!("cannot use type {s} outside a type constraint: interface contains type constraints"),
                );
                return TypeId::INVALID;
            }
        }
        t
    }

    /// The type denoted by `e`; `def` is the named type being declared with it.
    pub fn defined_type(&mut self, e: ExprId, def: Option<TypeId>) -> TypeId {
        let t = if self.nesting < MAX_CHECK_NESTING {
            self.nesting += 1;
            let t = self.type_internal(e, def);
            self.nesting -= 1;
            t
        } else {
            self.too_deep_at(e);
            TypeId::INVALID
        };
        self.info.record(e, Mode::TypeExpr, t, None);
        t
    }

    fn type_internal(&mut self, e: ExprId, def: Option<TypeId>) -> TypeId {
        let kind = self.ast.expr(e).kind;
        match kind {
            ExprKind::Bad => TypeId::INVALID,
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {
                let mut x = Operand::invalid(e);
                match kind {
                    ExprKind::Ident(_) => self.ident(&mut x, e, true),
                    _ => self.selector(&mut x, e, true),
                }
                match x.mode {
                    Mode::TypeExpr => {
                        if self.is_generic_type(x.ty) {
                            let s = self.generic_type_string(x.ty);
                            self.error(
                                self.epos(e),
                                format!("cannot use generic type {s} without instantiation"),
                            );
                            return TypeId::INVALID;
                        }
                        x.ty
                    }
                    Mode::Invalid => TypeId::INVALID,
                    Mode::NoValue => {
                        let s = self.op_string(&x);
                        self.error(self.epos(e), format!("{s} used as type"));
                        TypeId::INVALID
                    }
                    _ => {
                        let s = self.op_string(&x);
                        self.error(self.epos(e), format!("{s} is not a type"));
                        TypeId::INVALID
                    }
                }
            }
            ExprKind::Index { x, indices, .. } => self.instantiated_type(e, x, indices, def),
            ExprKind::Paren(x) => self.defined_type(x, def),
            ExprKind::ArrayType { len, elem } => match len {
                Some(l) => {
                    let n = self.array_length(l);
                    let elem = self.var_type(elem);
                    match n {
                        Some(n) => self.sized_array(e, n, elem),
                        None => TypeId::INVALID,
                    }
                }
                None => {
                    self.error(
                        self.epos(e),
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    self.var_type(elem);
                    TypeId::INVALID
                }
            },
            ExprKind::Ellipsis { .. } => {
                self.error(self.epos(e), "invalid use of '...'");
                TypeId::INVALID
            }
            ExprKind::SliceType { elem } => {
                let elem = self.var_type(elem);
                self.types.slice(elem)
            }
            ExprKind::StructType { fields } => self.struct_type(fields),
            ExprKind::Star(x) => {
                let elem = self.typ(x);
                self.types.pointer(elem)
            }
            ExprKind::FuncType { params, results } => {
                let (sig, _, _) = self.signature(params, results);
                sig
            }
            ExprKind::InterfaceType { elems } => self.interface_type(elems, def),
            ExprKind::MapType { key, value } => {
                let k = self.var_type(key);
                let v = self.var_type(value);
                if k != TypeId::INVALID && !self.types.is_type_param(k) {
                    // A named key type may not be complete yet; its comparability is
                    // checked once it is (here, when it already is).
                    let u = self.types.under(k);
                    if u != TypeId::INVALID && !self.types.comparable(k) {
                        let s = self.ts(k);
                        self.error(self.epos(key), format!("invalid map key type {s}"));
                    }
                }
                self.types.map(k, v)
            }
            ExprKind::ChanType { dir, elem } => {
                let elem = self.var_type(elem);
                self.types.chan(dir, elem)
            }
            _ => {
                let s = self.es(e);
                self.error(self.epos(e), format!("{s} is not a type"));
                TypeId::INVALID
            }
        }
    }

    /// The constant length of an array type.
    /// The type `[n]elem`, or an error at `e` when its values would not fit in memory: an
    /// array is stored element by element, so its zero value alone would exhaust the run.
    fn sized_array(&mut self, e: ExprId, n: u64, elem: TypeId) -> TypeId {
        let t = self.types.array(n, elem);
        let elements = self.types.scalar_count(t);
        if elements > MAX_ARRAY_ELEMENTS {
            let ts = self.ts(t);
            self.error(
                self.epos(e),
                format!(
                    "chanlab does not support arrays of more than {MAX_ARRAY_ELEMENTS} elements ({ts} has {elements})"
                ),
            );
            return TypeId::INVALID;
        }
        t
    }

    fn array_length(&mut self, e: ExprId) -> Option<u64> {
        if let Some(name) = self.ast.ident(e) {
            match self.lookup(name) {
                None => {
                    let s = self.name_str(name).to_string();
                    self.error(
                        self.epos(e),
                        format!("undefined array length {s} or missing type constraint"),
                    );
                    return None;
                }
                Some(o) if !matches!(self.obj(o).kind, ObjKind::Const(_)) => {
                    let s = self.name_str(name).to_string();
                    self.error(self.epos(e), format!("invalid array length {s}"));
                    return None;
                }
                _ => {}
            }
        }
        let mut x = Operand::invalid(e);
        self.expr(&mut x, e, None);
        if x.mode != Mode::Constant {
            if !x.is_invalid() {
                let s = self.op_string(&x);
                self.error(self.epos(e), format!("array length {s} must be constant"));
            }
            return None;
        }
        if self.types.is_untyped(x.ty) || self.types.is_integer(x.ty) {
            if let Some(n) = x.val.int() {
                if (0..=i64::MAX as i128).contains(&n) {
                    return Some(n as u64);
                }
            }
        }
        let s = self.op_string(&x);
        let msg = if self.types.is_integer(x.ty) {
            format!("invalid array length {s}")
        } else {
            format!("array length {s} must be integer")
        };
        self.error(self.epos(e), msg);
        None
    }

    fn struct_type(&mut self, fields: List<Field>) -> TypeId {
        let mut out: Vec<StructField> = Vec::new();
        let mut objs: Vec<ObjId> = Vec::new();
        let fields = self.ast_list(fields);
        for &f in fields {
            let names = self.ast_list(f.names);
            // An empty tag is no tag: `struct{ x int "" }` is `struct{ x int }`.
            let tag: Option<Rc<str>> = f
                .tag
                .map(|e| crate::syntax::literal::string_value(self.ast.lit_text(e)))
                .filter(|bytes| !bytes.is_empty())
                .map(|bytes| Rc::from(String::from_utf8_lossy(&bytes).as_ref()));
            if names.is_empty() {
                // An embedded field: T, *T, pkg.T or an instance.
                let ty = self.var_type(f.ty);
                let name = self.embedded_name(f.ty);
                let (base, is_ptr) = match self.ast.expr(self.ast.unparen(f.ty)).kind {
                    ExprKind::Star(_) => {
                        (self.types.pointer_elem(ty).unwrap_or(TypeId::INVALID), true)
                    }
                    _ => (ty, false),
                };
                if ty != TypeId::INVALID && base != TypeId::INVALID {
                    let u = self.types.under(base);
                    if self.types.is_type_param(base) {
                        self.error(
                            f.pos,
                            "embedded field type cannot be a (pointer to a) type parameter",
                        );
                    } else if self.types.pointer_elem(u).is_some() {
                        self.error(f.pos, "embedded field type cannot be a pointer");
                    } else if is_ptr && self.types.is_interface(u) {
                        self.error(
                            f.pos,
                            "embedded field type cannot be a pointer to an interface",
                        );
                    }
                }
                let obj = self.new_obj(
                    name,
                    f.pos,
                    ty,
                    ObjKind::Var {
                        kind: VarKind::Field,
                        embedded: true,
                    },
                );
                self.add_field(&mut out, &mut objs, obj, (name, ty, tag), true, f.pos);
                continue;
            }
            let ty = self.var_type(f.ty);
            for &n in names {
                let name = self.ast.ident(n).unwrap_or(Name::BLANK);
                let obj = self.new_var(name, self.epos(n), ty, VarKind::Field);
                self.info.record_def(n, obj);
                let field = (name, ty, tag.clone());
                self.add_field(&mut out, &mut objs, obj, field, false, self.epos(n));
            }
        }
        let t = self.types.intern(Type::Struct(out));
        for (i, o) in objs.into_iter().enumerate() {
            self.field_objs.entry((t, i as u32)).or_insert(o);
        }
        t
    }

    fn add_field(
        &mut self,
        out: &mut Vec<StructField>,
        objs: &mut Vec<ObjId>,
        obj: ObjId,
        (name, ty, tag): (Name, TypeId, Option<Rc<str>>),
        embedded: bool,
        pos: crate::syntax::Pos,
    ) {
        if name != Name::BLANK {
            if let Some(i) = out.iter().position(|f| f.name == name) {
                let at = self.pos_string(self.obj(objs[i]).pos);
                let s = self.name_str(name).to_string();
                self.error(
                    pos,
                    format!("{s} redeclared\n\t{at}: other declaration of {s}"),
                );
                return;
            }
        }
        let exported = is_exported(self.name_str(name));
        out.push(StructField {
            name,
            ty,
            embedded,
            pkg: if exported { None } else { Some(self.pkg) },
            tag,
        });
        objs.push(obj);
    }

    /// The implicit field name of an embedded type: its type name.
    fn embedded_name(&self, e: ExprId) -> Name {
        let mut e = e;
        loop {
            e = self.ast.unparen(e);
            match self.ast.expr(e).kind {
                ExprKind::Star(x) => e = x,
                ExprKind::Index { x, .. } => e = x,
                ExprKind::Selector { sel, .. } => e = sel,
                ExprKind::Ident(n) => return n,
                _ => return Name::BLANK,
            }
        }
    }

    fn interface_type(&mut self, elems: List<Field>, def: Option<TypeId>) -> TypeId {
        let mut methods: Vec<(IMethod, ObjId, crate::syntax::Pos)> = Vec::new();
        let mut terms: Option<Vec<Term>> = None;
        let mut comparable = false;
        let elems = self.ast_list(elems);
        for &f in elems {
            if let Some(&n) = self.ast_list(f.names).first() {
                let name = self.ast.ident(n).unwrap_or(Name::BLANK);
                let ExprKind::FuncType { params, results } = self.ast.expr(f.ty).kind else {
                    continue;
                };
                let (sig, _, _) = self.signature(params, results);
                if name == Name::BLANK {
                    self.error(self.epos(n), "methods must have a unique non-blank name");
                    continue;
                }
                let info = FuncInfo {
                    decl: None,
                    recv: None,
                    recv_base: def,
                    ptr_recv: false,
                    native: false,
                    tparams: Vec::new(),
                    params: Vec::new(),
                    results: Vec::new(),
                };
                let obj = self.new_obj(name, self.epos(n), sig, ObjKind::Func(Box::new(info)));
                self.info.record_def(n, obj);
                let exported = is_exported(self.name_str(name));
                let m = IMethod {
                    name,
                    pkg: if exported { None } else { Some(self.pkg) },
                    sig,
                };
                self.add_method(&mut methods, m, obj, self.epos(n));
                continue;
            }
            // An embedded interface, or a type set (union) element.
            let elem = self.ast.unparen(f.ty);
            let is_union = matches!(
                self.ast.expr(elem).kind,
                ExprKind::Binary { op: Op::Or, .. } | ExprKind::Unary { op: Op::Tilde, .. }
            );
            if !is_union {
                let t = self.typ(elem);
                if t == TypeId::INVALID || self.embeds_itself(t) {
                    continue;
                }
                if let Some(iface) = self.types.interface(t).cloned() {
                    if !self.types.is_type_param(t) {
                        for m in iface.methods {
                            self.add_method(&mut methods, m, ObjId::NONE, f.pos);
                        }
                        comparable |= iface.comparable;
                        if let Some(ts) = iface.terms {
                            terms = Some(intersect_terms(terms, ts));
                        }
                        continue;
                    }
                }
                terms = Some(intersect_terms(
                    terms,
                    vec![Term {
                        tilde: false,
                        ty: t,
                    }],
                ));
                continue;
            }
            let ts = self.union_terms(elem);
            terms = Some(intersect_terms(terms, ts));
        }
        let names = &self.ast.names;
        methods.sort_unstable_by(|a, b| names.get(a.0.name).cmp(names.get(b.0.name)));
        let iface = Interface {
            methods: methods.iter().map(|m| m.0.clone()).collect(),
            terms,
            comparable,
            implicit: false,
        };
        let t = self.types.intern(Type::Interface(iface));
        for (m, obj, _) in methods {
            if !obj.is_none() {
                self.iface_objs.entry((t, m.name)).or_insert(obj);
            }
        }
        t
    }

    /// Whether the embedded type `t` is an interface still being declared (`type E
    /// interface{ E }`, or through other interfaces): a cycle, reported once.
    fn embeds_itself(&mut self, t: TypeId) -> bool {
        let Some(obj) = self.types.named(t).map(|n| n.obj) else {
            return false;
        };
        let Some(start) = self.declaring(obj) else {
            return false;
        };
        if self.reported_types.insert(t) {
            let cycle = self.decl_path(start);
            self.cycle_error(&cycle, true);
        }
        true
    }

    fn add_method(
        &mut self,
        methods: &mut Vec<(IMethod, ObjId, crate::syntax::Pos)>,
        m: IMethod,
        obj: ObjId,
        pos: crate::syntax::Pos,
    ) {
        if let Some(other) = methods
            .iter_mut()
            .find(|x| x.0.name == m.name && x.0.pkg == m.pkg)
        {
            // The same method through an embedded interface and declared, or through two
            // embedded interfaces: one method (the declared one, when there is one).
            if other.0.sig == m.sig && (obj.is_none() || other.1.is_none()) {
                if !obj.is_none() {
                    *other = (m, obj, pos);
                }
                return;
            }
            let at = self.pos_string(other.2);
            let s = self.name_str(m.name).to_string();
            self.error(
                pos,
                format!("duplicate method {s}\n\t{at}: other declaration of method {s}"),
            );
            return;
        }
        methods.push((m, obj, pos));
    }

    /// The terms of a union `A | ~B | C`.
    pub fn union_terms(&mut self, e: ExprId) -> Vec<Term> {
        let e = self.ast.unparen(e);
        match self.ast.expr(e).kind {
            ExprKind::Binary {
                op: Op::Or, x, y, ..
            } => {
                let mut t = self.union_terms(x);
                t.extend(self.union_terms(y));
                t
            }
            ExprKind::Unary { op: Op::Tilde, x } => {
                let t = self.typ(x);
                if t == TypeId::INVALID {
                    return Vec::new();
                }
                if self.types.under(t) != t {
                    let (ts, us) = (self.ts(t), self.ts(self.types.under(t)));
                    self.error(
                        self.epos(e),
                        format!("invalid use of ~ (underlying type of {ts} is {us})"),
                    );
                }
                vec![Term { tilde: true, ty: t }]
            }
            _ => {
                let t = self.typ(e);
                if t == TypeId::INVALID {
                    return Vec::new();
                }
                if let Some(i) = self.types.interface(t).cloned() {
                    if !i.methods.is_empty() {
                        let s = self.ts(t);
                        self.error(
                            self.epos(e),
                            format!("cannot use {s} in union ({s} contains methods)"),
                        );
                    } else if i.comparable {
                        self.error(self.epos(e), "cannot use comparable in union");
                    }
                    if let Some(ts) = i.terms {
                        return ts;
                    }
                }
                vec![Term {
                    tilde: false,
                    ty: t,
                }]
            }
        }
    }

    /// A signature from its parameter and result fields; returns the type and the parameter
    /// and result objects (unnamed ones have the blank name).
    pub fn signature(
        &mut self,
        params: List<Field>,
        results: List<Field>,
    ) -> (TypeId, Vec<ObjId>, Vec<ObjId>) {
        let (ptys, pobjs, variadic) = self.param_list(params, VarKind::Param, true);
        let (rtys, robjs, _) = self.param_list(results, VarKind::Result, false);
        (self.types.func(ptys, rtys, variadic), pobjs, robjs)
    }

    fn param_list(
        &mut self,
        fields: List<Field>,
        kind: VarKind,
        variadic_ok: bool,
    ) -> (Vec<TypeId>, Vec<ObjId>, bool) {
        let fields = self.ast_list(fields);
        let mut tys = Vec::new();
        let mut objs = Vec::new();
        let mut variadic = false;
        let n = fields.len();
        for (i, &f) in fields.iter().enumerate() {
            let mut te = f.ty;
            let mut t;
            if let ExprKind::Ellipsis { elem } = self.ast.expr(te).kind {
                let last = i + 1 == n && self.ast_list(f.names).len() <= 1;
                if !variadic_ok || !last {
                    self.error(
                        self.epos(te),
                        "can only use ... with final parameter in list",
                    );
                }
                te = elem;
                t = self.var_type(te);
                t = self.types.slice(t);
                variadic = variadic_ok && last;
                self.info.record(f.ty, Mode::TypeExpr, t, None);
            } else {
                t = self.var_type(te);
            }
            let names = self.ast_list(f.names);
            if names.is_empty() {
                let o = self.new_var(Name::BLANK, f.pos, t, kind);
                self.unnamed.insert(o);
                tys.push(t);
                objs.push(o);
            }
            for &nm in names {
                let name = self.ast.ident(nm).unwrap_or(Name::BLANK);
                let o = self.new_var(name, self.epos(nm), t, kind);
                self.info.record_def(nm, o);
                self.info.record(nm, Mode::Variable, t, None);
                tys.push(t);
                objs.push(o);
            }
        }
        (tys, objs, variadic)
    }

    /// The signature of a declared function or method; fills in its `FuncInfo`.
    pub fn func_signature(&mut self, obj: ObjId, f: &FuncDecl) -> TypeId {
        let mut tparams = Vec::new();
        self.open_scope();
        if !f.tparams.is_empty() {
            tparams = self.declare_type_params(f.tparams);
        }
        let mut recv_obj = None;
        let mut recv_base = None;
        let mut ptr_recv = false;
        if let Some(r) = self.ast_list(f.recv).first().cloned() {
            let (rt, robj) = self.receiver(&r, &mut tparams);
            recv_obj = robj;
            if let Some(base) = rt {
                recv_base = Some(base.0);
                ptr_recv = base.1;
            }
        }
        let ExprKind::FuncType { params, results } = self.ast.expr(f.ty).kind else {
            self.close_scope();
            return TypeId::INVALID;
        };
        let (sig, pobjs, robjs) = self.signature(params, results);
        self.close_scope();
        self.info.record(f.ty, Mode::TypeExpr, sig, None);
        if let ObjKind::Func(info) = &mut self.objs[obj.0 as usize].kind {
            info.recv = recv_obj;
            info.recv_base = recv_base;
            info.ptr_recv = ptr_recv;
            info.tparams = tparams;
            info.params = pobjs;
            info.results = robjs;
        }
        sig
    }

    /// Checks a method's receiver: its base type must be a named type of this package that is
    /// not a pointer or interface. Returns the base type and whether the receiver is a
    /// pointer, and the receiver object.
    fn receiver(
        &mut self,
        r: &Field,
        tparams: &mut Vec<TypeId>,
    ) -> (Option<(TypeId, bool)>, Option<ObjId>) {
        let te = self.ast.unparen(r.ty);
        let (is_ptr, base_e) = match self.ast.expr(te).kind {
            ExprKind::Star(x) => (true, self.ast.unparen(x)),
            _ => (false, te),
        };
        let base = if let ExprKind::Index { x, indices, .. } = self.ast.expr(base_e).kind {
            self.generic_receiver(base_e, x, indices, tparams)
        } else {
            self.typ(base_e)
        };
        let rt = if is_ptr {
            self.types.pointer(base)
        } else {
            base
        };
        self.info.record(r.ty, Mode::TypeExpr, rt, None);
        let names = self.ast_list(r.names);
        let (name, pos) = match names.first() {
            Some(&n) => (self.ast.ident(n).unwrap_or(Name::BLANK), self.epos(n)),
            None => (Name::BLANK, r.pos),
        };
        let obj = self.new_var(name, pos, rt, VarKind::Recv);
        if let Some(&n) = names.first() {
            self.info.record_def(n, obj);
            self.info.record(n, Mode::Variable, rt, None);
        }
        if base == TypeId::INVALID {
            return (None, Some(obj));
        }
        let mut ok = false;
        match self.types.get(base) {
            Type::Named(n) => {
                let nobj = n.obj;
                let u = n.underlying;
                if nobj.is_none() || self.obj(nobj).pkg != Some(self.pkg) {
                    let s = self.ts(base);
                    self.error(
                        pos,
                        format!("cannot define new methods on non-local type {s}"),
                    );
                } else if u != TypeId::INVALID
                    && (self.types.pointer_elem(u).is_some() || self.types.is_interface(u))
                {
                    let s = self.ts(base);
                    self.error(
                        pos,
                        format!("invalid receiver type {s} (pointer or interface type)"),
                    );
                } else {
                    ok = true;
                }
            }
            Type::Basic(_) => {
                let s = self.ts(base);
                self.error(
                    pos,
                    format!("cannot define new methods on non-local type {s}"),
                );
            }
            _ => {
                let s = self.ts(rt);
                self.error(pos, format!("invalid receiver type {s}"));
            }
        }
        (if ok { Some((base, is_ptr)) } else { None }, Some(obj))
    }

    /// A generic type with its type parameter list: `List[T any]`.
    pub fn generic_type_string(&self, t: TypeId) -> String {
        let Some(n) = self.types.named(t) else {
            return self.ts(t);
        };
        let params: Vec<String> = n
            .tparams
            .iter()
            .map(|&p| {
                let c = self
                    .types
                    .type_param(p)
                    .map_or(TypeId::INVALID, |p| p.constraint);
                format!("{} {}", self.tparam_name(p), self.ts(c))
            })
            .collect();
        format!("{}[{}]", self.obj_name(n.obj), params.join(", "))
    }

    /// Whether `t` is a generic type that has not been instantiated.
    pub fn is_generic_type(&self, t: TypeId) -> bool {
        self.types
            .named(t)
            .is_some_and(|n| !n.tparams.is_empty() && n.targs.is_empty())
    }

    /// Declares each type parameter's name in the current scope (for a generic function's
    /// body).
    pub fn declare_tparam_names(&mut self, tparams: &[TypeId]) {
        for &t in tparams {
            if let Some(p) = self.types.type_param(t) {
                let o = p.obj;
                let name = self.obj(o).name;
                self.env.locals.push((name, o));
            }
        }
    }
}

/// The intersection of two type sets given by terms (an embedded union restricts the
/// interface's type set).
fn intersect_terms(a: Option<Vec<Term>>, b: Vec<Term>) -> Vec<Term> {
    match a {
        None => b,
        Some(a) => a
            .into_iter()
            .filter(|x| b.iter().any(|y| y.ty == x.ty))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn type_expressions_must_denote_types() {
        let errs = body_errors("\tx := 1\n\tvar y x\n\tvar z [-1]int\n\t_, _ = y, z\n");
        assert_eq!(
            errs,
            [
                "5:8: x (variable of type int) is not a type",
                "6:9: invalid array length -1 (untyped int constant)",
            ]
        );
    }

    #[test]
    fn arrays_larger_than_the_limit_are_refused() {
        let errs = body_errors(
            "\tvar a [1 << 40]byte\n\tvar b [1 << 12][1 << 11]int\n\tvar c *[1 << 22]byte\n\t_, _, _ = a, b, c\n",
        );
        assert_eq!(
            errs,
            [
                "4:8: chanlab does not support arrays of more than 4194304 elements ([1099511627776]uint8 has 1099511627776)",
                "5:8: chanlab does not support arrays of more than 4194304 elements ([4096][2048]int has 8388608)",
            ]
        );
    }

    #[test]
    fn constraint_interfaces_are_not_ordinary_types() {
        let src = "package main\n\ntype N interface{ int | float64 }\n\nfunc main() {\n\tvar n N\n\t_ = n\n}\n";
        assert_eq!(
        super::super::tests::errors(src),
        ["6:8: cannot use type N outside a type constraint: interface contains type constraints"]
    );
    }
}
