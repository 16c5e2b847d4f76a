package main

import (
	"fmt"
	"time"
)

func main() {
	// Capacity 0: every send waits for a receiver.
	// Capacity n: the sender runs ahead until n values wait in the buffer.
	ch := make(chan int, {{capacity}})

	go func() {
		for v := 1; v <= {{values}}; v++ {
			ch <- v
			fmt.Println("sent", v)
		}
		close(ch)
	}()

	// A slow receiver: it waits before each receive.
	time.Sleep({{recv_delay_ms}} * time.Millisecond)
	for v := range ch {
		fmt.Println("received", v)
		time.Sleep({{recv_delay_ms}} * time.Millisecond)
	}
}
