package main

import (
	"fmt"
	"sync"
)

func safeGo(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered in goroutine:", r)
			}
		}()
		f()
	}()
}

func main() {
	var wg sync.WaitGroup
	safeGo(&wg, func() { panic("oops") })
	wg.Wait()
	safeGo(&wg, func() {
		var m map[int]int
		m[1] = 1
	})
	wg.Wait()
	fmt.Println("main continues")
}
