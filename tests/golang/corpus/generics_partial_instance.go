// A generic function instantiated with some of its type arguments and used as a value: the
// rest come from the constraints' core types.
package main

import (
	"fmt"
	"strings"
)

func First[S ~[]E, E any](s S) E { return s[0] }

func Fill[C ~chan E, E any](c C, v E, n int) {
	for i := 0; i < n; i++ {
		c <- v
	}
	close(c)
}

func Keys[M ~map[K]V, K comparable, V any](m M) int { return len(m) }

type Names []string

func Apply[S ~[]E, E any, F ~func(E) E](s S, f F) S {
	out := make(S, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func main() {
	f := First[[]byte]
	fmt.Printf("%T %v\n", f, f([]byte("A")))

	var h func(Names) string = First[Names]
	fmt.Println(h(Names{"x", "y"}))

	c := make(chan bool, 3)
	fill := Fill[chan bool]
	fill(c, true, 3)
	for v := range c {
		fmt.Print(v, " ")
	}
	fmt.Println()

	fmt.Println(Keys[map[string]int](map[string]int{"a": 1, "b": 2}))

	up := Apply[Names, string, func(string) string]
	fmt.Printf("%T %v\n", up, up(Names{"go", "chan"}, strings.ToUpper))
}
