package main

import (
	"fmt"
	"time"
)

// A go statement of a nil function value with arguments: Go 1.19 wraps the call in a
// function of its own, so the panic happens in the new goroutine, after main has gone on.
func main() {
	var f func(int) int
	fmt.Println("before")
	go f(1)
	fmt.Println("main goes on")
	time.Sleep(10 * time.Millisecond)
	fmt.Println("not reached")
}
