// sync/atomic's Uintptr, and the And and Or of Go 1.23 (functions and methods, each giving
// the old value), used by goroutines that set and clear bits of shared flags concurrently:
// every bit ends where the goroutines left it, as compare-and-swap makes sure.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	var flags atomic.Uint64
	var wg sync.WaitGroup
	for bit := 0; bit < 64; bit++ {
		wg.Add(1)
		go func(bit int) {
			defer wg.Done()
			flags.Or(1 << bit)
			if bit%3 == 0 {
				flags.And(^(uint64(1) << bit))
			}
		}(bit)
	}
	wg.Wait()
	fmt.Printf("%064b\n", flags.Load())

	var i32 atomic.Int32
	i32.Store(-1)
	fmt.Println(i32.And(0x0f), i32.Or(0x30), i32.Load())
	var i64 int64 = 12
	fmt.Println(atomic.AndInt64(&i64, 10), atomic.OrInt64(&i64, 1), i64)
	var u32 uint32 = 0xf0
	fmt.Println(atomic.OrUint32(&u32, 0x0f), atomic.AndUint32(&u32, 0x3c), u32)
	var p atomic.Uintptr
	p.Store(40)
	fmt.Println(p.Add(2), p.Swap(7), p.CompareAndSwap(7, 8), p.Or(1), p.And(6), p.Load())
	var up uintptr = 5
	fmt.Println(atomic.AddUintptr(&up, ^uintptr(0)), atomic.LoadUintptr(&up), atomic.CompareAndSwapUintptr(&up, 4, 9), up)
}
