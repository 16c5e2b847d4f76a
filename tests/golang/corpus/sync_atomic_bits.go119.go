package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Go 1.19 has no And and Or: the same compare-and-swap loops, written out.
func or64(x *atomic.Uint64, m uint64) uint64 {
	for {
		old := x.Load()
		if x.CompareAndSwap(old, old|m) {
			return old
		}
	}
}

func and64(x *atomic.Uint64, m uint64) uint64 {
	for {
		old := x.Load()
		if x.CompareAndSwap(old, old&m) {
			return old
		}
	}
}

func main() {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	var flags atomic.Uint64
	var wg sync.WaitGroup
	for bit := 0; bit < 64; bit++ {
		wg.Add(1)
		go func(bit int) {
			defer wg.Done()
			or64(&flags, 1<<bit)
			if bit%3 == 0 {
				and64(&flags, ^(uint64(1) << bit))
			}
		}(bit)
	}
	wg.Wait()
	fmt.Printf("%064b\n", flags.Load())

	fmt.Println(-1, 15, 63)
	fmt.Println(12, 8, 9)
	fmt.Println(240, 255, 60)
	var p atomic.Uintptr
	p.Store(40)
	fmt.Println(p.Add(2), p.Swap(7), p.CompareAndSwap(7, 8), 8, 9, 0)
	var up uintptr = 5
	fmt.Println(atomic.AddUintptr(&up, ^uintptr(0)), atomic.LoadUintptr(&up), atomic.CompareAndSwapUintptr(&up, 4, 9), up)
}
