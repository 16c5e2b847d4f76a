//! The Rust side of the interpreter's standard library: pure functions over bytes and
//! [`Value`](super::vm::value::Value)s that the VM binds to the native (bodiless) functions
//! of `library/go/*.go` (docs/INTERPRETER.md, Pipeline).
//!
//! Each module follows one Go package's documented behaviour, down to its edge cases and error
//! texts; the tests' expected strings were printed by Go 1.19.
//!
//! - [`deep_equal`]: the comparison of `reflect.DeepEqual`;
//! - [`fmt`]: the formatting engine of `Printf`, `Sprint`, `Println` and `Errorf`;
//! - [`strconv`]: number formatting and parsing with Go's error values, quoting;
//! - [`strings`]: searching, splitting, replacing, trimming, case mapping;
//! - [`math`]: the functions whose Rust equivalents answer differently from Go's;
//! - [`utf8`]: `unicode/utf8`, and the decoding every string operation shares;
//! - [`unicode`]: categories and case mappings from Go's own tables;
//! - [`time`]: calendar fields, `Time.Format`'s layouts and `ParseDuration`, in UTC.

pub mod deep_equal;
pub mod fmt;
pub mod math;
pub mod strconv;
pub mod strings;
pub mod time;
pub mod timeparse;
pub mod unicode;
pub mod utf8;
