// A builtin whose one argument is a call of several results takes those results as its
// arguments (Go's fixedbugs/issue5793.go, issue15992.go), also deferred and in a go statement.
package main

import (
	"fmt"
	"time"
)

func two() (int, string)           { return 7, "x" }
func pair() (float64, float64)     { return 1.5, -2 }
func strs() (string, string)       { return "b", "a" }
func ikey() (map[any]int, int)     { return map[any]int{1: 1, "1": 2}, 1 }
func elems() ([]any, int, string)  { return nil, 3, "s" }
func bs() ([]byte, string)         { return make([]byte, 2), "hello" }
func ms() (map[string]int, string) { return map[string]int{"a": 1, "b": 2}, "a" }

func main() {
	println(two())
	print(two())
	println()
	fmt.Println(complex(pair()))
	m, k := ikey()
	delete(ikey())
	delete(m, k)
	fmt.Println(len(m), m)
	fmt.Println(append(elems()))
	b, _ := bs()
	fmt.Println(copy(bs()), b)
	mm, _ := ms()
	defer fmt.Println("deferred", len(mm))
	defer delete(mm, "b")
	defer println(two())
	defer delete(ms())
	go println(strs())
	time.Sleep(10 * time.Millisecond)
}
