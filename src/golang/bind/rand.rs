//! `math/rand`: the step of its generator (the rest is Go, in `library/go/math_rand.go`);
//! `math/rand/v2`: its run-time source (`library/go/math_rand_v2.go`).

use crate::rt;

use super::conv::pointee;
use super::{done, pure};
use crate::golang::vm::gor::{Ctx, Flow};
use crate::golang::vm::program::{Native, Thrown};
use crate::golang::vm::value::Value;

pub(super) const NATIVES: &[Native] = &[
    pure("math/rand.rngSource.Uint64", source_uint64),
    pure("math/rand/v2.runtimeSource.Uint64", runtime_uint64),
];

/// SplitMix64's increment (the run's generator, `rt::rng`, is SplitMix64 too).
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64's output for state `z`.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// 64 bits from the run's seeded generator.
fn run_u64() -> u64 {
    rt::rand_below(1 << 32) << 32 | rt::rand_below(1 << 32)
}

/// `(*rngSource).Uint64() uint64`: a seeded source `{state, true}` steps its own state; the
/// unseeded global source draws from the run's generator.
fn source_uint64(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    let s = pointee(ctx, 0)?;
    let v = {
        let mut f = s.borrow_mut();
        if f.get(1).is_some_and(Value::as_bool) {
            let state = f[0].as_int() as u64;
            let next = state.wrapping_add(GOLDEN);
            f[0] = Value::Int(next as i64);
            mix(next)
        } else {
            run_u64()
        }
    };
    done(ctx, [Value::Int(v as i64)])
}

/// `runtimeSource.Uint64() uint64` (math/rand/v2): the run's generator.
fn runtime_uint64(ctx: &mut Ctx<'_>) -> Result<Flow, Thrown> {
    done(ctx, [Value::Int(run_u64() as i64)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seeded_source_is_splitmix64() {
        // SplitMix64 from state 0: its published first outputs.
        assert_eq!(mix(GOLDEN), 0xe220_a839_7b1d_cdaf);
        assert_eq!(mix(GOLDEN.wrapping_mul(2)), 0x6e78_9e6a_a1b9_65f4);
    }
}
