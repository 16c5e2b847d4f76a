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

/// The errors of a program that does not compile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    pub file_name: String,
    pub errors: Vec<Diag>,
}

/// gc reports at most this many errors, then `too many errors`.
pub const MAX_ERRORS: usize = 10;

impl Diagnostics {
    /// The lines `go run` prints: `./prog.go:LINE:COL: message`, sorted by position, at most
    /// ten, then `too many errors`. (`go run` prints `# command-line-arguments` first; see
    /// [`Diagnostics::go_run_lines`].)
    pub fn lines(&self) -> Vec<String> {
        let mut errors = self.errors.clone();
        errors.sort_by_key(|d| (d.line, d.col));
        errors.dedup_by(|a, b| a.line == b.line && a.msg == b.msg);
        let mut lines: Vec<String> = errors
            .iter()
            .take(MAX_ERRORS)
            .map(|d| format!("./{}:{}:{}: {}", self.file_name, d.line, d.col, d.msg))
            .collect();
        if errors.len() > MAX_ERRORS {
            lines.push("too many errors".to_string());
        }
        lines
    }

    /// What `go run` prints on stderr for these errors.
    pub fn go_run_lines(&self) -> Vec<String> {
        let mut lines = vec!["# command-line-arguments".to_string()];
        lines.extend(self.lines());
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_print_sorted_and_capped_as_gc_prints_them() {
        let mut d = Diagnostics {
            file_name: "prog.go".into(),
            errors: Vec::new(),
        };
        for line in (1..=12).rev() {
            d.errors.push(Diag {
                line,
                col: 2,
                msg: format!("undefined: x{line}"),
            });
        }
        let lines = d.lines();
        assert_eq!(lines[0], "./prog.go:1:2: undefined: x1");
        assert_eq!(lines[9], "./prog.go:10:2: undefined: x10");
        assert_eq!(lines[10], "too many errors");
        assert_eq!(lines.len(), 11);
    }
}
