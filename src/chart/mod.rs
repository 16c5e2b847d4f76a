//! The views computed from a run's trace: goroutine timeline, processors, channels, metrics,
//! replay and export. Pure Rust, built and tested natively; `ui/` only renders what it gives.
//!
//! The page receives a run's trace once, at its end, as a [`TraceData`] (see [`data`] for its
//! binary form). [`Chart::build`] turns it, in one pass over the events, into per-goroutine
//! state spans, run instants, send→receive arrows, processor lanes and channel histories.
//! From then on each view is a [`frame`]: for a window of time and a plot width, the rows in
//! the scrolled window aggregated to one bar per pixel column at most ([`aggregate`]), so what
//! is drawn is bounded by the screen, never by the number of events.
//!
//! - [`data`]: the trace on the page and its transfer form.
//! - [`state`]: the states a lane shows, their colour-blind-safe palette and the legend.
//! - [`spans`]: per-goroutine spans, instants and arrows.
//! - [`scale`]: the visible window, zoom and pan, time → pixels, ticks and their labels.
//! - [`layout`]: lanes grouped by function, collapsing, and the scrolled window of rows.
//! - [`aggregate`]: spans → pixel-column bars.
//! - [`frame`]: one drawn view and what is under the pointer.
//! - [`chans`], [`procs`], [`metrics`]: the channels, processor and metrics views.
//! - [`playback`]: replaying a run at a chosen speed.
//! - [`chrome`]: the Chrome Trace Event JSON export; [`svg`]: the views as SVG markup.
//! - [`summary`]: the timeline in words, its text alternative.

pub mod aggregate;
pub mod chans;
pub mod chrome;
pub mod data;
pub mod frame;
pub mod layout;
pub mod metrics;
pub mod playback;
pub mod procs;
pub mod scale;
pub mod spans;
pub mod state;
pub mod summary;
pub mod svg;

pub use data::TraceData;
pub use frame::{frame, hover, Chart, Frame, FrameSpec, Hover};
pub use layout::Layout;
pub use scale::{TimeScale, Viewport};
pub use state::{legend, State};
