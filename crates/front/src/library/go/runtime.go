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

// GC runs a garbage collection. chanlab's values are freed as soon as nothing refers to
// them, so what is left to do is finalization: the finalizers of the objects that nothing
// but their finalizer refers to any more are queued for the finalizer goroutine.
func GC() {
	if collectFinalizers() > 0 && !finalizing {
		finalizing = true
		go runfinq()
	}
}

// finalizing: the finalizer goroutine is running.
var finalizing bool

// collectFinalizers queues the finalizers whose object is unreachable; it returns how many
// are queued.
func collectFinalizers() int

// nextFinalizer takes a queued finalizer f and its argument off the queue. Whatever their
// Go types, the call f(arg) runs the finalizer: the interpreter's values carry no type, and
// the argument is the object as the finalizer's parameter takes it.
func nextFinalizer() (f func(*byte), arg *byte, ok bool)

// runfinq is the finalizer goroutine: it calls the queued finalizers one at a time.
func runfinq() {
	for {
		f, arg, ok := nextFinalizer()
		if !ok {
			finalizing = false
			return
		}
		f(arg)
	}
}

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

// SetFinalizer sets the finalizer of obj, a pointer to a heap object: once nothing but the
// finalizer refers to it, GC queues finalizer(obj) for the finalizer goroutine. A nil
// finalizer removes obj's. Objects in a reference cycle are never finalized.
func SetFinalizer(obj any, finalizer any)

// GOROOT returns the root of the Go tree.
func GOROOT() string { return "/usr/local/go" }

// Breakpoint executes a breakpoint trap (a panic in chanlab, which has no debugger).
func Breakpoint() { panic("runtime.Breakpoint") }
