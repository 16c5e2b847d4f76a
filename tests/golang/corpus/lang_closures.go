package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func fib() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	c1 := counter()
	c2 := counter()
	fmt.Println(c1(), c1(), c1(), c2())
	add5 := adder(5)
	fmt.Println(add5(1), adder(10)(1))
	double := func(x int) int { return x * 2 }
	fmt.Println(compose(add5, double)(1), compose(double, add5)(1))
	f := fib()
	for i := 0; i < 10; i++ {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	x := 1
	set := func(v int) { x = v }
	get := func() int { return x }
	set(7)
	fmt.Println(x, get())
	x = 9
	fmt.Println(get())

	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	fmt.Println(fact(10))
	funcs := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
	}
	fmt.Println(funcs["add"](3, 4), funcs["sub"](3, 4))
	r := func(s string) string { return s + s }("ab")
	fmt.Println(r)
}
