package main

import "fmt"

var g = 1
var g = 2

func f() {}
func f() {}

func main() {
	x := 1
	var x int
	a, b := 1, 2
	a, b := 3, 4
	fmt.Println(x, a, b, g)
}
