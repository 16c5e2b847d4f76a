//! Go's own test programs, read at test time from an installed Go 1.19 tree
//! (`/usr/share/go-1.19/test`, or `$GO_TEST_DIR`): the `// run` programs (those that must
//! compile and run) must parse, and those importing only packages chanlab supports must
//! check cleanly, apart from what chanlab leaves out (complex numbers, runtime internals such
//! as `runtime.SetFinalizer`, float constants beyond float64's range, generics until they
//! are supported). Nothing is copied into the project; without the tree the tests say so and
//! pass.

use super::errors;
use crate::syntax::{ast::Ast, parse_file};
use std::path::PathBuf;

fn test_dir() -> Option<PathBuf> {
    let dir = std::env::var("GO_TEST_DIR").unwrap_or_else(|_| "/usr/share/go-1.19/test".into());
    let dir = PathBuf::from(dir);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: no Go test tree at {}", dir.display());
        None
    }
}

/// Programs beyond chanlab's limits: types nested 253 levels deep.
const BEYOND_LIMITS: &[&str] = &["issue29312.go"];

/// The programs of `dir` that must compile and run (`// run`, possibly with flags; with
/// `all`, also the `// runoutput` generators of programs), sorted by name.
fn run_programs(dir: &std::path::Path, all: bool) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .filter_map(|p| {
            let src = std::fs::read_to_string(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            if BEYOND_LIMITS.contains(&name.as_str()) {
                return None;
            }
            let first = src.lines().next()?;
            let run = first == "// run" || first.starts_with("// run ");
            (run || all && first.starts_with("// run")).then_some((name, src))
        })
        .collect();
    out.sort();
    out
}

fn parse_errors(src: &str) -> Vec<String> {
    let mut ast = Ast::default();
    let mut errs = Vec::new();
    parse_file(&mut ast, "prog.go", src.into(), &mut errs);
    errs.into_iter().map(|e| e.msg).collect()
}

/// Whether every import of `src` is a package chanlab supports.
fn supported_imports(src: &str) -> bool {
    let mut ast = Ast::default();
    let mut errs = Vec::new();
    let Some(f) = parse_file(&mut ast, "prog.go", src.into(), &mut errs) else {
        return false;
    };
    super::super::imports(&ast, f)
        .iter()
        .all(|(path, _)| crate::library::find(path).is_some())
}

#[test]
fn go_run_programs_parse() {
    let Some(root) = test_dir() else { return };
    let mut failures = Vec::new();
    let mut n = 0;
    for sub in ["", "chan", "ken", "fixedbugs", "typeparam"] {
        for (name, src) in run_programs(&root.join(sub), true) {
            n += 1;
            let errs = parse_errors(&src);
            if !errs.is_empty() {
                failures.push(format!("{sub}/{name}: {errs:?}"));
            }
        }
    }
    assert!(n > 900, "only {n} programs found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Checks the supported `// run` programs of `sub`, printing the failures and the tally;
/// returns (clean, total).
fn check_dir(root: &std::path::Path, sub: &str) -> (usize, usize) {
    let progs: Vec<_> = run_programs(&root.join(sub), false)
        .into_iter()
        .filter(|(_, src)| supported_imports(src))
        .collect();
    let mut clean = 0;
    for (name, src) in &progs {
        let errs = errors(src);
        if errs.is_empty() {
            clean += 1;
        } else {
            println!("test/{sub}/{name}: {:?}", &errs[..errs.len().min(2)]);
        }
    }
    println!("test/{sub}: {clean} of {} check cleanly", progs.len());
    (clean, progs.len())
}

#[test]
fn go_run_programs_check() {
    let Some(root) = test_dir() else { return };
    // The floors are today's figures; the rest need complex numbers, runtime internals or
    // float constants beyond float64.
    for (sub, floor) in [
        ("", 77),
        ("chan", 14),
        ("ken", 34),
        ("fixedbugs", 406),
        ("typeparam", 0),
    ] {
        let (clean, total) = check_dir(&root, sub);
        assert!(clean >= floor, "{sub}: {clean} of {total} check cleanly");
    }
}

/// Every Go test file, including those made to fail: the checker reports errors, never
/// panics.
#[test]
fn no_test_file_makes_the_checker_panic() {
    let Some(root) = test_dir() else { return };
    let mut panics = Vec::new();
    let mut n = 0;
    for sub in [
        "",
        "chan",
        "ken",
        "fixedbugs",
        "typeparam",
        "syntax",
        "interface",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(sub)) else {
            continue;
        };
        for p in entries.flatten().map(|e| e.path()) {
            if p.extension().is_none_or(|x| x != "go") {
                continue;
            }
            let Ok(src) = std::fs::read_to_string(&p) else {
                continue;
            };
            n += 1;
            let run = std::panic::catch_unwind(|| {
                let _ = super::super::check_program(&src, "prog.go");
            });
            if run.is_err() {
                panics.push(p.display().to_string());
            }
        }
    }
    assert!(n > 2000, "only {n} files");
    assert!(panics.is_empty(), "{panics:?}");
}
