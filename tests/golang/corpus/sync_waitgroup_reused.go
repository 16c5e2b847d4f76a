// chanlab:procs 1
package main

// A WaitGroup used again before a goroutine woken from its Wait has returned: Go's Wait
// panics in that goroutine.

import (
	"fmt"
	"runtime"
	"sync"
)

// waiter waits for the group, then says so.
func waiter(wg *sync.WaitGroup) {
	wg.Wait()
	fmt.Println("waiter returned")
}

func main() {
	var group sync.WaitGroup
	group.Add(1)
	go waiter(&group)
	runtime.Gosched()
	group.Done()
	group.Add(1)
	runtime.Gosched()
	fmt.Println("main end")
}
