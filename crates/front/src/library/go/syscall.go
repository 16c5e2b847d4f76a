// Package syscall declares the part of Go's interface to the operating system that a program
// in chanlab can use: signals (Signal, its constants and names, as on linux/amd64), the
// program's process ids, sending a signal to the program itself, and Exit. The program is
// the only process, and no signal comes from outside it.
package syscall

import "internal/signals"

// A Signal is a number describing a process signal.
type Signal int

// Signal makes Signal an os.Signal.
func (s Signal) Signal() {}

func (s Signal) String() string {
	if 0 <= s && int(s) < len(signalNames) {
		if name := signalNames[s]; name != "" {
			return name
		}
	}
	return "signal " + itoa(int(s))
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// The signals of linux/amd64.
const (
	SIGABRT   = Signal(0x6)
	SIGALRM   = Signal(0xe)
	SIGBUS    = Signal(0x7)
	SIGCHLD   = Signal(0x11)
	SIGCLD    = Signal(0x11)
	SIGCONT   = Signal(0x12)
	SIGFPE    = Signal(0x8)
	SIGHUP    = Signal(0x1)
	SIGILL    = Signal(0x4)
	SIGINT    = Signal(0x2)
	SIGIO     = Signal(0x1d)
	SIGIOT    = Signal(0x6)
	SIGKILL   = Signal(0x9)
	SIGPIPE   = Signal(0xd)
	SIGPOLL   = Signal(0x1d)
	SIGPROF   = Signal(0x1b)
	SIGPWR    = Signal(0x1e)
	SIGQUIT   = Signal(0x3)
	SIGSEGV   = Signal(0xb)
	SIGSTKFLT = Signal(0x10)
	SIGSTOP   = Signal(0x13)
	SIGSYS    = Signal(0x1f)
	SIGTERM   = Signal(0xf)
	SIGTRAP   = Signal(0x5)
	SIGTSTP   = Signal(0x14)
	SIGTTIN   = Signal(0x15)
	SIGTTOU   = Signal(0x16)
	SIGUNUSED = Signal(0x1f)
	SIGURG    = Signal(0x17)
	SIGUSR1   = Signal(0xa)
	SIGUSR2   = Signal(0xc)
	SIGVTALRM = Signal(0x1a)
	SIGWINCH  = Signal(0x1c)
	SIGXCPU   = Signal(0x18)
	SIGXFSZ   = Signal(0x19)
)

var signalNames = [...]string{
	1:  "hangup",
	2:  "interrupt",
	3:  "quit",
	4:  "illegal instruction",
	5:  "trace/breakpoint trap",
	6:  "aborted",
	7:  "bus error",
	8:  "floating point exception",
	9:  "killed",
	10: "user defined signal 1",
	11: "segmentation fault",
	12: "user defined signal 2",
	13: "broken pipe",
	14: "alarm clock",
	15: "terminated",
	16: "stack fault",
	17: "child exited",
	18: "continued",
	19: "stopped (signal)",
	20: "stopped",
	21: "stopped (tty input)",
	22: "stopped (tty output)",
	23: "urgent I/O condition",
	24: "CPU time limit exceeded",
	25: "file size limit exceeded",
	26: "virtual timer expired",
	27: "profiling timer expired",
	28: "window changed",
	29: "I/O possible",
	30: "power failure",
	31: "bad system call",
}

// An Errno is an error number of the system's calls.
type Errno uintptr

func (e Errno) Error() string {
	switch e {
	case EINVAL:
		return "invalid argument"
	case EPERM:
		return "operation not permitted"
	case ESRCH:
		return "no such process"
	}
	return "errno " + itoa(int(e))
}

const (
	EPERM  = Errno(0x1)
	ESRCH  = Errno(0x3)
	EINVAL = Errno(0x16)
)

// The program's process id and its parent's: fixed numbers, as chanlab runs no process.
const (
	pid  = 12
	ppid = 1
)

func Getpid() int  { return pid }
func Getppid() int { return ppid }

// Kill sends signal sig to process pid: pid 0, -1 and Getpid() are the program, the only
// process there is (ESRCH for another). Signal 0 only checks that the process exists.
func Kill(pid int, sig Signal) error {
	if pid != 0 && pid != -1 && pid != Getpid() {
		return ESRCH
	}
	if sig < 0 || sig > 64 {
		return EINVAL
	}
	if sig != 0 {
		raise(sig)
	}
	return nil
}

// raise delivers sig to the program: to the channels os/signal's Notify registered for it,
// else by the signal's default action, as Go's runtime takes it. The signals that stop a
// process or that Go ignores by default are ignored; the others end the program as their
// signal kills a process, with what `go run` reports of it and the status a shell gives
// (128 + the signal's number).
func raise(sig Signal) {
	if signals.Notify != nil && signals.Notify(int(sig)) {
		return
	}
	switch sig {
	case SIGCHLD, SIGCONT, SIGPROF, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH:
		return
	}
	print("signal: ", sig.String(), "\n")
	Exit(128 + int(sig))
}

// Exit ends the program at once with status code, as os.Exit.
func Exit(code int)
