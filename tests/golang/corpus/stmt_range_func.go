// Range over functions (Go 1.23): the body runs as the iterator's yield function; break,
// continue, return (with values, and bare into named results), labelled break and continue
// across two loops over functions, per-iteration variables, the assigning form, and the
// panics of an iterator that calls yield after the loop was left.
package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  stopped at", i)
				return
			}
		}
		fmt.Println("  exhausted")
	}
}

func pairs(m []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, s := range m {
			if !yield(i, s) {
				return
			}
		}
	}
}

func find(xs []string, want string) (int, bool) {
	for i, s := range pairs(xs) {
		if s == want {
			return i, true
		}
	}
	return -1, false
}

func named() (n int, err error) {
	for i := range count(10) {
		n += i
		if i == 4 {
			return
		}
	}
	return 99, nil
}

func search(grid [][]int, want int) (r, c int, found bool) {
	for i := range count(len(grid)) {
		for j, v := range pairsOf(grid[i]) {
			if v == want {
				return i, j, true
			}
		}
	}
	return -1, -1, false
}

func pairsOf(xs []int) func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func stubborn(yield func(int) bool) {
	yield(1)
	yield(2)
}

func main() {
	for i := range count(3) {
		fmt.Println("i =", i)
	}
	sum := 0
	for i := range count(10) {
		if i%2 == 0 {
			continue
		}
		if i > 7 {
			break
		}
		sum += i
	}
	fmt.Println("sum", sum)
	fmt.Println(find([]string{"a", "b", "c"}, "b"))
	fmt.Println(find([]string{"a", "b", "c"}, "z"))
	fmt.Println(named())
	fmt.Println(search([][]int{{1, 2}, {3, 4}}, 4))
	fmt.Println(search([][]int{{1, 2}, {3, 4}}, 5))
outer:
	for i := range count(3) {
		for j := range count(3) {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	var funcs []func() int
	for i := range count(3) {
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var k int
	var v string
	for k, v = range pairs([]string{"x", "y"}) {
	}
	fmt.Println(k, v)
	n := 0
	for range count(4) {
		n++
	}
	fmt.Println("n", n)
	for i := range count(5) {
		switch {
		case i == 1:
			continue
		case i == 3:
			break
		}
		fmt.Println("sw", i)
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for x := range stubborn {
			fmt.Println("x", x)
			break
		}
	}()
	defer func() { fmt.Println("recovered:", recover()) }()
	var saved func(int) bool
	for i := range func(yield func(int) bool) { saved = yield; yield(1) } {
		fmt.Println("got", i)
		break
	}
	saved(2)
}
