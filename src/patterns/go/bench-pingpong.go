package main

import (
	"fmt"
	"sync"
)

func pinger(ping chan<- int, pong <-chan int, rounds int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < rounds; i++ {
		ping <- i
		<-pong
	}
	close(ping)
}

func ponger(ping <-chan int, pong chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for v := range ping {
		pong <- v
	}
}

func main() {
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go pinger(ping, pong, {{rounds}}, &wg)
	go ponger(ping, pong, &wg)
	wg.Wait()
	fmt.Println({{rounds}}, "round trips")
}
