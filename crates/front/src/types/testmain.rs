//! Programs of tests: a `package main` file that declares tests (`func TestX(t *testing.T)`,
//! or `TestMain(m *testing.M)`) and no `main` function runs as the Go Playground runs it,
//! as a test file (`prog_test.go`) built by `go test` and run with `-test.v`. Its main
//! function is the one `go test` generates, in a file of its own (`_testmain.go`), which
//! lists the tests for package testing to run.

use crate::syntax::ast::{Ast, Decl, ExprKind, FileId};

/// The file Go's tool generates the main function of a test binary in.
pub const TESTMAIN_FILE: &str = "_testmain.go";

/// What a program of tests declares.
#[derive(Debug, PartialEq)]
pub struct Tests {
    /// The tests, in source order.
    pub tests: Vec<String>,
    /// It declares `TestMain(m *testing.M)`.
    pub test_main: bool,
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
    };
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
            _ => {}
        }
    }
    (found.test_main || !found.tests.is_empty()).then_some(found)
}

/// `name` is `prefix` followed by nothing or by a character that is not a lower-case
/// letter (`TestX`, `Test_x`, `Test`; not `Testimony`).
fn is_test_name(name: &str, prefix: &str) -> bool {
    match name.strip_prefix(prefix) {
        Some(rest) => !rest.chars().next().is_some_and(char::is_lowercase),
        None => false,
    }
}

/// The function type `ty` has one parameter, of type `*pkg.<ty_name>`.
fn takes_pointer_to(ast: &Ast, ty: crate::syntax::ast::ExprId, ty_name: &str) -> bool {
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
    s.push_str("\t}, nil, nil, nil)\n");
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
                test_main: false
            })
        );
        assert_eq!(tests_of(&format!("{src}func main() {{}}\n")), None);
        assert_eq!(tests_of("package main\nfunc helper() {}\n"), None);
        let with_main = "package main\nimport \"testing\"\nfunc TestMain(m *testing.M) {}\n";
        assert_eq!(
            tests_of(with_main),
            Some(Tests {
                tests: vec![],
                test_main: true
            })
        );
    }

    #[test]
    fn the_file_is_renamed_as_a_test_file() {
        assert_eq!(test_file_name("prog.go"), "prog_test.go");
        assert_eq!(test_file_name("x_test.go"), "x_test.go");
    }
}
