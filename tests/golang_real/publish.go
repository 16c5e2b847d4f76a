package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// A slot's data is published by an atomic store of its flag: a goroutine that loads the
// flag and sees it set must see all of the data written before the store. A variable that
// every goroutine adds to atomically, main last, is read plainly by goroutines main starts
// after that.
type slot struct {
	data  [4]int
	ready atomic.Bool
}

func main() {
	const n = 6
	var slots [n]slot
	var total atomic.Int64
	var locked int64
	var mu sync.Mutex
	var hits int64
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for k := range slots[i].data {
				slots[i].data[k] = i*10 + k + 1
			}
			slots[i].ready.Store(true)
			next := (i + 1) % n
			for !slots[next].ready.Load() {
				runtime.Gosched()
			}
			sum := 0
			for _, v := range slots[next].data {
				sum += v
			}
			if sum == 0 {
				fmt.Println("slot", next, "seen ready before its data")
			}
			total.Add(int64(sum))
			for r := 0; r < 100; r++ {
				total.Add(1)
			}
			atomic.AddInt64(&hits, 1)
			mu.Lock()
			locked += int64(sum)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(total.Load(), locked)
	atomic.AddInt64(&hits, 1)
	seen := make(chan int64, n)
	for i := 0; i < n; i++ {
		go func() { seen <- hits }()
	}
	for i := 0; i < n; i++ {
		if h := <-seen; h != n+1 {
			fmt.Println("a goroutine read", h, "hits")
		}
	}
	fmt.Println(hits, "hits")
}
