package main

import (
	"fmt"
	"time"
)

// query answers on ch after the service's latency.
func query(name string, latency time.Duration, ch chan<- string) {
	time.Sleep(latency)
	ch <- "response from service " + name
}

func main() {
	a := make(chan string)
	b := make(chan string)
	go query("A", {{latency_a_ms}}*time.Millisecond, a)
	go query("B", {{latency_b_ms}}*time.Millisecond, b)

	// select waits for whichever channel is ready first.
	select {
	case r := <-a:
		fmt.Println(r)
	case r := <-b:
		fmt.Println(r)
	}
}
