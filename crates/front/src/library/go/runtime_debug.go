// Package debug declares what chanlab offers of Go's runtime/debug: the stack of the calling
// goroutine, and the collector's settings, which a program can read back as Go's returns
// them (chanlab frees a value as soon as nothing refers to it, so they change nothing else).
package debug

import (
	"os"
	"runtime"
)

// Stack returns the stack of the goroutine that calls it, formatted as runtime.Stack
// formats it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack prints the stack returned by Stack on standard error.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// gcPercent and memoryLimit are the collector's settings (Go's defaults: GOGC=100, no
// limit).
var (
	gcPercent   = 100
	memoryLimit = int64(^uint64(0) >> 1)
)

// SetGCPercent sets the garbage collection target percentage and returns the previous one
// (a negative percentage turns the collector off).
func SetGCPercent(percent int) int {
	old := gcPercent
	if percent < 0 {
		percent = -1
	}
	gcPercent = percent
	return old
}

// SetMemoryLimit sets the runtime's soft memory limit and returns the previous one; a
// negative limit only reads it.
func SetMemoryLimit(limit int64) int64 {
	old := memoryLimit
	if limit >= 0 {
		memoryLimit = limit
	}
	return old
}

// FreeOSMemory forces a garbage collection: the finalizers of unreachable objects run.
func FreeOSMemory() {
	runtime.GC()
}
