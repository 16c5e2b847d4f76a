package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	var mu sync.Mutex
	mu.Lock()
	wg.Add(3)
	go func() {
		defer wg.Done()
		ch <- 1
	}()
	time.Sleep(20 * time.Millisecond)
	go func() {
		defer wg.Done()
		mu.Lock()
	}()
	time.Sleep(20 * time.Millisecond)
	go func() {
		defer wg.Done()
		select {}
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main waits")
	wg.Wait()
}
