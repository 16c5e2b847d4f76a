package main

import "fmt"

// gc makes an assignment's calls first, then reads the variables of the places it assigns:
// a call that changes an index, a map, a pointer or a slice decides which place is assigned.
// append and copy take their place among the calls.

type box struct{ v int }

var g int

func bumpG() int {
	g += 2
	return 1
}

func main() {
	a := []int{0, 0, 0}
	i := 0
	a[i] = func() int { i = 2; return 7 }()
	fmt.Println(a, i)

	m := map[string]int{}
	old := m
	m["k"] = func() int { m = map[string]int{}; return 1 }()
	fmt.Println(len(old), m)

	p := &box{}
	q := p
	p.v = func() int { p = &box{}; return 5 }()
	fmt.Println(q.v, p.v)

	b := []int{0, 0, 0, 0}
	g = 0
	b[g] += bumpG()
	fmt.Println(b, g)

	arr := [4]int{}
	j := 0
	next := func() int { j++; return j }
	arr[next()] = next() * 10
	fmt.Println(arr, j)

	s := []int{1}
	s = append(s, func() int { s = append(s, 50); return 2 }())
	fmt.Println(s)

	bs := []byte("ab")
	fmt.Println(string(bs), copy(bs, "X"))

	k := 0
	xs := []int{10, 20, 30}
	xs[k], k = 100, func() int { return 2 }()
	fmt.Println(xs, k)

	defer func() { fmt.Println("recovered:", recover()) }()
	c := []int{0, 0}
	n := 0
	c[n] += func() int { n = 5; return 1 }()
	fmt.Println("not reached", c)
}
