package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func main() {
	var wg sync.WaitGroup
	c := SafeCounter{m: make(map[string]int)}
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc("all")
			if i%2 == 0 {
				c.Inc("even")
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(c.m)

	var mu sync.Mutex
	total := 0
	var wg2 sync.WaitGroup
	wg2.Add(10)
	for i := 1; i <= 10; i++ {
		go func(n int) {
			defer wg2.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				total += n
				mu.Unlock()
			}
		}(i)
	}
	wg2.Wait()
	fmt.Println(total)
	fmt.Println(mu.TryLock(), mu.TryLock())
	mu.Unlock()
	wg.Wait() // a zero counter returns at once
	fmt.Println("done")
}
