//! Checks of the runtime's semantics against independent oracles, shared by their own tests
//! (`rt_property.rs`, `rt_determinism.rs`) and by the mutation test (`rt_mutations.rs`),
//! which switches faults on in the runtime and asserts these checks catch each one.
//!
//! A check passes by returning and fails by panicking with what went wrong.

#![allow(dead_code)]

pub mod property;
pub mod uniformity;
