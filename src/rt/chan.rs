//! Channels: Go's `chan T`, unbuffered (rendezvous) and buffered (FIFO).
//!
//! A [`Chan`] is a copyable handle, an id into the run's [`ChanTable`]; id 0 is the nil
//! channel. The state of a channel is a [`ChanState`]: its buffer, the goroutines parked to
//! receive (`recvq`) and to send (`sendq`, each with the value it brings), and values handed
//! to parked receivers that have not resumed yet (`handoff`).
//!
//! Transfers follow Go's `chan.go`: a send to a channel with a parked receiver hands the value
//! straight to it; otherwise it goes into the buffer if there is room; otherwise the sender
//! parks. A receive takes from the buffer (and refills it from the first parked sender), or
//! straight from a parked sender when unbuffered; otherwise the receiver parks. Parked
//! goroutines are woken in FIFO order.
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
use std::future::{Future, Ready};
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::current::with_core;
use super::goroutine::{WaitKey, WaitReason, Wake};
use super::remote::{self, from_json, to_json, Ask, Op, Routed};
use super::run::Core;
use super::sched::{put, Sched};
use super::trace::{ChanInfo, Event, Kind};
use super::Value;

/// The state of one channel.
pub(crate) struct ChanState<T> {
    id: u32,
    cap: usize,
    buf: VecDeque<T>,
    closed: bool,
    recvq: VecDeque<WaitKey>,
    sendq: VecDeque<(WaitKey, T)>,
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
    fn event(&mut self, s: &mut Sched, kind: Kind, g: u32) {
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
        while let Some(key) = self.recvq.pop_front() {
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
        if let Some(v) = self.buf.pop_front() {
            self.received(s, me);
            // Room now: the first parked sender's value moves into the buffer.
            while let Some((key, w)) = self.sendq.pop_front() {
                if let Some(sender) = s.ready_id(key, Wake::default()) {
                    self.buf.push_back(w);
                    self.sent(s, sender);
                    break;
                }
            }
            return Some(Some(v));
        }
        while let Some((key, w)) = self.sendq.pop_front() {
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
        for key in std::mem::take(&mut self.recvq) {
            s.ready(key, closed);
        }
        for (key, _) in std::mem::take(&mut self.sendq) {
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

/// What select needs of a channel without knowing its element type.
pub(crate) trait ChanObj: Any {
    fn len(&self) -> usize;
    fn cap(&self) -> usize;
    fn try_send_any(
        &mut self,
        s: &mut Sched,
        v: Box<dyn Any>,
    ) -> Result<(), SendFail<Box<dyn Any>>>;
    fn try_recv_any(&mut self, s: &mut Sched) -> Option<Option<Box<dyn Any>>>;
    fn park_send_any(&mut self, key: WaitKey, v: Box<dyn Any>);
    fn park_recv(&mut self, key: WaitKey);
    fn take_handoff_any(&mut self, seq: u64) -> Box<dyn Any>;
    /// Removes the waiters of park `seq` (a select that another case won).
    fn unpark(&mut self, seq: u64);
    fn close_chan(&mut self, s: &mut Sched) -> Result<(), &'static str>;
    /// A value of the element type from JSON (real mode's hub).
    fn value_from_json(&self, v: serde_json::Value) -> Result<Box<dyn Any>, String>;
    /// A value of the element type as JSON (real mode's hub).
    fn value_to_json(&self, v: Box<dyn Any>) -> serde_json::Value;
}

fn downcast<T: 'static>(v: Box<dyn Any>) -> T {
    *v.downcast::<T>()
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
        v: Box<dyn Any>,
    ) -> Result<(), SendFail<Box<dyn Any>>> {
        self.try_send(s, downcast::<T>(v)).map_err(|e| match e {
            SendFail::Closed(v) => SendFail::Closed(Box::new(v) as Box<dyn Any>),
            SendFail::Full(v) => SendFail::Full(Box::new(v) as Box<dyn Any>),
        })
    }
    fn try_recv_any(&mut self, s: &mut Sched) -> Option<Option<Box<dyn Any>>> {
        self.try_recv(s)
            .map(|v| v.map(|v| Box::new(v) as Box<dyn Any>))
    }
    fn park_send_any(&mut self, key: WaitKey, v: Box<dyn Any>) {
        self.sendq.push_back((key, downcast::<T>(v)));
    }
    fn park_recv(&mut self, key: WaitKey) {
        self.recvq.push_back(key);
    }
    fn take_handoff_any(&mut self, seq: u64) -> Box<dyn Any> {
        Box::new(self.take_handoff(seq))
    }
    fn unpark(&mut self, seq: u64) {
        self.recvq.retain(|k| k.seq != seq);
        self.sendq.retain(|(k, _)| k.seq != seq);
    }
    fn close_chan(&mut self, s: &mut Sched) -> Result<(), &'static str> {
        self.close(s)
    }
    fn value_from_json(&self, v: serde_json::Value) -> Result<Box<dyn Any>, String> {
        from_json::<T>(v)
            .map(|v| Box::new(v) as Box<dyn Any>)
            .map_err(|e| format!("a value of the wrong type for channel {}: {e}", self.id))
    }
    fn value_to_json(&self, v: Box<dyn Any>) -> serde_json::Value {
        to_json(&downcast::<T>(v))
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

    pub fn make<T: Value>(&mut self, s: &mut Sched, cap: usize) -> u32 {
        let id = s.ids.next(self.chans.len());
        put(
            &mut self.chans,
            id,
            Some(Box::new(ChanState::<T>::new(id, cap))),
        );
        let info = ChanInfo {
            cap: cap as u32,
            created_ns: s.now,
            created_by: s.current_id(),
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
        id
    }

    /// The channel `id`. Precondition: `id` is a channel of this run, not nil.
    #[inline]
    pub fn get_dyn(&mut self, id: u32) -> &mut dyn ChanObj {
        self.chans[id as usize]
            .as_deref_mut()
            .expect("the nil channel has no state")
    }

    /// The channel `id` with its element type. Precondition: as for `get_dyn`, and `T` is the
    /// type it was made with (handles are typed, so this holds).
    #[inline]
    pub fn get<T: 'static>(&mut self, id: u32) -> &mut ChanState<T> {
        let any: &mut dyn Any = self.get_dyn(id);
        any.downcast_mut::<ChanState<T>>()
            .expect("a channel handle has its channel's element type")
    }
}

/// A Go channel of `T`: a copyable handle. The default is the nil channel.
pub struct Chan<T> {
    id: u32,
    _t: PhantomData<fn(T) -> T>,
}

impl<T> Clone for Chan<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Chan<T> {}
impl<T> PartialEq for Chan<T> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl<T> Eq for Chan<T> {}
impl<T> std::fmt::Debug for Chan<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chan#{}", self.id)
    }
}
impl<T> Default for Chan<T> {
    fn default() -> Self {
        Chan::nil()
    }
}
impl<T> Serialize for Chan<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.id.serialize(s)
    }
}
impl<'de, T> Deserialize<'de> for Chan<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        u32::deserialize(d).map(Chan::from_id)
    }
}

/// Go's `make(chan T, cap)`; `cap` 0 makes an unbuffered channel.
pub fn make_chan<T: Value>(cap: usize) -> Chan<T> {
    if let Some(id) = remote::create(|id| Op::MakeChan { id, cap }) {
        return Chan::from_id(id);
    }
    let id = with_core(|c| c.chans.make::<T>(&mut c.sched, cap));
    Chan::from_id(id)
}

impl<T> Chan<T> {
    /// The nil channel (`var ch chan T`): sends and receives block forever, close panics.
    pub const fn nil() -> Self {
        Chan::from_id(0)
    }

    pub(crate) const fn from_id(id: u32) -> Self {
        Chan {
            id,
            _t: PhantomData,
        }
    }

    pub fn id(self) -> u32 {
        self.id
    }

    pub fn is_nil(self) -> bool {
        self.id == 0
    }
}

impl<T: Value> Chan<T> {
    /// `ch <- v`.
    pub fn send(self, v: T) -> Routed<Send<T>> {
        if remote::linked() {
            return Routed::Remote(Ask::new(Op::Send {
                chan: self.id,
                value: to_json(&v),
            }));
        }
        Routed::Local(Send {
            chan: self.id,
            value: Some(v),
            seq: 0,
        })
    }

    /// `<-ch`: `Some(v)`, or `None` once the channel is closed and drained (Go's zero value
    /// and `ok == false`). `while let Some(v) = ch.recv().await` is Go's `for v := range ch`.
    pub fn recv(self) -> Routed<Recv<T>> {
        if remote::linked() {
            return Routed::Remote(Ask::with(Op::Recv { chan: self.id }, decode_recv::<T>));
        }
        Routed::Local(Recv {
            chan: self.id,
            seq: 0,
            _t: PhantomData,
        })
    }

    /// `close(ch)`. Closing a closed or nil channel panics.
    pub fn close(self) -> Routed<Close<T>> {
        let chan = self.id;
        remote::route(
            || Op::Close { chan },
            || Close {
                chan,
                _t: PhantomData,
            },
        )
    }

    /// `len(ch)`: values in the buffer.
    pub fn len(self) -> Routed<Ready<usize>> {
        let chan = self.id;
        remote::query(
            || Op::Len { chan },
            || match chan {
                0 => 0,
                _ => with_core(|c| c.chans.get_dyn(chan).len()),
            },
        )
    }

    pub async fn is_empty(self) -> bool {
        self.len().await == 0
    }

    /// `cap(ch)`.
    pub fn cap(self) -> Routed<Ready<usize>> {
        let chan = self.id;
        remote::query(
            || Op::Cap { chan },
            || match chan {
                0 => 0,
                _ => with_core(|c| c.chans.get_dyn(chan).cap()),
            },
        )
    }

    /// The send-only half (`chan<- T`).
    pub fn sender(self) -> Sender<T> {
        Sender(self)
    }

    /// The receive-only half (`<-chan T`).
    pub fn receiver(self) -> Receiver<T> {
        Receiver(self)
    }
}

/// A send-only channel, Go's `chan<- T`. Receiving from one does not compile, as in Go
/// (Go's `test/chan/perm.go`):
///
/// ```compile_fail
/// async fn f(out: chanlab::rt::Sender<i32>) {
///     out.recv().await;
/// }
/// ```
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sender<T>(Chan<T>);

/// A receive-only channel, Go's `<-chan T`. Sending on one, or closing it, does not compile,
/// as in Go:
///
/// ```compile_fail
/// async fn f(inp: chanlab::rt::Receiver<i32>) {
///     inp.send(1).await;
/// }
/// ```
///
/// ```compile_fail
/// async fn f(inp: chanlab::rt::Receiver<i32>) {
///     inp.close().await;
/// }
/// ```
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Receiver<T>(Chan<T>);

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Sender<T> {}
impl<T> Clone for Receiver<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Receiver<T> {}

/// What both halves of a channel can do besides their own direction.
macro_rules! half_common {
    ($half:ident) => {
        impl<T: Value> $half<T> {
            pub fn len(self) -> Routed<Ready<usize>> {
                self.0.len()
            }
            pub async fn is_empty(self) -> bool {
                self.0.is_empty().await
            }
            pub fn cap(self) -> Routed<Ready<usize>> {
                self.0.cap()
            }
            /// The channel itself, for select.
            pub fn chan(self) -> Chan<T> {
                self.0
            }
        }
    };
}

half_common!(Sender);
half_common!(Receiver);

impl<T: Value> Sender<T> {
    pub fn send(self, v: T) -> Routed<Send<T>> {
        self.0.send(v)
    }
    pub fn close(self) -> Routed<Close<T>> {
        self.0.close()
    }
}

impl<T: Value> Receiver<T> {
    pub fn recv(self) -> Routed<Recv<T>> {
        self.0.recv()
    }
}

impl<T> From<Chan<T>> for Receiver<T> {
    fn from(c: Chan<T>) -> Self {
        Receiver(c)
    }
}
impl<T> From<Chan<T>> for Sender<T> {
    fn from(c: Chan<T>) -> Self {
        Sender(c)
    }
}

/// The future of [`Chan::send`].
#[must_use = "a send does nothing unless awaited"]
pub struct Send<T> {
    chan: u32,
    value: Option<T>,
    /// The park sequence number once parked, else 0.
    seq: u64,
}

impl<T> Unpin for Send<T> {}

impl<T: Value> Future for Send<T> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        with_core(|c| {
            if this.seq != 0 {
                // Woken: a receiver took the value, or the channel was closed under us.
                if c.sched.wake().closed {
                    c.sched.go_panic("send on closed channel");
                    return Poll::Pending;
                }
                return Poll::Ready(());
            }
            if this.chan == 0 {
                c.sched.park(WaitReason::ChanSendNil, 0);
                this.seq = u64::MAX;
                return Poll::Pending;
            }
            let v = this.value.take().expect("a send is polled with its value");
            let Core { sched, chans, .. } = c;
            let ch = chans.get::<T>(this.chan);
            match ch.try_send(sched, v) {
                Ok(()) => Poll::Ready(()),
                Err(SendFail::Closed(_)) => {
                    sched.go_panic("send on closed channel");
                    Poll::Pending
                }
                Err(SendFail::Full(v)) => {
                    let seq = sched.park(WaitReason::ChanSend, this.chan);
                    let key = sched.key(seq, 0);
                    ch.sendq.push_back((key, v));
                    this.seq = seq;
                    Poll::Pending
                }
            }
        })
    }
}

/// The future of [`Chan::recv`].
#[must_use = "a receive does nothing unless awaited"]
pub struct Recv<T> {
    chan: u32,
    seq: u64,
    _t: PhantomData<fn() -> T>,
}

impl<T: Value> Future for Recv<T> {
    type Output = Option<T>;
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<T>> {
        let this = &mut *self;
        with_core(|c| {
            let Core { sched, chans, .. } = c;
            if this.seq != 0 {
                if sched.wake().closed {
                    let me = sched.current_id();
                    chans
                        .get::<T>(this.chan)
                        .event(sched, Kind::ChanRecvClosed, me);
                    return Poll::Ready(None);
                }
                return Poll::Ready(Some(chans.get::<T>(this.chan).take_handoff(this.seq)));
            }
            if this.chan == 0 {
                sched.park(WaitReason::ChanRecvNil, 0);
                this.seq = u64::MAX;
                return Poll::Pending;
            }
            let ch = chans.get::<T>(this.chan);
            match ch.try_recv(sched) {
                Some(v) => Poll::Ready(v),
                None => {
                    let seq = sched.park(WaitReason::ChanRecv, this.chan);
                    ch.recvq.push_back(sched.key(seq, 0));
                    this.seq = seq;
                    Poll::Pending
                }
            }
        })
    }
}

/// The future of [`Chan::close`]: ready at once, or never (the run ends with Go's panic).
#[must_use = "a close does nothing unless awaited"]
pub struct Close<T> {
    chan: u32,
    _t: PhantomData<fn() -> T>,
}

impl<T: Value> Future for Close<T> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        with_core(|c| {
            let Core { sched, chans, .. } = c;
            let result = if self.chan == 0 {
                Err("close of nil channel")
            } else {
                chans.get_dyn(self.chan).close_chan(sched)
            };
            match result {
                Ok(()) => Poll::Ready(()),
                Err(message) => {
                    sched.go_panic(message);
                    Poll::Pending
                }
            }
        })
    }
}

/// Reads the hub's answer to a receive: whether a value came, and the value.
fn decode_recv<T: Value>(answer: serde_json::Value) -> Result<Option<T>, String> {
    let (ok, value): (bool, serde_json::Value) = from_json(answer)?;
    if ok {
        from_json(value).map(Some)
    } else {
        Ok(None)
    }
}

/// Closes channel `id` on behalf of the runtime (a context's done channel). Precondition: the
/// caller knows it is open.
pub(crate) fn close_internal(c: &mut Core, id: u32) {
    let Core { sched, chans, .. } = c;
    let _ = chans.get_dyn(id).close_chan(sched);
}
