// The baseline of the interpreter's doTask benchmark: the loop of benches/golang/bodies.rs's
// LOOP, built by Go (natively by `go build`, for the browser as GOOS=js GOARCH=wasm). It runs
// doTask(N) R times (its arguments: N, and R, 20 if absent) and prints the best time, in ns
// an iteration.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"
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

func main() {
	n, reps, err := 0, 20, error(nil)
	if len(os.Args) > 1 {
		n, err = strconv.Atoi(os.Args[1])
	}
	if err == nil && len(os.Args) > 2 {
		reps, err = strconv.Atoi(os.Args[2])
	}
	if err != nil || n <= 0 || reps <= 0 {
		fmt.Fprintln(os.Stderr, "usage: go_loop N [R]")
		os.Exit(2)
	}
	best := time.Hour
	for r := 0; r < reps; r++ {
		start := time.Now()
		doTask(n)
		if d := time.Since(start); d < best {
			best = d
		}
	}
	fmt.Printf("%.4f\n", float64(best.Nanoseconds())/float64(n))
}
