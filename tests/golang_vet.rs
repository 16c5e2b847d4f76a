//! chanlab's `go vet` (`chanlab::golang::vet`) against Go 1.19's: every program of
//! `tests/golang/vet/` must get exactly the findings `go vet prog.go` printed for it
//! (`<name>.vet`, recorded by `tests/golang/record.sh --vet`), and the catalog's programs only
//! the finding their lesson is about.

mod catalog_support;

use chanlab::golang::{self, vet};
use chanlab::patterns;

/// What chanlab's vet prints for `source` as `prog.go`, in the recorded form: `exit N`, then
/// the lines.
fn vetted(source: &str) -> Vec<String> {
    let lines = match golang::compile_vetted(source, "prog.go", None) {
        Ok(v) => vet::output_lines(&v.findings, &v.file_name),
        Err(diags) => diags.go_run_lines(),
    };
    std::iter::once(format!("exit {}", u8::from(!lines.is_empty())))
        .chain(lines)
        .collect()
}

#[test]
fn vet_finds_what_go_vet_finds() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golang/vet");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("the vet corpus") {
        let path = entry.expect("an entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("go") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a program");
        let recorded = std::fs::read_to_string(path.with_extension("vet"))
            .unwrap_or_else(|_| panic!("{} has no .vet file", path.display()));
        let want: Vec<&str> = recorded.lines().collect();
        assert_eq!(vetted(&source), want, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} programs");
}

#[test]
fn the_catalog_gets_only_the_finding_of_its_lesson() {
    for case in catalog_support::cases() {
        let p = patterns::find(&case.id).expect("a pattern");
        let got = vetted(&case.source(p));
        // The loop-capture mistake, as Go before 1.22 had it: vet's loopclosure says so.
        let shared_loop_variable =
            case.id == "loop-capture" && case.source(p).contains("// go 1.21");
        if shared_loop_variable {
            assert_eq!(got.len(), 3, "{}: {got:?}", case.id);
            assert!(
                got[2].ends_with(": loop variable i captured by func literal"),
                "{got:?}"
            );
        } else {
            assert_eq!(
                got,
                ["exit 0"],
                "{} (cases.txt line {})",
                case.id,
                case.line
            );
        }
    }
}
