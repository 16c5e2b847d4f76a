//! Programs of tests: a `package main` file that declares tests (`func TestX(t *testing.T)`,
//! `TestMain(m *testing.M)`) or examples (`func ExampleX()`) and no `main` function runs as
//! the Go Playground runs it, as a test file (`prog_test.go`) built by `go test` and run with
//! `-test.v`. Its main function is the one `go test` generates, in a file of its own
//! (`_testmain.go`), which lists the tests, and the examples with an output comment, for
//! package testing to run.

use crate::syntax::ast::{Ast, Decl, ExprKind, FileId, FuncDecl, StmtKind};

/// The file Go's tool generates the main function of a test binary in.
pub const TESTMAIN_FILE: &str = "_testmain.go";

/// What a program of tests declares.
#[derive(Debug, PartialEq)]
pub struct Tests {
    /// The tests, in source order.
    pub tests: Vec<String>,
    /// It declares `TestMain(m *testing.M)`.
    pub test_main: bool,
    /// The examples that have an output comment, in source order (Go runs only those).
    pub examples: Vec<Example>,
}

/// An example function and the output its comment says it prints.
#[derive(Debug, PartialEq)]
pub struct Example {
    pub name: String,
    /// The text after `Output:` (or `Unordered output:`), as go/doc gives it.
    pub output: String,
    pub unordered: bool,
}

/// The tests of `file`, if it is a program of tests: package main, no function `main`, and
/// a test or a TestMain (by their names and their one parameter's type, `*pkg.T` or
/// `*pkg.M`, as the Playground tells them).
pub fn find(ast: &Ast, file: FileId) -> Option<Tests> {
    if ast.ident_str(ast.file(file).package) != "main" {
        return None;
    }
    let mut found = Tests {
        tests: Vec::new(),
        test_main: false,
        examples: Vec::new(),
    };
    let mut any_example = false;
    for &d in ast.list(ast.file(file).decls) {
        let Decl::Func(f) = ast.decl(d) else {
            continue;
        };
        if !ast.list(f.recv).is_empty() {
            continue;
        }
        let name = ast.ident_str(f.name);
        match name {
            "main" => return None,
            "TestMain" if takes_pointer_to(ast, f.ty, "M") => found.test_main = true,
            _ if is_test_name(name, "Test") && takes_pointer_to(ast, f.ty, "T") => {
                found.tests.push(name.to_string())
            }
            _ if is_test_name(name, "Example") && takes_nothing(ast, f.ty) => {
                any_example = true;
                if let Some((output, unordered)) = example_output(ast, f) {
                    found.examples.push(Example {
                        name: name.to_string(),
                        output,
                        unordered,
                    });
                }
            }
            _ => {}
        }
    }
    (found.test_main || !found.tests.is_empty() || any_example).then_some(found)
}

/// The function type `ty` has no parameters and no results.
fn takes_nothing(ast: &Ast, ty: crate::syntax::ast::ExprId) -> bool {
    matches!(ast.expr(ty).kind, ExprKind::FuncType { params, results }
        if ast.list(params).is_empty() && ast.list(results).is_empty())
}

/// The output an example's comment names: its body's last comment group, if its text begins
/// with `Output:` or `Unordered output:` (any case), and whether it is unordered.
fn example_output(ast: &Ast, f: &FuncDecl) -> Option<(String, bool)> {
    let body = f.body?;
    let StmtKind::Block { rbrace, .. } = ast.stmt(body).kind else {
        return None;
    };
    let start = ast.stmt(body).pos;
    let text = ast.text(start, rbrace);
    let group = comment_groups(text).pop()?;
    let text = group_text(&group);
    let trimmed = text.trim_start();
    let (rest, unordered) = strip_prefix_ignoring_case(trimmed, "unordered output:")
        .map(|r| (r, true))
        .or_else(|| strip_prefix_ignoring_case(trimmed, "output:").map(|r| (r, false)))?;
    let rest = rest.trim_start_matches(' ');
    Some((
        rest.strip_prefix('\n').unwrap_or(rest).to_string(),
        unordered,
    ))
}

fn strip_prefix_ignoring_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The comments of Go source `src`, grouped as go/parser groups them: comments with nothing
/// but white space and at most one line break between them. Each comment with its markers.
fn comment_groups(src: &str) -> Vec<Vec<&str>> {
    let bytes = src.as_bytes();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let (len, comment) = match bytes[i] {
            b'"' | b'\'' => (quoted_len(&bytes[i..]), false),
            b'`' => (
                bytes[i + 1..]
                    .iter()
                    .position(|&b| b == b'`')
                    .map_or(bytes.len() - i, |n| n + 2),
                false,
            ),
            b'/' if bytes.get(i + 1) == Some(&b'/') => (
                bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(bytes.len() - i),
                true,
            ),
            b'/' if bytes.get(i + 1) == Some(&b'*') => (
                src[i + 2..].find("*/").map_or(bytes.len() - i, |n| n + 4),
                true,
            ),
            _ => (1, false),
        };
        if comment {
            let joins = last_end.is_some_and(|end| {
                let between = &src[end..i];
                between.trim().is_empty() && between.matches('\n').count() <= 1
            });
            if !joins {
                groups.push(Vec::new());
            }
            groups.last_mut().expect("a group").push(&src[i..i + len]);
            last_end = Some(i + len);
        } else if !bytes[i].is_ascii_whitespace() {
            last_end = None;
        }
        i += len;
    }
    groups
}

/// The length of the string or rune literal at the start of `b` (to its closing quote, or
/// to the end of its line if it has none).
fn quoted_len(b: &[u8]) -> usize {
    let quote = b[0];
    let mut i = 1;
    while i < b.len() && b[i] != quote && b[i] != b'\n' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    (i + 1).min(b.len())
}

/// A comment group's text as go/ast's `CommentGroup.Text` gives it: markers removed (and the
/// first space of a line comment), trailing space removed, leading blank lines dropped and
/// runs of blank lines made one, ending in a newline.
fn group_text(group: &[&str]) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for c in group {
        let body = match c.strip_prefix("//") {
            Some(line) => line.strip_prefix(' ').unwrap_or(line),
            None => c
                .strip_prefix("/*")
                .and_then(|c| c.strip_suffix("*/"))
                .unwrap_or(c),
        };
        lines.extend(body.split('\n').map(str::trim_end));
    }
    let mut kept: Vec<&str> = Vec::new();
    for line in lines {
        if !line.is_empty() || kept.last().is_some_and(|l| !l.is_empty()) {
            kept.push(line);
        }
    }
    if kept.last().is_some_and(|l| !l.is_empty()) {
        kept.push("");
    }
    kept.join("\n")
}

/// `name` is `prefix` followed by nothing or by a character that is not a lower-case
/// letter (`TestX`, `Test_x`, `Test`; not `Testimony`).
pub fn is_test_name(name: &str, prefix: &str) -> bool {
    match name.strip_prefix(prefix) {
        Some(rest) => !rest.chars().next().is_some_and(char::is_lowercase),
        None => false,
    }
}

/// The function type `ty` has one parameter, of type `*pkg.<ty_name>`, and no results (the
/// shape of a test, a benchmark or TestMain, as the Playground and vet tell them).
pub fn takes_pointer_to(ast: &Ast, ty: crate::syntax::ast::ExprId, ty_name: &str) -> bool {
    let ExprKind::FuncType { params, results } = ast.expr(ty).kind else {
        return false;
    };
    let params = ast.list(params);
    if params.len() != 1 || ast.list(params[0].names).len() > 1 || !ast.list(results).is_empty() {
        return false;
    }
    let ExprKind::Star(t) = ast.expr(params[0].ty).kind else {
        return false;
    };
    matches!(ast.expr(t).kind, ExprKind::Selector { sel, .. } if ast.ident_str(sel) == ty_name)
}

/// The source of `_testmain.go` for `tests`: Go's generated main, which hands the tests to
/// package testing, calls TestMain if there is one, and exits with the tests' status.
pub fn source(tests: &Tests) -> String {
    let mut s = String::from("package main\n\nimport (\n\tos_ \"os\"\n");
    if tests.test_main {
        s.push_str("\treflect_ \"reflect\"\n");
    }
    s.push_str("\ttesting_ \"testing\"\n)\n\nfunc main() {\n\tm := testing_.MainStart(nil, []testing_.InternalTest{\n");
    for t in &tests.tests {
        s.push_str(&format!("\t\t{{\"{t}\", {t}}},\n"));
    }
    s.push_str("\t}, nil, nil, []testing_.InternalExample{\n");
    for e in &tests.examples {
        s.push_str(&format!(
            "\t\t{{\"{}\", {}, {}, {}}},\n",
            e.name,
            e.name,
            super::constant::quote(e.output.as_bytes()),
            e.unordered
        ));
    }
    s.push_str("\t})\n");
    if tests.test_main {
        s.push_str("\tTestMain(m)\n\tos_.Exit(int(reflect_.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n");
    } else {
        s.push_str("\tos_.Exit(m.Run())\n");
    }
    s.push_str("}\n");
    s
}

/// The name of a program's file when it runs as tests: `prog.go` becomes `prog_test.go`.
pub fn test_file_name(name: &str) -> String {
    if name.ends_with("_test.go") {
        return name.to_string();
    }
    format!("{}_test.go", name.strip_suffix(".go").unwrap_or(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tests_of(src: &str) -> Option<Tests> {
        let mut ast = Ast::default();
        let mut errors = Vec::new();
        let file = crate::syntax::parse_file(&mut ast, "prog.go", src.into(), &mut errors)
            .expect("parses");
        find(&ast, file)
    }

    #[test]
    fn a_program_of_tests_declares_tests_and_no_main() {
        let src = "package main\nimport \"testing\"\nfunc TestA(t *testing.T) {}\n\
                   func Testimony(t *testing.T) {}\nfunc Test_b(t *testing.T) {}\n\
                   func TestC(x int) {}\nfunc (r R) TestD(t *testing.T) {}\n";
        assert_eq!(
            tests_of(src),
            Some(Tests {
                tests: vec!["TestA".into(), "Test_b".into()],
                test_main: false,
                examples: vec![],
            })
        );
        assert_eq!(tests_of(&format!("{src}func main() {{}}\n")), None);
        assert_eq!(tests_of("package main\nfunc helper() {}\n"), None);
        let with_main = "package main\nimport \"testing\"\nfunc TestMain(m *testing.M) {}\n";
        assert_eq!(
            tests_of(with_main),
            Some(Tests {
                tests: vec![],
                test_main: true,
                examples: vec![],
            })
        );
    }

    #[test]
    fn an_example_runs_when_its_last_comment_group_names_its_output() {
        let src = "package main\nimport \"fmt\"\n\
                   func ExampleA() {\n\t// Not this.\n\n\tfmt.Println(\"// no\")\n\t// Output:\n\t// a  \n\t//\n\t// b\n}\n\
                   func ExampleB() {\n\t// unordered OUTPUT: x\n\t// y\n}\n\
                   func ExampleC() {\n\tfmt.Println(\"c\")\n}\n\
                   func ExampleD() {\n\t/* Output: */\n}\n\
                   func ExampleE(x int) {\n\t// Output: e\n}\n";
        let example = |name: &str, output: &str, unordered| Example {
            name: name.into(),
            output: output.into(),
            unordered,
        };
        let found = tests_of(src).expect("a program of examples");
        assert_eq!(
            found.examples,
            vec![
                example("ExampleA", "a\n\nb\n", false),
                example("ExampleB", "x\ny\n", true),
                example("ExampleD", "", false),
            ]
        );
        let main = source(&found);
        assert!(
            main.contains("{\"ExampleA\", ExampleA, \"a\\n\\nb\\n\", false},"),
            "{main}"
        );
    }

    #[test]
    fn the_file_is_renamed_as_a_test_file() {
        assert_eq!(test_file_name("prog.go"), "prog_test.go");
        assert_eq!(test_file_name("x_test.go"), "x_test.go");
    }
}
