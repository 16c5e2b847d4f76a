package main

import "fmt"

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Shape interface {
	Area() float64
}

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func Total[S Shape](shapes []S) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func First[T any](xs []T) (T, error) {
	if len(xs) == 0 {
		var z T
		return z, fmt.Errorf("empty %T", xs)
	}
	return xs[0], nil
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func (o Opt[T]) Get() (T, bool) { return o.v, o.ok }

func (o Opt[T]) String() string {
	if !o.ok {
		return "None"
	}
	return fmt.Sprintf("Some(%v)", o.v)
}

func Fib[T ~int | ~int64](n T) T {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}

func Apply[T any](fs ...func(T) T) func(T) T {
	return func(x T) T {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func Index[T comparable](xs []T, v T) int {
	for i := range xs {
		if xs[i] == v {
			return i
		}
	}
	return -1
}

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

type Cache[K comparable, V any] struct {
	data map[K]V
	miss func(K) V
}

func (c *Cache[K, V]) Get(k K) V {
	if v, ok := c.data[k]; ok {
		return v
	}
	v := c.miss(k)
	if c.data == nil {
		c.data = make(map[K]V)
	}
	c.data[k] = v
	return v
}

func main() {
	var root *Tree[int]
	for _, v := range []int{5, 3, 8, 1, 4} {
		root = root.Insert(v)
	}
	root.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	var sroot *Tree[string]
	sroot = sroot.Insert("m").Insert("a").Insert("z")
	sroot.Walk(func(v string) { fmt.Print(v, " ") })
	fmt.Println()
	fmt.Println(Total([]Sq{{1}, {2}}), Total([]Shape{Sq{3}}))
	x, err := First([]string{})
	fmt.Printf("%q %v\n", x, err)
	y, err := First([]float64{2.5})
	fmt.Println(y, err)
	o := Some(3)
	fmt.Println(o, Opt[string]{}, []Opt[int]{o})
	v, ok := o.Get()
	fmt.Println(v, ok)
	fmt.Println(Fib(20), Fib(int64(30)))
	inc := func(i int) int { return i + 1 }
	dbl := func(i int) int { return i * 2 }
	fmt.Println(Apply(inc, dbl, inc)(5))
	fmt.Println(Index([]string{"x", "a"}, "a"), Index([]Opt[int]{o}, Some(3)))
	calls := 0
	c := &Cache[string, int]{miss: func(k string) int { calls++; return len(k) }}
	fmt.Println(c.Get("abc"), c.Get("abc"), c.Get("de"), calls)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(Must(First([]int{7})))
	Must(First([]bool{}))
}
