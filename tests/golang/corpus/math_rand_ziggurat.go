// NormFloat64 and ExpFloat64 are Go's ziggurats: from a seeded source they give Go's values,
// the first ones printed exactly and 200,000 more summed, so that every entry of the tables
// (made from their definitions in chanlab) takes part, the wedges' rare ones included.
package main

import (
	"fmt"
	"math/rand"
	"time"
)

func main() {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 4; i++ {
		fmt.Printf("%.17g %.17g\n", r.NormFloat64(), r.ExpFloat64())
	}
	var norm, exp float64
	var tails, big int
	for i := 0; i < 200000; i++ {
		n, e := r.NormFloat64(), r.ExpFloat64()
		norm += n
		exp += e
		if n > 3.442619855899 || n < -3.442619855899 {
			tails++
		}
		if e > 7.69711747013104972 {
			big++
		}
	}
	fmt.Printf("%.10f %.10f %d %d\n", norm, exp, tails, big)

	// The global source after Seed, as a jittered latency is often drawn.
	rand.Seed(99)
	for i := 0; i < 3; i++ {
		d := time.Duration(rand.NormFloat64()*float64(20*time.Millisecond) + float64(100*time.Millisecond))
		fmt.Println(d.Round(time.Microsecond), time.Duration(rand.ExpFloat64()*float64(time.Second)).Round(time.Millisecond))
	}
}
