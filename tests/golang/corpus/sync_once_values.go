// sync.OnceFunc, OnceValue and OnceValues (Go 1.21): one call of f however many goroutines
// ask, its results kept, and its panic repeated on every call.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("init") })
	f()
	f()
	fmt.Println("calls", calls)
	v := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println(v(), v(), calls)
	vs := sync.OnceValues(func() (int, error) { return strconv.Atoi("x7") })
	n, err := vs()
	fmt.Println(n, err)
	n, err = vs()
	fmt.Println(n, err)
	var wg sync.WaitGroup
	total := sync.OnceValue(func() int { fmt.Println("computed once"); return 7 })
	sum := 0
	var mu sync.Mutex
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := total()
			mu.Lock()
			sum += t
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("sum", sum)
	boom := sync.OnceFunc(func() { panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered", recover()) }()
			boom()
		}()
	}
}
