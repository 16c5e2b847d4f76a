package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type account struct {
	name    string
	balance int
	history []int
}

func main() {
	// A slice, a map and structs behind pointers, written by goroutines on other executors
	// under a mutex, read by main after Wait.
	var mu sync.Mutex
	var wg sync.WaitGroup
	results := make([]int, 8)
	seen := map[string]int{}
	accounts := []*account{{name: "a"}, {name: "b"}}
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sum := 0
			for j := 0; j < 20000; j++ {
				sum += j % (i + 1)
			}
			results[i] = sum
			mu.Lock()
			seen[fmt.Sprint("k", i%3)]++
			acc := accounts[i%2]
			acc.balance += i
			acc.history = append(acc.history, i)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(results)
	fmt.Println(seen)
	for _, a := range accounts {
		total := 0
		for _, v := range a.history {
			total += v
		}
		fmt.Println(a.name, a.balance, len(a.history), total)
	}

	// Atomics from every executor.
	var hits int64
	var flag atomic.Bool
	var wg2 sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for j := 0; j < 100; j++ {
				atomic.AddInt64(&hits, 1)
			}
			flag.Store(true)
		}()
	}
	wg2.Wait()
	fmt.Println(atomic.LoadInt64(&hits), flag.Load())

	// A closure's variable written before a send is seen after the receive.
	msg := ""
	done := make(chan struct{})
	go func() {
		msg = "written before the send"
		done <- struct{}{}
	}()
	<-done
	fmt.Println(msg)

	// A timer's function runs as its own goroutine and hands back its result.
	out := make(chan string)
	time.AfterFunc(20*time.Millisecond, func() { out <- "after func" })
	t := time.NewTimer(time.Hour)
	fmt.Println(<-out, t.Stop())

	// Counting under a mutex: the count goes up by one each time, whichever goroutine runs.
	count := 0
	var wg3 sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg3.Add(1)
		go func() {
			defer wg3.Done()
			mu.Lock()
			count++
			fmt.Println("count", count)
			mu.Unlock()
		}()
	}
	wg3.Wait()
}
