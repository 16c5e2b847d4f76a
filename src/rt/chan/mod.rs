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
//! The state and its transfers are in [`state`]; this file has the handle, the operations
//! and their futures, and [`ChanOp`]: the operations as real mode's hub performs them.

mod state;

use std::marker::PhantomData;
use std::task::Poll;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub(crate) use state::{downcast, ChanTable, Element, SendFail};

use super::current::with_core;
use super::goroutine::WaitReason;
use super::real::{refuse, Data, HubOp, Op, Proxy};
use super::run::Core;
use super::seam::{self, Operation, Query, Routed};
use super::select::Select;
use super::trace::Kind;
use super::Value;

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
    let [id] = seam::create(
        |[id]| ChanOp::Make { id, cap },
        |c| [c.chans.make_next::<T>(&mut c.sched, cap)],
    );
    Chan::from_id(id)
}

impl<T> Chan<T> {
    /// Names the channel in the trace: the variable `name` the program made it for, at source
    /// line `line` (an interpreted program's compiler knows them). Only this worker's trace
    /// records it: in real mode, the trace of an executor's channel is the hub's.
    pub fn set_trace_name(&self, name: &'static str, line: u32) {
        super::current::with_core(|c| c.sched.trace.name_chan(self.id, name, line));
    }

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
        Routed::new(Send {
            chan: self.id,
            value: Some(v),
            seq: 0,
        })
    }

    /// `<-ch`: `Some(v)`, or `None` once the channel is closed and drained (Go's zero value
    /// and `ok == false`). `while let Some(v) = ch.recv().await` is Go's `for v := range ch`.
    pub fn recv(self) -> Routed<Recv<T>> {
        Routed::new(Recv {
            chan: self.id,
            seq: 0,
            _t: PhantomData,
        })
    }

    /// `close(ch)`. Closing a closed or nil channel panics.
    pub fn close(self) -> Routed<Close<T>> {
        Routed::new(Close {
            chan: self.id,
            _t: PhantomData,
        })
    }

    /// `len(ch)`: values in the buffer.
    pub fn len(self) -> Routed<Query<usize>> {
        let chan = self.id;
        seam::query(
            || ChanOp::Len { chan },
            |c| match chan {
                0 => 0,
                _ => c.chans.get_dyn(chan).len(),
            },
        )
    }

    pub async fn is_empty(self) -> bool {
        self.len().await == 0
    }

    /// `cap(ch)`.
    pub fn cap(self) -> Routed<Query<usize>> {
        let chan = self.id;
        seam::query(
            || ChanOp::Cap { chan },
            |c| match chan {
                0 => 0,
                _ => c.chans.get_dyn(chan).cap(),
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
            pub fn len(self) -> Routed<Query<usize>> {
                self.0.len()
            }
            pub async fn is_empty(self) -> bool {
                self.0.is_empty().await
            }
            pub fn cap(self) -> Routed<Query<usize>> {
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

impl<T: Value> Operation for Send<T> {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        if self.seq != 0 {
            // Woken: a receiver took the value, or the channel was closed under us.
            if c.sched.wake().closed {
                c.sched.go_panic("send on closed channel");
                return Poll::Pending;
            }
            return Poll::Ready(());
        }
        if self.chan == 0 {
            c.sched.park(WaitReason::ChanSendNil, 0);
            self.seq = u64::MAX;
            return Poll::Pending;
        }
        let v = self.value.take().expect("a send is polled with its value");
        let Core { sched, chans, .. } = c;
        let ch = chans.get::<T>(self.chan);
        match ch.try_send(sched, v) {
            Ok(()) => Poll::Ready(()),
            Err(SendFail::Closed(_)) => {
                sched.go_panic("send on closed channel");
                Poll::Pending
            }
            Err(SendFail::Full(v)) => {
                let seq = sched.park(WaitReason::ChanSend, self.chan);
                let key = sched.key(seq, 0);
                ch.sendq.push_back((key, v));
                self.seq = seq;
                Poll::Pending
            }
        }
    }

    fn to_hub(&mut self) -> Op {
        let value = self.value.take().expect("a send is asked with its value");
        ChanOp::Send {
            chan: self.chan,
            value: Data::of(&value),
        }
        .into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// The future of [`Chan::recv`].
#[must_use = "a receive does nothing unless awaited"]
pub struct Recv<T> {
    chan: u32,
    seq: u64,
    _t: PhantomData<fn() -> T>,
}

impl<T: Value> Operation for Recv<T> {
    type Output = Option<T>;
    fn poll_here(&mut self, c: &mut Core) -> Poll<Option<T>> {
        let Core { sched, chans, .. } = c;
        if self.seq != 0 {
            if sched.wake().closed {
                let me = sched.current_id();
                chans
                    .get::<T>(self.chan)
                    .event(sched, Kind::ChanRecvClosed, me);
                return Poll::Ready(None);
            }
            return Poll::Ready(Some(chans.get::<T>(self.chan).take_handoff(self.seq)));
        }
        if self.chan == 0 {
            sched.park(WaitReason::ChanRecvNil, 0);
            self.seq = u64::MAX;
            return Poll::Pending;
        }
        let ch = chans.get::<T>(self.chan);
        match ch.try_recv(sched) {
            Some(v) => Poll::Ready(v),
            None => {
                let seq = sched.park(WaitReason::ChanRecv, self.chan);
                ch.recvq.push_back(sched.key(seq, 0));
                self.seq = seq;
                Poll::Pending
            }
        }
    }

    fn to_hub(&mut self) -> Op {
        ChanOp::Recv { chan: self.chan }.into()
    }

    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<Option<T>, String> {
        let (ok, value): (bool, Data) = answer.read()?;
        if ok {
            value.read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The future of [`Chan::close`]: ready at once, or never (the run ends with Go's panic).
#[must_use = "a close does nothing unless awaited"]
pub struct Close<T> {
    chan: u32,
    _t: PhantomData<fn() -> T>,
}

impl<T: Value> Operation for Close<T> {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
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
    }

    fn to_hub(&mut self) -> Op {
        ChanOp::Close { chan: self.chan }.into()
    }

    fn answer(&mut self, _: &mut Core, _: Data) -> Result<(), String> {
        Ok(())
    }
}

/// Closes channel `id` on behalf of the runtime (a context's done channel). Precondition: the
/// caller knows it is open.
pub(crate) fn close_internal(c: &mut Core, id: u32) {
    let Core { sched, chans, .. } = c;
    let _ = chans.get_dyn(id).close_chan(sched);
}

/// A channel's operations, as an executor asks them of the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ChanOp {
    /// `make(chan T, cap)`, at the id the executor chose; its elements cross as [`Data`].
    Make {
        id: u32,
        cap: usize,
    },
    Send {
        chan: u32,
        value: Data,
    },
    Recv {
        chan: u32,
    },
    Close {
        chan: u32,
    },
    Len {
        chan: u32,
    },
    Cap {
        chan: u32,
    },
}

impl HubOp for ChanOp {
    fn pipelined(&self) -> bool {
        matches!(self, ChanOp::Send { .. } | ChanOp::Close { .. })
    }

    async fn exec(self, _: Proxy) -> Data {
        match self {
            ChanOp::Make { id, cap } => {
                with_core(|c| c.chans.make::<Data>(&mut c.sched, id, cap));
                Data::none()
            }
            // Through select, which takes a value of any channel's element type: the channel
            // may be one the hub made (a timer's, a context's).
            ChanOp::Send { chan, value } => {
                let value = match element(chan, value) {
                    Ok(value) => value,
                    Err(e) => return refuse(e).await,
                };
                let mut sel = Select::new();
                sel.send_element(chan, value);
                sel.wait().await;
                Data::none()
            }
            ChanOp::Recv { chan } => {
                let mut sel = Select::new();
                sel.recv_element(chan);
                let mut got = sel.wait().await;
                Data::of(&received(got.take_element()))
            }
            ChanOp::Close { chan } => {
                Chan::<Data>::from_id(chan).close().await;
                Data::none()
            }
            ChanOp::Len { chan } => Data::of(&Chan::<Data>::from_id(chan).len().await),
            ChanOp::Cap { chan } => Data::of(&Chan::<Data>::from_id(chan).cap().await),
        }
    }
}

/// `value` as an element of channel `chan` (any value for the nil channel, which never takes
/// it). On the hub.
pub(crate) fn element(chan: u32, value: Data) -> Result<Box<dyn Element>, String> {
    if chan == 0 {
        return Ok(Box::new(()));
    }
    with_core(|c| c.chans.get_dyn(chan).value_from_data(value))
}

/// A receive's answer: whether a value came (false: the channel is closed), and the value.
/// On the hub.
pub(crate) fn received(value: Option<Box<dyn Element>>) -> (bool, Data) {
    match value {
        Some(v) => (true, v.to_data()),
        None => (false, Data::none()),
    }
}
