// The atomic types hold a noCopy, as Go's do: vet's copylocks reports their copies.
package main

import (
	"fmt"
	"sync/atomic"
)

type Counter struct{ n atomic.Int64 }

func show(c Counter) { fmt.Println(c.n.Load()) }

func main() {
	var c Counter
	show(c)
	var b atomic.Bool
	copied := b
	fmt.Println(copied.Load())
	p := &c
	fmt.Println(p.n.Load())
	var v atomic.Value
	w := v
	fmt.Println(w.Load())
}
