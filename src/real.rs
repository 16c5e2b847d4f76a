//! Real mode's run, driven in one thread: the hub and its executors as [`Runtime`]s, their
//! messages passed in memory. The browser runs the same runtimes on Web Workers with the same
//! messages (`runner::host`); this driver is how the native tests check real mode's
//! semantics (it has no parallelism: the executors take turns).

use crate::rt::{wall_ns, Config, Role};

/// The configurations of a real-mode run's hub and executors.
pub fn configs(seed: u64, procs: u32, max_ns: u64) -> (Config, Vec<Config>) {
    let procs = procs.max(1);
    let epoch_ns = wall_ns();
    let base = Config {
        seed,
        procs,
        max_virtual_ns: max_ns,
        epoch_ns,
        ..Config::default()
    };
    let hub = Config {
        role: Role::Hub { procs },
        ..base.clone()
    };
    let executors = (0..procs)
        .map(|worker| Config {
            role: Role::Executor { worker, procs },
            trace_cap: 0,
            ..base.clone()
        })
        .collect();
    (hub, executors)
}

/// Runs `main` in real mode on `procs` executors, in this thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn run_in_thread(
    seed: u64,
    procs: u32,
    max_ns: u64,
    mut main: impl FnMut() -> crate::rt::Task,
) -> Result<crate::rt::Report, String> {
    use crate::rt::{Progress, Runtime};
    /// Scheduler steps a runtime takes before the driver turns to the next.
    const SLICE_STEPS: u64 = 1024;
    let (hub_config, exec_configs) = configs(seed, procs, max_ns);
    let mut hub = Runtime::new(hub_config);
    hub.start_hub();
    let mut executors: Vec<Runtime> = exec_configs.into_iter().map(Runtime::new).collect();
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
