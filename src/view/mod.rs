//! The page's pure models: what the UI shows, computed without a browser.
//!
//! Everything here builds and is tested natively; `ui/` only renders it. [`page_config`] is one
//! configuration of the page, [`url`] its URL query, [`embed_snippet`] its HTML for another
//! page; [`code`] the Go source the page runs (rendered or edited) and what runs said of its
//! lines; [`highlight`] tokenizes Go for the source view, [`console`] keeps
//! the output of a run within bounds, [`compare`] sets sim mode's prediction beside real
//! mode's measurement, and [`trace_view`] holds the reader's choices on the trace views.

pub mod code;
pub mod compare;
pub mod console;
pub mod embed_snippet;
pub mod format;
pub mod highlight;
pub mod page_config;
pub mod trace_view;
pub mod url;
