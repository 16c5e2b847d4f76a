package main

import "fmt"

type Code int
type Name string

func try(v interface{}) {
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
	}()
	panic(v)
}

func main() {
	try(Code(7))
	try(Name("n"))
	try(3.5)
	try([]int{1})
	panic(Code(7))
}
