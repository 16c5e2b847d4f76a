//! `select`: a dynamic [`Select`] builder, and the [`select!`](crate::select) macro as thin
//! sugar over it.
//!
//! Waiting follows Go's `selectgo`, in passes:
//! 1. Shuffle the non-nil cases (seeded) and try each in that order; the first that can
//!    proceed does, so among ready cases one is chosen uniformly at random.
//! 2. None ready: take the default case if there is one.
//! 3. Park on every case's channel under one park sequence number.
//! 4. Woken by one case (its waker completed the transfer): unpark from all the others.
//!
//! A select with no cases (`select {}`) blocks forever; nil-channel cases are skipped, so a
//! select on nil channels only blocks forever too. A single case without default behaves like
//! the plain operation (Go compiles it to one), so it reports `chan receive` rather than
//! `select`.
//!
//! # Invariants
//! - At most one case completes per wait; its value (if a receive) is in the result.

use std::task::Poll;

use serde::{Deserialize, Serialize};

use super::chan::{downcast, element, received, Chan, Element, Receiver, SendFail, Sender};
use super::fault::Fault;
use super::goroutine::WaitReason;
use super::real::{refuse, Data, HubOp, Op, Proxy};
use super::run::Core;
use super::seam::{Operation, Routed};
use super::Value;

/// How a receive case's answer from the hub is read, on an executor: as its channel's
/// element type. The hub's own cases have none (it never asks).
type Decode = Option<fn(Data) -> Result<Box<dyn Element>, String>>;

enum CaseOp {
    Recv(Decode),
    /// The value to send; `None` once it was moved into the channel (or sent to the hub).
    Send(Option<Box<dyn Element>>),
}

struct Case {
    chan: u32,
    op: CaseOp,
}

fn decode<T: Value>(v: Data) -> Result<Box<dyn Element>, String> {
    v.read::<T>().map(|v| Box::new(v) as Box<dyn Element>)
}

/// A select under construction: add cases, then `wait().await`.
#[derive(Default)]
pub struct Select {
    cases: Vec<Case>,
    has_default: bool,
}

/// Anything that names a channel: a `Chan`, or one of its directional halves.
pub trait AsChan {
    type Elem: Value;
    fn as_chan(&self) -> Chan<Self::Elem>;
}

impl<T: Value> AsChan for Chan<T> {
    type Elem = T;
    fn as_chan(&self) -> Chan<T> {
        *self
    }
}
impl<T: Value> AsChan for Receiver<T> {
    type Elem = T;
    fn as_chan(&self) -> Chan<T> {
        self.chan()
    }
}
impl<T: Value> AsChan for Sender<T> {
    type Elem = T;
    fn as_chan(&self) -> Chan<T> {
        self.chan()
    }
}

impl Select {
    pub fn new() -> Self {
        Select::default()
    }

    /// Adds `case <-ch:`; returns the case's index.
    pub fn recv<C: AsChan>(&mut self, ch: C) -> usize {
        self.push(ch.as_chan().id(), CaseOp::Recv(Some(decode::<C::Elem>)))
    }

    /// Adds `case ch <- v:`; returns the case's index.
    pub fn send<C: AsChan>(&mut self, ch: C, v: C::Elem) -> usize {
        self.push(ch.as_chan().id(), CaseOp::Send(Some(Box::new(v))))
    }

    /// Adds `case ch <- v:` for channel `chan`, `v` of its element type (on the hub).
    pub(crate) fn send_element(&mut self, chan: u32, v: Box<dyn Element>) -> usize {
        self.push(chan, CaseOp::Send(Some(v)))
    }

    /// Adds `case <-ch:` for channel `chan` (on the hub).
    pub(crate) fn recv_element(&mut self, chan: u32) -> usize {
        self.push(chan, CaseOp::Recv(None))
    }

    fn push(&mut self, chan: u32, op: CaseOp) -> usize {
        self.cases.push(Case { chan, op });
        self.cases.len() - 1
    }

    /// Adds `default:`.
    pub fn default_case(&mut self) {
        self.has_default = true;
    }

    /// Waits until one case can proceed (or takes the default).
    pub fn wait(self) -> Routed<Wait> {
        Routed::new(self.waiting())
    }

    /// The wait, to poll inside another operation.
    pub(crate) fn waiting(self) -> Wait {
        Wait { sel: self, seq: 0 }
    }
}

/// Which case a select took.
pub struct Selected {
    /// The case index, `None` for the default.
    index: Option<usize>,
    /// A receive's value, of its channel's element type; `None` when the channel was closed.
    value: Option<Box<dyn Element>>,
}

impl Selected {
    pub fn index(&self) -> Option<usize> {
        self.index
    }

    pub fn is_default(&self) -> bool {
        self.index.is_none()
    }

    /// The value the selected receive case got from `ch` (`None`: closed). Precondition: the
    /// selected case is a receive on `ch`.
    pub fn take<C: AsChan>(&mut self, _ch: C) -> Option<C::Elem> {
        Some(downcast::<C::Elem>(self.value.take()?))
    }

    /// The received value, of the channel's element type.
    pub(crate) fn take_element(&mut self) -> Option<Box<dyn Element>> {
        self.value.take()
    }
}

/// The future of [`Select::wait`].
#[must_use = "a select does nothing unless awaited"]
pub struct Wait {
    sel: Select,
    /// The park sequence number once parked, else 0.
    seq: u64,
}

impl Unpin for Wait {}

impl Operation for Wait {
    type Output = Selected;
    fn poll_here(&mut self, c: &mut Core) -> Poll<Selected> {
        let this = self;
        {
            if this.seq != 0 {
                return finish(c, &mut this.sel, this.seq);
            }
            // Pass 1: try the non-nil cases in a random order (kept on the stack for the
            // usual handful of cases: a select allocates nothing for it).
            let cases = &this.sel.cases;
            let mut inline = [0usize; 16];
            let mut heap = Vec::new();
            let order: &mut [usize] = if cases.len() <= inline.len() {
                &mut inline
            } else {
                heap.resize(cases.len(), 0);
                &mut heap
            };
            let mut n = 0;
            for (i, case) in cases.iter().enumerate() {
                if case.chan != 0 {
                    order[n] = i;
                    n += 1;
                }
            }
            let order = &mut order[..n];
            if c.sched.fault != Some(Fault::SelectFirstReady) {
                for i in (1..order.len()).rev() {
                    let j = c.sched.rng.below(i as u64 + 1) as usize;
                    order.swap(i, j);
                }
            }
            let Core { sched, chans, .. } = c;
            for &i in order.iter() {
                let case = &mut this.sel.cases[i];
                let ch = chans.get_dyn(case.chan);
                match &mut case.op {
                    CaseOp::Recv(_) => {
                        if let Some(value) = ch.try_recv_any(sched) {
                            return Poll::Ready(Selected {
                                index: Some(i),
                                value,
                            });
                        }
                    }
                    CaseOp::Send(v) => {
                        let boxed = v.take().expect("an unsent value");
                        match ch.try_send_any(sched, boxed) {
                            Ok(()) => {
                                return Poll::Ready(Selected {
                                    index: Some(i),
                                    value: None,
                                })
                            }
                            Err(SendFail::Closed(_)) => {
                                sched.go_panic("send on closed channel");
                                return Poll::Pending;
                            }
                            Err(SendFail::Full(boxed)) => *v = Some(boxed),
                        }
                    }
                }
            }
            // Pass 2: the default case.
            if this.sel.has_default {
                return Poll::Ready(Selected {
                    index: None,
                    value: None,
                });
            }
            // Pass 3: park on every case.
            let reason = match this.sel.cases.as_slice() {
                [] => WaitReason::SelectNoCases,
                [one] => match (&one.op, one.chan) {
                    (CaseOp::Recv(_), 0) => WaitReason::ChanRecvNil,
                    (CaseOp::Recv(_), _) => WaitReason::ChanRecv,
                    (CaseOp::Send(..), 0) => WaitReason::ChanSendNil,
                    (CaseOp::Send(..), _) => WaitReason::ChanSend,
                },
                _ => WaitReason::Select,
            };
            let obj = order.first().map_or(0, |&i| this.sel.cases[i].chan);
            let seq = sched.park(reason, obj);
            for &i in order.iter() {
                let key = sched.key(seq, i as u32);
                let case = &mut this.sel.cases[i];
                let ch = chans.get_dyn(case.chan);
                match &mut case.op {
                    CaseOp::Recv(_) => ch.park_recv(key),
                    CaseOp::Send(v) => ch.park_send_any(key, v.take().expect("an unsent value")),
                }
            }
            this.seq = seq;
            Poll::Pending
        }
    }

    fn to_hub(&mut self) -> Op {
        let cases = self
            .sel
            .cases
            .iter_mut()
            .map(|case| {
                let value = match &mut case.op {
                    CaseOp::Recv(_) => None,
                    CaseOp::Send(v) => {
                        Some(v.take().expect("a send case holds its value").to_data())
                    }
                };
                (case.chan, value)
            })
            .collect();
        SelectOp::Wait {
            cases,
            default: self.sel.has_default,
        }
        .into()
    }

    fn answer(&mut self, _: &mut Core, answer: Data) -> Result<Selected, String> {
        let (index, (ok, value)): (Option<usize>, (bool, Data)) = answer.read()?;
        let value = match index.map(|i| &self.sel.cases[i].op) {
            Some(CaseOp::Recv(Some(decode))) if ok => Some(decode(value)?),
            _ => None,
        };
        Ok(Selected { index, value })
    }
}

/// Pass 4: the goroutine was woken by one case; leave the other channels' queues.
fn finish(c: &mut Core, sel: &mut Select, seq: u64) -> Poll<Selected> {
    let Core { sched, chans, .. } = c;
    let wake = sched.wake();
    let i = wake.case as usize;
    for case in sel.cases.iter().filter(|case| case.chan != 0) {
        chans.get_dyn(case.chan).unpark(seq);
    }
    let chan = sel.cases[i].chan;
    match sel.cases[i].op {
        CaseOp::Send(..) if wake.closed => {
            sched.go_panic("send on closed channel");
            Poll::Pending
        }
        CaseOp::Send(..) => Poll::Ready(Selected {
            index: Some(i),
            value: None,
        }),
        CaseOp::Recv(_) if wake.closed => {
            super::chan::recv_closed(sched, chan);
            Poll::Ready(Selected {
                index: Some(i),
                value: None,
            })
        }
        CaseOp::Recv(_) => Poll::Ready(Selected {
            index: Some(i),
            value: Some(chans.get_dyn(chan).take_handoff_any(seq)),
        }),
    }
}

/// A select, as an executor asks it of the hub.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SelectOp {
    /// Cases: a channel, with a value to send or none to receive.
    Wait {
        cases: Vec<(u32, Option<Data>)>,
        default: bool,
    },
}

impl HubOp for SelectOp {
    async fn exec(self, _: Proxy) -> Data {
        let SelectOp::Wait { cases, default } = self;
        let mut sel = Select::new();
        for (chan, value) in cases {
            match value {
                Some(value) => match element(chan, value) {
                    Ok(v) => sel.send_element(chan, v),
                    Err(e) => return refuse(e).await,
                },
                None => sel.recv_element(chan),
            };
        }
        if default {
            sel.default_case();
        }
        let mut got = sel.wait().await;
        Data::of(&(got.index(), received(got.take_element())))
    }
}

/// Go's `select` statement, as sugar over [`Select`]. Cases, in any order, each with a block:
///
/// ```ignore
/// select! {
///     v = recv(results) => { /* v: Option<T>, None when closed */ },
///     recv(ctx.done()) => { return },
///     send(out, x) => { },
///     default => { },
/// }
/// ```
///
/// Each channel expression is evaluated once, in order, as Go evaluates them.
#[macro_export]
macro_rules! select {
    (@acc [$($c:tt)*] [$($d:tt)*]) => {{
        let mut __sel = $crate::rt::Select::new();
        #[allow(unreachable_code)]
        let _ = $crate::select!(@nest __sel [$($c)*] [$($d)*]);
    }};
    (@acc [$($c:tt)*] [$($d:tt)*] recv($ch:expr) => $body:block, $($rest:tt)*) => {
        $crate::select!(@acc [$($c)* (recv (_) ($ch) $body)] [$($d)*] $($rest)*)
    };
    (@acc [$($c:tt)*] [$($d:tt)*] recv($ch:expr) => $body:block $($rest:tt)*) => {
        $crate::select!(@acc [$($c)* (recv (_) ($ch) $body)] [$($d)*] $($rest)*)
    };
    (@acc [$($c:tt)*] [$($d:tt)*] send($ch:expr, $v:expr) => $body:block, $($rest:tt)*) => {
        $crate::select!(@acc [$($c)* (send ($ch) ($v) $body)] [$($d)*] $($rest)*)
    };
    (@acc [$($c:tt)*] [$($d:tt)*] send($ch:expr, $v:expr) => $body:block $($rest:tt)*) => {
        $crate::select!(@acc [$($c)* (send ($ch) ($v) $body)] [$($d)*] $($rest)*)
    };
    (@acc [$($c:tt)*] [] default => $body:block, $($rest:tt)*) => {
        $crate::select!(@acc [$($c)*] [$body] $($rest)*)
    };
    (@acc [$($c:tt)*] [] default => $body:block $($rest:tt)*) => {
        $crate::select!(@acc [$($c)*] [$body] $($rest)*)
    };
    (@acc [$($c:tt)*] [$($d:tt)*] $p:pat = recv($ch:expr) => $body:block, $($rest:tt)*) => {
        $crate::select!(@acc [$($c)* (recv ($p) ($ch) $body)] [$($d)*] $($rest)*)
    };
    (@acc [$($c:tt)*] [$($d:tt)*] $p:pat = recv($ch:expr) => $body:block $($rest:tt)*) => {
        $crate::select!(@acc [$($c)* (recv ($p) ($ch) $body)] [$($d)*] $($rest)*)
    };
    // Each case registers, then nests the rest inside its scope, so every case keeps its own
    // channel (and element type) for the dispatch on the way out.
    (@nest $sel:ident [] []) => {{
        let __r = $sel.wait().await;
        ::core::option::Option::Some(__r)
    }};
    (@nest $sel:ident [] [$def:block]) => {{
        $sel.default_case();
        let __r = $sel.wait().await;
        if __r.is_default() {
            $def;
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(__r)
        }
    }};
    (@nest $sel:ident [(recv ($p:pat) ($ch:expr) $body:block) $($rest:tt)*] [$($d:tt)*]) => {{
        let __ch = $ch;
        let __i = $sel.recv(__ch);
        match $crate::select!(@nest $sel [$($rest)*] [$($d)*]) {
            ::core::option::Option::Some(mut __r) if __r.index() == ::core::option::Option::Some(__i) => {
                #[allow(unused_variables)]
                let $p = __r.take(__ch);
                $body;
                ::core::option::Option::None
            }
            other => other,
        }
    }};
    (@nest $sel:ident [(send ($ch:expr) ($v:expr) $body:block) $($rest:tt)*] [$($d:tt)*]) => {{
        let __i = $sel.send($ch, $v);
        match $crate::select!(@nest $sel [$($rest)*] [$($d)*]) {
            ::core::option::Option::Some(__r) if __r.index() == ::core::option::Option::Some(__i) => {
                $body;
                ::core::option::Option::None
            }
            other => other,
        }
    }};
    ($($cases:tt)*) => {
        $crate::select!(@acc [] [] $($cases)*)
    };
}
