// go 1.21

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(i)
		}()
	}
	wg.Wait()
	for _, v := range []string{"a", "b"} {
		defer func() { fmt.Println(v) }()
	}
	for k, v := range map[int]int{1: 2} {
		wg.Add(1)
		go func() {
			fmt.Println(k, v)
			wg.Done()
		}()
		fmt.Println("not last")
	}
	wg.Wait()
}
