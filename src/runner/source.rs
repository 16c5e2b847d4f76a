//! The Go source of a run request, compiled in the worker: the program to run, or what
//! `go run` prints for its compile errors and the errors in the protocol's form.
//!
//! The source is checked like any other part of a message from anywhere: a source over
//! [`MAX_SOURCE_BYTES`] is refused with a message rather than handed to the compiler.

use std::rc::Rc;

use crate::golang::{self, vm::program::Program};
use crate::protocol::CompileError;
use crate::rt::OutputLine;

/// The largest source a worker compiles: far beyond any program a person writes (the
/// catalog's largest is under 4 KB), small enough that compiling it stays quick.
pub const MAX_SOURCE_BYTES: usize = 512 * 1024;

/// The file name the program has in messages (`./prog.go:5:2: ...`), as on the Go playground.
pub const FILE_NAME: &str = "prog.go";

/// A compiled source, or why it did not compile.
pub enum Compiled {
    /// The program, and what `go vet` finds in it.
    Program(Rc<Program>, Vec<CompileError>),
    /// The lines `go run` prints on stderr (`# command-line-arguments`, then the errors), and
    /// the errors one by one with their positions.
    Errors {
        output: Vec<OutputLine>,
        errors: Vec<CompileError>,
    },
}

/// Compiles `source`; `Err` when it is not a source the worker takes.
pub fn compile(source: &str) -> Result<Compiled, String> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(format!(
            "the program is {} KB; chanlab runs programs of up to {} KB",
            source.len().div_ceil(1024),
            MAX_SOURCE_BYTES / 1024
        ));
    }
    Ok(match golang::compile_vetted(source, FILE_NAME, None) {
        Ok(vetted) => Compiled::Program(
            vetted.program,
            vetted
                .findings
                .iter()
                .map(|f| CompileError {
                    line: f.line,
                    col: f.col,
                    text: f.text(&vetted.file_name),
                })
                .collect(),
        ),
        Err(diagnostics) => Compiled::Errors {
            output: diagnostics
                .go_run_lines()
                .into_iter()
                .map(OutputLine::tool)
                .collect(),
            errors: diagnostics
                .printed()
                .into_iter()
                .map(|p| CompileError {
                    line: p.line,
                    col: p.col,
                    text: p.text,
                })
                .collect(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_that_compiles_comes_with_what_vet_finds_in_it() {
        let source =
            "package main\n\nimport \"sync\"\n\nfunc f(wg sync.WaitGroup) {}\n\nfunc main() {}\n";
        let Ok(Compiled::Program(_, findings)) = compile(source) else {
            panic!("the program compiles");
        };
        assert_eq!(
            findings,
            [CompileError {
                line: 5,
                col: 11,
                text: "./prog.go:5:11: f passes lock by value: sync.WaitGroup contains sync.noCopy"
                    .into()
            }]
        );
    }

    #[test]
    fn errors_come_with_their_positions_and_go_run_lines() {
        let source = "package main\n\nfunc main() {\n\tx := 1\n\ty()\n}\n";
        let Ok(Compiled::Errors { output, errors }) = compile(source) else {
            panic!("the program does not compile");
        };
        let texts: Vec<&str> = output.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "# command-line-arguments",
                "./prog.go:4:2: declared and not used: x",
                "./prog.go:5:2: undefined: y",
            ]
        );
        assert!(output.iter().all(|l| l.stream == crate::rt::Stream::Stderr));
        assert_eq!(
            errors,
            [
                CompileError {
                    line: 4,
                    col: 2,
                    text: "./prog.go:4:2: declared and not used: x".into()
                },
                CompileError {
                    line: 5,
                    col: 2,
                    text: "./prog.go:5:2: undefined: y".into()
                },
            ]
        );
    }

    #[test]
    fn an_oversized_source_is_refused_with_a_message() {
        let source = format!(
            "package main\n\nfunc main() {{}}\n//{}",
            "x".repeat(MAX_SOURCE_BYTES)
        );
        let why = compile(&source).err().expect("refused");
        assert!(
            why.contains("chanlab runs programs of up to 512 KB"),
            "{why}"
        );
    }

    #[test]
    fn a_program_compiles() {
        let source = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n";
        assert!(matches!(compile(source), Ok(Compiled::Program(_, _))));
    }
}
