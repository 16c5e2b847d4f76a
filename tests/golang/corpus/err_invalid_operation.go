package main

import "fmt"

type T struct{ A int }

func main() {
	s := "abc"
	t := T{1}
	m := map[string]int{}
	f := func() {}
	fmt.Println(-s)
	fmt.Println(t < t)
	fmt.Println(m == m)
	fmt.Println(f == f)
	fmt.Println(!1)
	x := 5
	x.foo()
	fmt.Println(s[1.5])
}
