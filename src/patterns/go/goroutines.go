package main

import (
	"fmt"
{{if sync == "waitgroup"}}
	"sync"
{{end}}
	"time"
)

// fetch pretends to fetch data for one id.
func fetch(id int) {
	time.Sleep({{work_ms}} * time.Millisecond)
	fmt.Printf("fetched data for id=%d\n", id)
}

func main() {
{{if sync == "waitgroup"}}
	var wg sync.WaitGroup
	for i := 0; i < {{count}}; i++ {
		wg.Add(1) // before go: Wait must see every goroutine
		go func(id int) {
			defer wg.Done()
			fetch(id)
		}(i)
	}
	wg.Wait() // blocks until every goroutine has called Done
{{else}}
	for i := 0; i < {{count}}; i++ {
		go fetch(i)
	}
	// Hoping the goroutines finish in time: when main returns, the program
	// ends, and goroutines still running are never heard from.
	time.Sleep({{sleep_ms}} * time.Millisecond)
{{end}}
}
