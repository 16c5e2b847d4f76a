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

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::chan::{Chan, Receiver, SendFail, Sender};
use serde_json::Value as Json;

use super::current::with_core;
use super::goroutine::WaitReason;
use super::remote::{self, to_json, Ask, Routed};
use super::run::Core;
use super::trace::Kind;
use super::Value;

enum Op {
    Recv,
    /// The value to send; `None` once it was moved into the channel.
    Send(Option<Box<dyn Any>>),
}

struct Case {
    chan: u32,
    op: Op,
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
        self.recv_id(ch.as_chan().id())
    }

    /// Adds `case ch <- v:`; returns the case's index.
    pub fn send<C: AsChan>(&mut self, ch: C, v: C::Elem) -> usize {
        // An executor of a real-mode run sends the value to the hub, as JSON.
        let v: Box<dyn Any> = if remote::linked() {
            Box::new(to_json(&v))
        } else {
            Box::new(v)
        };
        self.send_any(ch.as_chan().id(), v)
    }

    /// Adds `case ch <- v:` for channel `chan` with a value of its element type.
    pub(crate) fn send_any(&mut self, chan: u32, v: Box<dyn Any>) -> usize {
        self.cases.push(Case {
            chan,
            op: Op::Send(Some(v)),
        });
        self.cases.len() - 1
    }

    /// Adds `case <-ch:` for channel `chan`.
    pub(crate) fn recv_id(&mut self, chan: u32) -> usize {
        self.cases.push(Case { chan, op: Op::Recv });
        self.cases.len() - 1
    }

    /// Adds `default:`.
    pub fn default_case(&mut self) {
        self.has_default = true;
    }

    /// Waits until one case can proceed (or takes the default).
    pub fn wait(self) -> Routed<Wait> {
        if !remote::linked() {
            return Routed::Local(Wait { sel: self, seq: 0 });
        }
        let cases = self
            .cases
            .into_iter()
            .map(|case| {
                let value = match case.op {
                    Op::Recv => None,
                    Op::Send(v) => v.and_then(|v| v.downcast::<Json>().ok()).map(|v| *v),
                };
                (case.chan, value)
            })
            .collect();
        Routed::Remote(Ask::with(
            remote::Op::Select {
                cases,
                default: self.has_default,
            },
            decode_selected,
        ))
    }
}

/// Which case a select took.
pub struct Selected {
    /// The case index, `None` for the default.
    index: Option<usize>,
    /// A receive's value; `None` when the channel was closed.
    value: Option<Box<dyn Any>>,
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
        let v = self.value.take()?;
        match v.downcast::<C::Elem>() {
            Ok(v) => Some(*v),
            // Real mode: the hub's answer, as JSON.
            Err(v) => {
                let json = v
                    .downcast::<Json>()
                    .expect("the selected case received from this channel");
                remote::from_json(*json).ok()
            }
        }
    }

    /// The received value, of the channel's element type.
    pub(crate) fn take_any(&mut self) -> Option<Box<dyn Any>> {
        self.value.take()
    }
}

/// Reads the hub's answer to a select: the case, whether a value came, and the value.
fn decode_selected(answer: Json) -> Result<Selected, String> {
    let (index, (ok, value)): (Option<usize>, (bool, Json)) = remote::from_json(answer)?;
    Ok(Selected {
        index,
        value: ok.then(|| Box::new(value) as Box<dyn Any>),
    })
}

/// The future of [`Select::wait`].
#[must_use = "a select does nothing unless awaited"]
pub struct Wait {
    sel: Select,
    /// The park sequence number once parked, else 0.
    seq: u64,
}

impl Unpin for Wait {}

impl Future for Wait {
    type Output = Selected;
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Selected> {
        let this = &mut *self;
        with_core(|c| {
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
            for i in (1..order.len()).rev() {
                let j = c.sched.rng.below(i as u64 + 1) as usize;
                order.swap(i, j);
            }
            let Core { sched, chans, .. } = c;
            for &i in order.iter() {
                let case = &mut this.sel.cases[i];
                let ch = chans.get_dyn(case.chan);
                match &mut case.op {
                    Op::Recv => {
                        if let Some(value) = ch.try_recv_any(sched) {
                            return Poll::Ready(Selected {
                                index: Some(i),
                                value,
                            });
                        }
                    }
                    Op::Send(v) => {
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
                    (Op::Recv, 0) => WaitReason::ChanRecvNil,
                    (Op::Recv, _) => WaitReason::ChanRecv,
                    (Op::Send(_), 0) => WaitReason::ChanSendNil,
                    (Op::Send(_), _) => WaitReason::ChanSend,
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
                    Op::Recv => ch.park_recv(key),
                    Op::Send(v) => ch.park_send_any(key, v.take().expect("an unsent value")),
                }
            }
            this.seq = seq;
            Poll::Pending
        })
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
        Op::Send(_) if wake.closed => {
            sched.go_panic("send on closed channel");
            Poll::Pending
        }
        Op::Send(_) => Poll::Ready(Selected {
            index: Some(i),
            value: None,
        }),
        Op::Recv if wake.closed => {
            let me = sched.current_id();
            sched.trace.push(super::trace::Event {
                t: sched.now,
                g: me,
                obj: chan,
                arg: 0,
                kind: Kind::ChanRecvClosed,
                proc: 0,
            });
            Poll::Ready(Selected {
                index: Some(i),
                value: None,
            })
        }
        Op::Recv => Poll::Ready(Selected {
            index: Some(i),
            value: Some(chans.get_dyn(chan).take_handoff_any(seq)),
        }),
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
