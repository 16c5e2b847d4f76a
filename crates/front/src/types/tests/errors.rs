//! Programs with errors, and the messages gc prints for them, from `testdata/errors_*.txtar`.
//!
//! Every expected line was produced by compiling the program with Go 1.19's gc. Where gc's
//! messages have changed since 1.19 (gc has used go/types' wording through types2 since
//! Go 1.18 and that wording has evolved), the line holds today's wording:
//!
//! - `x declared but not used` → `declared and not used: x`;
//!   `imported and not used: "fmt"` → `"fmt" imported and not used`;
//! - `cannot use x (…) as type T in …` → `as T value in …`; the reason of an interface
//!   mismatch follows on the same line: `…: T does not implement I (missing method M)`,
//!   `(method M has pointer receiver)`, `(wrong type for method M)`;
//! - operands of named composite or basic types show their kind: `(variable of struct type
//!   T)`, `(variable of float64 type Celsius)`;
//! - syntax errors say `expected` (not `expecting`) and name tokens as `name x`,
//!   `keyword else`; `cannot use assignment x = 2 as value`; a misplaced import is
//!   `imports must appear before other declarations`; a method without name `expected name`;
//! - cycles: `invalid recursive type: T refers to itself`, `invalid recursive type T` with
//!   `T refers to U` lines, `initialization cycle for x` with `x refers to f` lines,
//!   `initialization cycle: c refers to itself`;
//! - `method T.M already declared at ./prog.go:L:C`; `cannot refer to unexported field f`;
//!   `cannot assign to x (neither addressable nor a map index expression)`;
//!   `invalid method expression T.M (needs pointer receiver (*T).M)`;
//!   `shifted operand 1 (type float64) must be integer`; `for built-in len`;
//!   `cannot convert "x" (untyped string constant) to type int`; `too few values in struct
//!   literal of type P`; `unknown field Z in struct literal of type P`; `but does have method
//!   Lock`; `invalid syntax tree: use of .(type) outside type switch`;
//! - positions: an invalid select case is reported at its expression's node (the operator of
//!   `1 + 2`); keyed elements at their `:`;
//! - generics: `T does not satisfy C (…)` (1.19: `does not implement`), `in call to F,
//!   cannot infer T (declared at ./prog.go:L:C)`, `in call to F, mismatched types untyped
//!   int and untyped string (cannot infer T)`, `too many type arguments for type Box: have 2,
//!   want 1`, `got 2 type arguments but Sum has 1 type parameters`, `(type parameter T
//!   cannot use operator <)` (1.19: `is not comparable with <`), `cannot range over a (…):
//!   no core type` (1.19: `(T has no core type)`);
//! - `for range 10` is valid (Go 1.22), so only extra iteration variables are errors; a
//!   variable whose assignment failed is still reported as unused; `go`/`defer` of a
//!   non-call reports only that; a composite literal's value is not checked after a bad key.
//!
//! Where chanlab deliberately differs from gc (unsupported imports, dot imports, complex
//! numbers, range over functions), the line is chanlab's message.

use super::super::check_program;

/// The `-- NAME --` sections of a txtar archive, in order (what precedes the first is a
/// comment).
pub(super) fn sections(archive: &str) -> Vec<(&str, String)> {
    let mut sections: Vec<(&str, String)> = Vec::new();
    for line in archive.split_inclusive('\n') {
        let l = line.trim_end_matches('\n');
        if let Some(name) = l.strip_prefix("-- ").and_then(|r| r.strip_suffix(" --")) {
            sections.push((name, String::new()));
        } else if let Some((_, body)) = sections.last_mut() {
            body.push_str(line);
        }
    }
    sections
}

/// The `-- NAME.go --` / `-- NAME.out --` sections of a txtar archive, in order: (name,
/// program, expected lines).
fn cases(archive: &str) -> Vec<(&str, String, Vec<String>)> {
    let mut out = Vec::new();
    let mut it = sections(archive).into_iter();
    while let Some((go, src)) = it.next() {
        let name = go.strip_suffix(".go").expect("a NAME.go section");
        let (outname, want) = it.next().expect("a NAME.out section after NAME.go");
        assert_eq!(outname, format!("{name}.out"));
        // A message's continuation lines (starting with a tab) belong to it.
        let mut lines: Vec<String> = Vec::new();
        for l in want.lines() {
            match lines.last_mut() {
                Some(last) if l.starts_with('\t') => {
                    last.push('\n');
                    last.push_str(l);
                }
                _ => lines.push(l.to_string()),
            }
        }
        out.push((name, src, lines));
    }
    out
}

fn run(archive: &str) {
    let cases = cases(archive);
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for (name, src, want) in &cases {
        let got = match check_program(src, "prog.go") {
            Ok(_) => Vec::new(),
            Err(d) => d.lines(),
        };
        if &got != want {
            failures.push(format!("{name}:\n  want {want:#?}\n  got  {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn syntax_errors() {
    run(include_str!("../testdata/errors_syntax.txtar"));
}

#[test]
fn declaration_errors() {
    run(include_str!("../testdata/errors_decls.txtar"));
}

#[test]
fn expression_errors() {
    run(include_str!("../testdata/errors_exprs.txtar"));
}

#[test]
fn statement_errors() {
    run(include_str!("../testdata/errors_stmts.txtar"));
}

#[test]
fn generic_code_errors() {
    run(include_str!("../testdata/errors_generics.txtar"));
}

#[test]
fn txtar_sections_pair_up() {
    let a = "# comment\n-- a.go --\npackage main\n-- a.out --\n./prog.go:1:1: x\n\tmore\n";
    let c = cases(a);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].0, "a");
    assert_eq!(c[0].1, "package main\n");
    assert_eq!(c[0].2, ["./prog.go:1:1: x\n\tmore"]);
}
