//! The virtual machine: values, run-time types, and goroutines that run compiled Go on
//! [`crate::rt`] (docs/INTERPRETER.md, Execution).

pub mod cost;
pub mod describe;
pub mod errors;
mod exec;
pub mod gor;
pub mod instr;
pub mod map;
pub mod ops;
pub mod program;
pub mod run;
pub(crate) mod serial;
pub mod shared;
pub mod task;
pub mod types;
pub mod value;
