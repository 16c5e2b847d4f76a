// Package rand declares chanlab's math/rand package, written in Go as Go's is.
//
// A seeded source is Go's: the additive lagged Fibonacci generator of Go's rng.go, seeded as
// Go seeds it, mixed with Go's cooked table (which a native computes from its definition), so
// rand.New(rand.NewSource(42)) and rand.Seed(42) give Go's numbers, through Go's algorithms
// for Intn, Perm, Shuffle, Float64, NormFloat64 and the rest (the ziggurats' tables are made
// from their definitions too). The top-level functions, until Seed is called,
// draw from the run's seeded generator instead, so a run is reproducible for its seed and
// different seeds give different numbers, as Go 1.20 and later seed them randomly.
package rand

import (
	"math"
	"math/internal/ziggurat"
)

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

const (
	rngLen  = 607
	rngTap  = 273
	rngMask = 1<<63 - 1
)

// rngSource is Go's generator: a feedback register read at two places, tap and feed. The
// global source has no register until it is seeded, and draws from the run's generator.
type rngSource struct {
	tap  int
	feed int
	vec  *[rngLen]int64
}

// runUint64 returns 64 bits from the run's generator.
func runUint64() uint64

// seedRegister fills vec from seed (taken modulo 2^31 - 1; 0 is another seed) as Go's Seed
// does: a native, as Go's Seed takes 1,881 steps of a Lehmer generator and mixes in Go's
// table rngCooked, which the native computes.
func seedRegister(vec *[rngLen]int64, seed int64)

func (rng *rngSource) Seed(seed int64) {
	rng.tap = 0
	rng.feed = rngLen - rngTap
	vec := new([rngLen]int64)
	seedRegister(vec, seed)
	rng.vec = vec
}

func (rng *rngSource) Int63() int64 { return int64(rng.Uint64() & rngMask) }

// Uint64 steps the generator: both places move back one, and the sum of what they read is
// written at feed and returned.
func (rng *rngSource) Uint64() uint64 {
	if rng.vec == nil {
		return runUint64()
	}
	rng.tap--
	if rng.tap < 0 {
		rng.tap += rngLen
	}
	rng.feed--
	if rng.feed < 0 {
		rng.feed += rngLen
	}
	x := rng.vec[rng.feed] + rng.vec[rng.tap]
	rng.vec[rng.feed] = x
	return uint64(x)
}

// NewSource returns a new pseudo-random Source seeded with the given value.
func NewSource(seed int64) Source {
	var rng rngSource
	rng.Seed(seed)
	return &rng
}

// A Rand is a source of random numbers.
type Rand struct {
	src Source
	s64 Source64 // non-nil if src is a Source64
	// What Read has left of its last Int63, and how many bytes of it.
	readVal int64
	readPos int8
}

// New returns a new Rand that uses random values from src.
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

func (r *Rand) Seed(seed int64) {
	r.src.Seed(seed)
	r.readPos = 0
}

func (r *Rand) Int63() int64 { return r.src.Int63() }

func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
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

// ExpFloat64 returns an exponentially distributed float64 with rate parameter 1, by Go's
// ziggurat.
func (r *Rand) ExpFloat64() float64 {
	return ziggurat.Exponential(func() (uint32, int) {
		j := r.Uint32()
		return j, int(j & 0xFF)
	}, r.Float64)
}

// NormFloat64 returns a normally distributed float64 with mean 0 and standard deviation 1,
// by Go's ziggurat.
func (r *Rand) NormFloat64() float64 {
	return ziggurat.Normal(func() (int32, int) {
		j := int32(r.Uint32())
		return j, int(j & 0x7F)
	}, r.Float64)
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
	i := n - 1
	for ; i > 1<<31-1-1; i-- {
		j := int(r.Int63n(int64(i + 1)))
		swap(i, j)
	}
	for ; i > 0; i-- {
		j := int(r.int31n(int32(i + 1)))
		swap(i, j)
	}
}

// int31n is Int31n by multiplication (Lemire's method), as Shuffle draws.
func (r *Rand) int31n(n int32) int32 {
	v := r.Uint32()
	prod := uint64(v) * uint64(n)
	low := uint32(prod)
	if low < uint32(n) {
		thresh := uint32(-n) % uint32(n)
		for low < thresh {
			v = r.Uint32()
			prod = uint64(v) * uint64(n)
			low = uint32(prod)
		}
	}
	return int32(prod >> 32)
}

// Read fills p with random bytes, seven from each Int63, and never fails.
func (r *Rand) Read(p []byte) (n int, err error) {
	pos, val := r.readPos, r.readVal
	for n = 0; n < len(p); n++ {
		if pos == 0 {
			val = r.src.Int63()
			pos = 7
		}
		p[n] = byte(val)
		val >>= 8
		pos--
	}
	r.readPos, r.readVal = pos, val
	return n, nil
}

// A Zipf draws Zipf-distributed values: k in [0, imax] with probability proportional to
// (v + k) ** (-s), by rejection-inversion (Hörmann and Derflinger, "Rejection-inversion to
// generate variates from monotone discrete distributions", 1996), as Go draws them.
type Zipf struct {
	r            *Rand
	imax         float64
	v            float64
	q            float64
	s            float64
	oneminusQ    float64
	oneminusQinv float64
	hxm          float64
	hx0minusHxm  float64
}

// h is the integral of the hat function.
func (z *Zipf) h(x float64) float64 {
	return math.Exp(z.oneminusQ*math.Log(z.v+x)) * z.oneminusQinv
}

// hinv is h's inverse.
func (z *Zipf) hinv(x float64) float64 {
	return math.Exp(z.oneminusQinv*math.Log(z.oneminusQ*x)) - z.v
}

// NewZipf returns a Zipf drawing from r, or nil unless s > 1 and v >= 1.
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	if s <= 1 || v < 1 {
		return nil
	}
	z := &Zipf{r: r, imax: float64(imax), v: v, q: s}
	z.oneminusQ = 1 - z.q
	z.oneminusQinv = 1 / z.oneminusQ
	z.hxm = z.h(z.imax + 0.5)
	z.hx0minusHxm = z.h(0.5) - math.Exp(math.Log(z.v)*(-z.q)) - z.hxm
	z.s = 1 - z.hinv(z.h(1.5)-math.Exp(-z.q*math.Log(z.v+1)))
	return z
}

// Uint64 returns a value drawn from the Zipf distribution.
func (z *Zipf) Uint64() uint64 {
	if z == nil {
		panic("rand: nil Zipf")
	}
	for {
		ur := z.hxm + z.r.Float64()*z.hx0minusHxm
		x := z.hinv(ur)
		k := math.Floor(x + 0.5)
		if k-x <= z.s || ur >= z.h(k+0.5)-math.Exp(-math.Log(k+z.v)*z.q) {
			return uint64(k)
		}
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
func Read(p []byte) (n int, err error)   { return globalRand.Read(p) }
