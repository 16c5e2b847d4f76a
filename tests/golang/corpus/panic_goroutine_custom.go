package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("goroutine's deferred call runs")
		panic(errors.New("failure in goroutine"))
	}()
	wg.Wait()
	fmt.Println("main never gets here")
}
