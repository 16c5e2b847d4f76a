//! Go's words for what the VM reports: an unrecovered panic's message, a failed type
//! assertion, and the `print` builtins.

use super::errors::{self, ErrKind};
use super::gor::Gor;
use super::program::{Program, Thrown};
use super::types::{IntKind, Kind, Types};
use super::value::{Iface, TypeId, Value};

/// The message of the panics that killed goroutine `g`, as Go prints it after `panic: `:
/// each panic's value, `[recovered]` after one that was recovered and then panicked again,
/// and a nil dereference's signal line.
/// `Err`: a panic value's `Error` or `String` method panicked, and the run ends with the fatal
/// error Go's `preprintpanics` throws then, whose message this is.
pub fn panic_message(g: &mut Gor) -> Result<String, String> {
    // A `Goexit` under the panic is no panic of its own.
    let panics: Vec<(Thrown, bool)> = g
        .panics
        .iter()
        .filter(|p| !p.goexit)
        .map(|p| (p.value.clone(), p.recovered))
        .collect();
    // Go calls the values' methods newest first (`preprintpanics`), and prints them oldest
    // first.
    let mut texts = Vec::with_capacity(panics.len());
    for (value, _) in panics.iter().rev() {
        match panic_text(g, value) {
            Ok(text) => texts.push(text),
            Err(inner) => {
                let mut text = printing_panicked(&g.run.prog, &inner);
                if is_nil_deref(g, &inner) {
                    text.push_str(SIGSEGV);
                }
                return Err(text);
            }
        }
    }
    let mut text = String::new();
    for (i, ((_, recovered), value)) in panics.iter().zip(texts.iter().rev()).enumerate() {
        if i > 0 {
            text.push_str("\n\tpanic: ");
        }
        text.push_str(value);
        if *recovered {
            text.push_str(" [recovered]");
        }
    }
    // The signal is the goroutine's until the panic it raised is over: a recovered one whose
    // deferred call panicked again still shows it.
    if panics.iter().any(|(value, _)| is_nil_deref(g, value)) {
        text.push_str(SIGSEGV);
    }
    Ok(text)
}

/// The line Go prints under a report whose goroutine dereferenced nil.
const SIGSEGV: &str = "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";

/// Go's fatal error when a panic value's method panicked with `inner` while the report was
/// being made: the text of a string, the type of anything else.
fn printing_panicked(prog: &Program, inner: &Value) -> String {
    const TEXT: &str = "panic while printing panic value";
    match inner {
        Value::Iface(i) if is_plain_string(prog, i.ty) => {
            format!("{TEXT}: {}", i.val.to_text())
        }
        Value::Iface(i) => format!("{TEXT}: type {}", prog.types.name(i.ty)),
        _ => TEXT.to_string(),
    }
}

/// Whether `ty` is `string` itself (not a named string type, which Go's switch on `string`
/// does not take).
fn is_plain_string(prog: &Program, ty: TypeId) -> bool {
    let t = prog.types.get(ty);
    !t.named && matches!(t.kind, Kind::String)
}

fn is_nil_deref(g: &Gor, v: &Value) -> bool {
    match v {
        Value::Iface(i) => {
            i.ty == g.run.prog.runtime_errors.string
                && i.val.as_bytes().ends_with(b"nil pointer dereference")
        }
        _ => false,
    }
}

/// One panic value as Go's `printpanicval` prints it: an error's `Error()`, a Stringer's
/// `String()`, a basic value (named ones as `main.T(5)`), or `(T) 0xc…` for the rest (also
/// when its method panicked).
pub fn panic_value(g: &mut Gor, v: &Value) -> String {
    panic_text(g, v).unwrap_or_else(|_| {
        let Value::Iface(iface) = v else {
            return "nil".to_string();
        };
        opaque(&g.run.prog.types, iface)
    })
}

/// [`panic_value`], or `Err` with what the value's `Error` or `String` method panicked with.
fn panic_text(g: &mut Gor, v: &Value) -> Result<String, Value> {
    let Value::Iface(iface) = v else {
        return Ok("nil".to_string());
    };
    let prog = g.run.prog.clone();
    let rt_errors = &prog.runtime_errors;
    if [
        rt_errors.bounds,
        rt_errors.plain,
        rt_errors.string,
        rt_errors.assertion,
    ]
    .contains(&iface.ty)
    {
        return Ok(iface.val.to_text());
    }
    for method in [prog.error_method, prog.string_method]
        .into_iter()
        .flatten()
    {
        if let Some(func) = prog.types.method(iface.ty, method) {
            let out = g.call_nested(func, None, &[iface.val.copy()], 1)?;
            return Ok(out.first().map(Value::to_text).unwrap_or_default());
        }
    }
    Ok(opaque(&prog.types, iface))
}

/// A panic value that has no method Go's runtime calls, as `printpanicval` prints it.
fn opaque(types: &Types, iface: &Iface) -> String {
    let t = types.get(iface.ty);
    let plain = match &t.kind {
        Kind::Bool => Some(iface.val.as_bool().to_string()),
        Kind::Int(k) => Some(int_text(iface.val.as_int(), *k)),
        Kind::Float32 | Kind::Float64 => Some(errors::print_float(iface.val.as_float())),
        Kind::Complex64 | Kind::Complex128 => {
            // Go prints the parts inside the parentheses of the conversion, or its own.
            let (re, im) = iface.val.as_complex();
            let parts = format!("{}{}i", errors::print_float(re), errors::print_float(im));
            return if t.named {
                format!("{}({parts})", t.name)
            } else {
                format!("({parts})")
            };
        }
        // Quoted, not escaped: Go's runtime prints the bytes between the quotes.
        Kind::String if t.named => Some(format!("\"{}\"", iface.val.to_text())),
        Kind::String => Some(iface.val.to_text()),
        _ => None,
    };
    match plain {
        Some(text) if t.named => format!("{}({text})", t.name),
        Some(text) => text,
        // The pointer Go prints: a nil pointer, map, channel or function's is 0x0.
        None if iface.val.is_nil() => format!("({}) 0x0", t.name),
        None => format!("({}) 0xc000012120", t.name),
    }
}

fn int_text(v: i64, kind: IntKind) -> String {
    if kind.signed() {
        v.to_string()
    } else {
        (v as u64).to_string()
    }
}

/// Go's message for a failed type assertion from interface type `iface` to type `target`.
pub fn assertion_error(prog: &Program, iface: TypeId, v: &Value, target: TypeId) -> Thrown {
    let types = &prog.types;
    let target_name = types.name(target);
    let target_is_iface = matches!(types.get(target).kind, Kind::Interface { .. });
    let text = match v {
        Value::Iface(i) if target_is_iface => {
            let missing = types
                .implements(i.ty, target)
                .err()
                .map(|m| types.method_short_name(m).to_string())
                .unwrap_or_default();
            format!(
                "interface conversion: {} is not {target_name}: missing method {missing}",
                types.name(i.ty)
            )
        }
        Value::Iface(i) => {
            let concrete = types.name(i.ty);
            // Two types of one name: declared in different functions (Go's runtime says so).
            let scopes = if *concrete == *target_name {
                " (types from different scopes)"
            } else {
                ""
            };
            format!(
                "interface conversion: {} is {concrete}, not {target_name}{scopes}",
                types.name(iface),
            )
        }
        _ if target_is_iface => {
            format!("interface conversion: interface is nil, not {target_name}")
        }
        _ => format!(
            "interface conversion: {} is nil, not {target_name}",
            types.name(iface)
        ),
    };
    errors::runtime_error(prog, ErrKind::Assertion, text)
}

/// The text of `print(args...)` or `println(args...)`, as Go's builtins print them (to
/// stderr). Each argument is boxed with its static type (an interface value with its
/// interface type): Go prints by the static type, and an address where it has no value to
/// print (the addresses are fixed, since chanlab's runs print the same for the same seed).
pub fn print_builtin(types: &Types, args: &[Value], newline: bool) -> String {
    let mut out = String::new();
    for (i, v) in args.iter().enumerate() {
        if newline && i > 0 {
            out.push(' ');
        }
        let (ty, v) = match v {
            Value::Iface(b) => (Some(&types.get(b.ty).kind), &b.val),
            v => (None, v),
        };
        const ADDR: &str = "0xc000012120";
        match (ty, v) {
            (Some(Kind::Interface { .. }), Value::Nil) => out.push_str("(0x0,0x0)"),
            (Some(Kind::Interface { .. }), _) => out.push_str("(0x4a5b60,0xc000012120)"),
            (Some(Kind::Slice { .. }), Value::Slice(s)) => {
                out.push_str(&format!("[{}/{}]{ADDR}", s.len, s.cap))
            }
            (Some(Kind::Slice { .. }), _) => out.push_str("[0/0]0x0"),
            (Some(Kind::Int(k)), Value::Int(n)) if !k.signed() && k.bits() == 64 => {
                out.push_str(&(*n as u64).to_string())
            }
            (_, Value::Bool(b)) => out.push_str(&b.to_string()),
            (_, Value::Int(n)) => out.push_str(&n.to_string()),
            (_, Value::Float(f)) => out.push_str(&errors::print_float(*f)),
            (_, Value::Complex(re, im)) => out.push_str(&format!(
                "({}{}i)",
                errors::print_float(*re),
                errors::print_float(*im)
            )),
            (_, Value::Str(_)) => out.push_str(&v.to_text()),
            (_, Value::Nil) => out.push_str("0x0"),
            _ => out.push_str(ADDR),
        }
    }
    if newline {
        out.push('\n');
    }
    out
}
