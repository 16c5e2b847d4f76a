//! Expressions as gc's messages print them (`syntax.String`, its short form): binary
//! operators between blanks, function bodies and composite literal elements as `{…}`.

use super::{Ast, ChanDir, ExprId, ExprKind, Field, List};

pub(super) fn expr(ast: &Ast, e: ExprId, out: &mut String) {
    let node = ast.expr(e);
    match &node.kind {
        ExprKind::Bad => out.push_str("<bad expr>"),
        ExprKind::Ident(n) => out.push_str(ast.names.get(*n)),
        ExprKind::BasicLit { .. } => out.push_str(ast.lit_text(e)),
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                expr(ast, *t, out);
            }
            out.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::KeyValue { key, value, .. } => {
            expr(ast, *key, out);
            out.push_str(": ");
            expr(ast, *value, out);
        }
        ExprKind::FuncLit { ty, body } => {
            expr(ast, *ty, out);
            let empty = match &ast.stmt(*body).kind {
                super::StmtKind::Block { stmts, .. } => stmts.is_empty(),
                _ => true,
            };
            out.push_str(if empty { " {}" } else { " {…}" });
        }
        ExprKind::Paren(x) => {
            out.push('(');
            expr(ast, *x, out);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            expr(ast, *x, out);
            out.push('.');
            expr(ast, *sel, out);
        }
        ExprKind::Index { x, indices, .. } => {
            expr(ast, *x, out);
            out.push('[');
            list(ast, *indices, out);
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            expr(ast, *x, out);
            out.push('[');
            if let Some(lo) = lo {
                expr(ast, *lo, out);
            }
            out.push(':');
            if let Some(hi) = hi {
                expr(ast, *hi, out);
            }
            if let Some(max) = max {
                out.push(':');
                expr(ast, *max, out);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            expr(ast, *x, out);
            out.push_str(".(");
            match ty {
                Some(t) => expr(ast, *t, out),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            fun, args, dots, ..
        } => {
            expr(ast, *fun, out);
            out.push('(');
            list(ast, *args, out);
            if *dots {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            expr(ast, *x, out);
        }
        ExprKind::Unary { op, x } => {
            out.push_str(op.text());
            expr(ast, *x, out);
        }
        ExprKind::Binary { op, x, y, .. } => {
            expr(ast, *x, out);
            out.push(' ');
            out.push_str(op.text());
            out.push(' ');
            expr(ast, *y, out);
        }
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            match len {
                Some(l) => expr(ast, *l, out),
                None => out.push_str("..."),
            }
            out.push(']');
            expr(ast, *elem, out);
        }
        ExprKind::SliceType { elem } => {
            out.push_str("[]");
            expr(ast, *elem, out);
        }
        ExprKind::StructType { fields } => {
            out.push_str("struct{");
            for (i, f) in ast.list(*fields).iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                names(ast, f, out);
                expr(ast, f.ty, out);
            }
            out.push('}');
        }
        ExprKind::FuncType { params, results } => {
            out.push_str("func");
            signature(ast, *params, *results, out);
        }
        ExprKind::InterfaceType { elems } => {
            out.push_str("interface{");
            for (i, f) in ast.list(*elems).iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match ast.list(f.names).first() {
                    Some(&m) => {
                        expr(ast, m, out);
                        if let ExprKind::FuncType { params, results } = ast.expr(f.ty).kind {
                            signature(ast, params, results, out);
                        }
                    }
                    None => expr(ast, f.ty, out),
                }
            }
            out.push('}');
        }
        ExprKind::MapType { key, value } => {
            out.push_str("map[");
            expr(ast, *key, out);
            out.push(']');
            expr(ast, *value, out);
        }
        ExprKind::ChanType { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            let paren = *dir == ChanDir::Both
                && matches!(
                    ast.expr(*elem).kind,
                    ExprKind::ChanType {
                        dir: ChanDir::Recv,
                        ..
                    }
                );
            if paren {
                out.push('(');
            }
            expr(ast, *elem, out);
            if paren {
                out.push(')');
            }
        }
        ExprKind::Ellipsis { elem } => {
            out.push_str("...");
            expr(ast, *elem, out);
        }
    }
}

fn list(ast: &Ast, l: List<ExprId>, out: &mut String) {
    for (i, &x) in ast.list(l).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(ast, x, out);
    }
}

fn names(ast: &Ast, f: &Field, out: &mut String) {
    for (i, &n) in ast.list(f.names).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(ast, n, out);
    }
    if !f.names.is_empty() {
        out.push(' ');
    }
}

fn signature(ast: &Ast, params: List<Field>, results: List<Field>, out: &mut String) {
    fields(ast, params, out);
    let rs = ast.list(results);
    if rs.is_empty() {
        return;
    }
    out.push(' ');
    if rs.len() == 1 && rs[0].names.is_empty() {
        expr(ast, rs[0].ty, out);
    } else {
        fields(ast, results, out);
    }
}

fn fields(ast: &Ast, l: List<Field>, out: &mut String) {
    out.push('(');
    for (i, f) in ast.list(l).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        names(ast, f, out);
        expr(ast, ast.unparen(f.ty), out);
    }
    out.push(')');
}

#[cfg(test)]
mod tests {
    use super::super::super::parse_file;
    use super::super::{Ast, Decl, Spec};

    /// The printed initializer of `var _ = <src>`.
    fn printed(src: &str) -> String {
        let mut ast = Ast::default();
        let mut errs = Vec::new();
        let text = format!("package p\n\nvar _ = {src}\n");
        let f = parse_file(&mut ast, "p.go", text.into(), &mut errs).expect("a file");
        assert!(errs.is_empty(), "{errs:?}");
        let d = ast.list(ast.file(f).decls)[0];
        let Decl::Gen { specs, .. } = ast.decl(d) else {
            panic!("a var declaration")
        };
        let Spec::Value { values, .. } = ast.list(*specs)[0] else {
            panic!("a value spec")
        };
        ast.expr_string(ast.list(values)[0])
    }

    #[test]
    fn expressions_print_as_gc_shows_them() {
        assert_eq!(printed("a+b*c"), "a + b * c");
        assert_eq!(printed("[]int{1, 2}"), "[]int{…}");
        assert_eq!(printed("T{}"), "T{}");
        assert_eq!(
            printed("func(x int) bool { return x > 0 }"),
            "func(x int) bool {…}"
        );
        assert_eq!(printed("<-ch"), "<-ch");
        assert_eq!(printed("s[1:2:3]"), "s[1:2:3]");
        assert_eq!(printed("x.(interface{ M() })"), "x.(interface{M()})");
        assert_eq!(
            printed("map[string]chan<- int(nil)"),
            "map[string]chan<- int(nil)"
        );
    }
}
