//! The output console's model: the lines of one run, bounded and cheap to update.
//!
//! A program may print millions of lines; the page keeps the first [`HEAD`] and about the last
//! [`TAIL`] and counts the ones between, so the console stays quick to draw however long the
//! run. Lines are kept in chunks of [`CHUNK`]: a full chunk is frozen and shared (`Rc`), so a
//! new batch of output copies at most one open chunk per end, and the page redraws only the
//! chunks that changed. Each line remembers its position in the whole output.
//!
//! # Invariants
//! - Every frozen chunk holds exactly `CHUNK` lines; `HEAD` and `TAIL` are multiples of it.
//! - The head fills before anything goes to the tail; the tail then keeps between `TAIL` and
//!   `TAIL + CHUNK` lines once it has had that many.
//! - `total() == head lines + omitted + tail lines`.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::rt::{fmt_duration, OutputLine};

/// Lines per chunk.
pub const CHUNK: usize = 250;
/// Lines kept from the start of a run.
pub const HEAD: usize = 4 * CHUNK;
/// Lines kept from the end of a run (at least).
pub const TAIL: usize = 4 * CHUNK;

/// A printed line and its position in the run's output (0-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub index: u64,
    pub line: OutputLine,
}

/// A run of consecutive kept lines, as the page draws them.
#[derive(Clone, Debug)]
pub enum Segment<'a> {
    /// A full chunk that will not change again.
    Frozen(&'a Rc<[Line]>),
    /// The chunk still filling.
    Open(&'a [Line]),
}

/// One end of the console: frozen chunks and the chunk still filling.
#[derive(Clone, Debug, Default)]
struct Chunks {
    frozen: VecDeque<Rc<[Line]>>,
    open: Vec<Line>,
}

impl Chunks {
    fn len(&self) -> usize {
        self.frozen.len() * CHUNK + self.open.len()
    }

    fn push(&mut self, line: Line) {
        self.open.push(line);
        if self.open.len() == CHUNK {
            let full = std::mem::replace(&mut self.open, Vec::with_capacity(CHUNK));
            self.frozen.push_back(full.into());
        }
    }

    fn segments(&self) -> impl Iterator<Item = Segment<'_>> {
        self.frozen
            .iter()
            .map(Segment::Frozen)
            .chain((!self.open.is_empty()).then_some(Segment::Open(&self.open)))
    }

    fn lines(&self) -> impl Iterator<Item = &Line> {
        self.frozen
            .iter()
            .flat_map(|c| c.iter())
            .chain(self.open.iter())
    }
}

/// The kept lines of one run.
#[derive(Clone, Debug, Default)]
pub struct Console {
    head: Chunks,
    /// Lines dropped between `head` and `tail`.
    omitted: u64,
    tail: Chunks,
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
        self.tail.push(line);
        if self.tail.len() >= TAIL + CHUNK {
            self.tail.frozen.pop_front();
            self.omitted += CHUNK as u64;
        }
    }

    pub fn extend(&mut self, lines: impl IntoIterator<Item = OutputLine>) {
        for line in lines {
            self.push(line);
        }
    }

    /// The kept lines from the start of the run, before any gap.
    pub fn head(&self) -> impl Iterator<Item = &Line> {
        self.head.lines()
    }

    /// The kept lines from the end of the run, after the gap of [`Console::omitted`] lines.
    pub fn tail(&self) -> impl Iterator<Item = &Line> {
        self.tail.lines()
    }

    /// [`Console::head`] in chunks, as the page draws it.
    pub fn head_chunks(&self) -> impl Iterator<Item = Segment<'_>> {
        self.head.segments()
    }

    /// [`Console::tail`] in chunks, as the page draws it.
    pub fn tail_chunks(&self) -> impl Iterator<Item = Segment<'_>> {
        self.tail.segments()
    }

    /// Every kept line, in order.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.head.lines().chain(self.tail.lines())
    }

    /// Every kept line's text, in order.
    pub fn texts(&self) -> Vec<&str> {
        self.lines().map(|l| l.line.text.as_str()).collect()
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

    fn indices<'a>(segments: impl Iterator<Item = Segment<'a>>) -> Vec<u64> {
        segments
            .flat_map(|s| match s {
                Segment::Frozen(c) => c.iter().map(|l| l.index).collect::<Vec<_>>(),
                Segment::Open(ls) => ls.iter().map(|l| l.index).collect(),
            })
            .collect()
    }

    #[test]
    fn keeps_everything_while_small() {
        let mut c = Console::new();
        assert!(c.is_empty());
        c.extend((0..3).map(line));
        assert_eq!(c.texts(), ["line 0", "line 1", "line 2"]);
        assert_eq!((c.total(), c.omitted()), (3, 0));
        assert_eq!(c.lines().nth(2).unwrap().index, 2);
        assert_eq!(c.tail().count(), 0);
    }

    #[test]
    fn keeps_head_and_tail_of_a_long_run() {
        let mut c = Console::new();
        let n = (HEAD + TAIL + 1234) as u64;
        c.extend((0..n).map(line));
        assert_eq!(c.total(), n);
        let head = indices(c.head_chunks());
        let tail = indices(c.tail_chunks());
        assert_eq!(head, c.head().map(|l| l.index).collect::<Vec<_>>());
        assert_eq!(tail, c.tail().map(|l| l.index).collect::<Vec<_>>());
        assert_eq!(head, (0..HEAD as u64).collect::<Vec<_>>());
        // The tail is contiguous, ends with the last line, and keeps at least TAIL lines.
        assert_eq!(*tail.last().unwrap(), n - 1);
        assert!(tail.windows(2).all(|w| w[1] == w[0] + 1));
        assert!(
            tail.len() >= TAIL && tail.len() < TAIL + CHUNK,
            "{}",
            tail.len()
        );
        assert_eq!(c.omitted(), n - (HEAD + tail.len()) as u64);
        assert_eq!(c.omitted() % CHUNK as u64, 0);
    }

    #[test]
    fn frozen_chunks_are_shared_between_copies() {
        let mut c = Console::new();
        c.extend((0..(CHUNK as u64 + 3)).map(line));
        let copy = c.clone();
        c.extend((0..5).map(line));
        let (Some(Segment::Frozen(a)), Some(Segment::Frozen(b))) =
            (c.head_chunks().next(), copy.head_chunks().next())
        else {
            panic!("the first chunk is frozen");
        };
        assert!(Rc::ptr_eq(a, b));
        assert!(matches!(c.head_chunks().nth(1), Some(Segment::Open(ls)) if ls.len() == 8));
    }

    #[test]
    fn formats_times_and_exits_as_go_does() {
        assert_eq!(fmt_t(0), "0s");
        assert_eq!(fmt_t(200_000_000), "200ms");
        assert_eq!(fmt_t(1_500_000_000), "1.5s");
        assert_eq!(exit_text(2), "exit status 2");
    }
}
