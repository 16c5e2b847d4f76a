// chanlab:procs 2
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	fmt.Println("NumCPU positive:", runtime.NumCPU() > 0)
	done := make(chan bool)
	block := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() {
			<-block
			done <- true
		}()
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println("goroutines while blocked:", runtime.NumGoroutine())
	close(block)
	for i := 0; i < 3; i++ {
		<-done
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println("goroutines after:", runtime.NumGoroutine())

	prev := runtime.GOMAXPROCS(1)
	fmt.Println("previous:", prev, "now:", runtime.GOMAXPROCS(0))
	order := make(chan string, 4)
	go func() { order <- "goroutine" }()
	runtime.Gosched()
	order <- "main"
	fmt.Println(<-order, <-order)
	runtime.GOMAXPROCS(prev)
	fmt.Println(runtime.GOMAXPROCS(0))
}
