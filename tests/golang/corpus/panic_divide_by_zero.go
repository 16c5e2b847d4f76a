package main

import "fmt"

func div(a, b int) int { return a / b }

func main() {
	fmt.Println(div(10, 3))
	zero := 0.0
	fmt.Println(1.0/zero > 1) // float division by zero is +Inf, not a panic
	fmt.Println(div(1, 0))
}
