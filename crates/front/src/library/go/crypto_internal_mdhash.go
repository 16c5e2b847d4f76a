// Package mdhash is the part chanlab's crypto/md5, crypto/sha1 and crypto/sha256 share: a
// Merkle–Damgård digest over 64-byte blocks, which buffers what is written, runs the hash's
// block function on each full block, and pads the message with its length in bits at the
// end.
package mdhash

import "hash"

// A Digest is a running hash: its state words, its partial block, and the message length.
type Digest struct {
	h      []uint32
	init   []uint32
	x      [64]byte
	nx     int
	len    uint64
	size   int
	little bool
	block  func(h []uint32, p []byte)
}

// Init starts d from state init: its sum is the first size bytes of its state words,
// little-endian (MD5) or big-endian (the SHAs), and its block function consumes whole
// 64-byte blocks.
func (d *Digest) Init(init []uint32, size int, little bool, block func(h []uint32, p []byte)) {
	*d = Digest{init: init, size: size, little: little, block: block}
	d.Reset()
}

func (d *Digest) Reset() {
	d.h = append(d.h[:0], d.init...)
	d.nx = 0
	d.len = 0
}

func (d *Digest) Size() int      { return d.size }
func (d *Digest) BlockSize() int { return 64 }

func (d *Digest) Write(p []byte) (int, error) {
	n := len(p)
	d.len += uint64(n)
	if d.nx > 0 {
		c := copy(d.x[d.nx:], p)
		d.nx += c
		p = p[c:]
		if d.nx == 64 {
			d.block(d.h, d.x[:])
			d.nx = 0
		}
	}
	if len(p) >= 64 {
		full := len(p) &^ 63
		d.block(d.h, p[:full])
		p = p[full:]
	}
	if len(p) > 0 {
		d.nx = copy(d.x[:], p)
	}
	return n, nil
}

// Sum appends the hash of what was written to in, leaving the digest as it was.
func (d *Digest) Sum(in []byte) []byte {
	c := *d
	c.h = append([]uint32(nil), d.h...)
	// A 1 bit, zeros to 56 bytes mod 64, then the length in bits.
	var pad [72]byte
	pad[0] = 0x80
	bits := d.len << 3
	n := 56 - int(d.len%64)
	if n <= 0 {
		n += 64
	}
	for i := 0; i < 8; i++ {
		if c.little {
			pad[n+i] = byte(bits >> (8 * i))
		} else {
			pad[n+i] = byte(bits >> (56 - 8*i))
		}
	}
	c.Write(pad[:n+8])
	for i := 0; i < c.size; i++ {
		w := c.h[i/4]
		if c.little {
			in = append(in, byte(w>>(8*(i%4))))
		} else {
			in = append(in, byte(w>>(24-8*(i%4))))
		}
	}
	return in
}

// BigEndian reads the big-endian word at p[i:].
func BigEndian(p []byte, i int) uint32 {
	return uint32(p[i])<<24 | uint32(p[i+1])<<16 | uint32(p[i+2])<<8 | uint32(p[i+3])
}

// LittleEndian reads the little-endian word at p[i:].
func LittleEndian(p []byte, i int) uint32 {
	return uint32(p[i]) | uint32(p[i+1])<<8 | uint32(p[i+2])<<16 | uint32(p[i+3])<<24
}

// SumInto writes data to the new hash h and copies its sum into out (a package's Sum).
func SumInto(out []byte, h hash.Hash, data []byte) {
	h.Write(data)
	copy(out, h.Sum(nil))
}
