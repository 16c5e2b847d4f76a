//! Select chooses uniformly among its ready cases (Go's `selectgo` polls them in a random
//! order): chi-square checks of how often each case wins, within a run and across seeds.
//!
//! With fixed seeds the checks are deterministic; the bound says the seeded choices would
//! pass for any seeds but once in a million.

use std::cell::RefCell;
use std::rc::Rc;

use chanlab::rt::{make_chan, Chan, Select};
use chanlab::select;

use crate::rt_support::run_seed;

/// The Pearson chi-square statistic of `counts` against a uniform distribution.
pub fn chi_square(counts: &[u64]) -> f64 {
    let total: u64 = counts.iter().sum();
    let expected = total as f64 / counts.len() as f64;
    counts
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum()
}

/// The chi-square value a uniform choice among `k` exceeds with probability 1e-6 (k - 1
/// degrees of freedom).
pub fn critical(k: usize) -> f64 {
    match k {
        2 => 23.93,
        3 => 27.63,
        4 => 30.66,
        8 => 40.52,
        _ => unreachable!("no critical value for k = {k}"),
    }
}

/// Runs `n` selects over `k` channels that are always ready; returns how often each won.
fn select_counts(seed: u64, k: usize, n: u32) -> Vec<u64> {
    let counts = Rc::new(RefCell::new(vec![0u64; k]));
    let c = counts.clone();
    let r = run_seed(seed, async move {
        let chans: Vec<Chan<u32>> = (0..k).map(|_| make_chan(1)).collect();
        for ch in &chans {
            ch.send(0).await;
        }
        for _ in 0..n {
            let mut sel = Select::new();
            for ch in &chans {
                sel.recv(*ch);
            }
            let got = sel.wait().await;
            let i = got.index().unwrap();
            c.borrow_mut()[i] += 1;
            chans[i].send(0).await;
        }
    });
    assert_eq!(r.exit_code(), 0);
    let counts = counts.borrow().clone();
    counts
}

/// Many selects in one run, over 2, 3, 4 and 8 ready receive cases.
pub fn within_a_run() {
    for (seed, k) in [(1, 2), (2, 3), (3, 4), (4, 8)] {
        let counts = select_counts(seed, k, 20_000);
        let chi = chi_square(&counts);
        assert!(chi < critical(k), "k={k}: {counts:?} chi2={chi:.1}");
        assert!(counts.iter().all(|&c| c > 0));
    }
}

/// The first choice of a fresh run, over many seeds: seeds must not bias it.
pub fn across_seeds() {
    let k = 4;
    let mut counts = vec![0u64; k];
    for seed in 0..4_000 {
        let first = select_counts(seed, k, 1);
        let i = first.iter().position(|&c| c == 1).unwrap();
        counts[i] += 1;
    }
    let chi = chi_square(&counts);
    assert!(chi < critical(k), "{counts:?} chi2={chi:.1}");
}

/// A ready send case and a ready receive case win as often as each other.
pub fn send_and_receive_evenly() {
    let tally = Rc::new(RefCell::new([0u64; 2]));
    let t = tally.clone();
    let r = run_seed(9, async move {
        let full = make_chan::<u8>(1);
        full.send(1).await;
        let room = make_chan::<u8>(1);
        for _ in 0..10_000 {
            select! {
                _ = recv(full) => { t.borrow_mut()[0] += 1; full.send(1).await; },
                send(room, 1) => { t.borrow_mut()[1] += 1; room.recv().await; },
            }
        }
    });
    assert_eq!(r.exit_code(), 0);
    let counts = *tally.borrow();
    assert!(chi_square(&counts) < critical(2), "{counts:?}");
}
