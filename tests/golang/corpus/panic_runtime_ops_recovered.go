package main

import (
	"fmt"
	"sync"
	"time"
)

// try runs f and prints the panic it recovers from, if any.
func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: %v\n", name, recover())
	}()
	f()
}

func main() {
	closed := make(chan int)
	close(closed)

	try("send", func() { closed <- 1 })
	try("select send", func() {
		select {
		case closed <- 1:
		}
	})
	try("close twice", func() { close(closed) })
	try("close nil", func() {
		var ch chan int
		close(ch)
	})
	try("negative counter", func() {
		var wg sync.WaitGroup
		wg.Add(-1)
	})
	// A send that waits, then sees its channel closed.
	try("send, then closed", func() {
		ch := make(chan int)
		go func() {
			time.Sleep(time.Millisecond)
			close(ch)
		}()
		ch <- 1
	})
	// The same in a select with no other case ready.
	try("select, then closed", func() {
		ch := make(chan int)
		go func() {
			time.Sleep(time.Millisecond)
			close(ch)
		}()
		select {
		case ch <- 1:
		}
	})
	// After all of these, operations go on as before.
	ch := make(chan int, 1)
	ch <- 7
	fmt.Println("still running:", <-ch)
}
