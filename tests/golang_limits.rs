//! Programs that ask for more memory than a run has end with a clear message, before the
//! host allocates it: an array type too large to hold is refused when the program is checked,
//! and slices and copies of large arrays count every value they hold against the run's memory
//! limit (an array's elements are values of the interpreter's, each allocated).

use chanlab::golang::{run, RunOptions, RunResult};
use chanlab::rt::Stream;

fn run_default(source: &str) -> RunResult {
    run(source, &RunOptions::default())
}

#[test]
fn an_array_type_past_the_limit_is_refused_with_its_size() {
    let r = run_default(
        "package main\n\nvar test = [100 * 1024 * 1024]byte{42}\n\nfunc main() {\n\t_ = test[0]\n}\n",
    );
    assert_eq!(r.exit_code, 1);
    assert_eq!(
        r.text(Stream::Stderr).lines().nth(1),
        Some(
            "./prog.go:3:12: chanlab does not support arrays of more than 4194304 elements ([104857600]uint8 has 104857600)"
        )
    );
}

#[test]
fn a_slice_of_large_arrays_counts_their_elements_against_the_memory_limit() {
    // 16 arrays of 4 Mi bytes: 64 Mi values, more than the run's 512 MB, asked for at once.
    let r = run_default(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n\tall := make([][1 << 22]byte, 16)\n\tfmt.Println(len(all))\n}\n",
    );
    assert_eq!(r.text(Stream::Stdout), "before\n");
    let stderr = r.text(Stream::Stderr);
    assert!(
        stderr.starts_with("the program ran out of memory"),
        "{stderr}"
    );
    assert_ne!(r.exit_code, 0);
}

#[test]
fn a_slice_of_empty_structs_counts_a_slot_for_each() {
    // Go gives struct{} no size; each element still takes a value's slot here (100 M of them:
    // 3.2 GB), which the limit must count rather than the allocator fail.
    let r = run_default(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := make([]struct{}, 100000000)\n\tfmt.Println(len(s))\n}\n",
    );
    let stderr = r.text(Stream::Stderr);
    assert!(
        stderr.starts_with("the program ran out of memory"),
        "{stderr}"
    );
    assert_eq!(r.exit_code, 1);
}

#[test]
fn appending_large_arrays_stops_at_the_memory_limit() {
    // Each append copies a 4 Mi-element array; the growth asks for the new capacity's copies.
    let r = run_default(
        "package main\n\nfunc main() {\n\tvar keep [][1 << 22]byte\n\tfor i := 0; i < 100; i++ {\n\t\tvar a [1 << 22]byte\n\t\tkeep = append(keep, a)\n\t}\n}\n",
    );
    let stderr = r.text(Stream::Stderr);
    assert!(
        stderr.starts_with("the program ran out of memory"),
        "{stderr}"
    );
}

#[test]
fn reflect_make_slice_keeps_makes_bounds() {
    // reflect.MakeSlice allocates as make does: past chanlab's slice length limit it panics
    // with make's error (the host never allocates 2^50 values), and within the limit a slice
    // larger than memory ends the run with the memory limit's message.
    let r = run_default(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"reflect\"\n)\n\nfunc main() {\n\tdefer func() { fmt.Println(recover()) }()\n\treflect.MakeSlice(reflect.TypeOf([]struct{}{}), 1<<50, 1<<50)\n}\n",
    );
    assert_eq!(
        r.text(Stream::Stdout),
        "runtime error: makeslice: len out of range\n"
    );
    assert_eq!(r.exit_code, 0);
    let r = run_default(
        "package main\n\nimport \"reflect\"\n\nfunc main() {\n\treflect.MakeSlice(reflect.TypeOf([][1 << 22]byte{}), 16, 16)\n}\n",
    );
    let stderr = r.text(Stream::Stderr);
    assert!(
        stderr.starts_with("the program ran out of memory"),
        "{stderr}"
    );
    assert_ne!(r.exit_code, 0);
}

/// Data nested through interfaces, pointers, maps and closures far deeper than any stack is
/// compared, hashed, copied and freed without recursing once per level: the corpus programs
/// that build it (300,000 levels) run on a thread whose stack is smaller than a frame a level
/// would take (16 bytes a level is 4.8 MB; a worker's stack in the browser is 1 MB), and
/// print what Go printed.
#[test]
fn data_nested_past_any_stack_runs_on_a_small_stack() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golang/corpus");
    for name in ["lang_deep_data", "lang_deep_maps"] {
        let source = std::fs::read_to_string(dir.join(format!("{name}.go"))).unwrap();
        let expected = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
        let r = std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(move || run_default(&source))
            .unwrap()
            .join()
            .unwrap();
        let got = format!("exit {}\n{}", r.exit_code, r.text(Stream::Stdout));
        assert_eq!(got, expected, "{name}");
    }
}

/// Declarations that need each other, each checked inside the one that needs it, are checked
/// on the host's stack: chains of them as deep as the checker allows compile and run on a
/// stack of a megabyte (a browser worker's), and deeper ones are refused with a message, not
/// a stack overflow (`types::check::MAX_CHECK_NESTING`, the chain of declarations' limit).
#[test]
fn declarations_chained_past_the_limits_are_refused_on_a_small_stack() {
    fn chain(n: usize, decl: impl Fn(usize) -> String, last: &str, main: &str) -> String {
        let decls: String = (0..n).map(|i| decl(i) + "\n").collect();
        format!("package main\n\n{decls}{last}\n\nfunc main() {{\n\t{main}\n}}\n")
    }
    let consts = |n, parens| {
        chain(
            n,
            |i| {
                format!(
                    "const c{i} = {}c{}{} + 1",
                    "(".repeat(parens),
                    i + 1,
                    ")".repeat(parens)
                )
            },
            &format!("const c{n} = 1"),
            "println(c0)",
        )
    };
    let types = |n, depth| {
        chain(
            n,
            |i| format!("type T{i} {}T{}", "[]".repeat(depth), i + 1),
            &format!("type T{n} int"),
            "var x T0\n\tprintln(len(x))",
        )
    };
    let vars = |n| {
        chain(
            n,
            |i| format!("var v{i} = v{} + 1", i + 1),
            &format!("var v{n} = 1"),
            "println(v0)",
        )
    };
    let cases = [
        (consts(99, 2), Ok("100\n")),
        (types(99, 2), Ok("0\n")),
        (vars(99), Ok("100\n")),
        (consts(99, 90), Err("nested more than 400 levels deep")),
        (types(99, 150), Err("nested more than 400 levels deep")),
        (
            types(3000, 1),
            Err("declarations that need each other more than 100 deep"),
        ),
        (
            vars(3000),
            Err("declarations that need each other more than 100 deep"),
        ),
    ];
    for (source, want) in cases {
        let r = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || run_default(&source))
            .unwrap()
            .join()
            .expect("no stack overflow");
        let err = r.text(Stream::Stderr);
        match want {
            Ok(out) => assert_eq!((r.exit_code, err.as_str()), (0, out)),
            Err(message) => {
                assert_eq!(r.exit_code, 1, "{err}");
                assert!(err.contains(message), "{err}");
                assert_eq!(err.lines().count(), 2, "one error: {err}");
            }
        }
    }
}
