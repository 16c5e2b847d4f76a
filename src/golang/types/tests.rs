//! Whole-program tests of the checker.

use super::*;

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
#[ignore]
fn tmp_dump() {
    let dir = std::env::var("DUMP_DIR").unwrap_or("/tmp/te".into());
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    for d in names {
        let src = std::fs::read_to_string(d.join("prog.go")).unwrap_or_default();
        println!("== {}", d.file_name().unwrap().to_string_lossy());
        for l in errors(&src) {
            println!("{l}");
        }
    }
}

#[test]
#[ignore]
fn tmp_one() {
    let p = std::env::var("ONE").unwrap_or("/tmp/ok1/prog.go".into());
    let src = std::fs::read_to_string(p).unwrap();
    for l in errors(&src) {
        println!("{l}");
    }
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
