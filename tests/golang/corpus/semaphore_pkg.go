package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

func main() {
	sem := semaphore.NewWeighted(3)
	ctx := context.Background()
	fmt.Println(sem.Acquire(ctx, 2))
	fmt.Println("try 1:", sem.TryAcquire(1))
	fmt.Println("try 1 more:", sem.TryAcquire(1))
	sem.Release(3)
	fmt.Println("try 3:", sem.TryAcquire(3))
	sem.Release(3)

	var mu sync.Mutex
	active, peak := 0, 0
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sem.Acquire(ctx, 1); err != nil {
				return
			}
			defer sem.Release(1)
			mu.Lock()
			active++
			if active > peak {
				peak = active
			}
			mu.Unlock()
			time.Sleep(30 * time.Millisecond)
			mu.Lock()
			active--
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("peak:", peak)

	fmt.Println(sem.Acquire(ctx, 3))
	tctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	fmt.Println("acquire while full:", sem.Acquire(tctx, 1))
	go func() {
		time.Sleep(30 * time.Millisecond)
		sem.Release(3)
	}()
	fmt.Println("acquire after release:", sem.Acquire(ctx, 2))
	cctx, ccancel := context.WithCancel(ctx)
	ccancel()
	fmt.Println("cancelled ctx:", sem.Acquire(cctx, 5))
}
