package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	name    string
	version int
}

type node struct {
	n    int
	prev *node
}

// Every goroutine, wherever it runs, replaces the shared pointer with a new object it made,
// retrying until its compare-and-swap wins: the hub's own goroutines among them.
func main() {
	var current atomic.Pointer[config]
	var head atomic.Value
	head.Store(&node{})
	var wg sync.WaitGroup
	for i := 0; i < 24; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				old := current.Load()
				next := &config{name: "cfg", version: 1}
				if old != nil {
					next.version = old.version + 1
				}
				if current.CompareAndSwap(old, next) {
					break
				}
			}
			for {
				old := head.Load().(*node)
				if head.CompareAndSwap(old, &node{n: old.n + 1, prev: old}) {
					break
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(current.Load().name, current.Load().version)
	depth := 0
	for n := head.Load().(*node); n.prev != nil; n = n.prev {
		if n.n != n.prev.n+1 {
			fmt.Println("broken chain at", n.n)
		}
		depth++
	}
	fmt.Println("chain of", depth)
	old := current.Swap(&config{name: "swapped"})
	fmt.Println(old.version, current.Load().name)
}
