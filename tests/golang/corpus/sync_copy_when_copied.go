// A copy of a Mutex, WaitGroup or Cond (or of a struct holding one) takes the state the
// original had when it was copied, as Go copies the struct's words: the mistake vet reports
// as a lock passed by value behaves as it does in Go, even when the original changes between
// the copy and the copy's first use.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Account struct {
	balance int
	mu      sync.Mutex
}

// Balance has a value receiver: it locks a copy of a's mutex, made when it was called.
func (a Account) Balance(after time.Duration) int {
	time.Sleep(after)
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

type Guarded struct {
	sync.Mutex
	wg   sync.WaitGroup
	vals [2]sync.Mutex
}

func main() {
	// The copy is made unlocked; main locks the original before the copy is used.
	var acct Account
	acct.mu.Lock()
	acct.balance = 7
	acct.mu.Unlock()
	done := make(chan int)
	go func() { done <- acct.Balance(20 * time.Millisecond) }()
	time.Sleep(5 * time.Millisecond)
	acct.mu.Lock()
	fmt.Println("value receiver:", <-done)
	acct.mu.Unlock()

	var wg sync.WaitGroup
	wg.Add(1)
	cp := wg
	wg.Done()
	wg.Wait()
	cp.Done()
	cp.Wait()
	fmt.Println("waitgroup copied at 1, original done first: both reach zero")

	var mu sync.Mutex
	mu.Lock()
	locked := mu
	mu.Unlock()
	fmt.Println("copy of a locked mutex, original unlocked since:", locked.TryLock())
	unlocked := mu
	mu.Lock()
	fmt.Println("copy of an unlocked mutex, original locked since:", unlocked.TryLock())
	again := locked
	fmt.Println("copy of the locked copy:", again.TryLock())
	mu.Unlock()

	var g Guarded
	g.Lock()
	g.vals[1].Lock()
	g.wg.Add(2)
	h := g
	g.Unlock()
	g.vals[1].Unlock()
	g.wg.Add(-2)
	fmt.Println("embedded:", h.TryLock(), "array:", h.vals[0].TryLock(), h.vals[1].TryLock())
	h.wg.Add(-2)
	h.wg.Wait()
	fmt.Println("the copy's WaitGroup counted 2")

	ch := make(chan Account, 1)
	var sent Account
	sent.mu.Lock()
	ch <- sent
	sent.mu.Unlock()
	got := <-ch
	fmt.Println("sent locked, received:", got.mu.TryLock())

	var never sync.Mutex
	fresh := never
	fmt.Println("copy before first use:", fresh.TryLock(), never.TryLock())

	cond := sync.Cond{L: &sync.Mutex{}}
	early := cond
	early.Signal()
	cond.Signal()
	late := cond
	defer func() { fmt.Println("recovered:", recover()) }()
	late.Broadcast()
}
