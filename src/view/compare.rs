//! Compare: one configuration run in sim mode (the prediction) and in real mode (the
//! measurement), each at the chosen processor count P and at one processor, and what the page
//! shows of those runs side by side: how each ended, how long it took, whether real mode printed
//! what sim mode did, and each mode's speedup at P over one processor.
//!
//! Real mode measures where sim mode predicts, so a line that differs only in what is measured
//! (a duration, a benchmark's `ns/op`, a ratio such as `2.5x faster`) is what both should
//! print: the verdict says so ([`Verdict::Measured`]) rather than call the outputs different.
//!
//! The runs go one after another, never two at once: a real-mode run uses every core it is
//! given, so a run beside it would spoil the measurement. Sim mode runs first (it is quick and
//! gives the prediction at once) and real mode at P last, so the run the page's console and
//! timeline keep showing is the measurement.
//!
//! # Invariants
//! - Runs start in order: at most one is running, and every run before it has ended.
//! - A stopped comparison starts no further runs.

use crate::protocol::{Floor, Mode, RunRequest};

/// One of the runs: a mode and a processor count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub mode: Mode,
    pub procs: u32,
}

/// Where one run of a comparison is.
#[derive(Clone, Debug, PartialEq)]
pub enum RunState {
    Waiting,
    Running,
    Done(Ended),
    /// It could not start, or its worker failed; the message says why.
    Failed(String),
    /// The comparison was stopped before this run ended.
    Stopped,
}

/// Whether real mode printed what sim mode printed, in any order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The same lines (goroutine ids aside, [`comparable`]).
    Same,
    /// The same lines once measured figures are set aside ([`without_measurements`]).
    Measured,
    Differs,
}

impl Verdict {
    /// A short key (`data-verdict`, a CSS class).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Measured => "measured",
            Verdict::Differs => "differs",
        }
    }

    /// What the page says.
    pub fn text(self) -> &'static str {
        match self {
            Verdict::Same => "same output as sim",
            Verdict::Measured => "same output as sim; only measured figures differ, as expected",
            Verdict::Differs => "output differs from sim",
        }
    }
}

/// How a run that ran to its end ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Ended {
    pub exit_code: i32,
    /// Virtual (sim) or wall-clock (real) ns from start to end.
    pub elapsed_ns: u64,
    /// The printed lines as [`comparable`] makes them, and with their measured figures set
    /// aside, each sorted; `None` when the page did not keep every line (a long output), so
    /// they cannot be compared.
    lines: Option<(Vec<String>, Vec<String>)>,
    /// Real mode on several workers: their transport and its floor on this browser.
    pub floor: Option<Floor>,
}

impl Ended {
    /// `lines` are what the run printed; `complete` says whether they are all of them.
    pub fn new<'a>(
        exit_code: i32,
        elapsed_ns: u64,
        lines: impl IntoIterator<Item = &'a str>,
        complete: bool,
    ) -> Self {
        let lines = complete.then(|| {
            let mut exact: Vec<String> = lines.into_iter().map(comparable).collect();
            let mut measured: Vec<String> = exact.iter().map(|l| without_measurements(l)).collect();
            exact.sort_unstable();
            measured.sort_unstable();
            (exact, measured)
        });
        Ended {
            exit_code,
            elapsed_ns,
            lines,
            floor: None,
        }
    }

    /// The run's transport and its floor, as its summary reported them.
    pub fn with_floor(self, floor: Option<Floor>) -> Self {
        Ended { floor, ..self }
    }
}

/// A comparison and the state of each of its runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The configuration every run shares; its `procs` is P.
    base: RunRequest,
    /// The runs, in the order they run. At P = 1 the runs at P are the runs at one, so they are
    /// not repeated.
    runs: Vec<(Setting, RunState)>,
}

impl Comparison {
    /// A comparison of `base` at `base.procs` and at one processor; nothing runs yet.
    pub fn new(base: RunRequest) -> Self {
        let p = base.procs;
        let mut settings = vec![
            (Mode::Sim, p),
            (Mode::Sim, 1),
            (Mode::Real, 1),
            (Mode::Real, p),
        ];
        settings.dedup();
        Comparison {
            base,
            runs: settings
                .into_iter()
                .map(|(mode, procs)| (Setting { mode, procs }, RunState::Waiting))
                .collect(),
        }
    }

    /// P, the processor count compared with one.
    pub fn procs(&self) -> u32 {
        self.base.procs
    }

    /// Marks the next waiting run as running and gives its request; `None` when no run waits.
    ///
    /// Precondition: no run is running (the last one has been [`Comparison::finish`]ed).
    pub fn start_next(&mut self) -> Option<RunRequest> {
        debug_assert!(!self.is_running());
        let (setting, state) = self
            .runs
            .iter_mut()
            .find(|(_, s)| *s == RunState::Waiting)?;
        *state = RunState::Running;
        Some(RunRequest {
            mode: setting.mode,
            procs: setting.procs,
            ..self.base.clone()
        })
    }

    /// Records how the running run ended (`Done` or `Failed`).
    pub fn finish(&mut self, end: RunState) {
        if let Some((_, state)) = self.runs.iter_mut().find(|(_, s)| *s == RunState::Running) {
            *state = end;
        }
    }

    /// Ends the comparison: the running run and the waiting ones are stopped.
    pub fn stop(&mut self) {
        for (_, state) in &mut self.runs {
            if matches!(state, RunState::Waiting | RunState::Running) {
                *state = RunState::Stopped;
            }
        }
    }

    /// A run is going.
    pub fn is_running(&self) -> bool {
        self.runs.iter().any(|(_, s)| *s == RunState::Running)
    }

    /// Some run was stopped.
    pub fn is_stopped(&self) -> bool {
        self.runs.iter().any(|(_, s)| *s == RunState::Stopped)
    }

    /// The state of the run in `mode` at `procs` (P or 1).
    pub fn state(&self, mode: Mode, procs: u32) -> &RunState {
        self.runs
            .iter()
            .find(|(s, _)| *s == Setting { mode, procs })
            .map_or(&RunState::Waiting, |(_, state)| state)
    }

    fn ended(&self, mode: Mode, procs: u32) -> Option<&Ended> {
        match self.state(mode, procs) {
            RunState::Done(ended) => Some(ended),
            _ => None,
        }
    }

    /// Whether real mode at `procs` printed what sim mode printed at `procs`: the same exit
    /// status and the same lines in any order, measured figures aside. `None` until both have
    /// ended, or when either printed more lines than the page keeps.
    pub fn matches_sim(&self, procs: u32) -> Option<Verdict> {
        let sim = self.ended(Mode::Sim, procs)?;
        let real = self.ended(Mode::Real, procs)?;
        let (sim_exact, sim_measured) = sim.lines.as_ref()?;
        let (real_exact, real_measured) = real.lines.as_ref()?;
        Some(if sim.exit_code != real.exit_code {
            Verdict::Differs
        } else if sim_exact == real_exact {
            Verdict::Same
        } else if sim_measured == real_measured {
            Verdict::Measured
        } else {
            Verdict::Differs
        })
    }

    /// The floor real mode's runs measured on this browser (the run at P's, which has the
    /// most workers).
    pub fn floor(&self) -> Option<Floor> {
        self.ended(Mode::Real, self.procs())?.floor
    }

    /// `mode`'s speedup at P over one processor: its elapsed time at one over its elapsed time
    /// at P. `None` until both have ended, or when the run at P took no time.
    pub fn speedup(&self, mode: Mode) -> Option<f64> {
        let one = self.ended(mode, 1)?;
        let p = self.ended(mode, self.procs())?;
        (p.elapsed_ns > 0).then(|| one.elapsed_ns as f64 / p.elapsed_ns as f64)
    }
}

/// `ns` in µs, as the page shows a round trip.
fn us(ns: u64) -> String {
    format!("{:.0} µs", ns as f64 / 1e3)
}

/// How real mode's workers talked, and what a round trip between two of them costs on this
/// browser with nothing else to do: the floor under every operation between workers.
pub fn floor_text(floor: &Floor) -> String {
    let by_message = match floor.shared_ns {
        Some(shared) => format!("{} here ({} by message)", us(shared), us(floor.message_ns)),
        None => format!("{} here", us(floor.message_ns)),
    };
    format!(
        "{}: a round trip between two workers takes {by_message}",
        floor.transport.describe()
    )
}

/// The gap between real mode and Go, from the floor measured on this browser.
pub fn gap_text(floor: &Floor) -> String {
    let round_trip = floor.shared_ns.unwrap_or(floor.message_ns);
    format!(
        "Why real mode is slower than Go: Go's channel operations between processors take a \
         fraction of a microsecond; here an operation between goroutines on different workers \
         costs at least a round trip between them, {} on this browser ({}), while goroutines \
         on the same worker pay no message.",
        us(round_trip),
        floor.transport.describe()
    )
}

/// A printed line as compared across modes: a goroutine id other than main's in a
/// `goroutine N [state]:` header is replaced by `<id>`, since ids other than main's are the
/// runtime's to choose (`docs/PATTERNS.md`) and which goroutine panics can depend on the
/// schedule.
pub fn comparable(line: &str) -> String {
    if let Some(rest) = line.strip_prefix("goroutine ") {
        if let Some((id, state)) = rest.split_once(' ') {
            if id != "1" && id.bytes().all(|b| b.is_ascii_digit()) && state.starts_with('[') {
                return format!("goroutine <id> {state}");
            }
        }
    }
    line.to_string()
}

/// `line` with what a run measures set aside, since real mode's clock is not sim mode's:
/// every Go duration (`1.002s`, `250ms`, `1m30s`, `5µs`) becomes `<d>`, and a number that a
/// measurement unit follows (Go's benchmark figures `ns/op`, `B/op`, `allocs/op`, `MB/s`, a
/// ratio `2.5x`, a percentage `52%`) becomes `<n>`.
pub fn without_measurements(line: &str) -> String {
    replace_tokens(&without_durations(line), "<n>", measurement_len)
}

/// `line` with every token `len` finds replaced by `placeholder`: a token starts with a digit
/// that neither follows a letter, digit, `_` or `.`, and `len` gives its byte length there
/// (`None`: no token starts there).
fn replace_tokens(line: &str, placeholder: &str, len: fn(&str) -> Option<usize>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut prev: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let starts = c.is_ascii_digit() && !prev.is_some_and(|p| is_word_char(p) || p == '.');
        if let Some(len) = starts.then(|| len(rest)).flatten() {
            out.push_str(placeholder);
            prev = rest[..len].chars().next_back();
            rest = &rest[len..];
        } else {
            out.push(c);
            prev = Some(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The byte length of the number at the start of `s` when a measurement unit follows it.
fn measurement_len(s: &str) -> Option<usize> {
    const UNITS: [&str; 4] = [" ns/op", " B/op", " allocs/op", " MB/s"];
    let digits = |from: usize| s[from..].bytes().take_while(u8::is_ascii_digit).count();
    let mut end = digits(0);
    if s[end..].starts_with('.') && digits(end + 1) > 0 {
        end += 1 + digits(end + 1);
    }
    let after = &s[end..];
    let ratio = ["x", "%"].iter().any(|u| {
        after
            .strip_prefix(u)
            .is_some_and(|rest| !rest.chars().next().is_some_and(is_word_char))
    });
    (ratio || UNITS.iter().any(|u| after.starts_with(u))).then_some(end)
}

/// `line` with each Go duration token replaced by `<d>`. A token is one or more
/// `<number><unit>` pieces (units `h`, `m`, `s`, `ms`, `us`, `µs`, `ns`) that neither follows a
/// letter, digit, `_` or `.` nor runs into a letter, digit or `_`, so `v1.5s`, `5sec` and
/// `100 ns/op` stay as they are.
pub fn without_durations(line: &str) -> String {
    replace_tokens(line, "<d>", duration_len)
}

/// The byte length of the duration token at the start of `s`, if one is there.
fn duration_len(s: &str) -> Option<usize> {
    const UNITS: [&str; 7] = ["ms", "us", "µs", "ns", "h", "m", "s"];
    let mut at = 0;
    loop {
        let digits = |from: usize| s[from..].bytes().take_while(u8::is_ascii_digit).count();
        let whole = digits(at);
        if whole == 0 {
            break;
        }
        let mut end = at + whole;
        if s[end..].starts_with('.') && digits(end + 1) > 0 {
            end += 1 + digits(end + 1);
        }
        let Some(unit) = UNITS.iter().find(|u| s[end..].starts_with(*u)) else {
            break;
        };
        at = end + unit.len();
    }
    let ends_word = s[at..].chars().next().is_some_and(is_word_char);
    (at > 0 && !ends_word).then_some(at)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(procs: u32) -> RunRequest {
        RunRequest {
            pattern: "worker-pool".into(),
            params: vec![("jobs".into(), "8".into())],
            source: "package main\n".into(),
            mode: Mode::Sim,
            seed: 7,
            procs,
        }
    }

    fn done(exit_code: i32, elapsed_ns: u64, lines: &[&str]) -> RunState {
        RunState::Done(Ended::new(
            exit_code,
            elapsed_ns,
            lines.iter().copied(),
            true,
        ))
    }

    /// Runs every waiting run of `c`, ending each as `end(setting)` says.
    fn run_all(
        c: &mut Comparison,
        mut end: impl FnMut(&RunRequest) -> RunState,
    ) -> Vec<(Mode, u32)> {
        let mut order = Vec::new();
        while let Some(req) = c.start_next() {
            assert!(c.is_running());
            order.push((req.mode, req.procs));
            c.finish(end(&req));
        }
        assert!(!c.is_running());
        order
    }

    #[test]
    fn the_floor_is_told_in_microseconds_per_transport() {
        use crate::protocol::Transport;
        let messages = Floor {
            transport: Transport::Messages,
            message_ns: 41_400,
            shared_ns: None,
        };
        assert_eq!(
            floor_text(&messages),
            "messages between workers: a round trip between two workers takes 41 µs here"
        );
        let shared = Floor {
            transport: Transport::SharedMemory,
            message_ns: 76_000,
            shared_ns: Some(6_200),
        };
        assert_eq!(
            floor_text(&shared),
            "shared memory between workers: a round trip between two workers takes 6 µs here \
             (76 µs by message)"
        );
        assert!(gap_text(&shared).contains("at least a round trip between them, 6 µs"));
        let mut c = Comparison::new(request(2));
        run_all(&mut c, |req| {
            let floor = (req.mode == Mode::Real && req.procs == 2).then_some(shared);
            RunState::Done(Ended::new(0, 1, ["a"], true).with_floor(floor))
        });
        assert_eq!(c.floor(), Some(shared));
    }

    #[test]
    fn runs_sim_first_and_real_at_p_last_with_the_same_configuration() {
        let mut c = Comparison::new(request(4));
        assert_eq!(c.procs(), 4);
        let mut seen = Vec::new();
        let order = run_all(&mut c, |req| {
            seen.push(req.clone());
            done(0, 1, &[])
        });
        assert_eq!(
            order,
            [
                (Mode::Sim, 4),
                (Mode::Sim, 1),
                (Mode::Real, 1),
                (Mode::Real, 4)
            ]
        );
        for req in seen {
            assert_eq!((req.pattern.as_str(), req.seed), ("worker-pool", 7));
            assert_eq!(req.params, request(4).params);
        }
    }

    #[test]
    fn at_one_processor_each_mode_runs_once() {
        let mut c = Comparison::new(request(1));
        let order = run_all(&mut c, |_| done(0, 5, &["x"]));
        assert_eq!(order, [(Mode::Sim, 1), (Mode::Real, 1)]);
        assert_eq!(c.speedup(Mode::Sim), Some(1.0));
        assert_eq!(c.matches_sim(1), Some(Verdict::Same));
    }

    #[test]
    fn speedups_divide_the_time_at_one_by_the_time_at_p() {
        let mut c = Comparison::new(request(4));
        run_all(&mut c, |req| {
            let ns = match (req.mode, req.procs) {
                (Mode::Sim, 4) => 100,
                (Mode::Sim, _) => 400,
                (Mode::Real, 4) => 250,
                (Mode::Real, _) => 500,
            };
            done(0, ns, &["processed 20 jobs"])
        });
        assert_eq!(c.speedup(Mode::Sim), Some(4.0));
        assert_eq!(c.speedup(Mode::Real), Some(2.0));
        assert_eq!(c.matches_sim(4), Some(Verdict::Same));
        assert_eq!(c.matches_sim(1), Some(Verdict::Same));
    }

    #[test]
    fn no_speedup_without_both_runs_or_with_no_time_at_p() {
        let mut c = Comparison::new(request(2));
        assert_eq!(c.speedup(Mode::Sim), None);
        c.start_next();
        c.finish(done(0, 0, &[]));
        c.start_next();
        c.finish(done(0, 0, &[]));
        assert_eq!(c.speedup(Mode::Sim), None, "no time at P");
        c.start_next();
        c.finish(RunState::Failed("only sim mode is available".into()));
        assert_eq!(c.speedup(Mode::Real), None);
        assert_eq!(c.matches_sim(1), None);
        assert_eq!(
            c.state(Mode::Real, 1),
            &RunState::Failed("only sim mode is available".into())
        );
    }

    #[test]
    fn real_matches_sim_in_any_order_with_other_times_and_goroutine_ids() {
        let mut c = Comparison::new(request(2));
        run_all(&mut c, |req| match req.mode {
            Mode::Sim => done(
                2,
                10,
                &["a 1.5s", "b", "panic: boom", "", "goroutine 7 [running]:"],
            ),
            Mode::Real => done(
                2,
                20,
                &[
                    "b",
                    "a 1.502311s",
                    "panic: boom",
                    "",
                    "goroutine 3 [running]:",
                ],
            ),
        });
        assert_eq!(c.matches_sim(2), Some(Verdict::Measured));

        let differs = |sim: RunState, real: RunState| {
            let mut c = Comparison::new(request(2));
            run_all(&mut c, |req| match req.mode {
                Mode::Sim => sim.clone(),
                Mode::Real => real.clone(),
            });
            c.matches_sim(2)
        };
        assert_eq!(
            differs(done(0, 1, &["5", "5"]), done(0, 1, &["5", "3"])),
            Some(Verdict::Differs)
        );
        assert_eq!(
            differs(done(0, 1, &["a"]), done(0, 1, &["a", "a"])),
            Some(Verdict::Differs)
        );
        assert_eq!(
            differs(done(0, 1, &["a"]), done(2, 1, &["a"])),
            Some(Verdict::Differs)
        );
        // A benchmark: the figures are measured, the rest must agree.
        let bench = |ns: &str, ratio: &str| {
            done(
                0,
                1,
                &[
                    &format!("BenchmarkWorkerPool-2  5  {ns} ns/op  8 goroutines/op"),
                    &format!("worker pool: {ratio}x faster, 1250.0x fewer goroutines"),
                ],
            )
        };
        assert_eq!(
            differs(bench("2800000", "2.1"), bench("1668829", "2.0")),
            Some(Verdict::Measured)
        );
        assert_eq!(
            differs(bench("2800000", "2.1"), bench("2800000", "2.1")),
            Some(Verdict::Same)
        );
        let other_count = done(
            0,
            1,
            &[
                "BenchmarkWorkerPool-2  5  2800000 ns/op  9 goroutines/op",
                "worker pool: 2.1x faster, 1250.0x fewer goroutines",
            ],
        );
        assert_eq!(
            differs(bench("2800000", "2.1"), other_count),
            Some(Verdict::Differs)
        );
        let long = RunState::Done(Ended::new(0, 1, ["a"], false));
        assert_eq!(
            differs(done(0, 1, &["a"]), long),
            None,
            "lines not all kept"
        );
    }

    #[test]
    fn stop_ends_the_comparison() {
        let mut c = Comparison::new(request(4));
        c.start_next();
        c.finish(done(0, 1, &[]));
        c.start_next();
        c.stop();
        assert!(!c.is_running());
        assert!(c.is_stopped());
        assert_eq!(c.state(Mode::Sim, 1), &RunState::Stopped);
        assert_eq!(c.state(Mode::Real, 4), &RunState::Stopped);
        assert!(matches!(c.state(Mode::Sim, 4), RunState::Done(_)));
        assert_eq!(c.start_next(), None);
    }

    #[test]
    fn durations_are_replaced_and_nothing_else() {
        for (line, want) in [
            ("took 103.2ms", "took <d>"),
            ("1.002s", "<d>"),
            (
                "https://example.com/page/0: 200 (112ms)",
                "https://example.com/page/0: 200 (<d>)",
            ),
            ("elapsed 1m30.5s, then 2h0m0s.", "elapsed <d>, then <d>."),
            ("5µs 7us 9ns 0s", "<d> <d> <d> <d>"),
            ("round 2: timed out", "round 2: timed out"),
            ("BenchmarkX-4  5  1234 ns/op", "BenchmarkX-4  5  1234 ns/op"),
            (
                "go1.22 v1.5s x5s 5sec 5s_ 3m",
                "go1.22 v1.5s x5s 5sec 5s_ <d>",
            ),
            ("fetched data for id=3", "fetched data for id=3"),
            ("1.5", "1.5"),
            ("", ""),
            ("é5ms ✓5ms", "é5ms ✓<d>"),
        ] {
            assert_eq!(without_durations(line), want, "{line:?}");
        }
    }

    #[test]
    fn measured_figures_are_set_aside_and_nothing_else() {
        for (line, want) in [
            (
                "BenchmarkX-4  5  1234 ns/op  12 B/op",
                "BenchmarkX-4  5  <n> ns/op  <n> B/op",
            ),
            ("3 allocs/op 12.5 MB/s", "<n> allocs/op <n> MB/s"),
            ("worker pool: 2.5x faster", "worker pool: <n>x faster"),
            ("52% busy, took 1.5s", "<n>% busy, took <d>"),
            ("x5 0x10 5xl 3 ns", "x5 0x10 5xl 3 ns"),
            ("processed 20 jobs", "processed 20 jobs"),
        ] {
            assert_eq!(without_measurements(line), want, "{line:?}");
        }
    }

    #[test]
    fn only_other_goroutines_ids_are_replaced() {
        assert_eq!(
            comparable("goroutine 12 [chan send]:"),
            "goroutine <id> [chan send]:"
        );
        assert_eq!(
            comparable("goroutine 1 [running]:"),
            "goroutine 1 [running]:"
        );
        assert_eq!(
            comparable("goroutine x [running]:"),
            "goroutine x [running]:"
        );
        assert_eq!(comparable("goroutine 3 says hi"), "goroutine 3 says hi");
    }
}
