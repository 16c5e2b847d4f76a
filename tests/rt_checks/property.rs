//! A property check of Go's semantics for channels, select (with and without default), sleep,
//! `sync.Mutex` and `sync.WaitGroup`: random programs across several goroutines, each run
//! checked against a reference model.
//!
//! The runtime is single-threaded, so its trace is a linearisation of the run. Every transfer,
//! receive of a closed channel's zero value and close is an event at the moment it took
//! effect; every other operation is checked at the output line its goroutine prints right
//! after it (a goroutine runs from one operation to its line without yielding, so nothing
//! happens in between). The model replays them and checks that each was legal where it
//! happened:
//! - channels: the goroutine's next operation was that one; nothing is sent on or closed
//!   after a close; a buffer never holds more than its capacity; the k-th value received on a
//!   channel is the k-th sent; a closed channel yields zero values only once drained; a
//!   parked goroutine is served before every goroutine that parked after it;
//! - select with default takes the default only when no case could proceed;
//! - a sleep of d wakes exactly d after it parked (virtual time);
//! - a mutex is held by one goroutine at a time and handed to its waiters in the order they
//!   parked;
//! - `Wait` returns only after the counter was zero since it was called; `Done` below zero
//!   panics;
//!
//! then that what every goroutine observed is what the model says it got, and that the run
//! ended as Go's would from the state the model reached: with the right panic for an illegal
//! operation, a deadlock only when no blocked goroutine could proceed (reported in Go's state
//! names), or an exit that leaves only goroutines blocked for good, sleeping, or woken and not
//! yet run.
//!
//! Programs come from a small seeded generator; a failure prints the seed and the program.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use chanlab::rt::trace::{Event, Kind};
use chanlab::rt::{
    self, go, make_chan, ms, Chan, Mutex, Outcome, Report, Rng, Select, Status, WaitGroup,
};

use crate::rt_support::{goroutine_headers, run_seed, stdout};

/// The nil channel, among the channel indices of a program.
const NIL: usize = usize::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Case {
    Send(usize),
    Recv(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    Send(usize),
    Recv(usize),
    Close(usize),
    /// A select of two cases, without default.
    Select(Case, Case),
    /// A select of two cases and a default.
    SelectDefault(Case, Case),
    /// `time.Sleep` of this many milliseconds.
    Sleep(u64),
    /// The program's one mutex.
    Lock,
    Unlock,
    /// The program's one WaitGroup: `Add(1)`, `Done()`, `Wait()`.
    WgAdd,
    WgDone,
    WgWait,
}

/// What a goroutine saw an operation do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Obs {
    Sent,
    Recv(Option<u64>),
    Closed,
    /// The case taken, and the value for a receive case.
    Selected(usize, Option<u64>),
    Default,
    Slept,
    Locked,
    Unlocked,
    Added,
    Done,
    Waited,
}

#[derive(Debug)]
pub struct Program {
    pub caps: Vec<usize>,
    /// Script 0 is main's; script `i` runs in the `i`-th goroutine main starts.
    pub scripts: Vec<Vec<Op>>,
}

/// The value goroutine `gi` sends at step `step`: unique in the run.
fn value(gi: usize, step: usize) -> u64 {
    ((gi as u64) << 32) | step as u64
}

/// A random program: 1 to 3 channels (capacity 0 to 2, the nil channel now and then), 2 to 4
/// goroutines of up to 7 operations.
pub fn generate(rng: &mut Rng) -> Program {
    let chans = 1 + rng.below(3) as usize;
    let caps = (0..chans).map(|_| rng.below(3) as usize).collect();
    let goroutines = 2 + rng.below(3) as usize;
    let scripts = (0..goroutines)
        .map(|gi| {
            let len = rng.below(7) as usize + usize::from(gi == 0);
            let mut holding = false;
            (0..len)
                .map(|_| generate_op(rng, chans, &mut holding))
                .collect()
        })
        .collect();
    Program { caps, scripts }
}

/// One operation; `holding` says whether the script holds the mutex (it locks only when it
/// does not, and unlocks only when it does: Go's unlock of an unlocked mutex is fatal).
fn generate_op(rng: &mut Rng, chans: usize, holding: &mut bool) -> Op {
    // A held mutex is soon unlocked, so that waiters get it often.
    if *holding && rng.below(3) == 0 {
        *holding = false;
        return Op::Unlock;
    }
    let chan = |rng: &mut Rng| {
        if rng.below(25) == 0 {
            NIL
        } else {
            rng.below(chans as u64) as usize
        }
    };
    match rng.below(100) {
        0..=29 => Op::Send(chan(rng)),
        30..=59 => Op::Recv(chan(rng)),
        60..=65 => Op::Close(chan(rng)),
        66..=81 => {
            let a = chan(rng);
            let mut b = chan(rng);
            let case = |rng: &mut Rng, c| {
                if rng.below(2) == 0 {
                    Case::Send(c)
                } else {
                    Case::Recv(c)
                }
            };
            let first = case(rng, a);
            let mut second = case(rng, b);
            // Two cases on one channel only in opposite directions, so the case a transfer
            // belongs to is never ambiguous.
            while second == first && b != NIL {
                b = rng.below(chans as u64) as usize;
                second = case(rng, b);
            }
            if rng.below(5) < 3 {
                Op::Select(first, second)
            } else {
                Op::SelectDefault(first, second)
            }
        }
        82..=87 => Op::Sleep(rng.below(3)),
        88..=92 => {
            *holding = !*holding;
            if *holding {
                Op::Lock
            } else {
                Op::Unlock
            }
        }
        93..=95 => Op::WgAdd,
        96..=97 => Op::WgDone,
        _ => Op::WgWait,
    }
}

/// The objects a script acts on.
#[derive(Clone, Serialize, Deserialize)]
struct Objects {
    chans: Vec<Chan<u64>>,
    mu: Mutex,
    wg: WaitGroup,
}

/// Runs script `gi`, logging what each operation did once it returns: one output line of
/// `(gi, obs)` as JSON per operation.
async fn actor(gi: usize, objects: Objects, script: Vec<Op>) {
    let ch = |c: usize| {
        if c == NIL {
            Chan::nil()
        } else {
            objects.chans[c]
        }
    };
    for (step, op) in script.iter().enumerate() {
        let v = value(gi, step);
        let obs = match *op {
            Op::Send(c) => {
                ch(c).send(v).await;
                Obs::Sent
            }
            Op::Recv(c) => Obs::Recv(ch(c).recv().await),
            Op::Close(c) => {
                ch(c).close().await;
                Obs::Closed
            }
            Op::Select(a, b) | Op::SelectDefault(a, b) => {
                let mut sel = Select::new();
                for case in [a, b] {
                    match case {
                        Case::Send(c) => sel.send(ch(c), v),
                        Case::Recv(c) => sel.recv(ch(c)),
                    };
                }
                if matches!(op, Op::SelectDefault(..)) {
                    sel.default_case();
                }
                let mut got = sel.wait().await;
                match got.index() {
                    None => Obs::Default,
                    Some(i) => {
                        let received = match [a, b][i] {
                            Case::Recv(c) => got.take(ch(c)),
                            Case::Send(_) => None,
                        };
                        Obs::Selected(i, received)
                    }
                }
            }
            Op::Sleep(d) => {
                rt::sleep(ms(d)).await;
                Obs::Slept
            }
            Op::Lock => {
                objects.mu.lock().await;
                Obs::Locked
            }
            Op::Unlock => {
                objects.mu.unlock().await;
                Obs::Unlocked
            }
            Op::WgAdd => {
                objects.wg.add(1).await;
                Obs::Added
            }
            Op::WgDone => {
                objects.wg.done().await;
                Obs::Done
            }
            Op::WgWait => {
                objects.wg.wait().await;
                Obs::Waited
            }
        };
        rt::println(serde_json::to_string(&(gi, obs)).unwrap());
    }
}

/// Runs `p` with `seed`; returns the report, the channels' ids and what each goroutine saw.
fn execute(p: &Program, seed: u64) -> (Report, Vec<u32>, Vec<Vec<Obs>>) {
    let ids = Rc::new(RefCell::new(Vec::new()));
    let (caps, scripts) = (p.caps.clone(), p.scripts.clone());
    let i = ids.clone();
    let report = run_seed(seed, async move {
        let objects = Objects {
            chans: caps.iter().map(|&c| make_chan(c)).collect(),
            mu: Mutex::new(),
            wg: WaitGroup::new(),
        };
        i.borrow_mut().extend(objects.chans.iter().map(|c| c.id()));
        for (gi, script) in scripts.iter().enumerate().skip(1) {
            go(actor, (gi, objects.clone(), script.clone()));
        }
        actor(0, objects, scripts[0].clone()).await;
    });
    let ids = ids.borrow().clone();
    let mut log = vec![Vec::new(); p.scripts.len()];
    for line in stdout(&report) {
        let (gi, obs): (usize, Obs) = serde_json::from_str(line).unwrap();
        log[gi].push(obs);
    }
    (report, ids, log)
}

/// The reference model of a channel.
#[derive(Clone, Default)]
struct ChanModel {
    cap: usize,
    closed: bool,
    /// Values in the buffer (for an unbuffered channel, at most one, for an instant).
    count: usize,
    /// Every value sent, in order.
    sent: Vec<u64>,
    received: usize,
}

/// The reference model: Go's semantics, one event at a time.
pub struct Model<'p> {
    p: &'p Program,
    chans: Vec<ChanModel>,
    /// The goroutine holding the mutex.
    holder: Option<usize>,
    /// The WaitGroup's counter, and how many times it came down to zero.
    counter: i64,
    zeros: u64,
    /// `zeros` when each goroutine last printed: a `Wait` began after that.
    zeros_seen: Vec<u64>,
    /// Each goroutine's next step.
    pc: Vec<usize>,
    /// What each goroutine should have seen.
    expected: Vec<Vec<Obs>>,
}

impl<'p> Model<'p> {
    pub fn new(p: &'p Program) -> Self {
        Model {
            p,
            chans: p
                .caps
                .iter()
                .map(|&cap| ChanModel {
                    cap,
                    ..ChanModel::default()
                })
                .collect(),
            holder: None,
            counter: 0,
            zeros: 0,
            zeros_seen: vec![0; p.scripts.len()],
            pc: vec![0; p.scripts.len()],
            expected: vec![Vec::new(); p.scripts.len()],
        }
    }

    fn op(&self, gi: usize) -> Option<Op> {
        self.p.scripts[gi].get(self.pc[gi]).copied()
    }

    /// Replays one channel event of goroutine `gi` on channel `c`. `next` is the next channel
    /// event, for the rule that a transfer over capacity is a hand-off to a receiver.
    pub fn apply(
        &mut self,
        gi: usize,
        kind: Kind,
        c: usize,
        arg: u32,
        next: Option<(Kind, usize, u32)>,
    ) {
        let op = self
            .op(gi)
            .unwrap_or_else(|| panic!("g{gi} acted ({kind:?} on ch{c}) past its script"));
        let case = |want: Case| match op {
            Op::Select(a, b) | Op::SelectDefault(a, b) => [a, b].iter().position(|&x| x == want),
            _ => None,
        };
        let ch = &mut self.chans[c];
        let obs = match kind {
            Kind::ChanSend => {
                assert!(
                    op == Op::Send(c) || case(Case::Send(c)).is_some(),
                    "g{gi} sent on ch{c} at {op:?}"
                );
                assert!(!ch.closed, "send on ch{c} after its close");
                assert_eq!(arg as usize, ch.sent.len(), "values are numbered in order");
                ch.sent.push(value(gi, self.pc[gi]));
                ch.count += 1;
                if ch.count > ch.cap {
                    assert_eq!(
                        next,
                        Some((Kind::ChanRecv, c, arg)),
                        "ch{c} over capacity without a receiver taking the value"
                    );
                }
                match case(Case::Send(c)) {
                    Some(i) => Obs::Selected(i, None),
                    None => Obs::Sent,
                }
            }
            Kind::ChanRecv => {
                assert!(
                    op == Op::Recv(c) || case(Case::Recv(c)).is_some(),
                    "g{gi} received on ch{c} at {op:?}"
                );
                assert_eq!(
                    arg as usize, ch.received,
                    "FIFO: the k-th receive gets the k-th value"
                );
                assert!(ch.count > 0, "receive on ch{c} with nothing sent");
                let v = ch.sent[ch.received];
                ch.received += 1;
                ch.count -= 1;
                match case(Case::Recv(c)) {
                    Some(i) => Obs::Selected(i, Some(v)),
                    None => Obs::Recv(Some(v)),
                }
            }
            Kind::ChanRecvClosed => {
                assert!(
                    op == Op::Recv(c) || case(Case::Recv(c)).is_some(),
                    "g{gi} received on ch{c} at {op:?}"
                );
                assert!(
                    ch.closed && ch.count == 0,
                    "zero value from ch{c} before closed and drained"
                );
                match case(Case::Recv(c)) {
                    Some(i) => Obs::Selected(i, None),
                    None => Obs::Recv(None),
                }
            }
            Kind::ChanClose => {
                assert_eq!(op, Op::Close(c), "g{gi} closed ch{c}");
                assert!(!ch.closed, "ch{c} closed twice without a panic");
                ch.closed = true;
                Obs::Closed
            }
            other => unreachable!("{other:?} is not a channel event"),
        };
        self.expected[gi].push(obs);
        self.pc[gi] += 1;
    }

    /// Replays goroutine `gi`'s operation that has no channel event, at the line it printed
    /// right after it; `parked` are the goroutines parked then.
    fn apply_local(&mut self, gi: usize, parked: &[usize]) {
        let op = self
            .op(gi)
            .expect("a goroutine prints only after an operation");
        let obs = match op {
            Op::SelectDefault(a, b) => {
                for k in [a, b] {
                    assert!(
                        !self.case_ready(gi, k, parked),
                        "g{gi} took the default of {op:?} with {k:?} ready"
                    );
                }
                Obs::Default
            }
            Op::Sleep(_) => Obs::Slept,
            Op::Lock => {
                assert_eq!(self.holder, None, "g{gi} locked a mutex held by another");
                self.holder = Some(gi);
                Obs::Locked
            }
            Op::Unlock => {
                assert_eq!(
                    self.holder,
                    Some(gi),
                    "g{gi} unlocked a mutex it did not hold"
                );
                self.holder = None;
                Obs::Unlocked
            }
            Op::WgAdd => {
                self.counter += 1;
                Obs::Added
            }
            Op::WgDone => {
                assert!(self.counter > 0, "Done below zero without a panic");
                self.counter -= 1;
                if self.counter == 0 {
                    self.zeros += 1;
                }
                Obs::Done
            }
            Op::WgWait => {
                assert!(
                    self.counter == 0 || self.zeros > self.zeros_seen[gi],
                    "g{gi}'s Wait returned with the counter at {} all along",
                    self.counter
                );
                Obs::Waited
            }
            Op::Send(_) | Op::Recv(_) | Op::Close(_) | Op::Select(..) => {
                panic!("g{gi} printed after {op:?} without its channel event")
            }
        };
        self.expected[gi].push(obs);
        self.pc[gi] += 1;
    }

    /// Whether goroutine `gi`'s next operation sends (`send`) or receives on channel `c`.
    fn waits_on(&self, gi: usize, c: usize, send: bool) -> bool {
        let case = |k: Case| match k {
            Case::Send(x) => send && x == c,
            Case::Recv(x) => !send && x == c,
        };
        match self.op(gi) {
            Some(Op::Send(x)) => case(Case::Send(x)),
            Some(Op::Recv(x)) => case(Case::Recv(x)),
            Some(Op::Select(a, b)) => case(a) || case(b),
            _ => false,
        }
    }

    /// Whether case `k` of goroutine `gi`'s select could proceed now, with `blocked` the
    /// goroutines parked at their next operation (the partners a transfer could pair with).
    fn case_ready(&self, gi: usize, k: Case, blocked: &[usize]) -> bool {
        let partner = |c: usize, send: bool| {
            blocked
                .iter()
                .any(|&gj| gj != gi && self.waits_on(gj, c, send))
        };
        match k {
            Case::Send(NIL) | Case::Recv(NIL) => false,
            Case::Send(c) => {
                let ch = &self.chans[c];
                ch.closed || ch.count < ch.cap || partner(c, false)
            }
            Case::Recv(c) => {
                let ch = &self.chans[c];
                ch.closed || ch.count > 0 || partner(c, true)
            }
        }
    }

    /// Whether operation `op` of goroutine `gi` could proceed now (see [`Model::case_ready`]).
    fn can_proceed(&self, gi: usize, op: Op, blocked: &[usize]) -> bool {
        match op {
            Op::Send(c) => self.case_ready(gi, Case::Send(c), blocked),
            Op::Recv(c) => self.case_ready(gi, Case::Recv(c), blocked),
            Op::Select(a, b) => self.case_ready(gi, a, blocked) || self.case_ready(gi, b, blocked),
            Op::Lock => self.holder.is_none(),
            Op::WgWait => self.counter == 0,
            Op::Close(_)
            | Op::SelectDefault(..)
            | Op::Sleep(_)
            | Op::Unlock
            | Op::WgAdd
            | Op::WgDone => true,
        }
    }

    /// The panic message Go gives for goroutine `gi`'s next operation, if it is illegal now.
    fn illegal(&self, gi: usize) -> Option<&'static str> {
        let closed = |c: usize| c != NIL && self.chans[c].closed;
        match self.op(gi)? {
            Op::Close(NIL) => Some("close of nil channel"),
            Op::Close(c) if closed(c) => Some("close of closed channel"),
            Op::Send(c) if closed(c) => Some("send on closed channel"),
            Op::Select(a, b) | Op::SelectDefault(a, b)
                if [a, b]
                    .iter()
                    .any(|&k| matches!(k, Case::Send(c) if closed(c))) =>
            {
                Some("send on closed channel")
            }
            Op::WgDone if self.counter == 0 => Some("sync: negative WaitGroup counter"),
            _ => None,
        }
    }
}

/// Go's name for the state of a goroutine blocked at `op`.
fn state_name(op: Op) -> &'static str {
    match op {
        Op::Send(NIL) => "chan send (nil chan)",
        Op::Send(_) => "chan send",
        Op::Recv(NIL) => "chan receive (nil chan)",
        Op::Recv(_) => "chan receive",
        Op::Select(..) => "select",
        Op::Sleep(_) => "sleep",
        Op::Lock | Op::WgWait => "semacquire",
        Op::Close(_) | Op::SelectDefault(..) | Op::Unlock | Op::WgAdd | Op::WgDone => {
            unreachable!("{op:?} never blocks")
        }
    }
}

/// What one run's outcome was, for the generator's coverage check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ending {
    Exit,
    Deadlock,
    Panic,
}

/// Goroutines parked, by the order they parked in, and when.
#[derive(Default)]
struct Parked {
    order: HashMap<usize, (u64, u64)>,
    parks: u64,
}

impl Parked {
    fn park(&mut self, gi: usize, t: u64) {
        self.parks += 1;
        self.order.insert(gi, (self.parks, t));
    }

    fn list(&self) -> Vec<usize> {
        self.order.keys().copied().collect()
    }
}

/// Checks one run of `p` with `seed` against the model; returns how it ended.
pub fn check(p: &Program, seed: u64) -> Ending {
    let (report, ids, log) = execute(p, seed);
    let index: HashMap<u32, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    assert!(!report.trace.truncated());
    let events = &report.trace.events;
    let is_chan_event = |k: Kind| {
        matches!(
            k,
            Kind::ChanSend | Kind::ChanRecv | Kind::ChanRecvClosed | Kind::ChanClose
        )
    };
    let mut m = Model::new(p);
    let mut parked = Parked::default();
    // The goroutine a wake-up just made runnable, and when it had parked (a transfer's events
    // follow its wake-up with no state change between).
    let mut woken: Option<(usize, u64)> = None;
    // How many lines each goroutine printed.
    let mut printed = vec![0usize; p.scripts.len()];
    // Each goroutine's last event of its own (a state change or a line; a transfer's events
    // also name the partner it woke): a goroutine left runnable at exit must not have run
    // since it was woken.
    let mut last: HashMap<usize, &Event> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        // Goroutine 0 is the runtime itself (its reports); every other is a script's.
        let Some(gi) = (e.g as usize).checked_sub(1) else {
            continue;
        };
        if matches!(e.kind, Kind::GoState | Kind::Output) {
            last.insert(gi, e);
        }
        match e.kind {
            Kind::GoState => match Status::from_code(e.arg) {
                Some(Status::Blocked(_)) => parked.park(gi, e.t),
                Some(Status::Runnable) => {
                    woken = parked.order.remove(&gi).map(|(order, at)| {
                        check_wake(&m, &parked, gi, order, at, e.t);
                        (gi, order)
                    });
                }
                _ => woken = None,
            },
            k if is_chan_event(k) => {
                let c = index[&e.obj];
                // A parked goroutine a transfer wakes is the first parked in that direction
                // on that channel (Go's FIFO wait queues).
                if let Some((_, order)) = woken.filter(|&(w, _)| w == gi) {
                    woken = None;
                    if matches!(k, Kind::ChanSend | Kind::ChanRecv) {
                        let send = k == Kind::ChanSend;
                        for (&gj, &(other, _)) in &parked.order {
                            assert!(
                                other > order || !m.waits_on(gj, c, send),
                                "g{gi} served on ch{c} before g{gj}, which parked first"
                            );
                        }
                    }
                }
                let next = events[i + 1..]
                    .iter()
                    .find(|n| is_chan_event(n.kind))
                    .map(|n| (n.kind, index[&n.obj], n.arg));
                m.apply(gi, k, c, e.arg, next);
            }
            Kind::Output => {
                // The line of operation `printed[gi]`; one with a channel event is replayed.
                if m.pc[gi] == printed[gi] {
                    m.apply_local(gi, &parked.list());
                }
                printed[gi] += 1;
                m.zeros_seen[gi] = m.zeros;
            }
            _ => {}
        }
    }
    check_ending(p, &report, &m, &log, &last)
}

/// Checks a wake-up of goroutine `gi` at `t`, parked since `at` (the `order`-th park) at its
/// next operation: a sleep wakes exactly when due; a mutex goes to its first waiter.
fn check_wake(m: &Model, parked: &Parked, gi: usize, order: u64, at: u64, t: u64) {
    match m.op(gi) {
        Some(Op::Sleep(d)) => assert_eq!(
            t,
            at + d * 1_000_000,
            "g{gi} slept {d}ms from {at}ns and woke at {t}ns"
        ),
        Some(Op::Lock) => {
            for (&gj, &(other, _)) in &parked.order {
                assert!(
                    other > order || m.op(gj) != Some(Op::Lock),
                    "g{gi} got the mutex before g{gj}, which waited first"
                );
            }
        }
        _ => {}
    }
}

/// Checks what each goroutine saw and how the run ended against the model's final state;
/// `last` is each goroutine's last event.
fn check_ending(
    p: &Program,
    report: &Report,
    m: &Model,
    log: &[Vec<Obs>],
    last: &HashMap<usize, &Event>,
) -> Ending {
    let leaked: HashMap<usize, Status> = report
        .leaked
        .iter()
        .map(|g| (g.id as usize - 1, g.status))
        .collect();
    // What each goroutine saw is what the model says it got. One woken by its last operation
    // may not have resumed (and logged it) before the run ended.
    for (gi, (seen, expected)) in log.iter().zip(&m.expected).enumerate() {
        let lag = usize::from(
            leaked.get(&gi) == Some(&Status::Runnable)
                || matches!(report.outcome, Outcome::Panic { .. }),
        );
        assert!(
            expected.starts_with(seen) && expected.len() - seen.len() <= lag,
            "g{gi} saw {seen:?}, the model says {expected:?}"
        );
    }
    let unfinished: Vec<usize> = (0..p.scripts.len())
        .filter(|&gi| m.op(gi).is_some())
        .collect();
    match &report.outcome {
        Outcome::Exit => {
            assert_eq!(m.op(0), None, "main returned before its script ended");
            let blocked: Vec<usize> = leaked
                .iter()
                .filter(|(_, s)| matches!(s, Status::Blocked(_)))
                .map(|(&gi, _)| gi)
                .collect();
            for &gi in &unfinished {
                let status = leaked
                    .get(&gi)
                    .unwrap_or_else(|| panic!("g{gi} unfinished, not leaked"));
                let op = m.op(gi).unwrap();
                match status {
                    Status::Blocked(reason) => {
                        assert_eq!(reason.go_name(), state_name(op), "g{gi}");
                        assert!(
                            matches!(op, Op::Sleep(_)) || !m.can_proceed(gi, op, &blocked),
                            "g{gi} left parked at {op:?}"
                        );
                    }
                    Status::Runnable => {
                        // Woken (or started) and not run since: its last event is the wake.
                        if let Some(e) = last.get(&gi) {
                            assert!(
                                e.kind == Kind::GoState
                                    && Status::from_code(e.arg) == Some(Status::Runnable),
                                "g{gi} left runnable after it ran on ({e:?})"
                            );
                        }
                    }
                    other => panic!("g{gi} unfinished and {other:?}"),
                }
            }
            for (gi, status) in &leaked {
                assert!(
                    unfinished.contains(gi) || *status == Status::Runnable,
                    "g{gi} finished its script but is leaked {status:?}"
                );
            }
            Ending::Exit
        }
        Outcome::Deadlock => {
            for &gi in &unfinished {
                let op = m.op(gi).unwrap();
                assert!(
                    !m.can_proceed(gi, op, &unfinished),
                    "deadlock reported but g{gi} could proceed at {op:?}"
                );
            }
            let want: Vec<String> = unfinished
                .iter()
                .map(|&gi| format!("goroutine {} [{}]:", gi + 1, state_name(m.op(gi).unwrap())))
                .collect();
            assert_eq!(goroutine_headers(report), want);
            Ending::Deadlock
        }
        Outcome::Panic { g, message } => {
            let gi = *g as usize - 1;
            assert_eq!(
                m.illegal(gi),
                Some(message.as_str()),
                "g{gi} panicked at {:?}",
                m.op(gi)
            );
            assert_eq!(report.exit_code(), 2);
            Ending::Panic
        }
        other => panic!("unexpected outcome {other:?}"),
    }
}

/// What [`check_programs`] saw: how the runs ended, and how many operations of each kind the
/// programs had.
#[derive(Debug, Default)]
pub struct Coverage {
    pub endings: HashMap<Ending, u32>,
    pub ops: HashMap<&'static str, u32>,
}

/// Generates program `n` for every `n` of `programs` and checks it with two seeds; panics at
/// the first run that breaks Go's semantics, naming the program and the seed.
pub fn check_programs(programs: std::ops::Range<u64>) -> Coverage {
    let mut coverage = Coverage::default();
    for case in programs {
        let mut rng = Rng::new(case);
        let p = generate(&mut rng);
        for op in p.scripts.iter().flatten() {
            *coverage.ops.entry(op_kind(*op)).or_default() += 1;
        }
        for seed in [case, case ^ 0x5eed] {
            let outcome = std::panic::catch_unwind(|| check(&p, seed));
            match outcome {
                Ok(ending) => *coverage.endings.entry(ending).or_default() += 1,
                Err(e) => {
                    eprintln!("program {case} (run seed {seed}) failed: {p:#?}");
                    std::panic::resume_unwind(e);
                }
            }
        }
    }
    coverage
}

/// The kind of an operation, for coverage.
pub fn op_kind(op: Op) -> &'static str {
    match op {
        Op::Send(_) => "send",
        Op::Recv(_) => "recv",
        Op::Close(_) => "close",
        Op::Select(..) => "select",
        Op::SelectDefault(..) => "select-default",
        Op::Sleep(_) => "sleep",
        Op::Lock => "lock",
        Op::Unlock => "unlock",
        Op::WgAdd => "wg-add",
        Op::WgDone => "wg-done",
        Op::WgWait => "wg-wait",
    }
}
