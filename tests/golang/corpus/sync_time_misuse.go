package main

import (
	"fmt"
	"sync"
	"time"
)

// try prints what f panics with, and its type: the sync and time packages panic with
// strings.
func try(what string, f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Printf("%s: %T %v (error: %v)\n", what, r, r, isErr)
	}()
	f()
}

func main() {
	try("wg.Done", func() {
		var wg sync.WaitGroup
		wg.Done()
	})
	try("wg.Add(-2)", func() {
		var wg sync.WaitGroup
		wg.Add(1)
		wg.Add(-2)
	})
	try("Timer.Stop", func() {
		var t time.Timer
		t.Stop()
	})
	try("Timer.Reset", func() {
		var t time.Timer
		t.Reset(time.Second)
	})
	try("closed", func() {
		c := make(chan int)
		close(c)
		c <- 1
	})
	var rw sync.RWMutex
	rw.Lock()
	rw.Unlock()
	rw.RLock()
	fmt.Println("unlocking a read lock with Unlock")
	rw.Unlock()
}
