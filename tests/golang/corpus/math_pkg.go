package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Pi, math.E, math.Sqrt2)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint8, uint64(math.MaxUint64))
	fmt.Println(math.MaxInt8, math.MinInt8, math.MaxInt16, math.MaxUint32)
	fmt.Println(math.Sqrt(2), math.Sqrt(16), math.Sqrt(-1))
	fmt.Println(math.Abs(-3.5), math.Abs(2), math.Max(3, 7), math.Min(3, 7), math.Max(math.NaN(), 1))
	fmt.Println(math.Floor(2.7), math.Floor(-2.7), math.Ceil(2.1), math.Trunc(-2.7), math.Round(2.5), math.Round(-0.4))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), math.IsInf(math.Inf(1), 0))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Exp(1), math.Log(math.E), math.Log2(8), math.Log10(1000))
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Hypot(3, 4), math.Cbrt(27))
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/6), math.Cos(0), math.Atan2(1, 1))
	fmt.Printf("%v %v %v\n", math.Inf(1), -math.Inf(1), math.NaN())
	fmt.Printf("%f %.2f %e %g\n", math.Inf(1), math.NaN(), math.Inf(-1), math.NaN())
	fmt.Printf("%5.1f|%-6v|%08.2f\n", math.Inf(1), math.NaN(), math.Inf(-1))
	fmt.Println(math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)), math.Float64bits(1.0))
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat32)
	frac, exp := math.Frexp(8)
	fmt.Println(frac, exp, math.Ldexp(0.5, 4))
	ip, fp := math.Modf(3.75)
	fmt.Println(ip, fp)
}
