// A generic function that calls itself with a larger type argument would need a copy for
// every size: gc reports the cycle, and so does chanlab, instead of compiling forever.
package main

import "fmt"

type Box[T any] struct{ v T }

func (b Box[T]) Nest(n int) {
	if n == 0 {
		fmt.Printf("%T\n", b)
		return
	}
	Box[*T]{}.Nest(n - 1)
}

func main() { Box[int]{}.Nest(2) }
