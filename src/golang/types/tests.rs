//! Whole-program tests of the checker.

use super::*;

pub(crate) fn errors(src: &str) -> Vec<String> {
    match check_program(src, "prog.go") {
        Ok(_) => Vec::new(),
        Err(d) => d.lines().into_iter().map(|l| l.trim_start_matches("./prog.go:").to_string()).collect(),
    }
}

#[test]
fn hello_world_checks() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n";
    assert_eq!(errors(src), Vec::<String>::new());
}
