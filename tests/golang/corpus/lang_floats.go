package main

import (
	"fmt"
	"math"
)

func main() {
	a := 0.1
	b := 0.2
	fmt.Println(a+b, a+b == 0.3)
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32))
	fmt.Println(float32(a)+float32(b), float32(1)/3)
	fmt.Println(1.0/3.0, 2.0/3.0, 10.0/4)
	fmt.Println(1e6, 1e21, 1e20, 123456789.0, 1e-5, 0.000001, 1e-7)
	fmt.Println(float32(1e6), float32(16777217), float32(3.4e38))
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	var zero float64
	fmt.Println(1/zero, -1/zero, zero/zero)
	nan := math.NaN()
	fmt.Println(nan == nan, nan < 1, nan > 1, math.IsNaN(nan))
	fmt.Println(-zero, math.Copysign(0, -1))
	fmt.Println(float64(7)/2, 7/2, 7.0/2)
	x := 2.5
	fmt.Println(int(x), int(-x), math.Round(x), math.Round(-x), math.Trunc(-x))
	huge := 1.5e300
	fmt.Println(100.0, 3.0, -2.50, huge*huge, -huge*huge)
	var f float64 = 1 << 53
	fmt.Println(f, f+1, int64(f+1))
}
