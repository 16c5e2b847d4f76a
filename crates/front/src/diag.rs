//! Compile errors, printed as `go run` prints them.

/// One error at a position of the program's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in bytes as gc counts it.
    pub col: u32,
    pub msg: String,
}

/// One error as `go run` prints it, and the position it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    pub line: u32,
    pub col: u32,
    /// `./prog.go:LINE:COL: message`, with its continuation lines.
    pub text: String,
}

/// The errors of a program that does not compile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    pub file_name: String,
    pub errors: Vec<Diag>,
    /// Which step of `go run` reports them.
    pub stage: Stage,
}

/// The step of `go run` that fails.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    /// The compiler: `./prog.go:LINE:COL: message` under `# command-line-arguments`.
    #[default]
    Compile,
    /// The go command, before compiling (a file whose package is not `main`): its message
    /// alone.
    Load,
    /// The linker (a main package without a main function): its message, without a position,
    /// under `# command-line-arguments`.
    Link,
}

/// gc reports at most this many errors, then `too many errors`.
pub const MAX_ERRORS: usize = 10;

impl Diagnostics {
    /// The errors as `go run` prints them, one entry each: `./prog.go:LINE:COL: message`,
    /// sorted by position, then `too many errors` once there are ten. As gc does, that is the
    /// first ten it counts ([`Diagnostics::reported`]; `errors` is in the order the checker
    /// found them: declarations, then
    /// function bodies, unused imports last), and the last line names the tenth one's
    /// position. A message of several lines
    /// (`have (...)`/`want (...)`) is one entry with its continuation lines. (`go run` prints
    /// `# command-line-arguments` first; see [`Diagnostics::go_run_lines`].)
    pub fn lines(&self) -> Vec<String> {
        self.printed().into_iter().map(|p| p.text).collect()
    }

    /// [`Diagnostics::lines`], each with the position it names.
    pub fn printed(&self) -> Vec<Printed> {
        let found = self.reported();
        // In the order found where two share a position (a stable sort, without its code).
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_unstable_by_key(|&i| (found[i].line, found[i].col, i));
        let mut errors: Vec<&Diag> = order.iter().map(|&i| &found[i]).collect();
        errors.dedup_by(|a, b| a.line == b.line && a.msg == b.msg);
        let at = |d: &Diag, msg: &str| Printed {
            line: d.line,
            col: d.col,
            text: match self.stage {
                Stage::Compile => format!("./{}:{}:{}: {msg}", self.file_name, d.line, d.col),
                Stage::Load | Stage::Link => msg.to_string(),
            },
        };
        let mut printed: Vec<Printed> = errors.iter().map(|d| at(d, &d.msg)).collect();
        if let Some(tenth) = found.get(MAX_ERRORS - 1) {
            printed.push(at(tenth, "too many errors"));
        }
        printed
    }

    /// The errors gc counts, in the order found, at most ten: as gc reports them, a follow-on
    /// error that mentions an `invalid type` or `invalid operand` (one an earlier error made)
    /// is dropped, and so is an error equal to the one before it on its line, or a second
    /// syntax error on a line.
    fn reported(&self) -> Vec<Diag> {
        let mut kept: Vec<Diag> = Vec::new();
        let mut last_syntax: Option<u32> = None;
        for d in &self.errors {
            let mentions = |what: &str| d.msg.find(what).is_some_and(|i| i > 0);
            if !kept.is_empty() && (mentions("invalid type") || mentions("invalid operand")) {
                continue;
            }
            if d.msg.starts_with("syntax error") {
                if last_syntax == Some(d.line) {
                    continue;
                }
                last_syntax = Some(d.line);
            } else if let Some(prev) = kept
                .iter()
                .rev()
                .find(|k| !k.msg.starts_with("syntax error"))
            {
                if prev.line == d.line && prev.msg == d.msg {
                    continue;
                }
            }
            kept.push(d.clone());
            if kept.len() == MAX_ERRORS {
                break;
            }
        }
        kept
    }

    /// What `go run` prints on stderr for these errors, line by line; for a program of tests
    /// (a `_test.go` file), what `go test` prints.
    pub fn go_run_lines(&self) -> Vec<String> {
        let header = if self.file_name.ends_with("_test.go") {
            "# command-line-arguments [command-line-arguments.test]"
        } else {
            "# command-line-arguments"
        };
        let mut lines = Vec::new();
        if self.stage != Stage::Load {
            lines.push(header.to_string());
        }
        for error in self.lines() {
            lines.extend(error.lines().map(String::from));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_ten_errors_found_print_sorted_then_too_many_errors_as_gc_prints_them() {
        let mut d = Diagnostics {
            file_name: "prog.go".into(),
            ..Default::default()
        };
        for line in (1..=12).rev() {
            d.errors.push(Diag {
                line,
                col: 2,
                msg: format!("undefined: x{line}"),
            });
        }
        // Found from line 12 up: the first ten found are printed, sorted, and gc stops at the
        // tenth, line 3.
        let lines = d.lines();
        assert_eq!(lines[0], "./prog.go:3:2: undefined: x3");
        assert_eq!(lines[9], "./prog.go:12:2: undefined: x12");
        assert_eq!(lines[10], "./prog.go:3:2: too many errors");
        assert_eq!(lines.len(), 11);
        // Ten errors are enough for gc to stop; nine are not.
        d.errors.truncate(10);
        assert_eq!(d.lines().len(), 11);
        d.errors.truncate(9);
        assert_eq!(d.lines().len(), 9);
        d.errors = vec![Diag {
            line: 3,
            col: 4,
            msg: "not enough arguments in call to f\n\thave ()\n\twant (int)".into(),
        }];
        assert_eq!(
            d.lines(),
            ["./prog.go:3:4: not enough arguments in call to f\n\thave ()\n\twant (int)"]
        );
        assert_eq!(
            d.go_run_lines()[1..],
            [
                "./prog.go:3:4: not enough arguments in call to f",
                "\thave ()",
                "\twant (int)"
            ]
        );
    }
}
