//! The page's URL: the query that holds one [`PageConfig`], and the fragment that holds its
//! edited program. The address bar always shows [`PageConfig::to_query`] and
//! [`PageConfig::to_fragment`] of the current configuration, so the current URL is the
//! permalink (`docs/ARCHITECTURE.md`, The page's contract).
//!
//! Query keys: `p` the pattern id, each parameter of that pattern by its key, `mode`, `seed`,
//! `procs`, `autorun=1`, `embed=1` (with `view=`, `edit=1` and `theme=` for the embedded view)
//! and `v`, the link format version. Only values that differ from the defaults are written.
//! The fragment: `code=`, the edited program ([`super::code_link`]).
//!
//! A link names the oldest format that reads it right ([`VERSIONS`]): `v=2` when it carries a
//! program, nothing otherwise (a link without `v` is version 1, which every version reads the
//! same). `v` is read so that [`MIGRATIONS`] can carry old links' renamed or removed
//! parameters forward.
//!
//! [`PageConfig::parse_url`] never fails and never panics: whatever a query and fragment hold,
//! it gives a usable configuration and one [`Notice`] per value it had to correct or ignore.
//!
//! # Invariants
//! - `PageConfig::parse_url(&config.to_query(), &config.to_fragment())` gives back `config`
//!   with no notices, for a configuration of the embedded view or without a program; the full
//!   page adds one notice that the link brings its own program.

use super::code_link;
use super::invisible;
use super::page_config::{
    default_pattern, parse_mode, parse_procs, parse_seed, shorten, EmbedView, PageConfig, Theme,
    DEFAULT_SEED,
};
use crate::patterns::{self, Notice};
use crate::protocol::Mode;

/// The newest link format, which a link with a program names.
pub const LINK_VERSION: &str = "2";
/// [`LINK_VERSION`] as a number.
pub const CURRENT_VERSION: u32 = 2;

/// One link format: what it added, and how a link of the format before it reads in it.
#[derive(Clone, Copy, Debug)]
pub struct Version {
    pub number: u32,
    pub added: &'static str,
    /// How a link of the version before reads in this one.
    pub older_links: &'static str,
}

/// Every link format, oldest first; the last is [`CURRENT_VERSION`]. docs/ARCHITECTURE.md
/// (The page's contract) lists them too.
pub const VERSIONS: &[Version] = &[
    Version {
        number: 1,
        added: "the configuration in the query: the pattern, its parameters, the run and embed settings",
        older_links: "",
    },
    Version {
        number: 2,
        added: "the edited program in the fragment (`#code=`, see `code_link`), and `edit=1` for embeds",
        older_links: "a version 1 link carries no program: it opens its pattern's source rendered \
                      with its parameters, as it did; its query keys mean what they meant",
    },
];

/// A parameter renamed or removed by a link format: a link of a version below `before` that
/// names `old` for `pattern` has it read as `new`, or dropped with a notice when `new` is
/// `None`.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub before: u32,
    pub pattern: &'static str,
    pub old: &'static str,
    pub new: Option<&'static str>,
}

/// Every parameter renamed or removed since version 1, oldest first. Adding a parameter needs
/// no entry (old links get its default); renaming or removing one adds an entry here and
/// raises [`LINK_VERSION`].
pub const MIGRATIONS: &[Migration] = &[];
/// The most `key=value` pairs read; a hostile link cannot make the page do unbounded work.
const MAX_PAIRS: usize = 1000;
/// The most notices one link produces; the rest are counted in a last notice.
const MAX_NOTICES: usize = 20;
/// The longest query looked at (a browser caps URLs at about 2 MB anyway).
const MAX_QUERY_BYTES: usize = 4 << 20;

/// The keys of the page itself; a pattern parameter never uses one of them.
pub const PAGE_KEYS: [&str; 10] = [
    "p", "mode", "seed", "procs", "autorun", "embed", "view", "edit", "theme", "v",
];

impl EmbedView {
    fn parse(raw: &str, notices: &mut Notices) -> EmbedView {
        let mut view = EmbedView {
            output: false,
            timeline: false,
            source: false,
        };
        for part in raw
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .take(16)
        {
            match part {
                "output" => view.output = true,
                "timeline" => view.timeline = true,
                "source" => view.source = true,
                other => notices.push(format!(
                    "view: `{}` is not output, timeline or source; ignored",
                    shorten(other)
                )),
            }
        }
        if view
            == (EmbedView {
                output: false,
                timeline: false,
                source: false,
            })
        {
            notices.push("view: nothing to show; showing the output".to_string());
            return EmbedView::default();
        }
        view
    }

    fn to_value(self) -> String {
        let mut parts = Vec::new();
        for (on, name) in [
            (self.output, "output"),
            (self.timeline, "timeline"),
            (self.source, "source"),
        ] {
            if on {
                parts.push(name);
            }
        }
        parts.join(",")
    }
}

impl PageConfig {
    /// Reads a URL query (with or without its leading `?`), for a link without a fragment.
    pub fn parse(query: &str) -> (PageConfig, Vec<Notice>) {
        PageConfig::parse_url(query, "")
    }

    /// Reads a URL's query and fragment (each with or without its leading `?` or `#`).
    pub fn parse_url(query: &str, fragment: &str) -> (PageConfig, Vec<Notice>) {
        let mut notices = Notices::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        let query = if query.len() > MAX_QUERY_BYTES {
            notices.push(format!(
                "the link is {} bytes long; only its first {MAX_QUERY_BYTES} were read",
                query.len()
            ));
            cut_bytes(query, MAX_QUERY_BYTES)
        } else {
            query
        };

        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut skipped = 0usize;
        for piece in query.split('&').filter(|p| !p.is_empty()) {
            if pairs.len() == MAX_PAIRS {
                skipped += 1;
                continue;
            }
            let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
            pairs.push((decode(key), decode(value)));
        }
        if skipped > 0 {
            notices.push(format!(
                "the link has more than {MAX_PAIRS} values; the last {skipped} were ignored"
            ));
        }
        let last = |key: &str| {
            pairs
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };

        let version = match last("v") {
            None => 1,
            Some(v) => match v.trim().parse::<u32>() {
                Ok(n) if (1..=CURRENT_VERSION).contains(&n) => n,
                _ => {
                    notices.push(format!(
                        "v: link version `{}` is not known; read as version {LINK_VERSION}",
                        shorten(v)
                    ));
                    CURRENT_VERSION
                }
            },
        };

        let pattern = match last("p") {
            None => default_pattern(),
            Some(id) => patterns::find(id).unwrap_or_else(|| {
                let fallback = default_pattern();
                notices.push(format!(
                    "p: there is no pattern `{}`; showing {} instead (pick another from the catalog)",
                    shorten(id),
                    fallback.id
                ));
                fallback
            }),
        };

        let mut link = PageConfig::new(pattern);

        if let Some(raw) = last("mode") {
            match parse_mode(raw) {
                Ok(mode) => link.mode = mode,
                Err(why) => notices.push(format!("{why}; using sim")),
            }
        }

        if let Some(raw) = last("seed") {
            match parse_seed(raw) {
                Ok(seed) => link.seed = seed,
                Err(why) => notices.push(format!("{why}; using the default {DEFAULT_SEED}")),
            }
        }

        if let Some(raw) = last("procs") {
            let (procs, notice) = parse_procs(raw);
            link.procs = procs;
            link.forget_default_procs();
            notices.extend(notice);
        }

        if let Some(raw) = last("autorun") {
            link.autorun = parse_flag("autorun", raw, &mut notices);
        }
        if let Some(raw) = last("embed") {
            link.embed = parse_flag("embed", raw, &mut notices);
        }
        if let Some(raw) = last("edit") {
            link.edit = parse_flag("edit", raw, &mut notices);
        }
        let view = last("view").map(|raw| EmbedView::parse(raw, &mut notices));
        if let Some(raw) = last("theme") {
            link.theme = match raw.trim() {
                "auto" => Theme::Auto,
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => {
                    notices.push(format!(
                        "theme: `{}` is not light, dark or auto; using auto",
                        shorten(raw)
                    ));
                    Theme::Auto
                }
            };
        }
        migrate(version, pattern.id, MIGRATIONS, &mut pairs, &mut notices);

        let mut param_pairs: Vec<(&str, &str)> = Vec::new();
        for (key, value) in &pairs {
            if PAGE_KEYS.contains(&key.as_str()) {
                continue;
            }
            if pattern.params.iter().any(|s| s.key == key) {
                param_pairs.push((key, value));
            } else {
                notices.push(format!(
                    "`{}` is not a parameter of {}; ignored",
                    shorten(key),
                    pattern.id
                ));
            }
        }
        let (params, param_notices) = pattern.parse_params(param_pairs);
        link.params = params;
        for notice in param_notices {
            notices.push(notice.0);
        }
        // After the parameters: a program equal to their rendered source is not an edit.
        read_code(&mut link, fragment, &mut notices);
        link.view = view.filter(|&v| v != EmbedView::default_for(link.edited()));

        (link, notices.finish())
    }

    /// The fragment for this configuration, without the leading `#`: `code=…` when the
    /// program is edited, empty otherwise.
    pub fn to_fragment(&self) -> String {
        match &self.code {
            Some(code) => format!("code={}", code_link::encode(code)),
            None => String::new(),
        }
    }

    /// The query for this configuration, without the leading `?`; empty when every value is a
    /// default.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.pattern.id != patterns::DEFAULT_PATTERN {
            pairs.push(("p", self.pattern.id.to_string()));
        }
        pairs.extend(self.params.non_defaults());
        if self.mode != Mode::Sim {
            pairs.push(("mode", self.mode.as_str().to_string()));
        }
        if self.seed != DEFAULT_SEED {
            pairs.push(("seed", self.seed.to_string()));
        }
        if let Some(procs) = self.procs {
            pairs.push(("procs", procs.to_string()));
        }
        if self.autorun {
            pairs.push(("autorun", "1".to_string()));
        }
        if self.embed {
            pairs.push(("embed", "1".to_string()));
        }
        if let Some(view) = self.view {
            pairs.push(("view", view.to_value()));
        }
        if self.edit {
            pairs.push(("edit", "1".to_string()));
        }
        if self.theme != Theme::Auto {
            pairs.push(("theme", self.theme.as_str().to_string()));
        }
        if self.edited() {
            pairs.push(("v", LINK_VERSION.to_string()));
        }
        let mut out = String::new();
        for (key, value) in pairs {
            if !out.is_empty() {
                out.push('&');
            }
            encode_into(&mut out, key);
            out.push('=');
            encode_into(&mut out, &value);
        }
        out
    }
}

/// Reads the program a link's fragment carries into `link.code`. A fragment without `code=` is
/// not the page's (an anchor, say) and is ignored. A program that cannot be read leaves the
/// pattern's source, and a link asking to run on open does not: nothing runs that the link's
/// author did not write.
fn read_code(link: &mut PageConfig, fragment: &str, notices: &mut Notices) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(value) = fragment
        .split('&')
        .rev()
        .find_map(|pair| pair.strip_prefix("code="))
    else {
        return;
    };
    match code_link::decode(value) {
        Ok(code) => {
            if !link.embed {
                let lines = code.lines().count();
                notices.push(format!(
                    "This link brings its own program ({lines} line{}), not the pattern's: \
                     read it before you run it. Reset code brings back the pattern's source.",
                    if lines == 1 { "" } else { "s" }
                ));
            }
            notices.extend(invisible::summary(&code));
            link.set_code(&code);
        }
        Err(why) => {
            let not_run = if link.autorun {
                ", and does not run it"
            } else {
                ""
            };
            notices.push(format!(
                "code: {why}; the page shows the pattern's source instead{not_run}"
            ));
            link.autorun = false;
        }
    }
}

/// Renames or drops, in `pairs`, the parameters of `pattern` that `table` says changed after
/// link `version`.
fn migrate(
    version: u32,
    pattern: &str,
    table: &[Migration],
    pairs: &mut Vec<(String, String)>,
    notices: &mut Notices,
) {
    for m in table
        .iter()
        .filter(|m| version < m.before && m.pattern == pattern)
    {
        let mut dropped = false;
        pairs.retain_mut(|(key, _)| {
            if key != m.old {
                return true;
            }
            match m.new {
                Some(new) => {
                    *key = new.to_string();
                    true
                }
                None => {
                    dropped = true;
                    false
                }
            }
        });
        if dropped {
            notices.push(format!(
                "`{}` is no longer a parameter of {pattern}; ignored",
                m.old
            ));
        }
    }
}

fn parse_flag(key: &str, raw: &str, notices: &mut Notices) -> bool {
    match raw.trim() {
        "1" | "true" => true,
        "0" | "false" => false,
        _ => {
            notices.push(format!("{key}: `{}` is not 1 or 0; using 0", shorten(raw)));
            false
        }
    }
}

/// Notices, at most [`MAX_NOTICES`] of them.
#[derive(Default)]
struct Notices {
    kept: Vec<Notice>,
    more: usize,
}

impl Notices {
    fn push(&mut self, text: String) {
        if self.kept.len() < MAX_NOTICES {
            self.kept.push(Notice(text));
        } else {
            self.more += 1;
        }
    }

    fn extend(&mut self, text: Option<String>) {
        if let Some(text) = text {
            self.push(text);
        }
    }

    fn finish(mut self) -> Vec<Notice> {
        if self.more > 0 {
            self.kept.push(Notice(format!(
                "… and {} more corrections to the link",
                self.more
            )));
        }
        self.kept
    }
}

/// Decodes one query component: `+` is a space, `%XX` a byte; a `%` not followed by two hex
/// digits stays as it is, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Appends `s` percent-encoded for a query component. Letters, digits, `-_.~` and the
/// separators that read well in a list (`,` `:` `/`) stay as they are.
fn encode_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,:/".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// The query component `s` encoded as [`PageConfig::to_query`] writes it.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    encode_into(&mut out, s);
    out
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn cut_bytes(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::super::page_config::MAX_PROCS;
    use super::*;
    use crate::patterns::{catalog, ParamKind};
    use crate::rt::Rng;

    fn texts(notices: &[Notice]) -> Vec<&str> {
        notices.iter().map(|n| n.0.as_str()).collect()
    }

    #[test]
    fn an_empty_query_is_the_default_configuration() {
        let (link, notices) = PageConfig::parse("");
        assert!(notices.is_empty());
        assert_eq!(link, PageConfig::default());
        assert_eq!(link.pattern.id, patterns::DEFAULT_PATTERN);
        assert_eq!(link.to_query(), "");
        assert_eq!(PageConfig::parse("?").0, PageConfig::default());
    }

    #[test]
    fn only_non_defaults_are_written() {
        let (link, notices) = PageConfig::parse("?p=worker-pool&workers=3&seed=1&procs=4&mode=sim");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(link.to_query(), "workers=3");
        let mut link = link.with_pattern(patterns::find("select").unwrap());
        link.seed = 42;
        link.autorun = true;
        assert_eq!(link.to_query(), "p=select&seed=42&autorun=1");
    }

    #[test]
    fn an_unknown_pattern_falls_back_with_a_notice() {
        let (link, notices) = PageConfig::parse("p=nope");
        assert_eq!(link.pattern.id, patterns::DEFAULT_PATTERN);
        assert_eq!(notices.len(), 1);
        assert!(notices[0].0.contains("no pattern `nope`"), "{notices:?}");
    }

    #[test]
    fn bad_params_are_corrected_with_notices() {
        let (link, notices) = PageConfig::parse("p=worker-pool&workers=abc&jobs=99999999");
        assert_eq!(link.params.int("workers"), 5);
        assert_eq!(link.params.int("jobs"), 100_000);
        let texts = texts(&notices);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].starts_with("workers:"), "{texts:?}");
        assert!(texts[1].contains("clamped to 100000"), "{texts:?}");
    }

    #[test]
    fn bad_page_values_fall_back_with_notices() {
        let (link, notices) =
            PageConfig::parse("seed=-1&procs=999&mode=fast&autorun=yes&v=9&embed=1&zzz=1");
        assert_eq!(link.seed, DEFAULT_SEED);
        assert_eq!(link.procs, Some(MAX_PROCS));
        assert_eq!(link.mode, Mode::Sim);
        assert!(!link.autorun);
        assert!(link.embed);
        let shown = texts(&notices);
        for needle in ["v:", "mode:", "seed:", "procs:", "autorun:", "`zzz`"] {
            assert!(
                shown.iter().any(|t| t.contains(needle)),
                "no notice with {needle}: {shown:?}"
            );
        }
        let (link, notices) = PageConfig::parse("mode=real&procs=x");
        assert_eq!(link.mode, Mode::Real);
        assert_eq!(link.procs, None);
        assert_eq!(
            texts(&notices),
            ["procs: `x` is not a whole number; using the default"]
        );
    }

    #[test]
    fn real_mode_is_a_choice_of_its_own() {
        let (link, notices) = PageConfig::parse("p=select&mode=real&procs=3");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!((link.mode, link.procs), (Mode::Real, Some(3)));
        assert_eq!(link.to_query(), "p=select&mode=real&procs=3");
        let req = link.run_request(8);
        assert_eq!((req.mode, req.procs), (Mode::Real, 3));
        // A padded value reads as the mode, as a seed or processor count would.
        assert_eq!(PageConfig::parse("mode=%20real").0.mode, Mode::Real);
    }

    #[test]
    fn values_are_percent_decoded() {
        let (link, notices) = PageConfig::parse("p=%73elect&seed=%31%32");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(link.pattern.id, "select");
        assert_eq!(link.seed, 12);
        assert_eq!(decode("a+b%20c%zz%4"), "a b c%zz%4");
        assert_eq!(decode("%E2%9C%93"), "✓");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(encode("a b+c,d:é"), "a%20b%2Bc,d:%C3%A9");
    }

    #[test]
    fn the_last_value_of_a_key_wins() {
        let (link, _) = PageConfig::parse("workers=3&workers=7&seed=2&seed=9");
        assert_eq!(link.params.int("workers"), 7);
        assert_eq!(link.seed, 9);
    }

    #[test]
    fn notices_are_capped() {
        let query: String = (0..500).map(|i| format!("k{i}=1&")).collect();
        let (_, notices) = PageConfig::parse(&query);
        assert_eq!(notices.len(), MAX_NOTICES + 1);
        assert!(notices.last().unwrap().0.contains("480 more"));
        let query = "x=1&".repeat(MAX_PAIRS + 5);
        let (_, notices) = PageConfig::parse(&query);
        assert!(texts(&notices)[0].contains("the last 5 were ignored"));
    }

    #[test]
    fn no_parameter_uses_a_page_key() {
        for pattern in catalog() {
            for spec in pattern.params {
                assert!(
                    !PAGE_KEYS.contains(&spec.key),
                    "{}: parameter `{}` is a page key",
                    pattern.id,
                    spec.key
                );
            }
        }
    }

    /// A raw value for a parameter: sometimes valid, sometimes hostile.
    fn random_value(rng: &mut Rng, kind: ParamKind) -> String {
        match (kind, rng.below(3)) {
            (ParamKind::Int { min, max }, 0) => {
                let span = (max - min) as u64 + 1;
                (min + rng.below(span) as i64).to_string()
            }
            (ParamKind::Choice(options), 0) => {
                options[rng.below(options.len() as u64) as usize].to_string()
            }
            (ParamKind::Bool, 0) => ["true", "false", "1", "0"][rng.below(4) as usize].to_string(),
            _ => random_text(rng, 30),
        }
    }

    fn random_text(rng: &mut Rng, max_len: u64) -> String {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "0",
            "7",
            "-",
            "+",
            "%",
            "%2",
            "%41",
            "%E2%9C",
            "%FF",
            "&",
            "=",
            ",",
            ":",
            "?",
            "#",
            " ",
            "é",
            "✓",
            "\u{0}",
            "\n",
            "p",
            "seed",
            "procs",
            "mode",
            "999999999999999999999",
            "-1",
            "workers",
            "jobs",
            "true",
            "sim",
            "real",
            "{{",
            "}}",
            "\"",
            "`",
        ];
        let len = rng.below(max_len + 1);
        (0..len)
            .map(|_| PIECES[rng.below(PIECES.len() as u64) as usize])
            .collect()
    }

    /// Property: whatever the query, parsing does not panic, gives a link whose query reads
    /// back to the same link with no notices.
    #[test]
    fn any_query_parses_and_round_trips() {
        let mut rng = Rng::new(0x5eed);
        let keys: Vec<&str> = catalog()
            .iter()
            .flat_map(|p| p.params.iter().map(|s| s.key))
            .chain(PAGE_KEYS)
            .collect();
        for round in 0..3000 {
            let query = if round % 2 == 0 {
                random_text(&mut rng, 60)
            } else {
                // Structured: real keys with random values.
                let pattern = catalog()[rng.below(catalog().len() as u64) as usize];
                let mut q = format!("p={}", pattern.id);
                for _ in 0..rng.below(8) {
                    let key = keys[rng.below(keys.len() as u64) as usize];
                    let value = match pattern.params.iter().find(|s| s.key == key) {
                        Some(spec) => random_value(&mut rng, spec.kind),
                        None => random_text(&mut rng, 10),
                    };
                    q.push_str(&format!("&{key}={}", encode(&value)));
                }
                q
            };
            let (link, _) = PageConfig::parse(&query);
            let written = link.to_query();
            let (again, notices) = PageConfig::parse(&written);
            assert!(
                notices.is_empty(),
                "query {query:?} → {written:?}: {notices:?}"
            );
            assert_eq!(again, link, "query {query:?} → {written:?}");
            assert_eq!(again.to_query(), written);
            let _ = link.go_source();
        }
    }

    #[test]
    fn huge_values_do_not_hang_or_panic() {
        let big = "9".repeat(1 << 20);
        let (link, notices) =
            PageConfig::parse(&format!("p=pipeline&words={big}&seed={big}&procs={big}"));
        assert_eq!(link.seed, DEFAULT_SEED);
        assert_eq!(link.procs, None);
        assert!(notices.len() >= 3, "{notices:?}");
        let (link, _) = PageConfig::parse(&"%".repeat(MAX_QUERY_BYTES + 10));
        assert_eq!(link.pattern.id, patterns::DEFAULT_PATTERN);
    }

    /// Old and hostile links: each opens the closest valid configuration, with a notice for
    /// what it had to correct, and never keeps markup or absurd values.
    #[test]
    fn old_and_hostile_links_open_the_closest_configuration() {
        let many_keys: String = (0..5000).map(|i| format!("k{i}={i}&")).collect();
        let mega = format!("p=pipeline&words={}", "a".repeat(1 << 20));
        // (query, pattern, expected query written back, notice needles)
        let cases: Vec<(&str, &str, String, Vec<&str>)> = vec![
            // Old links, as version 1 wrote them.
            (
                "?p=worker-pool&workers=3",
                "worker-pool",
                "workers=3".into(),
                vec![],
            ),
            (
                "p=pipeline&words=a,b",
                "pipeline",
                "p=pipeline&words=a,b".into(),
                vec![],
            ),
            (
                "v=1&p=select&seed=42",
                "select",
                "p=select&seed=42".into(),
                vec![],
            ),
            (
                "workers=3&seed=7&procs=2",
                "worker-pool",
                "workers=3&seed=7&procs=2".into(),
                vec![],
            ),
            (
                "p=worker-pool&autorun=1&embed=1",
                "worker-pool",
                "autorun=1&embed=1".into(),
                vec![],
            ),
            // A later version, or no version at all that we know.
            (
                "v=3&workers=3",
                "worker-pool",
                "workers=3".into(),
                vec!["v:"],
            ),
            ("v=0", "worker-pool", String::new(), vec!["v:"]),
            ("v=banana", "worker-pool", String::new(), vec!["v:"]),
            // Unknown and removed keys.
            (
                "workers=3&colour=red",
                "worker-pool",
                "workers=3".into(),
                vec!["`colour`"],
            ),
            (
                "p=pipeline&workers=3",
                "pipeline",
                "p=pipeline".into(),
                vec!["`workers`"],
            ),
            // Unknown pattern.
            (
                "p=../../etc/passwd&workers=2",
                "worker-pool",
                "workers=2".into(),
                vec!["no pattern"],
            ),
            ("p=", "worker-pool", String::new(), vec!["no pattern"]),
            // Markup in values is text, never markup.
            (
                "p=<script>alert(1)</script>",
                "worker-pool",
                String::new(),
                vec!["no pattern"],
            ),
            (
                "seed=<img src=x onerror=alert(1)>",
                "worker-pool",
                String::new(),
                vec!["seed:"],
            ),
            (
                "%3Cscript%3E=1",
                "worker-pool",
                String::new(),
                vec!["<script>"],
            ),
            // Bad escapes stay literal.
            (
                "seed=%ZZ",
                "worker-pool",
                String::new(),
                vec!["seed: `%ZZ`"],
            ),
            (
                "p=%E2%28%A1",
                "worker-pool",
                String::new(),
                vec!["no pattern"],
            ),
            // Huge numbers.
            (
                "seed=18446744073709551616",
                "worker-pool",
                String::new(),
                vec!["seed:"],
            ),
            (
                "procs=99999999999999999999999999999999999999999",
                "worker-pool",
                String::new(),
                vec!["procs:"],
            ),
            (
                "workers=-99999999999999999999",
                "worker-pool",
                "workers=1".into(),
                vec!["workers:"],
            ),
            (
                "seed=18446744073709551615",
                "worker-pool",
                "seed=18446744073709551615".into(),
                vec![],
            ),
            // Embed settings.
            (
                "embed=1&view=timeline,source&theme=dark",
                "worker-pool",
                "embed=1&view=timeline,source&theme=dark".into(),
                vec![],
            ),
            (
                "embed=1&view=output",
                "worker-pool",
                "embed=1".into(),
                vec![],
            ),
            (
                "embed=1&view=evil&theme=neon",
                "worker-pool",
                "embed=1".into(),
                vec!["view:", "theme:"],
            ),
            // Thousands of keys and megabyte values.
            (
                many_keys.as_str(),
                "worker-pool",
                String::new(),
                vec!["more than 1000 values"],
            ),
            (
                mega.as_str(),
                "pipeline",
                format!("p=pipeline&words={}", "a".repeat(100)),
                vec!["words:"],
            ),
        ];
        for (query, pattern, written, needles) in cases {
            let shown = patterns::params::cut_chars(query, 80);
            let (link, notices) = PageConfig::parse(query);
            assert_eq!(link.pattern.id, pattern, "{shown}");
            let out = link.to_query();
            // Whatever the notices say, the link written back is exactly what was kept.
            assert_eq!(out, written, "{shown}: {notices:?}");
            let texts = texts(&notices);
            if needles.is_empty() {
                assert!(texts.is_empty(), "{shown}: {texts:?}");
            }
            for needle in needles {
                assert!(
                    texts.iter().any(|t| t.contains(needle)),
                    "{shown}: no notice with {needle}: {texts:?}"
                );
            }
            assert!(texts.len() <= MAX_NOTICES + 1, "{shown}");
            assert!(texts.iter().all(|t| t.chars().count() < 400), "{shown}");
            assert!(!out.contains('<') && !out.contains('>'), "{shown} → {out}");
            assert_eq!(PageConfig::parse(&out), (link, vec![]), "{shown}");
        }
    }

    #[test]
    fn migrations_rename_and_drop_old_parameters() {
        let table = [
            Migration {
                before: 2,
                pattern: "worker-pool",
                old: "threads",
                new: Some("workers"),
            },
            Migration {
                before: 2,
                pattern: "worker-pool",
                old: "verbose",
                new: None,
            },
        ];
        let run = |version: u32, query: &str| {
            let mut pairs: Vec<(String, String)> = query
                .split('&')
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap();
                    (k.to_string(), v.to_string())
                })
                .collect();
            let mut notices = Notices::default();
            migrate(version, "worker-pool", &table, &mut pairs, &mut notices);
            (pairs, notices.finish())
        };
        let (pairs, notices) = run(1, "threads=3&verbose=1&jobs=2");
        assert_eq!(
            pairs,
            [("workers".into(), "3".into()), ("jobs".into(), "2".into())]
        );
        assert_eq!(notices.len(), 1);
        assert!(notices[0].0.contains("`verbose` is no longer"));
        // A link of the version that made the change is read as it is.
        let (pairs, notices) = run(2, "threads=3");
        assert_eq!(pairs, [("threads".into(), "3".into())]);
        assert!(notices.is_empty());
        // The real table only moves forward, and only between known parameters.
        for m in MIGRATIONS {
            assert!(m.before > 1, "{m:?}");
            assert!(m.before <= CURRENT_VERSION, "{m:?}");
            let pattern = patterns::find(m.pattern).expect("a known pattern");
            if let Some(new) = m.new {
                assert!(pattern.params.iter().any(|s| s.key == new), "{m:?}");
            }
        }
        assert_eq!(LINK_VERSION, CURRENT_VERSION.to_string());
    }

    /// Property: random soups of keys and values, with thousands of pairs at times, never
    /// panic the decoder, and what it accepts reads back unchanged.
    #[test]
    fn random_key_value_soups_never_panic() {
        let mut rng = Rng::new(0xc0ffee);
        let keys: Vec<&str> = catalog()
            .iter()
            .flat_map(|p| p.params.iter().map(|s| s.key))
            .chain(PAGE_KEYS)
            .chain(["", "=", "%", "view", "theme", "<b>"])
            .collect();
        for round in 0..400 {
            let n = if round % 50 == 0 { 1500 } else { rng.below(20) };
            let mut q = String::new();
            for _ in 0..n {
                let key = if rng.below(4) == 0 {
                    random_text(&mut rng, 6)
                } else {
                    keys[rng.below(keys.len() as u64) as usize].to_string()
                };
                let value = match key.as_str() {
                    "p" if rng.below(2) == 0 => catalog()
                        [rng.below(catalog().len() as u64) as usize]
                        .id
                        .to_string(),
                    "view" => ["output", "timeline,source", "source,output,", ",,"]
                        [rng.below(4) as usize]
                        .to_string(),
                    "theme" => ["light", "dark", "auto", "x"][rng.below(4) as usize].to_string(),
                    _ => random_text(&mut rng, 12),
                };
                if rng.below(2) == 0 {
                    q.push_str(&format!("{key}={value}&"));
                } else {
                    q.push_str(&format!("{}={}&", encode(&key), encode(&value)));
                }
            }
            let (link, notices) = PageConfig::parse(&q);
            assert!(notices.len() <= MAX_NOTICES + 1);
            let written = link.to_query();
            let (again, notices) = PageConfig::parse(&written);
            assert!(notices.is_empty(), "{written:?}: {notices:?}");
            assert_eq!(again, link);
        }
    }
}
