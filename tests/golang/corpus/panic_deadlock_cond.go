package main

import (
	"fmt"
	"sync"
	"time"
)

// A waiter whose Locker's Unlock signals its own condition: the signal comes after Wait took
// its ticket and before it parks, and still wakes it.
type signalling struct {
	mu   sync.Mutex
	cond *sync.Cond
}

func (s *signalling) Lock() { s.mu.Lock() }

func (s *signalling) Unlock() {
	s.mu.Unlock()
	s.cond.Signal()
}

func main() {
	s := &signalling{}
	s.cond = sync.NewCond(s)
	s.Lock()
	s.cond.Wait()
	s.Unlock()
	fmt.Println("woken by the signal its own unlock sent")

	// Signal wakes the oldest waiter; Broadcast every other one.
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	turn := 0
	saw := make([]int, 4)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			for turn == 0 {
				c.Wait()
			}
			saw[i] = turn
			mu.Unlock()
		}(i)
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	turn = 1
	c.Signal()
	mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	turn = 2
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
	for i := 1; i <= 3; i++ {
		fmt.Println("waiter", i, "saw turn", saw[i])
	}

	// Nobody signals again: the waiters and main wait in sync.Cond.Wait for ever.
	for i := 0; i < 2; i++ {
		go func() {
			mu.Lock()
			c.Wait()
		}()
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	c.Wait()
}
