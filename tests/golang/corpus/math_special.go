package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

// math's Gamma, Lgamma, Erf, Erfc, Erfinv, Erfcinv and Expm1, and math/cmplx's inverse
// trigonometric and hyperbolic functions, Tan, Tanh and Cot, over inputs that take each of
// their branches: signed zeros, infinities, NaNs, subnormals, poles, the integers, the
// bounds of each interval, and Tan and Cot where their denominator takes the Taylor series
// (with arguments past 2^30 reduced by the bits of 1/Pi). Each result is printed with %v and
// with %.17g, and a checksum of the bits of many more results ends it.

func main() {
	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	xs := []float64{
		0, negz, inf, -inf, nan, 5e-324, -5e-324, 1e-310, math.MaxFloat64, -math.MaxFloat64,
		1, 2, 3, 4, 5, 10, 20, 23, -1, -2, -3, -20, -1e16, 1e16,
		1e-10, -1e-10, 1e-9, -2e-9, 0.5, -0.5, -1.5, -2.5, 2.5, 7.3, -7.3, 33.5, 34, 100.5,
		143.5, 150, 171, 171.6, 171.7, 201, -33.5, -34.5, -100.25, -170.5, -171.5, -180.5,
		-190.5, 1e-30, -1e-30, 0.95, 0.8, 0.3, 0.1, 1.9, 1.1, 7.9, 8, 1e17, 1e20, -0.1, -0.3,
		-0.6, -0.8, -1.1, -1.3, -1.6, -1.8, -2.1, -4.5e15, 1e-20, 0.25, 0.84375, -0.84375,
		1.2, 1.25, 2.857142857142857, 2.86, -2.86, 5.9, 6, -6, 6.5, -6.5, 27, 28, -28, 30,
		0.85, -0.85, 0.9, -0.9, 0.999999, 1 - 1e-12, -(1 - 1e-15), 1.5, 1.9999, 0.35, 0.45,
		0.7, -0.7, 1.03, -1.03, 1.04, 13.8, 20.1, 38, 38.9, -38.9, 40, 700, 709.78, 709.79,
		-2.3, -40, -745,
	}
	for _, x := range xs {
		lg, sign := math.Lgamma(x)
		fmt.Println(x, "gamma", math.Gamma(x), "lgamma", lg, sign, "expm1", math.Expm1(x))
		fmt.Println("  erf", math.Erf(x), "erfc", math.Erfc(x), "erfinv", math.Erfinv(x), "erfcinv", math.Erfcinv(x))
		fmt.Printf("  %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g\n", math.Gamma(x), lg,
			math.Expm1(x), math.Erf(x), math.Erfc(x), math.Erfinv(x), math.Erfcinv(x), x)
	}

	zs := []complex128{
		0, complex(negz, 0), complex(0, negz), complex(negz, negz), 1, -1, 1i, -1i, 0.5, -0.5i,
		2, -2, 2i, -3i, 2 + 3i, -2 - 3i, 0.5 - 0.25i, -5 + 12i, 3 + 4i, 1 + 1i, -1 + 1i,
		complex(-4, negz), complex(negz, 9), 1e-300 + 1e-300i, 1e300 + 1e300i, 7 - 1e-20i,
		-0.1 + 0.7i, 100 - 250i, 1e-8 + 2i, 40 + 0.5i, 0.3 + 400i,
		complex(math.Pi/2, 0.01), complex(-math.Pi/2, 0.01), complex(math.Pi, 0.1), 0.1 + 0.1i,
		0.01 - 0.02i, complex(3e9, 1e-3), complex(3e10, 1e-3), complex(7e12, -1e-3),
		complex(5e9, 1e-3), complex(1.1e10, 1e-3), complex(-1.6e10, 1e-3),
		complex(inf, 0), complex(-inf, 1), complex(1, inf), complex(1, -inf), complex(inf, inf),
		complex(-inf, -inf), complex(0, inf), complex(inf, nan), complex(nan, inf),
		complex(nan, 0), complex(0, nan), complex(nan, nan), complex(-inf, nan), complex(2, nan),
		complex(nan, 0.5), complex(0.5, 0), complex(0, 0.5), complex(negz, 0.5),
	}
	fns := []struct {
		name string
		f    func(complex128) complex128
	}{
		{"asin", cmplx.Asin}, {"asinh", cmplx.Asinh}, {"acos", cmplx.Acos}, {"acosh", cmplx.Acosh},
		{"atan", cmplx.Atan}, {"atanh", cmplx.Atanh}, {"tan", cmplx.Tan}, {"tanh", cmplx.Tanh},
		{"cot", cmplx.Cot},
	}
	for _, z := range zs {
		fmt.Println(z)
		for _, f := range fns {
			w := f.f(z)
			fmt.Printf("  %s %v %.17g\n", f.name, w, w)
		}
	}

	// Checksums of the bits of each function's results over pseudo-random inputs.
	var state uint64 = 0x9E3779B97F4A7C15
	next := func() uint64 {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return state
	}
	random := func() float64 {
		switch next() % 4 {
		case 0:
			return float64(next()>>11)/(1<<53)*400 - 200
		case 1:
			return float64(next()>>11)/(1<<53)*8 - 4
		case 2:
			b := next()
			return math.Float64frombits(b&(1<<63|(1<<52-1)) | (1023-60+(b>>52)%72)<<52)
		}
		return math.Float64frombits(next())
	}
	sum := func(h, b uint64) uint64 { return (h ^ b) * 1099511628211 }
	reals := []struct {
		name string
		f    func(float64) float64
	}{
		{"Gamma", math.Gamma},
		{"Lgamma", func(x float64) float64 { v, s := math.Lgamma(x); return v * float64(s) }},
		{"Erf", math.Erf}, {"Erfc", math.Erfc}, {"Expm1", math.Expm1},
		{"Erfinv", func(x float64) float64 { return math.Erfinv(math.Remainder(x, 2)) }},
		{"Erfcinv", func(x float64) float64 { return math.Erfcinv(math.Mod(math.Abs(x), 2)) }},
	}
	for _, r := range reals {
		var h uint64 = 14695981039346656037
		for i := 0; i < 300; i++ {
			h = sum(h, math.Float64bits(r.f(random())))
		}
		fmt.Printf("%s %#x\n", r.name, h)
	}
	for _, f := range fns {
		var h uint64 = 14695981039346656037
		for i := 0; i < 300; i++ {
			w := f.f(complex(random()/50, random()/50))
			h = sum(sum(h, math.Float64bits(real(w))), math.Float64bits(imag(w)))
		}
		fmt.Printf("%s %#x\n", f.name, h)
	}
}
