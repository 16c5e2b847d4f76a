package main

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
)

// frames gives the functions of a stack as debug.Stack formats it, without their arguments.
func frames(stack []byte) []string {
	var names []string
	for _, line := range strings.Split(string(stack), "\n") {
		if line == "" || strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "goroutine ") {
			continue
		}
		if i := strings.LastIndex(line, "("); i > 0 {
			line = line[:i]
		}
		names = append(names, line)
	}
	return names
}

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("worker %d recovered: %v\n", id, r)
			fmt.Println(strings.Join(frames(debug.Stack()), "\n"))
		}
	}()
	if id == 2 {
		var m map[string]int
		m["a"] = 1
	}
}

// debug.Stack in a deferred recover, the collector's settings read back, FreeOSMemory.
func main() {
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(-5), debug.SetGCPercent(100))
	fmt.Println(debug.SetMemoryLimit(-1), debug.SetMemoryLimit(1<<30), debug.SetMemoryLimit(-1))
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, &wg)
	}
	wg.Wait()
	debug.FreeOSMemory()
	fmt.Println(strings.Join(frames(debug.Stack()), "\n"))
}
