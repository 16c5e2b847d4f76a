//! Whole-program tests of the checker.

use super::*;

mod corpus;
mod errors;
mod info;

pub(crate) fn errors(src: &str) -> Vec<String> {
    match check_program(src, "prog.go") {
        Ok(_) => Vec::new(),
        Err(d) => d
            .lines()
            .into_iter()
            .map(|l| l.trim_start_matches("./prog.go:").to_string())
            .collect(),
    }
}

#[test]
fn hello_world_checks() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n";
    assert_eq!(errors(src), Vec::<String>::new());
}

#[test]
fn valid_programs_check_cleanly() {
    let archive = include_str!("../testdata/ok.txtar");
    let programs = errors::sections(archive);
    assert!(programs.len() >= 9);
    for (name, src) in programs {
        assert_eq!(errors(&src), Vec::<String>::new(), "{name}");
    }
}

/// The errors of `src`, checked on a stack of 1 MiB (WebAssembly's).
fn errors_on_small_stack(src: String) -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || errors(&src))
        .expect("a thread")
        .join()
        .expect("no stack overflow")
}

/// Nesting beyond the parser's limit is an error, not a stack overflow, even on a small
/// stack (WebAssembly's is 1 MiB).
#[test]
fn deep_nesting_is_refused_within_a_small_stack() {
    let n = 1000;
    let programs = [
        format!(
            "package main\n\nfunc main() {{\n\tx := {}\n\t_ = x\n}}\n",
            vec!["1"; n].join("+")
        ),
        format!(
            "package main\n\nfunc main() {{\n\tx := {}1{}\n\t_ = x\n}}\n",
            "(".repeat(n),
            ")".repeat(n)
        ),
        format!(
            "package main\n\nfunc main() {{\n{}{}}}\n",
            "if true {\n".repeat(n),
            "}\n".repeat(n)
        ),
        format!(
            "package main\n\nfunc main() {{\n\t_ = {}int{}\n}}\n",
            "[]".repeat(n),
            "{".repeat(n) + &"}".repeat(n)
        ),
        format!(
            "package main\n\nvar x {}int\n\nfunc main() {{}}\n",
            "*".repeat(n)
        ),
        // A chain of selectors and calls.
        format!(
            "package main\n\ntype N struct{{ a *N }}\n\nfunc (n *N) f() *N {{ return n }}\n\nfunc main() {{\n\tx := &N{{}}\n\t_ = x{}\n}}\n",
            ".a.f()".repeat(n)
        ),
    ];
    for src in programs {
        let errs = errors_on_small_stack(src);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].contains("nested more than 200 levels"), "{errs:?}");
    }
    let ok = format!(
        "package main\n\nfunc main() {{\n\tx := {}\n\t_ = x\n}}\n",
        vec!["1"; 150].join("+")
    );
    assert_eq!(errors(&ok), Vec::<String>::new());
    // A chain of `else if`s has a longer limit of its own: 500 pass, 1,000 do not.
    let chain = |n: usize| {
        format!(
            "package main\n\nfunc main() {{\n\tx := 0\n\t{}{{}}\n\t_ = x\n}}\n",
            "if x == 0 {} else ".repeat(n)
        )
    };
    assert_eq!(errors_on_small_stack(chain(500)), Vec::<String>::new());
    let errs = errors_on_small_stack(chain(1000));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("in more than 500 else-ifs"), "{errs:?}");
}
