package main

import (
	"fmt"
	"sync"
)

func main() {
	done := make(chan struct{})
{{if fix == "once"}}
	var once sync.Once
{{end}}

	var wg sync.WaitGroup
	for p := 1; p <= 2; p++ {
		wg.Add(1)
		go func() { // a producer
			// ... produce values ...
{{if fix == "once"}}
			once.Do(func() { close(done) }) // only the first call closes
{{else}}
			close(done) // "I'm finished": the second producer to get here panics
{{end}}
			// Done is not deferred: a panicking producer must not let main finish.
			wg.Done()
		}()
	}

	wg.Wait()
	<-done
	fmt.Println("closed once")
}
