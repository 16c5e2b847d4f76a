// Untyped constants past 128 bits keep Go's precision: integers of up to 512 bits are
// exact, and floats carry 512 bits, so a sum that needs more than 128 of them is right.
package main

import (
	"fmt"
	"math"
)

const (
	big    = 1 << 200
	huge   = big * big
	wide   = 1<<400 + 1<<300 + 1
	googol = 1e100
)

func main() {
	fmt.Println((big+1)-big, huge>>398, (wide-1<<400-1)>>300, wide%(1<<100))
	fmt.Println((1e40+1)-1e40, (googol+1)-googol, (1e150+7)-1e150)
	fmt.Println(big/(1<<190), (big*3+5)/(big), (huge+big)/big-big)
	fmt.Println(uint64((1<<300+12345)-1<<300), int8((1<<400-3)-(1<<400)))
	fmt.Println(float64(big), float32(1<<100), float64(huge), uint64(math.MaxUint64), wide%7)
	const third = 1.0 / 3
	fmt.Println(third*3 == 1, third+third+third, 0.1+0.2 == 0.3)
	fmt.Println(1e300*1e300/1e300 == 1e300, (1<<500)/(1<<499))
}
