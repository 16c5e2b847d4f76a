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
