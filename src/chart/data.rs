//! The trace as the page holds it, and its binary form for the trip from the worker.
//!
//! [`TraceData`] is [`rt::trace::Trace`](crate::rt::trace::Trace) with its names resolved to
//! owned strings, so that it can live on the page, where the runtime never runs. It crosses the
//! worker boundary once per run as one little-endian byte buffer ([`TraceData::to_bytes`]),
//! which the worker posts as a transferable `ArrayBuffer` (moved, not copied) and the page reads
//! back with [`TraceData::from_bytes`]. JSON would cost ~100 bytes and a parse per event; the
//! binary form is the events' own 24 bytes, copied in and out with no parsing.
//!
//! # Layout (all integers little-endian)
//! ```text
//! header   magic "CLTR", version u32, procs u32, flags u32,
//!          end_ns u64, dropped u64,
//!          events u32, goroutines u32, chans u32, labels u32
//! events   24 bytes each: t u64, g u32, obj u32, arg u32, kind u8, proc u8, 2 zero bytes
//! gorout.  24 bytes each: label u32, index u32, parent u32, 4 zero bytes, created_ns u64
//! chans    16 bytes each: cap u32, created_by u32, created_ns u64
//! labels   each: name (u32 length + UTF-8), func (u32 length + UTF-8)
//! ```
//!
//! # Invariants
//! - `goroutines[0]` and `chans[0]` are placeholders (Go id 0 is nobody, channel 0 is nil).
//! - Every `GInfo::label` indexes `labels`; [`TraceData::from_bytes`] checks it.
//! - `events` are in the order the runtime recorded them (time order, except that a
//!   `ProcSpan` carries its own start, which may lie ahead).

use crate::rt::trace::{ChanInfo, Event, GInfo, Kind, Trace};
use crate::rt::GoId;

const MAGIC: &[u8; 4] = b"CLTR";
const VERSION: u32 = 1;
const HEADER_BYTES: usize = 4 + 4 * 3 + 8 * 2 + 4 * 4;
const EVENT_BYTES: usize = 24;
const GINFO_BYTES: usize = 24;
const CHAN_BYTES: usize = 16;

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
    /// Processors of the run (virtual in sim mode).
    pub procs: u32,
    /// The clock when the run ended.
    pub end_ns: u64,
    /// Events the runtime did not store, or the worker did not send.
    pub dropped: u64,
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
            })
            .collect();
        TraceData {
            events: trace.events[..keep].to_vec(),
            goroutines: trace.goroutines.clone(),
            labels,
            chans: trace.chans.clone(),
            procs,
            end_ns,
            dropped: trace.dropped + (trace.events.len() - keep) as u64,
        }
    }

    /// Goroutines that ever existed (main included).
    pub fn goroutine_count(&self) -> usize {
        self.goroutines.len().saturating_sub(1)
    }

    /// True when events are missing at the end.
    pub fn truncated(&self) -> bool {
        self.dropped > 0
    }

    /// The lane name of goroutine `g` (`worker 3`); `g0` for an id the trace does not know.
    pub fn name(&self, g: GoId) -> String {
        let Some(info) = self.goroutines.get(g as usize).filter(|_| g != 0) else {
            return format!("g{g}");
        };
        let base = self
            .labels
            .get(info.label as usize)
            .map_or("?", |l| &l.name);
        if info.index == u32::MAX {
            base.to_string()
        } else {
            format!("{base} {}", info.index)
        }
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
            .map(|l| 8 + l.name.len() + l.func.len())
            .sum();
        let len = HEADER_BYTES
            + self.events.len() * EVENT_BYTES
            + self.goroutines.len() * GINFO_BYTES
            + self.chans.len() * CHAN_BYTES
            + label_bytes;
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
            out.extend_from_slice(&b);
        }
        for l in &self.labels {
            for s in [&l.name, &l.func] {
                out.extend_from_slice(&(s.len() as u32).to_le_bytes());
                out.extend_from_slice(s.as_bytes());
            }
        }
        debug_assert_eq!(out.len(), len);
        out
    }

    /// Reads the binary form back. Never panics, whatever `bytes` holds.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader { bytes, at: 0 };
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

        // Check the lengths before allocating, so a lying header cannot ask for gigabytes.
        let fixed = n_events as u64 * EVENT_BYTES as u64
            + n_gs as u64 * GINFO_BYTES as u64
            + n_chans as u64 * CHAN_BYTES as u64
            + n_labels as u64 * 8;
        if fixed > r.left() as u64 {
            return Err(DecodeError("shorter than its header says".into()));
        }

        let mut events = Vec::with_capacity(n_events);
        // Fixed-size chunks: the compiler sees every field's bounds, and the loop is a copy.
        let (chunks, _) = r.take(n_events * EVENT_BYTES)?.as_chunks::<EVENT_BYTES>();
        for b in chunks {
            events.push(Event {
                t: le64(&b[0..8]),
                g: le32(&b[8..12]),
                obj: le32(&b[12..16]),
                arg: le32(&b[16..20]),
                kind: kind_from(b[20])?,
                proc: b[21],
            });
        }
        let mut goroutines = Vec::with_capacity(n_gs);
        for b in r.take(n_gs * GINFO_BYTES)?.chunks_exact(GINFO_BYTES) {
            goroutines.push(GInfo {
                label: le32(&b[0..4]),
                index: le32(&b[4..8]),
                parent: le32(&b[8..12]),
                created_ns: le64(&b[16..24]),
            });
        }
        let mut chans = Vec::with_capacity(n_chans);
        for b in r.take(n_chans * CHAN_BYTES)?.chunks_exact(CHAN_BYTES) {
            chans.push(ChanInfo {
                cap: le32(&b[0..4]),
                created_by: le32(&b[4..8]),
                created_ns: le64(&b[8..16]),
            });
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let name = r.string()?;
            let func = r.string()?;
            labels.push(LabelName { name, func });
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
        Ok(TraceData {
            events,
            goroutines,
            labels,
            chans,
            procs,
            end_ns,
            dropped,
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

/// A cursor over the buffer; every read checks the length.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if n > self.left() {
            return Err(DecodeError("cut short".into()));
        }
        let s = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(s)
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
                },
                LabelName {
                    name: "worker".into(),
                    func: "main.worker".into(),
                },
            ],
            chans: vec![
                ChanInfo {
                    cap: 0,
                    created_ns: 0,
                    created_by: 0,
                },
                ChanInfo {
                    cap: 0,
                    created_ns: 0,
                    created_by: 1,
                },
            ],
            procs: 2,
            end_ns: 10,
            dropped: 0,
        }
    }

    #[test]
    fn the_binary_form_round_trips() {
        let t = sample();
        let bytes = t.to_bytes();
        assert_eq!(
            bytes.len(),
            HEADER_BYTES + 12 * 24 + 3 * 24 + 2 * 16 + 8 * 2 + 4 + 9 + 6 + 11
        );
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
        let mut extra = bytes;
        extra.push(0);
        assert!(TraceData::from_bytes(&extra).is_err());
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
