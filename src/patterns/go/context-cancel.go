package main

import (
	"context"
	"fmt"
	"time"
)

// worker works in ticks until ctx is done, then says why it stopped.
func worker(ctx context.Context, id int) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
			fmt.Printf("worker %d: doing work\n", id)
			time.Sleep({{tick_ms}} * time.Millisecond)
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), {{timeout_ms}}*time.Millisecond)
	defer cancel()

	errc := make(chan error, 1)
	go func() {
		errc <- worker(ctx, 1)
	}()
	fmt.Println("worker stopped:", <-errc)
}
