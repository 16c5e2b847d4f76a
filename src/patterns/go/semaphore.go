package main

import (
	"fmt"
	"sync"
	"time"
)

// fetch pretends to request url.
func fetch(url string) string {
	time.Sleep({{latency_ms}} * time.Millisecond)
	return url + " -> 200"
}

func main() {
	// A buffered channel as a semaphore: a send takes one of its
	// {{max_concurrent}} slots, blocking while all are taken; a receive frees one.
	sem := make(chan struct{}, {{max_concurrent}})
	results := make([]string, {{tasks}})

	var (
		mu           sync.Mutex // guards active and peak
		active, peak int
	)
	var wg sync.WaitGroup
	for i := 0; i < {{tasks}}; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}        // acquire
			defer func() { <-sem }() // release

			mu.Lock()
			active++
			if active > peak {
				peak = active
			}
			mu.Unlock()

			results[i] = fetch(fmt.Sprintf("https://example.com/%d", i))

			mu.Lock()
			active--
			mu.Unlock()
		}(i)
	}
	wg.Wait()

	for _, r := range results {
		fmt.Println(r)
	}
	fmt.Println("peak concurrency:", peak)
}
