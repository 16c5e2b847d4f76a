//! The catalog (its spec: `docs/PATTERNS.md`): for each pattern its id, title, parameter
//! schema, Go source template, explanation, and the program written on [`crate::rt`].
//!
//! Each pattern lives in its own module, beside its Go template in `go/<id>.go`, and opens
//! with its catalog entry ([`pattern!`]). A pattern's Rust program mirrors its Go source: the
//! same goroutines, channels and structure, so the timeline the page draws is the timeline of
//! the program the user reads; its `program` function is Go's `main`, and `start` turns the
//! page's parameters into its arguments.

/// A pattern's catalog entry: `pub static PATTERN;` then its fields, as [`Pattern`] has them
/// (`group` names a [`Group`]; `extra`, `check` and `cost` may be left out), and the functions its
/// goroutines run (`goroutines`, and `errgroup` for those an errgroup starts), which real
/// mode declares on every executor. The file's `start` function makes the program; the entry
/// and the program are two statics, `PATTERN` and `PROGRAM` (see [`Program`]).
macro_rules! pattern {
    (
        pub static $name:ident;
        id: $id:expr,
        title: $title:expr,
        group: $group:ident,
        params: $params:expr,
        source: $source:expr,
        explanation: $explanation:expr,
        $(extra: $extra:expr,)?
        $(check: $check:expr,)?
        $(cost: $cost:expr,)?
        goroutines: [$($g:expr),* $(,)?],
        $(errgroup: [$($eg:expr),* $(,)?],)?
    ) => {
        pub static $name: super::Pattern = super::Pattern {
            id: $id,
            title: $title,
            group: super::Group::$group,
            params: $params,
            source: $source,
            explanation: $explanation,
            extra: pattern!(@or $($extra)?, super::no_extra),
            check: pattern!(@or $($check)?, super::no_check),
            cost: pattern!(@or $($cost)?, super::cost::small),
        };
        pub static PROGRAM: super::Program = super::Program {
            start,
            goroutines: {
                #[allow(unused_variables)]
                fn declare(entries: &mut crate::rt::real::Entries) {
                    $(entries.add($g);)*
                    $($(crate::rt::errgroup::declare(entries, $eg);)*)?
                }
                declare
            },
        };
    };
    (@or $given:expr, $default:expr) => {
        $given
    };
    (@or , $default:expr) => {
        $default
    };
}

pub mod bench;
mod bench_pingpong;
pub mod cost;
pub mod params;
pub mod template;

mod batch_processor;
mod benchmark;
mod channels;
mod context_cancel;
mod deadlock;
mod double_close;
mod errgroup;
mod fan_out_fan_in;
mod goroutines;
mod leak;
mod loop_capture;
mod nil_channel;
mod pipeline;
mod range_close;
mod select;
mod select_default;
mod semaphore;
mod send_closed;
mod timeout;
mod waitgroup_add;
mod waitgroup_negative;
mod worker_pool;
mod worker_pool_context;

use crate::rt::{self, real, real::Entries};
pub use params::{Notice, ParamKind, ParamSpec, Params, Value};
pub use worker_pool_context::warm_up_source;

/// The catalog's sections, in the order the page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Basics,
    Patterns,
    Mistakes,
    Measuring,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Basics,
        Group::Patterns,
        Group::Mistakes,
        Group::Measuring,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Basics => "Basics",
            Group::Patterns => "Patterns",
            Group::Mistakes => "Mistakes",
            Group::Measuring => "Measuring",
        }
    }
}

/// The main goroutine of a pattern's program, ready to run.
pub type Main = rt::Task;

/// One entry of the catalog.
pub struct Pattern {
    /// The URL id (`worker-pool`).
    pub id: &'static str,
    pub title: &'static str,
    pub group: Group,
    pub params: &'static [ParamSpec],
    /// The Go source template (see [`template`]).
    pub source: &'static str,
    /// A few sentences: what to look for, and what to change to see it.
    pub explanation: &'static str,
    /// Extra Go snippets the template needs beyond plain parameter values, for these
    /// parameters and the run's seed (a pattern with seeded data shows it in its source).
    pub extra: fn(&Params, u64) -> Vec<(&'static str, String)>,
    /// Checks beyond each parameter's own range (e.g. the entries of a list); the notices say
    /// what was corrected, and the returned parameters are the ones to use.
    pub check: fn(Params) -> (Params, Vec<Notice>),
    /// How a run's work scales with these parameters (see [`cost`]).
    pub cost: fn(&Params) -> cost::Cost,
}

/// A pattern's Rust program, apart from its [`Pattern`] so that the page, which reads the
/// catalog and never runs a program itself, does not carry the programs and the runtime they
/// use in its wasm: only code that runs one reaches this table ([`Pattern::program`]).
pub struct Program {
    /// The program: its main goroutine for these parameters and the run's seed.
    pub start: fn(&Params, u64) -> Main,
    /// Declares the functions its goroutines run (see [`crate::rt::real::entry`]).
    pub goroutines: fn(&mut Entries),
}

impl Pattern {
    /// The Go program with the current parameter values written in, as the page shows it for
    /// a run with `seed`.
    pub fn go_source(&self, params: &Params, seed: u64) -> String {
        template::render(self.source, params, &(self.extra)(params, seed))
    }

    /// The pattern's Rust program.
    fn rust_program(&self) -> &'static Program {
        match CATALOG.iter().position(|p| p.id == self.id) {
            Some(at) => PROGRAMS[at],
            None => bench::program_of(self.id).expect("every pattern has a program"),
        }
    }

    /// The program's main goroutine, ready for [`rt::Runtime::start`].
    pub fn program(&self, params: &Params, seed: u64) -> Main {
        (self.rust_program().start)(params, seed)
    }

    /// The program as a real-mode executor runs it.
    pub fn real_program(&'static self, params: Params, seed: u64) -> real::Program {
        real::Program::new(
            move || self.program(&params, seed),
            self.rust_program().goroutines,
        )
    }

    /// Parses `(key, raw)` pairs into checked parameters for this pattern, with notices for
    /// everything that was corrected.
    pub fn parse_params<'a>(
        &self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Params, Vec<Notice>) {
        let (params, mut notices) = Params::parse(self.params, pairs);
        let (params, more) = (self.check)(params);
        notices.extend(more);
        (params, notices)
    }

    /// Runs the program in sim mode to the end.
    pub fn run_sim(&self, params: &Params, config: rt::Config) -> rt::Report {
        let main = self.program(params, config.seed);
        rt::Runtime::new(config).run(main)
    }
}

/// No extra snippets.
pub fn no_extra(_: &Params, _seed: u64) -> Vec<(&'static str, String)> {
    Vec::new()
}

/// No checks beyond each parameter's range.
pub fn no_check(params: Params) -> (Params, Vec<Notice>) {
    (params, Vec::new())
}

/// Every pattern, in catalog order.
pub fn catalog() -> &'static [&'static Pattern] {
    CATALOG
}

/// The pattern with this id.
pub fn find(id: &str) -> Option<&'static Pattern> {
    CATALOG.iter().copied().find(|p| p.id == id)
}

/// The pattern a page opens when the link names none.
pub const DEFAULT_PATTERN: &str = "worker-pool";

/// The catalog's two tables, in catalog order: the entries ([`CATALOG`]) and their programs
/// ([`PROGRAMS`]), from one list of modules.
macro_rules! catalog {
    ($($module:ident,)*) => {
        static CATALOG: &[&Pattern] = &[$(&$module::PATTERN),*];
        static PROGRAMS: &[&Program] = &[$(&$module::PROGRAM),*];
    };
}

catalog! {
    // Basics
    goroutines,
    channels,
    range_close,
    select,
    select_default,
    timeout,
    waitgroup_add,
    // Patterns
    worker_pool,
    fan_out_fan_in,
    pipeline,
    context_cancel,
    worker_pool_context,
    semaphore,
    errgroup,
    batch_processor,
    // Mistakes
    leak,
    double_close,
    send_closed,
    nil_channel,
    loop_capture,
    waitgroup_negative,
    deadlock,
    // Measuring
    benchmark,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_is_the_one_of_patterns_md() {
        let ids: Vec<_> = catalog().iter().map(|p| p.id).collect();
        assert_eq!(
            ids,
            [
                "goroutines",
                "channels",
                "range-close",
                "select",
                "select-default",
                "timeout",
                "waitgroup-add",
                "worker-pool",
                "fan-out-fan-in",
                "pipeline",
                "context-cancel",
                "worker-pool-context",
                "semaphore",
                "errgroup",
                "batch-processor",
                "leak",
                "double-close",
                "send-closed",
                "nil-channel",
                "loop-capture",
                "waitgroup-negative",
                "deadlock",
                "benchmark",
            ]
        );
        for group in Group::ALL {
            assert!(
                catalog().iter().any(|p| p.group == group),
                "{group:?} is empty"
            );
        }
    }

    #[test]
    fn ids_are_unique_and_defaults_valid() {
        let mut ids: Vec<_> = catalog().iter().map(|p| p.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), catalog().len());
        for p in catalog() {
            // Panics with the key's name if a default does not parse.
            let params = Params::defaults(p.params);
            let source = p.go_source(&params, 1);
            assert!(!source.contains("{{"), "{}: unrendered template text", p.id);
        }
    }
}
