// Untyped float constants are exact: 0.1 + 0.2 is 0.3, 1.0/49*49 is 1 (and an int), and a
// constant becomes the float nearest its exact value, rounded once (ties to even).
package main

import (
	"fmt"
	"math"
)

const (
	tenth     = 0.1
	fifth     = 0.2
	third     = 1.0 / 3
	ratio     = 22.0 / 7
	whole     = 1.0 / 49 * 49
	hexa      = 0x1.8p-3
	big       = 1e30 / 1e10
	tiny      = 1e-20 * 1e20
	typed     float64 = 0.1
	typed32   float32 = 0.1
	mixed             = typed + 0.2
	negative          = -0.1 - 0.2
	precise           = 0.1 * 3 * 10
	halfway           = 9007199254740993.0 // 2^53 + 1: a tie, rounds to even
	above             = 9007199254740995.0
	f32tie            = 16777217.0
	longFrac          = 0.123456789012345678901234567890123
	n                 = whole * 7
)

type celsius float64

func main() {
	fmt.Println(tenth+fifth, tenth+fifth == 0.3, negative)
	fmt.Println(third, third*3, third*3 == 1, ratio)
	fmt.Println(whole, n, hexa, big, tiny)
	fmt.Println(typed+0.2, mixed, typed32*3, precise)
	fmt.Printf("%T %T %T\n", tenth+fifth, mixed, whole)
	fmt.Println(halfway, above, float32(f32tie), longFrac)
	var i int = whole
	var j int = precise
	var arr [n]int
	fmt.Println(i, j, len(arr))
	var f32 float32 = third
	var c celsius = 100.0 / 3
	fmt.Println(f32, c, float32(0.1)+float32(0.2))
	x := 0.1
	fmt.Println(x+0.2, x*3, 0.3-x)
	fmt.Println(math.Floor(2.5/0.5), 1/3.0, 10/4.0, 10/4, 7.0/2*2)
	switch v := 0.3; v {
	case 0.1 + 0.2:
		fmt.Println("exact")
	default:
		fmt.Println("inexact")
	}
	fmt.Println(1e23, 1e-7, 123456789.0*1000, 5e-324, 1.7976931348623157e308)
	fmt.Println(int64(1e18), uint8(255.0), 'a'*0.5)
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat64, math.Pi*2)
	var r rune = 'a' + 1.0
	fmt.Println(r, string(r))
	const e = 1 << 62 / 3.0
	fmt.Println(e, int64(e*3))
}
