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

// LockOSThread wires the calling goroutine to its thread. chanlab runs goroutines on its own
// executors, not on threads of an operating system, so there is nothing to wire; a report
// says "locked to thread", as Go's does.
func LockOSThread()

// UnlockOSThread undoes an earlier call to LockOSThread.
func UnlockOSThread()

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

// Caller reports the function, file and line of a call on the calling goroutine's stack:
// skip 0 is the caller of Caller. The file is named as tracebacks name it (`./prog.go`).
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	pcs := callerPCs(skip+1, 1)
	if len(pcs) == 0 {
		return 0, "", 0, false
	}
	_, file, line, _, ok = pcFrame(pcs[0])
	return pcs[0], file, line, ok
}

// Callers fills pc with the program counters of the calling goroutine's stack, skip 0 being
// Callers itself, and returns how many it wrote.
func Callers(skip int, pc []uintptr) int {
	return copy(pc, callerPCs(skip, len(pc)))
}

// callerPCs gives the program counters of the calling goroutine's frames from its skip-th
// (0: the function that calls callerPCs), at most max of them.
func callerPCs(skip, max int) []uintptr

// pcFrame tells which frame a program counter of callerPCs names.
func pcFrame(pc uintptr) (function, file string, line int, entry uintptr, ok bool)

// A Func describes a function of the program.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns the function a program counter from Callers or Caller belongs to, or
// nil.
func FuncForPC(pc uintptr) *Func {
	name, _, _, entry, ok := pcFrame(pc)
	if !ok {
		return nil
	}
	return &Func{name: name, entry: entry}
}

// Name returns the function's name as tracebacks print it (`main.worker`).
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the program counter of the function's entry.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine returns the file and line of program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _, _ = pcFrame(pc)
	return file, line
}

// A Frame is one frame of a stack, as Frames.Next gives it.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames walks the frames of program counters from Callers.
type Frames struct {
	pcs []uintptr
}

// CallersFrames returns the frames of the program counters callers.
func CallersFrames(callers []uintptr) *Frames { return &Frames{pcs: callers} }

// Next returns the next frame, and whether more follow.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.pcs) == 0 {
		return Frame{}, false
	}
	pc := ci.pcs[0]
	ci.pcs = ci.pcs[1:]
	if name, file, line, entry, ok := pcFrame(pc); ok {
		frame = Frame{PC: pc, Func: &Func{name: name, entry: entry}, Function: name, File: file, Line: line, Entry: entry}
	} else {
		frame = Frame{PC: pc}
	}
	return frame, len(ci.pcs) > 0
}

// Stack writes the calling goroutine's stack into buf as Go's tracebacks show it (frames'
// arguments as `...`, no code offsets) and returns how many bytes it wrote; with all, the
// other goroutines' stacks follow (in sim mode: a real-mode run's goroutines are spread over
// workers, and only the caller's is written).
func Stack(buf []byte, all bool) int {
	return copy(buf, stackText(all))
}

// stackText gives the stacks as Stack writes them.
func stackText(all bool) string
