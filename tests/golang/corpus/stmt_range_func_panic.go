// A panic in the body of a loop over a function that the iterator recovers: calling yield
// again, or returning, panics with Go's run-time error; a panic nothing recovers goes on.
package main

import "fmt"

func swallowing(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		func() {
			defer func() { recover() }()
			yield(i)
		}()
	}
}

func quietly(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	try("calls again", func() {
		for i := range swallowing {
			fmt.Println("body", i)
			panic("boom")
		}
	})
	try("returns", func() {
		for i := range quietly {
			fmt.Println("body", i)
			panic("boom")
		}
		fmt.Println("not reached")
	})
	try("plain panic", func() {
		for i := range quietly {
			_ = i
		}
		for i := range func(yield func(int) bool) { yield(7) } {
			panic(fmt.Sprint("direct ", i))
		}
	})
}
