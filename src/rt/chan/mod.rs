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
use super::goroutine::{WaitKey, WaitReason};
use super::real::{refuse, Data, HubOp, Op, Proxy};
use super::run::Core;
use super::sched::Sched;
use super::seam::{self, Operation, Query, Routed};
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
        poll_send(c, self.chan, &mut self.value, &mut self.seq, |chans| {
            chans.get::<T>(self.chan)
        })
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

/// A send's poll, of a typed value ([`Send`]) or of a value of any element type
/// ([`SendAny`]): offers `value` to the channel `get` finds (channel `chan`), and leaves it
/// there for a receiver when none takes it; `seq` is the park's sequence number once parked,
/// else 0.
fn poll_send<V, C: SendTarget<V> + ?Sized>(
    c: &mut Core,
    chan: u32,
    value: &mut Option<V>,
    seq: &mut u64,
    get: impl FnOnce(&mut ChanTable) -> &mut C,
) -> Poll<()> {
    if *seq != 0 {
        // Woken: a receiver took the value, or the channel was closed under us.
        if c.sched.wake().closed {
            c.sched.go_panic("send on closed channel");
            return Poll::Pending;
        }
        return Poll::Ready(());
    }
    if chan == 0 {
        c.sched.park(WaitReason::ChanSendNil, 0);
        *seq = u64::MAX;
        return Poll::Pending;
    }
    let v = value.take().expect("a send is polled with its value");
    let Core { sched, chans, .. } = c;
    let ch = get(chans);
    match ch.offer(sched, v) {
        Ok(()) => Poll::Ready(()),
        Err(SendFail::Closed(_)) => {
            sched.go_panic("send on closed channel");
            Poll::Pending
        }
        Err(SendFail::Full(v)) => {
            let parked = sched.park(WaitReason::ChanSend, chan);
            ch.leave(sched.key(parked, 0), v);
            *seq = parked;
            Poll::Pending
        }
    }
}

/// A channel as a send sees it: a typed one, or any (`dyn ChanObj`, values boxed).
trait SendTarget<V> {
    /// Sends `v` if that can happen without waiting.
    fn offer(&mut self, s: &mut Sched, v: V) -> Result<(), SendFail<V>>;
    /// Leaves `v` for a receiver, under a parked sender's `key`.
    fn leave(&mut self, key: WaitKey, v: V);
}

impl<T: Value> SendTarget<T> for state::ChanState<T> {
    fn offer(&mut self, s: &mut Sched, v: T) -> Result<(), SendFail<T>> {
        self.try_send(s, v)
    }
    fn leave(&mut self, key: WaitKey, v: T) {
        self.sendq.push_back((key, v));
    }
}

impl SendTarget<Box<dyn Element>> for dyn state::ChanObj {
    fn offer(
        &mut self,
        s: &mut Sched,
        v: Box<dyn Element>,
    ) -> Result<(), SendFail<Box<dyn Element>>> {
        self.try_send_any(s, v)
    }
    fn leave(&mut self, key: WaitKey, v: Box<dyn Element>) {
        self.park_send_any(key, v);
    }
}

/// A send of a value of whatever element type channel `chan` has (on the hub, for an
/// executor's goroutine: the channel may be one the hub made, a timer's or a context's):
/// what [`Send`] does for a typed value.
struct SendAny {
    chan: u32,
    value: Option<Box<dyn Element>>,
    seq: u64,
}

impl Operation for SendAny {
    type Output = ();
    fn poll_here(&mut self, c: &mut Core) -> Poll<()> {
        poll_send(c, self.chan, &mut self.value, &mut self.seq, |chans| {
            chans.get_dyn(self.chan)
        })
    }

    fn to_hub(&mut self) -> Op {
        let value = self.value.take().expect("a send is asked with its value");
        ChanOp::Send {
            chan: self.chan,
            value: value.to_data(),
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
        poll_recv(c, self.chan, &mut self.seq, |chans| {
            chans.get::<T>(self.chan)
        })
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

/// A receive's poll, typed ([`Recv`]) or of any element type ([`RecvAny`]): takes a value
/// from the channel `get` finds (channel `chan`), or waits there for one; `seq` is the park's
/// sequence number once parked, else 0. `None`: the channel is closed.
fn poll_recv<V, C: RecvTarget<V> + ?Sized>(
    c: &mut Core,
    chan: u32,
    seq: &mut u64,
    get: impl FnOnce(&mut ChanTable) -> &mut C,
) -> Poll<Option<V>> {
    let Core { sched, chans, .. } = c;
    if *seq != 0 {
        if sched.wake().closed {
            recv_closed(sched, chan);
            return Poll::Ready(None);
        }
        return Poll::Ready(Some(get(chans).handed(*seq)));
    }
    if chan == 0 {
        sched.park(WaitReason::ChanRecvNil, 0);
        *seq = u64::MAX;
        return Poll::Pending;
    }
    let ch = get(chans);
    match ch.take(sched) {
        Some(v) => Poll::Ready(v),
        None => {
            let parked = sched.park(WaitReason::ChanRecv, chan);
            ch.wait(sched.key(parked, 0));
            *seq = parked;
            Poll::Pending
        }
    }
}

/// Records that the running goroutine, waiting to receive from channel `chan`, found it
/// closed.
pub(crate) fn recv_closed(sched: &mut Sched, chan: u32) {
    let me = sched.current_id();
    sched.trace.push(super::trace::Event {
        t: sched.now,
        g: me,
        obj: chan,
        arg: 0,
        kind: Kind::ChanRecvClosed,
        proc: 0,
    });
}

/// A channel as a receive sees it: a typed one, or any (`dyn ChanObj`, values boxed).
trait RecvTarget<V> {
    /// Receives if that can happen without waiting (see [`state::ChanState::try_recv`]).
    fn take(&mut self, s: &mut Sched) -> Option<Option<V>>;
    /// Waits for a sender, under a parked receiver's `key`.
    fn wait(&mut self, key: WaitKey);
    /// The value a sender handed to park `seq`.
    fn handed(&mut self, seq: u64) -> V;
}

impl<T: Value> RecvTarget<T> for state::ChanState<T> {
    fn take(&mut self, s: &mut Sched) -> Option<Option<T>> {
        self.try_recv(s)
    }
    fn wait(&mut self, key: WaitKey) {
        self.recvq.push_back(key);
    }
    fn handed(&mut self, seq: u64) -> T {
        self.take_handoff(seq)
    }
}

impl RecvTarget<Box<dyn Element>> for dyn state::ChanObj {
    fn take(&mut self, s: &mut Sched) -> Option<Option<Box<dyn Element>>> {
        self.try_recv_any(s)
    }
    fn wait(&mut self, key: WaitKey) {
        self.park_recv(key);
    }
    fn handed(&mut self, seq: u64) -> Box<dyn Element> {
        self.take_handoff_any(seq)
    }
}

/// A receive from channel `chan`, whatever its element type (on the hub, for an executor's
/// goroutine): what [`Recv`] does for a typed channel.
struct RecvAny {
    chan: u32,
    seq: u64,
}

impl Operation for RecvAny {
    type Output = Option<Box<dyn Element>>;
    fn poll_here(&mut self, c: &mut Core) -> Poll<Self::Output> {
        poll_recv(c, self.chan, &mut self.seq, |chans| {
            chans.get_dyn(self.chan)
        })
    }

    fn to_hub(&mut self) -> Op {
        ChanOp::Recv { chan: self.chan }.into()
    }

    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<Self::Output, String> {
        let (ok, value): (bool, Data) = answer.read()?;
        Ok(ok.then(|| Box::new(value) as Box<dyn Element>))
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
            ChanOp::Send { chan, value } => {
                let value = match element(chan, value) {
                    Ok(value) => value,
                    Err(e) => return refuse(e).await,
                };
                Routed::new(SendAny {
                    chan,
                    value: Some(value),
                    seq: 0,
                })
                .await;
                Data::none()
            }
            ChanOp::Recv { chan } => {
                let got = Routed::new(RecvAny { chan, seq: 0 }).await;
                Data::of(&received(got))
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
