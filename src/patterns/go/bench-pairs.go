package main

import (
	"fmt"
	"sync"
)

func producer(ch chan<- int, messages int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < messages; i++ {
		ch <- i
	}
	close(ch)
}

func consumer(ch <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for range ch {
	}
}

func main() {
	var wg sync.WaitGroup
	for p := 0; p < {{pairs}}; p++ {
		ch := make(chan int)
		wg.Add(2)
		go producer(ch, {{messages}}, &wg)
		go consumer(ch, &wg)
	}
	wg.Wait()
	fmt.Println({{pairs}}*{{messages}}, "messages passed")
}
