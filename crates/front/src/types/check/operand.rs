//! Operands: what the checker knows about an expression while checking it, and how gc's
//! messages describe one (`x (variable of type int)`, `1 (untyped int constant)`,
//! `c (untyped float constant 1.5)`, `v (variable of struct type T)`).

use super::super::constant::{self, ConstValue};
use super::super::info::Mode;
use super::super::object::Builtin;
use super::super::ty::{Type, TypeId};
use super::Checker;
use crate::syntax::ast::ExprId;

/// An intermediate result. `mode` uses [`Mode`] with one difference: `CommaOk` marks a value
/// that *may* be used for two values (a type assertion or receive); the checker records it
/// as `Value` unless it is used for two.
#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub expr: Option<ExprId>,
    pub ty: TypeId,
    pub val: ConstValue,
    pub builtin: Option<Builtin>,
}

impl Default for Operand {
    fn default() -> Self {
        Operand {
            mode: Mode::Invalid,
            expr: None,
            ty: TypeId::INVALID,
            val: ConstValue::Unknown,
            builtin: None,
        }
    }
}

impl Operand {
    pub fn invalid(expr: ExprId) -> Self {
        Operand {
            expr: Some(expr),
            ..Default::default()
        }
    }

    pub fn is_invalid(&self) -> bool {
        self.mode == Mode::Invalid
    }

    pub fn is_nil(&self) -> bool {
        self.mode == Mode::Nil
    }
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Invalid => "invalid operand",
        Mode::NoValue => "no value",
        Mode::Builtin => "built-in",
        Mode::TypeExpr => "type",
        Mode::Constant => "constant",
        Mode::Variable => "variable",
        Mode::MapIndex => "map index expression",
        Mode::Value => "value",
        Mode::Nil => "nil",
        Mode::CommaOk => "comma, ok expression",
    }
}

impl Checker<'_> {
    /// The operand as gc's messages describe it.
    pub fn op_string(&self, x: &Operand) -> String {
        if x.mode == Mode::Nil {
            return match x.ty {
                TypeId::INVALID => "nil (with invalid type)".into(),
                TypeId::UNTYPED_NIL => "nil".into(),
                t => format!("nil (of type {})", self.ts(t)),
            };
        }
        let expr = match x.expr {
            Some(e) => self.es(e),
            None => match x.mode {
                Mode::Builtin => x.builtin.map_or("", |b| b.name()).to_string(),
                Mode::TypeExpr => self.ts(x.ty),
                Mode::Constant => constant::format(&x.val),
                _ => String::new(),
            },
        };
        let mut out = String::new();
        if !expr.is_empty() {
            out.push_str(&expr);
            out.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin | Mode::TypeExpr => {}
            _ => {
                if self.types.is_untyped(x.ty) {
                    out.push_str(&self.ts(x.ty));
                    out.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        out.push_str(mode_name(x.mode));
        if x.mode == Mode::Constant {
            let v = constant::format(&x.val);
            if v != expr {
                out.push(' ');
                out.push_str(&v);
            }
        }
        if has_type {
            if x.ty != TypeId::INVALID {
                out.push_str(" of ");
                out.push_str(&self.type_desc(x.ty));
                out.push_str("type ");
                out.push_str(&self.ts(x.ty));
                if let Some(p) = self.types.type_param(x.ty) {
                    out.push_str(" constrained by ");
                    out.push_str(&self.ts(p.constraint));
                }
            } else {
                out.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            out.push(')');
        }
        out
    }

    /// gc describes a named type's structure before it: `struct type T`, `int type MyInt`.
    fn type_desc(&self, t: TypeId) -> String {
        if !self.types.is_named(t) {
            return String::new();
        }
        let u = self.types.under(t);
        let kind = match self.types.get(u) {
            Type::Basic(k) => k.name(),
            Type::Array(..) => "array",
            Type::Slice(_) => "slice",
            Type::Struct(_) => "struct",
            Type::Pointer(_) => "pointer",
            Type::Func(_) => "func",
            Type::Interface(_) => "interface",
            Type::Map(..) => "map",
            Type::Chan(..) => "chan",
            Type::Tuple(_) => "tuple",
            _ => return String::new(),
        };
        format!("{kind} ")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn operands_describe_themselves_as_gc_does() {
        let src = "package main\n\ntype C float64\n\nfunc main() {\n\tvar c C\n\tvar s struct{}\n\tconst k = 1.5\n\tvar _ int = c\n\tvar _ int = s\n\tvar _ string = k\n}\n";
        assert_eq!(
        super::super::tests::errors(src),
        [
            "9:14: cannot use c (variable of float64 type C) as int value in variable declaration",
            "10:14: cannot use s (variable of type struct{}) as int value in variable declaration",
            "11:17: cannot use k (untyped float constant 1.5) as string value in variable declaration",
        ]
    );
    }
}
