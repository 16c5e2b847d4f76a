//! Expressions as Go's tools print them in messages: gc's short form (`syntax.String`:
//! binary operators between blanks, function bodies and composite literal elements as `{…}`)
//! for the compiler's errors, and go/printer's (`analysisutil.Format`: composite literals in
//! full, blanks around binary operators as gofmt sets them) for vet's.

use super::{Ast, ChanDir, ExprId, ExprKind, Field, List};
use crate::syntax::token::Op;

/// Which tool's form an expression prints in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// gc's messages.
    Gc,
    /// go/printer's (vet's messages).
    GoPrinter,
}

/// The precedence of unary operators, and above every binary one.
const UNARY_PREC: u8 = 6;
/// Above every operator: an operand that needs no parentheses.
const HIGHEST_PREC: u8 = 7;

pub(super) struct Printer<'a> {
    pub ast: &'a Ast,
    pub style: Style,
}

impl Printer<'_> {
    /// Prints `e` where an operator of precedence `prec1` or more binds it (go/printer's
    /// `expr1`), at nesting `depth` (which decides go/printer's blanks around binary operators).
    pub fn expr(&self, e: ExprId, prec1: u8, depth: u32, out: &mut String) {
        let ast = self.ast;
        let go = self.style == Style::GoPrinter;
        let node = ast.expr(e);
        match &node.kind {
            ExprKind::Bad => out.push_str("<bad expr>"),
            ExprKind::Ident(n) => out.push_str(ast.names.get(*n)),
            ExprKind::BasicLit { .. } => out.push_str(ast.lit_text(e)),
            ExprKind::CompositeLit { ty, elts, .. } => {
                if let Some(t) = ty {
                    self.expr(*t, HIGHEST_PREC, depth, out);
                }
                if elts.is_empty() {
                    out.push_str("{}");
                } else if go {
                    out.push('{');
                    self.list(*elts, 1, out);
                    out.push('}');
                } else {
                    out.push_str("{…}");
                }
            }
            ExprKind::KeyValue { key, value, .. } => {
                self.expr(*key, 0, 1, out);
                out.push_str(": ");
                self.expr(*value, 0, 1, out);
            }
            ExprKind::FuncLit { body, .. } if go => {
                // As written (go/printer prints it whole; gofmt'd source reads the same).
                if let super::StmtKind::Block { rbrace, .. } = ast.stmt(*body).kind {
                    out.push_str(ast.text(node.pos, rbrace + 1));
                }
            }
            ExprKind::FuncLit { ty, body } => {
                self.expr(*ty, 0, depth, out);
                let empty = match &ast.stmt(*body).kind {
                    super::StmtKind::Block { stmts, .. } => stmts.is_empty(),
                    _ => true,
                };
                out.push_str(if empty { " {}" } else { " {…}" });
            }
            ExprKind::Paren(x) => {
                if go && matches!(ast.expr(*x).kind, ExprKind::Paren(_)) {
                    // go/printer drops a second pair.
                    return self.expr(*x, 0, depth, out);
                }
                out.push('(');
                self.expr(*x, 0, reduce_depth(depth), out);
                out.push(')');
            }
            ExprKind::Selector { x, sel } => {
                self.expr(*x, HIGHEST_PREC, depth, out);
                out.push('.');
                self.expr(*sel, 0, depth, out);
            }
            ExprKind::Index { x, indices, .. } => {
                self.expr(*x, HIGHEST_PREC, 1, out);
                out.push('[');
                self.list(*indices, depth + 1, out);
                out.push(']');
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.expr(*x, HIGHEST_PREC, 1, out);
                out.push('[');
                let mut indices = vec![*lo, *hi];
                if max.is_some() {
                    indices.push(*max);
                }
                // go/printer puts blanks around the colons of a slice at the top with more
                // than one index, one of them a binary expression: `s[i+1 : j]`.
                let given = indices.iter().flatten().count();
                let binaries = indices
                    .iter()
                    .flatten()
                    .any(|&i| matches!(ast.expr(i).kind, ExprKind::Binary { .. }));
                let blanks = go && depth <= 1 && given > 1 && binaries;
                for (i, index) in indices.iter().enumerate() {
                    if i > 0 {
                        if blanks && indices[i - 1].is_some() {
                            out.push(' ');
                        }
                        out.push(':');
                        if blanks && index.is_some() {
                            out.push(' ');
                        }
                    }
                    if let Some(index) = index {
                        self.expr(*index, 0, depth + 1, out);
                    }
                }
                out.push(']');
            }
            ExprKind::TypeAssert { x, ty } => {
                self.expr(*x, HIGHEST_PREC, depth, out);
                out.push_str(".(");
                match ty {
                    Some(t) => self.expr(*t, 0, 1, out),
                    None => out.push_str("type"),
                }
                out.push(')');
            }
            ExprKind::Call {
                fun, args, dots, ..
            } => {
                let depth = if args.len > 1 { depth + 1 } else { depth };
                self.expr(*fun, HIGHEST_PREC, depth, out);
                out.push('(');
                self.list(*args, depth, out);
                if *dots {
                    out.push_str("...");
                }
                out.push(')');
            }
            ExprKind::Star(x) => self.unary("*", *x, prec1, depth, out),
            ExprKind::Unary { op, x } => self.unary(op.text(), *x, prec1, depth, out),
            ExprKind::Binary { op, x, y, .. } => {
                if !go {
                    self.expr(*x, 0, depth, out);
                    out.push(' ');
                    out.push_str(op.text());
                    out.push(' ');
                    return self.expr(*y, 0, depth, out);
                }
                let prec = op.precedence();
                if prec < prec1 {
                    out.push('(');
                    self.expr(e, 0, reduce_depth(depth), out);
                    out.push(')');
                    return;
                }
                let blank = prec < cutoff(ast, e, depth);
                let same_prec = matches!(ast.expr(*x).kind, ExprKind::Binary { op: l, .. } if l.precedence() == prec);
                self.expr(*x, prec, depth + u32::from(!same_prec), out);
                if blank {
                    out.push(' ');
                }
                out.push_str(op.text());
                if blank {
                    out.push(' ');
                }
                self.expr(*y, prec + 1, depth + 1, out);
            }
            ExprKind::ArrayType { len, elem } => {
                out.push('[');
                match len {
                    Some(l) => self.expr(*l, 0, 1, out),
                    None => out.push_str("..."),
                }
                out.push(']');
                self.expr(*elem, 0, 1, out);
            }
            ExprKind::SliceType { elem } => {
                out.push_str("[]");
                self.expr(*elem, 0, 1, out);
            }
            ExprKind::StructType { fields } => {
                out.push_str("struct{");
                for (i, f) in ast.list(*fields).iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    self.names(f, out);
                    self.expr(f.ty, 0, 1, out);
                }
                out.push('}');
            }
            ExprKind::FuncType { params, results } => {
                out.push_str("func");
                self.signature(*params, *results, out);
            }
            ExprKind::InterfaceType { elems } => {
                out.push_str("interface{");
                for (i, f) in ast.list(*elems).iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    match ast.list(f.names).first() {
                        Some(&m) => {
                            self.expr(m, 0, 1, out);
                            if let ExprKind::FuncType { params, results } = ast.expr(f.ty).kind {
                                self.signature(params, results, out);
                            }
                        }
                        None => self.expr(f.ty, 0, 1, out),
                    }
                }
                out.push('}');
            }
            ExprKind::MapType { key, value } => {
                out.push_str("map[");
                self.expr(*key, 0, 1, out);
                out.push(']');
                self.expr(*value, 0, 1, out);
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
                self.expr(*elem, 0, 1, out);
                if paren {
                    out.push(')');
                }
            }
            ExprKind::Ellipsis { elem } => {
                out.push_str("...");
                self.expr(*elem, 0, 1, out);
            }
        }
    }

    /// `op x` (a dereference too), parenthesised where an operator of precedence `prec1`
    /// binds it.
    fn unary(&self, op: &str, x: ExprId, prec1: u8, depth: u32, out: &mut String) {
        let paren = UNARY_PREC < prec1;
        if paren {
            out.push('(');
        }
        out.push_str(op);
        self.expr(x, UNARY_PREC, depth, out);
        if paren {
            out.push(')');
        }
    }

    fn list(&self, l: List<ExprId>, depth: u32, out: &mut String) {
        for (i, &x) in self.ast.list(l).iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.expr(x, 0, depth, out);
        }
    }

    fn names(&self, f: &Field, out: &mut String) {
        for (i, &n) in self.ast.list(f.names).iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.expr(n, 0, 1, out);
        }
        if !f.names.is_empty() {
            out.push(' ');
        }
    }

    fn signature(&self, params: List<Field>, results: List<Field>, out: &mut String) {
        self.fields(params, out);
        let rs = self.ast.list(results);
        if rs.is_empty() {
            return;
        }
        out.push(' ');
        if rs.len() == 1 && rs[0].names.is_empty() {
            self.expr(rs[0].ty, 0, 1, out);
        } else {
            self.fields(results, out);
        }
    }

    fn fields(&self, l: List<Field>, out: &mut String) {
        out.push('(');
        for (i, f) in self.ast.list(l).iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.names(f, out);
            self.expr(self.ast.unparen(f.ty), 0, 1, out);
        }
        out.push(')');
    }
}

/// Parentheses undo a level of nesting (go/printer's `reduceDepth`).
fn reduce_depth(depth: u32) -> u32 {
    depth.saturating_sub(1).max(1)
}

/// The precedence below which go/printer puts blanks around the binary operators of `e` at
/// `depth` (its `cutoff`): all of them at the top, unless additive and multiplicative ones mix
/// (`a + b*c`); deeper, only around those below the additive ones.
fn cutoff(ast: &Ast, e: ExprId, depth: u32) -> u8 {
    let (has4, has5, max_problem) = walk_binary(ast, e);
    if max_problem > 0 {
        return max_problem + 1;
    }
    match (has4 && has5, depth == 1) {
        (true, true) => 5,
        (false, true) => 6,
        _ => 4,
    }
}

/// Whether binary expression `e` (without the operands that will be parenthesised) has
/// additive and multiplicative operators, and the precedence that must keep its blanks so
/// that two tokens do not read as one (`x / *p`, `x - -y`).
fn walk_binary(ast: &Ast, e: ExprId) -> (bool, bool, u8) {
    let ExprKind::Binary { op, x, y, .. } = ast.expr(e).kind else {
        return (false, false, 0);
    };
    let prec = op.precedence();
    let (mut has4, mut has5, mut max_problem) = (prec == 4, prec == 5, 0);
    let mut merge = |(h4, h5, problem): (bool, bool, u8)| {
        has4 |= h4;
        has5 |= h5;
        max_problem = max_problem.max(problem);
    };
    if let ExprKind::Binary { op: l, .. } = ast.expr(x).kind {
        if l.precedence() >= prec {
            merge(walk_binary(ast, x));
        }
    }
    match ast.expr(y).kind {
        ExprKind::Binary { op: r, .. } if r.precedence() > prec => merge(walk_binary(ast, y)),
        ExprKind::Star(_) if op == Op::Div => max_problem = 5,
        ExprKind::Unary { op: r, .. } => match (op, r) {
            (Op::Div, Op::Mul) | (Op::And, Op::And) | (Op::And, Op::Xor) => max_problem = 5,
            (Op::Add, Op::Add) | (Op::Sub, Op::Sub) => max_problem = max_problem.max(4),
            _ => {}
        },
        _ => {}
    }
    (has4, has5, max_problem)
}

#[cfg(test)]
mod tests {
    use super::super::super::parse_file;
    use super::super::{Ast, Decl, ExprId, Spec};

    /// The printed initializer of `var _ = <src>`, as gc shows it.
    fn printed(src: &str) -> String {
        printed_by(src, Ast::expr_string)
    }

    /// The same, as go/printer formats it.
    fn go_printed(src: &str) -> String {
        printed_by(src, Ast::expr_go_string)
    }

    fn printed_by(src: &str, print: fn(&Ast, ExprId) -> String) -> String {
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
        print(&ast, ast.list(values)[0])
    }

    /// Expected forms from gofmt (Go 1.19) of `var _ = <src>`.
    #[test]
    fn expressions_print_as_go_printer_formats_them() {
        for (src, want) in [
            ("a+b*c", "a + b*c"),
            ("n+1", "n + 1"),
            ("a*b+c*d", "a*b + c*d"),
            ("x>0&&y<1", "x > 0 && y < 1"),
            ("f(a+b)", "f(a + b)"),
            ("f(a+b, c)", "f(a+b, c)"),
            ("s[i+1:j]", "s[i+1 : j]"),
            ("s[i+1:]", "s[i+1:]"),
            ("s[a[i+1]]", "s[a[i+1]]"),
            ("(a+b)*c", "(a + b) * c"),
            ("x / *p", "x / *p"),
            ("T{1, \"a\"}", "T{1, \"a\"}"),
            ("map[string]int{\"a\": 1+2}", "map[string]int{\"a\": 1 + 2}"),
            ("[]pair{{1, 2}}", "[]pair{{1, 2}}"),
            ("&T{n: 1}", "&T{n: 1}"),
            ("T{1}.n > 0", "T{1}.n > 0"),
        ] {
            assert_eq!(go_printed(src), want, "{src}");
        }
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
