package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const numJobs = {{jobs}}

// process takes {{job_ms}} ms, unless ctx is cancelled first.
func process(ctx context.Context, job int) error {
	select {
	case <-time.After({{job_ms}} * time.Millisecond):
		return nil
	case <-ctx.Done():
		return ctx.Err() // cancelled mid-job
	}
}

func worker(ctx context.Context, jobs <-chan int, completed *atomic.Int64, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case job, ok := <-jobs:
			if !ok {
				return // no jobs left
			}
			if err := process(ctx, job); err != nil {
				return
			}
			completed.Add(1)
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), {{timeout_ms}}*time.Millisecond)
	defer cancel()

	jobs := make(chan int, numJobs)
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	var completed atomic.Int64
	var wg sync.WaitGroup
	for w := 1; w <= {{workers}}; w++ {
		wg.Add(1)
		go worker(ctx, jobs, &completed, &wg)
	}
	wg.Wait()

	fmt.Printf("completed %d of %d jobs\n", completed.Load(), numJobs)
	if err := ctx.Err(); err != nil {
		fmt.Println("stopped:", err)
	}
}
