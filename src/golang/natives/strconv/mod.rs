//! Go's `strconv`: number formatting and parsing, and quoting.
//!
//! Errors are data: a [`NumError`] is what Go's `*strconv.NumError` holds, and its
//! [`Display`](std::fmt::Display) is Go's `Error()` text (`strconv.Atoi: parsing "abc":
//! invalid syntax`), so the VM can build the Go error value from it. Functions that panic in
//! Go return `Err` with the panic's text.

mod atof;
mod atoi;
mod ftoa;
mod quote;

use std::fmt;

/// `strconv.IsPrint`, which is `unicode.IsPrint`.
pub use crate::golang::natives::unicode::is_print;
pub use atof::parse_float;
pub use atoi::{atoi, format_int, format_uint, itoa, parse_int, parse_uint};
pub use ftoa::format_float;
pub use quote::{
    can_backquote, quote, quote_rune, quote_rune_to_ascii, quote_rune_with, quote_to_ascii,
    quote_with, quoted_prefix, unquote, unquote_char, Keep,
};

/// Why a conversion failed: `strconv.ErrSyntax`, `strconv.ErrRange`, or the errors Go makes
/// for a bad base or bit size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrKind {
    Syntax,
    Range,
    Base(i64),
    BitSize(i64),
}

impl fmt::Display for ErrKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrKind::Syntax => f.write_str("invalid syntax"),
            ErrKind::Range => f.write_str("value out of range"),
            ErrKind::Base(b) => write!(f, "invalid base {b}"),
            ErrKind::BitSize(b) => write!(f, "invalid bit size {b}"),
        }
    }
}

/// `*strconv.NumError`: the function (`"Atoi"`, `"ParseInt"`…), its input, and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    pub func: &'static str,
    pub num: Vec<u8>,
    pub err: ErrKind,
}

impl NumError {
    fn new(func: &'static str, num: &[u8], err: ErrKind) -> NumError {
        NumError {
            func,
            num: num.to_vec(),
            err,
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let num = String::from_utf8_lossy(&quote(&self.num)).into_owned();
        write!(f, "strconv.{}: parsing {}: {}", self.func, num, self.err)
    }
}

/// `strconv.FormatBool`.
pub fn format_bool(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`.
pub fn parse_bool(s: &[u8]) -> Result<bool, NumError> {
    match s {
        b"1" | b"t" | b"T" | b"TRUE" | b"true" | b"True" => Ok(true),
        b"0" | b"f" | b"F" | b"FALSE" | b"false" | b"False" => Ok(false),
        _ => Err(NumError::new("ParseBool", s, ErrKind::Syntax)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools_parse_as_go_does() {
        assert_eq!(parse_bool(b"True"), Ok(true));
        assert_eq!(parse_bool(b"F"), Ok(false));
        let err = parse_bool(b"yes").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"strconv.ParseBool: parsing "yes": invalid syntax"#
        );
        assert_eq!(format_bool(true), "true");
    }
}
