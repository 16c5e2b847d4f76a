package main

import "fmt"

// A go statement of a nil function value without arguments or results: a fatal error where
// the statement runs, which no deferred call sees.
func main() {
	defer fmt.Println("not printed")
	defer func() {
		fmt.Println("recovered", recover())
	}()
	var f func()
	fmt.Println("before")
	go f()
	fmt.Println("not reached")
}
