package main

// A receiver handed a value runs as soon as its sender blocks, before goroutines that were
// runnable already: B, started last, receives first, and prints before A gets its value.

import (
	"fmt"
	"time"
)

func recv(name string, c chan int) { fmt.Println(name, <-c) }

func main() {
	c := make(chan int)
	go recv("A", c)
	go recv("B", c)
	c <- 1
	c <- 2
	time.Sleep(10 * time.Millisecond)
}
