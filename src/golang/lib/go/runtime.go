// Package runtime declares what chanlab's runtime tells a program about itself.
package runtime

// GOOS and GOARCH are those of the Go playground.
const (
	GOOS   = "linux"
	GOARCH = "amd64"
)

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// GOMAXPROCS sets the number of virtual processors (if n > 0) and returns the previous
// setting.
func GOMAXPROCS(n int) int

// NumCPU returns the number of processors of the run.
func NumCPU() int

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// Goexit terminates the goroutine that calls it, after running its deferred calls.
func Goexit()

// GC runs a garbage collection (nothing to do in chanlab).
func GC() {}

// Version returns the Go version chanlab reports: "go1.22-chanlab" (programs run with Go
// 1.22's semantics unless their file asks for an older version).
func Version() string

// Compiler is the name of the compiler toolchain that built the running binary.
const Compiler = "gc"

// The Error interface identifies a run time error (a panic of the runtime).
type Error interface {
	error
	// RuntimeError is a no-op function that distinguishes runtime errors from ordinary
	// errors.
	RuntimeError()
}

// KeepAlive marks its argument as currently reachable.
func KeepAlive(x any) {}

// A MemStats records statistics about the memory allocator. chanlab's values live in the
// worker's memory, which has no Go allocator: every figure reads zero.
type MemStats struct {
	Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees                    uint64
	HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects uint64
	StackInuse, StackSys                                               uint64
	NextGC, LastGC, PauseTotalNs                                       uint64
	NumGC, NumForcedGC                                                 uint32
}

// ReadMemStats populates m with memory allocator statistics (zeros in chanlab).
func ReadMemStats(m *MemStats) { *m = MemStats{} }

// MemProfileRate controls the fraction of memory allocations recorded (none in chanlab).
var MemProfileRate int = 512 * 1024

// SetFinalizer sets the finalizer of obj. chanlab's values are freed when their last
// reference goes, without a collector to run finalizers: the finalizer is not called.
func SetFinalizer(obj any, finalizer any) {}

// GOROOT returns the root of the Go tree.
func GOROOT() string { return "/usr/local/go" }

// Breakpoint executes a breakpoint trap (a panic in chanlab, which has no debugger).
func Breakpoint() { panic("runtime.Breakpoint") }
