// Go 1.23's iterators: iter.Seq and Seq2, maps.All, Keys, Values, Insert, Collect, slices.All,
// Values, Backward, AppendSeq, Collect, Sorted, SortedFunc, Chunk; a generic iterator
// method, an iterator adapter, and a return from inside a filtered loop.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type List[T any] struct {
	items []T
}

func (l *List[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range l.items {
			if !yield(i, x) {
				return
			}
		}
	}
}

func Filter[V any](seq iter.Seq[V], keep func(V) bool) iter.Seq[V] {
	return func(yield func(V) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func firstLong(words []string) string {
	for w := range Filter(slices.Values(words), func(s string) bool { return len(s) > 3 }) {
		return strings.ToUpper(w)
	}
	return ""
}

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3, "d": 4}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(vals)
	for i, v := range slices.Backward([]string{"x", "y", "z"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, len(c), cap(c), " ")
	}
	fmt.Println()
	l := &List[string]{items: []string{"p", "q"}}
	for i, s := range l.All() {
		fmt.Println(i, s)
	}
	m2 := maps.Collect(l.All())
	fmt.Println(m2)
	maps.Insert(m2, slices.All([]string{"r"}))
	fmt.Println(len(m2), m2[0])
	fmt.Println(firstLong([]string{"go", "is", "great", "fun"}))
	evens := slices.Collect(Filter(slices.Values([]int{1, 2, 3, 4, 5, 6}), func(n int) bool { return n%2 == 0 }))
	fmt.Println(evens, slices.AppendSeq([]int{0}, slices.Values(evens)))
	byLen := slices.SortedFunc(slices.Values([]string{"ccc", "a", "bb"}), func(a, b string) int { return len(a) - len(b) })
	fmt.Println(byLen)
	total := 0
	for _, v := range maps.All(m) {
		total += v
	}
	fmt.Println(total)
}
