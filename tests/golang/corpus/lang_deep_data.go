package main

import "fmt"

// Data nested through interfaces and closures, far deeper than any stack: comparing it,
// using it as a map key and letting it go must not recurse once per level.

type box struct{ inner any }

func main() {
	var x, y any = 0, 0
	for i := 0; i < 300000; i++ {
		x = box{x}
		y = box{y}
	}
	fmt.Println(x == y)
	m := map[any]int{x: 1}
	m[y]++
	fmt.Println(len(m), m[x])

	var list any = 0
	for i := 0; i < 300000; i++ {
		list = []any{list}
	}
	n := 0
	for l, ok := list.([]any); ok; l, ok = l[0].([]any) {
		n++
	}
	fmt.Println(n)

	f := func() int { return 0 }
	for i := 0; i < 300000; i++ {
		g := f
		f = func() int { return g() + 1 }
	}
	fmt.Println(f())

	x, y, list, m, f = nil, nil, nil, nil, nil
	fmt.Println(x == y, list, m == nil, f == nil)
}
