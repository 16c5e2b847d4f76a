//! The Go program the page runs, and what runs of it said about its lines: the one place that
//! holds "the source to run".
//!
//! A [`Code`] holds:
//! - the *rendered* source: the pattern's template with the configuration's values written in
//!   ([`crate::patterns::Pattern::go_source`]), refreshed whenever a value changes;
//! - the *edited* source, once the user has changed the text: from then on it is the source to
//!   run, and the configuration's values no longer apply to it, until [`Code::reset`];
//! - the *compile errors* of the last run, as Go prints them, with their positions;
//! - a *mark*: the line to show in the editor, either the one a panic, fatal error or deadlock
//!   report names, or one the reader picked (a compile error, a goroutine or channel name
//!   clicked in a view). Each new mark has a new `seq`, so picking the same line twice shows it
//!   twice.
//!
//! Runs send [`Code::source`], which is always the whole program: the `go-source` element shows
//! exactly it.
//!
//! # Invariants
//! - `edited` is never equal to `rendered`: an edit back to the rendered text is no edit.
//! - Compile errors and a report's mark belong to the last run: a new run clears them, and so
//!   does going back to the rendered source.

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
    /// A compile error the reader picked.
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

/// The source to run and what the page knows of its lines (see the module doc).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    rendered: Rc<str>,
    edited: Option<Rc<str>>,
    errors: Rc<[CompileError]>,
    mark: Option<Mark>,
    /// The `seq` of the last mark made.
    marks_made: u32,
}

impl Code {
    /// A pattern's `rendered` source, unedited.
    pub fn new(rendered: String) -> Self {
        Code {
            rendered: rendered.into(),
            edited: None,
            errors: Rc::from([]),
            mark: None,
            marks_made: 0,
        }
    }

    /// The whole program a run runs: the edited text, or the rendered one.
    pub fn source(&self) -> &Rc<str> {
        self.edited.as_ref().unwrap_or(&self.rendered)
    }

    /// The pattern's source for the current configuration, which [`Code::reset`] brings back.
    pub fn rendered(&self) -> &Rc<str> {
        &self.rendered
    }

    /// True once the user changed the text: the configuration's values no longer apply to it.
    pub fn is_edited(&self) -> bool {
        self.edited.is_some()
    }

    /// The compile errors of the last run, sorted as Go prints them.
    pub fn errors(&self) -> &Rc<[CompileError]> {
        &self.errors
    }

    /// The line to show in the editor, if any.
    pub fn mark(&self) -> Option<Mark> {
        self.mark
    }

    /// The configuration changed: `rendered` is the pattern's source now. An edited source
    /// stays what runs.
    pub fn render(&mut self, rendered: String) {
        if *self.rendered == *rendered {
            return;
        }
        self.rendered = rendered.into();
        if self.edited.as_deref() == Some(&*self.rendered) {
            self.edited = None;
        }
    }

    /// The user's text is now `text`, the source to run.
    pub fn edit(&mut self, text: String) {
        if *text == *self.rendered {
            self.edited = None;
        } else if self.edited.as_deref() != Some(text.as_str()) {
            self.edited = Some(text.into());
        }
    }

    /// Back to the pattern's rendered source, with nothing marked.
    pub fn reset(&mut self) {
        self.edited = None;
        self.errors = Rc::from([]);
        self.mark = None;
    }

    /// A run of the source starts: what the last run said no longer holds.
    pub fn run_started(&mut self) {
        self.errors = Rc::from([]);
        self.mark = None;
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
    fn the_source_to_run_is_the_edit_until_reset() {
        let mut code = Code::new("package main // 1\n".into());
        assert_eq!(&**code.source(), "package main // 1\n");
        assert!(!code.is_edited());
        code.edit("package main // mine\n".into());
        assert!(code.is_edited());
        assert_eq!(&**code.source(), "package main // mine\n");
        // A new value renders another source; the edit still runs.
        code.render("package main // 2\n".into());
        assert_eq!(&**code.source(), "package main // mine\n");
        assert_eq!(&**code.rendered(), "package main // 2\n");
        code.reset();
        assert!(!code.is_edited());
        assert_eq!(&**code.source(), "package main // 2\n");
    }

    #[test]
    fn an_edit_back_to_the_rendered_text_is_no_edit() {
        let mut code = Code::new("a\n".into());
        code.edit("b\n".into());
        code.edit("a\n".into());
        assert!(!code.is_edited());
        code.edit("b\n".into());
        // The configuration renders exactly the edited text: nothing is edited any more.
        code.render("b\n".into());
        assert!(!code.is_edited());
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
        code.reset();
        assert!(code.errors().is_empty());
        assert_eq!(code.mark(), None);
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
