package main

import "fmt"

func main() {
	ch := make(chan int, {{values}})
	for i := 0; i < {{values}}; i++ {
		ch <- i
	}
	close(ch) // no more values: range stops once the buffer is drained

	for v := range ch {
		fmt.Println(v)
	}

	// A receive from a closed, drained channel never blocks:
	// it returns the zero value and ok == false.
	v, ok := <-ch
	fmt.Println(v, ok)
}
