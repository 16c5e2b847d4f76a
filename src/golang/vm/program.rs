//! A compiled program: its functions, constants, types and natives, shared (read-only) by every
//! goroutine of a run.

use std::rc::Rc;

use super::gor::{Ctx, Flow};
use super::instr::{Instr, SelectDesc};
use super::types::Types;
use super::value::{TypeId, Value};

/// A Go panic in flight: the value `panic` was called with, or a run-time error.
pub type Thrown = Value;

/// A native function: reads its arguments and writes its results through `Ctx`.
pub type NativeFn = fn(&mut Ctx<'_>) -> Result<Flow, Thrown>;

/// A function of the standard library written in Rust.
#[derive(Clone, Copy)]
pub struct Native {
    /// Its Go name (`strings.ToUpper`, `sync.(*WaitGroup).Wait`).
    pub name: &'static str,
    pub f: NativeFn,
    /// Others can observe it (output, the clock, a runtime object): the goroutine pays its CPU
    /// debt first, so it happens at the right virtual time.
    pub observable: bool,
}

/// A compiled Go function (a declared function, a method, a closure or a wrapper).
#[derive(Clone, Debug, Default)]
pub struct Func {
    /// Go's name for it in tracebacks (`main.worker`, `main.main.func1`, `main.(*T).Inc`).
    pub name: Rc<str>,
    pub code: Vec<Instr>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    /// Registers its frame needs (parameters first).
    pub nregs: u16,
    /// Parameters, the receiver first for a method.
    pub nparams: u16,
    pub nresults: u16,
    /// Where its results live while it runs: registers `results..results + nresults`.
    pub results: u16,
    /// Results held in cells (bit `i`: result `i`, a named result a closure captured): `Ret`
    /// returns the value in the cell.
    pub cell_results: u64,
    /// The line of its declaration.
    pub line: u32,
    /// The file it is declared in, as tracebacks print it (`./prog.go`, or the library's
    /// `/usr/local/go/src/sync/sync.go`); empty for functions the compiler made.
    pub file: Rc<str>,
    /// How the runtime names a goroutine running it.
    pub label: Option<crate::rt::Label>,
    /// A function the compiler made to run a builtin (`defer recover()`): `recover` in it
    /// acts for the function that deferred it.
    pub wrapper: bool,
}

/// The run-time error types (Go's `runtime.boundsError`, …): a panic they carry is an
/// interface value of one of them holding the error's text.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuntimeErrorTypes {
    /// `runtime error: index out of range [5] with length 3`, slice bounds.
    pub bounds: TypeId,
    /// `assignment to entry in nil map`, channel misuse.
    pub plain: TypeId,
    /// Nil dereference, division by zero, and the rest.
    pub string: TypeId,
    /// `interface conversion: …`.
    pub assertion: TypeId,
}

/// Everything a run of a program needs that does not change.
#[derive(Default)]
pub struct Program {
    pub funcs: Vec<Func>,
    pub consts: Vec<Value>,
    pub types: Types,
    pub natives: Vec<Native>,
    pub selects: Vec<SelectDesc>,
    /// Package-level variables.
    pub nglobals: u32,
    /// Initialises the package-level variables and runs the `init` functions, then `main`.
    pub entry: u32,
    pub runtime_errors: RuntimeErrorTypes,
    /// The method ids of `Error` and `String` (fmt and panics call them), if any type has them.
    pub error_method: Option<u32>,
    pub string_method: Option<u32>,
    /// The file name in messages (`prog.go`).
    pub file_name: Rc<str>,
    /// Closures of functions that capture nothing, made once (`f := worker`).
    pub func_values: Vec<Option<Value>>,
    /// The variables channels are made for (`jobs := make(chan int)`), which the trace
    /// names them by; indexed by `Instr::MakeChan`'s `name`.
    pub chan_names: Vec<&'static str>,
}

/// `Instr::MakeChan`'s `name` when the channel is made for no variable.
pub const NO_NAME: u32 = u32::MAX;

impl Program {
    /// Whether function `f` is declared in the program's own file (not the library's, nor
    /// made by the compiler).
    pub fn in_program_file(&self, f: u32) -> bool {
        self.funcs[f as usize].file.strip_prefix("./") == Some(&*self.file_name)
    }

    /// The line of the declaration of the program's function Go names `name` (`main.worker`,
    /// `main.main.func1`), if the program's file declares one.
    pub fn decl_line(&self, name: &str) -> Option<u32> {
        self.funcs
            .iter()
            .enumerate()
            .find(|(i, f)| &*f.name == name && self.in_program_file(*i as u32))
            .map(|(_, f)| f.line)
    }

    /// The source line of instruction `pc` of function `f`.
    pub fn line(&self, f: u32, pc: usize) -> u32 {
        let func = &self.funcs[f as usize];
        func.lines
            .get(pc)
            .copied()
            .or_else(|| func.lines.last().copied())
            .unwrap_or(func.line)
    }
}
