//! Calls, conversions and selectors (go/types' `callExpr`, `arguments`, `conversion`,
//! `selector`).

use super::super::constant::ConstValue;
use super::super::info::{CallKind, Mode, RecvAdjust, SelectionKind};
use super::super::object::ObjKind;
use super::super::ty::{Type, TypeId};
use super::expr::Kind;
use super::lookup::Found;
use super::typexpr::is_exported;
use super::{Checker, Operand};
use crate::syntax::ast::{ExprId, ExprKind, Name};
use crate::syntax::Pos;

impl Checker<'_> {
    /// A call, conversion or builtin call.
    pub fn call_expr(&mut self, x: &mut Operand, e: ExprId) -> Kind {
        let ExprKind::Call {
            fun, args, dots, ..
        } = self.ast.expr(e).kind
        else {
            return Kind::Statement;
        };
        let args: &[ExprId] = self.ast_list(args);
        // A generic function: the identifier or selector naming it, and the type arguments
        // given explicitly (`f[int](x)`), with their positions.
        let mut generic: Option<ExprId> = None;
        let mut explicit: Vec<TypeId> = Vec::new();
        let mut explicit_at: Vec<Pos> = Vec::new();
        let fun_u = self.ast.unparen(fun);
        if let ExprKind::Index { x: fx, indices, .. } = self.ast.expr(fun_u).kind {
            self.raw_expr(x, fx, None);
            self.exclude(x, &[Mode::NoValue]);
            if x.mode == Mode::Value && self.generic_func(fx).is_some() {
                for &i in self.ast_list(indices) {
                    explicit.push(self.var_type(i));
                    explicit_at.push(self.epos(i));
                }
                if explicit.contains(&TypeId::INVALID) {
                    self.use_exprs(args);
                    x.mode = Mode::Invalid;
                    x.expr = Some(e);
                    return Kind::Statement;
                }
                generic = Some(self.ast.unparen(fx));
            } else {
                self.index_operand(x, fun_u);
                x.expr = Some(fun_u);
                self.record(x);
                if x.is_invalid() && x.mode != Mode::TypeExpr {
                    self.use_exprs(args);
                    x.expr = Some(e);
                    return Kind::Statement;
                }
            }
            // The compiler reads the callee's type (a function from a map or slice).
            if x.mode != Mode::TypeExpr && self.info.mode(fun) == Mode::Invalid {
                self.info.record(fun, x.mode, x.ty, None);
            }
        } else {
            self.expr_or_type(x, fun);
            if x.mode == Mode::Value && self.generic_func(fun_u).is_some() {
                generic = Some(fun_u);
            }
        }
        match x.mode {
            Mode::Invalid => {
                self.use_exprs(args);
                x.expr = Some(e);
                return Kind::Statement;
            }
            Mode::TypeExpr => {
                let t = x.ty;
                x.mode = Mode::Invalid;
                match args.len() {
                    0 => {
                        let s = self.ts(t);
                        self.error(
                            self.epos(e),
                            format!("missing argument in conversion to {s}"),
                        );
                    }
                    1 => {
                        self.expr(x, args[0], None);
                        if !x.is_invalid() {
                            let constraint = self
                                .types
                                .interface(t)
                                .is_some_and(|i| i.terms.is_some() || i.comparable)
                                && !self.types.is_type_param(t);
                            if constraint {
                                let s = self.ts(t);
                                self.error(
                                    self.epos(e),
                                    format!("cannot use interface {s} in conversion (contains specific type constraints or is comparable)"),
                                );
                                x.mode = Mode::Invalid;
                            } else if dots {
                                let s = self.ts(t);
                                self.error(
                                    self.epos(args[0]),
                                    format!("invalid use of ... in conversion to {s}"),
                                );
                                x.mode = Mode::Invalid;
                            } else {
                                self.conversion(x, t);
                            }
                        }
                    }
                    n => {
                        self.use_exprs(args);
                        let s = self.ts(t);
                        self.error(
                            self.epos(args[n - 1]),
                            format!("too many arguments in conversion to {s}"),
                        );
                    }
                }
                x.expr = Some(e);
                self.info.record_call(e, CallKind::Conversion(t));
                return Kind::Conversion;
            }
            Mode::Builtin => {
                let b = x.builtin.expect("a builtin operand names its builtin");
                if !self.builtin(x, e, b, args, dots) {
                    x.mode = Mode::Invalid;
                }
                x.expr = Some(e);
                self.info.record_call(e, CallKind::Builtin(b));
                return if b.is_statement() {
                    Kind::Statement
                } else {
                    Kind::Expression
                };
            }
            _ => {}
        }
        let Some(sig) = self.types.signature(x.ty).cloned() else {
            let s = self.op_string(x);
            self.error(
                self.op_pos(x),
                format!("invalid operation: cannot call non-function {s}"),
            );
            self.use_exprs(args);
            x.mode = Mode::Invalid;
            x.expr = Some(e);
            return Kind::Statement;
        };
        let mut ops = self.expr_list(args);
        let sig = match generic {
            None => sig,
            Some(gf) => {
                let lparen = match self.ast.expr(e).kind {
                    ExprKind::Call { lparen, .. } => lparen,
                    _ => self.epos(e),
                };
                match self.instantiate_call(
                    gf,
                    fun_u,
                    x.ty,
                    &sig,
                    lparen,
                    &explicit,
                    &explicit_at,
                    &ops,
                    dots,
                ) {
                    Some(sig) => sig,
                    None => {
                        x.mode = Mode::Invalid;
                        x.expr = Some(e);
                        return Kind::Statement;
                    }
                }
            }
        };
        self.arguments(e, fun, &sig.params, sig.variadic, args, &mut ops, dots);
        match sig.results.len() {
            0 => {
                x.mode = Mode::NoValue;
                x.ty = TypeId::INVALID;
            }
            1 => {
                x.mode = Mode::Value;
                x.ty = sig.results[0];
            }
            _ => {
                x.mode = Mode::Value;
                x.ty = self.types.new_tuple(sig.results.clone());
            }
        }
        x.expr = Some(e);
        self.info.record_call(
            e,
            CallKind::Call {
                variadic: sig.variadic,
                spread: dots,
            },
        );
        Kind::Statement
    }

    /// The operands of an argument list (a single multi-value call gives several).
    pub fn expr_list(&mut self, es: &[ExprId]) -> Vec<Operand> {
        if es.len() == 1 {
            return self.multi_expr(es[0], false).0;
        }
        es.iter()
            .map(|&e| {
                let mut x = Operand::invalid(e);
                self.expr(&mut x, e, None);
                x
            })
            .collect()
    }

    /// Checks the arguments `ops` of a call of `fun` against the parameters.
    #[allow(clippy::too_many_arguments)]
    pub fn arguments(
        &mut self,
        call: ExprId,
        fun: ExprId,
        params: &[TypeId],
        variadic: bool,
        arg_exprs: &[ExprId],
        ops: &mut [Operand],
        dots: bool,
    ) {
        // An argument in error was reported: gc checks the call no further.
        if ops.iter().any(|o| o.is_invalid()) {
            return;
        }
        let nargs = ops.len();
        let mut npars = params.len();
        let mut pars: Vec<TypeId> = params.to_vec();
        if variadic {
            if dots {
                if arg_exprs.len() == 1 && nargs > 1 {
                    let s = self.es(arg_exprs[0]);
                    self.error(
                        self.epos(call),
                        format!("cannot use ... with {nargs}-valued {s}"),
                    );
                    return;
                }
            } else if nargs + 1 >= npars {
                let last = params[npars - 1];
                let elem = match self.types.get(last) {
                    Type::Slice(e) => *e,
                    _ => last,
                };
                pars.truncate(npars - 1);
                while pars.len() < nargs {
                    pars.push(elem);
                }
                npars = nargs;
            } else {
                npars -= 1;
            }
        } else if dots {
            let s = self.es(fun);
            self.error(
                self.epos(call),
                format!("cannot use ... in call to non-variadic {s}"),
            );
            return;
        }
        if nargs != npars {
            let (at, qual) = if nargs > npars {
                (self.op_pos(&ops[npars]), "too many")
            } else if nargs > 0 {
                (self.op_pos(&ops[nargs - 1]), "not enough")
            } else {
                (self.epos(call), "not enough")
            };
            let have: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            let have = self.types_summary(&have, false, dots);
            let want = self.types_summary(params, variadic, false);
            let f = self.es(fun);
            self.error(
                at,
                format!("{qual} arguments in call to {f}\n\thave {have}\n\twant {want}"),
            );
            return;
        }
        let context = format!("argument to {}", self.es(fun));
        for (i, x) in ops.iter_mut().enumerate() {
            self.assignment(x, Some(pars[i]), &context);
        }
    }

    /// `(t1, t2, ...)` as gc's `have`/`want` lines print argument and parameter types.
    pub fn types_summary(&self, list: &[TypeId], variadic: bool, dots: bool) -> String {
        let mut out = Vec::new();
        for (i, &t) in list.iter().enumerate() {
            let mut s = if t == TypeId::INVALID {
                "unknown type".to_string()
            } else if self.types.is_untyped(t) {
                if self.types.is_numeric(t) {
                    "number".to_string()
                } else {
                    self.ts(t).replace("untyped ", "")
                }
            } else {
                self.ts(t)
            };
            if i + 1 == list.len() {
                if variadic {
                    if let Type::Slice(e) = self.types.get(t) {
                        s = self.ts(*e);
                    }
                    s = format!("...{s}");
                } else if dots {
                    s.push_str("...");
                }
            }
            out.push(s);
        }
        format!("({})", out.join(", "))
    }

    /// The conversion `T(x)`.
    pub fn conversion(&mut self, x: &mut Operand, t: TypeId) {
        let const_arg = x.mode == Mode::Constant;
        let mut cause = None;
        let ok = if const_arg && self.types.is_const_type(t) {
            let k = self.types.basic(t).expect("constant types are basic");
            match super::super::constant::representable(&x.val, k) {
                Ok(v) => {
                    x.val = v;
                    true
                }
                Err(_) if self.types.is_integer(x.ty) && k.is_string() => {
                    let c = x
                        .val
                        .int()
                        .and_then(|i| u32::try_from(i).ok())
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}');
                    x.val = ConstValue::Str(c.to_string().into_bytes().into());
                    true
                }
                Err(_) => false,
            }
        } else if self.convertible_to(x, t, &mut cause) {
            x.mode = Mode::Value;
            true
        } else {
            false
        };
        if !ok {
            let (xs, ts) = (self.op_string(x), self.ts(t));
            let msg = match cause {
                Some(c) => format!("cannot convert {xs} to type {ts}: {c}"),
                None => format!("cannot convert {xs} to type {ts}"),
            };
            self.error(self.op_pos(x), msg);
            x.mode = Mode::Invalid;
            return;
        }
        if self.types.is_untyped(x.ty) {
            let mut final_ = t;
            if x.ty == TypeId::UNTYPED_NIL {
                // nil takes the target type
            } else if self.types.is_interface(t) || const_arg && !self.types.is_const_type(t) {
                final_ = self.types.default_type(x.ty);
            } else if x.mode == Mode::Constant && self.types.is_integer(x.ty) && self.all_string(t)
            {
                final_ = x.ty;
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, final_, true);
            }
        }
        x.ty = t;
    }

    /// A selector `x.sel`: a package member, field, method, or method expression.
    pub fn selector(&mut self, x: &mut Operand, e: ExprId, want_type: bool) {
        let ExprKind::Selector { x: xe, sel } = self.ast.expr(e).kind else {
            return;
        };
        let sel_name = self.ast.ident(sel).unwrap_or(Name::BLANK);
        // A qualified identifier `pkg.Name`.
        if let Some(n) = self.ast.ident(xe) {
            if let Some(o) = self.lookup(n) {
                if let ObjKind::PkgName(pkg) = self.obj(o).kind {
                    self.info.record_use(xe, o);
                    self.mark_used(o);
                    let exp = self.pkgs[pkg.0 as usize].scope.get(&sel_name).copied();
                    let Some(exp) = exp else {
                        let s = self.es(e);
                        let path = &self.pkgs[pkg.0 as usize].path;
                        // Go's package has it and chanlab's does not.
                        let missing = path == "unsafe"
                            || crate::library::is_missing(path, self.name_str(sel_name));
                        let msg = if missing {
                            format!("chanlab does not support {s}")
                        } else {
                            format!("undefined: {s}")
                        };
                        self.error(self.epos(sel), msg);
                        *x = Operand::invalid(e);
                        return;
                    };
                    if !is_exported(self.name_str(sel_name)) {
                        let (s, p) = (
                            self.name_str(sel_name).to_string(),
                            self.name_str(self.pkgs[pkg.0 as usize].name).to_string(),
                        );
                        self.error(
                            self.epos(sel),
                            format!("name {s} not exported by package {p}"),
                        );
                    }
                    self.info.record_use(sel, exp);
                    self.obj_decl(exp);
                    let ty = self.obj(exp).ty;
                    self.info.record_selection(
                        e,
                        SelectionKind::Qualified,
                        exp,
                        TypeId::INVALID,
                        &[],
                        false,
                        RecvAdjust::None,
                        0,
                    );
                    x.expr = Some(e);
                    x.ty = ty;
                    match &self.obj(exp).kind {
                        ObjKind::Const(v) => {
                            x.mode = Mode::Constant;
                            x.val = v.clone();
                        }
                        ObjKind::TypeName { .. } => x.mode = Mode::TypeExpr,
                        ObjKind::Var { .. } => x.mode = Mode::Variable,
                        ObjKind::Func(_) => x.mode = Mode::Value,
                        ObjKind::Builtin(b) => {
                            x.mode = Mode::Builtin;
                            x.builtin = Some(*b);
                        }
                        _ => x.mode = Mode::Invalid,
                    }
                    self.info.record(sel, x.mode, ty, None);
                    return;
                }
            }
        }
        self.expr_or_type(x, xe);
        match x.mode {
            Mode::Invalid => {
                *x = Operand::invalid(e);
                return;
            }
            Mode::Builtin => {
                let s = self.op_string(x);
                self.error(
                    self.epos(e),
                    format!("invalid use of {s} in selector expression"),
                );
                *x = Operand::invalid(e);
                return;
            }
            _ => {}
        }
        if want_type {
            let s = self.es(e);
            self.error(self.epos(sel), format!("{s} is not a type"));
            *x = Operand::invalid(e);
            return;
        }
        let xt = x.ty;
        let l = self.lookup_field_or_method(xt, x.mode == Mode::Variable, sel_name, false);
        let Some(found) = l.found.clone() else {
            *x = Operand::invalid(e);
            if self.types.under(xt) == TypeId::INVALID {
                return;
            }
            let xs = self.es(xe);
            let ss = self.name_str(sel_name).to_string();
            if l.ambiguous {
                self.error(self.epos(sel), format!("ambiguous selector {xs}.{ss}"));
                return;
            }
            if l.needs_ptr {
                let ts = self.ts(xt);
                let msg = if self.info.mode(xe) == Mode::TypeExpr {
                    format!(
                        "invalid method expression {ts}.{ss} (needs pointer receiver (*{ts}).{ss})"
                    )
                } else {
                    format!("cannot call pointer method {ss} on {ts}")
                };
                self.error(self.epos(sel), msg);
                return;
            }
            let why = if self
                .types
                .pointer_elem(xt)
                .is_some_and(|b| self.types.is_interface(b))
            {
                format!(
                    "type {} is pointer to interface, not interface",
                    self.ts(xt)
                )
            } else {
                let addressable = self.info.mode(xe) == Mode::Variable;
                let alt = self
                    .lookup_field_or_method(xt, addressable, sel_name, true)
                    .found;
                self.lookup_error(xt, sel_name, alt)
            };
            self.error(self.epos(sel), format!("{xs}.{ss} undefined ({why})"));
            return;
        };
        let mut path = l.path.clone();
        let is_method_expr = self.info.mode(xe) == Mode::TypeExpr;
        match found {
            Found::Field { strukt, index } if !is_method_expr => {
                let fty = self.found_type(&Found::Field { strukt, index });
                let fobj = self
                    .field_objs
                    .get(&(strukt, index))
                    .copied()
                    .unwrap_or(super::super::object::ObjId::NONE);
                if !fobj.is_none() {
                    self.info.record_use(sel, fobj);
                }
                path.push(index);
                self.info.record_selection(
                    e,
                    SelectionKind::Field,
                    fobj,
                    xt,
                    &path,
                    l.indirect,
                    RecvAdjust::None,
                    0,
                );
                x.mode = if x.mode == Mode::Variable || l.indirect {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                x.ty = fty;
                self.info.record(sel, x.mode, fty, None);
            }
            Found::Field { .. } => {
                let (xs, ss, ts) = (
                    self.es(xe),
                    self.name_str(sel_name).to_string(),
                    self.ts(xt),
                );
                self.error(
                    self.epos(sel),
                    format!("{xs}.{ss} undefined (type {ts} has no method {ss})"),
                );
                *x = Operand::invalid(e);
                return;
            }
            Found::Method(_) | Found::IfaceMethod { .. } => {
                let mut sig = self.found_type(&found);
                if let Found::Method(_) = found {
                    // A method of a generic type, selected on an instance.
                    let base = self.value_type_at(xt, &path);
                    let base = self.types.pointer_elem(base).unwrap_or(base);
                    let (tps, targs) = self.types.instance_map(base);
                    if !tps.is_empty() {
                        sig = self.types.subst(sig, &tps, &targs);
                        self.info
                            .instances
                            .insert(e, super::super::info::Instance { targs, ty: sig });
                    }
                }
                let (mobj, recv, iface_index) = self.method_recv(xt, &path, &found);
                if !mobj.is_none() {
                    self.info.record_use(sel, mobj);
                    self.add_dep(mobj);
                }
                let kind = if is_method_expr {
                    SelectionKind::MethodExpr
                } else {
                    SelectionKind::Method
                };
                self.info
                    .record_selection(e, kind, mobj, xt, &path, l.indirect, recv, iface_index);
                self.info.record(sel, Mode::Value, sig, None);
                x.mode = Mode::Value;
                x.ty =
                    if is_method_expr {
                        let s = self.types.signature(sig).cloned().unwrap_or(
                            super::super::ty::Signature {
                                params: vec![],
                                results: vec![],
                                variadic: false,
                            },
                        );
                        let mut params = vec![xt];
                        params.extend(s.params);
                        self.types.func(params, s.results, s.variadic)
                    } else {
                        sig
                    };
            }
        }
        x.expr = Some(e);
    }

    /// The type of the value reached from a value of type `xt` through the embedded fields
    /// `path` (each step dereferences a pointer to a struct).
    pub fn value_type_at(&self, xt: TypeId, path: &[u32]) -> TypeId {
        let mut t = xt;
        for &i in path {
            let s = match self.types.pointer_elem(t) {
                Some(b) if self.types.struct_fields(b).is_some() => b,
                _ => t,
            };
            t = self
                .types
                .struct_fields(s)
                .map_or(TypeId::INVALID, |fs| fs[i as usize].ty);
        }
        t
    }

    /// The method object, how its receiver is passed, and its interface index, for a method
    /// found on `xt` through `path`.
    fn method_recv(
        &mut self,
        xt: TypeId,
        path: &[u32],
        found: &Found,
    ) -> (super::super::object::ObjId, RecvAdjust, u32) {
        let t = self.value_type_at(xt, path);
        let at_ptr = self.types.pointer_elem(t).is_some() && !self.types.is_named(t)
            || matches!(self.types.get(t), Type::Pointer(_));
        match found {
            Found::Method(m) => {
                let ptr = self.obj(*m).func().is_some_and(|f| f.ptr_recv);
                let adj = match (ptr, at_ptr) {
                    (true, false) => RecvAdjust::AddrOf,
                    (false, true) => RecvAdjust::Deref,
                    _ => RecvAdjust::None,
                };
                (*m, adj, 0)
            }
            Found::IfaceMethod { iface, index } => {
                let m = self
                    .types
                    .interface(*iface)
                    .map(|i| i.methods[*index as usize].clone());
                let obj = match m {
                    Some(m) => self.iface_method_obj(*iface, m),
                    None => super::super::object::ObjId::NONE,
                };
                let base = self.types.pointer_elem(t).unwrap_or(t);
                if self.types.is_type_param(base) {
                    return (obj, RecvAdjust::TypeParam, *index);
                }
                (obj, RecvAdjust::Dynamic, *index)
            }
            Found::Field { .. } => (super::super::object::ObjId::NONE, RecvAdjust::None, 0),
        }
    }

    /// The object of method `m` of interface type `iface`. A method the interface declares
    /// has one; one it has from an embedded interface, or `error`'s `Error`, gets one here.
    fn iface_method_obj(
        &mut self,
        iface: TypeId,
        m: crate::types::ty::IMethod,
    ) -> super::super::object::ObjId {
        if let Some(&o) = self.iface_objs.get(&(iface, m.name)) {
            return o;
        }
        let info = super::super::object::FuncInfo {
            decl: None,
            recv: None,
            recv_base: None,
            ptr_recv: false,
            native: false,
            tparams: Vec::new(),
            params: Vec::new(),
            results: Vec::new(),
        };
        let o = self.new_obj(m.name, 0, m.sig, ObjKind::Func(Box::new(info)));
        self.objs[o.0 as usize].pkg = m.pkg;
        self.iface_objs.insert((iface, m.name), o);
        o
    }

    /// gc's explanation of a failed selector lookup (a case-folded near miss).
    pub fn lookup_error(&self, t: TypeId, sel: Name, alt: Option<Found>) -> String {
        let ts = self.ts(t);
        let ss = self.name_str(sel);
        let Some(alt) = alt else {
            return format!("type {ts} has no field or method {ss}");
        };
        let (alt_name, alt_pkg, what) = match &alt {
            Found::Field { strukt, index } => {
                let f = &self.types.struct_fields(*strukt).expect("a struct")[*index as usize];
                (f.name, f.pkg, "field")
            }
            Found::Method(m) => (self.obj(*m).name, self.obj(*m).pkg, "method"),
            Found::IfaceMethod { iface, index } => {
                let m =
                    &self.types.interface(*iface).expect("an interface").methods[*index as usize];
                (m.name, m.pkg, "method")
            }
        };
        let alt_s = self.name_str(alt_name);
        let same_pkg = alt_pkg.is_none_or(|p| p == self.pkg);
        let tail = |s: &str| s.chars().skip(1).collect::<String>();
        if (same_pkg
            || is_exported(ss) && is_exported(alt_s)
            || !is_exported(ss) && is_exported(alt_s) && tail(ss) == tail(alt_s))
            && (same_pkg || alt_s != ss)
        {
            return format!("type {ts} has no field or method {ss}, but does have {what} {alt_s}");
        }
        if is_exported(ss) && !is_exported(alt_s) && tail(ss) == tail(alt_s) {
            return format!(
                "type {ts} has no field or method {ss}, but does have unexported {what} {alt_s}"
            );
        }
        if ss == alt_s {
            return format!("cannot refer to unexported {what} {alt_s}");
        }
        format!("type {ts} has no field or method {ss}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn argument_counts_are_checked() {
        let src = "package main\n\nfunc f(a int, b string) {}\n\nfunc main() {\n\tf(1)\n}\n";
        assert_eq!(
            super::super::tests::errors(src),
            ["6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, string)"]
        );
    }

    #[test]
    fn selectors_explain_near_misses() {
        let src = "package main\n\nimport \"strings\"\n\nfunc main() {\n\t_ = strings.toUpper(\"a\")\n\tvar b strings.Builder\n\tb.writeString(\"x\")\n}\n";
        assert_eq!(
        super::super::tests::errors(src),
        [
            "6:14: undefined: strings.toUpper",
            "8:4: b.writeString undefined (type strings.Builder has no field or method writeString, but does have method WriteString)",
        ]
    );
    }
}
