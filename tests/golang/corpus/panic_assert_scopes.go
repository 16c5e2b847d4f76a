// A failed type assertion between two types of the same name, declared in different
// functions: Go's message says so (fixedbugs/issue26094.go).
package main

import "fmt"

type T struct{}

var X any

func set() {
	type T struct{}
	X = T{}
}

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	set()
	try(func() { _ = X.(T) })
	X = T{}
	try(func() {
		type T struct{}
		_ = X.(T)
	})
	_, ok := X.(T)
	fmt.Println(ok)
	set()
	_ = X.(T)
}
