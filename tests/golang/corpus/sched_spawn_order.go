package main

// On one processor, the goroutine started last runs first once main blocks (Go's runnext);
// the others follow in the order they were started.

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("started", i)
		}(i)
	}
	wg.Wait()
}
