//! The page's pure models: what the UI shows, computed without a browser.
//!
//! Everything here builds and is tested natively; `ui/` only renders it. [`link`] reads and
//! writes the URL query, [`highlight`] tokenizes Go for the source view, [`console`] keeps
//! the output of a run within bounds, [`compare`] sets sim mode's prediction beside real
//! mode's measurement, and [`trace_view`] holds the reader's choices on the trace views.

pub mod compare;
pub mod console;
pub mod format;
pub mod highlight;
pub mod link;
pub mod trace_view;
