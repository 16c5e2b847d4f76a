// Package sha256 declares chanlab's crypto/sha256 package: the SHA-256 hash (FIPS 180-4),
// in Go.
package sha256

import (
	"crypto/internal/mdhash"
	"hash"
	"math"
	"math/bits"
)

// The size of a SHA-256 checksum in bytes, and its block size.
const (
	Size      = 32
	BlockSize = 64
)

// k holds the first 32 bits of the fractional parts of the cube roots of the first 64
// primes, and initial those of the square roots of the first 8.
var k, initial = roots()

func roots() ([]uint32, []uint32) {
	var cubes, squares []uint32
	for p := 2; len(cubes) < 64; p++ {
		prime := true
		for q := 2; q*q <= p; q++ {
			if p%q == 0 {
				prime = false
			}
		}
		if !prime {
			continue
		}
		c := math.Cbrt(float64(p))
		cubes = append(cubes, uint32((c-math.Floor(c))*(1<<32)))
		if len(squares) < 8 {
			s := math.Sqrt(float64(p))
			squares = append(squares, uint32((s-math.Floor(s))*(1<<32)))
		}
	}
	return cubes, squares
}

// New returns a new hash.Hash computing the SHA-256 checksum.
func New() hash.Hash {
	d := new(digest)
	d.Init(initial, Size, false, block)
	return d
}

// digest is the hash New returns (a type of its own, as %T shows).
type digest struct{ mdhash.Digest }

// Sum256 returns the SHA-256 checksum of the data.
func Sum256(data []byte) (sum [Size]byte) {
	mdhash.SumInto(sum[:], New(), data)
	return
}

func block(h []uint32, p []byte) {
	var w [64]uint32
	for len(p) >= 64 {
		for i := 0; i < 16; i++ {
			w[i] = mdhash.BigEndian(p, 4*i)
		}
		for i := 16; i < 64; i++ {
			v1, v2 := w[i-2], w[i-15]
			s1 := bits.RotateLeft32(v1, -17) ^ bits.RotateLeft32(v1, -19) ^ v1>>10
			s0 := bits.RotateLeft32(v2, -7) ^ bits.RotateLeft32(v2, -18) ^ v2>>3
			w[i] = s1 + w[i-7] + s0 + w[i-16]
		}
		a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
		for i := 0; i < 64; i++ {
			t1 := hh + (bits.RotateLeft32(e, -6) ^ bits.RotateLeft32(e, -11) ^ bits.RotateLeft32(e, -25)) + (e&f ^ ^e&g) + k[i] + w[i]
			t2 := (bits.RotateLeft32(a, -2) ^ bits.RotateLeft32(a, -13) ^ bits.RotateLeft32(a, -22)) + (a&b ^ a&c ^ b&c)
			hh, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
		}
		h[0] += a
		h[1] += b
		h[2] += c
		h[3] += d
		h[4] += e
		h[5] += f
		h[6] += g
		h[7] += hh
		p = p[64:]
	}
}
