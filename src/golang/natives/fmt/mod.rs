//! Go's `fmt` formatting engine: `Sprintf`, `Sprint`, `Sprintln` (and so `Printf`, `Errorf`,
//! `Fprintln`…) over the interpreter's values, printing what Go 1.19 prints.
//!
//! An operand is an element of Go's `...any`: `Value::Nil` (the nil interface) or a
//! `Value::Iface` with its dynamic type. The printer walks values by their run-time type
//! ([`Types`]), as Go's walks them by reflection:
//!
//! - [`format`]: one operand's text under its verb's flags, width and precision;
//! - [`walk`]: values by kind (structs, slices, maps, pointers), calling `Error` and
//!   `String` methods where Go would;
//! - [`sort`]: map keys in Go's `internal/fmtsort` order;
//! - this module: the format string, operands, and Go's error forms (`%!d(string=hi)`,
//!   `%!(EXTRA int=1)`, `%!d(MISSING)`, `%!v(PANIC=String method: boom)`).
//!
//! Where Go prints a machine address (`%p`, pointers nested in values, channels, funcs), the
//! printer prints a plausible `0xc…` from the value's identity: stable within a run, never
//! Go's own number.
//!
//! # Deviations
//! - None in the methods fmt calls: `Format` (a `Formatter`'s), `Error`, `String` and
//!   `GoString`, as Go's `handleMethods` chooses.
//! - Map keys of interface type with different dynamic types sort by type id; Go sorts them
//!   by the address of their type descriptors, which no program can predict either.

mod format;
mod sort;
mod walk;

use crate::golang::vm::types::{IntKind, Kind, Types, ERROR_METHOD};
use crate::golang::vm::value::{TypeId, Value};

use format::{Flags, Fmt};

/// What fmt needs from the interpreter: the program's types, and calling a value's `Error()`
/// or `String()` method (an interpreted Go method).
pub trait FmtHost {
    fn types(&self) -> &Types;
    /// If the method set of type `ty` has `Error() string` (preferred) or `String() string`,
    /// calls it on `v` and returns its result (`Ok(bytes)`) or the panic it raised
    /// (`Err(text of the panic value)`); `None` if it has neither. (Go checks error first,
    /// then Stringer.)
    fn text_method(&mut self, ty: TypeId, v: &Value) -> Option<MethodResult>;
    /// The same for `GoString() string`, which `%#v` calls.
    fn go_string_method(&mut self, ty: TypeId, v: &Value) -> Option<MethodResult>;
    /// What prints in place of `v`, of struct type `ty`, and its type, if something does: a
    /// library type whose state the runtime keeps prints as Go declares it.
    fn view(&self, _ty: TypeId, _v: &Value) -> Option<(TypeId, Value)> {
        None
    }
    /// If type `ty` is a `fmt.Formatter`, calls its `Format` method on `v` for `verb` with a
    /// `fmt.State` of `state`, and returns what it wrote (or the text of its panic).
    fn format_method(
        &mut self,
        ty: TypeId,
        v: &Value,
        verb: char,
        state: &FormatState,
    ) -> Option<MethodResult>;
}

/// What a method the printer called gave: its text, or how it panicked.
pub type MethodResult = Result<Vec<u8>, MethodPanic>;

/// A method the printer called that panicked.
#[derive(Debug)]
pub struct MethodPanic {
    /// What it had written (a `Format` method writes as it goes).
    pub written: Vec<u8>,
    /// The text of its panic value; none for `panic(nil)`, which Go's printer lets pass.
    pub value: Option<String>,
}

impl From<String> for MethodPanic {
    fn from(value: String) -> Self {
        MethodPanic {
            written: Vec::new(),
            value: Some(value),
        }
    }
}

/// What a `Formatter`'s `fmt.State` tells it: the verb's flags (those of ` +-#0` set), width
/// and precision.
pub struct FormatState {
    pub flags: String,
    /// The width and whether the verb gave one. Go keeps the width of an earlier verb when a
    /// plain `%v` gives none, and a Formatter sees it (`Width` answers it with false).
    pub wid: (i64, bool),
    /// The precision, likewise.
    pub prec: (i64, bool),
}

/// `fmt.Sprintf`.
pub fn sprintf(host: &mut dyn FmtHost, format: &[u8], args: &[Value]) -> Vec<u8> {
    let mut p = Printer::new(host);
    p.do_printf(format, args);
    p.out.buf
}

/// `fmt.Errorf`'s text, and which operand its `%w` wrapped (the error `errors.Unwrap`
/// returns), if one did.
pub fn errorf(host: &mut dyn FmtHost, format: &[u8], args: &[Value]) -> (Vec<u8>, Option<usize>) {
    let mut p = Printer::new(host);
    p.wrap_errs = true;
    p.do_printf(format, args);
    (p.out.buf, p.wrapped)
}

/// `fmt.Sprint`: operands in their `%v` form, with a space between two operands when
/// neither is a string.
pub fn sprint(host: &mut dyn FmtHost, args: &[Value]) -> Vec<u8> {
    let mut p = Printer::new(host);
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let is_string = p.is_string(arg);
        if i > 0 && !is_string && !prev_string {
            p.out.buf.push(b' ');
        }
        p.print_arg(arg, 'v', i);
        prev_string = is_string;
    }
    p.out.buf
}

/// `fmt.Sprintln`: operands in their `%v` form, separated by spaces, and a newline.
pub fn sprintln(host: &mut dyn FmtHost, args: &[Value]) -> Vec<u8> {
    let mut p = Printer::new(host);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            p.out.buf.push(b' ');
        }
        p.print_arg(arg, 'v', i);
    }
    p.out.buf.push(b'\n');
    p.out.buf
}

/// The operand a bad verb reports (`%!d(TYPE=VALUE)`).
#[derive(Clone, Copy)]
enum Operand<'a> {
    /// An operand of the call: nil, or an interface value, printed as one.
    Arg(&'a Value),
    /// A value met while walking an operand, with its static type.
    Val(TypeId, &'a Value),
}

/// Go's `pp`: the state of one formatting call.
struct Printer<'h> {
    host: &'h mut dyn FmtHost,
    out: Fmt,
    /// Printing a bad verb's operand: methods are not called again.
    erroring: bool,
    /// Printing the value a method panicked with.
    panicking: bool,
    /// `Errorf`: `%w` is allowed, once.
    wrap_errs: bool,
    wrapped: Option<usize>,
}

impl<'h> Printer<'h> {
    fn new(host: &'h mut dyn FmtHost) -> Self {
        Printer {
            host,
            out: Fmt::default(),
            erroring: false,
            panicking: false,
            wrap_errs: false,
            wrapped: None,
        }
    }

    fn types(&self) -> &Types {
        self.host.types()
    }

    fn type_name(&self, ty: TypeId) -> String {
        self.types().name(ty).to_string()
    }

    fn is_string(&self, arg: &Value) -> bool {
        match arg {
            Value::Iface(i) => matches!(self.types().get(i.ty).kind, Kind::String),
            _ => false,
        }
    }

    /// Whether `ty`'s method set has method `name`.
    fn has_method(&self, ty: TypeId, name: &str) -> bool {
        let t = self.types();
        t.find_method_id(name)
            .is_some_and(|m| t.method(ty, m).is_some())
    }

    /// Go's `printArg`: one operand of the call under `verb`; `index` is its position, for
    /// `%w`.
    fn print_arg(&mut self, arg: &Value, verb: char, index: usize) {
        let Value::Iface(iface) = arg else {
            match verb {
                'T' | 'v' => self.out.pad(b"<nil>"),
                _ => self.bad_verb(verb, Operand::Arg(arg)),
            }
            return;
        };
        let (ty, val) = (iface.ty, &iface.val);
        match verb {
            'T' => {
                let name = self.type_name(ty);
                self.out.fmt_s(name.as_bytes());
                return;
            }
            'p' => {
                self.fmt_pointer(ty, val, 'p', Operand::Arg(arg));
                return;
            }
            _ => {}
        }
        if &*self.types().get(ty).name == "reflect.Value" {
            self.print_reflect_value(val, verb, index);
            return;
        }
        if self.prints_without_methods(ty) {
            // `%w` of such an operand is a bad verb that leaves what `Errorf` wraps alone.
            self.print_value(ty, val, verb, 0, true);
            return;
        }
        if !self.handle_methods(ty, val, verb, Some(index), Operand::Arg(arg)) {
            self.print_value(ty, val, verb, 0, true);
        }
    }

    /// An operand that is a `reflect.Value` (fields: its type id, its value as an interface,
    /// its address, whether it came through an unexported field) prints the value it holds,
    /// as Go's fmt does, with the value's methods unless it came through an unexported field.
    fn print_reflect_value(&mut self, v: &Value, verb: char, index: usize) {
        let fields = v.elems();
        let (held, addr, ro) = match fields.as_slice() {
            [_, Value::Iface(held), addr, ro, ..] => (held, addr, ro.as_bool()),
            _ => {
                self.out.fmt_s(b"<invalid reflect.Value>");
                return;
            }
        };
        // An addressable Value holds what is stored where it lives now.
        let inner = match addr {
            Value::Iface(a) => match &a.val {
                Value::Ptr(p) => p.load(),
                _ => held.val.clone(),
            },
            _ => held.val.clone(),
        };
        let ty = held.ty;
        // The methods of what `Interface` returns: an interface's own value, for a Value of
        // interface type.
        let with_methods = match (&self.types().get(ty).kind, &inner) {
            (Kind::Interface { .. }, Value::Iface(d)) => Some((d.ty, d.val.clone())),
            (Kind::Interface { .. }, _) => None,
            _ => Some((ty, inner.clone())),
        };
        if let Some((mty, mval)) = with_methods.filter(|_| !ro) {
            if self.handle_methods(mty, &mval, verb, Some(index), Operand::Val(mty, &mval)) {
                return;
            }
        }
        self.print_value(ty, &inner, verb, 0, true);
    }

    /// Whether Go's `printArg` prints an operand of type `ty` itself, without looking for
    /// its methods: an unnamed basic type or `[]byte`.
    fn prints_without_methods(&self, ty: TypeId) -> bool {
        let t = self.types().get(ty);
        let bytes = matches!(t.kind, Kind::Slice { elem } if self.is_byte(elem));
        (t.kind.is_basic() || bytes) && !t.named
    }

    /// Whether `ty` is `byte` (or another type whose underlying type is `uint8`).
    fn is_byte(&self, ty: TypeId) -> bool {
        self.types().get(ty).kind == Kind::Int(IntKind::Uint8)
    }

    /// Go's `handleMethods`: `%w`, and `Error` or `String` for the verbs that print strings.
    /// True when it printed the operand.
    fn handle_methods(
        &mut self,
        ty: TypeId,
        val: &Value,
        verb: char,
        index: Option<usize>,
        operand: Operand,
    ) -> bool {
        if self.erroring {
            return false;
        }
        let mut verb = verb;
        if verb == 'w' {
            let is_error = self.has_method(ty, ERROR_METHOD);
            if !is_error || !self.wrap_errs || self.wrapped.is_some() {
                self.wrapped = None;
                self.wrap_errs = false;
                self.bad_verb(verb, operand);
                return true;
            }
            self.wrapped = index;
            verb = 'v';
        }
        let f = &self.out.f;
        let state = FormatState {
            flags: [
                (' ', f.space),
                ('+', f.plus || f.plus_v),
                ('-', f.minus),
                ('#', f.sharp || f.sharp_v),
                ('0', f.zero),
            ]
            .into_iter()
            .filter_map(|(c, set)| set.then_some(c))
            .collect(),
            wid: (f.wid, f.wid_present),
            prec: (f.prec, f.prec_present),
        };
        match self.host.format_method(ty, val, verb, &state) {
            None => {}
            Some(Ok(text)) => {
                self.out.buf.extend_from_slice(&text);
                return true;
            }
            Some(Err(panic)) => {
                self.catch_panic(ty, val, verb, "Format", panic);
                return true;
            }
        }
        if self.out.f.sharp_v {
            // A GoStringer's text, unadorned.
            return match self.host.go_string_method(ty, val) {
                None => false,
                Some(Ok(text)) => {
                    self.out.fmt_s(&text);
                    true
                }
                Some(Err(panic)) => {
                    self.catch_panic(ty, val, verb, "GoString", panic);
                    true
                }
            };
        }
        if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return false;
        }
        let method = if self.has_method(ty, ERROR_METHOD) {
            "Error"
        } else {
            "String"
        };
        match self.host.text_method(ty, val) {
            None => false,
            Some(Ok(text)) => {
                self.fmt_string(&text, verb, Operand::Val(ty, val));
                true
            }
            Some(Err(panic)) => {
                self.catch_panic(ty, val, verb, method, panic);
                true
            }
        }
    }

    /// Go's `catchPanic`: after what the method wrote, a method that panicked prints
    /// `%!v(PANIC=String method: text)`, or `<nil>` when it was called on a nil pointer, or
    /// nothing when it panicked with nil.
    fn catch_panic(
        &mut self,
        ty: TypeId,
        val: &Value,
        verb: char,
        method: &str,
        panic: MethodPanic,
    ) {
        self.out.buf.extend_from_slice(&panic.written);
        let Some(panic) = panic.value else {
            return;
        };
        if matches!(self.types().get(ty).kind, Kind::Pointer { .. }) && val.is_nil() {
            self.out.buf.extend_from_slice(b"<nil>");
            return;
        }
        let flags = std::mem::take(&mut self.out.f);
        self.out.buf.extend_from_slice(b"%!");
        push_char(&mut self.out.buf, verb);
        self.out.buf.extend_from_slice(b"(PANIC=");
        self.out.buf.extend_from_slice(method.as_bytes());
        self.out.buf.extend_from_slice(b" method: ");
        self.panicking = true;
        self.out.buf.extend_from_slice(panic.as_bytes());
        self.panicking = false;
        self.out.buf.push(b')');
        self.out.f = flags;
    }

    /// Go's `badVerb`: `%!verb(TYPE=VALUE)`, or `%!verb(<nil>)`.
    fn bad_verb(&mut self, verb: char, operand: Operand) {
        self.erroring = true;
        self.out.buf.extend_from_slice(b"%!");
        push_char(&mut self.out.buf, verb);
        self.out.buf.push(b'(');
        match operand {
            Operand::Arg(arg @ Value::Iface(i)) => {
                let name = self.type_name(i.ty);
                self.out.buf.extend_from_slice(name.as_bytes());
                self.out.buf.push(b'=');
                self.print_arg(arg, 'v', 0);
            }
            Operand::Val(ty, v) => {
                let name = self.type_name(ty);
                self.out.buf.extend_from_slice(name.as_bytes());
                self.out.buf.push(b'=');
                self.print_value(ty, v, 'v', 0, true);
            }
            Operand::Arg(_) => self.out.buf.extend_from_slice(b"<nil>"),
        }
        self.out.buf.push(b')');
        self.erroring = false;
    }

    fn fmt_bool(&mut self, v: bool, verb: char, operand: Operand) {
        match verb {
            't' | 'v' => self.out.fmt_boolean(v),
            _ => self.bad_verb(verb, operand),
        }
    }

    /// Go's `fmtInteger`: `u` is the value's bits, read as signed when `signed`.
    fn fmt_integer(&mut self, u: u64, signed: bool, verb: char, operand: Operand) {
        use format::{LDIGITS, UDIGITS};
        match verb {
            'v' if self.out.f.sharp_v && !signed => self.out.fmt_0x64(u, true),
            'v' | 'd' => self.out.fmt_integer(u, 10, signed, verb, LDIGITS),
            'b' => self.out.fmt_integer(u, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.out.fmt_integer(u, 8, signed, verb, LDIGITS),
            'x' => self.out.fmt_integer(u, 16, signed, verb, LDIGITS),
            'X' => self.out.fmt_integer(u, 16, signed, verb, UDIGITS),
            'c' => self.out.fmt_c(u),
            'q' => self.out.fmt_qc(u),
            'U' => self.out.fmt_unicode(u),
            _ => self.bad_verb(verb, operand),
        }
    }

    fn fmt_float(&mut self, v: f64, size: u32, verb: char, operand: Operand) {
        match verb {
            'v' => self.out.fmt_float(v, size, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.out.fmt_float(v, size, verb as u8, -1),
            'f' | 'e' | 'E' => self.out.fmt_float(v, size, verb as u8, 6),
            'F' => self.out.fmt_float(v, size, b'f', 6),
            _ => self.bad_verb(verb, operand),
        }
    }

    /// Go's `fmtComplex`: `(re+imi)`, each part formatted as a float of half the size, the
    /// imaginary part always with its sign.
    fn fmt_complex(&mut self, (re, im): (f64, f64), size: u32, verb: char, operand: Operand) {
        if !matches!(
            verb,
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
        ) {
            self.bad_verb(verb, operand);
            return;
        }
        let old_plus = self.out.f.plus;
        self.out.buf.push(b'(');
        self.fmt_float(re, size / 2, verb, operand);
        self.out.f.plus = true;
        self.fmt_float(im, size / 2, verb, operand);
        self.out.buf.extend_from_slice(b"i)");
        self.out.f.plus = old_plus;
    }

    fn fmt_string(&mut self, s: &[u8], verb: char, operand: Operand) {
        use format::{LDIGITS, UDIGITS};
        match verb {
            'v' if self.out.f.sharp_v => self.out.fmt_q(s),
            'v' | 's' => self.out.fmt_s(s),
            'x' => self.out.fmt_sx(s, LDIGITS),
            'X' => self.out.fmt_sx(s, UDIGITS),
            'q' => self.out.fmt_q(s),
            _ => self.bad_verb(verb, operand),
        }
    }

    /// Go's `doPrintf`.
    fn do_printf(&mut self, format: &[u8], args: &[Value]) {
        let end = format.len();
        let mut arg_num = 0usize;
        // The previous item was an explicit argument index like [3].
        let mut after_index;
        let mut reordered = false;
        let mut i = 0;
        'format: while i < end {
            let mut good_arg_num = true;
            let start = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            self.out.buf.extend_from_slice(&format[start..i]);
            if i >= end {
                break;
            }
            i += 1; // the '%'

            // Go's clearflags: the flags go, the width and precision stay until a verb sets
            // them (a Formatter can see an earlier verb's).
            let (wid, prec) = (self.out.f.wid, self.out.f.prec);
            self.out.f = Flags {
                wid,
                prec,
                ..Flags::default()
            };
            // Flags, and the common case of a lower-case verb right after them.
            while i < end {
                let c = format[i];
                match c {
                    b'#' => self.out.f.sharp = true,
                    b'0' => self.out.f.zero = !self.out.f.minus,
                    b'+' => self.out.f.plus = true,
                    b'-' => {
                        self.out.f.minus = true;
                        self.out.f.zero = false;
                    }
                    b' ' => self.out.f.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < args.len() {
                            if c == b'v' {
                                self.verb_v_flags();
                            }
                            self.print_arg(&args[arg_num], c as char, arg_num);
                            arg_num += 1;
                            i += 1;
                            continue 'format;
                        }
                        break;
                    }
                }
                i += 1;
            }

            let idx = arg_number(arg_num, format, i, args.len());
            (arg_num, i, after_index) = (idx.arg, idx.i, idx.found);
            reordered |= idx.reordered;
            good_arg_num &= idx.good;

            // Width.
            if i < end && format[i] == b'*' {
                i += 1;
                let (n, ok, next) = int_from_arg(self.types(), args, arg_num);
                arg_num = next;
                self.out.f.wid = n;
                self.out.f.wid_present = ok;
                if !ok {
                    self.out.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.out.f.wid < 0 {
                    self.out.f.wid = -self.out.f.wid;
                    self.out.f.minus = true;
                    self.out.f.zero = false;
                }
                after_index = false;
            } else {
                let (n, ok, next) = parse_num(format, i, end);
                (self.out.f.wid, self.out.f.wid_present, i) = (n, ok, next);
                if after_index && ok {
                    good_arg_num = false; // "%[3]2d"
                }
            }

            // Precision.
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false; // "%[3].2d"
                }
                let idx = arg_number(arg_num, format, i, args.len());
                (arg_num, i, after_index) = (idx.arg, idx.i, idx.found);
                reordered |= idx.reordered;
                good_arg_num &= idx.good;
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (n, ok, next) = int_from_arg(self.types(), args, arg_num);
                    arg_num = next;
                    self.out.f.prec = n;
                    self.out.f.prec_present = ok;
                    if n < 0 {
                        self.out.f.prec = 0;
                        self.out.f.prec_present = false;
                    }
                    if !self.out.f.prec_present {
                        self.out.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (n, ok, next) = parse_num(format, i, end);
                    i = next;
                    // "%.d" is precision 0.
                    self.out.f.prec = if ok { n } else { 0 };
                    self.out.f.prec_present = true;
                }
            }

            if !after_index {
                let idx = arg_number(arg_num, format, i, args.len());
                (arg_num, i) = (idx.arg, idx.i);
                reordered |= idx.reordered;
                good_arg_num &= idx.good;
            }

            if i >= end {
                self.out.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (verb, size) = if format[i] < 0x80 {
                (format[i] as char, 1)
            } else {
                let (r, n) = crate::golang::natives::utf8::decode_rune(&format[i..]);
                (char::from_u32(r as u32).unwrap_or('\u{FFFD}'), n)
            };
            i += size;

            if verb == '%' {
                // A literal percent takes no operand and ignores width and precision.
                self.out.buf.push(b'%');
            } else if !good_arg_num {
                self.bad_arg(verb, b"BADINDEX");
            } else if arg_num >= args.len() {
                self.bad_arg(verb, b"MISSING");
            } else {
                if verb == 'v' {
                    self.verb_v_flags();
                }
                self.print_arg(&args[arg_num], verb, arg_num);
                arg_num += 1;
            }
        }

        // Extra operands, unless the format picked operands by index.
        if !reordered && arg_num < args.len() {
            self.out.f = Flags::default();
            self.out.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, arg) in args[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.out.buf.extend_from_slice(b", ");
                }
                match arg {
                    Value::Iface(iface) => {
                        let name = self.type_name(iface.ty);
                        self.out.buf.extend_from_slice(name.as_bytes());
                        self.out.buf.push(b'=');
                        self.print_arg(arg, 'v', arg_num + k);
                    }
                    _ => self.out.buf.extend_from_slice(b"<nil>"),
                }
            }
            self.out.buf.push(b')');
        }
    }

    /// `%#v` and `%+v`: the flags move to their `v` forms.
    fn verb_v_flags(&mut self) {
        let f = &mut self.out.f;
        f.sharp_v = f.sharp;
        f.sharp = false;
        f.plus_v = f.plus;
        f.plus = false;
    }

    /// `%!verb(BADINDEX)`, `%!verb(MISSING)`.
    fn bad_arg(&mut self, verb: char, what: &[u8]) {
        self.out.buf.extend_from_slice(b"%!");
        push_char(&mut self.out.buf, verb);
        self.out.buf.push(b'(');
        self.out.buf.extend_from_slice(what);
        self.out.buf.push(b')');
    }
}

fn push_char(buf: &mut Vec<u8>, c: char) {
    let mut tmp = [0u8; 4];
    buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// Widths and precisions past a million are errors, not allocations.
fn too_large(n: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&n)
}

/// Go's `parsenum`: a decimal number at `format[start..end]`: (value, whether there were
/// digits, the index after them).
fn parse_num(format: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut n = 0i64;
    let mut is_num = false;
    let mut i = start;
    while i < end && format[i].is_ascii_digit() {
        if too_large(n) {
            return (0, false, end);
        }
        n = n * 10 + (format[i] - b'0') as i64;
        is_num = true;
        i += 1;
    }
    (n, is_num, i)
}

/// The outcome of Go's `argNumber`.
struct ArgIndex {
    arg: usize,
    i: usize,
    found: bool,
    reordered: bool,
    good: bool,
}

/// Go's `argNumber`: an explicit operand index `[n]` at `format[i..]`, if there is one.
fn arg_number(arg: usize, format: &[u8], i: usize, num_args: usize) -> ArgIndex {
    let mut out = ArgIndex {
        arg,
        i,
        found: false,
        reordered: false,
        good: true,
    };
    if i >= format.len() || format[i] != b'[' {
        return out;
    }
    out.reordered = true;
    let rest = &format[i..];
    // Go's parseArgNumber: (index, bytes consumed, ok).
    let (index, wid, ok) = match rest.iter().position(|&c| c == b']') {
        Some(close) if rest.len() >= 3 => {
            let (n, is_num, next) = parse_num(rest, 1, close);
            if !is_num || next != close {
                (0, close + 1, false)
            } else {
                (n - 1, close + 1, true)
            }
        }
        _ => (0, 1, false),
    };
    out.i = i + wid;
    if ok && 0 <= index && (index as usize) < num_args {
        out.arg = index as usize;
        out.found = true;
        return out;
    }
    out.good = false;
    out.found = ok;
    out
}

/// Go's `intFromArg`: operand `n` as a `*` width or precision: (value, whether it is an
/// integer no larger than a million, the next operand).
fn int_from_arg(types: &Types, args: &[Value], n: usize) -> (i64, bool, usize) {
    let Some(arg) = args.get(n) else {
        return (0, false, n);
    };
    let (mut num, mut ok) = (0, false);
    if let Value::Iface(i) = arg {
        if let Kind::Int(k) = types.get(i.ty).kind {
            let v = i.val.as_int();
            // A uint64 past i64's range is not a width.
            if k.signed() || v >= 0 {
                (num, ok) = (v, true);
            }
        }
    }
    if too_large(num) {
        (num, ok) = (0, false);
    }
    (num, ok, n + 1)
}

#[cfg(test)]
mod tests;
