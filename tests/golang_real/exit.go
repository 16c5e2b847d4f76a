package main

import (
	"fmt"
	"os"
	"sync"
)

// Goroutines on other executors print, and one of them ends the program with os.Exit: what
// they printed before comes out, the deferred calls do not run, the status is the exit's.
func main() {
	defer fmt.Println("main's deferred call does not run")
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			done++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(done, "workers done")
	block := make(chan bool)
	go func() {
		defer fmt.Println("its deferred call does not run")
		fmt.Println("exiting with 3")
		os.Exit(3)
	}()
	<-block
}
