package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-time.After(time.Duration(30*id) * time.Millisecond):
		}
	}
}

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string, 4)
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go worker(ctx, i, out, &wg)
	}
	time.Sleep(50 * time.Millisecond)
	cancel()
	wg.Wait()
	close(out)
	n := 0
	for line := range out {
		_ = line
		n++
	}
	fmt.Println(n, "workers stopped")

	tctx, tcancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer tcancel()
	fmt.Println("fast:", slowOp(tctx, 10*time.Millisecond))
	fmt.Println("slow:", slowOp(tctx, 200*time.Millisecond))
	fmt.Println("after:", slowOp(tctx, 10*time.Millisecond))
}
