//! Real mode's configurations, and its run driven in one thread: the hub and its executors as
//! [`Runtime`](crate::rt::Runtime)s, their messages passed in memory. The browser runs the
//! same runtimes on Web Workers with the same messages (`runner::real_host`); this driver is
//! how the native tests check real mode's semantics (it has no parallelism: the executors
//! take turns).

use crate::rt::{Config, Role};

/// The configuration of a real-mode run's hub (`None`) or executor `worker`, for a run that
/// started at `epoch_ns` on the wall clock.
pub fn config(worker: Option<u32>, seed: u64, procs: u32, epoch_ns: u64, max_ns: u64) -> Config {
    let procs = procs.max(1);
    let (role, trace_cap) = match worker {
        None => (Role::Hub { procs }, Config::default().trace_cap),
        // The hub keeps the run's trace; an executor's own would go unread.
        Some(worker) => (Role::Executor { worker, procs }, 0),
    };
    Config {
        seed,
        procs,
        max_virtual_ns: max_ns,
        role,
        epoch_ns,
        trace_cap,
        ..Config::default()
    }
}

/// Runs `main` in real mode on `procs` executors, in this thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn run_in_thread(
    seed: u64,
    procs: u32,
    max_ns: u64,
    mut main: impl FnMut() -> crate::rt::Task,
) -> Result<crate::rt::Report, String> {
    use crate::rt::{wall_ns, Progress, Runtime};
    /// Scheduler steps a runtime takes before the driver turns to the next.
    const SLICE_STEPS: u64 = 1024;
    let epoch_ns = wall_ns();
    let mut hub = Runtime::new(config(None, seed, procs, epoch_ns, max_ns));
    hub.start_hub();
    let mut executors: Vec<Runtime> = (0..procs.max(1))
        .map(|w| Runtime::new(config(Some(w), seed, procs, epoch_ns, max_ns)))
        .collect();
    loop {
        let hub_progress = hub.run_slice(SLICE_STEPS);
        if let Progress::Done(report) = hub_progress {
            return Ok(*report);
        }
        let mut moved = matches!(hub_progress, Progress::Running);
        for (w, exec) in executors.iter_mut().enumerate() {
            let messages = hub.hub_take(w);
            moved |= !messages.is_empty();
            exec.executor_deliver(messages, &mut main)?;
            match exec.run_slice(SLICE_STEPS) {
                Progress::Done(report) => {
                    return Err(format!(
                        "executor {w} ended on its own: {:?}",
                        report.outcome
                    ))
                }
                Progress::Running => moved = true,
                Progress::Idle(_) => {}
            }
            let ops = exec.executor_take(true);
            moved |= !ops.is_empty();
            hub.hub_deliver(ops);
        }
        if !moved {
            // Everyone waits for a timer: let the wall clock get there.
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    }
}
