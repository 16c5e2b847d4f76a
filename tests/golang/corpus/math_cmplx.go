package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

// math/cmplx, with the Tour's basic-types page first, then every function over inputs that
// take each of its branches (scaled square roots, signed zeros, infinities, NaNs).

var (
	ToBe   bool       = false
	MaxInt uint64     = 1<<64 - 1
	z      complex128 = cmplx.Sqrt(-5 + 12i)
)

func main() {
	fmt.Printf("Type: %T Value: %v\n", ToBe, ToBe)
	fmt.Printf("Type: %T Value: %v\n", MaxInt, MaxInt)
	fmt.Printf("Type: %T Value: %v\n", z, z)

	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	xs := []complex128{
		0, 1, -1, 1i, -1i, 2 + 3i, -2 - 3i, 0.5 - 0.25i, -5 + 12i, 3 + 4i,
		1e-300 + 1e-300i, 1e300 + 1e300i, 7 - 1e-20i, -0.1 + 0.7i, 100 - 250i,
		complex(negz, 0), complex(0, negz), complex(-4, negz), complex(negz, 9),
		complex(inf, 0), complex(-inf, 1), complex(1, inf), complex(inf, inf),
		complex(nan, 0), complex(0, nan), complex(nan, nan), complex(-inf, nan),
	}
	for _, x := range xs {
		r, th := cmplx.Polar(x)
		fmt.Println(x, cmplx.Abs(x), cmplx.Phase(x), r, th, cmplx.Conj(x), cmplx.IsInf(x), cmplx.IsNaN(x))
		fmt.Println("  sqrt", cmplx.Sqrt(x), "exp", cmplx.Exp(x), "log", cmplx.Log(x), "log10", cmplx.Log10(x))
		fmt.Println("  sin", cmplx.Sin(x), "cos", cmplx.Cos(x), "sinh", cmplx.Sinh(x), "cosh", cmplx.Cosh(x))
		fmt.Println("  pow", cmplx.Pow(x, 2), cmplx.Pow(x, 0.5-1i), cmplx.Pow(2i, x))
	}
	fmt.Println(cmplx.Rect(2, math.Pi/3), cmplx.Rect(1, 0), cmplx.Rect(-3, 10))
	fmt.Println(cmplx.Pow(0, 0), cmplx.Pow(0, -2), cmplx.Pow(0, -2+1i), cmplx.Pow(0, 3), cmplx.Pow(0, cmplx.NaN()))
	fmt.Println(cmplx.Inf(), cmplx.IsInf(cmplx.Inf()), cmplx.IsNaN(cmplx.NaN()))
	fmt.Printf("%.3f %8.2f %g %e\n", z, cmplx.Exp(1i*math.Pi), cmplx.Sqrt(-1), cmplx.Log(-1))
}
