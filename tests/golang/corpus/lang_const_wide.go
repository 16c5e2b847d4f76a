// Constants past 128 bits and past float64's range: Go keeps them exact (or to 512 bits),
// so 1<<100 * 1<<100 shifts back to 32, 1e400/1e300 is 1e100, math.Pi/3 is the float64
// nearest the exact third, and the largest float32 still rounds from just below halfway.
package main

import (
	"fmt"
	"math"
)

const (
	Big   = 1 << 100
	Small = Big >> 99
	Huge  = Big * Big
	Far   = 1e400
	Near  = 1e-400

	two128 = 1.0 * (1 << 64) * (1 << 64)
	ulp32  = two128 / (1 << 24)
	max32  = two128 - ulp32
)

func needFloat(x float64) float64 { return x * 0.1 }

func main() {
	fmt.Println(Small, Huge>>195, Huge/Big == Big, needFloat(Big), float32(Big))
	fmt.Println(Far/1e300, Near*1e300*1e100, Far*Near, -Far/Far)
	fmt.Println(math.Pi/3, math.Pi/180*45, math.E*2, math.Sqrt2/2, 1/math.Pi, math.Pi/7)
	fmt.Println(math.Phi/3, math.SqrtPi/9, math.Ln10/7, math.Pi/11*3, 2.5*math.E)
	fmt.Println(float32(max32+ulp32/2-1/two128), float64(max32), max32 == math.MaxFloat32)
	fmt.Println(math.MaxInt64, uint64(math.MaxUint64), math.MinInt64, Big%7, Huge/Big/Big)
	const third = 1 / 3.0
	fmt.Println(third*3 == 1, 0x1p-1074, 0x1p-1075*3, 1e308*10/100)
}
