package main

import "fmt"

type rangeError string

func (e rangeError) Error() string { return string(e) }
func (rangeError) RuntimeError()   {}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	try("calls again", func() {
		fmt.Println("body", 0)
		panic(rangeError("runtime error: range function recovered a loop body panic and did not resume panicking"))
	})
	try("returns", func() {
		fmt.Println("body", 1)
		panic(rangeError("runtime error: range function recovered a loop body panic and did not resume panicking"))
	})
	try("plain panic", func() {
		panic(fmt.Sprint("direct ", 7))
	})
}
