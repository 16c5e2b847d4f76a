//! A property test of channel semantics: random programs of sends, receives, closes and
//! selects across several goroutines and channels, each run checked against a reference
//! model of Go's channels.
//!
//! The runtime is single-threaded, so its trace is a linearisation of the run: every
//! transfer, receive of a closed channel's zero value, and close is an event at the moment it
//! took effect. The model replays those events and checks that each was legal where it
//! happened (the goroutine's next operation was that one; nothing is sent on or closed after
//! a close; a buffer never holds more than its capacity; the k-th value received on a channel
//! is the k-th sent; a closed channel yields zero values only once drained), that what every
//! goroutine observed is what the model says it received, and that the run ended as Go's
//! would from the state the model reached: with the right panic for an illegal operation, a
//! deadlock only when no blocked goroutine could proceed (reported in Go's state names), or
//! an exit that leaves only goroutines that are blocked for good or never got to run.
//!
//! Programs come from a small seeded generator; a failure prints the seed and the program.

mod rt_support;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use chanlab::rt::trace::Kind;
use chanlab::rt::{self, go, make_chan, Chan, Outcome, Report, Rng, Select, Status};
use rt_support::{goroutine_headers, run_seed, stdout};

/// The nil channel, among the channel indices of a program.
const NIL: usize = usize::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Case {
    Send(usize),
    Recv(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Op {
    Send(usize),
    Recv(usize),
    Close(usize),
    /// A select of two cases, without default.
    Select(Case, Case),
}

/// What a goroutine saw an operation do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Obs {
    Sent,
    Recv(Option<u64>),
    Closed,
    /// The case taken, and the value for a receive case.
    Selected(usize, Option<u64>),
}

#[derive(Debug)]
struct Program {
    caps: Vec<usize>,
    /// Script 0 is main's; script `i` runs in the `i`-th goroutine main starts.
    scripts: Vec<Vec<Op>>,
}

/// The value goroutine `gi` sends at step `step`: unique in the run.
fn value(gi: usize, step: usize) -> u64 {
    ((gi as u64) << 32) | step as u64
}

fn generate(rng: &mut Rng) -> Program {
    let chans = 1 + rng.below(3) as usize;
    let caps = (0..chans).map(|_| rng.below(3) as usize).collect();
    let chan = |rng: &mut Rng| {
        if rng.below(25) == 0 {
            NIL
        } else {
            rng.below(chans as u64) as usize
        }
    };
    let goroutines = 2 + rng.below(3) as usize;
    let scripts = (0..goroutines)
        .map(|gi| {
            let len = rng.below(7) as usize + usize::from(gi == 0);
            (0..len)
                .map(|_| match rng.below(100) {
                    0..=34 => Op::Send(chan(rng)),
                    35..=69 => Op::Recv(chan(rng)),
                    70..=76 => Op::Close(chan(rng)),
                    _ => {
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
                        // Two cases on one channel only in opposite directions, so the case
                        // a transfer belongs to is never ambiguous.
                        while second == first && b != NIL {
                            b = rng.below(chans as u64) as usize;
                            second = case(rng, b);
                        }
                        Op::Select(first, second)
                    }
                })
                .collect()
        })
        .collect();
    Program { caps, scripts }
}

/// Runs script `gi`, logging what each operation did once it returns: one output line of
/// `(gi, obs)` as JSON per operation.
async fn actor(gi: usize, chans: Vec<Chan<u64>>, script: Vec<Op>) {
    let ch = |c: usize| if c == NIL { Chan::nil() } else { chans[c] };
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
            Op::Select(a, b) => {
                let mut sel = Select::new();
                for case in [a, b] {
                    match case {
                        Case::Send(c) => sel.send(ch(c), v),
                        Case::Recv(c) => sel.recv(ch(c)),
                    };
                }
                let mut got = sel.wait().await;
                let i = got.index().expect("no default case");
                let received = match [a, b][i] {
                    Case::Recv(c) => got.take(ch(c)),
                    Case::Send(_) => None,
                };
                Obs::Selected(i, received)
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
        let chans: Vec<Chan<u64>> = caps.iter().map(|&c| make_chan(c)).collect();
        i.borrow_mut().extend(chans.iter().map(|c| c.id()));
        for (gi, script) in scripts.iter().enumerate().skip(1) {
            go(actor, (gi, chans.clone(), script.clone()));
        }
        actor(0, chans, scripts[0].clone()).await;
    });
    let ids = ids.borrow().clone();
    let mut log = vec![Vec::new(); p.scripts.len()];
    for line in stdout(&report) {
        let (gi, obs): (usize, Obs) = serde_json::from_str(line).unwrap();
        log[gi].push(obs);
    }
    (report, ids, log)
}

/// The reference model: Go's channel semantics, one event at a time.
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

struct Model<'p> {
    p: &'p Program,
    chans: Vec<ChanModel>,
    /// Each goroutine's next step.
    pc: Vec<usize>,
    /// What each goroutine should have seen.
    expected: Vec<Vec<Obs>>,
}

impl<'p> Model<'p> {
    fn new(p: &'p Program) -> Self {
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
            pc: vec![0; p.scripts.len()],
            expected: vec![Vec::new(); p.scripts.len()],
        }
    }

    fn op(&self, gi: usize) -> Option<Op> {
        self.p.scripts[gi].get(self.pc[gi]).copied()
    }

    /// Replays one channel event of goroutine `gi` on channel `c`. `next` is the next channel
    /// event, for the rule that a transfer over capacity is a hand-off to a receiver.
    fn apply(
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
            Op::Select(a, b) => [a, b].iter().position(|&x| x == want),
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

    /// Whether operation `op` of goroutine `gi` could proceed now, with `blocked` the
    /// goroutines parked at their next operation (the partners a transfer could pair with).
    fn can_proceed(&self, gi: usize, op: Op, blocked: &[usize]) -> bool {
        let partner = |c: usize, send: bool| {
            blocked
                .iter()
                .any(|&gj| gj != gi && self.waits_on(gj, c, send))
        };
        let case = |k: Case| match k {
            Case::Send(NIL) | Case::Recv(NIL) => false,
            Case::Send(c) => {
                let ch = &self.chans[c];
                ch.closed || ch.count < ch.cap || partner(c, false)
            }
            Case::Recv(c) => {
                let ch = &self.chans[c];
                ch.closed || ch.count > 0 || partner(c, true)
            }
        };
        match op {
            Op::Send(c) => case(Case::Send(c)),
            Op::Recv(c) => case(Case::Recv(c)),
            Op::Close(_) => true,
            Op::Select(a, b) => case(a) || case(b),
        }
    }

    /// The panic message Go gives for goroutine `gi`'s next operation, if it is illegal now.
    fn illegal(&self, gi: usize) -> Option<&'static str> {
        let closed = |c: usize| c != NIL && self.chans[c].closed;
        match self.op(gi)? {
            Op::Close(NIL) => Some("close of nil channel"),
            Op::Close(c) if closed(c) => Some("close of closed channel"),
            Op::Send(c) if closed(c) => Some("send on closed channel"),
            Op::Select(a, b)
                if [a, b]
                    .iter()
                    .any(|&k| matches!(k, Case::Send(c) if closed(c))) =>
            {
                Some("send on closed channel")
            }
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
        Op::Close(_) => unreachable!("close never blocks"),
    }
}

/// What one run's outcome was, for the generator's coverage check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Ending {
    Exit,
    Deadlock,
    Panic,
}

/// Checks one run of `p` against the model; returns how it ended.
fn check(p: &Program, seed: u64) -> Ending {
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
    // Goroutines parked, with the order they parked in; and the one a wake-up just made
    // runnable (a transfer's events follow its wake-up with no state change between).
    let mut parked: HashMap<usize, u64> = HashMap::new();
    let mut parks = 0u64;
    let mut woken: Option<(usize, u64)> = None;
    for (i, e) in events.iter().enumerate() {
        // Goroutine 0 is the runtime itself (its reports); every other is a script's.
        let Some(gi) = (e.g as usize).checked_sub(1) else {
            continue;
        };
        match e.kind {
            Kind::GoState => match Status::from_code(e.arg) {
                Some(Status::Blocked(_)) => {
                    parks += 1;
                    parked.insert(gi, parks);
                }
                Some(Status::Runnable) => woken = parked.remove(&gi).map(|order| (gi, order)),
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
                        for (&gj, &other) in &parked {
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
            _ => {}
        }
    }
    // What each goroutine saw is what the model says it got. A goroutine woken by its last
    // operation may not have resumed (and logged it) before the run ended.
    for (gi, (seen, expected)) in log.iter().zip(&m.expected).enumerate() {
        assert!(
            expected.starts_with(seen) && expected.len() - seen.len() <= 1,
            "g{gi} saw {seen:?}, the model says {expected:?}"
        );
    }
    let unfinished: Vec<usize> = (0..p.scripts.len())
        .filter(|&gi| m.op(gi).is_some())
        .collect();
    match &report.outcome {
        Outcome::Exit => {
            assert_eq!(m.op(0), None, "main returned before its script ended");
            let leaked: HashMap<usize, Status> = report
                .leaked
                .iter()
                .map(|g| (g.id as usize - 1, g.status))
                .collect();
            let blocked: Vec<usize> = leaked
                .iter()
                .filter(|(_, s)| matches!(s, Status::Blocked(_)))
                .map(|(&gi, _)| gi)
                .collect();
            for &gi in &unfinished {
                let status = leaked
                    .get(&gi)
                    .unwrap_or_else(|| panic!("g{gi} unfinished, not leaked"));
                if let Status::Blocked(reason) = status {
                    let op = m.op(gi).unwrap();
                    assert_eq!(reason.go_name(), state_name(op), "g{gi}");
                    assert!(
                        !m.can_proceed(gi, op, &blocked),
                        "g{gi} left parked at {op:?}"
                    );
                } else {
                    assert_eq!(*status, Status::Runnable, "g{gi}");
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
            assert_eq!(goroutine_headers(&report), want);
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

#[test]
fn random_channel_programs_follow_gos_semantics() {
    let mut endings: HashMap<Ending, u32> = HashMap::new();
    let mut ops = 0;
    for case in 0..1_500u64 {
        let mut rng = Rng::new(case);
        let p = generate(&mut rng);
        ops += p.scripts.iter().map(Vec::len).sum::<usize>();
        for seed in [case, case ^ 0x5eed] {
            let outcome = std::panic::catch_unwind(|| check(&p, seed));
            match outcome {
                Ok(ending) => *endings.entry(ending).or_default() += 1,
                Err(e) => {
                    eprintln!("program {case} (run seed {seed}) failed: {p:#?}");
                    std::panic::resume_unwind(e);
                }
            }
        }
    }
    // The generator reaches every kind of ending, often.
    for ending in [Ending::Exit, Ending::Deadlock, Ending::Panic] {
        assert!(
            endings.get(&ending).copied().unwrap_or(0) > 100,
            "{endings:?}"
        );
    }
    assert!(ops > 10_000);
}

#[test]
fn the_model_catches_a_wrong_observation() {
    // A self-check: the same program with a tampered log must fail the check.
    let p = Program {
        caps: vec![1],
        scripts: vec![vec![Op::Send(0), Op::Recv(0)]],
    };
    assert_eq!(check(&p, 1), Ending::Exit);
    let mut m = Model::new(&p);
    m.apply(0, Kind::ChanSend, 0, 0, None);
    let tampered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        m.apply(0, Kind::ChanRecv, 0, 1, None)
    }));
    assert!(tampered.is_err(), "a receive out of FIFO order is caught");
}
