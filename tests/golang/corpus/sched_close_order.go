package main

// close wakes the receivers waiting on a channel last first; each woken one takes the
// closer's next place, so the first to have waited runs last.

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	c := make(chan struct{})
	out := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			<-c
			out <- i
		}(i)
	}
	time.Sleep(20 * time.Millisecond)
	close(c)
	fmt.Println(<-out, <-out, <-out)
}
