// The atomic types print as Go's do: their leading noCopy (and align64) fields as {}, a
// Bool as the uint32 Go keeps.
package main

import (
	"fmt"
	"sync/atomic"
)

type Stats struct {
	hits  atomic.Int64
	fails atomic.Int32
	up    atomic.Bool
	big   atomic.Uint64
	small atomic.Uint32
	name  string
}

func main() {
	s := &Stats{name: "api"}
	s.hits.Add(2)
	s.fails.Store(-1)
	s.up.Store(true)
	s.big.Add(1 << 40)
	s.small.Add(7)
	fmt.Printf("%v\n%+v\n", s, s)
	fmt.Println(s.up.Swap(false), s.up.CompareAndSwap(false, true), s.up.Load())
	var b atomic.Bool
	fmt.Println(b.Load(), b.CompareAndSwap(true, false), b.Swap(true), b.Load(), &b)
	var p atomic.Pointer[int]
	fmt.Printf("%v %+v %v\n", p.Load() == nil, &p, &p == nil)
	var u atomic.Uintptr
	u.Store(9)
	fmt.Println(&u, u.Load())
}
