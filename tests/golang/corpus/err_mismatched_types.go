package main

import "fmt"

func main() {
	a := 1
	b := "two"
	var c float64 = 2.5
	var d int64 = 3
	fmt.Println(a + b)
	fmt.Println(a * c)
	fmt.Println(a == d)
}
