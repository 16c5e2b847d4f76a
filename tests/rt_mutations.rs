//! The mutation check: every fault the runtime can be switched into (`chanlab::rt::fault`)
//! must make the semantic checks fail: the property check against the reference model
//! (`rt_checks/property.rs`) or the select uniformity checks (`rt_checks/uniformity.rs`).
//! With no fault on, the same checks pass (`rt_property.rs`, `rt_determinism.rs`).

mod rt_checks;
mod rt_support;

use std::panic::{catch_unwind, AssertUnwindSafe};

use chanlab::rt::fault::{inject, Fault};
use rt_checks::{property, uniformity};

type Check = (&'static str, fn());

const CHECKS: [Check; 4] = [
    ("property", || {
        property::check_programs(0..1_500);
    }),
    ("uniformity within a run", uniformity::within_a_run),
    ("uniformity across seeds", uniformity::across_seeds),
    (
        "uniformity of a send and a receive",
        uniformity::send_and_receive_evenly,
    ),
];

/// The check each fault must fail (others may fail too).
fn expected_catcher(fault: Fault) -> &'static str {
    match fault {
        Fault::LifoBuffer | Fault::LifoWakeup | Fault::CloseKeepsSenders | Fault::LateTimer => {
            "property"
        }
        Fault::SelectFirstReady => "uniformity within a run",
    }
}

/// The checks that fail with `fault` on, with the first line of what each said.
fn failing_checks(fault: Fault) -> Vec<(&'static str, String)> {
    let mut failed = Vec::new();
    for (name, check) in CHECKS {
        inject(Some(fault));
        let result = catch_unwind(AssertUnwindSafe(check));
        inject(None);
        if let Err(panic) = result {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            let first = message.lines().next().unwrap_or("").to_string();
            failed.push((name, first));
        }
    }
    failed
}

#[test]
fn every_fault_fails_the_semantic_checks() {
    let mut escaped = Vec::new();
    for fault in Fault::ALL {
        let failed = failing_checks(fault);
        println!("{fault:?}:");
        for (name, message) in &failed {
            println!("  caught by {name}: {message}");
        }
        if !failed
            .iter()
            .any(|(name, _)| *name == expected_catcher(fault))
        {
            escaped.push(format!(
                "{fault:?} passes {} (failed: {:?})",
                expected_catcher(fault),
                failed.iter().map(|(n, _)| n).collect::<Vec<_>>()
            ));
        }
    }
    assert!(escaped.is_empty(), "{}", escaped.join("\n"));
}

#[test]
fn a_fault_stays_on_the_thread_that_switched_it_on() {
    inject(Some(Fault::SelectFirstReady));
    let elsewhere = std::thread::spawn(|| catch_unwind(uniformity::within_a_run).is_ok());
    assert!(elsewhere.join().unwrap(), "another thread's runs are sound");
    inject(None);
    uniformity::within_a_run();
}
