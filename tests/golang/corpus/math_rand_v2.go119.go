package main

// Go 1.19 has no math/rand/v2: this twin of math_rand_v2.go defines the PCG source and the
// Rand methods the program calls, from Go 1.22's definitions (a 128-bit LCG with the DXSM
// output; Lemire's bounded draws), and draws the top-level functions from math/rand.

import (
	"fmt"
	"math"
	"math/bits"
	v1rand "math/rand"
	"time"
)

type Source interface{ Uint64() uint64 }

type Rand struct{ src Source }

func New(src Source) *Rand { return &Rand{src} }

func (r *Rand) Uint64() uint64 { return r.src.Uint64() }
func (r *Rand) Uint32() uint32 { return uint32(r.src.Uint64() >> 32) }
func (r *Rand) Int32() int32   { return int32(r.src.Uint64() >> 33) }
func (r *Rand) Int64() int64   { return int64(r.src.Uint64() &^ (1 << 63)) }
func (r *Rand) Int() int       { return int(uint(r.src.Uint64()) << 1 >> 1) }
func (r *Rand) Uint() uint     { return uint(r.src.Uint64()) }

func (r *Rand) bounded(n uint64) uint64 {
	if n&(n-1) == 0 {
		return r.Uint64() & (n - 1)
	}
	hi, lo := bits.Mul64(r.Uint64(), n)
	if lo < n {
		for thresh := -n % n; lo < thresh; {
			hi, lo = bits.Mul64(r.Uint64(), n)
		}
	}
	return hi
}

func positive(ok bool, name string) {
	if !ok {
		panic("invalid argument to " + name)
	}
}

func (r *Rand) Int32N(n int32) int32    { positive(n > 0, "Int32N"); return int32(r.bounded(uint64(n))) }
func (r *Rand) Int64N(n int64) int64    { positive(n > 0, "Int64N"); return int64(r.bounded(uint64(n))) }
func (r *Rand) Uint64N(n uint64) uint64 { positive(n > 0, "Uint64N"); return r.bounded(n) }
func (r *Rand) Uint32N(n uint32) uint32 {
	positive(n > 0, "Uint32N")
	return uint32(r.bounded(uint64(n)))
}
func (r *Rand) IntN(n int) int      { positive(n > 0, "IntN"); return int(r.bounded(uint64(n))) }
func (r *Rand) UintN(n uint) uint   { positive(n > 0, "UintN"); return uint(r.bounded(uint64(n))) }
func (r *Rand) Float64() float64    { return float64(r.Uint64()<<11>>11) / (1 << 53) }
func (r *Rand) Float32() float32    { return float32(r.Uint32()<<8>>8) / (1 << 24) }
func (r *Rand) ExpFloat64() float64 { return -math.Log(1 - r.Float64()) }

func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	positive(n >= 0, "Shuffle")
	for i := n - 1; i > 0; i-- {
		swap(i, int(r.bounded(uint64(i+1))))
	}
}

func (r *Rand) Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

type PCG struct{ hi, lo uint64 }

func NewPCG(seed1, seed2 uint64) *PCG { return &PCG{seed1, seed2} }

func (p *PCG) Seed(seed1, seed2 uint64) { p.hi, p.lo = seed1, seed2 }

func (p *PCG) Uint64() uint64 {
	hi, lo := bits.Mul64(p.lo, 4865540595714422341)
	hi += p.hi*4865540595714422341 + p.lo*2549297995355413924
	lo, c := bits.Add64(lo, 1442695040888963407, 0)
	hi, _ = bits.Add64(hi, 6364136223846793005, c)
	p.hi, p.lo = hi, lo
	hi ^= hi >> 32
	hi *= 0xda942042e4dd58b5
	hi ^= hi >> 48
	return hi * (lo | 1)
}

type v1source struct{}

func (v1source) Uint64() uint64 { return v1rand.Uint64() }

var global = New(v1source{})

type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

func N[Int integer](n Int) Int {
	positive(n > 0, "N")
	return Int(global.bounded(uint64(n)))
}

func fresh() *Rand { return New(NewPCG(1, 2)) }

func main() {
	r := fresh()
	fmt.Println("Uint64:", r.Uint64(), r.Uint64(), r.Uint64())

	r = fresh()
	for _, n := range []int32{1, 10, 32, 1 << 20, 1<<20 + 1, 1000000000, 1 << 30, 1<<31 - 2, 1<<31 - 1} {
		fmt.Print(r.Int32N(n), " ")
	}
	fmt.Println()

	r = fresh()
	for _, n := range []int64{1000000000000000000, 1 << 60, 1<<63 - 2, 1<<63 - 1} {
		fmt.Print(r.Int64N(n), " ")
	}
	fmt.Println()

	r = fresh()
	for _, n := range []uint64{10, 1<<64 - 2, 1<<64 - 1, 1 << 63} {
		fmt.Print(r.Uint64N(n), " ")
	}
	fmt.Println()

	r = fresh()
	for _, n := range []int{0, 1, 5, 8, 9, 10, 16} {
		fmt.Print(r.Perm(n), " ")
	}
	fmt.Println()

	r = fresh()
	fmt.Println("Float32:", r.Float32(), r.Float32(), r.Float32())
	r = fresh()
	fmt.Println("Float64:", r.Float64(), r.Float64(), r.Float64())
	r = fresh()
	fmt.Println("Uint32:", r.Uint32(), r.Uint32(), "Int32:", r.Int32(), "Int:", r.Int(), "Int64:", r.Int64())
	r = fresh()
	fmt.Println("IntN:", r.IntN(10), r.IntN(1000), "UintN:", r.UintN(7), "Uint32N:", r.Uint32N(1<<32-1), "Uint:", r.Uint())

	words := []string{"a", "b", "c", "d", "e", "f"}
	s := New(NewPCG(3, 4))
	s.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words)

	var p PCG
	q := NewPCG(0, 0)
	fmt.Println("zero PCG:", p.Uint64() == q.Uint64())
	p.Seed(1, 2)
	fmt.Println("reseeded:", p.Uint64())

	// The top-level functions: only their ranges are the same from run to run.
	okN, okDur, okF := true, true, true
	for i := 0; i < 1000; i++ {
		if n := global.IntN(7); n < 0 || n >= 7 {
			okN = false
		}
		if d := N(50 * time.Millisecond); d < 0 || d >= 50*time.Millisecond {
			okDur = false
		}
		if f := global.Float64(); f < 0 || f >= 1 {
			okF = false
		}
	}
	fmt.Println("in range:", okN, okDur, okF, N(uint8(1)), len(global.Perm(4)))
	e := global.ExpFloat64()
	fmt.Println("exp positive:", e > 0)

	for _, f := range []func(){
		func() { global.IntN(0) },
		func() { N(-time.Second) },
		func() { fresh().Uint64N(0) },
		func() { global.Shuffle(-1, func(i, j int) {}) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
}
