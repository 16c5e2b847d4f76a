// rand.NewZipf draws as Go's does from a seeded source: the values, their spread over many
// draws, the nil a bad parameter gives, and the panic of a nil Zipf's Uint64.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(3))
	z := rand.NewZipf(r, 1.5, 2, 100)
	for i := 0; i < 10; i++ {
		fmt.Print(z.Uint64(), " ")
	}
	fmt.Println()
	counts := make([]int, 6)
	sum := uint64(0)
	for i := 0; i < 20000; i++ {
		k := z.Uint64()
		sum += k
		if k < 5 {
			counts[k]++
		} else {
			counts[5]++
		}
	}
	fmt.Println(counts, sum)
	steep := rand.NewZipf(rand.New(rand.NewSource(9)), 3, 1, 1<<40)
	fmt.Println(steep.Uint64(), steep.Uint64(), steep.Uint64())
	fmt.Println(rand.NewZipf(r, 1, 2, 10) == nil, rand.NewZipf(r, 2, 0.5, 10) == nil)
	defer func() { fmt.Println("recovered:", recover()) }()
	var none *rand.Zipf
	none.Uint64()
}
