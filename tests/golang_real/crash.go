package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m map[string]int
		m["x"] = 1
	}()
	wg.Wait()
	fmt.Println("unreachable")
}
