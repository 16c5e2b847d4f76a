//! The mantissa of a [`Wide`](super::Wide): an unsigned integer of 512 bits (Go keeps its
//! untyped constants' floats in 512 bits), in eight 64-bit limbs, least significant first.

use std::cmp::Ordering;

const LIMBS: usize = 8;

/// Its width in bits.
pub const BITS: u32 = 64 * LIMBS as u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mant([u64; LIMBS]);

impl Mant {
    pub const ZERO: Mant = Mant([0; LIMBS]);

    pub fn from_u128(x: u128) -> Mant {
        let mut m = Mant::ZERO;
        m.0[0] = x as u64;
        m.0[1] = (x >> 64) as u64;
        m
    }

    /// The value, if it fits 128 bits.
    pub fn to_u128(self) -> Option<u128> {
        if self.0[2..].iter().any(|&l| l != 0) {
            return None;
        }
        Some(u128::from(self.0[1]) << 64 | u128::from(self.0[0]))
    }

    pub fn is_zero(self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }

    pub fn leading_zeros(self) -> u32 {
        let mut n = 0;
        for &l in self.0.iter().rev() {
            if l != 0 {
                return n + l.leading_zeros();
            }
            n += 64;
        }
        n
    }

    /// The lowest bit.
    pub fn odd(self) -> bool {
        self.0[0] & 1 == 1
    }

    /// With its lowest bit set.
    pub fn with_odd(mut self) -> Mant {
        self.0[0] |= 1;
        self
    }

    /// With its top bit set.
    pub fn with_top(mut self) -> Mant {
        self.0[LIMBS - 1] |= 1 << 63;
        self
    }

    /// `self << n`; zero from `BITS` on.
    pub fn shl(self, n: u32) -> Mant {
        if n >= BITS {
            return Mant::ZERO;
        }
        let (limbs, bits) = ((n / 64) as usize, n % 64);
        let mut out = Mant::ZERO;
        for i in (limbs..LIMBS).rev() {
            let src = i - limbs;
            out.0[i] = self.0[src] << bits;
            if bits > 0 && src > 0 {
                out.0[i] |= self.0[src - 1] >> (64 - bits);
            }
        }
        out
    }

    /// `self >> n`; zero from `BITS` on.
    pub fn shr(self, n: u32) -> Mant {
        if n >= BITS {
            return Mant::ZERO;
        }
        let (limbs, bits) = ((n / 64) as usize, n % 64);
        let mut out = Mant::ZERO;
        for i in 0..LIMBS - limbs {
            let src = i + limbs;
            out.0[i] = self.0[src] >> bits;
            if bits > 0 && src + 1 < LIMBS {
                out.0[i] |= self.0[src + 1] << (64 - bits);
            }
        }
        out
    }

    /// `self << 1`, and the bit shifted out.
    pub fn shl1(self) -> (Mant, bool) {
        let mut out = Mant::ZERO;
        let mut carry = 0;
        for i in 0..LIMBS {
            out.0[i] = self.0[i] << 1 | carry;
            carry = self.0[i] >> 63;
        }
        (out, carry == 1)
    }

    /// `self + other`, and whether it carried out of the top bit.
    pub fn overflowing_add(self, other: Mant) -> (Mant, bool) {
        let mut out = Mant::ZERO;
        let mut carry = false;
        for i in 0..LIMBS {
            let (s, c1) = self.0[i].overflowing_add(other.0[i]);
            let (s, c2) = s.overflowing_add(carry as u64);
            out.0[i] = s;
            carry = c1 || c2;
        }
        (out, carry)
    }

    /// `self - other`, modulo 2^BITS.
    pub fn wrapping_sub(self, other: Mant) -> Mant {
        let mut out = Mant::ZERO;
        let mut borrow = false;
        for i in 0..LIMBS {
            let (d, b1) = self.0[i].overflowing_sub(other.0[i]);
            let (d, b2) = d.overflowing_sub(borrow as u64);
            out.0[i] = d;
            borrow = b1 || b2;
        }
        out
    }

    /// The top `BITS` bits of the full product `self × other`, and whether any bit below them
    /// is set.
    pub fn mul_high(self, other: Mant) -> (Mant, bool) {
        let mut full = [0u64; 2 * LIMBS];
        for i in 0..LIMBS {
            let mut carry = 0u128;
            for j in 0..LIMBS {
                let t = u128::from(self.0[i]) * u128::from(other.0[j])
                    + u128::from(full[i + j])
                    + carry;
                full[i + j] = t as u64;
                carry = t >> 64;
            }
            full[i + LIMBS] = carry as u64;
        }
        let mut high = Mant::ZERO;
        high.0.copy_from_slice(&full[LIMBS..]);
        (high, full[..LIMBS].iter().any(|&l| l != 0))
    }
}

impl Ord for Mant {
    fn cmp(&self, other: &Mant) -> Ordering {
        self.0.iter().rev().cmp(other.0.iter().rev())
    }
}

impl PartialOrd for Mant {
    fn partial_cmp(&self, other: &Mant) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_carries_and_products_cross_limbs() {
        let one = Mant::from_u128(1);
        let top = one.shl(BITS - 1);
        assert_eq!(top.leading_zeros(), 0);
        assert_eq!(top.shr(BITS - 1), one);
        assert_eq!(one.shl(BITS), Mant::ZERO);
        assert_eq!(
            Mant::from_u128(u128::MAX).shl(70).shr(70).to_u128(),
            Some(u128::MAX)
        );
        let (sum, carry) = top.overflowing_add(top);
        assert!(carry && sum.is_zero());
        assert_eq!(Mant::ZERO.wrapping_sub(one).leading_zeros(), 0);
        // (2^511)^2 = 2^1022: its top 512 bits are 2^510, nothing below them.
        assert_eq!(top.mul_high(top), (one.shl(BITS - 2), false));
        let (high, inexact) = Mant::from_u128(3)
            .shl(300)
            .mul_high(Mant::from_u128(5).shl(300));
        assert_eq!((high, inexact), (Mant::from_u128(15).shl(88), false));
        assert!(Mant::from_u128(2) > one && top > Mant::from_u128(u128::MAX));
    }
}
