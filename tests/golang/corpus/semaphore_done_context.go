package main

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/semaphore"
)

func main() {
	s := semaphore.NewWeighted(2)
	done, cancel := context.WithCancel(context.Background())
	cancel()

	// Room enough: the acquisition need not wait, and a done context does not stop it.
	fmt.Println("free:", s.Acquire(done, 1))
	fmt.Println("free again:", s.Acquire(done, 1))
	// Full: it would wait, so the done context ends it.
	fmt.Println("full:", s.Acquire(done, 1))
	// Larger than the semaphore: it waits for the context alone.
	fmt.Println("too large:", s.Acquire(done, 3))

	// A waiter whose context times out leaves the queue; the next one gets the room.
	s.Release(2)
	if err := s.Acquire(context.Background(), 2); err != nil {
		panic(err)
	}
	short, stop := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer stop()
	result := make(chan error)
	go func() { result <- s.Acquire(short, 2) }()
	go func() {
		time.Sleep(50 * time.Millisecond)
		s.Release(2)
	}()
	fmt.Println("timed out:", <-result)
	fmt.Println("after release:", s.Acquire(context.Background(), 2))
	fmt.Println("try:", s.TryAcquire(1))
}
