//! The virtual machine: values, run-time types, and goroutines that run compiled Go on
//! [`crate::rt`] (docs/INTERPRETER.md, Execution).

pub mod complex;
pub mod cost;
pub mod describe;
pub mod errors;
mod exec;
pub(crate) use exec::{chan_of, chan_query};
pub mod finalizers;
pub mod gor;
pub mod instr;
pub mod map;
pub mod ops;
pub mod program;
pub mod run;
pub(crate) mod serial;
pub mod shared;
pub mod task;
mod teardown;
pub mod types;
pub mod value;
