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
}

/// gc reports at most this many errors, then `too many errors`.
pub const MAX_ERRORS: usize = 10;

impl Diagnostics {
    /// The errors as `go run` prints them, one entry each: `./prog.go:LINE:COL: message`,
    /// sorted by position, at most ten, then `too many errors`. A message of several lines
    /// (`have (...)`/`want (...)`) is one entry with its continuation lines. (`go run` prints
    /// `# command-line-arguments` first; see [`Diagnostics::go_run_lines`].)
    pub fn lines(&self) -> Vec<String> {
        self.printed().into_iter().map(|p| p.text).collect()
    }

    /// [`Diagnostics::lines`], each with the position it names.
    pub fn printed(&self) -> Vec<Printed> {
        // In the order reported where two share a position (a stable sort, without its code).
        let mut order: Vec<usize> = (0..self.errors.len()).collect();
        order.sort_unstable_by_key(|&i| (self.errors[i].line, self.errors[i].col, i));
        let mut errors: Vec<Diag> = order.iter().map(|&i| self.errors[i].clone()).collect();
        errors.dedup_by(|a, b| a.line == b.line && a.msg == b.msg);
        let at = |d: &Diag, msg: &str| Printed {
            line: d.line,
            col: d.col,
            text: format!("./{}:{}:{}: {msg}", self.file_name, d.line, d.col),
        };
        let mut printed: Vec<Printed> = errors
            .iter()
            .take(MAX_ERRORS)
            .map(|d| at(d, &d.msg))
            .collect();
        if errors.len() > MAX_ERRORS {
            // At the last error printed, as gc reports it.
            printed.push(at(&errors[MAX_ERRORS - 1], "too many errors"));
        }
        printed
    }

    /// What `go run` prints on stderr for these errors, line by line.
    pub fn go_run_lines(&self) -> Vec<String> {
        let mut lines = vec!["# command-line-arguments".to_string()];
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
        assert_eq!(lines[10], "./prog.go:10:2: too many errors");
        assert_eq!(lines.len(), 11);
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
