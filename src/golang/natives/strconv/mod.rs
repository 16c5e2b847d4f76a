//! Go's `strconv`.

mod ftoa;

pub use ftoa::format_float;
