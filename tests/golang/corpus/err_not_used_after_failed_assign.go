package main

import "fmt"

// A variable whose assignment or initialisation fails to type-check is not reported as
// unused as well; z is.
func main() {
	z := 3
	y := 1
	y = "s"
	var w int = "hello"
	var a, b = 1, "two"
	a = b
	fmt.Println()
}
