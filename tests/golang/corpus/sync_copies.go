package main

import (
	"fmt"
	"sync"
)

// Counter's Inc has a value receiver: it locks and counts on a copy (vet: passes lock by
// value).
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
	fmt.Println("count:", c.n)

	// A copy of a locked Mutex is locked, and stays so when the original is unlocked.
	var mu sync.Mutex
	mu.Lock()
	locked := mu
	fmt.Println("copy of a locked mutex can lock:", locked.TryLock())
	mu.Unlock()
	fmt.Println("after the original's unlock:", locked.TryLock())
	unlocked := mu
	fmt.Println("copy of an unlocked mutex can lock:", unlocked.TryLock())

	// Copies of zero values are independent from the start.
	var a sync.Mutex
	b := a
	a.Lock()
	b.Lock()
	fmt.Println("both locked")

	// A WaitGroup's copy has its counter at the copy.
	var group sync.WaitGroup
	group.Add(2)
	copied := group
	copied.Done()
	copied.Done()
	copied.Wait()
	fmt.Println("the copy reached zero")
	another := group
	another.Add(-3)
	fmt.Println("not reached")
}
