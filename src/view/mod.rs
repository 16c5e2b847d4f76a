//! The page's pure models: what the UI shows, computed without a browser.
//!
//! Everything here builds and is tested natively; `ui/` only renders it. [`page_config`] is one
//! configuration of the page, [`url`] its URL query, [`embed_snippet`] its HTML for another
//! page, [`cost_guard`] what a run of it would need against chanlab's limits; [`code`] the Go
//! source the page runs (rendered or edited) and what runs said of its lines; [`highlight`]
//! tokenizes Go for the source view, [`console`] keeps
//! the output of a run within bounds, [`compare`] sets sim mode's prediction beside real
//! mode's measurement, [`trace_view`] holds the reader's choices on the trace views, and
//! [`crash`] is what the page says if it crashes. [`page_state`] is the page's whole state and
//! its reducer, which every action of the page goes through.

pub mod code;
pub mod code_link;
pub mod compare;
pub mod console;
pub mod cost_guard;
pub mod crash;
pub mod embed_snippet;
pub mod format;
pub mod highlight;
pub mod invisible;
pub mod page_config;
pub mod page_state;
pub mod trace_view;
pub mod url;
