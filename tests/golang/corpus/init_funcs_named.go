// A package's init functions are numbered in Go's tracebacks: the second one's panic names
// main.init.1.
package main

import "fmt"

var order []string

func init() {
	order = append(order, "first")
}

func init() {
	order = append(order, "second")
	if len(order) == 2 {
		panic(fmt.Sprint("init saw ", order))
	}
}

func main() {
	fmt.Println("never", order)
}
