//! `fmt`: printing through the formatting engine (`natives::fmt`), with a host that calls the
//! program's `Error` and `String` methods on its own goroutine.

use std::rc::Rc;

use super::conv::bytes_of;
use super::{done, observable, pure};
use crate::golang::natives::fmt::{
    self as engine, FmtHost, FormatState, MethodPanic, MethodResult,
};
use crate::golang::vm::gor::{Ctx, Flow, Gor};
use crate::golang::vm::program::{Native, Program, Thrown};
use crate::golang::vm::types::Types;
use crate::golang::vm::value::{Iface, TypeId, Value};

pub(super) const NATIVES: &[Native] = &[
    observable("fmt.Println", println),
    observable("fmt.Printf", printf),
    observable("fmt.Print", print),
    pure("fmt.Sprintf", sprintf),
    pure("fmt.Sprint", sprint),
    pure("fmt.Sprintln", sprintln),
    pure("fmt.errorf", errorf),
];

/// fmt's view of the interpreter: the program's types, and its methods run on the calling
/// goroutine.
pub struct Host<'g> {
    pub g: &'g mut Gor,
    pub prog: Rc<Program>,
}

impl FmtHost for Host<'_> {
    fn types(&self) -> &Types {
        &self.prog.types
    }

    fn text_method(&mut self, ty: TypeId, v: &Value) -> Option<MethodResult> {
        let prog = self.prog.clone();
        self.call_text(&prog, [prog.error_method, prog.string_method], ty, v)
    }

    fn go_string_method(&mut self, ty: TypeId, v: &Value) -> Option<MethodResult> {
        let prog = self.prog.clone();
        self.call_text(&prog, [prog.go_string_method], ty, v)
    }

    fn view(&self, ty: TypeId, v: &Value) -> Option<(TypeId, Value)> {
        let (kind, view_ty) = self.prog.types.sync_view(ty)?;
        Some((view_ty, super::sync::view(kind, v)))
    }

    fn format_method(
        &mut self,
        ty: TypeId,
        v: &Value,
        verb: char,
        state: &FormatState,
    ) -> Option<MethodResult> {
        let (method, call_format) = self.prog.format_method?;
        self.prog.types.method(ty, method)?;
        let formatter = Value::Iface(Rc::new(Iface { ty, val: v.copy() }));
        let args = [
            formatter,
            Value::Int(verb as i64),
            Value::str(&state.flags),
            Value::Int(state.wid.0),
            Value::Int(state.prec.0),
            Value::Bool(state.wid.1),
            Value::Bool(state.prec.1),
        ];
        // `fmt.callFormat` recovers a panic of the method: what it wrote, the panic's value,
        // whether it panicked.
        let out = self.g.call_nested(call_format, None, &args, 3);
        Some(match out.as_deref() {
            Ok([written, value, Value::Bool(true)]) => Err(MethodPanic {
                written: bytes_of(written),
                value: self.panic_text(value),
            }),
            _ => self.text_of(out),
        })
    }
}

impl Host<'_> {
    /// Calls the first of `methods` that type `ty` has on `v`: its text, or the text of the
    /// panic it raised; `None` when it has none of them.
    fn call_text<const N: usize>(
        &mut self,
        prog: &Program,
        methods: [Option<u32>; N],
        ty: TypeId,
        v: &Value,
    ) -> Option<MethodResult> {
        let func = methods
            .into_iter()
            .flatten()
            .find_map(|m| prog.types.method(ty, m))?;
        let out = self.g.call_nested(func, None, &[v.copy()], 1);
        Some(self.text_of(out))
    }

    /// The text a method gave (a string, or a `[]byte`), or its panic.
    fn text_of(&mut self, out: Result<Vec<Value>, Thrown>) -> MethodResult {
        match out {
            Ok(out) => Ok(match out.first() {
                Some(Value::Str(s)) => s.to_vec(),
                Some(bytes) => bytes_of(bytes),
                None => Vec::new(),
            }),
            Err(thrown) => Err(MethodPanic {
                written: Vec::new(),
                value: self.panic_text(&thrown),
            }),
        }
    }

    /// The text of panic value `v`; none for nil.
    fn panic_text(&mut self, v: &Value) -> Option<String> {
        (!matches!(v, Value::Nil)).then(|| crate::golang::vm::describe::panic_value(self.g, v))
    }
}

/// Runs `f` with a fmt host on the calling goroutine.
fn with_host<R>(ctx: &mut Ctx<'_>, f: impl FnOnce(&mut Host<'_>) -> R) -> R {
    let prog = ctx.prog();
    let mut host = Host { g: ctx.g, prog };
    f(&mut host)
}

/// The operands of a `...any` parameter (argument `i`).
fn operands(ctx: &Ctx<'_>, i: usize) -> Vec<Value> {
    ctx.arg(i).elems()
}

/// Prints `text` on stdout and returns Go's `(n int, err error)`.
fn write(ctx: &mut Ctx<'_>, text: Vec<u8>) -> Result<Flow, Thrown> {
    let n = text.len() as i64;
    super::os::print_bytes(ctx.g.run.as_ref(), false, &text);
    done(ctx, [Value::Int(n), Value::Nil])
}

fn println(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let args = operands(ctx, 0);
    let text = with_host(ctx, |h| engine::sprintln(h, &args));
    write(ctx, text)
}

fn print(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let args = operands(ctx, 0);
    let text = with_host(ctx, |h| engine::sprint(h, &args));
    write(ctx, text)
}

fn printf(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let format = ctx.arg(0).as_bytes().to_vec();
    let args = operands(ctx, 1);
    let text = with_host(ctx, |h| engine::sprintf(h, &format, &args));
    write(ctx, text)
}

fn sprintf(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let format = ctx.arg(0).as_bytes().to_vec();
    let args = operands(ctx, 1);
    let text = with_host(ctx, |h| engine::sprintf(h, &format, &args));
    done(ctx, [Value::bytes(&text)])
}

fn sprint(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let args = operands(ctx, 0);
    let text = with_host(ctx, |h| engine::sprint(h, &args));
    done(ctx, [Value::bytes(&text)])
}

fn sprintln(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let args = operands(ctx, 0);
    let text = with_host(ctx, |h| engine::sprintln(h, &args));
    done(ctx, [Value::bytes(&text)])
}

/// `errorf(format string, a []any) (string, int)`: Errorf's text, and the index of the
/// operand `%w` wrapped (-1 for none); `fmt.Errorf` (Go, in `library/go/fmt.go`) makes the error.
fn errorf(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let format = ctx.arg(0).as_bytes().to_vec();
    let args = operands(ctx, 1);
    let (text, wrapped) = with_host(ctx, |h| engine::errorf(h, &format, &args));
    done(
        ctx,
        [
            Value::bytes(&text),
            Value::Int(wrapped.map_or(-1, |i| i as i64)),
        ],
    )
}
