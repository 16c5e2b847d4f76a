package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Every round runs tasks tasks, each summing workload integers; rounds
// measured rounds follow one warm-up round.
const (
	tasks    = {{tasks}}
	workload = {{workload}}
	workers  = {{workers}}
	rounds   = {{rounds}}
)

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

// naiveSpawn starts one goroutine per task.
func naiveSpawn() {
	var wg sync.WaitGroup
	for i := 0; i < tasks; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doTask(workload)
		}()
	}
	wg.Wait()
}

// workerPool hands the tasks to a fixed pool of goroutines.
func workerPool() {
	jobs := make(chan int, tasks)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				doTask(n)
			}
		}()
	}
	for i := 0; i < tasks; i++ {
		jobs <- workload
	}
	close(jobs)
	wg.Wait()
}

// bench runs f once to warm up, then rounds times, and returns the mean time of a round.
func bench(f func()) time.Duration {
	f()
	start := time.Now()
	for r := 0; r < rounds; r++ {
		f()
	}
	return time.Since(start) / rounds
}

func main() {
	procs := runtime.GOMAXPROCS(0)
	naive := bench(naiveSpawn)
	pool := bench(workerPool)
	fmt.Printf("BenchmarkNaiveSpawn-%d  %d  %d ns/op  %d goroutines/op\n", procs, rounds, naive.Nanoseconds(), tasks)
	fmt.Printf("BenchmarkWorkerPool-%d  %d  %d ns/op  %d goroutines/op\n", procs, rounds, pool.Nanoseconds(), workers)
	fmt.Printf("worker pool: %.1fx faster, %.1fx fewer goroutines\n",
		float64(naive)/float64(pool), float64(tasks)/float64(workers))
}
