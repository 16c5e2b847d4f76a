package main

import "fmt"

func add(a, b int) int { return a + b }

func pair() (int, int) { return 1, 2 }

func main() {
	fmt.Println(add(1, 2, 3))
	fmt.Println(add(1))
	fmt.Println(add())
	fmt.Println(add(pair()))
	fmt.Println(add(pair(), 3))
}
