//! vet's `structtag`, as Go 1.19's reports it: a struct field tag that `reflect.StructTag.Get`
//! cannot read (`key:"value"` pairs, separated by spaces, values without stray spaces for
//! json, xml and asn1), a json or xml tag on a field that is not exported, and two fields of a
//! struct (or of the structs it embeds) with the same json or xml name.

use super::{Check, Vet};
use crate::golang::syntax::ast::{ExprId, ExprKind, FileId};
use crate::golang::syntax::Pos;
use crate::golang::types::lookup::is_exported;
use crate::golang::types::ty::StructField;
use crate::golang::types::TypeId;

/// A struct field as the check reads it: its type's field and where the program declares it.
#[derive(Clone, Copy)]
struct FieldAt<'a> {
    field: &'a StructField,
    pos: Pos,
}

/// Checks the struct types written in the program's file, outer ones first.
pub(super) fn check(v: &mut Vet) {
    let ch = v.ch;
    let structs = struct_types(v);
    for &s in &structs {
        let Some(fields) = fields_at(v, s) else {
            continue;
        };
        let mut names = Names {
            structs: &structs,
            seen: Vec::new(),
        };
        for f in &fields {
            let tag = f.field.tag.as_deref().unwrap_or("");
            for key in ["json", "xml"] {
                check_duplicates(v, tag, key, f.pos, *f, &mut names, 1);
            }
            if let Err(why) = validate(tag) {
                let msg = format!(
                    "struct field tag {} not compatible with reflect.StructTag.Get: {why}",
                    backquoted(tag)
                );
                v.report(Check::StructTag, f.pos, msg);
            }
            let name = ch.name(f.field.name);
            if f.field.embedded || is_exported(name) {
                continue;
            }
            for enc in ["json", "xml"] {
                if !matches!(lookup(tag, enc).as_deref(), None | Some("" | "-")) {
                    let msg = format!("struct field {name} has {enc} tag but is not exported");
                    v.report(Check::StructTag, f.pos, msg);
                    break;
                }
            }
        }
    }
}

/// The json and xml names met in one struct's fields (and the structs it embeds).
struct Names<'s> {
    /// The struct types of the program's file, where embedded structs are found.
    structs: &'s [ExprId],
    /// Each name met: its key, the name, its level of embedding and its field's position.
    seen: Vec<(String, String, u32, Pos)>,
}

/// The struct type expressions of the program's file, in the order vet's walk meets them
/// (by position: an outer struct's keyword comes before the structs inside it).
fn struct_types(v: &Vet) -> Vec<ExprId> {
    let ast = &v.ch.ast;
    let mut out: Vec<ExprId> = (0..ast.exprs.len() as u32)
        .map(ExprId)
        .filter(|&e| matches!(ast.expr(e).kind, ExprKind::StructType { .. }))
        .filter(|&e| ast.file_of(ast.expr(e).pos) == FileId(0))
        .collect();
    out.sort_by_key(|&e| ast.expr(e).pos);
    out
}

/// The fields of the struct type written at `s`, each with its position (its name's; an
/// embedded field's type's).
fn fields_at<'a>(v: &Vet<'a>, s: ExprId) -> Option<Vec<FieldAt<'a>>> {
    let ch = v.ch;
    let ast = &ch.ast;
    let ExprKind::StructType { fields } = ast.expr(s).kind else {
        return None;
    };
    let declared = ch.types.struct_fields(ch.info.type_of(s))?;
    let mut positions = Vec::new();
    for f in ast.list(fields) {
        match ast.list(f.names) {
            [] => {
                let ty = match ast.expr(f.ty).kind {
                    ExprKind::Star(t) => t,
                    _ => f.ty,
                };
                positions.push(ast.first_byte(ty));
            }
            names => positions.extend(names.iter().map(|&n| ast.expr(n).pos)),
        }
    }
    (positions.len() == declared.len()).then(|| {
        declared
            .iter()
            .zip(positions)
            .map(|(field, pos)| FieldAt { field, pos })
            .collect()
    })
}

/// Reports `field` if its `key` name repeats one seen at the same level of embedding; an
/// embedded struct's exported fields are checked one level down (vet's `checkTagDuplicates`).
/// `nearest` is where the field of the outer struct is, which the report names.
fn check_duplicates(
    v: &mut Vet,
    tag: &str,
    key: &str,
    nearest: Pos,
    field: FieldAt,
    names: &mut Names,
    level: u32,
) {
    let ch = v.ch;
    let value = lookup(tag, key).unwrap_or_default();
    if value == "-" {
        return;
    }
    if value.is_empty() || value.starts_with(',') {
        if !field.field.embedded {
            return;
        }
        // The embedded struct's fields, where the program declares it.
        let Some(inner) = embedded_struct(v, names.structs, field.field.ty) else {
            return;
        };
        for f in inner {
            if !is_exported(ch.name(f.field.name)) {
                continue;
            }
            let tag = f.field.tag.as_deref().unwrap_or("");
            check_duplicates(v, tag, key, nearest, f, names, level + 1);
        }
        return;
    }
    let name = ch.name(field.field.name);
    if key == "xml" && name == "XMLName" {
        return;
    }
    let (mut key, mut value) = (key.to_string(), value);
    if let Some(comma) = value.find(',') {
        if key == "xml" && value[comma..].split(',').any(|opt| opt == "attr") {
            key.push_str(" attribute");
        }
        value.truncate(comma);
    }
    let found = names
        .seen
        .iter()
        .find(|(k, n, l, _)| *k == key && *n == value && *l == level)
        .map(|&(.., pos)| pos);
    match found {
        Some(also) => {
            let (_, line, _) = ch.ast.position(also);
            let msg = format!(
                "struct field {name} repeats {key} tag {} also at {}:{line}",
                crate::golang::types::constant::quote(value.as_bytes()),
                ch.file_name()
            );
            v.report(Check::StructTag, nearest, msg);
        }
        None => names.seen.push((key, value, level, field.pos)),
    }
}

/// The fields of the struct type `ty` embeds, if the program's file declares it (among
/// `structs`).
fn embedded_struct<'a>(v: &Vet<'a>, structs: &[ExprId], ty: TypeId) -> Option<Vec<FieldAt<'a>>> {
    let ch = v.ch;
    let ty = ch.types.pointer_elem(ty).unwrap_or(ty);
    let under = ch.types.under(ty);
    structs
        .iter()
        .copied()
        .find(|&s| ch.info.type_of(s) == under)
        .and_then(|s| fields_at(v, s))
}

/// The `key:"value"` pairs of a tag as `reflect.StructTag` reads them: each key with its
/// quoted value, or where reading stops and why.
fn pairs(mut tag: &str) -> Vec<Result<(&str, &str), &'static str>> {
    let mut out = Vec::new();
    let mut n = 0;
    while !tag.is_empty() {
        if n > 0 && !tag.starts_with(' ') {
            out.push(Err("key:\"value\" pairs not separated by spaces"));
            return out;
        }
        n += 1;
        tag = tag.trim_start_matches(' ');
        if tag.is_empty() {
            break;
        }
        let b = tag.as_bytes();
        let i = b
            .iter()
            .position(|&c| c <= b' ' || c == b':' || c == b'"' || c == 0x7f)
            .unwrap_or(b.len());
        if i == 0 {
            out.push(Err("bad syntax for struct tag key"));
            return out;
        }
        if i + 1 >= b.len() || b[i] != b':' {
            out.push(Err("bad syntax for struct tag pair"));
            return out;
        }
        if b[i + 1] != b'"' {
            out.push(Err("bad syntax for struct tag value"));
            return out;
        }
        let key = &tag[..i];
        tag = &tag[i + 1..];
        let b = tag.as_bytes();
        let mut j = 1;
        while j < b.len() && b[j] != b'"' {
            if b[j] == b'\\' {
                j += 1;
            }
            j += 1;
        }
        if j >= b.len() {
            out.push(Err("bad syntax for struct tag value"));
            return out;
        }
        out.push(Ok((key, &tag[..=j])));
        tag = &tag[j + 1..];
    }
    out
}

/// `reflect.StructTag(tag).Get(key)`: `None` when the tag has no such key.
fn lookup(tag: &str, key: &str) -> Option<String> {
    for pair in pairs(tag) {
        let (k, quoted) = pair.ok()?;
        if k == key {
            return unquote(quoted);
        }
    }
    None
}

/// Whether a tag is in the canonical form (vet's `validateStructTag`).
fn validate(tag: &str) -> Result<(), &'static str> {
    const SPACE: &str = "suspicious space in struct tag value";
    for pair in pairs(tag) {
        let (key, quoted) = pair?;
        let value = unquote(quoted).ok_or("bad syntax for struct tag value")?;
        let rest = match key {
            "xml" => {
                if value.trim_matches(' ') != value || value.matches(' ').count() > 1 {
                    return Err(SPACE);
                }
                let Some(comma) = value.find(',') else {
                    continue;
                };
                if value[..comma].ends_with(' ') {
                    return Err(SPACE);
                }
                value[comma + 1..].to_string()
            }
            "json" => match value.find(',') {
                Some(comma) => value[comma + 1..].to_string(),
                None => continue,
            },
            "asn1" => value,
            _ => continue,
        };
        if rest.contains(' ') {
            return Err(SPACE);
        }
    }
    Ok(())
}

/// A Go double-quoted string literal's value (`strconv.Unquote`); `None` if it is malformed.
fn unquote(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = Vec::new();
    let mut chars = inner.char_indices();
    while let Some((_, c)) = chars.next() {
        match c {
            '"' | '\n' => return None,
            '\\' => {
                let (_, e) = chars.next()?;
                let simple = match e {
                    'a' => Some(7u8),
                    'b' => Some(8),
                    'f' => Some(12),
                    'n' => Some(b'\n'),
                    'r' => Some(b'\r'),
                    't' => Some(b'\t'),
                    'v' => Some(11),
                    '\\' => Some(b'\\'),
                    '"' => Some(b'"'),
                    _ => None,
                };
                if let Some(b) = simple {
                    out.push(b);
                    continue;
                }
                let (digits, radix) = match e {
                    'x' => (2, 16),
                    'u' => (4, 16),
                    'U' => (8, 16),
                    '0'..='7' => (2, 8),
                    _ => return None,
                };
                let mut text = String::new();
                if radix == 8 {
                    text.push(e);
                }
                for _ in 0..digits {
                    text.push(chars.next()?.1);
                }
                let n = u32::from_str_radix(&text, radix).ok()?;
                match e {
                    'x' => out.push(n as u8),
                    '0'..='7' if n <= 255 => out.push(n as u8),
                    'u' | 'U' => {
                        let c = char::from_u32(n)?;
                        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    }
                    _ => return None,
                }
            }
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    String::from_utf8(out).ok()
}

/// A tag as `%#q` prints it: in backquotes when it can be, else quoted.
fn backquoted(tag: &str) -> String {
    let can = !tag
        .chars()
        .any(|c| c == '`' || c == '\u{feff}' || (c.is_control() && c != '\t'));
    if can {
        format!("`{tag}`")
    } else {
        crate::golang::types::constant::quote(tag.as_bytes())
    }
}
