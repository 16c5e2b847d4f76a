package main

import (
	"fmt"
	"math/rand"
	"sort"
)

func main() {
	ok := true
	for i := 0; i < 1000; i++ {
		if v := rand.Intn(10); v < 0 || v >= 10 {
			ok = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			ok = false
		}
		if v := rand.Int63n(5); v < 0 || v >= 5 {
			ok = false
		}
		if v := rand.Int31n(3); v < 0 || v >= 3 {
			ok = false
		}
	}
	fmt.Println("values in range:", ok)

	p := rand.Perm(10)
	sorted := append([]int(nil), p...)
	sort.Ints(sorted)
	fmt.Println("perm is a permutation:", fmt.Sprint(sorted) == "[0 1 2 3 4 5 6 7 8 9]", len(p))

	words := []string{"a", "b", "c", "d", "e", "f"}
	rand.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	sort.Strings(words)
	fmt.Println("shuffle keeps elements:", words)

	r := rand.New(rand.NewSource(42))
	seen := map[int]bool{}
	for i := 0; i < 200; i++ {
		seen[r.Intn(4)] = true
	}
	fmt.Println("all of 0..3 seen:", len(seen) == 4)
	fmt.Println("Int is non-negative:", rand.Int() >= 0, rand.Int63() >= 0, rand.Uint32() >= 0)
	fmt.Println(len(rand.Perm(0)))
}
