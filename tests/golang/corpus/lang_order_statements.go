// gc makes an expression's calls first and reads its variables after them, in every
// statement: a send, a switch tag, a range expression, a var declaration, an increment's
// index, the right side of && and ||, a method's value receiver, the places of a
// multi-value assignment. A map literal is made entry by entry, ahead of the expression.
package main

import "fmt"

type T struct{ a int }

func (t T) M(x int) int { return t.a + x }

var global = 1

type box struct{ n int }

func main() {
	w := 1
	f := func() int { w = 100; global = 100; return 0 }

	ch := make(chan int, 1)
	ch <- w + f()
	fmt.Println("send:", <-ch)

	w = 1
	select {
	case ch <- w + f():
		fmt.Println("select send:", <-ch)
	default:
	}

	w = 1
	switch w + f() {
	case 100:
		fmt.Println("switch tag: 100")
	default:
		fmt.Println("switch tag: 1")
	}

	w = 1
	for _, v := range []int{w + f()} {
		fmt.Println("range:", v)
	}

	w = 1
	var ie interface{} = w + f()
	var typed int = w + f()
	w = 1
	var inferred = w + f()
	fmt.Println("var:", ie, typed, inferred)

	w = 1
	arr := make([]int, 101)
	arr[w+f()]++
	fmt.Println("increment: arr[1] =", arr[1], "arr[100] =", arr[100])

	w = 1
	var err error
	fmt.Println("||:", err != nil || w+f() == 100, "&&:", err == nil && w+f() == 100)
	w = 1
	if err != nil || w+f() == 100 {
		fmt.Println("|| in a condition")
	}

	w = 1
	fmt.Println("map literal:", map[string]int{"a": w, "b": f(), "c": w})
	w = 1
	fmt.Println("after a map literal:", w+len(map[int]int{1: f()}))

	t := T{a: 1}
	fmt.Println("value receiver:", t.M(func() int { t = T{a: 50}; return 0 }()))
	p := &t
	t = T{a: 1}
	fmt.Println("through a pointer:", p.M(func() int { t = T{a: 60}; return 0 }()))
	t = T{a: 1}
	fmt.Println("struct argument:", fmt.Sprint(t, func() int { t = T{a: 70}; return 0 }()))

	global = 1
	s := struct{ a, b int }{global, f()}
	fmt.Println("struct literal:", s)

	a := []int{0, 0, 0}
	i := 0
	var b int
	a[i], b = func() (int, int) { i = 1; return 7, 8 }()
	fmt.Println("tuple into a[i]:", a, b)
	q := &box{}
	first := q
	q.n, b = func() (int, int) { q = &box{}; return 7, 8 }()
	fmt.Println("tuple into q.n:", q.n, first.n)
	c := []int{0, 0, 0}
	x := 0
	c[x], b = func() int { x = 2; return 7 }(), 8
	fmt.Println("two calls:", c)
}
