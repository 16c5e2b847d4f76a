//! `math/rand`: the run's generator for the unseeded global source, and the table Go's seeded
//! sources start from (the rest is Go, in `library/go/math_rand.go`); `math/rand/v2`: its
//! run-time source (`library/go/math_rand_v2.go`).

use crate::rt;

use super::conv::pointee;
use super::{done, pure};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    pure("math/rand.runUint64", run_uint64),
    pure("math/rand.seedRegister", seed_register),
    pure("math/rand/v2.runtimeSource.Uint64", run_uint64),
];

/// 64 bits from the run's seeded generator.
fn run_u64() -> u64 {
    rt::rand_below(1 << 32) << 32 | rt::rand_below(1 << 32)
}

/// The run's generator: math/rand's `runUint64() uint64` (the unseeded global source's
/// numbers) and math/rand/v2's `runtimeSource.Uint64() uint64` (its top-level functions').
fn run_uint64(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    done(ctx, [Value::Int(run_u64() as i64)])
}

/// What seeding a source costs in sim mode, in picoseconds: the 10 µs Go's Seed takes (1,881
/// steps of `seedrand` and a register of 4.9 KB; measured natively, Go 1.19).
const SEED_PS: u64 = 10_000_000;

/// `seedRegister(vec *[607]int64, seed int64)`: Go's `rngSource.Seed` of its register (the
/// Go side resets the places it reads).
fn seed_register(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let vec = pointee(ctx, 0)?;
    let seed = ctx.int(1);
    ctx.g.debt += SEED_PS;
    let register = COOKED.with(|table| seeded(seed, table.get_or_init(cooked_table)));
    for (slot, v) in vec.borrow_mut().iter_mut().zip(register) {
        *slot = Value::Int(v);
    }
    done(ctx, [])
}

/// The register Go's `rngSource.Seed(seed)` makes, mixed with the table `cooked`.
fn seeded(seed: i64, cooked: &[i64; LEN]) -> [i64; LEN] {
    let mut seed = seed % i64::from(i32::MAX);
    if seed < 0 {
        seed += i64::from(i32::MAX);
    }
    if seed == 0 {
        seed = 89482311;
    }
    let mut register = lehmer_register(seed as i32, 40);
    for (slot, cooked) in register.iter_mut().zip(cooked) {
        *slot ^= cooked;
    }
    register
}

/// The length of Go's generator's register (`rngLen`) and its tap (`rngTap`).
const LEN: usize = 607;
const TAP: usize = 273;

thread_local! {
    static COOKED: std::cell::OnceCell<Box<[i64; LEN]>> = const { std::cell::OnceCell::new() };
}

/// Go's `rngCooked`, computed from its definition (Go's `math/rand/gen_cooked.go`): the
/// register of the generator seeded with 1 (by the seeding of that program, whose shifts are
/// 20 and 10) after 7.8e12 steps. Stepping is linear, so the steps are taken at once: the
/// values the generator writes form a lagged Fibonacci sequence `z[k] = z[k-607] + z[k-273]`
/// (mod 2^64), and `z[n]` is a combination of the first 607 with the coefficients of
/// `t^n mod (t^607 - t^334 - 1)`, found by squaring (about 10 ms natively, once per worker).
fn cooked_table() -> Box<[i64; LEN]> {
    Box::new(register_after(7_800_000_000_000))
}

/// The register of `gen_cooked.go`'s generator after `steps` steps (at least 607).
fn register_after(steps: u64) -> [i64; LEN] {
    let first = first_register();
    // The register's index step `m` writes (the generator moves backwards from 333).
    let feed = |m: u64| ((LEN - TAP - 1) as u64 + LEN as u64 - m % LEN as u64) as usize % LEN;
    // z[j], j < 607: the register as the steps will read it.
    let z: Vec<u64> = (0..LEN as u64).map(|j| first[feed(j)] as u64).collect();
    let mut register = [0i64; LEN];
    // Step m writes z[m + 607]; the last 607 steps wrote the whole register.
    let mut power = t_power(steps);
    for m in steps - LEN as u64..steps {
        let value = power
            .iter()
            .zip(&z)
            .fold(0u64, |sum, (c, z)| sum.wrapping_add(c.wrapping_mul(*z)));
        register[feed(m)] = value as i64;
        power = times_t(power);
    }
    register
}

/// The register Go's `gen_cooked.go` seeds with 1 before stepping.
fn first_register() -> [i64; LEN] {
    lehmer_register(1, 20)
}

/// A register filled from `x` by Go's seeding: 20 steps of `seedrand`, then three steps a
/// value, shifted by `shift`, half of it and none (40 for a source's Seed, 20 for the
/// cooked table's generator) and XORed.
fn lehmer_register(mut x: i32, shift: u32) -> [i64; LEN] {
    for _ in 0..20 {
        x = seedrand(x);
    }
    let mut register = [0i64; LEN];
    for slot in &mut register {
        x = seedrand(x);
        let mut u = i64::from(x) << shift;
        x = seedrand(x);
        u ^= i64::from(x) << (shift / 2);
        x = seedrand(x);
        u ^= i64::from(x);
        *slot = u;
    }
    register
}

/// Go's `seedrand`: `x * 48271 mod (2^31 - 1)`, by Schrage's method as Go computes it.
fn seedrand(x: i32) -> i32 {
    let (hi, lo) = (x / 44488, x % 44488);
    let x = 48271 * lo - 3399 * hi;
    if x < 0 {
        x + i32::MAX
    } else {
        x
    }
}

/// `t^n mod (t^607 - t^334 - 1)`, as its 607 coefficients: those of `z[n]` as a combination
/// of `z[0..607]` (which are `t^0..t^606` themselves).
fn t_power(n: u64) -> Vec<u64> {
    let mut result = vec![0u64; LEN];
    result[0] = 1;
    for bit in (0..64 - n.leading_zeros()).rev() {
        result = square(&result);
        if n >> bit & 1 == 1 {
            result = times_t(result);
        }
    }
    result
}

/// `p * p mod (t^607 - t^334 - 1)`.
fn square(p: &[u64]) -> Vec<u64> {
    let mut full = vec![0u64; 2 * LEN - 1];
    for (i, &a) in p.iter().enumerate() {
        if a == 0 {
            continue;
        }
        full[2 * i] = full[2 * i].wrapping_add(a.wrapping_mul(a));
        let twice = a.wrapping_mul(2);
        for (j, &b) in p.iter().enumerate().skip(i + 1) {
            full[i + j] = full[i + j].wrapping_add(twice.wrapping_mul(b));
        }
    }
    reduce(full)
}

/// `p * t mod (t^607 - t^334 - 1)`.
fn times_t(mut p: Vec<u64>) -> Vec<u64> {
    p.insert(0, 0);
    reduce(p)
}

/// `p mod (t^607 - t^334 - 1)`: `t^607 = t^334 + 1`, from the highest power down.
fn reduce(mut p: Vec<u64>) -> Vec<u64> {
    for d in (LEN..p.len()).rev() {
        let c = p[d];
        p[d - LEN + (LEN - TAP)] = p[d - LEN + (LEN - TAP)].wrapping_add(c);
        p[d - LEN] = p[d - LEN].wrapping_add(c);
    }
    p.truncate(LEN);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generator of `gen_cooked.go`, stepped one step at a time.
    fn stepped(steps: u64) -> [i64; LEN] {
        let mut register = first_register();
        let (mut tap, mut feed) = (0usize, LEN - TAP);
        for _ in 0..steps {
            tap = (tap + LEN - 1) % LEN;
            feed = (feed + LEN - 1) % LEN;
            register[feed] = register[feed].wrapping_add(register[tap]);
        }
        register
    }

    #[test]
    fn jumping_is_stepping() {
        for steps in [607, 1000, 5_000, 123_457] {
            assert_eq!(register_after(steps), stepped(steps), "{steps} steps");
        }
    }

    #[test]
    fn the_table_is_gos() {
        let table = cooked_table();
        // Go's rngCooked, where the machine has Go's source (golang-1.19-src): every element.
        let go = [
            "/usr/lib/go-1.19/src/math/rand/rng.go",
            "/usr/share/go-1.19/src/math/rand/rng.go",
        ]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok());
        if let Some(go) = go {
            let body = &go[go.find("rngCooked [rngLen]int64").expect("rngCooked")..];
            let body = &body[body.find('{').expect("{") + 1..body.find('}').expect("}")];
            let values: Vec<i64> = body
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| v.parse().expect("an int64"))
                .collect();
            assert_eq!(values.len(), LEN);
            assert_eq!(&values[..], &table[..]);
        }
        // Its first and last elements, as Go 1.19 has them.
        assert_eq!(table[0], -4181792142133755926);
        assert_eq!(table[LEN - 1], 4152330101494654406);
    }
}
