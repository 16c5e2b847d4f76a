//! Runs a Go program with chanlab's interpreter, as `go run` would:
//!
//! ```text
//! cargo run --release --example gorun -- prog.go [--seed N] [--procs N] [--real] [--vet]
//! ```
//!
//! `--real` runs it in real mode, its goroutines on `procs` executors (taking turns in this
//! process). `--vet` runs nothing and prints what `go vet prog.go` would (the checks of
//! `chanlab::golang::vet`), exiting 1 when it finds something.
//!
//! It prints the program's output on stdout and stderr and exits with Go's status: 0, 1 when
//! the program does not compile, 2 after a panic or a fatal error (or the program's own
//! `os.Exit` code). The program sees gorun's environment variables (`os.Getenv`).
//! Its heap is counted as the page's worker counts it, so a run stops at the same memory
//! limit ("the program ran out of memory").

use std::io::Write;
use std::process::ExitCode;

use chanlab::golang::{run, RunOptions};
use chanlab::rt::Stream;

/// Counted, as the page's worker's heap is (see `chanlab::heap`).
#[global_allocator]
static HEAP: chanlab::heap::Counting = chanlab::heap::Counting;

fn main() -> ExitCode {
    chanlab::rt::set_memory_gauge(chanlab::heap::in_use);
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut options = RunOptions::default();
    let mut vet = false;
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Option<u64> {
            let v = args.next().and_then(|v| v.parse().ok());
            if v.is_none() {
                eprintln!("gorun: {name} needs a number");
            }
            v
        };
        match arg.as_str() {
            "--seed" => match number("--seed") {
                Some(n) => options.seed = n,
                None => return ExitCode::from(2),
            },
            "--procs" => match number("--procs") {
                Some(n) => options.procs = n.clamp(1, 256) as u32,
                None => return ExitCode::from(2),
            },
            "--real" => options.real = true,
            "--vet" => vet = true,
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!("usage: gorun prog.go [--seed N] [--procs N] [--real] [--vet]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("usage: gorun prog.go [--seed N] [--procs N] [--real] [--vet]");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("gorun: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    options.env = std::env::vars().collect();
    options.file_name = std::path::Path::new(&path)
        .file_name()
        .map_or("prog.go".into(), |n| n.to_string_lossy().into_owned());
    if vet {
        // As `go vet prog.go`: its findings on stderr, status 1 when there are some (or the
        // program does not compile), and no run.
        let lines = match chanlab::golang::compile_vetted(&source, &options.file_name, None) {
            Ok(v) => chanlab::golang::vet::output_lines(&v.findings, &v.file_name),
            Err(diags) => diags.go_run_lines(),
        };
        for line in &lines {
            eprintln!("{line}");
        }
        return ExitCode::from(u8::from(!lines.is_empty()));
    }
    let result = run(&source, &options);
    // Each stream as Go writes it: stdout and stderr interleaved as printed, every line ended
    // by a newline but a last one printed without.
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    for line in &result.lines {
        let newline = if line.no_newline { "" } else { "\n" };
        let _ = match line.stream {
            Stream::Stdout => write!(out, "{}{newline}", line.text),
            Stream::Stderr => write!(err, "{}{newline}", line.text),
        };
        // Stdout's buffer holds a line until its newline: a line without one (the other
        // stream prints next) goes out first, so a terminal shows both in order.
        if line.no_newline {
            let _ = out.flush();
        }
    }
    let _ = (out.flush(), err.flush());
    ExitCode::from(result.exit_code.clamp(0, 255) as u8)
}
