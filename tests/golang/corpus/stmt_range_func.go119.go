package main

import (
	"errors"
	"fmt"
)

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
	r, ok := -1, false
	pairs(xs)(func(i int, s string) bool {
		if s == want {
			r, ok = i, true
			return false
		}
		return true
	})
	return r, ok
}

func named() (n int, err error) {
	ret := false
	count(10)(func(i int) bool {
		n += i
		if i == 4 {
			ret = true
			return false
		}
		return true
	})
	if ret {
		return
	}
	return 99, nil
}

func search(grid [][]int, want int) (r, c int, found bool) {
	r, c = -1, -1
	count(len(grid))(func(i int) bool {
		pairsOf(grid[i])(func(j, v int) bool {
			if v == want {
				r, c, found = i, j, true
				return false
			}
			return true
		})
		return !found
	})
	return
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

type rangeError string

func (e rangeError) Error() string { return string(e) }
func (rangeError) RuntimeError()   {}

func main() {
	count(3)(func(i int) bool {
		fmt.Println("i =", i)
		return true
	})
	sum := 0
	count(10)(func(i int) bool {
		if i%2 == 0 {
			return true
		}
		if i > 7 {
			return false
		}
		sum += i
		return true
	})
	fmt.Println("sum", sum)
	fmt.Println(find([]string{"a", "b", "c"}, "b"))
	fmt.Println(find([]string{"a", "b", "c"}, "z"))
	fmt.Println(named())
	fmt.Println(search([][]int{{1, 2}, {3, 4}}, 4))
	fmt.Println(search([][]int{{1, 2}, {3, 4}}, 5))
	count(3)(func(i int) bool {
		brk := false
		count(3)(func(j int) bool {
			if j == 1 {
				return false
			}
			if i == 2 {
				brk = true
				return false
			}
			fmt.Println(i, j)
			return true
		})
		return !brk
	})
	var funcs []func() int
	count(3)(func(i int) bool {
		funcs = append(funcs, func() int { return i * 10 })
		return true
	})
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var k int
	var v string
	pairs([]string{"x", "y"})(func(i int, s string) bool {
		k, v = i, s
		return true
	})
	fmt.Println(k, v)
	n := 0
	count(4)(func(int) bool {
		n++
		return true
	})
	fmt.Println("n", n)
	count(5)(func(i int) bool {
		switch {
		case i == 1:
			return true
		case i == 3:
			break
		}
		fmt.Println("sw", i)
		return true
	})
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		done := false
		fmt.Println("x", 1)
		done = true
		if done {
			panic(rangeError("runtime error: range function continued iteration after function for loop body returned false"))
		}
	}()
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println("got", 1)
	_ = errors.New
	panic(rangeError("runtime error: range function continued iteration after whole loop exit"))
}
