//! The Go program the page shows and runs, and what runs of it said about its lines.
//!
//! The program itself belongs to the configuration ([`super::page_config::PageConfig::go_source`]:
//! the pattern's source rendered with its values, or the text the user edited, which the link
//! carries). A [`Code`] holds:
//! - the *source*: that program, as the page shows it, given again whenever it changes
//!   ([`Code::show`]);
//! - the *compile errors* of the last run, as Go prints them, with their positions, or what
//!   `go vet` found in the program that ran;
//! - a *mark*: the line to show in the editor, either the one a panic, fatal error or deadlock
//!   report names, or one the reader picked (a compile error, a goroutine or channel name
//!   clicked in a view). Each new mark has a new `seq`, so picking the same line twice shows it
//!   twice.
//!
//! Runs send the configuration's program, which is always [`Code::source`], the whole program:
//! the `go-source` element shows exactly it.
//!
//! # Invariants
//! - Compile errors, vet's findings and a report's mark belong to the last run: a new run
//!   clears them, and so does going back to the pattern's source or starting a new program
//!   ([`Code::reset`]).

use std::rc::Rc;

use crate::protocol::{CompileError, RunSummary};
use crate::rt::Outcome;

/// Why a line is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// Where an unrecovered panic happened.
    Panic,
    /// Where the first goroutine the deadlock report lists waits (main, while it is alive).
    Deadlock,
    /// Where a fatal error other than a deadlock happened (`sync: unlock of unlocked mutex`).
    Fatal,
    /// A compile error or a vet finding the reader picked.
    CompileError,
    /// A name the reader picked in a view (a goroutine, a channel, a leaked goroutine).
    Name,
}

/// A line to show in the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// 1-based line of [`Code::source`].
    pub line: u32,
    /// 1-based column (bytes, as Go counts them), when the mark names one.
    pub col: Option<u32>,
    pub kind: MarkKind,
    /// Counts marks from 1: a new mark, even on the same line, has a new `seq`.
    pub seq: u32,
}

/// The program the page shows and what the page knows of its lines (see the module doc).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    source: Rc<str>,
    errors: Rc<[CompileError]>,
    vet: Rc<[CompileError]>,
    mark: Option<Mark>,
    /// The `seq` of the last mark made.
    marks_made: u32,
}

impl Code {
    /// A page showing `source`, with nothing marked.
    pub fn new(source: Rc<str>) -> Self {
        Code {
            source,
            errors: Rc::from([]),
            vet: Rc::from([]),
            mark: None,
            marks_made: 0,
        }
    }

    /// The whole program the page shows and runs.
    pub fn source(&self) -> &Rc<str> {
        &self.source
    }

    /// The compile errors of the last run, sorted as Go prints them.
    pub fn errors(&self) -> &Rc<[CompileError]> {
        &self.errors
    }

    /// What `go vet` found in the program of the last run.
    pub fn vet(&self) -> &Rc<[CompileError]> {
        &self.vet
    }

    /// The line to show in the editor, if any.
    pub fn mark(&self) -> Option<Mark> {
        self.mark
    }

    /// The program is `source` now (edited, or rendered with other values). What the last run
    /// said stays until the next run: the reader fixes the lines it named.
    pub fn show(&mut self, source: Rc<str>) {
        if *self.source != *source {
            self.source = source;
        }
    }

    /// A program of another origin (the pattern's source again, a new one): nothing of the
    /// last run applies to it.
    pub fn reset(&mut self, source: Rc<str>) {
        self.source = source;
        self.errors = Rc::from([]);
        self.vet = Rc::from([]);
        self.mark = None;
    }

    /// A run of the source starts: what the last run said no longer holds.
    pub fn run_started(&mut self) {
        self.errors = Rc::from([]);
        self.vet = Rc::from([]);
        self.mark = None;
    }

    /// `go vet` found these in the run's program (which runs all the same).
    pub fn vet_found(&mut self, findings: Vec<CompileError>) {
        self.vet = findings.into();
    }

    /// The run's source did not compile: these are its errors.
    pub fn compile_failed(&mut self, errors: Vec<CompileError>) {
        self.errors = errors.into();
        self.mark = None;
    }

    /// The run ended as `summary` says: a panic, fatal error or deadlock marks the line its
    /// report names.
    pub fn run_ended(&mut self, summary: &RunSummary) {
        let kind = match summary.outcome {
            Outcome::Panic { .. } => MarkKind::Panic,
            Outcome::Deadlock => MarkKind::Deadlock,
            Outcome::Fatal { .. } => MarkKind::Fatal,
            Outcome::Exit | Outcome::Limit { .. } | Outcome::OsExit { .. } => return,
        };
        if let Some(line) = summary.line {
            self.set_mark(line, None, kind);
        }
    }

    /// The reader picked `line` (and `col`) of the source, for `kind`.
    pub fn pick(&mut self, line: u32, col: Option<u32>, kind: MarkKind) {
        if line > 0 {
            self.set_mark(line, col, kind);
        }
    }

    fn set_mark(&mut self, line: u32, col: Option<u32>, kind: MarkKind) {
        self.marks_made += 1;
        self.mark = Some(Mark {
            line,
            col,
            kind,
            seq: self.marks_made,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::Metrics;

    fn summary(outcome: Outcome, line: Option<u32>) -> RunSummary {
        RunSummary {
            exit_code: outcome.exit_code(),
            outcome,
            elapsed_ns: 0,
            wall_ms: 0.0,
            leaked: Vec::new(),
            leaked_count: 0,
            metrics: Metrics::default(),
            trace_events: 0,
            trace_truncated: false,
            line,
            floor: None,
        }
    }

    fn error(line: u32) -> CompileError {
        CompileError {
            line,
            col: 2,
            text: format!("./prog.go:{line}:2: undefined: x"),
        }
    }

    #[test]
    fn errors_stay_while_the_reader_edits_and_go_with_a_reset() {
        let mut code = Code::new("package main // 1\n".into());
        code.compile_failed(vec![error(1)]);
        code.show("package main // mine\n".into());
        assert_eq!(&**code.source(), "package main // mine\n");
        assert_eq!(code.errors().len(), 1);
        code.pick(1, Some(2), MarkKind::CompileError);
        code.reset("package main // 2\n".into());
        assert_eq!(&**code.source(), "package main // 2\n");
        assert!(code.errors().is_empty());
        assert_eq!(code.mark(), None);
    }

    #[test]
    fn compile_errors_and_report_marks_belong_to_the_last_run() {
        let mut code = Code::new("a\n".into());
        code.compile_failed(vec![error(5), error(7)]);
        assert_eq!(code.errors().len(), 2);
        code.run_started();
        assert!(code.errors().is_empty());
        code.run_ended(&summary(
            Outcome::Panic {
                g: 3,
                message: "boom".into(),
            },
            Some(12),
        ));
        let mark = code.mark().expect("the panic's line");
        assert_eq!((mark.line, mark.kind), (12, MarkKind::Panic));
        code.run_started();
        assert_eq!(code.mark(), None);
        code.run_ended(&summary(Outcome::Deadlock, Some(9)));
        assert_eq!(code.mark().map(|m| m.kind), Some(MarkKind::Deadlock));
        code.run_ended(&summary(Outcome::Exit, None));
        code.compile_failed(vec![error(1)]);
        code.reset("b\n".into());
        assert!(code.errors().is_empty());
        assert_eq!(code.mark(), None);
    }

    #[test]
    fn vet_findings_stay_through_the_run_and_go_with_the_next_or_a_reset() {
        let mut code = Code::new("a\n".into());
        code.run_started();
        code.vet_found(vec![error(3)]);
        code.run_ended(&summary(Outcome::Exit, None));
        assert_eq!(code.vet().len(), 1);
        assert!(code.errors().is_empty());
        code.run_started();
        assert!(code.vet().is_empty());
        code.vet_found(vec![error(3)]);
        code.reset("b\n".into());
        assert!(code.vet().is_empty());
    }

    #[test]
    fn picking_the_same_line_again_makes_a_new_mark() {
        let mut code = Code::new("a\n".into());
        code.pick(4, Some(2), MarkKind::CompileError);
        let first = code.mark().expect("a mark");
        code.pick(4, Some(2), MarkKind::CompileError);
        let second = code.mark().expect("a mark");
        assert_eq!((first.line, first.col), (second.line, second.col));
        assert!(second.seq > first.seq);
        // Line 0 is no line (a name the source does not have).
        code.pick(0, None, MarkKind::Name);
        assert_eq!(code.mark(), Some(second));
    }
}
