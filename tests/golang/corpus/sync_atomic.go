package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct{ Name string }

func main() {
	var n32 atomic.Int32
	var n64 atomic.Int64
	var u64 atomic.Uint64
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n32.Add(1)
			n64.Add(2)
			u64.Add(3)
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(n32.Load(), n64.Load(), u64.Load(), flag.Load())
	fmt.Println(n32.CompareAndSwap(100, 7), n32.CompareAndSwap(100, 8), n32.Load())
	fmt.Println(n64.Swap(-1), n64.Load())
	fmt.Println(u64.Add(^uint64(0)), flag.Swap(false), flag.Load())

	var old int64
	var cnt int32
	var ucnt uint32
	for i := 0; i < 10; i++ {
		atomic.AddInt64(&old, 5)
		atomic.AddInt32(&cnt, -1)
		atomic.AddUint32(&ucnt, 1)
	}
	fmt.Println(atomic.LoadInt64(&old), atomic.LoadInt32(&cnt), atomic.LoadUint32(&ucnt))
	atomic.StoreInt64(&old, 1)
	fmt.Println(atomic.CompareAndSwapInt64(&old, 1, 2), atomic.CompareAndSwapInt64(&old, 1, 3), old)
	fmt.Println(atomic.SwapInt32(&cnt, 9), cnt)

	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(Config{"a"})
	v.Store(Config{"b"})
	fmt.Println(v.Load().(Config).Name)
	fmt.Println(v.CompareAndSwap(Config{"b"}, Config{"c"}), v.Load())
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	p.Store(&Config{"ptr"})
	fmt.Println(p.Load().Name)
}
