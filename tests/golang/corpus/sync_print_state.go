package main

import (
	"fmt"
	"sync"
	"time"
)

// Printing the sync types shows Go's own fields, holding their state.

type Counter struct {
	mu sync.Mutex
	n  int
}

type Registry struct {
	sync.RWMutex
	wg    sync.WaitGroup
	once  sync.Once
	items map[string]int
}

func main() {
	var c Counter
	fmt.Printf("%+v\n", &c)
	c.mu.Lock()
	c.n++
	fmt.Printf("%+v\n", &c)
	go func() {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Printf("waited for: %+v\n", &c)
	c.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	fmt.Printf("%#v\n", &c)

	var wg sync.WaitGroup
	wg.Add(3)
	fmt.Printf("%+v\n", &wg)
	fmt.Printf("%#v\n", &wg)
	wg.Add(-2)
	done := make(chan bool)
	go func() {
		wg.Wait()
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Printf("waited for: %v\n", &wg)
	wg.Done()
	<-done
	fmt.Printf("%v\n", &wg)

	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	fmt.Printf("%+v\n", &rw)
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	fmt.Printf("%+v\n", &rw)
	rw.Unlock()
	fmt.Printf("%#v\n", &rw)

	var once sync.Once
	fmt.Printf("%+v\n", &once)
	once.Do(func() { fmt.Printf("in Do: %+v\n", &once) })
	fmt.Printf("%+v\n", &once)

	r := &Registry{items: map[string]int{"a": 1}}
	r.once.Do(func() {})
	fmt.Printf("%+v\n", r)
	fmt.Printf("%v\n", r)
	fmt.Printf("%d %x\n", &c, &wg)
	fmt.Printf("%s\n", &c)
	fmt.Printf("%T %T\n", c.mu, wg)
}
