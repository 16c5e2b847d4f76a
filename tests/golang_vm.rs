//! The VM on hand-assembled programs: goroutines and channels on the runtime, panics that
//! unwind through deferred calls, `recover`, and Go's report of a panic nothing recovers.

use std::rc::Rc;

use chanlab::golang::vm::instr::Instr;
use chanlab::golang::vm::program::{Func, Program, RuntimeErrorTypes, NO_NAME};
use chanlab::golang::vm::run::run_program;
use chanlab::golang::vm::types::{Kind, RType};
use chanlab::golang::vm::value::Value;
use chanlab::rt::{Config, Outcome, Report, Stream};

fn func(name: &str, nparams: u16, nregs: u16, code: Vec<Instr>) -> Func {
    Func {
        name: name.into(),
        lines: (1..=code.len() as u32).collect(),
        code,
        nregs,
        nparams,
        ..Func::default()
    }
}

/// A program of `funcs` (the first is the entry, named `main.main`) with run-time error types.
fn program(funcs: Vec<Func>, consts: Vec<Value>) -> Rc<Program> {
    let mut prog = Program {
        funcs,
        consts,
        file_name: "prog.go".into(),
        ..Program::default()
    };
    let err = prog.types.add(RType {
        name: "runtime.errorString".into(),
        kind: Kind::String,
        named: true,
    });
    let go_string = prog.types.add(RType {
        name: "string".into(),
        kind: Kind::String,
        named: true,
    });
    prog.runtime_errors = RuntimeErrorTypes {
        bounds: err,
        plain: err,
        string: err,
        assertion: err,
        go_string,
    };
    Rc::new(prog)
}

fn lines(r: &Report, stream: Stream) -> Vec<&str> {
    r.output
        .iter()
        .filter(|l| l.stream == stream)
        .map(|l| l.text.as_str())
        .collect()
}

#[test]
fn a_goroutine_sends_on_a_channel_main_receives() {
    let prog = program(
        vec![
            func(
                "main.main",
                0,
                3,
                vec![
                    Instr::MakeChan {
                        d: 0,
                        cap: u16::MAX,
                        name: NO_NAME,
                        esize: 8,
                    },
                    Instr::Mov { d: 1, s: 0 },
                    Instr::Go {
                        f: 1,
                        base: 1,
                        nargs: 1,
                    },
                    Instr::Recv {
                        d: 2,
                        ch: 0,
                        zero: 0,
                    },
                    Instr::Print {
                        first: 2,
                        n: 1,
                        newline: true,
                    },
                    Instr::Ret,
                ],
            ),
            func(
                "main.worker",
                1,
                2,
                vec![
                    Instr::Int { d: 1, v: 42 },
                    Instr::Send { ch: 0, v: 1 },
                    Instr::Ret,
                ],
            ),
        ],
        vec![Value::Int(0)],
    );
    let r = run_program(prog, Config::default());
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(lines(&r, Stream::Stderr), ["42"]);
    assert_eq!(r.metrics.goroutines_created, 2);
}

#[test]
fn a_deferred_call_recovers_a_run_time_panic() {
    let prog = program(
        vec![
            func(
                "main.main",
                0,
                3,
                vec![
                    Instr::Defer {
                        f: 1,
                        base: 0,
                        nargs: 0,
                    },
                    Instr::Int { d: 0, v: 1 },
                    Instr::Int { d: 1, v: 0 },
                    Instr::DivI { d: 2, a: 0, b: 1 },
                    Instr::Print {
                        first: 2,
                        n: 1,
                        newline: true,
                    },
                    Instr::Ret,
                ],
            ),
            func(
                "main.main.func1",
                0,
                2,
                vec![
                    Instr::Recover { d: 0 },
                    Instr::IsNil { d: 1, s: 0 },
                    Instr::Print {
                        first: 1,
                        n: 1,
                        newline: true,
                    },
                    Instr::Ret,
                ],
            ),
        ],
        vec![],
    );
    let r = run_program(prog, Config::default());
    assert_eq!(r.outcome, Outcome::Exit, "{:?}", r.lines());
    assert_eq!(
        lines(&r, Stream::Stderr),
        ["false"],
        "recover got the panic"
    );
}

#[test]
fn a_panic_nothing_recovers_is_reported_with_its_frames() {
    let prog = program(
        vec![
            func(
                "main.main",
                0,
                1,
                vec![Instr::Call { f: 1, base: 0 }, Instr::Ret],
            ),
            func(
                "main.divide",
                0,
                3,
                vec![
                    Instr::Int { d: 0, v: 1 },
                    Instr::Int { d: 1, v: 0 },
                    Instr::DivI { d: 2, a: 0, b: 1 },
                    Instr::Ret,
                ],
            ),
        ],
        vec![],
    );
    let r = run_program(prog, Config::default());
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        lines(&r, Stream::Stderr),
        [
            "panic: runtime error: integer divide by zero",
            "",
            "goroutine 1 [running]:",
            "main.divide()",
            "\t./prog.go:3",
            "main.main()",
            "\t./prog.go:1",
        ]
    );
}

#[test]
fn a_send_on_a_closed_channel_panics_in_the_sender_and_can_be_recovered() {
    let prog = program(
        vec![
            func(
                "main.main",
                0,
                3,
                vec![
                    Instr::Defer {
                        f: 1,
                        base: 0,
                        nargs: 0,
                    },
                    Instr::Int { d: 1, v: 1 },
                    Instr::MakeChan {
                        d: 0,
                        cap: 1,
                        name: NO_NAME,
                        esize: 8,
                    },
                    Instr::Close { ch: 0 },
                    Instr::Send { ch: 0, v: 1 },
                    Instr::Ret,
                ],
            ),
            func(
                "main.main.func1",
                0,
                2,
                vec![
                    Instr::Recover { d: 0 },
                    Instr::IsNil { d: 1, s: 0 },
                    Instr::Print {
                        first: 1,
                        n: 1,
                        newline: true,
                    },
                    Instr::Ret,
                ],
            ),
        ],
        vec![],
    );
    let r = run_program(prog, Config::default());
    assert_eq!(r.outcome, Outcome::Exit, "{:?}", r.lines());
    assert_eq!(lines(&r, Stream::Stderr), ["false"]);
}

#[test]
fn interpreted_work_costs_virtual_time() {
    // for i := 0; i < 1000000; i++ {}: a million iterations at 1 ns each.
    let prog = program(
        vec![func(
            "main.main",
            0,
            3,
            vec![
                Instr::Const { d: 0, k: 0 },
                Instr::Int { d: 1, v: 0 },
                Instr::Int { d: 2, v: 0 },
                Instr::AddI { d: 2, a: 2, b: 1 },
                Instr::IncJLt { i: 1, n: 0, t: 3 },
                Instr::Ret,
            ],
        )],
        vec![Value::Int(1_000_000)],
    );
    let r = run_program(prog, Config::default());
    assert_eq!(r.outcome, Outcome::Exit);
    assert!(
        (999_000..=1_001_000).contains(&r.end_ns),
        "the loop took {} virtual ns",
        r.end_ns
    );
}

/// `sum := s0; for i := from; i < n; i++ { sum += addend }` (the counter when `addend` is
/// `None`; `n` is the sum itself when `None`), then `println(sum, i)`: fused into one
/// self-looping instruction or as two.
fn counted_loop(
    fused: bool,
    s0: i64,
    from: i64,
    n: Option<i64>,
    addend: Option<i64>,
) -> Rc<Program> {
    // Registers: 0 n, 1 sum, 2 i, 3 the constant addend.
    let s = if addend.is_some() { 3 } else { 2 };
    let n_reg = if n.is_some() { 0 } else { 1 };
    let mut code = vec![
        Instr::Const { d: 0, k: 0 },
        Instr::Const { d: 1, k: 1 },
        Instr::Const { d: 2, k: 2 },
        Instr::Const { d: 3, k: 3 },
    ];
    if fused {
        code.push(Instr::AddToIncJLt {
            d: 1,
            s,
            i: 2,
            n: n_reg,
            t: 4,
        });
    } else {
        code.push(Instr::AddI { d: 1, a: 1, b: s });
        code.push(Instr::IncJLt {
            i: 2,
            n: n_reg,
            t: 4,
        });
    }
    code.push(Instr::Print {
        first: 1,
        n: 2,
        newline: true,
    });
    code.push(Instr::Ret);
    let consts = [n.unwrap_or(0), s0, from, addend.unwrap_or(0)];
    program(
        vec![func("main.main", 0, 4, code)],
        consts.into_iter().map(Value::Int).collect(),
    )
}

#[test]
fn a_loop_that_only_accumulates_computes_and_costs_what_its_instructions_do() {
    // Across preemption quanta (50 µs, 100,000 iterations), from negative counters, with an
    // invariant addend, and wrapping around as Go's int does.
    let cases = [
        (0, 0, 3_000_000, None),
        (7, -5, 3, None),
        (0, -250_001, 250_000, Some(3)),
        (i64::MAX - 10, 0, 1_000, Some(i64::MAX)),
        (0, i64::MAX - 5, i64::MAX, None),
    ];
    for (s0, from, n, addend) in cases {
        let (fused, plain) = fused_and_plain(s0, from, Some(n), addend);
        let sum = (from..n).fold(s0, |sum, i| sum.wrapping_add(addend.unwrap_or(i)));
        assert_eq!(lines(&fused, Stream::Stderr), [format!("{sum} {n}")]);
        assert_eq!(fused.lines(), plain.lines());
        assert_eq!(
            fused.end_ns, plain.end_ns,
            "the same virtual time: {from}..{n}"
        );
    }
    // The limit is the sum (`for i := 0; i < sum; i++ { sum-- }`): read again every
    // iteration, as it changes.
    let (fused, plain) = fused_and_plain(300_000, 0, None, Some(-1));
    assert_eq!(lines(&fused, Stream::Stderr), ["150000 150000"]);
    assert_eq!(fused.lines(), plain.lines());
    assert_eq!(fused.end_ns, plain.end_ns);
}

/// A counted loop's run, fused and as two instructions; the fused one exits normally.
fn fused_and_plain(s0: i64, from: i64, n: Option<i64>, addend: Option<i64>) -> (Report, Report) {
    let run = |fused| run_program(counted_loop(fused, s0, from, n, addend), Config::default());
    let (fused, plain) = (run(true), run(false));
    assert_eq!(fused.outcome, Outcome::Exit, "{:?}", fused.lines());
    (fused, plain)
}
