//! Parser tests: trees of the constructs, and gc's messages for broken programs (checked
//! against Go 1.19's gc, with today's "expected" for 1.19's "expecting").

use super::super::ast::{Ast, Decl, ExprKind, Spec, StmtKind};
use super::*;
use crate::syntax::LineTable;

fn parse(src: &str) -> (Ast, Vec<String>) {
    let mut ast = Ast::default();
    let mut errors = Vec::new();
    parse_file(&mut ast, "prog.go", src.into(), &mut errors);
    let lines = LineTable::new(src);
    let mut errors: Vec<_> = errors
        .iter()
        .map(|e| {
            let (l, c) = lines.line_col(e.pos);
            (l, c, e.msg.clone())
        })
        .collect();
    errors.sort_by_key(|e| (e.0, e.1));
    let errors = errors
        .into_iter()
        .map(|(l, c, m)| format!("{l}:{c}: {m}"))
        .collect();
    (ast, errors)
}

fn errors(src: &str) -> Vec<String> {
    parse(src).1
}

fn main_body(body: &str) -> String {
    format!("package main\n\nfunc main() {{\n{body}}}\n")
}

#[test]
fn a_program_with_every_statement_parses_cleanly() {
    let src = r#"//go:build go1.21

package main

import (
	"fmt"
	str "strings"
	_ "sync"
)

const (
	A = iota
	B
	C, D = "c", 'd'
)

type (
	Point struct {
		X, Y int `json:"x"`
		*Inner
		fmt.Stringer
	}
	Alias = map[string][]*Point
	Num interface{ ~int | ~float64 }
	Pair[K comparable, V any] struct{ k K; v V }
	Fn func(int, ...string) (bool, error)
	Ch <-chan chan<- int
	Arr [...]int
)

var x, y = 1, 2.5

func (p *Point) Move(dx int) { p.X += dx }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	var i interface{} = 3
	switch v := i.(type) {
	case int, string:
		fmt.Println(v)
	default:
	}
	switch {
	case x > 1:
		fallthrough
	default:
	}
	ch := make(chan int, 1)
	select {
	case ch <- 1:
	case v, ok := <-ch:
		_, _ = v, ok
	case <-ch:
	default:
	}
L:
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue L
		} else if i > 5 {
			break L
		} else {
			goto M
		}
	}
M:
	for range 3 {
	}
	for {
		break
	}
	s := []int{1, 2, 3}[1:2:3]
	m := map[string]Point{"a": {X: 1}, "b": {2, 3}}
	p := &Point{}
	defer func() { recover() }()
	go p.Move(1)
	x, y = y, x
	x <<= 2
	x--
	_ = s[:]
	_ = m["a"].X
	_ = str.ToUpper("a")
	_ = Map[int, string](s, func(i int) string { return fmt.Sprint(i) })
	_ = -x + ^x*(x&^1) | 1<<3
	_ = !true && false || <-ch > 0
	var f func() = nil
	_ = f
	{
	}
	;
	return
}
"#;
    let (ast, errs) = parse(src);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(ast.files[0].go_version, Some((1, 21)));
    let decls = ast.list(ast.files[0].decls);
    assert_eq!(decls.len(), 7);
    // The const group's third line has iota 2.
    if let Decl::Gen { specs, .. } = ast.decl(decls[1]) {
        match &ast.list(*specs)[2] {
            Spec::Value { iota, names, .. } => {
                assert_eq!(*iota, 2);
                assert_eq!(names.len(), 2);
            }
            _ => panic!("const spec"),
        }
    }
    // Pair has two type parameters.
    if let Decl::Gen { specs, .. } = ast.decl(decls[2]) {
        match &ast.list(*specs)[3] {
            Spec::Type { tparams, .. } => assert_eq!(ast.list(*tparams).len(), 2),
            _ => panic!("type spec"),
        }
    }
}

#[test]
fn type_switches_ranges_and_comm_clauses_get_their_own_nodes() {
    let src = main_body(
        "\tswitch v := x.(type) {\n\t}\n\tfor k, v := range m {\n\t}\n\tfor range ch {\n\t}\n",
    );
    let (ast, errs) = parse(&src);
    assert!(errs.is_empty(), "{errs:?}");
    let kinds: Vec<_> = ast.stmts.iter().map(|s| &s.kind).collect();
    assert!(kinds
        .iter()
        .any(|k| matches!(k, StmtKind::TypeSwitch { bind: Some(_), .. })));
    assert!(kinds.iter().any(|k| matches!(
        k,
        StmtKind::Range {
            key: Some(_),
            value: Some(_),
            define: true,
            ..
        }
    )));
    assert!(kinds.iter().any(|k| matches!(
        k,
        StmtKind::Range {
            key: None,
            value: None,
            ..
        }
    )));
}

#[test]
fn receive_channel_types_reassociate() {
    let (ast, errs) = parse("package main\n\nvar c = make(<-chan int)\nvar d <-chan <-chan int\n");
    assert!(errs.is_empty(), "{errs:?}");
    let dirs: Vec<_> = ast
        .exprs
        .iter()
        .filter_map(|e| match e.kind {
            ExprKind::ChanType { dir, .. } => Some(dir),
            _ => None,
        })
        .collect();
    assert!(
        dirs.iter().all(|d| *d == super::super::ast::ChanDir::Recv),
        "{dirs:?}"
    );
}

#[test]
fn expressions_print_as_gc_prints_them() {
    let (ast, _) = parse(
        "package main\n\nvar _ = f(a+b, x.y[1:2], T{1}, func() { g() }, *p, <-c, m[k].(int))\n",
    );
    let call = ast
        .exprs
        .iter()
        .rposition(|e| matches!(e.kind, ExprKind::Call { .. }))
        .unwrap();
    // The outermost call is the last call node built.
    assert_eq!(
        ast.expr_string(super::super::ast::ExprId(call as u32)),
        "f(a + b, x.y[1:2], T{…}, func() {…}, *p, <-c, m[k].(int))"
    );
}

#[test]
fn syntax_errors_read_as_gcs() {
    let cases: &[(&str, &[&str])] = &[
        (
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\"\n}\n",
            &["6:17: syntax error: unexpected newline in argument list; possibly missing comma or )"],
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1\n\tif x == 1\n\t{\n\t}\n}\n",
            &["5:11: syntax error: unexpected newline, expected { after if clause"],
        ),
        (
            "package main\n\nx := 1\n\nfunc main() {}\n",
            &["3:1: syntax error: non-declaration statement outside function body"],
        ),
        (
            "package main\n\nfunc main() {\n\tif true {\n\t}\n\telse {\n\t}\n}\n",
            &["6:2: syntax error: unexpected keyword else, expected }"],
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1\n\tif x = 2 {\n\t}\n}\n",
            &["5:7: syntax error: cannot use assignment x = 2 as value"],
        ),
        (
            "package main\n\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n",
            &["4:23: syntax error: cannot declare in post statement of for loop"],
        ),
        (
            "package main\n\nfunc main() {\n\tif var x = 1; x > 0 {\n\t}\n}\n",
            &["4:9: syntax error: var declaration not allowed in if initializer"],
        ),
        (
            "package main\n\nfunc main() {\n\t_ = []int{\n\t\t1,\n\t\t2\n\t}\n}\n",
            &["6:4: syntax error: unexpected newline in composite literal; possibly missing comma or }"],
        ),
        (
            "package main\n\nfunc main()\n{\n}\n",
            &["4:1: syntax error: unexpected semicolon or newline before {"],
        ),
        (
            "package main\n\nfunc main() {\n\tx := (1 + 2\n\t_ = x\n}\n",
            &[
                "4:13: syntax error: unexpected newline, expected )",
                "5:2: syntax error: unexpected name _ at end of statement",
            ],
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1 2\n}\n",
            &["4:9: syntax error: unexpected literal 2 at end of statement"],
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1\n",
            &["5:1: syntax error: unexpected EOF, expected }"],
        ),
        (
            "package main\n\nfunc f(a int, string) {}\n\nfunc main() {}\n",
            &["3:15: syntax error: mixed named and unnamed parameters"],
        ),
        (
            "package main\n\nfunc main() {\n\tif {\n\t}\n}\n",
            &["4:5: syntax error: missing condition in if statement"],
        ),
        (
            "package main\n\nfunc main() {\n\tif x := 1; {\n\t}\n}\n",
            &["4:11: syntax error: missing condition in if statement"],
        ),
        (
            "package main\n\nfunc main() {\n\tvar c chan\n}\n",
            &["5:1: syntax error: missing channel element type"],
        ),
        (
            "package main\n\nfunc main() {\n\ts := []int{}\n\t_ = s[1::3]\n\t_ = s[1:2:]\n}\n",
            &[
                "5:10: middle index required in 3-index slice",
                "6:12: final index required in 3-index slice",
            ],
        ),
        (
            "package main\n\nfunc main() {\n\tdefer (recover())\n}\n",
            &["4:8: expression in defer must not be parenthesized"],
        ),
        (
            "package main\n\nfunc main() {\n\tswitch {\n\tfoo()\n\t}\n}\n",
            &[
                "5:2: syntax error: unexpected name foo, expected case or default or }",
                "6:2: syntax error: unexpected }, expected :",
            ],
        ),
        ("package main\n\nfunc () f() {}\n\nfunc main() {}\n", &["3:9: method has no receiver"]),
        (
            "package main\n\nfunc main() {}\n\nimport \"fmt\"\n",
            &["5:1: syntax error: imports must appear before other declarations"],
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1\n\t_ = x.\n}\n",
            &["6:1: syntax error: unexpected }, expected name or ("],
        ),
        (
            "package main\n\nfunc main() {\n\tx := )\n}\n",
            &["4:7: syntax error: unexpected ), expected expression"],
        ),
        (
            "package main\n\nfunc main() {\n\ta, b\n}\n",
            &["4:6: syntax error: unexpected newline, expected := or = or comma"],
        ),
        (
            "package main\n\ntype T\n\nfunc main() {}\n",
            &["3:7: syntax error: unexpected newline in type declaration"],
        ),
        (
            "package main\n\nfunc main() {\n\tswitch x := 1; x\n\t{\n\t}\n}\n",
            &["4:18: syntax error: missing { after switch clause"],
        ),
        (
            "package main\n\ntype T struct{}\n\nfunc main() {\n\t_ = (T){}\n}\n",
            &["6:9: syntax error: cannot parenthesize type in composite literal"],
        ),
        (
            "package main\n\nfunc main() {\n\tx := 1 # 2\n}\n",
            &[
                "4:9: invalid character U+0023 '#'",
                "4:11: syntax error: unexpected literal 2 at end of statement",
            ],
        ),
        ("import \"fmt\"\n", &["1:1: expected 'package', found 'import'"]),
    ];
    for (src, want) in cases {
        assert_eq!(&errors(src), want, "{src}");
    }
}

#[test]
fn one_syntax_error_per_line() {
    let errs = errors("package main\n\nfunc main() {\n\tx := ) ) )\n}\n");
    assert_eq!(errs.len(), 1, "{errs:?}");
}

/// Every expression and statement of `ast`: its position and its node, printed (statements
/// by their kind, whose ids differ between two parses).
fn nodes(ast: &Ast) -> Vec<(u32, String)> {
    let mut nodes: Vec<_> = (0..ast.exprs.len() as u32)
        .map(|e| (ast.exprs[e as usize].pos, ast.expr_string(ExprId(e))))
        .chain(ast.stmts.iter().map(|s| {
            let kind = format!("{:?}", s.kind);
            (
                s.pos,
                kind[..kind.find([' ', '{', '(']).unwrap_or(kind.len())].to_string(),
            )
        }))
        .collect();
    nodes.sort();
    nodes
}

#[test]
fn a_library_file_with_its_bodies_parsed_later_is_the_file_parsed_at_once() {
    for p in crate::library::PACKAGES {
        let (mut eager, mut lazy) = (Ast::default(), Ast::default());
        let mut errors = Vec::new();
        parse_file(&mut eager, p.file, p.source.into(), &mut errors);
        parse_library_file(&mut lazy, p.file, p.source.into(), &mut errors);
        let skipped: Vec<DeclId> = (0..lazy.decls.len() as u32)
            .map(DeclId)
            .filter(|&d| matches!(lazy.decl(d), Decl::Func(f) if f.unparsed_body.is_some()))
            .collect();
        let with_bodies = eager
            .decls
            .iter()
            .filter(|d| matches!(d, Decl::Func(f) if f.body.is_some()))
            .count();
        assert_eq!(skipped.len(), with_bodies, "{}", p.file);
        for d in skipped {
            parse_body(&mut lazy, d, &mut errors);
        }
        assert!(errors.is_empty(), "{}: {errors:?}", p.file);
        assert_eq!(nodes(&lazy), nodes(&eager), "{}", p.file);
    }
}

#[test]
fn a_skipped_body_ends_at_its_own_brace() {
    // Braces in strings, runes, raw strings and comments do not count.
    let src = "package p\n\nfunc f() string {\n\tx := '{'\n\t_ = x // }\n\t/* } */\n\treturn \"}\\\"{\" + `}`\n}\n\nfunc g() {}\n";
    let mut ast = Ast::default();
    let mut errors = Vec::new();
    let file = parse_library_file(&mut ast, "p.go", src.into(), &mut errors).unwrap();
    let decls: Vec<DeclId> = ast.list(ast.file(file).decls).to_vec();
    assert_eq!(decls.len(), 2);
    for d in decls {
        parse_body(&mut ast, d, &mut errors);
    }
    assert!(errors.is_empty(), "{errors:?}");
    let printed: Vec<_> = (0..ast.exprs.len() as u32)
        .map(|e| ast.expr_string(ExprId(e)))
        .collect();
    assert!(
        printed.contains(&"\"}\\\"{\" + `}`".to_string()),
        "{printed:?}"
    );
    assert!(printed.contains(&"g".to_string()), "{printed:?}");
}
