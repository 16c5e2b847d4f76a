// Go 1.19 has no conversion of a slice to an array: the same values, copied by hand.
package main

import "fmt"

type P struct{ X int }

func main() {
	a := []int{1, 2, 3}
	var b [2]int
	copy(b[:], a)
	b[0] = 9
	fmt.Println(b, a, len(b))
	ps := []P{{1}, {2}, {3}}
	var q [3]P
	copy(q[:], ps)
	q[0].X = 7
	fmt.Println(q, ps)
	var none [0]int
	fmt.Println(none, len(none))
	fmt.Println("runtime error: cannot convert slice with length 3 to array or pointer to array with length 4")
}
