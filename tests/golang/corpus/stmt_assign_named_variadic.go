package main

import "fmt"

func swap(a, b string) (string, string) { return b, a }

func stats(xs ...int) (count, sum int, avg float64) {
	count = len(xs)
	for _, x := range xs {
		sum += x
	}
	if count > 0 {
		avg = float64(sum) / float64(count)
	}
	return
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func describe(prefix string, args ...interface{}) {
	fmt.Println(prefix, len(args), args == nil, args)
}

func modify(xs ...int) { xs[0] = 99 }

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	x, y := swap("hello", "world")
	fmt.Println(x, y)
	xs := []int{1, 2, 3}
	i := 0
	i, xs[i] = 1, 9 // index evaluated before assignment
	fmt.Println(i, xs)
	xs[0], xs[1], xs[2] = xs[2], xs[0], xs[1]
	fmt.Println(xs)
	fmt.Println(stats())
	fmt.Println(stats(1, 2, 3, 4))
	fmt.Println(stats(xs...))
	fmt.Println(join("-"), join("-", "a"), join(", ", "a", "b", "c"))
	parts := []string{"x", "y"}
	fmt.Println(join("/", parts...))
	describe("none")
	describe("some", 1, "two", 3.0)
	describe("spread", []interface{}{1, 2}...)
	modify(xs...)
	fmt.Println(xs)
	modify(5, 6)
	var p struct{ a, b int }
	p.a, p.b = 3, 4
	p.a, p.b = p.b, p.a
	fmt.Println(p)
	m := map[string]int{}
	m["a"], m["b"] = 1, 2
	fmt.Println(m)
	_, second := swap("1", "2")
	fmt.Println(second)
	var q, r = 10 / 3, 10 % 3
	fmt.Println(q, r)
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	fmt.Println(a, b, c)
}
