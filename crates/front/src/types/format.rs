//! Types as Go's messages print them (go/types' `TypeString`): named types qualified by
//! their package's name unless they belong to the package being checked, signatures without
//! `func` inside interfaces, `...T` for variadic parameters.

use super::object::{Object, Package, PkgId};
use super::ty::{Type, TypeId, Types};
use crate::syntax::ast::{ChanDir, Names};

/// What printing a type needs.
pub struct TypeFmt<'a> {
    pub types: &'a Types,
    pub objs: &'a [Object],
    pub names: &'a Names,
    pub pkgs: &'a [Package],
    /// Types of this package print unqualified.
    pub current: Option<PkgId>,
    /// go/types' `TypeString` without a qualifier, as vet's messages print types: every
    /// named type qualified by its package's path, this package's by the path given here
    /// (`command-line-arguments` for the files `go vet prog.go` is given).
    pub current_path: Option<&'a str>,
}

impl TypeFmt<'_> {
    pub fn type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write(&mut s, t, 0);
        s
    }

    /// A signature without the leading `func` (`(x int) string`).
    pub fn signature_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_signature(&mut s, t, 0);
        s
    }

    fn write(&self, out: &mut String, t: TypeId, depth: u32) {
        if depth > 32 {
            out.push_str("...");
            return;
        }
        match self.types.get(t) {
            Type::Basic(k) => out.push_str(k.name()),
            Type::Pointer(e) => {
                out.push('*');
                self.write(out, *e, depth + 1);
            }
            Type::Slice(e) => {
                out.push_str("[]");
                self.write(out, *e, depth + 1);
            }
            Type::Array(n, e) => {
                out.push_str(&format!("[{n}]"));
                self.write(out, *e, depth + 1);
            }
            Type::Map(k, v) => {
                out.push_str("map[");
                self.write(out, *k, depth + 1);
                out.push(']');
                self.write(out, *v, depth + 1);
            }
            Type::Chan(dir, e) => {
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                let paren = *dir == ChanDir::Both
                    && matches!(self.types.get(*e), Type::Chan(ChanDir::Recv, _));
                if paren {
                    out.push('(');
                }
                self.write(out, *e, depth + 1);
                if paren {
                    out.push(')');
                }
            }
            Type::Func(_) => {
                out.push_str("func");
                self.write_signature(out, t, depth);
            }
            Type::Struct(fields) => {
                out.push_str("struct{");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !f.embedded {
                        out.push_str(self.names.get(f.name));
                        out.push(' ');
                    }
                    self.write(out, f.ty, depth + 1);
                    if let Some(tag) = &f.tag {
                        out.push(' ');
                        out.push_str(&super::constant::quote(tag.as_bytes()));
                    }
                }
                out.push('}');
            }
            Type::Interface(iface) => {
                if t == TypeId::EMPTY_INTERFACE {
                    out.push_str("any");
                    return;
                }
                if let (true, Some(terms)) = (iface.implicit, &iface.terms) {
                    for (i, term) in terms.iter().enumerate() {
                        if i > 0 {
                            out.push_str(" | ");
                        }
                        if term.tilde {
                            out.push('~');
                        }
                        self.write(out, term.ty, depth + 1);
                    }
                    return;
                }
                out.push_str("interface{");
                let mut first = true;
                if iface.comparable {
                    out.push_str("comparable");
                    first = false;
                }
                for m in &iface.methods {
                    if !first {
                        out.push_str("; ");
                    }
                    first = false;
                    out.push_str(self.names.get(m.name));
                    self.write_signature(out, m.sig, depth + 1);
                }
                if let Some(terms) = &iface.terms {
                    if !first {
                        out.push_str("; ");
                    }
                    for (i, term) in terms.iter().enumerate() {
                        if i > 0 {
                            out.push_str(" | ");
                        }
                        if term.tilde {
                            out.push('~');
                        }
                        self.write(out, term.ty, depth + 1);
                    }
                }
                out.push('}');
            }
            Type::Tuple(elems) => {
                out.push('(');
                for (i, e) in elems.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write(out, *e, depth + 1);
                }
                out.push(')');
            }
            Type::Named(n) => {
                if n.obj.is_none() {
                    out.push_str(if t == TypeId::ERROR {
                        "error"
                    } else {
                        "comparable"
                    });
                    return;
                }
                let obj = &self.objs[n.obj.0 as usize];
                self.write_qualifier(out, obj.pkg);
                out.push_str(self.names.get(obj.name));
                // An instance shows its type arguments; a generic type (also the receiver
                // type inside its methods) its type parameters.
                let args = if n.targs.is_empty() {
                    &n.tparams
                } else {
                    &n.targs
                };
                if !args.is_empty() {
                    out.push('[');
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.write(out, *a, depth + 1);
                    }
                    out.push(']');
                }
            }
            Type::TypeParam(p) => {
                out.push_str(self.names.get(self.objs[p.obj.0 as usize].name));
            }
        }
    }

    fn write_qualifier(&self, out: &mut String, pkg: Option<PkgId>) {
        let Some(p) = pkg else {
            return;
        };
        match self.current_path {
            Some(path) if Some(p) == self.current => out.push_str(path),
            Some(_) => out.push_str(&self.pkgs[p.0 as usize].path),
            None if Some(p) == self.current => return,
            None => out.push_str(self.names.get(self.pkgs[p.0 as usize].name)),
        }
        out.push('.');
    }

    fn write_signature(&self, out: &mut String, t: TypeId, depth: u32) {
        let Type::Func(sig) = self.types.get(t) else {
            return;
        };
        out.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                out.push_str("...");
                match self.types.get(*p) {
                    Type::Slice(e) => self.write(out, *e, depth + 1),
                    _ => self.write(out, *p, depth + 1),
                }
            } else {
                self.write(out, *p, depth + 1);
            }
        }
        out.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                out.push(' ');
                self.write(out, sig.results[0], depth + 1);
            }
            _ => {
                out.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write(out, *r, depth + 1);
                }
                out.push(')');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnamed_types_print_as_go_prints_them() {
        let mut types = Types::new();
        let names = Names::default();
        let s = types.slice(TypeId::INT);
        let p = types.pointer(s);
        let m = types.map(TypeId::STRING, p);
        let rc = types.chan(ChanDir::Recv, TypeId::INT);
        let c = types.chan(ChanDir::Both, rc);
        let f = types.func(vec![TypeId::INT, s], vec![TypeId::BOOL], true);
        let g = types.func(vec![], vec![TypeId::INT, TypeId::STRING], false);
        let fmt = TypeFmt {
            types: &types,
            objs: &[],
            names: &names,
            pkgs: &[],
            current: None,
            current_path: None,
        };
        assert_eq!(fmt.type_string(m), "map[string]*[]int");
        assert_eq!(fmt.type_string(c), "chan (<-chan int)");
        assert_eq!(fmt.type_string(f), "func(int, ...int) bool");
        assert_eq!(fmt.type_string(g), "func() (int, string)");
        assert_eq!(fmt.type_string(TypeId::UNTYPED_FLOAT), "untyped float");
        assert_eq!(fmt.type_string(TypeId::EMPTY_INTERFACE), "any");
        assert_eq!(fmt.type_string(TypeId::ERROR), "error");
    }
}
