// Package os declares what chanlab's programs may use of the os package: exiting, the
// standard output streams, the arguments, files, of which a run has none, and signals, which
// the program can send itself (see os/signal).
package os

import (
	"errors"
	"io"
	"sync"
	"syscall"
)

// A Signal represents an operating system signal (a syscall.Signal).
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The signals guaranteed to exist on every system.
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

// Getpid returns the process id of the program (a fixed one: chanlab runs no process).
func Getpid() int { return syscall.Getpid() }

// Getppid returns the process id of the program's parent.
func Getppid() int { return syscall.Getppid() }

// ErrProcessDone reports that a process has finished.
var ErrProcessDone = errors.New("os: process already finished")

// A Process is a process FindProcess found: the program itself, the only one there is.
type Process struct {
	Pid int
}

// FindProcess looks for a running process by its pid; as on Unix, it always succeeds.
func FindProcess(pid int) (*Process, error) { return &Process{Pid: pid}, nil }

// Signal sends a signal to the process.
func (p *Process) Signal(sig Signal) error {
	if p == nil {
		return errors.New("os: process not initialized")
	}
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errors.New("os: unsupported signal type")
	}
	if err := syscall.Kill(p.Pid, s); err != nil {
		if err == syscall.ESRCH {
			return ErrProcessDone
		}
		return err
	}
	return nil
}

// Kill causes the process to exit immediately.
func (p *Process) Kill() error { return p.Signal(Kill) }

// Release releases any resources associated with the process.
func (p *Process) Release() error { return nil }

// A File is an open output stream (only Stdout and Stderr exist).
type File struct {
	fd int
}

var (
	Stdin  = &File{fd: 0}
	Stdout = &File{fd: 1}
	Stderr = &File{fd: 2}
)

// Args hold the command-line arguments, starting with the program name.
var Args = []string{"/tmp/go-build/exe/prog"}

// ErrInvalid indicates an invalid argument (a method called on a nil *File).
var ErrInvalid = errors.New("invalid argument")

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Errors for files (io/fs's).
var (
	ErrNotExist   = errors.New("file does not exist")
	ErrExist      = errors.New("file already exists")
	ErrPermission = errors.New("permission denied")
)

// errno is an error of the system's: only the one for a missing file occurs.
type errno string

const enoent errno = "no such file or directory"

func (e errno) Error() string { return string(e) }

// Is makes a missing file's error match ErrNotExist, as errors.Is asks.
func (e errno) Is(target error) bool { return e == enoent && target == ErrNotExist }

// Open opens the named file for reading. A run has no files: it fails as Go's does for a
// file that does not exist.
func Open(name string) (*File, error) {
	return nil, &PathError{Op: "open", Path: name, Err: enoent}
}

// ReadFile reads the named file: a run has no files (see Open).
func ReadFile(name string) ([]byte, error) {
	_, err := Open(name)
	return nil, err
}

// IsNotExist reports whether err says that a file does not exist (err itself, or the error
// a PathError holds).
func IsNotExist(err error) bool {
	if pe, ok := err.(*PathError); ok {
		err = pe.Err
	}
	return err == ErrNotExist || err == enoent
}

// Write writes b to the stream; Stdin, read-only as go run gives it, fails.
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkWrite(); err != nil {
		return 0, err
	}
	return f.write(b), nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	if err := f.checkWrite(); err != nil {
		return 0, err
	}
	return f.writeString(s), nil
}

// Read reads from the standard input, which is empty (as on Go's playground): it returns
// io.EOF. The standard output and error cannot be read.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.fd != 0 {
		return 0, &PathError{Op: "read", Path: f.Name(), Err: errors.New("bad file descriptor")}
	}
	if len(b) == 0 {
		return 0, nil
	}
	return 0, io.EOF
}

// ReadFrom implements io.ReaderFrom: it copies r to the file.
func (f *File) ReadFrom(r io.Reader) (n int64, err error) {
	return io.Copy(onlyWriter{f}, r)
}

// onlyWriter hides a File's ReadFrom from io.Copy.
type onlyWriter struct {
	io.Writer
}

// Name returns the name of the file as presented to Open.
func (f *File) Name() string {
	switch f.fd {
	case 0:
		return "/dev/stdin"
	case 1:
		return "/dev/stdout"
	}
	return "/dev/stderr"
}

func (f *File) checkWrite() error {
	if f == nil {
		return ErrInvalid
	}
	if f.fd == 0 {
		return &PathError{Op: "write", Path: "/dev/stdin", Err: errors.New("bad file descriptor")}
	}
	return nil
}

// write and writeString print on stdout (Stdout) or stderr (Stderr).
func (f *File) write(b []byte) int
func (f *File) writeString(s string) int

// Exit causes the current program to exit with the given status code.
func Exit(code int)

// Expand replaces ${var} or $var in the string according to the mapping function (Go's).
func Expand(s string, mapping func(string) string) string {
	var buf []byte
	// ${} is all ASCII, so bytes are fine for this operation.
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := getShellName(s[j+1:])
			if name == "" && w > 0 {
				// Encountered invalid syntax; eat the characters.
			} else if name == "" {
				// Valid syntax, but $ was not followed by a name. Leave the dollar character
				// untouched.
				buf = append(buf, s[j])
			} else {
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

// ExpandEnv replaces ${var} or $var in the string according to the run's environment.
func ExpandEnv(s string) string { return Expand(s, Getenv) }

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// getShellName returns the name that begins the string and the number of bytes consumed to
// extract it.
func getShellName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		// Scan to closing brace
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2 // Bad syntax; eat "${}"
				}
				return s[1:i], i + 1
			}
		}
		return "", 1 // Bad syntax; eat "${"
	case isShellSpecialVar(s[0]):
		return s[0:1], 1
	}
	// Scan alphanumerics.
	var i int
	for i = 0; i < len(s) && isAlphaNum(s[i]); i++ {
	}
	return s[:i], i
}

// Getenv retrieves the value of the environment variable named by the key: the run's
// environment (empty on the page) as the program changed it.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// The environment, as Go's syscall package keeps it: `KEY=value` strings in order ("" for
// one unset), and each key's index; read from the run's at first use.
var (
	envOnce sync.Once
	envMu   sync.RWMutex
	envs    []string
	envKeys map[string]int
)

// environ gives the run's environment as `KEY=value` strings.
func environ() []string

func copyenv() {
	envs = environ()
	envKeys = make(map[string]int)
	for i, kv := range envs {
		for j := 0; j < len(kv); j++ {
			if kv[j] == '=' {
				key := kv[:j]
				if _, ok := envKeys[key]; !ok {
					envKeys[key] = i
				} else {
					envs[i] = ""
				}
				break
			}
		}
	}
}

// LookupEnv retrieves the value of the environment variable named by the key, and whether
// it is set.
func LookupEnv(key string) (string, bool) {
	envOnce.Do(copyenv)
	envMu.RLock()
	defer envMu.RUnlock()
	i, ok := envKeys[key]
	if !ok {
		return "", false
	}
	kv := envs[i]
	return kv[len(key)+1:], true
}

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error {
	envOnce.Do(copyenv)
	if len(key) == 0 || containsByte(key, '=') || containsByte(key, 0) || containsByte(value, 0) {
		return NewSyscallError("setenv", syscall.EINVAL)
	}
	envMu.Lock()
	defer envMu.Unlock()
	kv := key + "=" + value
	if i, ok := envKeys[key]; ok {
		envs[i] = kv
	} else {
		envKeys[key] = len(envs)
		envs = append(envs, kv)
	}
	return nil
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	envOnce.Do(copyenv)
	envMu.Lock()
	defer envMu.Unlock()
	if i, ok := envKeys[key]; ok {
		envs[i] = ""
		delete(envKeys, key)
	}
	return nil
}

// Clearenv deletes all environment variables.
func Clearenv() {
	envOnce.Do(copyenv)
	envMu.Lock()
	defer envMu.Unlock()
	envKeys = make(map[string]int)
	envs = []string{}
}

// Environ returns the environment as `key=value` strings.
func Environ() []string {
	envOnce.Do(copyenv)
	envMu.RLock()
	defer envMu.RUnlock()
	a := make([]string, 0, len(envs))
	for _, kv := range envs {
		if kv != "" {
			a = append(a, kv)
		}
	}
	return a
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// NewSyscallError returns, as an error, a new SyscallError with the given system call name
// and error details; nil if err is nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}
