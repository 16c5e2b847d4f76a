package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	var started sync.WaitGroup
	for i := 0; i < 3; i++ {
		started.Add(1)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			started.Done()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}(i)
	}
	started.Wait()
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("all woke")

	queue := []int{}
	var qmu sync.Mutex
	qc := sync.NewCond(&qmu)
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(20 * time.Millisecond)
			qmu.Lock()
			queue = append(queue, i)
			qc.Signal()
			qmu.Unlock()
		}
	}()
	for n := 0; n < 3; n++ {
		qmu.Lock()
		for len(queue) == 0 {
			qc.Wait()
		}
		fmt.Println("got", queue[0])
		queue = queue[1:]
		qmu.Unlock()
	}
}
