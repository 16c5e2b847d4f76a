//! Interpreted programs in real mode: each worker (the hub, worker 0, and the executors)
//! runs its own copy of the compiled program, and their heaps are one coherent shared memory
//! (docs/INTERPRETER.md, Real mode).
//!
//! - [`executor`] is what a worker runs: the program's main goroutine (on the hub), the entry
//!   its other goroutines arrive by, and its copy of the heap ([`vm::shared::Heap`]) as the
//!   runtime's [`SharedMemory`].
//! - [`hub_memory`] is the hub's side: it relays each executor's writes to the others, in the
//!   order it received them, and keeps the latest content of every shared cell and aggregate,
//!   so it can answer atomic operations and make the runtime objects held in shared structs
//!   ([`Question`]).
//!
//! # Invariants
//! - Every write in the log was applied to `masters` when it arrived, in log order.
//! - An executor is given each log entry once, in order, except its own.

use crate::golang::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::any::Any;
use std::rc::Rc;

use crate::rt::real::{Data, Entries, HubMemory, Program, SharedMemory};
use crate::rt::{self, Cond, Mutex, WaitGroup};

use super::vm;
use super::vm::gor::{Gor, Run};
use super::vm::program::Program as Compiled;
use super::vm::serial::HeapScope;
use super::vm::shared::{AtomicOp, Change, Content, HandleKind, ObjId, Question, Writes, W};
use super::vm::task::{self, GoTask};

/// What each worker of a real-mode run of `prog` runs, the hub included (every worker
/// compiles the same source, so functions and types are the same everywhere).
pub fn executor(prog: Rc<Compiled>) -> Program {
    let run = vm::run::new_run_sharing(prog, true);
    let main_run = run.clone();
    Program {
        main: Box::new(move || {
            let entry = main_run.prog.entry;
            Box::pin(GoTask::new(Gor::new(
                main_run.clone(),
                entry,
                None,
                Vec::new(),
            )))
        }),
        declare: Box::new(|entries: &mut Entries| entries.add(task::start)),
        memory: Some(Box::new(ExecutorMemory { run: run.clone() })),
        source: Some(vm::run::source_hooks(&run)),
        host_data: Some(run as Rc<dyn Any>),
    }
}

/// The hub's side of a real-mode run's shared memory, for a run on `procs` workers.
pub fn hub_memory(procs: u32) -> Box<dyn HubMemory> {
    Box::new(HubHeap {
        log: Vec::new(),
        base: 0,
        given: vec![0; procs.max(1) as usize],
        masters: HashMap::default(),
        cells: HashSet::default(),
        held: Vec::new(),
    })
}

/// An executor's copy of the heap, as the runtime sees it.
struct ExecutorMemory {
    run: Rc<Run>,
}

impl SharedMemory for ExecutorMemory {
    fn attach(&mut self, worker: u32) {
        if let Some(heap) = &self.run.heap {
            heap.borrow_mut().set_worker(worker);
        }
    }

    fn release(&mut self) -> Option<Data> {
        let heap = self.run.heap.as_ref()?;
        let writes = heap.borrow_mut().release(&self.run.globals);
        (!writes.is_empty()).then(|| Data::of(&writes))
    }

    fn acquire(&mut self, writes: Data) -> Result<(), String> {
        let Some(heap) = &self.run.heap else {
            return Err("this run shares no heap".into());
        };
        let all: Vec<Writes> = writes.read()?;
        let mut heap = heap.borrow_mut();
        for w in &all {
            heap.acquire(w, &self.run.globals)?;
        }
        Ok(())
    }

    fn enter(&self) -> Option<Box<dyn Any>> {
        let heap = self.run.heap.as_ref()?;
        Some(Box::new(HeapScope::enter(heap)))
    }
}

/// Who wrote a log entry: an executor, or the hub itself (an atomic operation's result).
const HUB: u32 = u32::MAX;

/// The hub's side of the shared memory.
struct HubHeap {
    /// Writes not yet given to every executor, by writer, from log index `base`.
    log: Vec<(u32, Writes)>,
    base: usize,
    /// The log index each executor is given up to.
    given: Vec<usize>,
    /// The latest content of every shared cell and aggregate (maps are not needed here).
    masters: HashMap<ObjId, Vec<W>>,
    /// Which of them are cells (a cell's change is not an element's).
    cells: HashSet<ObjId>,
    /// Elements the hub's own goroutines changed with atomic operations since the hub's
    /// last release: logged after it (see [`atomic_on_hub`]).
    held: Vec<(ObjId, u32)>,
}

impl HubHeap {
    /// Applies `w` to the masters and logs it.
    fn record(&mut self, from: u32, w: Writes) {
        for (id, content) in &w.new {
            match content {
                Content::Cell(v) => {
                    self.masters.insert(*id, vec![v.clone()]);
                    self.cells.insert(*id);
                }
                Content::Array(items) => {
                    self.masters.insert(*id, items.clone());
                }
                Content::Map(_) => {}
            }
        }
        for (id, change) in &w.changes {
            let Some(master) = self.masters.get_mut(id) else {
                // The package variables, the first time, and maps.
                if let Change::Elems(elems) = change {
                    let mut items = Vec::new();
                    apply_elems(&mut items, elems);
                    self.masters.insert(*id, items);
                }
                continue;
            };
            match change {
                Change::Cell(v) => master[0] = v.clone(),
                Change::Elems(elems) => apply_elems(master, elems),
                Change::Map { .. } => {}
            }
        }
        self.log.push((from, w));
    }

    /// Element `index` of object `obj`, as last written (nothing yet: zero).
    fn master(&self, obj: ObjId, index: u32) -> W {
        self.masters
            .get(&obj)
            .and_then(|m| m.get(index as usize))
            .cloned()
            .unwrap_or(W::I(0))
    }

    /// The hub writes `v` into element `index` of `obj`, for every executor.
    fn write(&mut self, obj: ObjId, index: u32, v: W) {
        let change = self.change(obj, index, v);
        self.record(
            HUB,
            Writes {
                new: Vec::new(),
                changes: vec![change],
            },
        );
    }

    /// Element `index` of `obj` becoming `v`, as a change.
    fn change(&self, obj: ObjId, index: u32, v: W) -> (ObjId, Change) {
        let change = if self.cells.contains(&obj) {
            Change::Cell(v)
        } else {
            Change::Elems(vec![(index, v)])
        };
        (obj, change)
    }

    fn answer(&mut self, question: Question) -> W {
        match question {
            Question::Atomic { obj, index, op } => self.atomic(obj, index, op),
            Question::Handle { obj, index, kind } => {
                if let W::I(h) = self.master(obj, index) {
                    if h > 0 {
                        return W::I(h);
                    }
                }
                let id = match kind {
                    HandleKind::WaitGroup => WaitGroup::new().id(),
                    HandleKind::Mutex => Mutex::new().id(),
                    HandleKind::Cond => Cond::new().id(),
                };
                let h = W::I(i64::from(id) + 1);
                self.write(obj, index, h.clone());
                h
            }
        }
    }

    fn atomic(&mut self, obj: ObjId, index: u32, op: AtomicOp) -> W {
        let (answer, new) = self.atomic_result(obj, index, op);
        if let Some(new) = new {
            self.write(obj, index, new);
        }
        answer
    }

    /// `op` on the master of element `index` of `obj`, which it leaves as it is: the
    /// operation's answer, and the element's new value if it changes.
    fn atomic_result(&self, obj: ObjId, index: u32, op: AtomicOp) -> (W, Option<W>) {
        let old = self.master(obj, index);
        let (new, answer) = match op {
            AtomicOp::Load => return (old, None),
            AtomicOp::Add {
                delta,
                bits,
                signed,
            } => {
                let x = match old {
                    W::I(x) => x,
                    _ => 0,
                };
                let sum = wrap(x.wrapping_add(delta), bits, signed);
                (W::I(sum), W::I(sum))
            }
            AtomicOp::Store(v) => (v, W::N),
            AtomicOp::Swap(v) => (v, old),
            AtomicOp::CompareAndSwap { old: want, new } => {
                if old != want {
                    return (W::B(false), None);
                }
                (new, W::B(true))
            }
        };
        (answer, Some(new))
    }
}

/// `x` with the wrap-around of an integer of `bits` bits.
fn wrap(x: i64, bits: u8, signed: bool) -> i64 {
    match (bits, signed) {
        (8, true) => x as i8 as i64,
        (8, false) => x as u8 as i64,
        (16, true) => x as i16 as i64,
        (16, false) => x as u16 as i64,
        (32, true) => x as i32 as i64,
        (32, false) => x as u32 as i64,
        _ => x,
    }
}

fn apply_elems(items: &mut Vec<W>, elems: &[(u32, W)]) {
    for (i, v) in elems {
        let i = *i as usize;
        if items.len() <= i {
            items.resize(i + 1, W::N);
        }
        items[i] = v.clone();
    }
}

impl HubMemory for HubHeap {
    fn deliver(&mut self, from: u32, writes: Data) -> Result<(), String> {
        let w: Writes = writes.read()?;
        self.record(from, w);
        Ok(())
    }

    fn take_for(&mut self, to: u32) -> Option<Data> {
        let end = self.base + self.log.len();
        let start = *self.given.get(to as usize)?;
        self.given[to as usize] = end;
        let entries: Vec<&Writes> = self.log[start - self.base..]
            .iter()
            .filter(|(from, _)| *from != to)
            .map(|(_, w)| w)
            .collect();
        let data = (!entries.is_empty()).then(|| Data::of_borrowed(&entries));
        // Entries every executor was given are dropped.
        let done = self.given.iter().copied().min().unwrap_or(end);
        if done > self.base {
            self.log.drain(..done - self.base);
            self.base = done;
        }
        data
    }

    fn released(&mut self) {
        if self.held.is_empty() {
            return;
        }
        // The masters' values now: an executor's atomic operation since may have changed one.
        let mut held = std::mem::take(&mut self.held);
        held.sort_unstable();
        held.dedup();
        let changes = held
            .into_iter()
            .map(|(obj, index)| self.change(obj, index, self.master(obj, index)))
            .collect();
        self.record(
            HUB,
            Writes {
                new: Vec::new(),
                changes,
            },
        );
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }

    fn ask(&mut self, _from: u32, question: Data) -> Data {
        match question.read::<Question>() {
            Ok(q) => Data::of(&self.answer(q)),
            Err(why) => {
                rt::end_fatally(format!("real mode: a question about shared memory: {why}"));
                Data::none()
            }
        }
    }
}

/// An atomic operation of one of the hub's own goroutines on element `index` of shared object
/// `obj`, done in place: its answer, and the element's new value if it changed, which the
/// caller gives the hub's copy of the heap (with its twin: the others get it from the log).
/// `Err(op)` unless this is the hub.
///
/// Done at once, with no release of the hub's other writes first: the new value is logged
/// after them, at the hub's next release, which comes before any frame leaves the hub (a
/// release before every turn's frames). So an executor that learns the new value, in an
/// answer or from the log, has every write that came before it; the log then carries the
/// master's value at that release, which an executor's atomic operation may have changed
/// since (the log never goes back to an older value).
pub(crate) fn atomic_on_hub(
    obj: ObjId,
    index: u32,
    op: AtomicOp,
) -> Result<(W, Option<W>), AtomicOp> {
    let mut op = Some(op);
    let done = rt::real::memory::on_hub_memory(|memory| {
        let heap = memory.as_any().downcast_mut::<HubHeap>()?;
        let (answer, new) = heap.atomic_result(obj, index, op.take()?);
        if let Some(new) = &new {
            apply_elems(
                heap.masters.entry(obj).or_default(),
                &[(index, new.clone())],
            );
            heap.held.push((obj, index));
        }
        Some((answer, new))
    });
    match (done.flatten(), op) {
        (Some(done), _) => Ok(done),
        (None, Some(op)) => Err(op),
        (None, None) => unreachable!("an operation taken is done"),
    }
}

/// Runs `prog` in real mode on `procs` executors taking turns in this thread (the native
/// tests' and `gorun --real`'s way to check real mode's semantics; the browser runs each on a
/// Web Worker, and warms up with it).
pub fn run_in_thread(
    prog: &Rc<Compiled>,
    seed: u64,
    procs: u32,
    max_ns: u64,
) -> Result<rt::Report, String> {
    rt::real::run_in_thread_with(
        seed,
        procs,
        max_ns,
        |hub| {
            hub.set_memory(hub_memory(procs));
            // The hub runs the program's goroutines too: its timers send their values.
            hub.runtime().use_host_values::<vm::value::Value>();
        },
        || executor(prog.clone()),
    )
}
