//! The Go source templates: each pattern's program with the current parameter values written in.
//!
//! The syntax is deliberately tiny, so a template stays a readable Go file:
//! - `{{key}}` is replaced by the value of parameter `key` as a Go literal: integers in decimal,
//!   booleans as `true`/`false`, text as a double-quoted Go string (escaped as `strconv.Quote`
//!   would), lists as comma-separated quoted strings, choices as their bare word.
//! - `{{name}}` may also name an extra value the pattern computes (already Go text).
//! - A line holding only `{{if COND}}`, `{{else}}` or `{{end}}` (any indentation) opens, flips
//!   or closes a block; blocks nest. `COND` is `key`, `!key` (booleans), or `key OP literal`
//!   with `OP` one of `==`, `!=`, `<`, `>`, `<=`, `>=` and the literal a number or a quoted word.
//!
//! # Invariants
//! - Rendering never fails at run time: templates are checked by the catalog tests, and an
//!   unknown name renders as `{{name}}` so a mistake is visible rather than silent.

use super::params::{Params, Value};

/// Renders `template` with `params` and the extra pre-rendered Go snippets `extra`.
pub fn render(template: &str, params: &Params, extra: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    // One entry per open block: (this branch is taken, some enclosing block is not).
    let mut stack: Vec<(bool, bool)> = Vec::new();
    let emitting = |stack: &[(bool, bool)]| stack.iter().all(|(taken, _)| *taken);
    for line in template.split_inclusive('\n') {
        let directive = line.trim();
        if let Some(cond) = directive
            .strip_prefix("{{if ")
            .and_then(|c| c.strip_suffix("}}"))
        {
            let outer_off = !emitting(&stack);
            stack.push((eval(cond.trim(), params), outer_off));
            continue;
        }
        if directive == "{{else}}" {
            if let Some(top) = stack.last_mut() {
                top.0 = !top.0;
            }
            continue;
        }
        if directive == "{{end}}" {
            stack.pop();
            continue;
        }
        if emitting(&stack) {
            substitute(line, params, extra, &mut out);
        }
    }
    out
}

/// Replaces every `{{name}}` in `line`.
fn substitute(line: &str, params: &Params, extra: &[(&str, String)], out: &mut String) {
    let mut rest = line;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = &after[..end];
                match lookup(name, params, extra) {
                    Some(text) => out.push_str(&text),
                    None => {
                        out.push_str("{{");
                        out.push_str(name);
                        out.push_str("}}");
                    }
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
}

fn lookup(name: &str, params: &Params, extra: &[(&str, String)]) -> Option<String> {
    if let Some((_, text)) = extra.iter().find(|(k, _)| *k == name) {
        return Some(text.clone());
    }
    let spec = params.specs().iter().find(|s| s.key == name)?;
    Some(go_literal(params.get(spec.key)))
}

/// A parameter value as Go source text.
pub fn go_literal(value: &Value) -> String {
    match value {
        Value::Int(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Choice(c) => c.to_string(),
        Value::Text(s) => go_quote(s),
        Value::List(items) => items
            .iter()
            .map(|i| go_quote(i))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `s` as a double-quoted Go string literal, escaped as Go's `strconv.Quote` does: printable
/// characters stay as they are, the rest become escapes.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_go_printable(c) => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32))
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32))
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `strconv.IsPrint` good for the characters people type: control
/// characters, format characters, separators other than the space, private use and
/// noncharacters are not printable.
fn is_go_printable(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || (0x80..=0x9f).contains(&u)
        || u == 0xad
        || (0x200b..=0x200f).contains(&u)
        || (0x2028..=0x202e).contains(&u)
        || (0x2060..=0x206f).contains(&u)
        || u == 0xfeff
        || (0xe000..=0xf8ff).contains(&u)
        || (0xfff9..=0xfffb).contains(&u)
        || (u & 0xfffe) == 0xfffe
        || (0xf0000..=0x10ffff).contains(&u))
}

/// Evaluates a block condition. Precondition: `cond` names a parameter of `params`.
fn eval(cond: &str, params: &Params) -> bool {
    if let Some(key) = cond.strip_prefix('!') {
        return !eval(key.trim(), params);
    }
    for op in ["==", "!=", "<=", ">=", "<", ">"] {
        if let Some((key, lit)) = cond.split_once(op) {
            let value = params.get(key.trim());
            let lit = lit.trim();
            return match value {
                Value::Int(n) => {
                    let m: i64 = lit
                        .parse()
                        .unwrap_or_else(|_| panic!("bad literal `{lit}`"));
                    compare(n.cmp(&m), op)
                }
                other => {
                    let text = lit.trim_matches('"');
                    compare(other.to_string().as_str().cmp(text), op)
                }
            };
        }
    }
    match params.get(cond) {
        Value::Bool(b) => *b,
        other => panic!("condition `{cond}` on non-bool value {other:?}"),
    }
}

fn compare(ord: std::cmp::Ordering, op: &str) -> bool {
    use std::cmp::Ordering::*;
    match op {
        "==" => ord == Equal,
        "!=" => ord != Equal,
        "<" => ord == Less,
        ">" => ord == Greater,
        "<=" => ord != Greater,
        ">=" => ord != Less,
        _ => unreachable!("operators come from the fixed list above"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::params::tests::SPECS;

    #[test]
    fn substitutes_values_as_go_literals() {
        let (p, _) = Params::parse(SPECS, [("prefix", "a\"b\\c\n")]);
        let out = render(
            "n := {{workers}}\np := {{prefix}}\nx := {{extra}}\n",
            &p,
            &[("extra", "[]int{1}".into())],
        );
        assert_eq!(out, "n := 5\np := \"a\\\"b\\\\c\\n\"\nx := []int{1}\n");
    }

    #[test]
    fn blocks_select_lines_and_nest() {
        let t = "a\n  {{if fix == \"once\"}}\nonce\n  {{if workers > 5}}\nbig\n  {{end}}\n{{else}}\nnone\n{{end}}\nz\n";
        let (p, _) = Params::parse(SPECS, [("fix", "once"), ("workers", "9")]);
        assert_eq!(render(t, &p, &[]), "a\nonce\nbig\nz\n");
        let (p, _) = Params::parse(SPECS, [("fix", "once")]);
        assert_eq!(render(t, &p, &[]), "a\nonce\nz\n");
        let p = Params::defaults(SPECS);
        assert_eq!(render(t, &p, &[]), "a\nnone\nz\n");
    }

    #[test]
    fn quotes_like_strconv_quote() {
        assert_eq!(go_quote("héllo 世界"), "\"héllo 世界\"");
        assert_eq!(go_quote("\u{1}\u{200b}"), "\"\\x01\\u200b\"");
        assert_eq!(go_quote("😀"), "\"😀\"");
    }

    #[test]
    fn unknown_names_stay_visible() {
        let p = Params::defaults(SPECS);
        assert_eq!(render("{{nope}} {{", &p, &[]), "{{nope}} {{");
    }
}
