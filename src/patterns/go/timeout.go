package main

import (
	"fmt"
	"time"
)

// work answers after {{work_ms}} ms. The channel has room for the answer, so
// the goroutine can finish even when nobody waits for it any more.
func work() <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep({{work_ms}} * time.Millisecond)
		ch <- "result"
	}()
	return ch
}

// attempt waits for the work, but no longer than the timeout.
func attempt() string {
	ch := work()
{{if timer == "after"}}
	select {
	case res := <-ch:
		return "got " + res
	case <-time.After({{timeout_ms}} * time.Millisecond):
		// time.After's timer lives on until it fires, even when the work wins.
		return "timed out waiting for result"
	}
{{else}}
	timer := time.NewTimer({{timeout_ms}} * time.Millisecond)
	defer timer.Stop() // frees the timer at once when the work wins
	select {
	case res := <-ch:
		return "got " + res
	case <-timer.C:
		return "timed out waiting for result"
	}
{{end}}
}

func main() {
{{if rounds > 1}}
	for round := 1; round <= {{rounds}}; round++ {
		fmt.Printf("round %d: %s\n", round, attempt())
	}
{{else}}
	fmt.Println(attempt())
{{end}}
}
