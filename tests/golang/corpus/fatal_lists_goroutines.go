package main

import (
	"sync"
	"time"
)

// A fatal error lists every goroutine, as a deadlock does: the one that threw first.

func main() {
	ch := make(chan int)
	go func() { <-ch }()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(time.Hour)
	}()
	time.Sleep(time.Millisecond)
	var mu sync.Mutex
	mu.Unlock()
}
