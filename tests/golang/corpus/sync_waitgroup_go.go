// sync.WaitGroup.Go (Go 1.25): each function in a goroutine of its own, counted by the
// group; a panic in one ends the program as any goroutine's does.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := range 5 {
		wg.Go(func() {
			results[i] = i * i
		})
	}
	wg.Wait()
	fmt.Println(results)
	wg.Go(func() {
		panic("boom")
	})
	wg.Wait()
	fmt.Println("not reached")
}
