//! The hub's side of real mode's operations: each [`Op`] done by a proxy, on behalf of its
//! goroutine, with the same runtime code sim mode runs (see [`super::remote`]).

use serde_json::Value as Json;

use super::builtin::{go_panic, Never};
use super::chan::{make_chan, Chan};
use super::context::{with_cancel, with_deadline, CancelFunc, Context};
use super::cpu::record_span;
use super::current::with_core;
use super::errgroup_impl::Group;
use super::goroutine::num_goroutine;
use super::remote::{start_remote, to_json, Op};
use super::run::Core;
use super::select::Select;
use super::semaphore_impl::{new_weighted, Weighted};
use super::shared::Var;
use super::sync::{Mutex, Once, WaitGroup};
use super::time::{new_ticker, new_timer, sleep, timer_reset, Duration, Time, TimerId};

/// Creates the next objects at the ids an executor chose.
fn preset(ids: &[u32]) {
    with_core(|c| c.sched.ids.preset.extend(ids.iter().copied()));
}

/// Ends the run with a fatal error in the running proxy.
async fn fatal(message: String) -> Json {
    with_core(|c| c.sched.fatal(message));
    let never = Never.await;
    match never {}
}

/// `value` as a value of channel `chan`'s element type (any value for the nil channel,
/// which never takes it).
fn chan_value(chan: u32, value: Json) -> Result<Box<dyn std::any::Any>, String> {
    if chan == 0 {
        return Ok(Box::new(()));
    }
    with_core(|c| c.chans.get_dyn(chan).value_from_json(value))
}

/// Does `op` for the running proxy, whose goroutine runs on executor `worker`; returns the
/// answer.
pub(crate) async fn exec(op: Op, worker: u32) -> Json {
    match op {
        Op::Go(spawn) => start_remote(spawn),
        Op::Exit => {}
        Op::Print { text } => with_core(|c| c.sched.write(&text)),
        Op::Panic { message } => {
            let never = go_panic(message).await;
            match never {}
        }
        Op::Fatal { message } => return fatal(message).await,
        Op::Span { start, ns } => with_core(|c| {
            let g = c.sched.current_id();
            record_span(&mut c.sched, g, start, ns, worker as usize);
        }),
        Op::MakeChan { id, cap } => {
            preset(&[id]);
            make_chan::<Json>(cap);
        }
        Op::Send { chan, value } => {
            let v = match chan_value(chan, value) {
                Ok(v) => v,
                Err(e) => return fatal(e).await,
            };
            let mut sel = Select::new();
            sel.send_any(chan, v);
            sel.wait().await;
        }
        Op::Recv { chan } => {
            let mut sel = Select::new();
            sel.recv_id(chan);
            let mut got = sel.wait().await;
            return received(chan, got.take_any());
        }
        Op::Select { cases, default } => {
            let mut sel = Select::new();
            let mut recv_chans = Vec::with_capacity(cases.len());
            for (chan, value) in cases {
                recv_chans.push(chan);
                match value {
                    Some(value) => match chan_value(chan, value) {
                        Ok(v) => {
                            sel.send_any(chan, v);
                        }
                        Err(e) => return fatal(e).await,
                    },
                    None => {
                        sel.recv_id(chan);
                    }
                }
            }
            if default {
                sel.default_case();
            }
            let mut got = sel.wait().await;
            let index = got.index();
            let chan = index.map_or(0, |i| recv_chans[i]);
            return to_json(&(index, received(chan, got.take_any())));
        }
        Op::Close { chan } => Chan::<Json>::from_id(chan).close().await,
        Op::Len { chan } => return to_json(&Chan::<Json>::from_id(chan).len().await),
        Op::Cap { chan } => return to_json(&Chan::<Json>::from_id(chan).cap().await),
        Op::NewWaitGroup { id } => {
            preset(&[id]);
            WaitGroup::new();
        }
        Op::WgAdd { wg, n } => WaitGroup::from_id(wg).add(n).await,
        Op::WgWait { wg } => WaitGroup::from_id(wg).wait().await,
        Op::WgCounter { wg } => return to_json(&WaitGroup::from_id(wg).counter().await),
        Op::NewMutex { id } => {
            preset(&[id]);
            Mutex::new();
        }
        Op::Lock { mutex } => Mutex::from_id(mutex).lock().await,
        Op::Unlock { mutex } => Mutex::from_id(mutex).unlock().await,
        Op::NewOnce { id } => {
            preset(&[id]);
            Once::new();
        }
        Op::OnceEnter { once } => return to_json(&Once::from_id(once).enter().await),
        Op::OnceExit { once } => Once::from_id(once).exit(),
        Op::NewVar { id, value } => {
            preset(&[id]);
            Var::new(value);
        }
        Op::VarGet { var } => return Var::<Json>::from_id(var).get().await,
        Op::VarSet { var, value } => Var::<Json>::from_id(var).set(value),
        Op::VarLock { var } => {
            var_lock(var).lock().await;
            return Var::<Json>::from_id(var).get().await;
        }
        Op::VarUnlock { var, value } => {
            Var::<Json>::from_id(var).set(value);
            var_lock(var).unlock().await;
        }
        Op::AtomicAdd { var, n } => {
            let v = Var::<Json>::from_id(var);
            let sum = v.get().await.as_i64().unwrap_or(0).wrapping_add(n);
            v.set(Json::from(sum));
            return Json::from(sum);
        }
        Op::NewContext {
            id,
            done,
            parent,
            deadline,
        } => {
            // A child makes its done channel, then itself.
            preset(&[done, id]);
            let parent = Context::from_ids(parent, 0);
            match deadline {
                Some(at) => with_deadline(parent, Time(at)),
                None => with_cancel(parent),
            };
        }
        Op::Cancel { ctx } => CancelFunc::from_id(ctx).cancel(),
        Op::CtxErr { ctx } => return to_json(&Context::from_ids(ctx, 0).err().await),
        Op::CtxDeadline { ctx } => return to_json(&Context::from_ids(ctx, 0).deadline().await),
        Op::Sleep { ns } => sleep(Duration::from_nanos(ns)).await,
        Op::NewTimer {
            id,
            chan,
            ns,
            period,
        } => {
            preset(&[chan]);
            let timer = if period == 0 {
                new_timer(Duration::from_nanos(ns)).id
            } else {
                new_ticker(Duration::from_nanos(period)).id
            };
            with_core(|c| {
                if let Some(hub) = c.sched.hub.as_mut() {
                    hub.timers.insert(id, timer);
                }
            });
        }
        Op::TimerStop { id } => {
            return Json::from(with_core(|c| {
                hub_timer(c, id).is_some_and(|t| c.timers.stop(t))
            }))
        }
        Op::TimerReset { id, ns, period } => {
            return Json::from(with_core(|c| {
                hub_timer(c, id).is_some_and(|t| timer_reset(c, t, ns, period))
            }))
        }
        Op::NumGoroutine => return to_json(&num_goroutine().await),
        Op::NewGroup { id, wg, cancel } => {
            preset(&[id]);
            Group::with_parts(WaitGroup::from_id(wg), cancel.map(CancelFunc::from_id));
        }
        Op::GroupParts { group } => return to_json(&Group::from_id(group).parts().await),
        Op::GroupSetSem { group, sem } => Group::from_id(group).set_sem(Chan::from_id(sem)),
        Op::GroupFail { group, err } => Group::from_id(group).fail(super::Error(err)),
        Op::GroupFinish { group } => return to_json(&Group::from_id(group).finish().await),
        Op::NewWeighted { id, n } => {
            preset(&[id]);
            new_weighted(n);
        }
        Op::Acquire { sem, ctx, done, n } => {
            let ctx = Context::from_ids(ctx, done);
            return to_json(&Weighted::from_id(sem).acquire(ctx, n).await);
        }
        Op::TryAcquire { sem, n } => return to_json(&Weighted::from_id(sem).try_acquire(n).await),
        Op::Release { sem, n } => Weighted::from_id(sem).release(n).await,
        Op::Fence => {}
    }
    Json::Null
}

/// The lock of shared variable `var` (made on first use).
fn var_lock(var: u32) -> Mutex {
    let lock = with_core(|c| {
        c.sched
            .hub
            .as_ref()
            .and_then(|h| h.var_locks.get(&var).copied())
    });
    lock.unwrap_or_else(|| {
        let m = Mutex::new();
        with_core(|c| {
            if let Some(hub) = c.sched.hub.as_mut() {
                hub.var_locks.insert(var, m);
            }
        });
        m
    })
}

/// The timer an executor made as `id`.
fn hub_timer(c: &Core, id: u32) -> Option<TimerId> {
    c.sched.hub.as_ref()?.timers.get(&id).copied()
}

/// A receive's answer: whether a value came (false: the channel is closed), and the value.
fn received(chan: u32, value: Option<Box<dyn std::any::Any>>) -> Json {
    match value {
        Some(v) if chan != 0 => {
            let json = with_core(|c| c.chans.get_dyn(chan).value_to_json(v));
            to_json(&(true, json))
        }
        _ => to_json(&(false, Json::Null)),
    }
}
