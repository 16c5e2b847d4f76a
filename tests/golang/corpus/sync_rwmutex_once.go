package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k, v string) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]string{}}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Set(fmt.Sprint("k", i), fmt.Sprint("v", i))
		}(i)
	}
	wg.Wait()
	v, ok := c.Get("k3")
	fmt.Println(v, ok, len(c.data))

	// Two readers hold the lock at once.
	c.mu.RLock()
	c.mu.RLock()
	fmt.Println("two readers", c.mu.TryLock())
	c.mu.RUnlock()
	c.mu.RUnlock()
	fmt.Println("writer can lock:", c.mu.TryLock())
	c.mu.Unlock()

	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
}
