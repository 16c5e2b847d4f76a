package main

import "fmt"

func main() {
	fmt.Println([]int{1, 2, 1, 2, 1, 2}, 0, false)
	fmt.Println(4, 4)
	defer func() { fmt.Println("recovered:", recover()) }()
	panic("cannot be negative")
}
