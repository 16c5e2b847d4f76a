// Package fmt declares chanlab's fmt package. Formatting is native; Errorf is written in
// Go so that `%w` wraps errors as Go's does.
package fmt

import "errors"

// Stringer is implemented by any value that has a String method.
type Stringer interface {
	String() string
}

// State and Formatter are not supported; Stringer and error are.

func Print(a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string

// Fprint, Fprintln and Fprintf write to any value with a Write method (os.Stdout,
// os.Stderr, a strings.Builder).
func Fprint(w interface {
	Write(p []byte) (n int, err error)
}, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintln(w interface {
	Write(p []byte) (n int, err error)
}, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

func Fprintf(w interface {
	Write(p []byte) (n int, err error)
}, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

// Errorf formats according to a format specifier and returns the string as an error. An
// operand of a %w verb is wrapped: the result has an Unwrap method.
func Errorf(format string, a ...any) error {
	s, w := errorf(format, a)
	if w >= 0 {
		if e, ok := a[w].(error); ok {
			return &wrapError{msg: s, err: e}
		}
	}
	return errors.New(s)
}

// errorf returns Errorf's text and the index of the operand its %w verb consumed (-1 when
// none did).
func errorf(format string, a []any) (string, int)

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}
