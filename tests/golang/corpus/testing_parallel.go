// chanlab:unordered
package main

import (
	"sync"
	"testing"
	"time"
)

// Counter is safe for concurrent use.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Add(d int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += d
}

func TestParallelWorkers(t *testing.T) {
	var c Counter
	t.Run("group", func(t *testing.T) {
		for i := 1; i <= 4; i++ {
			i := i
			t.Run("worker", func(t *testing.T) {
				t.Parallel()
				time.Sleep(time.Duration(5-i) * 20 * time.Millisecond)
				for j := 0; j < 100; j++ {
					c.Add(i)
				}
			})
		}
	})
	if c.n != 1000 {
		t.Fatalf("counter = %d, want 1000", c.n)
	}
	t.Log("counter", c.n)
}

func TestSequentialAfter(t *testing.T) {
	done := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		done <- 7
	}()
	select {
	case v := <-done:
		if v != 7 {
			t.Errorf("got %d", v)
		}
	case <-time.After(time.Second):
		t.Fatal("timed out")
	}
}
