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
    ];
    for src in programs {
        let errs = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || errors(&src))
            .expect("a thread")
            .join()
            .expect("no stack overflow");
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].contains("nested more than 200 levels"), "{errs:?}");
    }
    let ok = format!(
        "package main\n\nfunc main() {{\n\tx := {}\n\t_ = x\n}}\n",
        vec!["1"; 150].join("+")
    );
    assert_eq!(errors(&ok), Vec::<String>::new());
}

#[test]
fn every_catalog_program_checks() {
    for p in crate::patterns::catalog() {
        let params = crate::patterns::Params::defaults(p.params);
        let src = p.go_source(&params, 1);
        let errs = errors(&src);
        assert!(errs.is_empty(), "{}: {errs:?}\n{src}", p.id);
    }
}

/// The front end's speed: parsing and checking the largest catalog program must take well
/// under a millisecond (parse, check and compile share 2 ms). Run it optimized:
/// `cargo test --release --lib check_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn check_speed() {
    let largest = crate::patterns::catalog()
        .iter()
        .map(|p| p.go_source(&crate::patterns::Params::defaults(p.params), 1))
        .max_by_key(|s| s.len())
        .expect("a catalog");
    // The best of several batches: the machine may be busy with other work.
    let per_check = (0..20)
        .map(|_| {
            let t = std::time::Instant::now();
            for _ in 0..50 {
                std::hint::black_box(check_program(&largest, "prog.go").is_ok());
            }
            t.elapsed() / 50
        })
        .min()
        .expect("batches");
    println!("{} bytes: {per_check:?} per parse and check", largest.len());
    if !cfg!(debug_assertions) {
        assert!(
            per_check < std::time::Duration::from_micros(700),
            "{per_check:?}"
        );
    }
}
