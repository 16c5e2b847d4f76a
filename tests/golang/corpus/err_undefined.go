package main

import "fmt"

func main() {
	fmt.Println(x)
	y := undefinedFunc(1)
	fmt.Println(y)
	var t UnknownType
	fmt.Println(t, fmt.Nope)
}
