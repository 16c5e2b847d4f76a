// A generic type whose fields hold a larger instance of itself: an instantiation cycle,
// reported as gc reports it rather than expanded forever.
package main

import "fmt"

type Tree[P any] struct {
	v    P
	next *Tree[[]P]
}

func Wrap[T any](n int, x T) {
	if n > 0 {
		Wrap(n-1, []T{x})
	}
}

func main() {
	var t Tree[int]
	fmt.Println(t.next == nil)
	Wrap(3, 1)
}
