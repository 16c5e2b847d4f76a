//! A Go interpreter on chanlab's runtime: scanner, parser, type checker, compiler to register
//! bytecode, and a VM whose goroutines are tasks of [`crate::rt`]. docs/INTERPRETER.md is the
//! design.
//!
//! - [`compile`] checks and compiles a program;
//! - [`run`] compiles and runs it in sim mode and returns what `go run` would print;
//! - [`Started`] runs a compiled program a slice at a time, for a host that streams its output.

pub mod bind;
pub mod compile;
pub mod natives;
pub mod real;
pub mod vet;
pub mod vm;

// The front end, a crate of its own (crates/front), optimised for size.
pub use chanlab_front::{diag, fxhash, library as lib, syntax, types};

pub use diag::{Diag, Diagnostics};
pub use vm::run::Started;

use std::rc::Rc;

/// Checks and compiles `source` (its file named `file_name` in messages).
pub fn compile(source: &str, file_name: &str) -> Result<Rc<vm::program::Program>, Diagnostics> {
    compile_for(source, file_name, None)
}

/// [`compile`] for a program written for Go `go_version` (major, minor), as a `go.mod`'s `go`
/// line says: a `//go:build go1.N` or `// go 1.N` line of the file itself wins. `None`: the
/// current Go.
pub fn compile_for(
    source: &str,
    file_name: &str,
    go_version: Option<(u32, u32)>,
) -> Result<Rc<vm::program::Program>, Diagnostics> {
    let checked = check_for(source, file_name, go_version)?;
    Ok(Rc::new(compile::compile(checked)))
}

/// A compiled program and what `go vet` found in it.
pub struct Vetted {
    pub program: Rc<vm::program::Program>,
    pub findings: Vec<vet::Finding>,
    /// The file the findings name (`prog_test.go` for a program of tests).
    pub file_name: String,
}

/// [`compile_for`], and what `go vet` finds in the program, as the page runs a program: vet
/// first, then the run.
pub fn compile_vetted(
    source: &str,
    file_name: &str,
    go_version: Option<(u32, u32)>,
) -> Result<Vetted, Diagnostics> {
    let checked = check_for(source, file_name, go_version)?;
    let findings = vet::vet(&checked);
    let file_name = checked.file_name().to_string();
    Ok(Vetted {
        program: Rc::new(compile::compile(checked)),
        findings,
        file_name,
    })
}

/// The checked program, written for Go `go_version` unless the file says otherwise.
fn check_for(
    source: &str,
    file_name: &str,
    go_version: Option<(u32, u32)>,
) -> Result<types::Checked, Diagnostics> {
    let mut checked = types::check_program(source, file_name)?;
    checked.go_version = checked.go_version.or(go_version);
    Ok(checked)
}

/// Compiles and runs `source` in sim mode, and returns what `go run` would print.
pub fn run(source: &str, options: &RunOptions) -> RunResult {
    let mut prog = match compile_for(source, &options.file_name, options.go_version) {
        Ok(prog) => prog,
        Err(diags) => {
            let lines = diags
                .go_run_lines()
                .into_iter()
                .map(crate::rt::OutputLine::tool)
                .collect();
            return RunResult {
                exit_code: 1,
                lines,
                report: None,
            };
        }
    };
    if let Some(p) = Rc::get_mut(&mut prog) {
        p.env = options.env.clone();
    }
    let config = crate::rt::Config {
        seed: options.seed,
        procs: options.procs,
        limits: crate::rt::Limits {
            wall_ns: options.max_wall_ns,
            ..crate::rt::Limits::default()
        },
        ..crate::rt::Config::default()
    };
    let report = if options.real {
        match run_real(&prog, options) {
            Ok(report) => report,
            Err(why) => {
                return RunResult {
                    exit_code: 2,
                    lines: vec![crate::rt::OutputLine::tool(format!("real mode: {why}"))],
                    report: None,
                }
            }
        }
    } else {
        vm::run::run_program(prog, config)
    };
    RunResult {
        exit_code: report.exit_code(),
        lines: report.output.clone(),
        report: Some(report),
    }
}

/// Runs `prog` in real mode in this thread (`Err`: real mode itself failed).
fn run_real(
    prog: &Rc<vm::program::Program>,
    options: &RunOptions,
) -> Result<crate::rt::Report, String> {
    #[cfg(not(target_arch = "wasm32"))]
    return real::run_in_thread(prog, options.seed, options.procs, options.max_wall_ns);
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (prog, options);
        Err("in the browser, real mode runs on Web Workers".to_string())
    }
}

/// How to run a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOptions {
    /// Seeds every choice Go leaves open (select, map iteration, math/rand).
    pub seed: u64,
    /// Virtual processors (`runtime.GOMAXPROCS`).
    pub procs: u32,
    /// The file name used in messages (`prog.go` gives `./prog.go:3:5: ...`).
    pub file_name: String,
    /// The run stops with a limit message after this long on the wall clock.
    pub max_wall_ns: u64,
    /// Real mode: `procs` executors, taking turns in this thread (natively; the browser
    /// gives each a Web Worker).
    pub real: bool,
    /// The Go version the program is written for (see [`compile_for`]); `None`: the
    /// current Go.
    pub go_version: Option<(u32, u32)>,
    /// The program's environment variables (`os.Getenv`), as `go run` passes its own;
    /// none by default.
    pub env: Vec<(String, String)>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            seed: 1,
            procs: 4,
            file_name: "prog.go".to_string(),
            max_wall_ns: 30_000_000_000,
            real: false,
            go_version: None,
            env: Vec::new(),
        }
    }
}

/// What a run printed and how it ended, as `go run` would report it.
#[derive(Debug)]
pub struct RunResult {
    /// 0, 1 for a compile error, 2 for a panic or fatal error (or `os.Exit`'s code).
    pub exit_code: i32,
    /// Every line printed, stdout and stderr interleaved in the order they were written.
    pub lines: Vec<crate::rt::OutputLine>,
    /// The runtime's report; `None` when the program did not compile.
    pub report: Option<crate::rt::Report>,
}

impl RunResult {
    /// The text written to `stream`, byte for byte: its lines, each ended by a newline but a
    /// last one printed without.
    pub fn text(&self, stream: crate::rt::Stream) -> String {
        crate::rt::written(self.lines.iter().filter(|l| l.stream == stream))
    }
}
