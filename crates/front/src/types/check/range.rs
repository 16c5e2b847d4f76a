//! `for … range` statements: what may be ranged over (integers, strings, arrays, pointers
//! to arrays, slices, maps, channels), the iteration variables' types, and the record of
//! how each loop iterates ([`RangeInfo`]).

use super::super::info::{Mode, RangeInfo, RangeKind};
use super::super::object::VarKind;
use super::super::ty::{Type, TypeId};
use super::stmt::Ctx;
use super::{Checker, Operand};
use crate::syntax::ast::{ChanDir, ExprId, Name, StmtId};

impl Checker<'_> {
    #[allow(clippy::too_many_arguments)]
    pub fn range_stmt(
        &mut self,
        s: StmtId,
        key: Option<ExprId>,
        value: Option<ExprId>,
        define: bool,
        xe: ExprId,
        body: StmtId,
        ctx: Ctx,
    ) {
        let mut x = Operand::invalid(xe);
        self.expr(&mut x, xe, None);
        let mut kt = None;
        let mut vt = None;
        if !x.is_invalid() {
            match self.range_types(&x) {
                Err(cause) => {
                    let xs = self.op_string(&x);
                    let msg = match cause {
                        Some(c) => format!("cannot range over {xs}: {c}"),
                        None => format!("cannot range over {xs}"),
                    };
                    self.error(self.op_pos(&x), msg);
                }
                Ok((kind, k, v)) => {
                    if let (RangeKind::Func, TypeId::INVALID, Some(ke)) = (kind, k, key) {
                        let xs = self.op_string(&x);
                        self.error(
                            self.epos(ke),
                            format!("range over {xs} permits no iteration variables"),
                        );
                    } else if let (None, Some(ve)) = (v, value) {
                        let xs = self.op_string(&x);
                        self.error(
                            self.epos(ve),
                            format!("range over {xs} permits only one iteration variable"),
                        );
                    }
                    kt = Some(k);
                    vt = v;
                    self.info.ranges.insert(
                        s,
                        RangeInfo {
                            kind,
                            key: k,
                            value: v.unwrap_or(TypeId::INVALID),
                            len_constant: matches!(kind, RangeKind::Array | RangeKind::ArrayPtr)
                                && !self.has_call_or_recv(xe),
                        },
                    );
                }
            }
        }
        self.open_scope();
        let const_int = x.mode == Mode::Constant && self.types.is_integer(x.ty);
        let lhs = [key, value];
        let rhs = [kt, vt];
        if define {
            let mut vars = Vec::new();
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = *l else { continue };
                let name = self.ast.ident(l);
                let obj = match name {
                    Some(n) => {
                        let o = self.new_var(n, self.epos(l), TypeId::INVALID, VarKind::Local);
                        self.info.record_def(l, o);
                        if n != Name::BLANK {
                            vars.push(o);
                        }
                        o
                    }
                    None => {
                        let s = self.es(l);
                        self.error(self.epos(l), format!("non-name {s} on left side of :="));
                        self.new_var(Name::BLANK, self.epos(l), TypeId::INVALID, VarKind::Local)
                    }
                };
                self.pending_type.insert(obj);
                if const_int && i == 0 {
                    let mut y = x.clone();
                    self.init_var(obj, &mut y, "range clause");
                    if let Some(r) = self.info.ranges.get_mut(&s) {
                        r.key = self.objs[obj.0 as usize].ty;
                    }
                } else if let Some(t) = rhs[i] {
                    let mut y = Operand {
                        mode: Mode::Value,
                        expr: Some(l),
                        ty: t,
                        ..Default::default()
                    };
                    self.init_var(obj, &mut y, "assignment");
                } else {
                    self.pending_type.remove(&obj);
                    self.obj_mut(obj).ty = TypeId::INVALID;
                    self.mark_used(obj);
                }
                let t = self.obj(obj).ty;
                self.info.record(l, Mode::Variable, t, None);
            }
            if vars.is_empty() {
                self.error(self.ast.stmt(s).pos, "no new variables on left side of :=");
            }
            for v in vars {
                self.declare_var(v);
            }
        } else if key.is_some() {
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = *l else { continue };
                if const_int && i == 0 {
                    let mut y = x.clone();
                    self.assign_var(l, None, Some(&mut y), "range clause");
                } else if let Some(t) = rhs[i] {
                    let mut y = Operand {
                        mode: Mode::Value,
                        expr: Some(l),
                        ty: t,
                        ..Default::default()
                    };
                    self.assign_var(l, None, Some(&mut y), "assignment");
                }
            }
        } else if const_int {
            let mut y = x.clone();
            self.assignment(&mut y, None, "range clause");
        }
        if const_int {
            if let Some(r) = self.info.ranges.get_mut(&s) {
                if self.types.is_untyped(r.key) {
                    r.key = TypeId::INT;
                }
            }
        }
        self.stmt(body, ctx);
        self.close_scope();
    }

    /// What ranging over `x` iterates, or why it cannot.
    pub fn range_types(
        &mut self,
        x: &Operand,
    ) -> Result<(RangeKind, TypeId, Option<TypeId>), Option<String>> {
        let u = self.types.under(x.ty);
        let (u, ptr) = match self.types.get(u) {
            Type::Pointer(b) if matches!(self.types.get(self.types.under(*b)), Type::Array(..)) => {
                (self.types.under(*b), true)
            }
            _ => (u, false),
        };
        match self.types.get(u).clone() {
            Type::Basic(k) if k.is_string() => {
                Ok((RangeKind::String, TypeId::INT, Some(TypeId::INT32)))
            }
            Type::Basic(k) if k.is_integer() => match self.ast.files[0].go_version {
                // The file asks for an older Go (see `File::go_version`).
                Some((1, minor)) if minor < 22 => Err(Some(format!(
                    "requires go1.22 or later (file declares //go:build go1.{minor})"
                ))),
                _ => Ok((RangeKind::Int, x.ty, None)),
            },
            Type::Array(_, e) => Ok((
                if ptr {
                    RangeKind::ArrayPtr
                } else {
                    RangeKind::Array
                },
                TypeId::INT,
                Some(e),
            )),
            Type::Slice(e) => Ok((RangeKind::Slice, TypeId::INT, Some(e))),
            Type::Map(k, v) => Ok((RangeKind::Map, k, Some(v))),
            Type::Chan(ChanDir::Send, _) => Err(Some("receive from send-only channel".into())),
            Type::Chan(_, e) => Ok((RangeKind::Chan, e, None)),
            Type::Func(sig) => {
                if let Some((1, minor)) = self.ast.files[0].go_version {
                    if minor < 23 {
                        return Err(Some(format!(
                            "requires go1.23 or later (file declares //go:build go1.{minor})"
                        )));
                    }
                }
                let bad = |why: &str| {
                    Err(Some(format!(
                        "func must be func(yield func(...) bool): {why}"
                    )))
                };
                if sig.params.len() != 1 {
                    return bad("wrong argument count");
                }
                if !sig.results.is_empty() {
                    return bad("wrong result count");
                }
                let yield_t = self.types.under(sig.params[0]);
                let Type::Func(y) = self.types.get(yield_t).clone() else {
                    return bad("argument is not func");
                };
                if y.params.len() > 2 {
                    return bad("yield func has too many parameters");
                }
                if y.results.len() != 1 || !self.types.is_boolean(y.results[0]) {
                    return bad("yield func does not return bool");
                }
                Ok((
                    RangeKind::Func,
                    y.params.first().copied().unwrap_or(TypeId::INVALID),
                    y.params.get(1).copied(),
                ))
            }
            // A type parameter whose types share no underlying type.
            _ if self.types.is_type_param(u) => Err(Some("no core type".into())),
            _ => Err(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn range_over_a_function_needs_a_yield_function() {
        let errs = body_errors(concat!(
            "\tbad := func(yield func(int) int) {}\n",
            "\tfor range bad {\n\t}\n",
            "\tfor range func(a, b int) {} {\n\t}\n",
            "\tfor x := range func(yield func() bool) {} {\n\t\t_ = x\n\t}\n",
            "\tfor x, y := range func(yield func(int) bool) {} {\n\t\t_, _ = x, y\n\t}\n",
        ));
        assert_eq!(
            errs,
            [
                "5:12: cannot range over bad (variable of type func(func(int) int)): func must be func(yield func(...) bool): yield func does not return bool",
                "7:12: cannot range over func(a, b int) {} (value of type func(int, int)): func must be func(yield func(...) bool): wrong argument count",
                "9:6: range over func(yield func() bool) {} (value of type func(func() bool)) permits no iteration variables",
                "12:9: range over func(yield func(int) bool) {} (value of type func(func(int) bool)) permits only one iteration variable",
            ]
        );
    }

    #[test]
    fn range_needs_something_iterable() {
        let errs = body_errors(
            "\tvar p *int\n\tfor range p {\n\t}\n\tfor i, j := range 3 {\n\t\t_, _ = i, j\n\t}\n",
        );
        assert_eq!(
            errs,
            [
                "5:12: cannot range over p (variable of type *int)",
                "7:9: range over 3 (untyped int constant) permits only one iteration variable",
            ]
        );
    }

    #[test]
    fn ranging_over_an_integer_needs_go_1_22() {
        let src = "//go:build go1.21\n\npackage main\n\nfunc main() {\n\tfor range 3 {\n\t}\n}\n";
        assert_eq!(
            super::super::tests::errors(src),
            ["6:12: cannot range over 3 (untyped int constant): requires go1.22 or later (file declares //go:build go1.21)"]
        );
    }

    #[test]
    fn receive_only_channels_can_be_ranged_over() {
        let errs = body_errors("\tvar r <-chan int\n\tfor v := range r {\n\t\t_ = v\n\t}\n\tvar s chan<- int\n\tfor range s {\n\t}\n");
        assert_eq!(
        errs,
        ["9:12: cannot range over s (variable of type chan<- int): receive from send-only channel"]
    );
    }
}
