package main

import "fmt"

func main() {
	ch := make(chan int)
	ch <- 1 // blocks until someone receives, but the only receive is below
	fmt.Println(<-ch)
}
