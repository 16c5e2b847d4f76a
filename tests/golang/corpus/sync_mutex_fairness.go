package main

// sync.Mutex as Go's: unlock wakes a waiter, but the goroutine that unlocked is still running
// and takes the mutex again first (B locks twice in a row); once a waiter has waited more than
// 1 ms, the mutex hands itself to its waiters in turn (starvation mode).

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			for i := 0; i < 4; i++ {
				mu.Lock()
				fmt.Println(name, i)
				time.Sleep(2 * time.Millisecond)
				mu.Unlock()
			}
		}(name)
	}
	wg.Wait()
	fmt.Println("TryLock:", mu.TryLock())
}
