//! The virtual machine: values, run-time types, and goroutines that run compiled Go on
//! [`crate::rt`] (docs/INTERPRETER.md, Execution).

pub mod map;
pub mod types;
pub mod value;
