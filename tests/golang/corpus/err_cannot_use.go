package main

import "fmt"

func takesString(s string) {}

func returnsString() string {
	n := 5
	return n
}

func main() {
	x := 1
	var s string
	s = x
	takesString(x)
	var f float64 = "pi"
	var b bool = 1
	fmt.Println(s, f, b, returnsString())
}
