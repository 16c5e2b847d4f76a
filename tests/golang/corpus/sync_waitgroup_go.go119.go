package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := 0; i < 5; i++ {
		i := i
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
	wg.Add(1)
	go func() {
		defer wg.Done()
		panic("boom")
	}()
	wg.Wait()
	fmt.Println("not reached")
}
