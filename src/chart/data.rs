//! The trace as the page holds it, and its binary form for the trip from the worker.
//!
//! [`TraceData`] is [`rt::trace::Trace`](crate::rt::trace::Trace) with its names resolved to
//! owned strings, so that it can live on the page, where the runtime never runs. It crosses the
//! worker boundary once per run as one little-endian byte buffer ([`TraceData::to_bytes`]),
//! which the worker posts as a transferable `ArrayBuffer` (moved, not copied) and the page reads
//! back where it lies, a window at a time ([`TraceData::read_from`]). JSON would cost ~100 bytes
//! and a parse per event; the binary form is the events' own 24 bytes, copied in and out with no
//! parsing.
//!
//! # Layout (all integers little-endian)
//! ```text
//! header   magic "CLTR", version u32, procs u32, flags u32,
//!          end_ns u64, dropped u64,
//!          events u32, goroutines u32, chans u32, labels u32, chan names u32
//! events   24 bytes each: t u64, g u32, obj u32, arg u32, kind u8, proc u8, 2 zero bytes
//! gorout.  24 bytes each: label u32, index u32, parent u32, 4 zero bytes, created_ns u64
//! chans    24 bytes each: cap u32, created_by u32, created_ns u64, name u32, line u32
//! labels   each: name (u32 length + UTF-8), func (u32 length + UTF-8), line u32
//! names    each channel name: u32 length + UTF-8
//! ```
//!
//! # Invariants
//! - `goroutines[0]` and `chans[0]` are placeholders (Go id 0 is nobody, channel 0 is nil).
//! - Every `GInfo::label` indexes `labels`, every `ChanInfo::name` indexes `chan_names`;
//!   [`TraceData::from_bytes`] checks it.
//! - `events` are in the order the runtime recorded them (time order, except that a
//!   `ProcSpan` carries its own start, which may lie ahead).

use crate::rt::trace::{ChanInfo, Event, GInfo, Kind, Trace};
use crate::rt::GoId;

const MAGIC: &[u8; 4] = b"CLTR";
const VERSION: u32 = 2;
const HEADER_BYTES: usize = 4 + 4 * 3 + 8 * 2 + 4 * 5;
const EVENT_BYTES: usize = 24;
const GINFO_BYTES: usize = 24;
const CHAN_BYTES: usize = 24;

/// The most events the worker sends the page. Past this the page's memory (the events and the
/// spans built from them, ~50 bytes an event) would outgrow what a tab comfortably holds, so the
/// rest are counted in `dropped` and the views say the trace is cut.
pub const MAX_TRANSFER_EVENTS: usize = 2_000_000;

/// A function goroutines are started with, as the timeline and Go name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelName {
    /// The lane name before the index: `worker` for `worker 3`, `closer`, `main`.
    pub name: String,
    /// The function as Go names it in a stack trace (`main.worker`).
    pub func: String,
    /// The line of the program's source that declares the function, 0 when the page does not
    /// know it (see [`TraceData::set_lines`]).
    pub line: u32,
}

/// A run's trace on the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TraceData {
    pub events: Vec<Event>,
    /// Indexed by Go id; entry 0 is unused.
    pub goroutines: Vec<GInfo>,
    /// Indexed by [`GInfo::label`].
    pub labels: Vec<LabelName>,
    /// Indexed by channel id; entry 0 is the nil channel.
    pub chans: Vec<ChanInfo>,
    /// Indexed by [`ChanInfo::name`]; entry 0 is the empty name.
    pub chan_names: Vec<String>,
    /// Processors of the run (virtual in sim mode).
    pub procs: u32,
    /// The clock when the run ended.
    pub end_ns: u64,
    /// Events the runtime did not store, or the worker did not send.
    pub dropped: u64,
    /// For each goroutine, its number among those sharing its label (see [`Self::name`]),
    /// computed on first use.
    pub label_numbers: Derived<Vec<u32>>,
    /// For each channel name, whether several channels have it (computed on first use).
    pub shared_chan_names: Derived<Vec<bool>>,
}

/// A value computed from the rest of its struct on first use, which takes no part in
/// comparing it.
#[derive(Clone, Debug, Default)]
pub struct Derived<T>(std::cell::OnceCell<T>);

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Why a buffer is not a trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unreadable trace: {}", self.0)
    }
}

impl TraceData {
    /// The page's copy of `trace`, which ended at `end_ns` on `procs` processors. At most
    /// [`MAX_TRANSFER_EVENTS`] events are kept.
    pub fn from_trace(trace: &Trace, end_ns: u64, procs: u32) -> Self {
        let keep = trace.events.len().min(MAX_TRANSFER_EVENTS);
        let labels = trace
            .labels
            .iter()
            .map(|l| LabelName {
                name: l.name.unwrap_or_else(|| l.short()).to_string(),
                func: l.go_func(),
                line: 0,
            })
            .collect();
        TraceData {
            events: trace.events[..keep].to_vec(),
            goroutines: trace.goroutines.clone(),
            labels,
            chans: trace.chans.clone(),
            chan_names: trace.chan_names.iter().map(|n| n.to_string()).collect(),
            procs,
            end_ns,
            dropped: trace.dropped + (trace.events.len() - keep) as u64,
            label_numbers: Default::default(),
            shared_chan_names: Default::default(),
        }
    }

    /// Gives each function its source line: `line_of(func)` for the function Go names `func`
    /// (`main.worker`), `None` for one the program's file does not declare.
    pub fn set_lines(&mut self, line_of: impl Fn(&str) -> Option<u32>) {
        for label in &mut self.labels {
            label.line = line_of(&label.func).unwrap_or(0);
        }
    }

    /// Channel `id` as the views name it: the variable the program made it for (`jobs`), with
    /// its id when other channels were made for a variable of that name too (`ch#7`), or
    /// `ch<id>` when the program made it for no variable.
    pub fn chan_name(&self, id: u32) -> String {
        let name = self.chans.get(id as usize).map_or(0, |c| c.name);
        match self.chan_names.get(name as usize) {
            Some(text) if name != 0 && self.shared_name(name) => format!("{text}#{id}"),
            Some(text) if name != 0 => text.clone(),
            _ => format!("ch{id}"),
        }
    }

    /// Whether several channels were made for variables named `chan_names[name]`.
    fn shared_name(&self, name: u32) -> bool {
        let shared = self.shared_chan_names.0.get_or_init(|| {
            let mut uses = vec![0u32; self.chan_names.len()];
            for c in self.chans.iter().skip(1) {
                if let Some(n) = uses.get_mut(c.name as usize) {
                    *n += 1;
                }
            }
            uses.into_iter().map(|n| n > 1).collect()
        });
        shared.get(name as usize).copied().unwrap_or(false)
    }

    /// Goroutines that ever existed (main included).
    pub fn goroutine_count(&self) -> usize {
        self.goroutines.len().saturating_sub(1)
    }

    /// True when events are missing at the end.
    pub fn truncated(&self) -> bool {
        self.dropped > 0
    }

    /// The lane name of goroutine `g`: its label's name with the index the program gave it
    /// (`worker 3`), or, when other goroutines share the label and the program gave none, with
    /// its number among them in the order they started (`main.worker 2`: an interpreted
    /// program's goroutines are named after their function); `g0` for an id the trace does
    /// not know.
    pub fn name(&self, g: GoId) -> String {
        let Some(info) = self.goroutines.get(g as usize).filter(|_| g != 0) else {
            return format!("g{g}");
        };
        let base = self
            .labels
            .get(info.label as usize)
            .map_or("?", |l| &l.name);
        let number = match info.index {
            u32::MAX => self.number(g),
            index => index,
        };
        match number {
            0 if info.index == u32::MAX => base.to_string(),
            n => format!("{base} {n}"),
        }
    }

    /// Goroutine `g`'s number among the goroutines that share its label, counted from 1 in the
    /// order they started; 0 when no other goroutine has its label.
    fn number(&self, g: GoId) -> u32 {
        let numbers = self.label_numbers.0.get_or_init(|| {
            let label = |info: &GInfo| info.label as usize;
            let mut uses = vec![0u32; self.labels.len()];
            for info in self.goroutines.iter().skip(1) {
                if let Some(n) = uses.get_mut(label(info)) {
                    *n += 1;
                }
            }
            let mut seen = vec![0u32; self.labels.len()];
            let mut numbers = vec![0u32; self.goroutines.len()];
            for (number, info) in numbers.iter_mut().zip(&self.goroutines).skip(1) {
                if uses.get(label(info)).is_some_and(|&n| n > 1) {
                    seen[label(info)] += 1;
                    *number = seen[label(info)];
                }
            }
            numbers
        });
        numbers.get(g as usize).copied().unwrap_or(0)
    }

    /// The source line of the function goroutine `g` runs (0 when unknown).
    pub fn line(&self, g: GoId) -> u32 {
        self.goroutines
            .get(g as usize)
            .and_then(|i| self.labels.get(i.label as usize))
            .map_or(0, |l| l.line)
    }

    /// The function goroutine `g` runs, as Go names it (`main.worker`).
    pub fn func(&self, g: GoId) -> &str {
        self.goroutines
            .get(g as usize)
            .and_then(|i| self.labels.get(i.label as usize))
            .map_or("", |l| &l.func)
    }

    /// The binary form (see the module doc).
    pub fn to_bytes(&self) -> Vec<u8> {
        let label_bytes: usize = self
            .labels
            .iter()
            .map(|l| 12 + l.name.len() + l.func.len())
            .sum();
        let name_bytes: usize = self.chan_names.iter().map(|n| 4 + n.len()).sum();
        let len = HEADER_BYTES
            + self.events.len() * EVENT_BYTES
            + self.goroutines.len() * GINFO_BYTES
            + self.chans.len() * CHAN_BYTES
            + label_bytes
            + name_bytes;
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(MAGIC);
        for v in [VERSION, self.procs, 0] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [self.end_ns, self.dropped] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for n in [
            self.events.len(),
            self.goroutines.len(),
            self.chans.len(),
            self.labels.len(),
            self.chan_names.len(),
        ] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        for e in &self.events {
            let mut b = [0u8; EVENT_BYTES];
            b[0..8].copy_from_slice(&e.t.to_le_bytes());
            b[8..12].copy_from_slice(&e.g.to_le_bytes());
            b[12..16].copy_from_slice(&e.obj.to_le_bytes());
            b[16..20].copy_from_slice(&e.arg.to_le_bytes());
            b[20] = e.kind as u8;
            b[21] = e.proc;
            out.extend_from_slice(&b);
        }
        for g in &self.goroutines {
            let mut b = [0u8; GINFO_BYTES];
            b[0..4].copy_from_slice(&g.label.to_le_bytes());
            b[4..8].copy_from_slice(&g.index.to_le_bytes());
            b[8..12].copy_from_slice(&g.parent.to_le_bytes());
            b[16..24].copy_from_slice(&g.created_ns.to_le_bytes());
            out.extend_from_slice(&b);
        }
        for c in &self.chans {
            let mut b = [0u8; CHAN_BYTES];
            b[0..4].copy_from_slice(&c.cap.to_le_bytes());
            b[4..8].copy_from_slice(&c.created_by.to_le_bytes());
            b[8..16].copy_from_slice(&c.created_ns.to_le_bytes());
            b[16..20].copy_from_slice(&c.name.to_le_bytes());
            b[20..24].copy_from_slice(&c.line.to_le_bytes());
            out.extend_from_slice(&b);
        }
        let string = |out: &mut Vec<u8>, s: &str| {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        };
        for l in &self.labels {
            string(&mut out, &l.name);
            string(&mut out, &l.func);
            out.extend_from_slice(&l.line.to_le_bytes());
        }
        for n in &self.chan_names {
            string(&mut out, n);
        }
        debug_assert_eq!(out.len(), len);
        out
    }

    /// Reads the binary form back. Never panics, whatever `bytes` holds.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        Self::read_from(bytes)
    }

    /// Reads the binary form back from `src` a window at a time, so that a trace of tens of
    /// megabytes is never copied whole beside what is read from it (the page reads the
    /// worker's buffer in place: `runner::client`). Never panics, whatever `src` holds.
    pub fn read_from<S: Source + ?Sized>(src: &S) -> Result<Self, DecodeError> {
        let mut r = Reader {
            src,
            buf: Vec::new(),
            start: 0,
            pos: 0,
        };
        if r.take(4)? != MAGIC {
            return Err(DecodeError("not a chanlab trace".into()));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(DecodeError(format!("format version {version}")));
        }
        let procs = r.u32()?;
        let _flags = r.u32()?;
        let end_ns = r.u64()?;
        let dropped = r.u64()?;
        let n_events = r.u32()? as usize;
        let n_gs = r.u32()? as usize;
        let n_chans = r.u32()? as usize;
        let n_labels = r.u32()? as usize;
        let n_names = r.u32()? as usize;

        // Check the lengths before allocating, so a lying header cannot ask for gigabytes.
        let fixed = n_events as u64 * EVENT_BYTES as u64
            + n_gs as u64 * GINFO_BYTES as u64
            + n_chans as u64 * CHAN_BYTES as u64
            + n_labels as u64 * 12
            + n_names as u64 * 4;
        if fixed > r.left() as u64 {
            return Err(DecodeError("shorter than its header says".into()));
        }

        // Fixed-size records: the compiler sees every field's bounds, and the loop is a copy.
        let events = r.records::<EVENT_BYTES, _>(n_events, |b| {
            Ok(Event {
                t: le64(&b[0..8]),
                g: le32(&b[8..12]),
                obj: le32(&b[12..16]),
                arg: le32(&b[16..20]),
                kind: kind_from(b[20])?,
                proc: b[21],
            })
        })?;
        let goroutines = r.records::<GINFO_BYTES, _>(n_gs, |b| {
            Ok(GInfo {
                label: le32(&b[0..4]),
                index: le32(&b[4..8]),
                parent: le32(&b[8..12]),
                created_ns: le64(&b[16..24]),
            })
        })?;
        let chans = r.records::<CHAN_BYTES, _>(n_chans, |b| {
            Ok(ChanInfo {
                cap: le32(&b[0..4]),
                created_by: le32(&b[4..8]),
                created_ns: le64(&b[8..16]),
                name: le32(&b[16..20]),
                line: le32(&b[20..24]),
            })
        })?;
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let name = r.string()?;
            let func = r.string()?;
            let line = r.u32()?;
            labels.push(LabelName { name, func, line });
        }
        let mut chan_names = Vec::with_capacity(n_names);
        for _ in 0..n_names {
            chan_names.push(r.string()?);
        }
        if r.left() != 0 {
            return Err(DecodeError("trailing bytes".into()));
        }
        // Entry 0 is a placeholder whose label may point nowhere when no goroutine ran.
        if goroutines
            .iter()
            .skip(1)
            .any(|g| g.label as usize >= labels.len())
        {
            return Err(DecodeError("a goroutine names a missing label".into()));
        }
        if chans
            .iter()
            .any(|c| c.name != 0 && c.name as usize >= chan_names.len())
        {
            return Err(DecodeError("a channel names a missing name".into()));
        }
        Ok(TraceData {
            events,
            goroutines,
            labels,
            chans,
            chan_names,
            procs,
            end_ns,
            dropped,
            label_numbers: Default::default(),
            shared_chan_names: Default::default(),
        })
    }
}

fn le32(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn le64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

fn kind_from(code: u8) -> Result<Kind, DecodeError> {
    const KINDS: [Kind; 9] = [
        Kind::GoCreate,
        Kind::GoState,
        Kind::ChanMake,
        Kind::ChanSend,
        Kind::ChanRecv,
        Kind::ChanRecvClosed,
        Kind::ChanClose,
        Kind::Output,
        Kind::ProcSpan,
    ];
    KINDS
        .get(code as usize)
        .copied()
        .filter(|k| *k as u8 == code)
        .ok_or_else(|| DecodeError(format!("unknown event kind {code}")))
}

/// Where a trace's binary form is read from: a byte slice, or the page's transferred buffer.
pub trait Source {
    /// Its length in bytes.
    fn size(&self) -> usize;
    /// Copies its bytes from `at` into `out`. Precondition: `at + out.len() <= self.size()`.
    fn copy(&self, at: usize, out: &mut [u8]);
}

impl Source for [u8] {
    fn size(&self) -> usize {
        self.len()
    }

    fn copy(&self, at: usize, out: &mut [u8]) {
        out.copy_from_slice(&self[at..at + out.len()]);
    }
}

/// How many bytes a reader copies from its source at a time (more for a longer field).
const WINDOW: usize = 1 << 16;

/// A cursor over the source, which it copies a window at a time; every read checks the
/// length.
struct Reader<'a, S: ?Sized> {
    src: &'a S,
    /// The source's bytes from `start` on, copied.
    buf: Vec<u8>,
    start: usize,
    /// How much of `buf` is read.
    pos: usize,
}

impl<S: Source + ?Sized> Reader<'_, S> {
    fn left(&self) -> usize {
        self.src.size() - self.start - self.pos
    }

    fn take(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        if n > self.left() {
            return Err(DecodeError("cut short".into()));
        }
        if self.pos + n > self.buf.len() {
            // The window from the first byte not read, long enough for `n`.
            self.start += self.pos;
            self.pos = 0;
            self.buf
                .resize(n.max(WINDOW).min(self.src.size() - self.start), 0);
            self.src.copy(self.start, &mut self.buf);
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// `n` records of `SIZE` bytes, each read by `read`, a window's worth at a time.
    fn records<const SIZE: usize, T>(
        &mut self,
        n: usize,
        mut read: impl FnMut(&[u8; SIZE]) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let part = (n - out.len()).min(WINDOW / SIZE);
            for b in self.take(part * SIZE)?.as_chunks::<SIZE>().0 {
                out.push(read(b)?);
            }
        }
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        self.take(4).map(le32)
    }

    fn u64(&mut self) -> Result<u64, DecodeError> {
        self.take(8).map(le64)
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| DecodeError("a name is not UTF-8".into()))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small trace: main (g1) makes a channel, starts `worker 1` (g2) and sleeps 10 ns; the
    /// worker blocks receiving value 0, which main sends when it wakes.
    pub(crate) fn sample() -> TraceData {
        let ev = |t, g, obj, arg, kind| Event {
            t,
            g,
            obj,
            arg,
            kind,
            proc: 0,
        };
        TraceData {
            events: vec![
                ev(0, 1, 0, 0, Kind::GoCreate),
                ev(0, 1, 1, 0, Kind::ChanMake),
                ev(0, 2, 1, 0, Kind::GoCreate),
                ev(0, 2, 1, 4, Kind::GoState), // worker blocks on receive (3 + ChanRecv)
                ev(0, 1, 0, 9, Kind::GoState), // main sleeps (3 + Sleep)
                ev(10, 1, 0, 0, Kind::GoState), // main runnable
                ev(10, 1, 1, 0, Kind::ChanSend),
                ev(10, 2, 1, 0, Kind::ChanRecv),
                ev(10, 2, 0, 0, Kind::GoState), // worker runnable
                ev(10, 2, 0, 2, Kind::GoState), // worker done
                ev(10, 1, 0, 0, Kind::Output),
                ev(10, 1, 0, 2, Kind::GoState), // main done
            ],
            goroutines: vec![
                GInfo {
                    label: 0,
                    index: u32::MAX,
                    parent: 0,
                    created_ns: 0,
                },
                GInfo {
                    label: 0,
                    index: u32::MAX,
                    parent: 0,
                    created_ns: 0,
                },
                GInfo {
                    label: 1,
                    index: 1,
                    parent: 1,
                    created_ns: 0,
                },
            ],
            labels: vec![
                LabelName {
                    name: "main".into(),
                    func: "main.main".into(),
                    line: 0,
                },
                LabelName {
                    name: "worker".into(),
                    func: "main.worker".into(),
                    line: 0,
                },
            ],
            chans: vec![
                ChanInfo::default(),
                ChanInfo {
                    cap: 0,
                    created_ns: 0,
                    created_by: 1,
                    name: 1,
                    line: 7,
                },
            ],
            chan_names: vec![String::new(), "jobs".into()],
            procs: 2,
            end_ns: 10,
            dropped: 0,
            label_numbers: Default::default(),
            shared_chan_names: Default::default(),
        }
    }

    #[test]
    fn the_binary_form_round_trips() {
        let t = sample();
        let bytes = t.to_bytes();
        assert_eq!(
            bytes.len(),
            HEADER_BYTES + 12 * 24 + 3 * 24 + 2 * 24 + 12 * 2 + 4 + 9 + 6 + 11 + 4 + 4 + 4
        );
        assert_eq!(TraceData::from_bytes(&bytes), Ok(t));
    }

    #[test]
    fn a_trace_of_many_windows_round_trips() {
        // Records across windows' ends, and names longer than a window.
        let mut t = sample();
        let events = t.events.clone();
        for i in 0..7_000u64 {
            t.events
                .extend(events.iter().map(|e| Event { t: e.t + i, ..*e }));
        }
        let g = t.goroutines[1];
        t.goroutines
            .extend((0..5_000).map(|i| GInfo { index: i, ..g }));
        t.labels[0].name = "long ".repeat(WINDOW / 3);
        t.chan_names.push("名".repeat(WINDOW));
        let bytes = t.to_bytes();
        assert!(bytes.len() > 20 * WINDOW);
        assert_eq!(TraceData::from_bytes(&bytes), Ok(t));
    }

    #[test]
    fn names_are_resolved() {
        let t = sample();
        assert_eq!(t.name(1), "main");
        assert_eq!(t.name(2), "worker 1");
        assert_eq!(t.func(2), "main.worker");
        assert_eq!(t.name(9), "g9");
        assert_eq!(t.goroutine_count(), 2);
        assert_eq!(t.chan_name(1), "jobs");
        assert_eq!(t.chans[1].line, 7);
        assert_eq!(t.chan_name(0), "ch0");
        let mut two = sample();
        two.chans.push(two.chans[1]);
        assert_eq!(
            (two.chan_name(1), two.chan_name(2)),
            ("jobs#1".into(), "jobs#2".into())
        );
    }

    #[test]
    fn goroutines_sharing_a_label_without_an_index_are_numbered_in_start_order() {
        let mut t = sample();
        // Goroutines 2, 3 and 4 run the same function and got no index from the program.
        let worker = GInfo {
            label: 1,
            index: u32::MAX,
            parent: 1,
            created_ns: 0,
        };
        t.goroutines[2] = worker;
        t.goroutines.extend([worker, worker]);
        let names: Vec<String> = (1..=4).map(|g| t.name(g)).collect();
        assert_eq!(names, ["main", "worker 1", "worker 2", "worker 3"]);
        // A label of one goroutine takes no number.
        assert_eq!(sample().name(1), "main");
    }

    #[test]
    fn lines_come_from_the_program() {
        let mut t = sample();
        t.set_lines(|func| (func == "main.worker").then_some(12));
        assert_eq!((t.labels[0].line, t.labels[1].line), (0, 12));
        assert_eq!(TraceData::from_bytes(&t.to_bytes()), Ok(t));
    }

    #[test]
    fn damaged_buffers_are_refused_without_panicking() {
        let bytes = sample().to_bytes();
        for cut in 0..bytes.len() {
            assert!(
                TraceData::from_bytes(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut bad_kind = bytes.clone();
        bad_kind[HEADER_BYTES + 20] = 200;
        assert!(TraceData::from_bytes(&bad_kind).is_err());
        let mut huge = bytes.clone();
        huge[36..40].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(TraceData::from_bytes(&huge).is_err());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(TraceData::from_bytes(&extra).is_err());
        let mut t = sample();
        t.chans[1].name = 9;
        assert!(TraceData::from_bytes(&t.to_bytes()).is_err());
    }

    #[test]
    fn a_real_run_converts_with_its_names() {
        use crate::rt::{Config, Progress, Runtime};
        let pattern = crate::patterns::find("worker-pool").unwrap();
        let (params, _) = pattern.parse_params([("workers", "3"), ("jobs", "6")]);
        let mut rt = Runtime::new(Config::default());
        rt.start(pattern.program(&params, 1));
        let report = loop {
            if let Progress::Done(r) = rt.run_slice(1 << 20) {
                break r;
            }
        };
        let t = TraceData::from_trace(&report.trace, report.end_ns, 4);
        let names: Vec<String> = (1..=t.goroutine_count() as u32)
            .map(|g| t.name(g))
            .collect();
        assert_eq!(
            names,
            ["main", "worker 1", "worker 2", "worker 3", "closer"]
        );
        let back = TraceData::from_bytes(&t.to_bytes()).unwrap();
        assert_eq!(back, t);
    }
}
