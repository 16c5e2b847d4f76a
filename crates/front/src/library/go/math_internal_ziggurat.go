// Package ziggurat is what chanlab's math/rand and math/rand/v2 share of Go's NormFloat64 and
// ExpFloat64: the ziggurat method (Marsaglia and Tsang, "The Ziggurat Method for Generating
// Random Variables", 2000), as Go samples it, with its tables made from their definitions as
// the paper's setup makes them: they are Go's tables bit for bit (the corpus program
// math_rand_ziggurat draws enough to use every one of their entries).
package ziggurat

import "math"

// The normal ziggurat has 128 strips from rn, the exponential one 256 from re, each of area
// vn and ve.
const (
	rn = 3.442619855899
	vn = 9.91256303526217e-3
	re = 7.69711747013104972
	ve = 3.949659822581572e-3
)

// The tables, made at first use.
var (
	kn     []uint32
	wn, fn []float32
	ke     []uint32
	we, fe []float32
)

// Normal returns a normally distributed float64 with mean 0 and standard deviation 1. draw
// gives each try's 32 bits j and strip i (0..127), uniform a float64 in [0, 1).
func Normal(draw func() (j int32, i int), uniform func() float64) float64 {
	if kn == nil {
		normalTables()
	}
	for {
		j, i := draw()
		x := float64(j) * float64(wn[i])
		if absInt32(j) < kn[i] {
			return x
		}
		if i == 0 {
			// The base strip's tail.
			for {
				x = -math.Log(uniform()) * (1.0 / rn)
				y := -math.Log(uniform())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return rn + x
			}
			return -rn - x
		}
		if fn[i]+float32(uniform())*(fn[i-1]-fn[i]) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// Exponential returns an exponentially distributed float64 with rate parameter 1. draw
// gives each try's 32 bits j and strip i (0..255), uniform a float64 in [0, 1).
func Exponential(draw func() (j uint32, i int), uniform func() float64) float64 {
	if ke == nil {
		exponentialTables()
	}
	for {
		j, i := draw()
		x := float64(j) * float64(we[i])
		if j < ke[i] {
			return x
		}
		if i == 0 {
			return re - math.Log(uniform())
		}
		if fe[i]+float32(uniform())*(fe[i-1]-fe[i]) < float32(math.Exp(-x)) {
			return x
		}
	}
}

func absInt32(i int32) uint32 {
	if i < 0 {
		return uint32(-i)
	}
	return uint32(i)
}

func normalTables() {
	const m1 = 1 << 31
	k, w, f := make([]uint32, 128), make([]float32, 128), make([]float32, 128)
	dn, tn := rn, rn
	q := vn / math.Exp(-.5*dn*dn)
	k[0] = uint32(dn / q * m1)
	w[0], w[127] = float32(q/m1), float32(dn/m1)
	f[0], f[127] = 1, float32(math.Exp(-.5*dn*dn))
	for i := 126; i >= 1; i-- {
		dn = math.Sqrt(-2 * math.Log(vn/dn+math.Exp(-.5*dn*dn)))
		k[i+1] = uint32(dn / tn * m1)
		tn = dn
		f[i] = float32(math.Exp(-.5 * dn * dn))
		w[i] = float32(dn / m1)
	}
	kn, wn, fn = k, w, f
}

func exponentialTables() {
	const m2 = 1 << 32
	k, w, f := make([]uint32, 256), make([]float32, 256), make([]float32, 256)
	de, te := re, re
	q := ve / math.Exp(-de)
	k[0] = uint32(de / q * m2)
	w[0], w[255] = float32(q/m2), float32(de/m2)
	f[0], f[255] = 1, float32(math.Exp(-de))
	for i := 254; i >= 1; i-- {
		de = -math.Log(ve/de + math.Exp(-de))
		k[i+1] = uint32(de / te * m2)
		te = de
		f[i] = float32(math.Exp(-de))
		w[i] = float32(de / m2)
	}
	ke, we, fe = k, w, f
}
