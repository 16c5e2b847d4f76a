//! Composite literals: structs (keyed or positional), arrays (`[...]T` included), slices
//! and maps, with elided element types.

use super::super::info::{Mode, RecvAdjust, SelectionKind};
use super::super::object::ObjId;
use super::super::ty::{Type, TypeId};
use super::typexpr::is_exported;
use super::{Checker, Operand};
use crate::syntax::ast::{ExprId, ExprKind};

impl Checker<'_> {
    /// `T{...}`; `hint` is the element type when `T` is elided.
    pub fn composite_lit(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) {
        let ExprKind::CompositeLit {
            ty, elts, rbrace, ..
        } = self.ast.expr(e).kind
        else {
            return;
        };
        let elts: &[ExprId] = self.ast_list(elts);
        let (mut typ, base);
        let mut open_array = None;
        match (ty, hint) {
            (Some(te), _) => {
                if let ExprKind::ArrayType { len: None, elem } = self.ast.expr(te).kind {
                    // [...]T: the length is the literal's.
                    let elem_t = self.var_type(elem);
                    open_array = Some((te, elem_t));
                    typ = TypeId::INVALID;
                    base = TypeId::INVALID;
                } else {
                    typ = self.typ(te);
                    base = typ;
                }
            }
            (None, Some(h)) => {
                typ = h;
                base = match self.types.get(self.types.under(h)) {
                    Type::Pointer(b) => *b,
                    _ => h,
                };
            }
            (None, None) => {
                self.error(self.epos(e), "invalid composite literal type: missing type");
                self.use_elements(elts);
                x.mode = Mode::Invalid;
                return;
            }
        }
        if let Some((te, elem)) = open_array {
            let n = self.indexed_elts(elts, elem, None);
            typ = self.types.array(n, elem);
            self.info.record(te, Mode::TypeExpr, typ, None);
            x.mode = Mode::Value;
            x.ty = typ;
            return;
        }
        let u = self.types.under(base);
        match self.types.get(u).clone() {
            Type::Struct(fields) => self.struct_lit(e, base, u, &fields, elts, rbrace),
            Type::Array(n, elem) => {
                self.indexed_elts(elts, elem, Some(n));
            }
            Type::Slice(elem) => {
                self.indexed_elts(elts, elem, None);
            }
            Type::Map(kt, vt) => {
                let mut seen: Vec<(String, TypeId)> = Vec::new();
                for &el in elts {
                    let ExprKind::KeyValue { key, value, .. } = self.ast.expr(el).kind else {
                        self.error(self.epos(el), "missing key in map literal");
                        self.use_exprs(&[el]);
                        continue;
                    };
                    let mut k = Operand::invalid(key);
                    self.raw_expr(&mut k, key, Some(kt));
                    self.exclude(&mut k, &[Mode::NoValue, Mode::Builtin, Mode::TypeExpr]);
                    self.single_value(&mut k);
                    self.assignment(&mut k, Some(kt), "map literal");
                    if k.mode == Mode::Invalid {
                        continue; // as gc: the value is not checked
                    }
                    if k.mode == Mode::Constant {
                        if let Some(kv) = k.val.key() {
                            if seen.iter().any(|(s, t)| *s == kv && *t == k.ty) {
                                let vs = super::super::constant::format(&k.val);
                                self.error(
                                    self.op_pos(&k),
                                    format!("duplicate key {vs} in map literal"),
                                );
                                continue;
                            } else {
                                seen.push((kv, k.ty));
                            }
                        }
                    }
                    let mut v = Operand::invalid(value);
                    self.raw_expr(&mut v, value, Some(vt));
                    self.exclude(&mut v, &[Mode::NoValue, Mode::Builtin, Mode::TypeExpr]);
                    self.single_value(&mut v);
                    self.assignment(&mut v, Some(vt), "map literal");
                }
            }
            _ => {
                if u != TypeId::INVALID {
                    let s = self.ts(typ);
                    self.error(self.epos(e), format!("invalid composite literal type {s}"));
                }
                self.use_elements(elts);
                x.mode = Mode::Invalid;
                return;
            }
        }
        x.mode = Mode::Value;
        x.ty = typ;
    }

    /// Checks the elements of a literal whose type is unknown, as gc does: of a `key: value`
    /// element only the value (the key may be a field name).
    fn use_elements(&mut self, elts: &[ExprId]) {
        for &el in elts {
            let el = match self.ast.expr(el).kind {
                ExprKind::KeyValue { value, .. } => value,
                _ => el,
            };
            self.use_exprs(&[el]);
        }
    }

    fn struct_lit(
        &mut self,
        e: ExprId,
        base: TypeId,
        strukt: TypeId,
        fields: &[super::super::ty::StructField],
        elts: &[ExprId],
        rbrace: crate::syntax::Pos,
    ) {
        if elts.is_empty() {
            return;
        }
        let keyed = matches!(self.ast.expr(elts[0]).kind, ExprKind::KeyValue { .. });
        let bs = self.ts(base);
        if keyed {
            let mut visited = vec![false; fields.len()];
            for &el in elts {
                let ExprKind::KeyValue { key, value, .. } = self.ast.expr(el).kind else {
                    self.error(
                        self.epos(el),
                        "mixture of field:value and value elements in struct literal",
                    );
                    self.use_exprs(&[el]);
                    continue;
                };
                let mut x = Operand::invalid(value);
                let Some(kname) = self.ast.ident(key) else {
                    self.expr(&mut x, value, None);
                    let s = self.es(key);
                    self.error(
                        self.epos(el),
                        format!("invalid field name {s} in struct literal"),
                    );
                    continue;
                };
                let i = fields
                    .iter()
                    .position(|f| f.name == kname && (f.pkg.is_none() || f.pkg == Some(self.pkg)));
                let Some(i) = i else {
                    self.expr(&mut x, value, None);
                    let alt = fields.iter().position(|f| {
                        self.name_str(f.name)
                            .eq_ignore_ascii_case(self.name_str(kname))
                    });
                    let ks = self.name_str(kname).to_string();
                    let msg = match alt {
                        Some(j) if fields[j].name != kname => {
                            let a = self.name_str(fields[j].name).to_string();
                            if is_exported(&ks)
                                && !is_exported(&a)
                                && fields[j].pkg.is_some_and(|p| p != self.pkg)
                            {
                                format!("unknown field {ks} in struct literal of type {bs}, but does have unexported {a}")
                            } else {
                                format!("unknown field {ks} in struct literal of type {bs}, but does have {a}")
                            }
                        }
                        Some(_) => format!(
                            "cannot refer to unexported field {ks} in struct literal of type {bs}"
                        ),
                        None => format!("unknown field {ks} in struct literal of type {bs}"),
                    };
                    self.error(self.epos(key), msg);
                    continue;
                };
                let fobj = self
                    .field_objs
                    .get(&(strukt, i as u32))
                    .copied()
                    .unwrap_or(ObjId::NONE);
                if !fobj.is_none() {
                    self.info.record_use(key, fobj);
                }
                self.info.record_selection(
                    key,
                    SelectionKind::Field,
                    fobj,
                    base,
                    &[i as u32],
                    false,
                    RecvAdjust::None,
                    0,
                );
                let ft = fields[i].ty;
                self.raw_expr(&mut x, value, Some(ft));
                self.exclude(&mut x, &[Mode::NoValue, Mode::Builtin, Mode::TypeExpr]);
                self.single_value(&mut x);
                self.info.record(key, Mode::Value, ft, None);
                self.assignment(&mut x, Some(ft), "struct literal");
                if visited[i] {
                    let ks = self.name_str(kname).to_string();
                    self.error(
                        self.epos(el),
                        format!("duplicate field name {ks} in struct literal"),
                    );
                    continue;
                }
                visited[i] = true;
            }
            return;
        }
        for (i, &el) in elts.iter().enumerate() {
            if let ExprKind::KeyValue { .. } = self.ast.expr(el).kind {
                self.error(
                    self.epos(el),
                    "mixture of field:value and value elements in struct literal",
                );
                self.use_exprs(&[el]);
                continue;
            }
            let mut x = Operand::invalid(el);
            let hint = fields.get(i).map(|f| f.ty);
            self.raw_expr(&mut x, el, hint);
            self.exclude(&mut x, &[Mode::NoValue, Mode::Builtin, Mode::TypeExpr]);
            self.single_value(&mut x);
            if i >= fields.len() {
                self.error(
                    self.op_pos(&x),
                    format!("too many values in struct literal of type {bs}"),
                );
                break;
            }
            let f = &fields[i];
            if f.pkg.is_some_and(|p| p != self.pkg) {
                let fs = self.name_str(f.name).to_string();
                self.error(
                    self.op_pos(&x),
                    format!("implicit assignment to unexported field {fs} in struct literal of type {bs}"),
                );
                continue;
            }
            self.assignment(&mut x, Some(f.ty), "struct literal");
        }
        if elts.len() < fields.len() {
            self.error(
                rbrace,
                format!("too few values in struct literal of type {bs}"),
            );
        }
        let _ = e;
    }

    /// The elements of an array or slice literal of element type `elem`; returns the length
    /// (one past the largest index).
    fn indexed_elts(&mut self, elts: &[ExprId], elem: TypeId, length: Option<u64>) -> u64 {
        let mut visited: Vec<u64> = Vec::new();
        let (mut index, mut max) = (0u64, 0u64);
        for &el in elts {
            let mut valid = false;
            let mut eval = el;
            if let ExprKind::KeyValue { key, value, .. } = self.ast.expr(el).kind {
                let mut k = Operand::invalid(key);
                self.expr(&mut k, key, None);
                if self.is_valid_index(&mut k, "index", false) {
                    if k.mode == Mode::Constant {
                        let i = k.val.int().unwrap_or(0) as u64;
                        if let Some(l) = length {
                            if i >= l {
                                let s = super::super::constant::format(&k.val);
                                self.error(
                                    self.epos(key),
                                    format!("invalid argument: index {s} out of bounds [0:{l}]"),
                                );
                            }
                        }
                        index = i;
                        valid = true;
                    } else {
                        let s = self.es(key);
                        self.error(self.epos(el), format!("index {s} must be integer constant"));
                    }
                }
                eval = value;
            } else if length.is_some_and(|l| index >= l) {
                let l = length.unwrap_or(0);
                self.error(
                    self.epos(el),
                    format!("index {index} is out of bounds (>= {l})"),
                );
            } else {
                valid = true;
            }
            if valid {
                if visited.contains(&index) {
                    self.error(
                        self.epos(el),
                        format!("duplicate index {index} in array or slice literal"),
                    );
                }
                visited.push(index);
            }
            index += 1;
            max = max.max(index);
            let mut x = Operand::invalid(eval);
            self.raw_expr(&mut x, eval, Some(elem));
            self.exclude(&mut x, &[Mode::NoValue, Mode::Builtin, Mode::TypeExpr]);
            self.single_value(&mut x);
            self.assignment(&mut x, Some(elem), "array or slice literal");
        }
        max
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::body_errors;
    #[test]
    fn struct_literals_check_their_fields() {
        let src = "package main\n\ntype P struct{ X, Y int }\n\nfunc main() {\n\t_ = P{1}\n\t_ = P{Z: 1}\n}\n";
        assert_eq!(
            super::super::tests::errors(src),
            [
                "6:9: too few values in struct literal of type P",
                "7:8: unknown field Z in struct literal of type P",
            ]
        );
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let errs =
            body_errors("\t_ = map[string]int{\"a\": 1, \"a\": 2}\n\t_ = []int{0: 1, 0: 2}\n");
        assert_eq!(
            errs,
            [
                "4:29: duplicate key \"a\" in map literal",
                "5:19: duplicate index 0 in array or slice literal",
            ]
        );
    }
}
