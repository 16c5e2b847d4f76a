//! Go source to syntax trees: the [`token`]s, the [`scanner`], the [`ast`] and its
//! [`parser`], with gc's syntax error messages. [`literal`] decodes literal values, and
//! [`LineTable`] maps byte offsets to `line:col`.

pub mod ast;
pub mod lines;
pub mod literal;
pub mod parser;
pub mod scanner;
pub mod token;

pub use lines::LineTable;
pub use parser::{parse_file, ParseError};
pub use token::Pos;
