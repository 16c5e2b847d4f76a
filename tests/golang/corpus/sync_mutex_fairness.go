package main

// sync.Mutex as Go's: unlock wakes a waiter, but the goroutine that unlocked is still running
// and takes the mutex again first (B locks twice in a row); once a waiter has waited more than
// 1 ms, the mutex hands itself to its waiters in turn (starvation mode). A wait of exactly
// 1 ms on the virtual clock is more than that on Go's, which has moved on by the time it looks.

import (
	"fmt"
	"sync"
	"time"
)

// contend runs A and B, each locking the mutex four times and sleeping `hold` under it.
func contend(hold time.Duration) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			for i := 0; i < 4; i++ {
				mu.Lock()
				fmt.Println(name, i)
				time.Sleep(hold)
				mu.Unlock()
			}
		}(name)
	}
	wg.Wait()
	fmt.Println("TryLock:", mu.TryLock())
}

func main() {
	contend(2 * time.Millisecond)
	contend(time.Millisecond)
}
