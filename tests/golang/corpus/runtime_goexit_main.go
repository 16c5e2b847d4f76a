package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// Goexit runs the goroutine's deferred calls, which recover nothing; when main calls it the
// program goes on without main, until no goroutine is left: Go's fatal error then.
func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred 1")
		defer func() {
			fmt.Println("recover:", recover())
		}()
		func() {
			defer fmt.Println("inner defer")
			runtime.Goexit()
		}()
		fmt.Println("unreachable")
	}()
	wg.Wait()
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("background goroutine done")
	}()
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
	fmt.Println("unreachable")
}
