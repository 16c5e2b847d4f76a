package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type Number interface {
	~int | ~int8 | ~uint8 | ~float32 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Scale[T Number](xs []T, k T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = x * k
	}
	return out
}

type Stringer interface{ String() string }

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type Named struct{ name string }

func (n *Named) String() string { return "named:" + n.name }

func JoinAll[T Stringer](xs []T) string {
	parts := []string{}
	for _, x := range xs {
		parts = append(parts, x.String())
	}
	return strings.Join(parts, ",")
}

type Set[K comparable] struct{ m map[K]struct{} }

func NewSet[K comparable](ks ...K) *Set[K] {
	s := &Set[K]{m: map[K]struct{}{}}
	for _, k := range ks {
		s.Add(k)
	}
	return s
}

func (s *Set[K]) Add(k K)           { s.m[k] = struct{}{} }
func (s *Set[K]) Has(k K) bool      { _, ok := s.m[k]; return ok }
func (s *Set[K]) Len() int          { return len(s.m) }
func (s Set[K]) String() string     { return fmt.Sprintf("set of %d", len(s.m)) }

type Pair[A, B any] struct {
	First  A
	Second B
}

func MakePair[A, B any](a A, b B) Pair[A, B] { return Pair[A, B]{a, b} }

func (p Pair[A, B]) Swap() Pair[B, A] { return Pair[B, A]{p.Second, p.First} }

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Counter[T comparable](xs []T) func(T) int {
	counts := map[T]int{}
	for _, x := range xs {
		counts[x]++
	}
	return func(x T) int { return counts[x] }
}

func Describe[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return "int " + strconv.Itoa(v)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	return fmt.Sprintf("other %T", x)
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type List[T any] struct {
	head *node[T]
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head} }
func (l *List[T]) All() []T {
	var out []T
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.v)
	}
	return out
}

func Map2[T, U any](xs []T, f func(T) U) []U {
	return Reduce(xs, []U(nil), func(acc []U, x T) []U { return append(acc, f(x)) })
}

func Ptr[T any](v T) *T { return &v }

func Zero[T any]() T {
	return *new(T)
}

func Produce[T any](vs ...T) <-chan T {
	ch := make(chan T)
	go func() {
		defer close(ch)
		for _, v := range vs {
			ch <- v
		}
	}()
	return ch
}

type Num[T Number] struct{ v T }

func (n Num[T]) Double() Num[T] { return Num[T]{n.v * 2} }

type Wrapper[T any] struct {
	Pair[T, T]
	extra T
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

type Err[T any] struct{ v T }

func (e Err[T]) Error() string { return fmt.Sprint("err ", e.v) }

func Fail[T any](v T) error { return Err[T]{v} }

func main() {
	fmt.Println(Sum(1, 2, 3), Sum[uint8](200, 100), Sum[int8](100, 100), Sum(float32(0.1), 0.2))
	fmt.Println(Scale([]float64{1, 2}, 1.5), Scale([]uint8{16, 17}, 16))
	fmt.Println(JoinAll([]Celsius{1, 2.5}), JoinAll([]*Named{{"a"}, {"b"}}))
	s := NewSet("a", "b", "a")
	fmt.Println(s.Len(), s.Has("a"), s.Has("z"), *s, s)
	p := MakePair("x", 1)
	fmt.Printf("%v %+v %T %T\n", p, p.Swap(), p, p.Swap())
	evens := Filter([]int{1, 2, 3, 4}, func(i int) bool { return i%2 == 0 })
	fmt.Println(evens, Reduce(evens, "", func(a string, i int) string { return a + strconv.Itoa(i) }))
	c := Counter(strings.Fields("a b a c a"))
	fmt.Println(c("a"), c("b"), c("z"))
	fmt.Println(Describe(3), Describe("s"), Describe(Celsius(3)), Describe(2.5))
	fmt.Println(Max(1, 2), Max(2.5, 1.5), Max("a", "b"))
	var l List[string]
	l.Push("x")
	l.Push("y")
	fmt.Println(l.All(), len(l.All()))
	fmt.Println(Map2([]int{1, 2}, strconv.Itoa), Map2([]string{"a"}, strings.ToUpper))
	ip := Ptr(5)
	*ip++
	fmt.Println(*ip, Zero[int](), Zero[string]() == "", Zero[*int]() == nil, Zero[Pair[int, bool]]())
	for v := range Produce("p", "q") {
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(Num[int]{3}.Double(), Num[float64]{1.25}.Double().v)
	w := Wrapper[int]{Pair[int, int]{1, 2}, 3}
	fmt.Println(w.First, w.Swap(), w)
	ks := Keys(map[string]int{"b": 1, "a": 2})
	sort.Strings(ks)
	fmt.Println(ks)
	err := Fail(42)
	var e Err[int]
	fmt.Println(err, errors.As(err, &e), e.v)
	f := Sum[float64]
	fmt.Printf("%T %v\n", f, f(1, 2))
	dbl := Num[int].Double
	fmt.Println(dbl(Num[int]{4}))
	mv := s.Has
	fmt.Println(mv("b"))
	var st fmt.Stringer = NewSet(1, 2, 3)
	fmt.Println(st.String())
}
