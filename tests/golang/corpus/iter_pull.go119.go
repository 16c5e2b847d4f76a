package main

// Go 1.19 has no package iter and no range over functions: this twin of iter_pull.go
// defines the types, and Pull and Pull2 as a goroutine taking turns with its caller (what a
// coroutine switch does in Go 1.23), and calls the range loop's body itself.

import "fmt"

type Seq[V any] func(yield func(V) bool)
type Seq2[K, V any] func(yield func(K, V) bool)

type item[V any] struct {
	v  V
	ok bool
}

func Pull[V any](seq Seq[V]) (func() (V, bool), func()) {
	var panicked any
	started, done := false, false
	resume := make(chan bool)
	out := make(chan item[V])
	body := func() {
		var last item[V]
		defer func() {
			if r := recover(); r != nil {
				panicked = r
			}
			done = true
			out <- last
		}()
		if !<-resume {
			return
		}
		seq(func(v V) bool {
			if done {
				return false
			}
			out <- item[V]{v, true}
			return <-resume
		})
	}
	switchTo := func(goOn bool) item[V] {
		if !started {
			started = true
			go body()
		}
		resume <- goOn
		it := <-out
		if panicked != nil {
			panic(panicked)
		}
		return it
	}
	next := func() (V, bool) {
		if done {
			var v V
			return v, false
		}
		it := switchTo(true)
		return it.v, it.ok
	}
	stop := func() {
		if !done {
			switchTo(false)
			done = true
		}
	}
	return next, stop
}

type pair[K, V any] struct {
	k K
	v V
}

func Pull2[K, V any](seq Seq2[K, V]) (func() (K, V, bool), func()) {
	next, stop := Pull(Seq[pair[K, V]](func(yield func(pair[K, V]) bool) {
		seq(func(k K, v V) bool { return yield(pair[K, V]{k, v}) })
	}))
	return func() (K, V, bool) {
		p, ok := next()
		return p.k, p.v, ok
	}, stop
}

func Values[S ~[]E, E any](s S) Seq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func All[M ~map[K]V, K comparable, V any](m M) Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func count(n int) Seq[int] {
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

func zip[A, B any](a Seq[A], b Seq[B]) Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := Pull(a)
		defer sa()
		nb, sb := Pull(b)
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
	next, stop := Pull(count(5))
	for i := 0; i < 3; i++ {
		v, ok := next()
		fmt.Println(v, ok)
	}
	stop()
	stop()
	fmt.Println(next())

	next, stop = Pull(count(2))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
	fmt.Println(next())
	stop()

	_, stop = Pull(count(3))
	stop()

	zip(count(4), Values([]string{"a", "b", "c"}))(func(a int, b string) bool {
		fmt.Println(a, b)
		return true
	})

	m := map[string]int{"x": 1}
	n2, s2 := Pull2(All(m))
	fmt.Println(n2())
	fmt.Println(n2())
	s2()

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		next, stop := Pull(Seq[int](func(yield func(int) bool) {
			yield(1)
			panic("boom")
		}))
		defer stop()
		fmt.Println(next())
		fmt.Println(next())
	}()
}
