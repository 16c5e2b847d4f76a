package main

// The order Go's scheduler runs goroutines in on one processor, again and again as the
// goroutines' CPU time adds up: the goroutine started last runs first; a receiver handed a
// value runs before the others; close wakes its waiters last first; and two goroutines
// handing each other the processor cannot keep a third from running for long.

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func started() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("started", i)
		}(i)
	}
	wg.Wait()
}

func handedOff() {
	c := make(chan int)
	recv := func(name string) { fmt.Println(name, <-c) }
	go recv("A")
	go recv("B")
	c <- 1
	c <- 2
	time.Sleep(10 * time.Millisecond)
}

func closed() {
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
	fmt.Println("closed:", <-out, <-out, <-out)
}

func pingPong() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for {
			ping <- 1
			<-pong
		}
	}()
	go func() {
		for {
			<-ping
			pong <- 1
		}
	}()
	time.Sleep(time.Millisecond)
	fmt.Println("main ran beside the ping-pong")
}

func main() {
	runtime.GOMAXPROCS(1)
	for i := 0; i < 3; i++ {
		started()
		handedOff()
		closed()
	}
	pingPong()
}
