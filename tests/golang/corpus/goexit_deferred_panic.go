// runtime.Goexit runs the goroutine's deferred calls: recover gives nil for the Goexit
// itself, but a deferred call that panics raises a panic as any other, which a later
// deferred call may recover (the goroutine still ends) or which ends the program.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { fmt.Println("second recover:", recover()) }()
		defer panic("in defer")
		defer func() { fmt.Println("first recover:", recover()) }()
		runtime.Goexit()
		fmt.Println("not reached")
	}()
	wg.Wait()
	fmt.Println("goroutine ended")

	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { panic("boom") }()
		runtime.Goexit()
	}()
	<-done
	select {}
}
