package main

import (
	"fmt"
	"sync"
)

// try runs f and says what it recovered from.
func try(who int, name string, f func()) {
	defer func() {
		fmt.Printf("%d %s: %v\n", who, name, recover())
	}()
	f()
}

// Each goroutine, on the next worker in turn, meets the runtime's panics, which the hub
// raises, and recovers from them where they happened.
func main() {
	closed := make(chan int, 1)
	close(closed)
	for i := 0; i < 4; i++ {
		done := make(chan struct{})
		go func() {
			try(i, "send", func() { closed <- 1 })
			try(i, "close twice", func() { close(closed) })
			try(i, "negative counter", func() {
				var wg sync.WaitGroup
				wg.Add(1)
				wg.Done()
				wg.Done()
			})
			try(i, "send, then closed", func() {
				ch := make(chan int)
				go close(ch)
				ch <- 1
			})
			ok := make(chan int, 1)
			ok <- i
			fmt.Println(i, "still running:", <-ok)
			close(done)
		}()
		<-done
	}
	// A goroutine whose deferred call prints before its panic ends the run.
	go func() {
		defer fmt.Println("deferred before the crash")
		close(closed)
	}()
	select {}
}
