// The NaNs math returns are Go's: Mod's and Sincos's special cases give NaN()'s bits, and
// Abs clears the sign bit of any value, a NaN's included; strconv parses "NaN" as NaN().
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	nan, negNaN := math.NaN(), math.Copysign(math.NaN(), -1)
	inf := math.Inf(1)
	bits := func(xs ...float64) {
		for _, x := range xs {
			fmt.Printf("%016x ", math.Float64bits(x))
		}
		fmt.Println()
	}
	bits(math.Mod(1, 0), math.Mod(inf, 2), math.Mod(negNaN, 2), math.Mod(2, negNaN), math.Mod(-5, 3), math.Mod(5, inf), math.Mod(-0.0, 1))
	s, c := math.Sincos(negNaN)
	s2, c2 := math.Sincos(inf)
	s3, c3 := math.Sincos(-0.0)
	bits(s, c, s2, c2, s3, c3)
	bits(math.Abs(negNaN), math.Abs(nan), math.Abs(-0.0), math.Abs(-inf), math.Abs(-2.5), math.Abs(math.Float64frombits(0xfff0000000000001)))
	p64, _ := strconv.ParseFloat("NaN", 64)
	p32, _ := strconv.ParseFloat("nan", 32)
	bits(p64, p32)
	fmt.Println(math.Signbit(math.Abs(negNaN)), math.Abs(-0.0), math.Remainder(1, 0), math.Mod(7.5, -2))
}
