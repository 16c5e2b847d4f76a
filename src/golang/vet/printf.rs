//! vet's printf analyzer, as Go 1.19's reports: calls of the print functions of fmt, log and
//! testing, and of the program's own functions that forward their arguments to one (vet's
//! print wrappers), checked against their format: verbs and flags that do not exist, an
//! argument whose type the verb cannot print, arguments missing or left over, `%w` outside
//! `Errorf`, a function value printed rather than called, a `String` or `Error` method that
//! prints its own receiver; and, for the functions without a format, a formatting directive
//! or a redundant newline in their arguments.
//!
//! Findings keep the order vet reports them in (not sorted by position): the wrappers' first,
//! then the calls in source order. Types print as go/types' `TypeString` does
//! (`command-line-arguments.T`), arguments as go/printer formats them.

use super::{operand_type, Check, Vet, MAIN_PATH};
use crate::golang::compile::escape::{walk_stmt, Node};
use crate::golang::syntax::ast::{Decl, ExprId, ExprKind, FileId, StmtId, StmtKind};
use crate::golang::syntax::token::Op;
use crate::golang::types::constant::ConstValue;
use crate::golang::types::lookup::Found;
use crate::golang::types::object::ObjId;
use crate::golang::types::{BasicKind, Checked, Type, TypeId};

/// How a print function takes its arguments (vet's `Kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Like `fmt.Print`: operands only.
    Print,
    /// Like `fmt.Printf`: a format, then its operands.
    Printf,
    /// `fmt.Errorf`, or a function that forwards to it: `%w` allowed.
    Errorf,
}

/// The standard library's print functions, by go/types' full name (vet's `isPrint`; chanlab's
/// library declares them where Go's does, so the names are the same).
const PRINT_FUNCS: &[&str] = &[
    "fmt.Errorf",
    "fmt.Fprint",
    "fmt.Fprintf",
    "fmt.Fprintln",
    "fmt.Print",
    "fmt.Printf",
    "fmt.Println",
    "fmt.Sprint",
    "fmt.Sprintf",
    "fmt.Sprintln",
    "runtime/trace.Logf",
    "log.Print",
    "log.Printf",
    "log.Println",
    "log.Fatal",
    "log.Fatalf",
    "log.Fatalln",
    "log.Panic",
    "log.Panicf",
    "log.Panicln",
    "(*log.Logger).Fatal",
    "(*log.Logger).Fatalf",
    "(*log.Logger).Fatalln",
    "(*log.Logger).Panic",
    "(*log.Logger).Panicf",
    "(*log.Logger).Panicln",
    "(*log.Logger).Print",
    "(*log.Logger).Printf",
    "(*log.Logger).Println",
    "(*testing.common).Error",
    "(*testing.common).Errorf",
    "(*testing.common).Fatal",
    "(*testing.common).Fatalf",
    "(*testing.common).Log",
    "(*testing.common).Logf",
    "(*testing.common).Skip",
    "(*testing.common).Skipf",
    "(testing.TB).Error",
    "(testing.TB).Errorf",
    "(testing.TB).Fatal",
    "(testing.TB).Fatalf",
    "(testing.TB).Log",
    "(testing.TB).Logf",
    "(testing.TB).Skip",
    "(testing.TB).Skipf",
];

/// What an argument of a verb may be (vet's `printfArgType`), a bit set.
type ArgTypes = u16;
const ARG_BOOL: ArgTypes = 1;
const ARG_INT: ArgTypes = 1 << 1;
const ARG_RUNE: ArgTypes = 1 << 2;
const ARG_STRING: ArgTypes = 1 << 3;
const ARG_FLOAT: ArgTypes = 1 << 4;
const ARG_COMPLEX: ArgTypes = 1 << 5;
const ARG_POINTER: ArgTypes = 1 << 6;
const ARG_ERROR: ArgTypes = 1 << 7;
const ANY_TYPE: ArgTypes = !0;

/// fmt's verbs: the flags each knows and the arguments it prints (vet's `printVerbs`).
const VERBS: &[(u8, &str, ArgTypes)] = {
    const NUM: &str = " -+.0";
    const SHARP_NUM: &str = " -+.0#";
    const NUMBERS: ArgTypes = ARG_INT | ARG_FLOAT | ARG_COMPLEX;
    &[
        (b'%', "", 0),
        (b'b', SHARP_NUM, NUMBERS | ARG_POINTER),
        (b'c', "-", ARG_RUNE | ARG_INT),
        (b'd', NUM, ARG_INT | ARG_POINTER),
        (b'e', SHARP_NUM, ARG_FLOAT | ARG_COMPLEX),
        (b'E', SHARP_NUM, ARG_FLOAT | ARG_COMPLEX),
        (b'f', SHARP_NUM, ARG_FLOAT | ARG_COMPLEX),
        (b'F', SHARP_NUM, ARG_FLOAT | ARG_COMPLEX),
        (b'g', SHARP_NUM, ARG_FLOAT | ARG_COMPLEX),
        (b'G', SHARP_NUM, ARG_FLOAT | ARG_COMPLEX),
        (b'o', SHARP_NUM, ARG_INT | ARG_POINTER),
        (b'O', SHARP_NUM, ARG_INT | ARG_POINTER),
        (b'p', "-#", ARG_POINTER),
        (b'q', " -+.0#", ARG_RUNE | ARG_INT | ARG_STRING),
        (b's', NUM, ARG_STRING),
        (b't', "-", ARG_BOOL),
        (b'T', "-", ANY_TYPE),
        (b'U', "-#", ARG_RUNE | ARG_INT),
        (b'v', SHARP_NUM, ANY_TYPE),
        (b'w', SHARP_NUM, ARG_ERROR),
        (
            b'x',
            SHARP_NUM,
            ARG_RUNE | ARG_STRING | ARG_POINTER | NUMBERS,
        ),
        (
            b'X',
            SHARP_NUM,
            ARG_RUNE | ARG_STRING | ARG_POINTER | NUMBERS,
        ),
    ]
};

/// A function of the program that may forward its `...interface{}` parameter to a print
/// function (vet's `printfWrapper`).
struct Wrapper {
    obj: ObjId,
    body: StmtId,
    /// The parameter before the operands, if it is a `string`.
    format: Option<ObjId>,
    /// The `...interface{}` parameter.
    args: ObjId,
    /// Calls of this function, by other candidates, that pass their operands on: they
    /// forward to a print function if this one does.
    callers: Vec<(usize, ExprId)>,
}

/// Finds the program's print wrappers (noting each one's kind in `v.wrappers`), and reports
/// the ones that forward their operands without `...` (vet's `findPrintfLike`).
pub(super) fn find_wrappers(v: &mut Vet) {
    let ch = v.ch;
    let ast = &ch.ast;
    let mut candidates = Vec::new();
    for &d in ast.list(ast.file(FileId(0)).decls) {
        let Decl::Func(f) = ast.decl(d) else {
            continue;
        };
        let (Some(body), Some(obj)) = (f.body, ch.info.def(f.name)) else {
            continue;
        };
        let (Some(sig), Some(info)) = (ch.types.signature(ch.obj(obj).ty), ch.obj(obj).func())
        else {
            continue;
        };
        let n = sig.params.len();
        if !sig.variadic || !is_empty_interface_slice(v, sig.params[n - 1]) {
            continue;
        }
        candidates.push(Wrapper {
            obj,
            body,
            format: (n >= 2 && sig.params[n - 2] == TypeId::STRING).then(|| info.params[n - 2]),
            args: info.params[n - 1],
            callers: Vec::new(),
        });
    }
    for w in 0..candidates.len() {
        let mut nodes = Vec::new();
        walk_stmt(ast, candidates[w].body, &mut |n| nodes.push(n));
        for n in nodes {
            let names_param = |e: ExprId| {
                let o = ch.info.object_of(e);
                matches!(ast.expr(e).kind, ExprKind::Ident(_))
                    && o.is_some()
                    && (o == candidates[w].format || o == Some(candidates[w].args))
            };
            // A wrapper that changes its format or operands, or takes their address, is not
            // a plain one.
            let changes = match n {
                Node::Stmt(s) => match ast.stmt(s).kind {
                    StmtKind::Assign { lhs, .. } => ast.list(lhs).iter().any(|&e| names_param(e)),
                    _ => false,
                },
                Node::Expr(e) => match ast.expr(e).kind {
                    ExprKind::Unary { op: Op::And, x } => names_param(x),
                    _ => false,
                },
            };
            if changes {
                break;
            }
            let Node::Expr(call) = n else {
                continue;
            };
            let ExprKind::Call { fun, args, .. } = ast.expr(call).kind else {
                continue;
            };
            let passes_operands = ast.list(args).last().is_some_and(|&last| {
                matches!(ast.expr(last).kind, ExprKind::Ident(_))
                    && ch.info.object_of(last) == Some(candidates[w].args)
            });
            if !passes_operands {
                continue;
            }
            match name_and_kind(v, fun) {
                Some((_, kind)) => forwards(v, &candidates, w, call, kind),
                None => {
                    let callee = v.callee(fun);
                    if let Some(c) = candidates.iter().position(|c| Some(c.obj) == callee) {
                        candidates[c].callers.push((w, call));
                    }
                }
            }
        }
    }
}

/// Candidate `w` passes its operands on in `call`, to a function of `kind`: it is a wrapper
/// of that kind, and so are its callers that pass theirs on to it (vet's `checkPrintfFwd`).
fn forwards(v: &mut Vet, candidates: &[Wrapper], w: usize, call: ExprId, kind: Kind) {
    let ch = v.ch;
    let ast = &ch.ast;
    let ExprKind::Call {
        fun, args, dots, ..
    } = ast.expr(call).kind
    else {
        return;
    };
    let args = ast.list(args);
    let passes_format = args.len() >= 2
        && matches!(ast.expr(args[args.len() - 2]).kind, ExprKind::Ident(_))
        && candidates[w].format.is_some()
        && ch.info.object_of(args[args.len() - 2]) == candidates[w].format;
    if kind != Kind::Print && !passes_format {
        return;
    }
    if !dots {
        let Some(sig) = ch.types.signature(ch.info.type_of(fun)) else {
            return;
        };
        // More arguments than the print function takes: `...` would not compile either.
        if args.len() > sig.params.len() {
            return;
        }
        let like = if kind == Kind::Print {
            "print"
        } else {
            "printf"
        };
        let msg = format!("missing ... in args forwarded to {like}-like function");
        v.report(Check::Printf, ast.first_byte(call), msg);
        return;
    }
    let obj = candidates[w].obj;
    if v.wrappers.iter().any(|&(o, _)| o == obj) {
        return;
    }
    v.wrappers.push((obj, kind));
    for &(caller, caller_call) in &candidates[w].callers {
        forwards(v, candidates, caller, caller_call, kind);
    }
}

/// Checks `call` if it calls a print function or wrapper (vet's `checkCall`).
pub(super) fn check_call(v: &mut Vet, call: ExprId) {
    let ExprKind::Call { fun, .. } = v.ch.ast.expr(call).kind else {
        return;
    };
    match name_and_kind(v, fun) {
        Some((f, Kind::Print)) => check_print(v, call, f),
        Some((f, kind)) => check_printf(v, call, f, kind),
        None => {}
    }
}

/// The print function or wrapper that `fun` names, and its kind.
fn name_and_kind(v: &Vet, fun: ExprId) -> Option<(ObjId, Kind)> {
    let f = v.callee(fun)?;
    let name = full_name(v, f);
    if PRINT_FUNCS.contains(&name.as_str()) {
        let kind = if name == "fmt.Errorf" {
            Kind::Errorf
        } else if name.ends_with('f') {
            Kind::Printf
        } else {
            Kind::Print
        };
        return Some((f, kind));
    }
    v.wrappers
        .iter()
        .find(|&&(o, _)| o == f)
        .map(|&(_, kind)| (f, kind))
}

/// A function's name as go/types' `FullName` gives it: `fmt.Printf`, `(*log.Logger).Printf`,
/// `command-line-arguments.logf`.
fn full_name(v: &Vet, f: ObjId) -> String {
    full_name_of(v.ch, f)
}

/// [`full_name`] in program `ch`.
pub(super) fn full_name_of(ch: &Checked, f: ObjId) -> String {
    let obj = ch.obj(f);
    let pkg = match obj.pkg {
        Some(p) if p == ch.main => MAIN_PATH,
        Some(p) => ch.packages[p.0 as usize].path.as_str(),
        None => "",
    };
    let name = ch.name(obj.name);
    match obj
        .func()
        .and_then(|fi| fi.recv_base.map(|base| (base, fi.ptr_recv)))
    {
        Some((base, ptr)) => {
            let tname = ch
                .types
                .named(base)
                .map_or("?", |n| ch.name(ch.obj(n.obj).name));
            let star = if ptr { "*" } else { "" };
            format!("({star}{pkg}.{tname}).{name}")
        }
        None => format!("{pkg}.{name}"),
    }
}

/// A directive as the format's parser reads it (vet's `formatState`).
struct Directive {
    verb: char,
    /// From `%` through the verb.
    text: String,
    /// Flags, `.` standing for a precision.
    flags: Vec<u8>,
    /// The operands it takes (`*` widths and precisions, then the verb's), as indices of the
    /// call's arguments.
    arg_nums: Vec<usize>,
    /// The operand the verb prints.
    arg_num: usize,
    has_index: bool,
}

/// Checks a call of a function with a format (vet's `checkPrintf`).
fn check_printf(v: &mut Vet, call: ExprId, f: ObjId, kind: Kind) {
    let ch = v.ch;
    let ast = &ch.ast;
    let ExprKind::Call {
        fun,
        args,
        dots,
        lparen,
        ..
    } = ast.expr(call).kind
    else {
        return;
    };
    let args = ast.list(args);
    let Some(sig) = ch.types.signature(ch.info.type_of(fun)) else {
        return;
    };
    // The format is the parameter before the operands, a constant.
    if !sig.variadic || sig.params.len() < 2 {
        return;
    }
    let first_arg = sig.params.len() - 1;
    let Some(format) = args.get(first_arg - 1).and_then(|&a| string_constant(v, a)) else {
        return;
    };
    let name = full_name(v, f);
    if !format.contains(&b'%') {
        if args.len() > first_arg {
            let msg = format!("{name} call has arguments but no formatting directives");
            v.report(Check::Printf, lparen, msg);
        }
        return;
    }
    let (mut arg_num, mut max_arg_num) = (first_arg, first_arg);
    let (mut any_index, mut any_w) = (false, false);
    let mut i = 0;
    while i < format.len() {
        if format[i] != b'%' {
            i += 1;
            continue;
        }
        let Some(d) = parse_directive(v, call, &name, &format[i..], first_arg, arg_num) else {
            return;
        };
        i += d.text.len();
        if !arg_fits(v, call, &name, first_arg, &d) {
            return;
        }
        any_index |= d.has_index;
        if d.verb == 'w' {
            let msg = if kind != Kind::Errorf {
                format!("{name} does not support error-wrapping directive %w")
            } else if any_w {
                format!("{name} call has more than one error-wrapping directive %w")
            } else {
                String::new()
            };
            if !msg.is_empty() {
                v.report(Check::Printf, ast.first_byte(call), msg);
                return;
            }
            any_w = true;
        }
        if let Some(&last) = d.arg_nums.last() {
            arg_num = last + 1;
        }
        for &n in &d.arg_nums {
            max_arg_num = max_arg_num.max(n + 1);
        }
    }
    // With `args...` or an indexed operand, how many there are is not known, or may be more.
    if (dots && max_arg_num + 1 >= args.len()) || any_index {
        return;
    }
    if max_arg_num != args.len() {
        let (expect, have) = (max_arg_num - first_arg, args.len() - first_arg);
        let msg = format!(
            "{name} call needs {} but has {}",
            count(expect, "arg"),
            count(have, "arg")
        );
        v.report(Check::Printf, ast.first_byte(call), msg);
    }
}

/// Reads the directive at the start of `format` (vet's `parsePrintfVerb`); reports and gives
/// `None` if it is malformed.
fn parse_directive(
    v: &mut Vet,
    call: ExprId,
    name: &str,
    format: &[u8],
    first_arg: usize,
    arg_num: usize,
) -> Option<Directive> {
    let ch = v.ch;
    let ast = &ch.ast;
    let ExprKind::Call { args, .. } = ast.expr(call).kind else {
        return None;
    };
    let nargs = args.len as usize;
    let pos = ast.first_byte(call);
    let mut p = DirectiveParser {
        format,
        at: 1,
        flags: Vec::new(),
        arg_nums: Vec::new(),
        arg_num,
        has_index: false,
        index_pending: false,
    };
    while let Some(&c) = format.get(p.at).filter(|c| b"#0+- ".contains(c)) {
        p.flags.push(c);
        p.at += 1;
    }
    let mut index = |p: &mut DirectiveParser| match p.index(first_arg, nargs) {
        Ok(()) => Some(()),
        Err(msg) => {
            v.report(Check::Printf, pos, format!("{name} format {msg}"));
            None
        }
    };
    index(&mut p)?;
    p.num();
    if format.get(p.at) == Some(&b'.') {
        p.flags.push(b'.');
        p.at += 1;
        index(&mut p)?;
        p.num();
    }
    if !p.index_pending {
        index(&mut p)?;
    }
    let text = |end: usize| String::from_utf8_lossy(&format[..end]).into_owned();
    if p.at == format.len() {
        let msg = format!(
            "{name} format {} is missing verb at end of string",
            text(p.at)
        );
        v.report(Check::Printf, pos, msg);
        return None;
    }
    let (verb, width) = decode_rune(&format[p.at..]);
    p.at += width;
    if verb != '%' {
        p.arg_nums.push(p.arg_num);
    }
    Some(Directive {
        verb,
        text: text(p.at),
        flags: p.flags,
        arg_nums: p.arg_nums,
        arg_num: p.arg_num,
        has_index: p.has_index,
    })
}

/// The state of [`parse_directive`].
struct DirectiveParser<'a> {
    format: &'a [u8],
    /// Bytes read.
    at: usize,
    flags: Vec<u8>,
    arg_nums: Vec<usize>,
    arg_num: usize,
    has_index: bool,
    index_pending: bool,
}

impl DirectiveParser<'_> {
    /// An argument index `[n]`, if there is one; `Err` with vet's message when it is bad.
    fn index(&mut self, first_arg: usize, nargs: usize) -> Result<(), String> {
        if self.format.get(self.at) != Some(&b'[') {
            return Ok(());
        }
        self.at += 1;
        let start = self.at;
        self.digits();
        let mut ok = true;
        if self.format.get(self.at) != Some(&b']') || self.at == start {
            ok = false;
            match self.format.iter().position(|&c| c == b']') {
                Some(close) => self.at = close,
                None => {
                    let text = String::from_utf8_lossy(self.format);
                    return Err(format!("{text} is missing closing ]"));
                }
            }
        }
        let digits = self.format.get(start..self.at).unwrap_or_default();
        let n = std::str::from_utf8(digits)
            .ok()
            .and_then(|s| s.parse::<i32>().ok());
        match n {
            Some(n) if ok && n > 0 && (n as usize) <= nargs.saturating_sub(first_arg) => {
                self.at += 1;
                self.arg_num = n as usize + first_arg - 1;
                self.has_index = true;
                self.index_pending = true;
                Ok(())
            }
            _ => Err(format!(
                "has invalid argument index [{}]",
                String::from_utf8_lossy(digits)
            )),
        }
    }

    /// A width or precision: digits, or `*`, which takes an operand.
    fn num(&mut self) {
        if self.format.get(self.at) == Some(&b'*') {
            self.index_pending = false;
            self.at += 1;
            self.arg_nums.push(self.arg_num);
            self.arg_num += 1;
        } else {
            self.digits();
        }
    }

    fn digits(&mut self) {
        while self.format.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }
}

/// Whether directive `d`'s operands fit it (vet's `okPrintfArg`); reports the first that
/// does not.
fn arg_fits(v: &mut Vet, call: ExprId, name: &str, first_arg: usize, d: &Directive) -> bool {
    let ch = v.ch;
    let ast = &ch.ast;
    let ExprKind::Call { args, .. } = ast.expr(call).kind else {
        return false;
    };
    let args = ast.list(args);
    let pos = ast.first_byte(call);
    let verb = VERBS.iter().find(|(c, ..)| char::from(*c) == d.verb);
    let takes = verb.map_or(0, |&(_, _, t)| t);
    // An operand that may have a Format method formats itself.
    let formatter = takes != ARG_ERROR
        && args
            .get(d.arg_num)
            .is_some_and(|&a| is_formatter(v, operand_type(v.ch, a)));
    let text = &d.text;
    if !formatter {
        let Some(&(_, known, _)) = verb else {
            let msg = format!("{name} format {text} has unknown verb {}", d.verb);
            v.report(Check::Printf, pos, msg);
            return false;
        };
        let unknown_flag = d
            .flags
            .iter()
            .find(|&&f| f != b'0' && !known.as_bytes().contains(&f));
        if let Some(&flag) = unknown_flag {
            let flag = char::from(flag);
            let msg = format!("{name} format {text} has unrecognized flag {flag}");
            v.report(Check::Printf, pos, msg);
            return false;
        }
    }
    // The operands of `*` must be integers; the verb's is the last.
    let operands = d.arg_nums.len().saturating_sub(usize::from(d.verb != '%'));
    for i in 0..operands {
        if !operand_present(v, call, name, first_arg, d, i) {
            return false;
        }
        let arg = args[d.arg_nums[i]];
        if let Err(reason) = match_arg(v, ARG_INT, arg) {
            let msg = format!(
                "{name} format {text} uses non-int {} as argument of *{reason}",
                ast.expr_go_string(arg)
            );
            v.report(Check::Printf, pos, msg);
            return false;
        }
    }
    if d.verb == '%' || formatter {
        return true;
    }
    if !operand_present(v, call, name, first_arg, d, d.arg_nums.len() - 1) {
        return false;
    }
    let arg = args[*d.arg_nums.last().expect("a verb's operand")];
    let shown = ast.expr_go_string(arg);
    if is_func_value(v, arg) && d.verb != 'p' && d.verb != 'T' {
        let msg = format!("{name} format {text} arg {shown} is a func value, not called");
        v.report(Check::Printf, pos, msg);
        return false;
    }
    if let Err(reason) = match_arg(v, takes, arg) {
        let ty = ch.type_string_by_path(operand_type(v.ch, arg), MAIN_PATH);
        let msg = format!("{name} format {text} has arg {shown} of wrong type {ty}{reason}");
        v.report(Check::Printf, pos, msg);
        return false;
    }
    if takes & ARG_STRING != 0 && d.verb != 'T' && !d.flags.contains(&b'#') {
        if let Some(method) = recursive_stringer(v, arg) {
            let msg = format!(
                "{name} format {text} with arg {shown} causes recursive {method} method call"
            );
            v.report(Check::Printf, pos, msg);
            return false;
        }
    }
    true
}

/// Whether operand `i` of directive `d` is in the call (vet's `argCanBeChecked`): reports a
/// missing one; `false` too when `args...` hides it.
fn operand_present(
    v: &mut Vet,
    call: ExprId,
    name: &str,
    first_arg: usize,
    d: &Directive,
    i: usize,
) -> bool {
    let ch = v.ch;
    let ast = &ch.ast;
    let ExprKind::Call { args, dots, .. } = ast.expr(call).kind else {
        return false;
    };
    let nargs = args.len as usize;
    let n = d.arg_nums[i];
    if n + 1 < nargs {
        return true;
    }
    if dots {
        return false;
    }
    if n < nargs {
        return true;
    }
    let msg = format!(
        "{name} format {} reads arg #{}, but call has {}",
        d.text,
        n - first_arg + 1,
        count(nargs - first_arg, "arg")
    );
    v.report(Check::Printf, ast.first_byte(call), msg);
    false
}

/// Whether a verb that prints `takes` can print operand `arg` (vet's `matchArgType`); `Err`
/// holds the details vet adds to its message (none, for the types chanlab checks).
fn match_arg(v: &Vet, takes: ArgTypes, arg: ExprId) -> Result<(), String> {
    if takes == ANY_TYPE {
        return Ok(());
    }
    let ty = operand_type(v.ch, arg);
    if ty == TypeId::INVALID {
        return Ok(());
    }
    let mut m = ArgMatcher {
        v,
        takes,
        seen: Vec::new(),
    };
    if m.matches(ty, true) {
        Ok(())
    } else {
        Err(String::new())
    }
}

/// vet's `argMatcher`: matches a type against what a verb prints, through the elements of
/// composite types.
struct ArgMatcher<'a, 'b> {
    v: &'a Vet<'b>,
    takes: ArgTypes,
    seen: Vec<TypeId>,
}

impl ArgMatcher<'_, '_> {
    fn matches(&mut self, ty: TypeId, top_level: bool) -> bool {
        let v = self.v;
        let types = &v.ch.types;
        let takes = self.takes;
        if takes == ARG_ERROR {
            return types.get(ty) == &Type::Basic(BasicKind::UntypedNil) || is_error(v, ty);
        }
        if is_formatter(v, ty) || (takes & ARG_STRING != 0 && converts_to_string(v, ty)) {
            return true;
        }
        if matches!(types.get(ty), Type::TypeParam(_)) {
            // Whether every type of its type set fits is not checked.
            return true;
        }
        // vet remembers the types it has met by identity, and go/types makes a new object
        // for each composite type written out, but reaches a named type's underlying one
        // through it: so only those are met again (which ends the recursion of `type T
        // struct{ next *T }`, whose field `*T` is not met twice).
        let named = types.is_named(ty);
        let ty = types.under(ty);
        if named {
            if self.seen.contains(&ty) {
                return true;
            }
            self.seen.push(ty);
        }
        let is_byte = |e: TypeId| types.under(e) == TypeId::UINT8;
        match types.get(ty) {
            Type::Func(_) => takes == ARG_POINTER,
            Type::Map(k, e) => {
                takes == ARG_POINTER || (self.matches(*k, false) && self.matches(*e, false))
            }
            Type::Chan(..) => takes & ARG_POINTER != 0,
            Type::Array(_, e) => {
                (is_byte(*e) && takes & ARG_STRING != 0) || self.matches(*e, false)
            }
            Type::Slice(e) => {
                (is_byte(*e) && takes & ARG_STRING != 0)
                    || takes == ARG_POINTER
                    || self.matches(*e, false)
            }
            Type::Pointer(e) => {
                if takes == ARG_POINTER || matches!(types.get(*e), Type::TypeParam(_)) {
                    return true;
                }
                let under = types.under(*e);
                match types.get(under) {
                    // A pointer to a composite prints as its target, at the top only.
                    Type::Struct(_) | Type::Array(..) | Type::Slice(_) | Type::Map(..) => {
                        top_level && self.matches(under, false)
                    }
                    _ => takes & ARG_POINTER != 0,
                }
            }
            Type::Struct(fields) => fields.iter().all(|f| {
                let exported = crate::golang::types::lookup::is_exported(v.ch.name(f.name));
                self.matches(f.ty, false)
                    && !(takes & ARG_STRING != 0 && !exported && converts_to_string(v, f.ty))
            }),
            Type::Interface(_) => true,
            Type::Basic(k) => {
                use BasicKind::*;
                match k {
                    UntypedBool | Bool => takes & ARG_BOOL != 0,
                    UntypedInt | Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16
                    | Uint32 | Uint64 | Uintptr => takes & ARG_INT != 0,
                    UntypedFloat | Float32 | Float64 => takes & ARG_FLOAT != 0,
                    UntypedComplex | Complex64 | Complex128 => takes & ARG_COMPLEX != 0,
                    UntypedString | String => takes & ARG_STRING != 0,
                    UntypedRune => takes & (ARG_INT | ARG_RUNE) != 0,
                    UntypedNil => false,
                    Invalid => true,
                }
            }
            Type::Tuple(_) | Type::Named(_) | Type::TypeParam(_) => false,
        }
    }
}

/// Checks a call of a function without a format (vet's `checkPrint`).
fn check_print(v: &mut Vet, call: ExprId, f: ObjId) {
    let ch = v.ch;
    let ast = &ch.ast;
    let ExprKind::Call { fun, args, .. } = ast.expr(call).kind else {
        return;
    };
    let Some(sig) = ch.types.signature(ch.info.type_of(fun)) else {
        return;
    };
    let Some(&last_param) = sig.params.last() else {
        return;
    };
    if !sig.variadic || !is_empty_interface_slice(v, last_param) {
        return;
    }
    let first_arg = sig.params.len() - 1;
    let all = ast.list(args);
    if all.len() <= first_arg {
        return;
    }
    let args = &all[first_arg..];
    let name = full_name(v, f);
    let pos = ast.first_byte(call);
    if first_arg == 0 {
        if let ExprKind::Selector { x, sel } = ast.expr(all[0]).kind {
            if ast.ident_str(x) == "os" && ast.ident_str(sel).starts_with("Std") {
                let msg = format!(
                    "{name} does not take io.Writer but has first arg {}",
                    ast.expr_go_string(all[0])
                );
                v.report(Check::Printf, pos, msg);
            }
        }
    }
    if let Some(s) = string_constant(v, args[0]) {
        // A `%` at the end cannot start a directive ("0.0%").
        let s = s.strip_suffix(b"%").unwrap_or(&s);
        if let Some(directive) = possible_directive(s) {
            let directive = String::from_utf8_lossy(directive);
            let msg = format!("{name} call has possible formatting directive {directive}");
            v.report(Check::Printf, pos, msg);
        }
    }
    if ch.name(ch.obj(f).name).ends_with("ln") {
        let last = string_constant(v, args[args.len() - 1]);
        if last.is_some_and(|s| s.ends_with(b"\n")) {
            let msg = format!("{name} arg list ends with redundant newline");
            v.report(Check::Printf, pos, msg);
        }
    }
    for &arg in args {
        if is_func_value(v, arg) {
            let msg = format!(
                "{name} arg {} is a func value, not called",
                ast.expr_go_string(arg)
            );
            v.report(Check::Printf, pos, msg);
        }
        if let Some(method) = recursive_stringer(v, arg) {
            let msg = format!(
                "{name} arg {} causes recursive call to {method} method",
                ast.expr_go_string(arg)
            );
            v.report(Check::Printf, pos, msg);
        }
    }
}

/// The first text in `s` that vet takes for a formatting directive (its `printFormatRE`,
/// `%[+\-#]*(N|([N])?\*)?\.?(N|([N])?\*)?([N])?[bcdefgopqstvxEFGTUX]`, matched as a
/// backtracking matcher would, leftmost first).
fn possible_directive(s: &[u8]) -> Option<&[u8]> {
    const VERB_LETTERS: &[u8] = b"bcdefgopqstvxEFGTUX";
    // The places where an optional width or precision can end, in the order the matcher
    // tries them: digits, an index and `*`, `*`, nothing. Fewer digits than all of them
    // never match where all do not (what follows cannot start with a digit but a second
    // number, which takes the rest and ends where the first would), so only all are tried,
    // and the work stays linear in the string.
    let num_ends = |i: usize| {
        let digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut ends: Vec<usize> = (digits > 0).then_some(i + digits).into_iter().collect();
        if let Some(j) = index_end(s, i).filter(|&j| s.get(j) == Some(&b'*')) {
            ends.push(j + 1);
        }
        if s.get(i) == Some(&b'*') {
            ends.push(i + 1);
        }
        ends.push(i);
        ends
    };
    for start in (0..s.len()).filter(|&i| s[i] == b'%') {
        let flags = s[start + 1..]
            .iter()
            .take_while(|c| b"+-#".contains(c))
            .count();
        for a in num_ends(start + 1 + flags) {
            let dots = if s.get(a) == Some(&b'.') {
                vec![a + 1, a]
            } else {
                vec![a]
            };
            for b in dots {
                for c in num_ends(b) {
                    for d in index_end(s, c).into_iter().chain([c]) {
                        if s.get(d).is_some_and(|v| VERB_LETTERS.contains(v)) {
                            return Some(&s[start..=d]);
                        }
                    }
                }
            }
        }
    }
    None
}

/// The end of an argument index `[N]` at `i`, if there is one.
fn index_end(s: &[u8], i: usize) -> Option<usize> {
    if s.get(i) != Some(&b'[') {
        return None;
    }
    let digits = s[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0 && s.get(i + 1 + digits) == Some(&b']')).then_some(i + digits + 2)
}

/// `e`, an operand of a print call, inside the body of a `String` or `Error` method of its
/// own type, is the method's receiver (or its address): printing it calls the method again
/// (vet's `recursiveStringer`). The method's full name.
fn recursive_stringer(v: &Vet, e: ExprId) -> Option<String> {
    let ch = v.ch;
    let ast = &ch.ast;
    let ty = operand_type(v.ch, e);
    if is_formatter(v, ty) {
        return None;
    }
    let inside = |method: &str| {
        let m = value_method(v, ty, method)?;
        let Found::Method(m) = m.0 else {
            return None;
        };
        let obj = ch.obj(m);
        let decl = obj.func()?.decl?;
        let Decl::Func(fd) = ast.decl(decl) else {
            return None;
        };
        let StmtKind::Block { rbrace, .. } = ast.stmt(fd.body?).kind else {
            return None;
        };
        let at = ast.first_byte(e);
        (obj.pkg == Some(ch.main) && (fd.pos..=rbrace).contains(&at)).then_some(m)
    };
    let m = inside("String").or_else(|| inside("Error"))?;
    let sig = ch.types.signature(ch.obj(m).ty)?;
    if !(sig.params.is_empty() && sig.results == [TypeId::STRING]) {
        return None;
    }
    let e = match ast.expr(e).kind {
        ExprKind::Unary { op: Op::And, x } => x,
        _ => e,
    };
    let receiver = ch.obj(m).func()?.recv;
    let is_receiver = matches!(ast.expr(e).kind, ExprKind::Ident(_))
        && ch.info.use_of(e).is_some()
        && ch.info.use_of(e) == receiver;
    is_receiver.then(|| full_name(v, m))
}

/// The method `name` in the method set of `ty` (a method with a pointer receiver only
/// through a pointer), with its signature.
fn value_method(v: &Vet, ty: TypeId, name: &str) -> Option<(Found, TypeId)> {
    let ch = v.ch;
    let name = ch.ast.names.lookup(name)?;
    let l = ch.lookup_ctx().lookup(ty, name, false);
    match l.found? {
        Found::Method(m) => {
            let obj = ch.obj(m);
            let needs_pointer = obj.func().is_some_and(|f| f.ptr_recv) && !l.indirect;
            (!needs_pointer).then_some((Found::Method(m), obj.ty))
        }
        found @ Found::IfaceMethod { iface, index } => {
            let sig = ch.types.interface(iface)?.methods.get(index as usize)?.sig;
            Some((found, sig))
        }
        Found::Field { .. } => None,
    }
}

/// Whether a value of `ty` may have a `Format(fmt.State, rune)` method: an interface may
/// hold one (vet's `isFormatter`).
fn is_formatter(v: &Vet, ty: TypeId) -> bool {
    let ch = v.ch;
    if !matches!(ch.types.get(ty), Type::TypeParam(_)) && ch.types.interface(ty).is_some() {
        return true;
    }
    let Some((_, sig)) = value_method(v, ty, "Format") else {
        return false;
    };
    let Some(sig) = ch.types.signature(sig) else {
        return false;
    };
    let is_state = |t: TypeId| {
        ch.types.named(t).is_some_and(|n| {
            let obj = ch.obj(n.obj);
            ch.name(obj.name) == "State"
                && obj
                    .pkg
                    .is_some_and(|p| ch.packages[p.0 as usize].path == "fmt")
        })
    };
    sig.params.len() == 2
        && sig.results.is_empty()
        && is_state(sig.params[0])
        && sig.params[1] == TypeId::INT32
}

/// Whether a value of `ty` has a method `name() string`.
fn has_string_method(v: &Vet, ty: TypeId, name: &str) -> bool {
    value_method(v, ty, name)
        .and_then(|(_, sig)| v.ch.types.signature(sig))
        .is_some_and(|sig| sig.params.is_empty() && sig.results == [TypeId::STRING])
}

/// Whether `ty` converts to `error`.
pub(super) fn is_error(v: &Vet, ty: TypeId) -> bool {
    has_string_method(v, ty, "Error")
}

/// Whether a value of `ty` prints through an `Error` or `String` method (vet's
/// `isConvertibleToString`).
fn converts_to_string(v: &Vet, ty: TypeId) -> bool {
    v.ch.types.get(ty) != &Type::Basic(BasicKind::UntypedNil)
        && (is_error(v, ty) || has_string_method(v, ty, "String"))
}

/// Whether `e` is a function value, not a call's result.
fn is_func_value(v: &Vet, e: ExprId) -> bool {
    matches!(v.ch.types.get(operand_type(v.ch, e)), Type::Func(_))
}

/// Whether `t` is `[]interface{}` (the type of a `...interface{}` parameter).
fn is_empty_interface_slice(v: &Vet, t: TypeId) -> bool {
    let types = &v.ch.types;
    let Type::Slice(elem) = types.get(t) else {
        return false;
    };
    matches!(types.get(*elem), Type::Interface(i) if i.methods.is_empty() && i.terms.is_none())
}

/// The value of `e` if it is a constant string.
fn string_constant(v: &Vet, e: ExprId) -> Option<Vec<u8>> {
    match v.ch.info.constant(e)? {
        ConstValue::Str(s) => Some(s.to_vec()),
        _ => None,
    }
}

/// The first character of `s` as Go decodes it (an invalid byte is U+FFFD, one byte long).
fn decode_rune(s: &[u8]) -> (char, usize) {
    let len = match s[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    match s.get(..len).and_then(|b| std::str::from_utf8(b).ok()) {
        Some(text) => (text.chars().next().unwrap_or('\u{fffd}'), len),
        None => ('\u{fffd}', 1),
    }
}

/// `1 arg`, `2 args`.
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[cfg(test)]
mod tests {
    use super::possible_directive;

    /// What Go's regexp (vet's `printFormatRE`) finds in each string, from Go 1.19.
    #[test]
    fn directives_are_found_as_vets_regexp_finds_them() {
        for (s, want) in [
            ("n = %d", "%d"),
            ("%[1]d", "%[1]d"),
            ("%12.34[5]*x", ""),
            ("%*[2]d", "%*[2]d"),
            ("50% off %", ""),
            ("%%v", "%v"),
            ("%1[2]3d %5.d", "%5.d"),
            ("%+-#08.3f", "%+-#08.3f"),
            ("100%", ""),
            ("%[1]*.[2]*[3]v", "%[1]*.[2]*[3]v"),
            ("% d %x", "%x"),
        ] {
            let got = possible_directive(s.as_bytes()).unwrap_or_default();
            assert_eq!(String::from_utf8_lossy(got), want, "{s}");
        }
    }
}
