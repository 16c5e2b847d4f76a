//! Go's run-time errors and how an unrecovered panic is printed.
//!
//! A run-time error is a panic whose value is an interface holding the error's text, of one of
//! the program's run-time error types (`runtime.boundsError`, `runtime.plainError`,
//! `runtime.errorString`, `*runtime.TypeAssertionError`), whose `Error` method returns that
//! text, so `recover()` gives what Go's gives and `fmt` prints it the same way.

use super::program::{Program, Thrown};
use super::value::Value;

/// Which run-time error type a run-time panic has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrKind {
    Bounds,
    Plain,
    String,
    Assertion,
}

/// A run-time error of kind `kind` with Go's text.
pub fn runtime_error(prog: &Program, kind: ErrKind, text: impl Into<String>) -> Thrown {
    let t = &prog.runtime_errors;
    let ty = match kind {
        ErrKind::Bounds => t.bounds,
        ErrKind::Plain => t.plain,
        ErrKind::String => t.string,
        ErrKind::Assertion => t.assertion,
    };
    Value::iface(ty, Value::str(&text.into()))
}

/// Go's text names the length only for an index that is not negative.
pub fn index_out_of_range(prog: &Program, i: i64, len: usize) -> Thrown {
    if i < 0 {
        let text = format!("runtime error: index out of range [{i}]");
        return runtime_error(prog, ErrKind::Bounds, text);
    }
    unsigned_index_out_of_range(prog, i as u64, len)
}

/// An index `i` at or past `len`, as the unsigned number it is (an index of an unsigned
/// 64-bit type at 2^63 or past it is negative in its register).
pub fn unsigned_index_out_of_range(prog: &Program, i: u64, len: usize) -> Thrown {
    let text = format!("runtime error: index out of range [{i}] with length {len}");
    runtime_error(prog, ErrKind::Bounds, text)
}

pub fn nil_deref(prog: &Program) -> Thrown {
    runtime_error(
        prog,
        ErrKind::String,
        "runtime error: invalid memory address or nil pointer dereference",
    )
}

pub fn divide_by_zero(prog: &Program) -> Thrown {
    runtime_error(
        prog,
        ErrKind::String,
        "runtime error: integer divide by zero",
    )
}

pub fn nil_map_write(prog: &Program) -> Thrown {
    runtime_error(prog, ErrKind::Plain, "assignment to entry in nil map")
}

pub fn negative_shift(prog: &Program) -> Thrown {
    runtime_error(
        prog,
        ErrKind::String,
        "runtime error: negative shift amount",
    )
}

pub fn uncomparable(prog: &Program, ty: u32) -> Thrown {
    runtime_error(
        prog,
        ErrKind::String,
        format!(
            "runtime error: comparing uncomparable type {}",
            prog.types.name(ty)
        ),
    )
}

pub fn unhashable(prog: &Program, ty: u32) -> Thrown {
    runtime_error(
        prog,
        ErrKind::String,
        format!(
            "runtime error: hash of unhashable type {}",
            prog.types.name(ty)
        ),
    )
}

/// Go's slice-bounds messages: `[:5] with capacity 3`, `[5:3]`, `[:5] with length 3`.
pub fn slice_bounds(prog: &Program, text: String) -> Thrown {
    runtime_error(
        prog,
        ErrKind::Bounds,
        format!("runtime error: slice bounds out of range {text}"),
    )
}

/// A run-time panic raised by the runtime itself (`send on closed channel`), which Go reports
/// as a plain error.
pub fn from_runtime(prog: &Program, message: String) -> Thrown {
    // Go's packages panic with a string (sync's WaitGroup, x/sync's semaphore); the
    // runtime's own panics (a channel's) are runtime errors.
    if crate::rt::is_package_panic(&message) {
        return Value::iface(prog.runtime_errors.go_string, Value::str(&message));
    }
    runtime_error(prog, ErrKind::Plain, message)
}

/// Go's `print` of a float: `+1.500000e+000`.
pub fn print_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    let s = format!("{:.6e}", f.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if f.is_sign_negative() { '-' } else { '+' };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{mantissa}e{esign}{:03}", exp.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_formats_floats_as_go_does() {
        assert_eq!(print_float(1.5), "+1.500000e+000");
        assert_eq!(print_float(-0.001), "-1.000000e-003");
        assert_eq!(print_float(1e100), "+1.000000e+100");
        assert_eq!(print_float(0.0), "+0.000000e+000");
    }
}
