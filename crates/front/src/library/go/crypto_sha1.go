// Package sha1 declares chanlab's crypto/sha1 package: the SHA-1 hash (RFC 3174), in Go.
package sha1

import (
	"crypto/internal/mdhash"
	"hash"
	"math/bits"
)

// The size of a SHA-1 checksum in bytes, and its block size.
const (
	Size      = 20
	BlockSize = 64
)

// New returns a new hash.Hash computing the SHA-1 checksum.
func New() hash.Hash {
	d := new(digest)
	d.Init([]uint32{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0}, Size, false, block)
	return d
}

// digest is the hash New returns (a type of its own, as %T shows).
type digest struct{ mdhash.Digest }

// Sum returns the SHA-1 checksum of the data.
func Sum(data []byte) (sum [Size]byte) {
	mdhash.SumInto(sum[:], New(), data)
	return
}

func block(h []uint32, p []byte) {
	var w [80]uint32
	for len(p) >= 64 {
		for i := 0; i < 16; i++ {
			w[i] = mdhash.BigEndian(p, 4*i)
		}
		for i := 16; i < 80; i++ {
			w[i] = bits.RotateLeft32(w[i-3]^w[i-8]^w[i-14]^w[i-16], 1)
		}
		a, b, c, d, e := h[0], h[1], h[2], h[3], h[4]
		for i := 0; i < 80; i++ {
			var f, k uint32
			switch {
			case i < 20:
				f, k = b&c|^b&d, 0x5A827999
			case i < 40:
				f, k = b^c^d, 0x6ED9EBA1
			case i < 60:
				f, k = b&c|b&d|c&d, 0x8F1BBCDC
			default:
				f, k = b^c^d, 0xCA62C1D6
			}
			t := bits.RotateLeft32(a, 5) + f + e + k + w[i]
			a, b, c, d, e = t, a, bits.RotateLeft32(b, 30), c, d
		}
		h[0] += a
		h[1] += b
		h[2] += c
		h[3] += d
		h[4] += e
		p = p[64:]
	}
}
