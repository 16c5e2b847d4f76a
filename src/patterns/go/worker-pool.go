package main

import (
	"fmt"
	"sync"
{{if cpu_work > 0}}
	"sync/atomic"
{{end}}
	"time"
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
// worker takes jobs until the jobs channel is closed and drained.
func worker(jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep({{job_ms}} * time.Millisecond) // waiting on I/O
{{if cpu_work > 0}}
		doTask({{cpu_work}})
{{end}}
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, {{jobs}})
	results := make(chan int, {{jobs}})

	var wg sync.WaitGroup
	for w := 1; w <= {{workers}}; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}

	for j := 1; j <= {{jobs}}; j++ {
		jobs <- j
	}
	close(jobs) // no more jobs: workers leave their range loops

	// Close results once every worker is done, so the loop below ends.
	go func() {
		wg.Wait()
		close(results)
	}()

	processed := 0
	for range results {
		processed++
	}
	fmt.Printf("processed %d jobs\n", processed)
}
