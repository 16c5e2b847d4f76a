// math/rand's seeded sources give Go's numbers: NewSource and Seed for positive, negative,
// zero and large seeds, through every method whose algorithm is Go's, and the global
// functions after rand.Seed.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Int63(), r.Uint32(), r.Uint64(), r.Int31(), r.Int())
	fmt.Println(r.Intn(100), r.Int31n(1000), r.Int63n(1e12), r.Intn(1<<40), r.Int63n(64))
	fmt.Printf("%.17g %.9g\n", r.Float64(), r.Float32())
	fmt.Println(r.Perm(12))
	words := []string{"a", "b", "c", "d", "e", "f", "g"}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words)
	b := make([]byte, 11)
	n, err := r.Read(b[:3])
	fmt.Println(n, err, b[:3])
	r.Read(b[3:])
	fmt.Println(b)

	for _, seed := range []int64{0, 1, -1, 89482311, 1<<31 - 1, 1 << 40, -1 << 63} {
		r.Seed(seed)
		fmt.Println(seed, r.Int63(), r.Intn(10))
	}

	var src rand.Source = rand.NewSource(7)
	s64 := src.(rand.Source64)
	fmt.Println(src.Int63(), s64.Uint64())

	rand.Seed(2024)
	fmt.Println(rand.Intn(6)+1, rand.Intn(6)+1, rand.Float64(), rand.Perm(5))
	dice := make(map[int]int)
	for i := 0; i < 600; i++ {
		dice[rand.Intn(6)+1]++
	}
	fmt.Println(dice)
	rand.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words, rand.Int31n(5), rand.Uint32())
}
