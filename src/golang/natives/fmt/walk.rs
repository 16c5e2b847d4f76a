//! Printing a value by its type, as Go's `printValue` walks values by reflection.
//!
//! Below the operand itself (depth > 0), a value's `Error` or `String` method is called
//! only where Go's reflection could hand the value out as an interface: not beneath an
//! unexported struct field (`can_iface` is false there), so `{x: T}` prints `T`'s fields even
//! when `T` is a Stringer. Pointers to arrays, slices, structs and maps print as `&` and the
//! pointee at depth 0 only, and as addresses below, which keeps cycles from looping.
//! Past [`MAX_DEPTH`] levels a value prints as a mark instead.

use std::rc::Rc;

use crate::golang::vm::types::Kind;
use crate::golang::vm::value::{TypeId, Value};

use super::{Operand, Printer};

/// The deepest a value is printed (Go has no limit; values nested deeper, which only data
/// nested through interfaces can be, print a `%!v(NESTED TOO DEEP)` mark there).
const MAX_DEPTH: usize = 200;

/// Where Go's heap addresses start; pointers print as this plus bits of their identity.
const HEAP_BASE: u64 = 0xc0_0000_0000;

/// A plausible Go address for a pointer-like value: 0 for nil.
pub(super) fn address(v: &Value) -> u64 {
    let raw = match v {
        Value::Nil => return 0,
        Value::Ptr(p) => p.addr(),
        Value::Agg(a) => Rc::as_ptr(a) as usize,
        Value::Map(m) => Rc::as_ptr(m) as usize,
        Value::Slice(s) => Rc::as_ptr(&s.array) as usize + 8 * s.off as usize,
        // Functions are code: Go prints text-segment addresses like 0x47b2c0.
        Value::Func(f) => return 0x47_0000 + 0x20 * f.func as u64,
        // A channel's id, fixed width: 0xc000000001.
        Value::Chan(id) => return HEAP_BASE + *id as u64,
        _ => return 0,
    };
    HEAP_BASE | (raw as u64 & 0xf_ffff_ffff)
}

impl Printer<'_> {
    /// Go's `printValue`: `v` of static type `ty` under `verb`.
    pub(super) fn print_value(
        &mut self,
        ty: TypeId,
        v: &Value,
        verb: char,
        depth: usize,
        can_iface: bool,
    ) {
        if depth > MAX_DEPTH {
            // Printing recursively deeper could exhaust the host's stack.
            self.out.buf.extend_from_slice(b"%!");
            self.out.buf.extend_from_slice(verb.to_string().as_bytes());
            self.out.buf.extend_from_slice(b"(NESTED TOO DEEP)");
            return;
        }
        let kind = self.types().get(ty).kind.clone();
        // The operand itself had its methods tried by print_arg.
        if depth > 0 && can_iface {
            let (dty, dv) = match (&kind, v) {
                (Kind::Interface { .. }, Value::Iface(i)) => (i.ty, &i.val),
                (Kind::Interface { .. }, _) => (ty, v),
                _ => (ty, v),
            };
            let is_nil_iface = matches!(kind, Kind::Interface { .. }) && v.is_nil();
            if !is_nil_iface && self.handle_methods(dty, dv, verb, None, Operand::Val(dty, dv)) {
                return;
            }
        }
        let operand = Operand::Val(ty, v);
        match kind {
            Kind::Bool => self.fmt_bool(v.as_bool(), verb, operand),
            Kind::Int(k) => self.fmt_integer(v.as_int() as u64, k.signed(), verb, operand),
            Kind::Float32 => self.fmt_float(v.as_float(), 32, verb, operand),
            Kind::Float64 => self.fmt_float(v.as_float(), 64, verb, operand),
            Kind::Complex64 => self.fmt_complex(v.as_complex(), 64, verb, operand),
            Kind::Complex128 => self.fmt_complex(v.as_complex(), 128, verb, operand),
            Kind::String => self.fmt_string(v.as_bytes(), verb, operand),
            Kind::Map { key, val } => self.print_map(ty, key, val, v, verb, depth, can_iface),
            Kind::Struct { fields } => {
                if let Some((view_ty, view)) = self.host.view(ty, v) {
                    return self.print_value(view_ty, &view, verb, depth, can_iface);
                }
                let items = v.elems();
                if self.out.f.sharp_v {
                    let name = self.type_name(ty);
                    self.out.buf.extend_from_slice(name.as_bytes());
                }
                self.out.buf.push(b'{');
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        self.separator();
                    }
                    if self.out.f.plus_v || self.out.f.sharp_v {
                        self.out.buf.extend_from_slice(field.name.as_bytes());
                        self.out.buf.push(b':');
                    }
                    let item = items.get(i).cloned().unwrap_or_default();
                    let can = can_iface && field.exported;
                    self.print_value(field.ty, &item, verb, depth + 1, can);
                }
                self.out.buf.push(b'}');
            }
            Kind::Interface { .. } => match v {
                Value::Iface(i) => self.print_value(i.ty, &i.val, verb, depth + 1, can_iface),
                _ => {
                    if self.out.f.sharp_v {
                        let name = self.type_name(ty);
                        self.out.buf.extend_from_slice(name.as_bytes());
                        self.out.buf.extend_from_slice(b"(nil)");
                    } else {
                        self.out.buf.extend_from_slice(b"<nil>");
                    }
                }
            },
            Kind::Array { elem, .. } | Kind::Slice { elem } => {
                self.print_list(ty, elem, v, verb, depth, can_iface)
            }
            Kind::Pointer { elem } => {
                if depth == 0 && !v.is_nil() {
                    let ekind = &self.types().get(elem).kind;
                    if matches!(
                        ekind,
                        Kind::Array { .. }
                            | Kind::Slice { .. }
                            | Kind::Struct { .. }
                            | Kind::Map { .. }
                    ) {
                        let target = match v {
                            Value::Ptr(p) => p.load(),
                            other => other.clone(),
                        };
                        self.out.buf.push(b'&');
                        self.print_value(elem, &target, verb, depth + 1, can_iface);
                        return;
                    }
                }
                self.fmt_pointer(ty, v, verb, operand);
            }
            Kind::Chan { .. } | Kind::Func { .. } => self.fmt_pointer(ty, v, verb, operand),
            Kind::Nil => self.out.buf.extend_from_slice(b"<nil>"),
        }
    }

    /// `' '` between the items of a composite, `", "` under `%#v`.
    fn separator(&mut self) {
        if self.out.f.sharp_v {
            self.out.buf.extend_from_slice(b", ");
        } else {
            self.out.buf.push(b' ');
        }
    }

    /// Arrays and slices: `[1 2 3]`, `[]int{1, 2, 3}`, and byte slices as strings under
    /// `%s %q %x %X`.
    fn print_list(
        &mut self,
        ty: TypeId,
        elem: TypeId,
        v: &Value,
        verb: char,
        depth: usize,
        can_iface: bool,
    ) {
        let items = v.elems();
        if self.is_byte(elem) && matches!(verb, 's' | 'q' | 'x' | 'X') {
            let bytes: Vec<u8> = items.iter().map(|b| b.as_int() as u8).collect();
            self.fmt_string(&bytes, verb, Operand::Val(ty, v));
            return;
        }
        if self.out.f.sharp_v {
            let mut name = self.type_name(ty);
            // The operand itself is printed by Go's fast path for []byte, which names it so.
            if depth == 0 && name == "[]uint8" {
                name = "[]byte".into();
            }
            self.out.buf.extend_from_slice(name.as_bytes());
            if matches!(self.types().get(ty).kind, Kind::Slice { .. }) && v.is_nil() {
                self.out.buf.extend_from_slice(b"(nil)");
                return;
            }
            self.out.buf.push(b'{');
        } else {
            self.out.buf.push(b'[');
        }
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.separator();
            }
            self.print_value(elem, item, verb, depth + 1, can_iface);
        }
        self.out
            .buf
            .push(if self.out.f.sharp_v { b'}' } else { b']' });
    }

    /// Maps: `map[a:1 b:2]`, `map[string]int{"a":1}`, keys sorted as Go's fmtsort sorts them.
    #[allow(clippy::too_many_arguments)]
    fn print_map(
        &mut self,
        ty: TypeId,
        key_ty: TypeId,
        val_ty: TypeId,
        v: &Value,
        verb: char,
        depth: usize,
        can_iface: bool,
    ) {
        if self.out.f.sharp_v {
            let name = self.type_name(ty);
            self.out.buf.extend_from_slice(name.as_bytes());
            if v.is_nil() {
                self.out.buf.extend_from_slice(b"(nil)");
                return;
            }
            self.out.buf.push(b'{');
        } else {
            self.out.buf.extend_from_slice(b"map[");
        }
        let mut entries: Vec<(Value, Value)> = match v {
            Value::Map(m) => m
                .borrow()
                .entries()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let types = self.host.types();
        // Stable, as fmtsort's: keys that compare equal (NaNs) keep the map's order.
        entries.sort_by(|a, b| super::sort::compare(types, key_ty, &a.0, &b.0));
        for (i, (k, val)) in entries.iter().enumerate() {
            if i > 0 {
                self.separator();
            }
            self.print_value(key_ty, k, verb, depth + 1, can_iface);
            self.out.buf.push(b':');
            self.print_value(val_ty, val, verb, depth + 1, can_iface);
        }
        self.out
            .buf
            .push(if self.out.f.sharp_v { b'}' } else { b']' });
    }

    /// Go's `fmtPointer`: pointers, channels, functions, maps and slices as addresses.
    pub(super) fn fmt_pointer(&mut self, ty: TypeId, v: &Value, verb: char, operand: Operand) {
        let pointer_like = matches!(
            self.types().get(ty).kind,
            Kind::Pointer { .. }
                | Kind::Chan { .. }
                | Kind::Func { .. }
                | Kind::Map { .. }
                | Kind::Slice { .. }
        );
        if !pointer_like {
            self.bad_verb(verb, operand);
            return;
        }
        let u = address(v);
        match verb {
            'v' if self.out.f.sharp_v => {
                self.out.buf.push(b'(');
                let name = self.type_name(ty);
                self.out.buf.extend_from_slice(name.as_bytes());
                self.out.buf.extend_from_slice(b")(");
                if u == 0 {
                    self.out.buf.extend_from_slice(b"nil");
                } else {
                    self.out.fmt_0x64(u, true);
                }
                self.out.buf.push(b')');
            }
            'v' => {
                if u == 0 {
                    self.out.pad(b"<nil>");
                } else {
                    let sharp = self.out.f.sharp;
                    self.out.fmt_0x64(u, !sharp);
                }
            }
            'p' => {
                let sharp = self.out.f.sharp;
                self.out.fmt_0x64(u, !sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(u, false, verb, operand),
            _ => self.bad_verb(verb, operand),
        }
    }
}
