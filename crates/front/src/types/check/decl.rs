//! Package-level declarations: collecting a package's objects and declaring them lazily in
//! dependency order (go/types' `objDecl`), with declaration cycles. Function bodies are
//! checked afterwards (`body.rs`).

use super::super::constant::ConstValue;
use super::super::info::Mode;
use super::super::object::{FuncInfo, ObjId, ObjKind, VarKind};
use super::super::ty::TypeId;
use super::{Checker, Color, DeclInfo, Env, Operand};
use crate::syntax::ast::{Decl, DeclId, ExprKind, FileId, GenKind, Name, Spec};
use crate::syntax::literal;

/// The longest chain of aliases a method's receiver is followed through.
const MAX_ALIAS_CHAIN: usize = 16;

/// The longest chain of package-level declarations each of which needs the next checked
/// first (`var a = b; var b = c…`, `type T0 []T1; type T1 []T2…`).
const MAX_DECL_DEPTH: usize = 100;

impl Checker<'_> {
    /// Checks the package `self.pkg`, whose imports have been checked.
    pub fn check_package(&mut self) {
        let order = self.collect_objects();
        self.resolve_alias_receivers();
        if self.is_lazy() {
            // Declarations are checked when the program uses them; `init` functions always.
            for f in self.cur_pkg().inits.clone() {
                self.queue_body(f);
            }
            return;
        }
        // Types first (non-alias, then alias), then everything else, as go/types does.
        let is_type = |c: &Self, o: ObjId| matches!(c.decls.get(&o), Some(DeclInfo::Type { .. }));
        let is_alias = |c: &Self, o: ObjId| {
            matches!(c.decls.get(&o), Some(DeclInfo::Type { alias: true, .. }))
        };
        for &o in &order {
            if is_type(self, o) && !is_alias(self, o) {
                self.obj_decl(o);
            }
        }
        for &o in &order {
            if is_alias(self, o) {
                self.obj_decl(o);
            }
        }
        for &o in &order {
            if !is_type(self, o) {
                self.obj_decl(o);
            }
        }
        // Function bodies, in source order.
        let funcs = self.cur_pkg().funcs.clone();
        for f in funcs {
            self.check_func_body(f);
        }
        self.verify_instances();
        self.init_order();
        self.unused_imports();
    }

    /// Declares the package's objects in its package and file scopes and returns the
    /// package-level objects (and methods) in source order.
    fn collect_objects(&mut self) -> Vec<ObjId> {
        let mut order = Vec::new();
        let files = self.cur_pkg().files.clone();
        for file in files {
            self.env.file = file;
            let decls = self.ast_list(self.ast.file(file).decls);
            for &d in decls {
                self.collect_decl(file, d, &mut order);
            }
        }
        order
    }

    fn collect_decl(&mut self, file: FileId, d: DeclId, order: &mut Vec<ObjId>) {
        match self.ast.decl(d) {
            Decl::Gen { kind, specs, .. } => {
                let kind = *kind;
                let specs = self.ast_list(*specs);
                // The last constant specification with values, for implicit repetition.
                let mut last: Option<(
                    Option<crate::syntax::ast::ExprId>,
                    Vec<crate::syntax::ast::ExprId>,
                )> = None;
                for &spec in specs {
                    match spec {
                        Spec::Import { pos, name, path } => {
                            self.collect_import(file, pos, name, path)
                        }
                        Spec::Value {
                            names,
                            ty,
                            values,
                            iota,
                            pos,
                        } => {
                            let names = self.ast_list(names);
                            let values = self.ast_list(values).to_vec();
                            if kind == GenKind::Const {
                                let inherited = values.is_empty() && ty.is_none();
                                if !inherited {
                                    last = Some((ty, values.clone()));
                                }
                                let (cty, cvals) = last.clone().unwrap_or((ty, Vec::new()));
                                self.arity(pos, names, &cvals, true, inherited);
                                for (i, &n) in names.iter().enumerate() {
                                    let obj = self.new_obj(
                                        self.ast.ident(n).unwrap_or(Name::BLANK),
                                        self.epos(n),
                                        TypeId::INVALID,
                                        ObjKind::Const(ConstValue::Unknown),
                                    );
                                    self.decls.insert(
                                        obj,
                                        DeclInfo::Const {
                                            ty: cty,
                                            init: cvals.get(i).copied(),
                                            iota,
                                            inherited,
                                            file,
                                        },
                                    );
                                    self.declare_pkg(n, obj);
                                    order.push(obj);
                                }
                            } else {
                                if ty.is_none() || !values.is_empty() {
                                    self.arity(pos, names, &values, false, false);
                                }
                                let objs: Vec<ObjId> = names
                                    .iter()
                                    .map(|&n| {
                                        let o = self.new_var(
                                            self.ast.ident(n).unwrap_or(Name::BLANK),
                                            self.epos(n),
                                            TypeId::INVALID,
                                            VarKind::Global,
                                        );
                                        if ty.is_none() {
                                            self.pending_type.insert(o);
                                        }
                                        o
                                    })
                                    .collect();
                                let shared = values.len() == 1 && names.len() > 1;
                                for (i, (&n, &obj)) in names.iter().zip(&objs).enumerate() {
                                    let (lhs, init) = if shared {
                                        (objs.clone(), values.first().copied())
                                    } else {
                                        (vec![obj], values.get(i).copied())
                                    };
                                    self.decls.insert(
                                        obj,
                                        DeclInfo::Var {
                                            lhs,
                                            ty,
                                            init,
                                            file,
                                        },
                                    );
                                    self.declare_pkg(n, obj);
                                    self.pkgs[self.pkg.0 as usize].globals.push(obj);
                                    order.push(obj);
                                }
                            }
                        }
                        Spec::Type {
                            name,
                            tparams,
                            alias,
                            ty,
                            ..
                        } => {
                            let obj = self.new_obj(
                                self.ast.ident(name).unwrap_or(Name::BLANK),
                                self.epos(name),
                                TypeId::INVALID,
                                ObjKind::TypeName { alias },
                            );
                            self.decls.insert(
                                obj,
                                DeclInfo::Type {
                                    tparams,
                                    alias,
                                    ty,
                                    file,
                                },
                            );
                            self.declare_pkg(name, obj);
                            order.push(obj);
                        }
                    }
                }
            }
            Decl::Func(f) => {
                let name = self.ast.ident(f.name).unwrap_or(Name::BLANK);
                let is_method = !f.recv.is_empty();
                let info = FuncInfo {
                    decl: Some(d),
                    recv: None,
                    recv_base: None,
                    ptr_recv: false,
                    native: f.is_native(),
                    tparams: Vec::new(),
                    params: Vec::new(),
                    results: Vec::new(),
                };
                let obj = self.new_obj(
                    name,
                    self.epos(f.name),
                    TypeId::INVALID,
                    ObjKind::Func(Box::new(info)),
                );
                self.decls.insert(obj, DeclInfo::Func { decl: d, file });
                self.info.record_def(f.name, obj);
                if !self.is_lazy() {
                    self.pkgs[self.pkg.0 as usize].funcs.push(obj);
                }
                order.push(obj);
                if is_method {
                    if name != Name::BLANK {
                        if let Some(base) = self.recv_base_name(d) {
                            self.methods.entry((self.pkg, base)).or_default().push(obj);
                        }
                    }
                } else if name == self.n.init {
                    self.pkgs[self.pkg.0 as usize].inits.push(obj);
                } else if name != Name::BLANK {
                    self.declare_pkg(f.name, obj);
                }
            }
        }
    }

    /// Reports extra or missing initialization expressions of a const or var spec.
    fn arity(
        &mut self,
        pos: crate::syntax::Pos,
        names: &[crate::syntax::ast::ExprId],
        inits: &[crate::syntax::ast::ExprId],
        is_const: bool,
        inherited: bool,
    ) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = inits[l];
            if inherited {
                let at = self.pos_string(self.epos(n));
                self.error(pos, format!("extra init expr at {at}"));
            } else {
                self.error(self.epos(n), format!("extra init expr {}", self.es(n)));
            }
        } else if l > r && (is_const || r != 1) {
            let n = names[r];
            self.error(
                self.epos(n),
                format!("missing init expr for {}", self.es(n)),
            );
        }
    }

    /// Methods declared on an alias (`type A = T; func (a A) M()`) are methods of the type it
    /// names: their receiver base name is followed through the package's alias declarations
    /// (a chain of them; not a cycle, which the declarations report).
    fn resolve_alias_receivers(&mut self) {
        let pkg = self.pkg;
        let names: Vec<Name> = self
            .methods
            .keys()
            .filter(|(p, _)| *p == pkg)
            .map(|&(_, n)| n)
            .collect();
        for name in names {
            let mut base = name;
            for _ in 0..MAX_ALIAS_CHAIN {
                let Some(&obj) = self.cur_pkg().scope.get(&base) else {
                    break;
                };
                let Some(DeclInfo::Type {
                    alias: true, ty, ..
                }) = self.decls.get(&obj)
                else {
                    break;
                };
                let ExprKind::Ident(n) = self.ast.expr(self.ast.unparen(*ty)).kind else {
                    break;
                };
                base = n;
            }
            if base != name {
                let methods = self.methods.remove(&(pkg, name)).unwrap_or_default();
                self.methods.entry((pkg, base)).or_default().extend(methods);
            }
        }
    }

    /// The name of a method's receiver base type, read from the syntax (`T`, `*T`, `T[P]`).
    fn recv_base_name(&self, d: DeclId) -> Option<Name> {
        let Decl::Func(f) = self.ast.decl(d) else {
            return None;
        };
        let recv = self.ast_list(f.recv).first()?;
        let mut t = recv.ty;
        loop {
            t = self.ast.unparen(t);
            match self.ast.expr(t).kind {
                ExprKind::Star(x) => t = x,
                ExprKind::Index { x, .. } => t = x,
                ExprKind::Ident(n) => return Some(n),
                _ => return None,
            }
        }
    }

    fn collect_import(
        &mut self,
        file: FileId,
        pos: crate::syntax::Pos,
        name: Option<crate::syntax::ast::ExprId>,
        path: crate::syntax::ast::ExprId,
    ) {
        let path_str =
            String::from_utf8_lossy(&literal::string_value(self.ast.lit_text(path))).to_string();
        let Some(imported) = self.pkgs.iter().position(|p| p.path == path_str) else {
            return; // reported when the program was loaded
        };
        let imported = super::super::object::PkgId(imported as u32);
        let pkg_name = self.pkgs[imported.0 as usize].name;
        let local = match name {
            Some(n) => {
                let local = self.ast.ident(n).unwrap_or(Name::BLANK);
                if local == self.n.dot {
                    self.error(self.epos(n), "chanlab does not support dot imports");
                    return;
                }
                if local == Name::BLANK {
                    return;
                }
                local
            }
            None => pkg_name,
        };
        let obj = self.new_obj(local, pos, TypeId::INVALID, ObjKind::PkgName(imported));
        if let Some(n) = name {
            self.info.record_def(n, obj);
        }
        if let Some(&alt) = self.file_scopes[file.0 as usize].get(&local) {
            self.redeclared(obj, alt);
            return;
        }
        self.file_scopes[file.0 as usize].insert(local, obj);
        if !self.pkgs[self.pkg.0 as usize].imports.contains(&imported) {
            self.pkgs[self.pkg.0 as usize].imports.push(imported);
        }
    }

    /// Declares a package-level object named by identifier `ident`.
    fn declare_pkg(&mut self, ident: crate::syntax::ast::ExprId, obj: ObjId) {
        self.info.record_def(ident, obj);
        let name = self.obj(obj).name;
        if name == Name::BLANK {
            return;
        }
        let is_main_pkg = self.cur_pkg().name == self.n.main;
        if (name == self.n.init || name == self.n.main && is_main_pkg)
            && !matches!(self.obj(obj).kind, ObjKind::Func(_))
        {
            let what = self.name_str(name).to_string();
            self.error(
                self.epos(ident),
                format!("cannot declare {what} - must be func"),
            );
            return;
        }
        if let Some(&alt) = self.cur_pkg().scope.get(&name) {
            self.redeclared(obj, alt);
            return;
        }
        if let Some(&imp) = self.file_scopes[self.env.file.0 as usize].get(&name) {
            let path = match self.obj(imp).kind {
                ObjKind::PkgName(p) => self.pkgs[p.0 as usize].path.clone(),
                _ => String::new(),
            };
            let at = self.pos_string(self.obj(imp).pos);
            let n = self.name_str(name).to_string();
            self.error(
                self.obj(obj).pos,
                format!("{n} already declared through import of package {n} (\"{path}\")\n\t{at}: other declaration of {n}"),
            );
            return;
        }
        self.pkgs[self.pkg.0 as usize].scope.insert(name, obj);
    }

    /// Declares `obj` if it has not been declared yet (go/types' `objDecl`), reporting
    /// declaration cycles.
    pub fn obj_decl(&mut self, obj: ObjId) {
        let color = self.color.get(&obj).copied().unwrap_or(Color::White);
        match color {
            Color::Black => return,
            Color::Grey => {
                self.cycle(obj);
                return;
            }
            Color::White => {}
        }
        let Some(decl) = self.decls.get(&obj).cloned() else {
            return; // not a package-level object of this package
        };
        if self.obj_path.len() >= MAX_DECL_DEPTH {
            // Each declaration another's needs first is checked on the host's stack (the
            // browser worker's, about a megabyte), so a chain of them has a limit: beyond it,
            // one error, and the rest of the chain is left as it is.
            self.too_deep(
                self.obj(obj).pos,
                format!("chanlab cannot handle declarations that need each other more than {MAX_DECL_DEPTH} deep"),
            );
            self.color.insert(obj, Color::Black);
            return;
        }
        self.color.insert(obj, Color::Grey);
        self.obj_path.push(obj);
        let file = match &decl {
            DeclInfo::Const { file, .. }
            | DeclInfo::Var { file, .. }
            | DeclInfo::Type { file, .. }
            | DeclInfo::Func { file, .. } => *file,
        };
        let saved = std::mem::replace(
            &mut self.env,
            Env {
                file,
                ..Env::default()
            },
        );
        // The object may belong to another (library) package.
        let saved_pkg = self.pkg;
        if let Some(p) = self.obj(obj).pkg {
            self.pkg = p;
        }
        match decl {
            DeclInfo::Const {
                ty,
                init,
                iota,
                inherited,
                ..
            } => {
                self.env.decl = Some(obj);
                if inherited {
                    self.errpos = Some(self.obj(obj).pos);
                }
                self.const_decl(obj, ty, init, iota);
                self.errpos = None;
            }
            DeclInfo::Var { lhs, ty, init, .. } => {
                self.env.decl = Some(obj);
                self.var_decl(obj, &lhs, ty, init);
                for &o in &lhs {
                    self.color.insert(o, Color::Black);
                }
            }
            DeclInfo::Type {
                tparams, alias, ty, ..
            } => self.type_decl(obj, tparams, alias, ty),
            DeclInfo::Func { decl, .. } => self.func_decl(obj, decl),
        }
        self.env = saved;
        self.pkg = saved_pkg;
        self.obj_path.pop();
        self.color.insert(obj, Color::Black);
    }

    /// If `obj`'s declaration is being checked: its index in the path of declarations.
    pub fn declaring(&self, obj: ObjId) -> Option<usize> {
        if self.color.get(&obj) != Some(&Color::Grey) {
            return None;
        }
        self.obj_path.iter().position(|&o| o == obj)
    }

    /// The declarations being checked from index `start` of the path on.
    pub fn decl_path(&self, start: usize) -> Vec<ObjId> {
        self.obj_path[start..].to_vec()
    }

    /// A reference to an object whose declaration is being checked.
    fn cycle(&mut self, obj: ObjId) {
        let start = self.obj_path.iter().position(|&o| o == obj).unwrap_or(0);
        let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
        // A cycle through a type definition or a function is fine (recursive types and
        // functions); one made only of constants and variables (or aliases) is not.
        let valid = cycle.iter().any(|&o| match self.decls.get(&o) {
            Some(DeclInfo::Type { alias, .. }) => !alias,
            Some(DeclInfo::Func { .. }) => true,
            _ => false,
        });
        if valid {
            return;
        }
        // Cycles of constants and variables only are reported by the initialization
        // order (as gc does); their objects become invalid here.
        let values_only = cycle.iter().all(|&o| {
            matches!(
                self.decls.get(&o),
                Some(DeclInfo::Const { .. } | DeclInfo::Var { .. })
            )
        });
        if values_only {
            self.obj_mut(obj).ty = TypeId::INVALID;
            return;
        }
        let is_type = matches!(self.obj(obj).kind, ObjKind::TypeName { .. });
        self.cycle_error(&cycle, is_type);
        if !is_type {
            self.obj_mut(obj).ty = TypeId::INVALID;
        }
    }

    /// gc's message for a declaration cycle, starting at the first object in source order.
    pub fn cycle_error(&mut self, cycle: &[ObjId], is_type: bool) {
        let start = (0..cycle.len())
            .min_by_key(|&i| self.obj(cycle[i]).pos)
            .unwrap_or(0);
        let o0 = cycle[start];
        let name0 = self.obj_name(o0).to_string();
        if cycle.len() == 1 {
            let msg = if is_type {
                format!("invalid recursive type: {name0} refers to itself")
            } else {
                format!("invalid cycle in declaration: {name0} refers to itself")
            };
            self.error(self.obj(o0).pos, msg);
            return;
        }
        let mut msg = if is_type {
            format!("invalid recursive type {name0}")
        } else {
            format!("invalid cycle in declaration of {name0}")
        };
        let mut obj = o0;
        for i in 0..cycle.len() {
            let next = cycle[(start + i + 1) % cycle.len()];
            msg.push_str(&format!(
                "\n\t{}: {} refers to {}",
                self.pos_string(self.obj(obj).pos),
                self.obj_name(obj),
                self.obj_name(next)
            ));
            obj = next;
        }
        self.error(self.obj(o0).pos, msg);
    }

    fn const_decl(
        &mut self,
        obj: ObjId,
        ty: Option<crate::syntax::ast::ExprId>,
        init: Option<crate::syntax::ast::ExprId>,
        iota: u32,
    ) {
        self.env.iota = Some(iota as i128);
        let mut t = TypeId::INVALID;
        if let Some(te) = ty {
            t = self.typ(te);
            if t != TypeId::INVALID && !self.types.is_const_type(t) {
                let s = self.ts(t);
                self.error(self.epos(te), format!("invalid constant type {s}"));
                self.obj_mut(obj).ty = TypeId::INVALID;
                return;
            }
        }
        let mut x = match init {
            Some(e) => {
                let mut x = Operand::invalid(e);
                self.expr(&mut x, e, None);
                x
            }
            None => {
                // Reported by `arity` (or a missing type and value).
                self.obj_mut(obj).ty = TypeId::INVALID;
                return;
            }
        };
        if ty.is_some() {
            self.obj_mut(obj).ty = t;
        }
        self.init_const(obj, &mut x);
    }

    fn var_decl(
        &mut self,
        obj: ObjId,
        lhs: &[ObjId],
        ty: Option<crate::syntax::ast::ExprId>,
        init: Option<crate::syntax::ast::ExprId>,
    ) {
        if let Some(te) = ty {
            let t = self.var_type(te);
            for &o in lhs {
                self.obj_mut(o).ty = t;
            }
        }
        let Some(init) = init else {
            if ty.is_none() {
                self.obj_mut(obj).ty = TypeId::INVALID;
            }
            return;
        };
        if lhs.len() <= 1 {
            let target = if ty.is_some() {
                Some(self.obj(obj).ty)
            } else {
                None
            };
            let mut x = Operand::invalid(init);
            self.expr_with_target(&mut x, init, target);
            self.init_var(obj, &mut x, "variable declaration");
            return;
        }
        self.init_vars(lhs, &[init], None);
    }

    fn type_decl(
        &mut self,
        obj: ObjId,
        tparams: crate::syntax::ast::List<crate::syntax::ast::Field>,
        alias: bool,
        ty: crate::syntax::ast::ExprId,
    ) {
        if alias {
            if !tparams.is_empty() {
                self.error(self.obj(obj).pos, "generic type cannot be alias");
            }
            let t = self.var_type(ty);
            self.obj_mut(obj).ty = t;
            return;
        }
        let named = self.types.new_named(obj);
        self.obj_mut(obj).ty = named;
        if !tparams.is_empty() {
            let tps = self.declare_type_params(tparams);
            if let Some(n) = self.types.named_mut(named) {
                n.tparams = tps;
            }
        }
        let rhs = self.defined_type(ty, Some(named));
        let mut under = self.types.under(rhs);
        // `type T T`, `type A B; type B A`: defined as a type being declared, whose underlying
        // type is not known yet because it is this one.
        if under == TypeId::INVALID {
            self.defined_by_itself(rhs);
        }
        if self.types.is_type_param(rhs) {
            self.error(
                self.epos(ty),
                "cannot use a type parameter as RHS in type declaration",
            );
            under = TypeId::INVALID;
        }
        if let Some(n) = self.types.named_mut(named) {
            n.underlying = under;
        }
        self.types.complete_instances(named);
        if !tparams.is_empty() {
            self.close_scope();
        }
        self.valid_type(named);
        self.collect_methods(obj, named);
    }

    /// Reports the cycle when the right-hand side `rhs` of the type declaration being checked
    /// is a named type whose declaration is being checked too (`type T T`).
    fn defined_by_itself(&mut self, rhs: TypeId) {
        let Some(obj) = self.types.named(rhs).map(|n| n.obj) else {
            return;
        };
        let Some(start) = self.declaring(obj) else {
            return;
        };
        if self.reported_types.insert(rhs) {
            let cycle = self.decl_path(start);
            self.cycle_error(&cycle, true);
        }
    }

    /// Attaches the methods declared for the type `obj` to its named type.
    fn collect_methods(&mut self, obj: ObjId, named: TypeId) {
        let name = self.obj(obj).name;
        let Some(methods) = self.methods.remove(&(self.pkg, name)) else {
            return;
        };
        if self.is_lazy() {
            for &m in &methods {
                self.queue_body(m);
            }
        }
        let fields: Vec<Name> = self
            .types
            .struct_fields(named)
            .map(|f| f.iter().map(|f| f.name).collect())
            .unwrap_or_default();
        let mut seen: Vec<ObjId> = Vec::new();
        for m in methods {
            let mname = self.obj(m).name;
            if let Some(&alt) = seen.iter().find(|&&o| self.obj(o).name == mname) {
                let at = self.pos_string(self.obj(alt).pos);
                let msg = format!(
                    "method {}.{} already declared at {at}",
                    self.name_str(name),
                    self.name_str(mname)
                );
                self.error(self.obj(m).pos, msg);
                continue;
            }
            if let Some(fi) = fields.iter().position(|&f| f == mname) {
                let n = self.name_str(mname).to_string();
                let mut msg = format!("field and method with the same name {n}");
                let st = self.types.under(named);
                if let Some(&fo) = self.field_objs.get(&(st, fi as u32)) {
                    msg.push_str(&format!(
                        "\n\t{}: other declaration of {n}",
                        self.pos_string(self.obj(fo).pos)
                    ));
                }
                self.error(self.obj(m).pos, msg);
            }
            seen.push(m);
            if let Some(n) = self.types.named_mut(named) {
                n.methods.push(m);
            }
        }
    }

    fn func_decl(&mut self, obj: ObjId, d: DeclId) {
        let Decl::Func(f) = self.ast.decl(d) else {
            return;
        };
        let f = *f;
        self.env.decl = Some(obj);
        let sig = self.func_signature(obj, &f);
        self.obj_mut(obj).ty = sig;
        if self.is_lazy() {
            self.queue_body(obj);
        }
        if f.body.is_none() && !self.is_library() {
            self.error(self.epos(f.name), "missing function body");
        }
        let name = self.obj(obj).name;
        if f.recv.is_empty()
            && (name == self.n.init || name == self.n.main && self.cur_pkg().name == self.n.main)
        {
            let s = self.types.signature(sig).cloned();
            if let Some(s) = s {
                if !s.params.is_empty() || !s.results.is_empty() {
                    let n = self.name_str(name).to_string();
                    self.error(
                        self.epos(f.name),
                        format!("func {n} must have no arguments and no return values"),
                    );
                }
            }
            if !f.tparams.is_empty() {
                let n = self.name_str(name).to_string();
                self.error(
                    self.epos(f.name),
                    format!("func {n} must have no type parameters"),
                );
            }
        }
    }

    /// `x` initializes the constant `obj`.
    pub fn init_const(&mut self, obj: ObjId, x: &mut Operand) {
        if x.is_invalid() || x.ty == TypeId::INVALID {
            if self.obj(obj).ty == TypeId::INVALID {
                self.obj_mut(obj).ty = TypeId::INVALID;
            }
            return;
        }
        if x.mode != Mode::Constant {
            let s = self.op_string(x);
            self.error(self.op_pos(x), format!("{s} is not constant"));
            return;
        }
        if self.obj(obj).ty == TypeId::INVALID {
            self.obj_mut(obj).ty = x.ty;
        }
        let t = self.obj(obj).ty;
        self.assignment(x, Some(t), "constant declaration");
        if x.is_invalid() {
            return;
        }
        if let ObjKind::Const(v) = &mut self.objs[obj.0 as usize].kind {
            *v = x.val.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn package_level_redeclarations_show_the_other_declaration() {
        let src = "package main\n\nvar x int\nvar x string\n\nfunc main() {}\n";
        assert_eq!(
            super::super::tests::errors(src),
            ["4:5: x redeclared in this block\n\t./prog.go:3:5: other declaration of x"]
        );
    }

    #[test]
    fn declarations_may_come_in_any_order() {
        let src = "package main\n\nvar a = b * 2\n\nconst b = c + 1\n\nconst c = 1\n\ntype T struct{ u U }\ntype U struct{ n int }\n\nfunc main() { _ = a }\n";
        assert_eq!(super::super::tests::errors(src), Vec::<String>::new());
    }
}
