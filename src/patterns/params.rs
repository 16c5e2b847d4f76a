//! Parameter schemas and validated parameter values.
//!
//! Every pattern declares its parameters as a static list of [`ParamSpec`]s. Raw text — from the
//! URL, the form, or an embedding page — goes through [`Params::parse`], which never fails: a
//! value that is out of range is clamped, one that does not parse is replaced by the default,
//! and each correction comes back as a [`Notice`] saying what changed and why. A value is
//! never silently used as something it is not.
//!
//! # Invariants
//! - A `Params` holds exactly one valid value per spec of its pattern, in spec order.
//! - `Params::to_query` writes only values that differ from the defaults, so a permalink of an
//!   untouched pattern is just `?p=<id>`.

use std::fmt;

/// What kind of value a parameter takes, with its limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// A whole number within `min..=max` (durations are whole milliseconds).
    Int { min: i64, max: i64 },
    /// `true` or `false` (`1`/`0` are accepted too).
    Bool,
    /// One of a fixed list of words.
    Choice(&'static [&'static str]),
    /// Free text of at most `max_chars` characters.
    Text { max_chars: usize },
    /// A comma-separated list of at most `max_items` items of at most `max_chars` characters.
    List { max_items: usize, max_chars: usize },
}

/// One parameter of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamSpec {
    /// The URL key, snake_case (`job_ms`).
    pub key: &'static str,
    /// The form label (`Job duration`).
    pub label: &'static str,
    pub kind: ParamKind,
    /// The default, written as it would appear in a URL.
    pub default: &'static str,
    /// A unit shown beside the input (`ms`, `units`), empty when none.
    pub unit: &'static str,
    /// One sentence of help shown under the input.
    pub help: &'static str,
}

/// A validated parameter value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Bool(bool),
    Choice(&'static str),
    Text(String),
    List(Vec<String>),
}

impl fmt::Display for Value {
    /// The value as written in a URL or a form field.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Choice(c) => f.write_str(c),
            Value::Text(s) => f.write_str(s),
            Value::List(items) => f.write_str(&items.join(",")),
        }
    }
}

/// A message about a value that was corrected, shown on the page (`data-testid="notice"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice(pub String);

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest raw value looked at; anything longer is cut before parsing, so a hostile link
/// cannot make the page do unbounded work.
pub const MAX_RAW_CHARS: usize = 200_000;

impl ParamSpec {
    /// An integer parameter (durations are `_ms` integers with unit `ms`).
    pub const fn int(
        key: &'static str,
        label: &'static str,
        (min, max): (i64, i64),
        default: &'static str,
        unit: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            key,
            label,
            kind: ParamKind::Int { min, max },
            default,
            unit,
            help,
        }
    }

    /// A boolean parameter.
    pub const fn boolean(
        key: &'static str,
        label: &'static str,
        default: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            key,
            label,
            kind: ParamKind::Bool,
            default,
            unit: "",
            help,
        }
    }

    /// A parameter taking one of `options`.
    pub const fn choice(
        key: &'static str,
        label: &'static str,
        options: &'static [&'static str],
        default: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            key,
            label,
            kind: ParamKind::Choice(options),
            default,
            unit: "",
            help,
        }
    }

    /// A free-text parameter.
    pub const fn text(
        key: &'static str,
        label: &'static str,
        max_chars: usize,
        default: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            key,
            label,
            kind: ParamKind::Text { max_chars },
            default,
            unit: "",
            help,
        }
    }

    /// A comma-separated list parameter.
    pub const fn list(
        key: &'static str,
        label: &'static str,
        (max_items, max_chars): (usize, usize),
        default: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            key,
            label,
            kind: ParamKind::List {
                max_items,
                max_chars,
            },
            default,
            unit: "",
            help,
        }
    }

    /// The default as a validated value.
    ///
    /// Precondition: the spec's default is valid for its kind (checked by the catalog tests).
    pub fn default_value(&self) -> Value {
        self.parse(self.default)
            .unwrap_or_else(|why| panic!("default of `{}` is invalid: {why}", self.key))
    }

    /// Parses raw text strictly: `Err` says why the text is not a valid value.
    pub fn parse(&self, raw: &str) -> Result<Value, String> {
        match self.kind {
            ParamKind::Int { min, max } => {
                let n: i64 = raw
                    .trim()
                    .parse()
                    .map_err(|_| format!("`{}` is not a whole number", shorten(raw)))?;
                if n < min || n > max {
                    return Err(format!("{n} is outside {min}–{max}"));
                }
                Ok(Value::Int(n))
            }
            ParamKind::Bool => match raw.trim() {
                "true" | "1" => Ok(Value::Bool(true)),
                "false" | "0" => Ok(Value::Bool(false)),
                _ => Err(format!("`{}` is not true or false", shorten(raw))),
            },
            ParamKind::Choice(options) => options
                .iter()
                .find(|o| **o == raw.trim())
                .map(|o| Value::Choice(o))
                .ok_or_else(|| format!("`{}` is not one of {}", shorten(raw), options.join(", "))),
            ParamKind::Text { max_chars } => {
                let n = raw.chars().count();
                if n > max_chars {
                    return Err(format!("{n} characters is over the limit of {max_chars}"));
                }
                Ok(Value::Text(raw.to_string()))
            }
            ParamKind::List {
                max_items,
                max_chars,
            } => {
                let items: Vec<String> = if raw.is_empty() {
                    Vec::new()
                } else {
                    raw.split(',').map(str::to_string).collect()
                };
                if items.len() > max_items {
                    return Err(format!(
                        "{} items is over the limit of {max_items}",
                        items.len()
                    ));
                }
                if let Some(long) = items.iter().find(|i| i.chars().count() > max_chars) {
                    return Err(format!(
                        "item `{}` is longer than {max_chars} characters",
                        shorten(long)
                    ));
                }
                Ok(Value::List(items))
            }
        }
    }

    /// Parses raw text leniently: the value to use, and a notice when it had to be corrected.
    /// Numbers out of range are clamped; text and lists over their limits are cut; anything
    /// else that does not parse becomes the default.
    pub fn correct(&self, raw: &str) -> (Value, Option<Notice>) {
        let raw = cut_chars(raw, MAX_RAW_CHARS);
        match self.parse(raw) {
            Ok(v) => (v, None),
            Err(why) => {
                let (value, action) = self.repair(raw);
                let notice = Notice(format!("{}: {why}; {action}", self.key));
                (value, Some(notice))
            }
        }
    }

    /// The closest valid value to invalid raw text, and what was done to get it.
    fn repair(&self, raw: &str) -> (Value, String) {
        let fallback = || {
            (
                self.default_value(),
                format!("using the default {}", display_default(self)),
            )
        };
        match self.kind {
            ParamKind::Int { min, max } => match raw.trim().parse::<i128>() {
                Ok(n) => {
                    let clamped = n.clamp(min as i128, max as i128) as i64;
                    (Value::Int(clamped), format!("clamped to {clamped}"))
                }
                Err(_) => fallback(),
            },
            ParamKind::Text { max_chars } => (
                Value::Text(cut_chars(raw, max_chars).to_string()),
                format!("cut to {max_chars} characters"),
            ),
            ParamKind::List {
                max_items,
                max_chars,
            } => {
                let items: Vec<String> = raw
                    .split(',')
                    .take(max_items)
                    .map(|i| cut_chars(i, max_chars).to_string())
                    .collect();
                (
                    Value::List(items),
                    format!("kept the first {max_items} items of at most {max_chars} characters"),
                )
            }
            ParamKind::Bool | ParamKind::Choice(_) => fallback(),
        }
    }
}

fn display_default(spec: &ParamSpec) -> String {
    if spec.default.is_empty() {
        "(empty)".to_string()
    } else {
        spec.default.to_string()
    }
}

/// The first `max` characters of `s`.
pub fn cut_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A short, single-line rendering of user text for notices: control characters and the
/// invisible marks that steer bidirectional text (an override, an embedding, an isolate)
/// show as `·`, so a link cannot reorder the notice around what it echoes.
pub fn shorten(s: &str) -> String {
    let cut = cut_chars(s, 40);
    let mut out: String = cut
        .chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                '·'
            } else {
                c
            }
        })
        .collect();
    if cut.len() < s.len() {
        out.push('…');
    }
    out
}

/// Unicode's explicit directional formatting characters (UAX #9, table 1) and its marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The validated parameters of one pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    specs: &'static [ParamSpec],
    values: Vec<Value>,
}

impl Params {
    /// Every parameter at its default.
    pub fn defaults(specs: &'static [ParamSpec]) -> Self {
        Params {
            specs,
            values: specs.iter().map(ParamSpec::default_value).collect(),
        }
    }

    /// Builds parameters from `(key, raw value)` pairs, such as a URL query. Keys that are not
    /// parameters of this pattern are ignored (the caller handles the page's own keys); a key
    /// given twice uses its last value. Returns the notices for every corrected value.
    pub fn parse<'a>(
        specs: &'static [ParamSpec],
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<Notice>) {
        let mut params = Params::defaults(specs);
        let mut notices = Vec::new();
        for (key, raw) in pairs {
            if let Some(notice) = params.set(key, raw) {
                notices.push(notice);
            }
        }
        (params, notices)
    }

    /// Sets one parameter from raw text; returns the notice if it was corrected. Unknown keys
    /// are ignored and return `None`.
    pub fn set(&mut self, key: &str, raw: &str) -> Option<Notice> {
        let i = self.specs.iter().position(|s| s.key == key)?;
        let (value, notice) = self.specs[i].correct(raw);
        self.values[i] = value;
        notice
    }

    pub fn specs(&self) -> &'static [ParamSpec] {
        self.specs
    }

    /// The value of `key`. Precondition: `key` is one of this pattern's parameters.
    pub fn get(&self, key: &str) -> &Value {
        let i = self
            .specs
            .iter()
            .position(|s| s.key == key)
            .unwrap_or_else(|| panic!("no parameter `{key}`"));
        &self.values[i]
    }

    /// The integer parameter `key`. Precondition: `key` is an `Int` parameter.
    pub fn int(&self, key: &str) -> i64 {
        match self.get(key) {
            Value::Int(n) => *n,
            other => panic!("parameter `{key}` is {other:?}, not an integer"),
        }
    }

    /// The boolean parameter `key`. Precondition: `key` is a `Bool` parameter.
    pub fn bool(&self, key: &str) -> bool {
        match self.get(key) {
            Value::Bool(b) => *b,
            other => panic!("parameter `{key}` is {other:?}, not a bool"),
        }
    }

    /// The text of a `Text` or `Choice` parameter.
    pub fn text(&self, key: &str) -> &str {
        match self.get(key) {
            Value::Text(s) => s,
            Value::Choice(c) => c,
            other => panic!("parameter `{key}` is {other:?}, not text"),
        }
    }

    /// The items of a `List` parameter.
    pub fn list(&self, key: &str) -> &[String] {
        match self.get(key) {
            Value::List(items) => items,
            other => panic!("parameter `{key}` is {other:?}, not a list"),
        }
    }

    /// `(spec, value)` pairs in spec order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static ParamSpec, &Value)> {
        self.specs.iter().zip(self.values.iter())
    }

    /// The `(key, value)` pairs that differ from the defaults, in spec order.
    pub fn non_defaults(&self) -> Vec<(&'static str, String)> {
        self.iter()
            .filter(|(spec, value)| **value != spec.default_value())
            .map(|(spec, value)| (spec.key, value.to_string()))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn echoed_text_cannot_steer_the_direction_of_a_notice() {
        assert_eq!(shorten("abc\u{202E}def"), "abc·def");
        assert_eq!(shorten("\u{2067}x\u{2069}\u{200F}\n"), "·x···");
        // Right-to-left letters are text, and stay.
        assert_eq!(shorten("שלום"), "שלום");
        assert_eq!(shorten(&"é".repeat(50)), format!("{}…", "é".repeat(40)));
    }

    /// One parameter of each kind, for this module's tests and the template's.
    pub(crate) const SPECS: &[ParamSpec] = &[
        ParamSpec {
            key: "workers",
            label: "Workers",
            kind: ParamKind::Int { min: 1, max: 1024 },
            default: "5",
            unit: "",
            help: "",
        },
        ParamSpec {
            key: "fix",
            label: "Fix",
            kind: ParamKind::Choice(&["none", "once"]),
            default: "none",
            unit: "",
            help: "",
        },
        ParamSpec {
            key: "words",
            label: "Words",
            kind: ParamKind::List {
                max_items: 3,
                max_chars: 5,
            },
            default: "a,b",
            unit: "",
            help: "",
        },
        ParamSpec {
            key: "ready",
            label: "Ready",
            kind: ParamKind::Bool,
            default: "false",
            unit: "",
            help: "",
        },
        ParamSpec::text("prefix", "Prefix", 20, ">> ", ""),
    ];

    #[test]
    fn out_of_range_numbers_are_clamped_with_a_notice() {
        let (p, notices) = Params::parse(SPECS, [("workers", "5000")]);
        assert_eq!(p.int("workers"), 1024);
        assert_eq!(notices.len(), 1);
        assert!(notices[0].0.contains("clamped to 1024"), "{}", notices[0]);
        let (p, _) = Params::parse(SPECS, [("workers", "-99999999999999999999999")]);
        assert_eq!(p.int("workers"), 1);
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let (p, notices) = Params::parse(SPECS, [("workers", "five"), ("fix", "<script>")]);
        assert_eq!(p.int("workers"), 5);
        assert_eq!(p.text("fix"), "none");
        assert_eq!(notices.len(), 2);
        assert!(notices[1].0.contains("using the default none"));
    }

    #[test]
    fn lists_over_their_limits_are_cut() {
        let (p, notices) = Params::parse(SPECS, [("words", "abcdefgh,b,c,d")]);
        assert_eq!(p.list("words"), ["abcde", "b", "c"]);
        assert_eq!(notices.len(), 1);
        let (p, notices) = Params::parse(SPECS, [("words", "")]);
        assert!(p.list("words").is_empty());
        assert!(notices.is_empty());
    }

    #[test]
    fn only_non_defaults_are_written() {
        let (p, _) = Params::parse(SPECS, [("workers", "3"), ("ready", "1"), ("fix", "none")]);
        assert_eq!(
            p.non_defaults(),
            vec![("workers", "3".to_string()), ("ready", "true".to_string())]
        );
    }

    #[test]
    fn unknown_keys_are_ignored() {
        let (p, notices) = Params::parse(SPECS, [("nope", "1")]);
        assert_eq!(p, Params::defaults(SPECS));
        assert!(notices.is_empty());
    }
}
