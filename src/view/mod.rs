//! The page's pure models: what the UI shows, computed without a browser.
//!
//! Everything here builds and is tested natively; `ui/` only renders it. [`link`] reads and
//! writes the URL query, [`highlight`] tokenizes Go for the source view, [`console`] keeps
//! the output of a run within bounds, and [`compare`] sets sim mode's prediction beside real
//! mode's measurement.

pub mod compare;
pub mod console;
pub mod format;
pub mod highlight;
pub mod link;
