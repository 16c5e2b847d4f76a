//! The standard library's native functions: the Rust side of functions that the library's Go
//! declarations (`lib/go/*.go`) leave without a body, bound by their qualified Go name
//! (`strings.ToUpper`, `sync.(*WaitGroup).Wait`) when a program is compiled.
//!
//! A native reads its arguments and writes its results through [`Ctx`]. One that waits for
//! the runtime (`WaitGroup.Wait`, `time.Sleep`) returns the runtime's operation as
//! [`Flow::Block`]; the goroutine waits on it like on its own channel operations.

mod handles;
mod runtime;
mod sync;
mod time;

use std::future::Future;

use super::vm::gor::{Ctx, Flow};
use super::vm::program::{Native, Thrown};
use super::vm::value::Value;

/// Every native, by its Go name.
pub fn all() -> impl Iterator<Item = &'static Native> {
    [sync::NATIVES, time::NATIVES, runtime::NATIVES]
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
    #[test]
    fn natives_have_distinct_names() {
        let mut names: Vec<&str> = super::all().map(|n| n.name).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
