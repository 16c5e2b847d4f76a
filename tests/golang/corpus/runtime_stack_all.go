// runtime.Stack(buf, true): the caller's stack, then every other goroutine's with its state
// (a channel receive, a sleep, a mutex).
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

func worker(ch chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ch
}

func sleeper() {
	time.Sleep(time.Hour)
}

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(ch, &wg)
	go worker(ch, &wg)
	go sleeper()
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock() }()
	runtime.Gosched()
	time.Sleep(time.Millisecond)
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, true)
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		if strings.HasPrefix(line, "goroutine ") || strings.HasPrefix(line, "main.") || strings.HasPrefix(line, "created by") || line == "" {
			fmt.Println(line)
		}
	}
	close(ch)
	wg.Wait()
}
