// Precisions far past a float's exact digits (Go's fmt takes up to a million): the digits
// are exact, then zeros.
package main

import (
	"crypto/md5"
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, v := range []float64{5e-324, math.MaxFloat64, 0.1, 1.0 / 3, -2.5} {
		s := fmt.Sprintf("%.1200f|%.1300e|%.1250g", v, v, v)
		fmt.Printf("%d %x\n", len(s), md5.Sum([]byte(s)))
		e := strconv.FormatFloat(v, 'e', 100000, 64)
		fmt.Println(strconv.FormatFloat(v, 'f', 70000, 64)[:30], len(e), e[len(e)-8:])
		fmt.Println(len(fmt.Sprintf("%.65535g|%.65536f", v, float32(v))))
	}
	fmt.Printf("%.70000d|%d\n", 2.5, len(fmt.Sprintf("%.1000000f", 2.5)))
}
