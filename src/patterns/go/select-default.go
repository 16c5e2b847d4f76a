package main

import "fmt"

func main() {
	ch := make(chan int, 1)
{{if ready}}
	ch <- 1 // a value is already waiting
{{end}}

	// With a default case, select never blocks: if no other case is
	// ready right now, default runs.
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("channel not ready, moving on")
	}
}
