package main

import (
	"fmt"
	"sync"
	"time"
)

// A writer waits for a reader to leave, and a reader waits behind that writer: both wait
// on semaphores in Go's RWMutex, so the deadlock's report shows them [semacquire].
func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	rw.RLock()
	wg.Add(2)
	go func() {
		defer wg.Done()
		rw.Lock()
		fmt.Println("writer in")
	}()
	time.Sleep(time.Millisecond)
	go func() {
		defer wg.Done()
		rw.RLock()
		fmt.Println("reader in")
	}()
	fmt.Println("main waits, holding a read lock")
	wg.Wait()
}
