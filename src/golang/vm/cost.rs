//! Sim mode's cost model: the virtual time interpreted code takes (docs/INTERPRETER.md, Cost
//! model), in picoseconds.
//!
//! Every instruction costs [`INSTR`]; some cost more on top. The figures are calibrated on Go's
//! native speed: the `doTask` loop (`for i := 0; i < n; i++ { sum += i }`) is two instructions
//! an iteration, 1 ns, what a `cpu_work` unit costs; a call is about 2 ns, as in Go; `go`
//! about 150 ns, an allocation 25 ns, a map operation 20 ns and a channel operation 50 ns, Go's
//! own orders of magnitude on one core. They are part of a program's semantics in sim mode:
//! changing them changes its virtual times, never its output's order where Go fixes it.

/// Every instruction.
pub const INSTR: u64 = 500;
/// A call, on top of its instruction (the frame is pushed and popped).
pub const CALL: u64 = 1_500;
/// An allocation: `make`, `new`, a composite literal, a growing `append`, a closure.
pub const ALLOC: u64 = 25_000;
/// A map lookup, insertion or deletion.
pub const MAP: u64 = 20_000;
/// A channel operation or a select (the runtime's own work).
pub const CHAN: u64 = 50_000;
/// A `go` statement.
pub const GO: u64 = 150_000;
/// Bytes a string operation handles per picosecond of its cost: 4 bytes a nanosecond.
pub const BYTES_PER_PS: u64 = 250;

/// A goroutine pays its debt before an operation others can observe once it is this large
/// (1 µs): smaller debts wait, so a program's times are right to within a microsecond per
/// goroutine while fast channel traffic pays nothing per operation.
pub const SYNC: u64 = 1_000_000;
/// A goroutine pays its debt whenever it reaches this (50 µs), which also lets the others run,
/// as Go's preemption does.
pub const QUANTUM: u64 = 50_000_000;
/// Real mode, where nothing is paid: a goroutine lets the others on its executor run whenever
/// its debt reaches this (250 µs; Go preempts after 10 ms). Each preemption costs the executor
/// a turn of its loop, and a goroutine that computes alone runs on at once.
pub const REAL_QUANTUM: u64 = 250_000_000;
