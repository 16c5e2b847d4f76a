// The runtime benchmarks of benches/rt/bodies.rs, in Go: the reference figures that
// scripts/bench.sh prints beside chanlab's (`go test -bench . ` in a scratch module).

package baseline

import (
	"runtime"
	"sync"
	"testing"
)

// go func() { wg.Done() }(); wg.Wait(), one goroutine at a time.
func BenchmarkSpawnJoin(b *testing.B) {
	var wg sync.WaitGroup
	for i := 0; i < b.N; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
		wg.Wait()
	}
}

// A value sent to a goroutine and back over two unbuffered channels.
func BenchmarkPingPong(b *testing.B) {
	ping, pong := make(chan uint64), make(chan uint64)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	for i := 0; i < b.N; i++ {
		ping <- uint64(i)
		<-pong
	}
	close(ping)
}

// A producer and a consumer on a channel with a buffer of 128 (ns per message).
func BenchmarkBuffered(b *testing.B) {
	ch := make(chan uint64, 128)
	go func() {
		for i := 0; i < b.N; i++ {
			ch <- uint64(i)
		}
		close(ch)
	}()
	for range ch {
	}
}

// select receiving from one of 4 channels that each hold a value; the chosen one is
// refilled so all 4 stay ready.
func BenchmarkSelect4(b *testing.B) {
	var c [4]chan uint64
	for i := range c {
		c[i] = make(chan uint64, 1)
		c[i] <- uint64(i)
	}
	for i := 0; i < b.N; i++ {
		select {
		case v := <-c[0]:
			c[0] <- v
		case v := <-c[1]:
			c[1] <- v
		case v := <-c[2]:
			c[2] <- v
		case v := <-c[3]:
			c[3] <- v
		}
	}
}

// 1,000,000 goroutines parked receiving on one channel: heap and stack bytes per goroutine.
// Run with -benchtime 1x.
func BenchmarkParked(b *testing.B) {
	const n = 1000000
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ch := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			<-ch
			wg.Done()
		}()
	}
	for runtime.NumGoroutine() < n {
		runtime.Gosched()
	}
	runtime.ReadMemStats(&after)
	used := (after.HeapInuse + after.StackInuse) - (before.HeapInuse + before.StackInuse)
	b.ReportMetric(float64(used)/n, "B/goroutine")
	close(ch)
	wg.Wait()
}
