//! The states a timeline lane shows, their colours and the legend.
//!
//! The colours are Okabe and Ito's palette (*Color Universal Design*, 2008), chosen so that
//! readers with any common colour-vision deficiency can tell them apart; the two states that
//! share a hue family (sleeping, done) also differ in lightness and, on the timeline, in
//! height (done is a hairline).

use crate::rt::{Status, WaitReason};

/// What a goroutine is doing during a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum State {
    /// Executing Go code on a processor.
    Running,
    /// Ready to run, waiting for a processor.
    Runnable,
    /// Doing CPU work on a processor (`cpu_work`).
    Cpu,
    /// Real mode: running on an executor (the hub's view of a goroutine between two of its
    /// operations).
    Executor,
    /// Blocked sending on a channel (nil included).
    Send,
    /// Blocked receiving from a channel (nil included).
    Recv,
    /// Blocked in a `select` over several channels (or none).
    Select,
    /// In `time.Sleep` or waiting for a timer.
    Sleep,
    /// Blocked on a WaitGroup, Mutex, Once or semaphore (Go's `semacquire`).
    Sync,
    /// Real mode: waiting for the hub to perform an operation (an executor's view).
    Hub,
    /// Returned; the lane is empty from here on.
    Done,
}

/// How many states there are; `State as usize` indexes arrays of this length.
pub const STATES: usize = 11;

impl State {
    pub const ALL: [State; STATES] = [
        State::Running,
        State::Runnable,
        State::Cpu,
        State::Executor,
        State::Send,
        State::Recv,
        State::Select,
        State::Sleep,
        State::Sync,
        State::Hub,
        State::Done,
    ];

    /// The state a runtime status is drawn as. `Blocked(CpuWork)` is split by the timeline
    /// into waiting for a processor and working on it; alone it means working.
    pub fn of(status: Status) -> State {
        match status {
            Status::Running => State::Running,
            Status::Runnable => State::Runnable,
            Status::Done => State::Done,
            Status::Blocked(r) => match r {
                WaitReason::ChanSend | WaitReason::ChanSendNil => State::Send,
                WaitReason::ChanRecv | WaitReason::ChanRecvNil => State::Recv,
                WaitReason::Select | WaitReason::SelectNoCases => State::Select,
                WaitReason::Sleep => State::Sleep,
                WaitReason::WaitGroup
                | WaitReason::Mutex
                | WaitReason::Once
                | WaitReason::CondWait => State::Sync,
                WaitReason::CpuWork => State::Cpu,
                WaitReason::Executor => State::Executor,
                WaitReason::Hub => State::Hub,
            },
        }
    }

    /// The legend's words.
    pub fn label(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Runnable => "runnable",
            State::Cpu => "CPU work",
            State::Executor => "running on an executor",
            State::Send => "blocked on send",
            State::Recv => "blocked on receive",
            State::Select => "blocked in select",
            State::Sleep => "sleeping",
            State::Sync => "blocked on sync",
            State::Hub => "waiting on the hub",
            State::Done => "done",
        }
    }

    /// A CSS-safe short name (`class="s-recv"`).
    pub fn key(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Runnable => "runnable",
            State::Cpu => "cpu",
            State::Executor => "executor",
            State::Send => "send",
            State::Recv => "recv",
            State::Select => "select",
            State::Sleep => "sleep",
            State::Sync => "sync",
            State::Hub => "hub",
            State::Done => "done",
        }
    }

    /// The fill colour (Okabe–Ito, plus two greys).
    pub fn color(self) -> &'static str {
        match self {
            State::Running => "#009E73",  // bluish green
            State::Runnable => "#F0E442", // yellow
            State::Cpu => "#0072B2",      // blue
            State::Executor => "#117733", // green, darker than running (Tol's palette)
            State::Send => "#E69F00",     // orange
            State::Recv => "#56B4E9",     // sky blue
            State::Select => "#CC79A7",   // reddish purple
            State::Sleep => "#B8B8B8",    // grey
            State::Sync => "#D55E00",     // vermillion
            State::Hub => "#332288",      // indigo (Tol's palette)
            State::Done => "#5E5E5E",     // dark grey, drawn as a hairline
        }
    }

    /// What hovering the legend explains.
    pub fn description(self) -> &'static str {
        match self {
            State::Running => "executing Go code (an instant in sim mode: virtual time stands still while code runs)",
            State::Runnable => "ready, waiting for a processor",
            State::Cpu => "doing CPU work on a processor",
            State::Executor => "real mode: running on an executor (a Web Worker), between two operations on the hub",
            State::Send => "waiting for a receiver or for room in the buffer (chan send)",
            State::Recv => "waiting for a value (chan receive)",
            State::Select => "waiting for any case of a select",
            State::Sleep => "waiting for a timer (time.Sleep, time.After)",
            State::Sync => "waiting on a WaitGroup, Mutex, Once or semaphore (semacquire)",
            State::Hub => "real mode: waiting for the hub, the worker that owns every object, to perform an operation",
            State::Done => "returned",
        }
    }

    /// True for the states in which the goroutine waits on something else.
    pub fn is_blocked(self) -> bool {
        matches!(
            self,
            State::Send | State::Recv | State::Select | State::Sleep | State::Sync | State::Hub
        )
    }

    /// True for the states only real mode's goroutines are in.
    pub fn is_real_mode(self) -> bool {
        matches!(self, State::Executor | State::Hub)
    }
}

/// One row of the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub state: State,
    pub label: &'static str,
    pub color: &'static str,
    pub description: &'static str,
}

/// The legend: every state, in the order the timeline's eye reads them; real mode's own
/// states only for a real-mode run.
pub fn legend(real_mode: bool) -> Vec<LegendEntry> {
    State::ALL
        .iter()
        .filter(|s| real_mode || !s.is_real_mode())
        .map(|&state| LegendEntry {
            state,
            label: state.label(),
            color: state.color(),
            description: state.description(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wait_reason_has_a_state() {
        assert_eq!(State::of(Status::Blocked(WaitReason::Mutex)), State::Sync);
        assert_eq!(
            State::of(Status::Blocked(WaitReason::ChanRecvNil)),
            State::Recv
        );
        assert_eq!(State::of(Status::Runnable), State::Runnable);
        assert_eq!(
            State::of(Status::Blocked(WaitReason::Executor)),
            State::Executor
        );
        assert_eq!(State::of(Status::Blocked(WaitReason::Hub)), State::Hub);
        for (i, s) in State::ALL.iter().enumerate() {
            assert_eq!(*s as usize, i, "ALL is in discriminant order");
        }
    }

    #[test]
    fn the_legend_has_distinct_colours() {
        let l = legend(true);
        assert_eq!(l.len(), STATES);
        assert_eq!(legend(false).len(), STATES - 2);
        let mut colors: Vec<_> = l.iter().map(|e| e.color).collect();
        colors.sort();
        colors.dedup();
        assert_eq!(colors.len(), STATES);
    }
}
