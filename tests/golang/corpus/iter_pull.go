package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count: cleanup")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("count: stopped at", i)
				return
			}
		}
	}
}

// zip pairs two sequences, pulling from both.
func zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(count(5))
	for i := 0; i < 3; i++ {
		v, ok := next()
		fmt.Println(v, ok)
	}
	stop()
	stop()
	fmt.Println(next())

	next, stop = iter.Pull(count(2))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
	fmt.Println(next())
	stop()

	// Stopped before it started: the iterator never runs.
	_, stop = iter.Pull(count(3))
	stop()

	for a, b := range zip(count(4), slices.Values([]string{"a", "b", "c"})) {
		fmt.Println(a, b)
	}

	m := map[string]int{"x": 1}
	n2, s2 := iter.Pull2(maps.All(m))
	fmt.Println(n2())
	fmt.Println(n2())
	s2()

	// A panic in the iterator reaches the caller of next.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		next, stop := iter.Pull(func(yield func(int) bool) {
			yield(1)
			panic("boom")
		})
		defer stop()
		fmt.Println(next())
		fmt.Println(next())
	}()
}
