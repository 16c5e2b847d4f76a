package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const count = {{count}}

func main() {
	var wg sync.WaitGroup
	var finished atomic.Int64

	for i := 0; i < count; i++ {
{{if add == "before"}}
		wg.Add(1) // counted before the goroutine exists: Wait cannot miss it
		go func() {
			defer wg.Done()
{{else}}
		go func() {
			wg.Add(1) // too late: Wait may already have seen a zero counter
			defer wg.Done()
{{end}}
			time.Sleep(10 * time.Millisecond)
			finished.Add(1)
		}()
	}

	wg.Wait()
	fmt.Printf("finished %d of %d\n", finished.Load(), count)
}
