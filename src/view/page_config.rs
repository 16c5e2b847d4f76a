//! One configuration of the page ([`PageConfig`]): a pattern and its parameters, the program
//! when the user edited it, the mode, the seed, the processors, and how the page shows itself
//! (full or embedded). Its URL form is [`super::url`]'s; its HTML for another page,
//! [`super::embed_snippet`]'s.
//!
//! The program is the pattern's Go source rendered with the parameters, until the user edits
//! it: from then on it is the edited text ([`PageConfig::code`]), the parameters no longer
//! apply to it, and [`PageConfig::reset_code`] brings the rendered source back.
//!
//! A configuration without `procs` means "the default" wherever it is opened: [`DEFAULT_PROCS`]
//! in sim mode, which is fixed so that a sim-mode link runs the same everywhere, and in real
//! mode the cores the browser reports (`navigator.hardwareConcurrency`), which the page passes
//! in, so this module stays free of the browser.
//!
//! # Invariants
//! - Its parameters went through [`Pattern::parse_params`], so they are valid.
//! - `procs` is never `Some(DEFAULT_PROCS)` in sim mode: that value is the default and is not
//!   written.
//! - `code` is never the rendered source: a program edited back to it is not edited.

use std::fmt;
use std::rc::Rc;

pub(super) use crate::patterns::params::shorten;
use crate::patterns::{self, Notice, Params, Pattern};
use crate::protocol::{Mode, RunRequest};

/// The seed when the link names none.
pub const DEFAULT_SEED: u64 = 1;
/// Virtual processors in sim mode when the link names none. Fixed rather than taken from the
/// machine, so that a sim-mode link gives the same output everywhere.
pub const DEFAULT_PROCS: u32 = 4;
/// The most processors a link may ask for.
pub const MAX_PROCS: u32 = 16;

/// What the embedded view shows besides the title, Run and the output's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedView {
    pub output: bool,
    pub timeline: bool,
    pub source: bool,
}

impl Default for EmbedView {
    fn default() -> Self {
        EmbedView {
            output: true,
            timeline: false,
            source: false,
        }
    }
}

impl EmbedView {
    /// What an embed shows when its link names no `view=`: the output, and the source too when
    /// the link carries its own program (an embed made from a docs page's Go).
    pub fn default_for(edited: bool) -> EmbedView {
        EmbedView {
            source: edited,
            ..EmbedView::default()
        }
    }
}

/// The embedded view's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// The reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// One configuration of the page.
#[derive(Clone)]
pub struct PageConfig {
    pub pattern: &'static Pattern,
    /// Valid parameters of `pattern`.
    pub params: Params,
    /// The program as the user edited it; `None` runs the pattern's source rendered with
    /// `params`.
    pub code: Option<Rc<str>>,
    pub mode: Mode,
    pub seed: u64,
    /// The processors the link names, `1..=MAX_PROCS`; `None` is the mode's default (see
    /// [`PageConfig::procs`]). Virtual processors for CPU work in sim mode, Web Workers in real mode.
    pub procs: Option<u32>,
    /// Run as soon as the page opens.
    pub autorun: bool,
    /// The compact view for an iframe on another page.
    pub embed: bool,
    /// What the embedded view shows, as the link's `view=` says; `None` is the default,
    /// which depends on the program (see [`PageConfig::view`]). Never `Some` of that default.
    pub view: Option<EmbedView>,
    /// The embedded view's source is editable (`edit=1`); it is read-only otherwise.
    pub edit: bool,
    /// The embedded view's colours (`theme=`).
    pub theme: Theme,
}

impl PartialEq for PageConfig {
    fn eq(&self, other: &Self) -> bool {
        self.pattern.id == other.pattern.id
            && self.params == other.params
            && self.code == other.code
            && self.mode == other.mode
            && self.seed == other.seed
            && self.procs == other.procs
            && self.autorun == other.autorun
            && self.embed == other.embed
            && self.view == other.view
            && self.edit == other.edit
            && self.theme == other.theme
    }
}

impl fmt::Debug for PageConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PageConfig(?{}", self.to_query())?;
        match &self.code {
            Some(code) => write!(f, "#code: {} bytes)", code.len()),
            None => write!(f, ")"),
        }
    }
}

impl Default for PageConfig {
    fn default() -> Self {
        PageConfig::new(default_pattern())
    }
}

pub(super) fn default_pattern() -> &'static Pattern {
    patterns::find(patterns::DEFAULT_PATTERN)
        .or_else(|| patterns::catalog().first().copied())
        .expect("the catalog is not empty")
}

impl PageConfig {
    /// `pattern` with every value at its default.
    pub fn new(pattern: &'static Pattern) -> Self {
        PageConfig {
            pattern,
            params: Params::defaults(pattern.params),
            code: None,
            mode: Mode::Sim,
            seed: DEFAULT_SEED,
            procs: None,
            autorun: false,
            embed: false,
            view: None,
            edit: false,
            theme: Theme::Auto,
        }
    }

    /// What the embedded view shows.
    pub fn view(&self) -> EmbedView {
        self.view
            .unwrap_or_else(|| EmbedView::default_for(self.edited()))
    }

    /// The same page settings on another pattern, whose parameters start at their defaults
    /// and whose program is its own source.
    pub fn with_pattern(&self, pattern: &'static Pattern) -> Self {
        PageConfig {
            pattern,
            params: Params::defaults(pattern.params),
            code: None,
            ..self.clone()
        }
    }

    /// The same configuration on the full page: no embed, view, edit or theme.
    pub fn full_page(&self) -> PageConfig {
        PageConfig {
            embed: false,
            view: None,
            edit: false,
            theme: Theme::Auto,
            ..self.clone()
        }
    }

    /// The same configuration in the embedded view.
    pub fn embedded(&self) -> PageConfig {
        PageConfig {
            embed: true,
            ..self.clone()
        }
    }

    /// Sets parameter `key` from form text; the notices say what was corrected.
    pub fn set_param(&mut self, key: &str, raw: &str) -> Vec<Notice> {
        let mut notices: Vec<Notice> = self.params.set(key, raw).into_iter().collect();
        let (params, more) = (self.pattern.check)(self.params.clone());
        self.params = params;
        notices.extend(more);
        notices
    }

    /// Sets the seed from form text; a notice when it is not a seed (the seed is then kept).
    pub fn set_seed(&mut self, raw: &str) -> Option<Notice> {
        match parse_seed(raw) {
            Ok(seed) => {
                self.seed = seed;
                None
            }
            Err(why) => Some(Notice(format!("{why}; kept {}", self.seed))),
        }
    }

    /// Sets the mode from form text; a notice when it is not a mode (the mode is then kept).
    pub fn set_mode(&mut self, raw: &str) -> Option<Notice> {
        match parse_mode(raw) {
            Ok(mode) => {
                self.mode = mode;
                self.forget_default_procs();
                None
            }
            Err(why) => Some(Notice(format!("{why}; kept {}", self.mode.as_str()))),
        }
    }

    /// Sets the processors from form text, on a browser that reports `cores`; a notice when it
    /// had to be corrected. The mode's default is stored as no value, so the link keeps meaning
    /// "the default".
    pub fn set_procs(&mut self, raw: &str, cores: u32) -> Option<Notice> {
        let (procs, why) = parse_procs(raw);
        self.procs = procs.filter(|&n| n != default_procs(self.mode, cores));
        why.map(Notice)
    }

    /// The processors a run of this link uses, on a browser that reports `cores`.
    pub fn procs(&self, cores: u32) -> u32 {
        self.procs
            .unwrap_or_else(|| default_procs(self.mode, cores))
    }

    /// Keeps the invariant that sim mode's default is never named.
    pub(super) fn forget_default_procs(&mut self) {
        if self.mode == Mode::Sim && self.procs == Some(DEFAULT_PROCS) {
            self.procs = None;
        }
    }

    /// Every parameter back to its default.
    pub fn reset_params(&mut self) {
        self.params = Params::defaults(self.pattern.params);
    }

    /// The Go program for this configuration, as the page shows and runs it: the edited
    /// program, or the pattern's source rendered with the parameters.
    pub fn go_source(&self) -> Rc<str> {
        match &self.code {
            Some(code) => code.clone(),
            None => self.rendered_source().into(),
        }
    }

    /// The pattern's source rendered with the parameters, edited or not.
    pub fn rendered_source(&self) -> String {
        self.pattern.go_source(&self.params, self.seed)
    }

    /// Whether the program is the user's rather than the rendered pattern.
    pub fn edited(&self) -> bool {
        self.code.is_some()
    }

    /// The program becomes `text`, as the user typed it; text equal to the rendered source is
    /// the pattern's own program again.
    pub fn set_code(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n");
        self.code = (text != self.rendered_source()).then(|| text.into());
    }

    /// The pattern's rendered source again.
    pub fn reset_code(&mut self) {
        self.code = None;
    }

    /// The message that asks a worker to run this configuration's program ([`Self::go_source`],
    /// edited or rendered) on a browser that reports `cores`.
    pub fn run_request(&self, cores: u32) -> RunRequest {
        RunRequest {
            pattern: self.pattern.id.to_string(),
            params: self
                .params
                .iter()
                .map(|(spec, value)| (spec.key.to_string(), value.to_string()))
                .collect(),
            source: self.go_source().to_string(),
            mode: self.mode,
            seed: self.seed,
            procs: self.procs(cores),
        }
    }
}

/// The processors `mode` uses when the link names none, on a browser that reports `cores`
/// (`navigator.hardwareConcurrency`; 0 when it reports none): [`DEFAULT_PROCS`] in sim mode,
/// `cores` clamped to `1..=MAX_PROCS` in real mode.
pub fn default_procs(mode: Mode, cores: u32) -> u32 {
    match mode {
        Mode::Sim => DEFAULT_PROCS,
        Mode::Real => cores.clamp(1, MAX_PROCS),
    }
}

/// Reads a mode; otherwise the reason it is not one.
pub(super) fn parse_mode(raw: &str) -> Result<Mode, String> {
    Mode::parse(raw.trim()).ok_or_else(|| format!("mode: `{}` is not sim or real", shorten(raw)))
}

/// Reads a processor count: clamped to `1..=MAX_PROCS`, `None` (the default) when not a
/// number.
pub fn parse_procs(raw: &str) -> (Option<u32>, Option<String>) {
    match raw.trim().parse::<i128>() {
        Ok(n) if (1..=MAX_PROCS as i128).contains(&n) => (Some(n as u32), None),
        Ok(n) => {
            let clamped = n.clamp(1, MAX_PROCS as i128) as u32;
            let why = format!("procs: {n} is outside 1–{MAX_PROCS}; clamped to {clamped}");
            (Some(clamped), Some(why))
        }
        Err(_) => (
            None,
            Some(format!(
                "procs: `{}` is not a whole number; using the default",
                shorten(raw)
            )),
        ),
    }
}

/// Reads a seed: any u64; otherwise the reason it is not one.
pub fn parse_seed(raw: &str) -> Result<u64, String> {
    raw.trim().parse::<u64>().map_err(|_| {
        format!(
            "seed: `{}` is not a whole number from 0 to {}",
            shorten(raw),
            u64::MAX
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without `procs`, sim mode runs on DEFAULT_PROCS everywhere, and real mode on the cores
    /// the browser reports, clamped: the link says "the default", never this machine's count.
    #[test]
    fn a_link_without_procs_uses_the_modes_default() {
        let (link, _) = PageConfig::parse("mode=real");
        assert_eq!(link.procs, None);
        assert_eq!(link.to_query(), "mode=real");
        for (cores, procs) in [(0, 1), (1, 1), (2, 2), (12, 12), (16, 16), (64, MAX_PROCS)] {
            assert_eq!(link.procs(cores), procs, "{cores} cores");
            assert_eq!(link.run_request(cores).procs, procs, "{cores} cores");
        }
        let (sim, _) = PageConfig::parse("");
        assert_eq!(sim.procs(2), DEFAULT_PROCS);
        assert_eq!(sim.procs(64), DEFAULT_PROCS);
        assert_eq!(default_procs(Mode::Sim, 8), DEFAULT_PROCS);
        assert_eq!(default_procs(Mode::Real, 8), 8);
    }

    #[test]
    fn the_mode_is_set_from_the_form() {
        let mut link = PageConfig::default();
        assert!(link.set_mode("real").is_none());
        assert_eq!(link.to_query(), "mode=real");
        let notice = link.set_mode("fast").expect("a notice");
        assert_eq!(notice.0, "mode: `fast` is not sim or real; kept real");
        assert_eq!(link.mode, Mode::Real);
        assert!(link.set_mode("sim").is_none());
        assert_eq!(link.to_query(), "");
    }

    /// Typing the default keeps the link free of `procs`; switching modes never leaves sim
    /// mode's default written, so every link the form makes reads back the same.
    #[test]
    fn form_edits_of_procs_keep_the_default_unwritten() {
        let cores = 2;
        let mut link = PageConfig::default();
        assert!(link.set_procs("4", cores).is_none());
        assert_eq!(link.procs, None);
        assert!(link.set_procs("2", cores).is_none());
        assert_eq!(link.to_query(), "procs=2");
        link.set_mode("real");
        assert_eq!(link.to_query(), "mode=real&procs=2");
        assert!(link.set_procs("2", cores).is_none());
        assert_eq!(link.to_query(), "mode=real");
        assert!(link.set_procs("4", cores).is_none());
        assert_eq!(link.to_query(), "mode=real&procs=4");
        link.set_mode("sim");
        assert_eq!(link.procs, None);
        assert_eq!(link.to_query(), "");
        assert!(link.set_procs("x", cores).is_some());
        assert_eq!(link.procs, None);
        for query in ["procs=4", "mode=sim&procs=4", "procs=4&mode=sim"] {
            let (link, notices) = PageConfig::parse(query);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(link.to_query(), "", "{query}");
        }
        // Real mode's default depends on the browser, so a link that names it keeps it.
        assert_eq!(
            PageConfig::parse("mode=real&procs=4").0.to_query(),
            "mode=real&procs=4"
        );
    }

    #[test]
    fn form_edits_are_corrected_with_notices() {
        let mut link = PageConfig::default();
        assert!(link.set_param("workers", "3").is_empty());
        assert_eq!(link.to_query(), "workers=3");
        let notices = link.set_param("jobs", "-5");
        assert_eq!(link.params.int("jobs"), 0);
        assert_eq!(notices.len(), 1);
        assert!(link.set_seed("x").is_some());
        assert_eq!(link.seed, DEFAULT_SEED);
        assert!(link.set_seed(" 77 ").is_none());
        assert_eq!(link.seed, 77);
        assert!(link.set_procs("0", 2).is_some());
        assert_eq!(link.procs, Some(1));
        link.reset_params();
        assert_eq!(link.to_query(), "seed=77&procs=1");
    }

    #[test]
    fn run_requests_carry_every_parameter() {
        let (link, _) = PageConfig::parse("p=worker-pool&jobs=7&seed=3&procs=2");
        let req = link.run_request(8);
        assert_eq!(req.pattern, "worker-pool");
        assert!(req.source.contains("make(chan int, 7)"), "{}", req.source);
        assert_eq!((req.seed, req.procs, req.mode), (3, 2, Mode::Sim));
        assert!(req.params.contains(&("jobs".to_string(), "7".to_string())));
        assert_eq!(req.params.len(), link.pattern.params.len());
    }

    #[test]
    fn run_requests_carry_the_edited_program_until_reset() {
        let (mut link, _) = PageConfig::parse("p=worker-pool&jobs=7");
        let rendered = link.go_source();
        link.set_code("package main\n\nfunc main() { println(1) }\n");
        assert_eq!(
            link.run_request(2).source,
            "package main\n\nfunc main() { println(1) }\n"
        );
        link.reset_code();
        assert_eq!(link.run_request(2).source, *rendered);
    }

    #[test]
    fn the_full_page_link_drops_only_the_embed_settings() {
        let (link, _) = PageConfig::parse(
            "p=pipeline&words=a,b&seed=3&autorun=1&embed=1&view=source&theme=light",
        );
        assert_eq!(
            link.full_page().to_query(),
            "p=pipeline&words=a,b&seed=3&autorun=1"
        );
        assert_eq!(
            link.full_page().embedded().to_query(),
            "p=pipeline&words=a,b&seed=3&autorun=1&embed=1"
        );
    }
}
