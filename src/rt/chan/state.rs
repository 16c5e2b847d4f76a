//! A channel's state and the transfers of Go's `chan.go`, typed ([`ChanState`]) and
//! type-erased for select and the hub ([`ChanObj`]); every channel of a run ([`ChanTable`]).
//!
//! # Invariants
//! - `buf.len() <= cap`.
//! - A valid entry in `recvq` means the buffer is empty; a valid entry in `sendq` means the
//!   buffer is full. Entries whose goroutine left that park (a select that another case won)
//!   are stale: skipped and dropped when met.
//! - Once `closed`, both queues are empty and stay empty.
//! - The k-th value sent is the k-th received (`sent`, `received` number them for the trace).

use std::any::Any;
use std::collections::VecDeque;

use crate::rt::fault::Fault;
use crate::rt::goroutine::{WaitKey, Wake};
use crate::rt::real::Data;
use crate::rt::sched::{put, Sched};
use crate::rt::trace::{ChanInfo, Event, Kind};
use crate::rt::Value;

/// The state of one channel.
pub(crate) struct ChanState<T> {
    id: u32,
    cap: usize,
    buf: VecDeque<T>,
    closed: bool,
    pub(super) recvq: VecDeque<WaitKey>,
    pub(super) sendq: VecDeque<(WaitKey, T)>,
    /// Values for receivers that were woken and have not resumed, by park sequence number.
    handoff: Vec<(u64, T)>,
    /// Values sent so far (numbers the next send).
    sent: u32,
    /// Values received so far (numbers the next receive).
    received: u32,
}

/// Why a send could not complete at once.
pub(crate) enum SendFail<T> {
    /// The channel is closed: the sender panics.
    Closed(T),
    /// No receiver and no room: the sender must park.
    Full(T),
}

impl<T: 'static> ChanState<T> {
    fn new(id: u32, cap: usize) -> Self {
        ChanState {
            id,
            cap,
            buf: VecDeque::with_capacity(cap.min(1024)),
            closed: false,
            recvq: VecDeque::new(),
            sendq: VecDeque::new(),
            handoff: Vec::new(),
            sent: 0,
            received: 0,
        }
    }

    /// Records goroutine `g`'s `kind` of operation on this channel (not a send or receive:
    /// those are [`ChanState::sent`] and [`ChanState::received`]).
    pub(super) fn event(&mut self, s: &mut Sched, kind: Kind, g: u32) {
        self.push(s, kind, g, 0);
    }

    /// Records that goroutine `g` sent the next value.
    #[inline]
    fn sent(&mut self, s: &mut Sched, g: u32) {
        let n = self.sent;
        self.sent = n.wrapping_add(1);
        s.metrics.chan_sends += 1;
        self.push(s, Kind::ChanSend, g, n);
    }

    /// Records that goroutine `g` received the next value.
    #[inline]
    fn received(&mut self, s: &mut Sched, g: u32) {
        let n = self.received;
        self.received = n.wrapping_add(1);
        s.metrics.chan_recvs += 1;
        self.push(s, Kind::ChanRecv, g, n);
    }

    #[inline]
    fn push(&self, s: &mut Sched, kind: Kind, g: u32, arg: u32) {
        s.trace.push(Event {
            t: s.now,
            g,
            obj: self.id,
            arg,
            kind,
            proc: 0,
        });
    }

    /// Sends `v` if that can happen without blocking.
    pub fn try_send(&mut self, s: &mut Sched, v: T) -> Result<(), SendFail<T>> {
        if self.closed {
            return Err(SendFail::Closed(v));
        }
        let me = s.current_id();
        while let Some(key) = next_waiter(&mut self.recvq, s) {
            if let Some(receiver) = s.ready_id(key, Wake::default()) {
                self.sent(s, me);
                self.received(s, receiver);
                self.handoff.push((key.seq, v));
                return Ok(());
            }
        }
        if self.buf.len() < self.cap {
            self.buf.push_back(v);
            self.sent(s, me);
            return Ok(());
        }
        Err(SendFail::Full(v))
    }

    /// Receives if that can happen without blocking: `Some(Some(v))` a value, `Some(None)` the
    /// channel is closed and drained, `None` the receiver must park.
    pub fn try_recv(&mut self, s: &mut Sched) -> Option<Option<T>> {
        let me = s.current_id();
        let oldest = if s.fault == Some(Fault::LifoBuffer) {
            self.buf.pop_back()
        } else {
            self.buf.pop_front()
        };
        if let Some(v) = oldest {
            self.received(s, me);
            // Room now: the first parked sender's value moves into the buffer.
            while let Some((key, w)) = next_waiter(&mut self.sendq, s) {
                if let Some(sender) = s.ready_id(key, Wake::default()) {
                    self.buf.push_back(w);
                    self.sent(s, sender);
                    break;
                }
            }
            return Some(Some(v));
        }
        while let Some((key, w)) = next_waiter(&mut self.sendq, s) {
            if let Some(sender) = s.ready_id(key, Wake::default()) {
                self.sent(s, sender);
                self.received(s, me);
                return Some(Some(w));
            }
        }
        if self.closed {
            self.event(s, Kind::ChanRecvClosed, me);
            return Some(None);
        }
        None
    }

    /// Closes the channel: parked receivers get the zero value, parked senders panic.
    /// `Err` carries Go's panic message.
    pub fn close(&mut self, s: &mut Sched) -> Result<(), &'static str> {
        if self.closed {
            return Err("close of closed channel");
        }
        self.closed = true;
        let me = s.current_id();
        self.event(s, Kind::ChanClose, me);
        let closed = Wake {
            case: 0,
            closed: true,
        };
        // Go gathers the parked receivers, then the senders, on a stack, and wakes them as it
        // pops them: the last sender first, the first receiver last (which, the closer's
        // `next` taking each in turn, runs first).
        let keep_senders = s.fault == Some(Fault::CloseKeepsSenders);
        let senders = std::mem::take(&mut self.sendq);
        for (key, _) in senders.into_iter().rev().filter(|_| !keep_senders) {
            s.ready(key, closed);
        }
        for key in std::mem::take(&mut self.recvq).into_iter().rev() {
            s.ready(key, closed);
        }
        Ok(())
    }

    /// The value handed to the receiver parked as `seq`. Precondition: it was woken by a send.
    pub fn take_handoff(&mut self, seq: u64) -> T {
        let i = self
            .handoff
            .iter()
            .position(|(s, _)| *s == seq)
            .expect("a receiver woken by a send has its value");
        self.handoff.swap_remove(i).1
    }
}

/// The waiter a transfer serves: the first parked (Go's FIFO wait queues).
#[inline]
fn next_waiter<W>(queue: &mut VecDeque<W>, s: &Sched) -> Option<W> {
    if s.fault == Some(Fault::LifoWakeup) {
        queue.pop_back()
    } else {
        queue.pop_front()
    }
}

/// A value of some channel's element type, as select and the hub hold it without knowing the
/// type: it crosses between workers as [`Element::to_data`] makes it.
pub(crate) trait Element: Any {
    fn to_data(&self) -> Data;
}

impl<T: Value> Element for T {
    fn to_data(&self) -> Data {
        Data::of(self)
    }
}

/// What select needs of a channel without knowing its element type.
pub(crate) trait ChanObj: Any {
    fn len(&self) -> usize;
    fn cap(&self) -> usize;
    fn try_send_any(
        &mut self,
        s: &mut Sched,
        v: Box<dyn Element>,
    ) -> Result<(), SendFail<Box<dyn Element>>>;
    fn try_recv_any(&mut self, s: &mut Sched) -> Option<Option<Box<dyn Element>>>;
    fn park_send_any(&mut self, key: WaitKey, v: Box<dyn Element>);
    fn park_recv(&mut self, key: WaitKey);
    fn take_handoff_any(&mut self, seq: u64) -> Box<dyn Element>;
    /// Removes the waiters of park `seq` (a select that another case won).
    fn unpark(&mut self, seq: u64);
    fn close_chan(&mut self, s: &mut Sched) -> Result<(), &'static str>;
    /// A value of the element type, read from `v` (real mode's hub).
    fn value_from_data(&self, v: Data) -> Result<Box<dyn Element>, String>;
}

/// `v` as a `T`. Precondition: it is one, or (on real mode's hub) one of them and the other
/// is the [`Data`] it crosses as: a channel is only ever given values of its own type.
#[inline]
pub(crate) fn downcast<T: Value>(v: Box<dyn Element>) -> T {
    if (&*v as &dyn Any).is::<T>() {
        let v: Box<dyn Any> = v;
        return *v.downcast::<T>().expect("checked");
    }
    cross(v)
}

/// [`downcast`] of a value that is the other's [`Data`]: on real mode's hub, a channel an
/// executor made holds its values as they crossed until typed code uses it.
#[cold]
fn cross<T: Value>(v: Box<dyn Element>) -> T {
    v.to_data()
        .read::<T>()
        .expect("a channel is only ever given values of its own type")
}

impl<T: Value> ChanObj for ChanState<T> {
    fn len(&self) -> usize {
        self.buf.len()
    }
    fn cap(&self) -> usize {
        self.cap
    }
    fn try_send_any(
        &mut self,
        s: &mut Sched,
        v: Box<dyn Element>,
    ) -> Result<(), SendFail<Box<dyn Element>>> {
        self.try_send(s, downcast::<T>(v)).map_err(|e| match e {
            SendFail::Closed(v) => SendFail::Closed(Box::new(v) as Box<dyn Element>),
            SendFail::Full(v) => SendFail::Full(Box::new(v) as Box<dyn Element>),
        })
    }
    fn try_recv_any(&mut self, s: &mut Sched) -> Option<Option<Box<dyn Element>>> {
        self.try_recv(s)
            .map(|v| v.map(|v| Box::new(v) as Box<dyn Element>))
    }
    fn park_send_any(&mut self, key: WaitKey, v: Box<dyn Element>) {
        self.sendq.push_back((key, downcast::<T>(v)));
    }
    fn park_recv(&mut self, key: WaitKey) {
        self.recvq.push_back(key);
    }
    fn take_handoff_any(&mut self, seq: u64) -> Box<dyn Element> {
        Box::new(self.take_handoff(seq))
    }
    fn unpark(&mut self, seq: u64) {
        self.recvq.retain(|k| k.seq != seq);
        self.sendq.retain(|(k, _)| k.seq != seq);
    }
    fn close_chan(&mut self, s: &mut Sched) -> Result<(), &'static str> {
        self.close(s)
    }
    fn value_from_data(&self, v: Data) -> Result<Box<dyn Element>, String> {
        v.read::<T>()
            .map(|v| Box::new(v) as Box<dyn Element>)
            .map_err(|e| format!("a value of the wrong type for channel {}: {e}", self.id))
    }
}

/// Every channel of a run, by id; id 0 is the nil channel.
pub(crate) struct ChanTable {
    chans: Vec<Option<Box<dyn ChanObj>>>,
}

impl ChanTable {
    pub fn new() -> Self {
        ChanTable { chans: vec![None] }
    }

    /// Makes a channel of `T` with room for `cap` values; returns its id.
    pub fn make_next<T: Value>(&mut self, s: &mut Sched, cap: usize) -> u32 {
        let id = s.ids.next(self.chans.len());
        self.make::<T>(s, id, cap);
        id
    }

    /// Makes channel `id` of `T` with room for `cap` values.
    pub fn make<T: Value>(&mut self, s: &mut Sched, id: u32, cap: usize) {
        put(
            &mut self.chans,
            id,
            Some(Box::new(ChanState::<T>::new(id, cap))),
        );
        let info = ChanInfo {
            cap: cap as u32,
            created_ns: s.now,
            created_by: s.current_id(),
            ..ChanInfo::default()
        };
        put(&mut s.trace.chans, id, info);
        let g = s.current_id();
        s.trace.push(Event {
            t: s.now,
            g,
            obj: id,
            arg: cap as u32,
            kind: Kind::ChanMake,
            proc: 0,
        });
    }

    /// The channel `id`. Precondition: `id` is a channel of this run, not nil.
    #[inline]
    pub fn get_dyn(&mut self, id: u32) -> &mut dyn ChanObj {
        self.chans[id as usize]
            .as_deref_mut()
            .expect("the nil channel has no state")
    }

    /// The channel `id` with its element type. Precondition: as for `get_dyn`, and `T` is the
    /// type it was made with (handles are typed, so this holds), or the channel holds its
    /// values as [`Data`] (real mode's hub, for a channel an executor made: it takes `T`
    /// now).
    #[inline]
    pub fn get<T: Value>(&mut self, id: u32) -> &mut ChanState<T> {
        if !(self.get_dyn(id) as &dyn Any).is::<ChanState<T>>() {
            self.retype::<T>(id);
        }
        let any: &mut dyn Any = self.get_dyn(id);
        any.downcast_mut::<ChanState<T>>()
            .expect("a channel handle has its channel's element type")
    }

    /// Makes channel `id`, which holds its values as [`Data`], a channel of `T`.
    #[cold]
    fn retype<T: Value>(&mut self, id: u32) {
        let slot = &mut self.chans[id as usize];
        let Some(old) = slot.take() else {
            return;
        };
        let any: Box<dyn Any> = old;
        let old = any
            .downcast::<ChanState<Data>>()
            .expect("a channel handle has its channel's element type");
        let read = |v: Data| {
            v.read::<T>()
                .expect("a channel is only ever given values of its own type")
        };
        let ChanState {
            id,
            cap,
            buf,
            closed,
            recvq,
            sendq,
            handoff,
            sent,
            received,
        } = *old;
        *slot = Some(Box::new(ChanState::<T> {
            id,
            cap,
            buf: buf.into_iter().map(read).collect(),
            closed,
            recvq,
            sendq: sendq.into_iter().map(|(k, v)| (k, read(v))).collect(),
            handoff: handoff.into_iter().map(|(s, v)| (s, read(v))).collect(),
            sent,
            received,
        }));
    }
}
