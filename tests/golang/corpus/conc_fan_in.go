package main

import (
	"fmt"
	"sync"
	"time"
)

func producer(name string, delay time.Duration, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			time.Sleep(delay)
			out <- fmt.Sprintf("%s%d", name, i)
		}
	}()
	return out
}

func merge(chans ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	wg.Add(len(chans))
	for _, c := range chans {
		go func(c <-chan string) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	// a: 40, 80, 120 ms; b: 100, 200 ms; c: 160 ms: events at least 20 ms apart.
	for v := range merge(producer("a", 40*time.Millisecond, 3), producer("b", 100*time.Millisecond, 2), producer("c", 160*time.Millisecond, 1)) {
		fmt.Println(v)
	}
	fmt.Println("all done")
}
