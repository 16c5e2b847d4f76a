//! The standard library's native functions: the Rust side of functions that the library's Go
//! declarations (`library/go/*.go`) leave without a body, bound by their qualified Go name
//! (`strings.ToUpper`; a method by its type, whatever its receiver: `sync.WaitGroup.Wait`,
//! `os.File.write`) when a program is compiled.
//!
//! A native reads its arguments and writes its results through [`Ctx`]. One that waits for
//! the runtime (`WaitGroup.Wait`, `time.Sleep`) returns the runtime's operation as
//! [`Flow::Block`]; the goroutine waits on it like on its own channel operations.
//!
//! The pure functions (`strings`, `strconv`, `math`, `unicode`, `time`'s formatting) are
//! thin: the work is in `natives`, and what Go does around it (a panic for a bad argument,
//! building an error value) is in the package's Go code, with a native underneath it
//! (`strings.Repeat` calls the native `strings.repeat`).

mod atomic;
mod conv;
mod fmt;
mod handles;
mod math;
mod os;
mod rand;
mod reflect;
mod reflect_value;
mod runtime;
mod strconv;
mod strings;
mod sync;
pub mod time;
mod timefmt;

use std::future::Future;

use super::vm::gor::{Ctx, Flow, UnitOp};
use super::vm::program::{Native, Thrown};
use super::vm::value::Value;

/// Every native, by its Go name.
pub fn all() -> impl Iterator<Item = &'static Native> {
    [
        fmt::NATIVES,
        sync::NATIVES,
        atomic::NATIVES,
        time::NATIVES,
        runtime::NATIVES,
        strings::NATIVES,
        strconv::NATIVES,
        reflect::NATIVES,
        reflect_value::NATIVES,
        math::NATIVES,
        rand::NATIVES,
        os::NATIVES,
        timefmt::NATIVES,
    ]
    .into_iter()
    .flatten()
}

/// The native for Go function `name`.
pub fn lookup(name: &str) -> Option<Native> {
    all().find(|n| n.name == name).copied()
}

/// A native function that does not touch the runtime.
pub(crate) const fn pure(name: &'static str, f: super::vm::program::NativeFn) -> Native {
    Native {
        name,
        f,
        observable: false,
    }
}

/// A native function that others can observe (see `Native::observable`).
pub(crate) const fn observable(name: &'static str, f: super::vm::program::NativeFn) -> Native {
    Native {
        name,
        f,
        observable: true,
    }
}

/// Waits for runtime operation `fut`, then gives `results(output)` as the native's results.
pub(crate) fn block<F, R>(fut: F, results: R) -> Result<Flow, Thrown>
where
    F: Future + 'static,
    R: FnOnce(F::Output) -> Vec<Value> + 'static,
{
    Ok(Flow::Block(Box::pin(async move { Ok(results(fut.await)) })))
}

/// [`block`] for an operation that can be moved after it is polled: it runs at once, and
/// only one that must wait is kept (boxed) for the goroutine to wait on. Most operations
/// (`wg.Add`, `wg.Done`, an uncontended wait) finish at once, so this saves an allocation
/// each.
pub(crate) fn wait<F, R>(ctx: &mut Ctx<'_>, mut fut: F, results: R) -> Result<Flow, Thrown>
where
    F: Future + Unpin + 'static,
    R: FnOnce(F::Output) -> Vec<Value> + 'static,
{
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::Pin::new(&mut fut).poll(&mut cx) {
        std::task::Poll::Ready(out) => done(ctx, results(out)),
        std::task::Poll::Pending => Ok(Flow::Parked(Box::pin(
            async move { Ok(results(fut.await)) },
        ))),
    }
}

/// Waits for an operation without results, without boxing it (see [`UnitOp`]).
pub(crate) fn unit(op: UnitOp) -> Result<Flow, Thrown> {
    Ok(Flow::Unit(op))
}

/// A native's result written at once.
pub(crate) fn done(
    ctx: &mut Ctx<'_>,
    results: impl IntoIterator<Item = Value>,
) -> Result<Flow, Thrown> {
    for (i, v) in results.into_iter().enumerate() {
        ctx.ret(i, v);
    }
    Ok(Flow::Done)
}

#[cfg(test)]
mod tests {
    use crate::golang::lib;
    use crate::golang::types::{self, ObjId};

    /// The qualified names of every bodyless function of every library package, as the
    /// checker gives them.
    fn bodyless_functions() -> Vec<String> {
        // The internal packages come in through the packages that import them.
        let imports: String = lib::PACKAGES
            .iter()
            .filter(|p| !lib::is_internal(p.path))
            .map(|p| format!("import _ {:?}\n", p.path))
            .collect();
        let source = format!("package main\n\n{imports}\nfunc main() {{}}\n");
        let checked = match types::check_program_with_full_libraries(&source, "prog.go") {
            Ok(c) => c,
            Err(d) => panic!("the library does not check: {:?}", d.go_run_lines()),
        };
        let mut names: Vec<String> = (0..checked.objs.len())
            .map(|i| ObjId(i as u32))
            .filter(|&o| checked.obj(o).func().is_some_and(|f| f.native))
            .map(|o| checked.qualified_name(o))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Bodyless library functions whose natives are still being written (with the
    /// runtime's objects: sync, context, timers, errgroup, semaphore, atomics, fmt's
    /// printing, the scheduler's runtime functions). That work removes them from this list;
    /// it is empty while every one has its native.
    const PENDING: &[&str] = &[];

    #[test]
    fn every_bodyless_library_function_has_a_native() {
        let missing: Vec<String> = bodyless_functions()
            .into_iter()
            .filter(|name| super::lookup(name).is_none() && !PENDING.contains(&name.as_str()))
            .collect();
        assert!(missing.is_empty(), "no native for {missing:?}");
    }

    #[test]
    fn every_native_binds_a_bodyless_library_function() {
        let bodyless = bodyless_functions();
        let stray: Vec<&str> = super::all()
            .map(|n| n.name)
            .filter(|name| !bodyless.iter().any(|b| b == name))
            .collect();
        assert!(stray.is_empty(), "natives bound to no function: {stray:?}");
    }

    #[test]
    fn natives_have_distinct_names() {
        let mut names: Vec<&str> = super::all().map(|n| n.name).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
