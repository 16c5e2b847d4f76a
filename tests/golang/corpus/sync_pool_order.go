// sync.Pool on one processor, as Go keeps it: Get returns the private object first (the
// first Put into an empty pool), then the others, the newest first.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	p := sync.Pool{New: func() any { return "new" }}
	p.Put("a")
	p.Put("b")
	p.Put("c")
	fmt.Println(p.Get(), p.Get(), p.Get(), p.Get())
	p.Put(nil)
	p.Put("d")
	fmt.Println(p.Get(), p.Get())
	var q sync.Pool
	fmt.Println(q.Get())

	for _, f := range []func(){
		func() { context.WithTimeout(nil, time.Second) },
		func() { context.WithDeadline(nil, time.Now()) },
		func() { context.WithCancel(nil) },
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			f()
		}()
	}
}
