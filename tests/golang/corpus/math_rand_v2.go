// math/rand/v2 (Go 1.22): a PCG source gives Go's numbers, and the methods derive them as
// Go does; the top-level functions draw from the run's generator, so only their ranges are
// printed.
package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

func fresh() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

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
	s := rand.New(rand.NewPCG(3, 4))
	s.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words)

	var p rand.PCG
	q := rand.NewPCG(0, 0)
	fmt.Println("zero PCG:", p.Uint64() == q.Uint64())
	p.Seed(1, 2)
	fmt.Println("reseeded:", p.Uint64())

	// The top-level functions: only their ranges are the same from run to run.
	okN, okDur, okF := true, true, true
	for i := 0; i < 1000; i++ {
		if n := rand.IntN(7); n < 0 || n >= 7 {
			okN = false
		}
		if d := rand.N(50 * time.Millisecond); d < 0 || d >= 50*time.Millisecond {
			okDur = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			okF = false
		}
	}
	fmt.Println("in range:", okN, okDur, okF, rand.N(uint8(1)), len(rand.Perm(4)))
	e := rand.ExpFloat64()
	fmt.Println("exp positive:", e > 0)

	for _, f := range []func(){
		func() { rand.IntN(0) },
		func() { rand.N(-time.Second) },
		func() { fresh().Uint64N(0) },
		func() { rand.Shuffle(-1, func(i, j int) {}) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
}
