// Interfaces whose methods mention a type parameter, called inside generic functions: the
// method a call finds is the one of the instance's type arguments (Go's typeparam/genembed.go,
// cons.go, typeswitch5.go).
package main

import "fmt"

type getter[T any] interface {
	get() T
}

type box[T any] struct{ val T }

func (b *box[T]) get() T { return b.val }

type outer[T any] struct {
	box[T]
}

func doGet[T any](g getter[T]) T { return g.get() }

func viaAny[T any](i any) T {
	return i.(getter[T]).get()
}

func describe[T any](i any) string {
	switch x := i.(type) {
	case interface{ get() T }:
		return fmt.Sprint("getter of ", x.get())
	default:
		return "other"
	}
}

type myint int

func (m myint) get() int { return int(m) * 10 }

type List[T any] interface {
	Match(empty func() T, cons func(T, List[T]) T) T
}

type Nil[T any] struct{}

func (Nil[T]) Match(empty func() T, _ func(T, List[T]) T) T { return empty() }

type Cons[T any] struct {
	head T
	tail List[T]
}

func (c Cons[T]) Match(_ func() T, cons func(T, List[T]) T) T { return cons(c.head, c.tail) }

func Sum[T int | float64](l List[T]) T {
	return l.Match(func() T { return 0 }, func(h T, t List[T]) T { return h + Sum(t) })
}

func main() {
	o := &outer[int]{box[int]{3}}
	fmt.Println(doGet[int](o), viaAny[string](&outer[string]{box[string]{"abc"}}))
	fmt.Println(describe[int](myint(4)), describe[string](myint(4)), describe[int](o))
	var l List[float64] = Cons[float64]{1.5, Cons[float64]{2, Nil[float64]{}}}
	fmt.Println(Sum(l), Sum[int](Cons[int]{7, Nil[int]{}}))
}
