// Package os declares what chanlab's programs may use of the os package: exiting, the
// standard output streams and the arguments.
package os

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

func (f *File) Write(b []byte) (n int, err error)
func (f *File) WriteString(s string) (n int, err error)

// Exit causes the current program to exit with the given status code.
func Exit(code int)

// Getenv retrieves the value of the environment variable named by the key (none are set).
func Getenv(key string) string { return "" }
