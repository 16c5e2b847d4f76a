// Package rand declares chanlab's math/rand package, written in Go over one native: the
// step of its generator.
//
// The top-level functions draw from a global Rand whose source is the run's seeded
// generator, so a run is reproducible for its seed and different seeds give different
// numbers (as Go 1.20 and later seed it randomly), until Seed is called: then, as every
// source made by NewSource, it is a SplitMix64 generator deterministic for its seed. The
// numbers are not Go's for the same seed (Go's source is an additive lagged Fibonacci
// generator); the distributions are Go's algorithms over them.
package rand

import "math"

// A Source represents a source of uniformly-distributed pseudo-random int64 values.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 is a Source that can also generate uint64 values directly.
type Source64 interface {
	Source
	Uint64() uint64
}

// rngSource is a SplitMix64 generator with its state; the global source, until seeded,
// draws from the run's generator instead.
type rngSource struct {
	state  uint64
	seeded bool
}

func (s *rngSource) Int63() int64 { return int64(s.Uint64() & (1<<63 - 1)) }

func (s *rngSource) Seed(seed int64) {
	s.state = uint64(seed)
	s.seeded = true
}

// Uint64 steps the generator.
func (s *rngSource) Uint64() uint64

// NewSource returns a new pseudo-random Source seeded with the given value.
func NewSource(seed int64) Source {
	return &rngSource{state: uint64(seed), seeded: true}
}

// A Rand is a source of random numbers.
type Rand struct {
	src Source
}

// New returns a new Rand that uses random values from src.
func New(src Source) *Rand {
	return &Rand{src: src}
}

func (r *Rand) Seed(seed int64) { r.src.Seed(seed) }

func (r *Rand) Int63() int64 { return r.src.Int63() }

func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

func (r *Rand) Uint64() uint64 {
	if s, ok := r.src.(Source64); ok {
		return s.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}

func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	max := int64((1 << 63) - 1 - (1<<63)%uint64(n))
	v := r.Int63()
	for v > max {
		v = r.Int63()
	}
	return v % n
}

func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	max := int32((1 << 31) - 1 - (1<<31)%uint32(n))
	v := r.Int31()
	for v > max {
		v = r.Int31()
	}
	return v % n
}

func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= 1<<31-1 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

func (r *Rand) Float64() float64 {
	for {
		f := float64(r.Int63()) / (1 << 63)
		if f != 1 {
			return f
		}
	}
}

func (r *Rand) Float32() float32 {
	for {
		f := float32(r.Float64())
		if f != 1 {
			return f
		}
	}
}

// ExpFloat64 returns an exponentially distributed float64 with rate parameter 1 (by
// inversion, where Go uses the ziggurat method).
func (r *Rand) ExpFloat64() float64 {
	return -math.Log(1 - r.Float64())
}

// NormFloat64 returns a normally distributed float64 with mean 0 and standard deviation 1
// (by Marsaglia's polar method, where Go uses the ziggurat method).
func (r *Rand) NormFloat64() float64 {
	for {
		u := 2*r.Float64() - 1
		v := 2*r.Float64() - 1
		s := u*u + v*v
		if s > 0 && s < 1 {
			return u * math.Sqrt(-2*math.Log(s)/s)
		}
	}
}

func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(r.Int63n(int64(i + 1)))
		swap(i, j)
	}
}

// The top-level functions use the global Rand.

var globalRand = New(&rngSource{})

// Seed makes the global source deterministic for seed.
func Seed(seed int64) { globalRand.Seed(seed) }

func Int63() int64                       { return globalRand.Int63() }
func Uint32() uint32                     { return globalRand.Uint32() }
func Uint64() uint64                     { return globalRand.Uint64() }
func Int31() int32                       { return globalRand.Int31() }
func Int() int                           { return globalRand.Int() }
func Int63n(n int64) int64               { return globalRand.Int63n(n) }
func Int31n(n int32) int32               { return globalRand.Int31n(n) }
func Intn(n int) int                     { return globalRand.Intn(n) }
func Float64() float64                   { return globalRand.Float64() }
func Float32() float32                   { return globalRand.Float32() }
func Perm(n int) []int                   { return globalRand.Perm(n) }
func ExpFloat64() float64                { return globalRand.ExpFloat64() }
func NormFloat64() float64               { return globalRand.NormFloat64() }
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }
