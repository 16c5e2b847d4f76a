// Converting a float the integer type cannot hold: the spec leaves the result to the
// implementation; Go's amd64 build (the Playground's) gives what x86's conversions give.
package main

import (
	"fmt"
	"math"
)

func main() {
	values := []float64{-1, -1.5, 255.9, 256, -128.5, 65536, 3e9, -3e9, 4294967296.5,
		1e19, -1e19, 9223372036854775808, 18446744073709551616, 1e300,
		math.NaN(), math.Inf(1), math.Inf(-1), 0.5, -0.5}
	for _, f := range values {
		fmt.Println(f, int8(f), int16(f), int32(f), int64(f), int(f))
		fmt.Println(" ", uint8(f), uint16(f), uint32(f), uint64(f), uint(f), uintptr(f))
		g := float32(f)
		fmt.Println(" ", int8(g), int32(g), int64(g), uint8(g), uint32(g), uint64(g))
	}
}
