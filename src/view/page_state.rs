//! The page's state and every way it changes.
//!
//! One [`AppState`] holds the configuration (a [`PageConfig`], with the program the page runs:
//! rendered from its values or edited), what the last run said of the program's lines (a
//! [`Code`]: its compile errors, the line to mark), the notices, the current run and the
//! comparison on show; components send [`Action`]s and the reducer applies them. Side effects
//! (starting a worker, writing the address bar) happen in the app's effects, after the state
//! that asks for them is rendered, so they always see the latest configuration. The reducer
//! ([`AppState::apply`]) is pure and builds natively; `ui::state` hands it to yew.
//!
//! A comparison is a chain of ordinary runs: when one of its runs ends, the reducer records
//! it and starts the next as a new run, which the app's run effect hands to the worker like
//! any other.
//!
//! # Invariants
//! - Events of a run are applied only while `run.id` is theirs and the run is `Running`, so a
//!   stopped or replaced run can never write into the console.
//! - While the comparison is running, the current run is its running run.
//! - `code.source()` is always the configuration's program (`link.go_source()`), which every
//!   run sends.

use std::rc::Rc;

use crate::chart::Chart;
use crate::patterns::{self, Notice};
use crate::protocol::{Mode, RunRequest, RunSummary, TraceData};
use crate::runner::RunnerEvent;
use crate::view::code::{Code, MarkKind};
use crate::view::compare::{Comparison, Ended, RunState};
use crate::view::console::Console;
use crate::view::cost_guard::Verdict;
use crate::view::page_config::PageConfig;

/// The program "New" starts: the least Go that compiles.
pub const BLANK_PROGRAM: &str = "package main\n\nfunc main() {\n\t\n}\n";

/// Where the page is: a URL's query and fragment, each without its `?` or `#`.
#[derive(Clone, Debug, PartialEq)]
pub struct Address {
    pub query: String,
    pub fragment: String,
}

/// The most notices shown at once; older ones give way.
const MAX_NOTICES: usize = 20;

/// Where the current run is.
#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    /// Nothing ran yet for this configuration.
    Idle,
    Running,
    /// The user stopped it.
    Stopped,
    Done(Rc<RunSummary>),
    /// The source did not compile (with this many errors, `code.errors()`): nothing ran, and
    /// the console holds what `go run` prints, as a run that exited with status 1.
    NotCompiled(usize),
    /// It could not start, or the worker failed.
    Failed(Rc<str>),
}

impl RunStatus {
    /// The output's `data-state` (`docs/ARCHITECTURE.md`, The page's contract).
    pub fn data_state(&self) -> &'static str {
        match self {
            RunStatus::Idle | RunStatus::Stopped => "idle",
            RunStatus::Running => "running",
            RunStatus::Done(_) | RunStatus::NotCompiled(_) => "done",
            RunStatus::Failed(_) => "error",
        }
    }

    /// The exit status `go run` would give, once the run has ended (`data-exit-code`).
    pub fn exit_code(&self) -> Option<i32> {
        match self {
            RunStatus::Done(summary) => Some(summary.exit_code),
            RunStatus::NotCompiled(_) => Some(1),
            _ => None,
        }
    }
}

/// One run and what it printed.
#[derive(Clone, Debug)]
pub struct RunView {
    /// Counts runs from 1; 0 before the first.
    pub id: u32,
    /// What runs; `None` before the first run.
    pub request: Option<Rc<RunRequest>>,
    pub status: RunStatus,
    pub console: Rc<Console>,
    /// The views computed from the run's trace, once it arrived, and when its message
    /// arrived (`performance.now()`, ms).
    pub chart: Option<(Rc<Chart>, f64)>,
}

impl PartialEq for RunView {
    fn eq(&self, other: &Self) -> bool {
        // A console is replaced, never changed in place, so its address tells.
        self.id == other.id
            && self.request == other.request
            && self.status == other.status
            && Rc::ptr_eq(&self.console, &other.console)
            && match (&self.chart, &other.chart) {
                (Some(a), Some(b)) => Rc::ptr_eq(&a.0, &b.0),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

impl RunView {
    /// The run's mode (sim before any run), whose clock the page's figures for it round to.
    pub fn mode(&self) -> Mode {
        self.request.as_ref().map_or(Mode::Sim, |r| r.mode)
    }

    /// Run `id`, with nothing printed yet: `request` starting, or idle before any run.
    fn new(id: u32, request: Option<RunRequest>) -> Self {
        RunView {
            id,
            status: if request.is_some() {
                RunStatus::Running
            } else {
                RunStatus::Idle
            },
            request: request.map(Rc::new),
            console: Rc::new(Console::new()),
            chart: None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub link: PageConfig,
    /// The Go source the page shows and runs (see `crate::view::code`).
    pub code: Code,
    /// The cores the browser reports (`navigator.hardwareConcurrency`; 0 when it reports
    /// none), which decide real mode's default processors.
    pub cores: u32,
    pub notices: Rc<Vec<Notice>>,
    pub run: RunView,
    /// The comparison on show, running or ended; `None` until Compare is pressed.
    pub compare: Option<Rc<Comparison>>,
    /// Bumped on every form edit, so inputs showing a corrected value refresh even when the
    /// value itself did not change.
    pub form_rev: u32,
    /// Why the link's `autorun=1` did not start the run (`view::cost_guard`), until a run
    /// starts.
    pub autorun_held: Option<Rc<str>>,
}

impl AppState {
    /// The state for a page opened with `query` and `fragment`, in a browser that reports
    /// `cores`.
    pub fn from_url(query: &str, fragment: &str, cores: u32) -> Self {
        let (link, notices) = PageConfig::parse_url(query, fragment);
        let verdict = Verdict::of(&link, cores);
        let autorun_held = (link.autorun && !verdict.autorun_ok()).then(|| verdict.held().into());
        AppState {
            code: Code::new(link.go_source()),
            link,
            cores,
            notices: Rc::new(notices),
            run: RunView::new(0, None),
            compare: None,
            form_rev: 0,
            autorun_held,
        }
    }

    /// The notices not shown at a field of the form: about the link as a whole, or about a
    /// value the form has no field for.
    pub fn banner_notices(&self) -> Rc<Vec<Notice>> {
        let on_form = |key: &str| {
            ["seed", "mode", "procs"].contains(&key)
                || self.link.pattern.params.iter().any(|p| p.key == key)
        };
        if self.notices.iter().all(|n| !n.key.is_some_and(on_form)) {
            return self.notices.clone();
        }
        let banner = self.notices.iter().filter(|n| !n.key.is_some_and(on_form));
        Rc::new(banner.cloned().collect())
    }

    /// Whether the link's `autorun=1` starts the run on opening.
    pub fn autorun(&self) -> bool {
        self.link.autorun && self.autorun_held.is_none()
    }

    /// The comparison, while it is running.
    fn running_compare(&self) -> Option<&Comparison> {
        self.compare.as_deref().filter(|c| c.is_running())
    }
}

pub enum Action {
    SelectPattern(&'static str),
    /// The address bar went back or forward to this address: show that configuration.
    Load(Address),
    SetParam {
        key: &'static str,
        raw: String,
    },
    SetSeed(String),
    SetMode(String),
    SetProcs(String),
    ResetParams,
    /// The reader edited the program; this is its whole new text.
    EditCode(String),
    /// Back to the pattern's rendered source.
    ResetCode,
    /// A blank program to write from scratch.
    NewProgram,
    /// Show `line` (and `col`) of the source in the editor: the reader picked it, for `kind`.
    ShowLine {
        line: u32,
        col: Option<u32>,
        kind: MarkKind,
    },
    DismissNotices,
    /// Start a new run of the current configuration.
    Run,
    /// Start a new run unless one is in progress (a request from the page that embeds this
    /// one, which may repeat it).
    RunIfIdle,
    /// Start a comparison of the current configuration (see `crate::view::compare`).
    Compare,
    /// The user stopped the run, and the comparison if one is running.
    Stop,
    /// What run `.0` reported.
    Event(u32, RunnerEvent),
}

impl AppState {
    /// The state after `action`: `self` itself when the action changes nothing (an event of a
    /// run that is not the current one, or no longer running, among others). A run's trace
    /// becomes its chart through `build_chart` (the page times it).
    pub fn apply(
        self: Rc<Self>,
        action: Action,
        build_chart: impl FnOnce(TraceData) -> Chart,
    ) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SelectPattern(id) => {
                let Some(pattern) = patterns::find(id) else {
                    return self;
                };
                if pattern.id == self.link.pattern.id {
                    return self;
                }
                next.link = self.link.with_pattern(pattern);
                next.code = Code::new(next.link.go_source());
                next.notices = Rc::new(Vec::new());
                next.run = RunView::new(self.run.id, None);
                next.compare = None;
                next.form_rev += 1;
            }
            Action::Load(address) => {
                let (link, notices) = PageConfig::parse_url(&address.query, &address.fragment);
                if link == self.link {
                    return self;
                }
                next.link = link;
                next.code = Code::new(next.link.go_source());
                next.notices = Rc::new(notices);
                next.run = RunView::new(self.run.id, None);
                next.compare = None;
                next.form_rev += 1;
            }
            Action::SetParam { key, raw } => {
                let notices = next.link.set_param(key, &raw);
                next.replace_notices(key, notices);
                next.code.show(next.link.go_source());
                next.form_rev += 1;
            }
            Action::SetSeed(raw) => {
                let notice = next.link.set_seed(&raw);
                next.replace_notices("seed", notice);
                // A pattern with seeded data shows it in its source.
                next.code.show(next.link.go_source());
                next.form_rev += 1;
            }
            Action::SetMode(raw) => {
                let notice = next.link.set_mode(&raw);
                next.replace_notices("mode", notice);
                next.form_rev += 1;
            }
            Action::SetProcs(raw) => {
                let notice = next.link.set_procs(&raw, self.cores);
                next.replace_notices("procs", notice);
                next.form_rev += 1;
            }
            Action::ResetParams => {
                next.link.reset_params();
                next.code.show(next.link.go_source());
                let params = self.link.pattern.params;
                let notices = self
                    .notices
                    .iter()
                    .filter(|n| !n.key.is_some_and(|k| params.iter().any(|p| p.key == k)));
                next.notices = Rc::new(notices.cloned().collect());
                next.form_rev += 1;
            }
            Action::EditCode(text) => {
                next.link.set_code(&text);
                if next.link.code == self.link.code {
                    return self;
                }
                next.code.show(next.link.go_source());
            }
            Action::ResetCode => {
                if !self.link.edited() {
                    return self;
                }
                next.link.reset_code();
                next.code.reset(next.link.go_source());
            }
            Action::NewProgram => {
                next.link.set_code(BLANK_PROGRAM);
                next.code.reset(next.link.go_source());
            }
            Action::ShowLine { line, col, kind } => next.code.pick(line, col, kind),
            Action::DismissNotices => next.notices = Rc::new(Vec::new()),
            Action::RunIfIdle if self.run.status == RunStatus::Running => return self,
            Action::Run | Action::RunIfIdle => {
                // A plain run replaces a comparison's run; the comparison ends there.
                next.stop_compare();
                let request = self.link.run_request(self.cores);
                next.code.run_started();
                next.run = RunView::new(self.run.id + 1, Some(request));
                next.autorun_held = None;
            }
            Action::Compare => {
                next.autorun_held = None;
                let request = self.link.run_request(self.cores);
                next.code.run_started();
                let mut compare = Comparison::new(request);
                let first = compare.start_next();
                next.run = RunView::new(self.run.id + 1, first);
                next.compare = Some(Rc::new(compare));
            }
            Action::Stop => {
                if self.run.status != RunStatus::Running {
                    return self;
                }
                next.run.status = RunStatus::Stopped;
                next.stop_compare();
            }
            Action::Event(run, event) => {
                if run != self.run.id || self.run.status != RunStatus::Running {
                    return self;
                }
                match event {
                    RunnerEvent::Output(batch) => {
                        let mut console = (*self.run.console).clone();
                        console.apply(batch);
                        next.run.console = Rc::new(console);
                    }
                    RunnerEvent::Trace { trace, received_ms } => {
                        let trace = Rc::try_unwrap(trace).unwrap_or_else(|t| (*t).clone());
                        next.run.chart = Some((Rc::new(build_chart(trace)), received_ms));
                    }
                    RunnerEvent::Done(summary) => {
                        next.code.run_ended(&summary);
                        next.run.status = RunStatus::Done(Rc::new(summary));
                        next.next_compare_run();
                    }
                    RunnerEvent::Vet(findings) => next.code.vet_found(findings),
                    RunnerEvent::CompileFailed(errors) => {
                        next.run.status = RunStatus::NotCompiled(errors.len());
                        next.code.compile_failed(errors);
                        next.next_compare_run();
                    }
                    RunnerEvent::Failed(why) => {
                        next.run.status = RunStatus::Failed(why.into());
                        next.next_compare_run();
                    }
                }
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Once the current run has ended: if it belongs to the running comparison, records how
    /// it ended and starts the comparison's next run, if any.
    fn next_compare_run(&mut self) {
        let Some(compare) = self.running_compare() else {
            return;
        };
        let end = match &self.run.status {
            RunStatus::Done(summary) => {
                let console = &self.run.console;
                RunState::Done(
                    Ended::new(
                        summary.exit_code,
                        summary.elapsed_ns,
                        console.texts(),
                        console.omitted() == 0,
                    )
                    .with_floor(summary.floor),
                )
            }
            RunStatus::Failed(why) => RunState::Failed(why.to_string()),
            RunStatus::NotCompiled(_) => RunState::Failed("the program does not compile".into()),
            _ => return,
        };
        let mut compare = compare.clone();
        compare.finish(end);
        if let Some(request) = compare.start_next() {
            self.run = RunView::new(self.run.id + 1, Some(request));
        }
        self.compare = Some(Rc::new(compare));
    }

    /// Stops the comparison, if one is running.
    fn stop_compare(&mut self) {
        if let Some(compare) = self.running_compare() {
            let mut compare = compare.clone();
            compare.stop();
            self.compare = Some(Rc::new(compare));
        }
    }

    /// Field `key` was edited: its earlier notices (and those of any field the new ones are
    /// about) give way to `new`, so a value fixed is a message gone.
    fn replace_notices(&mut self, key: &'static str, new: impl IntoIterator<Item = Notice>) {
        let new: Vec<Notice> = new.into_iter().collect();
        let replaced = |n: &Notice| {
            n.key
                .is_some_and(|k| k == key || new.iter().any(|m| m.key == Some(k)))
        };
        let mut all: Vec<Notice> = self
            .notices
            .iter()
            .filter(|n| !replaced(n))
            .cloned()
            .collect();
        all.extend(new);
        let over = all.len().saturating_sub(MAX_NOTICES);
        all.drain(..over);
        self.notices = Rc::new(all);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::CompileError;
    use crate::rt::{Metrics, Outcome, OutputLine, Stream};
    use crate::view::console::Batch;

    /// A page opened on `select`, in a browser that reports 4 cores.
    fn page() -> Rc<AppState> {
        Rc::new(AppState::from_url("?p=select", "", 4))
    }

    /// `state` after `action`, which must not draw a trace.
    fn apply(state: &Rc<AppState>, action: Action) -> Rc<AppState> {
        state.clone().apply(action, |_| {
            panic!("a chart was built for an event that was not applied")
        })
    }

    fn printed(text: &str) -> RunnerEvent {
        RunnerEvent::Output(Batch {
            head: vec![OutputLine {
                text: text.into(),
                t_ns: 0,
                g: 1,
                stream: Stream::Stdout,
                no_newline: false,
            }],
            ..Batch::default()
        })
    }

    fn done(exit_code: i32) -> RunnerEvent {
        RunnerEvent::Done(RunSummary {
            outcome: Outcome::Exit,
            exit_code,
            elapsed_ns: 1_000,
            wall_ms: 1.0,
            leaked: Vec::new(),
            leaked_count: 0,
            metrics: Metrics::default(),
            trace_events: 0,
            trace_truncated: false,
            line: None,
            floor: None,
        })
    }

    fn trace() -> RunnerEvent {
        RunnerEvent::Trace {
            trace: Rc::new(TraceData::default()),
            received_ms: 1.0,
        }
    }

    /// One event of every kind a run reports.
    fn every_event() -> Vec<RunnerEvent> {
        vec![
            printed("late"),
            trace(),
            done(0),
            RunnerEvent::CompileFailed(vec![CompileError {
                line: 3,
                col: 1,
                text: "./prog.go:3:1: syntax error".into(),
            }]),
            RunnerEvent::Vet(vec![CompileError {
                line: 4,
                col: 2,
                text: "./prog.go:4:2: func passes lock by value: sync.Mutex".into(),
            }]),
            RunnerEvent::Failed("the worker failed".into()),
        ]
    }

    /// Checks that every event of run `id` leaves `state` as it is.
    fn ignores_every_event_of(state: &Rc<AppState>, id: u32) {
        for event in every_event() {
            let after = apply(state, Action::Event(id, event.clone()));
            assert!(
                Rc::ptr_eq(&after, state),
                "run {id}'s {event:?} changed the state of run {} ({:?})",
                state.run.id,
                state.run.status
            );
        }
    }

    #[test]
    fn a_new_run_gets_a_new_id() {
        let idle = page();
        assert_eq!(idle.run.id, 0);
        assert_eq!(idle.run.status, RunStatus::Idle);
        assert!(idle.run.request.is_none());

        let first = apply(&idle, Action::Run);
        assert_eq!(first.run.id, 1);
        assert_eq!(first.run.status, RunStatus::Running);
        assert_eq!(
            first.run.request.as_deref(),
            Some(&idle.link.run_request(4))
        );
        // Asked again while it runs (an embedding page may repeat itself): the same run.
        assert!(Rc::ptr_eq(&apply(&first, Action::RunIfIdle), &first));

        // Run during a run: a new run, with nothing printed yet.
        let printing = apply(&first, Action::Event(1, printed("one")));
        let second = apply(&printing, Action::Run);
        assert_eq!(second.run.id, 2);
        assert_eq!(second.run.status, RunStatus::Running);
        assert!(second.run.console.is_empty());

        // After a run ended, or was stopped, every way to start one starts the next.
        let ended = apply(&second, Action::Event(2, done(0)));
        let third = apply(&ended, Action::RunIfIdle);
        assert_eq!(third.run.id, 3);
        let stopped = apply(&third, Action::Stop);
        let compared = apply(&stopped, Action::Compare);
        assert_eq!(compared.run.id, 4);
        assert_eq!(compared.run.status, RunStatus::Running);
        // A comparison's next run is a new run too.
        let next = apply(&compared, Action::Event(4, done(0)));
        assert_eq!(next.run.id, 5);
        assert_eq!(next.run.status, RunStatus::Running);

        // Another pattern shows no run, and keeps the count: its first run is a new one.
        let other = apply(&next, Action::SelectPattern("pipeline"));
        assert_eq!(other.run.id, 5);
        assert_eq!(other.run.status, RunStatus::Idle);
        assert_eq!(apply(&other, Action::Run).run.id, 6);
    }

    #[test]
    fn a_stopped_runs_late_events_are_ignored() {
        let running = apply(&page(), Action::Run);
        let printing = apply(&running, Action::Event(1, printed("before Stop")));
        let stopped = apply(&printing, Action::Stop);
        assert_eq!(stopped.run.id, 1);
        assert_eq!(stopped.run.status, RunStatus::Stopped);
        assert_eq!(stopped.run.status.data_state(), "idle");
        assert_eq!(stopped.run.status.exit_code(), None);
        ignores_every_event_of(&stopped, 1);
        assert_eq!(stopped.run.console.texts(), ["before Stop"]);
        // Nothing is left to stop.
        assert!(Rc::ptr_eq(&apply(&stopped, Action::Stop), &stopped));

        // A stopped comparison: its run's late end starts none of its other runs.
        let comparing = apply(&stopped, Action::Compare);
        let stopped = apply(&comparing, Action::Stop);
        assert_eq!(stopped.run.status, RunStatus::Stopped);
        assert!(!stopped
            .compare
            .as_ref()
            .expect("the comparison")
            .is_running());
        ignores_every_event_of(&stopped, comparing.run.id);
    }

    #[test]
    fn events_of_an_older_run_are_ignored() {
        let first = apply(&page(), Action::Run);
        let second = apply(&first, Action::Run);
        ignores_every_event_of(&second, 1);
        // Nor do events of no run (0), or of a run not started yet.
        for id in [0, 3, u32::MAX] {
            ignores_every_event_of(&second, id);
        }

        // The current run's events are applied, in order, until it ends.
        let printing = apply(&second, Action::Event(2, printed("mine")));
        assert_eq!(printing.run.console.texts(), ["mine"]);
        let drawn = printing.clone().apply(Action::Event(2, trace()), |t| {
            Chart::build(t, crate::chart::duration::Resolution::SIM)
        });
        assert_eq!(drawn.run.chart.as_ref().map(|(_, at)| *at), Some(1.0));
        let ended = apply(&drawn, Action::Event(2, done(3)));
        assert_eq!(ended.run.status.exit_code(), Some(3));
        assert_eq!(ended.run.status.data_state(), "done");
        // Once it ended, its own late events are ignored too.
        ignores_every_event_of(&ended, 2);
        assert_eq!(ended.run.console.texts(), ["mine"]);

        // A comparison's runs follow one another: the run before does not write into the next.
        let comparing = apply(&ended, Action::Compare);
        let next = apply(&comparing, Action::Event(comparing.run.id, done(0)));
        assert_eq!(next.run.id, comparing.run.id + 1);
        ignores_every_event_of(&next, comparing.run.id);

        // Another pattern: the run that was going is no longer the page's.
        let other = apply(&next, Action::SelectPattern("pipeline"));
        ignores_every_event_of(&other, next.run.id);
    }

    #[test]
    fn back_brings_a_links_configuration_and_program_back() {
        let edited = apply(&page(), Action::EditCode(BLANK_PROGRAM.into()));
        let address = Address {
            query: edited.link.to_query(),
            fragment: edited.link.to_fragment(),
        };
        let other = apply(&edited, Action::SelectPattern("pipeline"));
        assert_eq!(other.link.pattern.id, "pipeline");
        let back = apply(&other, Action::Load(address.clone()));
        assert_eq!(back.link, edited.link);
        assert_eq!(back.link.go_source().as_ref(), BLANK_PROGRAM);
        assert_eq!(back.run.status, RunStatus::Idle);
        // The address on show already: nothing changes.
        assert!(Rc::ptr_eq(&apply(&back, Action::Load(address)), &back));
    }

    #[test]
    fn a_fixed_value_takes_its_notice_away() {
        let state = page();
        let key = state.link.pattern.params[0].key;
        let bad = apply(
            &state,
            Action::SetParam {
                key,
                raw: "abc".into(),
            },
        );
        assert!(
            bad.notices.iter().any(|n| n.key == Some(key)),
            "{:?}",
            bad.notices
        );
        let fixed = apply(&bad, Action::ResetParams);
        assert!(fixed.notices.iter().all(|n| n.key != Some(key)));
        let again = apply(
            &bad,
            Action::SetParam {
                key,
                raw: "2".into(),
            },
        );
        assert!(
            again.notices.iter().all(|n| n.key != Some(key)),
            "{:?}",
            again.notices
        );
    }
}
