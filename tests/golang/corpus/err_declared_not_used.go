package main

import "fmt"

func main() {
	x := 1
	var y string
	a, b := 2, 3
	fmt.Println(a)
	for i := 0; i < 3; i++ {
		z := i
	}
	_ = b
}
