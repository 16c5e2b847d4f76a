package main

import (
{{if fix == "context"}}
	"context"
{{end}}
	"fmt"
	"runtime"
	"time"
)

{{if fix == "context"}}
// query starts a lookup in the background and returns the channel its result
// will arrive on. The goroutine gives up when ctx is cancelled.
func query(ctx context.Context) <-chan int {
	ch := make(chan int)
	go func() {
		select {
		case ch <- 42:
		case <-ctx.Done(): // the fix: a way out when nobody will receive
		}
	}()
	return ch
}
{{else}}
// query starts a lookup in the background and returns the channel its result
// will arrive on.
func query() <-chan int {
{{if fix == "buffered"}}
	ch := make(chan int, 1) // the fix: room for the result, so the send never blocks
{{else}}
	ch := make(chan int)
{{end}}
	go func() {
{{if fix == "buffered"}}
		ch <- 42
{{else}}
		ch <- 42 // blocks until someone receives
{{end}}
	}()
	return ch
}
{{end}}

func main() {
{{if fix == "context"}}
	ctx, cancel := context.WithCancel(context.Background())
	for i := 0; i < {{calls}}; i++ {
		query(ctx) // the result is never read
	}
	cancel() // done with the queries: their goroutines may stop
{{else}}
	for i := 0; i < {{calls}}; i++ {
		query() // the result is never read
	}
{{end}}

	time.Sleep(10 * time.Millisecond)
	fmt.Println("leaked goroutines:", runtime.NumGoroutine()-1) // all but main
}
