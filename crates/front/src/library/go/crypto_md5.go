// Package md5 declares chanlab's crypto/md5 package: the MD5 hash (RFC 1321), in Go.
package md5

import (
	"crypto/internal/mdhash"
	"hash"
	"math"
	"math/bits"
)

// The size of an MD5 checksum in bytes, and its block size.
const (
	Size      = 16
	BlockSize = 64
)

// t holds the integer parts of 2^32 times the sines of 1 to 64 (in radians).
var t = sines()

func sines() []uint32 {
	out := make([]uint32, 64)
	for i := range out {
		out[i] = uint32(math.Abs(math.Sin(float64(i+1))) * (1 << 32))
	}
	return out
}

// shifts are the rotations of each round's four steps.
var shifts = [4][4]int{{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}}

// New returns a new hash.Hash computing the MD5 checksum.
func New() hash.Hash {
	d := new(digest)
	d.Init([]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}, Size, true, block)
	return d
}

// digest is the hash New returns (a type of its own, as %T shows).
type digest struct{ mdhash.Digest }

// Sum returns the MD5 checksum of the data.
func Sum(data []byte) (sum [Size]byte) {
	mdhash.SumInto(sum[:], New(), data)
	return
}

func block(h []uint32, p []byte) {
	var m [16]uint32
	for len(p) >= 64 {
		for i := range m {
			m[i] = mdhash.LittleEndian(p, 4*i)
		}
		a, b, c, d := h[0], h[1], h[2], h[3]
		for i := 0; i < 64; i++ {
			var f uint32
			var g int
			switch i / 16 {
			case 0:
				f, g = b&c|^b&d, i
			case 1:
				f, g = d&b|^d&c, (5*i+1)%16
			case 2:
				f, g = b^c^d, (3*i+5)%16
			default:
				f, g = c^(b|^d), (7*i)%16
			}
			f += a + t[i] + m[g]
			a, d, c = d, c, b
			b += bits.RotateLeft32(f, shifts[i/16][i%4])
		}
		h[0] += a
		h[1] += b
		h[2] += c
		h[3] += d
		p = p[64:]
	}
}
