//! The trace: everything that happened in a run, compact enough to keep millions of events.
//!
//! An [`Event`] is 24 bytes: a timestamp, the goroutine, an object (channel id), an argument,
//! its kind and the processor it happened on. Goroutine names are interned: a goroutine costs
//! one 24-byte [`GInfo`] however it is named. A send and the receive that took its value carry
//! the same per-channel sequence number (channels are FIFO, so the k-th value sent is the k-th
//! received), which is how the timeline draws an arrow from each send to its receive, and how
//! a buffer's length at any instant is recovered (sends so far minus receives so far).
//!
//! Sim mode does not record `Running` transitions: a goroutine runs in zero virtual time, so a
//! running span is the instant between becoming runnable and its next state event. CPU work on
//! a virtual processor is recorded as a [`Kind::ProcSpan`].
//!
//! A trace dropped on a thread leaves its event buffer and goroutine table for the thread's
//! next trace (the worker runs one program after another), so a run writes its events into
//! memory that is already mapped: natively, the kernel's first touch of fresh pages is most
//! of what tracing costs.
//!
//! # Invariants
//! - Events are appended in time order.
//! - Once `cap` events are stored, further events are counted in `dropped` and not stored; the
//!   trace then says it is truncated, and everything computed from it says so too.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::goroutine::{GoId, Label, Status};

/// What an event records. `g` is always the goroutine concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u8)]
pub enum Kind {
    /// `g` was created by goroutine `obj`.
    GoCreate,
    /// `g` changed state to `Status::from_code(arg)`; `obj` is the channel or object it blocked
    /// on, 0 when none.
    GoState,
    /// `g` made channel `obj`; `arg` is its capacity.
    ChanMake,
    /// `g` sent value number `arg` (0-based, per channel) on channel `obj`.
    ChanSend,
    /// `g` received value number `arg` on channel `obj`.
    ChanRecv,
    /// `g` received the zero value from closed channel `obj`.
    ChanRecvClosed,
    /// `g` closed channel `obj`.
    ChanClose,
    /// `g` printed output line number `arg`.
    Output,
    /// `g` ran CPU work on processor `proc` from `t` for `arg` ns (`obj` holds the high bits).
    ProcSpan,
}

/// One trace event (24 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub t: u64,
    pub g: GoId,
    pub obj: u32,
    pub arg: u32,
    pub kind: Kind,
    pub proc: u8,
}

impl Event {
    /// The length of a `ProcSpan`.
    pub fn span_ns(&self) -> u64 {
        ((self.obj as u64) << 32) | self.arg as u64
    }
}

/// A goroutine as the trace knows it (24 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GInfo {
    /// Index into [`Trace::labels`].
    pub label: u32,
    /// The loop index of `worker 3`, or `u32::MAX`.
    pub index: u32,
    pub parent: GoId,
    pub created_ns: u64,
}

/// A channel as the trace knows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChanInfo {
    pub cap: u32,
    pub created_ns: u64,
    pub created_by: GoId,
    /// The variable the program made it for (`jobs`), an index into [`Trace::chan_names`];
    /// 0 when the program did not say (see [`Trace::name_chan`]).
    pub name: u32,
    /// The source line of its `make`, 0 when unknown.
    pub line: u32,
}

/// The default cap: 4 M events, about 100 MB.
pub const DEFAULT_CAP: usize = 4 << 20;

/// The events of a run and the names they refer to.
#[derive(Clone, Debug)]
pub struct Trace {
    pub events: Vec<Event>,
    /// Indexed by Go id; entry 0 is unused.
    pub goroutines: Vec<GInfo>,
    /// Distinct goroutine labels (function and program-given name; the index is per goroutine).
    pub labels: Vec<Label>,
    /// Indexed by channel id; entry 0 is the nil channel.
    pub chans: Vec<ChanInfo>,
    /// Distinct channel names ([`ChanInfo::name`]); entry 0 is the empty name.
    pub chan_names: Vec<&'static str>,
    pub cap: usize,
    /// Events that were not stored because the cap was reached.
    pub dropped: u64,
    /// Labels recently interned, to skip the search (programs have few distinct labels).
    recent: [(usize, u32); 4],
}

impl Trace {
    pub fn new(cap: usize) -> Self {
        Trace {
            events: if cap > 0 {
                take(&SPARE_EVENTS)
            } else {
                Vec::new()
            },
            goroutines: {
                let mut goroutines = take(&SPARE_GOROUTINES);
                goroutines.push(GInfo {
                    label: 0,
                    index: u32::MAX,
                    parent: 0,
                    created_ns: 0,
                });
                goroutines
            },
            labels: Vec::new(),
            chans: vec![ChanInfo::default()],
            chan_names: vec![""],
            cap,
            dropped: 0,
            recent: [(0, u32::MAX); 4],
        }
    }

    /// True when events were dropped at the cap.
    pub fn truncated(&self) -> bool {
        self.dropped > 0
    }

    #[inline]
    pub(crate) fn push(&mut self, e: Event) {
        if self.events.len() < self.cap {
            self.events.push(e);
        } else {
            self.dropped += 1;
        }
    }

    /// Names channel `id`: the variable `name` it was made for, at source line `line`.
    /// Precondition: the channel is in the trace.
    pub(crate) fn name_chan(&mut self, id: u32, name: &'static str, line: u32) {
        let index = match self.chan_names.iter().position(|n| *n == name) {
            Some(i) => i,
            None => {
                self.chan_names.push(name);
                self.chan_names.len() - 1
            }
        };
        if let Some(info) = self.chans.get_mut(id as usize) {
            info.name = index as u32;
            info.line = line;
        }
    }

    /// The name of channel `id` ([`ChanInfo::name`]), empty when it has none.
    pub fn chan_name(&self, id: u32) -> &'static str {
        self.chans
            .get(id as usize)
            .and_then(|c| self.chan_names.get(c.name as usize))
            .copied()
            .unwrap_or("")
    }

    /// Records goroutine `id`'s creation. Precondition: ids are registered in order.
    pub(crate) fn add_goroutine(&mut self, id: GoId, label: Label, parent: GoId, t: u64) {
        debug_assert_eq!(id as usize, self.goroutines.len());
        let l = self.intern(label);
        self.goroutines.push(GInfo {
            label: l,
            index: label.index.unwrap_or(u32::MAX),
            parent,
            created_ns: t,
        });
        self.push(Event {
            t,
            g: id,
            obj: parent,
            arg: 0,
            kind: Kind::GoCreate,
            proc: 0,
        });
    }

    fn intern(&mut self, label: Label) -> u32 {
        let key = label.func.as_ptr() as usize ^ label.name.map_or(0, |n| n.as_ptr() as usize);
        if let Some((_, i)) = self.recent.iter().find(|(k, _)| *k == key) {
            return *i;
        }
        let same = |l: &Label| l.func == label.func && l.name == label.name;
        let i = match self.labels.iter().position(same) {
            Some(i) => i as u32,
            None => {
                self.labels.push(Label {
                    index: None,
                    ..label
                });
                (self.labels.len() - 1) as u32
            }
        };
        self.recent.rotate_right(1);
        self.recent[0] = (key, i);
        i
    }

    /// The label of goroutine `id` (with its index).
    pub fn label(&self, id: GoId) -> Label {
        let info = &self.goroutines[id as usize];
        let base = self.labels[info.label as usize];
        Label {
            index: (info.index != u32::MAX).then_some(info.index),
            ..base
        }
    }

    /// The name shown on the timeline (`worker 3`).
    pub fn name(&self, id: GoId) -> String {
        self.label(id).display()
    }

    /// The trace as Chrome Trace Event JSON (the format Perfetto and chrome://tracing open):
    /// one thread per goroutine with a span per state, the CPU work on each processor, flow
    /// arrows from each send to its receive, and the output as instant events.
    pub fn to_chrome_json(&self, output: &[super::report::OutputLine]) -> String {
        let mut j = JsonOut {
            out: String::with_capacity(64 + self.events.len() * 96),
            first: true,
        };
        j.out
            .push_str("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[");
        j.emit(format_args!(
            "{{\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{{\"name\":\"goroutines\"}}}}"
        ));
        j.emit(format_args!(
            "{{\"ph\":\"M\",\"pid\":2,\"name\":\"process_name\",\"args\":{{\"name\":\"processors\"}}}}"
        ));
        for id in 1..self.goroutines.len() as GoId {
            let name = json_string(&format!("{} (g{id})", self.name(id)));
            j.emit(format_args!(
                "{{\"ph\":\"M\",\"pid\":1,\"tid\":{id},\"name\":\"thread_name\",\"args\":{{\"name\":{name}}}}}"
            ));
        }
        // The state each goroutine entered last, and when.
        let mut last: Vec<Option<(Status, u64)>> = vec![None; self.goroutines.len()];
        let end = self.events.iter().map(|e| e.t).max().unwrap_or(0);
        for e in &self.events {
            match e.kind {
                Kind::GoCreate => {
                    last[e.g as usize] = Some((Status::Runnable, e.t));
                }
                Kind::GoState => {
                    j.close_span(e.g, e.t, &mut last);
                    let status = Status::from_code(e.arg).unwrap_or(Status::Running);
                    last[e.g as usize] = Some((status, e.t));
                }
                Kind::ChanSend | Kind::ChanRecv => {
                    let (ph, name) = if e.kind == Kind::ChanSend {
                        ("s", "send")
                    } else {
                        ("f", "recv")
                    };
                    let id = ((e.obj as u64) << 32) | e.arg as u64;
                    j.instant(e.g, e.t, &format!("{name} ch{}", e.obj));
                    j.emit(format_args!(
                        "{{\"ph\":\"{ph}\",\"bp\":\"e\",\"pid\":1,\"tid\":{},\"name\":\"ch{}\",\"cat\":\"chan\",\"id\":{id},\"ts\":{}}}",
                        e.g,
                        e.obj,
                        us(e.t)
                    ));
                }
                Kind::ChanClose => j.instant(e.g, e.t, &format!("close ch{}", e.obj)),
                Kind::ChanMake => j.instant(e.g, e.t, &format!("make ch{}", e.obj)),
                Kind::ChanRecvClosed => j.instant(e.g, e.t, &format!("recv (closed) ch{}", e.obj)),
                Kind::Output => {
                    let text = output
                        .get(e.arg as usize)
                        .map_or(String::from("\"\""), |l| json_string(&l.text));
                    j.emit(format_args!(
                        "{{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":{},\"name\":\"print\",\"ts\":{},\"args\":{{\"text\":{text}}}}}",
                        e.g,
                        us(e.t)
                    ));
                }
                Kind::ProcSpan => {
                    let name = json_string(&self.name(e.g));
                    j.emit(format_args!(
                        "{{\"ph\":\"X\",\"pid\":2,\"tid\":{},\"name\":{name},\"ts\":{},\"dur\":{},\"args\":{{\"g\":{}}}}}",
                        e.proc,
                        us(e.t),
                        us(e.span_ns()),
                        e.g
                    ));
                }
            }
        }
        for g in 1..self.goroutines.len() as GoId {
            j.close_span(g, end, &mut last);
        }
        j.out.push_str("]}");
        j.out
    }
}

impl Drop for Trace {
    fn drop(&mut self) {
        give(&SPARE_EVENTS, std::mem::take(&mut self.events));
        give(&SPARE_GOROUTINES, std::mem::take(&mut self.goroutines));
    }
}

type Spare<T> = std::cell::Cell<Vec<T>>;

thread_local! {
    /// The largest event buffer a dropped trace left on this thread, for the next run's
    /// trace: its pages are already mapped and it needs no growing, so a run's events cost a
    /// store each instead of the kernel's first touch of fresh memory (most of tracing's
    /// cost natively). A page's worker runs pattern after pattern; a benchmark run after run.
    static SPARE_EVENTS: Spare<Event> = const { Spare::new(Vec::new()) };
    /// Likewise for the goroutine table, 24 bytes for every goroutine a run starts.
    static SPARE_GOROUTINES: Spare<GInfo> = const { Spare::new(Vec::new()) };
}

/// The spare buffer of `spare`, emptied (or a new one).
fn take<T: 'static>(spare: &'static std::thread::LocalKey<Spare<T>>) -> Vec<T> {
    let mut v = spare.try_with(|s| s.take()).unwrap_or_default();
    v.clear();
    v
}

/// Keeps `v`'s buffer as `spare` if it is larger than the one kept.
fn give<T: 'static>(spare: &'static std::thread::LocalKey<Spare<T>>, v: Vec<T>) {
    let _ = spare.try_with(|s| {
        let kept = s.take();
        s.set(if v.capacity() > kept.capacity() {
            v
        } else {
            kept
        });
    });
}

fn bytes<T: 'static>(spare: &'static std::thread::LocalKey<Spare<T>>) -> usize {
    spare
        .try_with(|s| {
            let v = s.take();
            let bytes = v.capacity() * std::mem::size_of::<T>();
            s.set(v);
            bytes
        })
        .unwrap_or(0)
}

/// Bytes held by this thread's spare trace buffers (for memory measurements: the next
/// run's trace takes them).
pub fn spare_bytes() -> usize {
    bytes(&SPARE_EVENTS) + bytes(&SPARE_GOROUTINES)
}

fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

/// A JSON array being written, one event at a time.
struct JsonOut {
    out: String,
    first: bool,
}

impl JsonOut {
    fn emit(&mut self, json: std::fmt::Arguments) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        let _ = self.out.write_fmt(json);
    }

    fn instant(&mut self, g: GoId, t: u64, name: &str) {
        let name = json_string(name);
        self.emit(format_args!(
            "{{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":{g},\"name\":{name},\"ts\":{}}}",
            us(t)
        ));
    }

    /// Ends goroutine `g`'s current state span at `until`.
    fn close_span(&mut self, g: GoId, until: u64, last: &mut [Option<(Status, u64)>]) {
        if let Some((status, since)) = last[g as usize].take() {
            if status != Status::Done {
                self.emit(format_args!(
                    "{{\"ph\":\"X\",\"pid\":1,\"tid\":{g},\"name\":\"{}\",\"ts\":{},\"dur\":{}}}",
                    status_name(status),
                    us(since),
                    us(until.saturating_sub(since))
                ));
            }
        }
    }
}

/// A state's name as the timeline's legend says it.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Runnable => "runnable",
        Status::Running => "running",
        Status::Done => "done",
        Status::Blocked(r) => r.go_name(),
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_small() {
        assert_eq!(std::mem::size_of::<Event>(), 24);
        assert_eq!(std::mem::size_of::<GInfo>(), 24);
    }

    #[test]
    fn the_cap_truncates_and_counts() {
        let mut t = Trace::new(2);
        for i in 0..5 {
            t.push(Event {
                t: i,
                g: 1,
                obj: 0,
                arg: 0,
                kind: Kind::Output,
                proc: 0,
            });
        }
        assert_eq!(t.events.len(), 2);
        assert_eq!(t.dropped, 3);
        assert!(t.truncated());
    }

    #[test]
    fn a_dropped_trace_leaves_its_buffer_to_the_next() {
        let mut t = Trace::new(1000);
        for i in 0..500 {
            t.push(Event {
                t: i,
                g: 1,
                obj: 0,
                arg: 0,
                kind: Kind::Output,
                proc: 0,
            });
        }
        let capacity = t.events.capacity();
        let table = t.goroutines.capacity() * std::mem::size_of::<GInfo>();
        drop(t);
        assert_eq!(
            spare_bytes(),
            capacity * std::mem::size_of::<Event>() + table
        );
        // A trace that records nothing does not take the events' buffer.
        let off = Trace::new(0);
        assert_eq!(off.events.capacity(), 0);
        assert_eq!(off.goroutines.len(), 1);
        let next = Trace::new(10);
        assert!(next.events.is_empty());
        assert_eq!(next.events.capacity(), capacity);
        assert_eq!(spare_bytes(), 0);
    }

    #[test]
    fn labels_are_interned() {
        let mut t = Trace::new(100);
        let l = |i| Label {
            func: "a::worker",
            name: None,
            index: Some(i),
        };
        t.add_goroutine(1, l(0), 0, 0);
        t.add_goroutine(2, l(1), 1, 0);
        assert_eq!(t.labels.len(), 1);
        assert_eq!(t.name(2), "worker 1");
    }
}
