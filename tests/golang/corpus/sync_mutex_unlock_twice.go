package main

// Unlock wakes the goroutine waiting for the mutex without giving it the mutex: a second
// Unlock before it runs finds the mutex unlocked.

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Lock()
		fmt.Println("never")
	}()
	time.Sleep(time.Millisecond)
	mu.Unlock()
	mu.Unlock()
}
