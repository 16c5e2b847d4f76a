package main

import (
	"fmt"
	"sync"
{{if cpu_work > 0}}
	"sync/atomic"
{{end}}
)

{{if cpu_work > 0}}
// sink keeps doTask's sums, so the compiler cannot drop the loop.
var sink atomic.Int64

// doTask is real CPU work: it sums the integers below n.
func doTask(n int) {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i
	}
	sink.Add(int64(sum))
}

{{end}}
// source sends 1..n, then closes its channel.
func source(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

// square is one fan-out worker: it squares what it takes from in onto its own channel.
func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
{{if cpu_work > 0}}
			doTask({{cpu_work}})
{{end}}
			out <- v * v
		}
	}()
	return out
}

// merge fans several channels in to one, closed when all of them are.
func merge(cs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := source({{items}})

	// Fan out: the workers share the input channel.
	workers := make([]<-chan int, {{workers}})
	for i := range workers {
		workers[i] = square(in)
	}

	// Fan in: one channel carries every result.
	for v := range merge(workers...) {
		fmt.Println(v)
	}
}
