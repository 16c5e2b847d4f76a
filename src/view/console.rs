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

use crate::chart::duration::{format_ns, Resolution};
use crate::rt::{OutputLine, Stream};

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

    /// Counts `n` lines that were printed but never sent (see [`Batcher`]). The lines kept in
    /// the tail so far are older than the gap, so they join it: one gap, then the newest lines.
    pub fn skip(&mut self, n: u64) {
        if n == 0 {
            return;
        }
        self.omitted += self.tail.len() as u64 + n;
        self.tail = Chunks::default();
    }

    pub fn extend(&mut self, lines: impl IntoIterator<Item = OutputLine>) {
        for line in lines {
            self.push(line);
        }
    }

    /// Adds a batch of new output.
    pub fn apply(&mut self, batch: Batch) {
        self.extend(batch.head);
        self.skip(batch.skipped);
        self.extend(batch.tail);
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

    /// The kept output as a text file: a line each, and where lines were left out, how many.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for l in self.head() {
            text.push_str(&l.line.text);
            text.push('\n');
        }
        if self.omitted() > 0 {
            text.push_str(&format!("… {} lines not kept …\n", self.omitted()));
        }
        for l in self.tail() {
            text.push_str(&l.line.text);
            text.push('\n');
        }
        text
    }
}

/// New output on its way to the console, thinned to what the console would keep: the lines
/// that still fit in the head, how many lines it leaves out, and the newest lines after them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub head: Vec<OutputLine>,
    /// Lines left out between `head` and `tail`; when not 0, `tail` holds the newest lines.
    pub skipped: u64,
    pub tail: Vec<OutputLine>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.head.is_empty() && self.skipped == 0 && self.tail.is_empty()
    }
}

/// Gathers output into [`Batch`]es, so that however fast a program prints, what travels (worker
/// to page) and what is drawn (each page update) stays bounded by `HEAD + TAIL` lines.
///
/// Fed the same lines, a [`Console`] ends with the same lines whether it gets every line or
/// the batches (see the tests).
#[derive(Debug, Default)]
pub struct Batcher {
    /// Lines accounted for so far (in batches taken, or in the batch being gathered).
    seen: u64,
    head: Vec<OutputLine>,
    skipped: u64,
    tail: VecDeque<OutputLine>,
}

impl Batcher {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, line: OutputLine) {
        if self.seen < HEAD as u64 {
            self.head.push(line);
        } else {
            if self.tail.len() == TAIL {
                self.tail.pop_front();
                self.skipped += 1;
            }
            self.tail.push_back(line);
        }
        self.seen += 1;
    }

    pub fn extend(&mut self, lines: impl IntoIterator<Item = OutputLine>) {
        for line in lines {
            self.push(line);
        }
    }

    /// `n` lines were left out upstream: the tail gathered so far is older than them.
    pub fn skip(&mut self, n: u64) {
        if n == 0 {
            return;
        }
        self.skipped += self.tail.len() as u64 + n;
        self.tail.clear();
        self.seen += n;
    }

    pub fn is_empty(&self) -> bool {
        self.head.is_empty() && self.skipped == 0 && self.tail.is_empty()
    }

    /// The batch gathered since the last take.
    pub fn take(&mut self) -> Batch {
        Batch {
            head: std::mem::take(&mut self.head),
            skipped: std::mem::take(&mut self.skipped),
            tail: std::mem::take(&mut self.tail).into(),
        }
    }
}

/// The markup of consecutive console lines, each row its time (as the run's clock resolves
/// it, `res`) then its text exactly as printed (escaped), with only the lines printed by
/// `reveal` when given. The page sets a chunk's rows in one go from this, which is far cheaper
/// than building them node by node.
pub fn rows_html(lines: &[Line], reveal: Option<u64>, pickable: bool, res: Resolution) -> String {
    let mut out = String::with_capacity(lines.len() * 160);
    for l in lines
        .iter()
        .filter(|l| reveal.is_none_or(|t| l.line.t_ns <= t))
    {
        out.push_str("<div class=\"row");
        if l.line.stream == Stream::Stderr {
            out.push_str(" stderr");
        }
        if pickable {
            out.push_str(" pickable");
        }
        out.push_str("\"><span class=\"t\" aria-hidden=\"true\">");
        out.push_str(&format_ns(l.line.t_ns as f64, res));
        out.push_str("</span><span class=\"text\" data-testid=\"output-line\" data-t-ns=\"");
        out.push_str(&l.line.t_ns.to_string());
        out.push('"');
        if l.line.no_newline {
            out.push_str(" data-no-newline=\"\"");
        }
        out.push('>');
        escape_into(&mut out, &l.line.text);
        out.push_str("</span></div>");
    }
    out
}

/// Appends `text` with the characters that mean something in HTML escaped.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL cannot appear in an HTML text node; show it as the replacement character.
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
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
            no_newline: false,
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
        let text = c.to_text();
        assert!(text.starts_with("line 0\nline 1\n"));
        assert!(text.contains(&format!("\n… {} lines not kept …\n", c.omitted())));
        assert!(text.ends_with(&format!("line {}\n", n - 1)));
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

    /// Property: a console fed batches (gathered by a worker's batcher, passed through a
    /// page's batcher, at random boundaries) keeps what a console fed every line keeps.
    #[test]
    fn batches_keep_what_every_line_keeps() {
        let mut rng = crate::rt::Rng::new(9);
        for _ in 0..300 {
            let mut full = Console::new();
            let mut batched = Console::new();
            let mut worker = Batcher::new();
            let mut page = Batcher::new();
            let mut printed = 0u64;
            for _ in 0..rng.below(10) {
                let n = match rng.below(3) {
                    0 => rng.below(50),
                    1 => rng.below(3 * CHUNK as u64),
                    _ => rng.below(3 * (HEAD + TAIL) as u64),
                };
                let lines: Vec<OutputLine> = (printed..printed + n).map(line).collect();
                printed += n;
                full.extend(lines.clone());
                worker.extend(lines);
                if rng.below(2) == 0 {
                    // The worker posts its batch: lines, how many it skipped, lines.
                    let b = worker.take();
                    page.extend(b.head);
                    page.skip(b.skipped);
                    page.extend(b.tail);
                }
                if rng.below(3) == 0 {
                    batched.apply(page.take());
                }
            }
            let b = worker.take();
            page.extend(b.head);
            page.skip(b.skipped);
            page.extend(b.tail);
            batched.apply(page.take());
            assert!(worker.is_empty() && page.is_empty());

            assert_eq!(batched.total(), full.total());
            assert_eq!(
                batched.head().collect::<Vec<_>>(),
                full.head().collect::<Vec<_>>()
            );
            // The batched tail holds the newest lines, at least TAIL of them when there were
            // that many, each where the full console has it.
            let full_tail: Vec<&Line> = full.tail().collect();
            let kept_tail: Vec<&Line> = batched.tail().collect();
            assert_eq!(kept_tail.last(), full_tail.last());
            assert!(kept_tail.len() >= full_tail.len().min(TAIL));
            for l in batched.lines() {
                assert_eq!(
                    l.line.text,
                    format!("line {}", l.index),
                    "indices follow the output"
                );
            }
        }
    }

    #[test]
    fn rows_are_escaped_markup() {
        let mut lines: Vec<Line> = (0..3)
            .map(|i| Line {
                index: i,
                line: line(i),
            })
            .collect();
        lines[1].line.text = r#"<script>alert("x" & 'y')</script>"#.to_string();
        lines[2].line.stream = crate::rt::Stream::Stderr;
        let html = rows_html(&lines, None, false, Resolution::SIM);
        assert!(!html.contains("<script"));
        assert!(
            html.contains("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
        );
        assert_eq!(html.matches("data-testid=\"output-line\"").count(), 3);
        assert!(html.starts_with(
            "<div class=\"row\"><span class=\"t\" aria-hidden=\"true\">0s</span>\
             <span class=\"text\" data-testid=\"output-line\" data-t-ns=\"0\">line 0</span></div>"
        ));
        assert!(html.contains("<div class=\"row stderr\">"));
        assert!(!html.contains("data-no-newline"));
        // A line printed without a newline says so.
        lines[2].line.no_newline = true;
        let html = rows_html(&lines, None, false, Resolution::SIM);
        assert_eq!(
            html.matches(" data-no-newline=\"\">line 2<").count(),
            1,
            "{html}"
        );
        // Only the lines printed by the instant revealed.
        let html = rows_html(&lines, Some(1000), true, Resolution::SIM);
        assert_eq!(html.matches("row pickable").count(), 2);
        // The gutter rounds a real-mode time to its clock; the text keeps the exact ns.
        lines[1].line.t_ns = 456_099_984;
        let html = rows_html(&lines[1..2], None, false, Resolution::real(false));
        assert!(html.contains(">456.1ms</span>"), "{html}");
        assert!(html.contains("data-t-ns=\"456099984\""), "{html}");
    }

    #[test]
    fn formats_exits_as_go_does() {
        assert_eq!(exit_text(0), "program exited normally (exit status 0)");
        assert_eq!(exit_text(2), "exit status 2");
    }
}
