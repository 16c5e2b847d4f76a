// defer in the body of a loop over a function defers to the enclosing function: the calls
// run when it returns (after the iterators' own deferred calls), in reverse order, and while
// a panic unwinds it.
package main

import (
	"fmt"
	"slices"
)

func seq(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator", name, "cleans up")
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func f() (result string) {
	defer fmt.Println("f's own defer, deferred first")
	for i := range seq("a", 3) {
		defer fmt.Println("deferred in the body, i =", i)
		for j := range seq("b", 2) {
			defer func() { fmt.Println("nested body defer", i, j) }()
		}
	}
	fmt.Println("f returns")
	return "done"
}

func g() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for v := range slices.Values([]int{1, 2, 3}) {
		defer func() { fmt.Println("unwinding", v) }()
		if v == 2 {
			panic("at 2")
		}
	}
	return nil
}

func main() {
	fmt.Println(f())
	fmt.Println(g())
}
