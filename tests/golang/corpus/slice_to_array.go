// Go 1.20's conversion of a slice to an array: a copy of the slice's first elements (structs
// copied too), and a panic when the slice is shorter than the array.
package main

import "fmt"

type P struct{ X int }

func main() {
	a := []int{1, 2, 3}
	b := [2]int(a)
	b[0] = 9
	fmt.Println(b, a, len(b))
	ps := []P{{1}, {2}, {3}}
	q := [3]P(ps)
	q[0].X = 7
	fmt.Println(q, ps)
	var none []int
	fmt.Println([0]int(none), len([0]int(none)))
	defer func() { fmt.Println(recover()) }()
	c := [4]int(a)
	fmt.Println(c)
}
