//! The output console's model: the lines of one run, bounded.
//!
//! A program may print millions of lines; the page keeps the first [`HEAD`] and the last
//! [`TAIL`] and counts the ones between, so the console stays quick to draw however long the
//! run. Each kept line remembers its position in the whole output, which keys it on the page.
//!
//! # Invariants
//! - `head` is full before anything goes to `tail`; `tail` never holds more than `TAIL`.
//! - `total() == head.len() + omitted + tail.len()`.

use std::collections::VecDeque;

use crate::rt::{fmt_duration, OutputLine};

/// Lines kept from the start of a run.
pub const HEAD: usize = 5000;
/// Lines kept from the end of a run.
pub const TAIL: usize = 5000;

/// A printed line and its position in the run's output (0-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub index: u64,
    pub line: OutputLine,
}

/// The kept lines of one run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Console {
    head: Vec<Line>,
    /// Lines dropped between `head` and `tail`.
    omitted: u64,
    tail: VecDeque<Line>,
}

impl Console {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every line printed so far, kept or not.
    pub fn total(&self) -> u64 {
        (self.head.len() + self.tail.len()) as u64 + self.omitted
    }

    /// Lines printed but not kept.
    pub fn omitted(&self) -> u64 {
        self.omitted
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    pub fn push(&mut self, line: OutputLine) {
        let line = Line {
            index: self.total(),
            line,
        };
        if self.head.len() < HEAD {
            self.head.push(line);
            return;
        }
        if self.tail.len() == TAIL {
            self.tail.pop_front();
            self.omitted += 1;
        }
        self.tail.push_back(line);
    }

    pub fn extend(&mut self, lines: impl IntoIterator<Item = OutputLine>) {
        for line in lines {
            self.push(line);
        }
    }

    /// The first kept lines, before any gap.
    pub fn head(&self) -> &[Line] {
        &self.head
    }

    /// The last kept lines, after the gap of [`Console::omitted`] lines.
    pub fn tail(&self) -> impl Iterator<Item = &Line> {
        self.tail.iter()
    }

    /// Every kept line's text, in order (for tests and copying).
    pub fn texts(&self) -> Vec<&str> {
        self.head
            .iter()
            .chain(self.tail.iter())
            .map(|l| l.line.text.as_str())
            .collect()
    }
}

/// A timestamp as the console shows it beside a line: Go's Duration format (`200ms`,
/// `1.5s`, `0s`).
pub fn fmt_t(t_ns: u64) -> String {
    fmt_duration(std::time::Duration::from_nanos(t_ns))
}

/// The exit line, as `go run` reports it.
pub fn exit_text(code: i32) -> String {
    if code == 0 {
        "program exited normally (exit status 0)".to_string()
    } else {
        format!("exit status {code}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::Stream;

    fn line(i: u64) -> OutputLine {
        OutputLine {
            text: format!("line {i}"),
            t_ns: i * 1000,
            g: 1,
            stream: Stream::Stdout,
        }
    }

    #[test]
    fn keeps_everything_while_small() {
        let mut c = Console::new();
        assert!(c.is_empty());
        c.extend((0..3).map(line));
        assert_eq!(c.texts(), ["line 0", "line 1", "line 2"]);
        assert_eq!((c.total(), c.omitted()), (3, 0));
        assert_eq!(c.head()[2].index, 2);
    }

    #[test]
    fn keeps_head_and_tail_of_a_long_run() {
        let mut c = Console::new();
        let n = (HEAD + TAIL + 1234) as u64;
        c.extend((0..n).map(line));
        assert_eq!(c.total(), n);
        assert_eq!(c.omitted(), 1234);
        assert_eq!(c.head().len(), HEAD);
        assert_eq!(c.tail().count(), TAIL);
        assert_eq!(c.head().last().unwrap().index, HEAD as u64 - 1);
        assert_eq!(c.tail().next().unwrap().index, HEAD as u64 + 1234);
        assert_eq!(
            c.tail().last().unwrap().line.text,
            format!("line {}", n - 1)
        );
    }

    #[test]
    fn formats_times_and_exits_as_go_does() {
        assert_eq!(fmt_t(0), "0s");
        assert_eq!(fmt_t(200_000_000), "200ms");
        assert_eq!(fmt_t(1_500_000_000), "1.5s");
        assert_eq!(exit_text(2), "exit status 2");
    }
}
