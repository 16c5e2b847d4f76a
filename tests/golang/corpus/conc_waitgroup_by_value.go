package main

import (
	"fmt"
	"sync"
)

// worker gets a copy of the WaitGroup: its Done leaves main's counter as it was.
func worker(id int, wg sync.WaitGroup, results chan<- string) {
	defer wg.Done()
	results <- fmt.Sprint("worker ", id, " done")
}

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, wg, results)
	}
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
